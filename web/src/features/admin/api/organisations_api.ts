import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
  created_at: string;
}

export interface OrganisationInput {
  name: string;
  kind: string;
  prefecture: string;
}

interface OrganisationPage {
  items: Organisation[];
  total: number;
}

const ORGANISATIONS_KEY = ['admin', 'organisations'] as const;

/** Enough for every organisation in a select; the list page pages through them instead. */
export const ALL_ORGANISATIONS_PAGE_SIZE = 500;

export function useOrganisations(page: number, perPage: number) {
  return useQuery({
    queryKey: [...ORGANISATIONS_KEY, { page, perPage }],
    queryFn: ({ signal }) =>
      apiRequest<OrganisationPage>('GET', `/api/v1/organisations?page=${page}&per_page=${perPage}`, { signal }),
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => apiRequest<Organisation>('POST', '/api/v1/organisations', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY }),
  });
}
