// (2) A forgotten password is reset through the mailed link, read on the
// demo's sent-mail page, and the new password works. The user is created
// fresh through the secretariat API so the test can run again and again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable, mailIdsTo, secretariatApi, waitForNewMail } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { followLinkInMail } from '../lib/mails.mjs';
import { expectHeading, field, freshPassword, logIn, setNewPassword, uniqueSuffix } from '../lib/pages.mjs';

describe('password reset', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('forgot → mail → link → new password → login', { timeout: 120_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so there is no sent-mail page to read the link from');
      return;
    }
    const suffix = uniqueSuffix();
    const user = { login: `e2e-reset-${suffix}`, email: `e2e-reset-${suffix}@example.jp` };
    const api = await secretariatApi();
    try {
      const organisation = await api.facilityOrganisation();
      await api.issueUser({ ...user, display_name: 'E2E 再設定', role: 'facility', organisation_id: organisation.id });
    } finally {
      await api.dispose();
    }
    // The ID's own password-setup mail is already there; the reset mail must be a new one.
    await waitForNewMail(user.email);
    const mailsBefore = await mailIdsTo(user.email);

    await withPage(browser, 'password-reset', async (page) => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'パスワードをお忘れですか？' }).click();
      await expectHeading(page, 'パスワードの再設定');
      await field(page, 'ユーザID または メールアドレス').fill(user.login);
      await page.getByRole('button', { name: '再設定メールを送信' }).click();
      await page
        .getByText('入力されたIDが登録されている場合、パスワード再設定用のメールを送信しました。リンクの有効期限は30分です。')
        .waitFor();

      const resetMail = await waitForNewMail(user.email, mailsBefore);
      await followLinkInMail(page, { address: user.email, expectedMail: resetMail, linkPath: '/password/reset?token=' });
      await expectNoAxeViolations(page, 'the password setting page');

      const password = freshPassword();
      await setNewPassword(page, password);
      await page.getByRole('link', { name: 'ログイン画面へ' }).click();

      await logIn(page, user.login, password);
      await expectHeading(page, '医療機関ホーム');
      assert.equal(new URL(page.url()).pathname, '/');
    });
  });

  it('a used or made-up link is refused with the server message', { timeout: 60_000 }, () =>
    withPage(browser, 'password-reset-bad-token', async (page) => {
      await page.goto(`/password/reset?token=not-a-token-${uniqueSuffix()}`);
      await setNewPasswordExpectingRefusal(page, freshPassword());
    }),
  );
});

async function setNewPasswordExpectingRefusal(page, password) {
  await expectHeading(page, 'パスワードの設定');
  await field(page, 'パスワード').fill(password);
  await field(page, 'パスワード（確認）').fill(password);
  await page.getByRole('button', { name: 'パスワードを設定' }).click();
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  assert.notEqual((await alert.textContent()).trim(), '');
  assert.equal(await page.getByText('パスワードを設定しました').count(), 0);
}
