// compare(old, new): what changed between two trust lists, and will a phone that holds OLD
// accept NEW? Rules R0–R7 of ../shared/spec/trust-decisions.md; every verdict names its rule.
import type { CertificateInfo, TrustList, TrustRecord } from './model';
import * as M from './messages';
import { fill, localizable, type L10nArg, type Localizable } from './messages';
import { commonName, nameKey, subjectCn } from './names';
import { ROLE } from './tags';

export type RecordStatus = 'unchanged' | 'changed' | 'added' | 'removed';
export type DeviceClass = 'security-by-default' | 'no-security-by-default';
/** `undetermined`: the two files cannot decide it (OLD unusable, or TVS needs the phone's ITL). */
export type Outcome = 'accepted' | 'accepted-via-tvs' | 'rejected' | 'undetermined';
export type Rule = 'R0' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

export interface CertSummary {
  subject: string;
  issuer: string;
  serial: string;
  sha1: string;
  sha256: string;
  keyAlgorithm: string;
  keySize: number;
  curve?: string;
  notBefore: string;
  notAfter: string;
  signatureAlgorithm: string;
}

export interface RecordSide {
  index: number;
  roleName: string;
  dnsName?: string;
  subjectName?: string;
  serial?: string;
  certificate?: CertSummary;
}

export interface RecordDiff {
  status: RecordStatus;
  role: number | null;
  roleName: string;
  /** DNS name, else the subject's CN, else the IP address. */
  host: string;
  old?: RecordSide;
  new?: RecordSide;
  /** For `changed`: which properties differ (serial, key, validity, fingerprint, dnsName, subject, issuer). */
  differences: string[];
}

export interface SignerSide {
  recordIndex: number;
  subject: string;
  serial: string;
  sha256: string;
}

export interface SignerDiff {
  changed: boolean;
  old?: SignerSide;
  new?: SignerSide;
  /** Where NEW's signer stands in OLD. */
  newSignerInOld: 'sast-anchor' | 'other-role' | 'absent';
  newSignerOldRecord?: { index: number; roleName: string };
}

export interface Verdict {
  devices: DeviceClass;
  outcome: Outcome;
  rule: Rule;
  /** English; the CLI and JSON show it. */
  explanation: string;
  /** The same sentence as a template, for the extension to translate. */
  l10n: Localizable;
}

export interface CompareWarning {
  code: string;
  /** English; the CLI and JSON show it. */
  message: string;
  /** The same sentence as a template, for the extension to translate. */
  l10n: Localizable;
  /** 1-based record index in NEW (or OLD for removals). */
  record?: number;
}

export interface FileSummary {
  kind: TrustList['kind'];
  length: number;
  sha1: string;
  md5: string;
  signature: TrustList['signature']['status'];
  digest?: string;
  records: number;
}

export interface Comparison {
  identical: boolean;
  old: FileSummary;
  new: FileSummary;
  signer: SignerDiff;
  records: RecordDiff[];
  verdicts: Verdict[];
  warnings: CompareWarning[];
}

export interface CompareOptions {
  /** Reference time for expiry warnings (default: now). */
  now?: Date;
  /** Warn about certificates expiring within this many days (default 30). */
  expiryWarningDays?: number;
}

/** Phones fail to load a trust list larger than this. */
export const PHONE_LIMIT = 64 * 1024;
const DAY = 86_400_000;

function summary(c: CertificateInfo): CertSummary {
  return {
    // CUCM's `;` form, CN first, as engineers read it in `show ctl`.
    subject: c.subjectCucm,
    issuer: c.issuerCucm,
    serial: c.serial,
    sha1: c.sha1,
    sha256: c.sha256,
    keyAlgorithm: c.keyAlgorithm,
    keySize: c.keySize,
    curve: c.curve,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    signatureAlgorithm: c.signatureAlgorithm,
  };
}

function side(r: TrustRecord): RecordSide {
  return { index: r.index, roleName: r.roleName ?? '?', dnsName: r.dnsName, subjectName: r.subjectName, serial: r.serial, certificate: r.certificate && summary(r.certificate) };
}

/** Certificate identity: the DER's SHA-256; records without a certificate have none. */
export const certId = (r: TrustRecord) => r.certificate?.sha256;

