// The doctor's own account at the career centre (issue 13): the centre invites a registry doctor by the address in
// the registry (a real mail with a one-time link); the doctor accepts by making a seeker account (or linking the one
// they have), reads their plan, ledger and deadlines, confirms the plan in 本人確認 and asks for a change; the
// centre approves only after the doctor's confirmation and handles the request. A doctor sees only themselves
// (another doctor's id is 404) and never the interview records. Also the ledger as CSV for Excel and the registry
// imported from CSV (all rows or none, an export re-imports).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, waitForMail, tokenFrom, uniqueEmail } from './harness.mjs';

let server, centre, otherCentre, facility, secretariat;
let programme, doctor, doctorEmail, doctorClient, demoDoctorId;
const PASSWORD = 'Doctor2026pwA';

const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const startYear = thisYear - 2;

function goodPlan(area) {
  return [
    { kind: 'clinical_training', facility_name: '自治医科大学附属病院', start: `${startYear}-04-01`, end: `${startYear + 2}-03-31`, actual: true },
    { kind: 'work', facility_name: '那須南病院', area_code: area, start: `${startYear + 2}-04-01`, end: `${startYear + 6}-03-31` },
    { kind: 'specialist_training', facility_name: '自治医科大学附属病院', start: `${startYear + 6}-04-01`, end: `${startYear + 9}-03-31` },
  ];
}

/** Registers a doctor of career-09 with an address and a plan in 本人確認. */
async function doctorAwaitingConfirmation(name, email) {
  const d = await centre.post('/api/v1/career/doctors', {
    name, kind: 'regional_prefecture_loan', university: '自治医科大学', graduation_year: startYear, loan_months: 72,
    programme_id: programme.id, status: 'specialist_training', obligation_start: `${startYear}-04`, email,
  });
  assert.equal(d.status, 201, d.text);
  const saved = await centre.put(`/api/v1/career/doctors/${d.json.id}/plan`, { assignments: goodPlan(SHORTAGE_AREA) });
  assert.equal(saved.json.plan.state, 'proposed', saved.text);
  assert.equal((await centre.post(`/api/v1/career/doctors/${d.json.id}/plan/state`, { state: 'confirmation' })).status, 200);
  return d.json;
}

async function csv(client, path) {
  const res = await fetch(server.url + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), text: new TextDecoder('shift_jis').decode(bytes), bytes };
}

let SHORTAGE_AREA;

before(async () => {
  server = await startServer({ db: freshDatabase() });
  centre = new Client(server.url);
  await centre.login('career-09');
  const r = runCli(['user', 'add', '--db', server.db, '--login', 'career-13-doc', '--password', 'Career2026pw', '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(r.status, 0, r.stderr);
  otherCentre = new Client(server.url);
  await otherCentre.login('career-13-doc', 'Career2026pw');
  facility = new Client(server.url);
  await facility.login('fac-tokyo-01');
  secretariat = new Client(server.url);
  await secretariat.login('jimukyoku');
  const areas = await centre.get('/api/v1/reference/areas?prefecture=09');
  SHORTAGE_AREA = areas.json.items.find((a) => a.designation?.designation === '医師少数区域')?.code;
  assert.ok(SHORTAGE_AREA);
  programme = (await centre.post('/api/v1/career/programmes', {
    name: '本人連携の確認プログラム', basic_area: '内科',
    rules: [{ kind: 'total_period', months: 108, loan_factor: 1.5 }, { kind: 'shortage_months', months: 48 }],
  })).json;
  assert.ok(programme.id);
});
after(async () => { await server?.stop(); });

test('the demo doctor logs in and sees their plan awaiting confirmation, the ledger and deadlines', async () => {
  const demo = new Client(server.url);
  await demo.login('ishi-09@example.jp');
  const list = await demo.get('/api/v1/me/career');
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.items.length, 1);
  assert.equal(list.json.items[0].plan.state, 'confirmation');
  demoDoctorId = list.json.items[0].id;
  const mine = await demo.get(`/api/v1/me/career/${demoDoctorId}`);
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.name, '斎藤 拓也');
  assert.ok(mine.json.plan.assignments.length >= 4);
  assert.ok(mine.json.ledger.rules.every((r) => r.state_label && r.message && r.description), 'each rule explained in Japanese');
  assert.ok(mine.json.ledger.months.length > 100);
  assert.ok(mine.json.deadlines.some((d) => d.kind === 'confirmation'));
  assert.ok(mine.json.deadlines.some((d) => d.kind === 'obligation_end' && /年\d+月$/.test(d.date_label)));
  assert.ok(mine.json.deadlines.some((d) => d.kind === 'certificate' && /4月30日/.test(d.date_label)), JSON.stringify(mine.json.deadlines));
  // The centre's side: the demo doctor is linked.
  const record = await centre.get(`/api/v1/career/doctors/${demoDoctorId}`);
  assert.equal(record.json.account.linked, true);
});

