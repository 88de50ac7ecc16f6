import { z } from 'zod/mini';
import { messageKey } from '../../../shared/i18n/message';

/**
 * The platform's password rule (SPEC.md "Accounts"), checked in the browser
 * so people learn about a weak password before sending it. The server checks
 * the same rule and also rejects common passwords, which we do not duplicate
 * here; its message is shown under the field when that happens.
 */
export const PASSWORD_MIN_LENGTH = 8;

export const passwordSchema = z.string().check(
  z.minLength(1, messageKey('validation.passwordRequired')),
  z.minLength(PASSWORD_MIN_LENGTH, messageKey('validation.passwordTooShort')),
  z.regex(/[A-Z]/, messageKey('validation.passwordNeedsUppercase')),
  z.regex(/[a-z]/, messageKey('validation.passwordNeedsLowercase')),
  z.regex(/[0-9]/, messageKey('validation.passwordNeedsDigit')),
);

/** A password equal to the user's login name is forbidden; case and surrounding spaces do not make it different. */
export function isSameAsLogin(password: string, login: string): boolean {
  const normalisedLogin = login.trim().toLowerCase();
  return normalisedLogin !== '' && password.trim().toLowerCase() === normalisedLogin;
}
