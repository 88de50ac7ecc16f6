import { registerFeatureTranslations } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of the about page (features/about/i18n/ja.json, en.json). */
export const ABOUT_NAMESPACE = 'about';

export const useAboutTranslation = registerFeatureTranslations(ABOUT_NAMESPACE, { ja, en });