test('the centre invites by the registry address; a doctor without one cannot be invited', async () => {
  const noMail = await centre.post('/api/v1/career/doctors', {
    name: '連絡 なし', kind: 'jichi', university: '自治医科大学', graduation_year: startYear, programme_id: programme.id,
  });
  const refused = await centre.post(`/api/v1/career/doctors/${noMail.json.id}/invitation`);
  assert.equal(refused.status, 400);
  assert.match(refused.json.error.fields.email, /メールアドレス/);

  doctorEmail = uniqueEmail('career-doctor');
  doctor = await doctorAwaitingConfirmation('招待 太郎', doctorEmail);
  const invited = await centre.post(`/api/v1/career/doctors/${doctor.id}/invitation`);
  assert.equal(invited.status, 201, invited.text);
  assert.equal(invited.json.account.linked, false);
  assert.equal(invited.json.account.invitation.state, 'open');
  assert.equal(invited.json.account.invitation.email, doctorEmail);
  // Another prefecture's centre and other roles cannot.
  assert.equal((await otherCentre.post(`/api/v1/career/doctors/${doctor.id}/invitation`)).status, 404);
  assert.equal((await facility.post(`/api/v1/career/doctors/${doctor.id}/invitation`)).status, 403);
});

test('the doctor opens the mailed link, makes an account and is linked; the link works once', async () => {
  const mail = await waitForMail(doctorEmail, 'キャリアプラン');
  assert.match(mail.body, /招待 太郎 様/);
  assert.match(mail.body, /http:\/\/kakehashi\.test\/career\/invitation\?token=/);
  const token = tokenFrom(mail.body);
  const anonymous = new Client(server.url);
  const preview = await anonymous.post('/api/v1/career/invitation/preview', { token });
  assert.equal(preview.status, 200, preview.text);
  assert.equal(preview.json.doctor_name, '招待 太郎');
  assert.equal(preview.json.email, doctorEmail);
  assert.equal(preview.json.prefecture_name, '栃木県');
  assert.equal((await anonymous.post('/api/v1/career/invitation/preview', { token: 'nonsense' })).json.error.code, 'invalid_token');

  const weak = await anonymous.post('/api/v1/career/invitation/accept', { token, password: 'short' });
  assert.equal(weak.status, 400);
  assert.ok(weak.json.error.fields.password);
  const missing = await anonymous.post('/api/v1/career/invitation/accept', { token });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.fields.password, '「パスワード」を入力してください。');
  // A staff session cannot accept.
  assert.equal((await facility.post('/api/v1/career/invitation/accept', { token })).status, 403);

  const accepted = await anonymous.post('/api/v1/career/invitation/accept', { token, password: PASSWORD });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.json.account_created, true);
  assert.equal(accepted.json.login, doctorEmail);
  assert.equal(accepted.json.doctor_id, doctor.id);
  const again = await anonymous.post('/api/v1/career/invitation/accept', { token, password: PASSWORD });
  assert.equal(again.status, 400);
  assert.equal(again.json.error.code, 'invalid_token');

  doctorClient = new Client(server.url);
  await doctorClient.login(doctorEmail, PASSWORD);
  const me = await doctorClient.get('/api/v1/me');
  assert.equal(me.json.user.role, 'seeker');
  assert.equal(me.json.user.display_name, '招待 太郎');
  const record = await centre.get(`/api/v1/career/doctors/${doctor.id}`);
  assert.equal(record.json.account.linked, true);
  assert.equal(record.json.account.invitation.state, 'used');
  assert.equal((await centre.post(`/api/v1/career/doctors/${doctor.id}/invitation`)).json.error.code, 'already_linked');
  const audit = await secretariat.get('/api/v1/audit?action=career_doctor_linked');
  assert.ok(audit.json.items.some((e) => e.subject_id === doctor.id), audit.text.slice(0, 300));
});

