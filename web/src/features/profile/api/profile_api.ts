import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';
import { ApiError } from '../../../shared/api/api_error';

export interface Licence {
  category: string;
  number: string;
}

/** The seeker's profile (docs/openapi.yaml, SeekerProfileInput). */
export interface SeekerProfileInput {
  name: string;
  phone: string | null;
  categories: string[];
  licences: Licence[];
  specialties: string[];
  experience_years: number | string | null;
  employment: string[];
  available_from: string | null;
  period_months_max: number | string | null;
  weekdays: string[];
  night_duty: boolean;
  prefectures: string[];
  areas: string[];
  full_time: boolean;
  career_support: string;
  notes: string | null;
  notify: string;
  /** Whether facilities may send contact requests (スカウト); absent in profiles saved before it existed: yes. */
  facility_requests?: boolean;
}

export interface SeekerProfile extends SeekerProfileInput {
  /**
   * The seeker's own reference. No facility sees it: each facility sees a pseudonym of its own (the `handle` of the
   * seeker's applications to its postings), so the page does not show this one.
   */
  handle: string;
}

const PROFILE_KEY = ['me', 'profile'] as const;

/** The saved profile, or null when the seeker has not saved one yet (404). */
async function fetchProfile(signal: AbortSignal): Promise<SeekerProfile | null> {
  try {
    return await apiRequest<SeekerProfile>('GET', '/api/v1/me/profile', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: ({ signal }) => fetchProfile(signal) });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SeekerProfileInput) => apiRequest<SeekerProfile>('PUT', '/api/v1/me/profile', { body: input }),
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  });
}
