// Accounts end to end: login, sessions and CSRF, throttling, registration with e-mail verification,
// password reset by mail, IDs issued by the secretariat, and the audit log — over real HTTP and SMTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, waitForMail, mailsTo, tokenFrom, uniqueEmail, DEMO_PASSWORD } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('every demo role logs in and /me tells who and where', async () => {
  const expected = {
    jimukyoku: 'secretariat', 'fac-tokyo-01': 'facility', 'agg-tochigi': 'aggregator',
    'coord-nurse-13': 'coordinator', 'career-09': 'career_center', 'workenv-13': 'workenv_center',
    'seeker@example.jp': 'seeker',
  };
  for (const [login, role] of Object.entries(expected)) {
    const c = new Client(server.url);
    const r = await c.login(login);
    assert.equal(r.json.user.role, role);
    const cookie = r.headers.getSetCookie()[0];
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const me = await c.get('/api/v1/me');
    assert.equal(me.json.user.login, login);
    if (role !== 'seeker') assert.equal(me.json.user.organisations.length, 1);
  }
  const fac = new Client(server.url);
  await fac.login('FAC-TOKYO-01');  // IDs are case-insensitive
  assert.equal((await fac.get('/api/v1/me')).json.user.organisations[0].name, '千代田区神田さくら病院');
});

test('bad credentials are 401 with one message whether or not the ID exists', async () => {
  const c = new Client(server.url);
  const wrongPassword = await c.post('/api/v1/session', { login: 'fac-tokyo-02', password: 'Wrong12345' });
  const noSuchUser = await c.post('/api/v1/session', { login: 'nobody-here', password: 'Wrong12345' });
  assert.equal(wrongPassword.status, 401);
  assert.equal(noSuchUser.status, 401);
  assert.deepEqual(wrongPassword.json, noSuchUser.json);
  assert.equal((await c.get('/api/v1/me')).status, 401);
});

test('unsafe requests need the session CSRF token', async () => {
  const c = new Client(server.url);
  await c.login('fac-tokyo-01');
  const noToken = await c.delete('/api/v1/session', { headers: { 'x-csrf-token': 'forged' } });
  assert.equal(noToken.status, 403);
  assert.equal(noToken.json.error.code, 'csrf_failed');
  assert.equal((await c.get('/api/v1/me')).status, 200, 'still logged in');
  assert.equal((await c.delete('/api/v1/session')).status, 204);
  assert.equal((await c.get('/api/v1/me')).status, 401);
});

test('logout everywhere ends every session of the user', async () => {
  const a = new Client(server.url);
  const b = new Client(server.url);
  await a.login('career-09');
  await b.login('career-09');
  assert.equal((await a.delete('/api/v1/sessions')).status, 204);
  assert.equal((await b.get('/api/v1/me')).status, 401);
});

test('repeated failures are throttled, then the right password is refused too', async () => {
  const c = new Client(server.url);
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/api/v1/session', { login: 'workenv-13', password: `Nope${i}xyz1` })).status, 401);
  const locked = await c.post('/api/v1/session', { login: 'workenv-13', password: DEMO_PASSWORD });
  assert.equal(locked.status, 429);
  assert.equal(locked.json.error.code, 'too_many_attempts');
});

