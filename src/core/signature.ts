// Find the signer and verify the file signature. "verified" is returned in exactly one place,
// and only when the crypto port says the signature checks out over the signed bytes.
import type { ByteRange, SignatureResult, TrustList, TrustRecord } from './model';
import type { CryptoPort, HashName, PublicKeyDer } from './crypto';
import { sameSerial } from './crosscheck';
import { sameName, sameNameText } from './names';
import { flatFields } from './decode';
import { MODULUS_SIZES, ROLE } from './tags';
import * as M from './messages';
import { fill, localizable, type Localizable } from './messages';

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

/** The English sentence and its template, as SignatureResult carries them. */
const said = (l: Localizable) => ({ detail: fill(l), l10n: l });
const roleOf = (r: TrustRecord) => r.roleName ?? localizable(M.UNKNOWN_ROLE);
const sentences = (first: Localizable, ...next: Localizable[]): Localizable =>
  next.reduce((all, n) => localizable(M.TWO_SENTENCES, { first: all, next: n }), first);

export function verifySignature(list: TrustList, bytes: Uint8Array, crypto: CryptoPort): SignatureResult {
  const sigField = flatFields(list.header.fields).find(f => f.tag === 12);
  const digestCode = list.header.digest?.code;
  const digest = digestCode === undefined ? undefined : (HASHES[digestCode]?.toUpperCase() ?? `unknown(${digestCode})`);
  const base = { digest };
  if (!sigField) return { ...base, status: 'malformed', ...said(localizable(M.SIGNATURE_MISSING)) };
  if (digestCode === undefined) return { ...base, status: 'malformed', ...said(localizable(M.DIGEST_MISSING)) };
  const hash = HASHES[digestCode];
  if (!hash) return { ...base, status: 'unsupported', ...said(localizable(M.DIGEST_UNKNOWN, { code: digestCode })) };
  const algo = list.header.signatureAlgorithm ?? 0;
  if (algo !== 0) return { ...base, status: 'unsupported', algorithm: `unknown(${algo})`, ...said(localizable(M.SIGNATURE_ALGORITHM_UNSUPPORTED, { code: algo })) };

  const signedRanges: ByteRange[] = [
    { start: 0, end: sigField.range.start },
    { start: sigField.range.end, end: bytes.length },
  ].filter(r => r.end > r.start);
  const parts = signedRanges.map(r => bytes.subarray(r.start, r.end));
  const signature = bytes.subarray(sigField.valueRange.start, sigField.valueRange.end);

  const candidates = signerCandidates(list);
  if (!candidates.length) {
    const notFound = localizable(M.SIGNER_NOT_FOUND, { serial: list.header.signerSerial ?? localizable(M.NONE_IN_PARENS) });
    const l = list.complete ? notFound : sentences(notFound, localizable(M.SIGNER_MAYBE_IN_DAMAGE));
    return { ...base, status: list.complete ? 'signer-not-found' : 'malformed', signedRanges, ...said(l) };
  }
  for (const r of candidates) {
    const key = publicKeyOf(r, bytes);
    if (!key) continue;
    const algorithm = algorithmOf(r);
    if (crypto.verify(hash, key, parts, signature)) {
      r.isSigner = true;
      const l = localizable(M.SIGNATURE_VERIFIED, { record: r.index, role: roleOf(r), algorithm, hash: hash.toUpperCase() });
      return { ...base, status: 'verified', algorithm, signerRecord: r.index, signedRanges, ...said(l) };
    }
  }
  const best = candidates[0];
  best.isSigner = true;
  const damage = list.diagnostics.find(d => d.severity === 'error');
  if (!list.complete && damage) {
    return { ...base, status: 'malformed', algorithm: algorithmOf(best), signerRecord: best.index, signedRanges, ...said(localizable(M.SIGNATURE_DAMAGED, { reason: damage.l10n ?? damage.message })) };
  }
  const bits = best.certificate?.keyAlgorithm === 'RSA' ? best.certificate.keySize : 0;
  const expected = list.header.signatureModulus !== undefined ? MODULUS_SIZES[list.header.signatureModulus] : undefined;
  const notes: Localizable[] = [];
  if (bits && signature.length !== Math.ceil(bits / 8)) notes.push(localizable(M.SIGNATURE_SIZE_NOTE, { length: signature.length, bits, expected: Math.ceil(bits / 8) }));
  if (expected !== undefined && expected !== signature.length) notes.push(localizable(M.SIGNATURE_MODULUS_NOTE, { expected }));
  return {
    ...base,
    status: 'invalid',
    algorithm: algorithmOf(best),
    signerRecord: best.index,
    signedRanges,
    ...said(sentences(localizable(M.SIGNATURE_INVALID, { record: best.index, role: roleOf(best) }), ...notes)),
  };
}
