// 募集の依頼 (issue 13): from an open slot of a doctor's plan the career centre asks a platform facility of its
// prefecture to recruit — never naming the doctor; the facility's staff are notified (in the app, by mail as they
// chose), make the request a draft posting of their own and publish it, or decline it with a reason; the centre
// sees each request's state on the plan. Scope: another prefecture's centre and another facility get 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, mailsTo, waitForMail } from './harness.mjs';

let server, centre, otherCentre, facility, otherFacility, tokyoFacility, seeker, secretariat;
let doctor, iroha, hibari, request, declined;
const PASSWORD = 'Career2026pw';
const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const FACILITY_MAIL = 'fac-tochigi-02@kakehashi.example';

before(async () => {
  const db = freshDatabase();
  server = await startServer({ db });
  centre = new Client(server.url);
  await centre.login('career-09');
  const r = runCli(['user', 'add', '--db', db, '--login', 'career-13-recruit', '--password', PASSWORD, '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(r.status, 0, r.stderr);
  otherCentre = new Client(server.url);
  await otherCentre.login('career-13-recruit', PASSWORD);
  facility = new Client(server.url);
  await facility.login('fac-tochigi-02');
  otherFacility = new Client(server.url);
  await otherFacility.login('fac-tochigi-01');
  tokyoFacility = new Client(server.url);
  await tokyoFacility.login('fac-tokyo-01');
  seeker = new Client(server.url);
  await seeker.login('seeker0001@demo.kakehashi.example');
  secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  iroha = (await facility.get('/api/v1/me')).json.user.organisations[0].id;
  hibari = (await otherFacility.get('/api/v1/me')).json.user.organisations[0].id;
  // A doctor whose plan has half a year without assignment next year, then a planned year at 日光市いろは診療所 (a
  // platform facility in 県西, a 医師少数区域).
  const programme = (await centre.get('/api/v1/career/programmes')).json.items[0].id;
  doctor = (await centre.post('/api/v1/career/doctors', { name: '依頼 確認', kind: 'jichi', university: '自治医科大学',
    graduation_year: thisYear - 3, programme_id: programme })).json;
  const saved = await centre.put(`/api/v1/career/doctors/${doctor.id}/plan`, { assignments: [
    { id: 'a1', kind: 'work', facility_name: '那須南病院', area_code: '0901', department: '内科', start: `${thisYear - 1}-04-01`, end: `${thisYear + 1}-03-31` },
    { id: 'a2', kind: 'work', facility_name: '日光市いろは診療所', area_code: '0902', department: '内科', start: `${thisYear + 1}-10-01`, end: `${thisYear + 2}-09-30` },
  ] });
  assert.equal(saved.status, 200, saved.text);
});
after(async () => { await server?.stop(); });

test('the centre reads the plan\'s open slots and its prefecture\'s platform facilities', async () => {
  const r = await centre.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.slots.map((s) => [s.kind, s.start, s.end]), [
    ['gap', `${thisYear + 1}-04-01`, `${thisYear + 1}-09-30`],
    ['assignment', `${thisYear + 1}-10-01`, `${thisYear + 2}-09-30`],
  ]);
  assert.equal(r.json.slots[1].facility_id, iroha);
  assert.equal(r.json.slots[1].department, '内科');
  const ids = r.json.facilities.map((f) => f.id);
  assert.ok(ids.includes(iroha) && ids.includes(hibari), r.text);
  assert.equal(r.json.facilities[0].shortage_area, true, 'facilities in a 医師少数区域 come first');
  assert.ok(r.json.facilities.every((f) => !f.name.includes('東京')), 'only the prefecture\'s facilities');
  assert.deepEqual(r.json.requests, []);
});

test('a request outside an open slot, to an unknown facility, or without a field is refused naming the field', async () => {
  const path = `/api/v1/career/doctors/${doctor.id}/recruit-requests`;
  let r = await centre.post(path, { start: `${thisYear + 1}-04-01`, end: `${thisYear + 1}-09-30` });
  assert.equal(r.status, 400);
  assert.match(r.json.error.fields.facility_id, /依頼先の医療機関/);
  const tokyo = (await tokyoFacility.get('/api/v1/me')).json.user.organisations[0].id;
  r = await centre.post(path, { facility_id: tokyo, start: `${thisYear + 1}-04-01`, end: `${thisYear + 1}-09-30` });
  assert.equal(r.status, 400);
  assert.match(r.json.error.fields.facility_id, /この県/);
  // Overlaps the planned year at 日光: not a period without assignment.
  r = await centre.post(path, { facility_id: iroha, start: `${thisYear + 1}-04-01`, end: `${thisYear + 1}-12-31` });
  assert.equal(r.status, 400);
  assert.match(r.json.error.fields.start, /空き期間/);
  // The planned assignment's slot is that facility's.
  r = await centre.post(path, { facility_id: hibari, assignment_id: 'a2', start: `${thisYear + 1}-10-01`, end: `${thisYear + 2}-09-30` });
  assert.equal(r.status, 400);
  assert.match(r.json.error.fields.facility_id, /勤務計画の医療機関/);
  r = await centre.post(path, { facility_id: iroha, start: '2027-02-30', end: `${thisYear + 1}-09-30` });
  assert.equal(r.status, 400);
  assert.match(r.json.error.fields.start, /YYYY-MM-DD/);
});

test('the centre sends a request from a gap; the facility is notified and mailed, without the doctor\'s identity', async () => {
  const mailsBefore = mailsTo(FACILITY_MAIL).filter((m) => m.subject.includes('募集の依頼')).length;
  const r = await centre.post(`/api/v1/career/doctors/${doctor.id}/recruit-requests`, {
    facility_id: iroha, start: `${thisYear + 1}-04-01`, end: `${thisYear + 1}-09-30`, department: '内科', note: '県西の外来を担える方を',
  });
  assert.equal(r.status, 201, r.text);
  request = r.json;
  assert.equal(request.state, 'sent');
  assert.equal(request.state_label, '送付済み');
  assert.equal(request.specialty, '内科');
  assert.equal(request.doctor_id, doctor.id);

  const list = await facility.get('/api/v1/facility/recruit-requests');
  assert.equal(list.status, 200, list.text);
  const seen = list.json.items.find((x) => x.id === request.id);
  assert.ok(seen, list.text);
  assert.equal(seen.centre_name, '栃木県地域医療支援センター');
  assert.equal(seen.note, '県西の外来を担える方を');
  assert.ok(!('doctor_id' in seen) && !list.text.includes('依頼 確認') && !list.text.includes(doctor.id), 'never the doctor');
  const notices = (await facility.get('/api/v1/notifications')).json.items;
  assert.ok(notices.some((n) => n.kind === 'career_recruit_request' && n.link === '/facility/recruit-requests'), JSON.stringify(notices[0]));
  const mail = await waitForMail(FACILITY_MAIL, '募集の依頼', { known: mailsBefore });
  assert.match(mail.body, /求人の下書き/);
  assert.ok(!mail.body.includes('依頼 確認'), 'the mail does not name the doctor');
  const audit = await secretariat.get('/api/v1/audit?action=career_recruit_request_sent');
  assert.ok(audit.json.items.some((e) => e.subject_id === doctor.id), audit.text);
});

test('scope: another prefecture\'s centre and another facility get 404, other roles 403', async () => {
  assert.equal((await otherCentre.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`)).status, 404);
  assert.equal((await otherCentre.post(`/api/v1/career/doctors/${doctor.id}/recruit-requests`, { facility_id: iroha, start: `${thisYear + 1}-04-01`, end: `${thisYear + 1}-05-31` })).status, 404);
  assert.equal((await seeker.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`)).status, 403);
  assert.equal((await facility.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`)).status, 403);
  assert.ok(!(await otherFacility.get('/api/v1/facility/recruit-requests')).json.items.some((x) => x.id === request.id));
  assert.equal((await otherFacility.post(`/api/v1/facility/recruit-requests/${request.id}/posting`)).status, 404);
  assert.equal((await otherFacility.post(`/api/v1/facility/recruit-requests/${request.id}/decline`, { reason: 'x' })).status, 404);
  assert.equal((await centre.post(`/api/v1/facility/recruit-requests/${request.id}/posting`)).status, 403);
  assert.equal((await centre.get('/api/v1/facility/recruit-requests')).status, 403);
});

test('the facility makes the request a draft posting of its own, completes and publishes it; the centre sees 求人化済み', async () => {
  const r = await facility.post(`/api/v1/facility/recruit-requests/${request.id}/posting`);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.request.state, 'posted');
  const postingId = r.json.posting_id;
  const posting = (await facility.get(`/api/v1/postings/${postingId}`)).json;
  assert.equal(posting.status, 'draft');
  assert.equal(posting.category, 'doctor');
  assert.equal(posting.specialty, '内科');
  assert.equal(posting.start_date, `${thisYear + 1}-04-01`);
  assert.equal(posting.end_date, `${thisYear + 1}-09-30`);
  assert.equal(posting.workplace.municipality, '092061');
  assert.match(posting.duties, /栃木県地域医療支援センターからの募集の依頼/);
  assert.match(posting.duties, /県西の外来を担える方を/);
  // Twice is refused: one request, one posting.
  const again = await facility.post(`/api/v1/facility/recruit-requests/${request.id}/posting`);
  assert.equal(again.status, 409, again.text);
  assert.equal(again.json.error.code, 'already_handled');
  // Published like any other posting once the facility fills in what 公開 needs.
  const published = await facility.patch(`/api/v1/postings/${postingId}`, {
    status: 'published', training_agreed: true, contact: { name: '田中 由美', phone: '0288-00-0000', email: FACILITY_MAIL },
    workplace: { postal_code: '3211272', prefecture: '09', municipality: '092061', street: '今市本町5-8' },
  });
  assert.equal(published.status, 200, published.text);
  assert.equal(published.json.status, 'published');
  const options = (await centre.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`)).json;
  const mine = options.requests.find((x) => x.id === request.id);
  assert.equal(mine.state_label, '求人化済み');
  assert.equal(mine.posting_id, postingId);
  assert.match(mine.handled_by, /田中 由美/);
});

