import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/helpdesk/i18n/ja.json, en.json). */
export const HELPDESK_NAMESPACE = 'helpdesk';

export type HelpdeskKey = ResourceKey<typeof ja>;

export const useHelpdeskTranslation = registerFeatureTranslations(HELPDESK_NAMESPACE, { ja, en });

/**
 * A key of this feature as the whole app names it (`helpdesk:inquiryForm.…`),
 * for what shared code translates later: zod messages, Message objects.
 */
export function helpdeskKey(key: HelpdeskKey): TranslationKey {
  return `${HELPDESK_NAMESPACE}:${key}` as TranslationKey;
}
