import { registerFeatureTranslations, type ResourceKey } from '../../../shared/i18n/feature_i18n';
import type { TranslationKey } from '../../../shared/i18n/message';
import en from './en.json';
import ja from './ja.json';

/**
 * The i18next namespace of this feature's newer wording (features/accounts/i18n/ja.json, en.json):
 * the login's second step, the account page and second factors. The older login, registration and
 * password texts still live in the shared ja.json under `login`, `register`, `password` …
 */
export const ACCOUNTS_NAMESPACE = 'accounts';

export type AccountsKey = ResourceKey<typeof ja>;

export const useAccountsTranslation = registerFeatureTranslations(ACCOUNTS_NAMESPACE, { ja, en });

/** A key of this feature as the whole app names it (`accounts:…`), for what shared code translates later: zod messages, Message objects. */
export function accountsKey(key: AccountsKey): TranslationKey {
  return `${ACCOUNTS_NAMESPACE}:${key}` as TranslationKey;
}
