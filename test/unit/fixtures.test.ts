// Every shared fixture agrees, field by field, with certutils' parse, and every figure we show
// agrees with Node's own crypto and X509Certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decode } from '../../src/node/decode';
import { sharedFixtures } from '../support/certutils';

const fixtures = sharedFixtures();

test('the shared fixtures are present', () => {
  assert.ok(fixtures.length >= 10, `found ${fixtures.length} fixtures in ../shared/fixtures`);
});

for (const fx of fixtures) {
  test(`${fx.name} agrees with certutils`, () => {
    const bytes = new Uint8Array(readFileSync(fx.path));
    const list = decode(bytes, { fileName: basename(fx.path) });
    const h = fx.certutils.header;
    if (h['Tag is not header version']) {
      assert.equal(list.complete, false);
      assert.ok(list.diagnostics.some(d => d.severity === 'error' && d.offset === 0), 'an error at offset 0');
      assert.equal(list.signature.status, 'malformed');
      return;
    }
    assert.equal(list.header.version, h['Version']);
    assert.equal(`${list.header.headerLength} bytes`, h['Header Length']);
    assert.equal(list.header.signerName, h['Signer Name']);
    assert.equal(list.header.signerSerial?.toLowerCase(), h['Serial Number']);
    assert.equal(list.header.caName, h['Issuer Name']);
    assert.equal(list.header.digest?.name, h['Digest Algorithm']);
    assert.equal(`${(list.header.signature!.end - list.header.signature!.start)} bytes`, h['Signature']);
    assert.equal(list.header.fileName, h['Filename']);
    assert.equal(list.header.timestamp?.iso.replace('T', ' ').replace('Z', ''), h['Timestamp']);
    if (h['Signer Version']) assert.equal(list.header.signerVersion, h['Signer Version']);

    const expected = fx.certutils.records;
    if (fx.certutils.stopped) assert.ok(list.records.length >= expected.length - 1);
    else assert.equal(list.records.length, expected.length);
    expected.forEach((e, i) => {
      const r = list.records[i];
      const partial = fx.certutils.stopped && i === expected.length - 1;
      const where = `record #${i + 1}`;
      assert.equal(`${r.length} bytes`, e['Record Length'], where);
      if ('DNS Name' in e) assert.equal(r.dnsName, e['DNS Name'], where);
      assert.equal(r.subjectName, e['Subject Name'], where);
      assert.equal(r.issuerName, e['Issuer Name'], where);
      assert.equal(r.roleName, e['Role'], where);
      assert.equal(r.serial?.toLowerCase(), e['Serial Numer'], where);
      const len = (tag: number) => r.fields.find(f => f.tag === tag)?.length;
      if (!partial) {
        assert.equal(`${len(7)} bytes`, e['Public Key'], where);
        if (e['Signature']) assert.equal(`${len(8)} bytes`, e['Signature'], where);
        assert.equal(`${len(9)} bytes`, e['Certificate'], where);
      }
      if (e['Key Algorithm']) assert.equal(r.certificate?.keyAlgorithm, e['Key Algorithm'], where);
      if (e['Certificate Hash']) assert.equal(r.certificate?.sha1, e['Certificate Hash'], where);
    });

    if (fx.certutils.signature === 'valid') {
      assert.equal(list.signature.status, 'verified');
      assert.equal(list.complete, true);
      assert.deepEqual(list.diagnostics.filter(d => d.severity === 'error'), []);
    } else {
      assert.notEqual(list.signature.status, 'verified');
    }
    if (fx.certutils.stopped) {
      assert.equal(list.complete, false, 'a file certutils could not finish is reported incomplete');
      assert.ok(list.diagnostics.some(d => d.severity === 'error' || d.code === 'CERTIFICATE_UNREADABLE'));
    }
  });

  test(`${fx.name}: checksums and certificate figures match Node's crypto`, () => {
    const buf = readFileSync(fx.path);
    const list = decode(new Uint8Array(buf), { fileName: basename(fx.path) });
    for (const alg of ['md5', 'sha1', 'sha256'] as const) assert.equal(list.checksums[alg], createHash(alg).update(buf).digest('hex'));
    for (const r of list.records) {
      if (!r.certificate) continue;
      const der = buf.subarray(r.certificate.range.start, r.certificate.range.end);
      const x = new X509Certificate(der);
      const where = `${fx.name} record #${r.index}`;
      assert.equal(r.certificate.sha1.toUpperCase().match(/../g)!.join(':'), x.fingerprint, where);
      assert.equal(r.certificate.sha256.toUpperCase().match(/../g)!.join(':'), x.fingerprint256, where);
      assert.equal(r.certificate.serial, x.serialNumber.toUpperCase().replace(/^(00)+(?=..)/, ''), where);
      assert.equal(new Date(r.certificate.notBefore).getTime(), new Date(x.validFrom).getTime(), where);
      assert.equal(new Date(r.certificate.notAfter).getTime(), new Date(x.validTo).getTime(), where);
      const key = x.publicKey;
      assert.equal(r.certificate.keyAlgorithm.toLowerCase(), key.asymmetricKeyType, where);
      if (key.asymmetricKeyType === 'rsa') assert.equal(r.certificate.keySize, key.asymmetricKeyDetails?.modulusLength, where);
      else assert.equal(r.certificate.curve, { prime256v1: 'P-256', secp384r1: 'P-384' }[key.asymmetricKeyDetails?.namedCurve ?? ''], where);
      // Node prints subject as one attribute per line, in certificate order.
      assert.equal(r.certificate.subjectCucm.replace(/;/g, '\n'), x.subject, where);
      assert.equal(r.certificate.issuerCucm.replace(/;/g, '\n'), x.issuer, where);
    }
  });
}
