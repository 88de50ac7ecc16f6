import { apiRequest, rememberCsrfToken } from '../api/api_client';
import { ApiError } from '../api/api_error';

/** An organisation as the session describes it. */
export interface SessionOrganisation {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
}

/** The logged-in user, from GET /api/v1/me or POST /api/v1/session. */
export interface SessionUser {
  id: string;
  login: string;
  email: string;
  display_name: string;
  role: string;
  organisations: SessionOrganisation[];
}

interface SessionResponse {
  user: SessionUser;
  csrf_token: string;
}

export interface Credentials {
  login: string;
  password: string;
}

/** The current user, or null when nobody is logged in (the server says 401). */
export async function fetchCurrentUser(): Promise<SessionUser | null> {
  try {
    const response = await apiRequest<SessionResponse>('GET', '/api/v1/me');
    rememberCsrfToken(response.csrf_token);
    return response.user;
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
  return response.user;
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
