import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { POSTING_STATUSES } from '../../../shared/postings/posting';
import { Alert } from '../../../shared/ui/alert';
import { buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { FACILITY_POSTINGS_PER_PAGE, useFacilityPostings, type FacilityPostingFilter } from '../api/postings_api';
import { FacilityPostingFilterForm } from '../components/facility_posting_filter';
import { FacilityPostingTable } from '../components/facility_posting_table';

/** The filter and page live in the query string, so a reload or Back keeps the list the user was on. */
function filterFromSearchParams(params: URLSearchParams): FacilityPostingFilter {
  const page = Number(params.get('page') ?? '1');
  return {
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    q: params.get('q') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function searchParamsFromFilter(filter: FacilityPostingFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['status', 'category', 'q'] as const) {
    if (filter[key] !== '') {
      params.set(key, filter[key]);
    }
  }
  if (filter.page > 1) {
    params.set('page', String(filter.page));
  }
  return params;
}

/** 「募集の管理」: the facility's postings in every state, with counts, a filter, pages and quick actions. */
export function FacilityPostingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('facilityPostings.title'));
  const text = useMessageText();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFromSearchParams(searchParams);
  const postings = useFacilityPostings(filter);
  const fieldErrors = postings.error instanceof ApiError ? postings.error.fields : {};
  const filtered = filter.status !== '' || filter.category !== '' || filter.q !== '';
  // A page that sent the user here (after registering a posting) may leave a message.
  const arrivedWith = (location.state as { notice?: unknown } | null)?.notice;
  const [notice, setNotice] = useState<string | null>(typeof arrivedWith === 'string' ? arrivedWith : null);
  const navigate = useNavigate();

  // The message is shown once: a reload or a return through history should not repeat it.
  useEffect(() => {
    if (arrivedWith !== undefined) {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }
  }, [arrivedWith, location.pathname, location.search, navigate]);

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-4">
        <p className="text-std-16N-170">
          <TextLink to="/">{t('common.backToHome')}</TextLink>
        </p>
        <PageHeading>{t('facilityPostings.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('facilityPostings.lead')}</p>
        <div className="flex flex-col gap-3 desktop:flex-row">
          <Link to="/facility/postings/new" className={buttonClassName('primary')}>
            {t('facilityPostings.create')}
          </Link>
          <Link to="/facility/postings/import" className={buttonClassName('secondary')}>
            {t('facilityPostings.import')}
          </Link>
        </div>
      </div>
      {/* Always in the page, so screen readers announce each new message. */}
      <div role="status" aria-live="polite">
        {notice !== null && (
          <div className="rounded-8 border border-l-8 border-success-2 bg-green-50 px-5 py-4 text-std-16N-170 text-solid-gray-900">
            <p>{notice}</p>
          </div>
        )}
      </div>
      {postings.isPending && <LoadingIndicator />}
      {postings.isError && Object.keys(fieldErrors).length === 0 && (
        <Alert kind="error">
          <p>{text(messageForError(postings.error))}</p>
        </Alert>
      )}
      {postings.data !== undefined && (
        <>
          <section aria-labelledby="facility-posting-counts" className="flex flex-col gap-4">
            <SectionHeading id="facility-posting-counts">{t('facilityPostings.countsHeading')}</SectionHeading>
            <ul className="grid grid-cols-2 gap-3 desktop:grid-cols-4">
              {POSTING_STATUSES.map((status) => (
                <li key={status} className="flex flex-col gap-1 rounded-8 border border-solid-gray-420 bg-white p-4">
                  <span className="text-std-16B-170 text-solid-gray-700">{t(`codes.status.${status}`)}</span>
                  <span className="text-std-28B-150 text-solid-gray-900" data-status-count={status}>
                    {t('facilityPostings.countValue', { count: postings.data.counts[status] ?? 0 })}
                  </span>
                </li>
              ))}
            </ul>
            <p className="text-std-16N-170 text-solid-gray-800" data-total-count>
              {t('common.totalCount', { count: POSTING_STATUSES.reduce((sum, status) => sum + (postings.data.counts[status] ?? 0), 0) })}
            </p>
          </section>
        </>
      )}
      <section aria-labelledby="facility-posting-list" className="flex flex-col gap-4">
        <SectionHeading id="facility-posting-list">{t('facilityPostings.listHeading')}</SectionHeading>
        <FacilityPostingFilterForm key={searchParams.toString()} filter={filter} fieldErrors={fieldErrors} onApply={(next) => setSearchParams(searchParamsFromFilter(next))} />
        {postings.data !== undefined && (
          <>
            {filtered && (
              <p className="text-std-16N-170 text-solid-gray-800" role="status" data-filtered-count>
                {t('facilityPostings.filter.matching', { count: postings.data.total })}
              </p>
            )}
            {postings.data.items.length === 0 ? (
              <p className="text-std-16N-170">{filtered ? t('facilityPostings.filter.none') : t('facilityPostings.empty')}</p>
            ) : (
              <FacilityPostingTable postings={postings.data.items} onDone={setNotice} />
            )}
            <Pagination
              page={filter.page}
              perPage={FACILITY_POSTINGS_PER_PAGE}
              total={postings.data.total}
              shown={postings.data.items.length}
              label={t('facilityPostings.pages')}
              onPageChange={(page) => setSearchParams(searchParamsFromFilter({ ...filter, page }))}
            />
          </>
        )}
      </section>
    </div>
  );
}
