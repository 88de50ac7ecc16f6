// Partner distribution: a coordinating organisation subscribes to a filtered feed; JSON and Atom by token;
// masked postings stay masked; only coordinators and the secretariat manage feeds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ smtp: false }); });
after(async () => { await server.stop(); });

const SECRET = { street: 'フィード秘匿町3-3', phone: '03-7777-0303', person: 'フィード 秘匿', facility: '千代田区神田さくら病院' };

test('a coordinator subscribes; the feed is filtered and masked; Atom is well-formed', async () => {
  const coord = new Client(server.url);
  await coord.login('coord-nurse-13');
  const bad = await coord.post('/api/v1/feeds', { name: '', prefectures: ['99'], categories: ['pilot'], urgency: 'now', digest_email: 'x' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['categories', 'digest_email', 'name', 'prefectures', 'urgency']);

  const created = await coord.post('/api/v1/feeds', { name: '東京都の看護師（急募）', prefectures: ['13'], categories: ['nurse'], urgency: 'immediate', digest_email: 'nurse-center@example.jp' });
  assert.equal(created.status, 201, created.text);
  const feed = created.json;
  assert.match(feed.json_url, /\/api\/v1\/feeds\/[A-Za-z0-9_-]+\/postings\.json$/);

  const fac = new Client(server.url);
  await fac.login('fac-tokyo-01');
  const title = `フィード確認 ${Date.now()}`;
  const p = await fac.post('/api/v1/postings', {
    title, category: 'nurse', employment: 'spot', start_date: '2027-05-01', end_date: '2027-05-03', urgency: 'immediate',
    positions: 1, duties: '応援', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
    contact: { name: SECRET.person, phone: SECRET.phone, email: 'feed-secret@example.jp' },
  });
  assert.equal(p.status, 201);

  const anon = new Client(server.url);
  const path = new URL(feed.json_url).pathname;
  const json = await anon.get(path);
  assert.equal(json.status, 200);
  assert.ok(json.json.items.length > 0);
  assert.ok(json.json.items.every((i) => i.category === 'nurse' && i.workplace.prefecture === '13' && i.urgency === 'immediate'));
  const mine = json.json.items.find((i) => i.id === p.json.id);
  assert.ok(mine, 'the new posting is in the feed');
  // Unmasked postings of the same facility may name it; the masked one must not, nor anything of its address.
  for (const v of [...Object.values(SECRET), 'feed-secret@example.jp', '1010047']) assert.ok(!JSON.stringify(mine).includes(v), `JSON feed item leaks ${v}`);
  for (const v of [SECRET.street, SECRET.phone, SECRET.person, 'feed-secret@example.jp']) assert.ok(!json.text.includes(v), `JSON feed leaks ${v}`);

  const atom = await anon.get(new URL(feed.atom_url).pathname);
  assert.equal(atom.status, 200);
  assert.match(atom.headers.get('content-type'), /application\/atom\+xml/);
  assert.match(atom.text, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  assert.ok(atom.text.includes(`<title>${title}</title>`));
  const entry = atom.text.slice(atom.text.indexOf(`<id>urn:kakehashi:posting:${p.json.id}</id>`)).split('</entry>')[0];
  for (const v of Object.values(SECRET)) assert.ok(!entry.includes(v), `Atom entry leaks ${v}`);
  assert.ok(entry.includes('勤務開始 2027年5月1日(土)'), 'the summary a person reads writes the date as people read it');
  assert.match(entry, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00<\/updated>/, 'the machine-read field stays ISO 8601');
  for (const v of [SECRET.street, SECRET.phone, SECRET.person]) assert.ok(!atom.text.includes(v), `Atom feed leaks ${v}`);

  assert.equal((await anon.get('/api/v1/feeds/not-a-token/postings.json')).status, 404);
  const list = await coord.get('/api/v1/feeds');
  assert.equal(list.json.total, 1);
  assert.equal((await coord.delete(`/api/v1/feeds/${feed.id}`)).status, 204);
  assert.equal((await anon.get(path)).status, 404, 'a deleted feed is gone');
});

test('facilities and seekers cannot manage feeds', async () => {
  for (const login of ['fac-tokyo-01', 'seeker@example.jp']) {
    const c = new Client(server.url);
    await c.login(login);
    assert.equal((await c.post('/api/v1/feeds', { name: 'x' })).status, 403, login);
  }
});
