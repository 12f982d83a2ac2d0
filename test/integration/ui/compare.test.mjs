// "Compare Trust Lists" on two files picked in the Explorer, the way a person would.
import { activeTab, expectVisible, explorerItem, webview } from './workbench.mjs';

const BEFORE = 'CTLFile-v1.tlv';
const AFTER = 'CTLFile-v2-regenerated.tlv'; // the same cluster after regenerating the publisher certificate

/** Selects OLD then NEW in the Explorer and runs "Compare Trust Lists" from its context menu. */
async function openComparison(t) {
  const { page } = t;
  // A click opens a preview whose webview takes the focus once it loads: let it, then add the second file.
  await (await expectVisible(explorerItem(page, BEFORE), `"${BEFORE}" in the Explorer`)).click();
  await expectVisible(activeTab(page, BEFORE), `an active editor tab "${BEFORE}"`);
  await expectVisible(webview(page).locator('body[data-ready="1"]'), `the editor of "${BEFORE}" with body[data-ready="1"]`, 30000);
  await (await expectVisible(explorerItem(page, AFTER), `"${AFTER}" in the Explorer`)).click({ modifiers: ['Control'] });
  await expectVisible(explorerItem(page, BEFORE).and(page.locator('.selected')), `"${BEFORE}" still selected in the Explorer`);
  await expectVisible(explorerItem(page, AFTER).and(page.locator('.selected')), `"${AFTER}" selected in the Explorer`);
  await explorerItem(page, AFTER).click({ button: 'right' });
  const item = await expectVisible(page.locator('.context-view .action-item', { hasText: 'Compare Trust Lists' }),
    '"Compare Trust Lists" in the Explorer context menu');
  await t.step('context-menu');
  await item.click();
  const view = webview(page);
  await expectVisible(view.locator('body[data-ready="1"] #verdicts'), 'the comparison webview (body[data-ready="1"] #verdicts)', 30000);
  return view;
}

/** In the page: true once some workbench state database holds the comparison panel and its saved URIs. */
async function savedComparison() {
  const read = name => new Promise(resolve => {
    const open = indexedDB.open(name);
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (![...db.objectStoreNames].includes('ItemTable')) return db.close(), resolve([]);
      const all = db.transaction('ItemTable').objectStore('ItemTable').getAll();
      all.onsuccess = () => { db.close(); resolve(all.result.map(v => String(v))); };
      all.onerror = () => { db.close(); resolve([]); };
    };
  });
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith('vscode-web-state-db')) continue;
    if ((await read(name)).some(v => v.includes('tlvViewer.compare') && v.includes('oldUri'))) return true;
  }
  return false;
}

const recordStatuses = view => view.locator('#records-diff tr[data-status]').evaluateAll(rows => rows.map(r => r.getAttribute('data-status')));

export default [
  {
    name: 'Compare Trust Lists on two selected files shows verdicts and the changed records',
    async run(t) {
      const view = await openComparison(t);
      const verdicts = await view.locator('#verdicts [data-devices][data-outcome]').count();
      if (!verdicts) throw new Error('no verdict in #verdicts ([data-devices][data-outcome])');
      const statuses = await recordStatuses(view);
      if (!statuses.length) throw new Error('no rows in #records-diff (tr[data-status])');
      if (statuses.every(s => /^(same|unchanged|equal)$/.test(s))) {
        throw new Error(`#records-diff shows no change between ${BEFORE} and ${AFTER}: [${statuses}]`);
      }
      t.log(`comparison: ${verdicts} verdict(s), record statuses [${statuses}]`);
      await t.step('comparison');
    },
  },
  {
    name: 'the comparison view is restored after a window reload',
    async run(t) {
      // Not a matter of theme or host: once, in the light theme of the Node host.
      if (t.theme !== 'light' || process.env.TLV_EXPECT_HOST === 'web') return t.log('reload test: light theme, Node host only');
      const statuses = await recordStatuses(await openComparison(t));
      // The web workbench saves which editors are open when idle (at most 60 s apart), and a page reload does
      // not wait for that save: wait until its IndexedDB holds the panel with the state our webview gave it.
      await t.page.waitForFunction(savedComparison, undefined, { timeout: 90000, polling: 1000 })
        .catch(() => { throw new Error('the workbench did not save the comparison panel (with oldUri) within 90s'); });
      await t.page.reload();
      const restored = webview(t.page);
      await expectVisible(restored.locator('body[data-ready="1"] #verdicts [data-devices][data-outcome]').first(),
        'the comparison webview restored after a reload, with its verdicts', 60000);
      const again = await recordStatuses(restored);
      if (again.join() !== statuses.join()) throw new Error(`after the reload the records read [${again}], before [${statuses}]`);
      await t.step('comparison-restored');
    },
  },
];
