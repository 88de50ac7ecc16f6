// Runs axe-core in the page for the WCAG 2.0/2.1 A and AA rules (the level
// JIS X 8341-3 AA asks for) and fails with a readable list of what it found.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');

/**
 * Puts axe into the page. page.addScriptTag({path}) inserts an inline
 * <script>, which the server's Content-Security-Policy (script-src 'self')
 * rightly refuses; evaluating the same file through the DevTools protocol is
 * not subject to the page's policy, so that is the fallback.
 */
async function injectAxe(page) {
  try {
    await page.addScriptTag({ path: AXE_PATH });
  } catch {
    // Refused by the CSP; handled below.
  }
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(AXE_SOURCE);
  }
}

export async function expectNoAxeViolations(page, what) {
  // The page must have finished rendering (its h1 shown) before it is judged.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  if (!(await page.evaluate(() => 'axe' in window))) {
    await injectAxe(page);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
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
