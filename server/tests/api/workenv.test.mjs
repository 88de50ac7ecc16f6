// The work-environment centre (issue 15): hospitals and their compliance state with history, the readiness grid,
// monthly hours uploaded as CSV (Windows-31J and UTF-8 with BOM, all-or-nothing with Japanese row errors,
// re-upload replacing the month), the evaluation (80/100/155 h, 面接指導, cap projection), who may see the hours
// (the hospital and the centre only; every view in the audit log), cases through their status flow with the
// yearly follow-up visit proposed on closing, visits, the priority list with reasons and a manual raise, and scope
// (another prefecture's centre and another facility get 404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, Client, runCli } from './harness.mjs';

const PASSWORD = 'Workenv2026pw';
let server, centre, otherCentre, facility, otherFacility, secretariat;
let hospital, registered;

/** Windows-31J bytes of a CSV text, as Excel saves it. Node has no Shift_JIS encoder; python3's cp932 codec is
 * the same mapping and is on every test machine. */
function sjis(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("cp932"))'], { input: Buffer.from(text, 'utf8') });
}

const HEADER = '医師コード,診療科,水準,時間外・休日労働時間,他の勤務先の時間外・休日労働時間,最長連続勤務時間,勤務間インターバル未確保回数,代償休息の未付与時間,面接指導';

async function upload(client, id, month, body, type = 'text/csv') {
  return client.request('POST', `/api/v1/workenv/hospitals/${id}/hours?month=${month}`, undefined, { raw: body, headers: { 'content-type': type } });
}

before(async () => {
  server = await startServer({ smtp: false });
  // Another prefecture's centre, and a Tokyo hospital with no work-environment data yet (the demo's have some).
  for (const [login, role, org, pref, name] of [['workenv-09-test', 'workenv_center', '栃木県医療勤務環境改善支援センター', '09', '栃木 勤改'],
    ['fac-workenv-test', 'facility', '多摩ひかり病院', '13', '森 正人']]) {
    const r = runCli(['user', 'add', '--db', server.db, '--login', login, '--password', PASSWORD, '--role', role,
      '--organisation', org, '--prefecture', pref, '--name', name, '--email', `${login}@example.jp`]);
    assert.equal(r.status, 0, r.stderr);
  }
  centre = new Client(server.url); await centre.login('workenv-13');
  otherCentre = new Client(server.url); await otherCentre.login('workenv-09-test', PASSWORD);
  facility = new Client(server.url); await facility.login('fac-workenv-test', PASSWORD);
  otherFacility = new Client(server.url); await otherFacility.login('fac-tokyo-01');
  secretariat = new Client(server.url); await secretariat.login('jimukyoku');
});
after(async () => { await server?.stop(); });

