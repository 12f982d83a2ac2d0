// report(folder): grouping by folder and content, outliers against the folder's majority, the
// certificate timeline, and the CLI's text, JSON, CSV and HTML renderings of it (file text hostile).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decode } from '../../src/node/decode';
import { buildReport, macOf, splitPath, summarise, type FileSummary } from '../../src/core/report';
import { csvCell, renderReportText, summariseFiles } from '../../src/cli/reportCommand';
import { escapeText } from '../../src/shared/reportHtml';
import { buildTrustList, type TrustListSpec } from '../support/builder';
import { makeCert } from '../support/certs';
import { itl, makeCluster, regenerate, tokenlessCtl } from '../support/cluster';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const NOW = new Date('2026-12-01T00:00:00Z');

const cluster = makeCluster({ name: 'rpt' });
const mac = (i: number) => (0x00aabbcc0000 + i).toString(16).toUpperCase().padStart(12, '0');
const good = buildTrustList(itl(cluster));
const goodLater = buildTrustList(itl(cluster, { timestamp: 1_700_000_000 }));
const otherSigner = buildTrustList(itl(cluster, { signer: 'itlRecovery' }));
const otherTvs = buildTrustList(itl(regenerate(cluster, 'tvs')));
const truncated = good.subarray(0, 900);
const ctl = buildTrustList(tokenlessCtl(cluster));

/** One TFTP folder: five identical ITLSEP files, two more of the majority, three outliers, a CTL; and a second folder. */
function folderFiles(): [string, Uint8Array][] {
  return [
    ...[0, 1, 2, 3, 4].map(i => [`tftp/ITLSEP${mac(i)}.tlv`, good] as [string, Uint8Array]),
    [`tftp/ITLSEP${mac(5)}.tlv`, goodLater],
    ['tftp/ITLFile.tlv', goodLater],
    [`tftp/ITLSEP${mac(6)}.tlv`, otherSigner],
    [`tftp/ITLSEP${mac(7)}.tlv`, otherTvs],
    [`tftp/ITLSEP${mac(8)}.tlv`, truncated],
    ['tftp/CTLFile.tlv', ctl],
    ['tftp2/ITLFile.tlv', otherSigner],
  ];
}

const summaries = (): FileSummary[] => folderFiles().map(([path, bytes]) => summarise(decode(bytes, { fileName: splitPath(path).name }), path));

