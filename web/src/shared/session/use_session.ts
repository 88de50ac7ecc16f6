import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCurrentUser, logIn, logOut, logOutEverywhere, type Credentials } from './session_api';

/** The query key of the current user; other code invalidates it when a 401 shows the session ended. */
export const CURRENT_USER_QUERY_KEY = ['session', 'me'] as const;

export function useCurrentUser() {
  return useQuery({
    queryKey: CURRENT_USER_QUERY_KEY,
    queryFn: fetchCurrentUser,
    staleTime: 60_000,
  });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => logIn(credentials),
    onSuccess: (user) => {
      // Data cached for a previous user must never show to the next one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== CURRENT_USER_QUERY_KEY[0] });
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, user);
    },
  });
}

/** Which sessions a logout ends: only this browser's, or all of the user's. */
export type LogOutScope = 'this_device' | 'all_devices';

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: LogOutScope) => (scope === 'all_devices' ? logOutEverywhere() : logOut()),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, null);
    },
  });
}
