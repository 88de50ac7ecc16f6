// (11) The about page (このサービスについて), linked from every page's footer, carries the credit lines the
// licences of the national reference data ask for (server/data/national/README.md). Checked at 1366px and
// 390px, axe-clean, for a visitor and in English (the credit lines stay in Japanese).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading } from '../lib/pages.mjs';

const CREDITS = [
  '「国土数値情報（医療圏データ）」（国土交通省）を加工して作成',
  '出典：厚生労働省「医師偏在指標関連データ」（令和6年1月公表版）を加工して作成',
  '郵便番号データ：日本郵便株式会社（「郵便番号データに限っては日本郵便株式会社は著作権を主張しません」）',
];

describe('このサービスについて (issue 11)', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('is linked from the footer and carries the data credits', { timeout: 60_000 }, () =>
    withPage(
      browser,
      'about',
      async (page) => {
        await page.goto('/postings');
        await expectHeading(page, '求人検索');
        await page.getByRole('contentinfo').getByRole('link', { name: 'このサービスについて' }).click();
        await page.waitForURL((url) => url.pathname === '/about');
        await expectHeading(page, 'このサービスについて');
        for (const credit of CREDITS) {
          await page.getByText(credit, { exact: true }).waitFor();
        }
        await page.getByText('CC BY 4.0', { exact: true }).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the about page');

        await page.getByRole('button', { name: 'English' }).click();
        await expectHeading(page, 'About this service');
        assert.equal(await page.getByText(CREDITS[0], { exact: true }).getAttribute('lang'), 'ja');
        await expectAccessibleAtWalkthroughWidths(page, 'the about page in English');
        await page.getByRole('button', { name: '日本語' }).click();
        await expectHeading(page, 'このサービスについて');
      },
      { viewport: LAPTOP_1366 },
    ),
  );
});
