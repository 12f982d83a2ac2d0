// Files built to fool the verifier and the comparison: each test names the class of attack, and
// each failed before the signer rules of trust-list-format.md were followed to the letter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { constants } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decode } from '../../src/node/decode';
import { compare, type Comparison } from '../../src/core/compare';
import { renderShowCtl } from '../../src/core/dump';
import type { DecodeOptions, TrustList } from '../../src/core/model';
import { buildTrustList, buildTrustListDetailed, type TrustListSpec } from '../support/builder';
import { makeCert } from '../support/certs';
import { sharedFixtures } from '../support/certutils';
import { itl, makeCluster, regenerate, tokenlessCtl } from '../support/cluster';
import { opensslCert, resign, signedByForeignKey } from '../support/hostile';

const NOW = new Date('2026-12-01T00:00:00Z');
const cluster = makeCluster({ name: 'snd' });
const { callManager, itlRecovery, capf, tvs } = cluster.certs;
const pub = cluster.publisher;
const ctl = (spec: TrustListSpec, options: DecodeOptions = {}) => decode(buildTrustList(spec), { fileName: `${spec.kind}File.tlv`, ...options });
const codes = (l: TrustList) => l.diagnostics.map(d => d.code);
const sbd = (c: Comparison) => c.verdicts.find(v => v.devices === 'security-by-default')!;
const bothModes = (bytes: Uint8Array, fileName = 'CTLFile.tlv') =>
  (['all', 'signer'] as const).map(certificates => decode(bytes, { fileName, certificates }).signature.status);

describe('the signer is a SAST record, and only its own certificate key counts', () => {
  it('a file signed by its CCM+TFTP record, with no SAST record, has no signer (R0 in a comparison)', () => {
    const spec: TrustListSpec = { kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'CCM+TFTP', ...pub }, { cert: capf, role: 'CAPF', ...pub }] };
    const list = ctl(spec);
    assert.equal(list.signature.status, 'signer-not-found');
    assert.match(list.signature.detail, /Record #1 \(CCM\+TFTP\) has that serial, but only SAST records sign/);
    assert.equal(list.records.some(r => r.isSigner), false);
    const c = compare(ctl(tokenlessCtl(cluster)), list, { now: NOW });
    for (const v of c.verdicts) assert.deepEqual([v.outcome, v.rule], ['rejected', 'R0']);
  });

  it('a SAST record that matches the header but does not verify is invalid: no fall-through to a record that does', () => {
    // Two certificates with one serial: the SAST one names the header's issuer, the CCM one signed.
    const decoy = makeCert({ subject: [['CN', 'snd-pub']], keyId: 'snd-decoy', serialHex: callManager.serialHex });
    const spec: TrustListSpec = { kind: 'CTL', signer: callManager, records: [{ cert: decoy, role: 'SAST', ...pub }, { cert: callManager, role: 'CCM', ...pub }] };
    const list = ctl(spec);
    assert.equal(list.signature.status, 'invalid');
    assert.equal(list.signature.signerRecord, 1);
    // The same with a second SAST record of that serial whose issuer does not match CANAME.
    const ca = makeCert({ subject: [['CN', 'snd-ca']], keyId: 'snd-ca' });
    const issued = makeCert({ subject: [['CN', 'snd-pub']], keyId: 'snd-issued', serialHex: callManager.serialHex, issuer: ca });
    const two = buildTrustList({ kind: 'CTL', signer: issued, headerOverrides: { caName: callManager.issuerCucm },
      records: [{ cert: decoy, role: 'SAST', ...pub }, { cert: issued, role: 'SAST', ...pub }] });
    assert.deepEqual(bothModes(two), ['invalid', 'invalid']);
  });

  it('an unreadable signer certificate never falls back to the record PUBLICKEY: unsupported, naming why', () => {
    const spec: TrustListSpec = { kind: 'CTL', signer: callManager,
      records: [{ cert: callManager, role: 'SAST', ...pub, overrides: { certificate: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]) } }] };
    const list = ctl(spec);
    assert.equal(list.signature.status, 'unsupported');
    assert.match(list.signature.detail, /certificate \(record #1\) could not be read/);
    assert.deepEqual(bothModes(buildTrustList(spec)), ['unsupported', 'unsupported']);
  });

  it('a signer record without a CERTIFICATE is malformed, not verified by its PUBLICKEY', () => {
    const bytes = buildTrustList({ kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'SAST', ...pub }] });
    // Rename the CERTIFICATE tag (9) to an unknown one: the record keeps its PUBLICKEY.
    const list0 = decode(bytes);
    const cert = list0.records[0]!.fields.find(f => f.tag === 9)!;
    const edited = Uint8Array.from(bytes);
    edited[cert.range.start] = 99;
    const built = buildTrustListDetailed({ kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'SAST', ...pub }] });
    const list = decode(resign(built, edited, callManager.privateKey));
    assert.equal(list.signature.status, 'malformed');
    assert.match(list.signature.detail, /has no CERTIFICATE \(tag 9\)/);
  });
});

