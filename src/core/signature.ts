// Find the signer and verify the file signature. "verified" is returned in exactly one place,
// and only when the crypto port says the signature checks out over the signed bytes.
import type { ByteRange, SignatureResult, TrustList, TrustRecord } from './model';
import type { CryptoPort, HashName, PublicKeyDer } from './crypto';
import { sameSerial } from './crosscheck';
import { sameName, sameNameText } from './names';
import { walkFields } from './decode';
import { MODULUS_SIZES, ROLE } from './tags';

const HASHES: Record<number, HashName> = { 1: 'sha1', 2: 'sha256', 3: 'sha512' };

function issuerMatches(r: TrustRecord, caName: string | undefined): boolean {
  if (caName === undefined) return false;
  if (r.certificate) return sameName(caName, r.certificate.issuer);
  return r.issuerName !== undefined && sameNameText(caName, r.issuerName);
}

/** Records that could be the signer, best first: SAST with serial and issuer, SAST with serial, then any role. */
export function signerCandidates(list: TrustList): TrustRecord[] {
  const { signerSerial, caName } = list.header;
  const bySerial = list.records.filter(r => sameSerial(r.certificate?.serial ?? r.serial, signerSerial));
  if (bySerial.length < 2) return bySerial;
  const rank = new Map(bySerial.map(r => [r, (r.role === ROLE.SAST ? 0 : 2) + (issuerMatches(r, caName) ? 0 : 1)]));
  return bySerial.sort((a, b) => rank.get(a)! - rank.get(b)! || a.index - b.index);
}

function publicKeyOf(r: TrustRecord, bytes: Uint8Array): PublicKeyDer | undefined {
  if (r.certificate) return { format: 'spki', der: bytes.subarray(r.certificate.spkiRange.start, r.certificate.spkiRange.end) };
  const pk = r.fields.find(f => f.tag === 7);
  return pk ? { format: 'pkcs1', der: bytes.subarray(pk.valueRange.start, pk.valueRange.end) } : undefined;
}

/** A bare PUBLICKEY field is always RSA (PKCS#1); a certificate says what it holds. */
function algorithmOf(r: TrustRecord): string {
  return r.certificate?.keyAlgorithm === 'EC' ? 'ECDSA' : 'RSA-PKCS1-v1_5';
}

export function verifySignature(list: TrustList, bytes: Uint8Array, crypto: CryptoPort): SignatureResult {
  const sigField = [...walkFields(list.header.fields)].find(f => f.tag === 12);
  const digestCode = list.header.digest?.code;
  const digest = digestCode === undefined ? undefined : (HASHES[digestCode]?.toUpperCase() ?? `unknown(${digestCode})`);
  const base = { digest };
  if (!sigField) return { ...base, status: 'malformed', detail: 'The header has no SIGNATURE (tag 12).' };
  if (digestCode === undefined) return { ...base, status: 'malformed', detail: 'The header has no DIGESTALGORITHM (tag 8).' };
  const hash = HASHES[digestCode];
  if (!hash) return { ...base, status: 'unsupported', detail: `Digest algorithm code ${digestCode} is not one we know (1 = SHA-1, 2 = SHA-256, 3 = SHA-512).` };
  const algo = list.header.signatureAlgorithm ?? 0;
  if (algo !== 0) return { ...base, status: 'unsupported', algorithm: `unknown(${algo})`, detail: `Signature algorithm code ${algo} is not supported (0 = RSA PKCS#1 v1.5).` };

  const signedRanges: ByteRange[] = [
    { start: 0, end: sigField.range.start },
    { start: sigField.range.end, end: bytes.length },
  ].filter(r => r.end > r.start);
  const parts = signedRanges.map(r => bytes.subarray(r.start, r.end));
  const signature = bytes.subarray(sigField.valueRange.start, sigField.valueRange.end);

  const candidates = signerCandidates(list);
  if (!candidates.length) {
    const why = list.complete ? '' : ' The file is damaged, so the signer record may be among the bytes that could not be decoded.';
    return { ...base, status: list.complete ? 'signer-not-found' : 'malformed', signedRanges, detail: `No record has the signer's serial ${list.header.signerSerial ?? '(none)'}.${why}` };
  }
  for (const r of candidates) {
    const key = publicKeyOf(r, bytes);
    if (!key) continue;
    const algorithm = algorithmOf(r);
    if (crypto.verify(hash, key, parts, signature)) {
      r.isSigner = true;
      return { ...base, status: 'verified', algorithm, signerRecord: r.index, signedRanges, detail: `Signed by record #${r.index} (${r.roleName ?? 'unknown role'}) with ${algorithm}/${hash.toUpperCase()}; the signature verifies.` };
    }
  }
  const best = candidates[0];
  best.isSigner = true;
  const damage = list.diagnostics.find(d => d.severity === 'error');
  if (!list.complete && damage) {
    return { ...base, status: 'malformed', algorithm: algorithmOf(best), signerRecord: best.index, signedRanges, detail: `The file is damaged, so its signature cannot verify: ${damage.message}.` };
  }
  const bits = best.certificate?.keyAlgorithm === 'RSA' ? best.certificate.keySize : 0;
  const expected = list.header.signatureModulus !== undefined ? MODULUS_SIZES[list.header.signatureModulus] : undefined;
  const sizeNote = bits && signature.length !== Math.ceil(bits / 8) ? ` The signature is ${signature.length} bytes; a ${bits}-bit key makes ${Math.ceil(bits / 8)}.` : '';
  const modNote = expected !== undefined && expected !== signature.length ? ` SIGNATUREMODULUS announces ${expected} bytes.` : '';
  return {
    ...base,
    status: 'invalid',
    algorithm: algorithmOf(best),
    signerRecord: best.index,
    signedRanges,
    detail: `The signature does not verify with the key of record #${best.index} (${best.roleName ?? 'unknown role'}): the file was changed after signing, or signed by another key.${sizeNote}${modNote}`,
  };
}
