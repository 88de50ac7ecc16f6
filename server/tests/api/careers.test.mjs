// The career centre (issue 13): programmes with versioned rules, the registry of obligated doctors, career plans
// checked by the rules engine before every save (violations only as a draft), 案 → 本人確認 → 承認, the ledger, an
// interruption moving the deadline — and the refusals: another prefecture's centre gets 404, other roles 403, bad
// input 400 naming the field in Japanese, every read of a doctor's record in the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase } from './harness.mjs';

let server, db, centre, otherCentre, secretariat, facility;
let programme, doctor;
const PASSWORD = 'Career2026pw';

// The obligation starts in April two years ago: two years of 臨床研修 are served, the rest is ahead.
const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const startYear = thisYear - 2;
const d = (y, md) => `${y}-${md}`;

const RULES = [
  { id: 'total', kind: 'total_period', months: 108, loan_factor: 1.5 },
  { id: 'shortage', kind: 'shortage_months', months: 48 },
  { id: 'posting', kind: 'posting_min_months', months: 12 },
  { id: 'small', kind: 'group_months', group: 'small', months: 12 },
  { id: 'out', kind: 'out_of_prefecture_cap', months: 24 },
  { id: 'childcare', kind: 'interruption_cap', reason: 'childcare', months: 36 },
];
const GROUPS = [
  { code: 'univ', name: '大学病院', members: ['自治医科大学附属病院'] },
  { code: 'small', name: '小規模医療機関群', members: ['那須南病院', '塩谷総合病院'] },
];

/** A plan that keeps every rule: 臨床研修 at the university, then 48 months in 県北 (a 医師少数区域 of Tochigi in
 * the shipped data), then the university again. */
function goodPlan() {
  return [
    { kind: 'clinical_training', facility_name: '自治医科大学附属病院', start: d(startYear, '04-01'), end: d(startYear + 2, '03-31'), actual: true },
    { kind: 'work', facility_name: '那須南病院', area_code: SHORTAGE_AREA, start: d(startYear + 2, '04-01'), end: d(startYear + 6, '03-31') },
    { kind: 'specialist_training', facility_name: '自治医科大学附属病院', start: d(startYear + 6, '04-01'), end: d(startYear + 9, '03-31') },
  ];
}
let SHORTAGE_AREA;

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  centre = new Client(server.url);
  await centre.login('career-09');
  // Another prefecture's centre (東京都), made with the command line.
  const r = runCli(['user', 'add', '--db', db, '--login', 'career-13-test', '--password', PASSWORD, '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(r.status, 0, r.stderr);
  otherCentre = new Client(server.url);
  await otherCentre.login('career-13-test', PASSWORD);
  secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  facility = new Client(server.url);
  await facility.login('fac-tokyo-01');
  // A 医師少数区域 of Tochigi, from the reference data.
  const areas = await centre.get('/api/v1/reference/areas?prefecture=09');
  assert.equal(areas.status, 200, areas.text);
  SHORTAGE_AREA = areas.json.items.find((a) => a.designation?.designation === '医師少数区域')?.code;
  assert.ok(SHORTAGE_AREA, `no 医師少数区域 in Tochigi: ${areas.text.slice(0, 300)}`);
});
after(async () => { await server?.stop(); });

test('the demo centre has three programmes and 40 doctors across statuses, some plans breaking rules', async () => {
  const programmes = (await centre.get('/api/v1/career/programmes')).json.items;
  // The demo creates the three within one millisecond, so their order among themselves is not defined.
  assert.deepEqual(programmes.map((p) => p.basic_area).sort(), ['内科', '外科', '総合診療'].sort());
  const doctors = (await centre.get('/api/v1/career/doctors')).json.items;
  assert.equal(doctors.length, 40);
  const statuses = new Set(doctors.map((d) => d.status));
  for (const s of ['clinical_training', 'specialist_training', 'obligation', 'interrupted', 'withdrawn', 'completed']) assert.ok(statuses.has(s), s);
  assert.ok(doctors.some((d) => d.plan?.state === 'draft' && d.plan.violations > 0));
  assert.ok(doctors.some((d) => d.plan?.state === 'approved'));
  assert.ok(doctors.some((d) => d.plan?.state === 'confirmation'));
  assert.ok(doctors.some((d) => d.plan === null));
  const q = (await centre.get('/api/v1/career/queue')).json;
  assert.ok(q.rules_at_risk.length > 0 && q.awaiting_confirmation.length > 0);
});

