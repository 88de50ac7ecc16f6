// Reading the demo's sent mail the way a person would: on the 「送信メール（デモ）」 page.
import assert from 'node:assert/strict';
import { BASE_URL } from './browser.mjs';
import { expectHeading } from './pages.mjs';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the mail page, picks the newest mail to `address` (the list is newest
 * first), checks it is `expectedMail`, and follows the link in its body whose
 * address contains `linkPath` (such as "/password/reset?token=").
 */
export async function followLinkInMail(page, { address, expectedMail, linkPath }) {
  await page.goto('/mails');
  await expectHeading(page, '送信メール（デモ）');
  await page.getByRole('link', { name: new RegExp(escapeRegExp(address)) }).first().click();
  await page.waitForURL((url) => url.searchParams.get('id') === expectedMail.id);

  const article = page.getByRole('article');
  await article.getByRole('heading', { name: expectedMail.subject }).waitFor();
  const link = article.getByRole('link', { name: new RegExp(escapeRegExp(linkPath)) });
  const href = await link.getAttribute('href');
  assert.ok(href, `mail "${expectedMail.subject}" has no link containing ${linkPath}`);

  // The server writes links with its public address. If that differs from the
  // address the tests use (a proxy, another port), open the same path here.
  const target = new URL(href);
  if (target.origin === new URL(BASE_URL).origin) {
    await link.click();
    await page.waitForURL((url) => url.pathname === target.pathname);
  } else {
    await page.goto(`${target.pathname}${target.search}`);
  }
}
