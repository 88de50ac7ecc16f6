// The authorisation matrix (issue 10, "make it stay fixed"). docs/openapi.yaml carries, for every operation,
// who may get a 2xx (`x-roles`) and on which objects (`x-scope`); the vocabulary is in its info.description.
// This test holds the server to that document:
//  1. every route the server registers (`kakehashi routes`) is documented with its rule, and every documented
//     operation exists (`x-condition: demo` ones only in a demo);
//  2. every operation is called by anonymous and by one user of every role on objects that belong to OTHER users
//     and organisations (fac-tokyo-02, seeker0001, the 東京都ナースセンター), with a body that would succeed for
//     an allowed caller; a 2xx that x-roles/x-scope does not allow fails, and so does a refusal other than
//     401/403/404; lists must not show those objects to callers outside the scope;
//  3. allowed callers reach their own objects, and every operation answered a 2xx to someone (so the matrix
//     cannot pass because everything failed); every 2xx seen anywhere came from a role in x-roles;
//  4. every unsafe operation that uses the session refuses a request without the CSRF header; operations that end
//     sessions (logout, logout everywhere, password change) run last, with their own sessions where they can.
// A new route fails test 1 until it is documented with x-roles (and x-scope when its path has an id), and the matrix
// until CASES below says what to call it with (GETs without path parameters need nothing).
// One server per run (demo data, `--demo` without SMTP, so the sent-mail page exists and mails can be read there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, runCli, uniqueEmail, tokenFrom, totpCode, DEMO_PASSWORD } from './harness.mjs';

// ---- the document ----

const ROLES = ['seeker', 'facility', 'aggregator', 'coordinator', 'secretariat', 'career_center', 'workenv_center'];
const SHORTHANDS = { public: ['anonymous', ...ROLES], authenticated: ROLES };
const SCOPES = ['none', 'published', 'own-user', 'own-organisation', 'party', 'handling-organisation', 'covered-area',
  'audience', 'token', 'centre-prefecture', ...ROLES];
const DOC_TEXT = readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8');

/** A flow value as the document writes x-* fields: `[a, b]` or a plain scalar, on one line. */
function flowValue(raw, where) {
  const v = raw.trim();
  if (v === '' || v === '|' || v === '>') throw new Error(`${where}: write it on one line, as [a, b] or a word`);
  const unquote = (s) => s.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) throw new Error(`${where}: unclosed list`);
    return v.slice(1, -1).split(',').map(unquote).filter(Boolean);
  }
  return unquote(v);
}

/** The operations of the `paths` section with their x-* fields. Not a YAML parser: the document's own layout
 * (two spaces per level, methods at level 2, fields at level 3), which is all this test needs. */
function readOperations(text) {
  const ops = [];
  let inPaths = false, inSecurity = false, path = null, op = null;
  for (const line of text.split('\n')) {
    let m;
    if (/^\S/.test(line)) { inPaths = /^paths:\s*$/.test(line); path = op = null; continue; }
    if (!inPaths) continue;
    if ((m = /^ {2}(\/\S*):\s*$/.exec(line))) { path = m[1]; op = null; continue; }
    if ((m = /^ {4}([A-Za-z$-]+):/.exec(line))) {
      op = /^(get|put|post|patch|delete|head|options)$/.test(m[1]) ? { method: m[1].toUpperCase(), path, ext: {} } : null;
      if (op) ops.push(op);
      continue;
    }
    if (op && (m = /^ {6}(x-[a-z-]+):(.*)$/.exec(line))) op.ext[m[1]] = flowValue(m[2], `${op.method} ${op.path} ${m[1]}`);
    // `security: []`, or `- {}` among its alternatives: the operation needs no credentials.
    if (op && /^ {6}\S/.test(line)) inSecurity = false;
    if (op && (m = /^ {6}security:\s*(\S*)/.exec(line))) { inSecurity = true; op.noCredentials = m[1] === '[]'; }
    if (op && inSecurity && /^ {8}- \{\}\s*$/.test(line)) op.noCredentials = true;
  }
  return ops;
}

const OPERATIONS = readOperations(DOC_TEXT);
const key = (op) => `${op.method} ${op.path}`;
const BY_KEY = new Map(OPERATIONS.map((op) => [key(op), op]));

function rolesOf(op) {
  const list = [].concat(op.ext['x-roles'] ?? []);
  return new Set(list.flatMap((r) => SHORTHANDS[r] ?? [r]));
}
function scopeOf(op) { return op.ext['x-scope'] === undefined ? null : [].concat(op.ext['x-scope']); }

