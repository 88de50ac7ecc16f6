// (3) A job seeker registers, confirms the address through the mailed link
// (read on the demo's sent-mail page) and logs in with the e-mail address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable, waitForNewMail } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { followLinkInMail } from '../lib/mails.mjs';
import { expectHeading, field, freshPassword, logIn, uniqueSuffix } from '../lib/pages.mjs';

describe('seeker registration', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('register → verification mail → verify → login', { timeout: 120_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so there is no sent-mail page to read the link from');
      return;
    }
    const email = `e2e-seeker-${uniqueSuffix()}@example.jp`;
    const password = freshPassword();

    await withPage(browser, 'seeker-registration', async (page) => {
      await page.goto('/login');
      await page.getByRole('link', { name: '求職者の新規登録' }).first().click();
      await expectHeading(page, '求職者の新規登録');
      await page.getByText('半角英大文字・小文字・数字をそれぞれ含む8文字以上。ユーザIDと同じもの、よく使われるものは使えません。').waitFor();

      await field(page, '氏名').fill('E2E 求職者');
      await field(page, 'メールアドレス').fill(email);
      await field(page, 'パスワード').fill(password);
      await field(page, 'パスワード（確認）').fill(`${password}x`);
      await page.getByRole('button', { name: '登録する' }).click();
      // A mistyped confirmation is caught before anything is sent.
      assert.equal(await field(page, 'パスワード（確認）').getAttribute('aria-invalid'), 'true');
      await expectNoAxeViolations(page, 'the registration page with errors');

      await field(page, 'パスワード（確認）').fill(password);
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByText('確認メールを送信しました。メール内のリンクを開いて登録を完了してください。').waitFor();

      const verificationMail = await waitForNewMail(email);
      await followLinkInMail(page, { address: email, expectedMail: verificationMail, linkPath: '/verify?token=' });
      await expectHeading(page, 'メールアドレスの確認');
      await page.getByText('登録が完了しました').waitFor();
      await expectNoAxeViolations(page, 'the verification page');
      await page.getByRole('link', { name: 'ログイン画面へ' }).click();

      await logIn(page, email, password);
      await expectHeading(page, '求職者ホーム');
    });
  });
});
