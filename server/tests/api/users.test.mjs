// The secretariat stops a user and lets them in again: sessions end at once, the password no longer opens the
// door, a reset link mailed earlier does not either, and only the secretariat may do it — never to itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, waitForMail, mailsTo, tokenFrom, DEMO_PASSWORD } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function as(login) { const c = new Client(server.url); await c.login(login); return c; }
const userId = async (sec, login) => (await sec.get('/api/v1/users')).json.items.find((u) => u.login === login).id;

test('a stopped user is out at once and cannot come back by password or by an earlier reset link', async () => {
  const sec = await as('jimukyoku');
  const id = await userId(sec, 'fac-tochigi-02');
  const session = await as('fac-tochigi-02');
  const anon = new Client(server.url);
  const address = 'fac-tochigi-02@kakehashi.example';
  const known = mailsTo(address).filter((m) => m.subject.includes('パスワード再設定')).length;
  assert.equal((await anon.post('/api/v1/password-resets', { login: 'fac-tochigi-02' })).status, 202);
  const mail = await waitForMail(address, 'パスワード再設定', { known });

  const stopped = await sec.patch(`/api/v1/users/${id}`, { status: 'disabled' });
  assert.equal(stopped.status, 200, stopped.text);
  assert.equal(stopped.json.status, 'disabled');
  assert.equal((await session.get('/api/v1/me')).status, 401, 'the open session ended');
  const login = await new Client(server.url).post('/api/v1/session', { login: 'fac-tochigi-02', password: DEMO_PASSWORD });
  assert.equal(login.status, 401);
  assert.equal(login.json.error.code, 'invalid_credentials', 'the same answer as a wrong password');
  const viaLink = await anon.post('/api/v1/password-resets/confirm', { token: tokenFrom(mail.body), password: 'Stopped2026pw' });
  assert.equal(viaLink.status, 400, 'a link mailed before the stop does not reopen the account');
  assert.equal((await sec.get('/api/v1/users')).json.items.find((u) => u.id === id).status, 'disabled');

  const back = await sec.patch(`/api/v1/users/${id}`, { status: 'active' });
  assert.equal(back.status, 200);
  assert.equal(back.json.status, 'active');
  assert.equal((await new Client(server.url).post('/api/v1/session', { login: 'fac-tochigi-02', password: DEMO_PASSWORD })).status, 200);

  const log = await sec.get('/api/v1/audit?per_page=200');
  const actions = new Set(log.json.items.map((e) => e.action));
  assert.ok(actions.has('user_disabled') && actions.has('user_enabled'));
});

test('only the secretariat stops users, never itself, and a wrong status is named', async () => {
  const sec = await as('jimukyoku');
  const self = await sec.patch(`/api/v1/users/${await userId(sec, 'jimukyoku')}`, { status: 'disabled' });
  assert.equal(self.status, 400);
  assert.match(self.json.error.fields.status, /自分自身/);
  const wrong = await sec.patch(`/api/v1/users/${await userId(sec, 'fac-miyagi-01')}`, { status: 'sleeping' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.json.error.fields.status, /「状態」/);
  assert.equal((await sec.patch('/api/v1/users/usr_missing', { status: 'disabled' })).status, 404);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.patch(`/api/v1/users/${await userId(sec, 'fac-miyagi-01')}`, { status: 'disabled' })).status, 403);
});

test('the organisation and user lists come a page at a time, with the total', async () => {
  const sec = await as('jimukyoku');
  for (const path of ['/api/v1/organisations', '/api/v1/users']) {
    const all = (await sec.get(`${path}?per_page=500`)).json;
    assert.ok(all.total >= 10 && all.items.length === all.total, `${path}: everything fits in one page of 500`);
    const second = (await sec.get(`${path}?page=2&per_page=3`)).json;
    assert.equal(second.total, all.total);
    assert.equal(second.page, 2);
    assert.equal(second.per_page, 3);
    assert.deepEqual(second.items.map((x) => x.id), all.items.slice(3, 6).map((x) => x.id), `${path}: page 2 is items 4–6`);
    const beyond = (await sec.get(`${path}?page=999&per_page=50`)).json;
    assert.equal(beyond.items.length, 0);
    assert.equal(beyond.total, all.total);
    assert.equal((await sec.get(path)).json.per_page, 50, 'default page size');
  }
});
