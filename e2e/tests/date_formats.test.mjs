// (Issue 11 item 10) One way to write a date and one to write a date and time, wherever a person reads them:
// 「2027年1月26日(火)」 and 「2027年1月26日(火) 14:05」 in Japan time. Checked on two pages at 1366px and 390px
// (axe-clean): a posting's page (勤務開始日 / 勤務終了日 and 公開日時 / 更新日時) and an application's page as the
// seeker (the posting's 勤務開始日 and 受付日時). The expected text is worked out here with Intl in Asia/Tokyo,
// independently of the app's formatter. The posting (fac-tokyo-01) is closed again at the end; each run adds one
// inquiry of seeker3298 to it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { LAPTOP_1366, launchBrowser, PHONE_390, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';
import { daysFromToday } from '../lib/postings.mjs';

const SEEKER = 'seeker3298@demo.kakehashi.example';
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\)$/;
const DATE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\) \d{2}:\d{2}$/;

/** The parts of an instant on the wall clock in Japan. */
function tokyoParts(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  const weekday = { Sun: '日', Mon: '月', Tue: '火', Wed: '水', Thu: '木', Fri: '金', Sat: '土' }[parts.weekday];
  return { ...parts, weekday };
}
/** 「2027年1月26日(火)」 of a calendar date YYYY-MM-DD (noon in Japan: the same day in any zone). */
function expectedDate(isoDate) {
  const p = tokyoParts(new Date(`${isoDate}T12:00:00+09:00`));
  return `${p.year}年${p.month}月${p.day}日(${p.weekday})`;
}
/** 「2027年1月26日(火) 14:05」 of an instant. */
function expectedDateTime(isoInstant) {
  const p = tokyoParts(new Date(isoInstant));
  return `${p.year}年${p.month}月${p.day}日(${p.weekday}) ${p.hour}:${p.minute}`;
}

/** The value next to a label of a description list (<dt>label</dt><dd>value</dd>). */
async function valueOf(page, label) {
  const dd = page.locator('dt', { hasText: new RegExp(`^${label}$`) }).first().locator('xpath=following-sibling::dd[1]');
  return (await dd.textContent()).trim();
}

describe('dates and date-times (issue 11)', () => {
  let browser;
  let facility;
  let posting;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession('fac-tokyo-01');
  });
  after(async () => {
    if (posting) await facility.call('PATCH', `/api/v1/postings/${posting.id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
    await facility?.dispose();
    await browser?.close();
  });

  it('a posting and an application write dates and date-times one way, at 1366px and 390px', { timeout: 120_000 }, async () => {
    posting = await facility.call('POST', '/api/v1/postings', {
      status: 'published', title: `E2E 日付の書き方 ${uniqueSuffix()}`, category: 'nurse', employment: 'fixed_term',
      start_date: daysFromToday(50), end_date: daysFromToday(80), urgency: 'regular', positions: 1, duties: '病棟での看護業務です。',
      training_agreed: true, masked: false,
      workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1' },
      contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-dates@example.jp' },
    });
    const seeker = await apiSession(SEEKER);
    const application = await seeker.call('POST', `/api/v1/postings/${posting.id}/applications`, { kind: 'inquiry', message: '日付の確認です。' });
    await seeker.dispose();

    await withPage(
      browser,
      'date-formats-posting',
      async (page) => {
        await page.goto(`/postings/${posting.id}`);
        await expectHeading(page, posting.title);
        for (const viewport of [LAPTOP_1366, PHONE_390]) {
          await page.setViewportSize(viewport);
          const start = await valueOf(page, '勤務開始日');
          assert.match(start, DATE);
          assert.equal(start, expectedDate(posting.start_date));
          assert.equal(await valueOf(page, '勤務終了日'), expectedDate(posting.end_date));
          const published = await valueOf(page, '公開日時');
          assert.match(published, DATE_TIME);
          assert.equal(published, expectedDateTime(posting.published_at));
          assert.equal(await valueOf(page, '更新日時'), expectedDateTime(posting.updated_at));
        }
        await expectAccessibleAtWalkthroughWidths(page, 'a posting with its dates');
      },
      { viewport: LAPTOP_1366 },
    );

    await withPage(
      browser,
      'date-formats-application',
      async (page) => {
        await logIn(page, SEEKER);
        await page.goto(`/applications/${application.id}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        for (const viewport of [LAPTOP_1366, PHONE_390]) {
          await page.setViewportSize(viewport);
          assert.equal(await valueOf(page, '勤務開始日'), expectedDate(posting.start_date));
          const received = await valueOf(page, '受付日時');
          assert.match(received, DATE_TIME);
          assert.equal(received, expectedDateTime(application.created_at));
        }
        await expectAccessibleAtWalkthroughWidths(page, 'an application with its dates');
      },
      { viewport: LAPTOP_1366 },
    );
  });
});
