// The comparison commands in a real VS Code: the panel opens with the verdicts core computes for the
// peer fixtures, the webview renders them, the text diff opens over two `tlvdump:` documents, the view
// follows a file change, and "Compare with Previous Version" reads a committed version through vscode.git.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { MAX_FILE_BYTES } from '../../../src/core/fileLimits';
import { previousVersion } from '../../../src/extension/compare/gitPrevious';
import type { CompareModel } from '../../../src/extension/compare/protocol';
import { extensionApi, fixture, nextEvent } from './helpers';

const OLD = 'CTLFile-v1.tlv';
const NEW = 'CTLFile-v2-regenerated.tlv';
const EXPECTED_VERDICTS = [
  { devices: 'security-by-default', outcome: 'undetermined', rule: 'R4' },
  { devices: 'no-security-by-default', outcome: 'rejected', rule: 'R5' },
];


const verdictsOf = (m: CompareModel) => m.comparison.verdicts.map(({ devices, outcome, rule }) => ({ devices, outcome, rule }));

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap(g => g.tabs);
}

/** The test host turns git off in its user settings; this test turns it on, and back as it was. */
let gitEnabledBefore: boolean | undefined;

/**
 * A repository outside the workspace, beside it in the run's folder (the runner removes that): CTLFile.tlv
 * committed as `committed` (subject "v1"), then `working` in the working tree. Returns the file's path.
 */
