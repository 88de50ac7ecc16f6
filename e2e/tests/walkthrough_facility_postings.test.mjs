// (11) Item 1 of the walkthrough: 「募集の管理」 fits its box at 1366px (編集 and 応募・問い合わせを見る
// never clipped, no hidden sideways scroll), becomes cards at 390px, and has a filter (状態, 職種,
// キーワード) and pages of 20. Two postings with a unique word are made through the API and closed at the end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { LAPTOP_1366, launchBrowser, PHONE_390, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths, expectNoHorizontalScroll } from '../lib/layout.mjs';
import { daysFromToday } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const FACILITY = 'fac-tokyo-01';

function postingBody(title, { status, category }) {
  return {
    status,
    title,
    category,
    employment: 'fixed_term',
    start_date: daysFromToday(40),
    period_months: 3,
    weekdays: ['mon', 'wed'],
    hours: '9:00-17:00',
    urgency: 'regular',
    positions: 1,
    duties: '外来での業務です。',
    training_agreed: true,
    masked: false,
    workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1' },
    contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-manage@example.jp' },
  };
}

/** Fails when an element sticks out of the box that holds it (clipped or behind a scroll). */
async function expectInside(inner, outer, what) {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  assert.ok(a !== null && b !== null, `${what} is not shown`);
  assert.ok(a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1, `${what} (${a.x}–${a.x + a.width}px) sticks out of its box (${b.x}–${b.x + b.width}px)`);
}

describe('「募集の管理」 fits, filters and pages (issue 11 item 1)', () => {
  let browser;
  let facility;
  const made = [];
  const tag = `E2E管理${uniqueSuffix()}`;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession(FACILITY);
    made.push(await facility.call('POST', '/api/v1/postings', postingBody(`${tag} 下書きの看護師`, { status: 'draft', category: 'nurse' })));
    made.push(await facility.call('POST', '/api/v1/postings', postingBody(`${tag} 公開中の薬剤師`, { status: 'published', category: 'pharmacist' })));
  });
  after(async () => {
    for (const posting of made) {
      await facility.call('PATCH', `/api/v1/postings/${posting.id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
    }
    await facility?.dispose();
    await browser?.close();
  });

  it('at 1366px the table fits its box with every action in view; at 390px the rows are cards', { timeout: 120_000 }, () =>
    withPage(
      browser,
      'facility-postings-fit',
      async (page) => {
        await logIn(page, FACILITY);
        await page.goto('/facility/postings');
        await expectHeading(page, '募集の管理');
        const table = page.getByRole('region', { name: '募集の一覧（横にスクロールできます）', exact: true });
        await table.getByRole('row').nth(1).waitFor();
        const overflow = await table.evaluate((element) => element.scrollWidth - element.clientWidth);
        assert.ok(overflow <= 0, `the table is ${overflow}px wider than its box at 1366px`);
        const rows = table.getByRole('row');
        const rowCount = await rows.count();
        assert.ok(rowCount >= 2 && rowCount <= 21, `the table shows ${rowCount - 1} rows (20 a page)`);
        for (let i = 1; i < Math.min(rowCount, 6); i += 1) {
          for (const name of [/^編集\s*：/, /^応募・問い合わせを見る\s*：/]) {
            const link = rows.nth(i).getByRole('link', { name });
            if ((await link.count()) > 0) {
              await expectInside(link, table, `row ${i}'s ${name}`);
            }
          }
        }
        await expectAccessibleAtWalkthroughWidths(page, '募集の管理');

        await page.setViewportSize(PHONE_390);
        const cards = page.getByRole('list', { name: '募集の一覧' });
        await cards.waitFor();
        assert.equal(await table.isVisible(), false, 'the wide table is still shown on a phone');
        const firstCard = cards.getByRole('listitem').first();
        await expectInside(firstCard.getByRole('link', { name: /^編集\s*：/ }).first(), firstCard, 'the first card’s 編集');
        await expectNoHorizontalScroll(page, '募集の管理 on a phone');
        // 20 cards at most: the page no longer runs to 20,000px on a phone.
        assert.ok((await cards.getByRole('listitem').count()) <= 20);
      },
      { viewport: LAPTOP_1366 },
    ),
  );

  it('filters by 状態, 職種 and キーワード, keeps the filter in the address, and pages', { timeout: 120_000 }, () =>
    withPage(
      browser,
      'facility-postings-filter',
      async (page) => {
        await logIn(page, FACILITY);
        await page.goto('/facility/postings');
        await expectHeading(page, '募集の管理');
        const filter = page.getByRole('search', { name: '募集の絞り込み' });
        await field(filter, 'キーワード').fill(tag);
        await field(filter, '状態').selectOption({ label: '下書き' });
        await filter.getByRole('button', { name: '絞り込む' }).click();
        await page.waitForURL((url) => url.searchParams.get('status') === 'draft' && url.searchParams.get('q') === tag);
        await page.getByText('条件に合う募集：1件').waitFor();
        const table = page.getByRole('region', { name: '募集の一覧（横にスクロールできます）', exact: true });
        await table.getByRole('link', { name: `${tag} 下書きの看護師`, exact: true }).waitFor();
        assert.equal(await table.getByRole('link', { name: `${tag} 公開中の薬剤師`, exact: true }).count(), 0);
        await expectAccessibleAtWalkthroughWidths(page, '募集の管理 filtered');

        // The category alone, after a reload: the filter comes back from the address.
        await page.goto(`/facility/postings?category=pharmacist&q=${encodeURIComponent(tag)}`);
        await page.getByText('条件に合う募集：1件').waitFor();
        await table.getByRole('link', { name: `${tag} 公開中の薬剤師`, exact: true }).waitFor();
        assert.equal(await field(page.getByRole('search'), 'キーワード').inputValue(), tag);
        await page.getByRole('button', { name: '条件をクリア' }).click();
        await page.waitForURL((url) => url.search === '');

        // Pages of 20: the demo facility has more than 20 postings.
        const pages = page.getByRole('navigation', { name: '募集の一覧のページ' });
        await pages.getByText(/^全\d+件中 1〜20件を表示$/).waitFor();
        await pages.getByRole('button', { name: '次のページ' }).click();
        await page.waitForURL((url) => url.searchParams.get('page') === '2');
        await pages.getByText(/^全\d+件中 21〜\d+件を表示$/).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, '募集の管理 page 2');
      },
      { viewport: LAPTOP_1366 },
    ),
  );
});
