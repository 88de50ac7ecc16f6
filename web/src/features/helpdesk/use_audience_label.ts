import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../../shared/reference/roles';
import { useHelpdeskTranslation } from './i18n/helpdesk_i18n';

/** Who an announcement is for, in words: 「全員」 or the role names (the server sends "all" or "facility,aggregator"). */
export function useAudienceLabel() {
  const { t: tShared } = useTranslation();
  const { t } = useHelpdeskTranslation();
  return (audience: string): string => {
    if (audience === 'all' || audience === '') {
      return t('announcements.audienceAll');
    }
    return audience
      .split(',')
      .map((role) => tShared(roleLabelKey(role.trim())))
      .join(tShared('common.listSeparator'));
  };
}