test('the facility declines a request with a reason (mail as it chose: none when off); the centre sees 辞退', async () => {
  assert.equal((await facility.put('/api/v1/me/mail-notices', { mail_notices: 'off' })).status, 200);
  const mailsBefore = mailsTo(FACILITY_MAIL).length;
  const r = await centre.post(`/api/v1/career/doctors/${doctor.id}/recruit-requests`, {
    facility_id: iroha, assignment_id: 'a2', start: `${thisYear + 1}-10-01`, end: `${thisYear + 2}-09-30`, department: '地域医療',
  });
  assert.equal(r.status, 201, r.text);
  declined = r.json;
  assert.equal(declined.specialty, null, '地域医療 is not a specialty of the catalogue: kept as the department only');
  let d = await facility.post(`/api/v1/facility/recruit-requests/${declined.id}/decline`, {});
  assert.equal(d.status, 400);
  assert.match(d.json.error.fields.reason, /辞退の理由/);
  d = await facility.post(`/api/v1/facility/recruit-requests/${declined.id}/decline`, { reason: '当院の常勤医で対応します。' });
  assert.equal(d.status, 200, d.text);
  assert.equal(d.json.state_label, '辞退');
  assert.equal((await facility.post(`/api/v1/facility/recruit-requests/${declined.id}/posting`)).status, 409);
  const mine = (await centre.get(`/api/v1/career/doctors/${doctor.id}/recruit-requests`)).json.requests.find((x) => x.id === declined.id);
  assert.equal(mine.state, 'declined');
  assert.equal(mine.decline_reason, '当院の常勤医で対応します。');
  const centreNotices = (await centre.get('/api/v1/notifications')).json.items;
  assert.ok(centreNotices.some((n) => n.title === '募集の依頼が辞退されました'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(mailsTo(FACILITY_MAIL).length, mailsBefore, 'mail notices off: nothing mailed');
  const facilityNotices = (await facility.get('/api/v1/notifications')).json.items;
  assert.equal(facilityNotices.filter((n) => n.kind === 'career_recruit_request').length, 2, 'in the app all the same');
  await facility.put('/api/v1/me/mail-notices', { mail_notices: 'immediate' });
});

test('statistics: months served in 医師少数区域 per programme and area against the programme target, with CSV', async () => {
  const get = async (query = '') => {
    const r = await centre.get(`/api/v1/career/statistics${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json.by_shortage;
  };
  const rows = await get();
  const totals = rows.filter((r) => r.total);
  assert.equal(totals.length, 3, 'one total row per demo programme');
  for (const t of totals) {
    assert.equal(t.area, '計');
    assert.equal(t.target, 48 * t.doctors, 'the rule\'s 48 months × doctors');
    const own = rows.filter((r) => r.programme_id === t.programme_id);
    assert.deepEqual(own.at(-1), t, 'the areas first, then the programme\'s total');
    const areas = own.filter((r) => !r.total);
    assert.equal(areas.reduce((n, r) => n + r.months, 0), t.months, 'the areas add up to the programme');
    for (const a of areas) assert.equal(a.target, 48 * a.doctors);
    assert.equal(t.rate, Math.round((1000 * t.months) / t.target) / 10);
  }
  assert.ok(rows.some((r) => r.area === '県北' && r.months > 0), JSON.stringify(rows.slice(0, 4)));
  assert.ok(rows.every((r) => !['県南', '宇都宮'].includes(r.area)), 'only 医師少数区域 count');
  // Filters: one programme; a 年度 (months served by its end, fewer than today's).
  const one = await get(`?programme_id=${totals[0].programme_id}`);
  assert.ok(one.length > 0 && one.every((r) => r.programme_id === totals[0].programme_id));
  const earlier = await get(`?year=${thisYear - 4}`);
  const sum = (list) => list.filter((r) => r.total).reduce((n, r) => n + r.months, 0);
  assert.ok(sum(earlier) < sum(rows), `${sum(earlier)} < ${sum(rows)}`);
  const res = await fetch(`${server.url}/api/v1/career/statistics.csv?table=shortage`, { headers: { cookie: [...centre.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /Shift_JIS/);
  const lines = new TextDecoder('shift_jis').decode(await res.arrayBuffer()).trim().split('\r\n');
  assert.equal(lines[0], 'プログラム,二次医療圏,医師数,医師少数区域での勤務月数,目標月数,達成率（％）');
  assert.equal(lines.length, 1 + rows.length);
  assert.ok(lines.some((l) => /,県北,\d+,\d+,\d+,\d+\.\d$/.test(l)), lines.slice(0, 4).join('\n'));
});
