import { Badge, type BadgeKind } from '../../../shared/ui/badge';
import { INQUIRY_STATUSES, type InquiryStatus } from '../api/helpdesk_api';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';

const STATUS_KIND: Record<InquiryStatus, BadgeKind> = {
  received: 'info',
  answered: 'success',
  follow_up: 'neutral',
  closed: 'muted',
};

export function isInquiryStatus(value: string): value is InquiryStatus {
  return (INQUIRY_STATUSES as readonly string[]).includes(value);
}

/** 受付 / 回答済 / 追加質問 / 完了, in words (never by colour alone). */
export function InquiryStatusBadge({ status, serverName }: { status: string; serverName?: string }) {
  const { t } = useHelpdeskTranslation();
  if (!isInquiryStatus(status)) {
    return <Badge kind="neutral">{serverName ?? status}</Badge>;
  }
  return <Badge kind={STATUS_KIND[status]}>{t(`inquiryStatus.${status}`)}</Badge>;
}
