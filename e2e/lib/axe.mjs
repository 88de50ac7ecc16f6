// Runs axe-core in the page for the WCAG 2.0/2.1 A and AA rules (the level
// JIS X 8341-3 AA asks for) and fails with a readable list of what it found.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe into the page by evaluating its source through the DevTools protocol: page.addScriptTag() would insert
 * an inline <script>, which the server's Content-Security-Policy (script-src 'self') rightly refuses.
 */
async function injectAxe(page) {
  await page.evaluate(AXE_SOURCE);
}

/**
 * `settled`: the page was already judged at another width and nothing was loaded since, so the half second of
 * network silence `networkidle` waits for is not waited for again (a resize re-lays out; it fetches nothing).
 */
export async function expectNoAxeViolations(page, what, { settled = false } = {}) {
  // The page must have finished rendering (its h1 shown) before it is judged.
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (!settled) await page.waitForLoadState('networkidle');
  if (!(await page.evaluate(() => 'axe' in window))) {
    await injectAxe(page);
  }
  const violations = await page.evaluate(async () => {
    // Only violations are reported: axe then does not build selectors and details for every passing node.
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  });
  const width = page.viewportSize()?.width;
  assert.deepEqual(violations, [], `axe found problems on ${what} at ${width}px:\n${JSON.stringify(violations, null, 2)}`);
}
