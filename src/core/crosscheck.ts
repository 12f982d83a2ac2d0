// Cross-checks between a record's own fields and its certificate, as warnings: a mismatch means
// a hand-edited or mis-built file, and phones trust the certificate, not the side fields.
import type { Diagnostic, Field, TrustRecord } from './model';
import { sameName } from './names';
import { at } from './hex';
import * as M from './messages';
import { fill, localizable, type L10nArg } from './messages';

function equalBytes(bytes: Uint8Array, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.end - a.start !== b.end - b.start) return false;
  for (let i = 0; i < a.end - a.start; i++) if (bytes[a.start + i] !== bytes[b.start + i]) return false;
  return true;
}

/** `-04D2` (a certificate's negative serial) → `FB2E`, the two's-complement bytes a record's field holds. */
function twosComplement(negative: string): string {
  const magnitude = BigInt(`0x${negative.slice(1)}`);
  let bytes = 1;
  while (magnitude > 1n << BigInt(bytes * 8 - 1)) bytes++;
  return ((1n << BigInt(bytes * 8)) - magnitude).toString(16).padStart(bytes * 2, '0');
}

/** Serials compare as numbers: ignore leading zero bytes (DER sign byte vs raw field). */
export function sameSerial(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  const n = (s: string) => (s.startsWith('-') ? twosComplement(s) : s).toUpperCase().replace(/^(00)+(?=..)/, '');
  return n(a) === n(b);
}

export function crossCheckRecord(r: TrustRecord, bytes: Uint8Array, out: Diagnostic[]): void {
  const c = r.certificate;
  if (!c) return;
  const field = (tag: number): Field | undefined => r.fields.find(f => f.tag === tag);
  const warn = (code: string, f: Field, template: string, args: Record<string, L10nArg> = {}) => {
    const l10n = localizable(template, { index: r.index, name: f.name, at: at(f.range.start), ...args });
    out.push({ severity: 'warning', code, offset: f.range.start, range: f.range, path: f.path, message: fill(l10n), l10n });
  };

  const pk = field(7);
  if (pk && !equalBytes(bytes, pk.valueRange, c.publicKeyRange)) warn('PUBLICKEY_MISMATCH', pk, M.DIAG_PUBLICKEY_MISMATCH);
  const sig = field(8);
  if (sig && !equalBytes(bytes, sig.valueRange, c.signatureValueRange)) warn('SIGNATURE_MISMATCH', sig, M.DIAG_SIGNATURE_MISMATCH);
  const serial = field(6);
  if (serial && !sameSerial(r.serial, c.serial)) warn('SERIAL_MISMATCH', serial, M.DIAG_SERIAL_MISMATCH, { serial: String(r.serial), certificateSerial: c.serial });
  const subject = field(3);
  if (subject && r.subjectName !== undefined && !sameName(r.subjectName, c.subject)) warn('SUBJECT_MISMATCH', subject, M.DIAG_SUBJECT_MISMATCH, { value: r.subjectName, certificate: c.subjectRfc4514 });
  const issuer = field(5);
  if (issuer && r.issuerName !== undefined && !sameName(r.issuerName, c.issuer)) warn('ISSUER_MISMATCH', issuer, M.DIAG_ISSUER_MISMATCH, { value: r.issuerName, certificate: c.issuerRfc4514 });
}
