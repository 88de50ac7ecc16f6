// (13) The doctor's own account at the career centre: career-09 invites a registry doctor from the doctor's page;
// the invitation mail arrives (the demo's sent-mail page); the doctor opens its link, makes an account, lands on
// 「私のキャリアプラン」 with the plan, ledger and deadlines, and confirms the plan; the centre then approves it.
// The invitation page and the doctor's page are checked with axe at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, mailIdsTo, waitForNewMail } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { followLinkInMail } from '../lib/mails.mjs';
import { expectHeading, field, freshPassword, logIn, uniqueSuffix } from '../lib/pages.mjs';

const thisYear = Number(new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Tokyo' }).slice(0, 4));
const startYear = thisYear - 2;

describe("the doctor's own account: invited by the centre, confirms the plan (issue 13)", () => {
  let browser;
  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('the centre invites, the doctor accepts by mail, reads and confirms the plan, the centre approves', async () => {
    const suffix = uniqueSuffix();
    const name = `招待 医師${suffix}`;
    const email = `career-doctor-${suffix}@example.jp`;
    // The registry doctor with a plan in 本人確認, set up through the API as the centre.
    const centreApi = await apiSession('career-09');
    const areas = await centreApi.call('GET', '/api/v1/reference/areas?prefecture=09');
    const shortage = areas.items.find((a) => a.designation?.designation === '医師少数区域').code;
    const programme = await centreApi.call('POST', '/api/v1/career/programmes', {
      name: `本人連携プログラム${suffix}`, basic_area: '内科',
      rules: [{ kind: 'total_period', months: 108, loan_factor: 1.5 }, { kind: 'shortage_months', months: 48 }],
    });
    const doctor = await centreApi.call('POST', '/api/v1/career/doctors', {
      name, kind: 'regional_prefecture_loan', university: '自治医科大学', graduation_year: startYear, loan_months: 72,
      programme_id: programme.id, status: 'specialist_training', obligation_start: `${startYear}-04`, email,
    });
    await centreApi.call('PUT', `/api/v1/career/doctors/${doctor.id}/plan`, {
      assignments: [
        { kind: 'clinical_training', facility_name: '自治医科大学附属病院', start: `${startYear}-04-01`, end: `${startYear + 2}-03-31`, actual: true },
        { kind: 'work', facility_name: '那須南病院', area_code: shortage, start: `${startYear + 2}-04-01`, end: `${startYear + 6}-03-31` },
        { kind: 'specialist_training', facility_name: '自治医科大学附属病院', start: `${startYear + 6}-04-01`, end: `${startYear + 9}-03-31` },
      ],
    });
    await centreApi.call('POST', `/api/v1/career/doctors/${doctor.id}/plan/state`, { state: 'confirmation' });
    await centreApi.dispose();
    const mailsBefore = await mailIdsTo(email);

    await withPage(browser, 'career-doctor-centre', async (page) => {
      await logIn(page, 'career-09');
      await page.goto(`/career/doctors/${doctor.id}`);
      await expectHeading(page, name);
      const account = page.getByRole('region', { name: '本人のアカウント' });
      await account.getByText('まだ招待していません。').waitFor();
      await account.getByRole('button', { name: '本人を招待する（メールを送る）' }).click();
      await account.getByText(`${email} に招待のメールを送りました。`).waitFor();
      await account.getByText(/招待中/).waitFor();
    });

    const mail = await waitForNewMail(email, mailsBefore);
    assert.match(mail.subject, /キャリアプラン/);
    const password = freshPassword();
    await withPage(browser, 'career-doctor-self', async (page) => {
      await followLinkInMail(page, { address: email, expectedMail: mail, linkPath: '/career/invitation?token=' });
      await expectHeading(page, '地域医療支援センターからの招待');
      await page.getByText(name, { exact: true }).waitFor();
      await expectAccessibleAtWalkthroughWidths(page, 'the invitation page');
      await field(page, 'パスワード').fill(password);
      await field(page, 'パスワード（確認）').fill(password);
      await page.getByRole('button', { name: 'アカウントを作成して連携する' }).click();
      await page.waitForURL((url) => url.pathname === '/me/career');
      await expectHeading(page, '私のキャリアプラン');
      await page.getByRole('heading', { name: '計画の確認をお願いします' }).waitFor();
      await page.getByRole('cell', { name: '那須南病院' }).first().waitFor();
      await page.getByRole('heading', { name: '期限' }).waitFor();
      await page.getByRole('cell', { name: '業務従事証明書の提出' }).waitFor();
      await page.getByRole('heading', { name: '義務履行の台帳' }).waitFor();
      // Interview records are the centre's own: nothing of them here.
      assert.equal(await page.getByText('面談記録').count(), 0);
      await expectAccessibleAtWalkthroughWidths(page, "the doctor's own page");
      await page.getByRole('button', { name: 'この計画を確認しました' }).click();
      await page.getByText('計画を確認しました。センターの承認をお待ちください。').waitFor();
      await page.getByText('状態：本人確認済み', { exact: false }).first().waitFor();
    });

    await withPage(browser, 'career-doctor-approve', async (page) => {
      await logIn(page, 'career-09');
      await page.goto('/career');
      await page.getByRole('region', { name: '本人が確認した計画（承認待ち）' }).getByRole('link', { name }).click();
      await expectHeading(page, name);
      await page.getByText(/本人のアカウントと連携しています/).waitFor();
      await page.getByRole('button', { name: '承認する' }).click();
      await page.getByText('状態：承認済み', { exact: false }).first().waitFor();
    });
  });
});
