// Help desk: an inquiry with a PDF, the secretariat's inbox and answer, mails both ways, follow-ups,
// attachments served only to the thread; FAQ search; announcements by audience with unread marks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, waitForMail } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function as(login) { const c = new Client(server.url); await c.login(login); return c; }
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const file = (filename, bytes) => ({ filename, content_type: 'application/pdf', data_base64: Buffer.from(bytes).toString('base64') });

test('a facility asks with a PDF; the secretariat answers; mails go both ways; a follow-up reopens it', async () => {
  const fac = await as('fac-osaka-01');
  const empty = await fac.post('/api/v1/helpdesk/inquiries', { subject: '', body: '' });
  assert.equal(empty.status, 400);
  assert.equal(empty.json.error.fields.subject, '「件名」を入力してください。');
  assert.equal(empty.json.error.fields.body, '「内容」を入力してください。');
  const disguised = await fac.post('/api/v1/helpdesk/inquiries', { subject: 'x', body: 'y', attachments: [file('virus.pdf', 'MZ\x90\x00 not a pdf')] });
  assert.equal(disguised.status, 400);
  assert.match(disguised.json.error.fields.attachments, /添付できない種類/);
  const big = await fac.post('/api/v1/helpdesk/inquiries', { subject: 'x', body: 'y', attachments: [file('big.pdf', Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]))] });
  assert.equal(big.status, 400);
  assert.match(big.json.error.fields.attachments, /5MB/);
  const listBefore = await fac.get('/api/v1/helpdesk/inquiries');
  assert.equal(listBefore.json.total, 0, 'nothing half-saved');

  const subject = `病床報告の方法について ${Date.now()}`;
  const created = await fac.post('/api/v1/helpdesk/inquiries', { subject, body: 'ICUの確保病床の入力方法を教えてください。', category: 'beds', attachments: [file('画面.pdf', pdf)] });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.status, 'received');
  const attachment = created.json.messages[0].attachments[0];
  assert.equal(attachment.content_type, 'application/pdf');
  await waitForMail('jimukyoku@kakehashi.example', `新しいお問合せ: ${subject}`);

  const sec = await as('jimukyoku');
  const inbox = await sec.get('/api/v1/helpdesk/inquiries?status=received');
  assert.ok(inbox.json.items.some((i) => i.id === created.json.id));
  const answered = await sec.post(`/api/v1/helpdesk/inquiries/${created.json.id}/messages`, { body: '病棟種別でICUを選び、許可・確保・空床を入力してください。' });
  assert.equal(answered.status, 201);
  assert.equal(answered.json.status, 'answered');
  // The subject is unique to this run: the sink keeps the mails of earlier runs on the other database.
  const mail = await waitForMail('fac-osaka-01@kakehashi.example', `お問合せへの回答: ${subject}`);
  assert.match(mail.body, new RegExp(`/helpdesk/${created.json.id}`));

  const followed = await fac.post(`/api/v1/helpdesk/inquiries/${created.json.id}/messages`, { body: '夜間の報告も同じ方法ですか？', attachments: [file('追加.pdf', pdf)] });
  assert.equal(followed.json.status, 'follow_up');
  assert.equal(followed.json.messages[1].author_name, '事務局', 'the asker sees the desk, not the staff member');
  await waitForMail('jimukyoku@kakehashi.example', `追加質問: ${subject}`);

  // The file goes to the asker and the secretariat only, always as a download.
  const download = await fetch(`${server.url}${attachment.url}`, { headers: { cookie: [...fac.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(download.status, 200);
  assert.match(download.headers.get('content-disposition'), /^attachment;/);
  assert.deepEqual(Buffer.from(await download.arrayBuffer()), pdf);
  assert.equal((await (await as('fac-tokyo-02')).get(attachment.url)).status, 404);
  assert.equal((await (await as('fac-tokyo-02')).get(`/api/v1/helpdesk/inquiries/${created.json.id}`)).status, 404);

  assert.equal((await fac.patch(`/api/v1/helpdesk/inquiries/${created.json.id}`, { status: 'closed' })).json.status, 'closed');
  assert.equal((await fac.post(`/api/v1/helpdesk/inquiries/${created.json.id}/messages`, { body: 'もう一つ' })).status, 409);
});

test('FAQ: public search folding width and kana; only the secretariat edits', async () => {
  const anon = new Client(server.url);
  const all = await anon.get('/api/v1/faq');
  assert.ok(all.json.total >= 5);
  const hit = await anon.get(`/api/v1/faq?q=${encodeURIComponent('ﾏｽｷﾝｸﾞ')}`);
  assert.equal(hit.json.total, 1);
  assert.match(hit.json.items[0].answer, /都道府県は表示されます/);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.post('/api/v1/faq', { category: 'x', question: 'q', answer: 'a' })).status, 403);
  const sec = await as('jimukyoku');
  const draft = await sec.post('/api/v1/faq', { category: '操作方法', question: '下書きの質問', answer: '回答', published: false });
  assert.equal(draft.status, 201);
  assert.equal((await anon.get(`/api/v1/faq/${draft.json.id}`)).status, 404, 'drafts are not public');
  const bad = await sec.post('/api/v1/faq', { category: '', question: '', answer: '' });
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['answer', 'category', 'question']);
});