test('a doctor sees only themselves, read-only, never the interview records', async () => {
  const list = await doctorClient.get('/api/v1/me/career');
  assert.deepEqual(list.json.items.map((i) => i.id), [doctor.id]);
  assert.equal((await doctorClient.post(`/api/v1/career/doctors/${doctor.id}/interviews`, { held_on: `${thisYear}-01-10`, body: 'x' })).status, 403);
  assert.equal((await centre.post(`/api/v1/career/doctors/${doctor.id}/interviews`,
    { held_on: `${thisYear}-01-10`, body: '面談の内部メモ：本人には見せない' })).status, 201);
  const mine = await doctorClient.get(`/api/v1/me/career/${doctor.id}`);
  assert.equal(mine.status, 200, mine.text);
  assert.ok(!mine.text.includes('面談の内部メモ'), 'interview records are never shown to the doctor');
  assert.equal(mine.json.plan.state, 'confirmation');
  assert.deepEqual(mine.json.plan.assignments.map((a) => a.facility_name), ['自治医科大学附属病院', '那須南病院', '自治医科大学附属病院']);
  assert.ok(mine.json.ledger.rules.some((r) => r.label === '医師少数区域等での勤務' || /医師少数区域/.test(r.description)));
  // Another doctor's id, the centre's routes, the interview records: 404 or 403.
  assert.equal((await doctorClient.get(`/api/v1/me/career/${demoDoctorId}`)).status, 404);
  assert.equal((await doctorClient.post(`/api/v1/me/career/${demoDoctorId}/confirm`, { version: 1 })).status, 404);
  assert.equal((await doctorClient.post(`/api/v1/me/career/${demoDoctorId}/change-requests`, { body: '他人' })).status, 404);
  assert.equal((await doctorClient.get(`/api/v1/career/doctors/${doctor.id}`)).status, 403);
  assert.equal((await doctorClient.get(`/api/v1/career/doctors/${doctor.id}/interviews`)).status, 403);
  assert.equal((await doctorClient.get('/api/v1/me/career/nonexistent')).status, 404);
  // Other roles have no own record.
  assert.equal((await centre.get('/api/v1/me/career')).status, 403);
  assert.equal((await facility.get(`/api/v1/me/career/${doctor.id}`)).status, 403);
  const stranger = new Client(server.url);
  await stranger.login('seeker@example.jp');
  assert.deepEqual((await stranger.get('/api/v1/me/career')).json.items, []);
  assert.equal((await stranger.get(`/api/v1/me/career/${doctor.id}`)).status, 404);
});

