// Scope of organisations (SPEC.md "Roles"): the secretariat sets where a facility is, which job categories a
// coordinating organisation covers and which 二次医療圏 an aggregator serves; every surface obeys it — masked
// postings, candidates, contact-request notices, the coordination queue, the bed board, its detail and its CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, uniqueEmail, runCli } from './harness.mjs';

const SECRET = { street: '範囲確認町7-7', phone: '03-7777-0707', person: '範囲 秘匿' };
let server, db;

async function as(login, password) { const c = new Client(server.url); await c.login(login, password); return c; }

function maskedPosting(title, category, extra = {}) {
  return {
    title, category, employment: 'fixed_term', start_date: '2027-06-01', period_months: 3, urgency: 'immediate', positions: 1,
    duties: '範囲の確認', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'scope-secret@example.jp' }, ...extra,
  };
}
const leaks = (text) => Object.values(SECRET).some((v) => text.includes(v)) || text.includes('千代田区神田さくら病院');

before(async () => {
  server = await startServer({ smtp: false });
  db = server.db;
});
after(async () => { await server?.stop(); });

test('the secretariat sets place, covered categories and served areas; wrong ones are named field by field', async () => {
  const sec = await as('jimukyoku');
  const bad = await sec.post('/api/v1/organisations', {
    name: '範囲確認ナースセンター', kind: 'coordinator_org', prefecture: '13', categories: ['nurse', 'astronaut'], areas: ['1301'],
    municipality: '131016',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.categories, /担当する職種.*astronaut/);
  assert.match(bad.json.error.fields.areas, /とりまとめ団体の組織にだけ/);
  assert.match(bad.json.error.fields.municipality, /医療機関の組織にだけ/);
  assert.equal((await sec.post('/api/v1/organisations', { name: 'x', kind: 'aggregator', prefecture: '09', areas: 'nope' })).json.error.fields.areas,
    '「担当する二次医療圏」は文字列の配列で指定してください。');
  const foreign = await sec.post('/api/v1/organisations', { name: '範囲確認保健所', kind: 'aggregator', prefecture: '09', areas: ['1301'] });
  assert.match(foreign.json.error.fields.areas, /この組織の都道府県の二次医療圏/);
  const wrongTown = await sec.post('/api/v1/organisations', { name: '範囲確認病院', kind: 'facility', prefecture: '09', municipality: '131016' });
  assert.match(wrongTown.json.error.fields.municipality, /この組織の都道府県の市区町村コード/);
  const names = (await sec.get('/api/v1/organisations')).json.items.map((o) => o.name);
  assert.ok(!names.includes('範囲確認ナースセンター') && !names.includes('範囲確認保健所'), 'nothing half-saved');

  const centre = await sec.post('/api/v1/organisations', { name: `範囲確認センター ${Date.now()}`, kind: 'coordinator_org', prefecture: '13', categories: ['nurse', 'nurse', 'phn'] });
  assert.equal(centre.status, 201, centre.text);
  assert.deepEqual(centre.json.categories, ['nurse', 'phn'], 'each code once');
  const hospital = await sec.post('/api/v1/organisations', { name: `範囲確認病院 ${Date.now()}`, kind: 'facility', prefecture: '09', municipality: '092061', address: '今市1-1' });
  assert.equal(hospital.status, 201, hospital.text);
  assert.equal(hospital.json.municipality, '092061');
  assert.equal(hospital.json.address, '今市1-1');

  const changed = await sec.patch(`/api/v1/organisations/${centre.json.id}`, { categories: ['doctor'] });
  assert.equal(changed.status, 200, changed.text);
  assert.deepEqual(changed.json.categories, ['doctor']);
  const immutable = await sec.patch(`/api/v1/organisations/${centre.json.id}`, { kind: 'facility', prefecture: '01' });
  assert.equal(immutable.status, 400);
  assert.ok(immutable.json.error.fields.kind && immutable.json.error.fields.prefecture);
  assert.equal((await sec.patch('/api/v1/organisations/org_missing', { name: 'x' })).status, 404);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.patch(`/api/v1/organisations/${centre.json.id}`, { categories: [] })).status, 403);
  const listed = (await sec.get('/api/v1/organisations')).json.items.find((o) => o.id === centre.json.id);
  assert.deepEqual(listed.categories, ['doctor']);
});

