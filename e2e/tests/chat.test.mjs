// (16) The auto-response chat on every page: a visitor opens it from the button at the bottom right (focus goes
// to the message field), asks in their own words and gets the FAQ article's answer with a link to it; a vague
// question offers choices as buttons; Escape closes the panel and gives focus back to its button. A logged-in
// seeker asks 「応募の状況は？」 and gets their own applications. A new seeker tells the chat their wishes in one
// sentence, answers only what is missing (by typing and by choice buttons), confirms the read-back and sees
// proposals; the profile holds the wishes only after 「はい」. Replies are announced through the log; the panel
// is axe-clean at 1366 and 390 px and fits the phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';

function chat(page) {
  return page.getByRole('complementary', { name: '自動応答チャット' });
}

async function ask(page, text) {
  const field = chat(page).getByRole('textbox', { name: 'メッセージ' });
  await field.fill(text);
  await field.press('Enter');
}

describe('the auto-response chat', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('a visitor asks, gets the FAQ answer with its source, picks a choice, and closes with Escape', { timeout: 120_000 }, () =>
    withPage(browser, 'chat-visitor', async (page) => {
      await page.goto('/faq');
      await expectHeading(page, 'よくある質問（FAQ）');
      const open = chat(page).getByRole('button', { name: 'チャットで質問する' });
      await open.click();
      const field = chat(page).getByRole('textbox', { name: 'メッセージ' });
      assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus is in the message field');

      await ask(page, 'パスワードを忘れてしまいました');
      const log = chat(page).getByRole('log', { name: 'チャットのやり取り' });
      await log.getByText(/30分間有効な再設定用のリンク/).waitFor();
      assert.equal(await log.getAttribute('aria-live'), 'polite');
      assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus stays in the field after sending');
      await expectAccessibleAtWalkthroughWidths(page, 'the chat panel with an answer');

      await ask(page, '面接');
      const choices = chat(page).getByRole('list', { name: '選択肢' });
      await choices.waitFor();
      const first = choices.getByRole('button').first();
      const label = (await first.textContent()).replace(/^1\. /, '');
      await first.click();
      await log.getByText('あなた').nth(2).waitFor();
      await chat(page).getByRole('link', { name: label }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the chat panel with choices');

      await page.keyboard.press('Escape');
      await chat(page).getByRole('log').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'チャットで質問する');

      // The conversation is kept while moving around the site; a source link opens the article.
      await open.click();
      await chat(page).getByRole('link', { name: label }).click();
      await expectHeading(page, label);
    }, { viewport: LAPTOP_1366 }),
  );

  it('a logged-in seeker asks about their own applications', { timeout: 90_000 }, () =>
    withPage(browser, 'chat-seeker', async (page) => {
      await logIn(page, 'seeker@example.jp');
      await chat(page).getByRole('button', { name: 'チャットで質問する' }).click();
      await ask(page, '応募の状況は？');
      const log = chat(page).getByRole('log', { name: 'チャットのやり取り' });
      await log.getByText(/あなたの応募は\d+件です。|現在、応募・問い合わせ・コンタクト依頼はありません。/).waitFor();
      await chat(page).getByRole('link', { name: '応募一覧' }).waitFor();
      await ask(page, '');
      await chat(page).getByText('「メッセージ」を入力してください。').waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the chat panel for a seeker');
    }, { viewport: LAPTOP_1366 }),
  );

  it('a new seeker tells their wishes, answers what is missing, confirms, and gets proposals', { timeout: 150_000 }, () =>
    withPage(browser, 'chat-wishes', async (page) => {
      const seeker = await registerVerifiedSeeker(page, 'E2E チャット希望');
      await chat(page).getByRole('button', { name: 'チャットで質問する' }).click();
      const log = chat(page).getByRole('log', { name: 'チャットのやり取り' });
      await ask(page, '来月から3か月、栃木で消化器内科、当直は不安');
      await log.getByText(/・勤務地：栃木県/).waitFor();
      await log.getByText(/職種・資格を教えてください/).waitFor();
      await ask(page, '看護師');
      await log.getByText(/勤務できる曜日を教えてください/).waitFor();
      await chat(page).getByRole('button', { name: '1. 平日' }).click();
      await log.getByText(/キャリア支援の希望はありますか/).waitFor();
      await chat(page).getByRole('button', { name: '4. 不要' }).click();
      await log.getByText(/次の内容で希望条件を保存します。よろしいですか？/).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the chat reading the wishes back');

      const api = await apiSession(seeker.email, seeker.password);
      const before = await api.call('GET', '/api/v1/me/profile').catch(() => null);
      assert.ok(before === null || !(before.prefectures ?? []).includes('09'), 'nothing is saved before confirming');
      await chat(page).getByRole('button', { name: '1. はい、保存する' }).click();
      await log.getByText(/希望条件を保存しました。/).waitFor();
      const after = await api.call('GET', '/api/v1/me/profile');
      assert.deepEqual(after.prefectures, ['09']);
      assert.equal(after.night_duty, false);
      assert.equal(after.period_months_max, 3);
      assert.deepEqual(after.categories, ['nurse']);
      await api.dispose();
    }, { viewport: LAPTOP_1366 }),
  );

  it('a seeker asks for a person; the covering coordinator answers in the same thread; the seeker hands it back', { timeout: 180_000 }, () =>
    withPage(browser, 'chat-handover-seeker', async (page) => {
      const seeker = await registerVerifiedSeeker(page, 'E2E チャット相談');
      const api = await apiSession(seeker.email, seeker.password);
      await api.call('PUT', '/api/v1/me/profile', { name: 'E2E チャット相談', categories: ['nurse'], employment: ['fixed_term'], prefectures: ['13'], notify: 'off' });
      await api.dispose();
      await chat(page).getByRole('button', { name: 'チャットで質問する' }).click();
      const log = chat(page).getByRole('log', { name: 'チャットのやり取り' });
      await ask(page, '担当者と話したい');
      await log.getByText(/担当のコーディネーター（東京都ナースセンター）に引き継ぎました/).waitFor();
      await ask(page, '夜勤のない職場を相談したいです');
      await log.getByText(/担当者に引き継いでいます/).waitFor();

      const answer = `夜勤のない求人をご案内します（${Date.now()}）`;
      await withPage(browser, 'chat-handover-coordinator', async (staff) => {
        await logIn(staff, 'coord-nurse-13');
        await staff.goto('/coordination');
        await staff.getByRole('link', { name: 'チャットの引き継ぎ' }).click();
        await expectHeading(staff, 'チャットの引き継ぎ');
        const item = staff.getByRole('region', { name: '相談者：E2E チャット相談' }).first();
        await item.getByText('夜勤のない職場を相談したいです').waitFor();
        await expectAccessibleAtWalkthroughWidths(staff, "the coordinator's handed-over chats");
        await item.getByRole('textbox', { name: '返信' }).fill(answer);
        await item.getByRole('button', { name: '返信する' }).click();
        await item.getByText('返信しました。').waitFor();
      }, { viewport: LAPTOP_1366 });

      // The answer reaches the seeker's open panel, by name and organisation.
      await log.getByText(answer).waitFor({ timeout: 20_000 });
      await log.getByText('加藤 恵（東京都ナースセンター）').waitFor();
      await ask(page, 'ボットに戻す');
      await log.getByText(/自動応答に戻しました/).waitFor();
      await ask(page, '利用料金はかかりますか？');
      await log.getByText(/利用は無料です/).waitFor();
    }, { viewport: LAPTOP_1366 }),
  );
});