test('a centre creates a programme with rules as data; every rule is described in Japanese', async () => {
  const created = await centre.post('/api/v1/career/programmes', {
    name: '栃木県総合内科プログラム', basic_area: '内科', course: '地域医療コース', target_years: 9, rules: RULES, groups: GROUPS,
  });
  assert.equal(created.status, 201, created.text);
  programme = created.json;
  assert.equal(programme.current_version, 1);
  assert.equal(programme.prefecture, '09');
  const shortage = programme.rules.find((x) => x.id === 'shortage');
  assert.equal(shortage.description, '医師少数区域等での勤務 4年（48か月）以上');
  assert.equal(programme.rules.find((x) => x.id === 'small').group_name, '小規模医療機関群');
  const list = await centre.get('/api/v1/career/programmes');
  assert.ok(list.json.items.some((p) => p.id === programme.id));
});

test('bad programmes are refused naming the field or the rule', async () => {
  const noTotal = await centre.post('/api/v1/career/programmes', { name: 'x', basic_area: '内科', rules: [{ kind: 'shortage_months', months: 48 }] });
  assert.equal(noTotal.status, 400);
  assert.equal(noTotal.json.error.fields.rules, 'ルール「対象期間」が必要です。');
  const badMonths = await centre.post('/api/v1/career/programmes', {
    name: 'x', basic_area: '内科', rules: [{ kind: 'total_period', months: 108 }, { kind: 'shortage_months', months: 0 }],
  });
  assert.equal(badMonths.status, 400);
  assert.match(badMonths.json.error.fields['rules[1]'], /ルール2件目：ルール「医師少数区域等での勤務」の月数は1から600まで/);
  const badKind = await centre.post('/api/v1/career/programmes', { name: 'x', basic_area: '内科', rules: [{ kind: 'holiday' }] });
  assert.match(badKind.json.error.fields['rules[0].kind'], /種類「holiday」はありません/);
  const badArea = await centre.post('/api/v1/career/programmes', { name: 'x', basic_area: '宇宙科', rules: RULES });
  assert.match(badArea.json.error.fields.basic_area, /19の基本領域/);
  const unknownGroup = await centre.post('/api/v1/career/programmes', {
    name: 'x', basic_area: '内科', rules: [{ kind: 'total_period', months: 108 }, { kind: 'group_months', group: 'none', months: 12 }],
  });
  assert.match(unknownGroup.json.error.fields['rules[1].group'], /医療機関群「none」がこのプログラムにありません/);
  // Nothing was half-written.
  const list = await centre.get('/api/v1/career/programmes');
  assert.equal(list.json.items.filter((p) => p.name === 'x').length, 0);
});

test('a doctor is registered bound to the current version, and their record read is audited', async () => {
  const bad = await centre.post('/api/v1/career/doctors', { name: '', kind: 'regional', university: '自治医科大学' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.name, /「氏名」を入力してください/);
  assert.match(bad.json.error.fields.kind, /地域枠（県の修学資金あり）/);
  assert.ok(bad.json.error.fields.graduation_year);

  const r = await centre.post('/api/v1/career/doctors', {
    name: '宇都宮 一郎', name_kana: 'うつのみや いちろう', kind: 'regional_prefecture_loan', university: '自治医科大学',
    graduation_year: startYear, licence_year: startYear, loan_months: 72, programme_id: programme.id, specialty_wish: '総合内科',
  });
  assert.equal(r.status, 201, r.text);
  doctor = r.json;
  assert.equal(doctor.programme_version, 1);
  assert.equal(doctor.obligation_start, `${startYear}-04`);
  assert.equal(doctor.status_label, '臨床研修');
  assert.equal(doctor.plan, null);
  assert.equal(doctor.status_history.length, 1);
  assert.equal(doctor.status_history[0].created_by, '吉田 修（栃木県地域医療支援センター）');

  await centre.get(`/api/v1/career/doctors/${doctor.id}`);
  const audit = await secretariat.get('/api/v1/audit?action=career_doctor_read');
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.json.items.some((e) => e.subject_id === doctor.id), 'the read is in the audit log');
});

