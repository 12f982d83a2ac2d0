import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, VIEW_TYPE, fixture } from './helpers';

describe('activation', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('is installed and activates without error', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    // This suite is a Node bundle, so it runs in the Node extension host, with the Node entry's ports.
    assert.equal((ext.exports as { host?: string } | undefined)?.host, 'node');
  });

  it('registers the contributed commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const ours = ['tlvViewer.showDump', 'tlvViewer.compareFiles', 'tlvViewer.compareWith', 'tlvViewer.revealSigner'];
    assert.deepEqual(ours.filter(c => !all.has(c)), []);
  });

  it('opens CTLFile.tlv in the trust-list editor', async () => {
    await vscode.commands.executeCommand('vscode.openWith', fixture('CTLFile.tlv'), VIEW_TYPE);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not a custom editor');
    assert.equal(input.viewType, VIEW_TYPE);
    assert.equal(input.uri.toString(), fixture('CTLFile.tlv').toString());
  });

  it('opens .tlv files with the trust-list editor by default', async () => {
    await vscode.commands.executeCommand('vscode.open', fixture('ITLFile.tlv'));
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom, 'vscode.open did not pick the custom editor');
    assert.equal(input.viewType, VIEW_TYPE);
  });
});
