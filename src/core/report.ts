// report(folder): a TFTP folder at a glance. Built from small per-file summaries, so a folder of
// 50,000 ITLSEP files never stays decoded in memory: summarise() each list as it is read, drop the
// list, then buildReport() over the summaries. Pure: paths are plain strings, time comes in `now`.
import type { CertificateInfo, SignatureStatus, TrustList, TrustListKind, TrustRecord } from './model';
import { hostOf } from './compare';
import { commonName, subjectCn } from './names';
import { ROLE } from './tags';
import { at } from './hex';
import * as M from './messages';
import { fill, localizable, type Localizable } from './messages';

export interface ReportCertificate {
  /** Role name as the record says it (SAST, CCM+TFTP, TVS, …), `?` without a FUNCTION. */
  role: string;
  /** DNS name, else the subject's CN, else the IP address (as compare shows it). */
  host: string;
  /** The certificate's subject CN, when it has one. */
  commonName?: string;
  serial: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  isSigner: boolean;
}

export interface ReportSigner {
  /** 1-based record index. */
  index: number;
  commonName: string;
  serial: string;
  /** Empty when the signer's certificate could not be read. */
  sha256: string;
}

export interface FileError {
  code: string;
  message: string;
  /** The same sentence as a template, so an outlier's reason reads in the display language. Never in the JSON. */
  l10n?: Localizable;
  offset: number;
}

/** What the report keeps of one file: a few hundred bytes instead of the decoded list. */
export interface FileSummary {
  path: string;
  /** The path up to its last `/` or `\` (empty for a bare name). */
  folder: string;
  name: string;
  /** The kind the report judges the file by (FILENAME tag, else the file name). */
  kind: TrustListKind;
  /** What phones load it as, by its name. */
  fileNameKind: TrustListKind;
  /** From ITLSEP<MAC>.tlv / CTLSEP<MAC>.tlv names: 12 uppercase hex digits. */
  mac?: string;
  length: number;
  sha1: string;
  /** Absent when the caller asked for none (SummariseOptions.md5): the text and HTML reports show none. */
  md5?: string;
  /** Identifies the content: groups are keyed by it, so a SHA-1 collision cannot hide a file in another's group. */
  sha256: string;
  status: SignatureStatus;
  /** Decoded to the end with no error diagnostic. */
  complete: boolean;
  signer?: ReportSigner;
  /** SHA-256 of each TVS record's certificate (sorted, distinct); `serial:<hex>` when unreadable. */
  tvs: string[];
  records: number;
  /** Earliest notAfter over the file's readable certificates (ISO 8601). */
  earliestNotAfter?: string;
  certificates: ReportCertificate[];
  /** The first error diagnostic, else the signature's detail when the file does not verify. */
  error?: FileError;
  /**
   * Codes of the file's warnings (findings such as TOO_MANY_SAST, KIND_MISMATCH), each once. A list
   * decoded in `signer` mode has no record cross-checks (PUBLICKEY_MISMATCH, …): `show` has those.
   */
  warnings: string[];
}

export type OutlierCode = 'SIGNER_DIFFERS' | 'TVS_DIFFERS' | 'MALFORMED' | 'NOT_VERIFIED';

export interface OutlierReason {
  code: OutlierCode;
  /** English; the CLI, CSV, HTML and JSON show it. */
  message: string;
  /** The same sentence as a template, for the extension to translate. */
  l10n: Localizable;
}

export interface Outlier {
  path: string;
  folder: string;
  kind: TrustListKind;
  sha1: string;
  status: SignatureStatus;
  reasons: OutlierReason[];
}

/** Files of one folder with byte-identical content (same SHA-256; SHA-1 shown as CUCM shows it). */
export interface ContentGroup {
  sha1: string;
  sha256: string;
  md5?: string;
  kind: TrustListKind;
  length: number;
  status: SignatureStatus;
  complete: boolean;
  signer?: ReportSigner;
  records: number;
  earliestNotAfter?: string;
  count: number;
  /** Every file with this content, in the order read. */
  paths: string[];
}

/** What most files of one kind in a folder hold; outliers differ from it. */
export interface FolderMajority {
  kind: TrustListKind;
  files: number;
  /** The signer certificate (SHA-256) of more than half the files whose signer is known, and how many have it. */
  signer?: { sha256: string; commonName: string; serial: string; count: number; of: number };
  /** The TVS set of more than half the files that decoded whole, and how many have it. */
  tvs?: { sha256s: string[]; count: number; of: number };
}

