import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** A feed subscription (docs/openapi.yaml, FeedSubscription). */
export interface Feed {
  id: string;
  name: string;
  prefectures: string[];
  categories: string[];
  urgency: string | null;
  digest_email: string | null;
  /** Readable without a session: the token in the URL is the only key. */
  json_url: string;
  atom_url: string;
  created_at: string;
}

/** The body of POST /api/v1/feeds. Empty lists mean "all". */
export interface FeedInput {
  name: string;
  prefectures: string[];
  categories: string[];
  urgency: 'immediate' | 'regular' | null;
  digest_email: string | null;
}

const FEEDS_KEY = ['feeds'] as const;

export function useFeeds() {
  return useQuery({
    queryKey: FEEDS_KEY,
    queryFn: ({ signal }) => apiRequest<{ items: Feed[]; total: number }>('GET', '/api/v1/feeds', { signal }),
  });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FeedInput) => apiRequest<Feed>('POST', '/api/v1/feeds', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEEDS_KEY }),
  });
}

export function useDeleteFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feed: Pick<Feed, 'id'>) => apiRequest<void>('DELETE', `/api/v1/feeds/${encodeURIComponent(feed.id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FEEDS_KEY }),
  });
}
