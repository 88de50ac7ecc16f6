// (11) Item 7 of the walkthrough: every role reaches its daily functions from the header on every
// page, not only through ホーム; on a 390px phone the logged-in header stays one row (site name,
// bell, menu button) and the menu opens and closes from the keyboard; the demo mail link shows only
// where the server has the demo mail box. Checked at 1366px and 390px, axe-clean.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { LAPTOP_1366, launchBrowser, PHONE_390, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

// Each role's header links, in order, and a page the first one of them opens.
const ROLES = [
  { login: 'seeker@example.jp', home: '求職者ホーム', links: ['ホーム', '求人検索', 'おすすめ求人', '医療機関からのコンタクト依頼', '応募・問い合わせ', '希望条件'], open: { link: 'おすすめ求人', path: '/me/matches' } },
  { login: 'fac-tokyo-01', home: '医療機関ホーム', links: ['ホーム', '募集の管理', '応募者の管理', '病床状況の報告', 'お問合せ'], open: { link: '募集の管理', path: '/facility/postings' } },
  { login: 'agg-tochigi', home: 'とりまとめ団体ホーム', links: ['ホーム', '病床状況一覧', '求人の閲覧', 'お問合せ'], open: { link: '病床状況一覧', path: '/beds' } },
  { login: 'coord-nurse-13', home: 'コーディネーターホーム', links: ['ホーム', 'コーディネーター業務', '応募・問い合わせ', '求人配信', '求人検索'], open: { link: 'コーディネーター業務', path: '/coordination' } },
  { login: 'jimukyoku', home: '事務局ホーム', links: ['ホーム', '組織の管理', 'ユーザIDの発行', 'お問合せ（受信箱）', '応募・問い合わせ', '病床状況一覧', '求人検索'], open: { link: '組織の管理', path: '/admin/organisations' } },
  { login: 'career-09', home: '地域医療支援センターホーム', links: ['ホーム', '配属先選定', '求人検索', 'お知らせ', 'FAQ'], open: { link: '配属先選定', path: '/career/rounds' } },
  { login: 'workenv-13', home: '勤務環境改善支援センターホーム', links: ['ホーム', '時間外労働上限への対応状況', '優先訪問先リスト', '医療機関の支援案件', '訪問支援'], open: { link: '優先訪問先リスト', path: '/workenv/priorities' } },
];

function mainMenu(page) {
  return page.getByRole('banner').getByRole('navigation', { name: 'メインメニュー' });
}

/** Waits until the link named `name` is marked as the current page (the header re-renders after the URL changes). */
function currentLink(page, name) {
  return mainMenu(page).getByRole('link', { name, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
}

async function linkNames(nav) {
  return (await nav.getByRole('link').allTextContents()).map((name) => name.trim());
}

describe('the header navigation of each role (issue 11 item 7)', () => {
  let browser;
  let mails;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    mails = await devMailsAvailable();
  });
  after(() => browser?.close());

  for (const role of ROLES) {
    it(`${role.login}: the header lists the role's functions and opens them`, { timeout: 90_000 }, () =>
      withPage(
        browser,
        `header-nav-${role.login}`,
        async (page) => {
          await logIn(page, role.login);
          await expectHeading(page, role.home);
          const expected = mails ? [...role.links, '送信メール（デモ）'] : role.links;
          // The demo mail link comes once the server has said it keeps mails (a request of its own, slow on a busy machine).
          if (mails) await mainMenu(page).getByRole('link', { name: '送信メール（デモ）', exact: true }).waitFor();
          assert.deepEqual(await linkNames(mainMenu(page)), expected);
          await currentLink(page, 'ホーム');
          await mainMenu(page).getByRole('link', { name: role.open.link, exact: true }).click();
          await page.waitForURL((url) => url.pathname === role.open.path);
          await currentLink(page, role.open.link);
          assert.equal(await mainMenu(page).locator('[aria-current="page"]').count(), 1, 'more than one link is marked current');
          await expectAccessibleAtWalkthroughWidths(page, `${role.login}'s ${role.open.path} with the header navigation`);
        },
        { viewport: LAPTOP_1366 },
      ),
    );
  }

  it('on a 390px phone the logged-in header is one row, and its menu works from the keyboard', { timeout: 90_000 }, () =>
    withPage(
      browser,
      'header-nav-phone',
      async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await expectHeading(page, '医療機関ホーム');
        const banner = page.getByRole('banner');
        const siteName = banner.getByRole('link', { name: /かけはし/ });
        const bell = banner.getByRole('link', { name: /^通知/ });
        // Exact: the account button (「アカウントメニューを開閉」) also contains メニュー.
        const menuButton = banner.getByRole('button', { name: 'メニュー', exact: true });
        // One row: the three parts share a line, and the header is no taller than one row of them.
        const boxes = await Promise.all([siteName, bell, menuButton].map((part) => part.boundingBox()));
        const rowTop = Math.max(...boxes.map((box) => box.y));
        const rowBottom = Math.min(...boxes.map((box) => box.y + box.height));
        assert.ok(rowBottom > rowTop, `the header's parts are not on one row: ${JSON.stringify(boxes)}`);
        const header = await banner.boundingBox();
        assert.ok(header.height <= 90, `the logged-in header is ${header.height}px tall on a phone`);
        assert.equal(await mainMenu(page).count(), 0, 'the navigation shows before the menu is opened');

        // Keyboard: the button opens the menu, Tab reaches its links, Escape closes it and returns to the button.
        await menuButton.focus();
        await page.keyboard.press('Enter');
        const closeButton = banner.getByRole('button', { name: '閉じる' });
        assert.equal(await closeButton.getAttribute('aria-expanded'), 'true');
        await mainMenu(page).getByRole('link', { name: '募集の管理', exact: true }).waitFor();
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.closest('#site-menu') !== null);
        assert.ok(focused, 'Tab after the menu button does not move into the menu');
        await expectAccessibleAtWalkthroughWidths(page, 'the phone menu, open');
        await page.setViewportSize(PHONE_390);
        await page.keyboard.press('Escape');
        await menuButton.waitFor();
        assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'メニュー');

        // A link in the menu opens its page and the menu closes behind it.
        await menuButton.click();
        await mainMenu(page).getByRole('link', { name: '応募者の管理', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/applications');
        await menuButton.waitFor();
        assert.equal(await mainMenu(page).count(), 0);
      },
      { viewport: PHONE_390 },
    ),
  );

  it('a visitor gets 求人検索 (and the demo mail box only where the server keeps one)', { timeout: 60_000 }, () =>
    withPage(
      browser,
      'header-nav-visitor',
      async (page) => {
        await page.goto('/postings');
        await expectHeading(page, '求人検索');
        const nav = page.getByRole('banner').getByRole('navigation', { name: 'サイト内リンク' });
        assert.deepEqual(await linkNames(nav), mails ? ['求人検索', '送信メール（デモ）'] : ['求人検索']);
        await expectAccessibleAtWalkthroughWidths(page, 'the search as a visitor');
      },
      { viewport: LAPTOP_1366 },
    ),
  );
});
