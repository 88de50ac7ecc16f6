// Staff choose on アカウント設定 how notifications reach them by mail (issue 12): at once (the default), once a
// day, or not by mail. The choice is kept and is what the server mails by; a seeker has no such section (their
// choice is in 希望条件).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiSession } from '../lib/api_session.mjs';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

// A facility whose mails no other browser test waits for, so changing its choice disturbs nothing; put back at the end.
const LOGIN = 'fac-tokyo-02';

describe('mail notices', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(async () => {
    const api = await apiSession(LOGIN);
    try {
      await api.call('PUT', '/api/v1/me/mail-notices', { mail_notices: 'immediate' });
    } finally {
      await api.dispose();
    }
    await browser?.close();
  });

  it('a facility turns mails off on アカウント設定 and finds the choice kept', { timeout: 120_000 }, async () => {
    await withPage(browser, 'mail-notices', async (page) => {
      await logIn(page, LOGIN);
      await page.goto('/account');
      await expectHeading(page, 'アカウント設定');
      const section = page.getByRole('region', { name: 'メールでの通知' });
      const group = section.getByRole('group', { name: /通知をメールで受け取る方法/ });
      assert.equal(await group.getByRole('radio', { name: 'すぐに受け取る' }).isChecked(), true, 'at once is the default');
      await group.getByRole('radio', { name: 'メールでは受け取らない' }).check();
      await section.getByRole('button', { name: '保存する' }).click();
      await section.getByText('メールでの通知を「メールでは受け取らない」にしました。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'アカウント設定 with the mail choice saved');

      await page.reload();
      await expectHeading(page, 'アカウント設定');
      const again = page.getByRole('region', { name: 'メールでの通知' }).getByRole('group', { name: /通知をメールで受け取る方法/ });
      assert.equal(await again.getByRole('radio', { name: 'メールでは受け取らない' }).isChecked(), true, 'the choice is not kept');
      const api = await apiSession(LOGIN);
      try {
        assert.equal((await api.call('GET', '/api/v1/me')).user.mail_notices, 'off');
      } finally {
        await api.dispose();
      }
    });
  });
});
