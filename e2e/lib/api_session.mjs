// An API session of any demo user, for setting up what a test then looks at
// in the browser (an inquiry to open, say). The browser part of a test always
// goes through the pages themselves.
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { BASE_URL } from './browser.mjs';
import { DEMO_PASSWORD } from './pages.mjs';

export async function apiSession(login, password = DEMO_PASSWORD) {
  const context = await request.newContext({ baseURL: BASE_URL });
  const response = await context.post('/api/v1/session', { data: { login, password } });
  assert.equal(response.status(), 200, `login of ${login} answered ${response.status()}: ${await response.text()}`);
  const { csrf_token: csrfToken, user } = await response.json();

  async function call(method, path, data) {
    const answer = await context.fetch(path, { method, data, headers: { 'X-CSRF-Token': csrfToken } });
    const text = await answer.text();
    assert.ok(answer.ok(), `${method} ${path} as ${login} answered ${answer.status()}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  return { user, call, dispose: () => context.dispose() };
}

/** A small but real PDF (the server recognises files by their first bytes). */
export function smallPdf(label = 'Kakehashi e2e') {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${label}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
