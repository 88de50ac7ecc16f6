import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { Posting, PostingStatus } from '../../../shared/postings/posting';

export interface PostingSearchResult {
  items: Posting[];
  total: number;
  page: number;
  per_page: number;
  facets: Partial<Record<'category' | 'prefecture' | 'employment' | 'urgency', Record<string, number>>>;
}

export interface FacilityPostingList {
  items: Posting[];
  /** How many postings match the filter (all of them without one). */
  total: number;
  /** Per status, of every posting whatever the filter. */
  counts: Record<PostingStatus, number>;
  page: number;
  /** null: the whole list in one page (no per_page asked). */
  per_page: number | null;
}

/** The 「募集の管理」 filter and page (GET /api/v1/facility/postings); empty strings mean "any". */
export interface FacilityPostingFilter {
  status: string;
  category: string;
  q: string;
  page: number;
}

export const FACILITY_POSTINGS_PER_PAGE = 20;

export interface PostingVersion {
  version: number;
  changed_at: string;
  changed_by: string;
  changes: Record<string, unknown>;
}

/** The body of POST /api/v1/postings and PATCH /api/v1/postings/{id} (any subset for PATCH). */
export type PostingInput = Record<string, unknown>;

export interface PostingChange {
  status?: PostingStatus;
  close_reason?: 'filled' | 'withdrawn';
  [field: string]: unknown;
}

const POSTINGS_KEY = ['postings'] as const;

/** Public search; `query` is the query string the filters produce. The last results stay on screen while the next load. */
export function usePostingSearch(query: string) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'search', query],
    queryFn: ({ signal }) => apiRequest<PostingSearchResult>('GET', `/api/v1/postings?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'detail', id],
    queryFn: ({ signal }) => apiRequest<Posting>('GET', `/api/v1/postings/${encodeURIComponent(id)}`, { signal }),
  });
}

export function usePostingVersions(id: string) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'versions', id],
    queryFn: ({ signal }) =>
      apiRequest<{ items: PostingVersion[]; total: number }>('GET', `/api/v1/postings/${encodeURIComponent(id)}/versions`, { signal }),
  });
}

/** Without a filter: every posting of the facility in one list. With one: that page of the matching postings. */
export function useFacilityPostings(filter?: FacilityPostingFilter) {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'facility', filter ?? 'all'],
    queryFn: ({ signal }) => apiRequest<FacilityPostingList>('GET', facilityPostingsPath(filter), { signal }),
    // The previous page stays on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function facilityPostingsPath(filter?: FacilityPostingFilter): string {
  if (filter === undefined) {
    return '/api/v1/facility/postings';
  }
  const params = new URLSearchParams();
  for (const key of ['status', 'category', 'q'] as const) {
    if (filter[key].trim() !== '') {
      params.set(key, filter[key].trim());
    }
  }
  params.set('page', String(filter.page));
  params.set('per_page', String(FACILITY_POSTINGS_PER_PAGE));
  return `/api/v1/facility/postings?${params.toString()}`;
}

/** Every cached search, detail and list may show the changed posting: all are refreshed. */
function useInvalidatePostings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: POSTINGS_KEY });
}

export function useCreatePosting() {
  const invalidate = useInvalidatePostings();
  return useMutation({
    mutationFn: (input: PostingInput) => apiRequest<Posting>('POST', '/api/v1/postings', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdatePosting() {
  const invalidate = useInvalidatePostings();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: PostingChange }) =>
      apiRequest<Posting>('PATCH', `/api/v1/postings/${encodeURIComponent(id)}`, { body: change }),
    onSuccess: invalidate,
  });
}

/** How many seekers 公開 would tell, and how (GET /api/v1/postings/{id}/notice-preview); nothing is sent by asking. */
export interface NoticePreview {
  seekers: number;
  mail_now: number;
  daily_digest: number;
  in_app_only: number;
  urgent: boolean;
  already_published: boolean;
}

export function fetchNoticePreview(id: string): Promise<NoticePreview> {
  return apiRequest<NoticePreview>('GET', `/api/v1/postings/${encodeURIComponent(id)}/notice-preview`);
}

export function useImportPostings() {
  const invalidate = useInvalidatePostings();
  return useMutation({
    /** The file as it is: the server finds its encoding (UTF-8, with or without a BOM, or Excel's Shift_JIS). */
    mutationFn: (file: Blob) =>
      apiRequest<{ imported: number; ids: string[] }>('POST', '/api/v1/postings/import', {
        rawBody: { contentType: 'text/csv', data: file },
      }),
    onSuccess: invalidate,
  });
}

/** What a seeker already sent about a posting (one row of GET /api/v1/applications). */
export interface OwnPostingContact {
  id: string;
  kind: string;
  stage: string;
  stage_name?: string;
  posting_id: string;
}

/**
 * The seeker's own application, inquiry or contact request for a posting, or
 * null: the server takes only one per seeker and posting, so the posting's
 * page shows that one instead of the ways to get in touch. The list shares its
 * cache entry with the 応募・問い合わせ list, which every write refreshes.
 */
export function useOwnPostingContact(postingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['applications', 'list', ''],
    queryFn: ({ signal }) => apiRequest<{ items: OwnPostingContact[]; total: number }>('GET', '/api/v1/applications', { signal }),
    enabled,
    select: (list) => list.items.find((item) => item.posting_id === postingId) ?? null,
  });
}
