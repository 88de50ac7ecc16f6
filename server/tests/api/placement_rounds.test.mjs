// Placement rounds (issue 14, 配属先選定): a centre opens a round, lists positions and caps, enters the doctors'
// ranks; a facility ranks the doctors who ranked it (and sees nothing else); the preview explains every doctor's
// result in Japanese with names, shows each area's fill against its cap and, after a cap changes, the difference;
// confirming appends the placement to each doctor's plan through the career centre's plan saving, mails the doctors
// (SMTP sink) and notifies the facility. Refusals: bad input 400 naming the field in Japanese, another prefecture's
// centre or facility 404, other roles 403, a stale preview 409.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, waitForMail, mailsTo } from './harness.mjs';

let server, db, centre, otherCentre, secretariat, hibari, iroha, tokyoFacility;
let programme, round, hibariOrg;
const doctors = {}; // D1..D4: { id, email }
const positions = {}; // P1..P3: id
const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const inDays = (n) => new Date(Date.now() + 9 * 3600e3 + n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  centre = new Client(server.url);
  await centre.login('career-09');
  const made = runCli(['user', 'add', '--db', db, '--login', 'career-13-round', '--password', 'Career2026pw', '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(made.status, 0, made.stderr);
  otherCentre = new Client(server.url);
  await otherCentre.login('career-13-round', 'Career2026pw');
  secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  hibari = new Client(server.url);
  await hibari.login('fac-tochigi-01');
  hibariOrg = (await hibari.get('/api/v1/me')).json.user.organisations[0].id;
  iroha = new Client(server.url);
  await iroha.login('fac-tochigi-02');
  tokyoFacility = new Client(server.url);
  await tokyoFacility.login('fac-tokyo-01');
  // A programme of its own, and four doctors on it (D3 without an e-mail address).
  const p = await centre.post('/api/v1/career/programmes', { name: `配属テスト${Date.now()}`, basic_area: '内科', rules: [{ kind: 'total_period', months: 12 }] });
  assert.equal(p.status, 201, p.text);
  programme = p.json;
  for (const [key, name, email] of [['D1', '配属 一郎', uniqueEmail('d1')], ['D2', '配属 二郎', uniqueEmail('d2')], ['D3', '配属 三郎', null], ['D4', '配属 四郎', uniqueEmail('d4')]]) {
    const d = await centre.post('/api/v1/career/doctors', {
      name, kind: 'jichi', university: '自治医科大学', graduation_year: thisYear - 5, programme_id: programme.id, status: 'obligation', ...(email ? { email } : {}),
    });
    assert.equal(d.status, 201, d.text);
    doctors[key] = { id: d.json.id, email, name };
  }
});
after(async () => { await server?.stop(); });

test('the demo has an open round with positions, caps and ranks; the facility that has not ranked sees it on its home', async () => {
  const list = await centre.get('/api/v1/placement/rounds');
  assert.equal(list.status, 200, list.text);
  const demo = list.json.items.find((r) => r.state === 'open');
  assert.ok(demo, list.text);
  assert.equal(demo.positions, 8);
  assert.ok(demo.doctors_ranked >= 15 && demo.doctors_ranked <= 20, `doctors ranked: ${demo.doctors_ranked}`);
  const detail = (await centre.get(`/api/v1/placement/rounds/${demo.id}`)).json;
  assert.deepEqual(detail.caps.map((c) => c.name).sort(), ['医師多数区域', '宇都宮'].sort());
  assert.deepEqual(detail.caps.find((c) => c.name === '医師多数区域').areas.map((a) => a.name), ['県南']);
  const hib = detail.positions.find((p) => p.facility_name === '宇都宮市ひばり記念病院');
  assert.equal(hib.area_name, '宇都宮');
  assert.equal(hib.facility_ranked, 0);
  assert.equal(detail.positions.find((p) => p.facility_name === '日光市いろは診療所').facility_ranked_by.kind, 'facility');
  assert.equal((await hibari.get('/api/v1/me/home')).json.counts.placement_rounds_to_rank, 1);
  assert.equal((await tokyoFacility.get('/api/v1/me/home')).json.counts.placement_rounds_to_rank, undefined);
  // A preview of the demo round explains itself with names.
  const preview = await centre.post(`/api/v1/placement/rounds/${demo.id}/previews`);
  assert.equal(preview.status, 201, preview.text);
  assert.ok(preview.json.placed > 0);
  const messages = preview.json.doctors.flatMap((d) => d.reasons.map((r) => r.message));
  assert.ok(messages.some((m) => m === '宇都宮市ひばり記念病院（内科）の順位表にありません'), messages.join('\n'));
  assert.ok(messages.every((m) => !/p(ps|rd)_/.test(m)), 'no ids in the messages');
});

test('a round with bad settings is refused naming each field in Japanese', async () => {
  const bad = await centre.post('/api/v1/placement/rounds', {
    mechanism: 'lottery', term_start: `${thisYear + 1}-04-01`, term_end: `${thisYear}-03-31`, doctor_deadline: '2027-02-30', programme_id: 'cpg_nowhere',
  });
  assert.equal(bad.status, 400, bad.text);
  const f = bad.json.error.fields;
  assert.equal(f.year, '「年度」を入力してください。');
  assert.match(f.mechanism, /「方式」は fda（FDA方式）、jrmp（JRMP方式）、da（DA方式）のいずれかです。/);
  assert.equal(f.term_end, '「配属期間の終了日」が開始日より前です。');
  assert.equal(f.doctor_deadline, '「医師の志望順位の締切日」は YYYY-MM-DD の形の日付で入力してください。');
  assert.equal(f.facility_deadline, '「医療機関の順位の締切日」を入力してください。');
  assert.equal(f.programme_id, '「プログラム」が見つかりません。');
  // Another prefecture's programme is not found either.
  const tokyoProgramme = await otherCentre.post('/api/v1/career/programmes', { name: '東京のプログラム', basic_area: '内科', rules: [{ kind: 'total_period', months: 12 }] });
  const foreign = await centre.post('/api/v1/placement/rounds', { year: thisYear + 1, programme_id: tokyoProgramme.json.id });
  assert.equal(foreign.json.error.fields.programme_id, '「プログラム」が見つかりません。');
  // Other roles: 403.
  assert.equal((await hibari.post('/api/v1/placement/rounds', { year: thisYear + 1 })).status, 403);
  assert.equal((await hibari.get('/api/v1/placement/rounds')).status, 403);

  const created = await centre.post('/api/v1/placement/rounds', {
    year: thisYear + 1, programme_id: programme.id, term_start: `${thisYear + 1}-04-01`, term_end: `${thisYear + 2}-03-31`,
    doctor_deadline: inDays(10), facility_deadline: inDays(20),
  });
  assert.equal(created.status, 201, created.text);
  round = created.json;
  assert.equal(round.state, 'open');
  assert.equal(round.mechanism, 'fda');
  assert.equal(round.title, `${thisYear + 1}年度 配属先選定（${programme.name}）`);
  assert.equal(round.eligible_doctors, 4, 'only the programme\'s doctors take part');
});

test('positions and caps: every problem named in Japanese; targets must fit under the caps', async () => {
  const base = `/api/v1/placement/rounds/${round.id}`;
  const bad = await centre.put(`${base}/positions`, {
    positions: [
      { facility_name: '県南中央病院', area_code: '0905', target: 1 },
      { facility_name: '県北みどり病院', area_code: '9999', capacity: 1, target: 2 },
      { facility_id: (await tokyoFacility.get('/api/v1/me')).json.user.organisations[0].id, capacity: 1 },
      { capacity: 2 },
    ],
  });
  assert.equal(bad.status, 400, bad.text);
  const f = bad.json.error.fields;
  assert.equal(f['positions[0].capacity'], '「ポジション1件目の定員」を入力してください。');
  assert.equal(f['positions[1].area_code'], '「ポジション2件目の二次医療圏」（9999）はありません。');
  assert.equal(f['positions[1].target'], '「ポジション2件目の目標定員」（2人）が定員（1人）を超えています。');
  assert.equal(f['positions[2].facility_id'], '「ポジション3件目の医療機関」がこの県のかけはしの医療機関にありません。');
  assert.match(f['positions[3].facility_name'], /^「ポジション4件目の医療機関名」を入力してください/);

  const saved = await centre.put(`${base}/positions`, {
    positions: [
      { facility_id: hibariOrg, capacity: 1, target: 1 },
      { facility_name: '県南中央病院', area_code: '0905', capacity: 2, target: 0 },
      { facility_name: '県北みどり病院', area_code: '0901', capacity: 2, target: 1 },
    ],
  });
  assert.equal(saved.status, 200, saved.text);
  [positions.P1, positions.P2, positions.P3] = saved.json.positions.map((p) => p.id);
  assert.equal(saved.json.positions[0].name, '宇都宮市ひばり記念病院');
  assert.equal(saved.json.positions[0].area_name, '宇都宮', 'a facility on the platform brings its area');

  const badCaps = await centre.put(`${base}/caps`, {
    caps: [
      { designation: '医師多数区域', area_codes: ['0905'], cap: 1 },
      { area_codes: ['0903', '1301'], cap: 1 },
      { designation: '医師過剰区域', cap: 1 },
      { area_codes: ['0901'] },
    ],
  });
  assert.equal(badCaps.status, 400, badCaps.text);
  const c = badCaps.json.error.fields;
  assert.equal(c['caps[0].area_codes'], '「上限1件目」は二次医療圏か区域の指定のどちらか一方で指定してください。');
  assert.match(c['caps[1].area_codes'], /^「上限2件目の二次医療圏」の.+はこの県の二次医療圏ではありません。$/);
  assert.equal(c['caps[2].designation'], '「上限3件目の区域の指定」は 医師少数区域、中間、医師多数区域 のいずれかです。');
  assert.equal(c['caps[3].cap'], '「上限4件目の上限」を入力してください。');
  const twice = await centre.put(`${base}/caps`, { caps: [{ designation: '医師多数区域', cap: 1 }, { area_codes: ['0905'], cap: 3 }] });
  assert.equal(twice.json.error.fields['caps[1].area_codes'], '二次医療圏「県南」は上限1件目にも含まれています。1つの二次医療圏は1つの上限にだけ入れられます。');
  const below = await centre.put(`${base}/caps`, { caps: [{ name: '県北', area_codes: ['0901'], cap: 0 }] });
  assert.equal(below.json.error.fields['caps[0].cap'], '「県北」の上限（0人）が、その区域のポジションの目標定員の合計（1人）を下回っています。上限を上げるか目標定員を減らしてください。');

  const caps = await centre.put(`${base}/caps`, { caps: [{ designation: '医師多数区域', cap: 1 }] });
  assert.equal(caps.status, 200, caps.text);
  assert.equal(caps.json.caps[0].name, '医師多数区域');
  assert.deepEqual(caps.json.caps[0].areas.map((a) => a.name), ['県南']);
  round = caps.json;
});

test('doctor ranks are entered by the centre from an interview; bad lists are named; outside the scope is 404', async () => {
  const base = `/api/v1/placement/rounds/${round.id}`;
  const bad = await centre.put(`${base}/doctors/${doctors.D1.id}/ranks`, { position_ids: [positions.P1, 'pps_nowhere', positions.P1], interview_on: '2027-13-01' });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.json.error.fields['position_ids[1]'], '「第2志望」のポジションがこの選定にありません。');
  assert.equal(bad.json.error.fields['position_ids[2]'], '「第3志望」が「第1志望」と同じです。');
  assert.equal(bad.json.error.fields.interview_on, '「面談日」は YYYY-MM-DD の形の日付で入力してください。');
  // A doctor of the prefecture on another programme does not take part.
  const other = (await centre.get('/api/v1/career/doctors?status=obligation')).json.items.find((d) => d.programme_id !== programme.id);
  const notInRound = await centre.put(`${base}/doctors/${other.id}/ranks`, { position_ids: [positions.P1] });
  assert.equal(notInRound.json.error.fields.doctor_id, 'この医師はこの選定の対象プログラムに属していません。');

  const lists = { D1: ['P1', 'P2'], D2: ['P1', 'P2'], D3: ['P2', 'P3'], D4: ['P2', 'P1', 'P3'] };
  for (const [d, list] of Object.entries(lists)) {
    const r = await centre.put(`${base}/doctors/${doctors[d].id}/ranks`, { position_ids: list.map((p) => positions[p]), interview_on: inDays(-3) });
    assert.equal(r.status, 200, r.text);
  }
  const ranks = (await centre.get(`${base}/ranks`)).json;
  const d4 = ranks.doctors.find((d) => d.id === doctors.D4.id);
  assert.deepEqual(d4.ranks.map((x) => x.name), ['県南中央病院', '宇都宮市ひばり記念病院', '県北みどり病院']);
  assert.equal(d4.entered.kind, 'centre_interview');
  assert.equal(d4.entered.kind_label, 'センターが面談で聴取して入力');
  // The reads of the lists are audited.
  const audit = await secretariat.get('/api/v1/audit?action=placement_ranks_read');
  assert.ok(audit.json.items.some((e) => e.subject_id === round.id));

  // Another prefecture's centre: the round, its lists and its doctors are not found; its list does not show it.
  for (const [method, path, body] of [['get', base], ['get', `${base}/ranks`], ['put', `${base}/positions`, { positions: [] }],
    ['put', `${base}/caps`, { caps: [] }], ['put', `${base}/doctors/${doctors.D1.id}/ranks`, { position_ids: [] }],
    ['post', `${base}/previews`], ['post', `${base}/confirm`, { preview_id: 'x' }], ['put', `${base}/minutes`, { minutes: 'x' }]]) {
    const r = await otherCentre[method](path, body);
    assert.equal(r.status, 404, `${method} ${path}: ${r.status} ${r.text}`);
  }
  assert.ok(!(await otherCentre.get('/api/v1/placement/rounds')).json.items.some((r) => r.id === round.id));
  // A doctor of another prefecture on the centre's own round: 404 too.
  const tokyoDoctor = await otherCentre.post('/api/v1/career/doctors', { name: '東京 医師', kind: 'jichi', university: '東京大学', graduation_year: thisYear - 3 });
  assert.equal((await centre.put(`${base}/doctors/${tokyoDoctor.json.id}/ranks`, { position_ids: [] })).status, 404);
});

