// (13) The career centre in the browser: career-09 (栃木県地域医療支援センター) opens its functions from the home,
// creates a programme with the guideline's rules, registers a doctor on it, builds a plan that breaks rules and
// sees why before saving (the live check), saves it as a draft, fixes it, saves the 案, sends it for confirmation
// and approves it; the ledger shows each rule's state, and the queue the plan awaiting confirmation meanwhile.
// Every page is checked with axe at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, LAPTOP_1366, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));

describe('the career centre works through a programme, a doctor and a plan (issue 13)', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('creates a programme, registers a doctor, sees a plan break rules, fixes and approves it', async () => {
    await withPage(browser, 'careers', async (page) => {
      const suffix = uniqueSuffix();
      const programme = `総合内科プログラム${suffix}`;
      const doctor = `栃木 一郎${suffix}`;
      await logIn(page, 'career-09');
      await expectHeading(page, '地域医療支援センターホーム');
      // The functions that were 準備中 are links now.
      await page.getByRole('link', { name: /キャリア形成プログラム/ }).click();
      await expectHeading(page, 'キャリア形成プログラム');

      await field(page, 'プログラム名').fill(programme);
      await page.getByRole('button', { name: '作成する' }).click();
      await page.getByText(`「${programme}」を作成しました。`).waitFor();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(programme) }) });
      await card.getByText('医師少数区域等での勤務 4年（48か月）以上').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'programmes');

      // A wrong rule is refused naming it.
      await field(page, 'プログラム名').fill(`誤りのあるプログラム${suffix}`);
      await field(page, 'ルール2の月数').fill('0');
      await page.getByRole('button', { name: '作成する' }).click();
      await page.getByText(/ルール2件目：ルール「医師少数区域等での勤務」の月数は1から600まで/).waitFor();

      await page.getByRole('navigation', { name: 'キャリア支援ホーム' }).getByRole('link', { name: '医師名簿' }).click();
      await expectHeading(page, '義務年限医師の名簿');
      await field(page, '氏名').fill(doctor);
      await field(page, '区分').selectOption({ label: '地域枠（県の修学資金あり）' });
      await field(page, '出身大学').fill('自治医科大学');
      await field(page, '卒業年').fill(String(thisYear));
      await field(page, 'プログラム').locator('option', { hasText: programme }).waitFor({ state: 'attached' });
      await field(page, 'プログラム').selectOption({ label: programme });
      await expectAccessibleAtWalkthroughWidths(page, 'registry');
      await page.getByRole('button', { name: '登録する' }).click();
      await expectHeading(page, doctor);

      // Two assignments: 専門研修 at the university, then six months in 県北 — too short everywhere.
      await field(page, '勤務1の種類').selectOption({ label: '専門研修' });
      await field(page, '勤務1の医療機関').fill('自治医科大学附属病院');
      await field(page, '勤務1の開始日').fill(`${thisYear}-04-01`);
      await field(page, '勤務1の終了日').fill(`${thisYear + 3}-03-31`);
      await page.getByRole('button', { name: '勤務を追加' }).click();
      await field(page, '勤務2の医療機関').fill('那須南病院');
      await field(page, '勤務2の二次医療圏').locator('option', { hasText: '県北（医師少数区域）' }).waitFor({ state: 'attached' });
      await field(page, '勤務2の二次医療圏').selectOption({ label: '県北（医師少数区域）' });
      await field(page, '勤務2の開始日').fill(`${thisYear + 3}-04-01`);
      await field(page, '勤務2の終了日').fill(`${thisYear + 3}-09-30`);
      const check = page.getByRole('region', { name: 'ルールの確認' });
      await check.getByText(/^違反が\d+件あります。保存すると下書きになります。$/).waitFor();
      await check.getByText(`那須南病院での勤務が6か月です（${thisYear + 3}年4月〜${thisYear + 3}年9月、1医療機関12か月以上）。`).waitFor();
      await check.getByText(/^医師少数区域での勤務が48か月に対して0か月です（残り48か月、期限\d{4}年3月）。計画では期限までに6か月で、42か月足りません。$/).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'plan with violations');
      await page.getByRole('button', { name: '計画を保存する' }).click();
      await page.getByText('違反があるため下書きとして保存しました。').waitFor();
      assert.equal(await page.getByRole('button', { name: '本人確認に回す' }).count(), 0);

      // Fixed: six years in 県北.
      await field(page, '勤務2の終了日').fill(`${thisYear + 9}-03-31`);
      await check.getByText('違反はありません。保存すると計画案になります。').waitFor();
      await page.getByRole('button', { name: '計画を保存する' }).click();
      await page.getByRole('button', { name: '本人確認に回す' }).click();

      // Meanwhile the queue lists the plan awaiting confirmation.
      await page.goto('/career');
      await expectHeading(page, 'キャリア支援ホーム');
      await page.getByRole('region', { name: '本人確認を待っている計画' }).getByRole('link', { name: doctor }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'queue');
      await page.getByRole('region', { name: '本人確認を待っている計画' }).getByRole('link', { name: doctor }).click();
      await expectHeading(page, doctor);
      await page.getByRole('button', { name: '承認する' }).click();
      await page.getByText(/状態：承認済み/).waitFor();

      // The ledger: each rule with its state, the months as runs.
      const ledger = page.getByRole('region', { name: '義務履行の台帳' });
      await ledger.getByRole('cell', { name: /^医師少数区域での勤務が48か月に対して0か月です（残り48か月、期限\d{4}年3月）。計画どおりなら期限までに満たします。$/ }).waitFor();
      await ledger.getByRole('cell', { name: /^那須南病院$/ }).first().waitFor();
      await page.getByText(/第\d+版 承認済み：承認しました（吉田 修（栃木県地域医療支援センター）/).waitFor();
      // An interview record, the centre's own.
      const interviews = page.getByRole('region', { name: '面談記録' });
      await interviews.getByLabel(/^面談日/).fill(`${thisYear}-05-10`);
      await interviews.getByLabel(/^記録/).fill('県北での勤務の希望を確認。');
      await interviews.getByRole('button', { name: '記録を追加する' }).click();
      await interviews.getByText('県北での勤務の希望を確認。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'doctor record, plan, ledger and interviews');

      // The statistics: the demo's doctors by cohort, kind and area, each table as CSV for Excel.
      await page.getByRole('navigation', { name: 'キャリア支援ホーム' }).getByRole('link', { name: '統計' }).click();
      await expectHeading(page, '統計');
      const cohort = page.getByRole('region', { name: '卒業年別（満了率・離脱率）' });
      await cohort.getByRole('columnheader', { name: '離脱率' }).waitFor();
      await cohort.getByRole('cell', { name: String(thisYear), exact: true }).waitFor();
      const download = page.waitForEvent('download');
      await cohort.getByRole('link', { name: 'この表をCSVでダウンロード（Excel用）' }).click();
      assert.match((await download).suggestedFilename(), /\.csv$/);
      // Months in the shortage areas against each programme's target; and a chart (ECharts, SVG) next to each table.
      const shortage = page.getByRole('region', { name: '医師少数区域での勤務月数（プログラム×二次医療圏）' });
      await shortage.getByRole('columnheader', { name: '目標月数' }).waitFor();
      await shortage.getByRole('cell', { name: '県北', exact: true }).first().waitFor();
      for (const name of ['卒業年別の満了率と離脱率のグラフ', 'プログラム別の医師少数区域での勤務月数と目標月数のグラフ', '希望診療科別・状況別の人数のグラフ']) {
        const chart = page.getByRole('img', { name: new RegExp(`^${name}`) });
        await chart.locator('svg').first().waitFor();
        assert.ok((await chart.locator('svg path, svg rect').count()) > 0, `${name} draws bars`);
      }
      await expectAccessibleAtWalkthroughWidths(page, 'statistics');
    }, { viewport: LAPTOP_1366 });
  });

  // 募集の依頼: the centre has no posting rights; from the half year without assignment in 中村 舞's plan it asks
  // 日光市いろは診療所 (a platform facility in 県西, a 医師少数区域) to recruit. The facility never sees the doctor;
  // it makes the request a draft posting of its own, completes and publishes it; the centre sees 求人化済み.
  it('sends a recruit request from a plan gap; the facility makes it a posting and publishes it', async () => {
    const note = `県西の外来を担える方を${uniqueSuffix()}`;
    let doctorUrl;
    await withPage(browser, 'careers-recruit-centre', async (page) => {
      await logIn(page, 'career-09');
      await page.goto('/career/doctors');
      // Two demo doctors share the name: 中村 舞 who graduated five years ago has the gap.
      await page.getByRole('row').filter({ hasText: '中村 舞' }).filter({ hasText: String(thisYear - 5) }).getByRole('link', { name: '中村 舞' }).click();
      await expectHeading(page, '中村 舞');
      doctorUrl = new URL(page.url()).pathname;
      const recruit = page.getByRole('region', { name: '募集の依頼' });
      await recruit.getByLabel(/^空き枠/).locator('option', { hasText: '勤務計画のない期間' }).waitFor({ state: 'attached' });
      await recruit.getByLabel(/^空き枠/).selectOption({ label: `勤務計画のない期間：${thisYear + 2}年4月1日(${weekday(thisYear + 2, 4, 1)})〜${thisYear + 2}年9月30日(${weekday(thisYear + 2, 9, 30)})` });
      assert.equal(await recruit.getByLabel(/^募集期間の開始日/).inputValue(), `${thisYear + 2}-04-01`);
      await recruit.getByLabel(/^依頼先の医療機関/).selectOption({ label: '日光市いろは診療所・県西・医師少数区域' });
      await recruit.getByLabel(/^依頼の内容/).fill(note);
      await expectAccessibleAtWalkthroughWidths(page, 'recruit request form');
      await recruit.getByRole('button', { name: '募集の依頼を送る' }).click();
      await recruit.getByText('日光市いろは診療所に募集の依頼を送りました。').waitFor();
      await recruit.getByRole('listitem').filter({ hasText: '日光市いろは診療所' }).getByText('送付済み').first().waitFor();
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'careers-recruit-facility', async (page) => {
      await logIn(page, 'fac-tochigi-02');
      await page.getByRole('link', { name: /^募集の依頼/ }).first().click();
      await expectHeading(page, '地域医療支援センターからの募集の依頼');
      const card = page.getByRole('listitem').filter({ hasText: note });
      await card.getByRole('heading', { name: /栃木県地域医療支援センターからの依頼/ }).waitFor();
      assert.equal(await page.getByText('中村 舞').count(), 0, 'the facility never sees the doctor');
      await expectAccessibleAtWalkthroughWidths(page, 'facility recruit requests');
      await card.getByRole('button', { name: '求人の下書きを作成' }).click();
      await page.waitForURL(/\/facility\/postings\/[^/]+\/edit$/);
      const editPath = new URL(page.url()).pathname;
      assert.equal(await field(page, '勤務開始日').inputValue(), `${thisYear + 2}-04-01`);
      assert.match(await field(page, '業務内容').inputValue(), new RegExp(note));
      // What 公開 needs beyond the request: the training consent and a telephone number.
      await field(page, '研修受講を採用条件とすることに同意する').check();
      await field(page, '電話番号').fill('0288-00-0000');
      if ((await field(page, '郵便番号').inputValue()) === '') await field(page, '郵便番号').fill('3211272');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByText(/^保存しました（第2版）/).waitFor();
      // Published from the management list like any other posting (who will be told, then the question).
      await page.getByRole('link', { name: '募集の管理に戻る' }).click();
      await expectHeading(page, '募集の管理');
      const row = page.getByRole('row').filter({ has: page.locator(`a[href="${editPath}"]`) });
      await row.getByRole('button', { name: /^公開する/ }).click();
      await page.getByRole('dialog', { name: /を公開しますか？$/ }).getByRole('button', { name: '公開する', exact: true }).click();
      await row.getByText('公開中', { exact: true }).waitFor();
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'careers-recruit-centre-after', async (page) => {
      await logIn(page, 'career-09');
      await page.goto(doctorUrl);
      const recruit = page.getByRole('region', { name: '募集の依頼' });
      await recruit.getByRole('listitem').filter({ hasText: '日光市いろは診療所' }).getByText('求人化済み').first().waitFor();
    }, { viewport: LAPTOP_1366 });
  });
});

/** The weekday the app writes after a date: 月, 火, … */
function weekday(year, month, day) {
  return '日月火水木金土'[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}
