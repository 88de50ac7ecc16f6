// The chat's dictionary, edited by the secretariat (issue 16): synonym groups and each FAQ article's paraphrases,
// with 試してみる showing what the chat would do. An edit changes the next answer at once, in this process and in
// another one sharing the database; refusals name the field in Japanese; other roles 403; every change audited.
// And the handover notices: the covering organisation's coordinators (or the secretariat for the help desk) are
// told, never another organisation; the user is told when staff answer; handing back closes the staff's item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail, openEvents } from './harness.mjs';

const PASSWORD = 'Chat2026pw';
// A word nobody uses for the password: before the secretariat adds it as a synonym, the chat cannot answer it.
const NEW_WORD = 'ヒミツノアイコトバ';
const QUESTION = `${NEW_WORD}を忘れてしまいました`;
let server, second, db;

async function as(login, password, url = server.url) { const c = new Client(url); await c.login(login, password); return c; }
async function ask(client, text) {
  const r = await client.post('/api/v1/chat/messages', { text });
  assert.equal(r.status, 200, r.text);
  return r.json;
}
async function newSeeker(name) {
  const email = uniqueEmail('chatdict');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', name]).status, 0);
  const c = await as(email, PASSWORD);
  assert.equal((await c.put('/api/v1/me/profile', { name, categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' })).status, 200);
  return c;
}
async function notices(client) {
  const r = await client.get('/api/v1/notifications?per_page=100');
  assert.equal(r.status, 200, r.text);
  return r.json.items;
}

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  // A second process on the same database: it must follow the secretariat's edits too.
  second = await startServer({ db, demo: false });
});
after(async () => { await second?.stop(); await server?.stop(); });

test('the secretariat adds a synonym group: a question the chat could not answer is answered at once, in both processes', async () => {
  const sec = await as('jimukyoku');
  const visitor = new Client(server.url);
  const elsewhere = new Client(second.url);
  const before = await ask(visitor, QUESTION);
  assert.notEqual(before.reply.kind, 'answer', `not answered before the edit: ${JSON.stringify(before.reply)}`);
  const tried = await sec.post('/api/v1/chat/try', { text: QUESTION });
  assert.equal(tried.status, 200, tried.text);
  assert.notEqual(tried.json.decision, 'answer');
  // Warm the other process's index, so the test shows it is rebuilt rather than built for the first time.
  assert.notEqual((await ask(elsewhere, QUESTION)).reply.kind, 'answer');

  // The group that holds パスワード gets the new word.
  const list = await sec.get('/api/v1/chat/synonyms');
  assert.equal(list.status, 200);
  const group = list.json.items.find((g) => g.terms.includes('パスワード'));
  assert.ok(group, 'the shipped table has a group for パスワード');
  const put = await sec.put(`/api/v1/chat/synonyms/${group.id}`, { terms: [...group.terms, ` ${NEW_WORD} `] });
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.json.terms, [...group.terms, NEW_WORD], 'trimmed');

  const after = await ask(visitor, QUESTION);
  assert.equal(after.reply.kind, 'answer', JSON.stringify(after.reply));
  assert.match(after.reply.text, /再設定/);
  assert.equal((await ask(elsewhere, QUESTION)).reply.kind, 'answer', 'the other process follows the edit');
  const triedAfter = (await sec.post('/api/v1/chat/try', { text: QUESTION })).json;
  assert.equal(triedAfter.decision, 'answer');
  assert.equal(triedAfter.candidates[0], after.reply.sources[0].id);
  assert.equal(triedAfter.top.length, 3);
  assert.equal(triedAfter.top[0].faq_id, after.reply.sources[0].id);
  for (const h of triedAfter.top) for (const k of ['fused', 'words', 'bigrams']) assert.equal(typeof h[k], 'number');
  assert.ok(triedAfter.top[0].fused > (tried.json.top[0]?.fused ?? 0), 'the score rose');
  assert.match(triedAfter.read_as, /パスワード/, 'read as the group\'s first term');

  // Taken out again: the chat no longer answers it.
  assert.equal((await sec.put(`/api/v1/chat/synonyms/${group.id}`, { terms: group.terms })).status, 200);
  assert.notEqual((await ask(visitor, QUESTION)).reply.kind, 'answer');
  assert.notEqual((await ask(elsewhere, QUESTION)).reply.kind, 'answer');

  // A new group of its own, then deleted: answered while it exists.
  const created = await sec.post('/api/v1/chat/synonyms', { terms: ['パスワードを忘れた', `${NEW_WORD}をなくした`] });
  assert.equal(created.status, 201, created.text);
  assert.match(created.json.id, /^syn/);
  assert.equal((await ask(visitor, `${NEW_WORD}をなくした`)).reply.kind, 'answer');
  assert.equal((await sec.delete(`/api/v1/chat/synonyms/${created.json.id}`)).status, 204);
  assert.equal((await sec.delete(`/api/v1/chat/synonyms/${created.json.id}`)).status, 404);
  assert.notEqual((await ask(visitor, `${NEW_WORD}をなくした`)).reply.kind, 'answer');

  const audit = (await sec.get('/api/v1/audit?per_page=200')).json.items;
  for (const action of ['chat_synonym_updated', 'chat_synonym_created', 'chat_synonym_deleted'])
    assert.ok(audit.some((e) => e.action === action), `audited: ${action}`);
  assert.ok(audit.some((e) => e.action === 'chat_synonym_updated' && e.subject_id === group.id && String(e.detail).includes(NEW_WORD)));
  assert.ok(audit.some((e) => e.action === 'chat_synonym_deleted' && e.subject_id === created.json.id));
});

test('a paraphrase added to an FAQ article is answered at once; the paraphrases are replaced as a whole', async () => {
  const sec = await as('jimukyoku');
  const visitor = new Client(server.url);
  const question = 'かけはしの合言葉はどこで作り直すのでしょう';
  const password = (await ask(visitor, 'パスワードを忘れてしまいました')).reply.sources[0].id;
  const current = await sec.get(`/api/v1/chat/faq/${password}/phrases`);
  assert.equal(current.status, 200, current.text);
  assert.ok(Array.isArray(current.json.phrases));
  assert.match(current.json.question, /パスワード/);
  const beforeEdit = await ask(visitor, question);
  assert.ok(beforeEdit.reply.kind !== 'answer' || beforeEdit.reply.sources[0].id !== password, JSON.stringify(beforeEdit.reply));

  const put = await sec.put(`/api/v1/chat/faq/${password}/phrases`, { phrases: [...current.json.phrases, `  ${question}  `] });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json.phrases.at(-1), question);
  const answered = await ask(visitor, question);
  assert.equal(answered.reply.kind, 'answer');
  assert.equal(answered.reply.sources[0].id, password);
  assert.equal((await ask(new Client(second.url), question)).reply.sources[0].id, password, 'the other process follows');

  // Replaced by a list of the same length and size: still rebuilt (the stamp is the text, not its length).
  const same = [...current.json.phrases, 'ふにゃふにゃふにゃふにゃふにゃふにゃふにゃふにゃふにゃふにゃふ'.slice(0, [...question].length)];
  assert.equal((await sec.put(`/api/v1/chat/faq/${password}/phrases`, { phrases: same })).status, 200);
  const gone = await ask(visitor, question);
  assert.ok(gone.reply.kind !== 'answer' || gone.reply.sources[0].id !== password, JSON.stringify(gone.reply));
  assert.equal((await sec.put(`/api/v1/chat/faq/${password}/phrases`, { phrases: current.json.phrases })).status, 200);

  const audit = (await sec.get('/api/v1/audit?action=chat_phrases_updated&per_page=50')).json.items;
  assert.ok(audit.some((e) => e.subject_id === password));
  assert.equal((await sec.get('/api/v1/chat/faq/faq_nothing_here/phrases')).status, 404);
  assert.equal((await sec.put('/api/v1/chat/faq/faq_nothing_here/phrases', { phrases: [] })).status, 404);
});

