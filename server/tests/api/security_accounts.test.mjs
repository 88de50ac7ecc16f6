// Issue 10, the account findings of the penetration test, each as it was found and as it must hold now:
// 1 the demo mail page only in demo mode on loopback, 2 re-registration of a pending address, 4 event streams
// end with their session, 7 throttling by delays instead of lockout, 8 reset answers that tell nothing by timing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, freshDatabase, runCli, waitForMail, mailsTo, tokenFrom, uniqueEmail, DEMO_PASSWORD } from './harness.mjs';

let server;  // behind a trusted proxy, so each test can speak from its own client addresses
before(async () => { server = await startServer({ extra: ['--trust-proxy', 'true'] }); });
after(async () => { await server?.stop(); });

/** A client whose requests come from `ip` (as our own proxy would say in X-Forwarded-For). */
function from(ip, base = server.url) {
  const c = new Client(base);
  const request = c.request.bind(c);
  c.request = (method, path, body, options = {}) =>
    request(method, path, body, { ...options, headers: { ...(options.headers ?? {}), 'x-forwarded-for': ip } });
  return c;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let nextIp = 1;
const freshIp = () => `198.51.100.${nextIp++}`;

// ---- 1. the demo mail page ----

test('without --demo there is no mail page, mails stay unsent, and health and the log say so', async () => {
  const db = freshDatabase();
  const plain = await startServer({ db, smtp: false });
  try {
    const c = new Client(plain.url);
    assert.equal((await c.get('/api/v1/dev/mails')).status, 404, 'the route does not exist');
    assert.deepEqual((await c.get('/api/v1/health')).json, { status: 'ok', mail: 'not configured' });
    assert.ok(plain.log.some((l) => l.includes('"mail_not_configured"')), 'a warning at start');
    assert.equal((await c.post('/api/v1/password-resets', { login: 'fac-tokyo-02' })).status, 202);
    await sleep(1000);  // the reset is answered in the background: its mail is now in the outbox
  } finally { await plain.stop(); }
  // The same database in demo mode shows the mail that was kept, unsent.
  const demo = await startServer({ db, demo: false, smtp: false, extra: ['--demo'] });
  try {
    const c = new Client(demo.url);
    assert.equal((await c.get('/api/v1/health')).json.mail, 'demo');
    const mails = await c.get('/api/v1/dev/mails');
    assert.equal(mails.status, 200);
    assert.ok(mails.json.items.some((m) => m.subject.includes('パスワード再設定')), 'kept in the outbox');
  } finally { await demo.stop(); }
});

test('--demo is refused on an address other than loopback, and with SMTP there is no mail page', () => {
  const r = runCli(['serve', '--demo', '--db', freshDatabase(), '--listen', '0.0.0.0:0', '--web-root', '']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /ループバック/);
  assert.equal(runCli(['serve', '--demo', '--db', freshDatabase(), '--listen', '192.0.2.1:0']).status, 1);
});

test('with SMTP configured, --demo shows no mail page either', async () => {
  const s = await startServer({ demo: false, extra: ['--demo'] });
  try {
    assert.equal((await new Client(s.url).get('/api/v1/dev/mails')).status, 404);
    assert.equal((await new Client(s.url).get('/api/v1/health')).json.mail, 'smtp');
  } finally { await s.stop(); }
});

// ---- 2. re-registration ----

test('registering a pending address again changes nothing and re-sends the first verification', async () => {
  const email = uniqueEmail('pending');
  const first = await from(freshIp()).post('/api/v1/registrations', { name: '最初 登録', email, password: 'First2026pw' });
  assert.equal(first.status, 202);
  const firstMail = await waitForMail(email, 'メールアドレスの確認');
  const second = await from(freshIp()).post('/api/v1/registrations', { name: '乗っ取り 太郎', email, password: 'Taken2026pw' });
  assert.equal(second.status, first.status, 'answered exactly as for a new address');
  assert.deepEqual(second.json, first.json);
  const again = await waitForMail(email, 'メールアドレスの確認', { known: 1 });
  assert.match(again.body, /最初 登録 様/, 'the verification is for the account as first registered');
  assert.ok(!again.body.includes('乗っ取り'), 'the second name is not used');
  // The first link still works, and only the first password opens the account.
  assert.equal((await new Client(server.url).post('/api/v1/registrations/verify', { token: tokenFrom(firstMail.body) })).status, 200);
  assert.equal((await from(freshIp()).post('/api/v1/session', { login: email, password: 'Taken2026pw' })).status, 401);
  const ok = await from(freshIp()).post('/api/v1/session', { login: email, password: 'First2026pw' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.user.display_name, '最初 登録');
});

// ---- 4. event streams end with their session ----

/** Opens the user's event stream; resolves `ended` when the server closes it. */
async function openStream(client) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/events`, {
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal });
  assert.equal(res.status, 200);
  const reader = res.body.getReader();
  const ended = (async () => { try { for (;;) { const { done } = await reader.read(); if (done) return true; } } catch { return true; } })();
  return { ended, abort: () => controller.abort() };
}

async function endsWithin(stream, ms, what) {
  const result = await Promise.race([stream.ended, sleep(ms).then(() => false)]);
  stream.abort();
  assert.equal(result, true, `${what}: the stream is still open after ${ms} ms`);
}

test('logout, logout everywhere, a password change and a reset each close the open event streams', async () => {
  const seeker = from(freshIp());
  await seeker.login('seeker0101@demo.kakehashi.example');
  const other = from(freshIp());
  await other.login('seeker0101@demo.kakehashi.example');
  // Logout closes this session's stream, not the other session's.
  const own = await openStream(seeker), kept = await openStream(other);
  assert.equal((await seeker.delete('/api/v1/session')).status, 204);
  await endsWithin(own, 2000, 'logout');
  assert.equal(await Promise.race([kept.ended, sleep(300).then(() => false)]), false, 'another session keeps its stream');
  // Logout everywhere.
  assert.equal((await other.delete('/api/v1/sessions')).status, 204);
  await endsWithin(kept, 2000, 'logout everywhere');
  // A password change ends the user's other sessions and their streams.
  const a = from(freshIp()); await a.login('seeker0102@demo.kakehashi.example');
  const b = from(freshIp()); await b.login('seeker0102@demo.kakehashi.example');
  const bStream = await openStream(b);
  assert.equal((await a.put('/api/v1/me/password', { current_password: DEMO_PASSWORD, new_password: 'Changed2026pw' })).status, 200);
  await endsWithin(bStream, 2000, 'password change');
  // A reset ends every session.
  const c = from(freshIp()); await c.login('seeker0103@demo.kakehashi.example');
  const cStream = await openStream(c);
  // The sink keeps the mails of earlier runs (the other database's): wait for one beyond those.
  const known = mailsTo('seeker0103@demo.kakehashi.example').filter((m) => m.subject.includes('パスワード再設定')).length;
  assert.equal((await from(freshIp()).post('/api/v1/password-resets', { login: 'seeker0103@demo.kakehashi.example' })).status, 202);
  const mail = await waitForMail('seeker0103@demo.kakehashi.example', 'パスワード再設定', { known });
  assert.equal((await new Client(server.url).post('/api/v1/password-resets/confirm', { token: tokenFrom(mail.body), password: 'Reset2026pwx' })).status, 200);
  await endsWithin(cStream, 2000, 'password reset');
});

test('a stream closes when its session expires', async () => {
  const s = await startServer({ extra: ['--session-idle-seconds', '5'] });
  try {
    const c = new Client(s.url);
    await c.login('seeker0104@demo.kakehashi.example');
    const res = await fetch(`${s.url}/api/v1/events`, { headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const reader = res.body.getReader();
    const started = Date.now();
    const ended = (async () => { for (;;) { const { done } = await reader.read(); if (done) return Date.now() - started; } })();
    const took = await Promise.race([ended, sleep(12000).then(() => null)]);
    assert.ok(took !== null, 'the stream outlived its session');
    assert.ok(took >= 4000, `closed too early (${took} ms)`);
    assert.equal((await c.get('/api/v1/me')).status, 401, 'and the session itself is over');
  } finally { await s.stop(); }
});

// ---- 7. throttling by delays, never a lockout ----

test('wrong passwords from one address slow that address down; the real user elsewhere logs in', async () => {
  const attacker = from(freshIp());
  for (let i = 0; i < 5; i++)
    assert.equal((await attacker.post('/api/v1/session', { login: 'fac-tokyo-02', password: `Nope${i}xyz1` })).status, 401);
  const slowed = await attacker.post('/api/v1/session', { login: 'fac-tokyo-02', password: DEMO_PASSWORD });
  assert.equal(slowed.status, 429, 'even the right password waits, from the guessing address');
  assert.equal(slowed.json.error.code, 'too_many_attempts');
  assert.match(slowed.json.error.message, /秒お待ちください/);
  const retryAfter = Number(slowed.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${retryAfter}`);
  // The owner, at the hospital, is not locked out.
  const owner = from(freshIp());
  assert.equal((await owner.post('/api/v1/session', { login: 'fac-tokyo-02', password: DEMO_PASSWORD })).status, 200);
  // After the wait, the guessing address may try again (and the next wait is longer).
  await sleep(retryAfter * 1000 + 100);
  assert.equal((await attacker.post('/api/v1/session', { login: 'fac-tokyo-02', password: 'Nope9xyz1' })).status, 401);
  const longer = await attacker.post('/api/v1/session', { login: 'fac-tokyo-02', password: 'Nope9xyz1' });
  assert.equal(longer.status, 429);
  assert.ok(Number(longer.headers.get('retry-after')) > retryAfter, 'the delay grows');
});

