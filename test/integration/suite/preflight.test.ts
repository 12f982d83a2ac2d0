// The pre-flight command in a real VS Code: the panel opens with what core computes for the peer
// fixtures (a phone holding CTLFile-v1 and ITLFile, the cluster serving the regenerated CTL), and the
// webview renders one row per device class with a cell per step naming its rule.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreflightModel, PreflightRendered } from '../../../src/shared/preflightProtocol';
import { extensionApi, fixture, nextEvent } from './helpers';


describe('pre-flight check', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Pre-flight Check… opens one panel with a row per device class and a cell per step', async () => {
    const api = await extensionApi();
    const updated = nextEvent(api.preflight.onDidUpdate, (m: PreflightModel) => m.files['next-ctl']?.name === 'CTLFile-v2-regenerated.tlv', 'the pre-flight result to be posted');
    const rendered = nextEvent(api.preflight.onDidRender, (r: PreflightRendered) => r.classes.length === 2, 'the pre-flight webview to render');
    await vscode.commands.executeCommand('tlvViewer.preflightCheck', {
      'phone-ctl': fixture('CTLFile-v1.tlv'),
      'next-ctl': fixture('CTLFile-v2-regenerated.tlv'),
    });
    const model = await updated;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputWebview, 'the active tab is not a webview panel');
    assert.match(input.viewType, /tlvViewer\.preflight$/);
    const expected = model.preflight.classes.map(c => ({ devices: c.devices, outcome: c.outcome, steps: c.steps.map(s => ({ outcome: s.outcome, rule: s.rule ?? '' })) }));
    // No phone ITL and no next ITL: TVS cannot be judged for phones with Security by Default; the others reject (R5).
    assert.deepEqual(expected.map(c => [c.devices, c.outcome, c.steps[0].rule]), [
      ['security-by-default', 'undetermined', 'R4'],
      ['no-security-by-default', 'rejected', 'R5'],
    ]);
    assert.deepEqual(model.preflight.missing.map(m => m.slot), ['phone-itl', 'next-itl']);
    const dom = await rendered;
    assert.deepEqual(dom.classes, expected);
    assert.deepEqual(dom.errors, model.preflight.errors.map(e => e.code));
  });
});
