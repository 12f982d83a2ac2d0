// The core's sentences as templates: each one translated in l10n/bundle.l10n.ja.json with the same
// placeholders, the English fields (signature detail, diagnostics, verdicts, warnings) equal to their
// filled templates, and the webview models carrying the translated text while the core data and the
// JSON keep the English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { compare, type Comparison } from '../../src/core/compare';
import * as messages from '../../src/core/messages';
import { fill, localizable, render, type Localizable } from '../../src/core/messages';
import { toJson } from '../../src/core/json';
import type { DecodeOptions, TrustList } from '../../src/core/model';
import { localizeComparison, localizeViewModel } from '../../src/extension/localizedModel';
import { buildTrustList, type RecordSpec, type TrustListSpec } from '../support/builder';
import { SHARED_FIXTURES, sharedFixtures } from '../support/certutils';
import { eTokenCtl, itl, makeCluster, makeETokens, regenerate, tokenlessCtl } from '../support/cluster';
import { cucmCert } from '../support/cucm';

const ja = JSON.parse(readFileSync('l10n/bundle.l10n.ja.json', 'utf8')) as Record<string, string>;
const templates = Object.entries(messages as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
const placeholders = (s: string) => [...s.matchAll(/\{([^}]+)\}/g)].map(m => m[1]).sort();

/** Japanese through the bundle, as vscode.l10n.t does it; a template missing from the bundle fails. */
function toJapanese(l: Localizable): string {
  return render(l, (message, args) => {
    const t = ja[message];
    assert.ok(t, `no Japanese for ${JSON.stringify(message)}`);
    return fill(localizable(t, args));
  });
}

const NOW = new Date('2026-11-27T00:00:00Z');
const decodeSpec = (spec: TrustListSpec) => decode(buildTrustList(spec), { fileName: `${spec.kind}File.tlv` });
const before = makeCluster({ name: 'l10n', callManagerKey: 'rsa1024' });
const after = regenerate(before, 'callManager', 'rsa2048');
const tampered = (spec: TrustListSpec) => {
  const bytes = buildTrustList(spec);
  bytes[bytes.length - 100] ^= 1;
  return decode(bytes);
};
const expiring = cucmCert('old-node', 'callManager', { keyId: 'exp', notBefore: new Date('2020-01-01Z'), notAfter: new Date('2025-01-01Z') });
const base = tokenlessCtl(after);

/** Pairs that between them reach every rule and most warnings. */
const scenarios: [string, TrustList, TrustList][] = [
  ['regenerated CallManager (R4 needs the ITL, R5 rejected)', decodeSpec(tokenlessCtl(before)), decodeSpec(tokenlessCtl(after))],
  ['same ITLRecovery signer (R2)', decodeSpec(tokenlessCtl(before, { signer: 'itlRecovery' })), decodeSpec(tokenlessCtl(after, { signer: 'itlRecovery' }))],
  ['anchor swap (R7)', decodeSpec(tokenlessCtl(before)), decodeSpec(tokenlessCtl(before, { signer: 'itlRecovery' }))],
  ['eToken → tokenless (records added and removed)', decodeSpec(eTokenCtl(before, makeETokens())), decodeSpec(tokenlessCtl(before))],
  ['ITL trusted signer (R3, R5 not affected)', decodeSpec(itl(before)), decodeSpec(itl(before, { timestamp: 1_700_000_000 }))],
  ['ITL signer and TVS changed (R6)', decodeSpec(itl(before)), decodeSpec(itl(regenerate(after, 'tvs')))],
  ['tampered NEW (R0, invalid signature)', decodeSpec(tokenlessCtl(before)), tampered(tokenlessCtl(before))],
  ['truncated NEW (R0, damaged)', decodeSpec(tokenlessCtl(before)), decode(buildTrustList(tokenlessCtl(before)).subarray(0, 900))],
  ['empty OLD (R1, OLD not verified)', decodeSpec({ ...base, records: [] }), decodeSpec(base)],
  ['SHA-512, a third SAST, an expired certificate', decodeSpec(base), decodeSpec({
    ...base,
    digest: 'sha512',
    records: [...base.records, { cert: expiring, role: 'SAST', dnsName: 'old-node', ip: '10.0.0.8' }],
  })],
];
const comparisons = scenarios.map(([name, a, b]) => [name, compare(a, b, { now: NOW })] as [string, Comparison]);

