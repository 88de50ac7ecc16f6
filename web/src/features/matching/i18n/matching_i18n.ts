import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/matching/i18n/ja.json, en.json). */
export const MATCHING_NAMESPACE = 'matching';

export type MatchingKey = ResourceKey<typeof ja>;

export const useMatchingTranslation = registerFeatureTranslations(MATCHING_NAMESPACE, { ja, en });

/** A key of this feature as the whole app names it (`matching:…`), for what shared code translates later: zod messages, Message objects. */
export function matchingKey(key: MatchingKey): TranslationKey {
  return `${MATCHING_NAMESPACE}:${key}` as TranslationKey;
}
