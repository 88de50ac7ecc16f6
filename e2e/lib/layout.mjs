// Responsive layout checks: the page must fit the phone it is shown on.
import assert from 'node:assert/strict';

/** Fails when the page is wider than the viewport (content would need sideways scrolling, WCAG 1.4.10). */
export async function expectNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what} is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}
