// compare(old, new): what changed between two trust lists, and will a phone that holds OLD
// accept NEW? Rules R0–R7 of ../shared/spec/trust-decisions.md; every verdict names its rule.
import type { CertificateInfo, TrustList, TrustRecord } from './model';
import { commonName, sameNameText } from './names';
import { ROLE } from './tags';

export type RecordStatus = 'unchanged' | 'changed' | 'added' | 'removed';
export type DeviceClass = 'security-by-default' | 'no-security-by-default';
export type Outcome = 'accepted' | 'accepted-via-tvs' | 'rejected';
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
  explanation: string;
}

export interface CompareWarning {
  code: string;
  message: string;
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

const PHONE_LIMIT = 64 * 1024;
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
const certId = (r: TrustRecord) => r.certificate?.sha256;

export function hostOf(r: TrustRecord): string {
  return r.dnsName || commonName(r.subjectName) || r.certificate?.subject.flat().find(a => a.type === 'CN')?.value || r.ipAddress || `#${r.index}`;
}

/** Short name for a certificate in a sentence: CN and serial. */
function label(r: TrustRecord | undefined): string {
  if (!r) return 'none';
  const cn = r.certificate?.subject.flat().find(a => a.type === 'CN')?.value ?? commonName(r.subjectName) ?? r.dnsName ?? `record #${r.index}`;
  const serial = r.certificate?.serial ?? r.serial;
  return `${cn}${serial ? ` (serial ${serial})` : ''}`;
}

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

/** Pair records: same role and certificate, then same role and subject, then same role and host. */
function matchRecords(oldList: TrustList, newList: TrustList): RecordDiff[] {
  const unmatchedOld = new Set(oldList.records);
  const pairs = new Map<TrustRecord, TrustRecord>();
  const pass = (same: (a: TrustRecord, b: TrustRecord) => boolean) => {
    for (const n of newList.records) {
      if (pairs.has(n)) continue;
      for (const o of unmatchedOld) {
        if (o.role === n.role && same(o, n)) {
          pairs.set(n, o);
          unmatchedOld.delete(o);
          break;
        }
      }
    }
  };
  pass((a, b) => certId(a) !== undefined && certId(a) === certId(b));
  pass((a, b) => !!a.subjectName && !!b.subjectName && sameNameText(a.subjectName, b.subjectName));
  pass((a, b) => hostOf(a) === hostOf(b));

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

const signerOf = (l: TrustList) => l.records.find(r => r.isSigner);
const signerSide = (r: TrustRecord | undefined): SignerSide | undefined =>
  r && { recordIndex: r.index, subject: r.certificate?.subjectCucm ?? r.subjectName ?? '', serial: r.certificate?.serial ?? r.serial ?? '', sha256: r.certificate?.sha256 ?? '' };

const idsOf = (l: TrustList, roles: number[]) => new Set(l.records.filter(r => r.role !== undefined && roles.includes(r.role)).map(certId).filter((x): x is string => !!x));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every(x => b.has(x));

function decide(oldList: TrustList, newList: TrustList, signer: SignerDiff): Verdict[] {
  const both = (outcome: Outcome, rule: Rule, explanation: string, other?: Partial<Verdict>): Verdict[] => [
    { devices: 'security-by-default', outcome, rule, explanation },
    { devices: 'no-security-by-default', outcome, rule, explanation, ...other },
  ];
  const kind = newList.kind === 'ITL' ? 'ITL' : 'CTL';
  const newSigner = signerOf(newList);
  const newId = newSigner && certId(newSigner);
  const newErrors = newList.diagnostics.filter(d => d.severity === 'error');

  // R0: the candidate itself must be whole and verify.
  if (!newList.complete || newErrors.length || newList.signature.status !== 'verified' || !newId) {
    const why = newErrors[0]?.message ?? newList.signature.detail;
    return both('rejected', 'R0', `NEW does not verify (${newList.signature.status}): ${why} Every phone rejects it.`);
  }
  // R1: nothing installed yet.
  if (oldList.records.length === 0) {
    return both('accepted', 'R1', `OLD holds no records, as on a phone without a ${kind}: the first ${kind} is accepted on trust (leap of faith).`);
  }

  const oldSast = idsOf(oldList, [ROLE.SAST]);
  const oldTvs = idsOf(oldList, [ROLE.TVS]);
  const newTvs = idsOf(newList, [ROLE.TVS]);
  const tvsChanged = oldTvs.size > 0 && newTvs.size > 0 && !sameSet(oldTvs, newTvs);
  const anchorsLost = ![...oldSast].some(id => newList.records.some(r => certId(r) === id));
  const signerName = label(newSigner);

  // R2/R7 (CTL) and R3 (ITL): trusted locally.
  const trusted = newList.kind === 'ITL' ? idsOf(oldList, [ROLE.SAST, ROLE.TFTP, ROLE.CCM_TFTP]) : oldSast;
  if (trusted.has(newId)) {
    if (newList.kind === 'ITL') {
      const e = `NEW is signed by ${signerName}, which OLD already trusts as record #${signer.newSignerOldRecord?.index} (${signer.newSignerOldRecord?.roleName}).`;
      return [
        { devices: 'security-by-default', outcome: 'accepted', rule: 'R3', explanation: e },
        { devices: 'no-security-by-default', outcome: 'accepted', rule: 'R5', explanation: 'These devices do not use the ITL; they are not affected.' },
      ];
    }
    if (!signer.changed) return both('accepted', 'R2', `NEW is signed by ${signerName}, the same SAST certificate that signed OLD.`);
    return both('accepted', 'R7', `Planned anchor swap: NEW is signed by ${signerName}, the other SAST anchor already in OLD (record #${signer.newSignerOldRecord?.index}); phones accept it.`);
  }

  // R4: only TVS can vouch; R6 when the anchors are gone as well.
  const tvsNames = oldList.records.filter(r => r.role === ROLE.TVS).map(label).join(', ');
  let sbd: Verdict;
  if (tvsChanged) {
    const rule: Rule = anchorsLost ? 'R6' : 'R4';
    sbd = {
      devices: 'security-by-default',
      outcome: 'rejected',
      rule,
      explanation: `NEW's signer ${signerName} is not trusted by OLD, and the TVS certificate changed in the same step (OLD: ${tvsNames}), so TVS cannot vouch: reset the phones' trust (ITLRecovery bulk reset or manual deletion).`,
    };
  } else {
    const tvs = oldTvs.size ? `OLD's TVS record(s) ${tvsNames}, unchanged in NEW` : `the TVS certificate in the phone's ITL (not part of OLD; it must stay unchanged)`;
    sbd = { devices: 'security-by-default', outcome: 'accepted-via-tvs', rule: 'R4', explanation: `NEW's signer ${signerName} is not in OLD; phones with Security by Default ask TVS, which vouches through ${tvs}.` };
  }
  const nonSbd: Verdict =
    newList.kind === 'ITL'
      ? { devices: 'no-security-by-default', outcome: 'accepted', rule: 'R5', explanation: 'These devices do not use the ITL; they are not affected.' }
      : { devices: 'no-security-by-default', outcome: 'rejected', rule: 'R5', explanation: `No TVS fallback: NEW's signer ${signerName} is not a SAST anchor of OLD, so 7940/7960, Jabber, TelePresence and 6901/6911 reject it until the CTL is deleted by hand on each device.` };
  return [sbd, nonSbd];
}

function warningsFor(oldList: TrustList, newList: TrustList, records: RecordDiff[], signer: SignerDiff, opts: CompareOptions): CompareWarning[] {
  const w: CompareWarning[] = [];
  const now = (opts.now ?? new Date()).getTime();
  const soon = (opts.expiryWarningDays ?? 30) * DAY;
  const sast = newList.records.filter(r => r.role === ROLE.SAST).length;
  if (sast > 2) w.push({ code: 'TOO_MANY_SAST', message: `NEW has ${sast} SAST records; at most 2 are valid.` });
  if (newList.length > PHONE_LIMIT) w.push({ code: 'FILE_TOO_LARGE', message: `NEW is ${newList.length} bytes; phones fail to load a trust list over 64 KB (65,536 bytes).` });
  if (newList.signature.digest === 'SHA512' && oldList.signature.digest !== 'SHA512') w.push({ code: 'SHA512_MOVE', message: `NEW is signed with SHA-512 while OLD used ${oldList.signature.digest ?? 'another digest'}: older phones cannot verify SHA-512.` });
  const tvsChanged = records.some(r => r.roleName === 'TVS' && r.status !== 'unchanged');
  if (signer.changed && tvsChanged) w.push({ code: 'SIGNER_AND_TVS_CHANGED', message: 'The signer and a TVS certificate changed in the same step: phones that do not trust the new signer cannot be vouched for by TVS.' });
  if (oldList.signature.status !== 'verified') w.push({ code: 'OLD_NOT_VERIFIED', message: `OLD does not verify (${oldList.signature.status}); the verdict assumes it is what the phones hold.` });
  for (const r of newList.records) {
    const c = r.certificate;
    if (!c) continue;
    const end = new Date(c.notAfter).getTime();
    const who = `record #${r.index} (${r.roleName}) ${label(r)}`;
    if (end < now) w.push({ code: 'CERT_EXPIRED', record: r.index, message: `${who} expired on ${c.notAfter.slice(0, 10)}.` });
    else if (end - now < soon) w.push({ code: 'CERT_EXPIRING', record: r.index, message: `${who} expires on ${c.notAfter.slice(0, 10)}, in ${Math.ceil((end - now) / DAY)} day(s).` });
    if (c.keyAlgorithm === 'RSA' && c.keySize < 2048) w.push({ code: 'WEAK_KEY', record: r.index, message: `${who} has a ${c.keySize}-bit RSA key (below 2048).` });
    if (/^(sha1|md5)/i.test(c.signatureAlgorithm) || c.signatureAlgorithm === 'ecdsa-with-SHA1') w.push({ code: 'WEAK_CERT_SIGNATURE', record: r.index, message: `${who} is signed with ${c.signatureAlgorithm}.` });
  }
  for (const r of records) {
    const where = `${r.roleName} ${r.host}`;
    if (r.status === 'removed') w.push({ code: 'RECORD_REMOVED', record: r.old?.index, message: `${where} (OLD record #${r.old?.index}) is not in NEW.` });
    if (r.status === 'added') w.push({ code: 'RECORD_ADDED', record: r.new?.index, message: `${where} (NEW record #${r.new?.index}) is new.` });
    if (r.status === 'changed' && r.differences.includes('fingerprint')) {
      const o = r.old?.certificate;
      const n = r.new?.certificate;
      w.push({ code: 'CERT_REPLACED', record: r.new?.index, message: `${where}: certificate replaced, serial ${o?.serial ?? '?'} → ${n?.serial ?? '?'}, ${o ? `${o.keyAlgorithm}-${o.keySize}` : '?'} → ${n ? `${n.keyAlgorithm}-${n.keySize}` : '?'}, valid until ${o?.notAfter.slice(0, 10) ?? '?'} → ${n?.notAfter.slice(0, 10) ?? '?'}.` });
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
