// Steps a person takes on the Kakehashi pages, found by their visible
// Japanese labels and roles, as a screen-reader user would find them.
import assert from 'node:assert/strict';

export const DEMO_PASSWORD = 'Kakehashi2026';

/**
 * An input by its label. Required fields' labels end in 「※必須」, which is
 * part of the accessible name; matching the whole name keeps 「パスワード」
 * from also matching 「パスワード（確認）」 or a section named 「ユーザIDを発行」.
 */
export function field(page, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*(※必須)?$`));
}

export async function pageHeading(page) {
  const heading = page.getByRole('heading', { level: 1 });
  await heading.waitFor();
  return (await heading.textContent()).trim();
}

export async function expectHeading(page, expected) {
  await page.getByRole('heading', { level: 1, name: expected }).waitFor();
  assert.equal(await pageHeading(page), expected);
}

export async function logIn(page, login, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await expectHeading(page, 'ログイン');
  await field(page, 'ユーザID または メールアドレス').fill(login);
  await field(page, 'パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Sets a new password on the page a mailed link opened, and checks the confirmation. */
export async function setNewPassword(page, password) {
  await expectHeading(page, 'パスワードの設定');
  await field(page, 'パスワード').fill(password);
  await field(page, 'パスワード（確認）').fill(password);
  await page.getByRole('button', { name: 'パスワードを設定' }).click();
  await page.getByText('パスワードを設定しました').waitFor();
}

/** A password that satisfies the platform rule and differs on every run. */
export function freshPassword() {
  return `Kh${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}X`;
}

/** A suffix for logins and addresses that differs on every run, so tests can share one database. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
