// Starts Debian's Chromium through playwright-core (Playwright's own browser
// builds cannot be downloaded here) and gives each test a fresh context, so
// cookies and the remembered language never leak from one test to another.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.KAKEHASHI_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };
/** The widths of issue 11's walkthrough: a common laptop and a current phone. */
export const LAPTOP_1366 = { width: 1366, height: 768 };
export const PHONE_390 = { width: 390, height: 844 };

const ARTIFACTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** A camera and microphone for the online interview room: Chromium's test pattern and tone, allowed without asking. */
export const FAKE_MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/**
 * The browser of a test file. Under scripts/test.sh every file of a pass connects to one Chromium that the script
 * started (e2e/browser_server.mjs, its address in KAKEHASHI_BROWSER_WS) instead of starting its own: a start costs
 * about a second of CPU, 37 files twice. Isolation is unchanged, since every test still works in a fresh context
 * (withPage); close() then only disconnects. A file that needs its own switches (the interview room's fake
 * camera) starts its own browser, as does a run without the variable.
 */
export function launchBrowser({ args = [] } = {}) {
  const shared = process.env.KAKEHASHI_BROWSER_WS;
  if (shared && args.length === 0) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...args] });
}

/** The bytes of a finished download; unlike download.path(), this works with a connected browser too. */
export async function downloadedBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** For e2e/browser_server.mjs: the same Chromium, with the same switches, as a server test files connect to. */
export function launchBrowserServer() {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Runs `use(page)` in a new browser context. When it fails, a full-page
 * screenshot goes to e2e/artifacts/<name>.png before the error is rethrown.
 */
export async function withPage(browser, name, use, { viewport = DESKTOP } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  try {
    await use(page);
  } catch (error) {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}
