// The facility's side of matching (issue 12): scores that tell candidates apart, and contact requests (スカウト)
// from a facility to chosen anonymous candidates, answered by the seeker and brokered by a coordinator — with the
// refusals (another facility, unknown handle, limits, opted out) and no masked value or identity on the wrong side;
// a request on a posting no coordinator covers goes to the secretariat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, waitForMail, mailsTo, uniqueEmail } from './harness.mjs';

const PASSWORD = 'Scout2026pw';
const SECRET = { street: 'スカウト秘匿町三丁目', phone: '03-5555-0777', person: '秘匿 次郎', building: '秘匿スカウト館' };
const FACILITY_NAME = '千代田区神田さくら病院';
let server, db, facility, posting;
const seekers = {};

function profile(overrides = {}) {
  return {
    name: '候補 看護師', categories: ['nurse'], employment: ['fixed_term'], available_from: '2027-05-01',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], night_duty: false, prefectures: ['13'], full_time: true,
    career_support: 'none', notify: 'immediate', ...overrides,
  };
}

/** A seeker whose experience (45–49 years, beyond any demo seeker's) picks them out of the anonymous list. */
async function seeker(years, overrides = {}) {
  const email = uniqueEmail(`scout${years}`);
  const r = runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', `スカウト候補 ${years}`]);
  assert.equal(r.status, 0, r.stderr);
  const client = new Client(server.url);
  await client.login(email, PASSWORD);
  assert.equal((await client.put('/api/v1/me/profile', profile({ name: `スカウト候補 ${years}`, experience_years: years, ...overrides }))).status, 200);
  seekers[years] = { email, client };
}

async function candidates(query = '') {
  const r = await facility.get(`/api/v1/postings/${posting.id}/matches?per_page=100${query}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

/** The handle of the test seeker with `years` of experience, once the engine has them (it follows the change log). */
async function handleOf(years) {
  for (let i = 0; i < 100; i++) {
    const found = (await candidates('&min_experience=45')).items.find((c) => c.experience_years === years);
    if (found) return found.handle;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no candidate with ${years} years`);
}

/** A published pharmacist posting in Tokyo — no demo coordinating organisation covers pharmacists there, so its
 * requests go to the secretariat — and a new pharmacist seeker with `years` of experience among its candidates. */
async function pharmacistPostingWithCandidate(titlePrefix, years) {
  const created = await facility.post('/api/v1/postings', {
    title: `${titlePrefix}${Date.now()}`, category: 'pharmacist', employment: 'fixed_term', start_date: '2027-05-10',
    period_months: 3, weekdays: ['mon', 'wed'], full_time: true, night_duty: false, urgency: 'regular', positions: 1,
    duties: '調剤業務', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'secret-scout@example.jp' }, masked: true, status: 'published',
  });
  assert.equal(created.status, 201, created.text);
  await seeker(years, { categories: ['pharmacist'] });
  let handle;
  for (let i = 0; i < 100 && !handle; i++) {
    const list = (await facility.get(`/api/v1/postings/${created.json.id}/matches?per_page=100&min_experience=${years}`)).json;
    handle = list.items.find((c) => c.experience_years === years)?.handle;
    if (!handle) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(handle, 'the pharmacist is a candidate');
  return { created, handle };
}