test('a facility sees only the doctors who ranked its position and only its own ranks', async () => {
  const list = await hibari.get('/api/v1/placement/facility/rounds');
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.items.some((r) => r.id === round.id));
  const page = await hibari.get(`/api/v1/placement/facility/rounds/${round.id}`);
  assert.equal(page.status, 200, page.text);
  assert.equal(page.json.positions.length, 1, 'only its own position');
  const applicants = page.json.positions[0].applicants.map((a) => a.name).sort();
  assert.deepEqual(applicants, ['配属 一郎', '配属 二郎', '配属 四郎'].sort(), 'D3 did not rank it');
  assert.ok(!page.text.includes('県南中央病院') && !page.text.includes('県北みどり病院'), 'no other position');
  assert.ok(!page.text.includes(doctors.D3.id) && !page.text.includes('配属 三郎'));
  assert.ok(!page.text.includes('@'), 'no e-mail addresses');
  // Other facilities, other prefectures: not found. The centre's routes: forbidden.
  assert.equal((await iroha.get(`/api/v1/placement/facility/rounds/${round.id}`)).status, 404);
  assert.equal((await tokyoFacility.get(`/api/v1/placement/facility/rounds/${round.id}`)).status, 404);
  assert.equal((await iroha.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P1}/ranks`, { doctor_ids: [] })).status, 404);
  assert.equal((await hibari.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P2}/ranks`, { doctor_ids: [] })).status, 404);
  assert.equal((await hibari.get(`/api/v1/placement/rounds/${round.id}`)).status, 403);
  assert.equal((await hibari.get(`/api/v1/placement/rounds/${round.id}/ranks`)).status, 403);
  assert.equal((await centre.get(`/api/v1/placement/facility/rounds/${round.id}`)).status, 403);
  // Only applicants can be ranked.
  const bad = await hibari.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P1}/ranks`, { doctor_ids: [doctors.D2.id, doctors.D3.id] });
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.json.error.fields['doctor_ids[1]'], '「2位」の医師はこのポジションを志望していません。志望した医師だけを順位づけできます。');
  // Ranks D2 above D1, leaves D4 out.
  const saved = await hibari.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P1}/ranks`, { doctor_ids: [doctors.D2.id, doctors.D1.id] });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.json.positions[0].applicants.map((a) => [a.name, a.rank]), [['配属 二郎', 1], ['配属 一郎', 2], ['配属 四郎', null]]);
  assert.equal(saved.json.positions[0].entered.kind, 'facility');
  // The centre ranks for the hospitals without an account.
  const base = `/api/v1/placement/rounds/${round.id}`;
  assert.equal((await centre.put(`${base}/positions/${positions.P2}/ranks`, { doctor_ids: [doctors.D3.id, doctors.D1.id, doctors.D2.id, doctors.D4.id] })).status, 200);
  assert.equal((await centre.put(`${base}/positions/${positions.P3}/ranks`, { doctor_ids: [doctors.D4.id, doctors.D3.id] })).status, 200);
  // A doctor who drops a position drops out of that facility's list (D1 drops 県南中央病院, then ranks it again).
  await centre.put(`${base}/doctors/${doctors.D1.id}/ranks`, { position_ids: [positions.P1] });
  let ranks = (await centre.get(`${base}/ranks`)).json.positions.find((p) => p.id === positions.P2).ranks.map((r) => r.name);
  assert.deepEqual(ranks, ['配属 三郎', '配属 二郎', '配属 四郎']);
  await centre.put(`${base}/doctors/${doctors.D1.id}/ranks`, { position_ids: [positions.P1, positions.P2] });
  await centre.put(`${base}/positions/${positions.P2}/ranks`, { doctor_ids: [doctors.D3.id, doctors.D1.id, doctors.D2.id, doctors.D4.id] });
  ranks = (await centre.get(`${base}/ranks`)).json.positions.find((p) => p.id === positions.P2).ranks.map((r) => r.name);
  assert.deepEqual(ranks, ['配属 三郎', '配属 一郎', '配属 二郎', '配属 四郎']);
});

