// Postings: registration with per-field errors, lifecycle, versions, CSV import, search with facets and
// Japanese folding — and the masking rules on every surface a viewer can reach.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ smtp: false }); });
after(async () => { await server.stop(); });

// Unusual values, so that a leak anywhere is unmistakable.
const SECRET = {
  facility: '千代田区神田さくら病院',
  street: '内神田九丁目八番地ナナ',
  building: 'ひみつ記念棟',
  phone: '03-9876-5432',
  email: 'hidden-contact@sakura.example',
  person: '秘密 担当子',
};

function posting(overrides = {}) {
  return {
    title: '【急募】病棟看護師（夜勤可）', category: 'nurse', employment: 'fixed_term', start_date: '2027-01-05',
    period_months: 3, weekdays: ['fri', 'mon', 'mon'], hours: '8:30-17:15', full_time: true, night_duty: true,
    urgency: 'immediate', positions: 2, duties: 'インフルエンザ流行による欠員補充。病棟業務全般。',
    requirements: '看護師免許', pay: '時給2,500円', benefits: '交通費支給', training_agreed: true,
    workplace: { postal_code: '１０１－００４７', prefecture: '13', municipality: '131016', street: SECRET.street, building: SECRET.building },
    contact: { name: SECRET.person, location: '看護部', phone: SECRET.phone, email: SECRET.email },
    masked: true, status: 'published', ...overrides,
  };
}

async function facility() { const c = new Client(server.url); await c.login('fac-tokyo-01'); return c; }

function assertNoSecret(text, where) {
  for (const [k, v] of Object.entries(SECRET)) assert.ok(!text.includes(v), `${where} leaks ${k}`);
  assert.ok(!text.includes('1010047'), `${where} leaks the postal code`);
  assert.ok(!text.includes('131016'), `${where} leaks the municipality`);
}

test('every field error is named in Japanese and nothing is saved', async () => {
  const fac = await facility();
  const before = (await fac.get('/api/v1/facility/postings')).json.total;
  const r = await fac.post('/api/v1/postings', {
    title: '', category: 'doctor', employment: 'spot', start_date: '2027-02-30', end_date: '2026-01-01', urgency: 'soon',
    positions: 0, duties: '', training_agreed: false, weekdays: ['someday'],
    workplace: { postal_code: '123', prefecture: '13', municipality: '271233', street: '' },
    contact: { name: '', phone: '12', email: 'x' }, status: 'published',
  });
  assert.equal(r.status, 400);
  const f = r.json.error.fields;
  assert.equal(f.title, '「タイトル」を入力してください。');
  assert.equal(f.specialty, '職種が医師の場合は「診療科」を選択してください。');
  assert.match(f.start_date, /実在する日付/);
  assert.match(f.urgency, /緊急度/);
  assert.match(f.positions, /募集人数/);
  assert.match(f.weekdays, /勤務曜日/);
  assert.match(f.training_agreed, /同意/);
  assert.match(f['workplace.postal_code'], /7桁/);
  assert.match(f['workplace.municipality'], /市区町村/);
  assert.match(f['contact.phone'], /電話番号/);
  assert.match(f.masked, /マスキング/);
  assert.equal((await fac.get('/api/v1/facility/postings')).json.total, before);
  const later = await fac.post('/api/v1/postings', posting({ end_date: '2026-12-01', start_date: '2027-01-05' }));
  assert.equal(later.json.error.fields.end_date, '「勤務終了日」は勤務開始日以降の日付にしてください。');
});

