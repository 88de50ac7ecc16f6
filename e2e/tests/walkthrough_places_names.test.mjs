// (11) All of Japan in the forms, and people by name (issue 11), at 1366px and 390px, axe-clean:
// - the posting form's 市区町村 is a combobox searching all of Japan by kana or kanji: 「ちよだ」 and 「千代田」
//   offer 千代田区（東京都）, chosen with the arrow keys and Enter (or a tap), which sets the prefecture too;
// - a postal code that covers several municipalities (004-0000: 札幌市厚別区 and 札幌市清田区) lists them, and the
//   one chosen fills prefecture and municipality;
// - a new posting starts from the facility's whole address, its postal code included, and its date fields
//   carry the page's language (item 14);
// - the secretariat's organisation form finds a facility's municipality the same way, bringing its prefecture,
//   and a seeker's profile finds a place to work by kana, adding its prefecture and 二次医療圏;
// - (item 9) the facility reads people by name and organisation, never by login ID: the posting's 変更履歴, the
//   application's 段階の履歴, and the applicant (a new seeker whose profile name differs from the account's) by the
//   name in their profile.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { daysFromToday } from '../lib/postings.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

/** The municipality combobox's chosen code (the input shows the name; the code is what the form sends). */
function chosenCode(page, label = '市区町村') {
  return field(page, label).getAttribute('data-code');
}

