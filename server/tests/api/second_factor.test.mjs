// The TOTP second factor (SPEC.md "Accounts"): mandatory roles are held to setting it up before anything else,
// logins then need a code that works once, failures are throttled like passwords, optional users may turn it
// off with password and code, and the secretariat can remove it for a user who lost the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, totpCode, DEMO_PASSWORD } from './harness.mjs';

let server;
const secrets = {};

before(async () => { server = await startServer({ smtp: false, secondFactorRoles: 'secretariat,coordinator' }); });
after(async () => { await server?.stop(); });

async function as(login, code) {
  const c = new Client(server.url);
  const r = await c.post('/api/v1/session', { login, password: DEMO_PASSWORD, ...(code ? { code } : {}) });
  return { c, r };
}

async function enrol(client) {
  const start = await client.post('/api/v1/me/second-factor', {});
  assert.equal(start.status, 201, start.text);
  assert.match(start.json.secret, /^[A-Z2-7]{32}$/);
  assert.ok(start.json.otpauth_uri.startsWith('otpauth://totp/') && start.json.otpauth_uri.includes(`secret=${start.json.secret}`));
  const wrong = await client.post('/api/v1/me/second-factor/confirm', { code: '000000' === totpCode(start.json.secret) ? '111111' : '000000' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.json.error.fields.code, /確認コードが正しくありません/);
  const code = totpCode(start.json.secret);
  const ok = await client.post('/api/v1/me/second-factor/confirm', { code });
  assert.equal(ok.status, 200, ok.text);
  secrets.usedAtConfirm = code;
  return start.json.secret;
}

test('a secretariat login without a second factor may only set one up', async () => {
  const { c, r } = await as('jimukyoku');
  assert.equal(r.status, 200);
  assert.equal(r.json.second_factor_setup_required, true);
  assert.deepEqual(r.json.user.second_factor, { enabled: false, required: true });
  const blocked = await c.get('/api/v1/organisations');
  assert.equal(blocked.status, 403);
  assert.equal(blocked.json.error.code, 'second_factor_setup_required');
  assert.match(blocked.json.error.message, /二要素認証の設定が必要/);
  assert.equal((await c.get('/api/v1/postings?per_page=1')).status, 200, 'public pages stay public');
  assert.equal((await c.get('/api/v1/notifications')).status, 403);
  secrets.jimukyoku = await enrol(c);
  const me = await c.get('/api/v1/me');
  assert.equal(me.json.second_factor_setup_required, false, 'the same session is no longer restricted');
  assert.deepEqual(me.json.user.second_factor, { enabled: true, required: true });
  assert.equal((await c.get('/api/v1/organisations')).status, 200);
  assert.equal((await c.post('/api/v1/me/second-factor', {})).status, 409, 'a second enrolment needs disabling first');
  const off = await c.post('/api/v1/me/second-factor/disable', { password: DEMO_PASSWORD, code: totpCode(secrets.jimukyoku, 1) });
  assert.equal(off.status, 403);
  assert.equal(off.json.error.code, 'second_factor_mandatory');
});

test('then a login needs a code, and each code works once', async () => {
  const none = await as('jimukyoku');
  assert.equal(none.r.status, 401);
  assert.equal(none.r.json.error.code, 'second_factor_required');
  assert.ok(none.r.json.error.fields.code);
  assert.equal(none.c.cookies.size, 0, 'no session without the code');
  const wrongPassword = await new Client(server.url).post('/api/v1/session', { login: 'jimukyoku', password: 'Wrong2026pw', code: totpCode(secrets.jimukyoku, 1) });
  assert.equal(wrongPassword.status, 401);
  assert.equal(wrongPassword.json.error.code, 'invalid_credentials', 'the password is checked first, whatever the code');
  // (Codes are kept, not recomputed: a 30-second boundary may pass during the test.)
  const reused = await as('jimukyoku', secrets.usedAtConfirm);
  assert.equal(reused.r.status, 401, 'the code used to confirm cannot log in');
  assert.equal(reused.r.json.error.code, 'invalid_second_factor');
  const next = totpCode(secrets.jimukyoku, 1);
  const ok = await as('jimukyoku', next);
  assert.equal(ok.r.status, 200, ok.r.text);
  assert.equal(ok.r.json.second_factor_setup_required, false);
  assert.equal((await ok.c.get('/api/v1/users')).status, 200);
  const again = await as('jimukyoku', next);
  assert.equal(again.r.status, 401, 'nor can a code used to log in');
  secrets.jimukyokuClient = ok.c;
});

test('wrong codes are throttled like wrong passwords', async () => {
  const { c } = await as('coord-nurse-13');
  secrets.coordinator = await enrol(c);
  const wrong = totpCode(secrets.coordinator, 5);  // a real code of another time: wrong now
  for (let i = 0; i < 5; i++) assert.equal((await as('coord-nurse-13', wrong)).r.status, 401);
  const locked = await as('coord-nurse-13', totpCode(secrets.coordinator, 1));
  assert.equal(locked.r.status, 429, 'even the right code waits after five failures');
  const log = await secrets.jimukyokuClient.get('/api/v1/audit?per_page=200');
  const actions = new Set(log.json.items.map((e) => e.action));
  for (const a of ['second_factor_started', 'second_factor_enabled', 'second_factor_failed', 'login_throttled']) assert.ok(actions.has(a), `audit has ${a}`);
});

test('the secretariat removes a lost second factor: the user’s sessions end and the set-up starts again', async () => {
  const { c: coord } = await as('coord-doctor-13');
  await enrol(coord);
  const sec = secrets.jimukyokuClient;
  const users = (await sec.get('/api/v1/users')).json.items;
  const target = users.find((u) => u.login === 'coord-doctor-13');
  assert.equal(target.second_factor_enabled, true);
  assert.equal(users.find((u) => u.login === 'fac-tokyo-02').second_factor_enabled, false);
  const fac = (await as('fac-tokyo-01')).c;
  assert.equal((await fac.delete(`/api/v1/users/${target.id}/second-factor`)).status, 403, 'only the secretariat');
  assert.equal((await sec.delete(`/api/v1/users/${target.id}/second-factor`)).status, 204);
  assert.equal((await coord.get('/api/v1/me')).status, 401, 'the old session ended');
  assert.equal((await sec.delete(`/api/v1/users/${target.id}/second-factor`)).status, 409, 'nothing left to remove');
  const back = await as('coord-doctor-13');
  assert.equal(back.r.status, 200, 'a password is enough again');
  assert.equal(back.r.json.second_factor_setup_required, true, 'and the set-up is required again');
});

test('an optional second factor: the user turns it on, and off with password and code', async () => {
  const { c, r } = await as('fac-tokyo-02');
  assert.equal(r.json.second_factor_setup_required, false);
  assert.deepEqual(r.json.user.second_factor, { enabled: false, required: false });
  assert.equal((await c.post('/api/v1/me/second-factor/confirm', { code: '123456' })).status, 409, 'nothing started');
  const secret = await enrol(c);
  const bad = await c.post('/api/v1/me/second-factor/disable', { password: 'Wrong2026pw', code: '000000' });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.error.fields.password && bad.json.error.fields.code);
  const off = await c.post('/api/v1/me/second-factor/disable', { password: DEMO_PASSWORD, code: totpCode(secret, 1) });
  assert.equal(off.status, 200, off.text);
  assert.equal((await as('fac-tokyo-02')).r.status, 200, 'a password is enough again');
});
