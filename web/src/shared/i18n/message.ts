import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

/** A key of ja.json / en.json; TypeScript rejects keys that do not exist. */
export type TranslationKey = ParseKeys<'translation'>;

/**
 * Something to show the user: either a translation key (our own wording,
 * translated when rendered, so it follows a language switch) or text that
 * the server already localised.
 */
export type Message = { key: TranslationKey } | { text: string };

/** Marks a string as a translation key where an API only takes strings (zod messages). */
export function messageKey(key: TranslationKey): string {
  return key;
}

export function useMessageText(): (message: Message) => string {
  const { t } = useTranslation();
  return (message) => ('key' in message ? t(message.key) : message.text);
}
