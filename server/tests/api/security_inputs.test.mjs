// Issue 10, the input findings of the penetration test, each as it was found and as it must hold now:
// 3 strict date-times (no 500, nothing odd in an .ics), 5 handles per facility, 6 CSV formula injection,
// 9 control characters and duplicate JSON keys, 10 HEAD on the event stream.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, uniqueEmail } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function as(login, password) { const c = new Client(server.url); await c.login(login, password); return c; }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = 'Inputs2026pw';

/** A new seeker with a nurse profile for Tokyo, logged in. */
async function newSeeker(name, experienceYears = 41) {
  const email = uniqueEmail('inputs');
  assert.equal(runCli(['user', 'add', '--db', server.db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', name]).status, 0);
  const c = await as(email, PASSWORD);
  const saved = await c.put('/api/v1/me/profile', { name, categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'],
    experience_years: experienceYears, notify: 'off' });
  assert.equal(saved.status, 200, saved.text);
  return { c, email, handle: saved.json.handle };
}

async function publish(login, title) {
  const fac = await as(login);
  const r = await fac.post('/api/v1/postings', {
    title, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3, urgency: 'regular',
    positions: 1, duties: '病棟業務\n夜勤なし', training_agreed: true, masked: false, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田1-1' },
    contact: { name: '担当 一郎', phone: '03-0000-0000', email: 'contact@example.jp' },
  });
  assert.equal(r.status, 201, r.text);
  return { fac, posting: r.json };
}

/** The handles of candidates with `years` of experience on a posting, once the engine has them (it follows the
 * change log). */
async function candidateHandle(fac, postingId, years) {
  for (let i = 0; i < 50; i++) {
    const r = await fac.get(`/api/v1/postings/${postingId}/matches?per_page=100`);
    assert.equal(r.status, 200, r.text);
    const found = r.json.items.filter((m) => m.candidate.experience_years === years);
    if (found.length) return found.map((m) => m.candidate.handle);
    await sleep(100);
  }
  throw new Error('the candidate did not appear');
}

// ---- 3. date-times ----

test('interview slots: every bad date-time is a 400 naming the field, none a 500; the .ics holds what we wrote', async () => {
  const { c: seeker } = await newSeeker('日時 確認');
  const { fac, posting } = await publish('fac-tokyo-01', `日時確認 ${Date.now()}`);
  const app = await seeker.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'application', consent: true });
  assert.equal(app.status, 201, app.text);
  const bad = ['9999-12-31T23:00-09:00', '2030-01-10T10:00+!!:!!', '2030-01-10T10:00+09:\r\n00', '2030-01-10T10:00+09:00\r\nX-EVIL:1',
    '0000-01-10T10:00+09:00', '2030-02-30T10:00+09:00', '2030-01-10T25:00+09:00', '2030-01-10 10:00+09:00', 'tomorrow', ''];
  for (const slot of bad) {
    const r = await fac.post(`/api/v1/applications/${app.json.id}/interviews`, { slots: [slot], online: true });
    assert.equal(r.status, 400, `${JSON.stringify(slot)} → ${r.status} ${r.text}`);
    assert.match(r.json.error.fields.slots, /「候補日時」/);
  }
  // A good one, written with another offset, is stored in Japan time and reaches the calendar in UTC.
  const ok = await fac.post(`/api/v1/applications/${app.json.id}/interviews`, { slots: ['2030-01-10T01:00Z'], online: true });
  assert.equal(ok.status, 201, ok.text);
  const interview = ok.json.interviews.at(-1);
  assert.deepEqual(interview.slots, ['2030-01-10T10:00+09:00']);
  assert.equal((await seeker.post(`/api/v1/interviews/${interview.id}`, { action: 'accept', slot: 0 })).status, 200);
  const ics = await seeker.get(`/api/v1/interviews/${interview.id}/invite.ics`);
  assert.match(ics.text, /DTSTART:20300110T010000Z\r\n/);
  assert.ok(!/X-EVIL/.test(ics.text));
  // Other date fields use the same years: a far-future follow-up date is refused too.
  const coord = await as('coord-nurse-13');
  const rec = await coord.post(`/api/v1/applications/${app.json.id}/records`, { kind: 'note', body: 'x', follow_up_on: '9999-12-31' });
  assert.equal(rec.status, 400);
  assert.match(rec.json.error.fields.follow_up_on, /次回対応日/);
});

// ---- 5. handles ----

test('a seeker has a different handle at every facility, stable at each, and unrelated to their own', async () => {
  const seeker = await newSeeker('仮名 確認', 43);  // no other candidate has 43 years
  const one = await publish('fac-tokyo-01', `仮名確認A ${Date.now()}`);
  const two = await publish('fac-tokyo-02', `仮名確認B ${Date.now()}`);
  const again = await publish('fac-tokyo-01', `仮名確認C ${Date.now()}`);
  const [h1] = await candidateHandle(one.fac, one.posting.id, 43);
  const [h2] = await candidateHandle(two.fac, two.posting.id, 43);
  const [h1again] = await candidateHandle(again.fac, again.posting.id, 43);
  assert.match(h1, /^求職者-[0-9A-Z]{8}$/);
  assert.notEqual(h1, h2, 'two facilities comparing notes cannot join them');
  assert.equal(h1, h1again, 'stable for one facility');
  assert.notEqual(h1, seeker.handle);
  assert.notEqual(h2, seeker.handle);
  // On an application the seeker, the facility and the coordinator see the same (facility's) handle.
  const app = await seeker.c.post(`/api/v1/postings/${two.posting.id}/applications`, { kind: 'contact_request' });
  assert.equal(app.json.seeker.handle, h2);
  assert.equal((await two.fac.get(`/api/v1/applications/${app.json.id}`)).json.seeker.handle, h2);
  const coord = await as('coord-nurse-13');
  assert.equal((await coord.get(`/api/v1/applications/${app.json.id}`)).json.seeker.handle, h2);
  // Messages and the stage history name the seeker the same way before disclosure — never by the seeker's own
  // reference — and staff by name and organisation, never by login ID.
  assert.equal((await seeker.c.post(`/api/v1/applications/${app.json.id}/messages`, { body: '条件を相談したいです。' })).status, 201);
  const thread = await two.fac.get(`/api/v1/applications/${app.json.id}/messages`);
  assert.equal(thread.json.items.at(-1).author, h2);
  assert.ok(!thread.text.includes(seeker.handle) && !thread.text.includes('仮名 確認'));
  assert.equal((await coord.patch(`/api/v1/applications/${app.json.id}`, { stage: 'coordinating' })).status, 200);
  const seen = (await two.fac.get(`/api/v1/applications/${app.json.id}`)).json;
  assert.deepEqual(seen.events.map((e) => e.by), [h2, '加藤 恵（東京都ナースセンター）']);
  assert.ok(!JSON.stringify(seen).includes('coord-nurse-13'));
});

test('once disclosed, the facility reads the seeker by the name in their profile, in the stage history too', async () => {
  const seeker = await newSeeker('開示 アカウント名', 44);
  const renamed = await seeker.c.put('/api/v1/me/profile', { name: '開示 プロフィール名', categories: ['nurse'], employment: ['fixed_term'],
    prefectures: ['13'], experience_years: 44, notify: 'off' });
  assert.equal(renamed.status, 200, renamed.text);
  const { fac, posting } = await publish('fac-tokyo-01', `開示確認 ${Date.now()}`);
  const app = await seeker.c.post(`/api/v1/postings/${posting.id}/applications`, { kind: 'application', consent: true, message: '応募します。' });
  assert.equal(app.status, 201, app.text);
  const seen = (await fac.get(`/api/v1/applications/${app.json.id}`)).json;
  assert.equal(seen.seeker.name, '開示 プロフィール名');
  assert.deepEqual(seen.events.map((e) => e.by), ['開示 プロフィール名']);
  assert.ok(!JSON.stringify(seen).includes('開示 アカウント名'), 'the account name is not the person’s name');
});

// ---- 6. CSV injection ----

test('bed-board CSV cells that Excel would run are neutralised; counts stay numbers', async () => {
  const sec = await as('jimukyoku');
  const evil = '=HYPERLINK("http://evil.example","開く")';
  const org = await sec.post('/api/v1/organisations', { name: evil, kind: 'facility', prefecture: '09', municipality: '092011', address: '-2+3 @SUM(A1)' });
  assert.equal(org.status, 201, org.text);
  // The board follows the change log: the new facility is there within a moment.
  let text = '', line;
  for (let i = 0; i < 50 && !line; i++, await sleep(100)) {
    const res = await fetch(`${server.url}/api/v1/beds/board.csv`, { headers: { cookie: [...sec.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    text = new TextDecoder('shift_jis').decode(new Uint8Array(await res.arrayBuffer()));
    line = text.split('\r\n').find((l) => l.includes('HYPERLINK'));
  }
  assert.ok(line, 'the facility is in the export');
  assert.ok(line.startsWith(`"'=HYPERLINK(""http://evil.example"",""開く"")"`), line);
  assert.ok(line.includes(`"'-2+3 @SUM(A1)"`), line);
  // A reported facility's counts are plain numbers.
  const reported = text.split('\r\n').slice(1).find((l) => /,\d+,\d+,\d+,/.test(l));
  assert.ok(reported, 'counts are written as numbers, unquoted');
  for (const l of text.split('\r\n').slice(1)) assert.ok(!/(^|,)[=+\-@]/.test(l), `an unneutralised cell: ${l}`);
});

// ---- 9. control characters and duplicate keys ----

test('control and bidirectional characters are refused in names, with the field named, wherever text is read', async () => {
  for (const name of ['山田\u0000花子', '山田\r\n花子', '山田\n花子', '山田\u202E子花', '\u2066山田']) {
    const r = await new Client(server.url).post('/api/v1/registrations', { name, email: uniqueEmail('ctl'), password: 'Control2026pw' });
    assert.equal(r.status, 400, JSON.stringify(name));
    assert.match(r.json.error.fields.name, /「氏名」/);
  }
  const sec = await as('jimukyoku');
  const orgs = (await sec.get('/api/v1/organisations?per_page=500')).json.items;
  const issued = await sec.post('/api/v1/users', { login: 'ctl-check', display_name: '管理\u202E者', email: 'ctl@example.jp', role: 'facility',
    organisation_id: orgs.find((o) => o.kind === 'facility').id });
  assert.equal(issued.status, 400);
  assert.match(issued.json.error.fields.display_name, /「氏名」/);
  const fac = await as('fac-tokyo-01');
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
  for (const filename of ['請求書\u202Efdp.exe', 'a\r\nContent-Type: text/html.pdf', 'nul\u0000.pdf']) {
    const r = await fac.post('/api/v1/helpdesk/inquiries', { subject: '添付確認', body: '本文', attachments: [{ filename, data_base64: pdf }] });
    assert.equal(r.status, 400, JSON.stringify(filename));
    assert.match(r.json.error.fields.attachments, /添付ファイルの名前/);
  }
  // Free text keeps its lines (and CRLF becomes LF), but not bidirectional controls.
  const multi = await fac.post('/api/v1/helpdesk/inquiries', { subject: '改行確認', body: '1行目\r\n2行目' });
  assert.equal(multi.status, 201, multi.text);
  assert.equal((await fac.post('/api/v1/helpdesk/inquiries', { subject: '方向確認', body: 'a\u202Eb' })).status, 400);
  assert.equal((await fac.post('/api/v1/helpdesk/inquiries', { subject: '件名\n二行', body: 'x' })).json.error.fields.subject.includes('「件名」'), true);
});

test('a JSON body naming a key twice is a 400 on every route', async () => {
  const raw = '{"login": "jimukyoku", "login": "fac-tokyo-01", "password": "Kakehashi2026"}';
  const r = await new Client(server.url).post('/api/v1/session', undefined, { raw, headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 400);
  assert.match(r.json.error.message, /同じ項目名/);
  const fac = await as('fac-tokyo-01');
  const posting = await fac.post('/api/v1/helpdesk/inquiries', undefined,
    { raw: '{"subject": "a", "body": "b", "\\u0073ubject": "c"}', headers: { 'content-type': 'application/json' } });
  assert.equal(posting.status, 400, 'the same key, escaped');
});

// ---- 10. HEAD on the event stream ----

test('HEAD /api/v1/events answers headers only and does not hold the connection', async () => {
  const seeker = await as('seeker@example.jp');
  const cookie = [...seeker.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  const res = await fetch(`${server.url}/api/v1/events`, { method: 'HEAD', headers: { cookie }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/event-stream/);
  assert.equal(await res.text(), '');
  clearTimeout(timer);
  // A raw socket shows that no body bytes follow the headers.
  const net = await import('node:net');
  const url = new URL(server.url);
  const bytes = await new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port), url.hostname, () => s.write(`HEAD /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`));
    let got = '';
    s.on('data', (d) => { got += d.toString('latin1'); });
    s.on('end', () => resolve(got));
    s.on('error', reject);
    setTimeout(() => { s.destroy(); resolve(got + '<<still open>>'); }, 3000);
  });
  assert.ok(!bytes.includes('<<still open>>'), 'the server closed the connection');
  assert.equal(bytes.slice(bytes.indexOf('\r\n\r\n') + 4), '', 'no body after the headers');
  assert.equal((await fetch(`${server.url}/api/v1/events`, { method: 'HEAD' })).status, 401);
});
