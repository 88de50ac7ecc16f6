// (11) Rough edges a new user met in the walkthrough, each checked at 1366px and 390px:
// - an interview with one proposed time has that time chosen already, so 承諾 works at once;
// - the seeker's 辞退する and 取り下げる each say in one line what they do;
// - the seeker's list of applications names the facility;
// - a posting the seeker already contacted shows what was sent (kind, stage) and the way to it,
//   instead of 問い合わせる / 応募する / コンタクト依頼;
// - search cards show the pay (給与), urgency reads 急募 everywhere (card, posting, form), and the
//   match score says its scale (100点満点);
// - <html lang> follows the UI language and date fields carry it too;
// - 「送信メール（デモ）」 is in the header only when the server has the demo mail box.
// Set-up (a posting of fac-tokyo-01, the demo seeker's application, an interview proposal) goes
// through the API; every posting is published with a unique title and closed again at the end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { choice, daysFromToday } from '../lib/postings.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';

const DEMO_SEEKER = 'seeker@example.jp';

/** A published posting of fac-tokyo-01, made through the API. */
async function publishPosting(facility, { title, urgency = 'immediate', pay = null }) {
  return facility.call('POST', '/api/v1/postings', {
    status: 'published',
    title,
    category: 'nurse',
    employment: 'fixed_term',
    start_date: daysFromToday(30),
    period_months: 3,
    weekdays: ['mon', 'tue'],
    hours: '9:00-17:00',
    urgency,
    positions: 1,
    duties: '病棟での看護業務です。',
    ...(pay === null ? {} : { pay }),
    training_agreed: true,
    masked: false,
    workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1' },
    contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-walkthrough@example.jp' },
  });
}

function section(page, heading) {
  return page.getByRole('region', { name: heading, exact: true });
}

