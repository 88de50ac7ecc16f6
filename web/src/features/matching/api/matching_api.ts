import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import { ApiError } from '../../../shared/api/api_error';
import type { Posting } from '../../../shared/postings/posting';
import type { AnonymousSeeker } from '../../../shared/seekers/anonymous_seeker';

/** One recommendation (GET /api/v1/me/matches): the posting as the seeker may see it, masked or not. */
export interface PostingMatch {
  posting: Posting;
  score: number;
  /** Japanese phrases from the server (「希望診療科が一致」…). */
  reasons: string[];
}

/** A seeker before disclosure: see AnonymousSeeker. */
export type Candidate = AnonymousSeeker;

export interface CandidateMatch {
  candidate: Candidate;
  score: number;
  reasons: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export const MATCHES_PER_PAGE = 20;

const MATCHING_KEY = ['matching'] as const;

export function useMyMatches(page: number, enabled: boolean) {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'mine', page],
    queryFn: ({ signal }) => apiRequest<Page<PostingMatch>>('GET', `/api/v1/me/matches?page=${page}&per_page=${MATCHES_PER_PAGE}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Whether the seeker has saved conditions: GET /api/v1/me/profile answers 404 until the first save. */
export function useHasConditions() {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'has-conditions'],
    queryFn: async ({ signal }) => {
      try {
        await apiRequest<unknown>('GET', '/api/v1/me/profile', { signal });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return false;
        }
        throw error;
      }
    },
  });
}

/** The posting whose candidates are shown, for its title (its facility receives it in full). */
export function useCandidatePosting(postingId: string) {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'posting', postingId],
    queryFn: ({ signal }) => apiRequest<Posting>('GET', `/api/v1/postings/${encodeURIComponent(postingId)}`, { signal }),
  });
}

export function usePostingCandidates(postingId: string, page: number) {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'candidates', postingId, page],
    queryFn: ({ signal }) =>
      apiRequest<Page<CandidateMatch>>(
        'GET',
        `/api/v1/postings/${encodeURIComponent(postingId)}/matches?page=${page}&per_page=${MATCHES_PER_PAGE}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
