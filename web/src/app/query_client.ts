import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api/api_error';
import { SECOND_FACTOR_ERRORS } from '../shared/session/session_api';
import { CURRENT_USER_QUERY_KEY } from '../shared/session/use_session';

/**
 * One QueryClient for the app. A 401 from any request means the session
 * ended (expired, or logged out on another device); re-reading /me then makes
 * the login guard send the user to the login page. A 403
 * `second_factor_setup_required` means the session became restricted (the
 * server started to enforce second factors): /me then says so, and the
 * layout sends the user to the account page to set one up.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleSessionEnd(error) }),
    mutationCache: new MutationCache({ onError: (error) => handleSessionEnd(error) }),
    defaultOptions: {
      queries: {
        // Client errors (4xx) will not change on retry; network and server errors might.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });

  function handleSessionEnd(error: unknown): void {
    if (!(error instanceof ApiError)) {
      return;
    }
    if (error.status === 401 || (error.status === 403 && error.code === SECOND_FACTOR_ERRORS.setupRequired)) {
      void queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY });
    }
  }

  return queryClient;
}
