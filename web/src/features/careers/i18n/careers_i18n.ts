import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of the career centre's wording (features/careers/i18n/ja.json, en.json). */
export const CAREERS_NAMESPACE = 'careers';

export type CareersKey = ResourceKey<typeof ja>;

export const useCareersTranslation = registerFeatureTranslations(CAREERS_NAMESPACE, { ja, en });
