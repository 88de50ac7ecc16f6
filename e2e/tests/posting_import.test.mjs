// (7) CSV registration: a file with one bad row registers nothing and lists
// that row's message (the management page's count stays the same); a clean
// file registers every row. The template offered for download has exactly
// the header row the server expects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { facilityPostingTotal, POSTING_CSV_HEADER, postingCsvRow } from '../lib/postings.mjs';
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

      // The template's first row is the header the server wants.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /テンプレートをダウンロード/ }).click()]);
      const template = fs.readFileSync(await download.path(), 'utf8');
      assert.equal(template.replace(/^\uFEFF/, '').split('\r\n')[0], POSTING_CSV_HEADER);

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
});
