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

  const columns: Column<Posting>[] = [
    {
      header: t('facilityPostings.columns.title'),
      cell: (row) => (
        <TextLink to={`/postings/${encodeURIComponent(row.id)}`} className="font-700">
          {row.title}
        </TextLink>
      ),
      className: 'min-w-[14rem]',
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
    {
      header: t('facilityPostings.columns.urgency'),
      cell: (row) => (row.urgency === 'immediate' ? <Badge kind="urgent">{labels.urgency(row.urgency)}</Badge> : labels.urgency(row.urgency)),
      className: 'whitespace-nowrap',
    },
    {
      header: t('facilityPostings.columns.masked'),
      cell: (row) => (row.masked ? t('facilityPostings.maskedYes') : t('facilityPostings.maskedNo')),
      className: 'whitespace-nowrap',
    },
    { header: t('facilityPostings.columns.startDate'), cell: (row) => formatDate(row.start_date, i18n.language), className: 'whitespace-nowrap' },
    { header: t('facilityPostings.columns.version'), cell: (row) => t('facilityPostings.versionValue', { version: row.version }), className: 'whitespace-nowrap' },
    { header: t('facilityPostings.columns.updatedAt'), cell: (row) => formatDateTime(row.updated_at, i18n.language), className: 'whitespace-nowrap' },
    { header: t('facilityPostings.columns.actions'), cell: (row) => <PostingActions posting={row} onDone={onDone} />, className: 'min-w-[15rem]' },
  ];

  return <DataTable caption={t('facilityPostings.listHeading')} columns={columns} rows={postings} rowKey={(row) => row.id} />;
}
