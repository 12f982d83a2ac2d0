// What the Problems panel lists for one trust list (src/core/problems.ts): the signature verdict, the
// first decode error, the certificate warnings the comparison gives, the size limit, the findings, and
// the folder outliers; the same in `signer` mode (certificates read on the side) as with every
// certificate decoded. Also: the report page's renderer is pure, and its style hash is right.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decode } from '../../src/node/decode';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { fileProblems, outlierProblems } from '../../src/core/problems';
import { compare } from '../../src/core/compare';
import { buildReport, summarise } from '../../src/core/report';
import { parseCertificate } from '../../src/core/x509';
import { fill } from '../../src/core/messages';
import type { TrustRecord } from '../../src/core/model';
import { REPORT_CSP, REPORT_CSS, STYLE_HASH } from '../../src/shared/reportHtml';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';
import { cucmCert } from '../support/cucm';

const NOW = new Date('2026-11-27T00:00:00Z');
const bytesOf = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));
const fixture = (name: string, certificates: 'all' | 'signer' = 'all') => decode(bytesOf(name), { fileName: name, certificates });
const codes = (ps: { code: string; severity: string }[]) => ps.map(p => `${p.severity} ${p.code}`);

/** The extension's certificate reader: a record's first CERTIFICATE, parsed on the side. */
const certificateOf = (bytes: Uint8Array) => (r: TrustRecord) => {
  const f = r.fields.find(x => x.tag === 9);
  return f ? parseCertificate(bytes, f.valueRange, nodeCrypto) : undefined;
};

