import { useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { TEXT_LINK_CLASSES, TextLink } from '../../../shared/ui/text_link';
import { useCandidatePosting, usePostingCandidates } from '../api/matching_api';
import { apiQueryForFilters, filtersFromSearchParams, pageSize, searchParamsForFilters, type CandidateFilters as Filters } from '../candidate_query';
import { CandidateCard } from '../components/candidate_card';
import { CandidateFilters } from '../components/candidate_filters';
import { CONTACT_REQUEST_FORM_ID, ContactRequestForm } from '../components/contact_request_form';
import { PostingContactRequests } from '../components/posting_contact_requests';
import { useMatchingTranslation } from '../i18n/matching_i18n';
import { pageFromSearchParams } from '../paging';

/**
 * 「候補者」: the anonymous seekers who meet one of the facility's postings,
 * filtered, ordered and paged by the server. Who they are stays hidden until
 * a match is established; the page says so before the list. The facility
 * chooses candidates on their cards (the choice survives paging) and sends
 * them a contact request below the list; the states of what it sent follow.
 */
export function PostingCandidatesPage() {
  const { t } = useMatchingTranslation();
  useDocumentTitle(t('candidates.title'));
  const text = useMessageText();
  const postingId = useParams().id ?? '';
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromSearchParams(searchParams);
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const posting = useCandidatePosting(postingId);
  const candidates = usePostingCandidates(postingId, apiQueryForFilters(filters, page));
  const [selected, setSelected] = useState<string[]>([]);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const result = candidates.data;
  const error = candidates.error;
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
  const filterErrors = error instanceof ApiError && error.status === 400 ? error.fields : {};
  const canSend = result?.requests_left_today !== undefined;

  function show(next: Filters, nextPage: number): void {
    setSearchParams(searchParamsForFilters(next, nextPage));
    requestAnimationFrame(() => listHeading.current?.focus());
  }

  function choose(handle: string, chosen: boolean): void {
    setSelected((current) => (chosen ? (current.includes(handle) ? current : [...current, handle]) : current.filter((item) => item !== handle)));
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <p>
          <TextLink to="/facility/postings">{t('candidates.backToPostings')}</TextLink>
        </p>
        <PageHeading>{t('candidates.title')}</PageHeading>
        {posting.data !== undefined && <p className="text-std-20B-150 text-solid-gray-900">{t('candidates.posting', { title: posting.data.title })}</p>}
        <p className="text-std-16N-170 text-solid-gray-800">{t('candidates.lead')}</p>
      </div>
      <Alert kind="info" title={t('candidates.privacyNote')}>
        <p>{t('candidates.privacyDetail')}</p>
      </Alert>
      {!notFound && <CandidateFilters key={searchParams.toString()} filters={filters} errors={filterErrors} onApply={(next) => show(next, 1)} />}
      {candidates.isPending && <LoadingIndicator />}
      {candidates.isError && (
        <Alert kind="error">
          <p>{notFound ? t('candidates.notFound') : Object.keys(filterErrors).length > 0 ? t('candidates.filters.invalid') : text(messageForError(error))}</p>
        </Alert>
      )}
      {result !== undefined && (
        <section aria-labelledby="candidate-list-heading" className="flex flex-col gap-6">
          <div className="flex flex-col gap-2">
            <h2 id="candidate-list-heading" ref={listHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('candidates.listHeading')}
            </h2>
            <p className="text-std-20B-150 text-solid-gray-900">{t('candidates.resultCount', { count: result.total })}</p>
            {canSend && (
              <p>
                <a href={`#${CONTACT_REQUEST_FORM_ID}`} className={TEXT_LINK_CLASSES}>
                  {t('candidates.send.toForm', { count: selected.length })}
                </a>
              </p>
            )}
          </div>
          {result.items.length === 0 ? (
            <p className="text-std-16N-170">{t('candidates.empty')}</p>
          ) : (
            <ul
              className={`grid grid-cols-1 gap-4 desktop-admin:grid-cols-2 ${candidates.isPlaceholderData ? 'opacity-60' : ''}`}
              aria-busy={candidates.isPlaceholderData || undefined}
            >
              {result.items.map((match) => (
                <li key={match.candidate.handle}>
                  <CandidateCard
                    match={match}
                    selected={selected.includes(match.candidate.handle)}
                    onSelectedChange={canSend ? (chosen) => choose(match.candidate.handle, chosen) : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            perPage={pageSize(filters)}
            total={result.total}
            shown={result.items.length}
            onPageChange={(next) => show(filters, next)}
            label={t('candidates.pagination')}
          />
        </section>
      )}
      {canSend && (
        <ContactRequestForm
          postingId={postingId}
          selected={selected}
          onRemove={(handle) => choose(handle, false)}
          onSent={() => setSelected([])}
          requestsLeft={result?.requests_left_today}
        />
      )}
      {!notFound && <PostingContactRequests postingId={postingId} />}
    </div>
  );
}
