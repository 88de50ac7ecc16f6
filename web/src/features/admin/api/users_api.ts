import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../shared/api/api_client';

export interface UserOrganisation {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
}

export interface ManagedUser {
  id: string;
  login: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  organisations: UserOrganisation[];
  /** Whether the user has a TOTP second factor; the secretariat can turn it off for someone who lost their phone. */
  second_factor_enabled: boolean;
}

export interface IssueUserInput {
  login: string;
  display_name: string;
  email: string;
  role: string;
  organisation_id: string;
}

interface UserPage {
  items: ManagedUser[];
  total: number;
}

const USERS_KEY = ['admin', 'users'] as const;

export function useUsers(page: number, perPage: number) {
  return useQuery({
    queryKey: [...USERS_KEY, { page, perPage }],
    queryFn: ({ signal }) => apiRequest<UserPage>('GET', `/api/v1/users?page=${page}&per_page=${perPage}`, { signal }),
  });
}

/** Issues a user ID; the server mails the person a link to set their first password. */
export function useIssueUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IssueUserInput) => apiRequest<ManagedUser>('POST', '/api/v1/users', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Turns off a user's second factor (a lost phone); the server also ends that user's sessions. */
export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: ManagedUser) => apiRequest<void>('DELETE', `/api/v1/users/${encodeURIComponent(user.id)}/second-factor`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** The statuses the secretariat can set: stop a user (`disabled`) or let them back in (`active`). */
export type SettableUserStatus = 'disabled' | 'active';

export interface ChangeUserStatusInput {
  user: ManagedUser;
  status: SettableUserStatus;
}

/**
 * Stops a user or lets them back in (PATCH /api/v1/users/{id}). Stopping ends
 * the user's sessions at once; letting back in gives `active`, or `invited`
 * for someone who never set a password. The answer is the changed user.
 */
export function useChangeUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, status }: ChangeUserStatusInput) =>
      apiRequest<ManagedUser>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, { body: { status } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
