import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { prefectureName } from '../reference/prefectures';
import { useCodeLabels } from '../reference/use_code_labels';
import { formatDate } from '../text/format_date';
import { Badge } from '../ui/badge';
import type { Posting } from './posting';
import { facilityName, placeSummary } from './posting_display';

/**
 * One posting in a list (search results, recommendations). The facility's
 * name is shown only when the server sent it; for a masked posting the card
 * says that it is not public, in the same words for every such posting.
 * `search` is the list's query string, kept for the detail page's way back;
 * `children` come after the details (a recommendation's score and reasons).
 */
export function PostingCard({ posting, search = '', children }: { posting: Posting; search?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const labels = useCodeLabels();
  const name = facilityName(posting);
  const category = labels.category(posting.category, posting.category_name);
  const rows: { label: string; value: string; muted?: boolean }[] = [
    {
      label: t('postingSearch.card.category'),
      value: posting.specialty ? t('postingSearch.card.categoryWithSpecialty', { category, specialty: posting.specialty }) : category,
    },
    { label: t('postingSearch.card.employment'), value: labels.employment(posting.employment) },
    { label: t('postingSearch.card.startDate'), value: formatDate(posting.start_date, i18n.language) },
    {
      label: t('postingSearch.card.place'),
      value: placeSummary(posting.workplace, t('postingSearch.card.placeSeparator'), prefectureName(posting.workplace.prefecture, i18n.language)),
    },
    { label: t('postingSearch.card.facility'), value: name ?? t('postingSearch.card.facilityHidden'), muted: name === null },
  ];
  // 給与 is free text; a long one is cut to its first line on the card (the posting's page shows it whole).
  const pay = posting.pay?.trim() ?? '';
  if (pay !== '') {
    rows.splice(3, 0, { label: t('postingSearch.card.pay'), value: pay.split('\n')[0] ?? pay });
  }
  return (
    <article className="flex h-full flex-col gap-3 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
      <h3 className="flex flex-wrap items-center gap-x-3 gap-y-1 text-std-20B-150 text-solid-gray-900">
        {posting.urgency === 'immediate' && <Badge kind="urgent">{t('postingSearch.card.urgent')}</Badge>}
        <Link
          to={`/postings/${encodeURIComponent(posting.id)}`}
          state={{ search }}
          className="text-blue-1000 underline underline-offset-[3px] hover:decoration-[3px]"
        >
          {posting.title}
        </Link>
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        {rows.map((row) => (
          <Fragment key={row.label}>
            <dt className="font-700 text-solid-gray-700">{row.label}</dt>
            <dd className={`min-w-0 break-words ${row.muted === true ? 'text-solid-gray-700' : 'text-solid-gray-900'}`}>
              {row.value}
            </dd>
          </Fragment>
        ))}
      </dl>
      {children}
    </article>
  );
}
