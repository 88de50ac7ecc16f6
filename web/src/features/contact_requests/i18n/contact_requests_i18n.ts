import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of this feature's wording (features/contact_requests/i18n/ja.json, en.json). */
export const CONTACT_REQUESTS_NAMESPACE = 'contactRequests';

export type ContactRequestsKey = ResourceKey<typeof ja>;

export const useContactRequestsTranslation = registerFeatureTranslations(CONTACT_REQUESTS_NAMESPACE, { ja, en });
