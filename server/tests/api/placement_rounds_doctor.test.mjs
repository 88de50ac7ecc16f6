// Placement rounds (issue 14) from the doctors' side: the centre opens a round for ranking (the doctors and the
// facilities are told once, in the app and by mail); a doctor linked to the registry sees the positions (never other
// doctors), saves their own list until the doctors' deadline (after it 409; outside their rounds 404), replacing the
// list the centre entered after an interview (the centre's view says who entered it); after confirming, each doctor
// reads their own result and the reasons in Japanese. Then the result as CSV for Excel (Windows-31J, centre only,
// audited) and a follow-up round (二次選定) with the unmatched doctors and the unfilled seats.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, waitForMail, mailsTo, tokenFrom } from './harness.mjs';

let server, db, centre, otherCentre, secretariat, hibari, tokyoFacility, plainSeeker, demoDoctor;
let programme, round, base, hibariOrg, followUp;
const doctors = {}; // D1..D4: { id, email, name, client? }
const positions = {}; // P1..P3
const PASSWORD = 'Doctor2026pwA';
const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const inDays = (n) => new Date(Date.now() + 9 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);

async function csv(client, path) {
  const res = await fetch(server.url + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'),
    text: new TextDecoder('shift_jis').decode(bytes) };
}

/** Invites a registry doctor and accepts by mail: a seeker account linked to them. */
async function linkedClient(doctor) {
  const invited = await centre.post(`/api/v1/career/doctors/${doctor.id}/invitation`);
  assert.equal(invited.status, 201, invited.text);
  const mail = await waitForMail(doctor.email, 'キャリアプラン');
  const accepted = await new Client(server.url).post('/api/v1/career/invitation/accept', { token: tokenFrom(mail.body), password: PASSWORD });
  assert.equal(accepted.status, 200, accepted.text);
  const client = new Client(server.url);
  await client.login(doctor.email, PASSWORD);
  return client;
}

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  centre = new Client(server.url);
  await centre.login('career-09');
  const made = runCli(['user', 'add', '--db', db, '--login', 'career-13-rank', '--password', 'Career2026pw', '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(made.status, 0, made.stderr);
  otherCentre = new Client(server.url);
  await otherCentre.login('career-13-rank', 'Career2026pw');
  secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  hibari = new Client(server.url);
  await hibari.login('fac-tochigi-01');
  hibariOrg = (await hibari.get('/api/v1/me')).json.user.organisations[0].id;
  tokyoFacility = new Client(server.url);
  await tokyoFacility.login('fac-tokyo-01');
  plainSeeker = new Client(server.url);
  await plainSeeker.login('seeker@example.jp');
  demoDoctor = new Client(server.url);
  await demoDoctor.login('ishi-09@example.jp');
  const p = await centre.post('/api/v1/career/programmes', { name: `本人順位テスト${Date.now()}`, basic_area: '内科', rules: [{ kind: 'total_period', months: 12 }] });
  assert.equal(p.status, 201, p.text);
  programme = p.json;
  // D1 and D2 with their own accounts, D3 with an address only, D4 with neither.
  for (const [key, name, email] of [['D1', '本人 一郎', uniqueEmail('rank-d1')], ['D2', '本人 二郎', uniqueEmail('rank-d2')],
    ['D3', '本人 三郎', uniqueEmail('rank-d3')], ['D4', '本人 四郎', null]]) {
    const d = await centre.post('/api/v1/career/doctors', {
      name, kind: 'jichi', university: '自治医科大学', graduation_year: thisYear - 5, programme_id: programme.id, status: 'obligation', ...(email ? { email } : {}),
    });
    assert.equal(d.status, 201, d.text);
    doctors[key] = { id: d.json.id, email, name };
  }
  doctors.D1.client = await linkedClient(doctors.D1);
  doctors.D2.client = await linkedClient(doctors.D2);
  const created = await centre.post('/api/v1/placement/rounds', {
    year: thisYear + 1, programme_id: programme.id, title: '本人入力の配属先選定', term_start: `${thisYear + 1}-04-01`, term_end: `${thisYear + 2}-03-31`,
    doctor_deadline: inDays(7), facility_deadline: inDays(14),
  });
  assert.equal(created.status, 201, created.text);
  round = created.json;
  base = `/api/v1/placement/rounds/${round.id}`;
  const saved = await centre.put(`${base}/positions`, {
    positions: [
      { facility_id: hibariOrg, department: '内科', capacity: 1, target: 1 },
      { facility_name: '県南本人病院', area_code: '0905', capacity: 1, target: 0 },
      { facility_name: '県北本人病院', area_code: '0901', capacity: 2, target: 0 },
    ],
  });
  assert.equal(saved.status, 200, saved.text);
  [positions.P1, positions.P2, positions.P3] = saved.json.positions.map((x) => x.id);
  // The centre heard D1 in an interview before the round opened.
  const heard = await centre.put(`${base}/doctors/${doctors.D1.id}/ranks`, { position_ids: [positions.P3], interview_on: inDays(-3) });
  assert.equal(heard.status, 200, heard.text);
});
after(async () => { await server?.stop(); });

