import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { buttonClassName } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { Pagination } from '../../../shared/ui/pagination';
import { useBedBoard, useBedReference } from '../api/beds_api';
import {
  BOARD_PAGE_SIZE,
  boardApiQuery,
  boardCsvUrl,
  boardFiltersFromSearchParams,
  boardRange,
  searchParamsFromBoardFilters,
  withBoardFilters,
  type BoardFilters as Filters,
} from '../board_params';
import { BoardFilters } from '../components/board_filters';
import { BoardTable } from '../components/board_table';
import { useBedsTranslation } from '../i18n/beds_i18n';

/**
 * 「病床状況一覧」 (G-MIS 地域病床見える化): the facilities of the viewer's
 * scope with vacant beds, acceptance and the time of their last report.
 * Aggregators see their prefectures (the server keeps them there), the
 * secretariat every prefecture. The filters are the URL's query string, and
 * the CSV link carries the same filters.
 */
export function BedBoardPage({ user }: { user: SessionUser }) {
  const { t } = useBedsTranslation();
  useDocumentTitle(t('board.title'));
  const text = useMessageText();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = boardFiltersFromSearchParams(searchParams);
  const board = useBedBoard(boardApiQuery(filters));
  const reference = useBedReference();
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const scopePrefectures = user.role === 'secretariat' ? null : [...new Set(user.organisations.map((o) => o.prefecture))];
  const fieldErrors = board.error instanceof ApiError ? board.error.fields : {};
  const result = board.isError ? undefined : board.data;
  const urlKey = searchParamsFromBoardFilters(filters).toString();
  const range = result === undefined ? null : boardRange(filters, result.total, result.items.length);

  function show(next: Filters, { focusResults = false } = {}): void {
    setSearchParams(searchParamsFromBoardFilters(next));
    if (focusResults) {
      requestAnimationFrame(() => resultsHeading.current?.focus());
    }
  }

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('board.title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{scopePrefectures === null ? t('board.leadSecretariat') : t('board.leadAggregator')}</p>
      </div>
      <section aria-label={t('board.filtersHeading')} className="rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-6">
        <BoardFilters
          key={urlKey}
          filters={filters}
          scopePrefectures={scopePrefectures}
          patientCategories={reference.data?.patient_categories ?? []}
          fieldErrors={fieldErrors}
          onSearch={(next) => show(next)}
        />
      </section>
      <section aria-labelledby="board-results-heading" className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-col gap-4 desktop:flex-row desktop:items-end desktop:justify-between">
          <div className="flex flex-col gap-2">
            <h2 id="board-results-heading" ref={resultsHeading} tabIndex={-1} className="text-std-24B-150 text-solid-gray-900 focus:outline-none">
              {t('board.resultsHeading')}
            </h2>
            {/* Announced when a new search finishes. */}
            <p aria-live="polite" aria-atomic="true" className="text-std-20B-150 text-solid-gray-900">
              {result !== undefined &&
                (range === null
                  ? t('board.countNone', { total: result.total })
                  : t('board.countRange', { total: result.total, from: range.from, to: range.to }))}
            </p>
          </div>
          <div className="flex flex-col gap-1">
            <a href={boardCsvUrl(filters)} download className={buttonClassName('secondary')} aria-describedby="board-csv-hint">
              {t('board.csvLink')}
            </a>
            <p id="board-csv-hint" className="text-dns-14N-130 text-solid-gray-700">
              {t('board.csvHint')}
            </p>
          </div>
        </div>
        {board.isPending && <LoadingIndicator />}
        {board.isError && (
          <Alert kind="error">
            <p>{Object.keys(fieldErrors).length > 0 ? t('board.invalidFilters') : text(messageForError(board.error))}</p>
          </Alert>
        )}
        {result !== undefined && result.items.length === 0 && <p className="text-std-16N-170">{t('board.empty')}</p>}
        {result !== undefined && result.items.length > 0 && (
          <div className={board.isPlaceholderData ? 'opacity-60' : ''} aria-busy={board.isPlaceholderData || undefined}>
            <BoardTable rows={result.items} patientCategories={reference.data?.patient_categories ?? []} search={searchParams.toString()} />
          </div>
        )}
        {result !== undefined && (
          <Pagination
            page={filters.page}
            perPage={BOARD_PAGE_SIZE}
            total={result.total}
            shown={result.items.length}
            onPageChange={(page) => show(withBoardFilters(filters, { page }), { focusResults: true })}
            label={t('board.pagination')}
          />
        )}
      </section>
    </div>
  );
}
