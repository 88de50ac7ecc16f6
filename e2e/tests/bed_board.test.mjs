// (10) The scenario: an aggregator (宇都宮市保健所) narrows the bed
// board to the secondary medical area 宇都宮, opens 宇都宮市ひばり記念病院,
// goes back to the same rows and downloads the CSV. The file must be
// Windows-31J (it decodes as Shift_JIS and is not valid UTF-8), start with
// the header row, and hold one record per matching facility.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { downloadedBytes, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

/** The records of a CSV text: a line break inside a quoted field does not end a record. */
function csvRecords(text) {
  const records = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      quoted = !quoted;
    }
    if (!quoted && char === '\r' && text[i + 1] === '\n') {
      records.push(current);
      current = '';
      i += 1;
      continue;
    }
    current += char;
  }
  if (current !== '') {
    records.push(current);
  }
  return records;
}

/** The board's 「N件中 X–Y件」 line, read as numbers. */
async function boardCount(page) {
  const line = page.getByText(/^\d+件中 \d+–\d+件$|^0件$/);
  await line.waitFor();
  const text = (await line.textContent()).trim();
  const match = /^(\d+)件中 (\d+)–(\d+)件$/.exec(text);
  return match === null ? { total: 0, from: 0, to: 0 } : { total: Number(match[1]), from: Number(match[2]), to: Number(match[3]) };
}

describe('regional bed board', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('an aggregator filters by 二次医療圏, opens a facility, goes back and downloads the Shift_JIS CSV', { timeout: 120_000 }, () =>
    withPage(browser, 'bed-board-aggregator', async (page) => {
      await logIn(page, 'agg-tochigi');
      await expectHeading(page, 'とりまとめ団体ホーム');
      // The aggregator manages no postings: its home offers none of the posting-management pages.
      const main = page.getByRole('main');
      for (const name of ['募集の管理', '新しい募集', 'CSV一括登録']) {
        assert.equal(await main.getByRole('link', { name }).count(), 0, `the aggregator's home links to 「${name}」`);
      }
      assert.equal(await page.locator('a[href^="/facility/"]').count(), 0);

      await main.getByRole('link', { name: /^病床状況一覧/ }).click();
      await expectHeading(page, '病床状況一覧');
      // The server keeps an aggregator to its prefecture, so there is no prefecture to choose.
      assert.equal(await page.getByLabel('都道府県').count(), 0);
      const all = await boardCount(page);
      assert.ok(all.total >= 2, `the aggregator of 栃木県 sees ${all.total} facilities`);

      await page.getByLabel('二次医療圏').selectOption({ label: '宇都宮' });
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL((url) => url.searchParams.get('area') === '0903');
      await page.getByText(/^1件中 1–1件$/).waitFor();
      const table = page.getByRole('region', { name: /病床状況一覧/ });
      assert.equal(await table.getByRole('link', { name: '日光市いろは診療所' }).count(), 0, 'a facility of 県西 is still listed');
      const rowsOnScreen = await boardCount(page);

      await table.getByRole('link', { name: '宇都宮市ひばり記念病院' }).click();
      await expectHeading(page, '宇都宮市ひばり記念病院');
      await page.getByRole('heading', { name: '最新の報告' }).waitFor();
      await page.getByRole('table', { name: '最新の報告の病棟別の病床数' }).getByRole('rowheader', { name: '一般病床' }).waitFor();
      await page.getByRole('heading', { name: 'これまでの報告' }).waitFor();
      // Under the latest report, the earlier ones, or a sentence that reads right (not 「報告はまだありません」).
      const earlier = page.getByRole('region', { name: 'これまでの報告' });
      assert.equal(await page.getByText('報告はまだありません。', { exact: true }).count(), 0, 'a reported facility says it has no reports');
      if ((await earlier.getByRole('listitem').count()) === 0) {
        await earlier.getByText('最新の報告より前の報告はありません。', { exact: true }).waitFor();
      }
      await expectAccessibleAtWalkthroughWidths(page, 'a facility’s bed details with its history (issue 11 item 12)');

      await page.goBack();
      await expectHeading(page, '病床状況一覧');
      assert.equal(new URL(page.url()).searchParams.get('area'), '0903');
      assert.equal(await page.getByLabel('二次医療圏').inputValue(), '0903');
      await page.getByText(/^1件中 1–1件$/).waitFor();

      const csvLink = page.getByRole('link', { name: 'CSVダウンロード（詳細のみ）' });
      const href = new URL(await csvLink.getAttribute('href'), page.url());
      assert.equal(href.pathname, '/api/v1/beds/board.csv');
      assert.equal(href.searchParams.get('area'), '0903');
      const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      const bytes = await downloadedBytes(download);
      assert.match(download.suggestedFilename(), /\.csv$/);

      const text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), TypeError, 'the CSV decodes as UTF-8, so it is not Windows-31J');
      const records = csvRecords(text);
      assert.ok(records[0].startsWith('医療機関名,'), `the header row is ${records[0].slice(0, 40)}…`);
      assert.equal(records.length - 1, rowsOnScreen.total, 'one CSV record per facility on the board');
      assert.ok(records[1].startsWith('宇都宮市ひばり記念病院,栃木県,宇都宮,'), records[1]);
    }),
  );

  it('the whole board’s CSV has every row of the board', { timeout: 60_000 }, () =>
    withPage(browser, 'bed-board-secretariat', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.goto('/beds');
      await expectHeading(page, '病床状況一覧');
      // The secretariat chooses any prefecture.
      await page.getByLabel('都道府県').waitFor();
      const { total } = await boardCount(page);
      const response = await page.request.get(await page.getByRole('link', { name: 'CSVダウンロード（詳細のみ）' }).getAttribute('href'));
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /shift_jis/i);
      const records = csvRecords(new TextDecoder('shift_jis', { fatal: true }).decode(await response.body()));
      assert.equal(records.length - 1, total);
    }),
  );
});