describe('report model', () => {
  const files = summaries();
  const report = buildReport(files, { now: NOW });

  it('summarises a file: kind, MAC from the name, signer, TVS set, expiry, and only the certificates', () => {
    const s = files[0];
    assert.equal(s.kind, 'ITL');
    assert.equal(s.mac, mac(0));
    assert.equal(s.folder, 'tftp');
    assert.equal(s.status, 'verified');
    assert.equal(s.records, 4);
    assert.equal(s.signer?.index, 1);
    assert.equal(s.signer?.sha256, createHash('sha256').update(cluster.certs.callManager.der).digest('hex'));
    assert.deepEqual(s.tvs, [createHash('sha256').update(cluster.certs.tvs.der).digest('hex')]);
    assert.equal(s.certificates.length, 4);
    assert.equal(s.earliestNotAfter, '2044-01-01T00:00:00Z');
    assert.equal(s.error, undefined);
    assert.deepEqual(s.warnings, []);
    assert.equal(macOf('ctlsep0011223344ff.tlv'), '0011223344FF');
    assert.equal(macOf('ITLFile.tlv'), undefined);
    assert.deepEqual(splitPath('C:\\tftp\\ITLFile.tlv'), { folder: 'C:\\tftp', name: 'ITLFile.tlv' });
    assert.deepEqual(splitPath('/ITLFile.tlv'), { folder: '/', name: 'ITLFile.tlv' });
    assert.deepEqual(splitPath('ITLFile.tlv'), { folder: '', name: 'ITLFile.tlv' });
    assert.deepEqual(splitPath('a\\b/c/ITLFile.tlv'), { folder: 'a\\b/c', name: 'ITLFile.tlv' });
    assert.deepEqual(splitPath('a/b\\ITLFile.tlv'), { folder: 'a/b', name: 'ITLFile.tlv' });
  });

  it('renders the text of 130,000 distinct files: more rows than V8 takes as arguments to one call', () => {
    const [base] = summaries();
    const files = Array.from({ length: 130_000 }, (_, i) => ({ ...base, path: `big/ITLSEP${String(i).padStart(12, '0')}.tlv`, folder: 'big', sha256: createHash('sha256').update(String(i)).digest('hex') }));
    const text = renderReportText(buildReport(files, { now: new Date('2026-12-01T00:00:00Z') }));
    assert.match(text, /130000 distinct content\(s\)/);
    assert.ok(text.split('\n').length > 130_000);
  });

  it('groups by folder, then by identical content', () => {
    assert.deepEqual(report.folders.map(f => f.folder), ['tftp', 'tftp2']);
    const tftp = report.folders[0];
    assert.equal(tftp.files, 11);
    const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
    const top = tftp.groups[0];
    assert.equal(top.sha1, sha1(good));
    assert.equal(top.count, 5);
    assert.equal(top.paths.length, 5);
    assert.equal(top.kind, 'ITL');
    assert.equal(top.status, 'verified');
    assert.equal(top.records, 4);
    assert.equal(top.earliestNotAfter, '2044-01-01T00:00:00Z');
    assert.equal(top.signer?.commonName, 'rpt-pub');
    assert.equal(tftp.groups.find(g => g.sha1 === sha1(goodLater))?.count, 2);
    assert.equal(tftp.groups.length, 6);
    assert.equal(report.totals.distinctContents, 6);
  });

  it('outliers: the other signer, the other TVS set, the truncated file, and nothing else', () => {
    const byPath = new Map(report.outliers.map(o => [o.path, o.reasons.map(r => r.code)]));
    assert.deepEqual(byPath.get(`tftp/ITLSEP${mac(6)}.tlv`), ['SIGNER_DIFFERS']);
    assert.deepEqual(byPath.get(`tftp/ITLSEP${mac(7)}.tlv`), ['TVS_DIFFERS']);
    assert.deepEqual(byPath.get(`tftp/ITLSEP${mac(8)}.tlv`), ['MALFORMED']);
    assert.equal(report.outliers.length, 3, JSON.stringify([...byPath.keys()]));
    // A folder's lone file is its own majority; the CTL is judged only among CTLs.
    assert.ok(!byPath.has('tftp2/ITLFile.tlv'));
    assert.ok(!byPath.has('tftp/CTLFile.tlv'));
    const signer = report.outliers.find(o => o.reasons[0].code === 'SIGNER_DIFFERS')!.reasons[0];
    assert.match(signer.message, /^Signed by ITLRECOVERY_rpt-pub \(serial [0-9A-F]+\), while 8 of the 9 ITL files in this folder are signed by rpt-pub \(serial [0-9A-F]+\)\.$/);
    const majority = report.folders[0].majorities.find(m => m.kind === 'ITL');
    assert.equal(majority?.signer?.commonName, 'rpt-pub');
    assert.equal(majority?.tvs?.count, 8);
    assert.match(report.outliers.find(o => o.reasons[0].code === 'MALFORMED')!.reasons[0].message, /^The file is malformed at offset \d+ \(0x[0-9A-F]+\): /);
  });

  it('no majority, no signer outlier: two files signed by two keys are not judged against each other', () => {
    const two = buildReport([summarise(decode(good, { fileName: 'ITLFile.tlv' }), 'a/ITLFile.tlv'), summarise(decode(otherSigner, { fileName: 'ITLSEP001122334455.tlv' }), 'a/ITLSEP001122334455.tlv')], { now: NOW });
    assert.equal(two.outliers.length, 0);
  });

  it('a file that does not verify is an outlier with the signature detail', () => {
    const tampered = Uint8Array.from(good);
    tampered[tampered.length - 50] ^= 1;
    const r = buildReport([summarise(decode(tampered, { fileName: 'ITLFile.tlv' }), 'x/ITLFile.tlv')], { now: NOW });
    assert.equal(r.outliers[0].reasons[0].code, 'NOT_VERIFIED');
    assert.match(r.outliers[0].reasons[0].message, /^The file does not verify \(invalid\): The signature does not verify/);
  });

  it('the timeline has one entry per distinct certificate, with its roles, signer flag and expiry', () => {
    const certs = new Set<string>();
    for (const f of files) for (const c of f.certificates) certs.add(c.sha256);
    assert.equal(report.timeline.length, certs.size);
    // callManager, itlRecovery, capf, tvs, regenerated tvs, subscriber.
    assert.equal(certs.size, 6);
    const cm = report.timeline.find(t => t.sha256 === createHash('sha256').update(cluster.certs.callManager.der).digest('hex'))!;
    assert.deepEqual(cm.roles, ['SAST', 'CCM+TFTP']);
    assert.equal(cm.isSigner, true);
    assert.equal(cm.expired, false);
    const soon = buildReport(files, { now: new Date('2043-12-15T00:00:00Z'), expiryWarningDays: 30 });
    assert.ok(soon.timeline.every(t => t.expiring && !t.expired));
    const late = buildReport(files, { now: new Date('2044-06-01T00:00:00Z') });
    assert.equal(late.totals.expired, 6);
  });

  it('totals', () => {
    assert.deepEqual(report.totals, { files: 12, folders: 2, verified: 11, notVerified: 1, malformed: 1, distinctContents: 6, outliers: 3, certificates: 6, expired: 0, expiring: 0 });
  });
});

