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
    contact: { name: '', phone: '12', email: 'x' },
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
