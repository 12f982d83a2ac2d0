// The core's sentences as templates: each one translated in l10n/bundle.l10n.ja.json with the same
// placeholders, the English fields equal to their filled templates, and the webview models carrying
// the translated text while the core data keeps the English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decode } from '../../src/core/decode';
import { compare, type Comparison } from '../../src/core/compare';
import * as messages from '../../src/core/messages';
import { fill, localizable, render, type Localizable } from '../../src/core/messages';
import type { TrustList } from '../../src/core/model';
import { localizeComparison, localizeViewModel } from '../../src/extension/localizedModel';
import { buildTrustList, type TrustListSpec } from '../support/builder';
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
  ['regenerated CallManager (R4 via TVS, R5 rejected)', decodeSpec(tokenlessCtl(before)), decodeSpec(tokenlessCtl(after))],
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

  it('the comparison carries localised verdicts and warnings; the rest is the same', () => {
    const [, c] = comparisons[0];
    const shown = localizeComparison(c, upper);
    assert.deepEqual(shown.verdicts.map(v => v.explanation), c.verdicts.map(v => v.explanation.toUpperCase()));
    assert.deepEqual(shown.warnings.map(w => w.message), c.warnings.map(w => w.message.toUpperCase()));
    assert.deepEqual(shown.warnings.map(w => [w.code, w.record]), c.warnings.map(w => [w.code, w.record]));
    assert.equal(shown.records, c.records);
  });
});
