// The auto-response chat (issue 16): FAQ answers with their source, choices and a request to rephrase; the
// caller's own data (a seeker's applications and next interview, a facility's open training items) and nobody
// else's; conversations readable by their owner only (anonymous ones bound to the chat cookie); validation,
// CSRF and the rate limit. No masked value of a posting ever appears in a reply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, runCli, freshDatabase, uniqueEmail } from './harness.mjs';

const PASSWORD = 'Chat2026pw';
const SECRET = { facility: '千代田区神田さくら病院', street: 'チャット秘匿町7-7', phone: '03-4444-0707', person: 'チャット 秘匿', email: 'chat-secret@example.jp' };
let server, db, seeker, other, postings = [], applications = [];

async function as(login, password) { const c = new Client(server.url); await c.login(login, password); return c; }
function leaksSecret(text) { return Object.values(SECRET).some((v) => text.includes(v)); }
async function say(client, text, conversation) {
  const r = await client.post('/api/v1/chat/messages', conversation ? { conversation, text } : { text });
  assert.equal(r.status, 200, r.text);
  assert.ok(!leaksSecret(r.text), `no masked value in a reply: ${r.text}`);
  return r.json;
}

async function newSeeker(name) {
  const email = uniqueEmail('chat');
  assert.equal(runCli(['user', 'add', '--db', db, '--login', email, '--password', PASSWORD, '--role', 'seeker', '--name', name]).status, 0);
  const c = await as(email, PASSWORD);
  assert.equal((await c.put('/api/v1/me/profile', { name, categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' })).status, 200);
  return c;
}

before(async () => {
  db = freshDatabase();
  server = await startServer({ db });
  seeker = await newSeeker('チャット 花子');
  other = await newSeeker('チャット 別人');
  const fac = await as('fac-tokyo-01');
  for (const label of ['面接予定', '採用済み']) {
    const created = await fac.post('/api/v1/postings', {
      title: `チャット確認 ${label} ${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: '2027-06-01', period_months: 3,
      urgency: 'regular', positions: 1, duties: '病棟業務', training_agreed: true, masked: true, status: 'published',
      workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: SECRET.street },
      contact: { name: SECRET.person, phone: SECRET.phone, email: SECRET.email },
    });
    assert.equal(created.status, 201, created.text);
    postings.push(created.json);
    const applied = await seeker.post(`/api/v1/postings/${created.json.id}/applications`, { kind: 'application', message: '応募します', consent: true });
    assert.equal(applied.status, 201, applied.text);
    applications.push(applied.json);
  }
  // The first application has an interview on 2027-05-11 14:30; the second ends in a hire with open training.
  for (const [i, slot] of [[0, '2027-05-11T14:30+09:00'], [1, '2027-04-01T10:00+09:00']]) {
    const proposed = await fac.post(`/api/v1/applications/${applications[i].id}/interviews`, { slots: [slot], online: true });
    assert.equal(proposed.status, 201, proposed.text);
    const accepted = await seeker.post(`/api/v1/interviews/${proposed.json.interviews.at(-1).id}`, { action: 'accept', slot: 0 });
    assert.equal(accepted.status, 200, accepted.text);
    if (i === 1) {
      assert.equal((await fac.post(`/api/v1/interviews/${proposed.json.interviews.at(-1).id}`, { action: 'held' })).status, 200);
      assert.equal((await fac.patch(`/api/v1/applications/${applications[1].id}`, { stage: 'offered' })).status, 200);
      assert.equal((await fac.patch(`/api/v1/applications/${applications[1].id}`, { stage: 'hired' })).status, 200);
    }
  }
});
after(async () => { await server?.stop(); });

test('an FAQ question gets its answer with a link to the article', async () => {
  const anon = new Client(server.url);
  const r = await say(anon, 'パスワードを忘れてしまいました');
  assert.match(r.conversation, /^chat_/);
  assert.equal(r.reply.kind, 'answer');
  assert.match(r.reply.text, /30分間有効な再設定用のリンク/);
  assert.equal(r.reply.sources[0].type, 'faq');
  assert.match(r.reply.sources[0].url, /^\/faq\/faq_/);
  const article = await anon.get(`/api/v1/faq/${r.reply.sources[0].id}`);
  assert.equal(article.json.answer, r.reply.text, 'the reply is the article, word for word');
  // Synonyms: 夜勤 is read as 当直; width and case are folded.
  assert.match((await say(anon, '夜勤が不安です')).reply.text, /当直・オンコール/);
  assert.match((await say(anon, 'ＣＳＶが文字化けする')).reply.text, /Windows-31J/);
});

test('a close call offers three choices; a number picks one; nonsense asks to rephrase, then points to a person', async () => {
  const anon = new Client(server.url);
  const first = await say(anon, '面接');
  assert.equal(first.reply.kind, 'choices');
  assert.ok(first.reply.choices.length >= 2 && first.reply.choices.length <= 3);
  assert.equal(first.reply.sources.length, first.reply.choices.length);
  const picked = await say(anon, '2', first.conversation);
  assert.equal(picked.reply.kind, 'answer');
  assert.equal(picked.reply.sources[0].title, first.reply.choices[1].label);
  const lost = await say(anon, 'ほげほげ', first.conversation);
  assert.equal(lost.reply.kind, 'question');
  assert.match(lost.reply.text, /言い換えて/);
  const again = await say(anon, 'ふがふが', first.conversation);
  assert.equal(again.reply.kind, 'question');
  assert.match(again.reply.text, /お答えできませんでした/);
  assert.ok(again.reply.sources.some((s) => s.url === '/login'), 'an anonymous visitor is pointed to log in and ask a person');
  const full = await anon.get(`/api/v1/chat/conversations/${first.conversation}`);
  assert.equal(full.status, 200);
  assert.deepEqual(full.json.messages.map((m) => m.author), ['user', 'bot', 'user', 'bot', 'user', 'bot', 'user', 'bot']);
  assert.equal(full.json.messages[1].kind, 'choices');
  assert.match(full.json.messages[0].at, /\+09:00$/);
});

test('empty, blank, too long or non-text messages are refused in Japanese, naming the field', async () => {
  const anon = new Client(server.url);
  for (const text of ['', '　 ', 'あ'.repeat(1001), 42]) {
    const r = await anon.post('/api/v1/chat/messages', { text });
    assert.equal(r.status, 400, String(text).slice(0, 10));
    assert.match(r.json.error.fields.text, /「メッセージ」/);
  }
  assert.equal((await anon.post('/api/v1/chat/messages', { text: 'あ'.repeat(1000) })).status, 200, '1,000 characters are fine');
  const missing = await anon.post('/api/v1/chat/messages', {});
  assert.equal(missing.status, 400);
  assert.ok(missing.json.error.fields.text);
});

test('an anonymous conversation is readable and continuable only with its chat cookie', async () => {
  const owner = new Client(server.url);
  const r = await say(owner, '対応しているブラウザは？');
  assert.ok(owner.cookies.get('kh_chat'), 'a chat cookie is set');
  assert.equal((await owner.get(`/api/v1/chat/conversations/${r.conversation}`)).status, 200);
  const stranger = new Client(server.url);
  assert.equal((await stranger.get(`/api/v1/chat/conversations/${r.conversation}`)).status, 404);
  assert.equal((await stranger.post('/api/v1/chat/messages', { conversation: r.conversation, text: '料金は？' })).status, 404);
  const forged = new Client(server.url);
  forged.cookies.set('kh_chat', 'x'.repeat(43));
  assert.equal((await forged.get(`/api/v1/chat/conversations/${r.conversation}`)).status, 404);
  assert.equal((await seeker.get(`/api/v1/chat/conversations/${r.conversation}`)).status, 404, 'a logged-in user is not its owner either');
  assert.equal((await owner.get('/api/v1/chat/conversations/chat_doesnotexist')).status, 404);
  // A second conversation of the same visitor keeps the same cookie.
  const cookie = owner.cookies.get('kh_chat');
  const second = await say(owner, '料金は？');
  assert.equal(owner.cookies.get('kh_chat'), cookie);
  assert.equal((await owner.get(`/api/v1/chat/conversations/${second.conversation}`)).status, 200);
});

test('a seeker asks about their applications and next interview; only their own rows, no masked value', async () => {
  const status = await say(seeker, '応募の状況は？');
  assert.equal(status.reply.kind, 'answer');
  assert.match(status.reply.text, /あなたの応募は2件です。/);
  for (const p of postings) assert.ok(status.reply.text.includes(p.title), p.title);
  assert.match(status.reply.text, /面接調整/);
  assert.match(status.reply.text, /採用/);
  assert.deepEqual(status.reply.sources.filter((s) => s.type === 'application').map((s) => s.id).sort(), applications.map((a) => a.id).sort());
  const interview = await say(seeker, '面接はいつ？', status.conversation);
  assert.match(interview.reply.text, /次の面接は2027年5月11日\(火\) 14:30、「チャット確認 面接予定/);
  assert.equal(interview.reply.sources[0].url, `/applications/${applications[0].id}`);

  // Someone else asking the same gets nothing of the first seeker's.
  const theirs = await say(other, '応募の状況は？');
  assert.match(theirs.reply.text, /応募・問い合わせ・コンタクト依頼はありません/);
  for (const a of applications) assert.ok(!JSON.stringify(theirs).includes(a.id));
  for (const p of postings) assert.ok(!JSON.stringify(theirs).includes(p.title));
  assert.match((await say(other, '面接はいつ？')).reply.text, /日時の決まった面接はありません/);
  assert.equal((await other.get(`/api/v1/chat/conversations/${status.conversation}`)).status, 404);
  assert.equal((await other.post('/api/v1/chat/messages', { conversation: status.conversation, text: '応募の状況は？' })).status, 404);
  const anonymous = new Client(server.url);
  assert.equal((await anonymous.get(`/api/v1/chat/conversations/${status.conversation}`)).status, 404);

  // An anonymous visitor asking the same gets the FAQ article, never data.
  const anon = await say(anonymous, '応募の状況は？');
  assert.equal(anon.reply.sources[0].type, 'faq');
  for (const p of postings) assert.ok(!anon.reply.text.includes(p.title));

  // The reading is audited as the seeker's own.
  const sec = await as('jimukyoku');
  const audit = await sec.get('/api/v1/audit?action=chat_own_data&per_page=50');
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.json.items.some((e) => e.subject_id === status.conversation));
});

test("a facility asks about open training items: its hires only", async () => {
  const fac = await as('fac-tokyo-01');
  const r = await say(fac, '研修は終わっていますか？');
  assert.equal(r.reply.kind, 'answer');
  assert.match(r.reply.text, /未完了の研修がある採用者は1人です。/);
  assert.match(r.reply.text, /感染管理（講義）、感染管理（実技）、医療安全（講義）/);
  assert.match(r.reply.text, /求職者-/, 'the hire by handle');
  assert.equal(r.reply.sources[0].url, `/applications/${applications[1].id}`);
  const otherFacility = await say(await as('fac-tokyo-02'), '研修は終わっていますか？');
  assert.match(otherFacility.reply.text, /未完了の研修はありません/);
  assert.ok(!JSON.stringify(otherFacility).includes(applications[1].id));
  // Once recorded, nothing is open.
  for (const item of ['infection_lecture', 'infection_practice', 'safety_lecture'])
    assert.equal((await fac.put(`/api/v1/applications/${applications[1].id}/training/${item}`, { hours: 1, completed_on: '2027-06-01' })).status, 200);
  assert.match((await say(fac, '研修は終わっていますか？')).reply.text, /未完了の研修はありません/);
});

test('a logged-in message without the CSRF token is refused', async () => {
  const c = await as('fac-tokyo-01');
  const r = await c.post('/api/v1/chat/messages', { text: '料金は？' }, { headers: { 'x-csrf-token': 'wrong' } });
  assert.equal(r.status, 403);
});

// ---- A seeker's wishes, collected by conversation (slice 4) ----

const TOCHIGI_SECRET = { street: 'チャット栃木秘匿町1-1', phone: '028-444-0909', person: '栃木 秘匿', email: 'chat-tochigi@example.jp' };

function nextMonthFirst() {
  const now = new Date(Date.now() + 9 * 3600 * 1000);  // Japan time
  const y = now.getUTCFullYear() + (now.getUTCMonth() === 11 ? 1 : 0);
  const m = (now.getUTCMonth() + 1) % 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

test('a seeker says their wishes in one sentence: four slots read, only the missing asked, saved only after confirming', async () => {
  const wisher = await newSeeker('チャット 希望');
  const fac = await as('fac-tochigi-01');
  const start = nextMonthFirst();
  const later = `${Number(start.slice(0, 4)) + (start.slice(5, 7) === '12' ? 1 : 0)}-${start.slice(5, 7) === '12' ? '01' : String(Number(start.slice(5, 7)) + 1).padStart(2, '0')}-10`;
  const posting = await fac.post('/api/v1/postings', {
    title: `チャット提案 栃木の病棟看護師 ${Date.now()}`, category: 'nurse', employment: 'fixed_term', start_date: later, period_months: 3,
    urgency: 'regular', positions: 1, duties: '病棟業務', training_agreed: true, masked: true, status: 'published',
    workplace: { postal_code: '3200811', prefecture: '09', municipality: '092011', street: TOCHIGI_SECRET.street },
    contact: { name: TOCHIGI_SECRET.person, phone: TOCHIGI_SECRET.phone, email: TOCHIGI_SECRET.email },
  });
  assert.equal(posting.status, 201, posting.text);
  const before = (await wisher.get('/api/v1/me/profile')).json;

  const first = await say(wisher, '来月から3か月、栃木で消化器内科、当直は不安');
  assert.equal(first.reply.kind, 'question');
  assert.match(first.reply.text, /・期間：3か月/);
  assert.match(first.reply.text, /・勤務地：栃木県/);
  assert.match(first.reply.text, /・診療科：消化器内科/);
  assert.match(first.reply.text, /・当直・オンコール：できない/);
  assert.match(first.reply.text, /勤務開始：\d{4}年\d{1,2}月1日/);
  assert.match(first.reply.text, /曜日/, 'asks a missing slot');
  assert.doesNotMatch(first.reply.text, /どのくらいの期間|都道府県を教えて|診療科はありますか|当直・オンコールはできますか/, 'never asks what was said');
  assert.ok(first.reply.choices.some((c) => c.label === '平日'));
  const conversation = first.conversation;
  assert.deepEqual((await wisher.get('/api/v1/me/profile')).json, before, 'nothing written before confirming');

  const second = await say(wisher, '平日', conversation);
  assert.match(second.reply.text, /キャリア支援/);
  const third = await say(wisher, '不要', conversation);
  assert.equal(third.reply.kind, 'confirm');
  assert.match(third.reply.text, /よろしいですか？/);
  assert.match(third.reply.text, /・曜日：月・火・水・木・金/);
  assert.match(third.reply.text, /・キャリア支援：不要/);
  assert.deepEqual(third.reply.choices.map((c) => c.value), ['はい', 'いいえ']);
  assert.deepEqual((await wisher.get('/api/v1/me/profile')).json, before, 'still nothing written');

  // A correction, then the read-back again.
  const no = await say(wisher, 'いいえ', conversation);
  assert.equal(no.reply.kind, 'question');
  const corrected = await say(wisher, '期間は6か月', conversation);
  assert.equal(corrected.reply.kind, 'confirm');
  assert.match(corrected.reply.text, /・期間：6か月/);

  const saved = await say(wisher, 'はい', conversation);
  assert.equal(saved.reply.kind, 'answer');
  assert.match(saved.reply.text, /希望条件を保存しました。/);
  const profile = (await wisher.get('/api/v1/me/profile')).json;
  assert.deepEqual(profile.prefectures, ['09']);
  assert.deepEqual(profile.employment, ['fixed_term']);
  assert.equal(profile.period_months_max, 6);
  assert.equal(profile.available_from, start);
  assert.equal(profile.night_duty, false);
  assert.deepEqual(profile.specialties, ['消化器内科']);
  assert.deepEqual(profile.weekdays, ['mon', 'tue', 'wed', 'thu', 'fri']);
  assert.equal(profile.career_support, 'none');
  assert.equal(profile.name, before.name, 'the rest of the profile is kept');

  // Proposals through the posting list's search and masking: the posting by title, none of its masked values.
  assert.ok(saved.reply.text.includes(posting.json.title), saved.reply.text);
  assert.ok(saved.reply.sources.some((s) => s.type === 'posting' && s.url === `/postings/${posting.json.id}`));
  for (const v of [...Object.values(TOCHIGI_SECRET), '宇都宮', 'fac-tochigi-01']) assert.ok(!JSON.stringify(saved).includes(v), v);

  const sec = await as('jimukyoku');
  const audit = await sec.get('/api/v1/audit?action=chat_wishes_saved&per_page=50');
  assert.ok(audit.json.items.some((e) => e.detail === conversation), 'the confirmed save is audited');
});

test('collecting wishes can be stopped; anonymous visitors and facilities do not get it', async () => {
  const wisher = await newSeeker('チャット 中断');
  const before = (await wisher.get('/api/v1/me/profile')).json;
  const first = await say(wisher, '希望条件を登録したい');
  assert.equal(first.reply.kind, 'question');
  const stopped = await say(wisher, 'やめる', first.conversation);
  assert.match(stopped.reply.text, /やめました。保存はしていません/);
  assert.deepEqual((await wisher.get('/api/v1/me/profile')).json, before);
  // After stopping, questions go to the FAQ again.
  assert.equal((await say(wisher, '利用料金はかかりますか？', first.conversation)).reply.sources[0].type, 'faq');

  const anon = await say(new Client(server.url), '来月から3か月、栃木で消化器内科、当直は不安');
  assert.notEqual(anon.reply.kind, 'confirm');
  assert.ok(!/勤務地：栃木県/.test(anon.reply.text));
  const facility = await say(await as('fac-tokyo-02'), '来月から3か月、栃木で消化器内科、当直は不安');
  assert.ok(!/勤務地：栃木県/.test(facility.reply.text));
});

// ---- Handover to a person (slice 5) ----

test('a seeker asks for a person: the covering coordinators get the thread, answer in it, and the seeker hands it back', async () => {
  const asker = await newSeeker('チャット 相談者');
  const first = await say(asker, '夜勤のない病院を探しています');
  const handed = await say(asker, '担当者と話したい', first.conversation);
  assert.equal(handed.reply.kind, 'handover');
  assert.match(handed.reply.text, /担当のコーディネーター（東京都ナースセンター）に引き継ぎました/);
  const waiting = await say(asker, 'よろしくお願いします', first.conversation);
  assert.equal(waiting.reply.kind, 'handover', 'the bot stops answering');
  let mine = (await asker.get(`/api/v1/chat/conversations/${first.conversation}`)).json;
  assert.equal(mine.state, 'handed_over');
  assert.equal(mine.handed_to.name, '東京都ナースセンター');
  assert.equal(mine.messages.at(-1).author, 'user', 'nothing from the bot after the handover message');

  const coord = await as('coord-nurse-13');
  const queue = await coord.get('/api/v1/chat/handovers');
  assert.equal(queue.status, 200);
  const item = queue.json.items.find((i) => i.id === first.conversation);
  assert.ok(item, 'in the covering coordinators\' list');
  assert.equal(item.asker, 'チャット 相談者');
  assert.ok(item.messages.some((m) => m.text === '夜勤のない病院を探しています'), 'with the transcript');
  assert.equal((await coord.get(`/api/v1/chat/conversations/${first.conversation}`)).status, 200);

  // Coordinators of another organisation, facilities and other seekers see nothing of it.
  const otherCoord = await as('coord-doctor-13');
  assert.ok(!(await otherCoord.get('/api/v1/chat/handovers')).json.items.some((i) => i.id === first.conversation));
  assert.equal((await otherCoord.get(`/api/v1/chat/conversations/${first.conversation}`)).status, 404);
  assert.equal((await otherCoord.post(`/api/v1/chat/conversations/${first.conversation}/messages`, { text: '横から' })).status, 404);
  assert.equal((await (await as('fac-tokyo-01')).get('/api/v1/chat/handovers')).status, 403);
  assert.equal((await other.post(`/api/v1/chat/conversations/${first.conversation}/messages`, { text: '横から' })).status, 404);

  const bad = await coord.post(`/api/v1/chat/conversations/${first.conversation}/messages`, { text: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.fields.text, /「メッセージ」/);
  const answered = await coord.post(`/api/v1/chat/conversations/${first.conversation}/messages`, { text: '夜勤のない求人を一緒に探しましょう。' });
  assert.equal(answered.status, 201, answered.text);
  mine = (await asker.get(`/api/v1/chat/conversations/${first.conversation}`)).json;
  const staff = mine.messages.at(-1);
  assert.equal(staff.author, 'staff');
  assert.equal(staff.by, '加藤 恵（東京都ナースセンター）', 'by name and organisation, never a login ID');
  assert.ok(!JSON.stringify(mine).includes('coord-nurse-13'));

  const back = await say(asker, 'ボットに戻す', first.conversation);
  assert.equal(back.reply.kind, 'answer');
  assert.match(back.reply.text, /自動応答に戻しました/);
  assert.equal((await say(asker, '利用料金はかかりますか？', first.conversation)).reply.sources[0].type, 'faq');
  assert.equal((await coord.post(`/api/v1/chat/conversations/${first.conversation}/messages`, { text: 'まだいますか' })).status, 409);

  const sec = await as('jimukyoku');
  const audit = await sec.get('/api/v1/audit?action=chat_handed_over&per_page=50');
  assert.ok(audit.json.items.some((e) => e.subject_id === first.conversation));
});

test("two questions in a row the bot cannot answer go to a person; a facility's go to the help desk as an inquiry", async () => {
  const asker = await newSeeker('チャット 迷子');
  const lost = await say(asker, 'ほげほげ');
  assert.equal(lost.reply.kind, 'question');
  const handed = await say(asker, 'ふがふが', lost.conversation);
  assert.equal(handed.reply.kind, 'handover');
  assert.match(handed.reply.text, /お答えできなかったため、担当のコーディネーター/);

  // Asking for a person in the very first message of a conversation works the same.
  const direct = await say(await newSeeker('チャット 直行'), '担当者と話したい');
  assert.equal(direct.reply.kind, 'handover');
  assert.ok((await (await as('coord-nurse-13')).get('/api/v1/chat/handovers')).json.items.some((i) => i.id === direct.conversation));

  const fac = await as('fac-tokyo-02');
  const r = await say(fac, '担当者と話したい');
  assert.equal(r.reply.kind, 'handover');
  assert.match(r.reply.text, /事務局へのお問合せとして受け付けました/);
  const link = r.reply.sources.find((s) => s.url.startsWith('/helpdesk/'));
  const inquiry = await fac.get(`/api/v1${link.url.replace('/helpdesk/', '/helpdesk/inquiries/')}`);
  assert.equal(inquiry.status, 200, inquiry.text);
  assert.equal(inquiry.json.subject, 'チャットからのご相談');
  assert.match(JSON.stringify(inquiry.json), /担当者と話したい/, 'the transcript travels with it');
});

test('what the FAQ does not answer may come from an announcement the caller may read, never from another audience\'s', async () => {
  const sec = await as('jimukyoku');
  const open = await sec.post('/api/v1/announcements', { title: '電子カルテ連携の試験運用について', body: '2027年2月1日から、一部の医療機関で電子カルテ連携の試験運用を始めます。', audience: 'all' });
  assert.equal(open.status, 201, open.text);
  const closed = await sec.post('/api/v1/announcements', { title: '感染対策補助金の申請期限について', body: '感染対策補助金の申請期限は2027年3月31日です。', audience: ['facility'] });
  assert.equal(closed.status, 201, closed.text);

  const anon = new Client(server.url);
  const r = await say(anon, '電子カルテ連携の試験運用はいつから？');
  assert.equal(r.reply.kind, 'answer');
  assert.match(r.reply.text, /2027年2月1日から/);
  assert.deepEqual(r.reply.sources.map((x) => x.url), [`/announcements/${open.json.id}`]);

  for (const who of [new Client(server.url), seeker]) {
    const refused = await say(who, '感染対策補助金の申請期限は？');
    assert.ok(!refused.reply.text.includes('2027年3月31日'), 'not for this audience');
    assert.ok(!JSON.stringify(refused).includes(closed.json.id));
  }
  const fac = await say(await as('fac-tokyo-02'), '感染対策補助金の申請期限は？');
  assert.match(fac.reply.text, /2027年3月31日/);
});

test('messages are rate-limited per visitor, with a Japanese message', async () => {
  const anon = new Client(server.url);
  let limited;
  for (let i = 0; i < 40 && !limited; i++) {
    const r = await anon.post('/api/v1/chat/messages', { text: '料金は？' });
    if (r.status === 429) limited = r;
    else assert.equal(r.status, 200);
  }
  assert.ok(limited, 'the limit is reached within 40 messages');
  assert.match(limited.json.error.message, /1分ほどおいてから/);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  // A logged-in user has their own allowance.
  assert.equal((await seeker.post('/api/v1/chat/messages', { text: '料金は？' })).status, 200);
});
