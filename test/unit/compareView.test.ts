// What the comparison panel posts to its webview: the core comparison plus, per record row, the
// certificate details of each side for the tooltip.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decode } from '../../src/node/decode';
import { buildCompareModel } from '../../src/extension/compare/compareModel';
import type { CertificateLabels } from '../../src/shared/strings';
import { buildTrustList } from '../support/builder';
import { makeCert } from '../support/certs';

// English templates stand in for the host's localised labels: each key is its own text.
const labels = new Proxy({}, { get: (_t, key) => String(key) }) as CertificateLabels;
const NOW = new Date('2026-11-27T00:00:00Z');

const fixture = (name: string) => decode(new Uint8Array(readFileSync(`test/fixtures/${name}`)), { fileName: name });
const side = (name: string, list = fixture(name)) => ({ name, description: `test/fixtures/${name}`, list });
const value = (rows: [string, string][] | undefined, label: string) => rows?.find(([l]) => l === label)?.[1];

describe('comparison view model', () => {
  it('carries the verdicts of the peer fixtures and both certificates of a replaced record', () => {
    const model = buildCompareModel(side('CTLFile-v1.tlv'), side('CTLFile-v2-regenerated.tlv'), labels, { now: NOW });
    assert.deepEqual(model.comparison.verdicts.map(v => `${v.devices} ${v.outcome} ${v.rule}`),
      ['security-by-default undetermined R4', 'no-security-by-default rejected R5']);
    assert.deepEqual([model.old.name, model.new.name], ['CTLFile-v1.tlv', 'CTLFile-v2-regenerated.tlv']);
    assert.equal(model.details.length, model.comparison.records.length);

    const i = model.comparison.records.findIndex(r => r.status === 'changed');
    const { old: before, new: after } = model.details[i];
    assert.ok(before && after, 'a changed record has details for both sides');
    // The rows describe the certificates actually compared, side by side.
    const r = model.comparison.records[i];
    assert.equal(value(before, 'sha256')?.replace(/:/g, '').toLowerCase(), r.old?.certificate?.sha256.toLowerCase());
    assert.equal(value(after, 'sha256')?.replace(/:/g, '').toLowerCase(), r.new?.certificate?.sha256.toLowerCase());
    assert.notEqual(value(before, 'serial'), value(after, 'serial'));
  });

  it('gives added and removed records the details of their one side only', () => {
    const signer = makeCert({ subject: [['CN', 'cucm-pub']], keyId: 'view-signer' });
    const capf = makeCert({ subject: [['CN', 'CAPF-1']], keyId: 'view-capf', issuer: signer });
    const tvs = makeCert({ subject: [['CN', 'tvs-pub']], keyId: 'view-tvs', issuer: signer });
    const build = (extra: typeof capf, role: 'CAPF' | 'TVS') => decode(buildTrustList({
      kind: 'CTL',
      signer,
      records: [{ cert: signer, role: 'SAST' }, { cert: signer, role: 'CCM+TFTP' }, { cert: extra, role }],
    }), { fileName: 'CTLFile.tlv' });
    const model = buildCompareModel(side('old', build(capf, 'CAPF')), side('new', build(tvs, 'TVS')), labels, { now: NOW });

    const statuses = model.comparison.records.map(r => `${r.status} ${r.roleName}`);
    assert.deepEqual(statuses, ['unchanged SAST', 'unchanged CCM+TFTP', 'added TVS', 'removed CAPF']);
    const added = model.details[2];
    const removed = model.details[3];
    assert.equal(added.old, undefined);
    assert.equal(value(added.new, 'subject'), 'CN=tvs-pub');
    assert.equal(removed.new, undefined);
    assert.equal(value(removed.old, 'subject'), 'CN=CAPF-1');
    assert.deepEqual(model.comparison.verdicts.map(v => `${v.outcome} ${v.rule}`), ['accepted R2', 'accepted R2']);
  });
});
