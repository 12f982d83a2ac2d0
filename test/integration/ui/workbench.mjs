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
  return page.locator('.explorer-folders-view .monaco-list-row').filter({ has: exactLabel(page, name) });
}

/** A file label (Explorer row, Quick Open row) that reads exactly `name`. */
const exactLabel = (page, name) => page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) });

/** A rendered line of a text editor that contains `text`. */
export function editorLine(page, text) {
  return page.locator('.editor-instance .monaco-editor .view-line', { hasText: text });
}

/** Puts the cursor on the first match of `text` with the editor's Find widget, which scrolls it into view. */
export async function findInEditor(page, text) {
  await page.keyboard.press('Control+F');
  const input = await expectVisible(page.locator('.find-widget.visible textarea, .find-widget.visible input'), 'the Find widget');
  await input.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  return expectVisible(editorLine(page, text), `a line with "${text}" in the editor`);
}

/**
 * The innermost frame of the visible webview (our HTML lives in #active-frame inside it). Webviews of
 * editors in the background stay in the DOM, hidden.
 */
export function webview(page) {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
}

const quickInput = page => page.locator('.quick-input-widget input');
const quickRow = (page, text) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();

/**
 * Ctrl+P, type the name, pick the row labelled exactly so: opens the file with its default editor.
 * The list changes while the file search runs (recently opened files first, then the results), so
 * wait until it has settled with the exact row in it; Enter if that row is focused, else click it.
 */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await expectVisible(quickInput(page), 'the Quick Open box');
  await page.evaluate(() => { delete window.__tlvQuickOpen; });
  await quickInput(page).fill(fileName);
  let focused;
  try {
    // Settled = no search running and the same rows and focus for 500 ms.
    focused = await (await page.waitForFunction(name => {
      const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')];
      const shape = rows.map(r => `${r.classList.contains('focused')}:${r.querySelector('.label-name')?.textContent?.trim()}`).join('|');
      const busy = document.querySelector('.quick-input-widget .quick-input-progress.active');
      const seen = window.__tlvQuickOpen;
      if (busy || !seen || seen.shape !== shape) { window.__tlvQuickOpen = { shape, since: Date.now() }; return null; }
      const row = rows.find(r => r.querySelector('.label-name')?.textContent?.trim() === name);
      return row && Date.now() - seen.since >= 500 ? { focused: row.classList.contains('focused') } : null;
    }, fileName, { timeout: 20000, polling: 100 })).jsonValue();
  } catch {
    throw new Error(`did not find "${fileName}" in Quick Open within 20s`);
  }
  if (focused.focused) await page.keyboard.press('Enter');
  else await page.locator('.quick-input-list .monaco-list-row').filter({ has: exactLabel(page, fileName) }).first().click();
  await expectVisible(activeTab(page, fileName), `an active editor tab "${fileName}"`);
}

/** The active tab of an editor group showing the file `name`. */
export function activeTab(page, name) {
  return page.locator(`.tab.active[data-resource-name="${name}"]`);
}

/**
 * Waits until the extension host has registered our contributions: before that a .tlv opens in the
 * binary text editor and our commands are missing. The palette does not refresh while open, so each
 * look is a fresh palette.
 */
export async function waitForContributions(page, commandTitle, timeout = 60000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.keyboard.press('F1');
    await expectVisible(quickInput(page), 'the command palette');
    await quickInput(page).fill(`>${commandTitle}`);
    const found = await quickRow(page, commandTitle).waitFor({ timeout: 2000 }).then(() => true, () => false);
    await page.keyboard.press('Escape');
    await quickInput(page).waitFor({ state: 'hidden' });
    if (found) return;
    if (Date.now() > deadline) throw new Error(`command "${commandTitle}" did not appear in the palette within ${timeout / 1000}s`);
  }
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
      await (await expectVisible(quickRow(page, title), `command "${title}" in the palette`, 10000)).click();
      return;
    } catch (e) {
      if (attempt === 2) throw e;
      log(`[retry] command "${title}" not in the palette yet; reopening it once`);
      await page.keyboard.press('Escape');
      await quickInput(page).waitFor({ state: 'hidden' });
    }
  }
}

export async function closeAllEditors(page, log) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors', log);
  const tabs = page.locator('.editor-group-container .tab');
  try {
    await tabs.first().waitFor({ state: 'detached', timeout: 10000 });
  } catch {
    const left = await tabs.evaluateAll(els => els.map(e => e.getAttribute('aria-label')));
    throw new Error(`editors still open after "Close All Editors" (unsaved?): ${left.join(', ')}`);
  }
}

/** Hovers `locator` and waits for the workbench hover widget; returns its text. */
export async function hoverText(page, locator, what) {
  await locator.hover();
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
  await expectVisible(hover, `a hover over ${what}`);
  // Markdown hovers render spaces as no-break spaces.
  return (await hover.first().innerText()).replace(/\u00a0/g, ' ').trim();
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
