import { z } from 'zod/mini';
import { emailAddress, requiredText } from '../../../shared/forms/schema_parts';
import { messageKey } from '../../../shared/i18n/message';
import { isSameAsLogin, passwordSchema } from './password_rule';

export const loginSchema = z.object({
  login: requiredText('validation.loginRequired'),
  password: z.string().check(z.minLength(1, messageKey('validation.passwordRequired'))),
});

const passwordConfirmation = z.string().check(z.minLength(1, messageKey('validation.passwordConfirmationRequired')));

export const registrationSchema = z
  .object({
    name: requiredText('validation.nameRequired'),
    email: emailAddress('validation.emailRequired', 'validation.emailInvalid'),
    password: passwordSchema,
    passwordConfirmation,
  })
  .check(
    z.superRefine((values, context) => {
      // Seekers log in with their e-mail address, so it is their user ID.
      if (isSameAsLogin(values.password, values.email)) {
        context.addIssue({ code: 'custom', path: ['password'], message: messageKey('validation.passwordSameAsLogin'), input: values });
      }
      if (values.password !== values.passwordConfirmation) {
        context.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: messageKey('validation.passwordMismatch'), input: values });
      }
    }),
  );

export const forgotPasswordSchema = z.object({
  login: requiredText('validation.loginRequired'),
});

export const newPasswordSchema = z
  .object({
    password: passwordSchema,
    passwordConfirmation,
  })
  .check(
    z.superRefine((values, context) => {
      if (values.password !== values.passwordConfirmation) {
        context.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: messageKey('validation.passwordMismatch'), input: values });
      }
    }),
  );
