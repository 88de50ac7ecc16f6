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
  total: number;
  counts: Record<PostingStatus, number>;
}

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

export function useFacilityPostings() {
  return useQuery({
    queryKey: [...POSTINGS_KEY, 'facility'],
    queryFn: ({ signal }) => apiRequest<FacilityPostingList>('GET', '/api/v1/facility/postings', { signal }),
  });
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

export function useImportPostings() {
  const invalidate = useInvalidatePostings();
  return useMutation({
    mutationFn: (csv: string) =>
      apiRequest<{ imported: number; ids: string[] }>('POST', '/api/v1/postings/import', {
        rawBody: { contentType: 'text/csv; charset=utf-8', text: csv },
      }),
    onSuccess: invalidate,
  });
}
