import { useRef } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { TextLink } from '../../../shared/ui/text_link';
import { MATCHES_PER_PAGE, useCandidatePosting, usePostingCandidates } from '../api/matching_api';
import { CandidateCard } from '../components/candidate_card';
import { useMatchingTranslation } from '../i18n/matching_i18n';
import { pageFromSearchParams, searchParamsForPage } from '../paging';

/**
 * 「候補者」: the anonymous seekers who meet one of the facility's postings.
 * Who they are stays hidden until a match is established; the page says so
 * before the list.
 */
export function PostingCandidatesPage() {
  const { t } = useMatchingTranslation();
  useDocumentTitle(t('candidates.title'));
  const text = useMessageText();
  const postingId = useParams().id ?? '';
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromSearchParams(searchParams);
  const posting = useCandidatePosting(postingId);
  const candidates = usePostingCandidates(postingId, page);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const result = candidates.data;
  const notFound = candidates.error instanceof ApiError && (candidates.error.status === 404 || candidates.error.status === 403);

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
      {candidates.isPending && <LoadingIndicator />}
      {candidates.isError && (
        <Alert kind="error">
          <p>{notFound ? t('candidates.notFound') : text(messageForError(candidates.error))}</p>
        </Alert>
      )}
      {result !== undefined && (
        <section aria-labelledby="candidate-list-heading" className="flex flex-col gap-6">
          <div className="flex flex-col gap-2">
            <h2 id="candidate-list-heading" ref={listHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('candidates.listHeading')}
            </h2>
            <p className="text-std-20B-150 text-solid-gray-900">{t('candidates.resultCount', { count: result.total })}</p>
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
                  <CandidateCard match={match} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            perPage={MATCHES_PER_PAGE}
            total={result.total}
            shown={result.items.length}
            onPageChange={(next) => {
              setSearchParams(searchParamsForPage(next));
              requestAnimationFrame(() => listHeading.current?.focus());
            }}
            label={t('candidates.pagination')}
          />
        </section>
      )}
    </div>
  );
}