test('guessing spread over many addresses slows the ID by at most a minute, never locks it', async () => {
  for (let i = 0; i < 10; i++)
    assert.equal((await from(freshIp()).post('/api/v1/session', { login: 'agg-kensei-09', password: `Spread${i}xy1` })).status, 401);
  const owner = from(freshIp());
  const slowed = await owner.post('/api/v1/session', { login: 'agg-kensei-09', password: DEMO_PASSWORD });
  assert.equal(slowed.status, 429, 'the ID is slowed wherever the next attempt comes from');
  const wait = Number(slowed.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 60, `the ID waits at most a minute (Retry-After ${wait})`);
  await sleep(wait * 1000 + 100);
  assert.equal((await owner.post('/api/v1/session', { login: 'agg-kensei-09', password: DEMO_PASSWORD })).status, 200, 'then the owner is in');
});

test('spraying many IDs from one address slows that address by at most 30 seconds', async () => {
  const office = freshIp();
  for (let i = 0; i < 30; i++)
    assert.equal((await from(office).post('/api/v1/session', { login: `seeker${String(200 + i).padStart(4, '0')}@demo.kakehashi.example`, password: 'Spray2026pw' })).status, 401);
  const colleague = await from(office).post('/api/v1/session', { login: 'seeker0300@demo.kakehashi.example', password: DEMO_PASSWORD });
  assert.equal(colleague.status, 429, 'the address waits');
  const wait = Number(colleague.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 30, `at most 30 seconds (Retry-After ${wait})`);
  await sleep(wait * 1000 + 100);
  assert.equal((await from(office).post('/api/v1/session', { login: 'seeker0300@demo.kakehashi.example', password: DEMO_PASSWORD })).status, 200,
    'and then a colleague behind the same address logs in');
});