before(async () => {
  db = freshDatabase();
  server = await startServer({ db, extra: ['--contact-requests-per-posting-per-day', '4'] });
  facility = new Client(server.url);
  await facility.login('fac-tokyo-01');
  const created = await facility.post('/api/v1/postings', {
    title: `病棟看護師（スカウト確認）${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: '2027-05-10',
    period_months: 3, weekdays: ['mon', 'wed'], full_time: true, night_duty: false, urgency: 'regular', positions: 2,
    duties: '病棟業務', requirements: '看護師免許、臨床経験3年以上', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street, building: SECRET.building },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'secret-scout@example.jp' },
    masked: true, status: 'published',
  });
  assert.equal(created.status, 201, created.text);
  posting = created.json;
  await seeker(45);
  await seeker(46);
  await seeker(47);
  await seeker(48, { facility_requests: false });
  // The engine follows the change log on its own pace: wait until every test seeker is in it.
  for (const years of [45, 46, 47, 48]) await handleOf(years);
});
after(async () => { await server?.stop(); });

test('the demo postings’ candidates get many distinct scores on a 0–100 scale, each with its strongest reasons', async () => {
  const mine = (await facility.get('/api/v1/facility/postings')).json.items.filter((p) => p.status === 'published');
  let best = null;
  for (const p of mine) {
    const r = await facility.get(`/api/v1/postings/${p.id}/matches?per_page=100`);
    assert.equal(r.status, 200);
    if (!best || r.json.total > best.total) best = r.json;
  }
  assert.ok(best.total >= 20, `a demo posting with many candidates (${best.total})`);
  const scores = best.items.map((c) => c.score);
  assert.ok(new Set(scores).size >= 5, `distinct scores: ${[...new Set(scores)]}`);
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1] >= scores[i], 'best first');
  for (const c of best.items) {
    assert.ok(c.score >= 0 && c.score <= 100);
    assert.match(c.handle, /^求職者-/);
    assert.equal(c.handle, c.candidate.handle);
    assert.ok(c.reasons.length >= 1 && c.reasons.length <= 3, JSON.stringify(c.reasons));
    assert.deepEqual(c.reason_details.map((d) => d.text), c.reasons);
    assert.ok(c.reason_details.every((d) => d.effect === 'plus' || d.effect === 'minus'));
  }
  assert.ok(best.items.some((c) => c.reason_details.some((d) => d.effect === 'minus')), 'reasons go both ways');
});

test('the candidate list filters, sorts and pages on the server, and refuses a wrong parameter by name', async () => {
  const h45 = await handleOf(45);
  assert.ok(h45);
  const all = await candidates();
  // Pseudonymous: no name, address or licence of any test seeker, only what rule 3 lets a facility see.
  const listed = JSON.stringify(all);
  for (const years of [45, 46, 47, 48]) {
    assert.ok(!listed.includes(`スカウト候補 ${years}`) && !listed.includes(seekers[years].email), `the facility's list names seeker ${years}`);
  }
  for (const c of all.items) {
    for (const key of ['name', 'phone', 'licences', 'notes', 'email', 'user_id']) assert.ok(!(key in c.candidate), `candidate.${key}`);
  }
  const reason = all.items.find((c) => c.handle === h45).reasons.join('・');
  assert.match(reason, /経験年数が条件を満たす（3年以上）/, reason);
  const byExperience = await candidates('&sort=experience');
  const years = byExperience.items.map((c) => c.experience_years ?? -1);
  for (let i = 1; i < years.length; i++) assert.ok(years[i - 1] >= years[i]);
  assert.equal(byExperience.items[0].experience_years, 48);
  const high = await candidates(`&min_score=${all.items[0].score}`);
  assert.ok(high.items.every((c) => c.score >= all.items[0].score));
  const page2 = await facility.get(`/api/v1/postings/${posting.id}/matches?per_page=2&page=2`);
  assert.equal(page2.json.items.length, Math.min(2, Math.max(0, all.total - 2)));
  assert.deepEqual(page2.json.items.map((c) => c.handle), all.items.slice(2, 4).map((c) => c.handle));
  for (const [query, field] of [['sort=foo', 'sort'], ['min_score=abc', 'min_score'], ['per_page=0', 'per_page'], ['max_distance_km=-5', 'max_distance_km']]) {
    const r = await facility.get(`/api/v1/postings/${posting.id}/matches?${query}`);
    assert.equal(r.status, 400, query);
    assert.ok(r.json.error.fields[field], `${query}: ${r.text}`);
  }
});

test('a facility sends a request; the seeker hears of it anonymously, accepts; a coordinator brokers the match', async () => {
  const h45 = await handleOf(45);
  const mailsBefore = mailsTo(seekers[45].email).length;
  const sent = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: [h45], message: '夜勤なしでご相談可能です。' });
  assert.equal(sent.status, 201, sent.text);
  assert.equal(sent.json.items.length, 1);
  assert.equal(sent.json.items[0].state, 'sent');
  assert.equal(sent.json.items[0].handle, h45);

  // The seeker: a notice, a mail and a list entry with the posting's public facts only.
  const mine = await seekers[45].client.get('/api/v1/me/contact-requests');
  assert.equal(mine.status, 200);
  assert.equal(mine.json.total, 1);
  const request = mine.json.items[0];
  assert.equal(request.state, 'sent');
  assert.match(request.summary, /東京都/);
  assert.match(request.summary, /看護師/);
  const mail = await waitForMail(seekers[45].email, 'コンタクト依頼', { known: mailsBefore });
  const notice = (await seekers[45].client.get('/api/v1/notifications?per_page=50')).json.items.find((n) => n.kind === 'contact_request');
  assert.equal(notice.title, '条件に合う医療機関からコンタクト依頼がありました');
  for (const [surface, text] of [['list', mine.text], ['mail', mail.body], ['notice', JSON.stringify(notice)]]) {
    for (const v of [...Object.values(SECRET), FACILITY_NAME, '131016', '1010047', '夜勤なしでご相談可能です'])
      assert.ok(!text.includes(v), `the seeker's ${surface} shows ${v}`);
  }

  // The coordinator covering Tokyo's nurses has it in the queue, with the facility's message.
  const coordinator = new Client(server.url);
  await coordinator.login('coord-nurse-13');
  const queue = await coordinator.get('/api/v1/coordination/contact-requests');
  assert.equal(queue.status, 200);
  const queued = queue.json.items.find((i) => i.id === request.id);
  assert.equal(queued.message, '夜勤なしでご相談可能です。');
  assert.equal(queued.handle, h45);
  const doctors = new Client(server.url);
  await doctors.login('coord-doctor-13');
  assert.ok(!(await doctors.get('/api/v1/coordination/contact-requests')).json.items.some((i) => i.id === request.id), 'another category');

  const accepted = await seekers[45].client.patch(`/api/v1/contact-requests/${request.id}`, { action: 'accept' });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.state, 'accepted');
  assert.ok(accepted.json.application_id);
  const again = await seekers[45].client.patch(`/api/v1/contact-requests/${request.id}`, { action: 'decline' });
  assert.equal(again.status, 409);

  // Accepted but not yet matched: the seeker still sees none of the masked values, anywhere.
  const beforeMatch = [
    (await seekers[45].client.get('/api/v1/me/contact-requests')).text,
    (await seekers[45].client.get(`/api/v1/applications/${accepted.json.application_id}`)).text,
    accepted.text,
  ].join('\n');
  for (const v of [...Object.values(SECRET), FACILITY_NAME, '131016', '1010047', 'secret-scout@example.jp', '夜勤なしでご相談可能です'])
    assert.ok(!beforeMatch.includes(v), `the seeker sees ${v} before the match`);

  // The coordinator's candidate search names the same handle with the same score and reasons, and no identity.
  const search = await coordinator.get(`/api/v1/coordination/postings/${posting.id}/candidates`);
  assert.equal(search.status, 200, search.text);
  const facilityList = await candidates();
  let compared = 0;
  for (const c of search.json.items) {
    const same = facilityList.items.find((f) => f.handle === c.candidate.handle);
    if (!same) continue;  // beyond the facility's first 100
    assert.equal(c.score, same.score, c.candidate.handle);
    assert.deepEqual(c.reason_details, same.reason_details, c.candidate.handle);
    compared += 1;
  }
  assert.ok(compared >= Math.min(10, search.json.items.length), `only ${compared} of the coordinator's candidates compared`);
  assert.ok(search.json.items.every((c) => Array.isArray(c.reason_details) && c.reason_details.every((d) => d.effect === 'plus' || d.effect === 'minus')));
  for (const years of [45, 46, 47, 48]) {
    assert.ok(!search.text.includes(`スカウト候補 ${years}`) && !search.text.includes(seekers[years].email), `the candidate search names seeker ${years}`);
  }
  assert.equal((await doctors.get(`/api/v1/coordination/postings/${posting.id}/candidates`)).status, 404, 'a coordinator of another category');

  let states = (await facility.get(`/api/v1/postings/${posting.id}/contact-requests`)).json;
  assert.equal(states.items.find((i) => i.handle === h45).state_name, '調整中');
  // Before the match the facility does not know who it is.
  const app = await facility.get(`/api/v1/applications/${accepted.json.application_id}`);
  assert.equal(app.status, 200);
  assert.ok(!app.text.includes('スカウト候補 45') && !app.text.includes(seekers[45].email));

  const matched = await coordinator.post(`/api/v1/applications/${accepted.json.application_id}/match`);
  assert.equal(matched.status, 200, matched.text);
  states = (await facility.get(`/api/v1/postings/${posting.id}/contact-requests`)).json;
  assert.equal(states.items.find((i) => i.handle === h45).state_name, '成立');
  const disclosed = await facility.get(`/api/v1/applications/${accepted.json.application_id}`);
  assert.equal(disclosed.json.seeker.name, 'スカウト候補 45', 'after the match, the profile name');
  const seen = await seekers[45].client.get(`/api/v1/applications/${accepted.json.application_id}`);
  assert.equal(seen.json.posting.workplace.street, SECRET.street, 'and the seeker sees the masked values');

  const audit = new Client(server.url);
  await audit.login('jimukyoku');
  const entries = (await audit.get('/api/v1/audit?action=contact_request_sent&per_page=200')).json.items;
  assert.ok(entries.some((e) => e.target_id === posting.id || JSON.stringify(e).includes(request.id)), 'the request is audited');
  const answers = (await audit.get('/api/v1/audit?action=contact_request_accepted&per_page=200')).json.items;
  assert.ok(answers.some((e) => JSON.stringify(e).includes(request.id)), 'the acceptance is audited');
});

