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

      await page.getByRole('main').getByRole('link', { name: /組織の管理/ }).click();
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
      await page.getByRole('main').getByRole('link', { name: /ユーザIDの発行/ }).click();
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
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so the new user cannot be followed further');
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

  it('sets which 二次医療圏 an aggregator serves, then changes it', { timeout: 120_000 }, () =>
    withPage(browser, 'secretariat-scope', async (page) => {
      const name = `E2E健康福祉センター ${uniqueSuffix()}`;
      await logIn(page, 'jimukyoku');
      await page.goto('/admin/organisations');
      await expectHeading(page, '組織の管理');
      await field(page, '名称').fill(name);
      await field(page, '種別').selectOption({ label: 'とりまとめ団体' });
      await field(page, '都道府県').selectOption({ label: '栃木県' });
      // Only an aggregator's field appears: the 二次医療圏 of the chosen prefecture, not the job categories.
      const areas = page.getByRole('group', { name: /担当する二次医療圏/ });
      await areas.getByRole('checkbox', { name: '県西' }).check();
      assert.equal(await page.getByRole('group', { name: /担当する職種/ }).count(), 0, 'an aggregator is offered job categories');
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByText(`「${name}」を登録しました。`).waitFor();

      // Tochigi sorts before the Tokyo organisations that every run adds, so the row is on the first page.
      const list = page.getByRole('region', { name: '登録済みの組織' });
      const row = list.getByRole('row', { name: new RegExp(name) });
      await row.getByText('県西', { exact: true }).waitFor();
      await row.getByRole('button', { name: new RegExp(`^変更\\s*：${name}$`) }).click();
      const change = page.getByRole('region', { name: `${name}の変更` });
      await change.waitFor();
      await change.getByText('種別（とりまとめ団体）と都道府県（栃木県）は変更できません。').waitFor();
      await expectNoAxeViolations(page, 'the organisation change form');
      await change.getByRole('checkbox', { name: '県西' }).uncheck();
      await change.getByRole('checkbox', { name: '宇都宮' }).check();
      await change.getByRole('button', { name: '変更を保存する' }).click();
      await page.getByText(`「${name}」を変更しました。`).waitFor();
      await row.getByText('宇都宮', { exact: true }).waitFor();
      assert.equal(await row.getByText('県西', { exact: true }).count(), 0, 'the old area is still shown');
    }));

  it('stops a user, who can no longer log in, and lets them in again', { timeout: 120_000 }, () =>
    withPage(browser, 'secretariat-stop-user', async (page) => {
      const login = 'agg-kensei-09';  // sorts near the top of the list, so it is on the first page
      await logIn(page, 'jimukyoku');
      await page.goto('/admin/users');
      await expectHeading(page, 'ユーザIDの管理');
      const list = page.getByRole('region', { name: '発行済みのユーザ' });
      await list.getByRole('button', { name: new RegExp(`^利用停止\\s*：${login}$`) }).click();
      const confirm = page.getByRole('region', { name: `${login}の利用停止` });
      await confirm.getByText('利用を停止すると、このユーザはすぐにログアウトされ、ログインできなくなります。').waitFor();
      await expectNoAxeViolations(page, 'the stop confirmation');
      await confirm.getByRole('button', { name: '停止する' }).click();
      await page.getByText(`${login}の利用を停止しました。`).waitFor();

      await withPage(browser, 'stopped-user-login', async (other) => {
        await other.goto('/login');
        await field(other, 'ユーザID または メールアドレス').fill(login);
        await field(other, 'パスワード').fill('Kakehashi2026');
        await other.getByRole('button', { name: 'ログイン', exact: true }).click();
        await other.getByText('ユーザIDまたはパスワードが正しくありません。').first().waitFor();
        assert.equal(new URL(other.url()).pathname, '/login', 'a stopped user got in');
      });

      await list.getByRole('button', { name: new RegExp(`^利用再開\\s*：${login}$`) }).click();
      await page.getByRole('region', { name: `${login}の利用再開` }).getByRole('button', { name: '再開する' }).click();
      await page.getByText(`${login}の利用を再開しました。`).waitFor();
      await withPage(browser, 'reinstated-user-login', async (other) => {
        await logIn(other, login);
        await expectHeading(other, 'とりまとめ団体ホーム');
      });
    }));

  it('other roles cannot open the administration pages', { timeout: 60_000 }, () =>
    withPage(browser, 'admin-forbidden', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/admin/users');
      await expectHeading(page, 'このページを表示する権限がありません');
    }),
  );
});