test('a facility opens its own hospital page; the centre registers another hospital; the grid shows both', async () => {
  const mine = await facility.get('/api/v1/workenv/my-hospital');
  assert.equal(mine.status, 200, mine.text);
  hospital = mine.json.hospital;
  assert.equal(hospital.name, '多摩ひかり病院');
  assert.equal(mine.json.viewer, 'facility');
  assert.equal(mine.json.cases, undefined, 'the centre\'s cases are not the facility\'s to read');

  const bad = await centre.post('/api/v1/workenv/hospitals', { name: '', state: { groups: [{ name: '救急科', level: 'D' }] } });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.name ?? bad.json.error.fields['state.groups'], /医療機関名|水準/);
  const created = await centre.post('/api/v1/workenv/hospitals', {
    name: '多摩みらい病院', state: { groups: [{ name: '救急科', level: 'B' }, { name: '内科', level: 'A' }],
      designation: { status: 'evaluating' }, plan: { exists: true, reviewed_on: '2020-04-01' } },
  });
  assert.equal(created.status, 201, created.text);
  registered = created.json.hospital;
  const plan = created.json.items.find((i) => i.key === 'plan');
  assert.equal(plan.light, 'red', 'a review due in 2021 is overdue');
  assert.equal(plan.due, '2021-04-01');
  assert.equal(created.json.items.find((i) => i.key === 'designation').light, 'yellow');
  assert.equal(created.json.items.find((i) => i.key === 'evaluation').light, 'red', 'B without an evaluation');

  const grid = await centre.get('/api/v1/workenv/hospitals');
  assert.equal(grid.status, 200);
  const names = grid.json.items.map((i) => i.hospital.name);
  assert.ok(names.includes('多摩みらい病院') && names.includes('多摩ひかり病院'));
  assert.equal(grid.json.columns.length, 8);
  // Another prefecture's centre sees neither; the secretariat sees every prefecture's, or one.
  assert.ok(!(await otherCentre.get('/api/v1/workenv/hospitals')).json.items.some((i) => i.hospital.id === registered.id));
  assert.equal((await otherCentre.get(`/api/v1/workenv/hospitals/${registered.id}`)).status, 404);
  assert.equal((await otherFacility.get(`/api/v1/workenv/hospitals/${hospital.id}`)).status, 404);
  assert.ok((await secretariat.get('/api/v1/workenv/hospitals')).json.items.some((i) => i.hospital.id === registered.id));
  assert.equal((await secretariat.get('/api/v1/workenv/hospitals?prefecture=09')).json.items.length, 0);
  assert.equal((await secretariat.get('/api/v1/workenv/hospitals?prefecture=tokyo')).status, 400);

});

test('state changes are validated field by field and keep history', async () => {
  const bad = await facility.patch(`/api/v1/workenv/hospitals/${hospital.id}`, { state: { evaluation: { verdict: 'sufficient', date: '2025-02-30' }, duty_permit: { status: 'maybe' } } });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields['state.evaluation.date'], /評価結果の日付/);
  assert.match(bad.json.error.fields['state.duty_permit.status'], /宿日直許可/);
  const ok = await facility.patch(`/api/v1/workenv/hospitals/${hospital.id}`, {
    state: { groups: [{ name: '救急科', level: 'C-1' }, { name: '外科', level: '連携B' }], evaluation: { verdict: 'sufficient', date: '2024-03-01' },
      measures: { continuous_28h: true, interval_9h: true, compensatory_rest: true }, agreement_36: { form: 'special' } },
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.evaluation_due, '2027-03-01');
  assert.equal(ok.json.items.find((i) => i.key === 'measures').light, 'green');
  assert.equal(ok.json.items.find((i) => i.key === 'agreement_36').light, 'green');
  const history = await centre.get(`/api/v1/workenv/hospitals/${hospital.id}/history`);
  assert.equal(history.status, 200);
  assert.ok(history.json.items.length >= 2);
  assert.equal(history.json.items[0].changed_by, '森 正人（多摩ひかり病院）', 'people by name and organisation');
  assert.equal((await secretariat.patch(`/api/v1/workenv/hospitals/${hospital.id}`, { state: {} })).status, 403);
  assert.equal((await otherFacility.patch(`/api/v1/workenv/hospitals/${hospital.id}`, { state: {} })).status, 404);
});

