// (13) FAQ and announcements (G-MIS 4-3, 4-4). Anyone finds the masking
// article by typing ﾏｽｷﾝｸﾞ in half-width katakana; the secretariat writes an
// article as a draft nobody else sees, then publishes it; it publishes an
// announcement with a file for facilities only, which a facility sees as
// unread until it opens it, and an anonymous visitor does not see at all.
// An announcement with a typo is corrected after 掲載 (readers see the new
// text marked 更新) and then withdrawn with a reason: it disappears for its
// readers, the secretariat still lists it as 取り下げ済み, and the history
// names who did what by name and organisation (at 1366px and 390px, axe-clean).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession, smallPdf } from '../lib/api_session.mjs';
import { BASE_URL, LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

async function anonymousGet(path) {
  const response = await fetch(`${BASE_URL}${path}`, { headers: { Accept: 'application/json' } });
  return { status: response.status, body: await response.json() };
}

/** The list's 「N件（未読 M件）」 line, as numbers. */
async function unreadCount(page) {
  const line = page.getByText(/^\d+件（未読 \d+件）$/);
  await line.waitFor();
  return Number(/未読 (\d+)件/.exec(await line.textContent())[1]);
}

describe('FAQ and announcements', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('a half-width ﾏｽｷﾝｸﾞ finds the masking article, from the login page on', { timeout: 60_000 }, () =>
    withPage(browser, 'faq-search', async (page) => {
      await page.goto('/login');
      await page.getByRole('main').getByRole('link', { name: 'よくある質問（FAQ）' }).click();
      await expectHeading(page, 'よくある質問（FAQ）');
      await page.getByRole('navigation', { name: 'カテゴリ' }).getByRole('link', { name: /^人材募集（\d+）$/ }).waitFor();

      await field(page, 'キーワード').fill('ﾏｽｷﾝｸﾞ');
      await page.getByRole('button', { name: '検索する' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'ﾏｽｷﾝｸﾞ');
      await page.getByText(/^「ﾏｽｷﾝｸﾞ」の検索結果：\d+件$/).waitFor();
      const article = page.getByRole('link', { name: /募集を「マスキング」するとどうなりますか？/ });
      await article.click();
      await expectHeading(page, '募集を「マスキング」するとどうなりますか？');
      await page.getByText(/医療機関名・郵便番号・市区町村/).waitFor();
      assert.match(await page.title(), /マスキング/);
    }),
  );

  it('the secretariat keeps an article as a draft, then publishes it', { timeout: 90_000 }, () =>
    withPage(browser, 'faq-edit', async (page) => {
      const question = `E2E 下書きの質問 ${uniqueSuffix()}`;
      await logIn(page, 'jimukyoku');
      await page.getByRole('main').getByRole('link', { name: /^FAQ管理/ }).click();
      await expectHeading(page, 'よくある質問（FAQ）');
      await page.getByRole('link', { name: '記事を作成する' }).click();
      await expectHeading(page, 'FAQ記事の作成');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByText('「質問」を入力してください。').waitFor();

      await field(page, 'カテゴリ').fill('E2Eテスト');
      await field(page, '質問').fill(question);
      await field(page, '回答').fill('1行目\n2行目');
      await page.getByLabel('公開する').uncheck();
      await page.getByRole('button', { name: '保存する' }).click();
      await expectHeading(page, question);
      await page.getByText('記事を保存しました。').waitFor();
      await page.getByText('非公開', { exact: true }).waitFor();
      const id = new URL(page.url()).pathname.split('/').pop();

      // Nobody else sees a draft: not in the list, not by its address.
      assert.equal((await anonymousGet(`/api/v1/faq?q=${encodeURIComponent(question)}`)).body.total, 0);
      assert.equal((await anonymousGet(`/api/v1/faq/${id}`)).status, 404);

      await page.getByRole('link', { name: '編集する' }).click();
      await expectHeading(page, 'FAQ記事の編集');
      assert.equal(await field(page, '質問').inputValue(), question);
      await page.getByLabel('公開する').check();
      await page.getByRole('button', { name: '保存する' }).click();
      await expectHeading(page, question);
      assert.equal(await page.getByText('非公開', { exact: true }).count(), 0);
      assert.equal((await anonymousGet(`/api/v1/faq?q=${encodeURIComponent(question)}`)).body.total, 1);
    }),
  );

  it('an announcement for facilities is unread until opened, and hidden from visitors', { timeout: 120_000 }, async () => {
    const title = `E2E 施設向けのお知らせ ${uniqueSuffix()}`;
    await withPage(browser, 'announcement-publish', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.getByRole('main').getByRole('link', { name: /^お知らせ掲載/ }).click();
      await expectHeading(page, 'お知らせの掲載');
      await field(page, 'タイトル').fill(title);
      await field(page, '本文').fill('冬季の病床報告について。\n添付の資料をご確認ください。');
      await page.getByLabel('ロールを選ぶ').check();
      await page.getByRole('button', { name: '掲載する' }).click();
      await page.getByText('対象のロールを1つ以上選んでください。').waitFor();
      await page.getByRole('group', { name: '対象のロール' }).getByLabel('医療機関').check();
      await page.getByLabel('添付ファイル').setInputFiles({ name: '資料.pdf', mimeType: 'application/pdf', buffer: smallPdf(title) });
      await page.getByRole('button', { name: '掲載する' }).click();
      await expectHeading(page, title);
      await page.getByText('お知らせを掲載しました。').waitFor();
      await page.getByText('対象：医療機関').waitFor();
    });

    const visitorList = await anonymousGet('/api/v1/announcements');
    assert.ok(!visitorList.body.items.some((item) => item.title === title), 'a visitor sees an announcement for facilities');

    await withPage(browser, 'announcement-read', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.getByRole('main').getByRole('link', { name: /^お知らせ/ }).first().click();
      await expectHeading(page, 'お知らせ');
      const before = await unreadCount(page);
      const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
      await item.getByText('未読', { exact: true }).waitFor();

      await item.getByRole('link', { name: title }).click();
      await expectHeading(page, title);
      await page.getByText('添付の資料をご確認ください。').waitFor();
      const href = await page.getByRole('link', { name: '資料.pdf' }).getAttribute('href');
      const file = await page.request.get(href);
      assert.equal(file.status(), 200);
      assert.equal((await file.body()).subarray(0, 5).toString('latin1'), '%PDF-');

      await page.getByRole('link', { name: 'お知らせの一覧に戻る' }).click();
      await expectHeading(page, 'お知らせ');
      await page.getByText(new RegExp(`（未読 ${before - 1}件）$`)).waitFor();
      assert.equal(await item.getByText('未読', { exact: true }).count(), 0);
    });
  });

  it('an announcement is corrected and withdrawn after 掲載, with its history by name', { timeout: 180_000 }, async () => {
    const suffix = uniqueSuffix();
    const title = `E2E 訂正するお知らせ ${suffix}`;
    const secretariat = await apiSession('jimukyoku');
    const published = await secretariat.call('POST', '/api/v1/announcements', {
      title,
      body: '病床報告の締切は毎週月躍日です。',
      audience: 'all',
    });
    await secretariat.dispose();
    const path = `/announcements/${published.id}`;

    await withPage(
      browser,
      'announcement-correct',
      async (page) => {
        await logIn(page, 'jimukyoku');
        await page.goto(path);
        await expectHeading(page, title);
        const history = page.getByRole('region', { name: '変更履歴' });
        await history.getByRole('heading', { name: '掲載', exact: true }).waitFor();
        await history.getByText(/事務局 担当者（かけはし事務局）/).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'an announcement with the secretariat\'s actions');

        await page.getByRole('link', { name: '編集する' }).click();
        await expectHeading(page, 'お知らせの編集');
        assert.equal(await field(page, 'タイトル').inputValue(), title);
        await field(page, '本文').fill('');
        await page.getByRole('button', { name: '保存する' }).click();
        await page.getByText('「本文」を入力してください。').first().waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the announcement edit form with an error');
        await field(page, 'タイトル').fill(`${title}（訂正）`);
        await field(page, '本文').fill('病床報告の締切は毎週月曜日です。');
        await page.getByRole('button', { name: '保存する' }).click();
        await expectHeading(page, `${title}（訂正）`);
        await page.getByText('お知らせを更新しました。').waitFor();
        await page.getByText(/（更新：.+）/).waitFor();
        const edited = history.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '編集', exact: true }) });
        await edited.getByText('病床報告の締切は毎週月躍日です。').waitFor();
        await edited.getByText('病床報告の締切は毎週月曜日です。').waitFor();
        await edited.getByText(`${title}（訂正）`).waitFor();
        assert.equal(await history.getByText('jimukyoku').count(), 0, 'no login ID in the history');
      },
      { viewport: LAPTOP_1366 },
    );

    // A reader sees the corrected text at once, marked as updated.
    await withPage(
      browser,
      'announcement-corrected-read',
      async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await page.goto(path);
        await expectHeading(page, `${title}（訂正）`);
        await page.getByText('病床報告の締切は毎週月曜日です。').waitFor();
        await page.getByText(/（更新：.+）/).waitFor();
        assert.equal(await page.getByRole('link', { name: '編集する' }).count(), 0);
        assert.equal(await page.getByRole('button', { name: '掲載を取り下げる' }).count(), 0);
        assert.equal(await page.getByRole('region', { name: '変更履歴' }).count(), 0);
      },
      { viewport: LAPTOP_1366 },
    );

    await withPage(
      browser,
      'announcement-withdraw',
      async (page) => {
        await logIn(page, 'jimukyoku');
        await page.goto(path);
        await expectHeading(page, `${title}（訂正）`);
        await page.getByRole('button', { name: '掲載を取り下げる' }).click();
        await page.getByRole('heading', { name: 'このお知らせの掲載を取り下げますか？' }).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the withdrawal confirmation');
        await field(page, '取り下げの理由（任意）').fill('内容を見直して改めて掲載します。');
        await page.getByRole('button', { name: '取り下げる', exact: true }).click();
        await page.getByText('お知らせの掲載を取り下げました。').waitFor();
        await page.getByText('取り下げ済み', { exact: true }).waitFor();
        assert.equal(await page.getByRole('link', { name: '編集する' }).count(), 0, 'a withdrawn announcement is final');
        const history = page.getByRole('region', { name: '変更履歴' });
        const gone = history.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '取り下げ', exact: true }) });
        await gone.getByText('内容を見直して改めて掲載します。').waitFor();
        await gone.getByText(/事務局 担当者（かけはし事務局）/).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'a withdrawn announcement with its history');

        // The secretariat's list keeps it, marked.
        await page.getByRole('link', { name: 'お知らせの一覧に戻る' }).click();
        await expectHeading(page, 'お知らせ');
        const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `${title}（訂正）` }) });
        await item.getByText('取り下げ済み', { exact: true }).waitFor();
        await expectAccessibleAtWalkthroughWidths(page, 'the secretariat\'s announcement list with a withdrawn one');
      },
      { viewport: LAPTOP_1366 },
    );

    // Gone for its readers: not in the list, and its address says it cannot be found.
    await withPage(
      browser,
      'announcement-withdrawn-read',
      async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await page.goto('/announcements');
        await expectHeading(page, 'お知らせ');
        await page.getByText(/^\d+件（未読 \d+件）$/).waitFor();
        assert.equal(await page.getByRole('link', { name: `${title}（訂正）` }).count(), 0);
        await page.goto(path);
        await expectHeading(page, 'お知らせが見つかりません');
      },
      { viewport: LAPTOP_1366 },
    );
    assert.equal((await anonymousGet(path.replace('/announcements', '/api/v1/announcements'))).status, 404);
  });
});
