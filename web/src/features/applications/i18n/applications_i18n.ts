import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/applications/i18n/ja.json, en.json). */
export const APPLICATIONS_NAMESPACE = 'applications';

export type ApplicationsKey = ResourceKey<typeof ja>;

export const useApplicationsTranslation = registerFeatureTranslations(APPLICATIONS_NAMESPACE, { ja, en });

/**
 * A key of this feature as the whole app names it (`applications:…`), for
 * what shared code translates later: zod messages, Message objects.
 */
export function applicationsKey(key: ApplicationsKey): TranslationKey {
  return `${APPLICATIONS_NAMESPACE}:${key}` as TranslationKey;
}
