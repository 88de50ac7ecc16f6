// (16) The chat's dictionary: the secretariat opens 「チャット辞書」 from its home, asks 試してみる a question the chat
// cannot answer (a word nobody has taught it), adds a synonym group in the browser and sees 試してみる change to an
// answer with the password article first; deleting the group (after confirming) takes it back. The page is
// axe-clean at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, logIn } from '../lib/pages.mjs';

// A word of its own per run (katakana from the clock), so a rerun on the same database starts from scratch.
const WORD = `ヒミツノ${[...String(Date.now()).slice(-5)].map((d) => 'アイウエオカキクケコ'[Number(d)]).join('')}`;
const QUESTION = `${WORD}をなくした`;

describe('the chat dictionary', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the secretariat adds a synonym group and 試してみる changes from not answering to answering', { timeout: 180_000 }, () =>
    withPage(browser, 'chat-dictionary', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.goto('/');
      await page.getByRole('link', { name: 'チャット辞書' }).first().click();
      await expectHeading(page, 'チャット辞書');

      const tryBox = page.getByRole('region', { name: '試してみる' });
      await tryBox.getByRole('textbox', { name: '質問' }).fill(QUESTION);
      await tryBox.getByRole('button', { name: '試してみる' }).click();
      const result = page.getByTestId('try-result');
      await result.waitFor();
      const before = await result.locator('p').first().textContent();
      assert.doesNotMatch(before, /回答します/, `not answered before: ${before}`);
      await expectAccessibleAtWalkthroughWidths(page, 'the chat dictionary with a 試してみる result');

      const synonyms = page.getByRole('region', { name: '同義語' });
      await synonyms.getByRole('textbox', { name: /新しい同義語グループ/ }).fill(`パスワードを忘れた、${QUESTION}`);
      await synonyms.getByRole('button', { name: '追加する' }).click();
      await synonyms.getByText('同義語グループを追加しました。').waitFor();
      await result.getByText(/判定：回答します/).waitFor();
      const first = await result.getByRole('listitem').first().textContent();
      assert.match(first, /パスワード/, 'the password article comes first');
      assert.match(await result.textContent(), /総合 \d\.\d\d（単語 \d\.\d\d・2文字 \d\.\d\d）/);
      assert.match(await result.textContent(), /パスワードを忘れた/, 'read as the group\'s first term');

      // The new group is listed; it is found by the filter and deleted after confirming.
      await synonyms.getByRole('searchbox', { name: '同義語を絞り込む' }).fill(WORD);
      await synonyms.getByText(QUESTION, { exact: false }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the chat dictionary after adding a group');
      await synonyms.getByRole('button', { name: '「パスワードを忘れた」のグループを削除' }).click();
      const dialog = page.getByRole('dialog', { name: '同義語グループを削除しますか？' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '削除' }).click();
      await synonyms.getByText(/のグループを削除しました。/).waitFor();
      await result.getByText(/判定：(言い換え|選択肢)/).waitFor();
    }),
  );

  it('a paraphrase editor per FAQ article; refusals are shown under the field in Japanese', { timeout: 120_000 }, () =>
    withPage(browser, 'chat-dictionary-phrases', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.goto('/admin/chat');
      await expectHeading(page, 'チャット辞書');
      const synonyms = page.getByRole('region', { name: '同義語' });
      await synonyms.getByRole('textbox', { name: /新しい同義語グループ/ }).fill('ひとつだけ');
      await synonyms.getByRole('button', { name: '追加する' }).click();
      await synonyms.getByText(/「同義語」は2〜20件/).waitFor();

      const phrases = page.getByRole('region', { name: 'FAQ記事の言い換え' });
      const select = phrases.getByRole('combobox', { name: 'FAQ記事' });
      const value = await select.locator('option').nth(1).getAttribute('value');
      await select.selectOption(value);
      const area = phrases.getByRole('textbox', { name: '言い換え（1行に1つ）' });
      await area.waitFor();
      const original = await area.inputValue();
      await area.fill(`${original}\nあ`);
      await phrases.getByRole('button', { name: '言い換えを保存する' }).click();
      await phrases.getByText(/「言い換え」の\d+番目は2〜200文字/).waitFor();
      await area.fill(original);
      await phrases.getByRole('button', { name: '言い換えを保存する' }).click();
      await phrases.getByText(/言い換えを保存しました/).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the chat dictionary paraphrase editor');
    }),
  );
});
