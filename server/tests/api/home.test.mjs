// GET /api/v1/me/home: what needs doing now, counted per role (issue 11 item 8). The counts follow what
// happens: a posting nobody contacted, an application arriving, a message, an interview proposed and
// accepted within the week, a contact request in the coordinator's queue, an inquiry waiting for the
// secretariat. Deltas only, so earlier tests on the same demo data do not matter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ smtp: false }); });
after(async () => { await server.stop(); });

async function as(login) { const c = new Client(server.url); await c.login(login); return c; }
async function counts(client) {
  const r = await client.get('/api/v1/me/home');
  assert.equal(r.status, 200, r.text);
  return r.json.counts;
}

/** `days` from today in Japan, at 10:00 JST, as the interview API takes it. */
function slotInDays(days) {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86400000));
  return `${date}T10:00+09:00`;
}

function posting(title) {
  return {
    title, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3, urgency: 'immediate',
    positions: 1, duties: '病棟業務', training_agreed: true, masked: false, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田1-1' },
    contact: { name: '担当', phone: '03-1111-2222', email: 'home-counts@example.jp' },
  };
}

test('a facility’s and a seeker’s counts follow a posting, an application, a message and an interview', async () => {
  const fac = await as('fac-tokyo-01');
  const seeker = await as('seeker@example.jp');
  const home = await fac.get('/api/v1/me/home');
  assert.equal(home.json.role, 'facility');
  assert.match(home.json.as_of, /^\d{4}-\d{2}-\d{2}T/);
  const f0 = home.json.counts;
  for (const key of ['unread_notices', 'new_applications', 'unread_messages', 'interviews_this_week', 'open_training', 'postings_without_candidates'])
    assert.equal(typeof f0[key], 'number', key);
  const s0 = await counts(seeker);
  for (const key of ['unread_notices', 'new_recommendations', 'unread_messages', 'interviews_awaiting_answer', 'interviews_this_week'])
    assert.equal(typeof s0[key], 'number', key);
  assert.equal(s0.new_applications, undefined, 'a seeker gets the facility’s counts');

  const created = await fac.post('/api/v1/postings', posting(`ホーム件数確認 ${Date.now()}`));
  assert.equal(created.status, 201, created.text);
  assert.equal((await counts(fac)).postings_without_candidates, f0.postings_without_candidates + 1);

  const applied = await seeker.post(`/api/v1/postings/${created.json.id}/applications`, { kind: 'application', consent: true, message: 'よろしくお願いします。' });
  assert.equal(applied.status, 201, applied.text);
  const f1 = await counts(fac);
  assert.equal(f1.new_applications, f0.new_applications + 1);
  assert.equal(f1.postings_without_candidates, f0.postings_without_candidates, 'the posting has a candidate now');

  assert.equal((await seeker.post(`/api/v1/applications/${applied.json.id}/messages`, { body: '追加でご連絡します。' })).status, 201);
  assert.equal((await counts(fac)).unread_messages, f1.unread_messages + 1);
  assert.equal((await fac.post(`/api/v1/applications/${applied.json.id}/messages`, { body: '承知しました。' })).status, 201);
  assert.equal((await counts(seeker)).unread_messages, s0.unread_messages + 1, 'the facility’s reply is counted for the seeker');

  const proposed = await fac.post(`/api/v1/applications/${applied.json.id}/interviews`, { slots: [slotInDays(2), slotInDays(20)], duration_minutes: 30, online: true });
  assert.equal(proposed.status, 201, proposed.text);
  const s2 = await counts(seeker);
  assert.equal(s2.interviews_awaiting_answer, s0.interviews_awaiting_answer + 1);
  const f2 = await counts(fac);
  assert.equal(f2.new_applications, f0.new_applications, 'an application in 面接調整 is no longer new');

  const interview = proposed.json.interviews.at(-1);
  assert.equal((await seeker.post(`/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 0 })).status, 200);
  const s3 = await counts(seeker);
  assert.equal(s3.interviews_awaiting_answer, s0.interviews_awaiting_answer);
  assert.equal(s3.interviews_this_week, s0.interviews_this_week + 1);
  assert.equal((await counts(fac)).interviews_this_week, f0.interviews_this_week + 1);

  // Another facility's counts do not move with fac-tokyo-01's application.
  const other = await as('fac-tokyo-02');
  const o = await counts(other);
  assert.equal(typeof o.new_applications, 'number');
});

test('the coordinator’s queue, the secretariat’s inquiries and the aggregator’s board are counted', async () => {
  const fac = await as('fac-tokyo-01');
  const seeker = await as('seeker@example.jp');
  const coordinator = await as('coord-nurse-13');
  const c0 = await counts(coordinator);
  for (const key of ['contact_requests', 'follow_ups_due', 'urgent_without_candidates', 'open_training']) assert.equal(typeof c0[key], 'number', key);
  const created = await fac.post('/api/v1/postings', posting(`ホーム件数 コンタクト ${Date.now()}`));
  assert.equal((await counts(coordinator)).urgent_without_candidates, c0.urgent_without_candidates + 1, 'an urgent posting without candidates');
  const asked = await seeker.post(`/api/v1/postings/${created.json.id}/applications`, { kind: 'contact_request', message: '相談したいです。' });
  assert.equal(asked.status, 201, asked.text);
  const c1 = await counts(coordinator);
  assert.equal(c1.contact_requests, c0.contact_requests + 1);
  assert.equal(c1.urgent_without_candidates, c0.urgent_without_candidates);

  const secretariat = await as('jimukyoku');
  const sec0 = await counts(secretariat);
  for (const key of ['open_inquiries', 'contact_requests', 'stale_reports', 'no_reports', 'board_facilities']) assert.equal(typeof sec0[key], 'number', key);
  const inquiry = await fac.post('/api/v1/helpdesk/inquiries', { subject: `ホーム件数の確認 ${Date.now()}`, body: '確認です。', category: 'other' });
  assert.equal(inquiry.status, 201, inquiry.text);
  assert.equal((await counts(secretariat)).open_inquiries, sec0.open_inquiries + 1);
  assert.equal((await secretariat.patch(`/api/v1/helpdesk/inquiries/${inquiry.json.id}`, { status: 'closed' })).status, 200);
  assert.equal((await counts(secretariat)).open_inquiries, sec0.open_inquiries);

  const aggregator = await as('agg-tochigi');
  const a = await aggregator.get('/api/v1/me/home');
  assert.equal(a.json.role, 'aggregator');
  assert.equal(a.json.counts.stale_after_hours, 24);
  assert.ok(a.json.counts.board_facilities > 0);
  assert.ok(a.json.counts.stale_reports + a.json.counts.no_reports <= a.json.counts.board_facilities);
  assert.ok(a.json.counts.board_facilities < sec0.board_facilities, 'the aggregator counts only the places it serves');
  assert.equal(a.json.counts.new_applications, undefined);

  // The career centre: its open placement rounds (the demo has one, issue 14).
  const career = await counts(await as('career-09'));
  assert.deepEqual(Object.keys(career).sort(), ['placement_rounds_open', 'unread_notices']);
  assert.equal(career.placement_rounds_open, 1);
  assert.equal((await new Client(server.url).get('/api/v1/me/home')).status, 401);
});