export function hostOf(r: TrustRecord): string {
  return r.dnsName || commonName(r.subjectName) || subjectCn(r.certificate?.subject) || r.ipAddress || `#${r.index}`;
}

/** Short name for a certificate in a sentence: CN and serial. */
export function label(r: TrustRecord | undefined): L10nArg {
  if (!r) return localizable(M.NO_CERTIFICATE);
  const cn = subjectCn(r.certificate?.subject) ?? commonName(r.subjectName) ?? r.dnsName ?? localizable(M.RECORD_NUMBER, { index: r.index });
  const serial = r.certificate?.serial ?? r.serial;
  return serial ? localizable(M.CERTIFICATE_LABEL, { name: cn, serial }) : cn;
}

export const listOf = (items: L10nArg[]): L10nArg =>
  items.length ? items.reduce((all, item) => localizable(M.LIST_PAIR, { first: all, next: item })) : '';

function differences(a: TrustRecord, b: TrustRecord): string[] {
  const d: string[] = [];
  const ca = a.certificate;
  const cb = b.certificate;
  if ((ca?.serial ?? a.serial) !== (cb?.serial ?? b.serial)) d.push('serial');
  if (ca && cb) {
    if (ca.keyAlgorithm !== cb.keyAlgorithm || ca.keySize !== cb.keySize || ca.curve !== cb.curve) d.push('key');
    if (ca.notBefore !== cb.notBefore || ca.notAfter !== cb.notAfter) d.push('validity');
    if (ca.sha256 !== cb.sha256) d.push('fingerprint');
    if (ca.subjectRfc4514 !== cb.subjectRfc4514) d.push('subject');
    if (ca.issuerRfc4514 !== cb.issuerRfc4514) d.push('issuer');
  } else if (!!ca !== !!cb) d.push('fingerprint');
  if ((a.dnsName ?? '') !== (b.dnsName ?? '')) d.push('dnsName');
  if ((a.ipAddress ?? '') !== (b.ipAddress ?? '')) d.push('ipAddress');
  return d;
}

/**
 * Pair records: same role and certificate, then same role and subject, then same role and host. In each
 * pass a NEW record (in file order) takes the first OLD record still unpaired with the same role and key:
 * by buckets, so a hostile pair of 200,000-record files is linear, not quadratic.
 */
function matchRecords(oldList: TrustList, newList: TrustList): RecordDiff[] {
  const unmatchedOld = new Set(oldList.records);
  const pairs = new Map<TrustRecord, TrustRecord>();
  const pass = (keyOf: (r: TrustRecord) => string | undefined) => {
    // Role and key; the role is a number or undefined, so the NUL cannot be ambiguous.
    const bucketOf = (r: TrustRecord) => {
      const k = keyOf(r);
      return k === undefined ? undefined : `${r.role}\u0000${k}`;
    };
    const buckets = new Map<string, { records: TrustRecord[]; next: number }>();
    for (const o of unmatchedOld) {
      const b = bucketOf(o);
      if (b === undefined) continue;
      const bucket = buckets.get(b);
      if (bucket) bucket.records.push(o);
      else buckets.set(b, { records: [o], next: 0 });
    }
    for (const n of newList.records) {
      if (pairs.has(n)) continue;
      const b = bucketOf(n);
      const bucket = b === undefined ? undefined : buckets.get(b);
      // Only this pass pairs OLD records, in bucket order: the next one is the first still unpaired.
      if (!bucket || bucket.next >= bucket.records.length) continue;
      const o = bucket.records[bucket.next++];
      pairs.set(n, o);
      unmatchedOld.delete(o);
    }
  };
  pass(r => certId(r));
  pass(r => (r.subjectName ? nameKey(r.subjectName) : undefined));
  pass(r => hostOf(r));

  const out: RecordDiff[] = [];
  for (const n of newList.records) {
    const o = pairs.get(n);
    const base = { role: n.role ?? null, roleName: n.roleName ?? '?', host: hostOf(n), new: side(n) };
    if (!o) out.push({ ...base, status: 'added', differences: [] });
    else {
      const diff = differences(o, n);
      out.push({ ...base, old: side(o), status: diff.length ? 'changed' : 'unchanged', differences: diff });
    }
  }
  for (const o of unmatchedOld) out.push({ status: 'removed', role: o.role ?? null, roleName: o.roleName ?? '?', host: hostOf(o), old: side(o), differences: [] });
  return out;
}

