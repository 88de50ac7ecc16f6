import { useTranslation } from 'react-i18next';
import type { Posting } from '../../../shared/postings/posting';
import { useCodeLabels } from '../../../shared/reference/use_code_labels';
import { formatDate } from '../../../shared/text/format_date';
import { formatDateTime } from '../../../shared/text/format_date_time';
import { Badge } from '../../../shared/ui/badge';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { TextLink } from '../../../shared/ui/text_link';
import { PostingActions } from './posting_actions';
import { postingStatusBadge } from './posting_status';

/** The facility's own postings, newest change first, each with its quick actions. */
export function FacilityPostingTable({ postings, onDone }: { postings: readonly Posting[]; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();

  // Five columns, so the table fits a 1366px screen whole (issue 11 item 1): urgency, masking and the
  // version are read with the title, and the actions wrap inside their own column instead of widening it.
  const columns: Column<Posting>[] = [
    {
      header: t('facilityPostings.columns.title'),
      cell: (row) => (
        <span className="flex flex-col items-start gap-1">
          <TextLink to={`/postings/${encodeURIComponent(row.id)}`} className="font-700 [overflow-wrap:anywhere]">
            {row.title === '' ? t('facilityPostings.untitled') : row.title}
          </TextLink>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-dns-14N-130 text-solid-gray-800">
            {row.urgency === 'immediate' ? <Badge kind="urgent">{labels.urgency(row.urgency)}</Badge> : <span>{labels.urgency(row.urgency)}</span>}
            <span>{t('facilityPostings.maskedValue', { value: row.masked ? t('facilityPostings.maskedYes') : t('facilityPostings.maskedNo') })}</span>
            <span>{t('facilityPostings.versionValue', { version: row.version })}</span>
          </span>
        </span>
      ),
      className: 'desktop-admin:w-[30%]',
    },
    {
      header: t('facilityPostings.columns.status'),
      cell: (row) => {
        const status = postingStatusBadge(row.status);
        return (
          <span className="flex flex-col items-start gap-1">
            <Badge kind={status.kind}>{t(status.labelKey)}</Badge>
            {row.close_reason !== null && <span className="text-dns-14N-130">{t(`codes.closeReason.${row.close_reason}`)}</span>}
          </span>
        );
      },
      className: 'whitespace-nowrap',
    },
    { header: t('facilityPostings.columns.startDate'), cell: (row) => formatDate(row.start_date, i18n.language) },
    { header: t('facilityPostings.columns.updatedAt'), cell: (row) => formatDateTime(row.updated_at, i18n.language) },
    { header: t('facilityPostings.columns.actions'), cell: (row) => <PostingActions posting={row} onDone={onDone} />, className: 'desktop-admin:w-[16rem]' },
  ];

  return <DataTable caption={t('facilityPostings.listHeading')} columns={columns} rows={postings} rowKey={(row) => row.id} />;
}
