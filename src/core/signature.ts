// Find the signer and verify the file signature. "verified" is returned in exactly one place,
// and only when the file decoded without error and the crypto port says the signature checks out
// with the key of the signer's own certificate. The port may answer at once (Node) or later
// (WebCrypto): both answers go through the same `conclude`.
import type { ByteRange, SignatureResult, SignatureStatus, TrustList, TrustRecord } from './model';
import type { CryptoPort, HashName, SignatureScheme, SyncCryptoPort } from './crypto';
import { sameSerial } from './crosscheck';
import { sameName, sameNameText } from './names';
import { flatFields } from './fields';
import { MODULUS_SIZES, ROLE } from './tags';
import * as M from './messages';
import { fill, localizable, type Localizable } from './messages';

const HASHES: Record<number, HashName> = { 1: 'sha1', 2: 'sha256', 3: 'sha512' };
/** Key algorithms a trust list may be signed with, by the name x509.ts gives them. */
const SCHEMES: Record<string, SignatureScheme> = { RSA: 'RSA-PKCS1-v1_5', EC: 'ECDSA' };
const EC_CURVES: ReadonlySet<string> = new Set(['P-256', 'P-384', 'P-521']);

function issuerMatches(r: TrustRecord, caName: string | undefined): boolean {
  if (caName === undefined) return false;
  if (r.certificate) return sameName(caName, r.certificate.issuer);
  return r.issuerName !== undefined && sameNameText(caName, r.issuerName);
}

/** The serial that identifies a record's certificate: the certificate's own when it could be read. */
const serialOf = (r: TrustRecord) => r.certificate?.serial ?? r.serial;

/**
 * The signer, as trust-list-format.md says: a SAST (FUNCTION 0) record whose serial matches the
 * header's, preferring one whose issuer matches CANAME. No other role can sign, and there is no
 * second choice: if this record's key does not verify, the file is invalid.
 */
export function findSigner(list: TrustList): TrustRecord | undefined {
  const { signerSerial, caName } = list.header;
  const sast = list.records.filter(r => r.role === ROLE.SAST && sameSerial(serialOf(r), signerSerial));
  return sast.find(r => issuerMatches(r, caName)) ?? sast[0];
}

/** The English sentence and its template, as SignatureResult carries them. */
const said = (l: Localizable) => ({ detail: fill(l), l10n: l });
const roleOf = (r: TrustRecord) => r.roleName ?? localizable(M.UNKNOWN_ROLE);
const sentences = (first: Localizable, ...next: Localizable[]): Localizable =>
  next.reduce((all, n) => localizable(M.TWO_SENTENCES, { first: all, next: n }), first);

const isPromise = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/**
 * The verdict. Finding the signer (and marking it `isSigner`) happens before the port is asked,
 * so the file's findings never wait for cryptography. With a synchronous port the result is
 * synchronous; with an asynchronous one it is a promise that never rejects.
 */