export interface FolderReport {
  folder: string;
  files: number;
  verified: number;
  groups: ContentGroup[];
  majorities: FolderMajority[];
}

export interface TimelineEntry {
  /** Every role the certificate appears in, in order of first appearance. */
  roles: string[];
  host: string;
  commonName?: string;
  serial: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  expired: boolean;
  /** Not expired, and expires within `expiryWarningDays`. */
  expiring: boolean;
  /** Signed at least one file. */
  isSigner: boolean;
  /** How many files hold it. */
  files: number;
}

export interface ReportTotals {
  files: number;
  folders: number;
  verified: number;
  notVerified: number;
  malformed: number;
  distinctContents: number;
  outliers: number;
  certificates: number;
  expired: number;
  expiring: number;
}

export interface Report {
  /** Reference time of the expiry flags (ISO 8601). */
  generatedAt: string;
  expiryWarningDays: number;
  totals: ReportTotals;
  /** Outliers first: the files that need a look. */
  outliers: Outlier[];
  folders: FolderReport[];
  /** Sorted by notAfter, soonest first. */
  timeline: TimelineEntry[];
}

export interface ReportOptions {
  /** Reference time for expiry flags (default: now). */
  now?: Date;
  /** Flag certificates expiring within this many days (default 30). */
  expiryWarningDays?: number;
}

const DAY = 86_400_000;

/** Folder and name of a path, for `/` and `\` alike. */
export function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return { folder: '', name: path };
  return { folder: cut === 0 ? path[0] : path.slice(0, cut), name: path.slice(cut + 1) };
}

/** The MAC of an ITLSEP<MAC>.tlv / CTLSEP<MAC>.tlv name, uppercase. */
export function macOf(name: string): string | undefined {
  return /^(?:ITL|CTL)SEP([0-9A-F]{12})\.tlv$/i.exec(name)?.[1]?.toUpperCase();
}

/** The parts of a certificate the report shows. */
export type CertificateFacts = Pick<CertificateInfo, 'subject' | 'serial' | 'sha256' | 'notBefore' | 'notAfter'>;

export interface SummariseOptions {
  /**
   * Facts for a record whose certificate the decoder did not read (decode's `signer` mode reads only
   * SAST certificates): lets a caller parse each distinct certificate once across a folder. `null`:
   * the certificate is not readable X.509 (noted as CERTIFICATE_UNREADABLE in `warnings`).
   */
  certificateOf?: (record: TrustRecord) => CertificateFacts | null | undefined;
  /** Compute the file's MD5 (default true); the CSV and JSON reports print it. */
  md5?: boolean;
}

/** The report's view of one decoded list; keep this, drop the list. */
export function summarise(list: TrustList, path: string, options: SummariseOptions = {}): FileSummary {
  const { folder, name } = splitPath(path);
  const certificates: ReportCertificate[] = [];
  const tvs = new Set<string>();
  let earliest: string | undefined;
  let signer: ReportSigner | undefined;
  const warnings = new Set<string>();
  for (const d of list.diagnostics) if (d.severity === 'warning') warnings.add(d.code);
  for (const r of list.records) {
    const looked = r.certificate || r.certificateError !== undefined ? undefined : options.certificateOf?.(r);
    if (looked === null) warnings.add('CERTIFICATE_UNREADABLE');
    const c: CertificateFacts | undefined = r.certificate ?? looked ?? undefined;
    if (r.isSigner) {
      signer = { index: r.index, commonName: subjectCn(c?.subject) ?? commonName(r.subjectName) ?? r.subjectName ?? '', serial: c?.serial ?? r.serial ?? '', sha256: c?.sha256 ?? '' };
    }
    if (r.role === ROLE.TVS) tvs.add(c?.sha256 ?? `serial:${r.serial ?? ''}`);
    if (!c) continue;
    certificates.push({ role: r.roleName ?? '?', host: hostOf(r), commonName: subjectCn(c.subject), serial: c.serial, sha256: c.sha256, notBefore: c.notBefore, notAfter: c.notAfter, isSigner: r.isSigner });
    if (earliest === undefined || c.notAfter < earliest) earliest = c.notAfter;
  }
  const firstError = list.diagnostics.find(d => d.severity === 'error');
  const complete = list.complete && !firstError;
  const error: FileError | undefined = firstError
    ? { code: firstError.code, message: firstError.message, l10n: firstError.l10n, offset: firstError.offset }
    : list.signature.status !== 'verified' ? { code: `SIGNATURE_${list.signature.status.toUpperCase().replace(/-/g, '_')}`, message: list.signature.detail, l10n: list.signature.l10n, offset: list.header.signature?.start ?? 0 } : undefined;
  const s: FileSummary = {
    path, folder, name,
    kind: list.kind, fileNameKind: list.fileNameKind,
    length: list.length, sha1: list.checksums.sha1, md5: options.md5 === false ? undefined : list.checksums.md5, sha256: list.checksums.sha256,
    status: list.signature.status, complete,
    tvs: [...tvs].sort(), records: list.records.length, certificates,
    warnings: [...warnings],
    // Every key on every summary, absent ones undefined (JSON leaves them out): one object shape, so the
    // report's loops over 50,000 summaries read their properties at full speed.
    mac: macOf(name), signer, earliestNotAfter: earliest, error,
  };
  return s;
}

