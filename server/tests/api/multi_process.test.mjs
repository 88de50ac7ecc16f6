// Several processes on one database (issue 17, first part): a write through one process reaches the search, the
// matching and the live streams of another, which follows the change log (woken by LISTEN/NOTIFY on PostgreSQL).
// The time it took is printed, not asserted: speed belongs to server/bench/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, DB_KIND } from './harness.mjs';

let a, b, db, shared;

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
  shared = { posting: created.json, seekerEmail: email };
});

/** The event stream of `client` on `base`, collecting the raw text. */
async function stream(base, client) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: controller.signal });
  assert.equal(res.status, 200);
  const s = { text: '', close: () => controller.abort() };
  const reader = res.body.getReader();
  (async () => { try { for (;;) { const { value, done } = await reader.read(); if (done) return; s.text += new TextDecoder().decode(value); } } catch { /* aborted */ } })();
  return s;
}

test('the interview room signals between the two sides when they are served by different processes', async () => {
  assert.ok(shared, 'the first test made the posting and the seeker');
  const seekerOnB = new Client(b.url);
  await seekerOnB.login(shared.seekerEmail, 'Multi2026pw');
  const app = await seekerOnB.post(`/api/v1/postings/${shared.posting.id}/applications`, { kind: 'application', consent: true, message: '応募します' });
  assert.equal(app.status, 201, app.text);
  const facilityOnA = new Client(a.url);
  await facilityOnA.login('fac-tokyo-01');
  const proposed = await facilityOnA.post(`/api/v1/applications/${app.json.id}/interviews`, { slots: ['2027-08-01T10:00+09:00'], online: true });
  assert.equal(proposed.status, 201, proposed.text);
  const interview = proposed.json.interviews.at(-1);
  assert.equal((await seekerOnB.post(`/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 0 })).status, 200);

  // The facility's page is served by B; the seeker's signal arrives through A.
  const facilityOnB = new Client(b.url);
  await facilityOnB.login('fac-tokyo-01');
  const facilityStream = await stream(b.url, facilityOnB);
  for (let i = 0; i < 100 && !facilityStream.text.includes('event: ready'); i++) await new Promise((r) => setTimeout(r, 20));
  const seekerOnA = new Client(a.url);
  await seekerOnA.login(shared.seekerEmail, 'Multi2026pw');
  const sent = await seekerOnA.post(`/api/v1/interviews/${interview.id}/signal`, { type: 'offer', data: { sdp: 'v=0 multi-process' } });
  assert.ok(sent.status >= 200 && sent.status < 300, sent.text);
  for (let i = 0; i < 250 && !facilityStream.text.includes('multi-process'); i++) await new Promise((r) => setTimeout(r, 20));
  facilityStream.close();
  assert.match(facilityStream.text, /event: interview_signal\ndata: .*"type":"offer".*v=0 multi-process/);
  // Once, not twice: the process that received it does not publish it again from the change log.
  const seekerStream = await stream(a.url, seekerOnA);
  const back = await facilityOnA.post(`/api/v1/interviews/${interview.id}/signal`, { type: 'answer', data: { sdp: 'v=0 answer' } });
  assert.ok(back.status >= 200 && back.status < 300);
  for (let i = 0; i < 100 && !seekerStream.text.includes('v=0 answer'); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 1500));
  seekerStream.close();
  assert.equal(seekerStream.text.split('v=0 answer').length - 1, 1, 'delivered exactly once');
});