test('before the round opens for ranking a doctor does not see it; opening tells the doctors and the facility once', async () => {
  const d1 = doctors.D1.client;
  // (The demo's round for every programme is open for ranking: the new doctors take part in it too.)
  assert.ok(!(await d1.get('/api/v1/me/placement/rounds')).json.items.some((r) => r.id === round.id));
  const homeBefore = (await d1.get('/api/v1/me/home')).json.counts.placement_rounds_my_ranks ?? 0;
  assert.equal((await d1.get(`/api/v1/me/placement/rounds/${round.id}`)).status, 404);
  assert.equal((await d1.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [] })).status, 404);
  // Who may open it.
  assert.equal((await hibari.post(`${base}/open-ranking`)).status, 403);
  assert.equal((await otherCentre.post(`${base}/open-ranking`)).status, 404);
  assert.equal((await d1.post(`${base}/open-ranking`)).status, 403);
  const before = (await d1.get('/api/v1/notifications')).json.total;
  const opened = await centre.post(`${base}/open-ranking`);
  assert.equal(opened.status, 200, opened.text);
  assert.ok(opened.json.ranking_opened_at);
  assert.match(opened.json.ranking_opened_by, /（栃木県地域医療支援センター）$/);
  // The doctor with an account: a notice and a mail with the deadline; the one with an address only: a mail.
  const notices = (await d1.get('/api/v1/notifications')).json;
  assert.equal(notices.total, before + 1);
  assert.equal(notices.items[0].title, '配属先選定の志望順位の入力が始まりました');
  assert.equal(notices.items[0].link, `/me/placement/rounds/${round.id}`);
  assert.match(notices.items[0].body, /\d{4}年\d{1,2}月\d{1,2}日\(.\)までに/);
  const mail = await waitForMail(doctors.D1.email, '志望順位の入力が始まりました');
  assert.match(mail.body, /本人 一郎 様/);
  assert.match(mail.body, new RegExp(`http://kakehashi\\.test/me/placement/rounds/${round.id}`));
  const d3mail = await waitForMail(doctors.D3.email, '志望順位をお聞きします');
  assert.match(d3mail.body, /本人 三郎 様/);
  assert.match(d3mail.body, /面談でお聞きします/);
  // The facility's users.
  const facilityNotice = (await hibari.get('/api/v1/notifications')).json.items.find((n) => n.link === `/placement/rounds/${round.id}`);
  assert.ok(facilityNotice);
  assert.equal(facilityNotice.title, '配属先選定が始まりました：本人入力の配属先選定');
  assert.match(facilityNotice.body, /貴院の順位の締切は\d{4}年/);
  // Opening again tells nobody again.
  const mailsBefore = mailsTo(doctors.D1.email).length;
  assert.equal((await centre.post(`${base}/open-ranking`)).status, 200);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await d1.get('/api/v1/notifications')).json.total, before + 1);
  assert.equal(mailsTo(doctors.D1.email).length, mailsBefore);
  assert.equal((await hibari.get('/api/v1/notifications')).json.items.filter((n) => n.link === `/placement/rounds/${round.id}` && /始まりました/.test(n.title)).length, 1);
  const audit = await secretariat.get('/api/v1/audit?action=placement_ranking_opened');
  assert.equal(audit.json.items.filter((e) => e.subject_id === round.id).length, 1);
  // The doctor's home counts it.
  assert.equal((await d1.get('/api/v1/me/home')).json.counts.placement_rounds_my_ranks, homeBefore + 1);
});