describe('PKCS#1 v1.5 with an RSA (rsaEncryption) or EC key, and nothing else', () => {
  for (const [algorithm, named] of [['rsa-pss', /RSA-PSS|1\.2\.840\.113549\.1\.1\.10/], ['dsa', /DSA/], ['ed25519', /Ed25519/], ['secp256k1', /curve secp256k1/]] as const) {
    it(`a ${algorithm} signer with a genuine ${algorithm} signature is unsupported, naming the algorithm`, () => {
      const bytes = signedByForeignKey(opensslCert(algorithm, `snd-${algorithm}`));
      const list = decode(bytes, { fileName: 'CTLFile.tlv' });
      assert.equal(list.signature.status, 'unsupported', list.signature.detail);
      assert.match(list.signature.detail, named);
      assert.deepEqual(bothModes(bytes), ['unsupported', 'unsupported']);
    });
  }

  it('an RSA key with a PSS-padded signature is invalid: the padding is PKCS#1 v1.5', () => {
    const spec: TrustListSpec = { kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'SAST', ...pub }] };
    const built = buildTrustListDetailed(spec);
    const pss = resign(built, built.bytes, callManager.privateKey, 'sha1', constants.RSA_PKCS1_PSS_PADDING);
    assert.equal(decode(built.bytes).signature.status, 'verified');
    assert.equal(decode(pss).signature.status, 'invalid');
    assert.equal(decode(built.bytes).signature.algorithm, 'RSA-PKCS1-v1_5');
  });
});

describe('a malformed file is never verified, even when its signed bytes check out', () => {
  const spec: TrustListSpec = { kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'SAST', ...pub }, { cert: capf, role: 'CAPF', ...pub }] };
  const built = buildTrustListDetailed(spec);
  const check = (bytes: Uint8Array, code: string) => {
    const list = decode(bytes, { fileName: 'CTLFile.tlv' });
    assert.ok(codes(list).includes(code), codes(list).join());
    assert.equal(list.signature.status, 'malformed');
    assert.match(list.signature.detail, /signed bytes verify with the key of record #1 \(SAST\), but the file is malformed/);
    const text = renderShowCtl(list, bytes).text;
    assert.doesNotMatch(text, /was verified successfully/);
    assert.match(text, /NOT verified: malformed/);
    assert.deepEqual(bothModes(bytes), ['malformed', 'malformed']);
  };

  it('signed garbage after the last record', () => {
    check(resign(built, Uint8Array.from([...built.bytes, 0xde, 0xad, 0xbe, 0xef]), callManager.privateKey), 'RECORD_EXPECTED');
  });

  it('a record field that overflows its record', () => {
    const bytes = Uint8Array.from(built.bytes);
    const capfRecord = built.records[1]!.range;
    // RECORDLENGTH of the CAPF record cut to 40: its fields now overflow it.
    bytes[capfRecord.start + 3] = 0;
    bytes[capfRecord.start + 4] = 40;
    check(resign(built, bytes, callManager.privateKey), 'LENGTH_OVERFLOW');
  });

  it('padding inside a record', () => {
    const padded = buildTrustList({ ...spec, records: [spec.records[0]!, { ...spec.records[1]!, extra: [{ tag: 13, value: new Uint8Array(0) }] } as TrustListSpec['records'][number]] });
    check(padded, 'PADDING_IN_RECORD');
  });

  it('a header field that decides the signer, written twice', () => {
    check(buildTrustList({ ...spec, headerExtra: [{ tag: 5, value: Uint8Array.from(Buffer.from(capf.serialHex, 'hex')) }] }), 'DUPLICATE_SIGNING_FIELD');
  });
});

