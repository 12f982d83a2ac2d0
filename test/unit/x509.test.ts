// Certificate details read by our DER walker, checked against openssl's and Node's own readings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseCertificate } from '../../src/core/x509';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { makeCert } from '../support/certs';

const OPENSSL_KU: Record<string, string> = {
  digitalSignature: 'Digital Signature', nonRepudiation: 'Non Repudiation', keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment', keyAgreement: 'Key Agreement', keyCertSign: 'Certificate Sign', cRLSign: 'CRL Sign',
};
const OPENSSL_EKU: Record<string, string> = {
  serverAuth: 'TLS Web Server Authentication', clientAuth: 'TLS Web Client Authentication', ipsecEndSystem: 'IPSec End System',
};

function openssl(der: Uint8Array): string {
  return execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text', '-nameopt', 'RFC2253'], { input: der, encoding: 'utf8' });
}

for (const key of ['rsa2048', 'ec-p256', 'ec-p384'] as const) {
  test(`${key}: names, serial, key, signature algorithm and extensions agree with openssl`, () => {
    const cert = makeCert({
      subject: [['CN', 'uc-pub.lab.local'], ['OU', 'Voice'], ['O', 'Lab, Inc.'], ['C', 'US']],
      key,
      keyId: 'x509-test',
      serialHex: '0A1B2C3D4E5F',
      notBefore: new Date('2024-01-02T03:04:05Z'),
      notAfter: new Date('2034-01-02T03:04:05Z'),
      extensions: {
        basicConstraints: { ca: true, pathLength: 0 },
        keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign'],
        extKeyUsage: ['serverAuth', 'clientAuth', 'ipsecEndSystem'],
        subjectAltName: { dns: ['uc-pub.lab.local', 'uc-pub'], ip: ['10.10.10.11'] },
      },
    });
    const info = parseCertificate(cert.der, { start: 0, end: cert.der.length }, nodeCrypto);
    const text = openssl(cert.der);
    assert.equal(info.subjectRfc4514, 'C=US,O=Lab\\, Inc.,OU=Voice,CN=uc-pub.lab.local');
    assert.match(text, new RegExp(`Subject: ${info.subjectRfc4514.replace(/[\\.]/g, m => `\\${m}`)}\\n`));
    assert.equal(info.subjectCucm, 'CN=uc-pub.lab.local;OU=Voice;O=Lab, Inc.;C=US');
    assert.equal(info.serial, '0A1B2C3D4E5F');
    assert.match(text, new RegExp(`Serial Number: ${BigInt(`0x${info.serial}`)} \\(0x${info.serial.toLowerCase().replace(/^0+/, '')}\\)`));
    assert.equal(info.notBefore, '2024-01-02T03:04:05Z');
    assert.equal(info.notAfter, '2034-01-02T03:04:05Z');
    assert.match(text, /Not Before: Jan {2}2 03:04:05 2024 GMT/);
    assert.equal(info.keyAlgorithm, key.startsWith('ec') ? 'EC' : 'RSA');
    assert.match(text, new RegExp(`Public-Key: \\(${info.keySize} bit\\)`));
    if (info.curve) assert.match(text, new RegExp(`NIST CURVE: ${info.curve}`));
    assert.match(text, new RegExp(`Signature Algorithm: ${info.signatureAlgorithm}`));
    assert.match(text, new RegExp(`X509v3 Key Usage: (critical)?\\s+${info.keyUsage.map(k => OPENSSL_KU[k]).join(', ')}\\n`));
    assert.match(text, new RegExp(`X509v3 Extended Key Usage: (critical)?\\s+${info.extendedKeyUsage.map(k => OPENSSL_EKU[k]).join(', ')}\\n`));
    assert.deepEqual(info.subjectAltNames, ['DNS:uc-pub.lab.local', 'DNS:uc-pub', 'IP:10.10.10.11']);
    assert.equal(cert.x509.subjectAltName, 'DNS:uc-pub.lab.local, DNS:uc-pub, IP Address:10.10.10.11');
    assert.deepEqual(info.basicConstraints, { ca: true, pathLength: 0 });
    assert.match(text, /CA:TRUE, pathlen:0/);
    assert.equal(info.sha1, cert.x509.fingerprint.replace(/:/g, '').toLowerCase());
    assert.equal(info.sha256, cert.x509.fingerprint256.replace(/:/g, '').toLowerCase());
    assert.equal(info.selfSigned, true);
  });
}

test('a certificate that is not DER is refused with an offset, not a crash', () => {
  const junk = Uint8Array.from([0x30, 0x82, 0x10, 0x00, 0x30, 0x03, 0x02, 0x01]);
  assert.throws(() => parseCertificate(junk, { start: 0, end: junk.length }, nodeCrypto), /runs past/);
});