/** The documented operation a concrete request path belongs to. */
const MATCHERS = OPERATIONS.map((op) => ({
  op,
  re: new RegExp(`^${op.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
function operationFor(method, path) {
  const bare = path.split('?')[0];
  return MATCHERS.find((m) => m.op.method === method && m.re.test(bare))?.op;
}

/**
 * Whether `x-scope` lets a caller of `role` reach an object with these facts. The matrix's objects belong to
 * other users and organisations, so the relations own-user, own-organisation and covered-area never hold for them,
 * and party / handling-organisation hold only for the secretariat (whom the document counts in). Facts:
 * published (public content), audience (roles of an announcement, or 'all'), callersOwn (the object is the
 * caller's own: a creation, the caller's own list; every term holds), nobody (no caller may reach it, e.g. a file of another thread).
 */
function scopeHolds(term, role, facts) {
  if (facts.nobody) return false;
  if (facts.callersOwn) return true;
  switch (term) {
    case 'none': case 'token': return true;
    case 'published': return facts.published === true;
    case 'audience': return !!facts.audience && (facts.audience.includes('all') || facts.audience.includes(role));
    case 'party': case 'handling-organisation': return role === 'secretariat';
    case 'own-user': case 'own-organisation': case 'covered-area': case 'centre-prefecture': return false;
    default: return role === term;
  }
}
function allowed(op, role, facts) {
  if (!rolesOf(op).has(role)) return false;
  const scope = scopeOf(op);
  return !scope || scope.some((t) => scopeHolds(t, role, facts));
}

// ---- the server and the callers ----

let server;
/** Callers of the matrix: anonymous and one user per role, none of whom owns the matrix's objects. */
const CALLER_LOGINS = {
  anonymous: null, seeker: 'seeker@example.jp', facility: 'fac-tokyo-01', aggregator: 'agg-kensei-09',
  coordinator: 'coord-doctor-13', secretariat: 'jimukyoku', career_center: 'career-09', workenv_center: 'workenv-13',
};
const callers = {};
/** Owners of the objects: another facility, another seeker, the coordinators covering Tokyo's nurses. */
const owners = {};
const fx = {};

async function session(login, role, password = DEMO_PASSWORD) {
  const c = new Client(server.url);
  await c.login(login, password);
  return { login, role, client: c };
}
const ANONYMOUS = { login: null, role: 'anonymous', client: null };

/** Every 2xx seen, per operation, with the roles that got it; and every 2xx by a role x-roles does not name. */
const reached = new Map();
const undocumented2xx = [];

/** One request with the session's cookie and CSRF token. Unlike Client.request it never takes cookies from the
 * answer (a login inside the matrix must not turn the caller into someone else), and it does not wait for the end
 * of an event stream. */
async function send(who, method, path, { body, raw, csrf = true } = {}) {
  const headers = {};
  const c = who.client;
  if (c?.cookies.size) headers.cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (csrf && c?.csrf && method !== 'GET') headers['x-csrf-token'] = c.csrf;
  let payload;
  if (raw) { payload = raw.text; headers['content-type'] = raw.type; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['content-type'] = 'application/json'; }
  const res = await fetch(server.url + path, { method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(15000) });
  let text = '';
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body.cancel();
  else text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  if (res.status >= 200 && res.status < 300) {
    const op = operationFor(method, path);
    if (op) {
      if (!reached.has(key(op))) reached.set(key(op), new Set());
      reached.get(key(op)).add(who.role);
      if (!rolesOf(op).has(who.role)) undocumented2xx.push(`${who.role} (${who.login ?? 'no session'}) got ${res.status} from ${method} ${path}`);
    }
  }
  return { status: res.status, text, json };
}

/** A request that must succeed (fixtures, own objects). */
async function ok(who, method, path, body, extra = {}) {
  const r = await send(who, method, path, { body, ...extra });
  assert.ok(r.status >= 200 && r.status < 300, `${who.login ?? 'anonymous'} ${method} ${path}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json;
}

// ---- fixtures: objects of others ----

let counter = 0;
const unique = (prefix) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;
const pdf = () => ({ filename: '権限確認.pdf', content_type: 'application/pdf', data_base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });

function postingBody(extra = {}) {
  return {
    title: `権限確認の募集 ${unique('')}`, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3,
    urgency: 'regular', positions: 1, duties: '病棟業務', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '1920083', prefecture: '13', municipality: '132012', street: '旭町10-3' },
    contact: { name: '権限 確認', phone: '042-000-0000', email: 'authz-posting@example.jp' }, ...extra,
  };
}
const newPosting = (status = 'published') => ok(owners.facility, 'POST', '/api/v1/postings', postingBody({ status }));

/** An application of the other seeker on a new posting of the other facility, moved on to `stage`. */
async function newApplication(stage = 'new') {
  const posting = await newPosting();
  const app = await ok(owners.seeker, 'POST', `/api/v1/postings/${posting.id}/applications`, { kind: 'contact_request', message: '相談したいです' });
  if (stage === 'hired')
    for (const to of ['interview_scheduling', 'interviewed', 'offered', 'hired'])
      await ok(owners.facility, 'PATCH', `/api/v1/applications/${app.id}`, { stage: to });
  return { ...app, posting };
}

/** An online interview the other facility proposed (and the other seeker accepted, when `scheduled`). */
async function newInterview(scheduled) {
  const app = await newApplication();
  const proposed = await ok(owners.facility, 'POST', `/api/v1/applications/${app.id}/interviews`, { slots: ['2027-07-01T10:00+09:00', '2027-07-02T10:00+09:00'], online: true });
  const interview = proposed.interviews.at(-1);
  if (scheduled) await ok(owners.seeker, 'POST', `/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 0 });
  return { app, interview };
}

async function newInquiry() {
  return ok(owners.facility, 'POST', '/api/v1/helpdesk/inquiries', { subject: '権限確認のお問合せ', body: '内容', category: 'usage', attachments: [pdf()] });
}

/** The newest mail of the demo's sent-mail page to `to` whose subject contains `subject`. */
async function demoMail(to, subject) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    const r = await send(ANONYMOUS, 'GET', '/api/v1/dev/mails');
    const found = r.json?.items?.find((m) => m.to === to && m.subject.includes(subject));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} about ${subject}`);
}

/** A career centre's programme, doctor and plan (issue 13). */
const careerProgrammeBody = () => ({ name: unique('権限確認プログラム'), basic_area: '内科', rules: [{ kind: 'total_period', months: 12 }] });
const careerDoctorBody = (programme) => ({ name: '権限 医師', kind: 'jichi', university: '自治医科大学', graduation_year: 2026, programme_id: programme });
const careerPlanBody = () => ({ assignments: [{ kind: 'work', facility_name: '権限確認病院', start: '2026-04-01', end: '2027-03-31' }] });
/** A plan with a year without assignment (from April next year), and a 募集の依頼 to the other facility for it. */
const careerGapPlanBody = () => {
  const y = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
  return { assignments: [{ kind: 'work', facility_name: '権限確認病院', start: `${y - 1}-04-01`, end: `${y}-03-31` },
    { kind: 'work', facility_name: '権限確認病院', start: `${y + 2}-04-01`, end: `${y + 3}-03-31` }] };
};
const recruitBody = () => {
  const y = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
  return { facility_id: fx.facilityOrg, start: `${y + 1}-04-01`, end: `${y + 1}-09-30`, department: '内科', note: '権限確認の依頼' };
};

/** A placement round (issue 14) of the other prefecture's centre: a position at the other facility (fac-tokyo-02),
 * ranked by that centre's doctor. */
const placementRoundBody = () => ({ year: 2027, term_start: '2027-04-01', term_end: '2028-03-31', doctor_deadline: '2099-01-31', facility_deadline: '2099-02-28' });
async function newPlacementRound() {
  const r = await ok(owners.career, 'POST', '/api/v1/placement/rounds', placementRoundBody());
  const saved = await ok(owners.career, 'PUT', `/api/v1/placement/rounds/${r.id}/positions`, { positions: [{ facility_id: fx.facilityOrg, capacity: 1 }] });
  const position = saved.positions[0].id;
  await ok(owners.career, 'PUT', `/api/v1/placement/rounds/${r.id}/doctors/${fx.careerDoctor.id}/ranks`, { position_ids: [position] });
  return { id: r.id, position };
}

/** A seeker made with the command line, logged in. */
async function cliSeeker(password) {
  const email = uniqueEmail('authz');
  const r = runCli(['user', 'add', '--db', server.db, '--login', email, '--password', password, '--role', 'seeker', '--name', '権限 確認']);
  assert.equal(r.status, 0, r.stderr);
  const s = await session(email, 'seeker', password);
  s.id = (await ok(s, 'GET', '/api/v1/me')).user.id;
  return s;
}

/** A user with a confirmed second factor; returns the session and the secret. */
async function withSecondFactor(password) {
  const s = await cliSeeker(password);
  const { secret } = await ok(s, 'POST', '/api/v1/me/second-factor', {});
  await ok(s, 'POST', '/api/v1/me/second-factor/confirm', { code: totpCode(secret) });
  return { ...s, secret };
}

before(async () => {
  server = await startServer({ smtp: false, extra: ['--demo'] });
  for (const [role, login] of Object.entries(CALLER_LOGINS)) callers[role] = login ? await session(login, role) : ANONYMOUS;
  owners.facility = await session('fac-tokyo-02', 'facility');
  owners.seeker = await session('seeker0001@demo.kakehashi.example', 'seeker');
  owners.coordinator = await session('coord-nurse-13', 'coordinator');

  fx.facilityOrg = (await ok(owners.facility, 'GET', '/api/v1/me')).user.organisations[0].id;
  fx.bedReport = (await ok(owners.facility, 'GET', '/api/v1/beds/reports')).items[0].id;
  fx.posting = await newPosting();
  fx.draft = await newPosting('draft');
  fx.app = await newApplication();
  const thread = await ok(owners.seeker, 'POST', `/api/v1/applications/${fx.app.id}/messages`, { body: '資格証の写しです。', attachments: [pdf()] });
  fx.appFile = thread.items.at(-1).attachments[0].id;
  // The calling seeker's own application, to ask for another thread's file through it.
  fx.callerApp = await ok(callers.seeker, 'POST', `/api/v1/postings/${(await newPosting()).id}/applications`, { kind: 'inquiry', message: '質問です' });
  fx.hired = await newApplication('hired');
  fx.scheduled = await newInterview(true);
  fx.notification = (await ok(owners.facility, 'GET', '/api/v1/notifications')).items.find((n) => n.link === `/applications/${fx.app.id}`).id;
  fx.inquiry = await newInquiry();
  fx.inquiryFile = fx.inquiry.messages[0].attachments[0].id;
  fx.feed = await ok(owners.coordinator, 'POST', '/api/v1/feeds', { name: '権限確認の配信', prefectures: ['13'], categories: ['nurse'] });
  fx.feedToken = /\/feeds\/([^/]+)\/postings\.json$/.exec(fx.feed.json_url)[1];
  fx.ownFeed = await ok(owners.coordinator, 'POST', '/api/v1/feeds', { name: '権限確認の配信（削除用）', prefectures: ['13'] });
  const sec = callers.secretariat;
  fx.announcement = await ok(sec, 'POST', '/api/v1/announcements', { title: '権限確認（医療機関・とりまとめ団体向け）', body: '本文', audience: ['facility', 'aggregator'], attachments: [pdf()] });
  fx.announcementFile = fx.announcement.attachments[0].id;
  fx.announcementAll = await ok(sec, 'POST', '/api/v1/announcements', { title: '権限確認（全員向け）', body: '本文', audience: 'all' });
  // A withdrawn announcement (it was for everyone): only the secretariat still sees it, and its file.
  fx.announcementWithdrawn = await ok(sec, 'POST', '/api/v1/announcements', { title: '権限確認（取り下げ済み）', body: '本文', audience: 'all', attachments: [pdf()] });
  fx.announcementWithdrawnFile = fx.announcementWithdrawn.attachments[0].id;
  await ok(sec, 'POST', `/api/v1/announcements/${fx.announcementWithdrawn.id}/withdraw`, { reason: '権限確認' });
  fx.faq = (await ok(ANONYMOUS, 'GET', '/api/v1/faq')).items[0].id;
  fx.faqDraft = await ok(sec, 'POST', '/api/v1/faq', { category: '権限確認', question: '下書きの質問', answer: '回答', published: false });
  // Chat synonym groups the secretariat may change and delete (issue 16).
  fx.synonymPut = await ok(sec, 'POST', '/api/v1/chat/synonyms', { terms: [unique('権限確認甲'), unique('権限確認乙')] });
  fx.synonymDel = await ok(sec, 'POST', '/api/v1/chat/synonyms', { terms: [unique('権限確認丙'), unique('権限確認丁')] });
  fx.organisation = await ok(sec, 'POST', '/api/v1/organisations', { name: unique('権限確認病院'), kind: 'facility', prefecture: '13' });
  fx.staffUser = await ok(sec, 'POST', '/api/v1/users', { login: unique('authz-'), display_name: '権限 確認', email: `${unique('authz-')}@example.jp`, role: 'facility', organisation_id: fx.organisation.id });
  fx.resetByAdmin = await withSecondFactor('Authz2026pwA');
  fx.selfDisable = await withSecondFactor('Authz2026pwB');
  // Single-use tokens from the sent-mail page.
  const registered = uniqueEmail('authz-reg');
  await ok(ANONYMOUS, 'POST', '/api/v1/registrations', { name: '権限 確認', email: registered, password: 'Regist2026pw' });
  fx.verifyToken = tokenFrom((await demoMail(registered, 'メールアドレスの確認')).body);
  // A contact request (スカウト) of the other facility to a seeker who is nobody among the callers.
  const scouted = await cliSeeker('Scout2026pwA');
  await ok(scouted, 'PUT', '/api/v1/me/profile', { name: '権限 スカウト', categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'], experience_years: 55, notify: 'off' });
  let handle;
  for (let i = 0; i < 100 && !handle; i++) {
    handle = (await ok(owners.facility, 'GET', `/api/v1/postings/${fx.posting.id}/matches?min_experience=55`)).items[0]?.handle;
    if (!handle) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fx.scouted = scouted;
  fx.contactRequest = (await ok(owners.facility, 'POST', `/api/v1/postings/${fx.posting.id}/contact-requests`, { candidates: [handle] })).items[0];
  // The career centre of another prefecture (東京都) with a programme and a doctor whose plan awaits confirmation.
  const careerLogin = unique('career-13-');
  const madeCentre = runCli(['user', 'add', '--db', server.db, '--login', careerLogin, '--password', 'Career2026pw', '--role', 'career_center',
    '--organisation', '東京都地域医療支援センター', '--prefecture', '13', '--name', '東京 センター']);
  assert.equal(madeCentre.status, 0, madeCentre.stderr);
  owners.career = await session(careerLogin, 'career_center', 'Career2026pw');
  fx.careerProgramme = await ok(owners.career, 'POST', '/api/v1/career/programmes', careerProgrammeBody());
  fx.careerDoctor = await ok(owners.career, 'POST', '/api/v1/career/doctors', careerDoctorBody(fx.careerProgramme.id));
  await ok(owners.career, 'PUT', `/api/v1/career/doctors/${fx.careerDoctor.id}/plan`, careerPlanBody());
  fx.round = await newPlacementRound();
  // A doctor of that centre with a plan gap, and 募集の依頼 to the other facility (one per operation that handles one).
  fx.recruitDoctor = await ok(owners.career, 'POST', '/api/v1/career/doctors', careerDoctorBody(fx.careerProgramme.id));
  await ok(owners.career, 'PUT', `/api/v1/career/doctors/${fx.recruitDoctor.id}/plan`, careerGapPlanBody());
  fx.recruitRequest = await ok(owners.career, 'POST', `/api/v1/career/doctors/${fx.recruitDoctor.id}/recruit-requests`, recruitBody());
  // A doctor of that centre invited and linked to a new seeker account (made by accepting the invitation), who asks
  // for a change; and another doctor's open invitation for the matrix's preview and accept calls.
  const linkedEmail = uniqueEmail('career-doctor');
  fx.linkedDoctor = await ok(owners.career, 'POST', '/api/v1/career/doctors', { ...careerDoctorBody(fx.careerProgramme.id), email: linkedEmail });
  await ok(owners.career, 'POST', `/api/v1/career/doctors/${fx.linkedDoctor.id}/invitation`);
  const linkToken = tokenFrom((await demoMail(linkedEmail, 'キャリアプラン')).body);
  await ok(ANONYMOUS, 'POST', '/api/v1/career/invitation/accept', { token: linkToken, password: 'Doctor2026pwA' });
  owners.careerDoctor = await session(linkedEmail, 'seeker', 'Doctor2026pwA');
  fx.changeRequest = (await ok(owners.careerDoctor, 'POST', `/api/v1/me/career/${fx.linkedDoctor.id}/change-requests`, { body: '権限確認の依頼' }))
    .change_requests[0].id;
  // Placement rounds (issue 14): the round open for ranking, ranked by the linked doctor from their own account.
  await ok(owners.career, 'POST', `/api/v1/placement/rounds/${fx.round.id}/open-ranking`);
  await ok(owners.careerDoctor, 'PUT', `/api/v1/me/placement/rounds/${fx.round.id}/ranks`, { position_ids: [fx.round.position] });
  const invitedEmail = uniqueEmail('career-invited');
  const invited = await ok(owners.career, 'POST', '/api/v1/career/doctors', { ...careerDoctorBody(fx.careerProgramme.id), email: invitedEmail });
  await ok(owners.career, 'POST', `/api/v1/career/doctors/${invited.id}/invitation`);
  fx.careerInviteToken = tokenFrom((await demoMail(invitedEmail, 'キャリアプラン')).body);
  // The work-environment centre of another prefecture (栃木) and its hospital, hours, case and visit; a hospital
  // of the calling centre (東京) to open cases and plan visits on.
  const weLogin = unique('authz-workenv-');
  const weUser = runCli(['user', 'add', '--db', server.db, '--login', weLogin, '--password', 'Workenv2026pwA', '--role', 'workenv_center',
    '--organisation', '栃木県医療勤務環境改善支援センター（権限確認）', '--prefecture', '09', '--name', '権限 勤改', '--email', `${weLogin}@example.jp`]);
  assert.equal(weUser.status, 0, weUser.stderr);
  owners.workenv = await session(weLogin, 'workenv_center', 'Workenv2026pwA');
  fx.weOrg = (await ok(owners.workenv, 'GET', '/api/v1/me')).user.organisations[0].id;
  fx.weHospital = (await ok(owners.workenv, 'POST', '/api/v1/workenv/hospitals', { name: unique('権限確認勤改病院') })).hospital;
  await ok(owners.workenv, 'POST', `/api/v1/workenv/hospitals/${fx.weHospital.id}/hours?month=2025-04`, undefined,
    { raw: { type: 'text/csv', text: '医師コード,診療科,水準,時間外・休日労働時間,面接指導\nAUTHZ1,救急科,B,120,未\n' } });
  fx.weCase = await ok(owners.workenv, 'POST', '/api/v1/workenv/cases', { hospital_id: fx.weHospital.id, kind: 'consultation', channel: 'phone', title: '権限確認の相談' });
  fx.weVisit = await ok(owners.workenv, 'POST', '/api/v1/workenv/visits', { hospital_id: fx.weHospital.id, planned_date: '2027-01-10', attendees: ['権限 確認（アドバイザー）'] });
  fx.weOwnHospital = (await ok(callers.workenv_center, 'POST', '/api/v1/workenv/hospitals', { name: unique('権限確認東京病院') })).hospital;
  // Its meetings (the centre runs them as the 受託者): a series, a meeting with its own member as the participant,
  // an action item and minutes awaiting confirmation; a series of the calling centre (東京) to hold meetings in.
  await ok(callers.secretariat, 'PUT', `/api/v1/workenv/members/${fx.weOrg}`, { kind: 'contractor' });
  const weUserId = (await ok(owners.workenv, 'GET', '/api/v1/me')).user.id;
  fx.weSeries = await ok(owners.workenv, 'POST', '/api/v1/workenv/meetings/series', { kind: 'liaison', bureau_email: 'authz-roukyoku@example.jp' });
  fx.weMeeting = await ok(owners.workenv, 'POST', '/api/v1/workenv/meetings', { series_id: fx.weSeries.id, held_on: '2026-01-10', place: '会議室', participant_ids: [weUserId] });
  fx.weAction = await ok(owners.workenv, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/actions`, { title: '権限確認の対応', owner: '権限 勤改', due_date: '2026-02-10' });
  await ok(owners.workenv, 'PUT', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes`, { body: '権限確認の議事概要' });
  await ok(owners.workenv, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes/confirmation-request`);
  fx.weOwnSeries = await ok(callers.workenv_center, 'POST', '/api/v1/workenv/meetings/series', { kind: 'liaison', title: unique('権限確認会議'), bureau_email: 'authz-tokyo-roukyoku@example.jp' });
  // Chat conversations of the other seeker and of an anonymous visitor (bound to that visitor's chat cookie).
  fx.chatOwned = (await ok(owners.seeker, 'POST', '/api/v1/chat/messages', { text: '応募の状況は？' })).conversation;
  const visitor = new Client(server.url);
  const started = await visitor.post('/api/v1/chat/messages', { text: '料金はかかりますか' });
  assert.equal(started.status, 200, started.text);
  fx.chatAnon = started.json.conversation;
  fx.chatVisitor = { login: null, role: 'anonymous', client: visitor };
  // A conversation the other seeker handed to the coordinators covering them (the 東京都ナースセンター).
  const handedProfile = await cliSeeker('Chat2026pwHo');
  await ok(handedProfile, 'PUT', '/api/v1/me/profile', { name: '権限 チャット', categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' });
  const handed = await ok(handedProfile, 'POST', '/api/v1/chat/messages', { text: '担当者と話したい' });
  assert.match(handed.reply.text, /東京都ナースセンター/, JSON.stringify(handed));
  fx.chatHanded = handed.conversation;
  const forgetful = await cliSeeker('Forgot2026pw');
  await ok(ANONYMOUS, 'POST', '/api/v1/password-resets', { login: forgetful.login });
  fx.resetToken = tokenFrom((await demoMail(forgetful.login, 'パスワード')).body);
});
after(async () => {
  await server?.stop();
  if (matrixLog) writeFileSync(process.env.KAKEHASHI_AUTHZ_LOG, matrixLog.join('\n') + '\n');
});

// ---- what each operation is called with ----

const ROUTES_CSV_AREAS = (() => {
  // Re-importing one prefecture's complete list of areas is a no-op for the data (the import replaces that prefecture).
  const lines = readFileSync(new URL('../../data/national/secondary_medical_areas.csv', import.meta.url), 'utf8').trim().split('\n');
  return [lines[0], ...lines.filter((l) => l.startsWith('40,'))].join('\n') + '\n';
})();

/**
 * Per operation: `variants(fx)` gives the objects to call it on (path parameters and their facts, see
 * scopeHolds), made fresh for operations that change their object; `body(role, v)` a body that succeeds for an
 * allowed caller; `refusedAlso` documented refusal statuses besides 401/403/404; `session: 'fresh'` calls with a
 * second session of the caller (the call ends it); `phase: 1` runs after everything else, `phase: 2` after that; `leaks(fx)` ids of
 * objects a list must not show to callers outside x-scope. GETs without path parameters need no entry.
 */
const foreign = (params, facts = {}) => ({ params, facts });
const CASES = {
  'POST /api/v1/session': { body: () => ({ login: 'seeker0002@demo.kakehashi.example', password: DEMO_PASSWORD }) },
  'DELETE /api/v1/session': { session: 'fresh' },
  'DELETE /api/v1/sessions': { session: 'fresh', phase: 2 },
  // The same password again: allowed, and the caller's own session stays (other sessions of the user end).
  'PUT /api/v1/me/mail-notices': { body: () => ({ mail_notices: 'immediate' }) },
  'PUT /api/v1/me/password': { phase: 1, body: () => ({ current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD }) },
  'POST /api/v1/me/second-factor': { body: () => ({}) },
  // Only for themselves: the matrix proves the role rule; the real code is sent in the own-objects test.
  'POST /api/v1/me/second-factor/confirm': { body: () => ({ code: '000000' }) },
  'POST /api/v1/me/second-factor/disable': { body: () => ({ password: DEMO_PASSWORD, code: '000000' }) },
  'PATCH /api/v1/users/{id}': { variants: () => [foreign({ id: fx.staffUser.id })], body: () => ({ status: 'disabled' }) },
  'DELETE /api/v1/users/{id}/second-factor': { variants: () => [foreign({ id: fx.resetByAdmin.id })] },
  'POST /api/v1/registrations': { body: () => ({ name: '権限 確認', email: uniqueEmail('authz-reg'), password: 'Regist2026pw' }) },
  'POST /api/v1/registrations/verify': { body: () => ({ token: fx.verifyToken }) },
  'POST /api/v1/password-resets': { body: () => ({ login: 'seeker0003@demo.kakehashi.example' }) },
  'POST /api/v1/password-resets/confirm': { body: () => ({ token: fx.resetToken, password: 'Reset2026pwX' }) },
  'POST /api/v1/organisations': { body: () => ({ name: unique('権限確認センター'), kind: 'coordinator_org', prefecture: '13', categories: ['nurse'] }) },
  'PATCH /api/v1/organisations/{id}': { variants: () => [foreign({ id: fx.organisation.id })], body: () => ({ name: unique('権限確認病院') }) },
  'POST /api/v1/users': {
    body: () => ({ login: unique('authz-'), display_name: '権限 確認', email: `${unique('authz-')}@example.jp`, role: 'facility', organisation_id: fx.organisation.id }),
  },
  'GET /api/v1/postings': { leaks: () => [{ id: fx.draft.id, facts: { published: false } }] },
  'POST /api/v1/postings': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { otherFacility: true })],
    body: (role, v) => postingBody(v.facts.otherFacility ? { facility_id: fx.facilityOrg } : {}),
    refusedAlso: [400], // another facility's facility_id is a field error: 400 with fields.facility_id
  },
  'GET /api/v1/postings/{id}': { variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })] },
  'PATCH /api/v1/postings/{id}': { variants: () => [foreign({ id: fx.posting.id }, { published: true })], body: () => ({ duties: '権限確認で変更' }) },
  'GET /api/v1/postings/{id}/versions': { variants: () => [foreign({ id: fx.posting.id }, { published: true })] },
  'POST /api/v1/postings/import': {
    raw: () => {
      const columns = ['title', 'category', 'specialty', 'employment', 'start_date', 'end_date', 'period_months', 'weekdays', 'hours',
        'full_time', 'night_duty', 'urgency', 'positions', 'duties', 'requirements', 'pay', 'benefits', 'training_agreed', 'postal_code',
        'prefecture', 'municipality', 'street', 'building', 'area', 'contact_name', 'contact_location', 'contact_phone', 'contact_email',
        'masked', 'status'];
      const row = { title: unique('権限確認CSV'), category: 'nurse', employment: 'permanent', start_date: '2027-06-01', urgency: 'regular',
        positions: '1', duties: '病棟業務', training_agreed: '1', postal_code: '1010047', prefecture: '13', municipality: '131016',
        street: '内神田2-1-1', contact_name: '権限 確認', contact_phone: '03-0000-0000', contact_email: 'authz-csv@example.jp', masked: '0', status: 'draft' };
      return { type: 'text/csv; charset=utf-8', text: `${columns.join(',')}\n${columns.map((c) => row[c] ?? '').join(',')}\n` };
    },
  },
  // The template is the same for every facility (nothing of another's in it): the role is the whole rule.
  'GET /api/v1/postings/import/template.csv': {},
  'GET /api/v1/facility/postings': { leaks: () => [{ id: fx.draft.id, facts: {} }] },
  'PUT /api/v1/me/profile': {
    body: () => ({ name: '山田 花子', categories: ['nurse'], licences: [{ category: 'nurse', number: '1234567' }], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' }),
  },
  'GET /api/v1/reference/postal-codes/{code}': { variants: () => [foreign({ code: '1000001' })] },
  'GET /api/v1/reference/areas/{code}/designations': { variants: () => [foreign({ code: '1301' })] },
  // An area of Tokyo: the Tochigi career centre may not set it; the secretariat may.
  'PUT /api/v1/reference/areas/{code}/designation': { variants: () => [foreign({ code: '1301' })], body: () => ({ designation: '医師多数区域' }) },
  'POST /api/v1/reference/areas/import': { raw: () => ({ type: 'text/csv', text: ROUTES_CSV_AREAS }) },
  'POST /api/v1/reference/postal-codes/import': { raw: () => ({ type: 'text/csv', text: 'postal_code,municipality_code,town\n1000001,131016,千代田\n' }) },
  'GET /api/v1/postings/{id}/matches': { variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })] },
  'POST /api/v1/postings/{id}/contact-requests': {
    variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })],
    body: () => ({ candidates: ['求職者-AAAAAAAA'], message: '権限確認' }),
  },
  'GET /api/v1/postings/{id}/contact-requests': { variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })] },
  'GET /api/v1/postings/{id}/notice-preview': { variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })] },
  'GET /api/v1/me/contact-requests': { leaks: () => [{ id: fx.contactRequest.id, facts: {} }] },
  'PATCH /api/v1/contact-requests/{id}': { variants: () => [foreign({ id: fx.contactRequest.id })], body: () => ({ action: 'decline' }) },
  'GET /api/v1/coordination/contact-requests': { leaks: () => [{ id: fx.contactRequest.id, facts: {} }] },
  'GET /api/v1/notifications': { leaks: () => [{ id: fx.notification, facts: {} }] },
  'GET /api/v1/career/programmes': { leaks: () => [{ id: fx.careerProgramme.id, facts: {} }] },
  'POST /api/v1/career/programmes': { body: () => careerProgrammeBody() },
  'GET /api/v1/career/programmes/{id}': { variants: () => [foreign({ id: fx.careerProgramme.id })] },
  'PUT /api/v1/career/programmes/{id}': { variants: () => [foreign({ id: fx.careerProgramme.id })], body: () => ({ course: '権限確認コース' }) },
  'GET /api/v1/career/queue': { leaks: () => [{ id: fx.careerDoctor.id, facts: {} }] },
  'GET /api/v1/career/doctors': { leaks: () => [{ id: fx.careerDoctor.id, facts: {} }] },
  'POST /api/v1/career/doctors': { body: () => careerDoctorBody(null) },
  'GET /api/v1/career/doctors/{id}': { variants: () => [foreign({ id: fx.careerDoctor.id })] },
  'POST /api/v1/career/doctors/{id}/status': { variants: () => [foreign({ id: fx.careerDoctor.id })], body: () => ({ status: 'obligation', date: '2027-04-01' }) },
  'POST /api/v1/career/doctors/{id}/plan/check': { variants: () => [foreign({ id: fx.careerDoctor.id })], body: () => careerPlanBody() },
  'PUT /api/v1/career/doctors/{id}/plan': { variants: () => [foreign({ id: fx.careerDoctor.id })], body: () => careerPlanBody() },
  'POST /api/v1/career/doctors/{id}/plan/state': { variants: () => [foreign({ id: fx.careerDoctor.id })], body: () => ({ state: 'confirmation' }) },
  'GET /api/v1/career/doctors/{id}/ledger': { variants: () => [foreign({ id: fx.careerDoctor.id })] },
  'GET /api/v1/career/doctors/{id}/interviews': { variants: () => [foreign({ id: fx.careerDoctor.id })] },
  // The import makes doctors of the caller's own prefecture: a new name each time so no row is a duplicate.
  'POST /api/v1/career/doctors/import': {
    raw: () => ({ type: 'text/csv', text: `氏名,区分,出身大学,卒業年\n${unique('権限 取込')},自治医科大学卒業,自治医科大学,2026\n` }),
  },
  'POST /api/v1/career/doctors/{id}/invitation': { variants: () => [foreign({ id: fx.careerDoctor.id })] },
  'POST /api/v1/career/doctors/{id}/change-requests/{request_id}/handled': {
    variants: () => [foreign({ id: fx.linkedDoctor.id, request_id: fx.changeRequest })], body: () => ({ reply: '権限確認の回答' }),
  },
  // The link is single-use: the first allowed caller (anonymous, making an account) uses it; later ones get 400.
  'POST /api/v1/career/invitation/preview': { body: () => ({ token: fx.careerInviteToken }) },
  'POST /api/v1/career/invitation/accept': { body: () => ({ token: fx.careerInviteToken, password: 'Doctor2026pwB' }) },
  'GET /api/v1/me/career/{id}': { variants: () => [foreign({ id: fx.linkedDoctor.id })] },
  'POST /api/v1/me/career/{id}/confirm': { variants: () => [foreign({ id: fx.linkedDoctor.id })], body: () => ({ version: 1 }) },
  'POST /api/v1/me/career/{id}/change-requests': { variants: () => [foreign({ id: fx.linkedDoctor.id })], body: () => ({ body: '権限確認の依頼' }) },
  'GET /api/v1/career/doctors/{id}/recruit-requests': { variants: () => [foreign({ id: fx.recruitDoctor.id })] },
  'POST /api/v1/career/doctors/{id}/recruit-requests': { variants: () => [foreign({ id: fx.recruitDoctor.id })], body: () => recruitBody() },
  'GET /api/v1/facility/recruit-requests': { leaks: () => [{ id: fx.recruitRequest.id, facts: {} }] },
  'POST /api/v1/facility/recruit-requests/{id}/posting': { variants: () => [foreign({ id: fx.recruitRequest.id })] },
  'POST /api/v1/facility/recruit-requests/{id}/decline': { variants: () => [foreign({ id: fx.recruitRequest.id })], body: () => ({ reason: '権限確認の辞退' }) },
  'POST /api/v1/career/doctors/{id}/interviews': { variants: () => [foreign({ id: fx.careerDoctor.id })], body: () => ({ held_on: '2027-04-01', body: '権限確認の面談' }) },
  'GET /api/v1/placement/rounds': { leaks: () => [{ id: fx.round.id, facts: {} }] },
  'POST /api/v1/placement/rounds': { body: () => placementRoundBody() },
  'GET /api/v1/placement/rounds/{id}': { variants: () => [foreign({ id: fx.round.id })] },
  'PUT /api/v1/placement/rounds/{id}': { variants: () => [foreign({ id: fx.round.id })], body: () => ({ title: '権限確認の選定' }) },
  'PUT /api/v1/placement/rounds/{id}/positions': {
    variants: () => [foreign({ id: fx.round.id })], body: () => ({ positions: [{ id: fx.round.position, facility_id: fx.facilityOrg, capacity: 1 }] }),
  },
  'PUT /api/v1/placement/rounds/{id}/caps': { variants: () => [foreign({ id: fx.round.id })], body: () => ({ caps: [] }) },
  'GET /api/v1/placement/rounds/{id}/ranks': { variants: () => [foreign({ id: fx.round.id })] },
  'PUT /api/v1/placement/rounds/{id}/doctors/{doctor}/ranks': {
    variants: () => [foreign({ id: fx.round.id, doctor: fx.careerDoctor.id })], body: () => ({ position_ids: [fx.round.position] }),
  },
  'PUT /api/v1/placement/rounds/{id}/positions/{position}/ranks': {
    variants: () => [foreign({ id: fx.round.id, position: fx.round.position })], body: () => ({ doctor_ids: [fx.careerDoctor.id] }),
  },
  'POST /api/v1/placement/rounds/{id}/previews': { variants: () => [foreign({ id: fx.round.id })] },
  'GET /api/v1/placement/rounds/{id}/previews/latest': { variants: () => [foreign({ id: fx.round.id })] },
  'POST /api/v1/placement/rounds/{id}/confirm': { variants: () => [foreign({ id: fx.round.id })], body: () => ({ preview_id: 'ppv_none' }) },
  'PUT /api/v1/placement/rounds/{id}/minutes': { variants: () => [foreign({ id: fx.round.id })], body: () => ({ minutes: '権限確認' }) },
  'POST /api/v1/placement/rounds/{id}/open-ranking': { variants: () => [foreign({ id: fx.round.id })] },
  'GET /api/v1/placement/rounds/{id}/result.csv': { variants: () => [foreign({ id: fx.round.id })] },
  'POST /api/v1/placement/rounds/{id}/follow-up': {
    variants: () => [foreign({ id: fx.round.id })], body: () => ({ doctor_deadline: '2099-03-31', facility_deadline: '2099-04-30' }),
  },
  'GET /api/v1/me/placement/rounds': { leaks: () => [{ id: fx.round.id, facts: {} }] },
  'GET /api/v1/me/placement/rounds/{id}': { variants: () => [foreign({ id: fx.round.id })] },
  'PUT /api/v1/me/placement/rounds/{id}/ranks': { variants: () => [foreign({ id: fx.round.id })], body: () => ({ position_ids: [fx.round.position] }) },
  'GET /api/v1/placement/facility/rounds': { leaks: () => [{ id: fx.round.id, facts: {} }] },
  'GET /api/v1/placement/facility/rounds/{id}': { variants: () => [foreign({ id: fx.round.id })] },
  'PUT /api/v1/placement/facility/rounds/{id}/positions/{position}/ranks': {
    variants: () => [foreign({ id: fx.round.id, position: fx.round.position })], body: () => ({ doctor_ids: [fx.careerDoctor.id] }),
  },
  'GET /api/v1/me/home': {},
  'POST /api/v1/notifications/read-all': {},
  'POST /api/v1/notifications/{id}/read': { variants: () => [foreign({ id: fx.notification })] },
  'GET /api/v1/feeds': { leaks: () => [{ id: fx.feed.id, facts: {} }] },
  'POST /api/v1/feeds': { body: () => ({ name: '権限確認の配信', prefectures: ['13'], categories: ['nurse'], urgency: 'immediate' }) },
  'DELETE /api/v1/feeds/{id}': { variants: () => [foreign({ id: fx.feed.id })] },
  'GET /api/v1/feeds/{token}/postings.json': { variants: () => [foreign({ token: fx.feedToken })] },
  'GET /api/v1/feeds/{token}/postings.atom': { variants: () => [foreign({ token: fx.feedToken })] },
  'GET /api/v1/beds/reports': { leaks: () => [{ id: fx.bedReport, facts: {} }] },
  'POST /api/v1/beds/reports': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { otherFacility: true })],
    body: (role, v) => ({
      wards: [{ ward_type: 'general', permitted: 100, secured: 5, vacant: 7 }], acceptance: { emergency: 'ok' },
      ...(v.facts.otherFacility ? { facility_id: fx.facilityOrg } : {}),
    }),
    refusedAlso: [400], // another facility's facility_id is a field error: 400 with fields.facility_id
  },
  'GET /api/v1/beds/board': { leaks: () => [{ id: fx.facilityOrg, facts: {} }] },
  'GET /api/v1/beds/facilities/{id}': { variants: () => [foreign({ id: fx.facilityOrg })] },
  'GET /api/v1/helpdesk/inquiries': { leaks: () => [{ id: fx.inquiry.id, facts: {} }] },
  'POST /api/v1/helpdesk/inquiries': { body: () => ({ subject: '権限確認', body: '内容', category: 'other' }) },
  'GET /api/v1/helpdesk/inquiries/{id}': { variants: () => [foreign({ id: fx.inquiry.id })] },
  'PATCH /api/v1/helpdesk/inquiries/{id}': { variants: async () => [foreign({ id: (await newInquiry()).id })], body: () => ({ status: 'closed' }) },
  'POST /api/v1/helpdesk/inquiries/{id}/messages': { variants: () => [foreign({ id: fx.inquiry.id })], body: () => ({ body: '追加の質問です。' }) },
  'GET /api/v1/attachments/{id}': {
    variants: () => [foreign({ id: fx.inquiryFile }), foreign({ id: fx.announcementFile }, { audience: ['facility', 'aggregator'] }),
      // A withdrawn announcement's file: nobody's audience any more.
      foreign({ id: fx.announcementWithdrawnFile }, { audience: [] }),
      // A file of an application's message is served only through its thread, never here.
      foreign({ id: fx.appFile }, { nobody: true })],
  },
  // A new conversation is the caller's own; continuing someone else's (a user's, an anonymous visitor's) is not.
  'POST /api/v1/chat/messages': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { conversation: fx.chatOwned }), foreign({}, { conversation: fx.chatAnon })],
    body: (role, v) => (v.facts.conversation ? { conversation: v.facts.conversation, text: '料金は？' } : { text: '料金は？' }),
  },
  'GET /api/v1/chat/conversations/{id}': { variants: () => [foreign({ id: fx.chatOwned }), foreign({ id: fx.chatAnon }), foreign({ id: fx.chatHanded })] },
  'GET /api/v1/chat/handovers': { leaks: () => [{ id: fx.chatHanded, facts: {} }] },
  'POST /api/v1/chat/conversations/{id}/messages': { variants: () => [foreign({ id: fx.chatHanded }), foreign({ id: fx.chatOwned })], body: () => ({ text: '権限確認の返信です。' }) },
  'POST /api/v1/chat/synonyms': { body: () => ({ terms: [unique('権限確認語A'), unique('権限確認語B')] }) },
  'PUT /api/v1/chat/synonyms/{id}': { variants: () => [foreign({ id: fx.synonymPut.id })], body: () => ({ terms: [unique('権限確認語C'), unique('権限確認語D')] }) },
  'DELETE /api/v1/chat/synonyms/{id}': { variants: () => [foreign({ id: fx.synonymDel.id })] },
  'GET /api/v1/chat/faq/{faq_id}/phrases': { variants: () => [foreign({ faq_id: fx.faqDraft.id })] },
  'PUT /api/v1/chat/faq/{faq_id}/phrases': { variants: () => [foreign({ faq_id: fx.faqDraft.id })], body: () => ({ phrases: ['権限確認の言い換え'] }) },
  'POST /api/v1/chat/try': { body: () => ({ text: 'パスワードを忘れた' }) },
  'GET /api/v1/faq': { leaks: () => [{ id: fx.faqDraft.id, facts: { published: false } }] },
  'POST /api/v1/faq': { body: () => ({ category: '権限確認', question: '質問', answer: '回答', published: false }) },
  'GET /api/v1/faq/{id}': { variants: () => [foreign({ id: fx.faq }, { published: true }), foreign({ id: fx.faqDraft.id }, { published: false })] },
  'PUT /api/v1/faq/{id}': { variants: () => [foreign({ id: fx.faqDraft.id })], body: () => ({ category: '権限確認', question: '下書きの質問', answer: '回答（改）', published: false }) },
  'GET /api/v1/announcements': {
    leaks: () => [{ id: fx.announcement.id, facts: { audience: ['facility', 'aggregator'] } }, { id: fx.announcementWithdrawn.id, facts: { audience: [] } }],
  },
  'POST /api/v1/announcements': { body: () => ({ title: '権限確認', body: '本文', audience: ['secretariat'] }) },
  'GET /api/v1/announcements/{id}': {
    variants: () => [foreign({ id: fx.announcement.id }, { audience: ['facility', 'aggregator'] }), foreign({ id: fx.announcementAll.id }, { audience: ['all'] }),
      foreign({ id: fx.announcementWithdrawn.id }, { audience: [] })],
  },
  'PUT /api/v1/announcements/{id}': {
    variants: () => [foreign({ id: fx.announcementAll.id })],
    body: () => ({ title: '権限確認（全員向け・訂正）', body: '本文（訂正）', audience: 'all' }),
  },
  'POST /api/v1/announcements/{id}/withdraw': {
    variants: async () => [foreign({ id: (await ok(callers.secretariat, 'POST', '/api/v1/announcements', { title: '権限確認（取り下げ用）', body: '本文', audience: 'all' })).id })],
    body: () => ({ reason: '権限確認のため' }),
  },
  'GET /api/v1/announcements/{id}/history': { variants: () => [foreign({ id: fx.announcementWithdrawn.id }), foreign({ id: fx.announcement.id })] },
  'POST /api/v1/postings/{id}/applications': {
    variants: async () => [foreign({ id: (await newPosting()).id }, { published: true }), foreign({ id: fx.draft.id }, { published: false })],
    body: () => ({ kind: 'application', consent: true, message: '応募します' }),
  },
  'GET /api/v1/applications': { leaks: () => [{ id: fx.app.id, facts: {} }] },
  'GET /api/v1/applications/{id}': { variants: () => [foreign({ id: fx.app.id })] },
  'PATCH /api/v1/applications/{id}': {
    variants: async () => [foreign({ id: (await newApplication()).id })],
    // A move each side may make from 新規: the seeker withdraws, the others start coordinating.
    body: (role) => ({ stage: role === 'seeker' ? 'withdrawn' : 'coordinating' }),
  },
  'POST /api/v1/applications/{id}/match': { variants: async () => [foreign({ id: (await newApplication()).id })] },
  'GET /api/v1/applications/{id}/messages': { variants: () => [foreign({ id: fx.app.id })] },
  'POST /api/v1/applications/{id}/messages': { variants: () => [foreign({ id: fx.app.id })], body: () => ({ body: '権限確認のメッセージ' }) },
  'POST /api/v1/applications/{id}/messages/read': { variants: () => [foreign({ id: fx.app.id })] },
  'GET /api/v1/applications/{id}/attachments/{file}': {
    variants: () => [foreign({ id: fx.app.id, file: fx.appFile }),
      // Another thread's file asked for through an application the calling seeker is a party of.
      foreign({ id: fx.callerApp.id, file: fx.appFile }, { nobody: true })],
  },
  'GET /api/v1/applications/{id}/records': { variants: () => [foreign({ id: fx.app.id })] },
  'POST /api/v1/applications/{id}/records': { variants: async () => [foreign({ id: (await newApplication()).id })], body: () => ({ kind: 'note', body: '権限確認の記録' }) },
  'POST /api/v1/applications/{id}/interviews': {
    variants: async () => [foreign({ id: (await newApplication()).id })],
    body: () => ({ slots: ['2027-07-05T10:00+09:00'], online: true }),
  },
  'POST /api/v1/interviews/{id}': {
    variants: async () => [foreign({ id: (await newInterview(false)).interview.id }, { interview: 'proposed' }),
      foreign({ id: (await newInterview(true)).interview.id }, { interview: 'scheduled' })],
    // What each side may do: the seeker accepts a proposal, facility staff record a held interview, anyone cancels.
    body: (role, v) => (role === 'seeker' && v.facts.interview === 'proposed' ? { action: 'accept', slot: 0 }
      : role === 'facility' && v.facts.interview === 'scheduled' ? { action: 'held' } : { action: 'cancel' }),
  },
  'GET /api/v1/interviews/{id}/invite.ics': { variants: () => [foreign({ id: fx.scheduled.interview.id })] },
  'POST /api/v1/interviews/{id}/signal': { variants: () => [foreign({ id: fx.scheduled.interview.id })], body: () => ({ type: 'hello', data: null }) },
  'PUT /api/v1/applications/{id}/training/{item}': {
    variants: () => [foreign({ id: fx.hired.id, item: 'infection_lecture' })], body: () => ({ hours: 1, completed_on: '2027-01-10' }),
  },
  'GET /api/v1/coordination/queue': { leaks: () => [{ id: fx.app.id, facts: {} }, { id: fx.hired.id, facts: {} }] },
  'GET /api/v1/coordination/postings/{id}/candidates': { variants: () => [foreign({ id: fx.posting.id }, { published: true }), foreign({ id: fx.draft.id })] },
  'GET /api/v1/workenv/members': { leaks: () => [{ id: fx.weOrg, facts: {} }] },
  'PUT /api/v1/workenv/members/{id}': { variants: () => [foreign({ id: fx.weOrg })], body: () => ({ kind: 'contractor' }) },
  'GET /api/v1/workenv/hospitals': { leaks: () => [{ id: fx.weHospital.id, facts: {} }] },
  'POST /api/v1/workenv/hospitals': { body: () => ({ name: unique('権限確認登録病院') }) },
  'GET /api/v1/workenv/hospitals/{id}': { variants: () => [foreign({ id: fx.weHospital.id })] },
  'PATCH /api/v1/workenv/hospitals/{id}': { variants: () => [foreign({ id: fx.weHospital.id })], body: () => ({ state: { plan: { exists: true } } }) },
  'GET /api/v1/workenv/hospitals/{id}/history': { variants: () => [foreign({ id: fx.weHospital.id })] },
  'GET /api/v1/workenv/hospitals/{id}/hours': { variants: () => [foreign({ id: fx.weHospital.id })] },
  'POST /api/v1/workenv/hospitals/{id}/hours': {
    variants: () => [foreign({ id: fx.weHospital.id })],
    raw: () => ({ type: 'text/csv', text: '医師コード,診療科,水準,時間外・休日労働時間\nAUTHZ2,内科,A,10\n' }),
  },
  'GET /api/v1/workenv/at-risk': { leaks: () => [{ id: fx.weHospital.id, facts: {} }] },
  'GET /api/v1/workenv/priorities': { leaks: () => [{ id: fx.weHospital.id, facts: {} }] },
  'PUT /api/v1/workenv/hospitals/{id}/priority': { variants: () => [foreign({ id: fx.weHospital.id })], body: () => ({ points: 10, note: '権限確認' }) },
  'GET /api/v1/workenv/cases': { leaks: () => [{ id: fx.weCase.id, facts: {} }] },
  'POST /api/v1/workenv/cases': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { otherPrefecture: true })],
    body: (role, v) => ({ hospital_id: v.facts.otherPrefecture ? fx.weHospital.id : fx.weOwnHospital.id, kind: 'consultation', channel: 'phone', title: '権限確認' }),
    refusedAlso: [400], // another prefecture's hospital is a field error: 400 with fields.hospital_id
  },
  'GET /api/v1/workenv/cases/{id}': { variants: () => [foreign({ id: fx.weCase.id })] },
  'PATCH /api/v1/workenv/cases/{id}': { variants: () => [foreign({ id: fx.weCase.id })], body: () => ({ note: '権限確認の経過' }) },
  'POST /api/v1/workenv/cases/{id}/notes': { variants: () => [foreign({ id: fx.weCase.id })], body: () => ({ body: '権限確認の経過' }) },
  'GET /api/v1/workenv/visits': { leaks: () => [{ id: fx.weVisit.id, facts: {} }] },
  'POST /api/v1/workenv/visits': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { otherPrefecture: true })],
    body: (role, v) => ({ hospital_id: v.facts.otherPrefecture ? fx.weHospital.id : fx.weOwnHospital.id, planned_date: '2027-02-01', attendees: ['権限 確認'] }),
    refusedAlso: [400], // another prefecture's hospital is a field error: 400 with fields.hospital_id
  },
  'PATCH /api/v1/workenv/visits/{id}': { variants: () => [foreign({ id: fx.weVisit.id })], body: () => ({ next_steps: '権限確認' }) },
  'GET /api/v1/workenv/meetings/series': { leaks: () => [{ id: fx.weSeries.id, facts: {} }] },
  'POST /api/v1/workenv/meetings/series': { body: () => ({ kind: 'council', title: unique('権限確認協議会'), bureau_email: 'authz-tokyo-roukyoku@example.jp' }) },
  'PATCH /api/v1/workenv/meetings/series/{id}': { variants: () => [foreign({ id: fx.weSeries.id })], body: () => ({ minutes_due_days: 14 }) },
  'GET /api/v1/workenv/meetings': { leaks: () => [{ id: fx.weMeeting.id, facts: {} }] },
  'POST /api/v1/workenv/meetings': {
    variants: () => [foreign({}, { callersOwn: true }), foreign({}, { otherPrefecture: true })],
    body: (role, v) => ({ series_id: v.facts.otherPrefecture ? fx.weSeries.id : fx.weOwnSeries.id, held_on: '2027-02-01', place: '会議室' }),
    refusedAlso: [400], // another prefecture's series is a field error: 400 with fields.series_id
  },
  'GET /api/v1/workenv/meetings/{id}': { variants: () => [foreign({ id: fx.weMeeting.id })] },
  'PATCH /api/v1/workenv/meetings/{id}': { variants: () => [foreign({ id: fx.weMeeting.id })], body: () => ({ place: '権限確認の会議室' }) },
  'POST /api/v1/workenv/meetings/{id}/actions': { variants: () => [foreign({ id: fx.weMeeting.id })], body: () => ({ title: '権限確認', owner: '権限 確認', due_date: '2027-03-01' }) },
  'PATCH /api/v1/workenv/meetings/actions/{id}': { variants: () => [foreign({ id: fx.weAction.id })], body: () => ({ status: 'done' }) },
  'PUT /api/v1/workenv/meetings/{id}/minutes': { variants: () => [foreign({ id: fx.weMeeting.id })], body: () => ({ body: '権限確認の改訂' }) },
  'POST /api/v1/workenv/meetings/{id}/minutes/confirmation-request': { variants: () => [foreign({ id: fx.weMeeting.id })] },
  'POST /api/v1/workenv/meetings/{id}/minutes/responses': { variants: () => [foreign({ id: fx.weMeeting.id })], body: () => ({ decision: 'confirmed' }) },
  'POST /api/v1/workenv/meetings/{id}/minutes/lock': { variants: () => [foreign({ id: fx.weMeeting.id })] },
  'POST /api/v1/workenv/meetings/{id}/minutes/resend': { variants: () => [foreign({ id: fx.weMeeting.id })] },
};

// ---- 1. the document and the server agree ----

const ROUTES_DB = `sqlite:${join(mkdtempSync(join(tmpdir(), 'kh-routes-')), 'routes.db')}`;
function registeredRoutes(extra = []) {
  const r = runCli(['routes', '--db', ROUTES_DB, ...extra]);
  assert.equal(r.status, 0, `kakehashi routes: ${r.stderr}`);
  const lines = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  assert.ok(lines.length > 50, `kakehashi routes printed ${lines.length} lines`);
  for (const l of lines) assert.match(l, /^[A-Z]+ \/\S*$/, `route line: ${l}`);
  return new Set(lines);
}

test('every route the server registers is documented with its rule, and every documented operation exists', () => {
  const plain = registeredRoutes();
  const demo = registeredRoutes(['--demo', '--listen', '127.0.0.1:0']);
  const documented = new Set(OPERATIONS.map(key));
  const undocumented = [...demo].filter((r) => !documented.has(r));
  assert.deepEqual(undocumented, [], 'routes missing from docs/openapi.yaml (add them, with x-roles and x-scope)');
  const withoutRoles = OPERATIONS.filter((op) => !op.ext['x-roles']).map(key);
  assert.deepEqual(withoutRoles, [], 'operations without x-roles');
  for (const op of OPERATIONS) {
    const k = key(op);
    if (op.ext['x-condition'] === 'demo') {
      assert.ok(demo.has(k), `${k} (x-condition: demo) is not registered in a demo`);
      assert.ok(!plain.has(k), `${k} is registered outside a demo, but documented as x-condition: demo`);
    } else {
      assert.equal(op.ext['x-condition'], undefined, `${k}: unknown x-condition`);
      assert.ok(plain.has(k), `${k} is documented but the server does not register it`);
    }
  }
});

test('x-roles and x-scope use the documented vocabulary; every operation with an id has x-scope', () => {
  const problems = [];
  for (const op of OPERATIONS) {
    const k = key(op);
    const roles = [].concat(op.ext['x-roles'] ?? []);
    for (const r of roles) if (!SHORTHANDS[r] && r !== 'anonymous' && !ROLES.includes(r)) problems.push(`${k}: unknown role ${r}`);
    if (roles.length === 0) problems.push(`${k}: empty x-roles`);
    const scope = scopeOf(op);
    if (op.path.includes('{') && !scope) problems.push(`${k}: no x-scope`);
    for (const t of scope ?? []) if (!SCOPES.includes(t)) problems.push(`${k}: unknown x-scope ${t}`);
    for (const t of ['x-roles', 'x-scope']) if (op.ext[t] !== undefined && !Array.isArray(op.ext[t])) problems.push(`${k}: ${t} must be a list`);
    if (rolesOf(op).has('anonymous') !== !!op.noCredentials)
      problems.push(`${k}: x-roles ${rolesOf(op).has('anonymous') ? 'includes' : 'excludes'} anonymous but security ${op.noCredentials ? 'allows' : 'does not allow'} no credentials`);
  }
  // Every term of the vocabulary is explained in info.description.
  for (const t of ['public', 'authenticated', 'anonymous', ...SCOPES.filter((s) => !ROLES.includes(s)), 'x-condition: demo'])
    if (!DOC_TEXT.includes(`\`${t}\``)) problems.push(`info.description does not explain \`${t}\``);
  assert.deepEqual(problems, []);
});

// ---- 2. the matrix ----

const holes = [];            // a 2xx the document does not allow
const wrongRefusals = [];    // a refusal other than 401/403/404 (or the operation's refusedAlso)
const listLeaks = [];        // a list showing an object outside the caller's scope
const allowedButRefused = []; // diagnostics: allowed by the document, refused here (state, single-use tokens)
const serverErrors = [];     // 5xx: a broken path, whoever called it
// KAKEHASHI_AUTHZ_LOG=file writes every call of the matrix with its answer, for reading the matrix by eye.
const matrixLog = process.env.KAKEHASHI_AUTHZ_LOG ? [] : null;
let allowed2xx = 0;
let calls = 0;

/** Callers in the order they are run: those who may get a 2xx last, so that their change comes after the refusals. */
function orderedCallers(op, facts) {
  const all = Object.values(callers);
  return [...all.filter((c) => !allowed(op, c.role, facts)), ...all.filter((c) => allowed(op, c.role, facts))];
}

function fill(path, params) {
  return path.replace(/\{([^}]+)\}/g, (_, name) => {
    if (params[name] === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
}

async function runOperation(op) {
  const k = key(op);
  const spec = CASES[k];
  if (!spec && (op.method !== 'GET' || op.path.includes('{')))
    throw new Error(`${k}: no case in authz_matrix.test.mjs — add its objects and body to CASES`);
  const s = spec ?? {};
  const variants = s.variants ? await s.variants(fx) : [foreign({}, { callersOwn: true })];
  for (const v of variants) {
    const path = fill(op.path, v.params);
    for (const caller of orderedCallers(op, v.facts)) {
      let who = caller;
      if (s.session === 'fresh' && caller.client) who = await session(caller.login, caller.role);
      const body = s.body ? s.body(caller.role, v) : undefined;
      const raw = s.raw ? s.raw(caller.role, v) : undefined;
      const r = await send(who, op.method, path, { body, raw });
      calls++;
      const may = allowed(op, caller.role, v.facts);
      const line = `${op.method} ${path} as ${caller.role} (${caller.login ?? 'no session'}) → ${r.status} ${r.text.slice(0, 160)}`;
      matrixLog?.push(`${may ? 'allowed  ' : 'forbidden'} ${line.replace(/\n/g, ' ')}`);
      if (r.status >= 500) serverErrors.push(line);
      if (r.status >= 200 && r.status < 300) {
        if (may) allowed2xx++;
        else holes.push(line);
      } else if (!may && ![401, 403, 404, ...(s.refusedAlso ?? [])].includes(r.status)) {
        wrongRefusals.push(line);
      } else if (may) {
        allowedButRefused.push(line);
      }
      if (s.leaks && r.status === 200)
        for (const leak of s.leaks(fx))
          if (!scopeOf(op)?.some((t) => scopeHolds(t, caller.role, leak.facts)) && r.text.includes(leak.id))
            listLeaks.push(`${op.method} ${path} as ${caller.role} (${caller.login ?? 'no session'}) shows ${leak.id}`);
    }
  }
}

test('no caller gets a 2xx the document does not allow, on objects of other users and organisations', async (t) => {
  const started = Date.now();
  for (const op of OPERATIONS.filter((o) => !CASES[key(o)]?.phase)) await runOperation(op);
  t.diagnostic(`${calls} calls, ${allowed2xx} allowed 2xx, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of allowedButRefused) t.diagnostic(`allowed by the document but refused here: ${line}`);
  assert.deepEqual(holes, [], 'AUTHORISATION HOLES: 2xx answers that x-roles / x-scope do not allow');
  assert.deepEqual(wrongRefusals, [], 'refused with a status other than 401/403/404');
  assert.deepEqual(listLeaks, [], 'lists showing objects outside the caller\'s scope');
  assert.ok(allowed2xx > 150, `only ${allowed2xx} allowed calls succeeded: the matrix would pass vacuously`);
  // Every 500 is a bug (the matrix found one: the secretariat's coordination record on an application no
  // organisation handled yet broke a foreign key).
  assert.deepEqual(serverErrors, [], 'server errors (5xx)');
});

// ---- 3. allowed callers reach their own objects ----

test('allowed callers reach their own objects', async () => {
  const fac = owners.facility, seeker = owners.seeker, coord = owners.coordinator;
  // The facility's own posting, its draft, its bed detail, its inquiry and file, its notice, its applicants.
  assert.equal((await ok(fac, 'GET', `/api/v1/postings/${fx.draft.id}`)).status, 'draft');
  await ok(fac, 'PATCH', `/api/v1/postings/${fx.posting.id}`, { duties: '自施設の変更' });
  assert.ok((await ok(fac, 'GET', `/api/v1/postings/${fx.posting.id}/versions`)).total >= 2);
  await ok(fac, 'GET', `/api/v1/postings/${fx.posting.id}/matches`);
  assert.ok((await ok(fac, 'GET', `/api/v1/postings/${fx.draft.id}/notice-preview`)).seekers >= 0);
  // Its contact request, and the seeker it was sent to answering it.
  assert.equal((await ok(fac, 'GET', `/api/v1/postings/${fx.posting.id}/contact-requests`)).items[0].state, 'sent');
  assert.ok((await ok(fx.scouted, 'GET', '/api/v1/me/contact-requests')).items.some((r) => r.id === fx.contactRequest.id));
  assert.equal((await ok(fx.scouted, 'PATCH', `/api/v1/contact-requests/${fx.contactRequest.id}`, { action: 'decline' })).state, 'declined');
  assert.equal((await ok(fac, 'GET', `/api/v1/postings/${fx.posting.id}/contact-requests`)).declined, 1);
  assert.equal((await ok(fac, 'GET', `/api/v1/beds/facilities/${fx.facilityOrg}`)).facility_id, fx.facilityOrg);
  await ok(fac, 'GET', `/api/v1/helpdesk/inquiries/${fx.inquiry.id}`);
  await ok(fac, 'GET', `/api/v1/attachments/${fx.inquiryFile}`);
  await ok(fac, 'POST', `/api/v1/notifications/${fx.notification}/read`);
  await ok(fac, 'GET', `/api/v1/applications/${fx.app.id}`);
  await ok(fac, 'GET', `/api/v1/interviews/${fx.scheduled.interview.id}/invite.ics`);
  await ok(fac, 'POST', `/api/v1/interviews/${fx.scheduled.interview.id}/signal`, { type: 'hello', data: null });
  assert.ok((await ok(fac, 'PUT', `/api/v1/applications/${fx.hired.id}/training/safety_lecture`, { hours: 1, completed_on: '2027-01-11' }))
    .training.some((x) => x.item === 'safety_lecture' && x.done));
  const proposed = await ok(fac, 'POST', `/api/v1/applications/${(await newApplication()).id}/interviews`, { slots: ['2027-07-03T10:00+09:00'], online: true });
  // The seeker's own application, thread and file; accepting an interview; withdrawing.
  await ok(seeker, 'GET', `/api/v1/applications/${fx.app.id}`);
  await ok(seeker, 'GET', `/api/v1/applications/${fx.app.id}/messages`);
  await ok(seeker, 'GET', `/api/v1/applications/${fx.app.id}/attachments/${fx.appFile}`);
  await ok(seeker, 'POST', `/api/v1/applications/${fx.app.id}/messages/read`);
  await ok(seeker, 'POST', `/api/v1/interviews/${proposed.interviews.at(-1).id}`, { action: 'accept', slot: 0 });
  assert.equal((await ok(seeker, 'PATCH', `/api/v1/applications/${(await newApplication()).id}`, { stage: 'withdrawn' })).stage, 'withdrawn');
  // The coordinators covering the posting: the application, records, candidates, interviews, the match; their own feed.
  await ok(coord, 'GET', `/api/v1/applications/${fx.app.id}`);
  await ok(coord, 'POST', `/api/v1/applications/${fx.app.id}/records`, { kind: 'call', body: '本人に電話しました。' });
  assert.equal((await ok(coord, 'GET', `/api/v1/applications/${fx.app.id}/records`)).total, 1);
  await ok(coord, 'GET', `/api/v1/coordination/postings/${fx.posting.id}/candidates`);
  // The other prefecture's work-environment centre: its hospital, hours, case, visit and priority.
  const we = owners.workenv;
  assert.equal((await ok(we, 'GET', `/api/v1/workenv/hospitals/${fx.weHospital.id}`)).hospital.id, fx.weHospital.id);
  await ok(we, 'PATCH', `/api/v1/workenv/hospitals/${fx.weHospital.id}`, { state: { plan: { exists: true } } });
  assert.ok((await ok(we, 'GET', `/api/v1/workenv/hospitals/${fx.weHospital.id}/history`)).total >= 2);
  assert.equal((await ok(we, 'GET', `/api/v1/workenv/hospitals/${fx.weHospital.id}/hours`)).doctors[0].doctor_code, 'AUTHZ1');
  await ok(we, 'POST', `/api/v1/workenv/hospitals/${fx.weHospital.id}/hours?month=2025-05`, undefined,
    { raw: { type: 'text/csv', text: '医師コード,診療科,水準,時間外・休日労働時間\nAUTHZ1,救急科,B,10\n' } });
  assert.ok((await ok(we, 'GET', '/api/v1/workenv/at-risk')).total >= 0);
  await ok(we, 'PUT', `/api/v1/workenv/hospitals/${fx.weHospital.id}/priority`, { points: 10, note: '自県の調整' });
  assert.ok((await ok(we, 'GET', '/api/v1/workenv/cases')).items.some((c) => c.id === fx.weCase.id));
  await ok(we, 'GET', `/api/v1/workenv/cases/${fx.weCase.id}`);
  await ok(we, 'PATCH', `/api/v1/workenv/cases/${fx.weCase.id}`, { status: 'in_progress' });
  await ok(we, 'POST', `/api/v1/workenv/cases/${fx.weCase.id}/notes`, { body: '電話で確認' });
  await ok(we, 'PATCH', `/api/v1/workenv/visits/${fx.weVisit.id}`, { status: 'done', report: '訪問しました' });
  assert.ok((await ok(we, 'GET', '/api/v1/workenv/members')).items.some((o) => o.id === fx.weOrg));
  // Its meetings: the series, the meeting, its action item, the minutes revised, confirmed by the participant, locked.
  assert.ok((await ok(we, 'GET', '/api/v1/workenv/meetings/series')).items.some((s) => s.id === fx.weSeries.id));
  await ok(we, 'PATCH', `/api/v1/workenv/meetings/series/${fx.weSeries.id}`, { minutes_due_days: 20 });
  assert.ok((await ok(we, 'GET', '/api/v1/workenv/meetings')).items.some((m) => m.id === fx.weMeeting.id));
  await ok(we, 'GET', `/api/v1/workenv/meetings/${fx.weMeeting.id}`);
  await ok(we, 'PATCH', `/api/v1/workenv/meetings/${fx.weMeeting.id}`, { place: '自県の会議室' });
  await ok(we, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/actions`, { title: '自県の対応', owner: '権限 勤改', due_date: '2026-03-01' });
  await ok(we, 'PATCH', `/api/v1/workenv/meetings/actions/${fx.weAction.id}`, { status: 'done' });
  await ok(we, 'PUT', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes`, { body: '自県の議事概要（改訂）' });
  await ok(we, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes/responses`, { decision: 'confirmed' });
  assert.equal((await ok(we, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes/lock`)).minutes.status, 'locked');
  // No SMTP here, so the mail is still waiting: the 受託者 may send it again.
  assert.equal((await ok(we, 'POST', `/api/v1/workenv/meetings/${fx.weMeeting.id}/minutes/resend`)).sends[0].kind, 'resend');
  // A facility reaches its own hospital page and hours.
  const facHospital = (await ok(fac, 'GET', '/api/v1/workenv/my-hospital')).hospital;
  await ok(fac, 'GET', `/api/v1/workenv/hospitals/${facHospital.id}`);
  await ok(fac, 'PATCH', `/api/v1/workenv/hospitals/${facHospital.id}`, { state: { measures: { continuous_28h: true, interval_9h: true, compensatory_rest: false } } });
  assert.ok((await ok(fac, 'GET', `/api/v1/workenv/hospitals/${facHospital.id}/history`)).total >= 2);
  await ok(fac, 'POST', `/api/v1/workenv/hospitals/${facHospital.id}/hours?month=2025-04`, undefined,
    { raw: { type: 'text/csv', text: '医師コード,診療科,水準,時間外・休日労働時間\nFAC1,内科,A,20\n' } });
  await ok(fac, 'GET', `/api/v1/workenv/hospitals/${facHospital.id}/hours`);
  await ok(coord, 'POST', `/api/v1/applications/${fx.app.id}/interviews`, { slots: ['2027-07-04T10:00+09:00'], online: true });
  assert.equal((await ok(coord, 'POST', `/api/v1/applications/${fx.app.id}/match`)).matched, true);
  await ok(coord, 'DELETE', `/api/v1/feeds/${fx.ownFeed.id}`);
  // An aggregator on a facility in the places it serves.
  const agg = await session('agg-tochigi', 'aggregator');
  const row = (await ok(agg, 'GET', '/api/v1/beds/board')).items[0];
  await ok(agg, 'GET', `/api/v1/beds/facilities/${row.facility_id}`);
  // The audience of an announcement opens it and its file.
  await ok(callers.facility, 'GET', `/api/v1/announcements/${fx.announcement.id}`);
  await ok(callers.facility, 'GET', `/api/v1/attachments/${fx.announcementFile}`);
  // Every side of the application on its thread and its interviews.
  for (const who of [fac, coord]) {
    await ok(who, 'GET', `/api/v1/applications/${fx.app.id}/messages`);
    await ok(who, 'POST', `/api/v1/applications/${fx.app.id}/messages`, { body: '確認しました。' });
    await ok(who, 'POST', `/api/v1/applications/${fx.app.id}/messages/read`);
    await ok(who, 'GET', `/api/v1/applications/${fx.app.id}/attachments/${fx.appFile}`);
  }
  await ok(coord, 'GET', `/api/v1/postings/${fx.posting.id}/matches`);
  assert.equal((await ok(coord, 'PATCH', `/api/v1/applications/${(await newApplication()).id}`, { stage: 'coordinating' })).stage, 'coordinating');
  for (const who of [seeker, coord]) await ok(who, 'GET', `/api/v1/interviews/${fx.scheduled.interview.id}/invite.ics`);
  await ok(seeker, 'POST', `/api/v1/interviews/${fx.scheduled.interview.id}/signal`, { type: 'hello', data: null });
  await ok(fac, 'POST', `/api/v1/interviews/${(await newInterview(true)).interview.id}`, { action: 'held' });
  await ok(coord, 'POST', `/api/v1/interviews/${(await newInterview(false)).interview.id}`, { action: 'cancel' });
  // The secretariat's own organisation's feed.
  const secretariatFeed = await ok(callers.secretariat, 'POST', '/api/v1/feeds', { name: '事務局の配信' });
  await ok(callers.secretariat, 'DELETE', `/api/v1/feeds/${secretariatFeed.id}`);
  // The career centre on its own prefecture's programme and doctor (issue 13).
  const centre = callers.career_center;
  const prog = await ok(centre, 'POST', '/api/v1/career/programmes', careerProgrammeBody());
  await ok(centre, 'GET', `/api/v1/career/programmes/${prog.id}`);
  assert.equal((await ok(centre, 'PUT', `/api/v1/career/programmes/${prog.id}`, { course: '自県のコース' })).current_version, 2);
  const doc = await ok(centre, 'POST', '/api/v1/career/doctors', careerDoctorBody(prog.id));
  await ok(centre, 'GET', `/api/v1/career/doctors/${doc.id}`);
  await ok(centre, 'POST', `/api/v1/career/doctors/${doc.id}/status`, { status: 'obligation', date: '2027-04-01' });
  assert.equal((await ok(centre, 'POST', `/api/v1/career/doctors/${doc.id}/plan/check`, careerPlanBody())).valid, true);
  assert.equal((await ok(centre, 'PUT', `/api/v1/career/doctors/${doc.id}/plan`, careerPlanBody())).plan.state, 'proposed');
  assert.equal((await ok(centre, 'POST', `/api/v1/career/doctors/${doc.id}/plan/state`, { state: 'confirmation' })).plan.state, 'confirmation');
  await ok(centre, 'GET', `/api/v1/career/doctors/${doc.id}/ledger`);
  // Placement rounds (issue 14): the other prefecture's centre on its own round, the facility on its own position.
  const tc = owners.career;
  const own = await newPlacementRound();
  await ok(tc, 'GET', `/api/v1/placement/rounds/${own.id}`);
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}`, { title: '自県の選定' });
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/caps`, { caps: [] });
  await ok(tc, 'GET', `/api/v1/placement/rounds/${own.id}/ranks`);
  assert.equal((await ok(fac, 'GET', `/api/v1/placement/facility/rounds/${own.id}`)).positions[0].applicants.length, 1);
  await ok(fac, 'PUT', `/api/v1/placement/facility/rounds/${own.id}/positions/${own.position}/ranks`, { doctor_ids: [fx.careerDoctor.id] });
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/positions/${own.position}/ranks`, { doctor_ids: [fx.careerDoctor.id] });
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/doctors/${fx.careerDoctor.id}/ranks`, { position_ids: [own.position] });
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/positions`, { positions: [{ id: own.position, facility_id: fx.facilityOrg, capacity: 1 }] });
  // The linked doctor ranks from their own account once the round is open for ranking; a second seat stays unfilled.
  await ok(tc, 'POST', `/api/v1/placement/rounds/${own.id}/open-ranking`);
  assert.ok((await ok(owners.careerDoctor, 'GET', '/api/v1/me/placement/rounds')).items.some((r) => r.id === own.id));
  await ok(owners.careerDoctor, 'PUT', `/api/v1/me/placement/rounds/${own.id}/ranks`, { position_ids: [own.position] });
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/positions`, { positions: [{ id: own.position, facility_id: fx.facilityOrg, capacity: 2 }] });
  const placementPreview = await ok(tc, 'POST', `/api/v1/placement/rounds/${own.id}/previews`);
  assert.equal((await ok(tc, 'GET', `/api/v1/placement/rounds/${own.id}/previews/latest`)).preview.id, placementPreview.id);
  assert.equal((await ok(tc, 'POST', `/api/v1/placement/rounds/${own.id}/confirm`, { preview_id: placementPreview.id })).state, 'confirmed');
  await ok(tc, 'PUT', `/api/v1/placement/rounds/${own.id}/minutes`, { minutes: '自県の議事録' });
  assert.equal((await ok(owners.careerDoctor, 'GET', `/api/v1/me/placement/rounds/${own.id}`)).state, 'confirmed');
  await ok(tc, 'GET', `/api/v1/placement/rounds/${own.id}/result.csv`);
  await ok(tc, 'POST', `/api/v1/placement/rounds/${own.id}/follow-up`, { doctor_deadline: '2099-03-31', facility_deadline: '2099-04-30' });
  // Chat conversations: the seeker's own, and the anonymous visitor's with its cookie.
  assert.ok((await ok(seeker, 'GET', `/api/v1/chat/conversations/${fx.chatOwned}`)).messages.length >= 2);
  await ok(seeker, 'POST', '/api/v1/chat/messages', { conversation: fx.chatOwned, text: '面接はいつ？' });
  await ok(fx.chatVisitor, 'GET', `/api/v1/chat/conversations/${fx.chatAnon}`);
  await ok(fx.chatVisitor, 'POST', '/api/v1/chat/messages', { conversation: fx.chatAnon, text: '対応しているブラウザは？' });
  assert.equal((await ok(centre, 'POST', `/api/v1/career/doctors/${doc.id}/interviews`, { held_on: '2027-04-01', body: '自県の面談' })).items.length, 1);
  await ok(centre, 'GET', `/api/v1/career/doctors/${doc.id}/interviews`);
  // The doctor's own account: the linked seeker reads their record, asks for a change and confirms the plan the
  // centre sent for confirmation; their centre handles the request and invites another of its doctors.
  const mine = owners.careerDoctor;
  assert.equal((await ok(mine, 'GET', '/api/v1/me/career')).items[0].id, fx.linkedDoctor.id);
  await ok(mine, 'GET', `/api/v1/me/career/${fx.linkedDoctor.id}`);
  const asked = await ok(mine, 'POST', `/api/v1/me/career/${fx.linkedDoctor.id}/change-requests`, { body: '自分の依頼' });
  await ok(owners.career, 'POST', `/api/v1/career/doctors/${fx.linkedDoctor.id}/change-requests/${asked.change_requests[0].id}/handled`, {});
  const planned = await ok(owners.career, 'PUT', `/api/v1/career/doctors/${fx.linkedDoctor.id}/plan`, careerPlanBody());
  await ok(owners.career, 'POST', `/api/v1/career/doctors/${fx.linkedDoctor.id}/plan/state`, { state: 'confirmation' });
  assert.equal((await ok(mine, 'POST', `/api/v1/me/career/${fx.linkedDoctor.id}/confirm`, { version: planned.plan.version + 1 })).plan.state, 'confirmed');
  const another = await ok(owners.career, 'POST', '/api/v1/career/doctors', { ...careerDoctorBody(fx.careerProgramme.id), email: uniqueEmail('career-other') });
  await ok(owners.career, 'POST', `/api/v1/career/doctors/${another.id}/invitation`);
  // 募集の依頼 (issue 13): the centre reads its doctor's slots and sends one; the facility lists them, makes one a
  // draft posting and declines another.
  assert.ok((await ok(owners.career, 'GET', `/api/v1/career/doctors/${fx.recruitDoctor.id}/recruit-requests`)).slots.some((x) => x.kind === 'gap'));
  const toDecline = await ok(owners.career, 'POST', `/api/v1/career/doctors/${fx.recruitDoctor.id}/recruit-requests`, recruitBody());
  assert.ok((await ok(fac, 'GET', '/api/v1/facility/recruit-requests')).items.some((x) => x.id === fx.recruitRequest.id));
  assert.ok((await ok(fac, 'POST', `/api/v1/facility/recruit-requests/${fx.recruitRequest.id}/posting`)).posting_id);
  assert.equal((await ok(fac, 'POST', `/api/v1/facility/recruit-requests/${toDecline.id}/decline`, { reason: '自施設の辞退' })).state, 'declined');
  // The coordinators the conversation was handed to read it, list it and answer in it.
  await ok(coord, 'GET', `/api/v1/chat/conversations/${fx.chatHanded}`);
  assert.ok((await ok(coord, 'GET', '/api/v1/chat/handovers')).items.some((i) => i.id === fx.chatHanded));
  await ok(coord, 'POST', `/api/v1/chat/conversations/${fx.chatHanded}/messages`, { text: 'ご相談を承ります。' });
  // A second factor turned off by its owner with a current code.
  await ok(fx.selfDisable, 'POST', '/api/v1/me/second-factor/disable', { password: 'Authz2026pwB', code: totpCode(fx.selfDisable.secret, 1) });
});

test('a coordinator of another covering organisation is a party, but not the handling one (rule 5)', async () => {
  // Its organisation covers every job category in Tokyo; the 東京都ナースセンター handles fx.app since the test above.
  const login = unique('coord-other-');
  const made = runCli(['user', 'add', '--db', server.db, '--login', login, '--password', 'Coord2026pwX', '--role', 'coordinator',
    '--organisation', unique('権限確認ナースバンク'), '--prefecture', '13']);
  assert.equal(made.status, 0, made.stderr);
  const other = await session(login, 'coordinator', 'Coord2026pwX');
  assert.equal((await ok(other, 'GET', `/api/v1/applications/${fx.app.id}`)).can_see_records, false);
  assert.equal((await send(other, 'GET', `/api/v1/applications/${fx.app.id}/records`)).status, 404);
  assert.equal((await send(other, 'POST', `/api/v1/applications/${fx.app.id}/records`, { body: { kind: 'note', body: '横から' } })).status, 403);
  assert.ok(!(await ok(other, 'GET', '/api/v1/coordination/queue')).follow_ups_due.some((f) => f.application_id === fx.app.id));
});

test('every operation that uses the session refuses a request without the CSRF token', async () => {
  const accepted = [];
  for (const op of OPERATIONS) {
    if (op.method === 'GET' || rolesOf(op).has('anonymous')) continue;
    const s = CASES[key(op)] ?? {};
    const [v] = s.variants ? await s.variants(fx) : [foreign({}, { callersOwn: true })];
    // A caller the rule allows where there is one, so that only the missing header can refuse it.
    const role = [...rolesOf(op)].find((r) => allowed(op, r, v.facts)) ?? [...rolesOf(op)][0];
    const who = s.session === 'fresh' ? await session(callers[role].login, role) : callers[role];
    const r = await send(who, op.method, fill(op.path, v.params), { body: s.body?.(role, v), raw: s.raw?.(role, v), csrf: false });
    if (r.status !== 403 || r.json?.error?.code !== 'csrf_failed') accepted.push(`${key(op)} as ${role} → ${r.status} ${r.text.slice(0, 120)}`);
  }
  assert.deepEqual(accepted, []);
});

// ---- 4. what ends sessions, last ----

test('operations that end sessions obey the rule too (run last)', async () => {
  const before = holes.length + wrongRefusals.length;
  for (const phase of [1, 2])
    for (const op of OPERATIONS.filter((o) => CASES[key(o)]?.phase === phase)) await runOperation(op);
  assert.deepEqual([...holes, ...wrongRefusals].slice(before), []);
});

test('every operation answered a 2xx to someone, and only to roles its x-roles names', (t) => {
  const never = OPERATIONS.map(key).filter((k) => !reached.has(k));
  assert.deepEqual(never, [], 'operations no caller could use: their case in CASES is probably wrong');
  assert.deepEqual(undocumented2xx, [], '2xx answers to roles that x-roles does not name');
  // Roles the document names that were never seen using an operation (the matrix calls on others' objects; these
  // are not failures, but a hint that x-roles may promise more than the code gives).
  for (const op of OPERATIONS) {
    const missing = [...rolesOf(op)].filter((r) => !reached.get(key(op))?.has(r));
    if (missing.length) t.diagnostic(`${key(op)}: no 2xx seen for ${missing.join(', ')}`);
  }
});
