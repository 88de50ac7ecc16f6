/**
 * The filters of 「病床状況一覧」 live in the page's query string, so a search
 * can be bookmarked, shared and returned to with Back. The names are the
 * API's own (GET /api/v1/beds/board), so the same mapping builds the request
 * and the CSV link.
 */

export const BOARD_SORTS = ['name', 'area', 'vacant', 'updated'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** Rows per page; the CSV always has every matching row. */
export const BOARD_PAGE_SIZE = 50;

export const BOARD_TEXT_FILTERS = ['prefecture', 'area', 'q', 'accepts'] as const;
export type BoardTextFilter = (typeof BOARD_TEXT_FILTERS)[number];

export type BoardFilters = Record<BoardTextFilter, string> & {
  sort: BoardSort;
  page: number;
};

export const DEFAULT_BOARD_FILTERS: BoardFilters = {
  prefecture: '',
  area: '',
  q: '',
  accepts: '',
  sort: 'name',
  page: 1,
};

/** Reads the filters from a query string; a missing or malformed value falls back to its default. */
export function boardFiltersFromSearchParams(params: URLSearchParams): BoardFilters {
  const filters: BoardFilters = { ...DEFAULT_BOARD_FILTERS };
  for (const name of BOARD_TEXT_FILTERS) {
    filters[name] = (params.get(name) ?? '').trim();
  }
  const sort = params.get('sort');
  if (sort !== null && (BOARD_SORTS as readonly string[]).includes(sort)) {
    filters.sort = sort as BoardSort;
  }
  const page = params.get('page');
  if (page !== null && /^\d{1,6}$/.test(page) && Number(page) >= 1) {
    filters.page = Number(page);
  }
  return filters;
}

/**
 * The query string of the filters without what is empty or at its default,
 * in a fixed order, so one search always has one URL (and one cache key).
 */
export function searchParamsFromBoardFilters(filters: BoardFilters): URLSearchParams {
  const params = filterParams(filters);
  if (filters.sort !== DEFAULT_BOARD_FILTERS.sort) {
    params.set('sort', filters.sort);
  }
  if (filters.page !== 1) {
    params.set('page', String(filters.page));
  }
  return params;
}

/** The query string for GET /api/v1/beds/board, paging spelt out. */
export function boardApiQuery(filters: BoardFilters): string {
  const params = filterParams(filters);
  params.set('sort', filters.sort);
  params.set('page', String(filters.page));
  params.set('per_page', String(BOARD_PAGE_SIZE));
  return params.toString();
}

/** The address of the CSV of every row matching the filters (no paging: the file has them all). */
export function boardCsvUrl(filters: BoardFilters): string {
  const params = filterParams(filters);
  params.set('sort', filters.sort);
  return `/api/v1/beds/board.csv?${params.toString()}`;
}

/** New filters start again at the first page. */
export function withBoardFilters(current: BoardFilters, changes: Partial<BoardFilters>): BoardFilters {
  return { ...current, ...changes, page: changes.page ?? 1 };
}

/** The rows a page shows, for 「N件中 X–Y件」; null when there are none. */
export function boardRange(filters: BoardFilters, total: number, shown: number): { from: number; to: number } | null {
  if (total === 0 || shown === 0) {
    return null;
  }
  const from = (filters.page - 1) * BOARD_PAGE_SIZE + 1;
  return { from, to: Math.min(total, from + shown - 1) };
}

function filterParams(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of BOARD_TEXT_FILTERS) {
    const value = filters[name].trim();
    if (value !== '') {
      params.set(name, value);
    }
  }
  return params;
}
