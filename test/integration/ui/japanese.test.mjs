// Our strings in Japanese: run.sh serves the extension from a code-server started with `--locale ja` (a test
// language pack makes VS Code accept the locale; the workbench's own strings stay English) and runs this file
// alone (run.mjs --locale ja), light theme only. Every expected text comes from l10n/bundle.l10n.ja.json and
// package.nls.ja.json; the screenshots ja-*.png go to the screenshots folder itself, for people to read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectVisible, quickOpen, runCommand, webview } from './workbench.mjs';

export const locale = 'ja';

const ROOT = new URL('../../../', import.meta.url).pathname;
const BUNDLE = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8'));
const NLS = JSON.parse(readFileSync(join(ROOT, 'package.nls.ja.json'), 'utf8'));
const FILE = 'CTLFile.tlv';

/** The Japanese of an English l10n key; a key the bundle lacks fails the test by name. */
function ja(key) {
  if (!(key in BUNDLE)) throw new Error(`l10n/bundle.l10n.ja.json has no "${key}"`);
  return BUNDLE[key];
}
function nls(key) {
  if (!(key in NLS)) throw new Error(`package.nls.ja.json has no "${key}"`);
  return NLS[key];
}

const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A template ("{0} 件のファイル…") as an anchored pattern: each placeholder matches any text. */
const templatePattern = template => new RegExp(`^${escapeRegExp(template).replace(/\\\{\d+\\\}/g, '[\\s\\S]*?')}$`);
// Translated templates (the value differs from its key), the Japanese and the English side.
const TRANSLATED = Object.entries(BUNDLE).filter(([en, jp]) => en !== jp);
const JAPANESE = TRANSLATED.map(([, jp]) => templatePattern(jp));
const ENGLISH = TRANSLATED.map(([en]) => [en, templatePattern(en)]);
/** The English template `text` is an untranslated instance of, if any. */
const englishTemplate = text => ENGLISH.find(([, re]) => re.test(text))?.[0];
/** Whether `text` is an instance of one of the bundle's Japanese templates. */
const isJapaneseTemplate = text => JAPANESE.some(re => re.test(text));
// English sentences of the bundle (three words or more, at least one of them lower-case letters only) that
// should never be seen verbatim on a Japanese page: their presence means a string skipped vscode.l10n.t.
const ENGLISH_PHRASES = TRANSLATED.map(([en]) => en.replace(/\{\d+\}/g, '\u0000').split('\u0000').map(s => s.trim()))
  .flat().filter(s => s.split(/\s+/).length >= 3 && /(^|\s)[a-z]{3,}(\s|$)/.test(s));
const englishLeftOvers = text => [...new Set(ENGLISH_PHRASES.filter(p => text.includes(p)))];

/** The Trust Lists pane of the Explorer, expanded. */
async function trustListsPane(page) {
  const title = nls('view.trustLists');
  const header = page.locator('.pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) });
  await expectVisible(header, `the "${title}" (view.trustLists) view in the Explorer`, 30000);
  if (await header.first().getAttribute('aria-expanded') === 'false') await header.first().click();
  return page.locator('.pane').filter({ has: header });
}

/** Waits until no hover widget is showing (a row or tab passed on the way may have opened one). */
async function noHover(page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('.workbench-hover, .monaco-hover')].some(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  }), null, { timeout: 5000 }).catch(() => {});
}

/** Drags the side bar's sash by `dx` pixels; returns how far the side bar's edge moved. */
async function dragSideBar(page, dx) {
  const bar = page.locator('[id="workbench.parts.sidebar"]');
  const before = await bar.boundingBox();
  const sash = await (await expectVisible(page.locator('.monaco-sash.vertical.primary-sidebar-sash'), "the side bar's sash")).boundingBox();
  const x = sash.x + sash.width / 2, y = sash.y + sash.height / 2;
  await page.mouse.move(x, y);
  await page.waitForTimeout(200); // the sash takes a drag once it has seen the pointer
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 10 });
  await page.mouse.move(x + dx, y, { steps: 10 });
  await page.mouse.up();
  return (await bar.boundingBox()).width - before.width;
}