test('announcements reach their audience with unread marks', async () => {
  const sec = await as('jimukyoku');
  const published = await sec.post('/api/v1/announcements', { title: '求職者向けのお知らせ', body: '本文', audience: ['seeker'], attachments: [file('案内.pdf', pdf)] });
  assert.equal(published.status, 201);
  const seeker = await as('seeker@example.jp');
  const list = await seeker.get('/api/v1/announcements');
  const mine = list.json.items.find((a) => a.id === published.json.id);
  assert.equal(mine.read, false);
  assert.ok(!list.json.items.some((a) => a.title.startsWith('病床状況の報告のお願い')), 'facility-only news is not shown');
  const unread = list.json.unread;
  const opened = await seeker.get(`/api/v1/announcements/${published.json.id}`);
  assert.equal(opened.json.attachments.length, 1);
  assert.equal((await seeker.get(opened.json.attachments[0].url)).status, 200);
  assert.equal((await seeker.get('/api/v1/announcements')).json.unread, unread - 1);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.get(`/api/v1/announcements/${published.json.id}`)).status, 404);
  assert.equal((await fac.get(opened.json.attachments[0].url)).status, 404);
  const anon = await new Client(server.url).get('/api/v1/announcements');
  assert.ok(anon.json.items.every((a) => a.audience === 'all'));
  const bad = await sec.post('/api/v1/announcements', { title: '', body: '', audience: ['king'] });
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['audience', 'body', 'title']);
});

