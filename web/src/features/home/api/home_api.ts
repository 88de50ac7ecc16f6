import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

/** GET /api/v1/me/home: what needs doing now, counted for the user's role (docs/openapi.yaml). */
export interface HomeCounts {
  role: string;
  /** Only the counts of the user's role are present. */
  counts: Partial<Record<string, number>>;
  as_of: string;
}

export function useHomeCounts() {
  return useQuery({
    queryKey: ['me', 'home'],
    queryFn: ({ signal }) => apiRequest<HomeCounts>('GET', '/api/v1/me/home', { signal }),
    // Counts change as others act: read again when the user comes back to the tab.
    refetchOnWindowFocus: true,
  });
}
