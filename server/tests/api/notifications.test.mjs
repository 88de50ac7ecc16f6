// Matching and notices end to end: a facility publishes a posting; matching seekers get a live event,
// an in-app notice and a mail (per preference); nothing hidden leaks; nothing is sent twice or lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, waitForMail, mailsTo, uniqueEmail, openEvents } from './harness.mjs';

const PASSWORD = 'Match2026pw';
const SECRET = { street: '秘匿町一丁目九番', phone: '03-5555-0199', person: '秘匿 太郎', building: '秘匿記念館' };
let server, db;
const seekers = {};

function profile(overrides = {}) {
  return {
    name: 'テスト 看護師', categories: ['nurse'], employment: ['fixed_term', 'spot'], available_from: '2027-04-01',
    weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], night_duty: false, prefectures: ['13'], full_time: true,
    career_support: 'none', notify: 'immediate', ...overrides,
  };
}

function posting(title, overrides = {}) {
  return {
    title, category: 'nurse', employment: 'fixed_term', start_date: '2027-04-10', period_months: 3, weekdays: ['mon', 'wed'],
    full_time: true, night_duty: false, urgency: 'immediate', positions: 1, duties: '発熱外来の応援', training_agreed: true,
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street, building: SECRET.building },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'secret-match@example.jp' },
    masked: true, status: 'published', ...overrides,
  };
}

async function seeker(key, overrides) {
  const email = uniqueEmail(key);
  const r = runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', `候補 ${key}`]);
  assert.equal(r.status, 0, r.stderr);
  const c = new Client(server.url);
  await c.login(email, PASSWORD);
  if (overrides !== null) assert.equal((await c.put('/api/v1/me/profile', profile(overrides))).status, 200);
  seekers[key] = { email, client: c };
  return seekers[key];
}

async function notices(client) { return (await client.get('/api/v1/notifications?per_page=100')).json; }

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  await seeker('immediate', {});
  await seeker('daily', { notify: 'daily' });
  await seeker('off', { notify: 'off' });
  await seeker('doctor', { categories: ['doctor'], specialties: ['内科'] });
  await seeker('nights', { night_duty: false, employment: ['permanent'] });
});
after(async () => { await server?.stop(); });

test('a published urgent posting reaches matching seekers live, in the centre and by mail, anonymously', async () => {
  const stream = await openEvents(seekers.immediate.client);
  await stream.waitFor('ready');
  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  const title = `【急募】発熱外来看護師 ${Date.now()}`;
  const created = await fac.post('/api/v1/postings', posting(title));
  assert.equal(created.status, 201);

  const live = await stream.waitFor('notification', (d) => d.body.includes(title));
  stream.close();
  assert.equal(live.data.link, `/postings/${created.json.id}`);
  assert.ok(live.data.body.includes('勤務開始 2027年4月10日(土)'), `the notice writes the date as people read it: ${live.data.body}`);
  for (const v of [...Object.values(SECRET), '千代田区神田さくら病院', '131016', '1010047'])
    assert.ok(!JSON.stringify(live.data).includes(v), `the live notice leaks ${v}`);

  const mail = await waitForMail(seekers.immediate.email, 'おすすめの求人');
  assert.match(mail.body, new RegExp(title.replace(/[()【】]/g, '.')));
  assert.match(mail.body, /理由: [^\n]*緊急募集/, 'the mail says why the posting was recommended');
  assert.ok(mail.body.includes('勤務開始 2027年4月10日(土)'), 'the mail writes the date as people read it');
  for (const v of [...Object.values(SECRET), '千代田区神田さくら病院']) assert.ok(!mail.body.includes(v), `the mail leaks ${v}`);
  // Urgent postings are mailed at once even to those who chose the daily digest; "off" means off.
  await waitForMail(seekers.daily.email, 'おすすめの求人');
  assert.equal(mailsTo(seekers.off.email).length, 0);
  assert.equal((await notices(seekers.off.client)).total, 1, 'in-app notice even when mail is off');
  assert.equal((await notices(seekers.doctor.client)).total, 0, 'another category does not match');
  assert.equal((await notices(seekers.nights.client)).total, 0, 'another employment type does not match');

  // The facility hears that candidates exist — not who they are.
  const facNotices = await notices(fac);
  const candidates = facNotices.items.find((n) => n.kind === 'candidates' && n.body.includes(title));
  assert.ok(candidates, 'the facility is told');
  for (const key of Object.keys(seekers)) {
    assert.ok(!JSON.stringify(facNotices).includes(seekers[key].email), 'no seeker e-mail in facility notices');
    assert.ok(!JSON.stringify(facNotices).includes(`候補 ${key}`), 'no seeker name in facility notices');
  }
});