test('a decline is never traced to the candidate, who is not offered again; an opted-out seeker cannot be asked', async () => {
  const h46 = await handleOf(46), h47 = await handleOf(47), h48 = await handleOf(48);
  const opted = (await candidates('&min_experience=45')).items.find((c) => c.handle === h48);
  assert.equal(opted.can_request, false);
  assert.match(opted.note, /受け付けていません/);
  const refused = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: [h48] });
  assert.equal(refused.status, 400);
  assert.match(refused.json.error.fields.candidates, /受け付けていません/);

  const sent = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: [h46, h47] });
  assert.equal(sent.status, 201, sent.text);
  const request47 = (await seekers[47].client.get('/api/v1/me/contact-requests')).json.items[0];
  // Another seeker cannot answer it: it reads as not there.
  assert.equal((await seekers[46].client.patch(`/api/v1/contact-requests/${request47.id}`, { action: 'decline' })).status, 404);
  const bad = await seekers[47].client.patch(`/api/v1/contact-requests/${request47.id}`, { action: 'maybe' });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.error.fields.action);
  const declined = await seekers[47].client.patch(`/api/v1/contact-requests/${request47.id}`, { action: 'decline' });
  assert.equal(declined.status, 200);
  assert.equal(declined.json.state, 'declined');

  const states = await facility.get(`/api/v1/postings/${posting.id}/contact-requests`);
  assert.equal(states.json.declined, 1);
  assert.equal(states.json.awaiting, 1);
  const declinedItem = states.json.items.find((i) => i.state === 'declined');
  const waitingItem = states.json.items.find((i) => i.state === 'sent');
  // Neither the declined nor the waiting request carries a handle, id or time: no decline by elimination.
  for (const item of [declinedItem, waitingItem])
    assert.ok(item && !('handle' in item) && !('id' in item) && !('sent_at' in item), JSON.stringify(item));
  assert.ok(!states.text.includes(h47) && !states.text.includes(h46), 'an unanswered handle appears in the request states');
  // On the candidates, the one who declined and the one who waits read the same: 依頼済み, not to be asked again.
  const cards = (await candidates('&min_experience=45')).items;
  const card46 = cards.find((c) => c.handle === h46);
  const card47 = cards.find((c) => c.handle === h47);
  assert.ok(card46 && card47, 'both requested candidates are still listed');
  for (const card of [card46, card47]) {
    assert.deepEqual(card.request, { state: 'requested', state_name: '依頼済み' });
    assert.equal(card.can_request, false);
  }
  // Asking again gets the same answer for both.
  for (const h of [h47, h46]) {
    const again = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: [h] });
    assert.equal(again.status, 400);
    assert.equal(again.json.error.fields.candidates, `「${h}」にはすでにコンタクト依頼を送っています。`);
  }
  const facilityNotices = (await facility.get('/api/v1/notifications?per_page=100')).json.items;
  const declineNotice = facilityNotices.find((n) => n.title === 'コンタクト依頼の1件が辞退されました');
  assert.ok(declineNotice);
  assert.equal(declineNotice.link, `/facility/postings/${posting.id}/matches`, 'the candidates page the web has');
  assert.ok(!JSON.stringify(facilityNotices).includes(h47));
  // Nor in the coordinators' notices or queue, which the facility cannot read anyway: the queue keeps only what waits.
  const coordinator = new Client(server.url);
  await coordinator.login('coord-nurse-13');
  assert.ok(!(await coordinator.get('/api/v1/coordination/contact-requests')).json.items.some((i) => i.id === request47.id), 'a declined request still waits');
  // The decline is audited (the secretariat sees it), and the opted-out seeker was never told of anything.
  const audit = new Client(server.url);
  await audit.login('jimukyoku');
  const declines = (await audit.get('/api/v1/audit?action=contact_request_declined&per_page=200')).json.items;
  assert.ok(declines.some((e) => JSON.stringify(e).includes(request47.id)), 'the decline is audited');
  assert.equal((await seekers[48].client.get('/api/v1/me/contact-requests')).json.total, 0);
  assert.ok(!(await seekers[48].client.get('/api/v1/notifications?per_page=100')).json.items.some((n) => n.kind === 'contact_request'));
});

