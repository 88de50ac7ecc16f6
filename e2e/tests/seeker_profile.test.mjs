// (8) A new seeker (registered in the browser, address confirmed through the
// mailed link) saves their conditions, sees the server's message under a
// wrong field first, and finds everything again after a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { choice, daysFromToday } from '../lib/postings.mjs';
import { expectHeading, field } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';

const PSEUDONYM_NOTE = '医療機関には、あなたの氏名ではなく「求職者-」で始まる仮の名前が表示されます。仮の名前は医療機関ごとに違います。';

describe('seeker profile', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('a new seeker saves conditions and gets them back after a reload', { timeout: 180_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP), so there is no sent-mail page to read the verification link from');
      return;
    }
    await withPage(browser, 'seeker-profile', async (page) => {
      const seeker = await registerVerifiedSeeker(page, 'E2E 希望 花子');
      await page.getByRole('main').getByRole('link', { name: /^希望条件/ }).click();
      await expectHeading(page, '希望条件');
      // No profile yet: the registered name is filled in. The page says that facilities see a pseudonym,
      // different for every facility, and what they see before a match.
      assert.equal(await field(page, '氏名').inputValue(), seeker.name);
      await page.getByText(PSEUDONYM_NOTE).waitFor();
      await page.getByText(/氏名、電話番号、免許、自由記述は、マッチングが成立するまで医療機関には表示されません。/).waitFor();

      const availableFrom = daysFromToday(20);
      await field(page, '電話番号').fill('12');
      await choice(page, '職種・資格', '看護師').check();
      await page.getByRole('button', { name: '免許を追加' }).click();
      await field(page, '職種（1件目）').selectOption({ label: '看護師' });
      await field(page, '免許番号（1件目）').fill('E2E-123456');
      await page.getByRole('group', { name: /^診療科/ }).getByLabel('消化器内科', { exact: true }).check();
      await field(page, '経験年数').fill('7');
      await choice(page, '希望する雇用形態', '有期').check();
      await choice(page, '希望する雇用形態', 'スポット').check();
      await field(page, '勤務開始可能日').fill(availableFrom);
      await field(page, '希望期間（最長月数）').fill('6');
      for (const day of ['月', '火', '金']) {
        await choice(page, '勤務可能な曜日', day).check();
      }
      await field(page, '当直・オンコール可').check();
      await choice(page, '希望する都道府県', '東京都').check();
      await choice(page, '希望する都道府県', '栃木県').check();
      await page.getByRole('group', { name: /^希望する二次医療圏/ }).getByLabel('区中央部', { exact: true }).check();
      await choice(page, 'キャリア支援', '復職支援').check();
      await field(page, '自由記述').fill('夜勤明けの日は避けたいです。\n<script>x</script>');
      await choice(page, '通知方法', '1日1回まとめて').check();

      // The server refuses the phone number: its message is under the field, and nothing typed is lost.
      await page.getByRole('button', { name: '保存する' }).click();
      const phone = field(page, '電話番号');
      await page.waitForFunction(() => document.getElementById('profile-phone')?.getAttribute('aria-invalid') === 'true');
      const describedBy = (await phone.getAttribute('aria-describedby')).split(' ');
      assert.match(await page.locator(`[id="${describedBy.at(-1)}"]`).textContent(), /「電話番号」/);
      assert.equal(await field(page, '免許番号（1件目）').inputValue(), 'E2E-123456');

      await phone.fill('090-1234-5678');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByText('希望条件を保存しました').waitFor();
      // The seeker's own reference is no name any facility sees, so the page does not offer it as one.
      const own = await page.evaluate(() => fetch('/api/v1/me/profile').then((response) => response.json()));
      assert.match(own.handle, /^求職者-[0-9A-Z]+$/);
      assert.ok(!(await page.content()).includes(own.handle), 'the conditions page shows the seeker’s own handle as if facilities saw it');
      assert.equal(await page.getByText(/医療機関に表示される名前:/).count(), 0);

      await page.reload();
      await expectHeading(page, '希望条件');
      await page.getByText(PSEUDONYM_NOTE).waitFor();
      assert.equal(await field(page, '氏名').inputValue(), seeker.name);
      assert.equal(await field(page, '電話番号').inputValue(), '090-1234-5678');
      assert.equal(await field(page, '免許番号（1件目）').inputValue(), 'E2E-123456');
      assert.equal(await field(page, '職種（1件目）').inputValue(), 'nurse');
      assert.equal(await field(page, '経験年数').inputValue(), '7');
      assert.equal(await field(page, '勤務開始可能日').inputValue(), availableFrom);
      assert.equal(await field(page, '希望期間（最長月数）').inputValue(), '6');
      assert.equal(await field(page, '自由記述').inputValue(), '夜勤明けの日は避けたいです。\n<script>x</script>');
      for (const [legend, label, checked] of [
        ['職種・資格', '看護師', true],
        ['職種・資格', '医師', false],
        ['希望する雇用形態', '有期', true],
        ['希望する雇用形態', '無期（常勤）', false],
        ['勤務可能な曜日', '金', true],
        ['勤務可能な曜日', '水', false],
        ['希望する都道府県', '栃木県', true],
        ['キャリア支援', '復職支援', true],
        ['通知方法', '1日1回まとめて', true],
      ]) {
        assert.equal(await choice(page, legend, label).isChecked(), checked, `${legend}: ${label}`);
      }
      assert.equal(await page.getByRole('group', { name: /^診療科/ }).getByLabel('消化器内科', { exact: true }).isChecked(), true);
      assert.equal(await page.getByRole('group', { name: /^希望する二次医療圏/ }).getByLabel('区中央部', { exact: true }).isChecked(), true);
      assert.equal(await field(page, '当直・オンコール可').isChecked(), true);
      assert.equal(await field(page, 'フルタイム希望').isChecked(), true);
    });
  });
});
