// (9) The issue's scenario: a seeker who keeps 「おすすめ求人」 open hears of
// a matching urgent posting the moment a facility publishes it: a toast and a
// higher count on the bell, without a reload. Neither the notice, the
// notification page nor the mail shows anything the posting's masking
// withholds. The facility sees the seeker among the posting's candidates
// only by a handle of its own (not the seeker's own reference), never by name
// or address. The test finds that card by a combination of conditions only
// this run's seeker has (a long experience, a start date and a longest period
// drawn at random), since the seeker cannot know the facility's handle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths } from '../lib/layout.mjs';
import { bell, bellCount, settledBellCount, toast, waitForBellCount, waitForMailContaining } from '../lib/notifications.mjs';
import { choice, daysFromToday, fillPostingForm, publishFromForm } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';

const FACILITY_NAME = '千代田区神田さくら病院';
const PRIVACY_NOTE = '氏名・連絡先などはマッチング成立まで表示されません';

/**
 * Every candidate of the posting whose conditions are `marks` (experience_years, available_from,
 * period_months_max), with the page of the list (20 a page, like the UI) that holds it, and every handle
 * listed, asked through the facility's own session.
 */
async function candidatesMarked(page, postingId, marks) {
  const found = [];
  const handles = new Set();
  for (let number = 1; number <= 500; number += 1) {
    const response = await page.request.get(`/api/v1/postings/${postingId}/matches?page=${number}&per_page=20`);
    assert.equal(response.status(), 200, `candidates answered ${response.status()}`);
    const { items } = await response.json();
    for (const { candidate } of items) {
      handles.add(candidate.handle);
      if (Object.entries(marks).every(([key, value]) => candidate[key] === value)) {
        found.push({ handle: candidate.handle, pageNumber: number });
      }
    }
    if (items.length < 20) {
      break;
    }
  }
  return { found, handles };
}

/** A whole number from `min` to `max`. */
function randomBetween(min, max) {
  return min + Math.floor(Math.random() * (max - min + 1));
}

