import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of the work-environment centre's wording (features/workenv/i18n/ja.json, en.json). */
export const WORKENV_NAMESPACE = 'workenv';

export type WorkenvKey = ResourceKey<typeof ja>;

export const useWorkenvTranslation = registerFeatureTranslations(WORKENV_NAMESPACE, { ja, en });
