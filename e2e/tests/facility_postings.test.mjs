// (6) A facility registers a masked, urgent posting through the form (the
// postal code fills in the address); an anonymous visitor finds it in the
// public search without any of the withheld values anywhere in the page;
// an edit of the title shows in the anonymous search at once, and so do
// pausing, publishing again and closing it. And 公開する with required fields
// missing names every one of them in Japanese and keeps what was typed, for
// the browser's checks and the server's alike (a draft saves without them).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { BASE_URL, launchBrowser, withPage } from '../lib/browser.mjs';
import { choice, daysFromToday, fillPostingForm, publishFromForm } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const FACILITY_NAME = '千代田区神田さくら病院';
const MASKED_NOTICE = 'この求人は医療機関の希望により、医療機関名・所在地・連絡先を非公開にしています。マッチング成立後に開示されます。';

/** The error text an input is described by, as a screen reader reads it. */
async function describedText(page, locator) {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('facility postings', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('registers a masked urgent posting that the public search shows without the hidden values, and edits it live', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    const digits = String(Date.now()).slice(-8);
    const posting = {
      title: `E2E急募看護師 ${suffix}`,
      category: '看護師',
      employment: '有期',
      urgency: '急募',
      positions: 2,
      startDate: daysFromToday(30),
      periodMonths: 3,
      weekdays: ['月', '水'],
      hours: '8:30-17:15',
      duties: '病棟での看護業務全般です。\n<b>夜勤はありません</b>',
      postalCode: '1000001',
      expectedPrefecture: '13',
      expectedMunicipality: '131016',
      expectedTown: '千代田',
      street: `千代田${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}`,
      building: `E2E秘密ビル${suffix}`,
      contactName: `E2E担当者${suffix}`,
      contactLocation: `E2E看護部${suffix}`,
      phone: `03-${digits.slice(0, 4)}-${digits.slice(4)}`,
      email: `e2e-posting-${suffix}@example.jp`,
      masked: true,
    };
    const hiddenValues = [FACILITY_NAME, '千代田区', posting.street, posting.building, posting.contactName, posting.contactLocation, posting.phone, posting.email, '100-0001', '1000001'];
    const newTitle = `E2E改題看護師 ${suffix}`;

    const anonymous = await browser.newContext({ baseURL: BASE_URL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const visitor = await anonymous.newPage();
    visitor.setDefaultTimeout(15_000);

    /** Checks the visitor's page as HTML: nothing withheld may be anywhere in it. */
    async function expectNothingHidden(where) {
      const html = await visitor.content();
      for (const value of hiddenValues) {
        assert.ok(!html.includes(value), `${where} contains the withheld value ${value}`);
      }
    }

    try {
      await withPage(browser, 'facility-posting-create', async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await expectHeading(page, '医療機関ホーム');
        await page.getByRole('link', { name: /募集の管理/ }).first().click();
        await expectHeading(page, '募集の管理');
        await page.getByRole('link', { name: '新しい募集を登録' }).click();
        await expectHeading(page, '新しい募集の登録');

        await fillPostingForm(page, posting);
        await publishFromForm(page);
        await page.waitForURL((url) => url.pathname === '/facility/postings');
        await page.getByText(`「${posting.title}」を登録し、公開しました。`).waitFor();
        const row = page.getByRole('row', { name: new RegExp(posting.title) });
        await row.getByText('公開中').waitFor();

        // An anonymous visitor searches for it.
        await visitor.goto(`/postings?q=${encodeURIComponent(suffix)}`);
        await expectHeading(visitor, '求人検索');
        await visitor.getByText('1件', { exact: true }).waitFor();
        const card = visitor.getByRole('article').filter({ has: visitor.getByRole('link', { name: posting.title }) });
        await card.getByText('医療機関名は非公開').waitFor();
        await card.getByText('急募', { exact: true }).waitFor();
        await card.getByText('東京都', { exact: true }).waitFor();
        await expectNothingHidden('the search results');

        // The detail page: one notice, the free text as text, nothing withheld.
        await card.getByRole('link', { name: posting.title }).click();
        await expectHeading(visitor, posting.title);
        await visitor.getByText(MASKED_NOTICE).waitFor();
        await visitor.getByText('<b>夜勤はありません</b>', { exact: false }).waitFor();
        assert.equal(await visitor.locator('main b').count(), 0);
        await expectNothingHidden('the detail page');
        assert.ok(!(await visitor.title()).includes(FACILITY_NAME));

        // The facility edits the title; the anonymous search shows it at once.
        // Every row's 「編集」 link ends with its posting's title, for screen readers.
        await page.getByRole('link', { name: new RegExp(`^編集\\s*：${posting.title}$`) }).click();
        await expectHeading(page, '募集の編集');
        assert.equal(await field(page, '建物名・施設名').inputValue(), posting.building);
        await field(page, 'タイトル').fill(newTitle);
        await page.getByRole('button', { name: '保存', exact: true }).click();
        // 第1版 the draft saved before the question, 第2版 its 公開, 第3版 this edit.
        await page.getByText(/^保存しました（第3版）/).waitFor();
        const history = page.getByRole('region', { name: '変更履歴' });
        await history.getByText(`タイトル：${posting.title} → ${newTitle}`).waitFor();

        await visitor.goto(`/postings?q=${encodeURIComponent(suffix)}`);
        await visitor.getByRole('link', { name: newTitle }).waitFor();
        assert.equal(await visitor.getByRole('link', { name: posting.title, exact: true }).count(), 0);
        await expectNothingHidden('the search results after the edit');

        // Quick actions on the management page: pause (gone from the search), publish again, close as filled.
        await page.getByRole('link', { name: '募集の管理に戻る' }).click();
        await expectHeading(page, '募集の管理');
        const editedRow = page.getByRole('row', { name: new RegExp(newTitle) });
        await editedRow.getByRole('button', { name: /^非公開にする/ }).click();
        await page.getByText(`「${newTitle}」を非公開にしました。`).waitFor();
        await editedRow.getByText('非公開', { exact: true }).waitFor();
        await visitor.goto(`/postings?q=${encodeURIComponent(suffix)}`);
        await visitor.getByText('0件', { exact: true }).waitFor();

        await editedRow.getByRole('button', { name: /^公開する/ }).click();
        await page.getByRole('dialog', { name: `「${newTitle}」を公開しますか？` }).getByRole('button', { name: '公開する', exact: true }).click();
        await page.getByText(`「${newTitle}」を公開しました。`).waitFor();
        await editedRow.getByText('公開中', { exact: true }).waitFor();

        await editedRow.getByRole('button', { name: /^終了する/ }).click();
        await editedRow.getByRole('radio', { name: '充足' }).check();
        await editedRow.getByRole('button', { name: '終了を確定する' }).click();
        await page.getByText(`「${newTitle}」を終了しました。`).waitFor();
        await editedRow.getByText('終了', { exact: true }).waitFor();
        await editedRow.getByText('充足', { exact: true }).waitFor();
        // A closed posting is final: no more actions.
        assert.equal(await editedRow.getByRole('button').count(), 0);
        await visitor.goto(`/postings?q=${encodeURIComponent(suffix)}`);
        await visitor.getByText('0件', { exact: true }).waitFor();
      });
    } finally {
      await anonymous.close();
    }
  });

  it('names every missing required field in Japanese and keeps what was typed', { timeout: 120_000 }, () =>
    withPage(browser, 'facility-posting-errors', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      const title = `E2E入力保持 ${uniqueSuffix()}`;
      await field(page, 'タイトル').fill(title);
      await field(page, '業務内容').fill('1行目\n2行目');
      await field(page, '電話番号').fill('03-1111-2222');
      // The facility's address and the user as contact person are there already; cleared here, to be missed.
      await field(page, '郵便番号').fill('');
      await field(page, '町名・番地').fill('');
      await field(page, '担当者名').fill('');
      await page.getByRole('button', { name: '公開する' }).click();

      const summary = page.getByRole('alert').first();
      await summary.getByText('入力内容に誤りがあります。各項目のメッセージを確認してください。').waitFor();
      const expected = {
        職種: '「職種」を選択してください。',
        勤務開始日: '「勤務開始日」を入力してください。',
        郵便番号: '「郵便番号」を入力してください。',
        '町名・番地': '「町名・番地」を入力してください。',
        担当者名: '「担当者名」を入力してください。',
        研修受講を採用条件とすることに同意する: '「研修受講を採用条件とすることに同意する」にチェックを入れてください。',
      };
      for (const [label, message] of Object.entries(expected)) {
        const input = field(page, label);
        assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} is not marked invalid`);
        assert.match(await describedText(page, input), new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), `${label} is not described by its message`);
        // The summary lists it as a link to the field.
        await summary.getByRole('link', { name: message }).waitFor();
      }
      // Radio groups are described as a whole.
      for (const [legend, message] of [['雇用形態', '「雇用形態」を選択してください。'], ['緊急度', '「緊急度」を選択してください。']]) {
        const group = page.getByRole('group', { name: new RegExp(`^${legend}`) });
        assert.match(await describedText(page, group), new RegExp(message));
      }
      // Focus went to the first invalid field; a summary link moves it to its field.
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
      await summary.getByRole('link', { name: '「担当者名」を入力してください。' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'posting-contact-name');

      // Nothing typed was lost.
      assert.equal(await field(page, 'タイトル').inputValue(), title);
      assert.equal(await field(page, '業務内容').inputValue(), '1行目\n2行目');
      assert.equal(await field(page, '電話番号').inputValue(), '03-1111-2222');

      // The server's own checks (nested keys such as contact.phone) land under their inputs too.
      await field(page, '職種').selectOption({ label: '医師' });
      await choice(page, '雇用形態', '無期（常勤）').check();
      await choice(page, '緊急度', '常時').check();
      await field(page, '勤務開始日').fill(daysFromToday(60));
      await field(page, '研修受講を採用条件とすることに同意する').check();
      await field(page, '郵便番号').fill('1000001');
      await page.getByText(/^郵便番号から住所を入力しました/).waitFor();
      await field(page, '町名・番地').fill('千代田1-1');
      await field(page, '担当者名').fill('E2E 担当');
      await field(page, '電話番号').fill('12345');
      await field(page, 'メールアドレス').fill('e2e@example.jp');
      assert.equal(await field(page, '都道府県').inputValue(), '13');
      await page.getByRole('button', { name: '公開する' }).click();
      // 医師 without 診療科 is caught in the browser first.
      assert.match(await describedText(page, field(page, '診療科')), /職種が医師の場合は「診療科」を選択してください。/);
      await field(page, '診療科').selectOption({ label: '消化器内科' });
      await page.getByRole('button', { name: '公開する' }).click();
      const phone = field(page, '電話番号');
      await page.waitForFunction(() => document.getElementById('posting-contact-phone')?.getAttribute('aria-invalid') === 'true');
      assert.match(await describedText(page, phone), /「電話番号」/);
      assert.equal(await phone.inputValue(), '12345');
      assert.equal(await field(page, 'タイトル').inputValue(), title);
      assert.equal(new URL(page.url()).pathname, '/facility/postings/new');
    }),
  );
});
