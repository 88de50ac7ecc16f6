import { z } from 'zod/mini';
import { emailAddress, requiredText } from '../../../shared/forms/schema_parts';
import { messageKey } from '../../../shared/i18n/message';
import { accountsKey } from '../i18n/accounts_i18n';
import { confirmationCode } from './confirmation_code';
import { isSameAsLogin, passwordSchema } from './password_rule';

export const loginSchema = z.object({
  login: requiredText('validation.loginRequired'),
  password: z.string().check(z.minLength(1, messageKey('validation.passwordRequired'))),
});

/** The login's second step: the same ID and password, and the authenticator app's code. */
export const loginWithCodeSchema = z.extend(loginSchema, { code: confirmationCode });

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

/** Changing one's own password (PUT /api/v1/me/password); `logins` are the user's ID and e-mail address, which the new password must not equal. */
export function passwordChangeSchema(logins: readonly string[]) {
  return z
    .object({
      current_password: z.string().check(z.minLength(1, accountsKey('validation.currentPasswordRequired'))),
      new_password: passwordSchema,
      passwordConfirmation,
    })
    .check(
      z.superRefine((values, context) => {
        if (logins.some((login) => isSameAsLogin(values.new_password, login))) {
          context.addIssue({ code: 'custom', path: ['new_password'], message: messageKey('validation.passwordSameAsLogin'), input: values });
        }
        if (values.new_password !== values.passwordConfirmation) {
          context.addIssue({ code: 'custom', path: ['passwordConfirmation'], message: messageKey('validation.passwordMismatch'), input: values });
        }
      }),
    );
}

/** The code that finishes setting up a second factor. */
export const secondFactorConfirmSchema = z.object({ code: confirmationCode });

/** Turning a second factor off takes the password and a current code. */
export const secondFactorDisableSchema = z.object({
  password: z.string().check(z.minLength(1, messageKey('validation.passwordRequired'))),
  code: confirmationCode,
});