test('a draft saves with whatever is filled; 公開 needs every field and names each missing one', async () => {
  const fac = await facility();
  const title = `下書きだけ ${Date.now()}`;
  const draft = await fac.post('/api/v1/postings', { title, masked: false, status: 'draft' });
  assert.equal(draft.status, 201, draft.text);
  assert.equal(draft.json.status, 'draft');
  assert.equal(draft.json.start_date, '');
  // Given values are still checked in a draft.
  const wrong = await fac.post('/api/v1/postings', {
    title: '下書きの誤り', masked: false, start_date: '2027-02-30', urgency: 'soon',
    workplace: { postal_code: '123' }, contact: { phone: '12', email: 'x' },
  });
  assert.equal(wrong.status, 400);
  const wf = wrong.json.error.fields;
  assert.match(wf.start_date, /実在する日付/);
  assert.match(wf.urgency, /緊急度/);
  assert.match(wf['workplace.postal_code'], /7桁/);
  assert.match(wf['contact.phone'], /0から始まる/);
  assert.match(wf['contact.email'], /メールアドレス/);
  assert.deepEqual(Object.keys(wf).sort(), ['contact.email', 'contact.phone', 'start_date', 'urgency', 'workplace.postal_code']);
  // The draft is edited bit by bit, still a draft.
  const more = await fac.patch(`/api/v1/postings/${draft.json.id}`, { category: 'nurse', duties: '病棟業務' });
  assert.equal(more.status, 200, more.text);

  // 公開 of the incomplete draft: every missing field, by name, in the fields and the message.
  const publish = await fac.patch(`/api/v1/postings/${draft.json.id}`, { status: 'published' });
  assert.equal(publish.status, 400);
  const pf = publish.json.error.fields;
  assert.deepEqual(Object.keys(pf).sort(), [
    'contact.email', 'contact.name', 'contact.phone', 'employment', 'start_date', 'training_agreed', 'urgency',
    'positions', 'workplace.municipality', 'workplace.postal_code', 'workplace.prefecture', 'workplace.street',
  ].sort());
  assert.equal(pf.start_date, '「勤務開始日」を入力してください。');
  assert.equal(pf['contact.name'], '「担当者名」を入力してください。');
  assert.match(publish.json.error.message, /^公開するには次の項目を入力してください：/);
  for (const label of ['雇用形態', '勤務開始日', '緊急度', '募集人数', '研修受講への同意', '郵便番号', '都道府県', '市区町村', '町名・番地', '担当者名', '電話番号', 'メールアドレス'])
    assert.ok(publish.json.error.message.includes(`「${label}」`), `the message leaves out ${label}`);
  for (const label of ['タイトル', '職種', '業務内容'])
    assert.ok(!publish.json.error.message.includes(`「${label}」`), `the message names ${label}, which is filled`);
  assert.equal((await fac.get(`/api/v1/postings/${draft.json.id}`)).json.status, 'draft', 'a refused 公開 leaves the draft');

  // Completed, it publishes; published, it cannot be emptied again.
  const { title: _t, masked: _m, status: _s, ...rest } = posting();
  const done = await fac.patch(`/api/v1/postings/${draft.json.id}`, { ...rest, status: 'published' });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.status, 'published');
  const emptied = await fac.patch(`/api/v1/postings/${draft.json.id}`, { duties: '' });
  assert.equal(emptied.status, 400);
  assert.equal(emptied.json.error.fields.duties, '「業務内容」を入力してください。');
  await fac.patch(`/api/v1/postings/${draft.json.id}`, { status: 'closed', close_reason: 'withdrawn' });

  // Published at once on create: the same check.
  const atOnce = await fac.post('/api/v1/postings', { title: '未完成の公開', masked: false, status: 'published' });
  assert.equal(atOnce.status, 400);
  assert.match(atOnce.json.error.message, /「勤務開始日」/);
  assert.equal(atOnce.json.error.fields.duties, '「業務内容」を入力してください。');
  // An incomplete draft may still be closed (withdrawn).
  const bare = await fac.post('/api/v1/postings', { title: '閉じる下書き', masked: false });
  assert.equal((await fac.patch(`/api/v1/postings/${bare.json.id}`, { status: 'closed', close_reason: 'withdrawn' })).status, 200);
});

