// (12) The facility's side of matching, in the browser: fac-tokyo-01 opens the candidates of a masked
// posting of its own, filters and sorts them on the server (a wrong limit is refused next to its field),
// chooses one anonymous candidate and sends a コンタクト依頼 with a message for the coordinator. The
// candidate — a seeker registered in this test, picked out by a combination of conditions only they have —
// finds it on 「届いたコンタクト依頼」 without any withheld value, and accepts after a confirmation that says
// what follows. coord-nurse-13 sees the request (with the facility's message) while it waits for the seeker,
// and, on its candidate search for the posting, the same scores and ＋/－ reasons as the facility; it then
// establishes the match on the application; the facility sees 成立 and, on the application, the
// seeker's name. A second seeker declines: the facility sees 「辞退 1件」 and that handle nowhere. The refusals:
// a seeker who turned requests off cannot be chosen, the daily limit is said, another facility sees nothing.
// Every page is checked with axe at 1366 and 390 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertServerIsUp, devMailsAvailable } from '../lib/api.mjs';
import { apiSession } from '../lib/api_session.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { launchBrowser, withPage } from '../lib/browser.mjs';
import { expectNoHorizontalScroll } from '../lib/layout.mjs';
import { waitForMailContaining } from '../lib/notifications.mjs';
import { choice, daysFromToday } from '../lib/postings.mjs';
import { expectHeading, field, logIn, uniqueSuffix } from '../lib/pages.mjs';
import { registerVerifiedSeeker } from '../lib/seekers.mjs';

const FACILITY_NAME = '千代田区神田さくら病院';
const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 390, height: 844 };
const MESSAGE_TO_COORDINATOR = '夜勤なしでのご相談が可能です。';

/** axe at a desktop width and at a phone's, where the page must also fit without sideways scrolling. */
async function expectAccessible(page, what) {
  await page.setViewportSize(WIDE);
  await expectNoAxeViolations(page, `${what} (1366px)`);
  await page.setViewportSize(NARROW);
  await expectNoAxeViolations(page, `${what} (390px)`);
  await expectNoHorizontalScroll(page, `${what} (390px)`);
  await page.setViewportSize(WIDE);
}

function section(page, heading) {
  return page.getByRole('region', { name: heading, exact: true });
}

function randomBetween(min, max) {
  return min + Math.floor(Math.random() * (max - min + 1));
}

function expectNoneOf(text, values, where) {
  for (const value of values) {
    assert.ok(!text.includes(value), `${where} contains ${value}`);
  }
}

/** 希望条件 through the form, as a seeker fills it; the request setting is on unless said otherwise. */
async function saveConditions(page, marks, { requests = true } = {}) {
  await page.goto('/me/profile');
  await expectHeading(page, '希望条件');
  await choice(page, '職種・資格', '看護師').check();
  await choice(page, '希望する雇用形態', '有期').check();
  for (const day of ['月', '火', '水', '木', '金']) {
    await choice(page, '勤務可能な曜日', day).check();
  }
  await field(page, '経験年数').fill(String(marks.experience_years));
  await field(page, '勤務開始可能日').fill(marks.available_from);
  await field(page, '希望期間（最長月数）').fill(String(marks.period_months_max));
  await choice(page, '希望する都道府県', '東京都').check();
  await choice(page, '通知方法', 'すぐに').check();
  assert.equal(await field(page, '医療機関からのコンタクト依頼を受け取る').isChecked(), true, 'requests are on by default');
  if (!requests) {
    await field(page, '医療機関からのコンタクト依頼を受け取る').uncheck();
  }
  await page.getByRole('button', { name: '保存する' }).click();
  await page.getByText('希望条件を保存しました').waitFor();
}

