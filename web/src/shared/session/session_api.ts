import { apiRequest, rememberCsrfToken } from '../api/api_client';
import { ApiError } from '../api/api_error';

/** An organisation as the session describes it. */
export interface SessionOrganisation {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
  /** A facility's own address (its municipality code and 町名・番地), when known: a new posting starts from it. */
  municipality?: string | null;
  address?: string | null;
  /** A facility's postal code, derived by the server from its municipality and address; null when they do not tell it. */
  postal_code?: string | null;
}

/** The user's TOTP second factor: whether it is on, and whether the role must have one (secretariat, coordinators). */
export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
}

/** The logged-in user, from GET /api/v1/me or POST /api/v1/session. */
export interface SessionUser {
  id: string;
  login: string;
  email: string;
  display_name: string;
  role: string;
  organisations: SessionOrganisation[];
  /** Optional only for fixtures and servers that predate second factors; the session functions below always fill it. */
  second_factor?: SecondFactorStatus;
  /** Staff only: how notices reach them by mail (PUT /api/v1/me/mail-notices). */
  mail_notices?: 'immediate' | 'daily' | 'off';
  /**
   * Copied from the top level of the /me body: the user must set up a second
   * factor first, and until then the server refuses every other call
   * (403 `second_factor_setup_required`), so the app shows only /account.
   */
  second_factor_setup_required?: boolean;
}

interface SessionResponse {
  user: SessionUser;
  csrf_token: string;
  second_factor_setup_required?: boolean;
}

export interface Credentials {
  login: string;
  password: string;
  /** The authenticator app's 6-digit code, sent on the second step only. */
  code?: string;
}

/** The server's error codes around second factors (POST /api/v1/session and the restricted session). */
export const SECOND_FACTOR_ERRORS = {
  /** The password was right; the user has a second factor and must send its code. */
  required: 'second_factor_required',
  /** The code was wrong or already used. */
  invalid: 'invalid_second_factor',
  /** The session may only set up a second factor (403 on every other call). */
  setupRequired: 'second_factor_setup_required',
} as const;

const NO_SECOND_FACTOR: SecondFactorStatus = { enabled: false, required: false };

/** The user of a /me or login answer, with the session-wide second-factor flag kept on it. */
function sessionUserOf(response: SessionResponse): SessionUser {
  return {
    ...response.user,
    second_factor: response.user.second_factor ?? NO_SECOND_FACTOR,
    second_factor_setup_required: response.second_factor_setup_required === true,
  };
}

/** True while the session is restricted to setting up a second factor. */
export function mustSetUpSecondFactor(user: SessionUser | null | undefined): boolean {
  return user?.second_factor_setup_required === true;
}

/** The current user, or null when nobody is logged in (the server says 401). */
export async function fetchCurrentUser(): Promise<SessionUser | null> {
  try {
    const response = await apiRequest<SessionResponse>('GET', '/api/v1/me');
    rememberCsrfToken(response.csrf_token);
    return sessionUserOf(response);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function logIn(credentials: Credentials): Promise<SessionUser> {
  const response = await apiRequest<SessionResponse>('POST', '/api/v1/session', { body: credentials });
  rememberCsrfToken(response.csrf_token);
  return sessionUserOf(response);
}

export async function logOut(): Promise<void> {
  await apiRequest<void>('DELETE', '/api/v1/session');
  rememberCsrfToken(null);
}

/** Ends every session of this user, on every device. */
export async function logOutEverywhere(): Promise<void> {
  await apiRequest<void>('DELETE', '/api/v1/sessions');
  rememberCsrfToken(null);
}
