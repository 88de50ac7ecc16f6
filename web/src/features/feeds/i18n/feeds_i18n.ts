import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/feeds/i18n/ja.json, en.json). */
export const FEEDS_NAMESPACE = 'feeds';

export type FeedsKey = ResourceKey<typeof ja>;

export const useFeedsTranslation = registerFeatureTranslations(FEEDS_NAMESPACE, { ja, en });

/** A key of this feature as the whole app names it (`feeds:…`), for what shared code translates later: zod messages, Message objects. */
export function feedsKey(key: FeedsKey): TranslationKey {
  return `${FEEDS_NAMESPACE}:${key}` as TranslationKey;
}
