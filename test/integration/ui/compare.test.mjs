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
];
