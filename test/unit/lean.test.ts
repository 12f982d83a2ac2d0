// The lean decode `verify DIR` and `report DIR` use (DecodeOptions.lean: checksums and fingerprints on
// first read) must say exactly what the full decode says: the same verdict, the same verify line, the
// same errors and warnings, the same values when read. Over every fixture and over bit-flipped copies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { toJson } from '../../src/core/json';
import { summarise } from '../../src/core/report';
import type { TrustList } from '../../src/core/model';
import { verifyLine } from '../../src/cli/files';
import { CertificateCache } from '../../src/core/x509';
import { sharedFixtures } from '../support/certutils';
import { buildTrustList } from '../support/builder';
import { itl, makeCluster, tokenlessCtl } from '../support/cluster';

const fixtures = [
  ...sharedFixtures().map(f => ({ name: f.name, bytes: new Uint8Array(readFileSync(f.path)) })),
  ...readdirSync('test/fixtures').filter(f => f.endsWith('.tlv')).map(f => ({ name: `test/fixtures/${f}`, bytes: new Uint8Array(readFileSync(join('test/fixtures', f))) })),
];
const cluster = makeCluster({ name: 'lean' });
const generated = [
  { name: 'ITLSEP001122334455.tlv (generated)', bytes: buildTrustList(itl(cluster)) },
  { name: 'CTLFile.tlv (generated, two SAST)', bytes: buildTrustList(tokenlessCtl(cluster)) },
];

const errors = (l: TrustList) => l.diagnostics.filter(d => d.severity === 'error').map(d => `${d.code}@${d.offset}: ${d.message}`);
const warnings = (l: TrustList) => l.diagnostics.filter(d => d.severity !== 'error').map(d => `${d.code}@${d.offset}: ${d.message}`);

/** Shared by every decode below, as the CLI shares one across a folder: a copy must read as a fresh parse. */
const certificateCache = new CertificateCache(4);

/** Lean and full, in both certificate modes: everything a folder command or a person reads agrees. */
function same(name: string, bytes: Uint8Array, fileName: string): void {
  const path = `/tftp/${fileName}`;
  for (const certificates of ['signer', 'all'] as const) {
    const full = decode(bytes, { fileName, certificates });
    // Twice: the second time its certificates come from the cache, moved to where this file holds them.
    decode(bytes, { fileName, certificates, lean: true, certificateCache });
    const lean = decode(bytes, { fileName, certificates, lean: true, certificateCache });
    const what = `${name} (${certificates})`;
    assert.equal(lean.signature.status, full.signature.status, what);
    assert.equal(lean.signature.detail, full.signature.detail, what);
    assert.equal(verifyLine(path, lean).line, verifyLine(path, full).line, what);
    assert.deepEqual(errors(lean), errors(full), what);
    assert.deepEqual(warnings(lean), warnings(full), what);
    assert.deepEqual(summarise(lean, path), summarise(full, path), what);
    // Read on demand, the values are the full decode's (JSON goes through toJSON).
    assert.deepEqual(JSON.parse(JSON.stringify(toJson(lean))), JSON.parse(JSON.stringify(toJson(full))), what);
    assert.deepEqual(JSON.parse(JSON.stringify(lean.records.map(r => r.certificate ?? null))), JSON.parse(JSON.stringify(full.records.map(r => r.certificate ?? null))), what);
    assert.deepEqual(JSON.parse(JSON.stringify(lean.checksums)), { ...full.checksums }, what);
    assert.deepEqual([lean.checksums.md5, lean.checksums.sha1, lean.checksums.sha256], [full.checksums.md5, full.checksums.sha1, full.checksums.sha256], what);
  }
  // And the signer mode's verdict is the full decode's.
  assert.equal(decode(bytes, { fileName, certificates: 'signer', lean: true }).signature.status, decode(bytes, { fileName }).signature.status, name);
}

describe('a lean decode says what the full decode says', () => {
  it('on every fixture (../shared/fixtures and test/fixtures) and generated CTL and ITL', () => {
    assert.ok(fixtures.length >= 10, 'the shared fixtures are missing');
    for (const f of [...fixtures, ...generated]) same(f.name, f.bytes, basename(f.name).replace(/ .*$/, '').replace(/^.*\//, ''));
  });

  it('on bit-flipped copies: one bit in each of about 300 places of each file, header and signature included', () => {
    let flips = 0;
    let verified = 0;
    for (const f of [...fixtures.filter(x => /real|peer/.test(x.name)).slice(0, 4), ...generated]) {
      // Every byte of the first 150 (the header's signing fields), then about 150 across the rest.
      const step = Math.max(1, Math.floor(f.bytes.length / 150));
      for (let i = 0; i < f.bytes.length; i += i < 150 ? 1 : step) {
        const copy = f.bytes.slice();
        copy[i] ^= 1 << (i % 8);
        const name = f.name.includes('CTL') ? 'CTLFile.tlv' : 'ITLFile.tlv';
        const full = decode(copy, { fileName: name });
        const lean = decode(copy, { fileName: name, certificates: 'signer', lean: true, certificateCache });
        assert.equal(lean.signature.status, full.signature.status, `${f.name}: bit ${i % 8} of byte ${i}`);
        assert.equal(verifyLine(name, lean).line, verifyLine(name, decode(copy, { fileName: name, certificates: 'signer' })).line, `${f.name}: byte ${i}`);
        if (lean.signature.status === 'verified') verified++;
        flips++;
      }
    }
    assert.ok(flips > 1500, `${flips} flips`);
    // A flipped bit in signed bytes never verifies; the few that do are in unsigned padding or the
    // signature's own leading bits that a PKCS#1 check rejects anyway.
    assert.equal(verified, 0, `${verified} flipped files verified`);
  });
});
