import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { ReasonDetail } from '../../../shared/matching/reasons';
import type { Posting } from '../../../shared/postings/posting';
import type { SeekerConditions } from './applications_api';

/** The coordinator's queue (GET /api/v1/coordination/queue), four lists of work. */
export interface CoordinationQueue {
  contact_requests: { application_id: string; posting_id: string; posting_title: string; urgency: string; created_at: string }[];
  follow_ups_due: { application_id: string; follow_up_on: string; note: string }[];
  urgent_without_candidates: { posting_id: string; title: string; start_date: string; matching_seekers: number }[];
  open_training: { application_id: string; posting_title: string }[];
}

/** A candidate of the matching engine, pseudonymous: the handle and conditions only. */
export interface CoordinationCandidate {
  candidate: SeekerConditions;
  /** 0–100. */
  score: number;
  reasons: string[];
  /** The same reasons with the way each moved the score (＋/－). */
  reason_details?: ReasonDetail[];
}

/**
 * A facility's contact request (スカウト) still waiting for the seeker's answer
 * (GET /api/v1/coordination/contact-requests), with the facility's message,
 * which only coordinators read.
 */
export interface QueuedFacilityRequest {
  id: string;
  posting_id: string;
  posting_title: string;
  facility_name: string;
  handle: string;
  message: string | null;
  sent_at: string;
}

const COORDINATION_KEY = ['coordination'] as const;

export function useCoordinationQueue() {
  return useQuery({
    queryKey: [...COORDINATION_KEY, 'queue'],
    queryFn: ({ signal }) => apiRequest<CoordinationQueue>('GET', '/api/v1/coordination/queue', { signal }),
  });
}

export function useFacilityRequestQueue() {
  return useQuery({
    queryKey: [...COORDINATION_KEY, 'facility-requests'],
    queryFn: ({ signal }) =>
      apiRequest<{ items: QueuedFacilityRequest[]; total: number }>('GET', '/api/v1/coordination/contact-requests', { signal }),
  });
}

export function useCoordinationCandidates(postingId: string) {
  return useQuery({
    queryKey: [...COORDINATION_KEY, 'candidates', postingId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: CoordinationCandidate[]; total: number }>('GET', `/api/v1/coordination/postings/${encodeURIComponent(postingId)}/candidates`, {
        signal,
      }),
  });
}

/** The posting whose candidates are shown (a coordinator covering it receives it in full). */
export function useCoordinationPosting(postingId: string) {
  return useQuery({
    queryKey: [...COORDINATION_KEY, 'posting', postingId],
    queryFn: ({ signal }) => apiRequest<Posting>('GET', `/api/v1/postings/${encodeURIComponent(postingId)}`, { signal }),
  });
}
