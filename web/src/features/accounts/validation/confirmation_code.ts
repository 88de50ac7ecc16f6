import { z } from 'zod/mini';
import { accountsKey } from '../i18n/accounts_i18n';

/** Authenticator apps (TOTP, RFC 6238) show 6 digits. */
export const CONFIRMATION_CODE_LENGTH = 6;

/**
 * The code as the server wants it. A Japanese keyboard often types
 * full-width digits, and apps show the code as 「123 456」, so full-width
 * digits become ASCII and spaces and hyphens go.
 */
export function normaliseConfirmationCode(typed: string): string {
  return typed
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－‐]/g, '');
}

export const confirmationCode = z.string().check(
  z.overwrite(normaliseConfirmationCode),
  z.minLength(1, accountsKey('validation.codeRequired')),
  z.regex(new RegExp(`^[0-9]{${CONFIRMATION_CODE_LENGTH}}$`), accountsKey('validation.codeInvalid')),
);