test('a seeker registers, verifies the e-mail and logs in', async () => {
  const email = uniqueEmail('seeker');
  const c = new Client(server.url);
  const bad = await c.post('/api/v1/registrations', { name: '', email: 'not-an-address', password: 'short' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['email', 'name', 'password']);
  assert.equal(bad.json.error.fields.name, '「氏名」を入力してください。');

  const r = await c.post('/api/v1/registrations', { name: '鈴木 看護', email, password: 'Nurse2026x' });
  assert.equal(r.status, 202);
  const early = await c.post('/api/v1/session', { login: email, password: 'Nurse2026x' });
  assert.equal(early.status, 403);
  assert.equal(early.json.error.code, 'email_not_verified');

  const mail = await waitForMail(email, 'メールアドレスの確認');
  assert.match(mail.body, /鈴木 看護 様/);
  const token = tokenFrom(mail.body);
  assert.match(mail.body, new RegExp(`http://kakehashi.test/verify\\?token=${token}`));
  assert.equal((await c.post('/api/v1/registrations/verify', { token })).status, 200);
  assert.equal((await c.post('/api/v1/registrations/verify', { token })).json.error.code, 'invalid_token', 'single use');
  const login = await c.post('/api/v1/session', { login: email.toUpperCase(), password: 'Nurse2026x' });
  assert.equal(login.status, 200);
  assert.equal(login.json.user.role, 'seeker');
});

test('registering a taken address answers the same and tells the owner by mail', async () => {
  const c = new Client(server.url);
  const r = await c.post('/api/v1/registrations', { name: '誰か', email: 'seeker@example.jp', password: 'Other2026x' });
  assert.equal(r.status, 202);
  assert.deepEqual(r.json, { status: 'verification_sent' });
  await waitForMail('seeker@example.jp', '登録済みのメールアドレス');
  assert.equal((await c.post('/api/v1/session', { login: 'seeker@example.jp', password: 'Other2026x' })).status, 401, 'password unchanged');
});

test('password reset: same answer for unknown IDs, single-use link, rules enforced, old sessions end', async () => {
  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const orgs = await sec.get('/api/v1/organisations');
  const hospital = orgs.json.items.find((o) => o.name === '八王子市みなみ野総合病院');
  // A fresh user so that this test can change a password freely.
  const login = `reset-${Date.now().toString(36)}`;
  const email = uniqueEmail('reset');
  const issued = await sec.post('/api/v1/users', { login, display_name: '再設定 太郎', email, role: 'facility', organisation_id: hospital.id });
  assert.equal(issued.status, 201, issued.text);
  const invite = await waitForMail(email, 'ユーザIDのお知らせ');
  const anon = new Client(server.url);
  assert.equal((await anon.post('/api/v1/password-resets/confirm', { token: tokenFrom(invite.body), password: 'First2026pw' })).status, 200);
  const holder = new Client(server.url);
  await holder.login(login, 'First2026pw');

  const unknown = await anon.post('/api/v1/password-resets', { login: 'no-such-id' });
  const known = await anon.post('/api/v1/password-resets', { login });
  assert.equal(unknown.status, 202);
  assert.deepEqual(unknown.json, known.json);
  const mail = await waitForMail(email, 'パスワード再設定');
  assert.match(mail.body, /有効期限30分/);
  const token = tokenFrom(mail.body);

  const weak = await anon.post('/api/v1/password-resets/confirm', { token, password: login });
  assert.equal(weak.status, 400);
  assert.ok(weak.json.error.fields.password);
  const ok = await anon.post('/api/v1/password-resets/confirm', { token, password: 'Second2026pw' });
  assert.equal(ok.status, 200, 'a rejected password leaves the link usable');
  assert.equal((await anon.post('/api/v1/password-resets/confirm', { token, password: 'Third2026pw' })).json.error.code, 'invalid_token');
  assert.equal((await holder.get('/api/v1/me')).status, 401, 'reset ends old sessions');
  assert.equal((await anon.post('/api/v1/session', { login, password: 'First2026pw' })).status, 401);
  await new Client(server.url).login(login, 'Second2026pw');
});

test('the secretariat creates organisations and issues IDs; others may not', async () => {
  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const bad = await sec.post('/api/v1/organisations', { name: '', kind: 'hospital', prefecture: '48' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['kind', 'name', 'prefecture']);
  const org = await sec.post('/api/v1/organisations', { name: '那覇市うみかぜ診療所', kind: 'facility', prefecture: '47' });
  assert.equal(org.status, 201);
  const dup = await sec.post('/api/v1/organisations', { name: '那覇市うみかぜ診療所', kind: 'facility', prefecture: '47' });
  assert.equal(dup.status, 400);
  assert.match(dup.json.error.fields.name, /すでに登録/);

  const wrongKind = await sec.post('/api/v1/users', { login: 'naha-agg', display_name: 'A', email: 'a@example.jp', role: 'aggregator', organisation_id: org.json.id });
  assert.equal(wrongKind.status, 400);
  assert.ok(wrongKind.json.error.fields.organisation_id);
  const dupLogin = await sec.post('/api/v1/users', { login: 'fac-tokyo-01', display_name: 'A', email: 'a@example.jp', role: 'facility', organisation_id: org.json.id });
  assert.equal(dupLogin.json.error.fields.login, 'このユーザIDはすでに使われています。');

  const facility = new Client(server.url);
  await facility.login('fac-tokyo-01');
  assert.equal((await facility.get('/api/v1/users')).status, 403);
  assert.equal((await facility.post('/api/v1/organisations', { name: 'x', kind: 'facility', prefecture: '13' })).status, 403);
  assert.equal((await new Client(server.url).get('/api/v1/users')).status, 401);
});

test('logins, failures and account changes are in the audit log', async () => {
  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const log = await sec.get('/api/v1/audit?per_page=200');
  assert.equal(log.status, 200);
  const actions = new Set(log.json.items.map((e) => e.action));
  for (const a of ['login', 'login_failed', 'login_throttled', 'logout', 'registration', 'email_verified',
    'password_reset_requested', 'password_reset', 'user_issued', 'organisation_created'])
    assert.ok(actions.has(a), `audit has ${a}`);
  const seekerView = new Client(server.url);
  await seekerView.login('seeker@example.jp');
  assert.equal((await seekerView.get('/api/v1/audit')).status, 403);
});
