// The regional bed board: reports kept as history, the board per scope with search, sort and paging, the
// detail page, and the Windows-31J CSV of all matching rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server;
before(async () => { server = await startServer({ smtp: false }); });
after(async () => { await server.stop(); });

async function as(login) { const c = new Client(server.url); await c.login(login); return c; }

test('a facility reports beds; impossible numbers and unknown ward types are refused field by field', async () => {
  const fac = await as('fac-tochigi-01');
  const bad = await fac.post('/api/v1/beds/reports', {
    wards: [{ ward_type: 'general', permitted: 10, secured: 2, vacant: 11 }, { ward_type: 'spaceship', permitted: 1, secured: 0, vacant: 0 },
      { ward_type: 'icu', permitted: -3, secured: 0, vacant: 0 }, { ward_type: 'general', permitted: 1, secured: 0, vacant: 0 }],
    acceptance: { emergency: 'perhaps', unicorn: 'ok' },
  });
  assert.equal(bad.status, 400);
  const f = bad.json.error.fields;
  assert.equal(f['wards.0.vacant'], '「一般病床」の空床数が許可病床数を超えています。');
  assert.match(f['wards.1.ward_type'], /病棟種別/);
  assert.match(f['wards.2.permitted'], /0以上の整数/);
  assert.match(f['wards.3.ward_type'], /2回/);
  assert.ok(f['acceptance.emergency'] && f['acceptance.unicorn']);
  const before = await fac.get('/api/v1/beds/reports');
  const ok = await fac.post('/api/v1/beds/reports', {
    wards: [{ ward_type: 'general', permitted: 120, secured: 10, vacant: 17 }, { ward_type: 'icu', permitted: 8, secured: 2, vacant: 1 }],
    acceptance: { emergency: 'ok', infection: 'conditional', dialysis: 'no' }, note: '発熱外来あり',
  });
  assert.equal(ok.status, 201, ok.text);
  const after = await fac.get('/api/v1/beds/reports');
  assert.equal(after.json.total, before.json.total + 1, 'history, not overwrite');
  assert.equal(after.json.items[0].wards[0].vacant, 17);
  assert.equal((await fac.get('/api/v1/beds/board')).status, 403, 'facilities have no board');
});

test('an aggregator sees its prefecture only, filters by area, searches, sorts and pages', async () => {
  const agg = await as('agg-tochigi');
  const all = await agg.get('/api/v1/beds/board');
  assert.equal(all.status, 200);
  assert.ok(all.json.total >= 2);
  assert.ok(all.json.items.every((r) => r.prefecture === '09'));
  const hibari = all.json.items.find((r) => r.name === '宇都宮市ひばり記念病院');
  assert.equal(hibari.area_name, '宇都宮');
  assert.equal(hibari.vacant, 18, 'the latest report: 17 + 1');
  const byArea = await agg.get('/api/v1/beds/board?area=0902');
  assert.deepEqual(byArea.json.items.map((r) => r.name), ['日光市いろは診療所']);
  const search = await agg.get(`/api/v1/beds/board?q=${encodeURIComponent('ﾋﾊﾞﾘ')}`);
  assert.deepEqual(search.json.items.map((r) => r.name), ['宇都宮市ひばり記念病院'], 'width and kana folded');
  const page2 = await agg.get('/api/v1/beds/board?per_page=1&page=2&sort=name');
  assert.equal(page2.json.items.length, 1);
  assert.equal(page2.json.total, all.json.total);
  const accepts = await agg.get('/api/v1/beds/board?accepts=emergency');
  assert.ok(accepts.json.items.some((r) => r.name === '宇都宮市ひばり記念病院'));
  const bad = await agg.get('/api/v1/beds/board?sort=random&accepts=aliens');
  assert.equal(bad.status, 400);

  const detail = await agg.get(`/api/v1/beds/facilities/${hibari.facility_id}`);
  assert.equal(detail.status, 200);
  assert.ok(detail.json.history.length >= 2);
  assert.equal(detail.json.latest.note, '発熱外来あり');
  const tokyo = (await (await as('jimukyoku')).get(`/api/v1/beds/board?prefecture=13`)).json.items[0];
  assert.equal((await agg.get(`/api/v1/beds/facilities/${tokyo.facility_id}`)).status, 404, 'outside the scope');
});

test('the CSV has every matching row in Windows-31J with a header row', async () => {
  const sec = await as('jimukyoku');
  const board = await sec.get('/api/v1/beds/board?per_page=500');
  const res = await fetch(`${server.url}/api/v1/beds/board.csv`, { headers: { cookie: [...sec.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/csv; charset=Shift_JIS/);
  assert.match(res.headers.get('content-disposition'), /attachment; filename="beds-\d{4}-\d{2}-\d{2}\.csv"/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'it is not UTF-8');
  const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
  const lines = text.trimEnd().split('\r\n');
  assert.equal(lines.length, board.json.total + 1, 'header + every row');
  assert.ok(lines[0].startsWith('医療機関名,都道府県,二次医療圏,市区町村,住所,報告日時,許可病床数（合計）'));
  assert.ok(lines.some((l) => l.startsWith('宇都宮市ひばり記念病院,栃木県,宇都宮,宇都宮市,')));
  // 報告日時 as people read it, like every date the server writes for people.
  const reported = lines.slice(1).map((l) => l.split(',')[5]);
  assert.ok(reported.every((v) => v === '未報告' || /^\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d{2}:\d{2}$/.test(v)), reported.slice(0, 3).join(' '));
  assert.ok(reported.some((v) => v !== '未報告'));
  const seeker = await as('seeker@example.jp');
  assert.equal((await seeker.get('/api/v1/beds/board.csv')).status, 403);
});
