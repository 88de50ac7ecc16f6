// (14) A placement round (配属先選定) in the browser. Set up through the API as the centre (career-09) would have done
// on the round's pages: a round of its own (so the test can run again on the same demo), three positions — one at
// 宇都宮市ひばり記念病院 (fac-tochigi-01, on the platform), two at hospitals without an account — a cap of 1 on every
// 医師多数区域, and the ranks of four demo doctors. Then in the browser: the facility finds the round on its home,
// ranks the doctors who chose it (and sees nobody else); the centre previews and reads each doctor's reasons with
// names, raises the cap, previews again and sees what changed and who moved, and confirms with the meeting's
// minutes. The demo round is on the list too. Every page is checked with axe at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { launchBrowser, LAPTOP_1366, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const japanDate = (days) => new Date(Date.now() + 9 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
const thisYear = Number(japanDate(0).slice(0, 4));

describe('a placement round from the ranks to the confirmation (issue 14)', () => {
  let browser;
  const fx = {};
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    const suffix = uniqueSuffix();
    const centre = await apiSession('career-09');
    const hibari = await apiSession('fac-tochigi-01');
    const hibariOrg = (await hibari.call('GET', '/api/v1/me')).user.organisations[0].id;
    // Four demo doctors under obligation, with different names.
    const seen = new Set();
    fx.doctors = (await centre.call('GET', '/api/v1/career/doctors?status=obligation')).items
      .filter((d) => !seen.has(d.name) && seen.add(d.name))
      .slice(0, 4);
    assert.equal(fx.doctors.length, 4);
    fx.title = `E2E配属先選定${suffix}`;
    fx.south = `県南テスト病院${suffix}`;
    fx.north = `県北テスト病院${suffix}`;
    const round = await centre.call('POST', '/api/v1/placement/rounds', {
      year: thisYear + 2, title: fx.title, term_start: `${thisYear + 2}-04-01`, term_end: `${thisYear + 3}-03-31`,
      doctor_deadline: japanDate(10), facility_deadline: japanDate(20),
    });
    fx.round = round.id;
    const base = `/api/v1/placement/rounds/${round.id}`;
    const saved = await centre.call('PUT', `${base}/positions`, {
      positions: [
        { facility_id: hibariOrg, capacity: 1, target: 1 },
        { facility_name: fx.south, area_code: '0905', capacity: 2, target: 0 },
        { facility_name: fx.north, area_code: '0901', capacity: 2, target: 1 },
      ],
    });
    const [p1, p2, p3] = saved.positions.map((p) => p.id);
    await centre.call('PUT', `${base}/caps`, { caps: [{ designation: '医師多数区域', cap: 1 }] });
    const [d1, d2, d3, d4] = fx.doctors.map((d) => d.id);
    const lists = [[d1, [p1, p2]], [d2, [p1, p2]], [d3, [p2, p3]], [d4, [p2, p1, p3]]];
    for (const [doctor, positions] of lists)
      await centre.call('PUT', `${base}/doctors/${doctor}/ranks`, { position_ids: positions, interview_on: japanDate(-2) });
    // The hospitals without an account: the centre ranks for them.
    await centre.call('PUT', `${base}/positions/${p2}/ranks`, { doctor_ids: [d3, d1, d2, d4] });
    await centre.call('PUT', `${base}/positions/${p3}/ranks`, { doctor_ids: [d4, d3] });
    await centre.dispose();
    await hibari.dispose();
  });
  after(async () => {
    await browser?.close();
  });

  it('the facility ranks its applicants; the centre previews, raises a cap, reads the difference and confirms', { timeout: 240_000 }, async () => {
    const [d1, d2, d3, d4] = fx.doctors.map((d) => d.name);
    await withPage(browser, 'placement-round-facility', async (page) => {
      await logIn(page, 'fac-tochigi-01');
      await expectHeading(page, '医療機関ホーム');
      // The home shows the round to rank (only a facility with one sees this count).
      await page.getByRole('link', { name: /^志望した医師の順位づけ（配属先選定）/ }).click();
      await expectHeading(page, '配属先選定');
      await page.getByRole('link', { name: fx.title }).click();
      await expectHeading(page, fx.title);
      const section = page.getByRole('region', { name: '宇都宮市ひばり記念病院（定員1人）' });
      // The doctors who chose it, and nobody else.
      for (const name of [d1, d2, d4]) await section.getByText(name, { exact: true }).waitFor();
      assert.equal(await page.getByText(d3, { exact: true }).count(), 0, 'a doctor who did not choose it is not shown');
      assert.equal(await page.getByText(fx.south).count(), 0, 'no other position');
      await expectAccessibleAtWalkthroughWidths(page, 'facility ranking page');
      await section.getByRole('button', { name: `${d2}さんを順位に加える` }).click();
      await section.getByRole('button', { name: `${d1}さんを順位に加える` }).click();
      await section.getByRole('button', { name: `${d1}さんを上へ` }).click();
      await section.getByRole('button', { name: `${d2}さんを上へ` }).click();
      await section.getByRole('button', { name: '順位を保存する' }).click();
      await page.getByText('順位を保存しました。').waitFor();
      const ranked = section.getByRole('list', { name: '順位をつけた医師' }).getByRole('listitem');
      assert.match(await ranked.nth(0).textContent(), new RegExp(`^1位${d2}`));
      assert.match(await ranked.nth(1).textContent(), new RegExp(`^2位${d1}`));
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'placement-round-centre', async (page) => {
      await logIn(page, 'career-09');
      await expectHeading(page, '地域医療支援センターホーム');
      await page.getByRole('banner').getByRole('link', { name: '配属先選定', exact: true }).click();
      await expectHeading(page, '配属先選定');
      // The demo's open round is listed too.
      await page.getByRole('link', { name: new RegExp(`^${thisYear + 1}年度 義務年限医師の配属先選定$`) }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'rounds');
      await page.getByRole('link', { name: fx.title }).click();
      await expectHeading(page, fx.title);
      await field(page, 'ポジション2の医療機関名').waitFor();
      assert.equal(await field(page, 'ポジション2の医療機関名').inputValue(), fx.south);
      await expectAccessibleAtWalkthroughWidths(page, 'positions and caps');

      const steps = page.getByRole('navigation', { name: '選定の手順' });
      await steps.getByRole('link', { name: '志望順位' }).click();
      await page.getByRole('heading', { name: '医師の志望順位' }).waitFor();
      await page.getByText(/センターが面談で聴取して入力/).first().waitFor();
      // A doctor's list as heard in an interview: the form starts from the list kept, and saves it again.
      // (The demo registry has namesakes: the card is the one whose list names this round's hospitals.)
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: d4, exact: true }) }).filter({ hasText: fx.south });
      await card.getByRole('button', { name: `${d4}さんの志望順位を入力` }).click();
      const choice = card.getByRole('combobox', { name: '第1志望' });
      assert.match(await choice.locator('option:checked').textContent(), new RegExp(`^${fx.south}（県南）$`));
      await card.getByLabel('面談日').fill(japanDate(-1));
      await expectAccessibleAtWalkthroughWidths(page, 'ranks with a doctor\'s form open');
      await card.getByRole('button', { name: '志望順位を保存する' }).click();
      await page.getByText(`${d4}さんの志望順位を保存しました。`).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'ranks');

      await steps.getByRole('link', { name: 'プレビュー' }).click();
      await page.getByRole('button', { name: 'プレビューする', exact: true }).click();
      const doctors = page.getByRole('table', { name: '医師ごとの配属先と、上位の志望先に決まらなかった理由' });
      const row = (name) => doctors.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
      await row(d1).getByText('宇都宮市ひばり記念病院は定員に達し、あなたより上位の医師で埋まりました').waitFor();
      await row(d1).getByText('医師多数区域の上限に達しました').waitFor();
      await row(d1).getByText('配属なし').waitFor();
      await row(d4).getByText('宇都宮市ひばり記念病院の順位表にありません').waitFor();
      await row(d2).getByText('第1志望に決まりました。').waitFor();
      const caps = page.getByRole('table', { name: '地域の上限ごとの配属数' });
      await caps.getByRole('row').filter({ hasText: '医師多数区域' }).getByText('上限に達しました').waitFor();
      await page.getByText(`${fx.south}：空き1人（定員2人、目標0人、配属1人）`).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'first preview');

      // What-if: the cap of 医師多数区域 up to 2, and the difference from the first preview.
      await field(page, '「医師多数区域」の上限（人）').fill('2');
      await page.getByRole('button', { name: '上限を変えてプレビューする' }).click();
      const diff = page.getByRole('region', { name: '前回（第1回）からの変化' });
      await diff.getByText('「医師多数区域」の上限：1人 → 2人').waitFor();
      await diff.getByText(`${d1}さん：配属なし → ${fx.south}`).waitFor();
      await diff.getByText('配属された医師：3人 → 4人').waitFor();
      await row(d4).getByText(`${fx.south}は定員に達し、あなたより上位の医師で埋まりました`).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'preview with its difference');

      await steps.getByRole('link', { name: '確定と議事録' }).click();
      await page.getByText('4人中4人が配属（定員5人）').waitFor();
      await field(page, '会議の日付').fill(japanDate(0));
      await field(page, '議事録').fill('配属調整会議。医師多数区域の上限を2人として確定した。');
      await expectAccessibleAtWalkthroughWidths(page, 'confirm');
      await page.getByRole('button', { name: 'この結果で確定する' }).click();
      const dialog = page.getByRole('dialog', { name: '配属先を確定しますか' });
      await dialog.getByRole('button', { name: '確定する', exact: true }).click();
      await page.getByText('確定しました。').waitFor();
      const placed = page.getByRole('table', { name: '配属が決まった医師' });
      await placed.getByRole('row').filter({ hasText: d1 }).getByText(fx.south).waitFor();
      assert.equal(await placed.getByRole('row').count(), 5, 'a header and four doctors');
      await page.getByText('通知した医療機関：宇都宮市ひばり記念病院').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'confirmed round');
    }, { viewport: LAPTOP_1366 });

    await withPage(browser, 'placement-round-facility-result', async (page) => {
      await logIn(page, 'fac-tochigi-01');
      await page.goto(`/placement/rounds/${fx.round}`);
      await expectHeading(page, fx.title);
      const section = page.getByRole('region', { name: '宇都宮市ひばり記念病院（定員1人）' });
      await section.getByRole('heading', { name: '配属が決まった医師' }).waitFor();
      await section.getByRole('listitem').filter({ hasText: d2 }).first().waitFor();
    }, { viewport: LAPTOP_1366 });
  });
});
