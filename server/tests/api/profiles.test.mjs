// Seeker profiles: a seeker saves conditions; validation names each field; nobody else reads them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ smtp: false }); });
after(async () => { await server.stop(); });

const profile = {
  name: '山田 花子', phone: '090-1234-5678', categories: ['doctor'], licences: [{ category: 'doctor', number: '123456' }],
  specialties: ['消化器内科'], experience_years: 8, employment: ['fixed_term', 'spot'], available_from: '2026-12-01',
  period_months_max: 6, weekdays: ['mon', 'tue', 'wed'], night_duty: false, prefectures: ['09'], areas: ['0903'],
  full_time: true, career_support: 'none', notes: '子育て中のため平日日勤希望', notify: 'daily',
};

test('a seeker saves and reads back conditions, with a pseudonymous handle', async () => {
  const c = new Client(server.url);
  await c.login('seeker@example.jp');
  const saved = await c.put('/api/v1/me/profile', profile);
  assert.equal(saved.status, 200, saved.text);
  assert.match(saved.json.handle, /^求職者-[0-9A-Z]{8}$/);
  const read = await c.get('/api/v1/me/profile');
  assert.deepEqual(read.json.specialties, ['消化器内科']);
  assert.equal(read.json.licences[0].number, '123456');
  const again = await c.put('/api/v1/me/profile', { ...profile, experience_years: 9 });
  assert.equal(again.json.handle, saved.json.handle, 'the handle is stable');
});

test('bad conditions are refused field by field and nothing changes', async () => {
  const c = new Client(server.url);
  await c.login('seeker@example.jp');
  const before = (await c.get('/api/v1/me/profile')).json;
  const r = await c.put('/api/v1/me/profile', { ...profile, categories: [], employment: ['forever'], prefectures: ['99'], available_from: '2026-02-30', experience_years: -1, areas: ['1301'] });
  assert.equal(r.status, 400);
  const f = r.json.error.fields;
  for (const key of ['categories', 'employment', 'prefectures', 'available_from', 'experience_years']) assert.ok(f[key], key);
  assert.match(f.categories, /1つ以上/);
  assert.deepEqual((await c.get('/api/v1/me/profile')).json, before);
});

test('only seekers have profiles here', async () => {
  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  assert.equal((await fac.put('/api/v1/me/profile', profile)).status, 403);
  assert.equal((await fac.get('/api/v1/me/profile')).status, 403);
  assert.equal((await new Client(server.url).get('/api/v1/me/profile')).status, 401);
});
