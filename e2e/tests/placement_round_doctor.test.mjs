// (14) A placement round from the doctor's own account. Set up through the API as the centre (career-09): a round of
// its own (so the test can run again on the same demo) with three positions — 宇都宮市ひばり記念病院 (on the platform)
// and two hospitals without an account — and one other demo doctor's list heard in an interview. Then in the
// browser: the centre opens the round for ranking; the demo's linked doctor (ishi-09, 斎藤 拓也) finds it from their
// home, sees the positions (no other doctor), and saves their own list; the centre sees that the doctor entered it,
// previews and confirms, downloads nothing but sees the CSV link, and makes the follow-up round (二次選定) for the
// unmatched doctor and the unfilled seat; the doctor reads where they go and why the facility they put first did not
// take them. Every page is checked with axe at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { launchBrowser, LAPTOP_1366, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const japanDate = (days) => new Date(Date.now() + 9 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
const thisYear = Number(japanDate(0).slice(0, 4));
const DOCTOR = '斎藤 拓也';

describe("a placement round ranked from the doctor's own account (issue 14)", () => {
  let browser;
  const fx = {};
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    const suffix = uniqueSuffix();
    const centre = await apiSession('career-09');
    const hibari = await apiSession('fac-tochigi-01');
    const hibariOrg = (await hibari.call('GET', '/api/v1/me')).user.organisations[0].id;
    const others = (await centre.call('GET', '/api/v1/career/doctors?status=obligation')).items.filter((d) => d.name !== DOCTOR);
    fx.other = others[0];
    fx.third = others.find((d) => d.name !== fx.other.name);
    fx.title = `E2E本人入力の選定${suffix}`;
    fx.south = `県南本人テスト病院${suffix}`;
    fx.north = `県北本人テスト病院${suffix}`;
    const round = await centre.call('POST', '/api/v1/placement/rounds', {
      year: thisYear + 3, title: fx.title, term_start: `${thisYear + 3}-04-01`, term_end: `${thisYear + 4}-03-31`,
      doctor_deadline: japanDate(10), facility_deadline: japanDate(20),
    });
    fx.round = round.id;
    fx.base = `/api/v1/placement/rounds/${round.id}`;
    const saved = await centre.call('PUT', `${fx.base}/positions`, {
      positions: [
        { facility_id: hibariOrg, capacity: 1, target: 1 },
        { facility_name: fx.south, area_code: '0905', capacity: 1, target: 0 },
        { facility_name: fx.north, area_code: '0901', capacity: 1, target: 0 },
      ],
    });
    [fx.p1, fx.p2, fx.p3] = saved.positions.map((p) => p.id);
    // Another doctor, heard in an interview, wants 宇都宮市ひばり記念病院, which ranks only them.
    await centre.call('PUT', `${fx.base}/doctors/${fx.other.id}/ranks`, { position_ids: [fx.p1], interview_on: japanDate(-2) });
    // A third wants it too and is not ranked by it: left unmatched, for the follow-up round.
    await centre.call('PUT', `${fx.base}/doctors/${fx.third.id}/ranks`, { position_ids: [fx.p1], interview_on: japanDate(-2) });
    await centre.call('PUT', `${fx.base}/positions/${fx.p1}/ranks`, { doctor_ids: [fx.other.id] });
    await centre.dispose();
    await hibari.dispose();
  });
  after(async () => {
    await browser?.close();
  });

  it('the centre opens ranking, the doctor ranks, the centre confirms, the doctor reads the result', { timeout: 240_000 }, async () => {
    await withPage(browser, 'placement-doctor-open', async (page) => {
      await logIn(page, 'career-09');
      await page.goto(`/career/rounds/${fx.round}`);
      await expectHeading(page, fx.title);
      await expectAccessibleAtWalkthroughWidths(page, 'round before ranking opens');
      await page.getByRole('button', { name: '志望順位の入力を始める（医師と医療機関に通知）' }).click();
      await page.getByText(/^志望順位の入力を開始しました（/).waitFor();
      assert.equal(await page.getByRole('button', { name: /志望順位の入力を始める/ }).count(), 0);
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'placement-doctor-rank', async (page) => {
      await logIn(page, 'ishi-09@example.jp');
      // From the home's count to the list of rounds, then this round.
      await page.getByRole('link', { name: /^配属先選定の志望順位の入力/ }).click();
      await expectHeading(page, '配属先選定の志望順位');
      await expectAccessibleAtWalkthroughWidths(page, "the doctor's rounds");
      await page.getByRole('link', { name: fx.title }).click();
      await expectHeading(page, fx.title);
      for (const name of ['宇都宮市ひばり記念病院', fx.south, fx.north]) await page.getByText(name, { exact: true }).first().waitFor();
      assert.equal(await page.getByText(fx.other.name).count(), 0, 'no other doctor is shown');
      await expectAccessibleAtWalkthroughWidths(page, "the doctor's ranking page");
      await page.getByRole('button', { name: `${fx.north}を志望に加える` }).click();
      await page.getByRole('button', { name: '宇都宮市ひばり記念病院を志望に加える' }).click();
      await page.getByRole('button', { name: '宇都宮市ひばり記念病院を上へ' }).click();
      await page.getByRole('button', { name: '志望順位を保存する' }).click();
      await page.getByText('志望順位を保存しました。').waitFor();
      await page.getByText(/^いまの志望順位：本人が入力/).waitFor();
      const ranked = page.getByRole('list', { name: '志望する医療機関（希望の順）' }).getByRole('listitem');
      assert.match(await ranked.nth(0).textContent(), /^第1志望宇都宮市ひばり記念病院/);
      assert.match(await ranked.nth(1).textContent(), new RegExp(`^第2志望${fx.north}`));
      await expectAccessibleAtWalkthroughWidths(page, "the doctor's saved list");
    }, { viewport: LAPTOP_1366 });

    // The hospital without an account: the centre ranks for it.
    const centreApi = await apiSession('career-09');
    const ranks = await centreApi.call('GET', `${fx.base}/ranks`);
    fx.doctorId = ranks.doctors.find((d) => d.name === DOCTOR && d.entered?.kind === 'doctor').id;
    await centreApi.call('PUT', `${fx.base}/positions/${fx.p3}/ranks`, { doctor_ids: [fx.doctorId] });
    await centreApi.dispose();

    await withPage(browser, 'placement-doctor-confirm', async (page) => {
      await logIn(page, 'career-09');
      await page.goto(`/career/rounds/${fx.round}/ranks`);
      await page.getByRole('heading', { name: '医師の志望順位' }).waitFor();
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: DOCTOR, exact: true }) }).filter({ hasText: fx.north });
      await card.getByText(/本人が入力/).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, "ranks with the doctor's own list");
      const steps = page.getByRole('navigation', { name: '選定の手順' });
      await steps.getByRole('link', { name: 'プレビュー' }).click();
      await page.getByRole('button', { name: 'プレビューする', exact: true }).click();
      const doctors = page.getByRole('table', { name: '医師ごとの配属先と、上位の志望先に決まらなかった理由' });
      await doctors.getByRole('row').filter({ hasText: DOCTOR }).getByText('宇都宮市ひばり記念病院の順位表にありません').waitFor();
      await steps.getByRole('link', { name: '確定と議事録' }).click();
      await page.getByRole('button', { name: 'この結果で確定する' }).click();
      await page.getByRole('dialog', { name: '配属先を確定しますか' }).getByRole('button', { name: '確定する', exact: true }).click();
      await page.getByText('確定しました。').waitFor();
      // The result for Excel, and a follow-up round (二次選定) for the unmatched doctor and the unfilled seat.
      await page.getByRole('link', { name: '結果をCSVで出力（Excel用）' }).waitFor();
      const followUp = page.getByRole('region', { name: '二次選定を作成する' });
      await expectAccessibleAtWalkthroughWidths(page, 'confirmed round with its CSV and the follow-up form');
      await followUp.getByLabel('医師の志望順位の締切日').fill(japanDate(15));
      await followUp.getByLabel('医療機関の順位の締切日').fill(japanDate(25));
      await followUp.getByRole('button', { name: '二次選定を作成する' }).click();
      await expectHeading(page, `${fx.title}（二次選定）`);
      await page.getByRole('link', { name: `一次選定：${fx.title}` }).waitFor();
      await page.getByRole('button', { name: '志望順位の入力を始める（医師と医療機関に通知）' }).waitFor();
      assert.equal(await field(page, 'ポジション1の医療機関名').inputValue(), fx.south);
      await expectAccessibleAtWalkthroughWidths(page, 'the follow-up round');
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'placement-doctor-result', async (page) => {
      await logIn(page, 'ishi-09@example.jp');
      await page.goto(`/me/placement/rounds/${fx.round}`);
      await expectHeading(page, fx.title);
      const result = page.getByRole('region', { name: '選定の結果' });
      await result.getByText(`配属先：${fx.north}（県北） 第2志望です。`).waitFor();
      await result.getByText('宇都宮市ひばり記念病院の順位表にありません').waitFor();
      assert.equal(await page.getByText(fx.other.name).count(), 0, 'no other doctor is shown');
      assert.equal(await page.getByRole('button', { name: '志望順位を保存する' }).count(), 0, 'read-only once confirmed');
      await expectAccessibleAtWalkthroughWidths(page, "the doctor's result");
      // 「私のキャリアプラン」 leads here too.
      await page.goto('/me/career');
      await page.getByRole('link', { name: '配属先選定の志望順位を入力する' }).waitFor();
    }, { viewport: LAPTOP_1366 });
  });
});