let firstPreview, secondPreview;

test('the preview explains every doctor\'s result with names, and shows each area\'s fill against its cap', async () => {
  const r = await centre.post(`/api/v1/placement/rounds/${round.id}/previews`);
  assert.equal(r.status, 201, r.text);
  firstPreview = r.json;
  assert.equal(firstPreview.seq, 1);
  assert.equal(firstPreview.diff, null);
  assert.equal(firstPreview.current, true);
  assert.deepEqual(firstPreview.audit, { stable: true, caps_respected: true });
  const by = Object.fromEntries(firstPreview.doctors.map((d) => [d.name, d]));
  assert.equal(by['配属 一郎'].assigned, null);
  assert.deepEqual(by['配属 一郎'].reasons.map((x) => x.message), [
    '宇都宮市ひばり記念病院は定員に達し、あなたより上位の医師で埋まりました',
    '医師多数区域の上限に達しました',
  ]);
  assert.deepEqual(by['配属 一郎'].reasons.map((x) => x.reason), ['filled', 'region_cap']);
  assert.equal(by['配属 二郎'].assigned.name, '宇都宮市ひばり記念病院');
  assert.equal(by['配属 二郎'].choice, 1);
  assert.deepEqual(by['配属 二郎'].reasons, []);
  assert.equal(by['配属 三郎'].assigned.name, '県南中央病院');
  assert.equal(by['配属 四郎'].assigned.name, '県北みどり病院');
  assert.equal(by['配属 四郎'].choice, 3);
  assert.deepEqual(by['配属 四郎'].reasons.map((x) => x.message), ['医師多数区域の上限に達しました', '宇都宮市ひばり記念病院の順位表にありません']);
  assert.deepEqual(firstPreview.unmatched.map((d) => d.name), ['配属 一郎']);
  assert.deepEqual(firstPreview.unfilled.map((p) => [p.name, p.seats]), [['県南中央病院', 1], ['県北みどり病院', 1]]);
  const cap = firstPreview.caps.find((c) => c.name === '医師多数区域');
  assert.deepEqual([cap.cap, cap.filled, cap.at_cap], [1, 1, true]);
  const area = firstPreview.areas.find((a) => a.name === '県南');
  assert.deepEqual([area.capacity, area.filled, area.cap_name, area.designation], [2, 1, '医師多数区域', '医師多数区域']);
  assert.equal(firstPreview.placed, 3);
  const latest = await centre.get(`/api/v1/placement/rounds/${round.id}/previews/latest`);
  assert.equal(latest.json.preview.id, firstPreview.id);
});