test('a facility registers a masked urgent posting; the public sees it without the masked values', async () => {
  const fac = await facility();
  const created = await fac.post('/api/v1/postings', posting());
  assert.equal(created.status, 201, created.text);
  const p = created.json;
  assert.equal(p.workplace.postal_code, '1010047', 'postal code normalised');
  assert.equal(p.workplace.area, '1301', 'area derived from the municipality');
  assert.deepEqual(p.weekdays, ['mon', 'fri']);
  assert.equal(p.facility.name, SECRET.facility);

  const anon = new Client(server.url);
  const detail = await anon.get(`/api/v1/postings/${p.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.json.workplace.prefecture, '13');
  for (const key of ['postal_code', 'municipality', 'street', 'building', 'area']) assert.ok(!(key in detail.json.workplace), key);
  assert.ok(!('contact' in detail.json));
  assert.deepEqual(detail.json.facility, {});
  assertNoSecret(detail.text, 'detail');

  const search = await anon.get('/api/v1/postings?urgency=immediate&prefecture=13&per_page=100');
  const hit = search.json.items.find((i) => i.id === p.id);
  assert.ok(hit, 'found by filters');
  assertNoSecret(JSON.stringify(hit), 'search item');

  // Viewers who are entitled see everything: the facility itself, the secretariat, the covering coordinator.
  for (const login of ['fac-tokyo-01', 'jimukyoku', 'coord-nurse-13']) {
    const c = new Client(server.url);
    await c.login(login);
    const d = await c.get(`/api/v1/postings/${p.id}`);
    assert.equal(d.json.contact.phone, SECRET.phone, login);
    assert.equal(d.json.facility.name, SECRET.facility, login);
  }
  // Everyone else sees the masked shape: another facility, an aggregator, a seeker, other regions' centres.
  for (const login of ['fac-tokyo-02', 'agg-tochigi', 'seeker@example.jp', 'career-09', 'workenv-13']) {
    const c = new Client(server.url);
    await c.login(login);
    assertNoSecret((await c.get(`/api/v1/postings/${p.id}`)).text, `detail for ${login}`);
    assertNoSecret((await c.get('/api/v1/postings?per_page=100&q=看護師')).text, `search for ${login}`);
  }
});

test('a search for a masked value finds nothing and changes no count or facet', async () => {
  const fac = await facility();
  const unique = `マスク試験${Date.now()}`;
  const created = await fac.post('/api/v1/postings', posting({ title: `${unique} 看護師`, workplace: { ...posting().workplace, street: `${unique}通り1-1` } }));
  assert.equal(created.status, 201);
  const anon = new Client(server.url);
  for (const q of [SECRET.facility, SECRET.street, SECRET.building, SECRET.phone, SECRET.person, SECRET.email, '神田', '内神田', '千代田区', `${unique}通り`]) {
    const r = await anon.get(`/api/v1/postings?q=${encodeURIComponent(q)}&per_page=100`);
    assert.equal(r.status, 200);
    assert.ok(!r.json.items.some((i) => i.masked), `query ${q} must not find a masked posting`);
  }
  // The same public query with and without a hidden word: identical totals and facets.
  const base = await anon.get(`/api/v1/postings?q=${encodeURIComponent(unique)}`);
  assert.equal(base.json.total, 1, 'found by its public title');
  const withHidden = await anon.get(`/api/v1/postings?q=${encodeURIComponent(`${unique} ${SECRET.street}`)}`);
  assert.equal(withHidden.json.total, 0);
  assert.deepEqual(withHidden.json.facets, {});
});

test('an unmasked posting is findable by facility name, in any width or kana', async () => {
  const fac = await facility();
  const created = await fac.post('/api/v1/postings', posting({ masked: false, title: 'カンゴシ募集（外来）' }));
  assert.equal(created.status, 201);
  const anon = new Client(server.url);
  for (const q of ['かんごし募集', 'ｶﾝｺﾞｼ募集', 'カンゴシ　外来', 'さくら病院']) {
    const r = await anon.get(`/api/v1/postings?q=${encodeURIComponent(q)}&per_page=100`);
    assert.ok(r.json.items.some((i) => i.id === created.json.id), `query ${q}`);
  }
  const d = await anon.get(`/api/v1/postings/${created.json.id}`);
  assert.equal(d.json.facility.name, SECRET.facility);
  assert.equal(d.json.contact.phone, SECRET.phone);
});

test('an edit is live in search at once and keeps a version with who, when and what', async () => {
  const fac = await facility();
  const { json: p } = await fac.post('/api/v1/postings', posting({ masked: false, title: '編集前タイトル' }));
  // Asked once before the edit: an anonymous answer kept from then must not outlive the edit.
  assert.equal((await new Client(server.url).get(`/api/v1/postings?q=${encodeURIComponent('編集前タイトル')}`)).json.total, 1);
  const edited = await fac.patch(`/api/v1/postings/${p.id}`, { title: '編集後タイトル', positions: 5 });
  assert.equal(edited.status, 200);
  assert.equal(edited.json.version, 2);
  const anon = new Client(server.url);
  assert.equal((await anon.get(`/api/v1/postings?q=${encodeURIComponent('編集後タイトル')}`)).json.total, 1);
  assert.equal((await anon.get(`/api/v1/postings?q=${encodeURIComponent('編集前タイトル')}`)).json.total, 0);
  const versions = await fac.get(`/api/v1/postings/${p.id}/versions`);
  assert.equal(versions.json.items[0].version, 2);
  assert.equal(versions.json.items[0].changed_by, '佐藤 一郎（千代田区神田さくら病院）', 'by name and organisation, never the login ID');
  assert.deepEqual(versions.json.items[0].changes.title, ['編集前タイトル', '編集後タイトル']);
  assert.deepEqual(versions.json.items[0].changes.positions, [2, 5]);
  const other = new Client(server.url);
  await other.login('fac-tokyo-02');
  assert.equal((await other.get(`/api/v1/postings/${p.id}/versions`)).status, 404);
  assert.equal((await other.patch(`/api/v1/postings/${p.id}`, { title: '乗っ取り' })).status, 404);
});

test('lifecycle: paused postings leave search, closed ones need a reason and are final', async () => {
  const fac = await facility();
  const { json: p } = await fac.post('/api/v1/postings', posting({ masked: false, status: 'draft', title: 'ライフサイクル確認' }));
  const anon = new Client(server.url);
  assert.equal((await anon.get(`/api/v1/postings/${p.id}`)).status, 404, 'drafts are not public');
  assert.equal((await fac.patch(`/api/v1/postings/${p.id}`, { status: 'paused' })).status, 400);
  assert.equal((await fac.patch(`/api/v1/postings/${p.id}`, { status: 'published' })).status, 200);
  assert.equal((await anon.get(`/api/v1/postings?q=${encodeURIComponent('ライフサイクル確認')}`)).json.total, 1);
  assert.equal((await fac.patch(`/api/v1/postings/${p.id}`, { status: 'paused' })).status, 200);
  assert.equal((await anon.get(`/api/v1/postings?q=${encodeURIComponent('ライフサイクル確認')}`)).json.total, 0);
  const noReason = await fac.patch(`/api/v1/postings/${p.id}`, { status: 'closed' });
  assert.match(noReason.json.error.fields.close_reason, /充足/);
  assert.equal((await fac.patch(`/api/v1/postings/${p.id}`, { status: 'closed', close_reason: 'filled' })).status, 200);
  assert.equal((await fac.patch(`/api/v1/postings/${p.id}`, { status: 'published' })).status, 409);
  const list = await fac.get('/api/v1/facility/postings');
  assert.ok(list.json.counts.closed >= 1);
});

test('the facility list filters by status, category and words, and pages; the counts stay those of every posting', async () => {
  const fac = await facility();
  const tag = `絞込${Date.now().toString(36)}`;
  const all = (await fac.get('/api/v1/facility/postings')).json;
  const made = [];
  for (const [i, extra] of [{ status: 'draft' }, { status: 'published', category: 'pharmacist' }, { status: 'published' }].entries())
    made.push((await fac.post('/api/v1/postings', posting({ title: `${tag} 募集${i}`, masked: false, ...extra }))).json);

  const words = (await fac.get(`/api/v1/facility/postings?q=${encodeURIComponent(`${tag}　募集`)}`)).json;
  assert.equal(words.total, 3);
  assert.equal(words.per_page, null);
  // The counts describe every posting, whatever the filter.
  assert.equal(words.counts.draft, all.counts.draft + 1);
  assert.equal(words.counts.published, all.counts.published + 2);
  const drafts = (await fac.get(`/api/v1/facility/postings?q=${tag}&status=draft`)).json;
  assert.deepEqual(drafts.items.map((p) => p.id), [made[0].id]);
  const pharmacists = (await fac.get(`/api/v1/facility/postings?q=${tag}&category=pharmacist`)).json;
  assert.deepEqual(pharmacists.items.map((p) => p.id), [made[1].id]);
  // Duties are searched too; a word that appears nowhere finds nothing.
  assert.equal((await fac.get(`/api/v1/facility/postings?q=${tag}+${encodeURIComponent('インフルエンザ')}`)).json.total, 3);
  assert.equal((await fac.get(`/api/v1/facility/postings?q=${tag}+xyzzy`)).json.total, 0);

  // Pages: newest change first, per_page at a time, the total of every match.
  const page1 = (await fac.get(`/api/v1/facility/postings?q=${tag}&per_page=2&page=1`)).json;
  const page2 = (await fac.get(`/api/v1/facility/postings?q=${tag}&per_page=2&page=2`)).json;
  assert.equal(page1.total, 3);
  assert.equal(page1.items.length, 2);
  assert.equal(page2.items.length, 1);
  assert.equal(page1.page, 1);
  assert.equal(page2.per_page, 2);
  assert.deepEqual(new Set([...page1.items, ...page2.items].map((p) => p.id)), new Set(made.map((p) => p.id)));
  const beyond = (await fac.get(`/api/v1/facility/postings?q=${tag}&per_page=2&page=9`)).json;
  assert.deepEqual([beyond.items.length, beyond.total], [0, 3]);

  // Bad values are named in Japanese, per parameter.
  const bad = await fac.get('/api/v1/facility/postings?status=open&category=astronaut&per_page=500&page=0');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.status, /「状態」/);
  assert.match(bad.json.error.fields.category, /「職種」/);
  assert.match(bad.json.error.fields.per_page, /「表示件数」は1以上100以下/);
  assert.match(bad.json.error.fields.page, /「ページ」/);
});

test('only facility users register postings', async () => {
  for (const login of ['agg-tochigi', 'seeker@example.jp', 'coord-nurse-13']) {
    const c = new Client(server.url);
    await c.login(login);
    assert.equal((await c.post('/api/v1/postings', posting())).status, 403, login);
  }
  assert.equal((await new Client(server.url).post('/api/v1/postings', posting())).status, 401);
});

test('HTML in free text is stored and returned as text', async () => {
  const fac = await facility();
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const { json: p } = await fac.post('/api/v1/postings', posting({ masked: false, duties: evil }));
  const r = await new Client(server.url).get(`/api/v1/postings/${p.id}`);
  assert.equal(r.json.duties, evil);
  assert.match(r.headers.get('content-type'), /application\/json/);
});

const HEADER = 'title,category,specialty,employment,start_date,end_date,period_months,weekdays,hours,full_time,night_duty,urgency,positions,duties,requirements,pay,benefits,training_agreed,postal_code,prefecture,municipality,street,building,area,contact_name,contact_location,contact_phone,contact_email,masked,status';
const row = (title, extra = {}) => {
  const v = { title, category: 'nurse', specialty: '', employment: 'spot', start_date: '2027-03-01', end_date: '2027-03-05', period_months: '', weekdays: 'mon tue', hours: '9:00-17:00', full_time: '1', night_duty: '0', urgency: 'regular', positions: '1', duties: '"接種会場での問診補助, 接種"', requirements: '', pay: '', benefits: '', training_agreed: '1', postal_code: '101-0047', prefecture: '13', municipality: '131016', street: '内神田1-1', building: '', area: '', contact_name: '担当', contact_location: '', contact_phone: '03-1111-2222', contact_email: 'a@example.jp', masked: '0', status: 'published', ...extra };
  return Object.values(v).join(',');
};

test('CSV import: one bad row reports that row and saves nothing; a clean file saves every row', async () => {
  const fac = await facility();
  const before = (await fac.get('/api/v1/facility/postings')).json.total;
  const bad = [HEADER, row('CSV一括1'), row('CSV一括2', { start_date: '2027-02-31' }), row('CSV一括3')].join('\r\n');
  const r = await fac.post('/api/v1/postings/import', undefined, { raw: bad, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, 'import_failed');
  assert.deepEqual(Object.keys(r.json.error.fields), ['row_3']);
  assert.match(r.json.error.fields.row_3, /^3行目: .*勤務開始日/);
  assert.equal((await fac.get('/api/v1/facility/postings')).json.total, before);

  const good = [HEADER, row('CSV一括1'), row('CSV一括2')].join('\n') + '\n';
  const ok = await fac.post('/api/v1/postings/import', undefined, { raw: good, headers: { 'content-type': 'text/csv' } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.imported, 2);
  assert.equal((await new Client(server.url).get(`/api/v1/postings?q=${encodeURIComponent('CSV一括')}`)).json.total, 2);
});

/** Windows-31J bytes of a text, as Excel saves a CSV (a table built from the WHATWG Shift_JIS decoder). */
const WINDOWS_31J = (() => {
  const table = new Map();
  const decoder = new TextDecoder('shift_jis');
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  for (let b = 0xa1; b <= 0xdf; b++) table.set(decoder.decode(new Uint8Array([b])), [b]);
  return table;
})();
function windows31j(text) {
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (WINDOWS_31J.has(ch)) bytes.push(...WINDOWS_31J.get(ch));
    else throw new Error(`not in Windows-31J: ${ch}`);
  }
  return Buffer.from(bytes);
}

/** The bytes of a GET with the client's session (the template is not UTF-8, so not read as text). */
async function download(client, path) {
  const res = await fetch(server.url + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const csvPost = (client, bytes) => client.post('/api/v1/postings/import', undefined, { raw: bytes, headers: { 'content-type': 'text/csv' } });

// What a hospital clerk writes in Excel: Japanese headers in the template's order, names instead of codes, dates as
// Excel writes them, the prefecture left out or written in the municipality.
const JA_HEADER = 'タイトル,職種,診療科,雇用形態,勤務開始日,勤務終了日,期間（月数）,勤務曜日,勤務時間,フルタイム,当直・オンコール,緊急度,募集人数,業務内容,応募要件,給与,待遇・福利厚生,研修受講への同意,郵便番号,都道府県,市区町村,町名・番地,建物名・施設名,二次医療圏,担当者名,担当部署・所在地,電話番号,メールアドレス,マスキング希望,状態';
const jaRow = (title, extra = {}) => {
  const v = { title, category: '看護師', specialty: '', employment: '有期', start_date: '2027/6/1', end_date: '', period_months: '3か月', weekdays: '月～金', hours: '8:30-17:15', full_time: 'はい', night_duty: 'いいえ', urgency: '急募', positions: '2人', duties: '病棟業務全般', requirements: '', pay: '"時給 2,200円～"', benefits: '', training_agreed: 'はい', postal_code: '100-0001', prefecture: '', municipality: '千代田区', street: '千代田1-1', building: '', area: '', contact_name: '採用担当', contact_location: '看護部', contact_phone: '0312345678', contact_email: 'recruit@example.jp', masked: 'いいえ', status: '公開', ...extra };
  return Object.values(v).join(',');
};

test('CSV import speaks Japanese: Windows-31J, Japanese headers and names, Excel dates; codes and English headers still work', async () => {
  const fac = await facility();
  const anon = new Client(server.url);
  // Windows-31J (what Excel writes by default), names for every coded column; 東京都千代田区 and 千代田区 alike.
  // 0312345678 lost its leading zero in Excel (312345678); 府中市 is found in the row's prefecture.
  const file = [JA_HEADER,
    jaRow('SJIS一括 千代田'),
    jaRow('SJIS一括 都から', { municipality: '東京都千代田区', contact_phone: '312345678', weekdays: '月、水、金', employment: '無期（常勤）', period_months: '' }),
    jaRow('SJIS一括 府中', { prefecture: '東京都', municipality: '府中市', postal_code: '183-0055', street: '府中町1-1', category: 'nurse', employment: 'fixed_term', urgency: 'regular', status: '下書き' }),
  ].join('\r\n') + '\r\n';
  const bytes = windows31j(file);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file really is not UTF-8');
  const r = await csvPost(fac, bytes);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.imported, 3);
  const [chiyoda, full, fuchu] = await Promise.all(r.json.ids.map(async (id) => (await fac.get(`/api/v1/postings/${id}`)).json));
  assert.equal(chiyoda.title, 'SJIS一括 千代田');
  assert.equal(chiyoda.category, 'nurse');
  assert.equal(chiyoda.employment, 'fixed_term');
  assert.equal(chiyoda.urgency, 'immediate');
  assert.equal(chiyoda.status, 'published');
  assert.equal(chiyoda.start_date, '2027-06-01');
  assert.equal(chiyoda.period_months, 3);
  assert.equal(chiyoda.positions, 2);
  assert.deepEqual(chiyoda.weekdays, ['mon', 'tue', 'wed', 'thu', 'fri']);
  assert.equal(chiyoda.full_time, true);
  assert.equal(chiyoda.night_duty, false);
  assert.equal(chiyoda.masked, false);
  assert.equal(chiyoda.pay, '時給 2,200円～');
  assert.deepEqual([chiyoda.workplace.prefecture, chiyoda.workplace.municipality, chiyoda.workplace.postal_code], ['13', '131016', '1000001']);
  assert.equal(full.workplace.municipality, '131016');
  assert.equal(full.employment, 'permanent');
  assert.equal(full.contact.phone, '0312345678');
  assert.deepEqual(full.weekdays, ['mon', 'wed', 'fri']);
  assert.deepEqual([fuchu.workplace.prefecture, fuchu.workplace.municipality, fuchu.status], ['13', '132063', 'draft']);

  // UTF-8 with a BOM, English headers in another order, optional columns left out.
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([
    'municipality,prefecture,title,category,employment,start_date,period_months,urgency,positions,duties,training_agreed,postal_code,street,contact_name,contact_phone,contact_email,masked,status',
    '131016,13,BOM一括,pharmacist,fixed_term,2027-07-01,6,regular,1,調剤,1,1010047,内神田1-1,担当,03-1111-2222,a@example.jp,0,published',
  ].join('\n'), 'utf8')]);
  const b = await csvPost(fac, bom);
  assert.equal(b.status, 201, b.text);
  const pharmacist = (await fac.get(`/api/v1/postings/${b.json.ids[0]}`)).json;
  assert.deepEqual([pharmacist.title, pharmacist.category, pharmacist.workplace.municipality], ['BOM一括', 'pharmacist', '131016']);
  assert.equal((await anon.get(`/api/v1/postings?q=${encodeURIComponent('BOM一括')}`)).json.total, 1, 'no BOM in the first column name or value');

  // Refusals name the row and the column in Japanese; an ambiguous municipality suggests what to write; nothing is saved.
  const before = (await fac.get('/api/v1/facility/postings')).json.total;
  const bad = [JA_HEADER,
    jaRow('SJIS誤り 正しい行'),
    jaRow('SJIS誤り 府中', { municipality: '府中市' }),
    jaRow('SJIS誤り 職種', { category: '看護士', weekdays: '月曜と火曜' }),
    jaRow('SJIS誤り 県違い', { prefecture: '大阪府', municipality: '千代田区' }),
    jaRow('SJIS誤り 北区', { prefecture: '大阪府', municipality: '北区' }),
  ].join('\r\n');
  const refused = await csvPost(fac, windows31j(bad));
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, 'import_failed');
  const f = refused.json.error.fields;
  assert.deepEqual(Object.keys(f).sort(), ['row_3', 'row_4', 'row_5', 'row_6']);
  assert.match(f.row_3, /^3行目: 「市区町村」列: 「府中市」は2か所あります（「東京都府中市」、「広島県府中市」）。「東京都府中市」のように都道府県名から書くか/);
  assert.match(f.row_4, /^4行目: 「職種」列: 「看護士」は職種の名前にもコードにもありません。.*看護師/);
  assert.match(f.row_4, / ／ 「勤務曜日」列: 「月曜と火曜」は曜日として読み取れません/);
  assert.match(f.row_5, /^5行目: 「市区町村」列: 「千代田区」は大阪府にありません（「東京都千代田区」）/);
  assert.match(f.row_6, /^6行目: 「市区町村」列: 「北区」は2か所あります（「大阪府大阪市北区」、「大阪府堺市北区」）。「札幌市中央区」のように市の名前から書いて/);
  assert.equal((await fac.get('/api/v1/facility/postings')).json.total, before);

  // The header: unknown, doubled and missing columns are named.
  const header = await csvPost(fac, Buffer.from('タイトル,職業,タイトル\nx,y,z\n', 'utf8'));
  assert.equal(header.status, 400);
  assert.match(header.json.error.message, /^1行目（見出し）: 「職業」は列の名前にありません。「タイトル」の列が2つあります。「職種」、「雇用形態」.*の列がありません。/);
  assert.equal((await csvPost(fac, Buffer.from([0x82, 0x20, 0xff]))).status, 400, 'neither UTF-8 nor Windows-31J');
});

test('the CSV template: Windows-31J for Excel, Japanese headers, one example row that imports as it is', async () => {
  const fac = await facility();
  const t = await download(fac, '/api/v1/postings/import/template.csv');
  assert.equal(t.status, 200);
  assert.match(t.headers.get('content-type'), /^text\/csv; charset=Shift_JIS/);
  assert.match(t.headers.get('content-disposition'), /^attachment; filename="kakehashi_postings_template\.csv"; filename\*=UTF-8''/);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(t.bytes));
  const text = new TextDecoder('shift_jis', { fatal: true }).decode(t.bytes);
  const lines = text.split('\r\n');
  assert.equal(lines[0], JA_HEADER);
  assert.match(lines[1], /^病棟看護師（3か月）,看護師,,有期,\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\),/, 'the date as the app shows dates');
  assert.equal(lines.at(-1), '', 'CRLF after the last row');
  const imported = await csvPost(fac, t.bytes);
  assert.equal(imported.status, 201, imported.text);
  const example = (await fac.get(`/api/v1/postings/${imported.json.ids[0]}`)).json;
  assert.deepEqual([example.category, example.workplace.municipality, example.status, example.duties],
    ['nurse', '131016', 'draft', '病棟での看護業務全般。\n夜勤はありません。']);
  await fac.patch(`/api/v1/postings/${example.id}`, { status: 'closed', close_reason: 'withdrawn' });
  // Facility staff only.
  assert.equal((await download(new Client(server.url), '/api/v1/postings/import/template.csv')).status, 401);
  const seeker = new Client(server.url);
  await seeker.login('seeker@example.jp');
  assert.equal((await download(seeker, '/api/v1/postings/import/template.csv')).status, 403);
});

test('search: filters, facets, sorting, paging and bad parameters', async () => {
  const anon = new Client(server.url);
  const all = await anon.get('/api/v1/postings?per_page=5&page=2&sort=start_date');
  assert.equal(all.status, 200);
  assert.equal(all.json.items.length, 5);
  assert.ok(all.json.total > 200, 'demo data has a few hundred postings');
  const dates = all.json.items.map((i) => i.start_date);
  assert.deepEqual(dates, [...dates].sort());
  const nurses = await anon.get('/api/v1/postings?category=nurse&per_page=1');
  assert.equal(nurses.json.facets.category.nurse, nurses.json.total);
  const internal = await anon.get(`/api/v1/postings?specialty=${encodeURIComponent('内科')}&per_page=100`);
  assert.ok(internal.json.items.some((i) => i.specialty === '消化器内科' || i.specialty === '循環器内科' || i.specialty === '呼吸器内科'), 'a basic area finds its subspecialties');
  const area = await anon.get('/api/v1/postings?area=0903&per_page=100');
  assert.ok(area.json.total > 0 && area.json.items.every((i) => i.workplace.area === '0903' && !i.masked),
    'the area filter finds unmasked postings only: a masked posting hides its area');
  const bad = await anon.get('/api/v1/postings?category=astronaut&per_page=1000&start_to=2027-13-01');
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['category', 'per_page', 'start_to']);
});

test('reference data: categories, specialties, areas, municipalities, postal codes; secretariat CSV import', async () => {
  const anon = new Client(server.url);
  const cats = await anon.get('/api/v1/reference/categories');
  assert.deepEqual(cats.json.items.map((c) => c.code), ['doctor', 'phn', 'midwife', 'nurse', 'assoc_nurse', 'radiology_tech', 'lab_tech', 'clinical_engineer', 'pharmacist', 'paramedic', 'clerk']);
  const specs = await anon.get('/api/v1/reference/specialties');
  assert.equal(specs.json.items.filter((s) => s.is_basic).length, 19);
  assert.equal(specs.json.items.find((s) => s.name === '消化器内科').basic_area, '内科');
  const areas = await anon.get('/api/v1/reference/areas?prefecture=13');
  assert.equal(areas.json.items.find((a) => a.code === '1301').name, '区中央部');
  const postal = await anon.get('/api/v1/reference/postal-codes/１６０－００２３');
  assert.deepEqual(postal.json.items[0], { postal_code: '1600023', prefecture: '13', municipality: '131041', municipality_name: '新宿区', town: '西新宿' });

  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const head = 'prefecture_code,area_code,area_name,municipality_code,municipality_name';
  const bad = [head, '19,1901,中北,192015,甲府市', '19,1902,峡東,192020,富士吉田市'].join('\n');
  const r = await sec.post('/api/v1/reference/areas/import', undefined, { raw: bad, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 400);
  assert.deepEqual(Object.keys(r.json.error.fields), ['row_3']);
  assert.equal((await anon.get('/api/v1/reference/areas?prefecture=19')).json.total, 4, 'nothing half-imported: 山梨県 keeps its 4 areas');
  const good = [head, '19,1901,中北,192015,甲府市', '19,1902,峡東,192058,山梨市'].join('\n');
  const ok = await sec.post('/api/v1/reference/areas/import', undefined, { raw: good, headers: { 'content-type': 'text/csv' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal((await anon.get('/api/v1/reference/areas?prefecture=19')).json.total, 2);
  const fac = await facility();
  assert.equal((await fac.post('/api/v1/reference/areas/import', undefined, { raw: good, headers: { 'content-type': 'text/csv' } })).status, 403);
});
