/**
 * The facility's cut of a posting's candidates (GET /api/v1/postings/{id}/matches): order, lower limits and
 * the page, kept in the page's query string so Back, reloads and shared links keep them. The server does the
 * filtering and paging; values are passed on as typed, so a wrong one comes back as a 400 naming the field,
 * whose Japanese message the page shows next to it.
 */
export const CANDIDATE_SORTS = ['score', 'experience', 'distance', 'start'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export const CANDIDATE_PAGE_SIZES = ['20', '50', '100'] as const;

/** The filter fields, by the server's parameter names; '' means no limit. */
export interface CandidateFilters {
  sort: string;
  min_score: string;
  min_experience: string;
  max_distance_km: string;
  per_page: string;
}

export const CANDIDATE_FILTER_FIELDS = ['sort', 'min_score', 'min_experience', 'max_distance_km', 'per_page'] as const;

export const DEFAULT_FILTERS: CandidateFilters = { sort: 'score', min_score: '', min_experience: '', max_distance_km: '', per_page: '20' };

export function filtersFromSearchParams(params: URLSearchParams): CandidateFilters {
  const read = (key: keyof CandidateFilters) => (params.get(key) ?? '').trim();
  return {
    sort: read('sort') || DEFAULT_FILTERS.sort,
    min_score: read('min_score'),
    min_experience: read('min_experience'),
    max_distance_km: read('max_distance_km'),
    per_page: read('per_page') || DEFAULT_FILTERS.per_page,
  };
}

/** The page's query string for these filters and page: defaults left out, so the plain URL stays plain. */
export function searchParamsForFilters(filters: CandidateFilters, page: number): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of CANDIDATE_FILTER_FIELDS) {
    const value = filters[key].normalize('NFKC').trim();
    if (value !== '' && value !== DEFAULT_FILTERS[key]) {
      params[key] = value;
    }
  }
  if (page > 1) {
    params.page = String(page);
  }
  return params;
}

/** The API's query string: page, page size and order always, the limits when set. */
export function apiQueryForFilters(filters: CandidateFilters, page: number): string {
  const params = new URLSearchParams({ page: String(page), per_page: String(pageSize(filters)), sort: filters.sort });
  for (const key of ['min_score', 'min_experience', 'max_distance_km'] as const) {
    if (filters[key] !== '') {
      params.set(key, filters[key]);
    }
  }
  return params.toString();
}

/** The page size the server pages by: the one asked for when it is one of the offered sizes, else 20. */
export function pageSize(filters: CandidateFilters): number {
  return (CANDIDATE_PAGE_SIZES as readonly string[]).includes(filters.per_page) ? Number(filters.per_page) : 20;
}
