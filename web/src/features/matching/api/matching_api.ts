import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import { ApiError } from '../../../shared/api/api_error';
import type { ReasonDetail } from '../../../shared/matching/reasons';
import type { Posting } from '../../../shared/postings/posting';
import type { AnonymousSeeker } from '../../../shared/seekers/anonymous_seeker';

/** One recommendation (GET /api/v1/me/matches): the posting as the seeker may see it, masked or not. */
export interface PostingMatch {
  posting: Posting;
  score: number;
  /** Japanese phrases from the server (「希望診療科が一致」…). */
  reasons: string[];
  /** The same reasons with the way each moved the score; the minus ones must not read as a match. */
  reason_details?: ReasonDetail[];
}

/** A seeker before disclosure: see AnonymousSeeker. */
export type Candidate = AnonymousSeeker;


/**
 * A contact request's state as the facility sees it (送信済み / 調整中 / 成立 / 辞退 / 終了). On a candidate's
 * card, a request the seeker has not accepted reads 依頼済み ("requested", no id), waiting or declined alike.
 */
export interface ContactRequestState {
  id?: string;
  state: 'requested' | 'sent' | 'coordinating' | 'matched' | 'declined' | 'closed';
  state_name: string;
}

export interface CandidateMatch {
  candidate: Candidate;
  score: number;
  reasons: string[];
  /** Present on the facility's candidates (and ignored elsewhere). */
  handle?: string;
  reason_details?: ReasonDetail[];
  /** Estimated road km from the candidate's preferred areas; 0 inside one; null when unknown. */
  distance_km?: number | null;
  in_preferred_area?: boolean;
  experience_years?: number | null;
  /** This posting's contact request to the candidate, if one was sent. */
  request?: ContactRequestState | null;
  /** Whether the facility may send this candidate a contact request now. */
  can_request?: boolean;
  /** Why not, when the candidate does not accept requests (Japanese, from the server). */
  note?: string;
}

/** The facility's candidate page: a Page plus how many requests may still go out today. */
export interface CandidatePage extends Page<CandidateMatch> {
  requests_left_today?: number;
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

/** The query of the candidate list: the server filters, sorts and pages (see candidate_query.ts). */
export function usePostingCandidates(postingId: string, query: string) {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'candidates', postingId, query],
    queryFn: ({ signal }) => apiRequest<CandidatePage>('GET', `/api/v1/postings/${encodeURIComponent(postingId)}/matches?${query}`, { signal }),
    placeholderData: keepPreviousData,
    // A refused filter is a 400 naming the parameter: asking again cannot help.
    retry: false,
  });
}

/**
 * The posting's contact requests as its facility may see them: one the seeker has not accepted (waiting or
 * declined) has neither id, handle nor time, so a decline cannot be told apart from a wait.
 */
export interface PostingContactRequest {
  id?: string;
  state: ContactRequestState['state'];
  state_name: string;
  handle?: string;
  sent_at?: string;
  /** For the facility, once matched: the application where the seeker is disclosed. */
  application_id?: string;
}

export function usePostingContactRequests(postingId: string) {
  return useQuery({
    queryKey: [...MATCHING_KEY, 'contact-requests', postingId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: PostingContactRequest[]; total: number; declined: number; awaiting: number }>(
        'GET',
        `/api/v1/postings/${encodeURIComponent(postingId)}/contact-requests`,
        { signal },
      ),
  });
}

/** Sends one request per chosen handle (all or none); the message goes to the coordinator only. */
export function useSendContactRequests(postingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { candidates: string[]; message: string }) =>
      apiRequest<{ items: (ContactRequestState & { handle: string })[] }>(
        'POST',
        `/api/v1/postings/${encodeURIComponent(postingId)}/contact-requests`,
        { body: input.message.trim() === '' ? { candidates: input.candidates } : input },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...MATCHING_KEY, 'candidates', postingId] }),
        queryClient.invalidateQueries({ queryKey: [...MATCHING_KEY, 'contact-requests', postingId] }),
      ]),
  });
}
