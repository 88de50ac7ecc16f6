// (4) Switching to English translates the page, sets <html lang="en"> and is
// remembered on the next visit; switching back restores Japanese.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectHeading } from '../lib/pages.mjs';

describe('language switch', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('English changes the login heading and is remembered', { timeout: 60_000 }, () =>
    withPage(browser, 'language-switch', async (page) => {
      await page.goto('/login');
      await expectHeading(page, 'ログイン');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja');

      await page.getByRole('button', { name: 'English' }).click();
      await expectHeading(page, 'Log in');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
      await expectNoAxeViolations(page, 'the English login page');

      await page.reload();
      await expectHeading(page, 'Log in');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      await page.getByRole('button', { name: '日本語' }).click();
      await expectHeading(page, 'ログイン');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    }),
  );
});
