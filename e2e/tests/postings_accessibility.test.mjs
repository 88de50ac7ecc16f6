// (9) The posting and profile pages pass axe's WCAG 2.1 A/AA rules on a
// desktop and on a 375px phone, where they must also fit without sideways
// scrolling: the public search and a masked posting's detail page, and,
// logged in, the posting form (empty and with errors), the management page,
// the CSV import page and the seeker's conditions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { BASE_URL, DESKTOP, launchBrowser, PHONE, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths, expectNoHorizontalScroll } from '../lib/layout.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

/** A published masked posting, as an anonymous visitor gets it. */
async function maskedPostingId() {
  const response = await fetch(`${BASE_URL}/api/v1/postings?per_page=100`, { headers: { Accept: 'application/json' } });
  assert.equal(response.status, 200);
  const { items } = await response.json();
  const masked = items.find((posting) => posting.masked);
  assert.ok(masked, 'the demo data has no masked published posting');
  return masked;
}

describe('posting pages accessibility', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the public search and a masked posting', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-postings-public', async (page) => {
      await page.goto('/login');
      await page.getByRole('link', { name: '求人検索へ' }).click();
      await expectHeading(page, '求人検索');
      await page.getByText(/^\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the posting search');

      // With filters that the server refuses, the messages are shown next to the filters.
      await page.goto('/postings?start_from=tomorrow&category=nurse');
      await page.getByText('検索条件に誤りがあります。各項目のメッセージを確認してください。').waitFor();
      await page.getByText(/「勤務開始日（から）」/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the posting search with refused filters');

      // On a phone the filters fold away; opened, they must pass too.
      await page.goto('/postings?prefecture=13');
      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: /検索条件を開く/ }).click();
      await page.getByRole('search').waitFor();
      await expectNoAxeViolations(page, 'the posting search with the filters open');
      await expectNoHorizontalScroll(page, 'the posting search with the filters open');
      await page.setViewportSize(DESKTOP);

      const masked = await maskedPostingId();
      await page.goto(`/postings/${masked.id}`);
      await expectHeading(page, masked.title);
      await page.getByText(/医療機関名・所在地・連絡先を非公開にしています/).waitFor();
      await expectAccessibleAtBothWidths(page, 'a masked posting');
    }),
  );

  it('the facility pages', { timeout: 150_000 }, () =>
    withPage(browser, 'axe-postings-facility', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings');
      await expectHeading(page, '募集の管理');
      await page.getByRole('heading', { name: '募集の一覧' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the management page');

      // The close panel of the first posting that can be closed.
      await page.getByRole('button', { name: /^終了する\s*：/ }).first().click();
      await page.getByRole('button', { name: '終了を確定する' }).click();
      await page.getByText('終了する理由を選択してください。').first().waitFor();
      await expectNoAxeViolations(page, 'the management page with the close panel');
      await page.getByRole('button', { name: 'やめる' }).click();

      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      await expectAccessibleAtBothWidths(page, 'the posting form');
      // 公開する on the empty form (下書き保存 would save it: a draft may lack anything).
      await page.getByRole('button', { name: '公開する' }).click();
      await page.getByText('入力内容に誤りがあります。各項目のメッセージを確認してください。').waitFor();
      await expectAccessibleAtBothWidths(page, 'the posting form with errors');

      await page.goto('/facility/postings/import');
      await expectHeading(page, 'CSVで一括登録');
      await expectAccessibleAtBothWidths(page, 'the CSV import page');

      // The edit page of one of the facility's postings, with its history.
      await page.goto('/facility/postings');
      await page.getByRole('link', { name: /^編集\s*：/ }).first().click();
      await expectHeading(page, '募集の編集');
      await page.getByRole('heading', { name: '変更履歴' }).waitFor();
      await page.getByText(/^第1版$/).first().waitFor();
      await expectAccessibleAtBothWidths(page, 'the posting edit page');
    }),
  );

  it("the seeker's conditions", { timeout: 90_000 }, () =>
    withPage(browser, 'axe-profile', async (page) => {
      // Only looked at, never saved: the demo seeker's profile stays as it is.
      await logIn(page, 'seeker@example.jp');
      await page.getByRole('main').getByRole('link', { name: /^希望条件/ }).click();
      await expectHeading(page, '希望条件');
      await page.getByText(/^医療機関には、あなたの氏名ではなく「求職者-」で始まる仮の名前が表示されます。/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the conditions page');
    }),
  );
});
