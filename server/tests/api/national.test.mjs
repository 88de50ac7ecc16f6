// All of Japan (issue 11): the shipped national reference data (server/data/national, byte for byte the shared
// data set's municipalities.csv and postal_codes.csv) — a posting registered and found in every prefecture, at a
// municipality and postal code taken from that data; an organisation (facility and aggregator), a seeker's wishes
// and the bed board in every prefecture; postal codes that cover several towns or municipalities; municipalities
// found by kana; a facility's postal code derived from its address; the demo data's spread (12 prefectures,
// 医師少数区域 among them); 医師少数区域 per 二次医療圏.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client } from './harness.mjs';

const data = (name) => readFileSync(new URL(`../../data/national/${name}`, import.meta.url), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','));
const municipalities = data('municipalities.csv');
const postal = data('postal_codes.csv');
const firstPostalRow = new Map();  // municipality code → its first postal row
for (const row of postal) if (!firstPostalRow.has(row[1])) firstPostalRow.set(row[1], row);

let server, fac;
before(async () => {
  server = await startServer({ smtp: false });
  fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
});
after(async () => { await server?.stop(); });

test('a posting is registered and found in every one of the 47 prefectures', async () => {
  const anon = new Client(server.url);
  const stamp = Date.now();
  for (let p = 1; p <= 47; p++) {
    const pref = String(p).padStart(2, '0');
    // A municipality of the prefecture that has postal codes (政令市 parent rows have none: their wards do),
    // a different one per run of the loop so the whole file is sampled over time.
    const candidates = municipalities.filter(([prefecture, muni]) => prefecture === pref && firstPostalRow.has(muni));
    assert.ok(candidates.length > 0, `municipalities of ${pref}`);
    const [, muni, name] = candidates[(stamp + p) % candidates.length];
    const [postalCode, , , , town] = firstPostalRow.get(muni);
    const looked = await anon.get(`/api/v1/reference/postal-codes/${postalCode}`);
    assert.equal(looked.status, 200);
    assert.ok(looked.json.items.some((a) => a.municipality === muni && a.prefecture === pref), `${postalCode} → ${name}`);
    const title = `全国確認 ${pref} ${name} ${stamp}`;
    const r = await fac.post('/api/v1/postings', {
      title, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3, urgency: 'regular',
      positions: 1, duties: '病棟業務', training_agreed: true, masked: false, status: 'published',
      workplace: { postal_code: postalCode, prefecture: pref, municipality: muni, street: `${town || name}1-1` },
      contact: { name: '担当 一郎', phone: '03-0000-0000', email: 'contact@example.jp' },
    });
    assert.equal(r.status, 201, `${pref} ${name}: ${r.text}`);
    assert.ok(r.json.workplace.area, `${name} has its 二次医療圏`);
  }
  // Search follows the change log: every prefecture finds its posting.
  for (let p = 1; p <= 47; p++) {
    const pref = String(p).padStart(2, '0');
    let total = 0;
    for (let i = 0; i < 50 && total === 0; i++) {
      total = (await anon.get(`/api/v1/postings?prefecture=${pref}&q=${encodeURIComponent(`全国確認 ${pref}`)}`)).json.total;
      if (total === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(total, 1, `found in ${pref}`);
  }
});

test('an organisation, a seeker’s wishes and the bed board work in every prefecture', async () => {
  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const stamp = Date.now();
  const wanted = [], areas = [];
  for (let p = 1; p <= 47; p++) {
    const pref = String(p).padStart(2, '0');
    const candidates = municipalities.filter(([prefecture, muni]) => prefecture === pref && firstPostalRow.has(muni));
    const [, muni, name] = candidates[(stamp + 7 * p) % candidates.length];
    const facility = await sec.post('/api/v1/organisations', { name: `全国病院 ${pref} ${stamp}`, kind: 'facility', prefecture: pref,
      municipality: muni, address: `${firstPostalRow.get(muni)[4] || name}1-1` });
    assert.equal(facility.status, 201, `${name}: ${facility.text}`);
    const area = (await sec.get(`/api/v1/reference/municipalities?prefecture=${pref}`)).json.items.find((m) => m.code === muni).area;
    assert.ok(area, `${name} has its 二次医療圏`);
    // An aggregator (保健所) of that 二次医療圏 only.
    const aggregator = await sec.post('/api/v1/organisations', { name: `全国保健所 ${pref} ${stamp}`, kind: 'aggregator', prefecture: pref, areas: [area] });
    assert.equal(aggregator.status, 201, `${pref}: ${aggregator.text}`);
    wanted.push(pref);
    areas.push(area);
  }
  // A seeker who would work anywhere in Japan, in one 二次医療圏 of each prefecture.
  const seeker = new Client(server.url);
  await seeker.login('seeker@example.jp');
  const before = (await seeker.get('/api/v1/me/profile')).json;
  try {
    const saved = await seeker.put('/api/v1/me/profile', { ...before, prefectures: wanted, areas });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual([saved.json.prefectures.length, saved.json.areas.length], [47, 47]);
  } finally {
    await seeker.put('/api/v1/me/profile', before);
  }
  // The bed board lists every new facility with its 二次医療圏 (the board follows the change log).
  let listed = [];
  for (let i = 0; i < 50 && listed.length < 47; i++, await new Promise((r) => setTimeout(r, 100))) {
    listed = (await sec.get(`/api/v1/beds/board?q=${encodeURIComponent(`全国病院`)}&per_page=100`)).json.items
      .filter((row) => row.name.endsWith(` ${stamp}`));
  }
  assert.equal(listed.length, 47, 'every prefecture’s facility is on the board');
  assert.ok(listed.every((row) => row.area && row.area_name), 'each with its 二次医療圏');
});

test('one postal code can cover several municipalities: every one is offered', async () => {
  const r = await new Client(server.url).get('/api/v1/reference/postal-codes/0040000');
  const names = r.json.items.map((a) => a.municipality_name);
  assert.ok(names.includes('札幌市厚別区') && names.includes('札幌市清田区'), names.join(','));
});

test('municipalities are found by kanji, hiragana, katakana and half-width kana', async () => {
  const anon = new Client(server.url);
  for (const q of ['札幌', 'さっぽろ', 'サッポロ', 'ｻｯﾎﾟﾛ']) {
    const r = await anon.get(`/api/v1/reference/municipalities?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200);
    assert.ok(r.json.items.some((m) => m.code === '011011' && m.name === '札幌市中央区' && m.kana === 'サッポロシチュウオウク'), q);
  }
  const within = await anon.get(`/api/v1/reference/municipalities?prefecture=47&q=${encodeURIComponent('なは')}`);
  assert.deepEqual(within.json.items.map((m) => m.name), ['那覇市']);
  assert.ok(within.json.items[0].position.latitude > 26 && within.json.items[0].position.latitude < 27);
  const all = await anon.get('/api/v1/reference/municipalities?prefecture=01');
  assert.equal(all.json.total, municipalities.filter(([p]) => p === '01').length, 'every municipality of 北海道');
});

test('「ちよだ」 and 「千代田」 both offer 千代田区 of 東京都 (the web form’s municipality search)', async () => {
  const anon = new Client(server.url);
  for (const q of ['ちよだ', '千代田', 'チヨダ']) {
    const r = await anon.get(`/api/v1/reference/municipalities?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200);
    const chiyoda = r.json.items.find((m) => m.code === '131016');
    assert.deepEqual(chiyoda && [chiyoda.name, chiyoda.prefecture], ['千代田区', '13'], q);
    assert.equal(r.json.total, r.json.items.length, 'the total says how many are offered');
  }
});

test('a facility’s postal code follows from its address, for the new posting to start from', async () => {
  // The demo facilities' addresses (server/src/app/demo_data.cpp) with their real postal codes. 北十条西 of 札幌市北区
  // has two (001-0010 and 060-0810, by 丁目), so no code is guessed for it.
  const expected = {
    'fac-tokyo-01': '1010047', 'fac-tokyo-02': '1920083', 'fac-tochigi-01': '3200811', 'fac-tochigi-02': '3211272',
    'fac-hokkaido-01': null, 'fac-miyagi-01': '9800811', 'fac-osaka-01': '5320011', 'fac-fukuoka-01': '8120011',
    'fac-aomori-01': '0310804', 'fac-iwate-01': '0250067', 'fac-niigata-01': '9592314', 'fac-nagano-01': '3860155',
    'fac-shimane-01': '6902704', 'fac-kochi-01': '7880021',
  };
  for (const [login, code] of Object.entries(expected)) {
    const c = new Client(server.url);
    await c.login(login);
    const me = await c.get('/api/v1/me');
    assert.equal(me.status, 200);
    const facility = me.json.user.organisations.find((o) => o.kind === 'facility');
    assert.equal(facility.postal_code, code, `${login}: ${facility.municipality} ${facility.address}`);
    if (code === null) continue;
    // The code really is the address's: looking it up gives the facility's municipality and the town it starts with.
    const looked = await c.get(`/api/v1/reference/postal-codes/${code}`);
    assert.ok(looked.json.items.some((a) => a.municipality === facility.municipality && facility.address.startsWith(a.town)), login);
  }
  // An address whose town Japan Post does not list gives no code rather than a guess; other roles get none.
  const sec = new Client(server.url);
  await sec.login('jimukyoku');
  const orgs = (await sec.get('/api/v1/organisations')).json.items;
  const tokyo = orgs.find((o) => o.name === '千代田区神田さくら病院');
  assert.ok(tokyo, 'the demo facility');
  assert.equal(tokyo.postal_code, undefined, 'the organisation list does not derive codes');
  const changed = await sec.patch(`/api/v1/organisations/${tokyo.id}`, { address: '存在しない町1-1' });
  assert.equal(changed.status, 200, changed.text);
  try {
    const fac = new Client(server.url);
    await fac.login('fac-tokyo-01');
    assert.equal((await fac.get('/api/v1/me')).json.user.organisations.find((o) => o.kind === 'facility').postal_code, null);
  } finally {
    await sec.patch(`/api/v1/organisations/${tokyo.id}`, { address: '内神田2-1-1' });
  }
  const seeker = new Client(server.url);
  await seeker.login('seeker@example.jp');
  assert.ok((await seeker.get('/api/v1/me')).json.user.organisations.every((o) => !('postal_code' in o)));
});

test('the demo data has facilities with postings in at least 12 prefectures, rural 医師少数区域 among them', async () => {
  // (The search would count this file's own postings, which reach every prefecture: each demo facility is asked.)
  const anon = new Client(server.url);
  const prefectures = new Set(), rural = [];
  for (const login of ['fac-tokyo-01', 'fac-tokyo-02', 'fac-tochigi-01', 'fac-tochigi-02', 'fac-hokkaido-01', 'fac-miyagi-01',
    'fac-osaka-01', 'fac-fukuoka-01', 'fac-aomori-01', 'fac-iwate-01', 'fac-niigata-01', 'fac-nagano-01', 'fac-shimane-01',
    'fac-kochi-01']) {
    const c = new Client(server.url);
    await c.login(login);
    const facility = (await c.get('/api/v1/me')).json.user.organisations.find((o) => o.kind === 'facility');
    const own = (await c.get('/api/v1/facility/postings?page=1&per_page=1')).json.total;
    assert.ok(own > 0, `${login} has postings`);
    prefectures.add(facility.prefecture);
    const area = (await anon.get(`/api/v1/reference/municipalities?prefecture=${facility.prefecture}`)).json.items
      .find((m) => m.code === facility.municipality).area;
    const designation = (await anon.get(`/api/v1/reference/areas?prefecture=${facility.prefecture}`)).json.items
      .find((a) => a.code === area).designation?.designation;
    if (designation === '医師少数区域') rural.push(login);
  }
  assert.ok(prefectures.size >= 12, `demo facilities in ${[...prefectures].join(',')}`);
  assert.ok(rural.length >= 3, `demo facilities in 医師少数区域: ${rural.join(',')}`);
});

test('every 二次医療圏 carries its 医師少数区域 designation of the 8th plan', async () => {
  const anon = new Client(server.url);
  let areas = 0;
  for (let p = 1; p <= 47; p++) {
    const r = await anon.get(`/api/v1/reference/areas?prefecture=${String(p).padStart(2, '0')}`);
    for (const a of r.json.items) {
      areas++;
      assert.ok(['医師少数区域', '中間', '医師多数区域'].includes(a.designation?.designation), `${a.code} ${a.name}`);
    }
  }
  assert.equal(areas, 330);
  const hokkaido = (await anon.get('/api/v1/reference/areas?prefecture=01')).json.items;
  assert.deepEqual(hokkaido.find((a) => a.code === '0102').designation,
    { designation: '医師少数区域', plan_period: '8', physician_index: '139.0', source: 'national' });
});

test('a prefecture sets its own designation; the national one stays as history; others may not', async () => {
  const anon = new Client(server.url);
  const career = new Client(server.url);
  await career.login('career-09');  // 栃木県地域医療支援センター
  // 0906 両毛 is 中間 nationally (179.3, just above the cut-off); 栃木県's plan makes it 医師少数区域.
  const before = (await anon.get('/api/v1/reference/areas?prefecture=09')).json.items.find((a) => a.code === '0906');
  assert.equal(before.designation.designation, '中間');
  const bad = await career.put('/api/v1/reference/areas/0906/designation', { designation: '少ない' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.designation, /「区分」/);
  const set = await career.put('/api/v1/reference/areas/0906/designation', { designation: '医師少数区域', note: '栃木県医師確保計画（第8次）による' });
  assert.equal(set.status, 200, set.text);
  const after = (await anon.get('/api/v1/reference/areas?prefecture=09')).json.items.find((a) => a.code === '0906');
  assert.deepEqual(after.designation, { designation: '医師少数区域', plan_period: '8', physician_index: '179.3', source: 'prefecture' });
  const history = (await anon.get('/api/v1/reference/areas/0906/designations')).json.items;
  assert.deepEqual(history.map((h) => [h.designation, h.source]), [['医師少数区域', 'prefecture'], ['中間', 'national']]);
  assert.match(history[0].set_by, /栃木県地域医療支援センター/);
  assert.ok(!history[0].set_by.includes('career-09'), 'a name, never the login ID');
  // Another prefecture's area, another role: refused.
  assert.equal((await career.put('/api/v1/reference/areas/1301/designation', { designation: '医師少数区域' })).status, 404);
  assert.equal((await fac.put('/api/v1/reference/areas/0906/designation', { designation: '中間' })).status, 403);
});
