// (15) The work-environment centre's meetings and minutes in the browser, through the demo. The contractor's
// centre (workenv-13, 受託者) sees the series and the meetings (the demo's late minutes flagged), changes a series'
// settings (a bad address is named next to its field), adds a 実務者連絡調整会議 with the labour bureau's member as a
// participant; the 都道府県 member (workenv-13-pref) changes the meeting's place and adds the adviser (an empty place
// is named next to its field); the contractor drafts the minutes from the agenda and sends them for confirmation;
// the 労働局 member (workenv-13-roukyoku) finds the request among their notices and confirms on the meeting page;
// the contractor locks them, which mails them to the labour bureau: the send log shows the mail (no SMTP in the
// demo, so it is still waiting), the contractor resends it (the first is withdrawn) and the demo's sent-mail page
// has the resent one; the アドバイザー (workenv-13-adviser) reads the locked minutes and the activity report.
// Every page is checked with axe at 1366 and 390 px (and must fit the phone without sideways scrolling).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable, mailIdsTo, waitForNewMail } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const BUREAU = 'tokyo-roudoukyoku@kakehashi.example';

/** Yesterday in Japan, YYYY-MM-DD. */
function yesterday() {
  return new Date(Date.now() + 9 * 3600e3 - 86400e3).toISOString().slice(0, 10);
}