test('hours: all-or-nothing with Japanese row errors; Windows-31J and BOM; thresholds; re-upload replaces the month', async () => {
  // Two bad rows (a name instead of a code, a level that does not exist, hours out of range): nothing stored.
  const bad = `${HEADER}\r\nD001,救急科,C-1,85,,20,0,0,未\r\n山田太郎,救急科,B,70,,20,0,0,未\r\nD003,外科,D,500,,20,0,0,未\r\n`;
  const refused = await upload(facility, hospital.id, '2025-04', sjis(bad));
  assert.equal(refused.status, 400, refused.text);
  assert.match(refused.json.error.fields.row_3, /^3行目: 「医師コード」列: .*氏名は入れないでください/);
  assert.match(refused.json.error.fields.row_4, /^4行目: 「水準」列: .*／ 「時間外・休日労働時間」列: 0から400/);
  assert.equal(refused.json.error.fields.row_2, undefined);
  assert.equal((await facility.get(`/api/v1/workenv/hospitals/${hospital.id}/hours`)).json.month, null, 'nothing half-written');
  // A header with a name column is refused as a whole.
  const named = await upload(facility, hospital.id, '2025-04', Buffer.from(`氏名,${HEADER}\r\n山田,D1,内科,A,10,,,,,\r\n`));
  assert.equal(named.status, 400);
  assert.match(named.json.error.message, /1行目（見出し）: 「氏名」は列の名前にありません/);
  assert.equal((await upload(facility, hospital.id, '2025-04', 'x', 'application/json')).status, 415);
  assert.equal((await upload(facility, hospital.id, '2025-13', Buffer.from(`${HEADER}\r\n`))).status, 400);

  // April (Windows-31J): D001 exactly 80 h, D002 exactly 100 h without 面接指導, D003 155 h with it, D004 連携B 85 h here.
  const april = `${HEADER}\r\nD001,救急科,C-1,80,,20,0,0,未\r\nD002,救急科,C-1,100,,29,2,3.5,未\r\nD003,外科,連携B,155,,20,0,0,済\r\nD004,外科,連携B,85,,20,0,0,済\r\nD005,外科,連携B,79:59,,20,0,0,未\r\n`;
  const a = await upload(facility, hospital.id, '2025-04', sjis(april));
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.rows, 5);
  assert.equal(a.json.replaced, false);
  // May (UTF-8 with BOM, a lower-case code and full-width 水準), uploaded by the centre on the hospital's behalf.
  // May is the latest month: D002 still without 面接指導 at 120 h, D004 still heading over the cap.
  const may = `\uFEFF${HEADER}\r\nd001,救急科,Ｃ－１,10,,,,,\r\nD002,救急科,C-1,120,,,,,未\r\nD004,外科,連携B,90,,,,,済\r\n`;
  const m = await upload(centre, hospital.id, '2025-05', Buffer.from(may, 'utf8'));
  assert.equal(m.status, 201, m.text);

  const hours = await facility.get(`/api/v1/workenv/hospitals/${hospital.id}/hours?month=2025-04`);
  assert.equal(hours.status, 200);
  const byCode = Object.fromEntries(hours.json.doctors.map((d) => [d.doctor_code, d]));
  assert.deepEqual(byCode.D001.flags, ['over_80']);
  assert.ok(byCode.D002.flags.includes('interview_gap') && byCode.D002.flags.includes('over_100'));
  assert.ok(byCode.D002.flags.includes('continuous_breach') && byCode.D002.flags.includes('interval_breach') && byCode.D002.flags.includes('rest_owed'));
  assert.ok(byCode.D003.flags.includes('over_155') && !byCode.D003.flags.includes('interview_gap'));
  assert.ok(byCode.D004.flags.includes('projected_over_cap'), '連携B: 85 h a month here projects over 960 h');
  assert.equal(byCode.D004.cap_own_hours, 960);
  assert.deepEqual(byCode.D005.flags, [], '79:59 is under 80 h');
  assert.equal(hours.json.doctors[0].doctor_code, 'D003', 'worst first');
  assert.equal(hours.json.summary.interview_gaps, 1);
  assert.deepEqual(hours.json.months, ['2025-05', '2025-04']);
  // May's year to date counts April; a re-upload of April replaces it (D001 corrected to 60 h) and May follows.
  const mayView = await centre.get(`/api/v1/workenv/hospitals/${hospital.id}/hours?month=2025-05`);
  assert.equal(mayView.json.doctors.find((d) => d.doctor_code === 'D001').ytd_hours, 90);
  const again = await upload(facility, hospital.id, '2025-04', Buffer.from(`${HEADER}\nD001,救急科,C-1,60,,,,,\n`));
  assert.equal(again.status, 201);
  assert.equal(again.json.replaced, true);
  const after = await centre.get(`/api/v1/workenv/hospitals/${hospital.id}/hours?month=2025-05`);
  assert.equal(after.json.doctors.find((d) => d.doctor_code === 'D001').ytd_hours, 70);
  assert.equal(after.json.uploads.filter((u) => u.month === '2025-04').length, 2, 'the replaced upload is kept');
  assert.equal(after.json.uploads.find((u) => u.month === '2025-04' && !u.current).rows, 5);
  assert.equal(after.json.uploads[0].uploaded_by, '山田 聡（東京都医療勤務環境改善支援センター）');
  // Put April back for the rest of the file.
  assert.equal((await upload(facility, hospital.id, '2025-04', sjis(april))).status, 201);
});