test('a plan that breaks a rule is explained before saving, saves only as a draft, and cannot be approved', async () => {
  // Only 36 months in the shortage area, and a posting of 6 months.
  const plan = goodPlan();
  plan[1].end = d(startYear + 5, '03-31');
  plan.splice(2, 0, { kind: 'work', facility_name: '佐野厚生総合病院', start: d(startYear + 5, '04-01'), end: d(startYear + 5, '09-30') });
  plan[3].start = d(startYear + 5, '10-01');
  const check = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/check`, { assignments: plan });
  assert.equal(check.status, 200, check.text);
  assert.equal(check.json.valid, false);
  const messages = check.json.findings.filter((f) => f.severity === 'violation').map((f) => f.message);
  const deadline = `${startYear + 9}年3月`;
  // Months already served in the shortage area depend on today; the plan's total and the deadline do not.
  assert.ok(messages.some((m) => /^医師少数区域での勤務が48か月に対して\d+か月です（残り\d+か月、期限/.test(m) &&
    m.includes(`期限${deadline}）。計画では期限までに36か月で、12か月足りません。`)), messages.join('\n'));
  assert.ok(messages.some((m) => m === `佐野厚生総合病院での勤務が6か月です（${startYear + 5}年4月〜${startYear + 5}年9月、1医療機関12か月以上）。`), messages.join('\n'));
  // The check saved nothing.
  assert.equal((await centre.get(`/api/v1/career/doctors/${doctor.id}`)).json.plan, null);

  const saved = await centre.put(`/api/v1/career/doctors/${doctor.id}/plan`, { assignments: plan });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.plan.state, 'draft');
  assert.ok(saved.json.plan.violations >= 2);
  const refused = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'confirmation' });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.error.code, 'plan_has_violations');
});

test('the fixed plan is 案, goes to 本人確認, is approved, each a version with who and what', async () => {
  const saved = await centre.put(`/api/v1/career/doctors/${doctor.id}/plan`, { assignments: goodPlan() });
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.json.plan.state, 'proposed', JSON.stringify(saved.json.check.findings));
  assert.equal(saved.json.check.valid, true);
  const early = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'approved' });
  assert.equal(early.status, 409);
  assert.equal(early.json.error.code, 'wrong_state');
  assert.equal((await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'confirmation' })).status, 200);
  const approved = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'approved' });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.json.plan.state, 'approved');
  const record = (await centre.get(`/api/v1/career/doctors/${doctor.id}`)).json;
  assert.deepEqual(record.plan_versions.map((v) => v.state), ['approved', 'confirmation', 'proposed', 'draft']);
  assert.equal(record.plan_versions[0].change, '承認しました');
  assert.equal(record.plan_versions[0].created_by, '吉田 修（栃木県地域医療支援センター）');
  assert.equal(record.plan.assignments.length, 3);
  assert.equal(record.plan.assignments[1].area_code, SHORTAGE_AREA);
});

test('the ledger counts month by month; an interruption moves the deadline', async () => {
  const ledger = await centre.get(`/api/v1/career/doctors/${doctor.id}/ledger`);
  assert.equal(ledger.status, 200, ledger.text);
  const s = ledger.json.summary;
  assert.equal(s.required_months, 108);
  assert.equal(s.deadline, `${startYear + 9}-03`);
  assert.ok(s.served_months >= 24 && s.served_months <= 36, JSON.stringify(s));
  assert.equal(ledger.json.rules.find((r) => r.rule_id === 'shortage').state, 'on_track');
  const shortageMonths = ledger.json.months.filter((m) => m.in_period && m.shortage_area).length;
  assert.equal(shortageMonths, 48);
  assert.equal(ledger.json.months.find((m) => m.month === `${startYear}-04`).kind_label, '臨床研修');

  // A year of childcare leave recorded in the middle of the shortage-area posting.
  const plan = goodPlan();
  plan[1].end = d(startYear + 3, '03-31');
  plan.splice(2, 0,
    { kind: 'interruption', interruption_reason: 'childcare', start: d(startYear + 3, '04-01'), end: d(startYear + 4, '03-31') },
    { kind: 'work', facility_name: '那須南病院', area_code: SHORTAGE_AREA, start: d(startYear + 4, '04-01'), end: d(startYear + 7, '03-31') });
  plan[4].start = d(startYear + 7, '04-01');
  plan[4].end = d(startYear + 10, '03-31');
  const saved = await centre.put(`/api/v1/career/doctors/${doctor.id}/plan`, { assignments: plan });
  assert.equal(saved.json.plan.state, 'proposed', JSON.stringify(saved.json.check.findings));
  assert.equal(saved.json.check.summary.deadline, `${startYear + 10}-03`);
  assert.equal(saved.json.check.summary.extension_months, 12);
  const after = await centre.get(`/api/v1/career/doctors/${doctor.id}/ledger`);
  assert.equal(after.json.summary.deadline_label, `${startYear + 10}年3月`);
  const audit = await secretariat.get('/api/v1/audit?action=career_ledger_read');
  assert.ok(audit.json.items.some((e) => e.subject_id === doctor.id));
});

test('離脱 and 中断 need a reason, a date and consent; the history keeps them', async () => {
  const bad = await centre.post(`/api/v1/career/doctors/${doctor.id}/status`, { status: 'withdrawn', date: '2027-13-01' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.date, /日付/);
  assert.equal(bad.json.error.fields.reason, '離脱の理由を選んでください。');
  assert.equal(bad.json.error.fields.consent, 'センターの同意の有無を選んでください。');
  const ok = await centre.post(`/api/v1/career/doctors/${doctor.id}/status`, {
    status: 'interrupted', date: d(startYear + 3, '04-01'), reason: 'childcare', consent: true, follow_up: '半年ごとに面談',
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.status, 'interrupted');
  const latest = ok.json.status_history[0];
  assert.equal(latest.reason_label, '育児');
  assert.equal(latest.consent, true);
  assert.equal(latest.follow_up, '半年ごとに面談');
  const list = await centre.get('/api/v1/career/doctors?status=interrupted');
  assert.ok(list.json.items.some((x) => x.id === doctor.id));
  assert.ok(list.json.items.every((x) => x.status === 'interrupted'));
  const badFilter = await centre.get('/api/v1/career/doctors?status=sleeping');
  assert.equal(badFilter.status, 400);
  assert.ok(badFilter.json.error.fields.status);
});

test('editing a programme makes a new version; the doctor stays bound to theirs', async () => {
  const edited = await centre.put(`/api/v1/career/programmes/${programme.id}`, {
    rules: [...RULES.filter((x) => x.id !== 'shortage'), { id: 'shortage', kind: 'shortage_months', months: 60 }],
  });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.current_version, 2);
  assert.equal(edited.json.versions.length, 2);
  assert.equal(edited.json.rules.find((x) => x.id === 'shortage').months, 60);
  assert.equal(edited.json.doctors_by_version['1'], 1);
  const record = (await centre.get(`/api/v1/career/doctors/${doctor.id}`)).json;
  assert.equal(record.programme_version, 1);
  assert.equal(record.programme.rules.find((x) => x.id === 'shortage').months, 48);
  // The ledger still judges by version 1.
  const ledger = await centre.get(`/api/v1/career/doctors/${doctor.id}/ledger`);
  assert.equal(ledger.json.rules.find((x) => x.rule_id === 'shortage').required, 48);
});

test("the centre's queue: awaiting confirmation, rules at risk, nothing planned, certificates due by 30 April", async () => {
  // A second doctor with a plan that has a gap in the next months and breaks the shortage rule, sent to confirmation.
  const other = (await centre.post('/api/v1/career/doctors', {
    name: '小山 花子', kind: 'jichi', university: '自治医科大学', graduation_year: startYear, programme_id: programme.id,
  })).json;
  const late = [{ kind: 'work', facility_name: '那須南病院', area_code: SHORTAGE_AREA, start: d(thisYear + 1, '10-01'), end: d(thisYear + 2, '09-30') }];
  assert.equal((await centre.put(`/api/v1/career/doctors/${other.id}/plan`, { assignments: late })).json.plan.state, 'draft');
  const third = (await centre.post('/api/v1/career/doctors', {
    name: '足利 次郎', kind: 'voluntary', university: '獨協医科大学', graduation_year: startYear, programme_id: programme.id,
  })).json;
  // Bound to version 2 (60 months in shortage areas since the edit above).
  const sixty = goodPlan();
  sixty[1].end = d(startYear + 7, '03-31');
  sixty[2].start = d(startYear + 7, '04-01');
  assert.equal((await centre.put(`/api/v1/career/doctors/${third.id}/plan`, { assignments: sixty })).json.plan.state, 'proposed');
  assert.equal((await centre.post(`/api/v1/career/doctors/${third.id}/plan/state`, { state: 'confirmation' })).status, 200);

  const q = await centre.get('/api/v1/career/queue');
  assert.equal(q.status, 200, q.text);
  assert.ok(q.json.awaiting_confirmation.some((x) => x.id === third.id));
  assert.ok(!q.json.awaiting_confirmation.some((x) => x.id === other.id));
  assert.ok(q.json.no_assignment.some((x) => x.id === other.id));
  assert.ok(!q.json.no_assignment.some((x) => x.id === third.id));
  const risky = q.json.rules_at_risk.find((x) => x.id === other.id);
  assert.ok(risky && risky.rules.some((r) => r.message.startsWith('医師少数区域での勤務が60か月に対して')), JSON.stringify(risky));
  assert.match(q.json.certificates.due, /^\d{4}-04-30$/);
  assert.ok(q.json.certificates.doctors.some((x) => x.id === third.id));
  assert.deepEqual((await otherCentre.get('/api/v1/career/queue')).json.awaiting_confirmation, []);
});

test('the registry and the statistics download as CSV for Excel (Windows-31J, Japanese headers)', async () => {
  const res = await fetch(`${server.url}/api/v1/career/doctors.csv`, { headers: { cookie: [...centre.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /Shift_JIS/);
  const text = new TextDecoder('shift_jis').decode(await res.arrayBuffer());
  const lines = text.trim().split('\r\n');
  assert.equal(lines[0].split(',').slice(0, 4).join(','), '氏名,ふりがな,区分,出身大学');
  assert.ok(lines.some((l) => l.startsWith('宇都宮 一郎,うつのみや いちろう,地域枠（県の修学資金あり）,自治医科大学,')), lines.slice(0, 3).join('\n'));
  assert.equal(lines.length, 1 + 40 + 3);
  const audit = await secretariat.get('/api/v1/audit?action=career_registry_exported');
  assert.ok(audit.json.items.length >= 1);

  const stats = await centre.get('/api/v1/career/statistics');
  assert.equal(stats.status, 200, stats.text);
  assert.equal(stats.json.total, 43);
  const cohort = stats.json.by_cohort.find((r) => r.cohort === startYear);
  assert.ok(cohort.total >= 3);
  assert.equal(stats.json.by_kind.reduce((n, r) => n + r.total, 0), 43);
  assert.equal(stats.json.by_area.reduce((n, r) => n + r.count, 0), 43);
  const withdrawn = stats.json.by_cohort.find((r) => r.withdrawn > 0);
  assert.equal(withdrawn.withdrawal_rate, Math.round((1000 * withdrawn.withdrawn) / withdrawn.total) / 10);
  for (const table of ['area', 'cohort', 'kind']) {
    const r = await fetch(`${server.url}/api/v1/career/statistics.csv?table=${table}`, { headers: { cookie: [...centre.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.equal(r.status, 200);
    const first = new TextDecoder('shift_jis').decode(await r.arrayBuffer()).split('\r\n')[0];
    assert.ok(first.startsWith({ area: '診療科,二次医療圏,状況,人数', cohort: '卒業年,臨床研修,', kind: '区分,臨床研修,' }[table]), first);
  }
  const bad = await centre.get('/api/v1/career/statistics.csv?table=planets');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.table, /「表」は area/);
  assert.equal((await facility.get('/api/v1/career/statistics')).status, 403);
  assert.equal((await otherCentre.get('/api/v1/career/statistics')).json.total, 0);
});

test("interview records are the centre's own, each read audited", async () => {
  const bad = await centre.post(`/api/v1/career/doctors/${doctor.id}/interviews`, { held_on: '2027-02-30', kind: 'chat', body: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.held_on, /面談日/);
  assert.match(bad.json.error.fields.kind, /面談、メンタリング、電話/);
  assert.equal(bad.json.error.fields.body, '「記録」を入力してください。');
  const added = await centre.post(`/api/v1/career/doctors/${doctor.id}/interviews`, { held_on: d(startYear + 2, '05-10'), kind: 'mentoring', body: '専門研修の希望を確認。\n小児科も検討中。' });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.json.items[0].kind_label, 'メンタリング');
  assert.equal(added.json.items[0].body, '専門研修の希望を確認。\n小児科も検討中。');
  assert.equal(added.json.items[0].created_by, '吉田 修（栃木県地域医療支援センター）');
  assert.equal((await otherCentre.get(`/api/v1/career/doctors/${doctor.id}/interviews`)).status, 404);
  assert.equal((await facility.get(`/api/v1/career/doctors/${doctor.id}/interviews`)).status, 403);
  const audit = await secretariat.get('/api/v1/audit?action=career_interviews_read');
  assert.ok(audit.json.items.some((e) => e.subject_id === doctor.id));
});

test("another prefecture's centre gets 404, other roles 403", async () => {
  for (const [method, path, body] of [
    ['GET', `/api/v1/career/programmes/${programme.id}`],
    ['PUT', `/api/v1/career/programmes/${programme.id}`, { name: '乗っ取り' }],
    ['GET', `/api/v1/career/doctors/${doctor.id}`],
    ['GET', `/api/v1/career/doctors/${doctor.id}/ledger`],
    ['POST', `/api/v1/career/doctors/${doctor.id}/plan/check`, { assignments: [] }],
    ['PUT', `/api/v1/career/doctors/${doctor.id}/plan`, { assignments: [] }],
    ['POST', `/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'confirmation' }],
    ['POST', `/api/v1/career/doctors/${doctor.id}/status`, { status: 'obligation', date: '2027-04-01' }],
  ]) {
    const r = await otherCentre.request(method, path, body);
    assert.equal(r.status, 404, `${method} ${path}: ${r.status}`);
    const f = await facility.request(method, path, body);
    assert.equal(f.status, 403, `facility ${method} ${path}: ${f.status}`);
  }
  assert.deepEqual((await otherCentre.get('/api/v1/career/doctors')).json.items, []);
  assert.deepEqual((await otherCentre.get('/api/v1/career/programmes')).json.items, []);
  assert.equal((await new Client(server.url).get('/api/v1/career/doctors')).status, 401);
});