test('a masked posting is disclosed to the coordinators covering its category only', async () => {
  const fac = await as('fac-tokyo-01');
  const nurse = (await fac.post('/api/v1/postings', maskedPosting(`範囲看護 ${Date.now()}`, 'nurse'))).json;
  const doctor = (await fac.post('/api/v1/postings', maskedPosting(`範囲医師 ${Date.now()}`, 'doctor', { specialty: '内科' }))).json;
  const nurses = await as('coord-nurse-13');
  const doctors = await as('coord-doctor-13');
  const seen = async (c, p) => (await c.get(`/api/v1/postings/${p.id}`)).text;
  assert.ok(leaks(await seen(nurses, nurse)), 'the nurse centre covers nurses');
  assert.ok(!leaks(await seen(nurses, doctor)), 'the nurse centre does not see a masked doctor posting');
  assert.ok(leaks(await seen(doctors, doctor)), 'the doctor bank covers doctors');
  assert.ok(!leaks(await seen(doctors, nurse)), 'the doctor bank does not see a masked nurse posting');
  // The same rule in search results and on the candidates and coordination pages.
  const search = (await doctors.get(`/api/v1/postings?q=${encodeURIComponent('範囲看護')}&per_page=100`)).text;
  assert.ok(!leaks(search));
  assert.equal((await nurses.get(`/api/v1/postings/${doctor.id}/matches`)).status, 404);
  assert.equal((await doctors.get(`/api/v1/postings/${doctor.id}/matches`)).status, 200);
  assert.equal((await nurses.get(`/api/v1/coordination/postings/${doctor.id}/candidates`)).status, 404);
  assert.equal((await doctors.get(`/api/v1/coordination/postings/${doctor.id}/candidates`)).status, 200);
  const urgentFor = async (c) => (await c.get('/api/v1/coordination/queue')).json.urgent_without_candidates.map((u) => u.posting_id);
  assert.ok((await urgentFor(doctors)).includes(doctor.id) && !(await urgentFor(doctors)).includes(nurse.id));
  assert.ok((await urgentFor(nurses)).includes(nurse.id) && !(await urgentFor(nurses)).includes(doctor.id));
});

test('a contact request reaches the covering coordinators only, and only they may work it', async () => {
  const email = uniqueEmail('scope');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', 'Scope2026pw', '--role', 'seeker', '--name', '範囲 確認']).status, 0);
  const seeker = await as(email, 'Scope2026pw');
  assert.equal((await seeker.put('/api/v1/me/profile', { name: '範囲 確認', categories: ['doctor'], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' })).status, 200);
  const fac = await as('fac-tokyo-01');
  const doctor = (await fac.post('/api/v1/postings', maskedPosting(`範囲依頼 ${Date.now()}`, 'doctor', { specialty: '内科' }))).json;
  const request = await seeker.post(`/api/v1/postings/${doctor.id}/applications`, { kind: 'contact_request', message: '相談したいです' });
  assert.equal(request.status, 201, request.text);
  const nurses = await as('coord-nurse-13');
  const doctors = await as('coord-doctor-13');
  const noticed = async (c) => (await c.get('/api/v1/notifications?per_page=100')).json.items.some((n) => n.kind === 'contact_request' && n.body.includes(doctor.title));
  assert.ok(await noticed(doctors), 'the doctor bank is told');
  assert.ok(!(await noticed(nurses)), 'the nurse centre is not');
  const queued = async (c) => (await c.get('/api/v1/coordination/queue')).json.contact_requests.some((r) => r.application_id === request.json.id);
  assert.ok(await queued(doctors));
  assert.ok(!(await queued(nurses)));
  const record = { kind: 'note', body: '範囲外の記録' };
  assert.notEqual((await nurses.post(`/api/v1/applications/${request.json.id}/records`, record)).status, 201, 'an uncovering centre may not record');
  assert.equal((await doctors.post(`/api/v1/applications/${request.json.id}/records`, { kind: 'call', body: '電話で条件を確認' })).status, 201);
});

test('an aggregator that serves one 二次医療圏 sees only its facilities, on the board, the detail and the CSV', async () => {
  const prefectureWide = await as('agg-tochigi');
  const kensei = await as('agg-kensei-09');
  const wide = (await prefectureWide.get('/api/v1/beds/board?per_page=100')).json.items;
  const mine = (await kensei.get('/api/v1/beds/board?per_page=100')).json.items;
  assert.ok(wide.some((r) => r.area === '0903') && wide.some((r) => r.area === '0902'), 'the city 保健所 sees all of Tochigi');
  assert.ok(mine.length > 0 && mine.every((r) => r.area === '0902'), 'the 県西 centre sees 県西 only');
  const utsunomiya = wide.find((r) => r.area === '0903');
  assert.equal((await kensei.get(`/api/v1/beds/facilities/${utsunomiya.facility_id}`)).status, 404);
  assert.equal((await kensei.get(`/api/v1/beds/facilities/${mine[0].facility_id}`)).status, 200);
  assert.equal((await kensei.get('/api/v1/beds/board?area=0903')).json.total, 0, 'a filter cannot widen the scope');
  const res = await fetch(`${server.url}/api/v1/beds/board.csv`, { headers: { cookie: [...kensei.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const csv = new TextDecoder('shift_jis').decode(new Uint8Array(await res.arrayBuffer()));
  assert.ok(csv.includes(mine[0].name) && !csv.includes(utsunomiya.name), 'the CSV holds the served area only');
});