describe('work-environment centre meetings and minutes', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the contractor drafts, the labour bureau confirms, the contractor locks and the minutes are mailed', { timeout: 300_000 }, () =>
    withPage(browser, 'workenv-meetings-contractor', async (page) => {
      const place = `都庁会議室 ${uniqueSuffix()}`;
      const minutesText = `宿日直許可：申請中の病院の状況を共有した。（${place}）`;
      await logIn(page, 'workenv-13');
      await page.getByRole('link', { name: /会議と議事録/ }).first().click();
      await expectHeading(page, '会議と議事概要');
      await page.getByRole('heading', { name: '会議体の一覧', exact: true }).waitFor();
      const list = page.getByRole('table', { name: '会議の一覧' });
      await list.getByText('確認依頼中').first().waitFor();
      await list.getByText('確定・送付済み').first().waitFor();
      await list.getByText('下書き').first().waitFor();
      await list.getByText('送付遅れ').first().waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '会議の一覧');

      // The liaison series' settings: a bad address is refused next to its field; the right one is saved.
      await page.getByRole('button', { name: '「実務者連絡調整会議」の設定を変更する' }).click();
      const settings = page.getByRole('form', { name: '「実務者連絡調整会議」の設定を変更する' });
      await field(settings, '労働局の送付先メールアドレス').fill('roudoukyoku-at-example');
      await settings.getByRole('button', { name: '設定を保存する' }).click();
      await settings.getByText('「労働局の送付先メールアドレス」の形式が正しくありません。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '会議体の設定（誤りあり）');
      await field(settings, '労働局の送付先メールアドレス').fill(BUREAU);
      await field(settings, '議事概要の送付期限（開催日からの日数）').fill('14');
      await settings.getByRole('button', { name: '設定を保存する' }).click();
      await page.getByText('会議体の設定を保存しました。').waitFor();

      // A new liaison meeting with the labour bureau's member and the contractor as participants.
      await field(page, '会議体').selectOption({ label: '実務者連絡調整会議' });
      await field(page, '開催日').fill(yesterday());
      await field(page, '場所・方法').fill(place);
      await page.getByRole('checkbox', { name: /中島 浩（東京労働局労働基準部・労働局）/ }).check();
      await page.getByRole('checkbox', { name: /山田 聡/ }).check();
      await field(page, '議題').fill('宿日直許可の申請状況\n訪問先の選定');
      await page.getByRole('button', { name: '登録する', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /^実務者連絡調整会議（/ }).waitFor();
      const meetingUrl = page.url();
      await page.getByText('1. 宿日直許可の申請状況', { exact: true }).first().waitFor();
      await page.getByRole('heading', { name: '前回までの会議から引き継いだ対応事項' }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '会議のページ');

      // The prefecture's member moves the meeting to another room and adds the adviser.
      const room = `${place}（第二会議室）`;
      await withPage(browser, 'workenv-meetings-prefecture', async (prefecture) => {
        await logIn(prefecture, 'workenv-13-pref');
        await prefecture.goto(new URL(meetingUrl).pathname);
        await prefecture.getByRole('button', { name: '開催日・場所・参加者を変更する' }).click();
        const details = prefecture.getByRole('form', { name: '開催日・場所・参加者を変更する' });
        await field(details, '場所・方法').fill('');
        await details.getByRole('button', { name: '会議の情報を保存する' }).click();
        await details.getByText('「場所・方法」を入力してください。').waitFor();
        await expectAccessibleAtWalkthroughWidths(prefecture, '会議の情報の変更（誤りあり）');
        await field(details, '場所・方法').fill(room);
        await details.getByRole('checkbox', { name: /小川 真由美/ }).check();
        await details.getByRole('button', { name: '会議の情報を保存する' }).click();
        await prefecture.getByText('会議の情報を保存しました。').waitFor();
        await prefecture.getByText(room, { exact: true }).waitFor();
        await prefecture.getByRole('listitem').filter({ hasText: '小川 真由美（医療労務管理アドバイザー（東京都社会保険労務士会）・アドバイザー）' }).waitFor();
      });
      await page.reload();
      await page.getByText(room, { exact: true }).waitFor();

      // The minutes: a draft from the agenda, edited, saved, sent for confirmation.
      const body = field(page, '議事概要の本文');
      assert.match(await body.inputValue(), /1\. 宿日直許可の申請状況/);
      await body.fill(minutesText);
      await page.getByRole('button', { name: '下書きを保存する' }).click();
      await page.getByText('議事概要を保存しました。').waitFor();
      await page.getByRole('button', { name: '参加者に確認を依頼する' }).click();
      await page.getByText('参加者に確認を依頼しました。').waitFor();
      await page.getByRole('table', { name: '参加者の確認状況' }).getByText('未回答').first().waitFor();

      // The labour bureau's member finds the request among their notices and confirms on the meeting page.
      await withPage(browser, 'workenv-meetings-bureau', async (bureau) => {
        await logIn(bureau, 'workenv-13-roukyoku');
        await bureau.goto('/notifications');
        await expectHeading(bureau, '通知');
        const notice = bureau.getByRole('article').filter({ hasText: '議事概要の確認をお願いします' }).first();
        await notice.getByText(/山田 聡（東京都医療勤務環境改善支援センター）から、実務者連絡調整会議（\d{4}年\d{1,2}月\d{1,2}日\(.\)開催）の議事概要（第1版）の確認依頼/).waitFor();
        await notice.getByRole('link', { name: /^詳しく見る/ }).click();
        await bureau.waitForURL((url) => url.pathname === new URL(meetingUrl).pathname);
        await bureau.getByText(minutesText).waitFor();
        await bureau.getByRole('heading', { name: /議事概要（第1版）の確認/ }).waitFor();
        await expectAccessibleAtWalkthroughWidths(bureau, '会議のページ（労働局）');
        await bureau.getByRole('radio', { name: '内容を確認しました' }).check();
        await bureau.getByRole('button', { name: '回答する' }).click();
        await bureau.getByText('回答しました。').waitFor();
        const row = bureau.getByRole('table', { name: '参加者の確認状況' }).getByRole('row').filter({ hasText: '中島 浩' });
        await row.getByText('確認済み').waitFor();
      });

      // The contractor sees the confirmation, locks, and the minutes go to the labour bureau.
      const known = (await devMailsAvailable()) ? await mailIdsTo(BUREAU) : new Set();
      await page.reload();
      await page.getByRole('table', { name: '参加者の確認状況' }).getByRole('row').filter({ hasText: '中島 浩' }).getByText('確認済み').waitFor();
      await page.getByRole('button', { name: '確定して労働局に送付する' }).click();
      await page.getByText('議事概要を確定し、労働局に送付しました。').waitFor();
      const log = page.getByRole('table', { name: '送付の記録' });
      await log.getByText(BUREAU).waitFor();
      assert.equal(await page.getByRole('button', { name: '下書きを保存する' }).count(), 0, 'locked minutes have no editor');
      assert.equal(await page.getByRole('button', { name: '開催日・場所・参加者を変更する' }).count(), 0, 'a locked meeting cannot change');
      await page.getByText('議事概要が確定・送付済みのため、開催日・場所・参加者・議題は変更できません。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '会議のページ（確定後）');

      // The demo sends no mail, so it is still waiting: the contractor sends it again and the first is withdrawn.
      const firstMail = (await devMailsAvailable()) ? await waitForNewMail(BUREAU, known) : null;
      await page.getByText(`労働局（${BUREAU}）へのメールはまだ送信されていません。`, { exact: false }).waitFor();
      await page.getByRole('button', { name: '労働局に再送する' }).click();
      await page.getByText(`議事概要を労働局（${BUREAU}）に再送しました。`).waitFor();
      await log.getByRole('row').filter({ hasText: '再送' }).getByText('送信待ち').first().waitFor();
      await log.getByText('取り消し（再送に置き換え）').first().waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '会議のページ（再送後）');

      if (process.env.KAKEHASHI_E2E_REQUIRE_DEMO_MAILS === '1' || (await devMailsAvailable())) {
        const mail = await waitForNewMail(BUREAU, known);
        assert.notEqual(mail.id, firstMail?.id);
        assert.match(mail.subject, /【議事概要】東京都 実務者連絡調整会議.*（再送）$/);
        assert.ok(!(await mailIdsTo(BUREAU)).has(firstMail?.id), 'the withdrawn mail is not among the sent ones');
        await page.goto('/mails');
        await expectHeading(page, '送信メール（デモ）');
        await page.getByRole('link', { name: new RegExp(`${BUREAU.replace(/[.]/g, '\\.')}.*議事概要`) }).first().click();
        const article = page.getByRole('article');
        await article.getByRole('heading', { name: mail.subject }).waitFor();
        await article.getByText(minutesText, { exact: false }).waitFor();
        await article.getByText(/中島 浩（東京労働局労働基準部）：確認済み/).waitFor();
      }

      // The adviser, a participant who did not answer, reads the locked minutes and the activity report.
      await withPage(browser, 'workenv-meetings-adviser', async (adviser) => {
        await logIn(adviser, 'workenv-13-adviser');
        await adviser.goto(new URL(meetingUrl).pathname);
        await adviser.getByText(minutesText).waitFor();
        const row = adviser.getByRole('table', { name: '参加者の確認状況' }).getByRole('row').filter({ hasText: '小川 真由美' });
        await row.getByText('未回答').waitFor();
        assert.equal(await adviser.getByRole('button', { name: '労働局に再送する' }).count(), 0, 'only the contractor resends');
        await adviser.goto('/workenv/report');
        await expectHeading(adviser, '活動実績');
        await adviser.getByRole('table', { name: /年度の活動実績/ }).getByRole('row', { name: /合計/ }).waitFor();
      });
    }));
});
