// (11) The help desk round trip of G-MIS 4-1/4-2: a facility asks with a PDF
// attached, the secretariat finds the inquiry in its inbox and answers, the
// facility is mailed that an answer arrived, follows the mail's link and asks
// a follow-up, and the status reads 追加質問. Files the server would refuse
// are refused in the browser first, by name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable, mailIdsTo, waitForNewMail } from '../lib/api.mjs';
import { smallPdf } from '../lib/api_session.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { followLinkInMail } from '../lib/mails.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';

const FACILITY = 'fac-osaka-01';
const FACILITY_ADDRESS = 'fac-osaka-01@kakehashi.example';

/** The status shown on an inquiry's page. */
function statusBadge(page, name) {
  return page.getByRole('definition').filter({ hasText: new RegExp(`^${name}$`) });
}

describe('help desk', () => {
  let browser;
  let mailsAvailable;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    mailsAvailable = await devMailsAvailable();
  });
  after(() => browser?.close());

  it('a facility asks with a PDF, the secretariat answers, the facility is mailed and follows up', { timeout: 180_000 }, async (t) => {
    if (!mailsAvailable) {
      t.skip('the server has no demo mail box (no --demo, or real SMTP)');
      return;
    }
    const subject = `病床報告の入力方法について ${uniqueSuffix()}`;
    const pdf = smallPdf(subject);
    let inquiryPath;

    await withPage(browser, 'helpdesk-ask', async (page) => {
      await logIn(page, FACILITY);
      await page.getByRole('main').getByRole('link', { name: /^お問合せ/ }).click();
      await expectHeading(page, 'お問合せ');
      await page.getByRole('link', { name: '新規お問合せ' }).click();
      await expectHeading(page, '新規お問合せ');
      await page.getByText(/1件5MBまで、5件まで添付できます/).waitFor();

      // Required fields are named when missing, nothing is sent.
      await page.getByRole('button', { name: '送信する' }).click();
      await page.getByText('「件名」を入力してください。').waitFor();
      await page.getByText('「内容」を入力してください。').waitFor();

      await field(page, '件名').fill(subject);
      await field(page, 'カテゴリ').selectOption({ label: '病床状況' });
      await field(page, '内容').fill('ICUの空床数はどこに入力しますか？\n<b>太字</b>にはなりません。');
      const files = page.getByLabel('添付ファイル');
      // A kind the server refuses is refused here at once, by name; the PDF is kept.
      await files.setInputFiles([
        { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
        { name: '画面.pdf', mimeType: 'application/pdf', buffer: pdf },
      ]);
      await page.getByText('「setup.exe」は添付できない種類のファイルです（PDF、画像、Officeファイル、テキスト、CSVのみ）。').waitFor();
      await page.getByRole('button', { name: '「画面.pdf」を添付から外す' }).waitFor();
      await page.getByRole('button', { name: '送信する' }).click();

      await expectHeading(page, subject);
      await statusBadge(page, '受付').waitFor();
      await page.getByText('お問合せを受け付けました。').waitFor();
      // The body is text with its line break; the markup shows as characters.
      await page.getByText('<b>太字</b>にはなりません。', { exact: false }).waitFor();
      assert.equal(await page.locator('main b').count(), 0);
      await page.getByRole('link', { name: '画面.pdf' }).waitFor();
      inquiryPath = new URL(page.url()).pathname;
      assert.match(inquiryPath, /^\/helpdesk\/[\w-]+$/);
    });

    const knownMails = await mailIdsTo(FACILITY_ADDRESS);
    await withPage(browser, 'helpdesk-answer', async (page) => {
      await logIn(page, 'jimukyoku');
      await page.getByRole('main').getByRole('link', { name: /^お問合せ（受信箱）/ }).click();
      await expectHeading(page, 'お問合せ（受信箱）');
      await field(page, '状態').selectOption({ label: '受付' });
      await field(page, '件名のキーワード').fill(subject);
      await page.getByRole('button', { name: '絞り込む' }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'received');
      await page.getByText(/^1件$/).waitFor();
      await page.getByRole('region', { name: /お問合せ（受信箱）/ }).getByRole('link', { name: subject }).click();
      await expectHeading(page, subject);

      // The secretariat can open the attachment: the very bytes that were sent.
      const href = await page.getByRole('link', { name: '画面.pdf' }).getAttribute('href');
      const file = await page.request.get(href);
      assert.equal(file.status(), 200);
      assert.ok((await file.body()).equals(pdf), 'the downloaded attachment differs from the sent PDF');
      assert.match(file.headers()['content-disposition'], /^attachment/);

      await page.getByRole('heading', { name: '回答する' }).waitFor();
      await field(page, '回答').fill('ICUの行の「空床数」に入力してください。\n空欄の病棟種別は報告されません。');
      await page.getByRole('button', { name: '回答を送信する' }).click();
      await page.getByText('回答を送信しました。').waitFor();
      await statusBadge(page, '回答済').waitFor();
      await page.getByRole('heading', { name: /^事務局からの回答/ }).waitFor();
    });

    const mail = await waitForNewMail(FACILITY_ADDRESS, knownMails);
    assert.match(mail.subject, /お問合せへの回答/);
    assert.ok(mail.subject.includes(subject) || mail.body.includes(subject), 'the mail does not name the inquiry');
    assert.match(mail.body, /回答がありました/);

    await withPage(browser, 'helpdesk-follow-up', async (page) => {
      await logIn(page, FACILITY);
      await followLinkInMail(page, { address: FACILITY_ADDRESS, expectedMail: mail, linkPath: inquiryPath });
      await expectHeading(page, subject);
      await statusBadge(page, '回答済').waitFor();
      await page.getByText('空欄の病棟種別は報告されません。').waitFor();

      await page.getByRole('heading', { name: '追加で質問する' }).waitFor();
      await field(page, '追加質問').fill('HCUも同じですか？');
      await page.getByLabel('添付ファイル').setInputFiles({ name: 'メモ.txt', mimeType: 'text/plain', buffer: Buffer.from('HCUの件\n', 'utf8') });
      await page.getByRole('button', { name: '送信する', exact: true }).click();
      await page.getByText('追加質問を送信しました。').waitFor();
      await statusBadge(page, '追加質問').waitFor();
      await page.getByRole('link', { name: 'メモ.txt' }).waitFor();

      // The list says so too.
      await page.getByRole('link', { name: 'お問合せの一覧に戻る' }).click();
      await expectHeading(page, 'お問合せ');
      const row = page.getByRole('region', { name: /お問合せ/ }).getByRole('row').filter({ hasText: subject });
      await row.getByText('追加質問', { exact: true }).waitFor();
    });
  });

  it('an inquiry is closed with 「完了にする」 and takes no more replies', { timeout: 90_000 }, () =>
    withPage(browser, 'helpdesk-close', async (page) => {
      const subject = `完了の確認 ${uniqueSuffix()}`;
      await logIn(page, 'fac-tokyo-01');
      await page.goto('/helpdesk/new');
      await expectHeading(page, '新規お問合せ');
      await field(page, '件名').fill(subject);
      await field(page, '内容').fill('解決しました。');
      await page.getByRole('button', { name: '送信する' }).click();
      await expectHeading(page, subject);
      await page.getByRole('button', { name: '完了にする' }).click();
      await statusBadge(page, '完了').waitFor();
      await page.getByText('このお問合せは完了しています。').waitFor();
      assert.equal(await page.getByRole('button', { name: '送信する' }).count(), 0);
    }),
  );
});
