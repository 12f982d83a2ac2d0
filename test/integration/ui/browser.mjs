// Debian's Chromium driven by playwright-core (never `playwright install`), with all of its state in a
// temp dir that close() removes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// playwright-core belongs to the test host's own package (test/vscode-host), not to the extension's.
const { chromium } = createRequire(new URL('../../vscode-host/package.json', import.meta.url))('playwright-core');

// `locale` (e.g. 'ja-JP') is the browser's language, as a person's browser in that language has it:
// navigator.language, Accept-Language, and the fonts Chromium falls back to for text without a lang.
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, locale } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'tlv-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // Chromium's crash reporter writes under $XDG_CONFIG_HOME whatever the profile dir is.
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    headless: true,
    viewport,
    ...(locale ? { locale } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(locale ? [`--lang=${locale}`] : [])],
  });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  return {
    ctx,
    page,
    async close() {
      try { await ctx.close(); } catch { /* already gone */ }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
