// (5) The secretariat registers an organisation and issues a user ID in the
// browser; the new user sets a first password from the mailed link and logs in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable, waitForNewMail } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { DESKTOP, launchBrowser, PHONE, withPage } from '../lib/browser.mjs';
import { expectNoHorizontalScroll } from '../lib/layout.mjs';
import { followLinkInMail } from '../lib/mails.mjs';
import { expectHeading, field, freshPassword, logIn, setNewPassword, uniqueSuffix } from '../lib/pages.mjs';

describe('secretariat administration', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('registers an organisation, issues an ID, and the new user sets a password', { timeout: 180_000 }, async (t) => {
    const suffix = uniqueSuffix();
    const organisationName = `E2E病院 ${suffix}`;
    const newUser = { login: `e2e-fac-${suffix}`, email: `e2e-fac-${suffix}@example.jp`, name: 'E2E 医療機関担当' };

    await withPage(browser, 'secretariat-admin', async (page) => {
      await logIn(page, 'jimukyoku');
      await expectHeading(page, '事務局ホーム');

      await page.getByRole('link', { name: /組織の管理/ }).click();
      await expectHeading(page, '組織の管理');
      await field(page, '名称').fill(organisationName);
      await field(page, '種別').selectOption({ label: '医療機関' });
      await field(page, '都道府県').selectOption({ label: '東京都' });
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByText(`「${organisationName}」を登録しました。`).waitFor();
      // The list is paged and the database grows with every run, so the new row may be on a later page.
      await page.getByRole('region', { name: '登録済みの組織' }).getByRole('table').waitFor();
      await expectNoAxeViolations(page, 'the organisations page');
      await page.setViewportSize(PHONE);
      await expectNoAxeViolations(page, 'the organisations page');
      await expectNoHorizontalScroll(page, 'the organisations page');
      await page.setViewportSize(DESKTOP);

      await page.goto('/');
      await page.getByRole('link', { name: /ユーザIDの発行/ }).click();
      await expectHeading(page, 'ユーザIDの管理');
      await field(page, 'ユーザID').fill(newUser.login);
      await field(page, '氏名').fill(newUser.name);
      await field(page, 'メールアドレス').fill(newUser.email);
      await field(page, 'ロール').selectOption({ label: '医療機関' });
      await field(page, '所属組織').selectOption({ label: `${organisationName}（医療機関・東京都）` });
      await page.getByRole('button', { name: '発行する' }).click();
      await page.getByText('ユーザIDを発行し、パスワード設定メールを送信しました。').waitFor();
      await page.getByRole('region', { name: '発行済みのユーザ' }).getByRole('table').waitFor();
      await expectNoAxeViolations(page, 'the user ID page');
      await page.setViewportSize(PHONE);
      await expectNoAxeViolations(page, 'the user ID page');
      await expectNoHorizontalScroll(page, 'the user ID page');
    });

    if (!(await devMailsAvailable())) {
      t.skip('the server sends real mail, so the new user cannot be followed further');
      return;
    }
    const setupMail = await waitForNewMail(newUser.email);
    await withPage(browser, 'issued-user-first-password', async (page) => {
      await followLinkInMail(page, { address: newUser.email, expectedMail: setupMail, linkPath: '/password/reset?token=' });
      const password = freshPassword();
      await setNewPassword(page, password);
      await logIn(page, newUser.login, password);
      await expectHeading(page, '医療機関ホーム');
      assert.match(await page.getByRole('main').textContent(), new RegExp(organisationName));
    });
  });

  it('other roles cannot open the administration pages', { timeout: 60_000 }, () =>
    withPage(browser, 'admin-forbidden', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/admin/users');
      await expectHeading(page, 'このページを表示する権限がありません');
    }),
  );
});
