// (11) Item 13 of the walkthrough: the seeker's profile form (10,000px on a phone) and the application
// page (5,200px) are grouped into sections that fold, with an index on top saying what each holds. On a
// 390px phone they start short (under 4,000px), the index opens a section and moves there, and a wrong
// answer in a folded section opens it. Checked at 1366px and 390px, axe-clean.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { LAPTOP_1366, launchBrowser, PHONE_390, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { daysFromToday } from '../lib/postings.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';

const DEMO_SEEKER = 'seeker@example.jp';
const PHONE_HEIGHT_LIMIT = 4000;

function pageHeight(page) {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

function toggle(page, heading) {
  return page.getByRole('region', { name: heading, exact: true }).getByRole('button', { name: heading, exact: true });
}

describe('long pages in sections with an index (issue 11 item 13)', () => {
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

  it('the profile form starts short on a phone, its index opens a section, and an error opens its section', { timeout: 120_000 }, () =>
    withPage(
      browser,
      'sections-profile',
      async (page) => {
        await logIn(page, DEMO_SEEKER);
        await page.goto('/me/profile');
        await expectHeading(page, '希望条件');
        const index = page.getByRole('navigation', { name: '入力内容の一覧' });
        await index.waitFor();
        const headings = ['本人情報（マッチング成立まで非公開）', '資格と経験', '希望する勤務', '希望する勤務地', 'キャリア支援と通知'];
        assert.deepEqual((await index.getByRole('link').allTextContents()).map((text) => text.trim()), headings);
        await index.getByText(/^都道府県：.+／二次医療圏：/).waitFor();
        const height = await pageHeight(page);
        assert.ok(height < PHONE_HEIGHT_LIMIT, `the profile form is ${height}px tall on a phone`);
        for (const heading of headings) {
          assert.equal(await toggle(page, heading).getAttribute('aria-expanded'), 'false', `${heading} starts open on a phone`);
        }

        // The index opens 希望する勤務地 and moves the focus to it.
        await index.getByRole('link', { name: '希望する勤務地' }).click();
        const place = toggle(page, '希望する勤務地');
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-section-toggle') === 'profile-section-place');
        assert.equal(await place.getAttribute('aria-expanded'), 'true');
        await page.getByRole('group', { name: /^希望する都道府県/ }).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the profile form with one section open');

        // A required answer taken away in a section that is then folded: saving opens it again at the error.
        await page.setViewportSize(PHONE_390);
        await toggle(page, '資格と経験').click();
        const categories = page.getByRole('group', { name: /^職種/ });
        for (const box of await categories.getByRole('checkbox', { checked: true }).all()) {
          await box.uncheck();
        }
        await toggle(page, '資格と経験').click();
        assert.equal(await categories.isVisible(), false);
        await index.getByText('必須の項目が未入力').waitFor();
        await page.getByRole('button', { name: '保存する' }).click();
        await page.getByRole('alert').getByRole('link', { name: /職種/ }).waitFor();
        assert.equal(await toggle(page, '資格と経験').getAttribute('aria-expanded'), 'true');
        await categories.waitFor();
      },
      { viewport: PHONE_390 },
    ),
  );

  it('the application page starts short on a phone, with what needs doing open', { timeout: 120_000 }, async () => {
    const suffix = uniqueSuffix();
    const posting = await facility.call('POST', '/api/v1/postings', {
      status: 'published',
      title: `E2E区分け 看護師 ${suffix}`,
      category: 'nurse',
      employment: 'fixed_term',
      start_date: daysFromToday(30),
      period_months: 3,
      weekdays: ['mon', 'tue'],
      hours: '9:00-17:00',
      urgency: 'regular',
      positions: 1,
      duties: '病棟での看護業務です。',
      training_agreed: true,
      masked: false,
      workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1' },
      contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-sections@example.jp' },
    });
    postings.push(posting.id);
    const seeker = await apiSession(DEMO_SEEKER);
    try {
      const application = await seeker.call('POST', `/api/v1/postings/${posting.id}/applications`, {
        kind: 'application',
        consent: true,
        message: `E2E区分けの応募です。${suffix}`,
      });
      await facility.call('POST', `/api/v1/applications/${application.id}/interviews`, {
        slots: [`${daysFromToday(10)}T10:00+09:00`, `${daysFromToday(11)}T14:00+09:00`],
        duration_minutes: 30,
        online: true,
      });
      await withPage(
        browser,
        'sections-application',
        async (page) => {
          await logIn(page, DEMO_SEEKER);
          await page.goto(`/applications/${application.id}`);
          await expectHeading(page, posting.title);
          const index = page.getByRole('navigation', { name: 'このページの内容' });
          await index.getByText('日時の回答待ち 1件').waitFor();
          await index.getByText(/^いまの段階：(新規|面接調整)$/).waitFor();
          const height = await pageHeight(page);
          assert.ok(height < PHONE_HEIGHT_LIMIT, `the application page is ${height}px tall on a phone`);
          // What needs doing is open; the posting, the person and the history are a tap away.
          for (const heading of ['段階の変更', 'メッセージ', '面接']) {
            assert.equal(await toggle(page, heading).getAttribute('aria-expanded'), 'true', `${heading} starts folded`);
          }
          for (const heading of ['求人の概要', '求職者', '段階の履歴']) {
            assert.equal(await toggle(page, heading).getAttribute('aria-expanded'), 'false', `${heading} starts open on a phone`);
          }
          await index.getByRole('link', { name: '求人の概要' }).click();
          await page.waitForFunction(() => document.activeElement?.getAttribute('data-section-toggle') === 'application-posting');
          assert.equal(await toggle(page, '求人の概要').getAttribute('aria-expanded'), 'true');
          await page.getByRole('region', { name: '求人の概要', exact: true }).getByRole('link', { name: '求人詳細を開く' }).waitFor();
          await expectAccessibleAtWalkthroughWidths(page, 'the application page in sections');
        },
        { viewport: PHONE_390 },
      );
      // On a laptop every section starts open.
      await withPage(
        browser,
        'sections-application-wide',
        async (page) => {
          await logIn(page, DEMO_SEEKER);
          await page.goto(`/applications/${application.id}`);
          await expectHeading(page, posting.title);
          await page.getByRole('navigation', { name: 'このページの内容' }).waitFor();
          for (const heading of ['求人の概要', '求職者', '段階の変更', 'メッセージ', '面接', '段階の履歴']) {
            assert.equal(await toggle(page, heading).getAttribute('aria-expanded'), 'true', `${heading} starts folded on a laptop`);
          }
        },
        { viewport: LAPTOP_1366 },
      );
    } finally {
      await seeker.dispose();
    }
  });
});
