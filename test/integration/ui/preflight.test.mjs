// "Pre-flight Check…" on four files picked in the Explorer, the way a person would: the phone's CTL and ITL
// (picked first), then what the cluster will serve next. The seed case: the publisher's certificate was
// regenerated (CTLFile-v1 → CTLFile-v2-regenerated), TVS and the ITL unchanged.
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activeTab, expectVisible, explorerItem, webview } from './workbench.mjs';

const PEER_ITL = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/peer/ITLFile-sha1.tlv');
const PHONE = ['CTLFile-v1.tlv', 'ITLFile-phone.tlv'];
const NEXT = ['CTLFile-v2-regenerated.tlv', 'ITLFile-next.tlv'];

/** The cluster's ITL, the same before and after, under two names so both can be selected. */
export function prepare(workspace) {
  if (!existsSync(PEER_ITL)) return;
  for (const name of ['ITLFile-phone.tlv', 'ITLFile-next.tlv']) copyFileSync(PEER_ITL, join(workspace, name));
}

export default [
  {
    name: 'Pre-flight Check on the phone files and the next files shows a verdict per device class, and a cell opens its record',
    async run(t) {
      const { page } = t;
      if (!existsSync(PEER_ITL)) throw new Error(`${PEER_ITL} is missing: the shared fixtures must be beside the project`);
      const [first, ...rest] = [...PHONE, ...NEXT];
      await (await expectVisible(explorerItem(page, first), `"${first}" in the Explorer`)).click();
      await expectVisible(webview(page).locator('body[data-ready="1"]'), `the editor of "${first}"`, 30000);
      for (const name of rest) await (await expectVisible(explorerItem(page, name), `"${name}" in the Explorer`)).click({ modifiers: ['Control'] });
      for (const name of [first, ...rest]) await expectVisible(explorerItem(page, name).and(page.locator('.selected')), `"${name}" selected in the Explorer`);
      await explorerItem(page, NEXT[1]).click({ button: 'right' });
      const item = await expectVisible(page.locator('.context-view .action-item', { hasText: 'Pre-flight Check' }), '"Pre-flight Check…" in the Explorer context menu');
      await t.step('context-menu');
      await item.click();

      const view = webview(page);
      const rows = view.locator('tr.class-row[data-devices][data-outcome]');
      await expectVisible(rows, 'the pre-flight webview with a row per device class (tr.class-row)', 30000);
      const outcomes = await rows.evaluateAll(r => r.map(e => `${e.getAttribute('data-devices')}=${e.getAttribute('data-outcome')}`));
      const expected = ['security-by-default=accepted-via-tvs', 'no-security-by-default=rejected'];
      if (outcomes.join() !== expected.join()) throw new Error(`pre-flight rows read [${outcomes}], expected [${expected}]`);
      t.log(`pre-flight: ${outcomes.join(', ')}`);
      await t.step('preflight');

      // Step 1's signer line opens the next CTL in our editor, on the signing record.
      await (await expectVisible(rows.first().locator('td[data-step="1"] .step-signer.record-link'), 'the signer link of step 1')).click();
      await expectVisible(activeTab(page, NEXT[0]), `an active editor tab "${NEXT[0]}" opened from the pre-flight cell`, 30000);
      await expectVisible(webview(page).locator('body[data-ready="1"] .selected'), 'a selected row in the editor of the next CTL', 30000);
      await t.step('preflight-record');
    },
  },
];