test('the hours are the hospital\'s and the centre\'s only, and every view is in the audit log', async () => {
  assert.equal((await secretariat.get(`/api/v1/workenv/hospitals/${hospital.id}/hours`)).status, 403);
  assert.equal((await otherFacility.get(`/api/v1/workenv/hospitals/${hospital.id}/hours`)).status, 404);
  assert.equal((await otherCentre.get(`/api/v1/workenv/hospitals/${hospital.id}/hours`)).status, 404);
  assert.equal((await otherCentre.request('POST', `/api/v1/workenv/hospitals/${hospital.id}/hours?month=2025-04`, undefined, { raw: 'x', headers: { 'content-type': 'text/csv' } })).status, 404);
  const secGrid = (await secretariat.get('/api/v1/workenv/hospitals?prefecture=13')).json.items.find((i) => i.hospital.id === hospital.id);
  assert.equal(secGrid.latest_month, null, 'the secretariat\'s grid carries no hours');
  assert.equal(secGrid.items.find((i) => i.key === 'hours').light, 'grey');
  const centreGrid = (await centre.get('/api/v1/workenv/hospitals')).json.items.find((i) => i.hospital.id === hospital.id);
  assert.equal(centreGrid.latest_month, '2025-05');
  assert.equal(centreGrid.items.find((i) => i.key === 'hours').light, 'red');
  const page = await secretariat.get(`/api/v1/workenv/hospitals/${hospital.id}`);
  assert.equal(page.status, 200);
  assert.equal(page.json.hours_summary, null, 'the secretariat\'s page carries no hours');
  await centre.get(`/api/v1/workenv/hospitals/${hospital.id}/hours?month=2025-04`);
  const log = await secretariat.get('/api/v1/audit?action=workenv_hours_viewed&per_page=100');
  assert.equal(log.status, 200, log.text);
  assert.ok(log.json.items.some((e) => e.subject_id === hospital.id && e.detail === '2025-04'));
  const atRisk = await centre.get('/api/v1/workenv/at-risk');
  assert.equal(atRisk.status, 200);
  assert.ok(atRisk.json.items.some((d) => d.hospital.id === hospital.id && d.doctor_code === 'D002'));
  assert.ok(!atRisk.json.items.some((d) => d.hospital.id === hospital.id && d.doctor_code === 'D005'));
  assert.equal((await otherCentre.get('/api/v1/workenv/at-risk')).json.items.length, 0);
  assert.equal((await facility.get('/api/v1/workenv/at-risk')).status, 403);
});

