// The notification centre as a person meets it: the bell in the header
// (its name says how many notices are unread), the toast of a new notice,
// and the demo's sent mail searched for a given text.
import assert from 'node:assert/strict';
import { listDevMails } from './api.mjs';

/** The header's bell link, named 「通知 N件（未読）」 or 「通知（未読なし）」. */
export function bell(page) {
  return page.getByRole('banner').getByRole('link', { name: /^通知( \d+件（未読）|（未読なし）)$/ });
}

/** The unread count the bell announces. */
export async function bellCount(page) {
  const name = await bell(page).getAttribute('aria-label');
  const match = /^通知 (\d+)件（未読）$/.exec(name ?? '');
  if (match !== null) {
    return Number(match[1]);
  }
  assert.equal(name, '通知（未読なし）', `unexpected bell name: ${name}`);
  return 0;
}

/** Waits until the bell's count stops moving (notices from a just-saved profile arrive over a few seconds). */
export async function settledBellCount(page, { quietMs = 3_000, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let count = await bellCount(page);
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    assert.ok(Date.now() < deadline, `the unread count kept changing for ${timeoutMs} ms`);
    await page.waitForTimeout(250);
    const now = await bellCount(page);
    if (now !== count) {
      count = now;
      since = Date.now();
    }
  }
  return count;
}

/** The polite live region that shows a notice the moment it arrives. */
export function toast(page) {
  return page.getByRole('status', { name: '新しい通知' });
}

/** Waits for a mail to `address` whose body contains `text` (the demo's sent-mail box). */
export async function waitForMailContaining(address, text, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = ((await listDevMails()) ?? []).find((candidate) => candidate.to.includes(address) && candidate.body.includes(text));
    if (mail !== undefined) {
      return mail;
    }
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${address} containing ${text} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Waits until the bell announces `expected` unread notices. */
export async function waitForBellCount(page, expected, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = await bellCount(page);
    if (count === expected) {
      return;
    }
    assert.ok(Date.now() < deadline, `the bell shows ${count} unread, not ${expected}`);
    await page.waitForTimeout(200);
  }
}
