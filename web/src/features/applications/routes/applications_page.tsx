import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { formatDate, formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { useApplications, useFacilityPostingChoices, type ApplicationSummary } from '../api/applications_api';
import { StageBadge } from '../components/stage_badge';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { useApplicationLabels } from '../use_application_labels';

const LEAD_ROLES = ['seeker', 'facility', 'coordinator', 'secretariat'] as const;

/**
 * 「応募・問い合わせ」 for every role: a seeker's own, a facility's (one
 * posting at a time if it likes, `?posting_id=`), a coordinator's region, all
 * for the secretariat. The seeker appears by handle only; who they are is on
 * the detail page, and only where the rules allow.
 */
export function ApplicationsPage({ user }: { user: SessionUser }) {
  const { t, language } = useApplicationsTranslation();
  const text = useMessageText();
  const labels = useApplicationLabels();
  const title = t('list.title');
  useDocumentTitle(title);
  const role = user.role;
  const facility = role === 'facility';
  const [searchParams, setSearchParams] = useSearchParams();
  const postingId = facility ? (searchParams.get('posting_id') ?? '') : '';
  const applications = useApplications(postingId);
  const result = applications.isError ? undefined : applications.data;

  const columns: Column<ApplicationSummary>[] = [
    {
      header: t('list.columns.posting'),
      cell: (row) => (
        <Link to={`/applications/${encodeURIComponent(row.id)}`} className={`${TEXT_LINK_CLASSES} break-words font-700`}>
          {row.posting_title}
        </Link>
      ),
      className: 'min-w-[14rem]',
    },
    // The seeker's list says where each one is; a masked posting's facility stays hidden until the match.
    ...(role === 'seeker'
      ? [
          {
            header: t('list.columns.facility'),
            cell: (row: ApplicationSummary) =>
              row.facility_name === undefined || row.facility_name === null || row.facility_name === '' ? t('list.facilityHidden') : row.facility_name,
          },
        ]
      : []),
    { header: t('list.columns.kind'), cell: (row) => labels.kind(row.kind), className: 'whitespace-nowrap' },
    { header: t('list.columns.stage'), cell: (row) => <StageBadge stage={row.stage} serverName={row.stage_name} /> },
    ...(role === 'seeker' ? [] : [{ header: t('list.columns.seeker'), cell: (row: ApplicationSummary) => row.handle, className: 'whitespace-nowrap' }]),
    {
      header: t('list.columns.unread'),
      cell: (row) => (row.unread_messages > 0 ? <Badge kind="info">{t('list.unreadBadge', { count: row.unread_messages })}</Badge> : t('list.unreadNone')),
      className: 'whitespace-nowrap',
    },
    {
      header: t('list.columns.matched'),
      cell: (row) => (row.matched ? <Badge kind="success">{t('matched.yes')}</Badge> : t('matched.no')),
      className: 'whitespace-nowrap',
    },
    { header: t('list.columns.updated'), cell: (row) => formatDateTime(row.updated_at, language), className: 'whitespace-nowrap' },
  ];

  const lead = (LEAD_ROLES as readonly string[]).includes(role) ? t(`list.leads.${role as (typeof LEAD_ROLES)[number]}`) : null;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{title}</PageHeading>
        {lead !== null && <p className="text-std-16N-170 text-solid-gray-800">{lead}</p>}
        {role === 'seeker' && (
          <p>
            <Link to="/postings" className={buttonClassName('secondary')}>
              {t('list.searchPostings')}
            </Link>
          </p>
        )}
        {(role === 'coordinator' || role === 'secretariat') && (
          <p>
            <Link to="/coordination" className={buttonClassName('secondary')}>
              {t('list.coordinationLink')}
            </Link>
          </p>
        )}
      </div>
      {facility && (
        <section aria-label={t('list.filterHeading')} className="rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
          <PostingFilter
            key={postingId}
            postingId={postingId}
            onChange={(next) => setSearchParams(next === '' ? {} : { posting_id: next })}
          />
        </section>
      )}
      <section aria-labelledby="application-results" className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-col gap-2">
          <h2 id="application-results" className="text-std-24B-150 text-solid-gray-900">
            {t('list.resultsHeading')}
          </h2>
          <p aria-live="polite" aria-atomic="true" className="text-std-20B-150 text-solid-gray-900">
            {result !== undefined && t('list.count', { count: result.total })}
          </p>
        </div>
        {applications.isPending && <LoadingIndicator />}
        {applications.isError && (
          <Alert kind="error">
            <p>{text(messageForError(applications.error))}</p>
          </Alert>
        )}
        {result !== undefined && result.items.length === 0 && (
          <p className="text-std-16N-170">{role === 'seeker' ? t('list.emptySeeker') : t('list.empty')}</p>
        )}
        {result !== undefined && result.items.length > 0 && <DataTable caption={title} columns={columns} rows={result.items} rowKey={(row) => row.id} />}
      </section>
    </div>
  );
}

function PostingFilter({ postingId, onChange }: { postingId: string; onChange: (postingId: string) => void }) {
  const { t, language } = useApplicationsTranslation();
  const postings = useFacilityPostingChoices(true);
  const [chosen, setChosen] = useState(postingId);
  // Several postings may share a title; the start date tells them apart.
  const options = (postings.data?.items ?? []).map((posting) => ({
    value: posting.id,
    label: t('list.postingOption', { title: posting.title, date: formatDate(posting.start_date, language) }),
  }));
  // A posting in the address that is not (or not yet) in the list is still offered, so the select shows it.
  if (postingId !== '' && !options.some((option) => option.value === postingId)) {
    options.unshift({ value: postingId, label: postingId });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onChange(chosen);
  }

  return (
    <form role="search" aria-label={t('list.filterHeading')} noValidate onSubmit={submit} className="flex flex-col gap-4">
      <SelectField
        label={t('list.postingFilter')}
        name="posting_id"
        promptLabel={t('list.allPostings')}
        value={chosen}
        options={options}
        onValueChange={setChosen}
      />
      <div className="flex flex-col gap-3 desktop:flex-row">
        <Button type="submit">{t('list.filter')}</Button>
        <Button variant="secondary" onClick={() => onChange('')}>
          {t('list.clear')}
        </Button>
      </div>
    </form>
  );
}
