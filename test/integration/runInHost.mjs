// Runs the mocha suite (suite/index.ts → dist/test/index.js) inside code-server's extension host.
// As microsoft/vscode's test/integration/browser does: extensionDevelopmentPath and extensionTestsPath
// go in the `payload` query parameter, and the page exposes codeAutomationLog / codeAutomationExit,
// which the workbench calls with the host's console output and, once run() settles, its exit code.
// usage: node runInHost.mjs <baseUrl> <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
import { format } from 'node:util';
import { resolve } from 'node:path';
import { launchBrowser } from './ui/browser.mjs';

const [base, extDev, testsPath, folder] = process.argv.slice(2);
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 600000);
const authority = new URL(base).host;
const remote = p => `vscode-remote://${authority}${resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(extDev)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
]);
// Lines the offline workbench prints that say nothing about our tests.
const NOISE = /ENOTFOUND|open-vsx\.org|authentication provider 'github'|^\s+at (async )?\S+ \(http/;

const t0 = Date.now();
const browser = await launchBrowser();
let settled = false;
const finish = async code => {
  if (settled) return;
  settled = true;
  console.log(`[host-tests] extension host exited with ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  await browser.close();
  process.exit(code);
};
const timer = setTimeout(() => {
  console.error(`[host-tests] the suite did not finish within ${timeoutMs / 1000}s`);
  void finish(124);
}, timeoutMs);

const { page } = browser;
page.on('pageerror', e => console.error('[pageerror]', e.message));
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = format(...args);
  if (!NOISE.test(line)) (console[type] || console.log)(line);
});
await page.exposeFunction('codeAutomationExit', async code => { clearTimeout(timer); await finish(code); });
await page.goto(`${base}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(payload)}`);
