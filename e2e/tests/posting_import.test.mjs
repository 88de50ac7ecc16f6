// (7) CSV registration: a file with one bad row registers nothing and lists
// that row's message (the management page's count stays the same); a clean
// file registers every row. The template offered for download is the
// server's: Windows-31J for Excel, with the Japanese header row.
// (Issue 11 item 11) A clerk's Excel file — Windows-31J, Japanese headers,
// 看護師 / 有期 / 千代田区 instead of codes — registers; an ambiguous
// municipality (府中市 without a prefecture) is refused naming the row and the
// column and suggesting 東京都府中市 / 広島県府中市; axe-clean at 1366px and 390px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { downloadedBytes, LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { daysFromToday, facilityPostingTotal, POSTING_CSV_HEADER, POSTING_CSV_HEADER_JA, postingCsvRow, windows31j } from '../lib/postings.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';

function csvFile(name, rows) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${[POSTING_CSV_HEADER, ...rows].join('\r\n')}\r\n`, 'utf8') };
}

describe('posting CSV import', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('refuses a file with a bad row, then registers a clean one', { timeout: 120_000 }, () =>
    // Another facility than the form test's, so the counts are not disturbed by it.
    withPage(browser, 'posting-import', async (page) => {
      const suffix = uniqueSuffix();
      await logIn(page, 'fac-tokyo-02');
      await page.goto('/facility/postings');
      await expectHeading(page, '募集の管理');
      const before = await facilityPostingTotal(page);

      await page.getByRole('link', { name: 'CSVで一括登録' }).click();
      await expectHeading(page, 'CSVで一括登録');

      // The template is the server's, in Windows-31J for Excel, with the Japanese header row.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /テンプレートをダウンロード/ }).click()]);
      const bytes = await downloadedBytes(download);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the template is not UTF-8');
      assert.equal(new TextDecoder('shift_jis', { fatal: true }).decode(bytes).split('\r\n')[0], POSTING_CSV_HEADER_JA);

      // Row 3 is a doctor without a specialty and without the masking column.
      await page.getByLabel(/^CSVファイル/).setInputFiles(
        csvFile('bad.csv', [
          postingCsvRow({ title: `E2E CSV 正常 ${suffix}` }),
          postingCsvRow({ title: `E2E CSV 誤り ${suffix}`, category: 'doctor', masked: '' }),
        ]),
      );
      await page.getByRole('button', { name: '登録する' }).click();
      const errors = page.getByRole('alert');
      await errors.getByText(/^3行目: /).waitFor();
      await errors.getByText(/1件も登録しませんでした|登録しませんでした/).waitFor();
      assert.equal(await errors.getByText(/^2行目: /).count(), 0);

      await page.getByRole('link', { name: '募集の管理に戻る' }).click();
      await expectHeading(page, '募集の管理');
      assert.equal(await facilityPostingTotal(page), before);
      assert.equal(await page.getByText(`E2E CSV 正常 ${suffix}`).count(), 0);

      await page.getByRole('link', { name: 'CSVで一括登録' }).click();
      await expectHeading(page, 'CSVで一括登録');
      await page.getByLabel(/^CSVファイル/).setInputFiles(
        csvFile('good.csv', [
          postingCsvRow({ title: `E2E CSV 1 ${suffix}`, duties: '1行目\n2行目、"引用"あり' }),
          postingCsvRow({ title: `E2E CSV 2 ${suffix}`, category: 'doctor', specialty: '内科', masked: '1', status: 'published' }),
        ]),
      );
      await page.getByRole('button', { name: '登録する' }).click();
      await page.getByText('2件を登録しました。').waitFor();
      await page.getByRole('link', { name: '募集の管理で確認する' }).click();
      await expectHeading(page, '募集の管理');
      // The list may first show the cached page while it refetches: wait for the new rows, then count.
      await page.getByRole('link', { name: `E2E CSV 1 ${suffix}` }).first().waitFor();
      await page.getByRole('link', { name: `E2E CSV 2 ${suffix}` }).first().waitFor();
      assert.equal(await facilityPostingTotal(page), before + 2);
    }),
  );

  it('registers a clerk\'s Excel file with Japanese names, and names the row and column of an ambiguous municipality', { timeout: 120_000 }, () =>
    withPage(
      browser,
      'posting-import-japanese',
      async (page) => {
        const suffix = uniqueSuffix();
        /** One row as a clerk types it in Excel, which saves it in Windows-31J. */
        const row = (title, cells = {}) => {
          const v = {
            title, category: '看護師', specialty: '', employment: '有期', start_date: daysFromToday(45).replaceAll('-', '/'), end_date: '',
            period_months: '2', weekdays: '月～金', hours: '9:00-17:00', full_time: 'はい', night_duty: 'いいえ', urgency: '常時',
            positions: '1', duties: '病棟での看護業務', requirements: '', pay: '', benefits: '', training_agreed: 'はい',
            postal_code: '100-0001', prefecture: '東京都', municipality: '千代田区', street: '千代田1-1', building: '', area: '',
            contact_name: '採用担当', contact_location: '', contact_phone: '03-1234-5678', contact_email: 'recruit@example.jp',
            masked: 'いいえ', status: '下書き', ...cells,
          };
          return Object.values(v).join(',');
        };
        const excelFile = (name, rows) => ({
          name, mimeType: 'text/csv', buffer: windows31j(`${[POSTING_CSV_HEADER_JA, ...rows].join('\r\n')}\r\n`),
        });

        await logIn(page, 'fac-tokyo-02');
        await page.goto('/facility/postings/import');
        await expectHeading(page, 'CSVで一括登録');
        await expectAccessibleAtWalkthroughWidths(page, 'the CSV import page');

        // 府中市 without a prefecture is two places: the row and the column are named, with what to write.
        await page.getByLabel(/^CSVファイル/).setInputFiles(
          excelFile('ambiguous.csv', [row(`E2E エクセル 千代田 ${suffix}`), row(`E2E エクセル 府中 ${suffix}`, { prefecture: '', municipality: '府中市' })]),
        );
        await page.getByRole('button', { name: '登録する' }).click();
        const errors = page.getByRole('alert');
        await errors.getByText(/^3行目: 「市区町村」列: 「府中市」は2か所あります（「東京都府中市」、「広島県府中市」）/).waitFor();
        assert.equal(await errors.getByText(/^2行目: /).count(), 0);
        await expectAccessibleAtWalkthroughWidths(page, 'the CSV import page with a refused row');

        // Written out as suggested, the file registers; the postings carry the codes the names stand for.
        await page.getByLabel(/^CSVファイル/).setInputFiles(
          excelFile('fixed.csv', [row(`E2E エクセル 千代田 ${suffix}`), row(`E2E エクセル 府中 ${suffix}`, { prefecture: '', municipality: '東京都府中市', postal_code: '183-0055', street: '府中町1-1' })]),
        );
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/v1/postings/import') && r.request().method() === 'POST'),
          page.getByRole('button', { name: '登録する' }).click(),
        ]);
        await page.getByText('2件を登録しました。').waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the CSV import page after registering');
        const mine = await Promise.all((await answer.json()).ids.map(async (id) => (await page.request.get(`/api/v1/postings/${id}`)).json()));
        assert.deepEqual(mine.map((p) => [p.category, p.employment, p.workplace.municipality]).sort(), [
          ['nurse', 'fixed_term', '131016'],
          ['nurse', 'fixed_term', '132063'],
        ]);
      },
      { viewport: LAPTOP_1366 },
    ),
  );
});
