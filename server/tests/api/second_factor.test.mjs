// The TOTP second factor (SPEC.md "Accounts"): mandatory roles are held to setting it up before anything else,
// logins then need a code that works once, failures are throttled like passwords, optional users may turn it
// off with password and code, and the secretariat can remove it for a user who lost the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, totpCode, DEMO_PASSWORD, freshDatabase, runCli, uniqueEmail, waitForMail } from './harness.mjs';

let server;
const secrets = {};

before(async () => { server = await startServer({ secondFactorRoles: 'secretariat,coordinator' }); });
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
  // Five failures in all: the wrong code tried during the set-up, and four at login.
  const wrong = totpCode(secrets.coordinator, 5);  // a real code of another time: wrong now
  for (let i = 0; i < 4; i++) assert.equal((await as('coord-nurse-13', wrong)).r.status, 401);
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

test('a thief with the password alone loses the session when the owner sets up the second factor', async () => {
  // coord-doctor-13 has no factor since the reset above: both log in with the password and are restricted.
  const thief = (await as('coord-doctor-13')).c;
  const owner = (await as('coord-doctor-13')).c;
  await enrol(owner);
  assert.equal((await owner.get('/api/v1/coordination/queue')).status, 200, 'the owner works on');
  assert.equal((await thief.get('/api/v1/me')).status, 401, 'the other session ended');
});

test('disabling is throttled too, and the user hears of every change by mail', async () => {
  const email = uniqueEmail('factor');
  assert.equal(runCli(['user', 'add', '--db', server.db, '--login', email, '--password', 'Factor2026pw', '--role', 'seeker', '--name', '二要素 確認']).status, 0);
  const c = new Client(server.url);
  await c.login(email, 'Factor2026pw');
  const secret = await enrol(c);
  const on = await waitForMail(email, '二要素認証を設定しました');
  assert.match(on.body, /お心当たりがない場合/);
  // Five failures in all: the wrong code tried during the set-up, and four here.
  for (let i = 0; i < 4; i++)
    assert.equal((await c.post('/api/v1/me/second-factor/disable', { password: 'Wrong2026pw', code: '000000' })).status, 400);
  const locked = await c.post('/api/v1/me/second-factor/disable', { password: 'Factor2026pw', code: totpCode(secret, 1) });
  assert.equal(locked.status, 429, 'guessing password and code is throttled like a login');
});

test('sessions opened before the rule applied are held to it, and ending sessions closes their event streams', async () => {
  const db = freshDatabase();
  let open = await startServer({ db, smtp: false, secondFactorRoles: 'none' });
  const early = new Client(open.url);
  await early.login('coord-nurse-13');
  const other = new Client(open.url);
  await other.login('coord-nurse-13');
  // A stream of the first session ends when the user logs out everywhere from the second.
  const res = await fetch(`${open.url}/api/v1/events`, { headers: { cookie: [...early.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.status, 200);
  const reader = res.body.getReader();
  await reader.read();  // the "ready" event
  assert.equal((await other.delete('/api/v1/sessions')).status, 204);
  const ended = await Promise.race([
    (async () => { for (;;) { const { done } = await reader.read(); if (done) return true; } })(),
    new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
  assert.ok(ended, 'the stream of an ended session is closed');

  const again = new Client(open.url);
  await again.login('coord-nurse-13');
  assert.equal((await again.get('/api/v1/coordination/queue')).status, 200);
  await open.stop();
  open = await startServer({ db, smtp: false, secondFactorRoles: 'secretariat,coordinator' });
  again.base = open.url;
  const held = await again.get('/api/v1/coordination/queue');
  assert.equal(held.status, 403, 'a session from before the rule is restricted as well');
  assert.equal(held.json.error.code, 'second_factor_setup_required');
  assert.equal((await again.get('/api/v1/me')).json.second_factor_setup_required, true);
  await open.stop();
});

test('the secretariat cannot "reset" a set-up that was never finished', async () => {
  const sec = secrets.jimukyokuClient;
  const fac = (await as('fac-osaka-01')).c;
  assert.equal((await fac.post('/api/v1/me/second-factor', {})).status, 201);
  const id = (await sec.get('/api/v1/users')).json.items.find((u) => u.login === 'fac-osaka-01').id;
  assert.equal((await sec.delete(`/api/v1/users/${id}/second-factor`)).status, 409);
  assert.equal((await fac.get('/api/v1/me')).status, 200, 'and the user’s sessions stay');
});