export default [
  {
    name: 'the workbench runs in Japanese and the palette shows our command titles from package.nls.ja.json',
    async run(t) {
      // The language the server's NLS script gave the workbench (what vscode.env.language reports).
      const lang = await t.page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
      if (lang !== 'ja') throw new Error(`the workbench's NLS language is "${lang}", expected "ja": code-server did not take --locale ja`);
      const title = nls('command.showTrustListReport');
      await t.page.keyboard.press('F1');
      const input = await expectVisible(t.page.locator('.quick-input-widget input'), 'the command palette');
      await input.fill(`>${title}`);
      const row = await expectVisible(t.page.locator('.quick-input-list .monaco-list-row', { hasText: title }), `"${title}" in the command palette`);
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      if (!text.includes(nls('category'))) throw new Error(`the palette row "${text}" lacks the category "${nls('category')}"`);
      await t.step('palette');
      await t.page.keyboard.press('Escape');
    },
  },
  {
    name: 'the trust-list editor shows its labels in Japanese',
    async run(t) {
      await quickOpen(t.page, FILE);
      const view = webview(t.page);
      await expectVisible(view.locator('body[data-ready="1"]'), 'the editor webview with body[data-ready="1"]', 30000);
      const badge = await expectVisible(view.locator('#badge[data-status="verified"]'), '#badge[data-status="verified"]');
      const badgeText = (await badge.innerText()).trim();
      if (!badgeText.includes(ja('Verified'))) throw new Error(`the badge reads "${badgeText}", expected "${ja('Verified')}"`);
      const shown = (await view.locator('body').innerText()).replace(/\s+/g, ' ');
      for (const key of ['Structure', 'Records', 'Bytes', 'Copy']) {
        if (!shown.includes(ja(key))) throw new Error(`the editor does not show "${ja(key)}" ("${key}")`);
      }
      const english = englishLeftOvers(await view.locator('body').evaluate(b => b.textContent.replace(/\s+/g, ' ')));
      if (english.length) throw new Error(`the editor shows English text: ${english.map(e => `"${e}"`).join(', ')}`);
      await t.save('ja-editor');
    },
  },
  {
    name: 'the Trust Lists view has its Japanese name and describes its folders in Japanese',
    async run(t) {
      const pane = await trustListsPane(t.page);
      const rows = pane.locator('.pane-body .monaco-list-row');
      await expectVisible(rows, 'a row in the Trust Lists view', 30000);
      const folderDescription = ja('{0} files, {1} verified, {2} distinct');
      // The scan fills the view in the background: wait for its folder row.
      let descriptions = [];
      const deadline = Date.now() + 30000;
      for (;;) {
        descriptions = await rows.locator('.label-description').evaluateAll(els => els.map(e => e.textContent.trim()).filter(Boolean));
        if (descriptions.some(d => templatePattern(folderDescription).test(d)) || Date.now() > deadline) break;
        await t.page.waitForTimeout(250);
      }
      if (!descriptions.some(d => templatePattern(folderDescription).test(d))) {
        throw new Error(`no row of the Trust Lists view is described as "${folderDescription}"; descriptions: ${descriptions.join(' | ') || '(none)'}`);
      }
      const english = descriptions.filter(d => englishTemplate(d));
      if (english.length) throw new Error(`the Trust Lists view describes rows in English: ${english.join(' | ')}`);
      // For the picture: the folder's file list collapsed and the side bar wider, so the view's rows and their
      // descriptions show in full; then the side bar as it was, for the tests after this one.
      // The folder's files are the Explorer's first section (a collapsed section drops its body, so find it by place).
      const folders = t.page.locator('[id="workbench.parts.sidebar"] .pane-header').first();
      if (await folders.getAttribute('aria-expanded') === 'true') await folders.click();
      const widen = await dragSideBar(t.page, 420);
      await t.page.mouse.move(1200, 450); // over the empty editor area: no hover in the picture
      await noHover(t.page);
      await t.save('ja-trust-lists');
      await dragSideBar(t.page, -widen);
      if (await folders.getAttribute('aria-expanded') === 'false') await folders.click();
    },
  },
  {
    name: 'the Problems panel lists our problems in Japanese',
    async run(t) {
      await runCommand(t.page, 'Focus Problems (Errors, Warnings, Infos)', t.log);
      const messages = t.page.locator('.markers-panel .monaco-list-row .marker-message-details-container');
      await expectVisible(messages, 'a problem in the Problems panel', 30000);
      // Every row of ours (source "CUCM Trust List") is a translated template.
      const rows = await messages.evaluateAll(els => els.map(e => e.textContent.replace(/\s+/g, ' ').trim()));
      t.log(`Problems panel rows: ${rows.slice(0, 6).join(' | ')}`);
      const ours = [];
      for (const row of await t.page.locator('.markers-panel .monaco-list-row').evaluateAll(els => els.map(e => ({
        message: e.querySelector('.marker-message')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
        source: e.querySelector('.marker-source')?.textContent.trim() ?? '',
      })))) if (row.message && /CUCM Trust List/.test(row.source)) ours.push(row.message);
      t.log(`${ours.length} problem(s) of ours in view`);
      if (!ours.length) throw new Error(`no problem from "CUCM Trust List" in the Problems panel; rows: ${rows.join(' | ')}`);
      const english = ours.filter(m => !isJapaneseTemplate(m));
      if (english.length) throw new Error(`problems not in Japanese: ${english.map(m => `"${m}" (${englishTemplate(m) ?? 'no bundle template'})`).join(', ')}`);
      // The picture with the panel maximised, so the messages show in full; then the panel as it was.
      await runCommand(t.page, 'View: Toggle Maximized Panel', t.log);
      await t.page.mouse.move(1000, 800); // off the palette row just clicked, which the panel's tabs now take: below the rows
      await t.page.waitForFunction(() => (document.getElementById('workbench.parts.panel')?.getBoundingClientRect().height ?? 0) > innerHeight / 2,
        null, { timeout: 10000 }).catch(() => t.log('the Problems panel did not grow to maximised; the picture shows it as it is'));
      await noHover(t.page);
      await t.save('ja-problems');
      // The panel as it was, then out of the way of the report's picture.
      await runCommand(t.page, 'View: Toggle Maximized Panel', t.log);
      await runCommand(t.page, 'View: Hide Panel', t.log);
    },
  },
  {
    name: 'Show Trust List Report opens the report under its Japanese title, with Japanese headings',
    async run(t) {
      await runCommand(t.page, nls('command.showTrustListReport'), t.log);
      const title = ja('Trust List Report');
      const tab = await expectVisible(t.page.locator('.tab.active', { hasText: title }), `an active editor tab "${title}"`, 30000);
      t.log(`report tab: ${(await tab.innerText()).trim()}`);
      // The page's own headings come from the l10n bundle too.
      const body = webview(t.page).locator('body');
      for (const english of ['Outliers', 'Folders and content groups']) {
        await expectVisible(body.locator('h1, h2', { hasText: ja(english) }).first(), `the report heading "${ja(english)}"`, 30000);
      }
      const headings = await body.locator('h1, h2').evaluateAll(els => els.map(e => e.textContent.replace(/\s+/g, ' ').trim()));
      t.log(`report headings: ${headings.slice(0, 6).join(' | ')}`);
      await t.save('ja-report');
    },
  },
];