test('the centre approves only after the doctor confirmed the version they read', async () => {
  const early = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'approved' });
  assert.equal(early.status, 409);
  assert.equal(early.json.error.code, 'awaiting_doctor');
  const mine = (await doctorClient.get(`/api/v1/me/career/${doctor.id}`)).json;
  const stale = await doctorClient.post(`/api/v1/me/career/${doctor.id}/confirm`, { version: mine.plan.version - 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.code, 'plan_changed');
  assert.equal((await doctorClient.post(`/api/v1/me/career/${doctor.id}/confirm`, {})).json.error.fields.version, '「計画の版」を入力してください。');
  const confirmed = await doctorClient.post(`/api/v1/me/career/${doctor.id}/confirm`, { version: mine.plan.version });
  assert.equal(confirmed.status, 200, confirmed.text);
  assert.equal(confirmed.json.plan.state, 'confirmed');
  assert.equal((await doctorClient.post(`/api/v1/me/career/${doctor.id}/confirm`, { version: confirmed.json.plan.version })).json.error.code, 'wrong_state');
  const queue = (await centre.get('/api/v1/career/queue')).json;
  assert.ok(queue.confirmed_by_doctor.some((d) => d.id === doctor.id));
  assert.ok(!queue.awaiting_confirmation.some((d) => d.id === doctor.id));
  const approved = await centre.post(`/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'approved' });
  assert.equal(approved.status, 200, approved.text);
  const record = (await centre.get(`/api/v1/career/doctors/${doctor.id}`)).json;
  assert.deepEqual(record.plan_versions.slice(0, 3).map((v) => v.state), ['approved', 'confirmed', 'confirmation']);
  assert.equal(record.plan_versions[1].change, '本人が確認しました');
  assert.equal(record.plan_versions[1].created_by, '招待 太郎（本人）');
  assert.equal((await doctorClient.get(`/api/v1/me/career/${doctor.id}`)).json.plan.state_label, '承認済み');
});

test('the doctor asks for a change; the centre sees it in its queue and on the record, and answers', async () => {
  const empty = await doctorClient.post(`/api/v1/me/career/${doctor.id}/change-requests`, { body: '' });
  assert.equal(empty.status, 400);
  assert.equal(empty.json.error.fields.body, '「依頼の内容」を入力してください。');
  const asked = await doctorClient.post(`/api/v1/me/career/${doctor.id}/change-requests`, { body: '来年度は宇都宮での勤務を希望します。' });
  assert.equal(asked.status, 201, asked.text);
  const request = asked.json.change_requests[0];
  assert.equal(request.handled, false);
  assert.equal(request.author, '招待 太郎（本人）');
  const queue = (await centre.get('/api/v1/career/queue')).json;
  const item = queue.change_requests.find((r) => r.request_id === request.id);
  assert.equal(item.name, '招待 太郎');
  assert.equal(item.body, '来年度は宇都宮での勤務を希望します。');
  assert.equal((await centre.get(`/api/v1/career/doctors/${doctor.id}`)).json.change_requests[0].id, request.id);
  assert.equal((await otherCentre.post(`/api/v1/career/doctors/${doctor.id}/change-requests/${request.id}/handled`, {})).status, 404);
  assert.equal((await centre.post(`/api/v1/career/doctors/${doctor.id}/change-requests/nope/handled`, {})).status, 404);
  const handled = await centre.post(`/api/v1/career/doctors/${doctor.id}/change-requests/${request.id}/handled`, { reply: '次回の面談で相談しましょう。' });
  assert.equal(handled.status, 200, handled.text);
  assert.equal(handled.json.change_requests[0].handled_by, '吉田 修（栃木県地域医療支援センター）');
  assert.equal((await centre.post(`/api/v1/career/doctors/${doctor.id}/change-requests/${request.id}/handled`, {})).json.error.code, 'already_handled');
  assert.ok(!(await centre.get('/api/v1/career/queue')).json.change_requests.some((r) => r.request_id === request.id));
  const mine = (await doctorClient.get(`/api/v1/me/career/${doctor.id}`)).json;
  assert.equal(mine.change_requests[0].reply, '次回の面談で相談しましょう。');
});

test('a seeker who has an account links it while logged in; a taken address must log in first', async () => {
  const email = uniqueEmail('career-existing');
  const reg = new Client(server.url);
  // An account made through registration and verification, as a doctor may already have one.
  assert.equal((await reg.post('/api/v1/registrations', { name: '既存 花子', email, password: PASSWORD })).status, 202);
  const verify = tokenFrom((await waitForMail(email, 'メールアドレスの確認')).body);
  assert.equal((await reg.post('/api/v1/registrations/verify', { token: verify })).status, 200);
  const other = await doctorAwaitingConfirmation('既存 花子', email);
  assert.equal((await centre.post(`/api/v1/career/doctors/${other.id}/invitation`)).status, 201);
  const token = tokenFrom((await waitForMail(email, 'キャリアプラン')).body);
  const taken = await new Client(server.url).post('/api/v1/career/invitation/accept', { token, password: PASSWORD });
  assert.equal(taken.status, 409);
  assert.equal(taken.json.error.code, 'account_exists');
  const seeker = new Client(server.url);
  await seeker.login(email, PASSWORD);
  const noCsrf = await seeker.post('/api/v1/career/invitation/accept', { token }, { headers: { 'x-csrf-token': 'wrong' } });
  assert.equal(noCsrf.status, 403);
  const linked = await seeker.post('/api/v1/career/invitation/accept', { token });
  assert.equal(linked.status, 200, linked.text);
  assert.equal(linked.json.account_created, false);
  assert.deepEqual((await seeker.get('/api/v1/me/career')).json.items.map((i) => i.id), [other.id]);
});

test('a newer invitation replaces the open one', async () => {
  const email = uniqueEmail('career-twice');
  const d = await doctorAwaitingConfirmation('再送 次郎', email);
  await centre.post(`/api/v1/career/doctors/${d.id}/invitation`);
  const first = tokenFrom((await waitForMail(email, 'キャリアプラン')).body);
  await centre.post(`/api/v1/career/doctors/${d.id}/invitation`);
  const second = tokenFrom((await waitForMail(email, 'キャリアプラン', { known: 1 })).body);
  assert.notEqual(first, second);
  const anon = new Client(server.url);
  assert.equal((await anon.post('/api/v1/career/invitation/preview', { token: first })).status, 400);
  assert.equal((await anon.post('/api/v1/career/invitation/preview', { token: second })).status, 200);
});

test('the ledger downloads as CSV for Excel, for one doctor and for all', async () => {
  const one = await csv(centre, `/api/v1/career/ledger.csv?doctor_id=${doctor.id}`);
  assert.equal(one.status, 200);
  assert.match(one.type, /Shift_JIS/);
  const lines = one.text.trim().split('\r\n');
  assert.equal(lines[0], '氏名,プログラム,版,年月,実績・予定,種類,医療機関,医師少数区域等,県外・海外,義務年限に算入,義務期間内,義務年限の終了予定');
  assert.equal(lines[1], `招待 太郎,本人連携の確認プログラム,1,${startYear}年4月,実績,臨床研修,自治医科大学附属病院,,,○,○,${startYear + 9}年3月`);
  assert.ok(lines.some((l) => l.includes(`,${startYear + 2}年4月,`) && l.includes(',那須南病院,○,')), lines.slice(20, 30).join('\n'));
  assert.ok(lines.length > 100);
  assert.ok(one.bytes.every((b) => b !== 0xef), 'not UTF-8 (no BOM)');
  const all = await csv(centre, '/api/v1/career/ledger.csv');
  const names = new Set(all.text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]));
  assert.ok(names.has('招待 太郎') && names.has('斎藤 拓也'));
  assert.ok(names.size >= 20, `${names.size} names`); // the demo's 40 doctors share 20 names
  assert.equal((await csv(otherCentre, `/api/v1/career/ledger.csv?doctor_id=${doctor.id}`)).status, 404);
  assert.equal((await csv(facility, '/api/v1/career/ledger.csv')).status, 403);
  const audit = await secretariat.get('/api/v1/audit?action=career_ledger_exported');
  assert.ok(audit.json.items.length >= 2);
});

async function upload(client, text, type = 'text/csv') {
  return client.post('/api/v1/career/doctors/import', undefined, { raw: text, headers: { 'content-type': type } });
}

test('the registry imports from CSV: the export re-imports, all rows or none, errors name row and column', async () => {
  const before = (await centre.get('/api/v1/career/doctors')).json.total;
  // The export as Excel opens it (Windows-31J): every header and cell reads back; each row is already in the
  // registry, so nothing is imported and every row says so.
  const exported = await csv(centre, '/api/v1/career/doctors.csv');
  const again = await upload(centre, Buffer.from(exported.bytes));
  assert.equal(again.status, 400, again.text);
  assert.equal(again.json.error.code, 'import_failed');
  const rowErrors = Object.entries(again.json.error.fields);
  assert.equal(rowErrors.length, before);
  assert.ok(rowErrors.every(([k, m]) => /^row_\d+$/.test(k) && m.endsWith('「氏名」列: この医師はすでに名簿にあります（氏名・卒業年・出身大学が同じ）。')), rowErrors.slice(0, 2).join('\n'));
  assert.equal(again.json.error.fields.row_2.slice(0, 5), '2行目: ');

  // The same rows under new names, saved by Excel as "CSV UTF-8" (with a byte-order mark): imported.
  const lines = exported.text.trim().split('\r\n');
  const invited = lines.find((l) => l.startsWith('招待 太郎,'));
  assert.ok(invited, 'the exported row of a doctor registered above');
  const renamed = [lines[0], invited.replace('招待 太郎', '取込 一郎'), invited.replace('招待 太郎', '取込 二郎')];
  const ok = await upload(centre, '\ufeff' + renamed.join('\r\n') + '\r\n');
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.imported, 2);
  const imported = (await centre.get(`/api/v1/career/doctors/${ok.json.ids[0]}`)).json;
  assert.equal(imported.name, '取込 一郎');
  assert.equal(imported.programme_name, '本人連携の確認プログラム');
  assert.equal(imported.status, 'specialist_training');
  assert.equal(imported.kind, 'regional_prefecture_loan');
  assert.equal(imported.obligation_start, `${startYear}-04`);
  assert.equal(imported.plan, null, 'plans are not imported');
  assert.equal((await centre.get('/api/v1/career/doctors')).json.total, before + 2);

  // A file with one bad row imports nothing; each problem names the row and the column in Japanese.
  const bad = await upload(centre, [
    '氏名,区分,出身大学,卒業年,プログラム,義務開始月',
    '取込 三郎,自治医科大学卒業,自治医科大学,2020,,2020/4',
    '取込 四郎,地域枠,獨協医科大学,二千二十,存在しないプログラム,2020-13',
    ',jichi,自治医科大学,2021,,',
  ].join('\n'));
  assert.equal(bad.status, 400, bad.text);
  assert.equal(bad.json.error.message, 'CSVに誤りがあるため、1件も登録しませんでした。各行のメッセージを確認してください。');
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['row_3', 'row_4']);
  const row3 = bad.json.error.fields.row_3;
  assert.match(row3, /^3行目: 「区分」列: 「地域枠」は区分にありません。/);
  assert.match(row3, /「卒業年」列: 「二千二十」は数ではありません。/);
  assert.match(row3, /「プログラム」列: 「存在しないプログラム」というプログラムはこのセンターにありません。/);
  assert.match(bad.json.error.fields.row_4, /^4行目: 「氏名」列: 「氏名」を入力してください。/);
  assert.equal((await centre.get('/api/v1/career/doctors')).json.total, before + 2);

  const header = await upload(centre, '名前,区分\n山田,jichi\n');
  assert.equal(header.status, 400);
  assert.match(header.json.error.message, /^1行目（見出し）: 「名前」は列の名前にありません。/);
  assert.match(header.json.error.message, /「氏名」の列がありません。/);
  assert.equal((await upload(centre, '氏名\n山田\n', 'application/json')).status, 415);
  assert.equal((await upload(facility, '氏名,区分,出身大学,卒業年\n山田,jichi,自治医科大学,2020\n')).status, 403);
});

test('statistics filter by programme and by 年度 (where each doctor works on 1 April of it)', async () => {
  const ours = (await centre.get(`/api/v1/career/doctors?programme_id=${programme.id}`)).json.total;
  const all = (await centre.get('/api/v1/career/statistics')).json.total;
  const filtered = await centre.get(`/api/v1/career/statistics?programme_id=${programme.id}`);
  assert.equal(filtered.status, 200, filtered.text);
  assert.equal(filtered.json.total, ours);
  assert.ok(ours >= 3 && ours < all);
  // In April of the third year the doctors of the plan above work at 那須南病院 in the 医師少数区域; today too the
  // counting date decides the area.
  const areaName = (await centre.get('/api/v1/reference/areas?prefecture=09')).json.items.find((a) => a.code === SHORTAGE_AREA).name;
  const then = await centre.get(`/api/v1/career/statistics?programme_id=${programme.id}&year=${startYear + 3}`);
  assert.equal(then.status, 200, then.text);
  assert.ok(then.json.by_area.some((r) => r.area === areaName && r.count >= 3), JSON.stringify(then.json.by_area));
  const first = await centre.get(`/api/v1/career/statistics?programme_id=${programme.id}&year=${startYear}`);
  assert.ok(!first.json.by_area.some((r) => r.area === areaName), JSON.stringify(first.json.by_area));
  const csvFiltered = await csv(centre, `/api/v1/career/statistics.csv?table=cohort&programme_id=${programme.id}`);
  assert.equal(csvFiltered.status, 200);
  const bad = await centre.get('/api/v1/career/statistics?year=26&programme_id=nope');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.year, /「年度」/);
  assert.equal(bad.json.error.fields.programme_id, '「プログラム」が見つかりません。');
  assert.equal((await otherCentre.get(`/api/v1/career/statistics?programme_id=${programme.id}`)).status, 400);
});