test('an announcement is corrected and withdrawn after 掲載, with a history by name', async () => {
  const sec = await as('jimukyoku');
  const title = `誤字のあるお知らせ ${Date.now()}`;
  const published = await sec.post('/api/v1/announcements', { title, body: '病床報告の締切は毎週月躍日です。', audience: 'all', attachments: [file('資料.pdf', pdf)] });
  assert.equal(published.status, 201, published.text);
  const id = published.json.id;
  assert.equal(published.json.state, 'published');
  assert.equal(published.json.updated_at, null);
  const fac = await as('fac-tokyo-01');
  assert.equal((await fac.get(`/api/v1/announcements/${id}`)).status, 200);
  assert.ok((await fac.get('/api/v1/announcements')).json.items.some((a) => a.id === id && a.state === undefined));

  // Only the secretariat corrects; a refused body names its fields; the same values change nothing.
  assert.equal((await fac.put(`/api/v1/announcements/${id}`, { title: 'x', body: 'y' })).status, 403);
  const bad = await sec.put(`/api/v1/announcements/${id}`, { title: '', body: '', audience: 'everyone' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['audience', 'body', 'title']);
  assert.equal((await sec.put(`/api/v1/announcements/${id}`, { title, body: '病床報告の締切は毎週月躍日です。', audience: 'all' })).json.updated_at, null);
  assert.equal((await sec.put('/api/v1/announcements/ann_nonexistent', { title, body: 'x' })).status, 404);

  const corrected = await sec.put(`/api/v1/announcements/${id}`, { title, body: '病床報告の締切は毎週月曜日です。', audience: ['facility', 'aggregator'] });
  assert.equal(corrected.status, 200, corrected.text);
  assert.equal(corrected.json.body, '病床報告の締切は毎週月曜日です。');
  assert.match(corrected.json.updated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  assert.equal(corrected.json.attachments.length, 1, 'the files stay');
  const read = await fac.get(`/api/v1/announcements/${id}`);
  assert.equal(read.json.body, '病床報告の締切は毎週月曜日です。');
  assert.equal(read.json.updated_at, corrected.json.updated_at);
  // No longer for everyone: a visitor and a seeker lose it, the facility keeps it.
  assert.equal((await new Client(server.url).get(`/api/v1/announcements/${id}`)).status, 404);
  assert.equal((await (await as('seeker@example.jp')).get(`/api/v1/announcements/${id}`)).status, 404);

  // Withdrawn: gone for its readers (list, page, file, unread count); the secretariat still sees it with its state.
  const unreadBefore = (await fac.get('/api/v1/announcements')).json.unread;
  const other = await sec.post('/api/v1/announcements', { title: `${title}（未読のまま取り下げ）`, body: '本文', audience: ['facility'] });
  assert.equal((await fac.get('/api/v1/announcements')).json.unread, unreadBefore + 1);
  assert.equal((await fac.post(`/api/v1/announcements/${other.json.id}/withdraw`, {})).status, 403);
  assert.equal((await sec.post(`/api/v1/announcements/${other.json.id}/withdraw`, {})).status, 200);
  assert.equal((await fac.get('/api/v1/announcements')).json.unread, unreadBefore, 'a withdrawn unread announcement is not counted');

  const tooLong = await sec.post(`/api/v1/announcements/${id}/withdraw`, { reason: 'あ'.repeat(501) });
  assert.equal(tooLong.status, 400);
  assert.ok(tooLong.json.error.fields.reason);
  const withdrawn = await sec.post(`/api/v1/announcements/${id}/withdraw`, { reason: '内容を見直して改めて掲載します。' });
  assert.equal(withdrawn.status, 200, withdrawn.text);
  assert.equal(withdrawn.json.state, 'withdrawn');
  assert.match(withdrawn.json.withdrawn_at, /\+09:00$/);
  assert.equal((await fac.get(`/api/v1/announcements/${id}`)).status, 404);
  assert.ok(!(await fac.get('/api/v1/announcements')).json.items.some((a) => a.id === id));
  assert.equal((await fac.get(corrected.json.attachments[0].url)).status, 404);
  const secList = await sec.get('/api/v1/announcements');
  assert.equal(secList.json.items.find((a) => a.id === id).state, 'withdrawn');
  assert.equal((await sec.get(`/api/v1/announcements/${id}`)).json.state, 'withdrawn');
  assert.equal((await sec.get(corrected.json.attachments[0].url)).status, 200);
  // Final: neither corrected nor withdrawn again.
  const again = await sec.post(`/api/v1/announcements/${id}/withdraw`, {});
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'announcement_withdrawn');
  assert.equal((await sec.put(`/api/v1/announcements/${id}`, { title, body: 'x' })).status, 409);

  // The history: newest first, who by name and organisation (never the login ID), when, and what changed.
  assert.equal((await fac.get(`/api/v1/announcements/${id}/history`)).status, 403);
  assert.equal((await sec.get('/api/v1/announcements/ann_nonexistent/history')).status, 404);
  const history = await sec.get(`/api/v1/announcements/${id}/history`);
  assert.equal(history.status, 200, history.text);
  assert.deepEqual(history.json.items.map((h) => h.action), ['withdrawn', 'edited', 'published']);
  for (const entry of history.json.items) {
    assert.equal(entry.changed_by, '事務局 担当者（かけはし事務局）');
    assert.match(entry.changed_at, /\+09:00$/);
  }
  assert.ok(!history.text.includes('jimukyoku'), 'no login ID in the history');
  const [gone, edited, first] = history.json.items;
  assert.equal(gone.note, '内容を見直して改めて掲載します。');
  assert.deepEqual(edited.changes, {
    body: ['病床報告の締切は毎週月躍日です。', '病床報告の締切は毎週月曜日です。'],
    audience: ['all', 'facility,aggregator'],
  });
  assert.equal(edited.note, null);
  assert.deepEqual(first.changes, {});
  assert.equal(first.changed_at, published.json.published_at);
});