test('cases move forward only; closing proposes a yearly follow-up visit; visits need attendees and a report', async () => {
  const me = (await centre.get('/api/v1/me')).json.user;
  const bad = await centre.post('/api/v1/workenv/cases', { hospital_id: hospital.id, kind: 'chat', channel: 'phone', title: '', topics: ['nope'] });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.error.fields.kind && bad.json.error.fields.title && bad.json.error.fields.topics);
  assert.equal((await otherCentre.post('/api/v1/workenv/cases', { hospital_id: hospital.id, kind: 'consultation', channel: 'phone', title: '宿日直許可' })).status, 400);
  const created = await centre.post('/api/v1/workenv/cases', {
    hospital_id: hospital.id, kind: 'consultation', channel: 'phone', title: '宿日直許可の申請について', topics: ['duty_permit', 'plan'],
    assignee_id: me.id, due_date: '2020-01-01', note: '事務長から電話',
  });
  assert.equal(created.status, 201, created.text);
  const c = created.json;
  assert.equal(c.status, 'received');
  assert.equal(c.assignee.name, '山田 聡（東京都医療勤務環境改善支援センター）');
  assert.equal(c.overdue, true);
  assert.deepEqual(c.topic_labels, ['宿日直', '時短計画']);
  assert.equal((await otherCentre.get(`/api/v1/workenv/cases/${c.id}`)).status, 404);
  assert.equal((await facility.get(`/api/v1/workenv/cases/${c.id}`)).status, 403);

  const visitBad = await centre.post('/api/v1/workenv/visits', { hospital_id: hospital.id, planned_date: '2026-13-01', attendees: [] });
  assert.equal(visitBad.status, 400);
  assert.ok(visitBad.json.error.fields.planned_date && visitBad.json.error.fields.attendees);
  const visit = await centre.post('/api/v1/workenv/visits', { hospital_id: hospital.id, case_id: c.id, planned_date: '2025-06-10', attendees: ['佐藤 医療労務管理アドバイザー', '東京都 医療政策課 田中'] });
  assert.equal(visit.status, 201, visit.text);
  assert.equal((await centre.get(`/api/v1/workenv/cases/${c.id}`)).json.status, 'visit_planned');
  const noReport = await centre.patch(`/api/v1/workenv/visits/${visit.json.id}`, { status: 'done' });
  assert.equal(noReport.status, 400);
  assert.match(noReport.json.error.fields.report, /訪問報告/);
  const done = await centre.patch(`/api/v1/workenv/visits/${visit.json.id}`, { status: 'done', report: '宿日直の実態を確認した。', next_steps: '申請書の下書きを確認する' });
  assert.equal(done.status, 200);

  const back = await centre.patch(`/api/v1/workenv/cases/${c.id}`, { status: 'in_progress' });
  assert.equal(back.status, 400);
  assert.match(back.json.error.fields.status, /順に進めます/);
  const closed = await centre.patch(`/api/v1/workenv/cases/${c.id}`, { status: 'closed', note: '許可申請を提出' });
  assert.equal(closed.status, 200);
  assert.ok(closed.json.activities.some((a) => /フォローアップ訪問を提案しました/.test(a.body)));
  const visits = (await centre.get('/api/v1/workenv/visits')).json.items;
  const proposed = visits.find((v) => v.case_id === c.id && v.status === 'proposed');
  assert.ok(proposed && proposed.follow_up);
  assert.equal((await centre.patch(`/api/v1/workenv/cases/${c.id}`, { status: 'following_up' })).status, 400);
  assert.equal((await otherCentre.patch(`/api/v1/workenv/visits/${proposed.id}`, { status: 'cancelled' })).status, 404);
});

test('the priority list ranks by computed reasons, in Japanese, and staff can raise a hospital', async () => {
  const list = await centre.get('/api/v1/workenv/priorities');
  assert.equal(list.status, 200);
  const mine = list.json.items.find((i) => i.hospital.id === hospital.id);
  assert.ok(mine.reasons.some((r) => r.text === '月100時間以上で面接指導が済んでいない医師が1人います'));
  assert.ok(mine.reasons.some((r) => /年間の上限を超える見込みの医師が\d+人います/.test(r.text)));
  const other = list.json.items.find((i) => i.hospital.id === registered.id);
  assert.ok(other.reasons.some((r) => r.text === '訪問の記録がありません'));
  assert.ok(mine.score > other.score);
  // The demo's hospitals are ranked too; the list is worst first.
  assert.ok(list.json.items.every((item, i, all) => i === 0 || all[i - 1].score >= item.score));
  const noNote = await centre.put(`/api/v1/workenv/hospitals/${registered.id}/priority`, { points: 200 });
  assert.equal(noNote.status, 400);
  assert.match(noNote.json.error.fields.points, /優先度の調整/);
  const noReason = await centre.put(`/api/v1/workenv/hospitals/${registered.id}/priority`, { points: 50 });
  assert.equal(noReason.status, 400);
  assert.match(noReason.json.error.fields.note, /調整の理由/);
  assert.equal((await centre.put(`/api/v1/workenv/hospitals/${registered.id}/priority`, { points: 100, note: '院長交代で体制が変わる' })).status, 200);
  const raised = (await centre.get('/api/v1/workenv/priorities')).json.items;
  assert.equal(raised[0].hospital.id, registered.id);
  assert.ok(raised[0].reasons.some((r) => r.text === 'センターが優先度を引き上げました：院長交代で体制が変わる'));
  assert.equal((await facility.put(`/api/v1/workenv/hospitals/${hospital.id}/priority`, { points: 10, note: 'x' })).status, 403);
  assert.equal((await otherCentre.put(`/api/v1/workenv/hospitals/${hospital.id}/priority`, { points: 10, note: 'x' })).status, 404);

  const today = await centre.get('/api/v1/workenv/today');
  assert.equal(today.status, 200);
  assert.equal(today.json.top_priorities[0].hospital.id, registered.id);
  assert.ok(today.json.proposed_visits.length >= 1);
  assert.ok(today.json.interview_gaps >= 1);
});

