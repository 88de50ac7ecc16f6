// (14) The bed board and help desk pages pass axe's WCAG 2.1 A/AA rules on a
// desktop and on a 375px phone, where they must also fit without sideways
// scrolling: the board (filtered too) and a facility's detail, the report
// form (also with the server's errors), the inquiry list, inbox, form and an
// inquiry with its thread and files, the FAQ and an article, the
// announcements and one announcement, and the secretariat's forms.
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession, smallPdf } from '../lib/api_session.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtBothWidths } from '../lib/layout.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';

/** An inquiry of fac-tokyo-01 with a file, answered by the secretariat, so its page has a whole thread. */
async function answeredInquiry() {
  const facility = await apiSession('fac-tokyo-01');
  const secretariat = await apiSession('jimukyoku');
  try {
    const subject = `アクセシビリティ確認 ${uniqueSuffix()}`;
    const inquiry = await facility.call('POST', '/api/v1/helpdesk/inquiries', {
      subject,
      body: '1行目\n2行目',
      category: 'usage',
      attachments: [{ filename: '画面.pdf', content_type: 'application/pdf', data_base64: smallPdf(subject).toString('base64') }],
    });
    await secretariat.call('POST', `/api/v1/helpdesk/inquiries/${inquiry.id}/messages`, { body: '回答です。\nご確認ください。' });
    return inquiry;
  } finally {
    await facility.dispose();
    await secretariat.dispose();
  }
}

describe('bed board and help desk accessibility', () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(() => browser?.close());

  it('the aggregator’s board and a facility’s detail', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-beds-aggregator', async (page) => {
      await logIn(page, 'agg-tochigi');
      await page.goto('/beds');
      await expectHeading(page, '病床状況一覧');
      await page.getByText(/^\d+件中 \d+–\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the bed board');

      await page.goto('/beds?area=0903&accepts=infection&sort=vacant');
      await page.getByText(/^\d+件中 \d+–\d+件$|^0件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the filtered bed board');

      await page.goto('/beds?sort=bogus&accepts=nothing');
      await page.getByText('検索条件に誤りがあります。各項目のメッセージを確認してください。').waitFor();
      await expectAccessibleAtBothWidths(page, 'the bed board with refused filters');

      await page.goto('/beds');
      await page.getByRole('region', { name: /病床状況一覧/ }).getByRole('link', { name: '宇都宮市ひばり記念病院' }).click();
      await expectHeading(page, '宇都宮市ひばり記念病院');
      await page.getByRole('heading', { name: 'これまでの報告' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'a facility’s bed details');
    }),
  );

  it('the facility’s report form and its own help desk pages', { timeout: 180_000 }, async () => {
    const inquiry = await answeredInquiry();
    await withPage(browser, 'axe-beds-facility', async (page) => {
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/beds/report');
      await expectHeading(page, '病床状況の報告');
      await page.getByRole('heading', { name: '報告の履歴' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the bed report form');

      // With the server's refusal at a ward's input (nothing is saved).
      await page.getByLabel('HCUの許可病床数', { exact: true }).fill('1');
      await page.getByLabel('HCUの確保病床数', { exact: true }).fill('2');
      await page.getByLabel('HCUの空床数', { exact: true }).fill('3');
      await page.getByRole('button', { name: '報告する' }).click();
      await page.getByRole('alert').getByRole('link', { name: /「HCU」の空床数が許可病床数を超えています/ }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the bed report form with errors');

      await page.getByRole('link', { name: '一覧での表示を確認する' }).click();
      await page.getByRole('heading', { name: '最新の報告' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the facility’s own bed details');

      await page.goto('/helpdesk');
      await expectHeading(page, 'お問合せ');
      await page.getByRole('link', { name: inquiry.subject }).first().waitFor({ state: 'attached' });
      await expectAccessibleAtBothWidths(page, 'the inquiry list');

      await page.goto('/helpdesk/new');
      await expectHeading(page, '新規お問合せ');
      await expectAccessibleAtBothWidths(page, 'the inquiry form');
      await page.getByLabel('添付ファイル').setInputFiles([
        { name: 'a.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
        { name: '説明.txt', mimeType: 'text/plain', buffer: Buffer.from('説明\n') },
      ]);
      await page.getByRole('button', { name: '送信する' }).click();
      await page.getByText('「件名」を入力してください。').waitFor();
      await expectAccessibleAtBothWidths(page, 'the inquiry form with errors and a refused file');

      await page.goto(`/helpdesk/${inquiry.id}`);
      await expectHeading(page, inquiry.subject);
      await page.getByRole('heading', { name: /^事務局からの回答/ }).waitFor();
      await expectAccessibleAtBothWidths(page, 'an answered inquiry');

      await page.goto('/announcements');
      await expectHeading(page, 'お知らせ');
      await page.getByText(/^\d+件（未読 \d+件）$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the announcements of a facility');
      await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
      await page.getByRole('link', { name: 'お知らせの一覧に戻る' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'an announcement');
    });
  });

  it('the secretariat’s board, inbox and forms', { timeout: 180_000 }, () =>
    withPage(browser, 'axe-helpdesk-secretariat', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.goto('/beds?prefecture=09');
      await expectHeading(page, '病床状況一覧');
      await page.getByText(/^\d+件中 \d+–\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the secretariat’s bed board');

      await page.goto('/helpdesk?status=answered');
      await expectHeading(page, 'お問合せ（受信箱）');
      await page.getByText(/^\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the inbox');

      await page.goto('/faq');
      await expectHeading(page, 'よくある質問（FAQ）');
      await page.getByRole('link', { name: '記事を作成する' }).waitFor();
      await expectAccessibleAtBothWidths(page, 'the FAQ with its editing links');

      await page.goto('/faq/new');
      await expectHeading(page, 'FAQ記事の作成');
      await page.getByRole('button', { name: '保存する' }).click();
      await page.getByText('「回答」を入力してください。').waitFor();
      await expectAccessibleAtBothWidths(page, 'the FAQ form with errors');

      await page.goto('/announcements/new');
      await expectHeading(page, 'お知らせの掲載');
      await page.getByLabel('ロールを選ぶ').check();
      await page.getByRole('button', { name: '掲載する' }).click();
      await page.getByText('「タイトル」を入力してください。').waitFor();
      await expectAccessibleAtBothWidths(page, 'the announcement form with errors');
    }),
  );

  it('the public FAQ, an article and the announcements', { timeout: 120_000 }, () =>
    withPage(browser, 'axe-helpdesk-public', async (page) => {
      await page.goto('/faq?q=%EF%BE%8F%EF%BD%BD%EF%BD%B7%EF%BE%9D%EF%BD%B8%EF%BE%9E');
      await expectHeading(page, 'よくある質問（FAQ）');
      await page.getByText(/の検索結果：\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the FAQ search');

      await page.getByRole('link', { name: /募集を「マスキング」するとどうなりますか？/ }).click();
      await expectHeading(page, '募集を「マスキング」するとどうなりますか？');
      await expectAccessibleAtBothWidths(page, 'an FAQ article');

      await page.goto('/announcements');
      await expectHeading(page, 'お知らせ');
      await page.getByText(/^\d+件$/).waitFor();
      await expectAccessibleAtBothWidths(page, 'the public announcements');
    }),
  );
});
