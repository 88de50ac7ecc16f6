import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { PostingCard } from '../../../shared/postings/posting_card';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { usePostingSearch } from '../api/postings_api';
import { SearchFilters } from '../components/search_filters';
import { SortControls } from '../components/sort_controls';
import {
  activeFilterCount,
  apiQueryFromFilters,
  filtersFromSearchParams,
  searchParamsFromFilters,
  TEXT_FILTERS,
  withFilters,
  type PostingFilters,
} from '../search_params';

/**
 * 「求人検索」: public, no login needed. The filters are the page's query
 * string, so every search has its own URL: it can be shared, and Back returns
 * to the previous search.
 */
export function PostingSearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('postingSearch.title'));
  const text = useMessageText();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const search = usePostingSearch(apiQueryFromFilters(filters));
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // On a phone the filters fold away behind a button, so the results start near the top; wider screens always show them.
  const [filtersOpen, setFiltersOpen] = useState(false);

  const fieldErrors = search.error instanceof ApiError ? search.error.fields : {};
  const result = search.isError ? undefined : search.data;
  const urlKey = searchParamsFromFilters(filters).toString();
  // A refused filter must be visible to be corrected, so the panel stays open while there is one.
  const hasFilterErrors = Object.keys(fieldErrors).some((name) => (TEXT_FILTERS as readonly string[]).includes(name));

  function show(next: PostingFilters, { focusResults = false } = {}): void {
    setSearchParams(searchParamsFromFilters(next));
    setFiltersOpen(false);
    if (focusResults) {
      // After paging, continue reading at the top of the new results.
      requestAnimationFrame(() => resultsHeading.current?.focus());
    }
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('postingSearch.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('postingSearch.lead')}</p>
      </div>
      <div className="grid grid-cols-1 gap-10 desktop-admin:grid-cols-[20rem_1fr]">
        <div className="flex min-w-0 flex-col gap-4 desktop-admin:self-start">
          <Button
            variant="secondary"
            className="desktop-admin:hidden"
            aria-expanded={filtersOpen || hasFilterErrors}
            aria-controls="posting-filters"
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {filtersOpen || hasFilterErrors ? t('postingSearch.hideFilters') : t('postingSearch.showFilters', { count: activeFilterCount(filters) })}
          </Button>
          <section
            id="posting-filters"
            aria-label={t('postingSearch.filtersHeading')}
            className={`${filtersOpen || hasFilterErrors ? 'block' : 'hidden'} min-w-0 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6 desktop-admin:block`}
          >
            {/* Remounted when the URL changes (Back, a new search), so it shows the filters of the results on screen. */}
            <SearchFilters key={urlKey} filters={filters} facets={result?.facets} fieldErrors={fieldErrors} onSearch={(next) => show(next)} />
          </section>
        </div>
        <section aria-labelledby="posting-results-heading" className="flex min-w-0 flex-col gap-6">
          <div className="flex flex-col gap-2">
            <h2 id="posting-results-heading" ref={resultsHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('postingSearch.resultsHeading')}
            </h2>
            {/* Announced when a new search finishes. */}
            <p aria-live="polite" aria-atomic="true" className="text-std-20B-150 text-solid-gray-900">
              {result !== undefined && t('postingSearch.resultCount', { count: result.total })}
            </p>
          </div>
          <SortControls key={`sort-${urlKey}`} filters={filters} fieldErrors={fieldErrors} onChange={(next) => show(next)} />
          {search.isPending && <LoadingIndicator />}
          {search.isError && (
            <Alert kind="error">
              <p>{Object.keys(fieldErrors).length > 0 ? t('postingSearch.invalidFilters') : text(messageForError(search.error))}</p>
            </Alert>
          )}
          {result !== undefined && result.items.length === 0 && <p className="text-std-16N-170">{t('postingSearch.empty')}</p>}
          {result !== undefined && result.items.length > 0 && (
            <ul className={`flex flex-col gap-4 ${search.isPlaceholderData ? 'opacity-60' : ''}`} aria-busy={search.isPlaceholderData || undefined}>
              {result.items.map((posting) => (
                <li key={posting.id}>
                  <PostingCard posting={posting} search={searchParams.toString()} />
                </li>
              ))}
            </ul>
          )}
          {result !== undefined && (
            <Pagination
              page={filters.page}
              perPage={filters.per_page}
              total={result.total}
              shown={result.items.length}
              onPageChange={(page) => show(withFilters(filters, { page }), { focusResults: true })}
              label={t('postingSearch.pagination')}
            />
          )}
        </section>
      </div>
    </div>
  );
}
