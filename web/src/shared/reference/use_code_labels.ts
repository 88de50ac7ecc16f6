import { useTranslation } from 'react-i18next';
import type { TranslationKey } from '../i18n/message';
import { employmentLabelKey, urgencyLabelKey, weekdayLabelKey } from './work_codes';
import { localisedName, useCategories } from './reference_api';

/**
 * Names for the codes the API sends, in the UI language. A code this version
 * does not know (a newer server) is shown as the code itself rather than hidden.
 */
export function useCodeLabels() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const label = (key: TranslationKey | null, code: string) => (key === null ? code : t(key));
  const weekday = (code: string) => label(weekdayLabelKey(code), code);
  return {
    employment: (code: string) => label(employmentLabelKey(code), code),
    urgency: (code: string) => label(urgencyLabelKey(code), code),
    weekday,
    weekdays: (codes: readonly string[]) => codes.map(weekday).join(t('common.listSeparator')),
    /** The job category's name; `fallback` (the server's Japanese name) while the list loads. */
    category: (code: string, fallback?: string) => {
      const category = categories.data?.find((entry) => entry.code === code);
      return category !== undefined ? localisedName(category, i18n.language) : (fallback ?? code);
    },
  };
}
