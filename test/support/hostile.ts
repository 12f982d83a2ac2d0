// Trust lists built to fool a verifier: each one is signed correctly over its bytes, yet the spec
// says it must not be "verified" (or, where noted, must be). Used by the soundness tests and by the
// localisation tests, which need every diagnostic template produced at least once.
import { constants, createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTrustListDetailed, type BuiltTrustList } from './builder';
import type { TestCert } from './certs';

/** Recompute the header signature over the bytes as they are now (after a test changed them). */
export function resign(built: BuiltTrustList, bytes: Uint8Array, privateKey: KeyObject, digest = 'sha1', padding = constants.RSA_PKCS1_PADDING): Uint8Array {
  const out = Uint8Array.from(bytes);
  const { start, end } = built.signatureTlv;
  const signed = Buffer.concat([out.subarray(0, start), out.subarray(end)]);
  out.set(sign(digest, signed, { key: privateKey, padding, saltLength: 20 }), start + 3);
  return out;
}

/** A certificate from openssl with a key type our test keys do not cover (RSA-PSS, DSA, Ed25519, secp256k1). */
export function opensslCert(algorithm: 'rsa-pss' | 'dsa' | 'ed25519' | 'secp256k1', cn: string): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'tlv-hostile-'));
  try {
    const keyArgs = {
      'rsa-pss': ['-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048'],
      dsa: ['-newkey', 'dsa:' + dsaParams(dir)],
      ed25519: ['-newkey', 'ed25519'],
      secp256k1: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp256k1'],
    }[algorithm];
    execFileSync('openssl', ['req', '-x509', ...keyArgs, '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.der'),
      '-outform', 'DER', '-subj', `/CN=${cn}`, '-days', '3650', '-set_serial', '0x2BAD'], { stdio: 'pipe' });
    const der = new Uint8Array(readFileSync(join(dir, 'cert.der')));
    const x509 = new X509Certificate(der);
    const name = [['CN', cn]] as const;
    return {
      der, x509, key: 'rsa2048', privateKey: createPrivateKey(readFileSync(join(dir, 'key.pem'))), publicKey: x509.publicKey,
      serialHex: '2BAD', subject: name, issuer: name, subjectCucm: `CN=${cn}`, issuerCucm: `CN=${cn}`,
      subjectRfc4514: `CN=${cn}`, issuerRfc4514: `CN=${cn}`, publicKeyBytes: new Uint8Array(x509.publicKey.export({ type: 'spki', format: 'der' })),
      signatureValue: new Uint8Array(16), sha1: x509.fingerprint.replace(/:/g, ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function dsaParams(dir: string): string {
  const path = join(dir, 'dsa.pem');
  execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', path], { stdio: 'pipe' });
  return path;
}

/** Signed with the key's own scheme (PSS for an RSA-PSS key, DSA, EdDSA), as an adversary would. */
export function signedByForeignKey(signer: TestCert, kind: 'CTL' | 'ITL' = 'CTL'): Uint8Array {
  return buildTrustListDetailed({ kind, signer, records: [{ cert: signer, role: 'SAST' }] }).bytes;
}

