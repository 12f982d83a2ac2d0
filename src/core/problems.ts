// What the Problems panel lists for one trust list: the facts other surfaces already compute, gathered
// in one place. The signature verdict and the first decode error, the certificate warnings the
// comparison gives (expiry, weak key, weak certificate signature), the size limit, the file findings
// and decoder warnings of list.diagnostics, and, given the folder's report, how the file differs from
// the majority. Pure: time comes in `now`, certificates of a `signer`-mode decode through `certificateOf`.
import type { TrustList } from './model';
import { certificateWarnings, PHONE_LIMIT, type CertificateCheckOptions } from './compare';
import type { Outlier } from './report';
import { at } from './hex';
import * as M from './messages';
import { fill, localizable, type Localizable } from './messages';

export interface Problem {
  severity: 'error' | 'warning';
  /** SCREAMING_SNAKE: NOT_VERIFIED, MALFORMED, CERT_EXPIRED, …, or a diagnostic's own code. */
  code: string;
  /** English; `fill(l10n)`. */
  message: string;
  l10n: Localizable;
  /** The byte offset concerned (0 when the whole file is). */
  offset: number;
  /** 1-based record index, for a certificate's warning. */
  record?: number;
}

export type ProblemOptions = CertificateCheckOptions;

const problem = (severity: Problem['severity'], code: string, l10n: Localizable, offset: number, record?: number): Problem =>
  ({ severity, code, message: fill(l10n), l10n, offset, ...(record === undefined ? {} : { record }) });

/** Problems of one decoded list, errors first. */
export function fileProblems(list: TrustList, opts: ProblemOptions = {}): Problem[] {
  const out: Problem[] = [];
  const firstError = list.diagnostics.find(d => d.severity === 'error');
  if (firstError) {
    const error = firstError.l10n ?? firstError.message;
    out.push(problem('error', 'MALFORMED', localizable(M.REPORT_OUTLIER_MALFORMED, { at: at(firstError.offset), error }), firstError.offset));
  }
  if (list.signature.status !== 'verified') {
    out.push(problem('error', 'NOT_VERIFIED', localizable(M.REPORT_OUTLIER_NOT_VERIFIED, { status: list.signature.status, detail: list.signature.l10n }), list.header.signature?.start ?? 0));
  }
  for (const w of certificateWarnings(list.records, opts)) {
    const offset = list.records.find(r => r.index === w.record)?.range.start ?? 0;
    out.push(problem('warning', w.code, w.l10n, offset, w.record));
  }
  if (list.length > PHONE_LIMIT) out.push(problem('warning', 'FILE_TOO_LARGE', localizable(M.PROBLEM_FILE_TOO_LARGE, { length: list.length }), 0));
  // File findings (TOO_MANY_SAST, KIND_MISMATCH, SIGNERNAME_MISMATCH, …) and the decoder's warnings.
  for (const d of list.diagnostics) {
    if (d.severity === 'warning') out.push(problem('warning', d.code, d.l10n ?? localizable(d.message), d.offset));
  }
  return out;
}

/** How a file differs from its folder's majority (the report's outliers): signer and TVS set. */
export function outlierProblems(outlier: Outlier | undefined): Problem[] {
  return (outlier?.reasons ?? [])
    .filter(r => r.code === 'SIGNER_DIFFERS' || r.code === 'TVS_DIFFERS')
    .map(r => problem('warning', r.code, r.l10n, 0));
}
