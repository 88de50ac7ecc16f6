// Direct API calls for test set-up: the mail box of the demo server, and
// creating fresh users so tests that change passwords can run again and again.
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { BASE_URL } from './browser.mjs';
import { DEMO_PASSWORD } from './pages.mjs';

/** Fails early, with a clear message, when no server answers. */
export async function assertServerIsUp() {
  try {
    const response = await fetch(`${BASE_URL}/api/v1/health`);
    assert.equal(response.status, 200, `GET /api/v1/health answered ${response.status}`);
  } catch (error) {
    throw new Error(`Kakehashi is not answering at ${BASE_URL} (set KAKEHASHI_URL): ${error.message}`);
  }
}

/** Mails the demo server kept instead of sending, or null when it has no demo mail box (404: not started with --demo, or real SMTP). */
export async function listDevMails() {
  const response = await fetch(`${BASE_URL}/api/v1/dev/mails`, { headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    // `make test` starts its server with --demo and sets this, so the mail tests can never pass by skipping.
    assert.notEqual(process.env.KAKEHASHI_E2E_REQUIRE_DEMO_MAILS, '1', 'the demo mail box is required (serve --demo) but answered 404');
    return null;
  }
  assert.equal(response.status, 200, `GET /api/v1/dev/mails answered ${response.status}`);
  return (await response.json()).items;
}

export async function devMailsAvailable() {
  return (await listDevMails()) !== null;
}

/**
 * Waits for a mail to `address` that is not among `knownIds`. The server may
 * send mail from a background outbox, so it can arrive a moment after the request.
 */
export async function waitForNewMail(address, knownIds = new Set(), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await listDevMails()) ?? [];
    const fresh = mails
      .filter((mail) => mail.to.includes(address) && !knownIds.has(mail.id))
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    if (fresh.length > 0) {
      return fresh[0];
    }
    if (Date.now() > deadline) {
      throw new Error(`no new mail to ${address} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export async function mailIdsTo(address) {
  const mails = (await listDevMails()) ?? [];
  return new Set(mails.filter((mail) => mail.to.includes(address)).map((mail) => mail.id));
}

/** An API session of the demo secretariat, holding its cookie and CSRF token. */
export async function secretariatApi() {
  const context = await request.newContext({ baseURL: BASE_URL });
  const login = await context.post('/api/v1/session', { data: { login: 'jimukyoku', password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, `secretariat login answered ${login.status()}: ${await login.text()}`);
  const { csrf_token: csrfToken } = await login.json();
  const headers = { 'X-CSRF-Token': csrfToken };

  async function call(method, path, data) {
    const response = await context.fetch(path, { method, data, headers });
    const text = await response.text();
    assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  return {
    /** A facility organisation to put new users in; one is created when none exists. */
    async facilityOrganisation() {
      const { items } = await call('GET', '/api/v1/organisations?page=1&per_page=500');
      const existing = items.find((organisation) => organisation.kind === 'facility');
      return existing ?? call('POST', '/api/v1/organisations', { name: 'E2Eテスト病院', kind: 'facility', prefecture: '13' });
    },
    issueUser(user) {
      return call('POST', '/api/v1/users', user);
    },
    dispose: () => context.dispose(),
  };
}
