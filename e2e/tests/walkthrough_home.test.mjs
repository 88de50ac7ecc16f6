// (11) Item 8 of the walkthrough: each role's home shows what needs doing now, with counts that link to
// where the items are. A new posting of fac-tokyo-01 and an application to it (made through the API) move
// the facility's counts on its home; every role's home is checked at 1366px and 390px, axe-clean.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { LAPTOP_1366, launchBrowser, withPage } from '../lib/browser.mjs';
import { expectAccessibleAtWalkthroughWidths } from '../lib/layout.mjs';
import { daysFromToday } from '../lib/postings.mjs';
import { expectHeading, logIn, uniqueSuffix } from '../lib/pages.mjs';

const HOMES = [
  { login: 'seeker@example.jp', home: '求職者ホーム', todos: ['新しいおすすめ求人', '未読のメッセージ', '日時の回答が必要な面接', '今週（7日以内）の面接', '未読の通知'] },
  { login: 'coord-nurse-13', home: 'コーディネーターホーム', todos: ['対応待ちのコンタクト依頼', '期限の来たフォロー', 'まだ応募・連絡のない急募求人', '受講記録のない研修', '未読の通知'] },
  { login: 'agg-tochigi', home: 'とりまとめ団体ホーム', todos: ['24時間以上更新のない病床報告', '病床報告のない医療機関', '未読の通知'] },
  { login: 'jimukyoku', home: '事務局ホーム', todos: ['回答待ちのお問合せ', '対応待ちのコンタクト依頼', '期限の来たフォロー', 'まだ応募・連絡のない急募求人', '24時間以上更新のない病床報告', '未読の通知'] },
  { login: 'career-09', home: '地域医療支援センターホーム', todos: ['順位の入力中の配属先選定', '未読の通知'] },
];

function todoList(page) {
  return page.getByRole('region', { name: 'いま対応が必要なこと' });
}

/** The count a todo link shows (0 for なし). */
async function todoCount(page, label) {
  const link = todoList(page).getByRole('link', { name: new RegExp(`^${label}`) });
  const text = (await link.textContent()).replace(label, '').trim();
  return text === 'なし' ? 0 : Number(text.replace(/件$/, ''));
}

describe('each role’s home says what needs doing now (issue 11 item 8)', () => {
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

  it('the facility’s counts follow a new posting and an application to it, and link to the work', { timeout: 120_000 }, () =>
    withPage(
      browser,
      'home-facility',
      async (page) => {
        await logIn(page, 'fac-tokyo-01');
        await expectHeading(page, '医療機関ホーム');
        await todoList(page).getByRole('link').first().waitFor();
        const labels = ['新しい応募・問い合わせ', '未読のメッセージ', '今週（7日以内）の面接', '受講記録のない研修', '応募・問い合わせのない公開中の募集', '未読の通知'];
        for (const label of labels) {
          await todoList(page).getByRole('link', { name: new RegExp(`^${label}`) }).waitFor();
        }
        const before = { fresh: await todoCount(page, '新しい応募・問い合わせ'), idle: await todoCount(page, '応募・問い合わせのない公開中の募集') };

        const suffix = uniqueSuffix();
        const posting = await facility.call('POST', '/api/v1/postings', {
          status: 'published',
          title: `E2Eホーム 看護師 ${suffix}`,
          category: 'nurse',
          employment: 'fixed_term',
          start_date: daysFromToday(30),
          period_months: 3,
          weekdays: ['mon'],
          hours: '9:00-17:00',
          urgency: 'regular',
          positions: 1,
          duties: '病棟での看護業務です。',
          training_agreed: true,
          masked: false,
          workplace: { postal_code: '1000001', prefecture: '13', municipality: '131016', street: '千代田1-1' },
          contact: { name: 'E2E担当', phone: '03-1234-5678', email: 'e2e-home@example.jp' },
        });
        postings.push(posting.id);
        await page.reload();
        await expectHeading(page, '医療機関ホーム');
        await todoList(page).getByRole('link').first().waitFor();
        assert.equal(await todoCount(page, '応募・問い合わせのない公開中の募集'), before.idle + 1);

        const seeker = await apiSession('seeker@example.jp');
        try {
          await seeker.call('POST', `/api/v1/postings/${posting.id}/applications`, { kind: 'application', consent: true, message: `E2Eホームの応募です。${suffix}` });
        } finally {
          await seeker.dispose();
        }
        await page.reload();
        await expectHeading(page, '医療機関ホーム');
        await todoList(page).getByRole('link').first().waitFor();
        assert.equal(await todoCount(page, '新しい応募・問い合わせ'), before.fresh + 1);
        assert.equal(await todoCount(page, '応募・問い合わせのない公開中の募集'), before.idle);
        await expectAccessibleAtWalkthroughWidths(page, 'the facility’s home');

        await todoList(page).getByRole('link', { name: /^応募・問い合わせのない公開中の募集/ }).click();
        await page.waitForURL((url) => url.pathname === '/facility/postings' && url.searchParams.get('status') === 'published');
        await expectHeading(page, '募集の管理');
      },
      { viewport: LAPTOP_1366 },
    ),
  );

  for (const role of HOMES) {
    it(`${role.login}: the home lists its counts`, { timeout: 90_000 }, () =>
      withPage(
        browser,
        `home-${role.login}`,
        async (page) => {
          await logIn(page, role.login);
          await expectHeading(page, role.home);
          await todoList(page).getByRole('link').first().waitFor();
          const names = await todoList(page).getByRole('link').allTextContents();
          assert.equal(names.length, role.todos.length, `${role.login}: ${names.join(' / ')}`);
          role.todos.forEach((label, i) => assert.match(names[i], new RegExp(`^${label}(\\d+件|なし)$`)));
          await expectAccessibleAtWalkthroughWidths(page, `${role.home} (${role.login})`);
        },
        { viewport: LAPTOP_1366 },
      ),
    );
  }
});
