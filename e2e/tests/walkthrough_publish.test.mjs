// (11, items 2 and 3) Drafts and 公開, at 1366px and 390px with axe-core clean:
// - a new posting starts from the facility's own address and the user as contact person;
// - 下書き保存 saves a posting with only its title; 公開 of that draft is refused, naming what is missing;
// - 公開する first says how many seekers will be told and how (the server's notice preview, with the
//   urgent note), in a modal dialog usable by keyboard: Escape or 「公開せずに下書きのままにする」 keeps
//   the draft; 公開する in the list asks again, and confirming publishes.
// fac-tokyo-01 (佐藤 一郎, 千代田区内神田2-1-1 in the demo data) makes the postings; each has a unique
// title and is closed through the API at the end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { daysFromToday, fillPostingForm } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const SUMMARY = /^公開すると、条件に合う求職者 (\d+)人に通知されます（すぐにメール (\d+)人・毎日のまとめ (\d+)人・アプリ内のみ (\d+)人）。$/;

describe('drafts and 公開 (issue 11 items 2 and 3)', () => {
  let browser;
  let facility;
  const suffixes = [];
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession('fac-tokyo-01');
  });
  after(async () => {
    for (const suffix of suffixes) {
      const list = await facility.call('GET', `/api/v1/facility/postings?q=${encodeURIComponent(suffix)}&page=1&per_page=20`).catch(() => ({ items: [] }));
      for (const posting of list.items.filter((p) => p.status !== 'closed')) {
        await facility.call('PATCH', `/api/v1/postings/${posting.id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
      }
    }
    await facility?.dispose();
    await browser?.close();
  });

  /** The facility's one posting whose title has `suffix`. */
  async function postingWith(suffix) {
    const list = await facility.call('GET', `/api/v1/facility/postings?q=${encodeURIComponent(suffix)}&page=1&per_page=20`);
    assert.equal(list.items.length, 1, `postings with ${suffix}: ${list.items.length}`);
    return list.items[0];
  }

  it('a new posting starts from the facility’s address; a draft saves with only a title; 公開 names what is missing', { timeout: 150_000 }, async () => {
    const suffix = uniqueSuffix();
    suffixes.push(suffix);
    const title = `E2E下書き ${suffix}`;
    await withPage(browser, 'walkthrough-draft', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      // Prefilled from the organisation and the user.
      assert.equal(await field(page, '都道府県').inputValue(), '13');
      assert.equal(await field(page, '市区町村').getAttribute('data-code'), '131016');
      await page.waitForFunction(() => document.getElementById('posting-workplace-municipality')?.value === '千代田区（東京都）');
      assert.equal(await field(page, '町名・番地').inputValue(), '内神田2-1-1');
      assert.equal(await field(page, '担当者名').inputValue(), '佐藤 一郎');
      assert.equal(await field(page, 'メールアドレス').inputValue(), 'fac-tokyo-01@kakehashi.example');
      // The postal code follows from the facility's address (内神田 → 101-0047).
      assert.equal(await field(page, '郵便番号').inputValue(), '1010047');
      await page.getByText('「※必須」の項目は、公開するときに必要です。下書きは入力の途中でも保存できます。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the new posting form, prefilled');

      // What a draft has must still be right.
      await field(page, 'タイトル').fill(title);
      await field(page, 'メールアドレス').fill('x');
      await page.getByRole('button', { name: '下書き保存' }).click();
      await page.getByRole('alert').first().getByRole('link', { name: /メールアドレス/ }).waitFor();
      assert.equal(await field(page, 'メールアドレス').getAttribute('aria-invalid'), 'true');
      // Only what is wrong is marked: the empty required fields are fine in a draft.
      assert.equal(await field(page, '勤務開始日').getAttribute('aria-invalid'), null);
      await field(page, 'メールアドレス').fill('');

      await page.getByRole('button', { name: '下書き保存' }).click();
      await page.waitForURL((url) => url.pathname === '/facility/postings');
      await page.getByText(`「${title}」を下書きとして保存しました。`).waitFor();
      const row = page.getByRole('row', { name: new RegExp(title) });
      await row.getByText('下書き', { exact: true }).waitFor();
      const draft = await postingWith(suffix);
      assert.equal(draft.start_date, '');
      assert.equal(draft.workplace.street, '内神田2-1-1');
      assert.equal(draft.workplace.postal_code, '1010047');

      // 公開 of the incomplete draft: the question, then the server names every missing field.
      await row.getByRole('button', { name: /^公開する/ }).click();
      const dialog = page.getByRole('dialog', { name: `「${title}」を公開しますか？` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '公開する', exact: true }).click();
      const refused = dialog.getByRole('alert');
      await refused.getByText(/^公開するには次の項目を入力してください：/).waitFor();
      for (const label of ['職種', '雇用形態', '勤務開始日', '緊急度', '業務内容', '電話番号', 'メールアドレス']) {
        await refused.getByText(`「${label}」`, { exact: false }).waitFor();
      }
      // The address came whole from the facility, its postal code included.
      assert.doesNotMatch(await refused.textContent(), /「郵便番号」|「市区町村」|「町名・番地」/);
      await expectAccessibleAtWalkthroughWidths(page, 'the publish question refused for a draft with missing fields');
      await dialog.getByRole('button', { name: 'やめる' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('下書き', { exact: true }).waitFor();
    });
  });

  it('公開する says who will be told and how, and publishes only when confirmed', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    suffixes.push(suffix);
    const digits = String(Date.now()).slice(-8);
    const posting = {
      title: `E2E公開確認 急募看護師 ${suffix}`,
      category: '看護師',
      employment: '有期',
      urgency: '急募',
      positions: 1,
      startDate: daysFromToday(30),
      periodMonths: 3,
      weekdays: ['月', '火'],
      duties: '病棟での看護業務です。',
      postalCode: '1000001',
      expectedPrefecture: '13',
      expectedMunicipality: '131016',
      expectedTown: '千代田',
      street: '千代田1-1',
      contactName: 'E2E 公開担当',
      phone: `03-${digits.slice(0, 4)}-${digits.slice(4)}`,
      email: `e2e-publish-${suffix}@example.jp`,
    };
    await withPage(browser, 'walkthrough-publish', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      await fillPostingForm(page, posting);
      const publishButton = page.getByRole('button', { name: '公開する', exact: true });
      await publishButton.click();

      // The question, with the server's numbers.
      const dialog = page.getByRole('dialog', { name: `「${posting.title}」を公開しますか？` });
      await dialog.waitFor();
      const saved = await postingWith(suffix);
      assert.equal(saved.status, 'draft', 'nothing is published before the answer');
      const preview = await facility.call('GET', `/api/v1/postings/${saved.id}/notice-preview`);
      const text = (await dialog.locator('[data-notice-preview]').textContent()).trim();
      const numbers = SUMMARY.exec(text);
      assert.ok(numbers !== null, `the question says: ${text}`);
      assert.deepEqual(numbers.slice(1).map(Number), [preview.seekers, preview.mail_now, preview.daily_digest, preview.in_app_only]);
      assert.ok(preview.seekers > 0, 'the demo has Tokyo nurses for this posting');
      await dialog.getByText('急募の募集なので、毎日のまとめを選んでいる人にも、すぐにメールが届きます。').waitFor();
      // Keyboard: focus starts on the safe choice, inside the dialog; the page behind is inert.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '公開せずに下書きのままにする');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true);
      await expectAccessibleAtWalkthroughWidths(page, 'the publish question of a new posting');

      // Escape keeps the draft.
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.pathname === '/facility/postings');
      await page.getByText(`「${posting.title}」を下書きとして保存しました。公開はしていません。`, { exact: false }).waitFor();
      assert.equal((await postingWith(suffix)).status, 'draft');

      // 公開する in the list asks again; Shift+Tab reaches 公開する, Enter publishes.
      const row = page.getByRole('row', { name: new RegExp(posting.title) });
      await row.getByRole('button', { name: /^公開する/ }).click();
      const again = page.getByRole('dialog', { name: `「${posting.title}」を公開しますか？` });
      await again.locator('[data-notice-preview]').waitFor();
      assert.match((await again.locator('[data-notice-preview]').textContent()).trim(), SUMMARY);
      await expectAccessibleAtWalkthroughWidths(page, 'the publish question in the list');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), '公開する');
      await page.keyboard.press('Enter');
      await page.getByText(`「${posting.title}」を公開しました。`).waitFor();
      await again.waitFor({ state: 'hidden' });
      await row.getByText('公開中', { exact: true }).waitFor();
      assert.equal((await postingWith(suffix)).status, 'published');
    });
  });
});