export function verifySignature(list: TrustList, bytes: Uint8Array, crypto: SyncCryptoPort): SignatureResult;
export function verifySignature(list: TrustList, bytes: Uint8Array, crypto: CryptoPort): SignatureResult | Promise<SignatureResult>;
export function verifySignature(list: TrustList, bytes: Uint8Array, crypto: CryptoPort): SignatureResult | Promise<SignatureResult> {
  const sigField = flatFields(list.header.fields).find(f => f.tag === 12);
  const digestCode = list.header.digest?.code;
  const digest = digestCode === undefined ? undefined : (HASHES[digestCode]?.toUpperCase() ?? `unknown(${digestCode})`);
  const base = { digest };
  const damage = list.diagnostics.find(d => d.severity === 'error');
  const damaged = !list.complete || damage !== undefined;
  const reason = damage?.l10n ?? damage?.message ?? localizable(M.DECODING_STOPPED);
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
  const signature = bytes.subarray(sigField.valueRange.start, sigField.valueRange.end);

  const signer = findSigner(list);
  if (!signer) {
    const notFound = localizable(M.SIGNER_NOT_FOUND, { serial: list.header.signerSerial ?? localizable(M.NONE_IN_PARENS) });
    const other = list.records.find(r => sameSerial(serialOf(r), list.header.signerSerial));
    const notes = other ? [localizable(M.SIGNER_NOT_SAST, { record: other.index, role: roleOf(other) })] : [];
    if (damaged) notes.push(localizable(M.SIGNER_MAYBE_IN_DAMAGE));
    return { ...base, status: damaged ? 'malformed' : 'signer-not-found', signedRanges, ...said(sentences(notFound, ...notes)) };
  }
  signer.isSigner = true;
  const at = { signerRecord: signer.index, signedRanges };
  const cert = signer.certificate;
  if (!cert) {
    const l = signer.certificateError !== undefined
      ? localizable(M.SIGNER_CERTIFICATE_UNREADABLE, { record: signer.index, error: signer.certificateError })
      : localizable(M.SIGNER_NO_CERTIFICATE, { record: signer.index });
    return { ...base, status: signer.certificateError !== undefined ? 'unsupported' : 'malformed', ...at, ...said(l) };
  }
  const scheme = SCHEMES[cert.keyAlgorithm];
  if (!scheme) {
    return { ...base, status: 'unsupported', ...at, ...said(localizable(M.SIGNER_KEY_UNSUPPORTED, { record: signer.index, algorithm: cert.keyAlgorithm })) };
  }
  // The curves every host can check (WebCrypto has no others): the same answer on the desktop and the web.
  if (scheme === 'ECDSA' && !EC_CURVES.has(cert.curve ?? '')) {
    return { ...base, status: 'unsupported', ...at, ...said(localizable(M.SIGNER_CURVE_UNSUPPORTED, { record: signer.index, curve: cert.curve ?? '?' })) };
  }
  const key = { der: bytes.subarray(cert.spkiRange.start, cert.spkiRange.end), scheme };
  const parts = signedRanges.map(r => bytes.subarray(r.start, r.end));
  // Written out rather than spread: this runs once per file of a 50,000-file folder.
  const result = (status: SignatureStatus, l: Localizable): SignatureResult =>
    ({ digest, algorithm: scheme, signerRecord: signer.index, signedRanges, status, detail: fill(l), l10n: l });
  const conclude = (ok: unknown): SignatureResult => {
    // Only a literal `true` is a yes: a promise or any other truthy value is not.
    if (ok === true) {
      // Bytes that verify do not make a sound file: a phone's parser may read them otherwise.
      if (damaged) return result('malformed', localizable(M.SIGNATURE_VERIFIES_BUT_DAMAGED, { record: signer.index, role: roleOf(signer), reason }));
      return result('verified', localizable(M.SIGNATURE_VERIFIED, { record: signer.index, role: roleOf(signer), algorithm: scheme, hash: hash.toUpperCase() }));
    }
    if (damaged) return result('malformed', localizable(M.SIGNATURE_DAMAGED, { reason }));
    const bits = cert.keyAlgorithm === 'RSA' ? cert.keySize : 0;
    const expected = list.header.signatureModulus !== undefined ? MODULUS_SIZES[list.header.signatureModulus] : undefined;
    const notes: Localizable[] = [];
    if (bits && signature.length !== Math.ceil(bits / 8)) notes.push(localizable(M.SIGNATURE_SIZE_NOTE, { length: signature.length, bits, expected: Math.ceil(bits / 8) }));
    if (expected !== undefined && expected !== signature.length) notes.push(localizable(M.SIGNATURE_MODULUS_NOTE, { expected }));
    return result('invalid', sentences(localizable(M.SIGNATURE_INVALID, { record: signer.index, role: roleOf(signer) }), ...notes));
  };
  // A port that throws or rejects has not said yes.
  let answer: boolean | Promise<boolean>;
  try {
    answer = crypto.verify(hash, key, parts, signature);
  } catch {
    answer = false;
  }
  if (isPromise(answer)) return Promise.resolve(answer).then(conclude, () => conclude(false));
  return conclude(answer);
}
