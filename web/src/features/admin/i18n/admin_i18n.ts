import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/**
 * The i18next namespace of this feature's newer wording (features/admin/i18n/ja.json, en.json).
 * The older organisation and user texts still live in the shared ja.json under `organisations` / `users`.
 */
export const ADMIN_NAMESPACE = 'admin';

export type AdminKey = ResourceKey<typeof ja>;

export const useAdminTranslation = registerFeatureTranslations(ADMIN_NAMESPACE, { ja, en });

/** A key of this feature as the whole app names it (`admin:…`), for what shared code translates later: zod messages, Message objects. */
export function adminKey(key: AdminKey): TranslationKey {
  return `${ADMIN_NAMESPACE}:${key}` as TranslationKey;
}