test('facilities the centre designates as equivalent count as a shortage area (group shortage_equivalent)', async () => {
  const p = (await centre.post('/api/v1/career/programmes', {
    name: '相当医療機関の確認', basic_area: '内科', rules: [{ kind: 'total_period', months: 24 }, { kind: 'shortage_months', months: 12 }],
    groups: [{ code: 'shortage_equivalent', name: '医師少数区域に相当する医療機関', members: ['宇都宮市立へき地診療所'] }],
  })).json;
  const doc = (await centre.post('/api/v1/career/doctors', { name: '相当 確認', kind: 'voluntary', university: '自治医科大学', graduation_year: thisYear + 1, programme_id: p.id })).json;
  const plan = (facility) => ({ assignments: [{ kind: 'work', facility_name: facility, area_code: '0903', start: d(thisYear + 1, '04-01'), end: d(thisYear + 3, '03-31') }] });
  const designated = await centre.post(`/api/v1/career/doctors/${doc.id}/plan/check`, plan('宇都宮市立へき地診療所'));
  assert.equal(designated.json.valid, true, JSON.stringify(designated.json.findings));
  const other = await centre.post(`/api/v1/career/doctors/${doc.id}/plan/check`, plan('済生会宇都宮病院'));
  assert.equal(other.json.valid, false);
  assert.ok(other.json.findings.some((f) => f.code === 'shortage_months'));
});

test('plan input errors name the assignment and the field', async () => {
  const r = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/check`, {
    assignments: [
      { kind: 'work', facility_name: '', start: '2027-04-01', end: '2027-03-31' },
      { kind: 'interruption', interruption_reason: 'holiday', start: '2027-02-30', end: '2027-05-01' },
      { kind: 'moonlighting', facility_name: 'A', start: '2027-04-01', end: '2027-05-01', area_code: '9999' },
    ],
  });
  assert.equal(r.status, 400);
  const f = r.json.error.fields;
  assert.match(f['assignments[0].facility_name'], /勤務計画1件目の医療機関/);
  assert.match(f['assignments[0].end'], /勤務計画1件目の終了日」が開始日より前です/);
  assert.match(f['assignments[1].interruption_reason'], /中断理由「holiday」はありません/);
  assert.match(f['assignments[1].start'], /YYYY-MM-DD/);
  assert.match(f['assignments[2].kind'], /種類「moonlighting」はありません/);
  assert.match(f['assignments[2].area_code'], /二次医療圏「9999」はありません/);
});
