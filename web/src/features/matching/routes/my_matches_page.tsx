import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { MatchSummary } from '../../../shared/matching/match_summary';
import { PostingCard } from '../../../shared/postings/posting_card';
import { Alert } from '../../../shared/ui/alert';
import { buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { TextLink } from '../../../shared/ui/text_link';
import { MATCHES_PER_PAGE, useHasConditions, useMyMatches } from '../api/matching_api';
import { useMatchingTranslation } from '../i18n/matching_i18n';
import { pageFromSearchParams, searchParamsForPage } from '../paging';

/**
 * 「おすすめ求人」: published postings that meet the seeker's conditions,
 * best first, each with its score and reasons. A seeker without conditions
 * is sent to 「希望条件」 first, because there is nothing to match yet.
 */
export function MyMatchesPage() {
  const { t } = useMatchingTranslation();
  useDocumentTitle(t('myMatches.title'));
  const text = useMessageText();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageFromSearchParams(searchParams);
  const hasConditions = useHasConditions();
  const matches = useMyMatches(page, hasConditions.data === true);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const result = matches.data;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('myMatches.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('myMatches.lead')}</p>
      </div>
      {hasConditions.isPending && <LoadingIndicator />}
      {hasConditions.isError && (
        <Alert kind="error">
          <p>{text(messageForError(hasConditions.error))}</p>
        </Alert>
      )}
      {hasConditions.data === false && (
        <Alert kind="info" title={t('myMatches.noProfileHeading')}>
          <p>{t('myMatches.noProfile')}</p>
          <p className="mt-4">
            <Link to="/me/profile" className={buttonClassName('primary')}>
              {t('myMatches.toProfile')}
            </Link>
          </p>
        </Alert>
      )}
      {hasConditions.data === true && (
        <section aria-labelledby="match-results-heading" className="flex flex-col gap-6">
          <div className="flex flex-col gap-2">
            <h2 id="match-results-heading" ref={resultsHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('myMatches.resultsHeading')}
            </h2>
            <p aria-live="polite" aria-atomic="true" className="text-std-20B-150 text-solid-gray-900">
              {result !== undefined && t('myMatches.resultCount', { count: result.total })}
            </p>
          </div>
          {matches.isPending && <LoadingIndicator />}
          {matches.isError && (
            <Alert kind="error">
              <p>{text(messageForError(matches.error))}</p>
            </Alert>
          )}
          {result !== undefined && result.items.length === 0 && (
            <div className="flex flex-col gap-2 text-std-16N-170">
              <p>{t('myMatches.empty')}</p>
              <p>
                <TextLink to="/me/profile">{t('myMatches.changeConditions')}</TextLink>
              </p>
            </div>
          )}
          {result !== undefined && result.items.length > 0 && (
            <ul className={`flex flex-col gap-4 ${matches.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={matches.isPlaceholderData || undefined}>
              {result.items.map((match) => (
                <li key={match.posting.id}>
                  <PostingCard posting={match.posting}>
                    <MatchSummary score={match.score} reasons={match.reasons} details={match.reason_details} />
                  </PostingCard>
                </li>
              ))}
            </ul>
          )}
          {result !== undefined && (
            <Pagination
              page={page}
              perPage={MATCHES_PER_PAGE}
              total={result.total}
              shown={result.items.length}
              onPageChange={(next) => {
                setSearchParams(searchParamsForPage(next));
                requestAnimationFrame(() => resultsHeading.current?.focus());
              }}
              label={t('myMatches.pagination')}
            />
          )}
          {result !== undefined && result.items.length > 0 && (
            <p className="text-std-16N-170">
              <TextLink to="/me/profile">{t('myMatches.changeConditions')}</TextLink>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
