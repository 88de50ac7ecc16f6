import { ApiError, CLIENT_ERROR_CODES } from './api_error';

/**
 * The one place that talks HTTP to the Kakehashi server.
 *
 * The server keeps the session in an HttpOnly cookie, so the browser sends it
 * on its own (`credentials: 'same-origin'`). Cookies alone would let another
 * site forge requests, so every state-changing request also carries the CSRF
 * token that the server handed out with the last /me or login response.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let acceptLanguage = 'ja';

/** Keeps the CSRF token from a /me or login response for later writes. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language the server should answer in (messages in error bodies, mails). */
export function setAcceptLanguage(language: string): void {
  acceptLanguage = language;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own content type (the CSV uploads: a file goes as its bytes); takes the place of `body`. */
  rawBody?: { contentType: string; data: string | Blob };
  signal?: AbortSignal;
}

/** The server's code for a write whose CSRF token is missing or stale. */
const CSRF_FAILED = 'csrf_failed';

export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    // A token goes stale when the session changed under this tab (a login in
    // another tab, say). Fetching a fresh one and trying once more saves the
    // user from a baffling error; a second refusal is real and is reported.
    if (error instanceof ApiError && error.status === 403 && error.code === CSRF_FAILED && method !== 'GET') {
      if (await refreshCsrfToken()) {
        return send<T>(method, path, options);
      }
    }
    throw error;
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await send<{ csrf_token?: unknown }>('GET', '/api/v1/me', {});
    if (typeof me.csrf_token === 'string') {
      rememberCsrfToken(me.csrf_token);
      return true;
    }
  } catch {
    // No session any more: the original error stands.
  }
  return false;
}

async function send<T>(method: HttpMethod, path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage,
  };
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined) {
    headers['Content-Type'] = options.rawBody.contentType;
    body = options.rawBody.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken !== null) {
    headers['X-CSRF-Token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    });
  } catch (cause) {
    // An aborted request is the caller's own doing; let it pass through untouched.
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({
      status: 0,
      code: CLIENT_ERROR_CODES.network,
      message: 'network error',
      hasServerMessage: false,
    });
  }

  if (!response.ok) {
    throw await errorFromResponse(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  if (text === '') {
    return undefined as T;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.unexpectedResponse,
      message: 'response is not JSON',
      hasServerMessage: false,
    });
  }
}

interface ErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    fields?: unknown;
  };
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = null;
  }
  const error = body?.error;
  if (error === undefined || typeof error !== 'object' || error === null) {
    return new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.unexpectedResponse,
      message: `HTTP ${response.status}`,
      hasServerMessage: false,
    });
  }
  const message = typeof error.message === 'string' && error.message !== '' ? error.message : null;
  return new ApiError({
    status: response.status,
    code: typeof error.code === 'string' ? error.code : CLIENT_ERROR_CODES.unexpectedResponse,
    message: message ?? `HTTP ${response.status}`,
    fields: onlyStringValues(error.fields),
    hasServerMessage: message !== null,
  });
}

function onlyStringValues(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) {
    return result;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') {
      result[key] = entry;
    }
  }
  return result;
}
