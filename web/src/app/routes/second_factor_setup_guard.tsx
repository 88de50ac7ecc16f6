import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { mustSetUpSecondFactor } from '../../shared/session/session_api';
import { useCurrentUser } from '../../shared/session/use_session';

/** The one page a restricted session may use: where the second factor is set up. */
const SECOND_FACTOR_SETUP_PATH = '/account';

/**
 * While the session must set up a second factor first (a secretariat or
 * coordinator account without one), the server refuses every other call, so
 * every page, public ones included, sends the user to the account page
 * instead of showing errors. Pages render as usual while /me is still loading.
 */
export function SecondFactorSetupGuard({ children }: { children: ReactNode }) {
  const currentUser = useCurrentUser();
  const { pathname } = useLocation();
  if (mustSetUpSecondFactor(currentUser.data) && pathname !== SECOND_FACTOR_SETUP_PATH) {
    return <Navigate to={SECOND_FACTOR_SETUP_PATH} replace />;
  }
  return <>{children}</>;
}
