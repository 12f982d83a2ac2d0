// The report's compactor (src/cli/folderTasks.ts): summaries of a folder share the parts they hold in
// common, and only those: a part that differs in any field the report shows is kept apart, whether it
// follows an equal one (the fast path) or not (the keyed path).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compactor } from '../../src/cli/folderTasks';
import type { FileSummary, ReportCertificate } from '../../src/core/report';

const cert = (over: Partial<ReportCertificate> = {}): ReportCertificate => ({
  role: 'TVS', host: 'tvs.example', serial: '01', sha256: 'a'.repeat(64), notBefore: '2020-01-01T00:00:00Z', notAfter: '2030-01-01T00:00:00Z', isSigner: false, ...over,
});

function summary(certificates: ReportCertificate[], tvs = ['b'.repeat(64)], signer = { index: 1, commonName: 'SAST', serial: '02', sha256: 'c'.repeat(64) }): FileSummary {
  return {
    path: 'f/ITLSEP000000000001.tlv', folder: 'f', name: 'ITLSEP000000000001.tlv', kind: 'ITL', fileNameKind: 'ITL', length: 1, sha1: '', md5: undefined, sha256: '',
    status: 'verified', complete: true, tvs, records: certificates.length, certificates, warnings: [], mac: undefined, signer, earliestNotAfter: undefined, error: undefined,
  };
}

describe('report compactor', () => {
  it('shares equal parts, in a row or not, and keeps apart parts that differ in one field', () => {
    const compact = compactor();
    const first = compact(summary([cert()]));
    const same = compact(summary([cert()]));
    assert.equal(same.certificates, first.certificates);
    assert.equal(same.tvs, first.tvs);
    assert.equal(same.signer, first.signer);
    // One field differs: a part of its own, after an equal one and after a different one alike.
    for (const differs of [{ host: 'tvs.example\n' }, { role: 'CCM' }, { isSigner: true }, { sha256: 'd'.repeat(64) }]) {
      const other = compact(summary([cert(differs)]));
      assert.notEqual(other.certificates, first.certificates, JSON.stringify(differs));
      assert.deepEqual(other.certificates, [cert(differs)]);
      // Back to the common part: the kept copy again, through the key.
      assert.equal(compact(summary([cert()])).certificates, first.certificates);
    }
    const otherSigner = compact(summary([cert()], undefined, { index: 1, commonName: 'SAST ', serial: '02', sha256: 'c'.repeat(64) }));
    assert.notEqual(otherSigner.signer, first.signer);
    assert.equal(otherSigner.signer?.commonName, 'SAST ');
    const otherTvs = compact(summary([cert()], ['b'.repeat(64), 'e'.repeat(64)]));
    assert.notEqual(otherTvs.tvs, first.tvs);
    assert.equal(compact(summary([cert()], ['b'.repeat(64), 'e'.repeat(64)])).tvs, otherTvs.tvs);
  });
});
