// A new job seeker, made the way a person does it: registration in the
// browser, the verification link from the demo's sent-mail page, then login.
import { waitForNewMail } from './api.mjs';
import { followLinkInMail } from './mails.mjs';
import { expectHeading, field, freshPassword, logIn, uniqueSuffix } from './pages.mjs';

/** Registers, verifies and logs in a fresh seeker in `page`; returns the login. Needs the demo's mail box. */
export async function registerVerifiedSeeker(page, name = 'E2E 求職者') {
  const email = `e2e-seeker-${uniqueSuffix()}@example.jp`;
  const password = freshPassword();
  await page.goto('/register');
  await expectHeading(page, '求職者の新規登録');
  await field(page, '氏名').fill(name);
  await field(page, 'メールアドレス').fill(email);
  await field(page, 'パスワード').fill(password);
  await field(page, 'パスワード（確認）').fill(password);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByText('確認メールを送信しました。メール内のリンクを開いて登録を完了してください。').waitFor();

  const verificationMail = await waitForNewMail(email);
  await followLinkInMail(page, { address: email, expectedMail: verificationMail, linkPath: '/verify?token=' });
  await page.getByText('登録が完了しました').waitFor();
  await logIn(page, email, password);
  await expectHeading(page, '求職者ホーム');
  return { email, password, name };
}
