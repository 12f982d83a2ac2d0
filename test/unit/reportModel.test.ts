// The report webview's model (src/extension/report/reportModel.ts): per-file rows, outlier rows with
// their reasons in the display language, and the folder's majority file each outlier compares with.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../src/node/decode';
import { fill, render, type Localizable } from '../../src/core/messages';
import { buildReport, relocate, splitPath, summarise } from '../../src/core/report';
import { buildReportModel } from '../../src/extension/report/reportModel';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, regenerate, tokenlessCtl } from '../support/cluster';

const NOW = new Date('2026-12-01T00:00:00Z');
const cluster = makeCluster({ name: 'rptmodel' });
const mac = (i: number) => (0x00aabbcc0000 + i).toString(16).toUpperCase().padStart(12, '0');
const good = buildTrustList(itl(cluster));
const goodLater = buildTrustList(itl(cluster, { timestamp: 1_700_000_000 }));
const otherSigner = buildTrustList(itl(cluster, { signer: 'itlRecovery' }));
const otherTvs = buildTrustList(itl(regenerate(cluster, 'tvs')));

function model(files: [string, Uint8Array][]) {
  const inputs = files.map(([path, bytes]) => ({ uri: `file:///ws/${path}`, summary: summarise(decode(bytes, { fileName: splitPath(path).name }), path) }));
  return buildReportModel(buildReport(inputs.map(i => i.summary), { now: NOW }), inputs, fill, 'ws');
}

describe('report webview model', () => {
  it('gives each outlier the file of the largest verified group with the majority signer and TVS set', () => {
    const m = model([
      ...[0, 1, 2, 3, 4].map(i => [`tftp/ITLSEP${mac(i)}.tlv`, good] as [string, Uint8Array]),
      [`tftp/ITLSEP${mac(5)}.tlv`, goodLater],
      [`tftp/ITLSEP${mac(6)}.tlv`, otherSigner],
      [`tftp/ITLSEP${mac(7)}.tlv`, otherTvs],
      [`tftp/ITLSEP${mac(8)}.tlv`, good.subarray(0, 900)],
      ['tftp/CTLFile.tlv', buildTrustList(tokenlessCtl(cluster))],
    ]);
    assert.equal(m.files.length, 10);
    assert.equal(m.scope, 'ws');
    assert.equal(m.totals, fill({ message: m.totals, args: {} }));
    const byName = new Map(m.outliers.map(o => [o.name, o]));
    assert.deepEqual([...byName.keys()].sort(), [`ITLSEP${mac(6)}.tlv`, `ITLSEP${mac(7)}.tlv`, `ITLSEP${mac(8)}.tlv`]);
    for (const o of m.outliers) {
      assert.equal(o.majority?.name, `ITLSEP${mac(0)}.tlv`, o.name);
      assert.equal(o.majority?.count, 5);
      assert.equal(o.majority?.uri, `file:///ws/tftp/ITLSEP${mac(0)}.tlv`);
      assert.ok(o.reasons.every(r => r.text.length > 0 && !r.text.includes('{')), o.name);
    }
    assert.ok(byName.get(`ITLSEP${mac(6)}.tlv`)?.reasons.some(r => r.code === 'SIGNER_DIFFERS'));
    // The outlier's file row carries the same reasons; a majority file has none.
    const row = m.files.find(f => f.name === `ITLSEP${mac(7)}.tlv`);
    assert.deepEqual(row?.reasons, byName.get(`ITLSEP${mac(7)}.tlv`)?.reasons.map(r => r.text));
    assert.equal(row?.mac, mac(7));
    assert.equal(m.files.find(f => f.name === `ITLSEP${mac(0)}.tlv`)?.reasons, undefined);
  });

  it('offers no majority file when the folder has neither a majority signer nor a majority TVS set', () => {
    const both = buildTrustList(itl(regenerate(cluster, 'tvs'), { signer: 'itlRecovery' }));
    const m = model([['a/ITLFile.tlv', good], ['a/ITLSEP000000000001.tlv', both], ['a/ITLSEP000000000002.tlv', good.subarray(0, 60)]]);
    const outliers = m.outliers.filter(o => o.majority === undefined);
    assert.ok(m.outliers.length > 0);
    assert.equal(outliers.length, m.outliers.length, JSON.stringify(m.outliers.map(o => o.majority)));
  });

  it("translates an outlier reason to the end: the decoder's sentence inside it too, not its English", () => {
    // A translator that brackets every template it is given: each nested sentence shows as its own bracket.
    const translate = (l: Localizable) => render(l, (message, args) => `⟨${fill({ message, args })}⟩`);
    const files: [string, Uint8Array][] = [...[0, 1, 2].map(i => [`t/ITLSEP${mac(i)}.tlv`, good] as [string, Uint8Array]), [`t/ITLSEP${mac(3)}.tlv`, good.subarray(0, 900)]];
    const inputs = files.map(([path, bytes]) => ({ uri: `file:///ws/${path}`, summary: summarise(decode(bytes, { fileName: splitPath(path).name }), path) }));
    const m = buildReportModel(buildReport(inputs.map(i => i.summary), { now: NOW }), inputs, translate, 'ws');
    const [malformed] = m.outliers;
    assert.equal(malformed.reasons[0].code, 'MALFORMED');
    const error = inputs[3].summary.error;
    assert.ok(error?.l10n, 'the summary keeps the decoder sentence as a template');
    // The reason, its offset, the decoder's sentence (and the offset inside that): four templates, not two.
    const text = malformed.reasons[0].text;
    assert.ok((text.match(/⟨/g) ?? []).length >= 4, text);
    assert.ok(text.includes(translate(error.l10n)), text);
  });

  it('builds the model of 50,000 files in a few groups, one row per file', () => {
    const base = summarise(decode(good, { fileName: 'ITLFile.tlv' }), 'tftp/ITLFile.tlv');
    const odd = summarise(decode(otherSigner, { fileName: 'ITLFile.tlv' }), 'tftp/ITLFile.tlv');
    const inputs = Array.from({ length: 50_000 }, (_, i) => {
      const path = `tftp/ITLSEP${mac(i)}.tlv`;
      return { uri: `file:///ws/${path}`, summary: relocate(i % 1000 === 999 ? odd : base, path) };
    });
    const m = buildReportModel(buildReport(inputs.map(i => i.summary), { now: NOW }), inputs, fill, 'ws');
    assert.equal(m.files.length, 50_000);
    assert.equal(m.report.folders[0].groups.length, 2);
    assert.equal(m.outliers.length, 50);
    assert.ok(m.outliers.every(o => o.majority?.count === 49_950));
  });
});
