// Checks the test-fixture builder on its own terms, without the project decoder: certificates via
// Node's X509Certificate, file layout via a minimal TLV walk, signatures via crypto.verify.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as forge from 'node-forge';
import { buildTrustList, buildTrustListDetailed, type TrustListSpec } from '../support/builder';
import { makeCert, type CertHash } from '../support/certs';
import { eTokenCtl, itl, makeCluster, makeETokens, regenerate, tokenlessCtl } from '../support/cluster';
import { keyPair, type KeyType } from '../support/keys';
import { seedCtl } from '../support/seed';

interface Tlv { tag: number; offset: number; length: number; value: Uint8Array }

const CONTAINERS = new Set([3, 7, 9]);

/** Header fields in file order (containers, then their children), padding as length-0 entries. */
function walkHeader(bytes: Uint8Array): { fields: Tlv[]; end: number } {
  const fields: Tlv[] = [];
  let pos = 0;
  let headerLength = Infinity;
  while (pos < headerLength) {
    const tag = bytes[pos]!;
    if (tag === 13) {
      fields.push({ tag, offset: pos, length: 0, value: new Uint8Array() });
      pos += 1;
      continue;
    }
    const length = (bytes[pos + 1]! << 8) | bytes[pos + 2]!;
    const value = bytes.subarray(pos + 3, pos + 3 + length);
    fields.push({ tag, offset: pos, length, value });
    if (tag === 2) headerLength = (value[0]! << 8) | value[1]!;
    pos += CONTAINERS.has(tag) ? 3 : 3 + length;
  }
  return { fields, end: pos };
}

function walkRecords(bytes: Uint8Array, start: number): Tlv[][] {
  const records: Tlv[][] = [];
  for (let pos = start; pos < bytes.length;) {
    const end = pos + ((bytes[pos + 3]! << 8) | bytes[pos + 4]!);
    const fields: Tlv[] = [];
    for (let p = pos; p < end;) {
      const length = (bytes[p + 1]! << 8) | bytes[p + 2]!;
      fields.push({ tag: bytes[p]!, offset: p, length, value: bytes.subarray(p + 3, p + 3 + length) });
      p += 3 + length;
    }
    records.push(fields);
    pos = end;
  }
  return records;
}

function parse(bytes: Uint8Array) {
  const header = walkHeader(bytes);
  return { header: header.fields, headerEnd: header.end, records: walkRecords(bytes, header.end) };
}

const field = (fields: Tlv[], tag: number): Tlv => {
  const found = fields.find(f => f.tag === tag);
  assert.ok(found, `tag ${tag} present`);
  return found;
};
const str = (f: Tlv) => Buffer.from(f.value).toString('utf8');
const hexOf = (f: Tlv) => Buffer.from(f.value).toString('hex').toUpperCase();
const u16 = (f: Tlv) => (f.value[0]! << 8) | f.value[1]!;

function verifyFile(bytes: Uint8Array, digest: 'sha1' | 'sha512', publicKey: import('node:crypto').KeyObject): boolean {
  const sig = field(parse(bytes).header, 12);
  const signed = Buffer.concat([bytes.subarray(0, sig.offset), bytes.subarray(sig.offset + 3 + sig.length)]);
  return verify(digest, signed, publicKey, sig.value);
}

