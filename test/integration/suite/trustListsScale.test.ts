// The Trust Lists view at TFTP-server scale: 50,000 ITLSEP<MAC>.tlv files in one folder of the
// workspace. The files are generated here, not stored: file i is named ITLSEP<i as 12 hex digits>.tlv
// and holds the bytes of one of four fixtures (i % 20: 0 the tampered ITL, 1 the truncated CTL, 2 a
// verified CTL, else the verified ITL, so 47,500 are alike and 2,500 of each kind differ, as in a real
// folder). The test asks for a full scan, prints how long it took and the longest task it left on the
// extension host's thread (no timing assertion: CI machines differ), checks every file's status, then
// deletes the folder and waits for the index and the Problems panel to forget it.
import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { extensionApi, fixture, ours, until } from './helpers';
import { MainThreadMonitor } from '../../../src/extension/trustListsView/mainThreadMonitor';

const FILES = 50000;
const FOLDER = 'trust-lists-50k';
const mac = (i: number) => i.toString(16).toUpperCase().padStart(12, '0');
const nameOf = (i: number) => `ITLSEP${mac(i)}.tlv`;
const sourceOf = (i: number) => (i % 20 === 0 ? 'ITLFile-sha1-tampered.tlv' : i % 20 === 1 ? 'CTLFile-v1-truncated.tlv' : i % 20 === 2 ? 'CTLFile-v1.tlv' : 'ITLFile.tlv');
const STATUS: Record<string, string> = {
  'ITLFile-sha1-tampered.tlv': 'invalid', 'CTLFile-v1-truncated.tlv': 'malformed', 'CTLFile-v1.tlv': 'verified', 'ITLFile.tlv': 'verified',
};


describe('Trust Lists view at scale', () => {
  it(`lists ${FILES} files without freezing the extension host, then forgets them`, async function () {
    this.timeout(300000);
    const api = await extensionApi();
    // A full scan first: an earlier test's deleted files may not have been forgotten yet.
    await vscode.commands.executeCommand('tlvViewer.refreshTrustLists');
    await api.trustLists.settled();
    const before = api.trustLists.size();
    const folder = fixture(FOLDER);
    const bytes = new Map<string, Buffer>();
    for (const i of [0, 1, 2, 3]) bytes.set(sourceOf(i), await readFile(fixture(sourceOf(i)).fsPath));
    try {
      // Written with Node's fs, 64 at a time: what copying a TFTP folder into the workspace looks like.
      let t0 = Date.now();
      await mkdir(folder.fsPath, { recursive: true });
      let next = 0;
      await Promise.all(Array.from({ length: 64 }, async () => {
        while (next < FILES) {
          const i = next++;
          await writeFile(vscode.Uri.joinPath(folder, nameOf(i)).fsPath, bytes.get(sourceOf(i))!);
        }
      }));
      const written = Date.now() - t0;

      // A full scan (the view's refresh button), then whatever the watcher's events still ask for.
      t0 = Date.now();
      const monitor = new MainThreadMonitor();
      await vscode.commands.executeCommand('tlvViewer.refreshTrustLists');
      const scan = api.trustLists.stats().scan;
      await api.trustLists.settled();
      const all = monitor.stop();
      const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
      assert.ok(scan, 'the scan left no figures');
      console.log(`[trust-lists] ${FILES} files: scan ${scan.ms} ms, longest main-thread task ${scan.longestTaskMs} ms`);
      console.log(`[trust-lists] ${FILES} files: written in ${written} ms; from the refresh until the watcher's re-reads and the Problems panel are done ${Date.now() - t0} ms, longest main-thread task ${all.longestTaskMs} ms; heap ${heap} MB`);
      assert.equal(scan.files, before + FILES);
      assert.equal(api.trustLists.size(), before + FILES);

      const items = (await api.trustLists.items()).filter(i => i.folder === FOLDER);
      assert.equal(items.length, FILES);
      const byFile = new Map(items.map(i => [i.file, i]));
      for (let i = 0; i < FILES; i++) {
        const item = byFile.get(nameOf(i));
        assert.ok(item, `${nameOf(i)} is not in the view`);
        assert.equal(item.status, STATUS[sourceOf(i)], `${nameOf(i)} (a copy of ${sourceOf(i)})`);
      }
      const tampered = vscode.Uri.joinPath(folder, nameOf(0));
      assert.ok(ours(tampered).some(d => d.code === 'NOT_VERIFIED'), 'the tampered copy has its error in the Problems panel');
      assert.deepEqual(ours(vscode.Uri.joinPath(folder, nameOf(3))).filter(d => d.severity === vscode.DiagnosticSeverity.Error), []);

      t0 = Date.now();
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await until(() => api.trustLists.size() === before, 'the index to forget the deleted folder', 120000);
      await api.trustLists.settled();
      assert.deepEqual(ours(tampered), []);
      console.log(`[trust-lists] ${FILES} files deleted: forgotten in ${Date.now() - t0} ms (refresh: ${JSON.stringify(api.trustLists.stats().refresh)})`);
    } finally {
      await rm(folder.fsPath, { recursive: true, force: true });
    }
  });
});