describe('walkthrough fixes (issue 11)', () => {
  let browser;
  let facility;
  const postings = [];
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession('fac-tokyo-01');
  });
  after(async () => {
    for (const id of postings) {
      await facility.call('PATCH', `/api/v1/postings/${id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
    }
    await facility?.dispose();
    await browser?.close();
  });

  it('a contacted posting shows what was sent; one proposed time is preselected; 辞退 and 取下げ are explained', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    const posting = await publishPosting(facility, { title: `E2E歩き方 看護師 ${suffix}`, urgency: 'regular' });
    postings.push(posting.id);
    const postingPath = `/postings/${posting.id}`;
    const seeker = await apiSession(DEMO_SEEKER);
    try {
      await withPage(browser, 'walkthrough-seeker', async (page) => {
        await logIn(page, DEMO_SEEKER);
        // Not contacted yet: the three ways to get in touch.
        await page.goto(postingPath);
        await expectHeading(page, posting.title);
        await page.getByRole('link', { name: '問い合わせる' }).waitFor();
        await page.getByRole('link', { name: '応募する' }).waitFor();
        await page.getByRole('link', { name: 'コーディネーターに相談する（コンタクト依頼）' }).waitFor();

        // After applying, the posting says so instead, with the way to the application.
        const application = await seeker.call('POST', `/api/v1/postings/${posting.id}/applications`, {
          kind: 'application',
          consent: true,
          message: `E2E歩き方の応募です。${suffix}`,
        });
        await page.reload();
        await expectHeading(page, posting.title);
        const sent = section(page, 'この求人には連絡済みです');
        await sent.waitFor();
        await sent.getByText('応募', { exact: true }).waitFor();
        await sent.getByText('新規', { exact: true }).waitFor();
        for (const name of ['問い合わせる', '応募する', 'コーディネーターに相談する（コンタクト依頼）']) {
          assert.equal(await page.getByRole('link', { name, exact: true }).count(), 0, `the contacted posting still offers ${name}`);
        }
        await expectAccessibleAtWalkthroughWidths(page, 'a posting the seeker already applied to');
        // The seeker's list names the facility (the posting is not masked).
        await page.goto('/applications');
        await expectHeading(page, '応募・問い合わせ');
        await page.getByRole('columnheader', { name: '医療機関' }).waitFor();
        const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: posting.title }) });
        await listed.getByRole('cell', { name: '千代田区神田さくら病院', exact: true }).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the seeker’s list with the facility column');
        await page.goBack();
        await expectHeading(page, posting.title);
        await sent.getByRole('link', { name: '送信済みの応募を開く' }).click();
        await page.waitForURL((url) => url.pathname === `/applications/${application.id}`);
        await expectHeading(page, posting.title);

        // 辞退 and 取下げ, each with one line saying what it does.
        const decline = page.getByRole('button', { name: '辞退する', exact: true });
        const withdraw = page.getByRole('button', { name: '取り下げる', exact: true });
        await decline.waitFor();
        assert.equal(await describedBy(decline), '辞退：医療機関からの面接や内定の話を断ります。');
        assert.equal(await describedBy(withdraw), '取り下げ：応募・問い合わせそのものを取り消します。');
        await page.getByText('辞退：医療機関からの面接や内定の話を断ります。').waitFor();
        await page.getByText('取り下げ：応募・問い合わせそのものを取り消します。').waitFor();

        // The facility proposes a single time: it is chosen already, and 承諾 works at once.
        await facility.call('POST', `/api/v1/applications/${application.id}/interviews`, {
          slots: [`${daysFromToday(10)}T10:00+09:00`],
          duration_minutes: 30,
          online: true,
        });
        await page.reload();
        await expectHeading(page, posting.title);
        const interviews = section(page, '面接');
        const pick = interviews.getByRole('group', { name: /^面接の日時を1つ選んでください/ });
        await pick.waitFor();
        const radios = pick.getByRole('radio');
        assert.equal(await radios.count(), 1);
        assert.equal(await radios.first().isChecked(), true, 'the only proposed time is not preselected');
        await expectAccessibleAtWalkthroughWidths(page, 'the seeker’s application with one proposed time and the stage moves');
        await interviews.getByRole('button', { name: 'この日時で承諾する' }).click();
        await interviews.getByText('面接の日時が決まりました。', { exact: false }).waitFor();
        assert.equal(await page.getByText('面接の日時を選んでください。').count(), 0);
        await interviews.getByText('日時決定', { exact: true }).waitFor();
      });
    } finally {
      await seeker.dispose();
    }
  });

  it('cards show the pay, urgency reads 急募 on the card, the posting and the form, and the score says 100点満点', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    const pay = `時給 2,500円（E2E${suffix}）`;
    const posting = await publishPosting(facility, { title: `E2E給与表示 看護師 ${suffix}`, urgency: 'immediate', pay });
    postings.push(posting.id);

    await withPage(browser, 'walkthrough-search', async (page) => {
      await page.goto(`/postings?q=${encodeURIComponent(suffix)}`);
      await expectHeading(page, '求人検索');
      const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: posting.title }) });
      await card.waitFor();
      await card.getByText('給与', { exact: true }).waitFor();
      await card.getByText(pay, { exact: true }).waitFor();
      await card.getByText('急募', { exact: true }).waitFor();
      assert.equal(await page.getByText('即時', { exact: true }).count(), 0, 'the search still says 即時');
      await expectAccessibleAtWalkthroughWidths(page, 'a search card with the pay');

      await card.getByRole('link', { name: posting.title }).click();
      await expectHeading(page, posting.title);
      await page.getByText('急募', { exact: true }).first().waitFor();
      assert.equal(await page.locator('main').getByText('即時', { exact: true }).count(), 0, 'the posting still says 即時');
    });

    await withPage(browser, 'walkthrough-form', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      await choice(page, '緊急度', '急募').waitFor();
      assert.equal(await page.getByRole('group', { name: /^緊急度/ }).getByText('即時', { exact: true }).count(), 0);
      await page.getByText('急募：すぐに人が必要な募集です。', { exact: false }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the posting form with 急募');
    });

    await withPage(browser, 'walkthrough-matches', async (page) => {
      await logIn(page, DEMO_SEEKER);
      await page.goto('/me/matches');
      await expectHeading(page, 'おすすめ求人');
      const scores = page.locator('[data-match-score]');
      await scores.first().waitFor();
      for (const score of await scores.allTextContents()) {
        assert.match(score, /^\d+点（100点満点）$/);
      }
      await expectAccessibleAtWalkthroughWidths(page, 'おすすめ求人 with the score’s scale');
    });
  });

  it('<html lang> follows the UI language, and date fields carry it', { timeout: 60_000 }, () =>
    withPage(browser, 'walkthrough-lang', async (page) => {
      await page.goto('/postings');
      await expectHeading(page, '求人検索');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      const dates = page.locator('input[type="date"]');
      await dates.first().waitFor({ state: 'attached' });
      assert.ok((await dates.count()) > 0, 'the search has no date fields');
      for (const lang of await dates.evaluateAll((inputs) => inputs.map((input) => input.lang))) {
        assert.equal(lang, 'ja');
      }
      await expectAccessibleAtWalkthroughWidths(page, 'the search in Japanese');

      await page.getByRole('button', { name: 'English' }).click();
      await expectHeading(page, 'Job search');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      for (const lang of await dates.evaluateAll((inputs) => inputs.map((input) => input.lang))) {
        assert.equal(lang, 'en');
      }
      await expectAccessibleAtWalkthroughWidths(page, 'the search in English');
      await page.getByRole('button', { name: '日本語' }).click();
      await expectHeading(page, '求人検索');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    }),
  );

  it('「送信メール（デモ）」 is in the header only when the server has the demo mail box', { timeout: 60_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box, so the link cannot be checked present');
      return;
    }
    await withPage(browser, 'walkthrough-mails-present', async (page) => {
      await page.goto('/login');
      await expectHeading(page, 'ログイン');
      await page.getByRole('banner').getByRole('link', { name: '送信メール（デモ）' }).first().waitFor({ state: 'attached' });
    });
    await withPage(browser, 'walkthrough-mails-absent', async (page) => {
      // A server without the mail box answers 404 there.
      await page.route('**/api/v1/dev/mails', (route) =>
        route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'Not Found' } }) }),
      );
      await page.goto('/login');
      await expectHeading(page, 'ログイン');
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByRole('link', { name: '送信メール（デモ）' }).count(), 0, 'the mail link shows without a mail box');
      await expectAccessibleAtWalkthroughWidths(page, 'the login page without the demo mail box');
    });
  });
});

/** The accessible description of an element (its aria-describedby texts). */
function describedBy(locator) {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '')
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}
