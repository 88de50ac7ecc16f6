// (15) The work-environment centre in the browser. workenv-13 (the contractor's centre) starts from its home,
// where 「いまやること」 replaced the 準備中 tile and the counts are links; reads the day's list, the readiness grid
// (lights in words with due dates), the doctors at risk (codes, never names), the priority list with its reasons;
// opens a case, moves it on, and plans a visit for it. fac-tokyo-02 opens its own hospital page and uploads a
// month of hours: a file with a bad row is refused with the row's Japanese message, the corrected one is taken.
// The network's other kinds work through the demo too: the 都道府県 (workenv-13-pref) reads the doctors at risk,
// opens a case and plans its visit; the 労働局 (workenv-13-roukyoku) reads the readiness grid and the activity
// report; the アドバイザー (workenv-13-adviser) uploads a month for a hospital on its behalf and sees who is at risk.
// (Their meetings and minutes are in workenv_meetings.test.mjs.)
// Every page is checked with axe at 1366 and 390 px (and must fit the phone without sideways scrolling).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const HEADER = '医師コード,診療科,水準,時間外・休日労働時間,面接指導';

/** Last month in Japan, YYYY-MM: the demo's latest month of hours. */
function lastMonth() {
  const japan = new Date(Date.now() + 9 * 3600 * 1000);
  const d = new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('work-environment centre', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the centre works from its home through the grid, the at-risk doctors and the priority list', { timeout: 240_000 }, () =>
    withPage(browser, 'workenv-centre-pages', async (page) => {
      await logIn(page, 'workenv-13');
      await expectHeading(page, '勤務環境改善支援センターホーム');
      // The functions are links now (会議と議事録 too), and the counts lead to the pages.
      await page.getByRole('link', { name: /いまやること/ }).first().waitFor();
      await page.getByRole('link', { name: /時間外労働上限への対応状況/ }).first().waitFor();
      await page.getByRole('link', { name: /面接指導が済んでいない医師/ }).waitFor();

      await page.goto('/workenv');
      await expectHeading(page, '勤務環境改善支援センター いまやること');
      await page.getByRole('heading', { name: '優先訪問先の上位' }).waitFor();
      assert.match(await page.locator('main').innerText(), /年間の上限を超える見込みの医師が\d+人います/);
      await expectAccessibleAtWalkthroughWidths(page, 'いまやること');

      await page.goto('/workenv/hospitals');
      await expectHeading(page, '医療機関の準備状況');
      const grid = page.getByRole('region', { name: /医療機関ごとの準備状況/ });
      await grid.getByRole('link', { name: '八王子市みなみ野総合病院' }).waitFor();
      assert.ok((await grid.getByRole('row').count()) >= 31, 'thirty hospitals and the header');
      assert.match(await grid.innerText(), /要対応/);
      await expectAccessibleAtWalkthroughWidths(page, '準備状況');

      await page.goto('/workenv/at-risk');
      await expectHeading(page, '注意が必要な医師');
      await page.getByRole('table', { name: '注意が必要な医師' }).waitFor();
      const atRisk = await page.locator('main').innerText();
      assert.match(atRisk, /D0\d\d/);
      assert.match(atRisk, /面接指導が未実施/);
      await expectAccessibleAtWalkthroughWidths(page, '注意が必要な医師');

      await page.goto('/workenv/priorities');
      await expectHeading(page, '優先訪問先リスト');
      await page.getByText('1位', { exact: false }).first().waitFor();
      const first = page.getByRole('listitem').filter({ hasText: '1位' }).first();
      assert.match(await first.innerText(), /点/);
      assert.match(await page.locator('main').innerText(), /センターが優先度を引き上げました：院長交代で体制が変わるため/);
      await expectAccessibleAtWalkthroughWidths(page, '優先訪問先リスト');

      await page.goto('/workenv/report');
      await expectHeading(page, '活動実績');
      const reportTable = page.getByRole('table', { name: /年度の活動実績/ });
      await reportTable.getByRole('row', { name: /合計/ }).waitFor();
      assert.equal(await reportTable.getByRole('row').count(), 14, 'header, twelve months and the total');
      await page.getByRole('link', { name: 'CSV（Excel用）をダウンロード' }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '活動実績');

      // A hospital's page from the grid: readiness, hours of the latest month, the centre's adjustment.
      await page.goto('/workenv/hospitals');
      await page.getByRole('region', { name: /医療機関ごとの準備状況/ }).getByRole('link', { name: '八王子市みなみ野総合病院' }).click();
      await expectHeading(page, '八王子市みなみ野総合病院');
      await page.getByRole('heading', { name: '医師の勤務時間' }).waitFor();
      await page.getByText(/：医師 \d+人、月80時間以上/).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '医療機関のページ');
    }));

  it('the centre opens a case, moves it on and plans a visit for it', { timeout: 240_000 }, () =>
    withPage(browser, 'workenv-case-visit', async (page) => {
      const title = `宿日直許可の相談 ${uniqueSuffix()}`;
      await logIn(page, 'workenv-13');
      await page.goto('/workenv/cases');
      await expectHeading(page, '案件');
      await expectAccessibleAtWalkthroughWidths(page, '案件の一覧');
      // Without a hospital and a subject the server names both fields.
      await page.getByRole('button', { name: '受け付ける' }).click();
      await page.getByText('「医療機関」を入力してください。').or(page.getByText(/「医療機関」/)).first().waitFor();
      await field(page, '医療機関').selectOption({ label: '三鷹記念病院' });
      await field(page, '件名').fill(title);
      await page.getByRole('checkbox', { name: '宿日直' }).check();
      await page.getByRole('button', { name: '受け付ける' }).click();
      await expectHeading(page, title);
      await page.getByText('受付', { exact: true }).waitFor();
      await page.getByRole('button', { name: '対応中' }).click();
      await page.getByText('状態を「受付」から「対応中」にしました。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '案件');

      await page.getByRole('link', { name: 'この案件の訪問を予定する' }).click();
      await expectHeading(page, '訪問');
      await field(page, '訪問予定日').fill('2027-01-20');
      await field(page, '同行者・出席者（1行に1人：氏名と所属）').first().fill('小川 真由美（医療労務管理アドバイザー）\n佐藤 由紀（東京都 医療政策部）');
      await page.getByRole('button', { name: '予定する', exact: true }).click();
      await page.getByText('訪問を予定しました。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '訪問');
      await page.goto('/workenv/cases');
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByText('訪問予定').waitFor();
    }));

  it('a facility uploads its month: a bad row is refused with its message, the corrected file is taken', { timeout: 240_000 }, () =>
    withPage(browser, 'workenv-facility-upload', async (page) => {
      await logIn(page, 'fac-tokyo-02');
      await page.getByRole('link', { name: /勤務環境（医師の働き方改革）/ }).first().click();
      await expectHeading(page, '勤務環境（医師の働き方改革）');
      await page.getByText('八王子市みなみ野総合病院').first().waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '自院の勤務環境');

      await field(page, '対象月').fill(lastMonth());
      await page.getByLabel(/^CSVファイル/).setInputFiles({
        name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\nD001,救急科,B,105,未\n山田太郎,内科,A,20,\n`, 'utf8'),
      });
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByText(/3行目: 「医師コード」列: .*氏名は入れないでください/).waitFor();
      await page.getByText('CSVに誤りがあるため、この月の勤務時間を1件も登録しませんでした。各行のメッセージを確認してください。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '勤務時間の提出（誤りあり）');

      await page.getByLabel(/^CSVファイル/).setInputFiles({
        name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${HEADER}\nD001,救急科,B,105,未\nD002,内科,A,20,\n`, 'utf8'),
      });
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByText(`${lastMonth()}の勤務時間を2人分登録しました。`).waitFor();
      await page.getByText('前の提出を置き換えました（履歴に残っています）。').waitFor();
      await page.getByRole('table', { name: `医師ごとの勤務時間（${lastMonth()}）` }).getByText('面接指導が未実施').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '勤務時間の提出');
    }));

  it('the prefecture, the labour bureau and the adviser work through the demo too', { timeout: 300_000 }, async () => {
    // 都道府県: the doctors at risk, then a case of its own with the visit it joins.
    await withPage(browser, 'workenv-prefecture', async (page) => {
      const title = `評価受審の相談（都道府県） ${uniqueSuffix()}`;
      await logIn(page, 'workenv-13-pref');
      await expectHeading(page, '勤務環境改善支援センターホーム');
      await page.goto('/workenv/at-risk');
      await expectHeading(page, '注意が必要な医師');
      assert.match(await page.getByRole('table', { name: '注意が必要な医師' }).innerText(), /D0\d\d/);
      await page.goto('/workenv/cases');
      await field(page, '医療機関').selectOption({ label: '三鷹記念病院' });
      await field(page, '件名').fill(title);
      await page.getByRole('checkbox', { name: '評価受審' }).check();
      await page.getByRole('button', { name: '受け付ける' }).click();
      await expectHeading(page, title);
      await page.getByRole('link', { name: 'この案件の訪問を予定する' }).click();
      await expectHeading(page, '訪問');
      await field(page, '訪問予定日').fill('2027-02-10');
      await field(page, '同行者・出席者（1行に1人：氏名と所属）').first().fill('佐藤 由紀（東京都 医療政策部）\n小川 真由美（医療労務管理アドバイザー）');
      await page.getByRole('button', { name: '予定する', exact: true }).click();
      await page.getByText('訪問を予定しました。').waitFor();
    });

    // 労働局: the readiness grid and the activity report with its CSV.
    await withPage(browser, 'workenv-labour-bureau', async (page) => {
      await logIn(page, 'workenv-13-roukyoku');
      await page.goto('/workenv/hospitals');
      await expectHeading(page, '医療機関の準備状況');
      await page.getByRole('region', { name: /医療機関ごとの準備状況/ }).getByRole('link', { name: '三鷹記念病院' }).waitFor();
      await page.goto('/workenv/report');
      await expectHeading(page, '活動実績');
      await page.getByRole('table', { name: /年度の活動実績/ }).getByRole('row', { name: /合計/ }).waitFor();
      await page.getByRole('link', { name: 'CSV（Excel用）をダウンロード' }).waitFor();
    });

    // アドバイザー: a month of hours uploaded for the hospital, whose doctor over 100 h without 面接指導 is flagged.
    await withPage(browser, 'workenv-adviser', async (page) => {
      await logIn(page, 'workenv-13-adviser');
      await page.goto('/workenv/hospitals');
      await page.getByRole('region', { name: /医療機関ごとの準備状況/ }).getByRole('link', { name: '三鷹記念病院' }).click();
      await expectHeading(page, '三鷹記念病院');
      await field(page, '対象月').fill('2024-04');
      await page.getByLabel(/^CSVファイル/).setInputFiles({
        name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\nA901,救急科,B,120,未\nA902,内科,A,30,\n`, 'utf8'),
      });
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByText('2024-04の勤務時間を2人分登録しました。').waitFor();
      const table = page.getByRole('table', { name: '医師ごとの勤務時間（2024-04）' });
      await table.getByRole('row').filter({ hasText: 'A901' }).getByText('面接指導が未実施').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, '医療機関のページ（センターが提出）');
    });
  });
});