test('notices are not sent twice: an edit does not notify again', async () => {
  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  const title = `重複確認 ${Date.now()}`;
  const { json: p } = await fac.post('/api/v1/postings', posting(title, { urgency: 'regular' }));
  const wait = async () => {
    for (let i = 0; i < 100; i++) {
      const n = (await notices(seekers.immediate.client)).items.filter((x) => x.link === `/postings/${p.id}`);
      if (n.length) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
    return [];
  };
  assert.equal((await wait()).length, 1);
  await fac.patch(`/api/v1/postings/${p.id}`, { title: `${title} 改` });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await wait()).length, 1, 'still one notice after the edit');
  const mailed = () => mailsTo(seekers.immediate.email).filter((m) => m.body.includes(title)).length;
  for (let i = 0; i < 300 && mailed() === 0; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(mailed(), 1, 'one mail');
});

test('a new profile finds existing postings; the centre marks read', async () => {
  const late = await seeker('late', { notify: 'off' });
  for (let i = 0; i < 100 && (await notices(late.client)).total === 0; i++) await new Promise((r) => setTimeout(r, 100));
  const list = await notices(late.client);
  assert.ok(list.total >= 2, 'the postings published earlier are found');
  assert.equal(list.unread, list.total);
  assert.equal((await late.client.post(`/api/v1/notifications/${list.items[0].id}/read`)).status, 204);
  assert.equal((await notices(late.client)).unread, list.total - 1);
  assert.equal((await late.client.post('/api/v1/notifications/read-all')).status, 204);
  assert.equal((await notices(late.client)).unread, 0);
  assert.equal((await seekers.immediate.client.post(`/api/v1/notifications/${list.items[0].id}/read`)).status, 404, "another user's notice");
});

test('recommendations with reasons for the seeker, anonymous candidates for the facility', async () => {
  const matches = await seekers.immediate.client.get('/api/v1/me/matches?per_page=50');
  assert.equal(matches.status, 200);
  assert.ok(matches.json.total >= 2);
  const first = matches.json.items[0];
  assert.ok(first.score > 0);
  assert.ok(first.reasons.includes('緊急募集') || first.reasons.length > 0);
  for (const item of matches.json.items)
    if (item.posting.masked) assert.ok(!('contact' in item.posting) && !('street' in item.posting.workplace));

  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  const mine = (await fac.get('/api/v1/facility/postings')).json.items.find((p) => p.title.startsWith('【急募】発熱外来看護師'));
  const candidates = await fac.get(`/api/v1/postings/${mine.id}/matches`);
  assert.equal(candidates.status, 200);
  assert.ok(candidates.json.total >= 3);
  const text = candidates.text;
  for (const key of Object.keys(seekers)) {
    assert.ok(!text.includes(seekers[key].email), 'no e-mail');
    assert.ok(!text.includes(`候補 ${key}`), 'no name');
  }
  assert.ok(!text.includes('"licences"') && !text.includes('"phone"') && !text.includes('"notes"'));
  assert.match(candidates.json.items[0].candidate.handle, /^求職者-/);
  assert.ok(candidates.json.items.every((c) => c.reasons.includes('緊急募集')), 'each candidate comes with its reasons');
  const other = new Client(server.url);
  await other.login('fac-tokyo-02');
  assert.equal((await other.get(`/api/v1/postings/${mine.id}/matches`)).status, 404);
  assert.equal((await seekers.immediate.client.get(`/api/v1/postings/${mine.id}/matches`)).status, 404);
});

test('no notice is lost across a crash: the cursor resumes after restart', async () => {
  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  const title = `再起動確認 ${Date.now()}`;
  const { json: p } = await fac.post('/api/v1/postings', posting(title, { urgency: 'regular' }));
  await server.kill();  // immediately: the notifier may not have run yet
  server = await startServer({ db, demo: false });
  const c = new Client(server.url);
  await c.login(seekers.immediate.email, PASSWORD);
  let found = [];
  for (let i = 0; i < 100 && !found.length; i++) {
    found = (await notices(c)).items.filter((n) => n.link === `/postings/${p.id}`);
    if (!found.length) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(found.length, 1);
});
