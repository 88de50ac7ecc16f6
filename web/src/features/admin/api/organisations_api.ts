import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
  /** Facilities: the municipality code; it decides the facility's 二次医療圏 on the bed board. */
  municipality: string | null;
  /** Facilities: the street address after the municipality. */
  address: string | null;
  /** Coordinating organisations: the job category codes covered; empty = all categories. */
  categories: string[];
  /** Aggregators: the 二次医療圏 codes served; empty = the whole prefecture. */
  areas: string[];
  created_at: string;
}

/**
 * Where an organisation works. Each field belongs to one kind (docs/openapi.yaml,
 * OrganisationCreate): the server refuses a field that does not fit the kind,
 * so only the kind's own fields are sent.
 */
export interface OrganisationScopeInput {
  municipality?: string;
  address?: string;
  categories?: string[];
  areas?: string[];
}

export interface OrganisationInput extends OrganisationScopeInput {
  name: string;
  kind: string;
  prefecture: string;
}

/** The body of PATCH /api/v1/organisations/{id}: what is left out stays; kind and prefecture cannot change. */
export interface OrganisationUpdate extends OrganisationScopeInput {
  name?: string;
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

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: OrganisationUpdate }) =>
      apiRequest<Organisation>('PATCH', `/api/v1/organisations/${encodeURIComponent(id)}`, { body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY }),
  });
}