describe('one answer per file', () => {
  it('a record whose SERIALNUMBER differs from its certificate: the same status in every mode', () => {
    const bytes = buildTrustList({ kind: 'CTL', signer: callManager, records: [{ cert: callManager, role: 'SAST', ...pub, overrides: { serialHex: '0BAD' } }] });
    assert.deepEqual(bothModes(bytes), ['verified', 'verified']);
    assert.ok(codes(decode(bytes)).includes('SERIAL_MISMATCH'));
  });

  it('every fixture and every bit flip of a signed file: equal statuses with all certificates and with the signer only', () => {
    const files = sharedFixtures().map(f => ({ name: basename(f.path), bytes: new Uint8Array(readFileSync(f.path)) }));
    for (const { name, bytes } of files) assert.deepEqual(new Set(bothModes(bytes, name)).size, 1, name);
    const seed = buildTrustList(tokenlessCtl(cluster));
    let flips = 0;
    // Every bit of the header and of the first record, then every 97th byte of the rest.
    const header = decode(seed).records[1]!.range.start;
    for (let i = 0; i < seed.length; i += i < header ? 1 : 97) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Uint8Array.from(seed);
        flipped[i] ^= 1 << bit;
        const [all, signer] = bothModes(flipped);
        assert.equal(all, signer, `byte ${i} bit ${bit}`);
        assert.notEqual(all, 'verified', `byte ${i} bit ${bit} still verifies`);
        flips++;
      }
    }
    assert.ok(flips > 8000, `${flips} flips`);
  });
});

describe('decoding never throws, and names where it stopped', () => {
  it('2,000 nested SIGNERID containers in 6 KB: an error naming the offset, no stack overflow', () => {
    const depth = 2000;
    const bytes = new Uint8Array(5 + depth * 3);
    bytes.set([1, 0, 2, 1, 2]);
    for (let i = 0; i < depth; i++) {
      const at = 5 + i * 3;
      const len = bytes.length - at - 3;
      bytes.set([3, len >> 8, len & 0xff], at);
    }
    const list = decode(bytes);
    const nest = list.diagnostics.find(d => d.code === 'NESTING_TOO_DEEP');
    assert.ok(nest, codes(list).join());
    assert.equal(nest.offset, 11);
    assert.equal(list.signature.status, 'malformed');
  });

  it('199,000 duplicate records (a 2.8 MB file) decode, compare and render without throwing', () => {
    // Each record: RECORDLENGTH, FUNCTION (CCM), a 1-byte CERTIFICATE, so each is a DUPLICATE_RECORD of the first:
    // more findings than V8 takes as arguments to one call, which once made decode() throw.
    const n = 199_000;
    const header = [1, 0, 2, 1, 2, 2, 0, 2, 0, 10];
    const record = [1, 0, 2, 0, 14, 4, 0, 2, 0, 1, 9, 0, 1, 0x30];
    const bytes = new Uint8Array(header.length + record.length * n);
    bytes.set(header, 0);
    for (let i = 0; i < n; i++) bytes.set(record, header.length + i * record.length);
    const list = decode(bytes, { fileName: 'CTLFile.tlv' });
    assert.equal(list.records.length, n);
    assert.equal(list.diagnostics.filter(d => d.code === 'DUPLICATE_RECORD').length, n - 1);
    assert.equal(list.signature.status, 'malformed');
    const c = compare(list, list);
    assert.ok(c.verdicts.every(v => v.outcome !== 'accepted'), JSON.stringify(c.verdicts.map(v => v.outcome)));
    assert.ok(renderShowCtl(list, bytes).text.length > 0);
  });

  it('a file of 20 records of empty unknown tags keeps 10,000 notes and counts the rest; errors after them are kept', () => {
    const header = [1, 0, 2, 1, 2, 2, 0, 2, 0, 10];
    const recLen = 65534; // 5-byte RECORDLENGTH, then 21,843 empty fields of unknown tag 200
    const records = 20;
    const bytes = new Uint8Array(header.length + recLen * records + 5);
    bytes.set(header, 0);
    for (let r = 0; r < records; r++) {
      const at = header.length + r * recLen;
      bytes.set([1, 0, 2, recLen >> 8, recLen & 0xff], at);
      for (let p = at + 5; p + 3 <= at + recLen; p += 3) bytes.set([200, 0, 0], p);
    }
    // A last record that claims more bytes than the file holds: an error, after all the notes.
    const last = header.length + recLen * records;
    bytes.set([1, 0, 2, 0xff, 0xff], last);
    const list = decode(bytes, { fileName: 'CTLFile.tlv' });
    const notes = list.diagnostics.filter(d => d.severity !== 'error');
    const summary = notes.find(d => d.code === 'TOO_MANY_NOTES');
    assert.ok(summary, codes(list).slice(-3).join());
    assert.equal(notes.length, 10_001);
    // Each record: an UNKNOWN_TAG per field, a DUPLICATE_TAG per field but its first, a MISSING_FUNCTION; the
    // overflowing last record a MISSING_FUNCTION too. The first 10,000 are listed.
    const fields = (recLen - 5) / 3;
    const all = records * (2 * fields) + 1;
    assert.match(summary.message, new RegExp(`^${all - 10_000} more warnings and notes after the first 10000`));
    assert.ok(list.diagnostics.some(d => d.code === 'RECORD_OVERFLOW' && d.offset === last), 'the error after the notes is kept');
    assert.equal(list.signature.status, 'malformed');
  });

  it('random bytes are not a trust list at offset 0, and nothing further is reported', () => {
    const random = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24);
    random[0] = 0x42;
    const list = decode(random);
    assert.deepEqual(list.diagnostics.map(d => [d.code, d.offset]), [['NOT_A_TRUST_LIST', 0]]);
    assert.match(list.diagnostics[0]!.message, /not a CTL or ITL file/);
  });
});