describe('report renderings', () => {
  it('CSV cells: RFC 4180 quoting, formula cells neutralised, file text made inert', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=1+2'), "'=1+2");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('two\nlines'), 'two\\u{000A}lines');
    assert.equal(csvCell(12), '12');
    assert.equal(csvCell(undefined), '');
  });

  it('HTML escaping: one function for text and attributes', () => {
    assert.equal(escapeText(`<img src=x onerror="alert('1')">&`), '&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;');
    assert.equal(escapeText('a\nb\u202Ec'), 'a\\u{000A}b\\u{202E}c');
  });
});

describe('report CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlv-report-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, bytes] of folderFiles()) {
    mkdirSync(join(dir, splitPath(path).folder), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  // A folder whose certificates carry hostile names: markup, a newline, a formula.
  const img = makeCert({ subject: [['CN', '<img src=x onerror=alert(1)>']], keyId: 'report-img' });
  const newline = makeCert({ subject: [['CN', 'evil\nOK   forged line']], keyId: 'report-newline' });
  const formula = makeCert({ subject: [['CN', '=HYPERLINK("http://x","y")']], keyId: 'report-formula' });
  const hostileSpec: TrustListSpec = {
    kind: 'ITL', signer: formula,
    records: [{ cert: formula, role: 'SAST' }, { cert: img, role: 'CCM+TFTP' }, { cert: newline, role: 'TVS' }],
  };
  const hostile = join(dir, 'hostile');
  mkdirSync(hostile);
  writeFileSync(join(hostile, 'ITLSEP0011223344AA.tlv'), buildTrustList(hostileSpec));

  it('text: totals, outliers first, exit 1 when a file does not verify', () => {
    const r = cli('report', join(dir, 'tftp'));
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^11 file\(s\) in 1 folder\(s\): 10 verified, 1 not verified; 6 distinct content\(s\); 3 outlier\(s\); 6 certificate\(s\)/);
    assert.equal(lines[2], 'Outliers (3)');
    assert.ok(r.stdout.indexOf('Outliers') < r.stdout.indexOf('Folders') && r.stdout.indexOf('Folders') < r.stdout.indexOf('Certificate timeline'));
    assert.match(r.stdout, /^ {4}5 +ITL +verified +4 +2044-01-01 /m);
    const ok = cli('report', join(dir, 'tftp2'));
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  });

  it('text: a certificate name cannot add a line', () => {
    const r = cli('report', hostile);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /^OK {3}forged line/m);
    assert.match(r.stdout, /evil\\u\{000A\}OK {3}forged line/);
  });

  it('--json is the model plus one entry per file', () => {
    const r = cli('report', '--json', join(dir, 'tftp'), join(dir, 'tftp2'));
    assert.equal(r.status, 1);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(j).sort(), ['expiryWarningDays', 'files', 'folders', 'generatedAt', 'outliers', 'timeline', 'totals']);
    assert.equal(j.totals.files, 12);
    assert.equal(j.files.length, 12);
    assert.equal(j.files[0].certificates, undefined);
    // Identical files are decoded once, yet each keeps its own path and MAC.
    const copies = j.files.filter((f: { sha1: string }) => f.sha1 === createHash('sha1').update(good).digest('hex'));
    assert.equal(copies.length, 5);
    assert.deepEqual(copies.map((f: { mac: string }) => f.mac), [0, 1, 2, 3, 4].map(mac));
    assert.equal(new Set(copies.map((f: { path: string }) => f.path)).size, 5);
    // The MD5 the JSON prints and the SHA-256 the content cache computed once, against Node's.
    for (const f of copies) {
      assert.equal(f.md5, createHash('md5').update(good).digest('hex'));
      assert.equal(f.sha256, createHash('sha256').update(good).digest('hex'));
    }
    assert.equal(j.timeline.length, 6);
    assert.deepEqual(Object.keys(j.outliers[0].reasons[0]).sort(), ['code', 'message']);
    assert.deepEqual(Object.keys(j.folders[0]).sort(), ['files', 'folder', 'groups', 'majorities', 'verified']);
    assert.deepEqual(Object.keys(j.folders[0].groups[0]).sort(), ['complete', 'count', 'earliestNotAfter', 'kind', 'length', 'md5', 'paths', 'records', 'sha1', 'sha256', 'signer', 'status']);
  });

  it('--csv: a header and one row per file; hostile names quoted and neutralised', () => {
    const r = cli('report', '--csv', join(dir, 'tftp'), hostile);
    assert.equal(r.status, 1);
    const rows = r.stdout.split('\r\n');
    assert.equal(rows.at(-1), '');
    assert.equal(rows.length - 2, 12);
    assert.match(rows[0], /^path,folder,name,kind,/);
    const row = rows.find(l => l.includes('ITLSEP0011223344AA'))!;
    assert.ok(row.includes(`,"'=HYPERLINK(""http://x"",""y"")",`), row);
    assert.ok(!/(^|,)=/.test(row));
    assert.ok(!r.stdout.replace(/\r\n/g, '').includes('\n'));
  });

  it('--html: one page, no script, the CSP meta, hostile names escaped, one bar per certificate', () => {
    const out = join(dir, 'report.html');
    const r = cli('report', '--html', out, join(dir, 'tftp'), hostile);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /Written to /);
    const page = readFileSync(out, 'utf8');
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /<[^>]*\son\w+\s*=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.ok(csp, 'no CSP meta');
    assert.match(csp, /^default-src 'none'; style-src '(sha256-[A-Za-z0-9+/=]+)'; img-src data:/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    assert.equal(`sha256-${createHash('sha256').update(style).digest('base64')}`, /style-src '([^']+)'/.exec(csp)![1]);
    assert.doesNotMatch(page, /\sstyle=/);
    assert.ok(!page.includes('<img'));
    assert.ok(page.includes('&#60;img src=x onerror=alert(1)&#62;'));
    assert.ok(!page.includes('evil\nOK'));
    assert.ok(page.includes('evil\\u{000A}OK   forged line'));
    // Only our own elements: every tag name is one the renderer writes.
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase()));
    const ours = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'table', 'tr', 'th', 'td', 'code', 'ul', 'li', 'b', 'svg', 'g', 'text', 'rect', 'line'];
    assert.deepEqual([...tags].filter(t => !ours.includes(t)), []);
    // The timeline: one bar per distinct certificate (6 from the cluster + 3 hostile), each with a <title>, and a table row each.
    const svg = /<svg[\s\S]*<\/svg>/.exec(page)![0];
    assert.equal((svg.match(/<rect /g) ?? []).length, 9);
    assert.equal((svg.match(/<g><title>/g) ?? []).length, 9);
    const table = page.slice(page.indexOf('</svg>'));
    assert.equal((table.match(/<tr><td class="d">\d{4}-\d\d-\d\d<\/td>/g) ?? []).length, 9);
  });

  it('a hostile file name is file text too: inert in text, quoted and neutralised in CSV, escaped in HTML', () => {
    const names = join(dir, 'names');
    mkdirSync(names);
    writeFileSync(join(names, '-ITL<b onmouseover=x>\nOK   forged.tlv'), good);
    const text = cli('report', names);
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout, /^OK {3}forged/m);
    const csv = cli('report', '--csv', names).stdout.split('\r\n');
    assert.equal(csv.length, 3);
    assert.ok(csv[1].includes(`,'-ITL<b onmouseover=x>\\u{000A}OK   forged.tlv,`), csv[1]);
    const out = join(dir, 'names.html');
    cli('report', '--html', out, names);
    const page = readFileSync(out, 'utf8');
    assert.ok(!page.includes('<b onmouseover'));
    assert.ok(page.includes('-ITL&#60;b onmouseover=x&#62;\\u{000A}OK   forged.tlv'));
  });

  it('signer-mode decoding with each certificate read once gives the report that decoding every certificate gives', async () => {
    const paths = [join(dir, 'tftp'), join(dir, 'tftp2'), hostile];
    const fast = await summariseFiles(paths);
    const full = await summariseFiles(paths, { certificates: 'all', cache: false });
    const strip = (files: FileSummary[]) => files.map(({ warnings: _, ...rest }) => rest);
    assert.deepEqual(strip(fast), strip(full));
    assert.deepEqual(buildReport(fast, { now: NOW }), buildReport(full, { now: NOW }));
    assert.equal(buildReport(fast, { now: NOW }).timeline.length, 9);
  });

  it('the content cache: the same bytes under names of other kinds are summarised as their own names say', async () => {
    // One ITL's bytes as an ITLSEP file, a CTL name, a name of no kind and another ITLSEP file.
    const kinds = join(dir, 'kinds');
    mkdirSync(kinds);
    for (const name of [`ITLSEP${mac(20)}.tlv`, 'CTLFile.tlv', 'trust.tlv', `ITLSEP${mac(21)}.tlv`]) writeFileSync(join(kinds, name), good);
    const cached = await summariseFiles([kinds]);
    assert.deepEqual(cached, await summariseFiles([kinds], { cache: false }));
    assert.deepEqual(cached.map(s => [s.name, s.fileNameKind]), [['CTLFile.tlv', 'CTL'], [`ITLSEP${mac(20)}.tlv`, 'ITL'], [`ITLSEP${mac(21)}.tlv`, 'ITL'], ['trust.tlv', 'unknown']]);
    // The ITL's bytes under a CTL name: phones would load them as a CTL, and the report says they differ.
    assert.ok(cached[0].warnings.includes('KIND_MISMATCH'), cached[0].warnings.join(' '));
    assert.ok(!cached[1].warnings.includes('KIND_MISMATCH'));
  });

  it('usage: one format at a time; no .tlv files is a usage error', () => {
    const both = cli('report', '--json', '--csv', join(dir, 'tftp'));
    assert.equal(both.status, 2);
    assert.match(both.stderr, /choose one of --json, --csv and --html/);
    const empty = mkdtempSync(join(tmpdir(), 'tlv-report-empty-'));
    try {
      const none = cli('report', empty);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /no \.tlv files found/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    assert.equal(cli('report').status, 2);
  });
});