/** The same content read under another path: shares everything but the names (see the CLI's cache). */
export function relocate(s: FileSummary, path: string): FileSummary {
  const { folder, name } = splitPath(path);
  // summarise() gives every summary every key, in one order: the copy keeps it (and the JSON reads the same).
  return { ...s, path, folder, name, mac: macOf(name) };
}

const reason = (code: OutlierCode, l10n: Localizable): OutlierReason => ({ code, message: fill(l10n), l10n });

/** The value more than half of the keyed items share, with its count and how many items had a key. */
function majorityOf<T>(items: T[], key: (t: T) => string | undefined): { key: string; item: T; count: number; of: number } | undefined {
  const counts = new Map<string, { item: T; count: number }>();
  let of = 0;
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    of++;
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { item: it, count: 1 });
  }
  for (const [k, v] of counts) if (v.count * 2 > of) return { key: k, ...v, of };
  return undefined;
}

const tvsKey = (s: FileSummary) => (s.complete ? s.tvs.join(',') : undefined);
const signerKey = (s: FileSummary) => (s.signer?.sha256 || undefined);

export function buildReport(summaries: Iterable<FileSummary>, options: ReportOptions = {}): Report {
  const now = (options.now ?? new Date()).getTime();
  const warnDays = options.expiryWarningDays ?? 30;
  const byFolder = new Map<string, FileSummary[]>();
  for (const s of summaries) {
    const f = byFolder.get(s.folder);
    if (f) f.push(s);
    else byFolder.set(s.folder, [s]);
  }

  const folders: FolderReport[] = [];
  const outliers: Outlier[] = [];
  const timeline = new Map<string, TimelineEntry>();
  const totals: ReportTotals = { files: 0, folders: byFolder.size, verified: 0, notVerified: 0, malformed: 0, distinctContents: 0, outliers: 0, certificates: 0, expired: 0, expiring: 0 };
  const contents = new Set<string>();

  for (const folder of [...byFolder.keys()].sort()) {
    const files = byFolder.get(folder)!;
    const groups = new Map<string, ContentGroup>();
    for (const s of files) {
      totals.files++;
      contents.add(s.sha256);
      if (s.status === 'verified') totals.verified++;
      else totals.notVerified++;
      if (!s.complete) totals.malformed++;
      const g = groups.get(s.sha256);
      if (g) {
        g.count++;
        g.paths.push(s.path);
      } else {
        const group: ContentGroup = { sha1: s.sha1, sha256: s.sha256, md5: s.md5, kind: s.kind, length: s.length, status: s.status, complete: s.complete, records: s.records, count: 1, paths: [s.path] };
        if (s.signer) group.signer = s.signer;
        if (s.earliestNotAfter) group.earliestNotAfter = s.earliestNotAfter;
        groups.set(s.sha256, group);
      }
      for (const c of s.certificates) {
        const t = timeline.get(c.sha256);
        if (t) {
          if (!t.roles.includes(c.role)) t.roles.push(c.role);
          t.isSigner ||= c.isSigner;
          t.files++;
          continue;
        }
        const end = Date.parse(c.notAfter);
        const expired = end < now;
        const entry: TimelineEntry = { roles: [c.role], host: c.host, serial: c.serial, sha256: c.sha256, notBefore: c.notBefore, notAfter: c.notAfter, expired, expiring: !expired && end - now <= warnDays * DAY, isSigner: c.isSigner, files: 1 };
        if (c.commonName !== undefined) entry.commonName = c.commonName;
        timeline.set(c.sha256, entry);
      }
    }

    // Outliers: against the majority of the folder's files of the same kind.
    const majorities: FolderMajority[] = [];
    const reasons = new Map<FileSummary, OutlierReason[]>();
    const add = (s: FileSummary, r: OutlierReason) => {
      const list = reasons.get(s);
      if (list) list.push(r);
      else reasons.set(s, [r]);
    };
    for (const s of files) {
      if (!s.complete) add(s, reason('MALFORMED', localizable(M.REPORT_OUTLIER_MALFORMED, { at: at(s.error?.offset ?? 0), error: s.error?.l10n ?? s.error?.message ?? '' })));
      else if (s.status !== 'verified') add(s, reason('NOT_VERIFIED', localizable(M.REPORT_OUTLIER_NOT_VERIFIED, { status: s.status, detail: s.error?.l10n ?? s.error?.message ?? '' })));
    }
    for (const kind of ['CTL', 'ITL', 'unknown'] as const) {
      const same = files.filter(s => s.kind === kind);
      if (!same.length) continue;
      const m: FolderMajority = { kind, files: same.length };
      const signer = majorityOf(same, signerKey);
      if (signer) m.signer = { sha256: signer.key, commonName: signer.item.signer?.commonName ?? '', serial: signer.item.signer?.serial ?? '', count: signer.count, of: signer.of };
      const tvs = majorityOf(same, tvsKey);
      if (tvs) m.tvs = { sha256s: tvs.item.tvs, count: tvs.count, of: tvs.of };
      majorities.push(m);
      for (const s of same) {
        const k = signerKey(s);
        if (signer && k !== undefined && k !== signer.key) {
          add(s, reason('SIGNER_DIFFERS', localizable(M.REPORT_OUTLIER_SIGNER, { signer: s.signer?.commonName ?? '', serial: s.signer?.serial ?? '', majority: signer.item.signer?.commonName ?? '', majoritySerial: signer.item.signer?.serial ?? '', count: signer.count, total: signer.of, kind })));
        }
        const t = tvsKey(s);
        if (tvs && t !== undefined && t !== tvs.key) {
          add(s, reason('TVS_DIFFERS', localizable(M.REPORT_OUTLIER_TVS, { tvs: s.tvs.length, majority: tvs.item.tvs.length, count: tvs.count, total: tvs.of, kind })));
        }
      }
    }
    for (const s of files) {
      const r = reasons.get(s);
      if (r) outliers.push({ path: s.path, folder: s.folder, kind: s.kind, sha1: s.sha1, status: s.status, reasons: r });
    }
    folders.push({ folder, files: files.length, verified: files.filter(s => s.status === 'verified').length, groups: [...groups.values()].sort((a, b) => b.count - a.count), majorities });
  }

  const entries = [...timeline.values()].sort((a, b) => (a.notAfter < b.notAfter ? -1 : a.notAfter > b.notAfter ? 1 : a.sha256 < b.sha256 ? -1 : 1));
  totals.distinctContents = contents.size;
  totals.outliers = outliers.length;
  totals.certificates = entries.length;
  totals.expired = entries.filter(e => e.expired).length;
  totals.expiring = entries.filter(e => e.expiring).length;
  return { generatedAt: new Date(now).toISOString(), expiryWarningDays: warnDays, totals, outliers, folders, timeline: entries };
}

/** One sentence summing the report up, as a template: `fill()` gives the English. */
export function reportTotalsL10n(t: ReportTotals): Localizable {
  return localizable(M.REPORT_TOTALS, { files: t.files, folders: t.folders, verified: t.verified, notVerified: t.notVerified, contents: t.distinctContents, outliers: t.outliers, certificates: t.certificates, expired: t.expired, expiring: t.expiring });
}

/** The CLI's exit status rule: there are files, and every one verified. */
export const allVerified = (r: Report) => r.totals.files > 0 && r.totals.notVerified === 0;