/** The facility's handle of the candidate with `marks`, once the matching engine has them. */
async function handleOf(facility, postingId, marks) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { items } = await facility.call('GET', `/api/v1/postings/${postingId}/matches?per_page=100&min_experience=${marks.experience_years}`);
    const found = items.filter(({ candidate }) => Object.entries(marks).every(([key, value]) => candidate[key] === value));
    assert.ok(found.length <= 1, `${found.length} candidates have ${JSON.stringify(marks)}`);
    if (found.length === 1) {
      return found[0].handle;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no candidate with ${JSON.stringify(marks)}`);
}

/** The marks of this run's seeker: demo seekers have under 30 years of experience. */
function freshMarks() {
  return { experience_years: randomBetween(40, 60), available_from: daysFromToday(randomBetween(1, 20)), period_months_max: randomBetween(3, 60) };
}

describe('contact requests from a facility', () => {
  let browser;
  let facility;
  let posting;
  const suffix = uniqueSuffix();
  const digits = String(Date.now()).slice(-8);
  const secret = {
    street: `神田${digits.slice(0, 2)}-${digits.slice(2, 4)}`,
    building: `E2Eスカウト秘密館${suffix}`,
    person: `E2Eスカウト担当${suffix}`,
    phone: `03-${digits.slice(0, 4)}-${digits.slice(4)}`,
    email: `e2e-scout-${suffix}@example.jp`,
  };
  const withheld = [FACILITY_NAME, ...Object.values(secret)];

  before(async () => {
    await assertServerIsUp();
    browser = await launchBrowser();
    facility = await apiSession('fac-tokyo-01');
    posting = await facility.call('POST', '/api/v1/postings', {
      title: `E2Eスカウト 病棟看護師 ${suffix}`,
      category: 'nurse',
      employment: 'fixed_term',
      start_date: daysFromToday(30),
      period_months: 3,
      weekdays: ['mon', 'wed'],
      full_time: true,
      night_duty: false,
      urgency: 'regular',
      positions: 2,
      duties: '病棟での看護業務です。',
      requirements: '看護師免許、臨床経験3年以上',
      training_agreed: true,
      workplace: { postal_code: '1010047', prefecture: '13', municipality: '131016', street: secret.street, building: secret.building },
      contact: { name: secret.person, phone: secret.phone, email: secret.email },
      masked: true,
      status: 'published',
    });
  });
  after(async () => {
    // Leave nothing open for the next run: the posting is withdrawn.
    if (posting !== undefined) {
      await facility.call('PATCH', `/api/v1/postings/${posting.id}`, { status: 'closed', close_reason: 'withdrawn' }).catch(() => {});
    }
    await facility?.dispose();
    await browser?.close();
  });

  it('goes from the facility’s choice to an accepted request and an established match', { timeout: 600_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box, so there is no sent-mail page to read the verification link from');
      return;
    }
    const marks = freshMarks();
    await withPage(browser, 'contact-requests-seeker', async (seekerPage) => {
      const seeker = await registerVerifiedSeeker(seekerPage, `E2Eスカウト ${suffix}`);
      await saveConditions(seekerPage, marks);
      const handle = await handleOf(facility, posting.id, marks);

      await withPage(browser, 'contact-requests-facility', async (facilityPage) => {
        await logIn(facilityPage, 'fac-tokyo-01');
        await facilityPage.goto(`/facility/postings/${posting.id}/matches`);
        await expectHeading(facilityPage, '候補者');
        await facilityPage.getByText(`募集：${posting.title}`).waitFor();

        // A wrong limit is the server's 400, its message under the field.
        await field(facilityPage, '一致度の下限（点）').fill('abc');
        await facilityPage.getByRole('button', { name: 'この条件で表示する' }).click();
        const minScore = field(facilityPage, '一致度の下限（点）');
        await facilityPage.waitForFunction(() => document.querySelector('input[name="min_score"]')?.getAttribute('aria-invalid') === 'true');
        const errorId = (await minScore.getAttribute('aria-describedby')).split(' ').at(-1);
        assert.match(await facilityPage.locator(`[id="${errorId}"]`).textContent(), /「一致度の下限」は0から100までの整数/);
        await expectAccessible(facilityPage, 'the candidates page with a refused filter');

        // Longest experience first, from this seeker's years: the list is cut on the server.
        await minScore.fill('');
        await field(facilityPage, '並び順').selectOption({ label: '経験年数の長い順' });
        await field(facilityPage, '経験年数の下限（年）').fill(String(marks.experience_years));
        await field(facilityPage, '1ページの件数').selectOption({ label: '100件' });
        await facilityPage.getByRole('button', { name: 'この条件で表示する' }).click();
        await facilityPage.waitForURL((url) => url.searchParams.get('min_experience') === String(marks.experience_years));
        assert.equal(new URL(facilityPage.url()).searchParams.get('sort'), 'experience');
        const card = facilityPage.getByRole('article').filter({ has: facilityPage.getByRole('heading', { level: 3, name: handle }) });
        await card.waitFor();
        const yearsShown = async () =>
          (await facilityPage.locator('article').evaluateAll((cards) => cards.map((item) => /経験年数\s*(\d+)年/.exec(item.textContent ?? '')?.[1]))).map(Number);
        // The address changes first; the previous list stays on screen until the server's answer replaces it.
        let years = await yearsShown();
        for (let attempt = 0; attempt < 50 && !years.every((value) => value >= marks.experience_years); attempt += 1) {
          await facilityPage.waitForTimeout(200);
          years = await yearsShown();
        }
        assert.ok(years.every((value) => value >= marks.experience_years), `experience below the limit: ${years}`);
        assert.deepEqual(years, [...years].sort((a, b) => b - a), 'longest experience first');
        assert.match((await card.locator('[data-match-score]').textContent()).trim(), /^\d+点（100点満点）$/);
        const reasons = card.getByRole('list', { name: '一致度の主な理由' }).getByRole('listitem');
        assert.ok((await reasons.count()) >= 1);
        for (const reason of await reasons.allTextContents()) {
          assert.match(reason, /^[＋－](良い点|気になる点)：./, 'each reason says which way it moved the score');
        }
        await card.getByText('経験年数が条件を満たす（3年以上）', { exact: true }).waitFor();
        await card.getByText(`${marks.experience_years}年`, { exact: true }).waitFor();
        await card.getByText(/^(希望地域内|約\d+km（道のりの目安）|不明)$/).waitFor();

        // The choice and the message, which the page says goes to the coordinator only.
        const form = section(facilityPage, 'コンタクト依頼を送る');
        const leftBefore = Number(await form.locator('[data-requests-left]').getAttribute('data-requests-left'));
        assert.ok(leftBefore >= 1, 'no request left today');
        await form.getByText(`この募集で本日送れるコンタクト依頼：あと${leftBefore}件`).waitFor();
        await card.getByLabel(`${handle}を選ぶ`).check();
        await facilityPage.getByRole('link', { name: '選んだ候補者にコンタクト依頼を送る（1人を選択中）' }).waitFor();
        await form.getByText('選んだ候補者：1人').waitFor();
        await form.getByText('このメッセージはコーディネーターに届きます。候補者（求職者）には表示されません。', { exact: false }).waitFor();
        await form.getByLabel(/^コーディネーターへのメッセージ（任意）/).fill(MESSAGE_TO_COORDINATOR);
        await expectAccessible(facilityPage, 'the candidates page with a candidate chosen');
        await form.getByRole('button', { name: 'コンタクト依頼を送る' }).click();
        await form.getByText('1人にコンタクト依頼を送りました。', { exact: false }).waitFor();
        await form.getByText(`この募集で本日送れるコンタクト依頼：あと${leftBefore - 1}件`).waitFor();
        await card.getByText('コンタクト依頼：依頼済み').waitFor();
        assert.equal(await card.getByLabel(`${handle}を選ぶ`).count(), 0, 'an asked candidate can be chosen again');
        // Until the seeker accepts, the request states count it without its handle (回答待ち).
        const states = section(facilityPage, 'この募集のコンタクト依頼');
        await states.locator('[data-awaiting-count]').waitFor();
        assert.ok(!(await states.textContent()).includes(handle), 'a waiting request shows its handle');
        expectNoneOf(await facilityPage.content(), [seeker.name, seeker.email], 'the candidates page');
        await expectAccessible(facilityPage, 'the candidates page after sending');

        // The server agrees: this candidate cannot be asked again.
        const again = await facilityPage.request.get(`/api/v1/postings/${posting.id}/matches?per_page=100&min_experience=${marks.experience_years}`);
        assert.equal((await again.json()).items.find((item) => item.handle === handle).can_request, false);

        await withPage(browser, 'contact-requests-coordinator', async (coordinatorPage) => {
          // The coordinator sees it while it waits for the seeker, with the facility's message.
          await logIn(coordinatorPage, 'coord-nurse-13');
          await coordinatorPage.goto('/coordination');
          await expectHeading(coordinatorPage, 'コーディネーター業務');
          const waiting = section(coordinatorPage, '医療機関からのコンタクト依頼（回答待ち）');
          const queued = waiting.getByRole('listitem').filter({ has: coordinatorPage.getByRole('link', { name: posting.title }) });
          await queued.getByText(`医療機関：${FACILITY_NAME}`).waitFor();
          await queued.getByText(`候補者：${handle}`).waitFor();
          await queued.getByText(MESSAGE_TO_COORDINATOR).waitFor();
          await queued.getByText(/^送信日時：/).waitFor();
          await expectAccessible(coordinatorPage, 'コーディネーター業務 with a facility’s request');

          // The coordinator's candidate search for the posting: the same handles with the score on its scale and
          // the reasons marked ＋/－ as on the facility's page (one shared component), and no one's identity.
          await coordinatorPage.goto(`/coordination/postings/${posting.id}/candidates`);
          await expectHeading(coordinatorPage, '候補者の検索');
          const candidateCards = coordinatorPage.getByRole('article');
          await candidateCards.first().waitFor();
          const first = candidateCards.first();
          const firstHandle = (await first.locator('[data-candidate-handle]').textContent()).trim();
          const firstScore = (await first.locator('[data-match-score]').textContent()).trim();
          assert.match(firstScore, /^\d+点（100点満点）$/);
          const coordinatorReasons = first.getByRole('list', { name: '一致度の主な理由' }).getByRole('listitem');
          assert.ok((await coordinatorReasons.count()) >= 1, 'the best candidate has no reasons');
          const marked = await coordinatorPage
            .getByRole('list', { name: '一致度の主な理由' })
            .getByRole('listitem')
            .allTextContents();
          for (const reason of marked) {
            assert.match(reason, /^[＋－](良い点|気になる点)：./, 'each reason says which way it moved the score');
          }
          assert.equal(await coordinatorPage.getByRole('list', { name: '一致した理由' }).count(), 0, 'reasons without ＋/－');
          // What the facility is told of the same candidate: the same score and the same reasons, the same way.
          const facilityView = (await facility.call('GET', `/api/v1/postings/${posting.id}/matches?per_page=100&sort=score`)).items.find(
            (item) => item.handle === firstHandle,
          );
          assert.ok(facilityView !== undefined, `the facility does not see ${firstHandle}`);
          assert.equal(firstScore, `${facilityView.score}点（100点満点）`);
          assert.equal(await coordinatorReasons.count(), facilityView.reason_details.length);
          for (const [i, detail] of facilityView.reason_details.entries()) {
            assert.equal(await coordinatorReasons.nth(i).getAttribute('data-reason-effect'), detail.effect);
            const shown = detail.text === '緊急募集' ? '急募' : detail.text; // the app's one word for urgency
            assert.ok((await coordinatorReasons.nth(i).textContent()).endsWith(shown), `${i}: ${shown}`);
          }
          expectNoneOf(await coordinatorPage.content(), [seeker.name, seeker.email], 'the coordinator’s candidate search');
          await expectAccessible(coordinatorPage, 'the coordinator’s candidate search');
          await coordinatorPage.getByRole('link', { name: 'コーディネーター業務に戻る' }).click();
          await expectHeading(coordinatorPage, 'コーディネーター業務');

          // The seeker: the home's link, the request without any withheld value, an anonymous mail.
          await seekerPage.goto('/');
          // The home's function card leads there (the header's role menu has the same link).
          await seekerPage.getByRole('main').getByRole('link', { name: /^医療機関からのコンタクト依頼/ }).first().click();
          await expectHeading(seekerPage, '医療機関からのコンタクト依頼');
          const request = seekerPage.getByRole('article').filter({ has: seekerPage.getByRole('link', { name: posting.title }) });
          await request.locator('[data-contact-request-state="sent"]').getByText('回答待ち').waitFor();
          const summary = await request.locator('[data-contact-request-summary]').textContent();
          assert.match(summary, /勤務地：東京都\n職種：看護師/);
          const seekerHtml = await seekerPage.content();
          expectNoneOf(seekerHtml, [...withheld, MESSAGE_TO_COORDINATOR, handle], 'the seeker’s contact requests');
          const mail = await waitForMailContaining(seeker.email, '/contact-requests');
          expectNoneOf(`${mail.subject}\n${mail.body}`, [...withheld, MESSAGE_TO_COORDINATOR], 'the mail to the seeker');
          await expectAccessible(seekerPage, 'the seeker’s contact requests');

          await request.getByRole('button', { name: '受ける' }).click();
          await request.getByText('受けると、コーディネーターからあなたに連絡があり、医療機関との調整を進めます。', { exact: false }).waitFor();
          await expectAccessible(seekerPage, 'the acceptance’s confirmation');
          await request.getByRole('button', { name: '受けることを確定する' }).click();
          await request.getByText('コンタクト依頼を受けました。コーディネーターからの連絡をお待ちください。').waitFor();
          await request.locator('[data-contact-request-state="accepted"]').getByText('受けました').waitFor();
          await request.getByRole('link', { name: /^応募・問い合わせの詳細を開く/ }).click();
          await seekerPage.waitForURL((url) => /^\/applications\/[\w-]+$/.test(url.pathname));
          const applicationPath = new URL(seekerPage.url()).pathname;
          await expectHeading(seekerPage, posting.title);
          expectNoneOf(await seekerPage.content(), withheld, 'the seeker’s application before the match');

          // The facility: 調整中, still without the seeker's name.
          await facilityPage.reload();
          await expectHeading(facilityPage, '候補者');
          await section(facilityPage, 'この募集のコンタクト依頼').getByRole('listitem').filter({ hasText: handle }).getByText('調整中', { exact: true }).waitFor();
          expectNoneOf(await facilityPage.content(), [seeker.name, seeker.email], 'the candidates page while coordinating');

          // The coordinator: gone from the waiting list, now a new contact request to broker; the match.
          await coordinatorPage.reload();
          await expectHeading(coordinatorPage, 'コーディネーター業務');
          await section(coordinatorPage, '新しいコンタクト依頼').getByRole('link', { name: posting.title }).waitFor();
          assert.equal(await section(coordinatorPage, '医療機関からのコンタクト依頼（回答待ち）').getByRole('link', { name: posting.title }).count(), 0);
          await section(coordinatorPage, '新しいコンタクト依頼').getByRole('link', { name: posting.title }).click();
          await coordinatorPage.waitForURL((url) => url.pathname === applicationPath);
          const match = section(coordinatorPage, 'マッチングの成立');
          await match.getByRole('button', { name: 'マッチングを成立させる' }).click();
          await match.getByRole('button', { name: '成立させて双方の情報を開示する' }).click();
          await coordinatorPage.getByText('マッチングが成立しました。双方の情報が開示されました。').waitFor();

          // The facility: 成立, and on the application the seeker's name.
          await facilityPage.reload();
          await expectHeading(facilityPage, '候補者');
          const matched = section(facilityPage, 'この募集のコンタクト依頼').getByRole('listitem').filter({ hasText: handle });
          await matched.getByText('成立', { exact: true }).waitFor();
          await expectAccessible(facilityPage, 'the candidates page after the match');
          await matched.getByRole('link', { name: new RegExp(`^応募の詳細を開く\\s*：${handle}$`) }).click();
          await facilityPage.waitForURL((url) => url.pathname === applicationPath);
          await section(facilityPage, '求職者').getByText(seeker.name, { exact: true }).waitFor();
        });
      });
    });
  });

  it('lets a seeker decline without the facility learning who it was', { timeout: 300_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box, so there is no sent-mail page to read the verification link from');
      return;
    }
    const marks = freshMarks();
    await withPage(browser, 'contact-requests-decliner', async (seekerPage) => {
      await registerVerifiedSeeker(seekerPage, `E2E辞退 ${suffix}`);
      await saveConditions(seekerPage, marks);
      const handle = await handleOf(facility, posting.id, marks);
      // Sent through the API: the browser part of this test is the answer and what the facility sees of it.
      await facility.call('POST', `/api/v1/postings/${posting.id}/contact-requests`, { candidates: [handle] });

      await seekerPage.goto('/contact-requests');
      await expectHeading(seekerPage, '医療機関からのコンタクト依頼');
      const request = seekerPage.getByRole('article').filter({ has: seekerPage.getByRole('link', { name: posting.title }) });
      await request.getByRole('button', { name: '断る' }).click();
      await request.getByText('医療機関には「1件が辞退された」ことだけが伝わり、あなたが誰かは伝わりません。', { exact: false }).waitFor();
      await expectAccessible(seekerPage, 'the decline’s confirmation');
      await request.getByRole('button', { name: '断ることを確定する' }).click();
      await request.getByText('コンタクト依頼を断りました。', { exact: false }).waitFor();
      await request.locator('[data-contact-request-state="declined"]').getByText('断りました').waitFor();
      assert.equal(await request.getByRole('button', { name: '受ける' }).count(), 0, 'a declined request can still be accepted');

      await withPage(browser, 'contact-requests-declined-facility', async (facilityPage) => {
        await logIn(facilityPage, 'fac-tokyo-01');
        await facilityPage.goto(`/facility/postings/${posting.id}/matches?per_page=100&min_experience=${marks.experience_years}`);
        await expectHeading(facilityPage, '候補者');
        const states = section(facilityPage, 'この募集のコンタクト依頼');
        await states.getByText('辞退 1件', { exact: true }).waitFor();
        await states.getByText('辞退した候補者が誰かは医療機関には知らされません', { exact: false }).waitFor();
        assert.ok(!(await states.textContent()).includes(handle), 'the declined handle is among the request states');
        await facilityPage.getByRole('heading', { level: 2, name: '候補者の一覧' }).waitFor();
        // The candidate stays listed, as 依頼済み like one who has not answered: nothing says who declined.
        const card = facilityPage.getByRole('article').filter({ has: facilityPage.getByRole('heading', { name: handle, exact: true }) });
        await card.locator('[data-request-state="requested"]').waitFor();
        assert.ok(!(await card.textContent()).includes('辞退'), 'the declined candidate’s card says 辞退');
        await expectAccessible(facilityPage, 'the candidates page with a declined request');
      });
    });
  });
  it('shows the refusals: an opted-out candidate cannot be chosen, the daily limit is said, another facility sees nothing', { timeout: 300_000 }, async (t) => {
    if (!(await devMailsAvailable())) {
      t.skip('the server has no demo mail box, so there is no sent-mail page to read the verification link from');
      return;
    }
    const marks = freshMarks();
    await withPage(browser, 'contact-requests-opted-out', async (seekerPage) => {
      const seeker = await registerVerifiedSeeker(seekerPage, `E2E受付停止 ${suffix}`);
      await saveConditions(seekerPage, marks, { requests: false });
      const handle = await handleOf(facility, posting.id, marks);

      await withPage(browser, 'contact-requests-refusals-facility', async (facilityPage) => {
        await logIn(facilityPage, 'fac-tokyo-01');
        await facilityPage.goto(`/facility/postings/${posting.id}/matches?per_page=100&min_experience=${marks.experience_years}`);
        await expectHeading(facilityPage, '候補者');
        const card = facilityPage.getByRole('article').filter({ has: facilityPage.getByRole('heading', { level: 3, name: handle }) });
        await card.getByText('この方は医療機関からのコンタクト依頼を受け付けていません。').waitFor();
        assert.equal(await card.getByLabel(`${handle}を選ぶ`).count(), 0, 'an opted-out candidate can be chosen');
        expectNoneOf(await facilityPage.content(), [seeker.name, seeker.email], 'the candidates page');
        await expectAccessible(facilityPage, 'the candidates page with an opted-out candidate');

        // The rest of today's requests go out through the API; the page then says the limit is reached.
        const { items, requests_left_today: left } = await facility.call('GET', `/api/v1/postings/${posting.id}/matches?per_page=100`);
        const askable = items.filter((item) => item.can_request).map((item) => item.handle).slice(0, left);
        assert.equal(askable.length, left, 'too few candidates to reach the daily limit');
        if (left > 0) {
          await facility.call('POST', `/api/v1/postings/${posting.id}/contact-requests`, { candidates: askable });
        }
        await facilityPage.reload();
        await expectHeading(facilityPage, '候補者');
        await facilityPage.getByText('この募集で本日送れるコンタクト依頼の上限に達しました。明日以降にお送りください。').waitFor();
        await expectAccessible(facilityPage, 'the candidates page at the daily limit');
      });

      await withPage(browser, 'contact-requests-other-facility', async (otherPage) => {
        await logIn(otherPage, 'fac-tokyo-02');
        await otherPage.goto(`/facility/postings/${posting.id}/matches`);
        await otherPage.getByText('この募集は見つからないか、候補者を見る権限がありません。').waitFor();
        // The title is public (the posting is published); its masked values and the candidates are not.
        expectNoneOf(await otherPage.content(), [handle, seeker.name, ...withheld], 'another facility’s candidates page');
        await expectAccessible(otherPage, 'another facility’s try at the candidates');
      });
    });
  });
});
