// Runs every ui/*.test.mjs against a running code-server, once per colour theme, like a person would:
// a fresh Chromium per theme, a screenshot after each step and on failure.
// usage: node run.mjs --base URL --workspace DIR --state CODE_SERVER_STATE_DIR --shots DIR
//                     [--results FILE] [--themes light,dark] [--grep TEXT] [--files a.test.mjs,...] [--locale ja]
// --locale names the display language the server runs in (code-server --locale); only the test files that
// export that `locale` run (default 'en'), and their screenshots go to <shots>/<locale>-<theme>.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { closeAllEditors, expectVisible, openWorkbench, waitForContributions } from './workbench.mjs';

const { values: args } = parseArgs({ options: {
  base: { type: 'string' }, workspace: { type: 'string' }, state: { type: 'string' }, shots: { type: 'string' },
  results: { type: 'string' }, themes: { type: 'string', default: 'light,dark,hc' }, grep: { type: 'string', default: '' },
  // Test files to run (comma-separated), e.g. the editor's tests for the web worker host; default all.
  files: { type: 'string', default: '' },
  locale: { type: 'string', default: 'en' },
} });
const THEMES = {
  light: { id: 'Light Modern', kind: 'vs' }, dark: { id: 'Dark Modern', kind: 'vs-dark' }, hc: { id: 'Default High Contrast', kind: 'hc-black' },
};
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
// The title of "Compare Trust Lists" in the display language: the workbench is ready when the palette has it.
const nls = args.locale === 'en' ? 'package.nls.json' : `package.nls.${args.locale}.json`;
const READY_COMMAND = JSON.parse(readFileSync(join(root, nls), 'utf8'))['command.compareFiles'];
const t0 = Date.now();
const log = (...a) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
// Errors the offline workbench logs whatever the extension does (gallery and sign-in lookups).
const NOISE = /vsda|ENOTFOUND|open-vsx|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|github|marketplace|Failed to fetch/i;
// In another display language the web workbench asks the gallery for the language pack's translations of each
// built-in extension, giving up after 1 s with a bare "Canceled" logged as an error.
const LOCALE_NOISE = /^\S*\s*ERR\b.*\bCanceled: Canceled/;
const slug = s => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// A test module may export prepare(workspace) to put files in place before the workbench loads, and
// `explicit` to run only when --files names it (a long run with a workspace of its own).
const tests = [];
const only = args.files ? new Set(args.files.split(',')) : undefined;
for (const file of readdirSync(here).filter(f => f.endsWith('.test.mjs') && (!only || only.has(f))).sort()) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  if ((mod.locale ?? 'en') !== args.locale || (mod.explicit && !only)) continue;
  await mod.prepare?.(args.workspace);
  for (const test of mod.default) if (test.name.includes(args.grep)) tests.push({ ...test, file });
}

// Sees script errors and CSP violations inside every frame, webviews included (init scripts reach them).
const FRAME_HOOK = () => {
  const seen = (window.__tlvSeen = window.__tlvSeen || []);
  addEventListener('error', e => seen.push(`error: ${e.message}`), true);
  addEventListener('securitypolicyviolation', e => seen.push(`csp: ${e.violatedDirective} ${e.blockedURI}`), true);
};

let passed = 0, failed = 0;
for (const themeName of args.themes.split(',')) {
  const theme = THEMES[themeName];
  const runName = args.locale === 'en' ? themeName : `${args.locale}-${themeName}`;
  const shots = join(args.shots, runName);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  setTheme(theme.id);
  const browser = await launchBrowser(args.locale === 'en' ? {} : { locale: args.locale });
  const { page, ctx } = browser;
  const consoleLog = [];
  page.on('console', m => {
    consoleLog.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? '' });
    const quiet = NOISE.test(`${m.text()} ${m.location()?.url ?? ''}`) || (args.locale !== 'en' && LOCALE_NOISE.test(m.text()));
    if (m.type() === 'error' && !quiet) log(`[console.error] ${m.text().slice(0, 300)} (${m.location()?.url ?? ''})`);
  });
  page.on('pageerror', e => { consoleLog.push({ type: 'pageerror', text: e.message, url: '' }); log(`[pageerror] ${e.message}`); });
  await ctx.addInitScript(FRAME_HOOK);
  // Every URL the browser fetched, the web worker extension host's included (host.test.mjs reads it).
  const requests = [];
  ctx.on('request', r => requests.push(r.url()));
  let n = 0;
  const shot = async name => {
    const path = join(shots, `${String(++n).padStart(2, '0')}-${slug(name)}.png`);
    try { await page.screenshot({ path }); } catch (e) { log(`screenshot ${path} failed: ${e.message}`); }
    return path;
  };
  const record = (name, error) => {
    if (error) { failed++; console.log(`  ✗ [${runName}] ${name}\n      ${String(error.stack ?? error).split('\n').slice(0, 4).join('\n      ')}`); }
    else { passed++; console.log(`  ✓ [${runName}] ${name}`); }
  };

  let ready = null;
  try {
    await openWorkbench(page, args.base, args.workspace, 'CTLFile.tlv');
    // The configured theme replaces the built-in default once the theme extensions are registered.
    await expectVisible(page.locator(`.monaco-workbench.${theme.kind}`), `the workbench in the ${theme.id} theme (.${theme.kind})`, 60000);
    await waitForContributions(page, READY_COMMAND);
    await shot('workbench');
  } catch (e) {
    ready = e;
    await shot('workbench-FAILED');
  }
  record(`workbench loads with the ${theme.id} theme and our commands`, ready);

  for (const test of tests) {
    const name = `${test.file}: ${test.name}`;
    if (ready) { record(name, new Error('skipped: the workbench did not load')); continue; }
    const t = {
      page, theme: themeName, workspace: args.workspace, log,
      step: label => shot(`${slug(test.name).slice(0, 48)}-${label}`),
      // A screenshot by name in the shots folder itself, e.g. save('ja-editor') → <shots>/ja-editor.png.
      save: async name => {
        const path = join(args.shots, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      consoleMark: () => consoleLog.length,
      consoleSince: mark => consoleLog.slice(mark),
      requests: () => requests.slice(),
    };
    // A failure is tried once more from a clean editor area, and says so: the workbench's own timing (a
    // menu still animating, a widget not yet focused) should not fail a run, a real fault fails twice.
    let error = null;
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await closeAllEditors(page, log);
        await test.run(t);
        await t.step('done');
        error = null;
        break;
      } catch (e) {
        const path = await t.step(attempt === 1 ? 'FAILED-first-try' : 'FAILED');
        error = `${e.message}\n(screenshot: ${path})`;
        if (attempt === 1) log(`[retry] ${name} failed once (${e.message.split('\n')[0]}); trying again`);
      }
    }
    record(name, error);
  }
  await browser.close();
}

if (args.results) writeFileSync(args.results, JSON.stringify({ passed, failed }));
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function setTheme(id) {
  const file = join(args.state, 'user', 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...settings, 'workbench.colorTheme': id }, null, 2));
}