// ---- 8. reset requests tell nothing ----

test('a reset request is answered the same, and as fast, for an existing and an unknown ID', async () => {
  const ask = async (login) => {
    const c = from(freshIp());  // a new address each time: the per-address cap is not what is measured
    const started = process.hrtime.bigint();
    const r = await c.post('/api/v1/password-resets', { login });
    return { r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  const resetMails = (to) => mailsTo(to).filter((m) => m.subject.includes('パスワード再設定')).length;
  const mailsBefore = resetMails('coord-doctor-13@kakehashi.example');  // the sink keeps earlier runs' mails
  const known = await ask('coord-doctor-13'), unknown = await ask('no-such-user-x');
  assert.equal(known.r.status, unknown.r.status);
  assert.equal(known.r.text, unknown.r.text);
  // Timing: the same statements run for both, so a known and an unknown ID asked back to back take the same time
  // (the finding was 0.93 against 0.73 ms, 27 % apart). Compared pair by pair, who goes first alternating, so that
  // the load of a busy machine (make test runs other suites beside this one) weighs on both sides of each pair
  // alike: the median of the pairs' differences stays near zero where the medians of the two series drift apart.
  const differences = [], all = [];
  for (let i = 0; i < 150; i++) {
    const knownFirst = i % 2 === 0;
    const first = await ask(knownFirst ? 'fac-tokyo-01' : `nobody-${i}`);
    const second = await ask(knownFirst ? `nobody-${i}` : 'fac-tokyo-01');
    const [k, u] = knownFirst ? [first.ms, second.ms] : [second.ms, first.ms];
    differences.push(k - u);
    all.push(k, u);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const d = median(differences), typical = median(all);
  assert.ok(Math.abs(d) < Math.max(0.1, 0.1 * typical),
    `a known ID takes ${d.toFixed(3)} ms longer than an unknown one (median of 150 pairs; a request takes ${typical.toFixed(3)} ms)`);
  // And the real ID still gets its mail, a moment later.
  await waitForMail('coord-doctor-13@kakehashi.example', 'パスワード再設定', { known: mailsBefore });
});
