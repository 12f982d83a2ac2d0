// The workspace as the unit: the Trust Lists view lists the run's fixtures with their statuses, the
// Problems panel has an error for the tampered and the truncated file, a file written later shows up
// (and its problems go when it does), the setting turns the problems off, and the report command opens
// the report webview (timeline, outliers, the comparison with a folder's majority file).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { readTrustListFile } from '../../../src/extension/loadTrustList';
import { decode } from '../../../src/node/decode';
import { extensionApi, fixture, nextEvent, ours, until } from './helpers';

const FIXTURES: Record<string, string> = {
  'CTLFile.tlv': 'verified',
  'ITLFile.tlv': 'verified',
  'CTLFile-v1.tlv': 'verified',
  'CTLFile-v2-regenerated.tlv': 'verified',
  'CTLFile-v1-truncated.tlv': 'malformed',
  'ITLFile-sha1-tampered.tlv': 'invalid',
};



describe('Trust Lists view and Problems panel', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('lists every fixture of the workspace with its status, grouped by folder and content', async () => {
    const api = await extensionApi();
    await api.trustLists.ready();
    const items = await api.trustLists.items();
    const byFile = new Map(items.filter(i => i.folder === '').map(i => [i.file, i]));
    for (const [name, status] of Object.entries(FIXTURES)) {
      const item = byFile.get(name);
      assert.ok(item, `${name} is not in the view: ${items.map(i => `${i.folder}/${i.file}`).join(', ')}`);
      assert.equal(item.status, status, name);
      assert.equal(item.kind, name.startsWith('CTL') ? 'CTL' : 'ITL', name);
      assert.equal(item.uri, fixture(name).toString());
      assert.ok(item.records > 0, name);
      assert.ok(item.description.length > 0, name);
    }
    assert.ok(byFile.get('CTLFile.tlv')?.signer, 'the signer of CTLFile.tlv is shown');
  });

  it('shows an error in the Problems panel for the tampered and the truncated file, none for a good one', async () => {
    const api = await extensionApi();
    await api.trustLists.ready();
    const tampered = await until(() => ours(fixture('ITLFile-sha1-tampered.tlv')).find(d => d.code === 'NOT_VERIFIED'), 'the tampered file\'s diagnostic');
    assert.equal(tampered.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(tampered.range.start.line, 0);
    const truncated = await until(() => ours(fixture('CTLFile-v1-truncated.tlv')).find(d => d.code === 'MALFORMED'), 'the truncated file\'s diagnostic');
    assert.equal(truncated.severity, vscode.DiagnosticSeverity.Error);
    assert.match(truncated.message, /0x[0-9A-F]+/i);
    assert.deepEqual(ours(fixture('CTLFile.tlv')).filter(d => d.severity === vscode.DiagnosticSeverity.Error), []);
  });

  it('refuses at once a FIFO and a link to /dev/zero named *.tlv, in the editor\'s reader and in the scan', async function () {
    // A FIFO's open waits for a writer and /dev/zero never ends: read, either would hold a scan worker (or
    // the host's file service) for good, and the watcher reports both as soon as they appear.
    this.timeout(60000);
    const api = await extensionApi();
    await api.trustLists.ready();
    const folder = fixture('trust-lists-hostile');
    const fifo = vscode.Uri.joinPath(folder, 'ITLSEP0000000000F1.tlv');
    const zero = vscode.Uri.joinPath(folder, 'ITLSEP0000000000F2.tlv');
    const good = vscode.Uri.joinPath(folder, 'ITLFile.tlv');
    await vscode.workspace.fs.createDirectory(folder);
    try {
      execFileSync('mkfifo', [fifo.fsPath]);
      symlinkSync('/dev/zero', zero.fsPath);
      await vscode.workspace.fs.writeFile(good, await vscode.workspace.fs.readFile(fixture('ITLFile.tlv')));
      for (const uri of [fifo, zero]) await assert.rejects(readTrustListFile(uri), /^Error: not a regular file \(a folder, a device, a pipe or a socket/);
      const listed = async () => (await api.trustLists.items()).filter(i => i.folder === 'trust-lists-hostile').map(i => i.file);
      await until(async () => (await listed()).includes('ITLFile.tlv'), 'the regular file beside them in the view', 30000);
      await vscode.commands.executeCommand('tlvViewer.refreshTrustLists');
      await api.trustLists.settled();
      assert.deepEqual(await listed(), ['ITLFile.tlv']);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
    await until(async () => !(await api.trustLists.items()).some(i => i.folder === 'trust-lists-hostile'), 'the index to forget the folder', 30000);
  });

  it('re-reads a file written later and forgets it when it is deleted', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    await api.trustLists.ready();
    const folder = fixture('trust-lists-watch');
    const copy = vscode.Uri.joinPath(folder, 'ITLFile.tlv');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(fixture('ITLFile-sha1-tampered.tlv')));
    try {
      const item = await until(async () => (await api.trustLists.items()).find(i => i.uri === copy.toString()), 'the new file in the view');
      assert.equal(item.folder, 'trust-lists-watch');
      assert.equal(item.status, 'invalid');
      await until(() => ours(copy).some(d => d.code === 'NOT_VERIFIED'), 'the new file\'s diagnostic');
      await vscode.workspace.fs.delete(copy);
      await until(async () => !(await api.trustLists.items()).some(i => i.uri === copy.toString()), 'the deleted file to leave the view');
      await until(() => ours(copy).length === 0, 'the deleted file\'s diagnostics to be cleared');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  it('tlvViewer.workspaceDiagnostics off clears the problems, on brings them back', async () => {
    const api = await extensionApi();
    await api.trustLists.ready();
    const uri = fixture('ITLFile-sha1-tampered.tlv');
    const config = vscode.workspace.getConfiguration('tlvViewer');
    await until(() => ours(uri).length > 0, 'the tampered file\'s diagnostics');
    try {
      await config.update('workspaceDiagnostics', false, vscode.ConfigurationTarget.Global);
      await until(() => ours(uri).length === 0, 'the diagnostics to be cleared');
    } finally {
      await config.update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(() => ours(uri).length > 0, 'the diagnostics to come back');
  });

  it('Show Trust List Report opens the report webview; its timeline has one bar per distinct certificate', async () => {
    const api = await extensionApi();
    await api.trustLists.ready();
    const rendered = nextEvent(api.trustLists.report.onDidRender, r => r.bars > 0, 'the report webview to render');
    await vscode.commands.executeCommand('tlvViewer.showTrustListReport');
    const latest = api.trustLists.report.latest();
    assert.ok(latest, 'no report was shown');
    const { model } = latest;
    assert.ok(latest.files >= Object.keys(FIXTURES).length);
    assert.equal(model.files.length, latest.files);
    const names = new Set(model.files.map(f => f.name));
    for (const name of Object.keys(FIXTURES)) assert.ok(names.has(name), `${name} is not in the report`);
    // The timeline against the certificates of the same files, decoded here in full.
    const distinct = new Set<string>();
    for (const f of model.files) {
      const list = decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(f.uri)), { fileName: f.name });
      for (const r of list.records) if (r.certificate) distinct.add(r.certificate.sha256);
    }
    assert.deepEqual(new Set(model.report.timeline.map(t => t.sha256)), distinct);
    assert.equal(model.report.timeline.length, distinct.size, 'one timeline entry per distinct certificate');
    // Outliers in the display language, the truncated and the tampered file among them.
    const outliers = new Map(model.outliers.map(o => [o.name, o]));
    assert.deepEqual(outliers.get('CTLFile-v1-truncated.tlv')?.reasons.map(r => r.code), ['MALFORMED']);
    assert.deepEqual(outliers.get('ITLFile-sha1-tampered.tlv')?.reasons.map(r => r.code), ['NOT_VERIFIED']);
    assert.ok(model.totals.length > 0);
    const dom = await rendered;
    assert.equal(dom.bars, distinct.size, 'bars in the timeline SVG');
    assert.equal(dom.timelineRows, distinct.size, 'rows in the timeline table');
    assert.equal(dom.outliers, model.outliers.length);
    assert.equal(dom.groupRows, model.report.folders.reduce((n, f) => n + f.groups.length, 0));
    const input = await until(() => {
      const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return i instanceof vscode.TabInputWebview ? i : undefined;
    }, 'the report panel');
    assert.match(input.viewType, /tlvViewer\.report$/);
  });

  it('a report panel restored after a window reload reports the same scope again, from the state its webview saved', async () => {
    const api = await extensionApi();
    await api.trustLists.ready();
    // What VS Code hands the serializer: a fresh panel of our view type and the state the webview kept.
    const panel = vscode.window.createWebviewPanel('tlvViewer.report', 'restored', vscode.ViewColumn.Active);
    const rendered = nextEvent(api.trustLists.report.onDidRender, r => r.bars > 0, 'the restored report webview to render');
    await api.trustLists.report.restore(panel, { groups: { filter: '' }, restore: { scope: null } });
    const dom = await rendered;
    const latest = api.trustLists.report.latest();
    assert.ok(latest);
    assert.equal(latest.files, api.trustLists.size());
    assert.equal(dom.bars, latest.model.report.timeline.length);
    assert.equal(panel.title, 'Trust List Report');
    // A folder scope comes back as that folder, titled by its path.
    const folder = vscode.Uri.joinPath(fixture('ITLFile.tlv'), '..');
    const scoped = vscode.window.createWebviewPanel('tlvViewer.report', 'restored', vscode.ViewColumn.Active);
    await api.trustLists.report.restore(scoped, { restore: { scope: folder.toString() } });
    assert.match(scoped.title, /^Trust List Report/);
    assert.equal(api.trustLists.report.latest()?.model.scope, vscode.workspace.asRelativePath(folder, false));
    // A state it cannot use closes the panel rather than showing an empty one.
    for (const state of [undefined, { restore: { scope: 42 } }, { restore: { scope: 'not a uri' } }]) {
      const broken = vscode.window.createWebviewPanel('tlvViewer.report', 'broken', vscode.ViewColumn.Active);
      let closed = false;
      broken.onDidDispose(() => { closed = true; });
      await api.trustLists.report.restore(broken, state);
      assert.equal(closed, true, JSON.stringify(state));
    }
  });

  it('an outlier of a folder with a majority opens the comparison with the majority file as OLD', async function () {
    this.timeout(60000);
    const api = await extensionApi();
    await api.trustLists.ready();
    const sizeBefore = api.trustLists.size();
    const folder = fixture('report-majority');
    const same = ['ITLSEP000000000001.tlv', 'ITLSEP000000000002.tlv', 'ITLSEP000000000003.tlv'];
    const odd = 'ITLSEP0000000000FF.tlv';
    await vscode.workspace.fs.createDirectory(folder);
    try {
      const good = await vscode.workspace.fs.readFile(fixture('ITLFile.tlv'));
      for (const name of same) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), good);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, odd), await vscode.workspace.fs.readFile(fixture('ITLFile-sha1-tampered.tlv')));
      await until(async () => (await api.trustLists.items()).filter(i => i.folder === 'report-majority').length === 4, 'the four files in the view');
      const rendered = nextEvent(api.trustLists.report.onDidRender, r => r.compareButtons > 0, 'the report with a compare button');
      await vscode.commands.executeCommand('tlvViewer.showTrustListReport', folder);
      const model = api.trustLists.report.latest()?.model;
      assert.ok(model);
      assert.equal(model.files.length, 4);
      assert.equal(model.outliers.length, 1);
      const [outlier] = model.outliers;
      assert.equal(outlier.name, odd);
      assert.ok(outlier.reasons.some(r => r.code === 'SIGNER_DIFFERS'), outlier.reasons.map(r => r.code).join());
      assert.ok(outlier.majority && same.includes(outlier.majority.name), `majority file: ${outlier.majority?.name}`);
      assert.equal(outlier.majority.count, 3);
      assert.equal((await rendered).compareButtons, 1);
      const compared = nextEvent(api.compare.onDidUpdate, m => m.new.name === odd, 'the comparison to be posted');
      assert.equal(await api.trustLists.report.compareWithMajority(vscode.Uri.parse(outlier.uri)), true);
      const comparison = await compared;
      assert.ok(same.includes(comparison.old.name), `OLD is ${comparison.old.name}`);
      assert.equal(comparison.comparison.signer.changed, true);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      // The next tests count the workspace's trust lists.
      await until(() => api.trustLists.size() === sizeBefore || undefined, 'the index to forget the deleted folder', 30000);
    }
  });
});
