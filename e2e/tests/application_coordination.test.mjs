// (10) The scenario of applications and coordination, in the browser:
// a new seeker (name, phone and licence number in their profile) asks a
// coordinator about a masked posting that fac-tokyo-01 publishes in the test.
// Until the match, the facility's page of the application holds nothing that
// identifies the seeker, and the seeker's holds none of the withheld posting
// values. coord-nurse-13 finds the request in 「コーディネーター業務」, records
// a call and establishes the match; then each side sees the other. They
// write to each other (one message with a PDF, arriving live), the facility
// proposes two interview times, the seeker picks one, the .ics answers as
// text/calendar, both enter the online interview room and connect, the
// facility marks the interview held, offers and hires; the seeker's mail
// box has the 採用結果通知, the facility records the three training items,
// and every party's notification list holds notices about it. The
// coordination records are never shown to the facility or the seeker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { smallPdf } from '../lib/api_session.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { FAKE_MEDIA_ARGS, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths, expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { waitForMailContaining } from '../lib/notifications.mjs';
import { choice, daysFromToday, fillPostingForm, publishFromForm } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';

const FACILITY_NAME = '千代田区神田さくら病院';
const RECORDS_HEADING = '調整記録';

/** The stage shown on an application's page, as its badge reads. */
function stage(page, name) {
  return page.locator('[data-application-stage]').getByText(name, { exact: true });
}

/** A section of the application page, by its heading. */
function section(page, heading) {
  return page.getByRole('region', { name: heading, exact: true });
}

function expectNoneOf(html, values, where) {
  for (const value of values) {
    assert.ok(!html.includes(value), `${where} contains ${value}`);
  }
}

