// The work-environment centre's meetings and minutes (issue 15): series with the labour bureau's address and the
// days within which minutes are due, meetings with participants from the network's four kinds and invited bodies,
// agenda items with outcomes (共有 / 決定 / 対応事項), action items carried onto later meetings until done, and the
// minutes' flow: the 受託者 drafts → sends for confirmation → participants confirm or comment (the 労働局 member
// among them) → the 受託者 revises → locks, which mails them to the labour bureau (a real mail in the SMTP sink,
// with the send log on the meeting). Locked minutes answer 409; late minutes are flagged on the list and on the
// centre's "what to do now"; another prefecture's centre gets 404; bad input is named field by field.
// Participants hear of the confirmation request (in the app, and by mail unless they chose otherwise), the 受託者
// of a comment and of everyone having confirmed. A mail that does not go out (the SMTP server down) shows as failed
// in the send log; the 受託者 resends it once the server is back, and only the resent mail arrives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect } from 'node:net';
import { startServer, Client, runCli, waitForMail, uniqueEmail, mailsTo } from './harness.mjs';

const DEMO_MAIL = { contractor: 'workenv-13@kakehashi.example', bureau: 'workenv-13-roukyoku@kakehashi.example', adviser: 'workenv-13-adviser@kakehashi.example' };
// Counted per meeting (its link in the body): the demo's own meetings mail the same demo addresses, and those mails
// leave the outbox whenever the server gets to them.
const mailCount = (to, subjectPart, about) =>
  mailsTo(to).filter((m) => m.subject.includes(subjectPart) && m.body.includes(about)).length;
