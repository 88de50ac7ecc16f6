// Several processes on one database (issue 17, first part): a write through one process reaches the search, the
// matching and the live streams of another, which follows the change log (woken by LISTEN/NOTIFY on PostgreSQL).
// The time it took is printed, not asserted: speed belongs to server/bench/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, DB_KIND } from './harness.mjs';

let a, b, db;

before(async () => {
  db = freshDatabase();
  a = await startServer({ db });
  b = await startServer({ db, demo: false });
});
after(async () => { await a?.stop(); await b?.stop(); });

test('a posting created through one process is found, matched and pushed live by another', async () => {
  const email = uniqueEmail('multi');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', 'Multi2026pw', '--role', 'seeker', '--name', '別 プロセス']).status, 0);
  const seeker = new Client(b.url);
  await seeker.login(email, 'Multi2026pw');
  assert.equal((await seeker.put('/api/v1/me/profile', {
    name: '別 プロセス', categories: ['nurse'], employment: ['spot'], available_from: '2027-08-01', weekdays: ['sat'],
    prefectures: ['13'], notify: 'off',
  })).status, 200);
  // The seeker's live stream is open on process B.
  const controller = new AbortController();
  const res = await fetch(`${b.url}/api/v1/events`, { headers: { cookie: [...seeker.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal });
  assert.equal(res.status, 200);
  let received = '';
  const reader = res.body.getReader();
  (async () => { try { for (;;) { const { value, done } = await reader.read(); if (done) return; received += new TextDecoder().decode(value); } } catch { /* aborted */ } })();

  const facility = new Client(a.url);
  await facility.login('fac-tokyo-01');
  const title = `別プロセス確認 ${Date.now()}`;
  const started = Date.now();
  const created = await facility.post('/api/v1/postings', {
    title, category: 'nurse', employment: 'spot', start_date: '2027-08-07', end_date: '2027-08-07', weekdays: ['sat'],
    full_time: false, night_duty: false, urgency: 'regular', positions: 1, duties: '健診の応援', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田2-1-1' },
    contact: { name: '採用 担当', phone: '03-0000-0000', email: 'multi@example.jp' }, masked: false, status: 'published',
  });
  assert.equal(created.status, 201, created.text);

  let searchMs = null;
  for (let i = 0; i < 200 && searchMs === null; i++) {
    const found = await new Client(b.url).get(`/api/v1/postings?q=${encodeURIComponent(title)}`);
    if (found.json.items.some((p) => p.id === created.json.id)) searchMs = Date.now() - started;
    else await new Promise((r) => setTimeout(r, 10));
  }
  assert.ok(searchMs !== null, 'the other process finds the posting');
  let matches = null;
  for (let i = 0; i < 200 && !matches; i++) {
    const m = await seeker.get('/api/v1/me/matches');
    if (m.json.items.some((x) => x.posting.id === created.json.id)) matches = m.json;
    else await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(matches, 'and matches it to the seeker');
  for (let i = 0; i < 300 && !received.includes(title); i++) await new Promise((r) => setTimeout(r, 20));
  const liveMs = Date.now() - started;
  controller.abort();
  assert.ok(received.includes(title), 'and the live notice arrives on the stream held by the other process');
  console.log(`# ${DB_KIND}: in the other process's search after ${searchMs} ms; live notice after ${liveMs} ms (upper bounds: polled)`);
});
