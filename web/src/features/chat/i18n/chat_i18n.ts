import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import en from './en.json';
import ja from './ja.json';

/** The i18next namespace of the chat panel's wording (features/chat/i18n/ja.json, en.json). */
export const CHAT_NAMESPACE = 'chat';

export type ChatKey = ResourceKey<typeof ja>;

export const useChatTranslation = registerFeatureTranslations(CHAT_NAMESPACE, { ja, en });