describe('problems of one trust list', () => {
  it('a good file has no errors', () => {
    for (const name of ['CTLFile.tlv', 'ITLFile.tlv', 'CTLFile-v1.tlv', 'CTLFile-v2-regenerated.tlv']) {
      const ps = fileProblems(fixture(name), { now: NOW });
      assert.deepEqual(ps.filter(p => p.severity === 'error'), [], name);
    }
  });

  it('the tampered file does not verify: one error with the signature detail', () => {
    const list = fixture('ITLFile-sha1-tampered.tlv');
    const ps = fileProblems(list, { now: NOW });
    const e = ps.find(p => p.code === 'NOT_VERIFIED');
    assert.ok(e);
    assert.equal(e.severity, 'error');
    assert.ok(e.message.includes(list.signature.detail), e.message);
    assert.ok(e.message.includes(list.signature.status));
  });

  it('the truncated file is malformed: the first decode error with its offset', () => {
    const list = fixture('CTLFile-v1-truncated.tlv');
    const first = list.diagnostics.find(d => d.severity === 'error');
    assert.ok(first);
    const ps = fileProblems(list, { now: NOW });
    assert.equal(ps[0].code, 'MALFORMED');
    assert.equal(ps[0].severity, 'error');
    assert.equal(ps[0].offset, first.offset);
    assert.ok(ps[0].message.includes(first.message), ps[0].message);
    assert.match(ps[0].message, new RegExp(`0x${first.offset.toString(16)}`, 'i'));
  });

  it('certificate warnings are the comparison\'s, and the same in signer mode with certificates read on the side', () => {
    for (const name of ['CTLFile.tlv', 'ITLFile.tlv', 'CTLFile-v1.tlv', 'CTLFile-v2-regenerated.tlv']) {
      for (const now of [NOW, new Date('2040-01-01Z')]) {
        const full = fileProblems(fixture(name), { now });
        const fast = fileProblems(fixture(name, 'signer'), { now, certificateOf: certificateOf(bytesOf(name)) });
        const certCodes = new Set(['CERT_EXPIRED', 'CERT_EXPIRING', 'WEAK_KEY', 'WEAK_CERT_SIGNATURE']);
        const pick = (ps: typeof full) => ps.filter(p => certCodes.has(p.code)).map(p => `${p.code} #${p.record}`);
        assert.deepEqual(pick(fast), pick(full), name);
        // The comparison of a file with itself warns about the same certificates.
        const self = compare(fixture(name), fixture(name), { now }).warnings.filter(w => certCodes.has(w.code)).map(w => `${w.code} #${w.record}`);
        assert.deepEqual(pick(full), self, name);
      }
    }
    // Far in the future every certificate has expired.
    const later = fileProblems(fixture('ITLFile.tlv'), { now: new Date('2100-01-01Z') });
    assert.ok(later.some(p => p.code === 'CERT_EXPIRED' && p.severity === 'warning'));
  });

  it('expiring within expiryWarningDays, weak keys and SHA-1 certificate signatures, over 64 KB, too many SAST', () => {
    const cluster = makeCluster({ name: 'problems', callManagerKey: 'rsa1024' });
    const spec = tokenlessCtl(cluster);
    const soon = cucmCert('soon-node', 'callManager', { keyId: 'problems-soon', hash: 'sha1', notBefore: new Date('2020-01-01Z'), notAfter: new Date('2026-12-10Z') });
    const list = decode(buildTrustList({
      ...spec,
      records: [...spec.records, { cert: soon, role: 'SAST', dnsName: 'soon-node', ip: '10.0.0.9' }, { cert: soon, role: 'SAST', dnsName: 'soon-node', ip: '10.0.0.9' }],
    }), { fileName: 'CTLFile.tlv' });
    const ps = fileProblems(list, { now: NOW, expiryWarningDays: 30 });
    const got = new Set(codes(ps));
    for (const c of ['warning CERT_EXPIRING', 'warning WEAK_KEY', 'warning WEAK_CERT_SIGNATURE', 'warning TOO_MANY_SAST']) assert.ok(got.has(c), `${c} in ${[...got].join(', ')}`);
    assert.ok(!fileProblems(list, { now: NOW, expiryWarningDays: 5 }).some(p => p.code === 'CERT_EXPIRING' && p.message.includes('soon-node')));
    // Every message is its template filled.
    for (const p of ps) assert.equal(p.message, fill(p.l10n));
    const big = fileProblems({ ...list, length: 70_000 }, { now: NOW });
    const large = big.find(p => p.code === 'FILE_TOO_LARGE');
    assert.ok(large);
    assert.match(large.message, /70000 bytes/);
    assert.ok(!ps.some(p => p.code === 'FILE_TOO_LARGE'));
  });

  it('a FILENAME tag that does not match the file name is a warning (the findings, mapped)', () => {
    const cluster = makeCluster({ name: 'problems-kind' });
    const list = decode(buildTrustList(itl(cluster)), { fileName: 'CTLFile.tlv' });
    assert.ok(fileProblems(list, { now: NOW }).some(p => p.code === 'KIND_MISMATCH' && p.severity === 'warning'));
  });

  it('outliers: a different signer or TVS set becomes a warning; malformed and unverified are already errors', () => {
    const cluster = makeCluster({ name: 'problems-outlier' });
    const good = buildTrustList(itl(cluster));
    const other = buildTrustList(itl(cluster, { signer: 'itlRecovery' }));
    const files = [
      ...[1, 2, 3].map(i => summarise(decode(good, { fileName: 'ITLFile.tlv' }), `tftp/ITLSEP00000000000${i}.tlv`)),
      summarise(decode(other, { fileName: 'ITLFile.tlv' }), 'tftp/ITLSEP000000000009.tlv'),
      summarise(decode(good.subarray(0, 900), { fileName: 'ITLFile.tlv' }), 'tftp/ITLSEP000000000008.tlv'),
    ];
    const report = buildReport(files, { now: NOW });
    const byPath = new Map(report.outliers.map(o => [o.path, o]));
    assert.deepEqual(codes(outlierProblems(byPath.get('tftp/ITLSEP000000000009.tlv'))), ['warning SIGNER_DIFFERS']);
    assert.deepEqual(outlierProblems(byPath.get('tftp/ITLSEP000000000008.tlv')), []);
    assert.deepEqual(outlierProblems(byPath.get('tftp/ITLSEP000000000001.tlv')), []);
  });
});

describe('report page renderer (src/shared/reportHtml.ts)', () => {
  it('its style hash is the SHA-256 of its one <style> element', () => {
    assert.equal(STYLE_HASH, `sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}`);
    assert.ok(REPORT_CSP.includes(`'${STYLE_HASH}'`));
  });

  it('imports no Node module, so both extension hosts can render it', () => {
    const source = readFileSync('src/shared/reportHtml.ts', 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map(m => m[1]);
    assert.deepEqual(imports.filter(i => !i.startsWith('../core/')), []);
  });
});