function fileSummary(l: TrustList): FileSummary {
  return { kind: l.kind, length: l.length, sha1: l.checksums.sha1, md5: l.checksums.md5, signature: l.signature.status, digest: l.signature.digest, records: l.records.length };
}

export const signerOf = (l: TrustList) => l.records.find(r => r.isSigner);
const signerSide = (r: TrustRecord | undefined): SignerSide | undefined =>
  r && { recordIndex: r.index, subject: r.certificate?.subjectCucm ?? r.subjectName ?? '', serial: r.certificate?.serial ?? r.serial ?? '', sha256: r.certificate?.sha256 ?? '' };

export const idsOf = (l: TrustList, roles: number[]) => new Set(l.records.filter(r => r.role !== undefined && roles.includes(r.role)).map(certId).filter((x): x is string => !!x));

/** The rules a file is judged by: when its FILENAME tag and its name disagree, the stricter (CTL) ones. */
export function judgedKind(l: TrustList): 'CTL' | 'ITL' {
  const conflict = l.fileNameKind !== 'unknown' && l.fileNameKind !== l.kind;
  return l.kind === 'ITL' && !conflict ? 'ITL' : 'CTL';
}

/** OLD stands for what a phone holds only if it decoded whole and holds records (R1 needs an empty phone). */
export const unusable = (l: TrustList) => !l.complete || l.records.length === 0 || l.diagnostics.some(d => d.severity === 'error');

/** TVS certificates of NEW that the phone already holds in OLD: R4 needs one (trust-decisions.md, pre-flight). */
export function sharedTvs(oldList: TrustList, newList: TrustList): TrustRecord[] {
  const held = idsOf(oldList, [ROLE.TVS]);
  return newList.records.filter(r => r.role === ROLE.TVS && held.has(certId(r) ?? ''));
}

function decide(oldList: TrustList, newList: TrustList, signer: SignerDiff): Verdict[] {
  const verdict = (devices: DeviceClass, outcome: Outcome, rule: Rule, l: Localizable): Verdict => ({ devices, outcome, rule, explanation: fill(l), l10n: l });
  const both = (outcome: Outcome, rule: Rule, l: Localizable): Verdict[] => [
    verdict('security-by-default', outcome, rule, l),
    verdict('no-security-by-default', outcome, rule, l),
  ];
  const kind = judgedKind(newList);
  const newSigner = signerOf(newList);
  const newId = newSigner && certId(newSigner);

  // R0: the candidate itself must be whole and verify ('verified' already implies both).
  if (newList.signature.status !== 'verified' || !newId) {
    return both('rejected', 'R0', localizable(M.VERDICT_R0, { status: newList.signature.status, reason: newList.signature.l10n }));
  }
  if (unusable(oldList)) {
    const why = oldList.records.length === 0 && oldList.complete ? localizable(M.OLD_HAS_NO_RECORDS) : localizable(M.OLD_DOES_NOT_DECODE);
    return both('undetermined', 'R1', localizable(M.VERDICT_OLD_UNUSABLE, { why }));
  }

  const oldSast = idsOf(oldList, [ROLE.SAST]);
  const newIds = new Set(newList.records.map(certId));
  const anchorsLost = ![...oldSast].some(id => newIds.has(id));
  const signerName = label(newSigner);

  // R2/R7 (CTL) and R3 (ITL): trusted locally.
  const trusted = kind === 'ITL' ? idsOf(oldList, [ROLE.SAST, ROLE.TFTP, ROLE.CCM_TFTP]) : oldSast;
  if (trusted.has(newId)) {
    if (kind === 'ITL') {
      const at = signer.newSignerOldRecord;
      return [
        verdict('security-by-default', 'accepted', 'R3', localizable(M.VERDICT_R3, { signer: signerName, record: String(at?.index), role: String(at?.roleName) })),
        verdict('no-security-by-default', 'accepted', 'R5', localizable(M.VERDICT_R5_ITL)),
      ];
    }
    if (!signer.changed) return both('accepted', 'R2', localizable(M.VERDICT_R2, { signer: signerName }));
    return both('accepted', 'R7', localizable(M.VERDICT_R7, { signer: signerName, record: String(signer.newSignerOldRecord?.index) }));
  }

  // R4: only TVS can vouch. For a CTL the TVS records are in the phone's ITL, which two files do not show.
  let sbd: Verdict;
  if (kind === 'CTL') {
    sbd = verdict('security-by-default', 'undetermined', 'R4', localizable(M.VERDICT_R4_NEEDS_ITL, { signer: signerName }));
  } else {
    const shared = sharedTvs(oldList, newList);
    if (shared.length) {
      sbd = verdict('security-by-default', 'accepted-via-tvs', 'R4', localizable(M.VERDICT_R4_VIA_TVS, { signer: signerName, tvs: listOf(shared.map(label)) }));
    } else {
      const oldTvs = oldList.records.filter(r => r.role === ROLE.TVS);
      const why = oldTvs.length ? localizable(M.TVS_NOT_KEPT, { tvs: listOf(oldTvs.map(label)) }) : localizable(M.TVS_NONE_IN_OLD);
      sbd = verdict('security-by-default', 'rejected', anchorsLost ? 'R6' : 'R4', localizable(M.VERDICT_R4_TVS_CANNOT_VOUCH, { signer: signerName, why }));
    }
  }
  const nonSbd =
    kind === 'ITL'
      ? verdict('no-security-by-default', 'accepted', 'R5', localizable(M.VERDICT_R5_ITL))
      : verdict('no-security-by-default', 'rejected', 'R5', localizable(M.VERDICT_R5_CTL, { signer: signerName }));
  return [sbd, nonSbd];
}

