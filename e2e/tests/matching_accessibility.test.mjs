// (10) The notification centre, the matching pages and the feed page pass
// axe's WCAG 2.1 A/AA rules on a desktop and on a 375px phone, where they
// must also fit without sideways scrolling: 「通知」 and 「おすすめ求人」 of the
// demo seeker, the candidates of one of fac-tokyo-01's postings, and
// 「求人配信」 of the demo coordinator. The demo users are only looked at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths } from '../lib/layout.mjs';
import { bell } from '../lib/notifications.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

describe('matching and notification pages accessibility', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the seeker’s 通知 and おすすめ求人', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-seeker-matching', async (page) => {
      await logIn(page, 'seeker@example.jp');
      await expectHeading(page, '求職者ホーム');
      await bell(page).click();
      await expectHeading(page, '通知');
      await page.getByRole('heading', { level: 2, name: '通知の一覧' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the notification page');

      await page.goto('/');
      await page.getByRole('main').getByRole('link', { name: /^おすすめ求人/ }).click();
      await expectHeading(page, 'おすすめ求人');
      await page.getByText(/^\d+件$/).waitFor();
      assert.ok((await page.getByText('一致度の主な理由', { exact: true }).count()) > 0, 'the demo seeker has no recommendation with reasons');
      await expectAccessibleAtBothWidths(page, 'おすすめ求人');
    }),
  );

  it('the facility’s 候補者 page', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-facility-candidates', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings');
      await expectHeading(page, '募集の管理');
      await page.getByRole('row').getByRole('link', { name: /^候補者を見る/ }).first().click();
      await expectHeading(page, '候補者');
      await page.getByText('氏名・連絡先などはマッチング成立まで表示されません').waitFor();
      await page.getByText(/^\d+人$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the candidates page');
    }),
  );

  it('the coordinator’s 求人配信', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-coordinator-feeds', async (page) => {
      await logIn(page, 'coord-nurse-13');
      await page.goto('/feeds');
      await expectHeading(page, '求人配信');
      await page.getByRole('heading', { level: 2, name: '登録済みの配信' }).waitFor();
      await expectAccessibleAtBothWidths(page, '求人配信');

      // The browser's own checks, with the error summary.
      await page.getByRole('button', { name: '配信を登録する' }).click();
      await page.getByText('「配信名」を入力してください。').first().waitFor();
      await expectAccessibleAtBothWidths(page, '求人配信 with errors');
    }),
  );
});