/** The signatureAlgorithm OID of a certificate, read with forge.asn1 (Node 20 does not expose it). */
function signatureOid(der: Uint8Array): string {
  const cert = forge.asn1.fromDer(Buffer.from(der).toString('binary'));
  const algorithm = (cert.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[];
  return forge.asn1.derToOid(algorithm[0]!.value as string);
}

describe('keyPair', () => {
  it('returns the same pair for the same type and id, another for another id', () => {
    assert.equal(keyPair('rsa1024', 'memo'), keyPair('rsa1024', 'memo'));
    assert.notEqual(keyPair('rsa1024', 'memo').publicKey, keyPair('rsa1024', 'memo-2').publicKey);
    assert.ok(!keyPair('rsa1024', 'memo').publicKey.equals(keyPair('rsa1024', 'memo-2').publicKey));
  });
});

describe('makeCert', () => {
  const subject = [['CN', 'node-a.example'], ['OU', 'Voice'], ['O', 'Lab'], ['C', 'US']] as const;

  for (const [key, detail, publicKeyLength] of [
    ['rsa1024', 1024, 140], ['rsa2048', 2048, 270], ['rsa4096', 4096, 526], ['ec-p256', 'prime256v1', 65], ['ec-p384', 'secp384r1', 97],
  ] as const) {
    it(`makes a self-signed ${key} certificate Node can read and verify`, () => {
      const cert = makeCert({ subject, key: key as KeyType, serialHex: '1A2B3C' });
      const x509 = new X509Certificate(cert.der);
      assert.equal(x509.subject, 'CN=node-a.example\nOU=Voice\nO=Lab\nC=US');
      assert.equal(x509.issuer, x509.subject);
      assert.equal(x509.serialNumber, '1A2B3C');
      assert.equal(cert.serialHex, '1A2B3C');
      assert.ok(x509.verify(cert.publicKey));
      assert.ok(x509.publicKey.equals(cert.publicKey));
      const details = x509.publicKey.asymmetricKeyDetails!;
      if (typeof detail === 'number') {
        assert.equal(x509.publicKey.asymmetricKeyType, 'rsa');
        assert.equal(details.modulusLength, detail);
        assert.deepEqual(cert.publicKeyBytes, new Uint8Array(x509.publicKey.export({ type: 'pkcs1', format: 'der' })));
        assert.equal(cert.signatureValue.length, detail / 8);
      } else {
        assert.equal(x509.publicKey.asymmetricKeyType, 'ec');
        assert.equal(details.namedCurve, detail);
        assert.equal(cert.publicKeyBytes[0], 0x04, 'uncompressed point');
        const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
        assert.deepEqual(cert.publicKeyBytes, new Uint8Array(spki.subarray(spki.length - publicKeyLength)));
        assert.equal(signatureOid(cert.der), '1.2.840.10045.4.3.2');
      }
      assert.equal(cert.publicKeyBytes.length, publicKeyLength);
      assert.deepEqual(cert.signatureValue, cert.der.subarray(cert.der.length - cert.signatureValue.length));
      assert.equal(cert.sha1, x509.fingerprint.replace(/:/g, ''));
    });
  }

  it('gives the names in CUCM and RFC 4514 forms', () => {
    const cert = makeCert({ subject: [['CN', 'a,b'], ['O', 'Cisco Systems, Inc.'], ['C', 'US']], key: 'rsa1024' });
    assert.equal(cert.subjectCucm, 'CN=a,b;O=Cisco Systems, Inc.;C=US');
    assert.equal(cert.subjectRfc4514, 'C=US,O=Cisco Systems\\, Inc.,CN=a\\,b');
  });

  for (const [hash, oid] of [['sha1', '1.2.840.113549.1.1.5'], ['sha256', '1.2.840.113549.1.1.11'], ['sha512', '1.2.840.113549.1.1.13']] as const) {
    it(`signs RSA certificates with ${hash}`, () => {
      const cert = makeCert({ subject, key: 'rsa1024', hash: hash as CertHash });
      assert.equal(signatureOid(cert.der), oid);
      assert.ok(cert.x509.verify(cert.publicKey));
    });
  }

  it('issues RSA and EC certificates from a CA, in both directions', () => {
    const rsaCa = makeCert({ subject: [['CN', 'Test Root'], ['O', 'Lab']], key: 'rsa1024', keyId: 'ca',
      extensions: { basicConstraints: { ca: true, critical: true }, keyUsage: ['keyCertSign', 'cRLSign'] } });
    const ecCa = makeCert({ subject: [['CN', 'EC Root']], key: 'ec-p256', keyId: 'ca' });
    for (const [issuer, key] of [[rsaCa, 'rsa1024'], [rsaCa, 'ec-p256'], [ecCa, 'rsa1024'], [ecCa, 'ec-p384']] as const) {
      const cert = makeCert({ subject, key, issuer });
      assert.ok(cert.x509.checkIssued(issuer.x509), `${key} by ${issuer.subjectCucm}`);
      assert.ok(cert.x509.verify(issuer.publicKey));
      assert.ok(!cert.x509.verify(cert.publicKey));
      assert.equal(cert.issuerCucm, issuer.subjectCucm);
    }
    assert.equal(rsaCa.x509.ca, true);
  });

  it('writes the serial as a positive INTEGER and keeps the magnitude for the trust list', () => {
    const cert = makeCert({ subject, key: 'rsa1024', serialHex: '83:e9:08' });
    assert.equal(cert.serialHex, '83E908');
    assert.equal(cert.x509.serialNumber, '83E908');
  });

  it('writes validity dates and extensions', () => {
    const notBefore = new Date('2015-03-06T20:30:00Z');
    const notAfter = new Date('2051-01-01T00:00:00Z');
    const cert = makeCert({
      subject, key: 'rsa1024', notBefore, notAfter,
      extensions: {
        subjectAltName: { dns: ['node-a.example'], ip: ['10.1.2.3'] },
        extKeyUsage: ['serverAuth', 'ipsecEndSystem'],
        keyUsage: ['digitalSignature', 'keyEncipherment'],
        basicConstraints: { ca: false },
        subjectKeyIdentifier: true,
      },
    });
    assert.equal(new Date(cert.x509.validFrom).toISOString(), notBefore.toISOString());
    assert.equal(new Date(cert.x509.validTo).toISOString(), notAfter.toISOString());
    assert.equal(cert.x509.subjectAltName, 'DNS:node-a.example, IP Address:10.1.2.3');
    assert.deepEqual(cert.x509.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.5']);
    assert.equal(cert.x509.ca, false);
    const parsed = forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(cert.der).toString('binary')));
    const keyUsage = parsed.getExtension('keyUsage') as { digitalSignature: boolean; keyEncipherment: boolean; keyCertSign: boolean };
    assert.deepEqual([keyUsage.digitalSignature, keyUsage.keyEncipherment, keyUsage.keyCertSign], [true, true, false]);
    const ski = parsed.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier: string };
    assert.equal(ski.subjectKeyIdentifier, createHash('sha1').update(cert.publicKeyBytes).digest('hex'));
  });
});

