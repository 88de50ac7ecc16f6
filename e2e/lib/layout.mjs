// Responsive layout checks: the page must fit the phone it is shown on.
import assert from 'node:assert/strict';
import { expectNoAxeViolations } from './axe.mjs';
import { DESKTOP, PHONE } from './browser.mjs';

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
 * without sideways scrolling. Leaves the page at the desktop size.
 */
export async function expectAccessibleAtBothWidths(page, what) {
  await page.setViewportSize(DESKTOP);
  await expectNoAxeViolations(page, what);
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page, what);
  await expectNoHorizontalScroll(page, what);
  await page.setViewportSize(DESKTOP);
}