test('members: the network of the prefecture with kinds set by the secretariat', async () => {
  const list = await centre.get('/api/v1/workenv/members');
  assert.equal(list.status, 200);
  const org = list.json.items.find((o) => o.name === '東京都医療勤務環境改善支援センター');
  assert.ok(org.people.some((p) => p.name === '山田 聡'));
  assert.ok(!list.json.items.some((o) => o.prefecture !== '13'));
  assert.equal((await centre.put(`/api/v1/workenv/members/${org.id}`, { kind: 'adviser' })).status, 403);
  const bad = await secretariat.put(`/api/v1/workenv/members/${org.id}`, { kind: 'bank' });
  assert.equal(bad.status, 400);
  const set = await secretariat.put(`/api/v1/workenv/members/${org.id}`, { kind: 'contractor' });
  assert.equal(set.status, 200);
  assert.equal(set.json.kind_label, '受託者（センター）');
  assert.equal((await centre.get('/api/v1/workenv/members')).json.items.find((o) => o.id === org.id).kind, 'contractor');
  const template = await facility.get('/api/v1/workenv/hours/template.csv');
  assert.equal(template.status, 200);
  assert.match(template.headers.get('content-type'), /Shift_JIS/);
});

test('the activity report counts the fiscal year per month, as a table and as CSV for Excel', async () => {
  const report = await centre.get('/api/v1/workenv/report');
  assert.equal(report.status, 200, report.text);
  assert.equal(report.json.months.length, 12);
  assert.match(report.json.months[0].month, /^\d{4}-04$/);
  assert.match(report.json.months[11].month, /^\d{4}-03$/);
  // This file's case (a consultation by phone about 宿日直 and 時短計画) and its visit, in this month.
  const thisMonth = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 7);
  const row = report.json.months.find((m) => m.month === thisMonth);
  assert.ok(row.consultations >= 1 && row.by_channel.phone >= 1 && row.by_topic.duty_permit >= 1);
  assert.equal(report.json.total.consultations, report.json.months.reduce((n, m) => n + m.consultations, 0));
  assert.ok(report.json.total.hospitals_supported >= 1);
  // Another prefecture's centre counts none of it; other roles are refused; a wrong year names the field.
  assert.equal((await otherCentre.get('/api/v1/workenv/report')).json.total.consultations, 0);
  assert.equal((await facility.get('/api/v1/workenv/report')).status, 403);
  const bad = await centre.get('/api/v1/workenv/report?fiscal_year=R8');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.fiscal_year, /年度/);
  const csv = await fetch(`${server.url}/api/v1/workenv/report.csv`, { headers: { cookie: [...centre.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /Shift_JIS/);
  const text = new TextDecoder('shift_jis').decode(await csv.arrayBuffer());
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, 14, 'header, 12 months, total');
  assert.match(lines[0], /^月,相談件数,経路:電話,/);
  assert.match(lines[13], /^\d{4}年度 合計,/);
});
