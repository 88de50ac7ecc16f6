import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/beds/i18n/ja.json, en.json). */
export const BEDS_NAMESPACE = 'beds';

export type BedsKey = ResourceKey<typeof ja>;

export const useBedsTranslation = registerFeatureTranslations(BEDS_NAMESPACE, { ja, en });

/**
 * A key of this feature as the whole app names it (`beds:report.…`), for
 * what shared code translates later: zod messages, Message objects.
 */
export function bedsKey(key: BedsKey): TranslationKey {
  return `${BEDS_NAMESPACE}:${key}` as TranslationKey;
}