describe('applications and coordination', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    // The online room needs a camera and microphone: Chromium's fake ones, allowed without a prompt.
    browser = await launchBrowser({ args: FAKE_MEDIA_ARGS });
  });
  after(() => browser?.close());

  it('takes a contact request for a masked posting from the coordinator’s queue to a hire with training', { timeout: 600_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so there is no sent-mail page to read the verification link and the hiring notice from');
      return;
    }
    const suffix = uniqueSuffix();
    const digits = String(Date.now()).slice(-8);
    const posting = {
      title: `E2E応募調整 看護師 ${suffix}`,
      category: '看護師',
      employment: '有期',
      urgency: '常時',
      positions: 1,
      startDate: daysFromToday(30),
      periodMonths: 3,
      weekdays: ['月', '火'],
      hours: '9:00-17:00',
      duties: '外来での看護業務です。',
      postalCode: '1000001',
      expectedPrefecture: '13',
      expectedMunicipality: '131016',
      expectedTown: '千代田',
      street: `千代田${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`,
      building: `E2E応募秘密ビル${suffix}`,
      contactName: `E2E応募担当${suffix}`,
      contactLocation: `E2E応募看護部${suffix}`,
      phone: `03-${digits.slice(0, 4)}-${digits.slice(4)}`,
      email: `e2e-apply-${suffix}@example.jp`,
      masked: true,
    };
    const maskedValues = [FACILITY_NAME, posting.street, posting.building, posting.contactName, posting.contactLocation, posting.phone, posting.email];
    const seekerPhone = `090-${digits.slice(0, 4)}-${digits.slice(4)}`;
    const licenceNumber = `E2E-LIC-${digits}`;
    const pdf = smallPdf(`application ${suffix}`);
    const today = daysFromToday(0);
    const slots = [`${daysFromToday(10)}T10:00`, `${daysFromToday(11)}T14:30`];

    await withPage(browser, 'application-seeker', async (seekerPage) => {
      // A new seeker with a name, a phone number and a licence number in their profile.
      const seeker = await registerVerifiedSeeker(seekerPage, `E2E応募 ${suffix}`);
      const identity = [seeker.name, seeker.email, seekerPhone, licenceNumber];
      await seekerPage.getByRole('main').getByRole('link', { name: /^希望条件/ }).click();
      await expectHeading(seekerPage, '希望条件');
      await field(seekerPage, '電話番号').fill(seekerPhone);
      await choice(seekerPage, '職種・資格', '看護師').check();
      await seekerPage.getByRole('button', { name: '免許を追加' }).click();
      await field(seekerPage, '職種（1件目）').selectOption({ label: '看護師' });
      await field(seekerPage, '免許番号（1件目）').fill(licenceNumber);
      await field(seekerPage, '経験年数').fill('5');
      await choice(seekerPage, '希望する雇用形態', '有期').check();
      for (const day of ['月', '火', '水']) {
        await choice(seekerPage, '勤務可能な曜日', day).check();
      }
      await choice(seekerPage, '希望する都道府県', '東京都').check();
      await seekerPage.getByRole('button', { name: '保存する' }).click();
      await seekerPage.getByText('希望条件を保存しました').waitFor();
      // The seeker's own reference, which no facility sees.
      const ownHandle = (await seekerPage.evaluate(() => fetch('/api/v1/me/profile').then((response) => response.json()))).handle;
      assert.match(ownHandle, /^求職者-[0-9A-Z]+$/);

      await withPage(browser, 'application-facility', async (facilityPage) => {
        // fac-tokyo-01 publishes a masked posting.
        await logIn(facilityPage, 'fac-tokyo-01');
        await facilityPage.goto('/facility/postings/new');
        await expectHeading(facilityPage, '新しい募集の登録');
        await fillPostingForm(facilityPage, posting);
        await publishFromForm(facilityPage);
        await facilityPage.waitForURL((url) => url.pathname === '/facility/postings');
        await facilityPage.getByText(`「${posting.title}」を登録し、公開しました。`).waitFor();
        const row = facilityPage.getByRole('row', { name: new RegExp(posting.title) });
        const postingPath = await row.getByRole('link', { name: posting.title, exact: true }).getAttribute('href');
        assert.match(postingPath, /^\/postings\/[\w-]+$/);

        // The seeker asks a coordinator to broker (コンタクト依頼) from the posting's page.
        await seekerPage.goto(postingPath);
        await expectHeading(seekerPage, posting.title);
        await seekerPage.getByRole('link', { name: '問い合わせる' }).waitFor();
        await seekerPage.getByRole('link', { name: '応募する' }).waitFor();
        await seekerPage.getByRole('link', { name: 'コーディネーターに相談する（コンタクト依頼）' }).click();
        await expectHeading(seekerPage, 'コーディネーターへの相談（コンタクト依頼）');
        await expectAccessibleAtBothWidths(seekerPage, 'the contact-request page');
        await field(seekerPage, 'コーディネーターへの相談内容').fill('夜勤なしで働けるか相談したいです。\n<b>よろしく</b>お願いします。');
        await seekerPage.getByRole('button', { name: 'コンタクトを依頼する' }).click();
        await seekerPage.waitForURL((url) => /^\/applications\/[\w-]+$/.test(url.pathname));
        await expectHeading(seekerPage, posting.title);
        await seekerPage.getByText('コンタクト依頼を送信しました。コーディネーターからの連絡をお待ちください。').waitFor();
        await stage(seekerPage, '新規').waitFor();
        const applicationPath = new URL(seekerPage.url()).pathname;
        // The page tells the seeker the name this facility knows them by: a handle of its own, not their own reference.
        const handleLine = await section(seekerPage, '求職者').getByText(/^この医療機関に表示されるあなたの名前: 求職者-[0-9A-Z]+$/).textContent();
        const handle = handleLine.replace(/^この医療機関に表示されるあなたの名前: /, '').trim();
        assert.notEqual(handle, ownHandle, 'the facility knows the seeker by the seeker’s own handle');
        // The message is text: the markup shows as characters.
        await seekerPage.getByText('<b>よろしく</b>お願いします。', { exact: false }).waitFor();
        assert.equal(await seekerPage.locator('main b').count(), 0);
        // Before the match the seeker sees none of the withheld values, but the masking notice.
        await section(seekerPage, '求人の概要').getByText('この求人は医療機関の希望により、医療機関名・所在地・連絡先を非公開にしています。', { exact: false }).waitFor();
        expectNoneOf(await seekerPage.content(), maskedValues, 'the seeker’s application page before the match');
        assert.equal(await seekerPage.getByRole('heading', { name: RECORDS_HEADING }).count(), 0, 'the seeker sees the coordination records');
        await expectAccessibleAtBothWidths(seekerPage, 'the seeker’s application page before the match');

        // Asking again for the same posting is refused politely, with the way to the first one.
        await seekerPage.goto(`${postingPath}/apply?kind=application`);
        await expectHeading(seekerPage, '求人への応募');
        await seekerPage.getByRole('button', { name: '応募する' }).click();
        await seekerPage.getByText('応募するには、氏名・連絡先・免許情報を医療機関に開示することへの同意が必要です。').first().waitFor();
        await field(seekerPage, '氏名・連絡先・免許情報を医療機関に開示することに同意する').check();
        await expectAccessibleAtBothWidths(seekerPage, 'the application page with the consent');
        await seekerPage.getByRole('button', { name: '応募する' }).click();
        await seekerPage.getByText('この求人にはすでに連絡済みです').waitFor();
        await seekerPage.getByRole('link', { name: `送信済みの「${posting.title}」を開く` }).click();
        await seekerPage.waitForURL((url) => url.pathname === applicationPath);
        await expectHeading(seekerPage, posting.title);

        // The seeker's list.
        await seekerPage.goto('/applications');
        await expectHeading(seekerPage, '応募・問い合わせ');
        await seekerPage.getByRole('link', { name: posting.title }).first().waitFor();
        await expectAccessibleAtBothWidths(seekerPage, 'the seeker’s 応募・問い合わせ');

        // The facility finds it from the posting's row, under the handle only.
        await facilityPage.goto('/facility/postings');
        await expectHeading(facilityPage, '募集の管理');
        await facilityPage
          .getByRole('row', { name: new RegExp(posting.title) })
          .getByRole('link', { name: new RegExp(`^応募・問い合わせを見る\\s*：${posting.title}$`) })
          .click();
        await expectHeading(facilityPage, '応募・問い合わせ');
        const facilityRow = facilityPage.getByRole('row', { name: new RegExp(posting.title) });
        await facilityRow.getByText(handle, { exact: true }).waitFor();
        await facilityRow.getByText('コンタクト依頼', { exact: true }).waitFor();
        await facilityRow.getByText('未成立', { exact: true }).waitFor();
        expectNoneOf(await facilityPage.content(), [...identity, ownHandle], 'the facility’s list');
        await expectAccessibleAtBothWidths(facilityPage, 'the facility’s 応募・問い合わせ');
        await facilityRow.getByRole('link', { name: posting.title }).click();
        await facilityPage.waitForURL((url) => url.pathname === applicationPath);
        await expectHeading(facilityPage, posting.title);
        await section(facilityPage, '求職者').getByText(handle, { exact: true }).waitFor();
        await facilityPage.getByText('氏名・連絡先・免許情報は、マッチング成立後に表示されます。').waitFor();
        expectNoneOf(await facilityPage.content(), [...identity, ownHandle], 'the facility’s application page before the match');
        assert.equal(await facilityPage.getByRole('heading', { name: RECORDS_HEADING }).count(), 0, 'the facility sees the coordination records');
        await expectAccessibleAtBothWidths(facilityPage, 'the facility’s application page before the match');

        await withPage(browser, 'application-coordinator', async (coordinatorPage) => {
          // coord-nurse-13 finds the request in its queue.
          await logIn(coordinatorPage, 'coord-nurse-13');
          await expectHeading(coordinatorPage, 'コーディネーターホーム');
          await coordinatorPage.getByRole('main').getByRole('link', { name: /^コーディネーター業務/ }).click();
          await expectHeading(coordinatorPage, 'コーディネーター業務');
          const requests = section(coordinatorPage, '新しいコンタクト依頼');
          await requests.getByRole('link', { name: posting.title }).waitFor();
          await section(coordinatorPage, 'まだ応募・連絡のない急募求人').waitFor();
          // The queue's 急募 wording is the walkthrough's item 12: checked at its widths.
          await expectAccessibleAtWalkthroughWidths(coordinatorPage, 'コーディネーター業務');
          // Candidate search for an urgent posting without candidates: handles, no names.
          const urgent = section(coordinatorPage, 'まだ応募・連絡のない急募求人');
          if ((await urgent.getByRole('link', { name: /^候補者を探す/ }).count()) > 0) {
            await urgent.getByRole('link', { name: /^候補者を探す/ }).first().click();
            await expectHeading(coordinatorPage, '候補者の検索');
            await coordinatorPage.getByText('候補者は表示名と条件だけで示されます').waitFor();
            await coordinatorPage.getByText(/^\d+人$/).waitFor();
            await expectNoAxeViolations(coordinatorPage, 'the candidate search');
            await coordinatorPage.goBack();
            await expectHeading(coordinatorPage, 'コーディネーター業務');
          }
          await section(coordinatorPage, '新しいコンタクト依頼').getByRole('link', { name: posting.title }).click();
          await coordinatorPage.waitForURL((url) => url.pathname === applicationPath);
          await expectHeading(coordinatorPage, posting.title);

          // A call record, with a follow-up today.
          const records = section(coordinatorPage, RECORDS_HEADING);
          await choice(coordinatorPage, '種類', '電話').check();
          await records.getByLabel(/^内容/).fill(`求職者に電話し、夜勤なしの条件を確認した。${suffix}`);
          // A week ahead, so that repeated runs do not fill the queue's 「対応期限の来たフォロー」.
          await records.getByLabel(/^次回対応日/).fill(daysFromToday(7));
          await records.getByRole('button', { name: '記録を追加する' }).click();
          await records.getByText('調整記録を追加しました。').waitFor();
          await records.getByText(`求職者に電話し、夜勤なしの条件を確認した。${suffix}`).waitFor();
          await records.getByText('この案件を担当する団体のコーディネーターと事務局だけが閲覧できます', { exact: false }).waitFor();

          // The match, after a confirmation that says what will be disclosed.
          const match = section(coordinatorPage, 'マッチングの成立');
          await match.getByRole('button', { name: 'マッチングを成立させる' }).click();
          await match.getByText('医療機関に求職者の氏名・メールアドレス・電話番号・免許情報・自由記述が、求職者に医療機関名・所在地・連絡先が開示されます', { exact: false }).waitFor();
          await expectNoAxeViolations(coordinatorPage, 'the match confirmation');
          await match.getByRole('button', { name: '成立させて双方の情報を開示する' }).click();
          await coordinatorPage.getByText('マッチングが成立しました。双方の情報が開示されました。').waitFor();
          await stage(coordinatorPage, '調整中').waitFor();
          await expectAccessibleAtBothWidths(coordinatorPage, 'the coordinator’s application page after the match');

          // Now the facility sees who the seeker is, and the seeker the facility and its contact.
          await facilityPage.reload();
          await expectHeading(facilityPage, posting.title);
          const seekerCard = section(facilityPage, '求職者');
          await seekerCard.getByText(seeker.name, { exact: true }).waitFor();
          await seekerCard.getByText(seekerPhone, { exact: true }).waitFor();
          await seekerCard.getByText(licenceNumber, { exact: false }).waitFor();
          await seekerCard.getByText(seeker.email, { exact: true }).waitFor();
          assert.equal(await facilityPage.getByRole('heading', { name: RECORDS_HEADING }).count(), 0, 'the facility sees the coordination records');
          await expectAccessibleAtBothWidths(facilityPage, 'the facility’s application page after the match');

          await seekerPage.goto(applicationPath);
          await expectHeading(seekerPage, posting.title);
          const postingSummary = section(seekerPage, '求人の概要');
          await postingSummary.getByText(FACILITY_NAME, { exact: true }).waitFor();
          await postingSummary.getByText(posting.contactName, { exact: true }).waitFor();
          await postingSummary.getByText(posting.phone, { exact: true }).waitFor();
          await postingSummary.getByText(posting.email, { exact: true }).waitFor();
          assert.equal(await seekerPage.getByRole('heading', { name: RECORDS_HEADING }).count(), 0, 'the seeker sees the coordination records');
          await expectAccessibleAtBothWidths(seekerPage, 'the seeker’s application page after the match');

          // Messages both ways, arriving live on the page the other side keeps open.
          const seekerThread = section(seekerPage, 'メッセージ');
          await seekerThread.getByRole('textbox', { name: /^メッセージ/ }).fill(`よろしくお願いします。${suffix}`);
          await seekerThread.getByRole('button', { name: '送信する' }).click();
          await seekerThread.getByText('メッセージを送信しました。').waitFor();
          await facilityPage.evaluate(() => {
            window.e2eSamePage = true;
          });
          const facilityThread = section(facilityPage, 'メッセージ');
          await facilityThread.getByText(`よろしくお願いします。${suffix}`).waitFor({ timeout: 15_000 });
          await facilityThread.getByRole('textbox', { name: /^メッセージ/ }).fill(`資料を添付します。${suffix}`);
          await facilityThread.getByLabel('添付ファイル').setInputFiles({ name: '勤務条件.pdf', mimeType: 'application/pdf', buffer: pdf });
          await facilityThread.getByRole('button', { name: '「勤務条件.pdf」を添付から外す' }).waitFor();
          await facilityThread.getByRole('button', { name: '送信する' }).click();
          await facilityThread.getByText('メッセージを送信しました。').waitFor();
          assert.equal(await facilityPage.evaluate(() => window.e2eSamePage), true, 'the facility’s page was reloaded');
          await seekerThread.getByText(`資料を添付します。${suffix}`).waitFor({ timeout: 15_000 });
          const pdfLink = seekerThread.getByRole('link', { name: '勤務条件.pdf' });
          const file = await seekerPage.request.get(await pdfLink.getAttribute('href'));
          assert.equal(file.status(), 200);
          assert.ok((await file.body()).equals(pdf), 'the downloaded attachment differs from the sent PDF');

          // The facility proposes two times; the seeker picks the second.
          const facilityInterviews = section(facilityPage, '面接');
          await facilityInterviews.getByLabel('候補日時1').fill(slots[0]);
          await facilityInterviews.getByRole('button', { name: '候補日時を追加' }).click();
          await facilityInterviews.getByLabel('候補日時2').fill(slots[1]);
          await facilityInterviews.getByLabel(/^面接時間（分）/).fill('45');
          assert.equal(await facilityInterviews.getByLabel('オンラインで行う（かけはしの面接ルーム）').isChecked(), true);
          await facilityInterviews.getByRole('button', { name: '候補日時を提案する' }).click();
          await facilityInterviews.getByText('面接の候補日時を提案しました。').waitFor();
          await facilityInterviews.getByText('求職者が候補日時から選ぶのを待っています。').waitFor();
          await stage(facilityPage, '面接調整').waitFor();

          const seekerInterviews = section(seekerPage, '面接');
          const pick = seekerInterviews.getByRole('group', { name: /^面接の日時を1つ選んでください/ });
          await pick.waitFor({ timeout: 15_000 });
          const slotLabels = await pick.locator('label').allTextContents();
          assert.equal(slotLabels.length, 2);
          assert.match(slotLabels[1], /14:30/);
          await pick.getByLabel(slotLabels[1]).check();
          await seekerInterviews.getByRole('button', { name: 'この日時で承諾する' }).click();
          await seekerInterviews.getByText('面接の日時が決まりました。', { exact: false }).waitFor();
          await seekerInterviews.getByText(slotLabels[1], { exact: true }).waitFor();
          // The facility's page, left open, hears of it at once.
          await facilityInterviews.getByText('日時決定', { exact: true }).waitFor({ timeout: 15_000 });
          await facilityInterviews.getByText(slotLabels[1], { exact: true }).waitFor();
          const ics = await seekerPage.request.get(await seekerInterviews.getByRole('link', { name: 'カレンダーに登録（.ics）' }).getAttribute('href'));
          assert.equal(ics.status(), 200);
          assert.match(ics.headers()['content-type'], /^text\/calendar/);
          assert.match(await ics.text(), /BEGIN:VCALENDAR[\s\S]*DTSTART:\d{8}T053000Z/);

          // A browser that refuses the camera gets a plain explanation of what to do.
          await withPage(browser, 'application-room-refused', async (refusedPage) => {
            await refusedPage.addInitScript(() => {
              navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
            });
            await logIn(refusedPage, seeker.email, seeker.password);
            await refusedPage.goto(`${applicationPath}/interview`);
            await expectHeading(refusedPage, 'オンライン面接ルーム');
            await refusedPage.getByRole('button', { name: 'カメラとマイクを使って入室する' }).click();
            await refusedPage.getByRole('alert').getByText('カメラとマイクの使用が許可されませんでした。', { exact: false }).waitFor();
            await expectNoAxeViolations(refusedPage, 'the online interview room with the camera refused');
          });

          // The online interview room: both enter, and the browsers connect to each other.
          await facilityInterviews.getByRole('link', { name: 'オンライン面接ルームに入る' }).click();
          await expectHeading(facilityPage, 'オンライン面接ルーム');
          await seekerInterviews.getByRole('link', { name: 'オンライン面接ルームに入る' }).click();
          await expectHeading(seekerPage, 'オンライン面接ルーム');
          await facilityPage.getByRole('button', { name: 'カメラとマイクを使って入室する' }).click();
          await facilityPage.getByText('相手の入室を待っています。').waitFor();
          await seekerPage.getByRole('button', { name: 'カメラとマイクを使って入室する' }).click();
          await seekerPage.locator('[data-room-state="connected"]').waitFor({ timeout: 30_000 });
          await facilityPage.locator('[data-room-state="connected"]').waitFor({ timeout: 30_000 });
          await seekerPage.getByText('相手とつながりました。').waitFor();
          await seekerPage.getByRole('button', { name: 'マイクをオフにする' }).click();
          await seekerPage.getByRole('button', { name: 'マイクをオンにする' }).waitFor();
          await expectNoAxeViolations(seekerPage, 'the online interview room, connected');
          await facilityPage.getByRole('button', { name: '退出する' }).click();
          await facilityPage.getByText('退出しました。').waitFor();
          await seekerPage.getByText('相手が退出しました。', { exact: false }).waitFor({ timeout: 15_000 });
          await seekerPage.getByRole('button', { name: '退出する' }).click();
          await seekerPage.getByRole('link', { name: '応募・問い合わせの詳細に戻る' }).click();
          await expectHeading(seekerPage, posting.title);
          await facilityPage.getByRole('link', { name: '応募・問い合わせの詳細に戻る' }).click();
          await expectHeading(facilityPage, posting.title);

          // Held, offered, hired.
          await section(facilityPage, '面接').getByRole('button', { name: '実施済みにする' }).click();
          await section(facilityPage, '面接').getByText('面接を実施済みにしました。').waitFor();
          await stage(facilityPage, '面接済').waitFor();
          const moves = section(facilityPage, '段階の変更');
          await moves.getByRole('button', { name: '内定にする' }).click();
          await moves.getByText('段階を「内定」に変更しました。').waitFor();
          await stage(facilityPage, '内定').waitFor();
          await moves.getByRole('button', { name: '採用にする' }).click();
          await moves.getByText('採用にすると、求職者に採用結果通知が送られ、研修の記録が始まります。', { exact: false }).waitFor();
          await moves.getByRole('button', { name: 'はい、採用にする' }).click();
          await moves.getByText('段階を「採用」に変更しました。').waitFor();
          await stage(facilityPage, '採用').waitFor();
          await stage(seekerPage, '採用').waitFor({ timeout: 15_000 });

          // The seeker's mail: 採用結果通知, read on the sent-mail page.
          await waitForMailContaining(seeker.email, posting.title);
          await seekerPage.goto('/mails');
          await expectHeading(seekerPage, '送信メール（デモ）');
          await seekerPage.getByRole('link', { name: new RegExp(`${seeker.email.replace(/[.]/g, '\\.')}.*採用結果通知`) }).first().click();
          await seekerPage.getByRole('article').getByRole('heading', { name: '【かけはし】採用結果通知' }).waitFor();
          await seekerPage.getByRole('article').getByText(posting.title, { exact: false }).waitFor();

          // The three training items: open, highlighted, then recorded by the facility.
          const training = section(facilityPage, '研修');
          await training.getByText('未受講の研修が3件あります。').waitFor();
          for (const item of ['感染管理（講義）', '感染管理（実技）', '医療安全（講義）']) {
            const form = training.getByRole('form', { name: `「${item}」の受講を記録` });
            await form.getByLabel(/^受講時間（時間）/).fill('1');
            await form.getByLabel(/^受講日/).fill(today);
            await form.getByRole('button', { name: /^記録する/ }).click();
            await training.getByText(`「${item}」の受講を記録しました。`).waitFor();
          }
          await training.getByText('すべての研修を受講済みです。').waitFor();
          assert.equal(await training.locator('[data-training-done="true"]').count(), 3);
          await seekerPage.goto(applicationPath);
          await section(seekerPage, '研修').getByText('すべての研修を受講済みです。').waitFor();

          // Every party got notices about it.
          for (const [party, page] of [
            ['the seeker', seekerPage],
            ['the facility', facilityPage],
            ['the coordinator', coordinatorPage],
          ]) {
            await page.goto('/notifications');
            await expectHeading(page, '通知');
            const notices = page.getByRole('article').filter({ hasText: posting.title });
            await notices.first().waitFor();
            assert.ok((await notices.count()) >= 1, `${party} has no notice about the application`);
          }
          await seekerPage.getByRole('article').filter({ hasText: posting.title }).filter({ hasText: '採用結果通知' }).first().waitFor();
          await coordinatorPage.getByRole('article').filter({ hasText: posting.title }).filter({ hasText: 'コンタクト依頼が届きました' }).first().waitFor();

          // The coordinator's list shows it matched.
          await coordinatorPage.goto('/applications');
          await expectHeading(coordinatorPage, '応募・問い合わせ');
          const coordinatorRow = coordinatorPage.getByRole('row', { name: new RegExp(posting.title) });
          await coordinatorRow.getByText('マッチング成立', { exact: true }).waitFor();
          await expectAccessibleAtBothWidths(coordinatorPage, 'the coordinator’s 応募・問い合わせ');
        });

        // Leave nothing open for the next run: the posting is closed as filled.
        await facilityPage.goto('/facility/postings');
        await expectHeading(facilityPage, '募集の管理');
        const postingRow = facilityPage.getByRole('row', { name: new RegExp(posting.title) });
        await postingRow.getByRole('button', { name: /^終了する/ }).click();
        await postingRow.getByRole('radio', { name: '充足' }).check();
        await postingRow.getByRole('button', { name: '終了を確定する' }).click();
        await facilityPage.getByText(`「${posting.title}」を終了しました。`).waitFor();
      });
    });
  });

  it('offers anonymous visitors of a posting the login, which brings them back', { timeout: 120_000 }, async () => {
    await withPage(browser, 'application-anonymous', async (page) => {
      await page.goto('/postings?urgency=immediate');
      await expectHeading(page, '求人検索');
      await page.getByRole('article').first().getByRole('link').first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('link', { name: 'ログインして応募' }).click();
      await page.waitForURL((url) => url.pathname === '/login' && /^\/postings\/[\w-]+$/.test(url.searchParams.get('next') ?? ''));
    });
  });
});
