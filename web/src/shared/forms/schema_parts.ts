import { z } from 'zod/mini';
import type { TranslationKey } from '../i18n/message';

/**
 * Building blocks for form schemas. zod/mini keeps the bundle small; every
 * message is a translation key, translated when the error is shown.
 */

// The server does the real address check; this only catches obvious typing slips.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text that must not be blank; surrounding spaces are removed before sending. */
export function requiredText(requiredKey: TranslationKey) {
  return z.string().check(z.trim(), z.minLength(1, requiredKey));
}

export function emailAddress(requiredKey: TranslationKey, invalidKey: TranslationKey) {
  return z.string().check(z.trim(), z.minLength(1, requiredKey), z.regex(EMAIL_SHAPE, invalidKey));
}

/** One of a fixed set of codes, as chosen in a select. */
export function oneOf(allowed: readonly string[], requiredKey: TranslationKey) {
  return z.string().check(z.refine((value) => allowed.includes(value), requiredKey));
}
