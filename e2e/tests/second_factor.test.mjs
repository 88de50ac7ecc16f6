// (15) A person sets up the TOTP second factor under アカウント設定 with an authenticator app (the test computes
// the codes the app would show from the setup key on the page), logs out, and logs in again with a code.
// A fresh seeker each run, so the test can run again on the same database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths } from '../lib/layout.mjs';
import { expectHeading, field } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';
import { totpCode } from '../lib/totp.mjs';

describe('second factor', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('is set up with the key on the page, then asked for at the next login', { timeout: 180_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so a fresh seeker cannot be verified');
      return;
    }
    await withPage(browser, 'second-factor', async (page) => {
      const seeker = await registerVerifiedSeeker(page, 'E2E 二要素');
      await page.getByRole('button', { name: /アカウントメニュー/ }).click();
      await page.getByRole('link', { name: 'アカウント設定' }).click();
      await expectHeading(page, 'アカウント設定');
      const section = page.getByRole('region', { name: '二要素認証' });
      await section.getByText('未設定', { exact: true }).waitFor();
      await section.getByRole('button', { name: '二要素認証を設定する' }).click();
      await page.getByRole('heading', { name: '認証アプリの設定' }).waitFor();
      await page.getByRole('img', { name: '認証アプリで読み取るQRコード' }).waitFor();
      const key = (await section.locator('code').textContent()).replace(/\s+/g, '');
      assert.match(key, /^[A-Z2-7]{32}$/, 'the setup key is shown for typing in');
      await expectAccessibleAtBothWidths(page, 'the second-factor set-up');

      const confirmCode = totpCode(key);
      await field(page, '確認コード').fill(confirmCode);
      await page.getByRole('button', { name: '設定を完了する' }).click();
      await page.getByText('二要素認証を設定しました。次回から、ログイン時に確認コードが必要です。').waitFor();
      await section.getByText('設定済み', { exact: true }).waitFor();

      await page.getByRole('button', { name: /アカウントメニュー/ }).click();
      await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await expectHeading(page, 'ログイン');
      await field(page, 'ユーザID または メールアドレス').fill(seeker.email);
      await field(page, 'パスワード').fill(seeker.password);
      await page.getByRole('button', { name: 'ログイン', exact: true }).click();
      const codeField = field(page, '確認コード');
      await codeField.waitFor();
      assert.ok(await codeField.evaluate((el) => el === document.activeElement), 'focus moves to the code');
      await expectAccessibleAtBothWidths(page, 'the login’s second step');
      // The code used to confirm the set-up does not work twice.
      await codeField.fill(confirmCode);
      await page.getByRole('button', { name: '確認してログイン' }).click();
      await page.getByText(/確認コードが正しくありません/).first().waitFor();
      await codeField.fill(totpCode(key, 1));
      await page.getByRole('button', { name: '確認してログイン' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await expectHeading(page, '求職者ホーム');
    });
  });
});