test("a doctor sees the positions and their own list, never other doctors, and replaces the centre's list", async () => {
  const d1 = doctors.D1.client;
  const list = await d1.get('/api/v1/me/placement/rounds');
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.items.some((r) => r.id === round.id && r.ranked === 1 && r.state === 'open'), list.text);
  const mine = await d1.get(`/api/v1/me/placement/rounds/${round.id}`);
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.editable, true);
  assert.equal(mine.json.doctor.name, '本人 一郎');
  assert.deepEqual(mine.json.positions.map((x) => x.name), ['宇都宮市ひばり記念病院（内科）', '県南本人病院', '県北本人病院']);
  assert.deepEqual(mine.json.positions.map((x) => x.area_name), ['宇都宮', '県南', '県北']);
  assert.deepEqual(mine.json.ranks, [positions.P3]);
  assert.equal(mine.json.entered.kind, 'centre_interview');
  assert.equal(mine.json.entered.kind_label, 'センターが面談で聴取して入力');
  for (const other of ['本人 二郎', '本人 三郎', '本人 四郎', doctors.D2.id]) assert.ok(!mine.text.includes(other), `${other} must not show`);
  assert.ok(mine.json.positions.every((x) => !('facility_id' in x) && !('target' in x)));

  // Bad input: named in Japanese.
  const bad = await d1.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: ['pps_nowhere', positions.P1, positions.P1] });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.json.error.fields['position_ids[0]'], '「第1志望」の医療機関がこの選定にありません。');
  assert.equal(bad.json.error.fields['position_ids[2]'], '「第3志望」が「第2志望」と同じです。');
  assert.match((await d1.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, {})).json.error.fields.position_ids, /志望順位/);

  const saved = await d1.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [positions.P1, positions.P2] });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.json.ranks, [positions.P1, positions.P2]);
  assert.equal(saved.json.entered.kind, 'doctor');
  assert.equal(saved.json.entered.kind_label, '本人が入力');
  for (const [doctor, list2] of [['D2', [positions.P1]]]) {
    const r = await doctors[doctor].client.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: list2 });
    assert.equal(r.status, 200, r.text);
  }
  // The centre enters the doctors without an account after their interviews.
  await centre.put(`${base}/doctors/${doctors.D3.id}/ranks`, { position_ids: [positions.P1], interview_on: inDays(-1) });
  await centre.put(`${base}/doctors/${doctors.D4.id}/ranks`, { position_ids: [positions.P2], interview_on: inDays(-1) });
  // The centre's view: who entered each list.
  const ranks = (await centre.get(`${base}/ranks`)).json;
  const byId = Object.fromEntries(ranks.doctors.map((d) => [d.id, d]));
  assert.equal(byId[doctors.D1.id].entered.kind, 'doctor');
  assert.equal(byId[doctors.D1.id].entered.kind_label, '本人が入力');
  assert.equal(byId[doctors.D1.id].entered.by, '本人 一郎（本人）');
  assert.equal(byId[doctors.D3.id].entered.kind, 'centre_interview');
  assert.deepEqual(byId[doctors.D1.id].ranks.map((x) => x.name), ['宇都宮市ひばり記念病院（内科）', '県南本人病院']);
  // Replacing the centre's list is in the audit log.
  const audit = await secretariat.get('/api/v1/audit?action=placement_doctor_ranks_saved');
  assert.ok(audit.json.items.some((e) => e.subject_id === doctors.D1.id && /doctor: 2 ranks, replacing the centre's list of 1/.test(e.detail)), audit.text.slice(0, 500));
  // The facility sees D1 among the applicants of its own position, not the order of D1's list.
  const fac = (await hibari.get(`/api/v1/placement/facility/rounds/${round.id}`)).json;
  assert.deepEqual(fac.positions[0].applicants.map((a) => a.name).sort(), ['本人 一郎', '本人 三郎', '本人 二郎'].sort());
  assert.ok(!JSON.stringify(fac).includes('県南本人病院'), 'not where else they applied');
});

test('outside their rounds a doctor gets 404, other roles 403; another doctor cannot see the list', async () => {
  for (const client of [plainSeeker, demoDoctor]) {
    assert.equal((await client.get(`/api/v1/me/placement/rounds/${round.id}`)).status, 404);
    assert.equal((await client.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [] })).status, 404);
    assert.ok(!(await client.get('/api/v1/me/placement/rounds')).json.items.some((r) => r.id === round.id));
  }
  assert.equal((await doctors.D1.client.get('/api/v1/me/placement/rounds/prd_nowhere')).status, 404);
  for (const client of [centre, hibari, secretariat]) {
    assert.equal((await client.get('/api/v1/me/placement/rounds')).status, 403);
    assert.equal((await client.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [] })).status, 403);
  }
  const other = (await doctors.D2.client.get(`/api/v1/me/placement/rounds/${round.id}`)).json;
  assert.deepEqual(other.ranks, [positions.P1]);
  assert.ok(!JSON.stringify(other).includes('本人 一郎'));
});

