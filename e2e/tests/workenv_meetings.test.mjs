// (15) The work-environment centre's meetings and minutes in the browser, through the demo. The contractor's
// centre (workenv-13, 受託者) sees the series and the meetings (the demo's late minutes flagged), adds a 実務者連絡調整会議
// with the labour bureau's member as a participant, drafts the minutes from the agenda and sends them for
// confirmation; the 労働局 member (workenv-13-roukyoku) confirms them on the meeting page; the contractor locks
// them, which mails them to the labour bureau: the send log shows the mail and the demo's sent-mail page has it.
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

      // The minutes: a draft from the agenda, edited, saved, sent for confirmation.
      const body = field(page, '議事概要の本文');
      assert.match(await body.inputValue(), /1\. 宿日直許可の申請状況/);
      await body.fill(minutesText);
      await page.getByRole('button', { name: '下書きを保存する' }).click();
      await page.getByText('議事概要を保存しました。').waitFor();
      await page.getByRole('button', { name: '参加者に確認を依頼する' }).click();
      await page.getByText('参加者に確認を依頼しました。').waitFor();
      await page.getByRole('table', { name: '参加者の確認状況' }).getByText('未回答').first().waitFor();

      // The labour bureau's member confirms on the same page.
      await withPage(browser, 'workenv-meetings-bureau', async (bureau) => {
        await logIn(bureau, 'workenv-13-roukyoku');
        await bureau.goto(new URL(meetingUrl).pathname);
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
      await expectAccessibleAtWalkthroughWidths(page, '会議のページ（確定後）');

      if (process.env.KAKEHASHI_E2E_REQUIRE_DEMO_MAILS === '1' || (await devMailsAvailable())) {
        const mail = await waitForNewMail(BUREAU, known);
        assert.match(mail.subject, /【議事概要】東京都 実務者連絡調整会議/);
        await page.goto('/mails');
        await expectHeading(page, '送信メール（デモ）');
        await page.getByRole('link', { name: new RegExp(`${BUREAU.replace(/[.]/g, '\\.')}.*議事概要`) }).first().click();
        const article = page.getByRole('article');
        await article.getByRole('heading', { name: mail.subject }).waitFor();
        await article.getByText(minutesText, { exact: false }).waitFor();
        await article.getByText(/中島 浩（東京労働局労働基準部）：確認済み/).waitFor();
      }
    }));
});
