import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/notifications/i18n/ja.json, en.json). */
export const NOTIFICATIONS_NAMESPACE = 'notifications';

export type NotificationsKey = ResourceKey<typeof ja>;

export const useNotificationsTranslation = registerFeatureTranslations(NOTIFICATIONS_NAMESPACE, { ja, en });

/** A key of this feature as the whole app names it (`notifications:…`), for what shared code translates later: zod messages, Message objects. */
export function notificationsKey(key: NotificationsKey): TranslationKey {
  return `${NOTIFICATIONS_NAMESPACE}:${key}` as TranslationKey;
}
