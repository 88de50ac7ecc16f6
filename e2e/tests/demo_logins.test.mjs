// (1) Every demo login reaches its role's home, and the pages before and
// after login pass axe's WCAG 2.1 A/AA rules on a desktop and on a 375px
// phone, where they must also fit without sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { DESKTOP, launchBrowser, PHONE, withPage } from '../lib/browser.mjs';
import { expectNoHorizontalScroll } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const DEMO_USERS = [
  { login: 'jimukyoku', home: '事務局ホーム' },
  { login: 'fac-tokyo-01', home: '医療機関ホーム' },
  { login: 'agg-tochigi', home: 'とりまとめ団体ホーム' },
  { login: 'agg-kensei-09', home: 'とりまとめ団体ホーム' },
  { login: 'coord-nurse-13', home: 'コーディネーターホーム' },
  { login: 'coord-doctor-13', home: 'コーディネーターホーム' },
  { login: 'career-09', home: '地域医療支援センターホーム' },
  { login: 'workenv-13', home: '勤務環境改善支援センターホーム' },
  { login: 'seeker@example.jp', home: '求職者ホーム' },
];

const PUBLIC_PAGES = [
  { path: '/login', heading: 'ログイン' },
  { path: '/register', heading: '求職者の新規登録' },
  { path: '/password/forgot', heading: 'パスワードの再設定' },
];

describe('demo logins and accessibility', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  for (const [viewportName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    for (const { path, heading } of PUBLIC_PAGES) {
      it(`${path} has no axe violations (${viewportName})`, { timeout: 60_000 }, () =>
        withPage(
          browser,
          `axe${path}-${viewportName}`,
          async (page) => {
            await page.goto(path);
            await expectHeading(page, heading);
            assert.match(await page.title(), new RegExp(heading));
            await expectNoAxeViolations(page, path);
            await expectNoHorizontalScroll(page, path);
          },
          { viewport },
        ),
      );
    }
  }

  for (const { login, home } of DEMO_USERS) {
    it(`${login} logs in and sees 「${home}」`, { timeout: 90_000 }, () =>
      withPage(browser, `login-${login}`, async (page) => {
        await logIn(page, login);
        assert.equal(new URL(page.url()).pathname, '/');
        await expectHeading(page, home);
        assert.match(await page.title(), new RegExp(home));
        await expectNoAxeViolations(page, `${home} (${login})`);

        await page.setViewportSize(PHONE);
        await expectNoAxeViolations(page, `${home} (${login})`);
        await expectNoHorizontalScroll(page, home);
        // On a phone the header folds into a menu; it must be accessible when open too.
        await page.getByRole('button', { name: 'メニュー', exact: true }).click();
        await page.getByRole('button', { name: /アカウントメニュー/ }).waitFor();
        await expectNoAxeViolations(page, `${home} with the menu open (${login})`);
      }),
    );
  }

  it('home needs a login and brings the user back after it', { timeout: 60_000 }, () =>
    withPage(browser, 'login-redirect', async (page) => {
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/');
      await expectHeading(page, 'ログイン');
    }),
  );

  it('logging out ends the session', { timeout: 60_000 }, () =>
    withPage(browser, 'logout', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await expectHeading(page, '医療機関ホーム');
      await page.getByRole('button', { name: /アカウントメニュー/ }).click();
      await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.goto('/');
      await page.waitForURL((url) => url.pathname === '/login');
    }),
  );

  it('login errors are shown, announced and bound to their fields', { timeout: 60_000 }, () =>
    withPage(browser, 'login-errors', async (page) => {
      await page.goto('/login');
      await expectHeading(page, 'ログイン');
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      // Empty fields are caught in the browser, each message tied to its input.
      const loginField = field(page, 'ユーザID または メールアドレス');
      assert.equal(await loginField.getAttribute('aria-invalid'), 'true');
      const describedBy = await loginField.getAttribute('aria-describedby');
      assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /入力してください/);
      await expectNoAxeViolations(page, 'the login page with field errors');

      // An unknown ID (never a demo one, whose failures would be throttled) gets the server's message.
      await loginField.fill(`nobody-${uniqueSuffix()}`);
      await field(page, 'パスワード').fill('Wrong-password-1');
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      const alert = page.getByRole('alert').first();
      await alert.waitFor();
      assert.notEqual((await alert.textContent()).trim(), '');
      assert.equal(new URL(page.url()).pathname, '/login');
      await expectNoAxeViolations(page, 'the login page with a refused login');
    }),
  );
});
