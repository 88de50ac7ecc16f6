// One Chromium for every test file of a browser pass (scripts/test.sh): prints the address to connect to
// (KAKEHASHI_BROWSER_WS, read by lib/browser.mjs) on its first line and runs until it is sent SIGTERM.
import { launchBrowserServer } from './lib/browser.mjs';

const server = await launchBrowserServer();
console.log(server.wsEndpoint());
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