test('refusals: the daily limit, another facility, other roles, unknown or missing candidates', async () => {
  const others = (await candidates()).items.filter((c) => c.can_request).map((c) => c.handle);
  assert.ok(others.length >= 2);
  // Three sent today (45, 46, 47) of four: two more are one too many, and nothing is sent.
  const over = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: others.slice(0, 2) });
  assert.equal(over.status, 409, over.text);
  assert.match(over.json.error.message, /あと1件/);
  assert.equal((await facility.get(`/api/v1/postings/${posting.id}/contact-requests`)).json.total, 3, 'all or nothing');
  assert.equal((await candidates()).requests_left_today, 1);

  const other = new Client(server.url);
  await other.login('fac-tokyo-02');
  assert.equal((await other.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: others.slice(0, 1) })).status, 404);
  assert.equal((await other.get(`/api/v1/postings/${posting.id}/contact-requests`)).status, 404);
  assert.equal((await other.get(`/api/v1/postings/${posting.id}/matches`)).status, 404);
  const coordinator = new Client(server.url);
  await coordinator.login('coord-nurse-13');
  assert.equal((await coordinator.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: others.slice(0, 1) })).status, 403);
  assert.equal((await seekers[46].client.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: others.slice(0, 1) })).status, 404);

  const unknown = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: ['求職者-ZZZZZZZZ'] });
  assert.equal(unknown.status, 400);
  assert.match(unknown.json.error.fields.candidates, /求職者-ZZZZZZZZ/);
  const empty = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: [] });
  assert.equal(empty.status, 400);
  assert.match(empty.json.error.fields.candidates, /1人以上/);
  const wrongType = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: 'all' });
  assert.equal(wrongType.status, 400);
  assert.ok(wrongType.json.error.fields.candidates);

  const last = await facility.post(`/api/v1/postings/${posting.id}/contact-requests`, { candidates: others.slice(0, 1) });
  assert.equal(last.status, 201, 'the last one of the day still goes');
});