describe('matching notifications', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('tells a seeker on おすすめ求人 of a matching urgent posting at once, anonymously both ways', { timeout: 300_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so there is no sent-mail page to read the verification link from');
      return;
    }
    const suffix = uniqueSuffix();
    const digits = String(Date.now()).slice(-8);
    const posting = {
      title: `E2E急募マッチ看護師 ${suffix}`,
      category: '看護師',
      employment: '有期',
      urgency: '急募',
      positions: 1,
      startDate: daysFromToday(21),
      periodMonths: 3,
      weekdays: ['月', '水'],
      hours: '8:30-17:15',
      duties: '病棟での看護業務です。',
      postalCode: '1000001',
      expectedPrefecture: '13',
      expectedMunicipality: '131016',
      expectedTown: '千代田',
      street: `千代田${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`,
      building: `E2E通知秘密ビル${suffix}`,
      contactName: `E2E通知担当${suffix}`,
      contactLocation: `E2E通知看護部${suffix}`,
      phone: `03-${digits.slice(0, 4)}-${digits.slice(4)}`,
      email: `e2e-match-${suffix}@example.jp`,
      masked: true,
    };
    // Demo seekers have less than 30 years of experience; together, these three mark this run's seeker.
    const marks = { experience_years: randomBetween(31, 60), available_from: daysFromToday(randomBetween(1, 20)), period_months_max: randomBetween(3, 60) };
    const hiddenValues = [FACILITY_NAME, posting.street, posting.building, posting.contactName, posting.contactLocation, posting.phone, posting.email];
    const expectNoHiddenValue = (text, where) => {
      for (const value of hiddenValues) {
        assert.ok(!text.includes(value), `${where} contains the withheld value ${value}`);
      }
    };

    await withPage(browser, 'match-notifications-seeker', async (seekerPage) => {
      // A new seeker: おすすめ求人 first points to 希望条件, which they save.
      const seeker = await registerVerifiedSeeker(seekerPage, `E2E通知 ${suffix}`);
      await seekerPage.getByRole('main').getByRole('link', { name: /^おすすめ求人/ }).click();
      await expectHeading(seekerPage, 'おすすめ求人');
      await seekerPage.getByText('希望条件がまだ登録されていません').waitFor();
      await expectNoAxeViolations(seekerPage, 'おすすめ求人 without conditions');
      await seekerPage.getByRole('link', { name: '希望条件を登録する' }).click();
      await expectHeading(seekerPage, '希望条件');
      await choice(seekerPage, '職種・資格', '看護師').check();
      await choice(seekerPage, '希望する雇用形態', '有期').check();
      for (const day of ['月', '火', '水', '木', '金']) {
        await choice(seekerPage, '勤務可能な曜日', day).check();
      }
      assert.equal(await field(seekerPage, '当直・オンコール可').isChecked(), false);
      await field(seekerPage, '経験年数').fill(String(marks.experience_years));
      await field(seekerPage, '勤務開始可能日').fill(marks.available_from);
      await field(seekerPage, '希望期間（最長月数）').fill(String(marks.period_months_max));
      await choice(seekerPage, '希望する都道府県', '東京都').check();
      await choice(seekerPage, '通知方法', 'すぐに').check();
      await seekerPage.getByRole('button', { name: '保存する' }).click();
      await seekerPage.getByText('希望条件を保存しました').waitFor();
      // The seeker's own reference, which no facility sees.
      const ownHandle = (await seekerPage.evaluate(() => fetch('/api/v1/me/profile').then((response) => response.json()))).handle;
      assert.match(ownHandle, /^求職者-[0-9A-Z]+$/);

      // The seeker keeps おすすめ求人 open.
      await seekerPage.goto('/me/matches');
      await expectHeading(seekerPage, 'おすすめ求人');
      await seekerPage.getByRole('heading', { level: 2, name: '希望条件に合う求人' }).waitFor();
      await bell(seekerPage).waitFor();
      const countBefore = await settledBellCount(seekerPage);
      await seekerPage.evaluate(() => {
        window.e2eSamePage = true;
      });

      await withPage(browser, 'match-notifications-facility', async (facilityPage) => {
        await logIn(facilityPage, 'fac-tokyo-01');
        await facilityPage.goto('/facility/postings/new');
        await expectHeading(facilityPage, '新しい募集の登録');
        await fillPostingForm(facilityPage, posting);
        await publishFromForm(facilityPage);
        await facilityPage.waitForURL((url) => url.pathname === '/facility/postings');
        await facilityPage.getByText(`「${posting.title}」を登録し、公開しました。`).waitFor();

        // Within 15 seconds, on the page that stayed open: the toast and a higher count.
        await toast(seekerPage).getByText(posting.title, { exact: false }).waitFor({ timeout: 15_000 });
        assert.ok((await bellCount(seekerPage)) > countBefore, 'the bell count did not increase');
        assert.equal(await seekerPage.evaluate(() => window.e2eSamePage), true, 'the page was reloaded');
        assert.equal(new URL(seekerPage.url()).pathname, '/me/matches');
        const toastText = await toast(seekerPage).textContent();
        assert.match(toastText, /【急募】おすすめの求人があります/);
        expectNoHiddenValue(toastText, 'the toast');
        await expectAccessibleAtBothWidths(seekerPage, 'おすすめ求人 with a new notice');

        // The notification page: the notice, unread, with the title and nothing withheld.
        await toast(seekerPage).getByRole('link', { name: '通知の一覧へ' }).click();
        await expectHeading(seekerPage, '通知');
        const notice = seekerPage.getByRole('article').filter({ hasText: posting.title });
        await notice.getByText('未読', { exact: true }).waitFor();
        const html = await seekerPage.content();
        assert.ok(html.includes(posting.title), 'the notification page does not show the title');
        expectNoHiddenValue(html, 'the notification page');
        await expectAccessibleAtBothWidths(seekerPage, 'the notification page');

        // Opening the notice marks it read and shows the posting, masked.
        const unreadBeforeOpening = await bellCount(seekerPage);
        await notice.getByRole('link', { name: /^詳しく見る/ }).click();
        await expectHeading(seekerPage, posting.title);
        await waitForBellCount(seekerPage, unreadBeforeOpening - 1);
        expectNoHiddenValue(await seekerPage.content(), 'the posting opened from the notice');
        await bell(seekerPage).click();
        await expectHeading(seekerPage, '通知');
        await seekerPage.getByRole('article').filter({ hasText: posting.title }).getByText('既読', { exact: true }).waitFor();
        await seekerPage.getByRole('button', { name: 'すべて既読にする' }).click();
        await seekerPage.getByText('すべての通知を既読にしました。').waitFor();
        assert.equal(await bellCount(seekerPage), 0);

        // The mail about it (the seeker wants notices at once; urgent postings are mailed at once anyway).
        const mail = await waitForMailContaining(seeker.email, posting.title);
        assert.match(mail.subject, /おすすめの求人/);
        expectNoHiddenValue(`${mail.subject}\n${mail.body}`, 'the mail to the seeker');

        // (b) The facility's candidates for the posting: the seeker by a handle of this facility's only.
        await facilityPage.getByRole('row', { name: new RegExp(posting.title) }).getByRole('link', { name: new RegExp(`^候補者を見る\\s*：${posting.title}$`) }).click();
        await expectHeading(facilityPage, '候補者');
        await facilityPage.getByText(PRIVACY_NOTE).waitFor();
        await facilityPage.getByText(`募集：${posting.title}`).waitFor();
        const postingId = /\/facility\/postings\/([^/]+)\/matches/.exec(new URL(facilityPage.url()).pathname)[1];
        const { found, handles } = await candidatesMarked(facilityPage, postingId, marks);
        assert.equal(found.length, 1, `${found.length} candidates have this run's conditions ${JSON.stringify(marks)}`);
        const [{ handle, pageNumber }] = found;
        assert.match(handle, /^求職者-[0-9A-Z]+$/);
        assert.notEqual(handle, ownHandle, 'the facility sees the seeker under the seeker’s own handle');
        assert.ok(!handles.has(ownHandle), 'the seeker’s own handle is among the facility’s candidates');
        await facilityPage.goto(`/facility/postings/${postingId}/matches${pageNumber > 1 ? `?page=${pageNumber}` : ''}`);
        await expectHeading(facilityPage, '候補者');
        await facilityPage.getByRole('heading', { level: 3, name: handle }).waitFor();
        // The candidate comes with the reasons of the match (an urgent posting: 急募 is one of them).
        const card = facilityPage.getByRole('article').filter({ has: facilityPage.getByRole('heading', { level: 3, name: handle }) });
        await card.getByRole('list', { name: '一致度の主な理由' }).getByText('急募', { exact: true }).waitFor();
        await card.getByText(`${marks.experience_years}年`, { exact: true }).waitFor();
        await card.getByText(`最長${marks.period_months_max}か月`, { exact: true }).waitFor();
        const candidatesHtml = await facilityPage.content();
        assert.ok(!candidatesHtml.includes(seeker.name), 'the candidates page shows the seeker’s name');
        assert.ok(!candidatesHtml.includes(seeker.email), 'the candidates page shows the seeker’s e-mail address');
        assert.ok(!candidatesHtml.includes(ownHandle), 'the candidates page shows the seeker’s own handle');
        await expectAccessibleAtBothWidths(facilityPage, 'the candidates page');

        // Leave nothing behind for the next run: the posting is withdrawn.
        await facilityPage.goto('/facility/postings');
        await expectHeading(facilityPage, '募集の管理');
        const row = facilityPage.getByRole('row', { name: new RegExp(posting.title) });
        await row.getByRole('button', { name: /^終了する/ }).click();
        await row.getByRole('radio', { name: '取下げ' }).check();
        await row.getByRole('button', { name: '終了を確定する' }).click();
        await facilityPage.getByText(`「${posting.title}」を終了しました。`).waitFor();
      });
    });
  });

  it('lets a coordinator register a feed whose JSON URL answers with postings, and delete it', { timeout: 120_000 }, () =>
    withPage(browser, 'feeds', async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const name = `E2E配信 ${uniqueSuffix()}`;
      await logIn(page, 'coord-nurse-13');
      await expectHeading(page, 'コーディネーターホーム');
      await page.getByRole('main').getByRole('link', { name: /^求人配信/ }).click();
      await expectHeading(page, '求人配信');

      // The server's own refusal of the address lands under the field, and what was typed stays.
      await field(page, '配信名').fill(name);
      await field(page, '配信先メールアドレス').fill('e2e@example.jp.');
      await page.getByRole('button', { name: '配信を登録する' }).click();
      await page.waitForFunction(() => document.getElementById('feed-digest-email')?.getAttribute('aria-invalid') === 'true');
      const describedBy = (await field(page, '配信先メールアドレス').getAttribute('aria-describedby')).split(' ');
      assert.match(await page.locator(`[id="${describedBy.at(-1)}"]`).textContent(), /「配信先メールアドレス」/);
      assert.equal(await field(page, '配信名').inputValue(), name);

      await field(page, '配信先メールアドレス').fill('');
      await choice(page, '都道府県', '東京都').check();
      await choice(page, '職種', '看護師').check();
      await choice(page, '緊急度', '急募').check();
      await page.getByRole('button', { name: '配信を登録する' }).click();
      await page.getByText(`配信「${name}」を登録しました。下の一覧にURLがあります。`).waitFor();

      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name }) });
      await card.getByText('東京都', { exact: true }).waitFor();
      const jsonUrl = (await card.locator('code').first().textContent()).trim();
      assert.match(jsonUrl, /\/api\/v1\/feeds\/[^/]+\/postings\.json$/);
      await card.getByRole('button', { name: new RegExp(`^コピー\\s*：JSONのURL（${name}）$`) }).click();
      await card.getByText('JSONのURLをコピーしました。').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), jsonUrl);

      // Partners read it without a session; masked postings come without the withheld values.
      const feedPath = new URL(jsonUrl).pathname;
      const response = await fetch(`${new URL(page.url()).origin}${feedPath}`);
      assert.equal(response.status, 200);
      const feed = await response.json();
      assert.equal(feed.name, name);
      assert.ok(feed.items.length > 0, 'the feed has no postings');
      for (const item of feed.items) {
        assert.equal(item.workplace.prefecture, '13');
        assert.equal(item.category, 'nurse');
        assert.equal(item.urgency, 'immediate');
        if (item.masked) {
          assert.equal(item.facility.name, undefined);
          assert.equal(item.contact, undefined);
          assert.equal(item.workplace.street, undefined);
        }
      }
      await expectAccessibleAtBothWidths(page, '求人配信 with a feed');

      // Deleting asks first; afterwards the URL answers 404.
      await card.getByRole('button', { name: new RegExp(`^削除\\s*：${name}$`) }).click();
      await card.getByText(`配信「${name}」を削除しますか？`, { exact: false }).waitFor();
      await expectNoAxeViolations(page, '求人配信 asking to delete');
      await card.getByRole('button', { name: '削除する' }).click();
      await page.getByText(`配信「${name}」を削除しました。`).waitFor();
      assert.equal(await page.getByRole('heading', { name }).count(), 0);
      assert.equal((await fetch(`${new URL(page.url()).origin}${feedPath}`)).status, 404);
    }),
  );
});
