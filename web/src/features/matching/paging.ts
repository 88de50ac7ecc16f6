/** The list page in the query string (?page=2), so Back and reloads keep it; anything odd means the first page. */
export function pageFromSearchParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function searchParamsForPage(page: number): Record<string, string> {
  return page > 1 ? { page: String(page) } : {};
}
