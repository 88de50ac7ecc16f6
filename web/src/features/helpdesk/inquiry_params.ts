import { INQUIRY_STATUSES } from './api/helpdesk_api';

/** The inquiry list's filters (status, keyword, page) as the page's query string has them. */
export interface InquiryFilters {
  status: string;
  q: string;
  page: number;
}

export const INQUIRY_PAGE_SIZE = 20;

export function inquiryFiltersFromSearchParams(params: URLSearchParams): InquiryFilters {
  const status = params.get('status') ?? '';
  const page = params.get('page') ?? '';
  return {
    status: (INQUIRY_STATUSES as readonly string[]).includes(status) ? status : '',
    q: (params.get('q') ?? '').trim(),
    page: /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
  };
}

/** Only what is set, in a fixed order. */
export function searchParamsFromInquiryFilters(filters: InquiryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== '') {
    params.set('status', filters.status);
  }
  if (filters.q.trim() !== '') {
    params.set('q', filters.q.trim());
  }
  if (filters.page !== 1) {
    params.set('page', String(filters.page));
  }
  return params;
}

export function inquiryApiQuery(filters: InquiryFilters): string {
  const params = searchParamsFromInquiryFilters(filters);
  params.set('page', String(filters.page));
  params.set('per_page', String(INQUIRY_PAGE_SIZE));
  return params.toString();
}