/** 「2026年11月3日(火)」 as the server's shared formatter writes a YYYY-MM-DD date. */
function dateJa(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日(${'日月火水木金土'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]})`;
}

const PASSWORD = 'Meetings2026pw';
let server, contractor, pref, bureau, adviser, otherCentre, facility, secretariat;
let people; // login → user id
let series, first, second, action, bureauEmail;

/** A day in Japan, `offset` days from today, as YYYY-MM-DD. */
function day(offset) { return new Date(Date.now() + 9 * 3600e3 + offset * 86400e3).toISOString().slice(0, 10); }

before(async () => {
  server = await startServer();
  const made = runCli(['user', 'add', '--db', server.db, '--login', 'workenv-09-meetings', '--password', PASSWORD, '--role', 'workenv_center',
    '--organisation', '栃木県医療勤務環境改善支援センター（会議）', '--prefecture', '09', '--name', '栃木 受託', '--email', 'workenv-09-meetings@example.jp']);
  assert.equal(made.status, 0, made.stderr);
  contractor = new Client(server.url); await contractor.login('workenv-13');
  pref = new Client(server.url); await pref.login('workenv-13-pref');
  bureau = new Client(server.url); await bureau.login('workenv-13-roukyoku');
  adviser = new Client(server.url); await adviser.login('workenv-13-adviser');
  otherCentre = new Client(server.url); await otherCentre.login('workenv-09-meetings', PASSWORD);
  facility = new Client(server.url); await facility.login('fac-tokyo-01');
  secretariat = new Client(server.url); await secretariat.login('jimukyoku');
  // The other prefecture's centre is a contractor too, so only the prefecture keeps it out.
  const otherOrg = (await otherCentre.get('/api/v1/me')).json.user.organisations[0].id;
  assert.equal((await secretariat.put(`/api/v1/workenv/members/${otherOrg}`, { kind: 'contractor' })).status, 200);
  const members = await contractor.get('/api/v1/workenv/members');
  assert.equal(members.status, 200, members.text);
  people = {};
  for (const m of members.json.items) for (const p of m.people) people[m.kind] = p.id;
  assert.ok(people.contractor && people.labour_bureau && people.adviser && people.prefecture, JSON.stringify(members.json.items));
  bureauEmail = uniqueEmail('roukyoku');
});
after(async () => { await server?.stop(); });

test('the demo: two series, minutes locked and mailed, awaiting confirmation (late) and a draft', async () => {
  const list = await contractor.get('/api/v1/workenv/meetings/series');
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((s) => s.kind).sort(), ['council', 'liaison']);
  assert.equal(list.json.can_create, true);
  const meetings = (await contractor.get('/api/v1/workenv/meetings')).json;
  const states = meetings.items.map((m) => m.minutes_status);
  for (const s of ['locked', 'confirming', 'draft']) assert.ok(states.includes(s), `a meeting with minutes ${s}`);
  const waiting = meetings.items.find((m) => m.minutes_status === 'confirming');
  assert.equal(waiting.minutes_late, true, 'sent for confirmation 40 days after the meeting and still not sent');
  assert.equal(waiting.confirmed, 1);
  assert.equal(waiting.commented, 1);
  assert.equal(meetings.items.find((m) => m.minutes_status === 'locked').minutes_late, false);
  assert.ok(meetings.late >= 1);
  const late = (await contractor.get('/api/v1/workenv/meetings?late=1')).json;
  assert.ok(late.items.length >= 1 && late.items.every((m) => m.minutes_late));
  const today = (await contractor.get('/api/v1/workenv/today')).json;
  assert.ok(today.late_minutes.some((m) => m.id === waiting.id), 'late minutes are on the centre\'s queue');
  const home = (await contractor.get('/api/v1/me/home')).json;
  assert.ok(home.counts.workenv_late_minutes >= 1);
  const locked = (await contractor.get(`/api/v1/workenv/meetings/${meetings.items.find((m) => m.minutes_status === 'locked').id}`)).json;
  assert.equal(locked.sends.length, 1);
  assert.equal(locked.sends[0].to, 'tokyo-roudoukyoku@kakehashi.example');
  assert.equal(locked.can_write_minutes, false);
});

test('bad input is named field by field in Japanese; only the 都道府県 and 受託者 run meetings', async () => {
  const bad = await contractor.post('/api/v1/workenv/meetings/series', { kind: 'yearly', bureau_email: 'not-an-address', minutes_due_days: 0 });
  assert.equal(bad.status, 400, bad.text);
  assert.match(bad.json.error.fields.kind, /会議の種類/);
  assert.match(bad.json.error.fields.bureau_email, /労働局の送付先メールアドレス/);
  assert.match(bad.json.error.fields.minutes_due_days, /議事概要の送付期限/);
  const body = { kind: 'liaison', title: '実務者連絡調整会議（試験）', bureau_email: bureauEmail, minutes_due_days: 14, invited: ['東京都医師会', '東京都看護協会'] };
  assert.equal((await adviser.post('/api/v1/workenv/meetings/series', body)).status, 403, 'an adviser does not organise');
  assert.equal((await facility.post('/api/v1/workenv/meetings/series', body)).status, 403);
  const created = await contractor.post('/api/v1/workenv/meetings/series', body);
  assert.equal(created.status, 201, created.text);
  series = created.json;
  assert.deepEqual(series.invited, ['東京都医師会', '東京都看護協会']);

  const badMeeting = await contractor.post('/api/v1/workenv/meetings', {
    series_id: series.id, held_on: '2026-02-30', place: '', participant_ids: [people.contractor, 'usr-nobody'],
    items: [{ title: '議題', outcome_kind: 'maybe', outcome: 'x' }],
  });
  assert.equal(badMeeting.status, 400, badMeeting.text);
  assert.match(badMeeting.json.error.fields.held_on, /開催日/);
  assert.match(badMeeting.json.error.fields.place, /場所・方法/);
  assert.match(badMeeting.json.error.fields.items, /1件目の「結果の種別」/);
  assert.match(badMeeting.json.error.fields.participant_ids, /参加者/);
  const foreignSeries = await otherCentre.post('/api/v1/workenv/meetings', { series_id: series.id, held_on: day(-1), place: '会議室' });
  assert.equal(foreignSeries.status, 400);
  assert.match(foreignSeries.json.error.fields.series_id, /会議体/);
  const badAction = await contractor.post(`/api/v1/workenv/meetings/${(await contractor.get('/api/v1/workenv/meetings')).json.items[0].id}/actions`, { title: '', owner: '担当', due_date: 'tomorrow' });
  assert.equal(badAction.status, 400);
  assert.match(badAction.json.error.fields.title, /対応事項/);
  assert.match(badAction.json.error.fields.due_date, /期限/);
});

test('minutes: draft → confirmation → a comment → revision → the 労働局 confirms → lock → mailed with a send log', async () => {
  const made = await contractor.post('/api/v1/workenv/meetings', {
    series_id: series.id, held_on: day(-20), place: 'オンライン', invited: ['東京都医師会'],
    participant_ids: [people.contractor, people.labour_bureau, people.adviser],
    items: [{ title: '宿日直許可の申請状況', outcome_kind: 'shared', outcome: '3病院が申請中。' },
      { title: '訪問先の選定', outcome_kind: 'decided', outcome: '救急科のある2病院を訪問する。' }],
  });
  assert.equal(made.status, 201, made.text);
  first = made.json;
  const about = `/workenv/meetings/${first.id}`;
  assert.equal(first.participants.length, 3);
  assert.equal(first.participants.find((p) => p.id === people.labour_bureau).kind_label, '労働局');
  assert.equal(first.minutes.status, 'none');
  assert.equal(first.minutes.late, true, '20 days after the meeting with 14 days to send');
  assert.equal(first.minutes.due_on, day(-6));
  const added = await contractor.post(`/api/v1/workenv/meetings/${first.id}/actions`, { title: '申請書の様式を病院に送る', owner: '東京労働局 中島', due_date: day(10) });
  assert.equal(added.status, 201, added.text);
  action = added.json;

  // Only the 受託者 writes the minutes; nobody confirms before they are sent for confirmation.
  assert.equal((await pref.put(`/api/v1/workenv/meetings/${first.id}/minutes`, { body: '都道府県の下書き' })).status, 403);
  const empty = await contractor.put(`/api/v1/workenv/meetings/${first.id}/minutes`, { body: '  ' });
  assert.equal(empty.status, 400);
  assert.match(empty.json.error.fields.body, /議事概要/);
  const draft = await contractor.put(`/api/v1/workenv/meetings/${first.id}/minutes`, { body: '1. 宿日直許可：3病院が申請中。\n2. 訪問先：2病院を訪問する。' });
  assert.equal(draft.status, 200, draft.text);
  assert.equal(draft.json.minutes.status, 'draft');
  assert.equal(draft.json.minutes.version, 1);
  const early = await bureau.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' });
  assert.equal(early.status, 409);
  assert.equal((await adviser.post(`/api/v1/workenv/meetings/${first.id}/minutes/confirmation-request`)).status, 403);
  // The adviser reads notices in the app only; the 労働局 member by mail at once (the default).
  assert.equal((await adviser.put('/api/v1/me/mail-notices', { mail_notices: 'off' })).status, 200);
  const knownRequests = { bureau: mailCount(DEMO_MAIL.bureau, '議事概要の確認をお願いします', about), adviser: mailCount(DEMO_MAIL.adviser, '議事概要の確認をお願いします', about),
    contractor: mailCount(DEMO_MAIL.contractor, '議事概要の確認をお願いします', about) };
  const sent = await contractor.post(`/api/v1/workenv/meetings/${first.id}/minutes/confirmation-request`);
  assert.equal(sent.status, 200, sent.text);
  assert.equal(sent.json.minutes.status, 'confirming');
  assert.equal(sent.json.can_respond, true);

  // Each participant but the one who asked hears of it, with a link to the meeting and the due date in Japanese.
  const request = await waitForMail(DEMO_MAIL.bureau, '議事概要の確認をお願いします', { known: knownRequests.bureau, about });
  assert.match(request.body, /^中島 浩 様/);
  assert.match(request.body, /山田 聡（東京都医療勤務環境改善支援センター）から、実務者連絡調整会議（試験）（\d{4}年\d{1,2}月\d{1,2}日\(.\)開催）の議事概要（第1版）の確認依頼/);
  assert.ok(request.body.includes(`${dateJa(first.held_on)}開催`), request.body);
  assert.ok(request.body.includes(`${dateJa(first.minutes.due_on)}までに労働局へ送付`), request.body);
  assert.ok(request.body.includes(`http://kakehashi.test/workenv/meetings/${first.id}`), request.body);
  for (const [client, who] of [[bureau, 'bureau'], [adviser, 'adviser']]) {
    const notices = (await client.get('/api/v1/notifications')).json.items;
    assert.ok(notices.some((n) => n.title === '議事概要の確認をお願いします' && n.link === `/workenv/meetings/${first.id}`), `${who} has the notice in the app`);
  }
  assert.ok(!(await contractor.get('/api/v1/notifications')).json.items.some((n) => n.link === `/workenv/meetings/${first.id}`), 'the one who asked is not told');

  // The adviser comments; the prefecture's member is not a participant of this meeting.
  const noComment = await adviser.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'commented', comment: '' });
  assert.equal(noComment.status, 400);
  assert.match(noComment.json.error.fields.comment, /コメント/);
  const badDecision = await adviser.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'maybe' });
  assert.match(badDecision.json.error.fields.decision, /確認結果/);
  const knownComments = mailCount(DEMO_MAIL.contractor, '議事概要にコメントがありました', about);
  const commented = await adviser.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'commented', comment: '2. の病院名を追記してください。' });
  assert.equal(commented.status, 201, commented.text);
  assert.equal(commented.json.participants.find((p) => p.id === people.adviser).response.label, 'コメントあり');
  // The 受託者 hears of the comment; by then the mails of the request went out, none to the adviser (off) or the asker.
  const comment = await waitForMail(DEMO_MAIL.contractor, '議事概要にコメントがありました', { known: knownComments, about });
  assert.match(comment.body, /小川 真由美（医療労務管理アドバイザー（東京都社会保険労務士会））が、実務者連絡調整会議（試験）（.+開催）の議事概要（第1版）にコメントしました/);
  assert.ok(comment.body.includes(`http://kakehashi.test/workenv/meetings/${first.id}`));
  assert.equal(mailCount(DEMO_MAIL.adviser, '議事概要の確認をお願いします', about), knownRequests.adviser, 'the adviser chose no mails');
  assert.equal(mailCount(DEMO_MAIL.contractor, '議事概要の確認をお願いします', about), knownRequests.contractor);
  assert.equal((await pref.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' })).status, 403);

  // The 受託者 revises (still awaiting confirmation, version 2); the 労働局 member confirms the revision.
  const revised = await contractor.put(`/api/v1/workenv/meetings/${first.id}/minutes`, { body: '1. 宿日直許可：3病院が申請中。\n2. 訪問先：A病院とB病院を訪問する。' });
  assert.equal(revised.status, 200);
  assert.equal(revised.json.minutes.status, 'confirming');
  assert.equal(revised.json.minutes.version, 2);
  assert.equal(revised.json.participants.find((p) => p.id === people.adviser).response.current, false, 'the comment was on version 1');
  const knownAll = mailCount(DEMO_MAIL.contractor, '議事概要の確認がそろいました', about);
  const confirmed = await bureau.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' });
  assert.equal(confirmed.status, 201, confirmed.text);
  const bureauRow = confirmed.json.participants.find((p) => p.id === people.labour_bureau);
  assert.equal(bureauRow.response.decision, 'confirmed');
  assert.equal(bureauRow.response.version, 2);
  assert.equal(bureauRow.name, '中島 浩');
  assert.equal(bureauRow.organisation, '東京労働局労働基準部');
  // When the last participant confirms the current version, the 受託者 hears that everyone has.
  assert.equal((await contractor.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' })).status, 201);
  const hasAllConfirmed = async () => (await contractor.get('/api/v1/notifications')).json.items
    .some((n) => n.title === '議事概要の確認がそろいました' && n.link === `/workenv/meetings/${first.id}`);
  assert.equal(await hasAllConfirmed(), false, 'the adviser\'s answer is still a comment on version 1');
  assert.equal((await adviser.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' })).status, 201);
  assert.equal(await hasAllConfirmed(), true);
  const all = await waitForMail(DEMO_MAIL.contractor, '議事概要の確認がそろいました', { known: knownAll, about });
  assert.match(all.body, /議事概要（第2版）を参加者3名全員が確認しました/);
  assert.ok(all.body.includes(`送付期限：${dateJa(first.minutes.due_on)}`), all.body);

  // Lock: the minutes are mailed to the labour bureau's address, and the send log shows the delivery.
  assert.equal((await bureau.post(`/api/v1/workenv/meetings/${first.id}/minutes/lock`)).status, 403);
  const locked = await contractor.post(`/api/v1/workenv/meetings/${first.id}/minutes/lock`);
  assert.equal(locked.status, 200, locked.text);
  assert.equal(locked.json.minutes.status, 'locked');
  assert.equal(locked.json.minutes.late, false);
  assert.equal(locked.json.sends.length, 1);
  assert.equal(locked.json.sends[0].to, bureauEmail);
  const mail = await waitForMail(bureauEmail, '議事概要');
  assert.match(mail.subject, /東京都 実務者連絡調整会議（試験）/);
  assert.match(mail.body, /A病院とB病院を訪問する/, 'the locked (revised) version');
  assert.match(mail.body, /【決定】救急科のある2病院を訪問する。/);
  assert.match(mail.body, /申請書の様式を病院に送る（担当: 東京労働局 中島/);
  assert.match(mail.body, /中島 浩（東京労働局労働基準部）：確認済み/);
  assert.match(mail.body, /東京都医師会/);
  let log;
  for (let i = 0; i < 50; i++) {
    log = (await contractor.get(`/api/v1/workenv/meetings/${first.id}`)).json.sends[0];
    if (log.status === 'sent') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(log.status, 'sent');
  assert.equal(log.status_label, '送信済み');
  assert.ok(log.delivered_at);
  // Delivered: nothing to resend.
  const again = await contractor.post(`/api/v1/workenv/meetings/${first.id}/minutes/resend`);
  assert.equal(again.status, 409, again.text);
  assert.match(again.json.error.message, /労働局へ送信済みのため、再送できません/);
  assert.equal((await contractor.get(`/api/v1/workenv/meetings/${first.id}`)).json.can_resend, false);

  // Locked minutes cannot change: 409 with a Japanese message, for every edit.
  const edit = await contractor.put(`/api/v1/workenv/meetings/${first.id}/minutes`, { body: '差し替え' });
  assert.equal(edit.status, 409);
  assert.match(edit.json.error.message, /確定・送付済みのため編集できません/);
  assert.equal((await contractor.patch(`/api/v1/workenv/meetings/${first.id}`, { place: '会議室' })).status, 409);
  assert.equal((await contractor.post(`/api/v1/workenv/meetings/${first.id}/minutes/lock`)).status, 409);
  assert.equal((await bureau.post(`/api/v1/workenv/meetings/${first.id}/minutes/responses`, { decision: 'confirmed' })).status, 409);
  const page = (await bureau.get(`/api/v1/workenv/meetings/${first.id}`)).json;
  const events = page.history.map((h) => h.event);
  for (const e of ['created', 'action', 'minutes_saved', 'minutes_sent_for_confirmation', 'commented', 'minutes_revised', 'confirmed', 'locked', 'mailed'])
    assert.ok(events.includes(e), `history has ${e}`);
  assert.equal(page.can_respond, false);
  assert.equal(page.can_edit, false);
});

test('action items are carried onto the next meetings until done', async () => {
  const made = await contractor.post('/api/v1/workenv/meetings', { series_id: series.id, held_on: day(-2), place: 'オンライン', participant_ids: [people.contractor] });
  assert.equal(made.status, 201, made.text);
  second = made.json;
  assert.deepEqual(second.carried_actions.map((a) => a.id), [action.id]);
  assert.equal(second.carried_actions[0].status, 'open');
  assert.equal(second.carried_actions[0].decided_on, first.held_on);
  // Done now: still listed (done) on the meeting held before today; not carried onto a later one.
  const done = await pref.patch(`/api/v1/workenv/meetings/actions/${action.id}`, { status: 'done' });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.done_on, day(0));
  const again = (await contractor.get(`/api/v1/workenv/meetings/${second.id}`)).json;
  assert.equal(again.carried_actions[0].status, 'done');
  const later = await contractor.post('/api/v1/workenv/meetings', { series_id: series.id, held_on: day(14), place: 'オンライン' });
  assert.deepEqual(later.json.carried_actions, []);
  // Reopened: carried again.
  await pref.patch(`/api/v1/workenv/meetings/actions/${action.id}`, { status: 'open' });
  assert.deepEqual((await contractor.get(`/api/v1/workenv/meetings/${later.json.id}`)).json.carried_actions.map((a) => a.id), [action.id]);
  const badStatus = await pref.patch(`/api/v1/workenv/meetings/actions/${action.id}`, { status: 'finished' });
  assert.equal(badStatus.status, 400);
  assert.match(badStatus.json.error.fields.status, /状況/);
  // The wording is fixed with the locked minutes of the meeting that decided it.
  assert.equal((await pref.patch(`/api/v1/workenv/meetings/actions/${action.id}`, { title: '別の内容' })).status, 409);
});

test('a participant added while the minutes await confirmation is asked too, once', async () => {
  assert.equal((await contractor.put(`/api/v1/workenv/meetings/${second.id}/minutes`, { body: '第2回の議事概要です。' })).status, 200);
  assert.equal((await contractor.post(`/api/v1/workenv/meetings/${second.id}/minutes/confirmation-request`)).status, 200);
  const asked = async () => (await pref.get('/api/v1/notifications?per_page=100')).json.items
    .filter((n) => n.title === '議事概要の確認をお願いします' && n.link === `/workenv/meetings/${second.id}`).length;
  assert.equal(await asked(), 0, 'not a participant yet');
  const added = await contractor.patch(`/api/v1/workenv/meetings/${second.id}`, { participant_ids: [people.contractor, people.prefecture] });
  assert.equal(added.status, 200, added.text);
  assert.equal(await asked(), 1);
  assert.equal((await contractor.patch(`/api/v1/workenv/meetings/${second.id}`, { participant_ids: [people.contractor, people.prefecture], place: '会議室B' })).status, 200);
  assert.equal(await asked(), 1, 'told once');
  const page = (await pref.get(`/api/v1/workenv/meetings/${second.id}`)).json;
  assert.equal(page.can_respond, true);
});

test('scope: another prefecture\'s centre gets 404, other roles 403', async () => {
  assert.equal((await otherCentre.get(`/api/v1/workenv/meetings/${first.id}`)).status, 404);
  assert.equal((await otherCentre.patch(`/api/v1/workenv/meetings/${second.id}`, { place: '会議室' })).status, 404);
  assert.equal((await otherCentre.put(`/api/v1/workenv/meetings/${second.id}/minutes`, { body: 'x' })).status, 404);
  assert.equal((await otherCentre.post(`/api/v1/workenv/meetings/${second.id}/minutes/responses`, { decision: 'confirmed' })).status, 404);
  assert.equal((await otherCentre.patch(`/api/v1/workenv/meetings/series/${series.id}`, { minutes_due_days: 7 })).status, 404);
  assert.equal((await otherCentre.post(`/api/v1/workenv/meetings/${first.id}/minutes/resend`)).status, 404);
  assert.equal((await otherCentre.patch(`/api/v1/workenv/meetings/actions/${action.id}`, { status: 'done' })).status, 404);
  assert.equal((await otherCentre.get(`/api/v1/workenv/meetings?series=${series.id}`)).status, 404);
  assert.equal((await otherCentre.get('/api/v1/workenv/meetings')).json.items.length, 0);
  assert.equal((await otherCentre.get('/api/v1/workenv/meetings/series')).json.items.length, 0);
  for (const c of [facility, secretariat]) {
    assert.equal((await c.get('/api/v1/workenv/meetings')).status, 403);
    assert.equal((await c.get(`/api/v1/workenv/meetings/${first.id}`)).status, 403);
  }
  // A setting changes the late flag: with 1 day to send, the second meeting (2 days ago) is late; with 14 it is not.
  const changed = await contractor.patch(`/api/v1/workenv/meetings/series/${series.id}`, { minutes_due_days: 1 });
  assert.equal(changed.status, 200, changed.text);
  assert.equal((await contractor.get(`/api/v1/workenv/meetings/${second.id}`)).json.minutes.late, true);
  await contractor.patch(`/api/v1/workenv/meetings/series/${series.id}`, { minutes_due_days: 14 });
  assert.equal((await contractor.get(`/api/v1/workenv/meetings/${second.id}`)).json.minutes.late, false);
  // The other settings: the kind, named in Japanese when wrong; an adviser does not change them.
  const badKind = await pref.patch(`/api/v1/workenv/meetings/series/${series.id}`, { kind: 'monthly', bureau_email: 'x', minutes_due_days: 'ten' });
  assert.equal(badKind.status, 400);
  assert.match(badKind.json.error.fields.kind, /「会議の種類」は council（運営協議会）, liaison（実務者連絡調整会議） のいずれか/);
  assert.match(badKind.json.error.fields.bureau_email, /「労働局の送付先メールアドレス」の形式が正しくありません/);
  assert.match(badKind.json.error.fields.minutes_due_days, /議事概要の送付期限（日数）/);
  assert.equal((await adviser.patch(`/api/v1/workenv/meetings/series/${series.id}`, { kind: 'council' })).status, 403);
  const council = await pref.patch(`/api/v1/workenv/meetings/series/${series.id}`, { kind: 'council', invited: ['東京都医師会'] });
  assert.equal(council.status, 200, council.text);
  assert.equal(council.json.kind_label, '運営協議会');
  assert.deepEqual(council.json.invited, ['東京都医師会']);
  assert.equal((await contractor.get(`/api/v1/workenv/meetings/${second.id}`)).json.series.kind, 'council');
  assert.equal((await pref.patch(`/api/v1/workenv/meetings/series/${series.id}`, { kind: 'liaison' })).status, 200);
});

test('the activity report counts the meetings held by kind, per month and as CSV', async () => {
  const [y, m] = first.held_on.split('-').map(Number);
  const fy = m >= 4 ? y : y - 1;
  const report = await contractor.get(`/api/v1/workenv/report?fiscal_year=${fy}`);
  assert.equal(report.status, 200);
  assert.deepEqual(report.json.meeting_kinds.map((k) => k.label), ['運営協議会', '実務者連絡調整会議']);
  const row = report.json.months.find((r) => r.month === first.held_on.slice(0, 7));
  assert.ok(row.meetings_by_kind.liaison >= 1);
  assert.equal(row.meetings, row.meetings_by_kind.liaison + row.meetings_by_kind.council);
  assert.equal(report.json.total.meetings, report.json.months.reduce((n, r) => n + r.meetings, 0));
  assert.equal((await otherCentre.get(`/api/v1/workenv/report?fiscal_year=${fy}`)).json.total.meetings, 0);
  const csv = await fetch(`${server.url}/api/v1/workenv/report.csv?fiscal_year=${fy}`, { headers: { cookie: [...contractor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const text = new TextDecoder('shift_jis').decode(await csv.arrayBuffer());
  assert.match(text.split('\r\n')[0], /,会議:運営協議会,会議:実務者連絡調整会議$/);
});

/** A relay in front of the SMTP sink that can be switched off: "the mail server is down", without stopping the sink
 * that the other tests share. Off, it drops every connection as it arrives; on, it passes the bytes through. */
async function smtpRelay() {
  let up = false;
  const relay = createServer((socket) => {
    if (!up) { socket.destroy(); return; }
    const sink = connect(Number(process.env.KAKEHASHI_TEST_SMTP_PORT), '127.0.0.1');
    socket.on('error', () => sink.destroy());
    sink.on('error', () => socket.destroy());
    socket.pipe(sink).pipe(socket);
  });
  await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return { port: relay.address().port, switchOn() { up = true; }, close: () => new Promise((resolve) => relay.close(resolve)) };
}

test('a minutes mail that did not go out shows as failed; the 受託者 resends it and only the resent one arrives', { timeout: 120_000 }, async () => {
  const relay = await smtpRelay();
  const own = await startServer({ smtpUrl: `smtp://127.0.0.1:${relay.port}` });
  try {
    const centre = new Client(own.url); await centre.login('workenv-13');
    const roukyoku = new Client(own.url); await roukyoku.login('workenv-13-roukyoku');
    const advising = new Client(own.url); await advising.login('workenv-13-adviser');
    const ids = {};
    for (const m of (await centre.get('/api/v1/workenv/members')).json.items) for (const p of m.people) ids[m.kind] = p.id;
    const address = uniqueEmail('roukyoku-resend');
    const made = await centre.post('/api/v1/workenv/meetings/series', { kind: 'liaison', title: '実務者連絡調整会議（再送の試験）', bureau_email: address });
    assert.equal(made.status, 201, made.text);
    const meeting = (await centre.post('/api/v1/workenv/meetings', { series_id: made.json.id, held_on: day(-3), place: 'オンライン', participant_ids: [ids.labour_bureau] })).json;
    const path = `/api/v1/workenv/meetings/${meeting.id}`;
    assert.equal((await centre.put(`${path}/minutes`, { body: '再送の試験の議事概要です。' })).status, 200);
    const early = await centre.post(`${path}/minutes/resend`);
    assert.equal(early.status, 409, 'not locked yet');
    assert.match(early.json.error.message, /議事概要はまだ確定していません/);
    assert.equal((await centre.post(`${path}/minutes/confirmation-request`)).status, 200);
    assert.equal((await roukyoku.post(`${path}/minutes/responses`, { decision: 'confirmed' })).status, 201);
    assert.equal((await centre.post(`${path}/minutes/lock`)).status, 200);

    // The SMTP server is down: the send log shows the failure, and the 受託者 may resend (nobody else).
    let page;
    for (let i = 0; i < 100; i++) {
      page = (await centre.get(path)).json;
      if (page.sends[0].status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(page.sends[0].status, 'failed', JSON.stringify(page.sends));
    assert.match(page.sends[0].status_label, /^送信失敗（1回。自動で再試行中）$/);
    assert.ok(page.sends[0].error);
    assert.equal(page.can_resend, true);
    assert.equal((await roukyoku.get(path)).json.can_resend, false);
    assert.equal((await advising.post(`${path}/minutes/resend`)).status, 403);
    assert.equal((await roukyoku.post(`${path}/minutes/resend`)).status, 403);

    // The server is back; the 受託者 resends: the failed mail is withdrawn, the new one goes out.
    relay.switchOn();
    const resent = await centre.post(`${path}/minutes/resend`);
    assert.equal(resent.status, 200, resent.text);
    assert.deepEqual(resent.json.sends.map((x) => [x.kind, x.status]), [['resend', 'queued'], ['lock', 'withdrawn']]);
    assert.equal(resent.json.sends[1].status_label, '取り消し（再送に置き換え）');
    assert.equal(resent.json.sends[0].sent_by, '山田 聡（東京都医療勤務環境改善支援センター）');
    const history = resent.json.history.find((h) => h.event === 'resent');
    assert.match(history.detail, new RegExp(`労働局（${address.replace(/[.]/g, '\\.')}）へ再送（前回：送信失敗`));
    const mail = await waitForMail(address, '議事概要');
    assert.match(mail.subject, /【議事概要】東京都 実務者連絡調整会議（再送の試験）（.+開催）（再送）/);
    assert.match(mail.body, /先にお送りしたメールが届かなかったため、あらためてお送りします。/);
    assert.match(mail.body, /再送の試験の議事概要です。/);
    for (let i = 0; i < 50; i++) {
      page = (await centre.get(path)).json;
      if (page.sends[0].status === 'sent') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(page.sends[0].status, 'sent');
    assert.equal(page.can_resend, false);
    assert.equal((await centre.post(`${path}/minutes/resend`)).status, 409);
    // The withdrawn mail is never tried again: past its next attempt (10 s after it failed) the sink still has one.
    await new Promise((r) => setTimeout(r, 11_000));
    assert.equal(mailsTo(address).length, 1);
    const last = (await centre.get(path)).json.sends[1];
    assert.equal(last.status, 'withdrawn');
    assert.equal(last.attempts, 1);
  } finally {
    await own.stop();
    await relay.close();
  }
});