test('before 公開 the facility learns how many seekers would be told, and how', async () => {
  const draft = await facility.post('/api/v1/postings', {
    title: `公開前の確認 ${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: '2027-05-10',
    period_months: 3, weekdays: ['mon'], full_time: true, night_duty: false, urgency: 'immediate', positions: 1,
    duties: '病棟業務', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'secret-scout@example.jp' }, masked: false, status: 'draft',
  });
  assert.equal(draft.status, 201, draft.text);
  const preview = await facility.get(`/api/v1/postings/${draft.json.id}/notice-preview`);
  assert.equal(preview.status, 200, preview.text);
  // This run's four seekers match it (Tokyo, nurse, fixed term from May, Mondays), the demo's Tokyo nurses too.
  assert.ok(preview.json.seekers >= 4, JSON.stringify(preview.json));
  assert.equal(preview.json.urgent, true);
  assert.equal(preview.json.daily_digest, 0, 'an urgent posting is mailed at once even to digest readers');
  assert.equal(preview.json.seekers, preview.json.mail_now + preview.json.daily_digest + preview.json.in_app_only);
  assert.equal(preview.json.already_published, false);
  // Nothing was announced by looking.
  assert.ok(!(await seekers[45].client.get('/api/v1/notifications?per_page=100')).json.items.some((n) => n.link === `/postings/${draft.json.id}`));
  const regular = await facility.patch(`/api/v1/postings/${draft.json.id}`, { urgency: 'regular' });
  assert.equal(regular.status, 200);
  const calm = (await facility.get(`/api/v1/postings/${draft.json.id}/notice-preview`)).json;
  assert.equal(calm.seekers, preview.json.seekers);
  assert.ok(calm.daily_digest + calm.mail_now === preview.json.mail_now, 'the same people, by their own choice now');
  const other = new Client(server.url);
  await other.login('fac-tokyo-02');
  assert.equal((await other.get(`/api/v1/postings/${draft.json.id}/notice-preview`)).status, 404);
});

test('a request on a posting no coordinator covers goes to the secretariat', async () => {
  // No demo coordinating organisation covers pharmacists in Tokyo.
  const { created, handle } = await pharmacistPostingWithCandidate('薬剤師（事務局へ）', 44);
  const sent = await facility.post(`/api/v1/postings/${created.json.id}/contact-requests`, { candidates: [handle] });
  assert.equal(sent.status, 201, sent.text);
  const link = (n) => n.kind === 'contact_request' && n.body.includes(created.json.title);
  const secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  assert.ok((await secretariat.get('/api/v1/notifications?per_page=100')).json.items.some(link), 'the secretariat is told');
  const queued = (await secretariat.get('/api/v1/coordination/contact-requests')).json.items;
  assert.ok(queued.some((q) => q.posting_id === created.json.id), 'and has it in the waiting list');
  const nurses = new Client(server.url);
  await nurses.login('coord-nurse-13');
  assert.ok(!(await nurses.get('/api/v1/notifications?per_page=100')).json.items.some(link), 'a coordinator of other categories is not');
  assert.ok(!(await nurses.get('/api/v1/coordination/contact-requests')).json.items.some((q) => q.posting_id === created.json.id));
});

test('staff hear of contact requests by mail as each chose (at once by default, or not); seekers choose in their profile', async () => {
  const coordinator = new Client(server.url);
  await coordinator.login('coord-nurse-13');
  const coord = (await coordinator.get('/api/v1/me')).json.user;
  assert.equal(coord.mail_notices, 'immediate', 'at once unless they choose otherwise');
  // The requests of the tests above reached the covering coordinator at once, and the facility heard of the
  // decline, by mail, in the same anonymous words as in the app.
  const scout = await waitForMail(coord.email, '医療機関からコンタクト依頼（スカウト）がありました');
  assert.match(scout.body, /求職者の回答を待っています。/);
  assert.ok(scout.body.includes('http://kakehashi.test/coordination'), scout.body);
  const me = (await facility.get('/api/v1/me')).json.user;
  const decline = await waitForMail(me.email, 'コンタクト依頼の1件が辞退されました');
  assert.ok(!/スカウト候補/.test(decline.body) && ![45, 46, 47].some((y) => decline.body.includes(seekers[y].email)), decline.body);

  const bad = await coordinator.put('/api/v1/me/mail-notices', { mail_notices: 'hourly' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.mail_notices, /「メールでの通知」は immediate/);
  const missing = await coordinator.put('/api/v1/me/mail-notices', {});
  assert.equal(missing.status, 400);
  assert.ok(missing.json.error.fields.mail_notices);
  const bySeeker = await seekers[45].client.put('/api/v1/me/mail-notices', { mail_notices: 'off' });
  assert.equal(bySeeker.status, 403);
  assert.match(bySeeker.json.error.message, /希望条件/);
  assert.equal((await seekers[45].client.get('/api/v1/me')).json.user.mail_notices, undefined);

  // Off: the secretariat still gets the notice in the app, and no mail leaves.
  const secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  const sec = (await secretariat.get('/api/v1/me')).json.user;
  const off = await secretariat.put('/api/v1/me/mail-notices', { mail_notices: 'off' });
  assert.equal(off.status, 200, off.text);
  assert.equal((await secretariat.get('/api/v1/me')).json.user.mail_notices, 'off');
  const { created, handle } = await pharmacistPostingWithCandidate('薬剤師（メール設定）', 43);
  assert.equal((await facility.post(`/api/v1/postings/${created.json.id}/contact-requests`, { candidates: [handle] })).status, 201);
  // The seeker's mail leaves in the same transaction; give the outbox a moment beyond it for anything else.
  await waitForMail(seekers[43].email, '条件に合う医療機関からコンタクト依頼がありました');
  await new Promise((r) => setTimeout(r, 1000));
  const told = (await secretariat.get('/api/v1/notifications?per_page=100')).json.items;
  assert.ok(told.some((n) => n.kind === 'contact_request' && n.body.includes(created.json.title)), 'the notice is in the app');
  assert.ok(!mailsTo(sec.email).some((m) => m.body.includes(created.json.title)), 'a mail reached a secretariat user who turned mails off');
  assert.equal((await secretariat.put('/api/v1/me/mail-notices', { mail_notices: 'daily' })).json.mail_notices, 'daily');
});