describe('buildTrustList', () => {
  const signer = makeCert({ subject: [['CN', 'uc-pub'], ['OU', 'Voice'], ['O', 'Lab'], ['C', 'US']], key: 'rsa2048' });
  const ec = makeCert({ subject: [['CN', 'uc-pub-EC'], ['O', 'Lab']], key: 'ec-p256', keyId: 'ec', issuer: signer });
  const base: TrustListSpec = {
    kind: 'CTL',
    signer,
    records: [
      { cert: signer, role: 'SAST', dnsName: 'uc-pub', ip: '10.1.1.1' },
      { cert: ec, role: 'CCM', dnsName: 'uc-pub', ip: '10.1.1.1' },
    ],
  };

  it('writes the CUCM header order, padding and HEADERLENGTH, and a verifiable SHA-1 signature', () => {
    const bytes = buildTrustList(base);
    const { header, headerEnd } = parse(bytes);
    const tags = header.map(f => f.tag);
    const padding = tags.filter(t => t === 13).length;
    assert.deepEqual(tags.slice(0, tags.length - padding), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]);
    assert.equal(headerEnd % 4, 0);
    assert.ok(padding < 4);
    assert.equal(headerEnd - padding, field(header, 15).offset + 7, 'padding follows TIMESTAMP');
    assert.equal(u16(field(header, 2)), headerEnd);
    assert.deepEqual([...field(header, 1).value], [1, 2]);
    assert.equal(field(header, 3).length, 3 * 3 + field(header, 4).length + field(header, 5).length + field(header, 6).length);
    assert.equal(field(header, 7).length, 15);
    assert.equal(field(header, 9).length, 8);
    assert.equal(str(field(header, 4)), 'CN=uc-pub;OU=Voice;O=Lab;C=US\0');
    assert.equal(hexOf(field(header, 5)), signer.serialHex);
    assert.equal(str(field(header, 6)), 'CN=uc-pub;OU=Voice;O=Lab;C=US\0');
    assert.deepEqual([field(header, 8).value[0], field(header, 10).value[0], field(header, 11).value[0]], [1, 0, 2]);
    assert.equal(field(header, 12).length, 256);
    assert.equal(str(field(header, 14)), 'CTLFile.tlv\0');
    assert.equal(Buffer.from(field(header, 15).value).readUInt32BE(), 1425675367);
    assert.ok(verifyFile(bytes, 'sha1', signer.publicKey));
    assert.ok(!verifyFile(bytes, 'sha1', keyPair('rsa1024', 'other').publicKey));
  });

  it('writes CUCM records with DNSNAME, IPADDRESS and an EC certificate record', () => {
    const { records } = parse(buildTrustList(base));
    assert.equal(records.length, 2);
    for (const record of records) {
      assert.deepEqual(record.map(f => f.tag), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.equal(u16(record[0]!), record.reduce((n, f) => n + 3 + f.length, 0));
      assert.equal(str(field(record, 2)), 'uc-pub\0');
      assert.deepEqual([...field(record, 10).value], [10, 1, 1, 1]);
    }
    const [sast, ccm] = records as [Tlv[], Tlv[]];
    assert.equal(u16(field(sast, 4)), 0);
    assert.equal(u16(field(ccm, 4)), 1);
    assert.equal(str(field(ccm, 3)), 'CN=uc-pub-EC;O=Lab\0');
    assert.equal(str(field(ccm, 5)), 'CN=uc-pub;OU=Voice;O=Lab;C=US\0');
    assert.equal(field(ccm, 7).length, 65);
    assert.deepEqual(field(ccm, 8).value, ec.signatureValue);
    const x509 = new X509Certificate(field(ccm, 9).value);
    assert.equal(x509.publicKey.asymmetricKeyType, 'ec');
    assert.equal(x509.serialNumber, hexOf(field(ccm, 6)));
    assert.deepEqual(field(sast, 9).value, signer.der);
  });

  it('writes the certutils layout: tag 28, SIGNERID 4,6,5, records 1,3,5,6,4,7,8,9 with RFC 4514 names', () => {
    const bytes = buildTrustList({ ...base, kind: 'ITL', layout: 'certutils', signerVersion: [1, 1] });
    const { header, records } = parse(bytes);
    assert.deepEqual(header.map(f => f.tag).filter(t => t !== 13), [1, 2, 28, 3, 4, 6, 5, 7, 8, 9, 10, 11, 12, 14, 15]);
    assert.deepEqual([...field(header, 28).value], [1, 1]);
    assert.equal(str(field(header, 4)), 'C=US,O=Lab,OU=Voice,CN=uc-pub\0');
    assert.equal(str(field(header, 14)), 'ITLFile.tlv\0');
    for (const record of records) assert.deepEqual(record.map(f => f.tag), [1, 3, 5, 6, 4, 7, 8, 9]);
    assert.ok(verifyFile(bytes, 'sha1', signer.publicKey));
  });

  it('signs with SHA-512 and a 4096-bit key (digest code 3, modulus index 3)', () => {
    const big = makeCert({ subject: [['CN', 'ITLRECOVERY_uc-pub']], key: 'rsa4096' });
    const bytes = buildTrustList({ ...base, signer: big, digest: 'sha512', records: [{ cert: big, role: 'SAST' }, ...base.records] });
    const { header } = parse(bytes);
    assert.deepEqual([field(header, 8).value[0], field(header, 11).value[0], field(header, 12).length], [3, 3, 512]);
    assert.ok(verifyFile(bytes, 'sha512', big.publicKey));
    assert.ok(!verifyFile(bytes, 'sha1', big.publicKey));
  });

  it('writes eToken, non-secure, overridden and extra fields as asked', () => {
    const detailed = buildTrustListDetailed({
      ...base,
      headerExtra: [{ tag: 40, value: new Uint8Array([9, 9]) }],
      records: [
        { kind: 'etoken', cert: signer, ip: '10.1.1.9' },
        { kind: 'nonsecure', ip: '10.48.47.153' },
        { cert: ec, role: 'TVS', omitSignature: true, extra: [{ tag: 99, value: new Uint8Array([1, 2, 3]) }],
          overrides: { subjectName: 'CN=liar', serialHex: '0BAD', publicKey: signer.publicKeyBytes } },
        { cert: ec, role: 42 },
      ],
    });
    const { bytes } = detailed;
    const { header, records } = parse(bytes);
    assert.deepEqual([...field(header, 40).value], [9, 9]);
    const [eToken, nonSecure, odd, unknownRole] = records as [Tlv[], Tlv[], Tlv[], Tlv[]];
    assert.deepEqual(eToken.map(f => f.tag), [1, 2, 3, 4, 5, 6, 7, 9, 10]);
    assert.equal(field(eToken, 2).length, 1);
    assert.equal(u16(field(eToken, 4)), 0);
    assert.deepEqual(nonSecure.map(f => f.tag), [1, 2, 4, 10]);
    assert.equal(u16(nonSecure[0]!), 33);
    assert.equal(str(field(nonSecure, 2)), '10.48.47.153\0');
    assert.equal(u16(field(nonSecure, 4)), 2);
    assert.deepEqual(odd.map(f => f.tag), [1, 2, 3, 4, 5, 6, 7, 9, 10, 99]);
    assert.equal(u16(field(odd, 4)), 21);
    assert.equal(str(field(odd, 3)), 'CN=liar\0');
    assert.equal(hexOf(field(odd, 6)), '0BAD');
    assert.deepEqual(field(odd, 7).value, signer.publicKeyBytes);
    assert.equal(str(field(odd, 2)), 'uc-pub-EC\0', 'DNSNAME defaults to the CN');
    assert.deepEqual([...field(odd, 10).value], [0, 0, 0, 0]);
    assert.equal(u16(field(unknownRole, 4)), 42);
    assert.deepEqual(detailed.records.map(r => r.range.end - r.range.start), records.map(r => u16(r[0]!)));
    assert.deepEqual(detailed.signatureTlv, { start: field(header, 12).offset, end: field(header, 12).offset + 3 + 256 });
    assert.ok(verifyFile(bytes, 'sha1', signer.publicKey));
  });

  it('refuses what the format cannot hold', () => {
    assert.throws(() => buildTrustList({ ...base, records: [{ kind: 'nonsecure', ip: '10.1.1' }] }), /IPv4/);
    assert.throws(() => buildTrustList({ ...base, records: [{ cert: signer, role: 'CCM', extra: [{ tag: 50, value: new Uint8Array(70000) }] }] }), /u16/);
  });
});