function repositoryWith(committed: Uint8Array, working: Uint8Array): string {
  const repo = mkdtempSync(join(dirname(fixture(OLD).fsPath), '..', 'git-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'test');
  const file = join(repo, 'CTLFile.tlv');
  writeFileSync(file, committed);
  git('add', 'CTLFile.tlv');
  git('commit', '-q', '-m', 'v1');
  writeFileSync(file, working);
  return file;
}

async function enableGit(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ enabled: boolean }>('vscode.git');
  assert.ok(ext, 'the built-in git extension is not installed');
  const git = ext.isActive ? ext.exports : await ext.activate();
  const config = vscode.workspace.getConfiguration('git');
  gitEnabledBefore = config.inspect<boolean>('enabled')?.globalValue;
  await config.update('enabled', true, vscode.ConfigurationTarget.Global);
  for (let waited = 0; !git.enabled; waited += 100) {
    assert.ok(waited < 10000, 'git did not become enabled within 10 s');
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function restoreGit(): Promise<void> {
  await vscode.workspace.getConfiguration('git').update('enabled', gitEnabledBefore, vscode.ConfigurationTarget.Global);
}

describe('compare', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Compare Trust Lists opens the comparison panel with the R4 / R5 verdicts for the regenerated CTL', async () => {
    const api = await extensionApi();
    const updated = nextEvent(api.compare.onDidUpdate, m => m.old.name === OLD && m.new.name === NEW, 'the comparison to be posted');
    const rendered = nextEvent(api.compare.onDidRender, r => r.verdicts.length > 0, 'the comparison webview to render');
    await vscode.commands.executeCommand('tlvViewer.compareFiles', fixture(OLD), fixture(NEW));

    const model = await updated;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputWebview, 'the active tab is not a webview panel');
    assert.match(input.viewType, /tlvViewer\.compare$/);

    assert.deepEqual(verdictsOf(model), EXPECTED_VERDICTS);
    assert.equal(model.comparison.signer.changed, true);
    assert.equal(model.comparison.signer.newSignerInOld, 'absent');
    const statuses = model.comparison.records.map(r => r.status);
    assert.deepEqual(statuses, ['changed', 'changed', 'unchanged', 'unchanged']);
    assert.equal(model.details.length, statuses.length);
    assert.ok(model.details[0].old?.length && model.details[0].new?.length, 'a changed record carries both certificates’ details');

    // What the webview's DOM shows, read back by the page itself.
    const dom = await rendered;
    assert.deepEqual(dom.verdicts, EXPECTED_VERDICTS);
    assert.deepEqual(dom.statuses, statuses);
    assert.deepEqual(dom.warnings, model.comparison.warnings.map(w => w.code));
  });

  it('a panel restored after a window reload shows the same comparison, from the state its webview saved', async () => {
    const api = await extensionApi();
    // What VS Code hands the serializer: a fresh panel of our view type and the state the webview kept.
    const panel = vscode.window.createWebviewPanel('tlvViewer.compare', 'restored', vscode.ViewColumn.Active);
    const rendered = nextEvent(api.compare.onDidRender, r => r.verdicts.length > 0, 'the restored comparison webview to render');
    api.compare.restore(panel, { oldUri: fixture(OLD).toString(), newUri: fixture(NEW).toString() });
    assert.deepEqual((await rendered).verdicts, EXPECTED_VERDICTS);
    assert.equal(panel.title, `${OLD} ↔ ${NEW}`);
    // A state it cannot use closes the panel rather than showing an empty one.
    const broken = vscode.window.createWebviewPanel('tlvViewer.compare', 'broken', vscode.ViewColumn.Active);
    let closed = false;
    broken.onDidDispose(() => { closed = true; });
    api.compare.restore(broken, { oldUri: 42 });
    assert.equal(closed, true);
  });

  it('Open Text Diff shows the two show ctl renderings in the diff editor', async () => {
    const api = await extensionApi();
    const updated = nextEvent(api.compare.onDidUpdate, m => m.new.name === NEW, 'the comparison to be posted');
    await vscode.commands.executeCommand('tlvViewer.compareFiles', fixture(OLD), fixture(NEW));
    await updated;
    await vscode.commands.executeCommand('tlvViewer.compareTextDiff');

    const tab = allTabs().find(t => t.input instanceof vscode.TabInputTextDiff);
    assert.ok(tab, 'no text diff tab opened');
    const diff = tab.input as vscode.TabInputTextDiff;
    assert.equal(diff.original.scheme, 'tlvdump');
    assert.equal(diff.modified.scheme, 'tlvdump');
    assert.equal(diff.original.query, fixture(OLD).toString());
    assert.equal(diff.modified.query, fixture(NEW).toString());
    assert.equal(tab.label, `${OLD} ↔ ${NEW} (show ctl)`);
    const right = await vscode.workspace.openTextDocument(diff.modified);
    assert.equal(right.languageId, 'tlvdump');
    assert.match(right.getText(), /The CTL file was verified successfully\./);
  });

  it('compares again when a file changes on disk', async () => {
    const api = await extensionApi();
    const copy = fixture('compare-watch.tlv');
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(fixture(OLD)));
    try {
      const first = nextEvent(api.compare.onDidUpdate, m => m.old.name === 'compare-watch.tlv', 'the first comparison');
      await vscode.commands.executeCommand('tlvViewer.compareFiles', copy, fixture(NEW));
      assert.equal((await first).comparison.identical, false);

      const again = nextEvent(api.compare.onDidUpdate, m => m.old.name === 'compare-watch.tlv' && m.comparison.identical, 'the comparison after the change');
      await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(fixture(NEW)));
      const model = await again;
      assert.deepEqual(verdictsOf(model).map(v => `${v.outcome} ${v.rule}`), ['accepted R2', 'accepted R2']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(copy);
    }
  });

  it('Compare with Previous Version refuses, unread, a committed version larger than any trust list', async function () {
    this.timeout(60000);
    await enableGit();
    try {
      const file = repositoryWith(Buffer.alloc(MAX_FILE_BYTES + 1), readFileSync(fixture(OLD).fsPath));
      // The git API gives the blob's size first: its 64 MiB are never read into this host.
      await assert.rejects(previousVersion(vscode.Uri.file(file)), new RegExp(`^Error: ${MAX_FILE_BYTES + 1} bytes, more than any trust list`));
    } finally {
      await restoreGit();
    }
  });

  it('Compare with Previous Version compares the working copy with its last committed version', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    await enableGit();
    try {
      const file = repositoryWith(readFileSync(fixture(OLD).fsPath), readFileSync(fixture(NEW).fsPath));

      const updated = nextEvent(api.compare.onDidUpdate, m => m.new.name === 'CTLFile.tlv' && m.old.name.startsWith('CTLFile.tlv ('),
        'the comparison with the committed version', 45000);
      await vscode.commands.executeCommand('tlvViewer.compareWithPrevious', vscode.Uri.file(file));
      const model = await updated;
      assert.deepEqual(verdictsOf(model), EXPECTED_VERDICTS);
      assert.match(model.old.description, / v1$/);

      // The text diff renders the committed side through the git extension's file system.
      await vscode.commands.executeCommand('tlvViewer.compareTextDiff');
      const diff = allTabs().map(t => t.input).find((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff);
      assert.ok(diff, 'no text diff tab opened');
      assert.equal(vscode.Uri.parse(diff.original.query).scheme, 'git');
      const left = await vscode.workspace.openTextDocument(diff.original);
      assert.match(left.getText(), /The CTL file was verified successfully\./);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restoreGit();
    }
  });
});
