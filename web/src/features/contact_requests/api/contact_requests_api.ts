import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import type { Posting } from '../../../shared/postings/posting';

/**
 * A facility's contact request as the seeker sees it (GET /api/v1/me/contact-requests): an anonymous
 * summary and the posting as this seeker may see it — masked values absent until a match. The facility's
 * message is for the coordinator and never comes here.
 */
export interface SeekerContactRequest {
  id: string;
  state: 'sent' | 'accepted' | 'declined';
  /** 回答待ち / 受けました / 断りました */
  state_name: string;
  sent_at: string;
  answered_at: string | null;
  /** Prefecture, job category, employment, period and start, one per line. */
  summary: string;
  posting: Posting;
  /** The application a coordinator brokers, once accepted. */
  application_id: string | null;
}

export type ContactRequestAnswer = 'accept' | 'decline';

const MY_CONTACT_REQUESTS_KEY = ['contact-requests', 'mine'] as const;

export function useMyContactRequests() {
  return useQuery({
    queryKey: MY_CONTACT_REQUESTS_KEY,
    queryFn: ({ signal }) => apiRequest<{ items: SeekerContactRequest[]; total: number }>('GET', '/api/v1/me/contact-requests', { signal }),
  });
}

export function useAnswerContactRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ContactRequestAnswer) =>
      apiRequest<SeekerContactRequest>('PATCH', `/api/v1/contact-requests/${encodeURIComponent(id)}`, { body: { action } }),
    onSuccess: (answered) => {
      queryClient.setQueryData<{ items: SeekerContactRequest[]; total: number }>(MY_CONTACT_REQUESTS_KEY, (current) =>
        current === undefined ? current : { ...current, items: current.items.map((item) => (item.id === answered.id ? answered : item)) },
      );
      // An acceptance creates an application: the seeker's list of them is stale now.
      return queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}