describe('seedCtl', () => {
  // Every TLV length of /work/shared/reference/show-ctl-05-tokenless-full-parse.txt.
  const HEADER = [[1, 2], [2, 2], [3, 149], [4, 62], [5, 16], [6, 62], [7, 15], [8, 1], [9, 8], [10, 1], [11, 1], [12, 128], [14, 12], [15, 4], [13, 0], [13, 0], [13, 0]];
  const record = (dns: number, name: number, cert: number, length: number) =>
    ({ length, fields: [[1, 2], [2, dns], [3, name], [4, 2], [5, name], [6, 16], [7, 140], [8, 128], [9, cert], [10, 4]] });
  const RECORDS = [record(16, 62, 694, 1156), record(16, 62, 694, 1156), record(16, 60, 680, 1138), record(17, 63, 696, 1161)];

  const seed = seedCtl();
  const { header, records, headerEnd } = parse(seed.bytes);

  it('has the reference sizes: 4947 bytes, HeaderLength 336, records 1156/1156/1138/1161', () => {
    assert.equal(seed.bytes.length, 4947);
    assert.equal(headerEnd, 336);
    assert.equal(u16(field(header, 2)), 336);
    assert.deepEqual(header.map(f => [f.tag, f.length]), HEADER);
    assert.deepEqual(records.map(r => u16(r[0]!)), RECORDS.map(r => r.length));
    assert.deepEqual(records.map(r => r.map(f => [f.tag, f.length])), RECORDS.map(r => r.fields));
  });

  it('has the reference names, serials and roles', () => {
    const pub = 'CN=cucm-1051-a-pub;OU=TAC;O=Cisco;L=Krakow;ST=Malopolska;C=PL\0';
    assert.equal(str(field(header, 4)), pub);
    assert.equal(str(field(header, 6)), pub);
    assert.equal(hexOf(field(header, 5)), '70CAF64E090751B9DF22F49F754FC5BB');
    const expected = [
      ['cucm-1051-a-pub', pub, 0, '70CAF64E090751B9DF22F49F754FC5BB'],
      ['cucm-1051-a-pub', pub, 2, '70CAF64E090751B9DF22F49F754FC5BB'],
      ['cucm-1051-a-pub', 'CN=CAPF-e41e7d87;OU=TAC;O=Cisco;L=Krakow;ST=Malopolska;C=PL\0', 4, '744B4999770496E799E91E81D3C8109B'],
      ['cucm-1051-a-sub1', 'CN=cucm-1051-a-sub1;OU=TAC;O=Cisco;L=Krakow;ST=Malopolska;C=PL\0', 2, '6BEBFDCDCD8CA277CB2FD1D183A60E72'],
    ];
    assert.deepEqual(records.map(r => [str(field(r, 2)).slice(0, -1), str(field(r, 3)), u16(field(r, 4)), hexOf(field(r, 6))]), expected);
    assert.deepEqual(records.map(r => str(field(r, 5))), expected.map(e => e[1]), 'self-signed: issuer = subject');
    assert.deepEqual(field(records[0]!, 9).value, field(records[1]!, 9).value, 'records 1 and 2 share a certificate');
  });

  it('is signed by the publisher certificate of records 1 and 2 (SHA-1, RSA-1024)', () => {
    const x509 = new X509Certificate(field(records[0]!, 9).value);
    assert.equal(x509.publicKey.asymmetricKeyDetails?.modulusLength, 1024);
    assert.ok(verifyFile(seed.bytes, 'sha1', x509.publicKey));
    assert.ok(!verifyFile(seed.bytes, 'sha1', new X509Certificate(field(records[3]!, 9).value).publicKey));
  });
});