function warningsFor(oldList: TrustList, newList: TrustList, records: RecordDiff[], signer: SignerDiff, opts: CompareOptions): CompareWarning[] {
  const w: CompareWarning[] = [];
  const warn = (code: string, l: Localizable, record?: number) => w.push({ code, message: fill(l), l10n: l, ...(record === undefined ? {} : { record }) });
  const sast = newList.records.filter(r => r.role === ROLE.SAST).length;
  if (sast > 2) warn('TOO_MANY_SAST', localizable(M.WARN_TOO_MANY_SAST, { count: sast }));
  if (newList.length > PHONE_LIMIT) warn('FILE_TOO_LARGE', localizable(M.WARN_FILE_TOO_LARGE, { length: newList.length }));
  if (newList.signature.digest === 'SHA512' && oldList.signature.digest !== 'SHA512') {
    warn('SHA512_MOVE', localizable(M.WARN_SHA512_MOVE, { digest: oldList.signature.digest ?? localizable(M.ANOTHER_DIGEST) }));
  }
  const tvsChanged = records.some(r => r.role === ROLE.TVS && r.status !== 'unchanged');
  if (signer.changed && tvsChanged) {
    // Unrecoverable only when no TVS certificate the phone holds survives; otherwise name the ones that do.
    const shared = sharedTvs(oldList, newList);
    if (shared.length) warn('TVS_CHANGED_WITH_SIGNER', localizable(M.WARN_TVS_CHANGED_WITH_SIGNER, { tvs: listOf(shared.map(label)) }));
    else warn('SIGNER_AND_TVS_CHANGED', localizable(M.WARN_SIGNER_AND_TVS_CHANGED));
  }
  if (oldList.signature.status !== 'verified') warn('OLD_NOT_VERIFIED', localizable(M.WARN_OLD_NOT_VERIFIED, { status: oldList.signature.status }));
  for (const [which, l] of [['OLD', oldList], ['NEW', newList]] as const) {
    if (judgedKind(l) !== l.kind) warn('KIND_MISMATCH', localizable(M.WARN_KIND_MISMATCH, { which, tagKind: l.kind, nameKind: l.fileNameKind }));
  }
  if (judgedKind(oldList) !== judgedKind(newList)) warn('KINDS_DIFFER', localizable(M.WARN_KINDS_DIFFER, { old: judgedKind(oldList), new: judgedKind(newList) }));
  // A loop, not push(...): one warning per record can exceed V8's argument limit.
  for (const x of certificateWarnings(newList.records, opts)) w.push(x);
  for (const r of records) {
    const where = { role: r.roleName, host: r.host };
    if (r.status === 'removed') warn('RECORD_REMOVED', localizable(M.WARN_RECORD_REMOVED, { ...where, record: String(r.old?.index) }), r.old?.index);
    if (r.status === 'added') warn('RECORD_ADDED', localizable(M.WARN_RECORD_ADDED, { ...where, record: String(r.new?.index) }), r.new?.index);
    if (r.status === 'changed' && r.differences.includes('fingerprint')) {
      const o = r.old?.certificate;
      const n = r.new?.certificate;
      const key = (x: CertSummary | undefined) => (x ? `${x.keyAlgorithm}-${x.keySize}` : '?');
      warn('CERT_REPLACED', localizable(M.WARN_CERT_REPLACED, {
        ...where,
        oldSerial: o?.serial ?? '?',
        newSerial: n?.serial ?? '?',
        oldKey: key(o),
        newKey: key(n),
        oldUntil: o?.notAfter.slice(0, 10) ?? '?',
        newUntil: n?.notAfter.slice(0, 10) ?? '?',
      }), r.new?.index);
    }
  }
  return w;
}