test('what-if: after raising a cap the next preview tells what changed and who moved', async () => {
  const base = `/api/v1/placement/rounds/${round.id}`;
  const caps = (await centre.get(base)).json.caps;
  const raised = await centre.put(`${base}/caps`, { caps: [{ id: caps[0].id, designation: '医師多数区域', cap: 2 }] });
  assert.equal(raised.status, 200, raised.text);
  assert.equal(raised.json.latest_preview.current, false, 'the first preview is no longer current');
  const r = await centre.post(`${base}/previews`);
  assert.equal(r.status, 201, r.text);
  secondPreview = r.json;
  assert.equal(secondPreview.seq, 2);
  const diff = secondPreview.diff;
  assert.equal(diff.previous_seq, 1);
  assert.deepEqual(diff.changes, ['「医師多数区域」の上限：1人 → 2人']);
  assert.deepEqual(diff.moved, [{ doctor_id: doctors.D1.id, name: '配属 一郎', from: null, to: '県南中央病院' }]);
  assert.deepEqual([diff.placed_from, diff.placed_to], [3, 4]);
  assert.deepEqual(diff.fill.map((x) => [x.kind, x.name, x.from, x.to]).sort(), [['area', '県南', 1, 2], ['cap', '医師多数区域', 1, 2]].sort());
  const d4 = secondPreview.doctors.find((d) => d.name === '配属 四郎');
  assert.equal(d4.reasons[0].message, '県南中央病院は定員に達し、あなたより上位の医師で埋まりました');
});

