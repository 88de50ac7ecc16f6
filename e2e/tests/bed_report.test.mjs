// (12) A facility reports its beds. Impossible numbers (more vacant beds than
// permitted ones) come back from the server as `wards.N.vacant`, where N
// counts only the rows that were sent; the message must still appear at the
// right ward's input, in Japanese, with every typed value kept. The corrected
// report then heads the history, with its time and reporter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

/** The text of what an input is described by (its hint and error), as a screen reader reads it. */
async function describedText(page, input) {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('bed report', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('impossible numbers are refused at the right input; a valid report joins the history', { timeout: 120_000 }, () =>
    withPage(browser, 'bed-report', async (page) => {
      const note = `E2E報告 ${uniqueSuffix()}`;
      await logIn(page, 'fac-osaka-01');
      await page.getByRole('main').getByRole('link', { name: /^病床状況の報告/ }).click();
      await expectHeading(page, '病床状況の報告');

      // Rows in front of ICU: 一般病床 filled, 療養病床 … 結核病床 partly empty, so ICU is not wards.5 in the request.
      await page.getByLabel('一般病床の許可病床数', { exact: true }).fill('120');
      await page.getByLabel('一般病床の確保病床数', { exact: true }).fill('15');
      await page.getByLabel('一般病床の空床数', { exact: true }).fill('８');
      for (const ward of ['療養病床', '精神病床', '結核病床']) {
        for (const column of ['許可病床数', '確保病床数', '空床数']) {
          await page.getByLabel(`${ward}の${column}`, { exact: true }).fill('');
        }
      }
      await page.getByLabel('ICUの許可病床数', { exact: true }).fill('5');
      await page.getByLabel('ICUの確保病床数', { exact: true }).fill('1');
      await page.getByLabel('ICUの空床数', { exact: true }).fill('9');
      await page.getByRole('group', { name: '救急' }).getByLabel('条件付き').check();
      await field(page, '備考').fill(note);

      const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/beds/reports') && r.method() === 'POST');
      await page.getByRole('button', { name: '報告する' }).click();
      const sent = (await request).postDataJSON();
      const icuIndex = sent.wards.findIndex((ward) => ward.ward_type === 'icu');
      assert.ok(icuIndex >= 0 && icuIndex < 5, `ICU went as wards.${icuIndex}`);

      const icuVacant = page.getByLabel('ICUの空床数', { exact: true });
      // Wait for the server's answer to reach the input (not for focus, which a busy headless browser may
      // hand out late).
      await page.waitForFunction(() =>
        [...document.querySelectorAll('input')].some((i) => i.getAttribute('aria-invalid') === 'true'));
      assert.equal(await icuVacant.getAttribute('aria-invalid'), 'true');
      assert.match(await describedText(page, icuVacant), /「ICU」の空床数が許可病床数を超えています/);
      assert.equal(await page.getByLabel('一般病床の空床数', { exact: true }).getAttribute('aria-invalid'), null);
      // The summary names the problem too, as a link to the input.
      await page.getByRole('alert').getByRole('link', { name: /「ICU」の空床数が許可病床数を超えています/ }).waitFor();
      // Nothing typed was lost.
      assert.equal(await icuVacant.inputValue(), '9');
      assert.equal(await page.getByLabel('一般病床の許可病床数', { exact: true }).inputValue(), '120');
      assert.equal(await field(page, '備考').inputValue(), note);

      await icuVacant.fill('2');
      await page.getByRole('button', { name: '報告する' }).click();
      await page.getByText(/^報告しました（.+）。病床状況一覧に反映されています。$/).waitFor();
      assert.equal(await icuVacant.getAttribute('aria-invalid'), null);

      const history = page.getByRole('region', { name: '報告の履歴' });
      const newest = history.getByRole('listitem').first();
      await newest.getByText(note).waitFor();
      await newest.getByText('報告者：山本 翔（大阪市淀川区淀川記念病院）').waitFor();  // by name and organisation, never the login ID
      const icuRow = newest.getByRole('row', { name: /^ICU/ });
      assert.deepEqual(await icuRow.getByRole('cell').allTextContents(), ['5', '1', '2']);
      await newest.getByText('救急：条件付き').waitFor();
    }),
  );
});