test('refusals name the field in Japanese: sizes, lengths, a term already in another group (NFKC, case), a term twice', async () => {
  const sec = await as('jimukyoku');
  const mine = await sec.post('/api/v1/chat/synonyms', { terms: ['権限確認ABC', '権限確認でぃー'] });
  assert.equal(mine.status, 201, mine.text);
  const cases = [
    [{ terms: ['ひとつ'] }, /「同義語」は2〜20件/],
    [{ terms: Array.from({ length: 21 }, (_, i) => `語${i}`) }, /「同義語」は20件まで/],
    [{ terms: ['ある語', '   '] }, /「同義語」の2番目は1〜40文字/],
    [{ terms: ['ある語', 'あ'.repeat(41)] }, /「同義語」の2番目は1〜40文字/],
    [{ terms: ['ある語', 3] }, /「同義語」/],
    [{}, /「同義語」を入力してください/],
    [{ terms: ['ある語', 'ＡＢＣ語', 'abc語'] }, /「ＡＢＣ語」と「abc語」は同じ語です|「abc語」と「ＡＢＣ語」は同じ語です/],
    // Full width and upper case fold to the existing term: refused, naming the term as given.
    [{ terms: ['ある語', '権限確認ａｂｃ'] }, /「権限確認ａｂｃ」はすでに別の同義語グループ（権限確認ABC・権限確認でぃー）にあります/],
  ];
  for (const [body, message] of cases) {
    const r = await sec.post('/api/v1/chat/synonyms', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.match(r.json.error.fields.terms, message, JSON.stringify(body));
  }
  // A group may keep its own terms when it is changed, but not take another group's.
  assert.equal((await sec.put(`/api/v1/chat/synonyms/${mine.json.id}`, { terms: ['権限確認abc', '権限確認でぃー', '権限確認いー'] })).status, 200);
  const other = await sec.post('/api/v1/chat/synonyms', { terms: ['別グループ甲', '別グループ乙'] });
  const taken = await sec.put(`/api/v1/chat/synonyms/${other.json.id}`, { terms: ['別グループ甲', '権限確認いー'] });
  assert.equal(taken.status, 400);
  assert.match(taken.json.error.fields.terms, /「権限確認いー」はすでに別の同義語グループ/);
  assert.equal((await sec.put('/api/v1/chat/synonyms/syn_nothing', { terms: ['未知甲', '未知乙'] })).status, 404);

  const password = (await ask(new Client(server.url), 'パスワードを忘れてしまいました')).reply.sources[0].id;
  for (const [body, message] of [
    [{ phrases: ['あ'] }, /「言い換え」の1番目は2〜200文字/],
    [{ phrases: ['正しい言い換え', 'あ'.repeat(201)] }, /「言い換え」の2番目は2〜200文字/],
    [{ phrases: Array.from({ length: 31 }, (_, i) => `言い換え${i}`) }, /「言い換え」は30件まで/],
    [{}, /「言い換え」を入力してください/],
  ]) {
    const r = await sec.put(`/api/v1/chat/faq/${password}/phrases`, body);
    assert.equal(r.status, 400, r.text);
    assert.match(r.json.error.fields.phrases, message);
  }
  const empty = await sec.post('/api/v1/chat/try', { text: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.json.error.fields.text, /「質問」/);
});

test('only the secretariat edits the dictionary or tries it: every other role 403, anonymous 401', async () => {
  const sec = await as('jimukyoku');
  const group = (await sec.get('/api/v1/chat/synonyms')).json.items[0];
  const faq = (await ask(new Client(server.url), 'パスワードを忘れてしまいました')).reply.sources[0].id;
  const calls = [
    ['GET', '/api/v1/chat/synonyms'], ['POST', '/api/v1/chat/synonyms', { terms: ['不正甲', '不正乙'] }],
    ['PUT', `/api/v1/chat/synonyms/${group.id}`, { terms: ['不正甲', '不正乙'] }], ['DELETE', `/api/v1/chat/synonyms/${group.id}`],
    ['GET', `/api/v1/chat/faq/${faq}/phrases`], ['PUT', `/api/v1/chat/faq/${faq}/phrases`, { phrases: [] }],
    ['POST', '/api/v1/chat/try', { text: 'パスワード' }],
  ];
  for (const login of ['coord-nurse-13', 'fac-tokyo-01']) {
    const c = await as(login);
    for (const [method, path, body] of calls) {
      const r = await c.request(method, path, body);
      assert.equal(r.status, 403, `${login} ${method} ${path}: ${r.text}`);
      assert.match(r.json.error.message, /事務局/);
    }
  }
  const seeker = await newSeeker('辞書 見学');
  for (const [method, path, body] of calls) assert.equal((await seeker.request(method, path, body)).status, 403);
  for (const [method, path, body] of calls) assert.equal((await new Client(server.url).request(method, path, body)).status, 401);
  assert.ok((await sec.get('/api/v1/chat/synonyms')).json.items.some((g) => g.id === group.id), 'nothing was deleted');
});

test('a handover notifies every coordinator of the covering organisation and nobody else; staff answers notify the user; handing back closes it', async () => {
  const asker = await newSeeker('通知 相談者');
  const coord = await as('coord-nurse-13');
  const otherCoord = await as('coord-doctor-13');
  const sec = await as('jimukyoku');
  const handed = await ask(asker, '担当者と話したい');
  assert.equal(handed.reply.kind, 'handover');
  const id = handed.conversation;
  const link = `/coordination/chat#${id}`;
  const mine = (await notices(coord)).filter((n) => n.link === link);
  assert.equal(mine.length, 1, 'one notice for the handling coordinator');
  assert.equal(mine[0].kind, 'chat_handover');
  assert.match(mine[0].title, /チャットの引き継ぎ/);
  assert.ok(!(await notices(otherCoord)).some((n) => n.link === link), 'never another organisation');
  assert.ok(!(await notices(sec)).some((n) => n.link === link), 'the secretariat is not told of a coordinator\'s handover');
  assert.ok(!(await notices(asker)).some((n) => n.link === link));

  // The user's messages while it is handed over reach the same coordinators (in the app), and nobody else.
  assert.equal((await asker.post('/api/v1/chat/messages', { conversation: id, text: '夜勤のない病院を探しています' })).status, 200);
  const heard = (await notices(coord)).filter((n) => n.kind === 'chat_message' && n.link === link);
  assert.equal(heard.length, 1);
  assert.equal(heard[0].body, '夜勤のない病院を探しています');
  assert.ok(!(await notices(otherCoord)).some((n) => n.kind === 'chat_message'));

  const replied = await coord.post(`/api/v1/chat/conversations/${id}/messages`, { text: 'ご相談を承ります。希望の勤務地を教えてください。' });
  assert.equal(replied.status, 201, replied.text);
  const toUser = (await notices(asker)).filter((n) => n.kind === 'chat_reply');
  assert.equal(toUser.length, 1);
  assert.equal(toUser[0].link, `/?chat=${id}`);
  assert.match(toUser[0].body, /加藤 恵（東京都ナースセンター）：ご相談を承ります。/);
  assert.ok(!(await notices(otherCoord)).some((n) => n.kind === 'chat_reply'));

  const back = await asker.post('/api/v1/chat/messages', { conversation: id, text: 'ボットに戻す' });
  assert.equal(back.status, 200);
  const closed = (await notices(coord)).filter((n) => n.kind === 'chat_handover_closed' && n.link === link);
  assert.equal(closed.length, 1, 'the coordinators hear that it went back to the bot');
  const item = (await coord.get('/api/v1/chat/handovers')).json.items.find((i) => i.id === id);
  assert.equal(item.state, 'bot', 'the queue item is closed');
  assert.ok(!(await notices(otherCoord)).some((n) => n.link === link));
});

test("a facility's conversation that goes to the help desk notifies the secretariat, linking to the inquiry", async () => {
  const fac = await as('fac-tokyo-02');
  const r = await ask(fac, '担当者と話したい');
  assert.match(r.reply.text, /事務局へのお問合せとして受け付けました/);
  const url = r.reply.sources.find((s) => s.url.startsWith('/helpdesk/')).url;
  const told = (await notices(await as('jimukyoku'))).filter((n) => n.link === url);
  assert.equal(told.length, 1);
  assert.equal(told[0].kind, 'chat_handover');
  assert.ok(!(await notices(await as('coord-nurse-13'))).some((n) => n.link === url), 'no coordinator is told');
});

test('the notices arrive live on the event stream: the handover to the coordinator, the answer to the seeker', async () => {
  const asker = await newSeeker('通知 ライブ');
  const coord = await as('coord-nurse-13');
  const coordStream = await openEvents(coord);
  const askerStream = await openEvents(asker);
  try {
    await coordStream.waitFor('ready');
    await askerStream.waitFor('ready');
    const id = (await ask(asker, '担当者と話したい')).conversation;
    const handover = await coordStream.waitFor('notification', (d) => d.kind === 'chat_handover' && d.link === `/coordination/chat#${id}`);
    assert.match(handover.data.title, /チャットの引き継ぎ/);
    assert.equal((await coord.post(`/api/v1/chat/conversations/${id}/messages`, { text: 'ライブで届きますか' })).status, 201);
    const reply = await askerStream.waitFor('notification', (d) => d.kind === 'chat_reply' && d.link === `/?chat=${id}`);
    assert.match(reply.data.body, /ライブで届きますか/);
  } finally {
    coordStream.close();
    askerStream.close();
  }
});