describe('findings on the file itself', () => {
  it('more than two SAST records, a duplicated record, a SIGNERNAME and a CANAME that are not the signer', () => {
    const list = ctl({
      kind: 'CTL', signer: callManager, headerOverrides: { signerName: 'CN=someone-else', caName: 'CN=snd-pub;OU=elsewhere' },
      records: [
        { cert: callManager, role: 'SAST', ...pub }, { cert: itlRecovery, role: 'SAST', ...pub }, { cert: tvs, role: 'SAST', ...pub },
        { cert: capf, role: 'CAPF', ...pub }, { cert: capf, role: 'CAPF', ...pub },
      ],
    });
    assert.equal(list.signature.status, 'verified');
    for (const code of ['TOO_MANY_SAST', 'DUPLICATE_RECORD', 'SIGNERNAME_MISMATCH', 'CANAME_MISMATCH']) assert.ok(codes(list).includes(code), code);
    assert.match(renderShowCtl(list, buildTrustList(tokenlessCtl(cluster))).text, /WARNING: the file has 3 SAST records/);
  });

  it('a FILENAME tag that is not what the file name makes phones load', () => {
    const list = ctl({ ...tokenlessCtl(cluster), headerOverrides: { fileName: 'ITLFile.tlv' } });
    assert.equal(list.kind, 'ITL');
    assert.equal(list.fileNameKind, 'CTL');
    assert.ok(codes(list).includes('KIND_MISMATCH'));
  });
});

