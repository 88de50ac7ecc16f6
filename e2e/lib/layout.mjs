// Responsive layout checks: the page must fit the phone it is shown on.
import assert from 'node:assert/strict';
import { expectNoAxeViolations } from './axe.mjs';
import { DESKTOP, LAPTOP_1366, PHONE, PHONE_390 } from './browser.mjs';

/** Fails when the page is wider than the viewport (content would need sideways scrolling, WCAG 1.4.10). */
export async function expectNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}

/**
 * The check every page gets: no axe violations on a desktop and on a 375px phone, where it must also fit
 * without sideways scrolling. Leaves the page at the desktop size. Other sizes may be given.
 */
export async function expectAccessibleAtBothWidths(page, what, { desktop = DESKTOP, phone = PHONE } = {}) {
  await page.setViewportSize(desktop);
  await expectNoAxeViolations(page, what);
  await page.setViewportSize(phone);
  await expectNoAxeViolations(page, what, { settled: true });
  await expectNoHorizontalScroll(page, what);
  await page.setViewportSize(desktop);
}

/** The same at the walkthrough's widths (1366px and 390px); leaves the page at 1366px. */
export function expectAccessibleAtWalkthroughWidths(page, what) {
  return expectAccessibleAtBothWidths(page, what, { desktop: LAPTOP_1366, phone: PHONE_390 });
}
