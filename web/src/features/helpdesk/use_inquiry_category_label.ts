import { INQUIRY_CATEGORIES } from './api/helpdesk_api';
import { useHelpdeskTranslation } from './i18n/helpdesk_i18n';

/** The name of an inquiry category in the UI language; a code we do not know shows the server's name. */
export function useInquiryCategoryLabel() {
  const { t } = useHelpdeskTranslation();
  return (code: string | null | undefined, serverName?: string | null): string => {
    if (code === null || code === undefined || code === '') {
      return t('inquiryCategory.none');
    }
    return (INQUIRY_CATEGORIES as readonly string[]).includes(code)
      ? t(`inquiryCategory.${code as (typeof INQUIRY_CATEGORIES)[number]}`)
      : (serverName ?? code);
  };
}
