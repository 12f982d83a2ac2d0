// The cluster's files in a real VS Code: a real TFTP server (Debian's in.tftpd, started by this suite on a free
// port of 127.0.0.1) serves a copy of the fixtures; cucm-tftp: URIs open in our editor with the same checksums
// as the local file, cannot be written, fail with a message naming file and server, follow "Fetch Again from
// Server", and compare with a local file.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RenderedSummary } from '../../../src/shared/protocol';
import type { CompareModel } from '../../../src/extension/compare/protocol';
import { startTftpd, tftpdUnavailable, type Tftpd } from '../../support/tftpd';
import { VIEW_TYPE, extensionApi as api, fixture, nextEvent } from './helpers';

const digest = (algo: string, bytes: Uint8Array): string => createHash(algo).update(bytes).digest('hex');


async function fsError(p: Thenable<unknown>): Promise<vscode.FileSystemError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof Error, `not an Error: ${String(e)}`);
    return e as vscode.FileSystemError;
  }
  assert.fail('expected the file operation to fail');
}

describe('cluster files (cucm-tftp:)', function () {
  this.timeout(60000);
  let dir: string;
  let server: Tftpd | undefined;
  const at = (name: string): vscode.Uri => vscode.Uri.parse(`cucm-tftp://127.0.0.1:${server!.port}/${name}`, true);

  before(async function () {
    const why = tftpdUnavailable();
    if (why) {
      console.log(`[tftp] skipped: ${why}`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'tlv-tftpd-'));
    copyFileSync(fixture('CTLFile.tlv').fsPath, join(dir, 'CTLFile.tlv'));
    server = await startTftpd(dir);
  });

  after(() => {
    if (server) process.kill(server.pid, 'SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('Open from TFTP Server opens the served CTLFile.tlv in our editor, verified, with the local file\'s SHA-1', async () => {
    const viewer = await api();
    const uri = at('CTLFile.tlv');
    const rendered = nextEvent<{ uri: string; summary: RenderedSummary }>(viewer.onDidRender, e => e.uri === uri.toString(), `the editor of ${uri.toString()} to render`);
    await vscode.commands.executeCommand('tlvViewer.openFromServer', uri);
    const { summary } = await rendered;
    const local = readFileSync(fixture('CTLFile.tlv').fsPath);
    assert.equal(summary.badge, 'verified');
    assert.equal(summary.sha1, digest('sha1', local));
    assert.equal(summary.records, 6);
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not a custom editor');
    assert.equal(input.viewType, VIEW_TYPE);
    assert.equal(input.uri.toString(), uri.toString());
  });

  it('vscode.openWith opens a cucm-tftp: URI like a file', async () => {
    const viewer = await api();
    const uri = at('CTLFile.tlv');
    const rendered = nextEvent<{ uri: string; summary: RenderedSummary }>(viewer.onDidRender, e => e.uri === uri.toString(), 'the editor to render');
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    assert.equal((await rendered).summary.badge, 'verified');
  });

  it('stat and readFile give the served bytes; writing, deleting and renaming fail with NoPermissions', async () => {
    const uri = at('CTLFile.tlv');
    const local = readFileSync(fixture('CTLFile.tlv').fsPath);
    const before = Date.now();
    const stat = await vscode.workspace.fs.stat(uri);
    assert.equal(stat.type, vscode.FileType.File);
    assert.equal(stat.size, local.length);
    assert.ok(stat.mtime > before - 15000 && stat.mtime <= Date.now(), `mtime ${stat.mtime} is not the fetch time`);
    assert.equal(digest('sha1', await vscode.workspace.fs.readFile(uri)), digest('sha1', local));

    const write = await fsError(vscode.workspace.fs.writeFile(uri, new Uint8Array([1, 2, 3])));
    assert.equal((write as vscode.FileSystemError).code, 'NoPermissions', write.message);
    const del = await fsError(vscode.workspace.fs.delete(uri));
    assert.equal((del as vscode.FileSystemError).code, 'NoPermissions', del.message);
    const rename = await fsError(vscode.workspace.fs.rename(uri, at('Other.tlv')));
    assert.equal((rename as vscode.FileSystemError).code, 'NoPermissions', rename.message);
    assert.deepEqual(await vscode.workspace.fs.readDirectory(vscode.Uri.parse(`cucm-tftp://127.0.0.1:${server!.port}/`)), []);
  });

  it('a file the server does not have is FileNotFound, naming the file and the server', async () => {
    const err = await fsError(vscode.workspace.fs.stat(at('ITLSEP001122AABBCC.tlv')));
    assert.equal((err as vscode.FileSystemError).code, 'FileNotFound', err.message);
    assert.match(err.message, /ITLSEP001122AABBCC\.tlv/);
    assert.match(err.message, new RegExp(`127\\.0\\.0\\.1:${server!.port}`));
  });

  it('Fetch Again from Server shows what the server serves now', async () => {
    const viewer = await api();
    const name = 'Refetch.tlv';
    const ctl = readFileSync(fixture('CTLFile.tlv').fsPath);
    const itl = readFileSync(fixture('ITLFile.tlv').fsPath);
    writeFileSync(join(dir, name), ctl);
    const uri = at(name);
    const first = nextEvent<{ uri: string; summary: RenderedSummary }>(viewer.onDidRender, e => e.uri === uri.toString(), 'the first render');
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    assert.equal((await first).summary.md5, digest('md5', ctl));

    writeFileSync(join(dir, name), itl);
    const again = nextEvent<{ uri: string; summary: RenderedSummary }>(viewer.onDidRender,
      e => e.uri === uri.toString() && e.summary.md5 === digest('md5', itl), 'the render of the new content');
    await vscode.commands.executeCommand('tlvViewer.fetchAgain', uri);
    assert.equal((await again).summary.sha1, digest('sha1', itl));
  });

  it('Compare with TFTP Server compares the local file (OLD) with the served one (NEW)', async () => {
    const viewer = await api();
    const local = fixture('CTLFile.tlv');
    const served = at('CTLFile.tlv');
    const updated = nextEvent<CompareModel>(viewer.compare.onDidUpdate, m => m.new.description.startsWith('cucm-tftp:'), 'the comparison to be posted');
    await vscode.commands.executeCommand('tlvViewer.compareWithServer', local, served);
    const model = await updated;
    assert.equal(model.old.name, 'CTLFile.tlv');
    assert.equal(model.new.name, 'CTLFile.tlv');
    assert.equal(model.new.description, served.toString(true));
    assert.equal(model.comparison.identical, true);
  });
});
