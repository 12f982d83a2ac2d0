// "Compare Trust Lists" on two files picked in the Explorer, the way a person would.
import { expectVisible, explorerItem, webview } from './workbench.mjs';

const BEFORE = 'CTLFile-v1.tlv';
const AFTER = 'CTLFile-v2-regenerated.tlv'; // the same cluster after regenerating the publisher certificate

export default [
  {
    name: 'Compare Trust Lists on two selected files shows verdicts and the changed records',
    async run(t) {
      const { page } = t;
      await (await expectVisible(explorerItem(page, BEFORE), `"${BEFORE}" in the Explorer`)).click();
      await (await expectVisible(explorerItem(page, AFTER), `"${AFTER}" in the Explorer`)).click({ modifiers: ['Control'] });
      await explorerItem(page, AFTER).click({ button: 'right' });
      const item = await expectVisible(page.locator('.context-view .action-item', { hasText: 'Compare Trust Lists' }),
        '"Compare Trust Lists" in the Explorer context menu');
      await t.step('context-menu');
      await item.click();

      const view = webview(page);
      await expectVisible(view.locator('body[data-ready="1"]'), 'the comparison webview with body[data-ready="1"]', 30000);
      const verdicts = await view.locator('#verdicts [data-devices][data-outcome]').count();
      if (!verdicts) throw new Error('no verdict in #verdicts ([data-devices][data-outcome])');
      const statuses = await view.locator('#records-diff tr[data-status]').evaluateAll(rows => rows.map(r => r.getAttribute('data-status')));
      if (!statuses.length) throw new Error('no rows in #records-diff (tr[data-status])');
      if (statuses.every(s => /^(same|unchanged|equal)$/.test(s))) {
        throw new Error(`#records-diff shows no change between ${BEFORE} and ${AFTER}: [${statuses}]`);
      }
      t.log(`comparison: ${verdicts} verdict(s), record statuses [${statuses}]`);
      await t.step('comparison');
    },
  },
];