test("after the doctors' deadline the doctor's list is closed with a Japanese message (409)", async () => {
  assert.equal((await centre.put(base, { doctor_deadline: inDays(-1) })).status, 200);
  const late = await doctors.D1.client.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [positions.P2] });
  assert.equal(late.status, 409, late.text);
  assert.equal(late.json.error.code, 'deadline_passed');
  assert.match(late.json.error.message, /^志望順位の締切（\d{4}年\d{1,2}月\d{1,2}日\(.\)）を過ぎています。変更は栃木県地域医療支援センターにご連絡ください。$/);
  const view = (await doctors.D1.client.get(`/api/v1/me/placement/rounds/${round.id}`)).json;
  assert.equal(view.editable, false);
  assert.equal(view.deadline_passed, true);
  assert.ok(!(await doctors.D1.client.get('/api/v1/me/placement/rounds')).json.items.some((r) => r.id === round.id && !r.deadline_passed));
  assert.equal((await centre.put(base, { doctor_deadline: inDays(7) })).status, 200);
});

test('confirmed: each doctor reads their own result and the reasons, the CSV lists placed, unmatched and unfilled', async () => {
  assert.equal((await hibari.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P1}/ranks`,
    { doctor_ids: [doctors.D3.id, doctors.D1.id, doctors.D2.id] })).status, 200);
  assert.equal((await centre.put(`${base}/positions/${positions.P2}/ranks`, { doctor_ids: [doctors.D1.id, doctors.D4.id] })).status, 200);
  // The CSV only once confirmed.
  assert.equal((await centre.get(`${base}/result.csv`)).status, 409);
  const preview = await centre.post(`${base}/previews`);
  assert.equal(preview.status, 201, preview.text);
  const confirmed = await centre.post(`${base}/confirm`, { preview_id: preview.json.id, meeting_on: inDays(0) });
  assert.equal(confirmed.status, 200, confirmed.text);
  // D1: second choice, with why the first did not take them; never another doctor's name.
  const d1 = await doctors.D1.client.get(`/api/v1/me/placement/rounds/${round.id}`);
  assert.equal(d1.json.state, 'confirmed');
  assert.equal(d1.json.editable, false);
  assert.equal(d1.json.result.assigned.name, '県南本人病院');
  assert.equal(d1.json.result.assigned.area_name, '県南');
  assert.equal(d1.json.result.choice, 2);
  assert.deepEqual(d1.json.result.reasons.map((r) => r.message), ['宇都宮市ひばり記念病院（内科）は定員に達し、あなたより上位の医師で埋まりました']);
  for (const other of ['本人 二郎', '本人 三郎', '本人 四郎']) assert.ok(!d1.text.includes(other));
  // D2: not placed.
  const d2 = (await doctors.D2.client.get(`/api/v1/me/placement/rounds/${round.id}`)).json;
  assert.equal(d2.result.assigned, null);
  assert.equal(d2.result.reasons.length, 1);
  assert.ok(!JSON.stringify(d2).includes('本人 三郎'));
  const closed = await doctors.D1.client.put(`/api/v1/me/placement/rounds/${round.id}/ranks`, { position_ids: [] });
  assert.equal(closed.status, 409);
  assert.equal(closed.json.error.code, 'round_confirmed');

  // The result for Excel.
  const file = await csv(centre, `${base}/result.csv`);
  assert.equal(file.status, 200, file.text);
  assert.equal(file.type, 'text/csv; charset=Shift_JIS');
  assert.match(file.disposition, /placement-result-\d{4}-\d{2}-\d{2}\.csv/);
  const lines = file.text.trim().split('\r\n');
  assert.equal(lines[0], '区分,氏名,配属先,診療科,二次医療圏,希望順位,配属期間,定員,配属数,空席');
  // Dates as the app writes them (the wave dash reads back from Windows-31J as ～).
  const term = lines[1].split(',')[6];
  assert.match(term, new RegExp(`^${thisYear + 1}年4月1日\\(.\\)～${thisYear + 2}年3月31日\\(.\\)$`));
  assert.ok(lines.includes(`配属,本人 一郎,県南本人病院,,県南,2,${term},,,`), lines.join('\n'));
  assert.ok(lines.includes(`配属,本人 三郎,宇都宮市ひばり記念病院,内科,宇都宮,1,${term},,,`), lines.join('\n'));
  assert.ok(lines.includes('未配属,本人 二郎,,,,,,,,'));
  assert.ok(lines.includes('未配属,本人 四郎,,,,,,,,'));
  assert.ok(lines.includes(`空席,,県北本人病院,,県北,,${term},2,0,2`));
  assert.ok(!file.text.includes('prd_') && !file.text.includes('pps_'), 'names, not codes');
  assert.equal((await csv(otherCentre, `${base}/result.csv`)).status, 404);
  assert.equal((await csv(hibari, `${base}/result.csv`)).status, 403);
  assert.equal((await csv(doctors.D1.client, `${base}/result.csv`)).status, 403);
  const audit = await secretariat.get('/api/v1/audit?action=placement_result_exported');
  assert.ok(audit.json.items.some((e) => e.subject_id === round.id && e.detail === '2 placed, 2 unmatched'), audit.text.slice(0, 400));
});

test('a follow-up round carries over the unmatched doctors and the unfilled seats, and works like any round', async () => {
  const missing = await centre.post(`${base}/follow-up`, {});
  assert.equal(missing.status, 400, missing.text);
  assert.equal(missing.json.error.fields.doctor_deadline, '「医師の志望順位の締切日」を入力してください。');
  assert.ok(missing.json.error.fields.facility_deadline);
  assert.equal((await otherCentre.post(`${base}/follow-up`, { doctor_deadline: inDays(5), facility_deadline: inDays(9) })).status, 404);
  assert.equal((await hibari.post(`${base}/follow-up`, { doctor_deadline: inDays(5), facility_deadline: inDays(9) })).status, 403);
  const made = await centre.post(`${base}/follow-up`, { doctor_deadline: inDays(5), facility_deadline: inDays(9) });
  assert.equal(made.status, 201, made.text);
  followUp = made.json;
  assert.equal(followUp.title, '本人入力の配属先選定（二次選定）');
  assert.equal(followUp.previous_round_id, round.id);
  assert.equal(followUp.previous_round.id, round.id);
  assert.equal(followUp.state, 'open');
  assert.deepEqual(followUp.positions.map((p) => [p.name, p.capacity]), [['県北本人病院', 2]]);
  assert.equal(followUp.eligible_doctors, 2);
  assert.equal((await centre.get(base)).json.follow_up_round.id, followUp.id);
  assert.equal((await centre.post(`${base}/follow-up`, { doctor_deadline: inDays(5), facility_deadline: inDays(9) })).json.error.code, 'follow_up_exists');
  assert.equal((await centre.post(`/api/v1/placement/rounds/${followUp.id}/follow-up`, { doctor_deadline: inDays(5), facility_deadline: inDays(9) })).json.error.code, 'not_confirmed');
  // Only the unmatched take part: D2 sees it once opened, D1 (placed) does not.
  const fb = `/api/v1/placement/rounds/${followUp.id}`;
  assert.equal((await centre.post(`${fb}/open-ranking`)).status, 200);
  assert.equal((await doctors.D1.client.get(`/api/v1/me/placement/rounds/${followUp.id}`)).status, 404);
  const d2 = await doctors.D2.client.get(`/api/v1/me/placement/rounds/${followUp.id}`);
  assert.equal(d2.status, 200, d2.text);
  const p = d2.json.positions[0].id;
  assert.equal((await doctors.D2.client.put(`/api/v1/me/placement/rounds/${followUp.id}/ranks`, { position_ids: [p] })).status, 200);
  const refused = await centre.put(`${fb}/doctors/${doctors.D1.id}/ranks`, { position_ids: [p] });
  assert.equal(refused.status, 400);
  await centre.put(`${fb}/positions/${p}/ranks`, { doctor_ids: [doctors.D2.id] });
  const preview = await centre.post(`${fb}/previews`);
  assert.equal(preview.status, 201, preview.text);
  assert.equal(preview.json.placed, 1);
  assert.equal((await centre.post(`${fb}/confirm`, { preview_id: preview.json.id })).status, 200);
  const result = (await doctors.D2.client.get(`/api/v1/me/placement/rounds/${followUp.id}`)).json.result;
  assert.equal(result.assigned.name, '県北本人病院');
});
