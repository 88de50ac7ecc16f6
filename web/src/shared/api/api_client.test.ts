import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { apiRequest, rememberCsrfToken, setAcceptLanguage } from './api_client';
import { ApiError, CLIENT_ERROR_CODES } from './api_error';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function lastRequest(fetchMock: MockInstance<typeof fetch>): { url: string; init: RequestInit; headers: Record<string, string> } {
  const [url, init] = fetchMock.mock.calls.at(-1) as [string, RequestInit];
  return { url, init, headers: init.headers as Record<string, string> };
}

describe('apiRequest', () => {
  let fetchMock: MockInstance<typeof fetch>;

  beforeEach(() => {
    // Replaced for each test; vitest's restoreMocks puts the real fetch back afterwards.
    fetchMock = vi.spyOn(globalThis, 'fetch');
    rememberCsrfToken(null);
    setAcceptLanguage('ja');
  });

  it('sends JSON with the session cookie and the UI language', async () => {
    fetchMock.mockResolvedValue(jsonResponse(202, { status: 'accepted' }));
    setAcceptLanguage('en');

    const result = await apiRequest('POST', '/api/v1/password-resets', { body: { login: 'fac-tokyo-01' } });

    expect(result).toEqual({ status: 'accepted' });
    const { url, init, headers } = lastRequest(fetchMock);
    expect(url).toBe('/api/v1/password-resets');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"login":"fac-tokyo-01"}');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['Accept-Language']).toBe('en');
  });

  it('sends a raw body (a CSV upload) with its own content type', async () => {
    rememberCsrfToken('token-123');
    fetchMock.mockResolvedValue(jsonResponse(201, { imported: 1, ids: ['pst_1'] }));

    await apiRequest('POST', '/api/v1/postings/import', { rawBody: { contentType: 'text/csv', data: 'title\n求人' } });

    const { init, headers } = lastRequest(fetchMock);
    expect(init.body).toBe('title\n求人');
    expect(headers['Content-Type']).toBe('text/csv');
    expect(headers['X-CSRF-Token']).toBe('token-123');
  });

  it('adds the CSRF token to writes but never to reads', async () => {
    rememberCsrfToken('token-123');
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, {})));

    await apiRequest('GET', '/api/v1/organisations');
    expect(lastRequest(fetchMock).headers['X-CSRF-Token']).toBeUndefined();
    expect(lastRequest(fetchMock).headers['Content-Type']).toBeUndefined();

    await apiRequest('POST', '/api/v1/organisations', { body: { name: 'x' } });
    expect(lastRequest(fetchMock).headers['X-CSRF-Token']).toBe('token-123');

    await apiRequest('DELETE', '/api/v1/session');
    expect(lastRequest(fetchMock).headers['X-CSRF-Token']).toBe('token-123');
  });

  it('fetches a fresh CSRF token once when the server says it is stale', async () => {
    rememberCsrfToken('stale');
    fetchMock
      .mockResolvedValueOnce(jsonResponse(403, { error: { code: 'csrf_failed', message: 'もう一度お試しください。' } }))
      .mockResolvedValueOnce(jsonResponse(200, { user: {}, csrf_token: 'fresh' }))
      .mockResolvedValueOnce(jsonResponse(201, { id: 'org_1' }));

    const created = await apiRequest('POST', '/api/v1/organisations', { body: { name: 'x' } });

    expect(created).toEqual({ id: 'org_1' });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/organisations', '/api/v1/me', '/api/v1/organisations']);
    expect(lastRequest(fetchMock).headers['X-CSRF-Token']).toBe('fresh');
  });

  it('reports a second CSRF refusal instead of retrying for ever', async () => {
    rememberCsrfToken('stale');
    const refusal = () => jsonResponse(403, { error: { code: 'csrf_failed', message: '拒否されました。' } });
    fetchMock
      .mockResolvedValueOnce(refusal())
      .mockResolvedValueOnce(jsonResponse(200, { user: {}, csrf_token: 'fresh' }))
      .mockResolvedValueOnce(refusal());

    await expect(apiRequest('DELETE', '/api/v1/session')).rejects.toMatchObject({ code: 'csrf_failed' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(apiRequest('DELETE', '/api/v1/session')).resolves.toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its code, message and field messages", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        error: {
          code: 'validation_failed',
          message: '入力内容を確認してください。',
          fields: { email: 'メールアドレスの形式が正しくありません。', ignored: 42 },
        },
      }),
    );

    const error = await apiRequest('POST', '/api/v1/registrations', { body: {} }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.message).toBe('入力内容を確認してください。');
    expect(apiError.hasServerMessage).toBe(true);
    // Only string messages are kept: anything else cannot be shown to the user.
    expect(apiError.fields).toEqual({ email: 'メールアドレスの形式が正しくありません。' });
  });

  it('keeps 401 and 429 codes so callers can tell them apart', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { error: { code: 'invalid_credentials', message: 'ユーザID またはパスワードが違います。' } }));
    fetchMock.mockResolvedValueOnce(jsonResponse(429, { error: { code: 'too_many_attempts', message: 'しばらくしてからお試しください。' } }));

    const first = (await apiRequest('POST', '/api/v1/session', { body: {} }).catch((e: unknown) => e)) as ApiError;
    const second = (await apiRequest('POST', '/api/v1/session', { body: {} }).catch((e: unknown) => e)) as ApiError;

    expect([first.status, first.code]).toEqual([401, 'invalid_credentials']);
    expect([second.status, second.code]).toEqual([429, 'too_many_attempts']);
  });

  it('reports a non-JSON error page (a proxy, a crash) without a server message', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));

    const error = (await apiRequest('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe(CLIENT_ERROR_CODES.unexpectedResponse);
    expect(error.hasServerMessage).toBe(false);
  });

  it('reports a failed connection as a network error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = (await apiRequest('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe(CLIENT_ERROR_CODES.network);
  });

  it('lets an abort pass through unchanged', async () => {
    fetchMock.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    await expect(apiRequest('GET', '/api/v1/me')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