describe('places anywhere in Japan, and people by name (issue 11)', () => {
  let browser;
  let facility;
  const postings = [];
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession('fac-tokyo-01');
  });
  after(async () => {
    for (const id of postings) {
      await facility.call('PATCH', `/api/v1/postings/${id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
    }
    await facility?.dispose();
    await browser?.close();
  });

  it('the posting form finds 千代田区 by kana and kanji, and a shared postal code asks which place', { timeout: 150_000 }, () =>
    withPage(browser, 'places-posting-form', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/facility/postings/new');
      await expectHeading(page, '新しい募集の登録');
      // Item 14: the form's date fields carry the page's language (年/月/日, not mm/dd/yyyy).
      const dateLangs = await page.locator('input[type="date"]').evaluateAll((inputs) => inputs.map((input) => input.lang));
      assert.ok(dateLangs.length >= 2 && dateLangs.every((lang) => lang === 'ja'), dateLangs.join(','));
      // The facility's whole address, the postal code derived from it included.
      assert.equal(await field(page, '郵便番号').inputValue(), '1010047');
      assert.equal(await chosenCode(page), '131016');
      await page.waitForFunction(() => document.getElementById('posting-workplace-municipality')?.value === '千代田区（東京都）');

      // Another prefecture first, then 「ちよだ」: the suggestions span Japan, and the choice brings 東京都 back.
      await field(page, '都道府県').selectOption('27');
      assert.equal(await chosenCode(page), '');
      const municipality = page.getByRole('combobox', { name: /^市区町村/ });
      await municipality.fill('ちよだ');
      const listbox = page.getByRole('listbox', { name: '市区町村の候補' });
      const chiyoda = listbox.getByRole('option', { name: '千代田区（東京都）', exact: true });
      await chiyoda.waitFor();
      await page.getByText(/^候補が\d+件あります。/).waitFor();
      assert.equal(await municipality.getAttribute('aria-expanded'), 'true');
      await expectAccessibleAtWalkthroughWidths(page, 'the posting form with the municipality suggestions open');
      const options = await listbox.getByRole('option').allTextContents();
      const index = options.indexOf('千代田区（東京都）');
      assert.ok(index >= 0, options.join(','));
      for (let i = 0; i <= index; i++) await municipality.press('ArrowDown');
      assert.equal(await municipality.getAttribute('aria-activedescendant'), await chiyoda.getAttribute('id'));
      await municipality.press('Enter');
      assert.equal(await municipality.inputValue(), '千代田区（東京都）');
      assert.equal(await chosenCode(page), '131016');
      assert.equal(await field(page, '都道府県').inputValue(), '13');
      assert.equal(await municipality.getAttribute('aria-expanded'), 'false');

      // Kanji too, chosen by a tap, on a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await field(page, '都道府県').selectOption('01');
      await municipality.fill('千代田');
      await listbox.getByRole('option', { name: '千代田区（東京都）', exact: true }).click();
      assert.equal(await chosenCode(page), '131016');
      assert.equal(await field(page, '都道府県').inputValue(), '13');
      // Escape closes the suggestions and then puts the chosen name back.
      await municipality.fill('ちよだ');
      await listbox.getByRole('option').first().waitFor();
      await municipality.press('Escape');
      assert.equal(await municipality.getAttribute('aria-expanded'), 'false');
      await municipality.press('Escape');
      assert.equal(await municipality.inputValue(), '千代田区（東京都）');
      await page.setViewportSize({ width: 1366, height: 768 });

      // One postal code, two municipalities: the user chooses.
      await field(page, '町名・番地').fill('');
      await field(page, '郵便番号').fill('0040000');
      await page.getByText('この郵便番号には複数の住所があります。当てはまるものを選んでください。').waitFor();
      const choices = page.getByRole('button', { name: /^札幌市(厚別区|清田区)/ });
      assert.ok((await choices.count()) >= 2, 'both 札幌市厚別区 and 札幌市清田区 are offered');
      await expectAccessibleAtWalkthroughWidths(page, 'the posting form asking which place a postal code means');
      await page.getByRole('button', { name: /^札幌市清田区/ }).first().click();
      await page.getByText(/^郵便番号から住所を入力しました：北海道札幌市清田区/).waitFor();
      assert.equal(await field(page, '都道府県').inputValue(), '01');
      assert.equal(await chosenCode(page), '011100');
      await page.waitForFunction(() => document.getElementById('posting-workplace-municipality')?.value === '札幌市清田区（北海道）');
    }),
  );

  it('the organisation form finds a facility’s municipality by kana and takes its prefecture', { timeout: 120_000 }, () =>
    withPage(browser, 'places-organisation-form', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.goto('/admin/organisations');
      await expectHeading(page, '組織の管理');
      await field(page, '種別').selectOption({ label: '医療機関' });
      const municipality = page.getByRole('combobox', { name: /^市区町村/ });
      await municipality.fill('なは');
      await page.getByRole('option', { name: '那覇市（沖縄県）', exact: true }).click();
      assert.equal(await chosenCode(page), '472018');
      assert.equal(await field(page, '都道府県').inputValue(), '47');
      await municipality.fill('ちよだ');
      await page.getByRole('option', { name: '千代田区（東京都）', exact: true }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the organisation form with municipality suggestions');
    }),
  );

  it('the facility reads people by name and organisation, and the applicant by the name in their profile', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    const posting = await facility.call('POST', '/api/v1/postings', {
      status: 'published',
      title: `E2E氏名表示 看護師 ${suffix}`,
      category: 'nurse',
      employment: 'fixed_term',
      start_date: daysFromToday(30),
      period_months: 3,
      weekdays: ['mon', 'tue'],
      hours: '9:00-17:00',
      urgency: 'regular',
      positions: 1,
      duties: '病棟での看護業務です。',
      training_agreed: true,
      masked: false,
      workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: '内神田2-1-1' },
      contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-names@example.jp' },
    });
    postings.push(posting.id);
    await facility.call('PATCH', `/api/v1/postings/${posting.id}`, { positions: 2 });

    // A new seeker whose profile name differs from the account's: applying with consent discloses the profile's.
    const accountName = `E2E アカウント名${suffix}`;
    const profileName = `E2E 表示名${suffix}`;
    let registered;
    await withPage(
      browser,
      'names-seeker',
      async (page) => {
        registered = await registerVerifiedSeeker(page, accountName);
        // The profile's 希望する勤務地 finds a place by kana: its prefecture and 二次医療圏 are added to the wishes.
        await page.goto('/me/profile');
        await expectHeading(page, '希望条件');
        const finder = page.getByRole('combobox', { name: /^市区町村から探す/ });
        await finder.fill('ちよだ');
        await page.getByRole('option', { name: '千代田区（東京都）', exact: true }).click();
        await page.getByText('千代田区（東京都）：「東京都」と二次医療圏「区中央部」を希望に加えました。').waitFor();
        assert.equal(await page.getByRole('group', { name: /^希望する都道府県/ }).getByLabel('東京都', { exact: true }).isChecked(), true);
        assert.equal(await page.getByRole('group', { name: /^希望する二次医療圏/ }).getByLabel('区中央部', { exact: true }).isChecked(), true);
        assert.equal(await finder.inputValue(), '', 'the finder is ready for the next place');
        await expectAccessibleAtWalkthroughWidths(page, 'the profile’s place found by kana');
      },
      { viewport: LAPTOP_1366 },
    );
    const seeker = await apiSession(registered.email, registered.password);
    try {
      await seeker.call('PUT', '/api/v1/me/profile', {
        name: profileName,
        categories: ['nurse'],
        employment: ['fixed_term'],
        prefectures: ['13'],
        experience_years: 5,
        notify: 'off',
      });
      const application = await seeker.call('POST', `/api/v1/postings/${posting.id}/applications`, {
        kind: 'application',
        consent: true,
        message: `E2E氏名表示の応募です。${suffix}`,
      });
      const seen = await facility.call('GET', `/api/v1/applications/${application.id}`);
      const move = seen.moves.find((m) => !['rejected', 'declined', 'withdrawn'].includes(m.stage));
      assert.ok(move, `the facility can move the application: ${JSON.stringify(seen.moves)}`);
      await facility.call('PATCH', `/api/v1/applications/${application.id}`, { stage: move.stage });

      await withPage(browser, 'names-facility', async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await page.goto(`/facility/postings/${posting.id}/edit`);
        await expectHeading(page, '募集の編集');
        const versions = page.getByRole('region', { name: '変更履歴' });
        await versions.getByText(/変更者：佐藤 一郎（千代田区神田さくら病院）/).first().waitFor();
        assert.doesNotMatch(await versions.textContent(), /fac-tokyo-01/);
        await expectAccessibleAtWalkthroughWidths(page, 'the posting’s 変更履歴 by name');

        await page.goto(`/applications/${application.id}`);
        await expectHeading(page, posting.title);
        const main = page.locator('main');
        await main.getByText(profileName, { exact: true }).first().waitFor();
        const history = page.getByRole('region', { name: '段階の履歴', exact: true });
        await history.getByText('佐藤 一郎（千代田区神田さくら病院）', { exact: true }).waitFor();
        const historyText = await history.textContent();
        assert.ok(historyText.includes(profileName), `the seeker by their profile name in ${historyText}`);
        assert.ok(!historyText.includes('fac-tokyo-01') && !historyText.includes(registered.email), historyText);
        assert.ok(!(await main.textContent()).includes(accountName), 'the account’s name is not the person’s name');
        await expectAccessibleAtWalkthroughWidths(page, 'the application’s 段階の履歴 by name');
      });
    } finally {
      await seeker.dispose();
    }
  });
});