describe('core messages', () => {
  it('every template has a Japanese translation with the same placeholders', () => {
    assert.ok(templates.length > 30);
    for (const [name, english] of templates) {
      const t = ja[english];
      assert.ok(typeof t === 'string' && t !== '', `${name} has no Japanese entry`);
      assert.deepEqual(placeholders(t), placeholders(english), name);
      assert.notEqual(t, english, `${name} is not translated`);
    }
  });

  it('fill substitutes once, as VS Code does: text from the file that looks like a placeholder stays', () => {
    const l = localizable(messages.CERTIFICATE_LABEL, { name: 'CN {serial}', serial: localizable(messages.RECORD_NUMBER, { index: 3 }) });
    assert.equal(fill(l), 'CN {serial} (serial record #3)');
    assert.equal(fill(localizable('{missing} stays')), '{missing} stays');
  });

  it('the English detail of every decoded file is its filled template, and it has a Japanese rendering', () => {
    const lists = scenarios.flatMap(([, a, b]) => [a, b]);
    assert.deepEqual(new Set(lists.map(l => l.signature.status)), new Set(['verified', 'invalid', 'malformed', 'signer-not-found']));
    for (const l of lists) {
      assert.equal(fill(l.signature.l10n), l.signature.detail);
      assert.match(toJapanese(l.signature.l10n), /[ぁ-んァ-ヶ一-龠]/);
    }
  });

  it('the English verdicts and warnings are their filled templates, and each has a Japanese rendering', () => {
    const rules = new Set<string>();
    const codes = new Set<string>();
    for (const [name, c] of comparisons) {
      for (const v of c.verdicts) {
        rules.add(v.rule);
        assert.equal(fill(v.l10n), v.explanation, name);
        assert.match(toJapanese(v.l10n), /[ぁ-んァ-ヶ一-龠]/, name);
      }
      for (const w of c.warnings) {
        codes.add(w.code);
        assert.equal(fill(w.l10n), w.message, name);
        assert.match(toJapanese(w.l10n), /[ぁ-んァ-ヶ一-龠]/, name);
      }
    }
    assert.deepEqual([...rules].sort(), ['R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    for (const code of ['CERT_REPLACED', 'RECORD_ADDED', 'RECORD_REMOVED', 'SIGNER_AND_TVS_CHANGED', 'OLD_NOT_VERIFIED', 'SHA512_MOVE', 'TOO_MANY_SAST', 'CERT_EXPIRED', 'WEAK_KEY']) {
      assert.ok(codes.has(code), code);
    }
  });

  it('a Japanese verdict translates the nested pieces too: the certificate label and the quoted signature detail', () => {
    const [, regenerated] = comparisons[0];
    const r5 = regenerated.verdicts.find(v => v.rule === 'R5');
    assert.ok(r5);
    const text = toJapanese(r5.l10n);
    assert.match(text, /l10n-pub \(シリアル [0-9A-F]+\)/);
    assert.doesNotMatch(text, /serial|NEW's signer/);
    const [, r0] = comparisons[6];
    assert.match(toJapanese(r0.verdicts[0].l10n), /理由: レコード #\d+ \(SAST\) の鍵では署名を検証できません。/);
  });
});

describe('decoder diagnostics', () => {
  const realCtl = new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'real/CTLFile-cucm-tokenless-2015.tlv')));
  const header = (headerLength: number) => [1, 0, 2, 1, 2, 2, 0, 2, headerLength >> 8, headerLength & 0xff];
  const shortRecord = [1, 0, 2, 0, 5];
  const garbled = (r: RecordSpec, i: number): RecordSpec => {
    if (r.kind !== undefined) return r;
    const bad = [
      { overrides: { publicKey: before.certs.tvs.publicKeyBytes, serialHex: '0BAD' } },
      { overrides: { subjectName: 'CN=someone-else', issuerName: 'CN=another-ca', signature: new Uint8Array(128) } },
      { role: 99, extra: [{ tag: 4, value: new Uint8Array([0, 1, 2]) }, { tag: 2, value: new Uint8Array([0x61, 0x62]) }, { tag: 99, value: new Uint8Array([7]) }] },
      { overrides: { certificate: new Uint8Array([0x30, 0x03, 2, 1, 0]) } },
    ][i];
    return bad ? { ...r, ...bad } : r;
  };
  const cases: [string, Uint8Array, DecodeOptions?][] = [
    ...sharedFixtures().map(f => [f.name, new Uint8Array(readFileSync(f.path)), { fileName: basename(f.path) }] as [string, Uint8Array, DecodeOptions]),
    ...[1, 2, 4, 6, ...Array.from({ length: 40 }, (_, i) => Math.floor((realCtl.length * i) / 40) + (i % 7))]
      .map(n => [`real CTL cut at ${n}`, realCtl.subarray(0, n)] as [string, Uint8Array]),
    ['builder-made CTL with cross-check overrides', buildTrustList({
      ...tokenlessCtl(before), headerExtra: [{ tag: 40, value: new Uint8Array([1]) }], records: tokenlessCtl(before).records.map(garbled),
    })],
    ['not a trust list', new Uint8Array([2, 0, 0])],
    ['no HEADERLENGTH', new Uint8Array([1, 0, 2, 1, 2])],
    ['HEADERLENGTH past the end', new Uint8Array(header(300))],
    ['HEADERLENGTH short of the header fields', new Uint8Array(header(5))],
    ['a record with no FUNCTION, then one too short', new Uint8Array([...header(10), ...shortRecord, 1, 0, 2, 0, 3])],
    ['a record longer than the file', new Uint8Array([...header(10), 1, 0, 2, 0, 200])],
    ['more records than allowed', new Uint8Array([...header(10), ...shortRecord, ...shortRecord]), { maxRecords: 1 }],
    ['containers nested too deep', new Uint8Array([1, 0, 2, 1, 2, 3, 0, 9, 7, 0, 6, 9, 0, 3, 3, 0, 0])],
    // 6,000 empty fields of an unknown tag: an UNKNOWN_TAG and a DUPLICATE_TAG each, past the 10,000 notes kept.
    ['more notes than are kept', new Uint8Array([...header(10), 1, 0, 2, 0x46, 0x55, ...Array.from({ length: 6000 }, () => [200, 0, 0]).flat()])],
    ['padding in a record, a header field twice, a FILENAME of the other kind, findings', buildTrustList({
      ...tokenlessCtl(before), headerOverrides: { signerName: 'CN=x', caName: 'CN=y', fileName: 'ITLFile.tlv' },
      headerExtra: [{ tag: 8, value: new Uint8Array([1]) }],
      records: [...tokenlessCtl(before).records, { cert: before.certs.tvs, role: 'SAST' }, { cert: before.certs.capf, role: 'CAPF', extra: [{ tag: 13, value: new Uint8Array(0) }] }],
    }), { fileName: 'CTLFile.tlv' }],
  ];
  const decoded = cases.map(([name, bytes, options]) => [name, decode(bytes, options)] as [string, TrustList]);

  it('every diagnostic carries its template: English equal to the message, Japanese from the bundle', () => {
    const produced = new Set<string>();
    for (const [name, list] of decoded) {
      for (const d of list.diagnostics) {
        assert.ok(d.l10n, `${name}: ${d.code} has no l10n`);
        assert.equal(fill(d.l10n), d.message, name);
        const japanese = toJapanese(d.l10n);
        assert.match(japanese, /オフセット \d+ \(0x[0-9A-F]+\)|[ぁ-んァ-ヶ一-龠]/, name);
        // CERTIFICATE_UNREADABLE quotes the X.509 parser's English detail.
        if (d.code !== 'CERTIFICATE_UNREADABLE') assert.doesNotMatch(japanese, /\boffset\b|\bthe (header|end)\b|record #/, name);
        produced.add(d.l10n.message);
      }
    }
    const diagnosticTemplates = templates.filter(([n]) => n.startsWith('DIAG_'));
    assert.ok(diagnosticTemplates.length >= 20);
    for (const [n, t] of diagnosticTemplates) assert.ok(produced.has(t), `no case produces ${n}`);
  });

  it('an offset reads naturally in Japanese and the names from the file stay as they are', () => {
    const [, list] = decoded.find(([name]) => name.startsWith('builder-made'))!;
    const subject = list.diagnostics.find(d => d.code === 'SUBJECT_MISMATCH');
    assert.ok(subject?.l10n);
    assert.match(subject.message, /^record #\d+: SUBJECTNAME at offset \d+ \(0x[0-9A-F]+\) "CN=someone-else" names other attributes/);
    assert.match(toJapanese(subject.l10n), /^レコード #\d+: オフセット \d+ \(0x[0-9A-F]+\) の SUBJECTNAME "CN=someone-else" は、証明書のサブジェクト/);
  });

  it('the JSON keeps the English message and has no l10n field', () => {
    for (const [name, list] of decoded) {
      const json = toJson(list);
      assert.deepEqual(json.diagnostics.map(d => d.message), list.diagnostics.map(d => d.message), name);
      for (const d of json.diagnostics) assert.ok(!('l10n' in d), name);
    }
  });
});

describe('what the webviews receive', () => {
  const upper = (l: Localizable) => fill(l).toUpperCase();

  it('the editor model carries the localised signature detail; the decoded list keeps the English', () => {
    const list = scenarios[0][1];
    const model = { list, bytes: new Uint8Array(), file: { name: 'CTLFile.tlv', size: 0, mtime: 0 } };
    const shown = localizeViewModel(model, upper);
    assert.equal(shown.list.signature.detail, list.signature.detail.toUpperCase());
    assert.notEqual(list.signature.detail, shown.list.signature.detail);
    assert.equal(shown.list.records, list.records);
  });

  it('the editor model carries localised diagnostics for the error list and node badges; the decoded list keeps the English', () => {
    const list = scenarios[7][2];
    const english = list.diagnostics.map(d => d.message);
    assert.ok(english.length > 0);
    const shown = localizeViewModel({ list, bytes: new Uint8Array(), file: { name: 'CTLFile.tlv', size: 0, mtime: 0 } }, upper);
    assert.deepEqual(shown.list.diagnostics.map(d => d.message), english.map(m => m.toUpperCase()));
    assert.deepEqual(shown.list.diagnostics.map(d => [d.code, d.offset, d.path]), list.diagnostics.map(d => [d.code, d.offset, d.path]));
    assert.deepEqual(list.diagnostics.map(d => d.message), english);
  });

  it('the comparison carries localised verdicts and warnings; the rest is the same', () => {
    const [, c] = comparisons[0];
    const shown = localizeComparison(c, upper);
    assert.deepEqual(shown.verdicts.map(v => v.explanation), c.verdicts.map(v => v.explanation.toUpperCase()));
    assert.deepEqual(shown.warnings.map(w => w.message), c.warnings.map(w => w.message.toUpperCase()));
    assert.deepEqual(shown.warnings.map(w => [w.code, w.record]), c.warnings.map(w => [w.code, w.record]));
    assert.equal(shown.records, c.records);
  });
});
