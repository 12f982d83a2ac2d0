// Facts about a whole file that every surface shows alike (editor, show, json, comparison):
// they are diagnostics of the file, found once after the signature is known.
import type { Diagnostic, Field, TrustList } from './model';
import { flatFields } from './fields';
import { sameName } from './names';
import { at } from './hex';
import { ROLE } from './tags';
import * as M from './messages';
import { fill, localizable, type Localizable } from './messages';

/** More SAST records than this is invalid by construction (trust-list-format.md). */
export const MAX_SAST = 2;

function warning(code: string, l10n: Localizable, f: { range: { start: number; end: number }; path?: string }): Diagnostic {
  return { severity: 'warning', code, message: fill(l10n), l10n, offset: f.range.start, range: f.range, path: f.path };
}

export function fileFindings(list: TrustList, fileName?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sast = list.records.filter(r => r.role === ROLE.SAST);
  if (sast.length > MAX_SAST) out.push(warning('TOO_MANY_SAST', localizable(M.DIAG_TOO_MANY_SAST, { count: sast.length }), sast[MAX_SAST]));

  // The same certificate twice in one role; the same certificate in two roles is normal (SAST and CCM+TFTP before 12.0).
  // Only certificates of one role and one length can be the same: fingerprint those alone (a lean
  // decode computes fingerprints on first read, and an ITL has one certificate per role).
  const withCert = list.records.map(r => ({ r, field: r.fields.find(f => f.tag === 9) }));
  const sizes = new Map<string, number>();
  for (const { r, field } of withCert) if (field) sizes.set(`${r.role}:${field.length}`, (sizes.get(`${r.role}:${field.length}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const { r, field } of withCert) {
    if (!field || (sizes.get(`${r.role}:${field.length}`) ?? 0) < 2) continue;
    const cert = field.value;
    if (cert.type !== 'certificate' || !cert.sha1) continue;
    const key = `${r.role}:${cert.sha1}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.index);
    else out.push(warning('DUPLICATE_RECORD', localizable(M.DIAG_DUPLICATE_RECORD, { index: r.index, at: at(r.range.start), first }), r));
  }

  const headerField = (tag: number): Field | undefined => flatFields(list.header.fields).find(f => f.tag === tag);
  const cert = list.records.find(r => r.isSigner)?.certificate;
  const name = headerField(4);
  if (cert && name && list.header.signerName !== undefined && !sameName(list.header.signerName, cert.subject)) {
    out.push(warning('SIGNERNAME_MISMATCH', localizable(M.DIAG_SIGNERNAME_MISMATCH, { at: at(name.range.start), value: list.header.signerName, certificate: cert.subjectRfc4514 }), name));
  }
  const ca = headerField(6);
  if (cert && ca && list.header.caName !== undefined && !sameName(list.header.caName, cert.issuer)) {
    out.push(warning('CANAME_MISMATCH', localizable(M.DIAG_CANAME_MISMATCH, { at: at(ca.range.start), value: list.header.caName, certificate: cert.issuerRfc4514 }), ca));
  }
  const file = headerField(14);
  if (file && list.kindSource === 'FILENAME tag' && list.fileNameKind !== 'unknown' && list.fileNameKind !== list.kind) {
    const args = { at: at(file.range.start), value: list.header.fileName ?? '', tagKind: list.kind, fileName: fileName?.split(/[\\/]/).pop() ?? '', nameKind: list.fileNameKind };
    out.push(warning('KIND_MISMATCH', localizable(M.DIAG_KIND_MISMATCH, args), file));
  }
  return out;
}