describe('comparison verdicts follow trust-decisions.md', () => {
  const oldCtl = ctl(tokenlessCtl(cluster));

  it('an OLD that does not decode, or holds no records, is not a first install: cannot be judged', () => {
    const whole = buildTrustList(tokenlessCtl(cluster));
    const truncated = decode(whole.subarray(0, 900), { fileName: 'CTLFile.tlv' });
    const empty = ctl({ kind: 'CTL', signer: callManager, records: [] });
    for (const old of [truncated, empty]) {
      const c = compare(old, oldCtl, { now: NOW });
      for (const v of c.verdicts) assert.deepEqual([v.outcome, v.rule], ['undetermined', 'R1']);
      assert.doesNotMatch(c.verdicts[0]!.explanation, /leap of faith/);
    }
  });

  it('a CTLFile.tlv whose FILENAME says ITL is judged as a CTL: a CCM+TFTP signer is not an anchor', () => {
    // Signed by the subscriber's certificate, which OLD holds as CCM+TFTP only: R3 would accept it.
    const sub = cluster.certs.subscriber;
    const next = ctl({ kind: 'ITL', signer: sub, headerOverrides: { fileName: 'ITLFile.tlv' }, records: [{ cert: sub, role: 'SAST', ...pub }] }, { fileName: 'CTLFile.tlv' });
    const oldItl = decode(buildTrustList(itl(cluster)), { fileName: 'CTLFile.tlv' });
    const c = compare(oldItl, next, { now: NOW });
    assert.notEqual(sbd(c).outcome, 'accepted');
    assert.ok(c.warnings.some(w => w.code === 'KIND_MISMATCH'));
    assert.equal(c.verdicts.find(v => v.devices === 'no-security-by-default')!.outcome, 'rejected');
    const mixed = compare(oldCtl, ctl(itl(cluster)), { now: NOW });
    assert.ok(mixed.warnings.some(w => w.code === 'KINDS_DIFFER'));
  });

  it('an OLD ITL without a TVS record cannot vouch through TVS: R6', () => {
    const noTvs = { ...itl(cluster), records: itl(cluster).records.filter(r => r.role !== 'TVS') };
    const c = compare(ctl(noTvs), ctl(itl(regenerate(cluster, 'callManager'))), { now: NOW });
    assert.deepEqual([sbd(c).outcome, sbd(c).rule], ['rejected', 'R6']);
    assert.match(sbd(c).explanation, /OLD has no TVS record/);
  });

  it('a NEW without the TVS record OLD had, while the signer changed, is rejected', () => {
    const next = itl(regenerate(cluster, 'callManager'));
    const c = compare(ctl(itl(cluster)), ctl({ ...next, records: next.records.filter(r => r.role !== 'TVS') }), { now: NOW });
    assert.equal(sbd(c).outcome, 'rejected');
    assert.doesNotMatch(sbd(c).explanation, /unchanged/);
  });

  it('property: over generated pairs, no accepted verdict stands beside a warning or a status that contradicts it', () => {
    const regen = (roles: Array<'callManager' | 'tvs' | 'itlRecovery'>) => roles.reduce((c, role) => regenerate(c, role), cluster);
    const variants = [[], ['callManager'], ['tvs'], ['itlRecovery'], ['callManager', 'tvs'], ['callManager', 'itlRecovery']] as const;
    const lists: TrustList[] = [];
    for (const v of variants) {
      const c = regen([...v]);
      for (const signer of ['callManager', 'itlRecovery'] as const) {
        lists.push(ctl(tokenlessCtl(c, { signer })), ctl(itl(c, { signer })));
        const spec = itl(c, { signer });
        lists.push(ctl({ ...spec, records: spec.records.filter(r => r.role !== 'TVS') }));
      }
    }
    let pairs = 0;
    for (const a of lists) {
      for (const b of lists) {
        const c = compare(a, b, { now: NOW });
        pairs++;
        const warned = new Set(c.warnings.map(w => w.code));
        for (const v of c.verdicts) {
          if (v.outcome === 'rejected' || v.outcome === 'undetermined') continue;
          assert.equal(b.signature.status, 'verified');
          if (v.outcome === 'accepted-via-tvs') {
            assert.ok(!warned.has('SIGNER_AND_TVS_CHANGED'), 'accepted via TVS beside "TVS cannot vouch"');
            assert.equal(b.kind, 'ITL', 'a CTL comparison cannot see TVS');
            const held = new Set(a.records.filter(r => r.role === 21).map(r => r.certificate!.sha256));
            assert.ok(b.records.some(r => r.role === 21 && held.has(r.certificate!.sha256)), 'no TVS certificate both hold');
          } else if (v.rule !== 'R5') {
            const signer = b.records.find(r => r.isSigner)!.certificate!.sha256;
            const anchors = a.records.filter(r => r.role === 0 || (b.kind === 'ITL' && (r.role === 2 || r.role === 3)));
            assert.ok(anchors.some(r => r.certificate!.sha256 === signer), `${v.rule}: the signer is no anchor of OLD`);
          }
        }
      }
    }
    assert.equal(pairs, lists.length ** 2);
  });
});
