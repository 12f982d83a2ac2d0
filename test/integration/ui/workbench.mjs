// What a person does in the workbench, as small helpers for the UI tests. Every wait is on a condition;
// a failure names what was not found.

/** Waits until `locator` is visible, or throws an error that names `what`. */
export async function expectVisible(locator, what, timeout = 20000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`did not find ${what} within ${timeout / 1000}s`);
  }
  return locator.first();
}

/** Loads the workbench on `folder` and waits until the Explorer lists `expectFile`. */
export async function openWorkbench(page, base, folder, expectFile) {
  await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
  await expectVisible(page.locator('.monaco-workbench'), 'the workbench', 60000);
  await expectVisible(explorerItem(page, expectFile), `"${expectFile}" in the Explorer`, 60000);
}

export function explorerItem(page, name) {
  return page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
}

/** The innermost frame of the visible webview (our HTML lives in #active-frame inside it). */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

const quickInput = page => page.locator('.quick-input-widget input');
const quickRow = (page, text) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();

/** Ctrl+P, type the name, Enter: opens the file with its default editor. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await expectVisible(quickInput(page), 'the Quick Open box');
  await quickInput(page).fill(fileName);
  await expectVisible(quickRow(page, fileName), `"${fileName}" in Quick Open`);
  await page.keyboard.press('Enter');
}

/**
 * Runs a command from the palette by its title. A palette opened before the extension host has
 * registered our contributions shows "No matching commands" and does not refresh: retry once, logged.
 */
export async function runCommand(page, title, log = console.log) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await expectVisible(quickInput(page), 'the command palette');
    await quickInput(page).fill(`>${title}`);
    try {
      await expectVisible(quickRow(page, title), `command "${title}" in the palette`, 10000);
      break;
    } catch (e) {
      if (attempt === 2) throw e;
      log(`[retry] command "${title}" not in the palette yet; reopening it once`);
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden' });
    }
  }
  await page.keyboard.press('Enter');
}

export async function closeAllEditors(page, log) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors', log);
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 10000 });
}

/** The workbench's color theme kind as the DOM shows it: 'vs' (light) or 'vs-dark'. */
export async function themeKind(page) {
  const cls = await page.locator('.monaco-workbench').first().getAttribute('class');
  return /\bvs-dark\b/.test(cls ?? '') ? 'vs-dark' : /\bvs\b/.test(cls ?? '') ? 'vs' : 'other';
}

/** Hovers `locator` and waits for the workbench hover widget; returns its text. */
export async function hoverText(page, locator, what) {
  await locator.hover();
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
  await expectVisible(hover, `a hover over ${what}`);
  return (await hover.first().innerText()).trim();
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