export interface CertificateCheckOptions extends CompareOptions {
  /** The certificate of a record the decoder did not read (decode's `signer` mode); `null` when unreadable. */
  certificateOf?: (r: TrustRecord) => CertificateInfo | null | undefined;
}

/**
 * What one list's certificates deserve a warning for: expired or expiring (within `expiryWarningDays`),
 * an RSA key below 2048 bits, an MD5 or SHA-1 certificate signature. The comparison shows them for
 * NEW; the Problems panel for every file.
 */
export function certificateWarnings(records: TrustRecord[], opts: CertificateCheckOptions = {}): CompareWarning[] {
  const w: CompareWarning[] = [];
  const warn = (code: string, l: Localizable, record: number) => w.push({ code, message: fill(l), l10n: l, record });
  const now = (opts.now ?? new Date()).getTime();
  const soon = (opts.expiryWarningDays ?? 30) * DAY;
  for (const r of records) {
    const c = r.certificate ?? opts.certificateOf?.(r) ?? undefined;
    if (!c) continue;
    const end = new Date(c.notAfter).getTime();
    const record = localizable(M.WARN_RECORD, { index: r.index, role: String(r.roleName), certificate: label(r) });
    const date = c.notAfter.slice(0, 10);
    if (end < now) warn('CERT_EXPIRED', localizable(M.WARN_CERT_EXPIRED, { record, date }), r.index);
    else if (end - now < soon) warn('CERT_EXPIRING', localizable(M.WARN_CERT_EXPIRING, { record, date, days: Math.ceil((end - now) / DAY) }), r.index);
    if (c.keyAlgorithm === 'RSA' && c.keySize < 2048) warn('WEAK_KEY', localizable(M.WARN_WEAK_KEY, { record, bits: c.keySize }), r.index);
    // sha1WithRSAEncryption, ecdsa-with-SHA1, dsaWithSHA1, md5WithRSAEncryption…
    if (/md5|sha1(?!\d)/i.test(c.signatureAlgorithm)) {
      warn('WEAK_CERT_SIGNATURE', localizable(M.WARN_WEAK_CERT_SIGNATURE, { record, algorithm: c.signatureAlgorithm }), r.index);
    }
  }
  return w;
}

export function compare(oldList: TrustList, newList: TrustList, opts: CompareOptions = {}): Comparison {
  const oldSigner = signerOf(oldList);
  const newSigner = signerOf(newList);
  const newId = newSigner && certId(newSigner);
  const inOld = newId ? oldList.records.filter(r => certId(r) === newId) : [];
  const anchor = inOld.find(r => r.role === ROLE.SAST);
  const at = anchor ?? inOld[0];
  const signer: SignerDiff = {
    changed: !oldSigner || !newSigner || certId(oldSigner) !== newId,
    old: signerSide(oldSigner),
    new: signerSide(newSigner),
    newSignerInOld: anchor ? 'sast-anchor' : inOld.length ? 'other-role' : 'absent',
    newSignerOldRecord: at && { index: at.index, roleName: at.roleName ?? '?' },
  };
  const records = matchRecords(oldList, newList);
  return {
    identical: oldList.checksums.sha256 === newList.checksums.sha256,
    old: fileSummary(oldList),
    new: fileSummary(newList),
    signer,
    records,
    verdicts: decide(oldList, newList, signer),
    warnings: warningsFor(oldList, newList, records, signer, opts),
  };
}