test('confirming needs the newest preview of the round as it is; bad minutes are named', async () => {
  const base = `/api/v1/placement/rounds/${round.id}`;
  const old = await centre.post(`${base}/confirm`, { preview_id: firstPreview.id });
  assert.equal(old.status, 409, old.text);
  assert.equal(old.json.error.code, 'preview_outdated');
  const badMinutes = await centre.post(`${base}/confirm`, { preview_id: secondPreview.id, meeting_on: '昨日' });
  assert.equal(badMinutes.json.error.fields.meeting_on, '「会議の日付」は YYYY-MM-DD の形の日付で入力してください。');
  // A change after the preview: preview again.
  await centre.put(`${base}/positions/${positions.P3}/ranks`, { doctor_ids: [doctors.D4.id, doctors.D3.id] });
  const changed = await centre.post(`${base}/confirm`, { preview_id: secondPreview.id });
  assert.equal(changed.status, 409);
  assert.match(changed.json.error.message, /もう一度プレビュー/);
});

test('confirming appends each placement to the doctor\'s plan, mails the doctors and notifies the facility', async () => {
  const base = `/api/v1/placement/rounds/${round.id}`;
  const preview = (await centre.post(`${base}/previews`)).json;
  // The list was saved again unchanged: nothing changed and nobody moved.
  assert.deepEqual([preview.diff.changes, preview.diff.moved], [[], []]);
  const confirmed = await centre.post(`${base}/confirm`, { preview_id: preview.id, meeting_on: inDays(0), minutes: '配属調整会議。医師多数区域の上限を2人として確定。' });
  assert.equal(confirmed.status, 200, confirmed.text);
  const c = confirmed.json;
  assert.equal(c.state, 'confirmed');
  assert.equal(c.minutes, '配属調整会議。医師多数区域の上限を2人として確定。');
  assert.equal(c.result.placed.length, 4);
  assert.deepEqual(c.result.unmatched, []);
  assert.deepEqual(c.result.unfilled.map((u) => u.name), ['県北みどり病院']);
  assert.deepEqual(c.result.facilities_notified, ['宇都宮市ひばり記念病院']);
  assert.deepEqual(c.result.facilities_without_account.sort(), ['県北みどり病院', '県南中央病院'].sort());
  for (const row of c.result.placed) {
    assert.ok(row.plan, `${row.name}: ${row.plan_message}`);
    assert.ok(['proposed', 'draft'].includes(row.plan.state));
  }
  assert.equal(c.result.placed.find((p) => p.name === '配属 三郎').mailed, false, 'no address in the registry');
  // The plan entry, saved through the career centre's plan saving (a new plan version, rules checked).
  const record = (await centre.get(`/api/v1/career/doctors/${doctors.D1.id}`)).json;
  const entry = record.plan.assignments.at(-1);
  assert.deepEqual([entry.kind, entry.facility_name, entry.area_code, entry.start, entry.end], ['work', '県南中央病院', '0905', `${thisYear + 1}-04-01`, `${thisYear + 2}-03-31`]);
  assert.equal(record.plan_versions[0].change.includes('保存'), true);
  // Mails through the outbox to the SMTP sink.
  const mail = await waitForMail(doctors.D1.email, '配属先選定の結果');
  assert.match(mail.body, /配属先：県南中央病院/);
  assert.match(mail.body, /栃木県地域医療支援センター/);
  assert.match((await waitForMail(doctors.D2.email, '配属先選定の結果')).body, /配属先：宇都宮市ひばり記念病院/);
  assert.equal(mailsTo(doctors.D2.email).length, 1);
  // The facility's users: an in-app notice, and the doctors it receives on its page.
  const notices = (await hibari.get('/api/v1/notifications')).json.items;
  const notice = notices.find((n) => n.link === `/placement/rounds/${round.id}`);
  assert.ok(notice, JSON.stringify(notices.slice(0, 3)));
  assert.match(notice.body, /1名の配属が決まりました/);
  const page = (await hibari.get(`/api/v1/placement/facility/rounds/${round.id}`)).json;
  assert.deepEqual(page.positions[0].placed.map((d) => d.name), ['配属 二郎']);
  // Read-only now, but the minutes stay editable.
  assert.equal((await centre.put(`${base}/positions`, { positions: [] })).json.error.code, 'round_confirmed');
  assert.equal((await hibari.put(`/api/v1/placement/facility/rounds/${round.id}/positions/${positions.P1}/ranks`, { doctor_ids: [] })).status, 409);
  assert.equal((await centre.post(`${base}/previews`)).status, 409);
  const minutes = await centre.put(`${base}/minutes`, { meeting_on: inDays(0), minutes: '追記：県北みどり病院の欠員は二次募集で対応。' });
  assert.equal(minutes.status, 200, minutes.text);
  assert.equal(minutes.json.minutes, '追記：県北みどり病院の欠員は二次募集で対応。');
  const audit = await secretariat.get('/api/v1/audit?action=placement_round_confirmed');
  assert.ok(audit.json.items.some((e) => e.subject_id === round.id));
});
