// Applications end to end: a contact request on a masked posting, what each role sees before and after the
// coordinator establishes the match (rules 3, 5, 7), messages with attachments, an interview with its .ics,
// the hire with its notice and training record — and refusals of everything not allowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, waitForMail, uniqueEmail } from './harness.mjs';

const PASSWORD = 'Apply2026pw';
const SECRET = { facility: '千代田区神田さくら病院', street: '応募秘匿町5-5', phone: '03-4444-0505', person: '応募 秘匿', email: 'apply-secret@example.jp' };
const IDENTITY = { name: '開示 花子', phone: '090-7777-8888', licence: 'RN-2468013' };
let server, db, seeker, seekerEmail, posting, application;

async function as(login, password) { const c = new Client(server.url); await c.login(login, password); return c; }
const pdf = { filename: '履歴書.pdf', content_type: 'application/pdf', data_base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') };

function hasIdentity(text) { return text.includes(IDENTITY.name) || text.includes(IDENTITY.phone) || text.includes(IDENTITY.licence) || text.includes(seekerEmail); }
function hasPostingSecret(text) { return Object.values(SECRET).some((v) => text.includes(v)); }

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  seekerEmail = uniqueEmail('apply');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', seekerEmail, '--password', PASSWORD, '--role', 'seeker', '--name', IDENTITY.name]).status, 0);
  seeker = await as(seekerEmail, PASSWORD);
  assert.equal((await seeker.put('/api/v1/me/profile', {
    name: IDENTITY.name, phone: IDENTITY.phone, categories: ['nurse'], licences: [{ category: 'nurse', number: IDENTITY.licence }],
    employment: ['fixed_term'], prefectures: ['13'], notes: '夜勤不可', notify: 'off',
  })).status, 200);
  const fac = await as('fac-tokyo-01');
  const created = await fac.post('/api/v1/postings', {
    title: `応募フロー確認 ${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3,
    urgency: 'immediate', positions: 1, duties: '病棟業務', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: SECRET.email },
  });
  assert.equal(created.status, 201);
  posting = created.json;
});
after(async () => { await server?.stop(); });

test('a contact request; duplicates are refused politely', async () => {
  const r = await seeker.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'contact_request', message: '条件を相談したいです' });
  assert.equal(r.status, 201, r.text);
  application = r.json;
  assert.equal(application.stage, 'new');
  const again = await seeker.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'application', consent: true });
  assert.equal(again.status, 409);
  assert.match(again.json.error.message, /すでに応募・問い合わせ/);
  const badKind = await seeker.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'bribe' });
  assert.equal(badKind.status, 400);
});

test('before the match, neither side sees what SPEC hides; outsiders see nothing', async () => {
  const mine = await seeker.get(`/api/v1/applications/${application.id}`);
  assert.ok(!hasPostingSecret(mine.text), 'the seeker does not see the masked posting');
  assert.ok(!mine.text.includes('fac-tokyo-01') && !mine.text.includes('coord-nurse-13'), 'no staff logins for the seeker');
  const fac = await as('fac-tokyo-01');
  const facView = await fac.get(`/api/v1/applications/${application.id}`);
  assert.equal(facView.status, 200);
  assert.match(facView.json.seeker.handle, /^求職者-/);
  assert.ok(!hasIdentity(facView.text), 'the facility does not see who the seeker is');
  assert.ok(!hasIdentity((await fac.get(`/api/v1/applications?posting_id=${posting.id}`)).text));
  for (const login of ['fac-tokyo-02', 'agg-tochigi', 'seeker@example.jp', 'career-09']) {
    const c = await as(login);
    assert.equal((await c.get(`/api/v1/applications/${application.id}`)).status, 404, login);
    assert.ok(!(await c.get('/api/v1/applications')).text.includes(application.id), login);
  }
  const coord = await as('coord-nurse-13');
  const queue = await coord.get('/api/v1/coordination/queue');
  assert.ok(queue.json.contact_requests.some((q) => q.application_id === application.id), 'in the coordinator queue');
  const candidates = await coord.get(`/api/v1/coordination/postings/${posting.id}/candidates`);
  assert.equal(candidates.status, 200);
  assert.ok(!hasIdentity(candidates.text), 'candidate search is pseudonymous');
});

test('coordination records are for the handling organisation and the secretariat only', async () => {
  const coord = await as('coord-nurse-13');
  const bad = await coord.post(`/api/v1/applications/${application.id}/records`, { kind: 'gossip', body: '', follow_up_on: '2027-02-30' });
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['body', 'follow_up_on', 'kind']);
  const r = await coord.post(`/api/v1/applications/${application.id}/records`, { kind: 'call', body: '本人に電話。夜勤不可を確認。', follow_up_on: '2020-01-01' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.items.length, 1);
  assert.equal((await (await as('jimukyoku')).get(`/api/v1/applications/${application.id}/records`)).json.total, 1);
  for (const c of [await as('fac-tokyo-01'), seeker]) {
    assert.equal((await c.get(`/api/v1/applications/${application.id}/records`)).status, 404);
    assert.ok(!(await c.get(`/api/v1/applications/${application.id}`)).text.includes('夜勤不可を確認'));
  }
  const queue = await coord.get('/api/v1/coordination/queue');
  assert.ok(queue.json.follow_ups_due.some((f) => f.application_id === application.id), 'a due follow-up is queued');
});

test('the coordinator establishes the match: disclosure both ways, audited', async () => {
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.post(`/api/v1/applications/${application.id}/match`)).status, 403, 'facilities cannot');
  const coord = await as('coord-nurse-13');
  const matched = await coord.post(`/api/v1/applications/${application.id}/match`);
  assert.equal(matched.status, 200, matched.text);
  assert.equal(matched.json.matched, true);
  assert.equal(matched.json.stage, 'coordinating');
  assert.equal((await coord.post(`/api/v1/applications/${application.id}/match`)).status, 409);

  const facView = await fac.get(`/api/v1/applications/${application.id}`);
  assert.equal(facView.json.seeker.name, IDENTITY.name);
  assert.equal(facView.json.seeker.phone, IDENTITY.phone);
  assert.equal(facView.json.seeker.licences[0].number, IDENTITY.licence);
  const seekerView = await seeker.get(`/api/v1/applications/${application.id}`);
  assert.equal(seekerView.json.posting.facility.name, SECRET.facility);
  assert.equal(seekerView.json.posting.contact.phone, SECRET.phone);
  assert.equal((await seeker.get(`/api/v1/postings/${posting.id}`)).json.contact.phone, SECRET.phone, 'the posting page too');
  assert.ok(!hasPostingSecret((await (await as('seeker@example.jp')).get(`/api/v1/postings/${posting.id}`)).text), 'other seekers still see it masked');

  const audit = await (await as('jimukyoku')).get('/api/v1/audit?action=disclosure&per_page=200');
  const details = audit.json.items.map((e) => `${e.actor_login} ${e.subject_type} ${e.detail}`).join('\n');
  assert.match(details, /fac-tokyo-01 user name, contact and licences on application/);
  assert.match(details, /coord-nurse-13 user seeker identity disclosed to facility/);
  assert.match(details, /masked posting details disclosed to seeker/);
});

test('messages with attachments reach the thread only, with read state', async () => {
  const sent = await seeker.post(`/api/v1/applications/${application.id}/messages`, { body: '履歴書を送ります。', attachments: [pdf] });
  assert.equal(sent.status, 201, sent.text);
  const fac = await as('fac-tokyo-01');
  const list = (await fac.get('/api/v1/applications')).json.items.find((i) => i.id === application.id);
  assert.equal(list.unread_messages, 1);
  const thread = await fac.get(`/api/v1/applications/${application.id}/messages`);
  const message = thread.json.items[0];
  assert.equal(message.author, IDENTITY.name, 'after the match the facility sees the name');
  assert.equal(message.unread, true);
  const url = message.attachments[0].url;
  assert.equal((await fac.get(url)).status, 200);
  assert.equal((await (await as('fac-tokyo-02')).get(url)).status, 404);
  assert.equal((await fac.post(`/api/v1/applications/${application.id}/messages/read`)).status, 204);
  assert.equal((await fac.get('/api/v1/applications')).json.items.find((i) => i.id === application.id).unread_messages, 0);
  assert.equal((await fac.post(`/api/v1/applications/${application.id}/messages`, { body: '' })).status, 400);
  await fac.post(`/api/v1/applications/${application.id}/messages`, { body: '受け取りました。面接日程を送ります。' });
  const notices = await seeker.get('/api/v1/notifications?per_page=50');
  assert.ok(notices.json.items.some((n) => n.kind === 'message'), 'the seeker is notified');
});

test('an interview: slots, acceptance, .ics for both, held', async () => {
  const fac = await as('fac-tokyo-01');
  const bad = await fac.post(`/api/v1/applications/${application.id}/interviews`, { slots: ['tomorrow'], online: false });
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['place', 'slots']);
  const proposed = await fac.post(`/api/v1/applications/${application.id}/interviews`, {
    slots: ['2027-05-10T10:00+09:00', '2027-05-11T14:30+09:00'], duration_minutes: 45, online: true });
  assert.equal(proposed.status, 201, proposed.text);
  assert.equal(proposed.json.stage, 'interview_scheduling');
  const interview = proposed.json.interviews.at(-1);
  assert.equal((await fac.post(`/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 0 })).status, 403, 'the seeker chooses');
  const accepted = await seeker.post(`/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 1 });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.interviews.at(-1).chosen_slot, '2027-05-11T14:30+09:00');
  const ics = await seeker.get(`/api/v1/interviews/${interview.id}/invite.ics`);
  assert.match(ics.headers.get('content-type'), /text\/calendar/);
  assert.match(ics.text, /DTSTART:20270511T053000Z\r\nDTEND:20270511T061500Z/);
  assert.equal((await fac.get(`/api/v1/interviews/${interview.id}/invite.ics`)).status, 200);
  assert.equal((await (await as('fac-tokyo-02')).get(`/api/v1/interviews/${interview.id}/invite.ics`)).status, 404);
  const invite = await waitForMail(seekerEmail, '面接の日時が決まりました');
  assert.equal(invite.attachments[0].filename, 'interview.ics', 'the invitation travels with the mail');
  assert.match(invite.attachments[0].type, /text\/calendar/);
  assert.match(invite.attachments[0].content, /DTSTART:20270511T053000Z/);
  assert.match(invite.body, /日時: 2027年5月11日\(火\) 14:30\r?\n/, 'the mail writes the time as people read it, in Japan time');
  await waitForMail('fac-tokyo-01@kakehashi.example', '面接の日時が決まりました');
  assert.equal((await seeker.post(`/api/v1/interviews/${interview.id}/signal`, { type: 'offer', data: { sdp: 'v=0' } })).status, 204);
  assert.equal((await (await as('fac-tokyo-02')).post(`/api/v1/interviews/${interview.id}/signal`, { type: 'offer' })).status, 404);
  const held = await fac.post(`/api/v1/interviews/${interview.id}`, { action: 'held' });
  assert.equal(held.json.stage, 'interviewed');
});

test('offer, hire, the hiring result notice and the training record', async () => {
  const fac = await as('fac-tokyo-01');
  assert.equal((await seeker.patch(`/api/v1/applications/${application.id}`, { stage: 'offered' })).status, 400, 'the seeker does not offer');
  assert.equal((await fac.patch(`/api/v1/applications/${application.id}`, { stage: 'new' })).status, 400, 'no way back');
  assert.equal((await fac.patch(`/api/v1/applications/${application.id}`, { stage: 'offered' })).json.stage, 'offered');
  const hired = await fac.patch(`/api/v1/applications/${application.id}`, { stage: 'hired' });
  assert.equal(hired.json.stage, 'hired');
  assert.deepEqual(hired.json.training.map((t) => t.item), ['infection_lecture', 'infection_practice', 'safety_lecture']);
  assert.ok(hired.json.training.every((t) => !t.done));
  const mail = await waitForMail(seekerEmail, '採用結果通知');
  assert.match(mail.body, /感染管理（講義・実技）と医療安全（講義）/);
  assert.ok((await seeker.get('/api/v1/notifications?per_page=50')).json.items.some((n) => n.kind === 'hiring_result'));
  const coord = await as('coord-nurse-13');
  assert.ok((await coord.get('/api/v1/coordination/queue')).json.open_training.some((t) => t.application_id === application.id));

  const badDate = await fac.put(`/api/v1/applications/${application.id}/training/infection_lecture`, { hours: 1, completed_on: '2027-02-30' });
  assert.equal(badDate.status, 400);
  assert.equal((await seeker.put(`/api/v1/applications/${application.id}/training/infection_lecture`, { hours: 1, completed_on: '2027-06-01' })).status, 403);
  for (const item of ['infection_lecture', 'infection_practice', 'safety_lecture'])
    assert.equal((await fac.put(`/api/v1/applications/${application.id}/training/${item}`, { hours: 1, completed_on: '2027-06-01' })).status, 200);
  const done = await fac.get(`/api/v1/applications/${application.id}`);
  assert.ok(done.json.training.every((t) => t.done));
  assert.ok(!(await coord.get('/api/v1/coordination/queue')).json.open_training.some((t) => t.application_id === application.id));
  assert.equal((await fac.patch(`/api/v1/applications/${application.id}`, { stage: 'rejected' })).status, 400, 'hired is final');
});

test('a direct application needs consent and then discloses the seeker to the facility at once', async () => {
  const email = uniqueEmail('direct');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', '直接 応募子']).status, 0);
  const s = await as(email, PASSWORD);
  await s.put('/api/v1/me/profile', { name: '直接 応募子', categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'] });
  const noConsent = await s.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'application' });
  assert.equal(noConsent.status, 400);
  assert.match(noConsent.json.error.fields.consent, /同意/);
  const applied = await s.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'application', consent: true });
  assert.equal(applied.status, 201);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.get(`/api/v1/applications/${applied.json.id}`)).json.seeker.name, '直接 応募子');
  assert.ok(!hasPostingSecret((await s.get(`/api/v1/applications/${applied.json.id}`)).text), 'no match: the posting stays masked for the seeker');
  assert.equal((await s.patch(`/api/v1/applications/${applied.json.id}`, { stage: 'withdrawn' })).json.stage, 'withdrawn');
});

test('辞退 and 取下げ are told apart: each side gets its own moves with what they mean, and the others are told which it was', async () => {
  const fac = await as('fac-tokyo-01');
  const moves = async (client, id) => (await client.get(`/api/v1/applications/${id}`)).json.moves;
  for (const ending of ['declined', 'withdrawn']) {
    const email = uniqueEmail(`moves-${ending}`);
    assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', '段階 確認']).status, 0);
    const s = await as(email, PASSWORD);
    const applied = await s.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'inquiry', message: '質問です' });
    assert.equal(applied.status, 201, applied.text);
    const id = applied.json.id;
    // The seeker may only end it, and each way says what it means; the facility decides the rest.
    const mine = await moves(s, id);
    assert.deepEqual(mine.map((m) => [m.stage, m.action]), [['declined', '辞退する'], ['withdrawn', '取り下げる']]);
    assert.match(mine[0].description, /^辞退：医療機関からの面接や内定の話を断ります。/);
    assert.match(mine[1].description, /^取り下げ：応募・問い合わせそのものを取り消します。/);
    const theirs = await moves(fac, id);
    assert.deepEqual(theirs.map((m) => m.stage), ['coordinating', 'interview_scheduling', 'rejected']);
    assert.ok(theirs.every((m) => m.description === null && m.action.endsWith('にする')));

    assert.equal((await s.patch(`/api/v1/applications/${id}`, { stage: ending })).json.stage, ending);
    assert.deepEqual(await moves(s, id), [], 'an ended application has no moves');
    const notice = (await fac.get('/api/v1/notifications?per_page=100')).json.items.find((n) => n.link === `/applications/${id}`);
    assert.ok(notice, 'the facility is told');
    assert.match(notice.body, ending === 'declined'
      ? /「辞退」で終了しました。医療機関からの面接や内定の話を断ったということです。/
      : /「取下げ」で終了しました。応募・問い合わせそのものが取り消されたということです。/);
  }
});

test('the queue’s urgent postings are those nobody has applied to or contacted about yet, the soonest start first', async () => {
  const fac = await as('fac-tokyo-01');
  const stamp = Date.now();
  const urgentPosting = (title, start) => fac.post('/api/v1/postings', {
    title, category: 'nurse', employment: 'fixed_term', start_date: start, period_months: 3, urgency: 'immediate', positions: 1,
    duties: '病棟業務', training_agreed: true, masked: false, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田1-1' },
    contact: { name: '急募 担当', phone: '03-1111-2222', email: 'queue-order@example.jp' },
  });
  // Published first but starting sooner: it still comes first (newest-published first would put it second).
  const soon = (await urgentPosting(`急募順 早い ${stamp}`, '2031-03-01')).json;
  await new Promise((resolve) => setTimeout(resolve, 5));
  const late = (await urgentPosting(`急募順 遅い ${stamp}`, '2031-09-01')).json;
  const contacted = (await urgentPosting(`急募順 連絡済み ${stamp}`, '2031-01-01')).json;
  assert.equal((await seeker.post(`/api/v1/postings/${contacted.id}/applications`, { kind: 'inquiry', message: '夜勤の回数を教えてください' })).status, 201);
  const coord = await as('coord-nurse-13');
  const urgent = (await coord.get('/api/v1/coordination/queue')).json.urgent_without_candidates;
  const ids = urgent.map((u) => u.posting_id);
  assert.ok(ids.includes(soon.id) && ids.includes(late.id), 'both untouched postings are queued');
  assert.ok(ids.indexOf(soon.id) < ids.indexOf(late.id), 'the sooner start comes first');
  assert.ok(!ids.includes(contacted.id), 'a posting with an inquiry is not without contact');
  const starts = urgent.map((u) => u.start_date);
  assert.deepEqual(starts, [...starts].sort(), 'in start-date order');
  for (const p of [late, soon, contacted]) await fac.patch(`/api/v1/postings/${p.id}`, { status: 'closed', close_reason: 'withdrawn' });
});

test('the seeker’s list names the facility, except a masked posting’s before the match', async () => {
  const fac = await as('fac-tokyo-01');
  const masked = (await fac.post('/api/v1/postings', {
    title: `一覧の医療機関 ${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: '2031-06-01', period_months: 3,
    urgency: 'regular', positions: 1, duties: '病棟業務', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: SECRET.email },
  })).json;
  const asked = await seeker.post(`/api/v1/postings/${masked.id}/applications`, { kind: 'inquiry', message: '見学できますか' });
  assert.equal(asked.status, 201, asked.text);
  const list = await seeker.get('/api/v1/applications');
  const row = (id) => list.json.items.find((item) => item.id === id);
  assert.equal(row(asked.json.id).facility_name, null, 'masked, not matched: hidden');
  // The first application was matched by the coordinator above: its facility is named now.
  assert.equal(row(application.id).matched, true);
  assert.equal(row(application.id).facility_name, SECRET.facility);
  // The facility itself and the coordinator see the name in their lists.
  assert.equal((await fac.get(`/api/v1/applications?posting_id=${masked.id}`)).json.items[0].facility_name, SECRET.facility);
  await fac.patch(`/api/v1/postings/${masked.id}`, { status: 'closed', close_reason: 'withdrawn' });
});
