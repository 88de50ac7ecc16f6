import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button, buttonClassName } from '../../../shared/ui/button';
import { DataTable, type Column } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { SelectField } from '../../../shared/ui/select_field';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES } from '../../../shared/ui/text_link';
import { INQUIRY_STATUSES, useInquiries, type InquirySummary } from '../api/helpdesk_api';
import { InquiryStatusBadge } from '../components/inquiry_status_badge';
import { useHelpdeskTranslation } from '../i18n/helpdesk_i18n';
import {
  INQUIRY_PAGE_SIZE,
  inquiryApiQuery,
  inquiryFiltersFromSearchParams,
  searchParamsFromInquiryFilters,
  type InquiryFilters,
} from '../inquiry_params';
import { useInquiryCategoryLabel } from '../use_inquiry_category_label';

/**
 * 「お問合せ」: the user's own inquiries with 「新規お問合せ」; for the
 * secretariat 「お問合せ（受信箱）」, every inquiry. Both filter by status and
 * subject, kept in the query string.
 */
export function InquiryListPage({ user }: { user: SessionUser }) {
  const { t, language } = useHelpdeskTranslation();
  const secretariat = user.role === 'secretariat';
  const title = secretariat ? t('inquiries.inboxTitle') : t('inquiries.title');
  useDocumentTitle(title);
  const text = useMessageText();
  const categoryLabel = useInquiryCategoryLabel();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = inquiryFiltersFromSearchParams(searchParams);
  const inquiries = useInquiries(inquiryApiQuery(filters));
  const result = inquiries.isError ? undefined : inquiries.data;
  const fieldErrors = inquiries.error instanceof ApiError ? inquiries.error.fields : {};

  const show = (next: InquiryFilters) => setSearchParams(searchParamsFromInquiryFilters(next));

  const columns: Column<InquirySummary>[] = [
    {
      header: t('inquiries.columns.subject'),
      cell: (inquiry) => (
        <Link to={`/helpdesk/${encodeURIComponent(inquiry.id)}`} className={`${TEXT_LINK_CLASSES} break-words font-700`}>
          {inquiry.subject}
        </Link>
      ),
      className: 'min-w-[14rem]',
    },
    { header: t('inquiries.columns.status'), cell: (inquiry) => <InquiryStatusBadge status={inquiry.status} serverName={inquiry.status_name} /> },
    { header: t('inquiries.columns.category'), cell: (inquiry) => categoryLabel(inquiry.category, inquiry.category_name) },
    ...(secretariat ? [{ header: t('inquiries.columns.asker'), cell: (inquiry: InquirySummary) => inquiry.asker_name }] : []),
    { header: t('inquiries.columns.created'), cell: (inquiry) => formatDateTime(inquiry.created_at, language), className: 'whitespace-nowrap' },
    { header: t('inquiries.columns.updated'), cell: (inquiry) => formatDateTime(inquiry.updated_at, language), className: 'whitespace-nowrap' },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{title}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{secretariat ? t('inquiries.inboxLead') : t('inquiries.lead')}</p>
        <p>
          <Link to="/helpdesk/new" className={buttonClassName('primary')}>
            {t('inquiries.newLink')}
          </Link>
        </p>
      </div>
      <section aria-label={t('inquiries.filtersHeading')} className="rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
        <InquiryFilterForm key={searchParams.toString()} filters={filters} fieldErrors={fieldErrors} onSearch={show} />
      </section>
      <section aria-labelledby="inquiry-results" className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-col gap-2">
          <h2 id="inquiry-results" className="text-std-24B-150 text-solid-gray-900">
            {t('inquiries.resultsHeading')}
          </h2>
          <p aria-live="polite" aria-atomic="true" className="text-std-20B-150 text-solid-gray-900">
            {result !== undefined && t('inquiries.count', { count: result.total })}
          </p>
        </div>
        {inquiries.isPending && <LoadingIndicator />}
        {inquiries.isError && (
          <Alert kind="error">
            <p>{text(messageForError(inquiries.error))}</p>
          </Alert>
        )}
        {result !== undefined && result.items.length === 0 && <p className="text-std-16N-170">{t('inquiries.empty')}</p>}
        {result !== undefined && result.items.length > 0 && (
          <DataTable caption={title} columns={columns} rows={result.items} rowKey={(inquiry) => inquiry.id} />
        )}
        {result !== undefined && (
          <Pagination
            page={filters.page}
            perPage={INQUIRY_PAGE_SIZE}
            total={result.total}
            shown={result.items.length}
            onPageChange={(page) => show({ ...filters, page })}
            label={t('inquiries.pagination')}
          />
        )}
      </section>
    </div>
  );
}

function InquiryFilterForm({
  filters,
  fieldErrors,
  onSearch,
}: {
  filters: InquiryFilters;
  fieldErrors: Readonly<Record<string, string>>;
  onSearch: (filters: InquiryFilters) => void;
}) {
  const { t } = useHelpdeskTranslation();
  const [status, setStatus] = useState(filters.status);
  const [q, setQ] = useState(filters.q);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSearch({ status, q, page: 1 });
  }

  return (
    <form role="search" aria-label={t('inquiries.filtersHeading')} noValidate onSubmit={submit} className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 desktop:grid-cols-2">
        <SelectField
          label={t('inquiries.statusLabel')}
          name="status"
          promptLabel={t('inquiries.allStatuses')}
          value={status}
          options={INQUIRY_STATUSES.map((code) => ({ value: code, label: t(`inquiryStatus.${code}`) }))}
          onValueChange={setStatus}
          error={fieldErrors.status}
        />
        <TextField
          label={t('inquiries.keywordLabel')}
          name="q"
          type="search"
          maxLength={100}
          value={q}
          onValueChange={setQ}
          error={fieldErrors.q}
        />
      </div>
      <div className="flex flex-col gap-3 desktop:flex-row">
        <Button type="submit">{t('inquiries.search')}</Button>
        <Button variant="secondary" onClick={() => onSearch({ status: '', q: '', page: 1 })}>
          {t('inquiries.clear')}
        </Button>
      </div>
    </form>
  );
}
