/**
 * The search filters live in the page's query string, so a search can be
 * bookmarked or shared and the browser's Back button returns to the previous
 * one. The query-string names are the API's own parameter names, so the same
 * mapping also builds the request.
 */

export const SORT_ORDERS = ['newest', 'start_date', 'urgency'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** The text filters, as typed or chosen; "" means no filter. */
export const TEXT_FILTERS = ['q', 'category', 'specialty', 'prefecture', 'area', 'employment', 'urgency', 'start_from', 'start_to'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export type PostingFilters = Record<TextFilter, string> & {
  sort: SortOrder;
  page: number;
  per_page: number;
};

export const DEFAULT_FILTERS: PostingFilters = {
  q: '',
  category: '',
  specialty: '',
  prefecture: '',
  area: '',
  employment: '',
  urgency: '',
  start_from: '',
  start_to: '',
  sort: 'newest',
  page: 1,
  per_page: DEFAULT_PAGE_SIZE,
};

/** Reads the filters from a query string; a missing, unknown or malformed value falls back to its default. */
export function filtersFromSearchParams(params: URLSearchParams): PostingFilters {
  const filters: PostingFilters = { ...DEFAULT_FILTERS };
  for (const name of TEXT_FILTERS) {
    filters[name] = (params.get(name) ?? '').trim();
  }
  // An area belongs to a prefecture; without one it cannot be chosen on the form.
  if (filters.prefecture === '') {
    filters.area = '';
  }
  const sort = params.get('sort');
  if (sort !== null && (SORT_ORDERS as readonly string[]).includes(sort)) {
    filters.sort = sort as SortOrder;
  }
  filters.page = positiveInteger(params.get('page'), 100_000) ?? 1;
  const perPage = positiveInteger(params.get('per_page'), 100);
  filters.per_page = perPage ?? DEFAULT_PAGE_SIZE;
  return filters;
}

/**
 * The query string of the filters, leaving out what is empty or at its
 * default, so shared links stay short. The order is fixed, so the same search
 * always gives the same URL (and the same cache key).
 */
export function searchParamsFromFilters(filters: PostingFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = filters[name].trim();
    if (value !== '' && !(name === 'area' && filters.prefecture.trim() === '')) {
      params.set(name, value);
    }
  }
  if (filters.sort !== DEFAULT_FILTERS.sort) {
    params.set('sort', filters.sort);
  }
  if (filters.page !== 1) {
    params.set('page', String(filters.page));
  }
  if (filters.per_page !== DEFAULT_PAGE_SIZE) {
    params.set('per_page', String(filters.per_page));
  }
  return params;
}

/** The query string for GET /api/v1/postings: the same names, with the paging always spelt out. */
export function apiQueryFromFilters(filters: PostingFilters): string {
  const params = searchParamsFromFilters(filters);
  params.set('page', String(filters.page));
  params.set('per_page', String(filters.per_page));
  return params.toString();
}

/** New filters go back to the first page: the old page number means nothing for another result. */
export function withFilters(current: PostingFilters, changes: Partial<PostingFilters>): PostingFilters {
  return { ...current, ...changes, page: changes.page ?? 1 };
}

/** How many filters narrow the search (the sort order and paging do not count). */
export function activeFilterCount(filters: PostingFilters): number {
  return TEXT_FILTERS.filter((name) => filters[name] !== '').length;
}

function positiveInteger(value: string | null, max: number): number | null {
  if (value === null || !/^\d{1,6}$/.test(value)) {
    return null;
  }
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}