describe('cluster scenarios', () => {
  // RSA-1024 everywhere keeps key generation cheap; the regeneration goes to RSA-2048.
  const cluster = makeCluster({ key: 'rsa1024' });

  it('is deterministic and regenerates one certificate with a new key and serial', () => {
    assert.deepEqual(makeCluster({ key: 'rsa1024' }).certs.callManager.der, cluster.certs.callManager.der);
    const after = regenerate(cluster, 'callManager', 'rsa2048');
    const [before, now] = [cluster.certs.callManager, after.certs.callManager];
    assert.equal(now.subjectCucm, before.subjectCucm);
    assert.notEqual(now.serialHex, before.serialHex);
    assert.equal(before.x509.publicKey.asymmetricKeyDetails?.modulusLength, 1024);
    assert.equal(now.x509.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(after.certs.tvs, cluster.certs.tvs);
    const other = makeCluster({ name: 'other', key: 'rsa1024', callManagerKey: 'rsa2048' });
    assert.notEqual(other.certs.tvs.serialHex, cluster.certs.tvs.serialHex);
    assert.equal(other.certs.callManager.x509.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(other.certs.tvs.x509.publicKey.asymmetricKeyDetails?.modulusLength, 1024);
  });

  it('makes tokenless CTLs signed by CallManager or ITLRecovery, before and after regeneration', () => {
    const after = regenerate(cluster, 'callManager', 'rsa2048');
    for (const [c, signer, modulusIndex] of [[cluster, 'callManager', 1], [cluster, 'itlRecovery', 1], [after, 'callManager', 2]] as const) {
      const bytes = buildTrustList(tokenlessCtl(c, { signer }));
      const { header, records } = parse(bytes);
      assert.equal(field(header, 11).value[0], modulusIndex);
      assert.equal(hexOf(field(header, 5)), c.certs[signer].serialHex);
      assert.deepEqual(records.map(r => u16(field(r, 4))), [0, 0, 2, 4, 2]);
      assert.ok(verifyFile(bytes, 'sha1', c.certs[signer].publicKey));
    }
  });

  it('makes an eToken-signed CTL with two eToken SAST records', () => {
    const etokens = makeETokens();
    const bytes = buildTrustList(eTokenCtl(cluster, etokens, 1));
    const { header, records } = parse(bytes);
    assert.equal(str(field(header, 4)), 'cn="SAST-ADN008580ef ";ou=IPCBU;o="Cisco Systems, Inc."\0');
    assert.equal(str(field(header, 6)), 'cn=Cisco Manufacturing CA;o=Cisco Systems\0');
    assert.equal(hexOf(field(header, 5)), '83E9080000005545AF31');
    assert.deepEqual(records.slice(0, 2).map(r => r.map(f => f.tag)), [[1, 2, 3, 4, 5, 6, 7, 9, 10], [1, 2, 3, 4, 5, 6, 7, 9, 10]]);
    for (const token of etokens.tokens) assert.ok(token.x509.checkIssued(etokens.manufacturingCa.x509));
    assert.ok(verifyFile(bytes, 'sha1', etokens.tokens[1].publicKey));
  });

  it('makes ITLs whose TVS changes together with the signer', () => {
    const old = itl(cluster, { signer: 'itlRecovery', digest: 'sha512' });
    const next = regenerate(regenerate(cluster, 'tvs'), 'itlRecovery');
    const bytes = buildTrustList(itl(next, { signer: 'itlRecovery', digest: 'sha512' }));
    const { header, records } = parse(bytes);
    assert.equal(str(field(header, 14)), 'ITLFile.tlv\0');
    assert.deepEqual(records.map(r => u16(field(r, 4))), [0, 2, 4, 21]);
    assert.notDeepEqual(field(records[3]!, 9).value, (old.records[3] as { cert: { der: Uint8Array } }).cert.der);
    assert.deepEqual(field(records[0]!, 9).value, next.certs.itlRecovery.der);
    assert.ok(verifyFile(bytes, 'sha512', next.certs.itlRecovery.publicKey));
  });
});
