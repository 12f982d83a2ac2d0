// The trust-list editor inside a real VS Code: the custom editor opens, the webview shows the right
// badge and checksums, the show ctl text view opens and hovers, export and copy commands work.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RenderedSummary } from '../../../src/shared/protocol';
import { decode } from '../../../src/node/decode';
import { VIEW_TYPE, extensionApi as api, fixture } from './helpers';

/** Opens `uri` in our editor and resolves with what its webview reports it rendered. */
async function openAndRender(uri: vscode.Uri): Promise<RenderedSummary> {
  const viewer = await api();
  const rendered = new Promise<RenderedSummary>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the webview for ${uri.path} did not report a render within 20 s`)), 20000);
    const sub = viewer.onDidRender(e => {
      if (e.uri !== uri.toString()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e.summary);
    });
  });
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  return rendered;
}

/** The hovers' Markdown as plain text: appendText escapes spaces as &nbsp; and punctuation with backslashes. */
function hoverText(hovers: vscode.Hover[]): string {
  const markdown = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

function decodeCount(bytes: Buffer): number {
  return decode(new Uint8Array(bytes)).records.length;
}

function lineOf(doc: vscode.TextDocument, re: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  assert.fail(`no line matching ${re} in ${doc.uri.toString()}`);
}

describe('trust-list editor', function () {
  this.timeout(60000);
  let scratch: string;

  before(() => { scratch = mkdtempSync(join(tmpdir(), 'tlv-editor-')); });
  after(() => rmSync(scratch, { recursive: true, force: true }));
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens CTLFile.tlv in our custom editor', async () => {
    await openAndRender(fixture('CTLFile.tlv'));
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(input instanceof vscode.TabInputCustom, 'the active tab is not a custom editor');
    assert.equal(input.viewType, VIEW_TYPE);
  });

  it('shows the verified badge and the checksums of the file bytes', async () => {
    const uri = fixture('CTLFile.tlv');
    const shown = await openAndRender(uri);
    const bytes = readFileSync(uri.fsPath);
    const digest = (algo: string): string => createHash(algo).update(bytes).digest('hex');
    assert.deepEqual(shown, { badge: 'verified', md5: digest('md5'), sha1: digest('sha1'), sha256: digest('sha256'), records: 6 });
  });

  it('shows the new content when the file changes on disk', async () => {
    const uri = fixture('CTLFile-changing.tlv');
    const ctl = readFileSync(fixture('CTLFile.tlv').fsPath);
    const itl = readFileSync(fixture('ITLFile.tlv').fsPath);
    writeFileSync(uri.fsPath, ctl);
    try {
      assert.equal((await openAndRender(uri)).md5, createHash('md5').update(ctl).digest('hex'));
      const viewer = await api();
      const itlMd5 = createHash('md5').update(itl).digest('hex');
      // The file watcher starts asynchronously: write again every 2 s until the new content is shown.
      const rewrite = setInterval(() => writeFileSync(uri.fsPath, itl), 2000);
      const next = new Promise<RenderedSummary>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the editor did not show the new content within 20 s')), 20000);
        const sub = viewer.onDidRender(e => {
          if (e.uri !== uri.toString() || e.summary.md5 !== itlMd5) return;
          clearTimeout(timer);
          sub.dispose();
          resolve(e.summary);
        });
      });
      writeFileSync(uri.fsPath, itl);
      const shown = await next.finally(() => clearInterval(rewrite));
      assert.equal(shown.md5, createHash('md5').update(itl).digest('hex'));
      assert.equal(shown.records, decodeCount(itl));
    } finally {
      rmSync(uri.fsPath, { force: true });
    }
  });

  it('opens the show ctl text view as a tlvdump: document', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('tlvViewer.showDump', fixture('CTLFile.tlv'));
    assert.equal(doc.uri.scheme, 'tlvdump');
    assert.equal(doc.languageId, 'tlvdump');
    const text = doc.getText();
    assert.match(text, /^Parse CTL File$/m);
    assert.match(text, /^CTL Record #:6$/m);
    assert.match(text, /The CTL file was verified successfully\.\s*$/);
  });

  it('updates the text view when the file changes on disk', async () => {
    const uri = fixture('CTLFile-changing-text.tlv');
    writeFileSync(uri.fsPath, readFileSync(fixture('CTLFile.tlv').fsPath));
    try {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('tlvViewer.showDump', uri);
      assert.match(doc.getText(), /^Parse CTL File$/m);
      const itl = readFileSync(fixture('ITLFile.tlv').fsPath);
      // The file watcher starts asynchronously; write again every 2 s until the change is seen.
      const rewrite = setInterval(() => writeFileSync(uri.fsPath, itl), 2000);
      const changed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the text view did not change within 20 s')), 20000);
        const sub = vscode.workspace.onDidChangeTextDocument(e => {
          if (e.document.uri.toString() !== doc.uri.toString() || !/^Parse ITL File$/m.test(e.document.getText())) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
      writeFileSync(uri.fsPath, itl);
      await changed.finally(() => clearInterval(rewrite));
    } finally {
      rmSync(uri.fsPath, { force: true });
    }
  });

  it('hovers a certificate line of the text view with the certificate details', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('tlvViewer.showDump', fixture('CTLFile.tlv'));
    const line = lineOf(doc, /^\s*9\s+CERTIFICATE\b/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3));
    const text = hoverText(hovers);
    for (const label of ['Subject', 'Issuer', 'Serial', 'Valid until', 'Days left', 'Key', 'Signature algorithm', 'SHA-1 fingerprint', 'SHA-256 fingerprint', 'Signed this file']) {
      assert.ok(text.includes(label), `the hover lacks "${label}":\n${text}`);
    }
    assert.match(text, /CN=gigantic-6\.cisco\.com/);
    assert.match(text, /1024-bit RSA/);
  });

  it('hovers pasted show ctl text with the meaning of roles', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'tlvdump', content: 'CTL Record #:2\n----\n4\tFUNCTION\t2\tCCM+TFTP\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 3));
    assert.match(hoverText(hovers), /CCM\+TFTP \(role 2\)/);
  });

  it('exports a certificate as PEM that openssl reads, and never overwrites', async () => {
    const target = vscode.Uri.file(join(scratch, 'record1.pem'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('tlvViewer.exportCertificate', fixture('CTLFile.tlv'), 1, 'pem', target);
    assert.equal(written?.toString(), target.toString());
    const subject = execFileSync('openssl', ['x509', '-noout', '-subject', '-in', target.fsPath], { encoding: 'utf8' });
    assert.match(subject, /CN\s*=\s*gigantic-6\.cisco\.com/);
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('tlvViewer.exportCertificate', fixture('CTLFile.tlv'), 2, 'der', target);
    assert.equal(again, undefined, 'export wrote over an existing file');
    assert.match(readFileSync(target.fsPath, 'utf8'), /^-----BEGIN CERTIFICATE-----\n/);
  });

  it('exports DER bytes equal to the PEM body', async () => {
    const der = vscode.Uri.file(join(scratch, 'record2.der'));
    const pem = vscode.Uri.file(join(scratch, 'record2.pem'));
    await vscode.commands.executeCommand('tlvViewer.exportCertificate', fixture('CTLFile.tlv'), 2, 'der', der);
    await vscode.commands.executeCommand('tlvViewer.exportCertificate', fixture('CTLFile.tlv'), 2, 'pem', pem);
    const body = readFileSync(pem.fsPath, 'utf8').replace(/-----[^-]+-----|\s/g, '');
    assert.equal(readFileSync(der.fsPath).toString('base64'), body);
  });

  it('copies a field as value, hex and Base64', async () => {
    const uri = fixture('CTLFile.tlv');
    const value = await vscode.commands.executeCommand<string>('tlvViewer.copyField', uri, 'records/1/2', 'value');
    assert.equal(value, 'gigantic-6');
    assert.equal(await vscode.env.clipboard.readText(), 'gigantic-6');
    const hex = await vscode.commands.executeCommand<string>('tlvViewer.copyField', uri, 'records/1/2', 'hex');
    assert.equal(hex, `${Buffer.from('gigantic-6').toString('hex').toUpperCase()}00`);
    const base64 = await vscode.commands.executeCommand<string>('tlvViewer.copyField', uri, 'records/1/2', 'base64');
    assert.equal(base64, Buffer.from('gigantic-6\0').toString('base64'));
  });

  it('reveals a record in the editor', async () => {
    const uri = fixture('CTLFile.tlv');
    await openAndRender(uri);
    assert.equal(await vscode.commands.executeCommand<number>('tlvViewer.revealRecord', uri, 3), 3);
  });
});
