// The editor webview's pure parts and its rules: the tree model built from decoded files, and the
// security and localisation rules checked over the sources (no HTML sinks, strict CSP, every string
// translated).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/node/decode';
import { buildFieldIndex } from '../../src/shared/fieldIndex';
import { buildTree, flattenVisible, sectionOf, type TreeNode } from '../../src/webview/treeModel';
import { contentSecurityPolicy, escapeHtml } from '../../src/extension/csp';
import type { WebviewStrings } from '../../src/shared/strings';
import { buildTrustList } from '../support/builder';
import { makeCert } from '../support/certs';

// English templates stand in for the host's localised strings: each key is its own text.
const strings = new Proxy({}, { get: (_t, key) => (key === 'recordTitle' ? '#{0} {1}' : key === 'size' ? '{0} bytes' : String(key)) }) as WebviewStrings;

function tree(bytes: Uint8Array, fileName: string): { roots: TreeNode[]; list: ReturnType<typeof decode> } {
  const list = decode(bytes, { fileName });
  return { roots: buildTree(list, bytes, buildFieldIndex(list), strings), list };
}

describe('tree model', () => {
  const ctl = new Uint8Array(readFileSync('test/fixtures/CTLFile.tlv'));

  it('has header, signer ID, signature info, then one node per record', () => {
    const { roots } = tree(ctl, 'CTLFile.tlv');
    assert.deepEqual(roots.map(r => r.key), ['header', 'header/3', 'header/7', 'records/1', 'records/2', 'records/3', 'records/4', 'records/5', 'records/6']);
    assert.equal(roots[3].label, '#1 SAST — gigantic-6');
    assert.equal(roots[3].isSigner, true);
    assert.deepEqual(roots[1].children.map(c => c.label), ['SIGNERNAME', 'SERIALNUMBER', 'CANAME']);
    // The file signature sits under signature info, after the algorithm fields.
    assert.equal(roots[2].children.at(-1)?.label, 'SIGNATURE');
  });

  it('shows children only of expanded nodes, and finds the section of any node', () => {
    const { roots } = tree(ctl, 'CTLFile.tlv');
    assert.equal(flattenVisible(roots, new Set()).length, 9);
    const open = flattenVisible(roots, new Set(['records/2']));
    assert.equal(open.length, 9 + roots[4].children.length);
    const cert = open.find(n => n.key === 'records/2/9')!;
    assert.equal(sectionOf(cert).key, 'records/2');
    assert.equal(cert.level, 2);
  });

  it('puts each diagnostic on the node it concerns and marks its ancestors', () => {
    const truncated = ctl.subarray(0, 2000);
    const { roots, list } = tree(truncated, 'CTLFile.tlv');
    assert.ok(list.diagnostics.some(d => d.severity === 'error'));
    const placed = roots.flatMap(function all(n: TreeNode): TreeNode[] { return [n, ...n.children.flatMap(all)]; }).flatMap(n => n.diagnostics);
    assert.equal(placed.length, list.diagnostics.length);
    const broken = roots.find(r => r.severity === 'error');
    assert.ok(broken?.key.startsWith('records/'), `the error is not on a record: ${broken?.key}`);
  });

  it('keeps hostile names as plain text and makes bidi overrides visible', () => {
    const signer = makeCert({ key: 'rsa1024', keyId: 'tree-hostile', subject: [['CN', '<img src=x onerror=alert(1)>'], ['OU', 'a\u202Eb']] });
    const bytes = buildTrustList({ kind: 'CTL', signer, records: [{ cert: signer, role: 'SAST', dnsName: '<img src=x onerror=alert(1)>\u202Eexe' }] });
    const { roots } = tree(bytes, 'CTLFile.tlv');
    const record = roots.find(r => r.key === 'records/1')!;
    assert.match(record.label, /<img src=x onerror=alert\(1\)>/);
    assert.ok(!record.label.includes('\u202E'));
    assert.match(record.label, /\\u\{202E\}/);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('webview security rules', () => {
  it('the webview code uses no HTML sinks, eval or inline styles', () => {
    for (const file of sources('src/webview')) {
      const code = readFileSync(file, 'utf8');
      for (const sink of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /setAttribute\(\s*['"]style['"]/, /\.style\.cssText/]) {
        assert.doesNotMatch(code, sink, `${file} uses ${sink}`);
      }
    }
  });

  it('hovers never trust their Markdown', () => {
    for (const file of sources('src/extension')) {
      const code = readFileSync(file, 'utf8');
      assert.doesNotMatch(code, /isTrusted|supportHtml|appendMarkdown/, file);
    }
  });

  it('the CSP allows nothing by default and scripts only by nonce', () => {
    const csp = contentSecurityPolicy('https://res.example', 'n0nce');
    assert.equal(csp, "default-src 'none'; style-src https://res.example; img-src https://res.example data:; font-src https://res.example; script-src 'nonce-n0nce'");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(escapeHtml(`"><script>'&`), '&quot;&gt;&lt;script&gt;&#39;&amp;');
  });
});

describe('localisation', () => {
  it('every vscode.l10n.t string of the extension has a Japanese translation', () => {
    const ja = JSON.parse(readFileSync('l10n/bundle.l10n.ja.json', 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    for (const file of sources('src/extension')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    }
    assert.ok(used.size > 50);
    const missing = [...used].filter(k => typeof ja[k] !== 'string' || ja[k] === '');
    assert.deepEqual(missing, []);
  });

  it('every %key% of package.json is in package.nls.json and package.nls.ja.json', () => {
    const keys = [...readFileSync('package.json', 'utf8').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    for (const nls of ['package.nls.json', 'package.nls.ja.json']) {
      const table = JSON.parse(readFileSync(nls, 'utf8')) as Record<string, string>;
      assert.deepEqual(keys.filter(k => !table[k]), [], nls);
    }
  });
});
