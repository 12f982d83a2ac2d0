// The report webview's model: the core Report plus per-file rows and outlier rows in the display
// language, and for each outlier the folder's majority file to compare it with. Pure (no vscode
// import): the host passes its translator, unit tests pass `fill`.
import type { FileSummary, FolderReport, Outlier, Report } from '../../core/report';
import type { Localizable } from '../../core/messages';
import { reportTotalsL10n } from '../../core/report';
import type { ReportFileRow, ReportMajorityFile, ReportModel, ReportOutlierRow } from '../../shared/reportProtocol';

export interface ReportInput {
  /** The file's URI, string form. */
  uri: string;
  summary: FileSummary;
}

/**
 * The file a folder's majority holds for the outlier's kind: from the content groups of that folder
 * and kind other than the outlier's own, those whose signer (and TVS set) is the folder majority's;
 * verified before not, then the largest. Undefined when the folder has no majority signer (or TVS set)
 * for that kind.
 */
export function majorityFile(folder: FolderReport | undefined, byPath: ReadonlyMap<string, ReportInput>, outlier: Outlier): ReportMajorityFile | undefined {
  const majority = folder?.majorities.find(m => m.kind === outlier.kind);
  // A majority of files with no TVS record says little about which file is right: a signer, or a TVS set.
  if (!folder || !majority || (!majority.signer && !majority.tvs?.sha256s.length)) return undefined;
  const own = byPath.get(outlier.path)?.summary.sha256;
  const tvsKey = majority.tvs?.sha256s.join(',');
  const candidates = folder.groups.filter(g => {
    if (g.kind !== outlier.kind || g.sha256 === own) return false;
    const s = byPath.get(g.paths[0])?.summary;
    if (!s) return false;
    if (majority.signer && s.signer?.sha256 !== majority.signer.sha256) return false;
    if (tvsKey !== undefined && (!s.complete || s.tvs.join(',') !== tvsKey)) return false;
    return true;
  });
  candidates.sort((a, b) => Number(b.status === 'verified') - Number(a.status === 'verified') || b.count - a.count);
  const best = candidates[0];
  const input = best && byPath.get(best.paths[0]);
  return input ? { path: input.summary.path, uri: input.uri, name: input.summary.name, count: best.count } : undefined;
}

export function buildReportModel(report: Report, inputs: readonly ReportInput[], translate: (l: Localizable) => string, scope: string): ReportModel {
  const byPath = new Map(inputs.map(i => [i.summary.path, i]));
  const folders = new Map(report.folders.map(f => [f.folder, f]));
  const outliers: ReportOutlierRow[] = [];
  const reasonsOf = new Map<string, string[]>();
  for (const o of report.outliers) {
    const input = byPath.get(o.path);
    const reasons = o.reasons.map(r => ({ code: r.code, text: translate(r.l10n) }));
    reasonsOf.set(o.path, reasons.map(r => r.text));
    const row: ReportOutlierRow = {
      path: o.path, uri: input?.uri ?? '', name: input?.summary.name ?? o.path, folder: o.folder, kind: o.kind, status: o.status, reasons,
    };
    const majority = majorityFile(folders.get(o.folder), byPath, o);
    if (majority) row.majority = majority;
    outliers.push(row);
  }
  const files = inputs.map(({ uri, summary: s }): ReportFileRow => {
    const row: ReportFileRow = { path: s.path, uri, name: s.name, folder: s.folder, kind: s.kind, status: s.status, records: s.records, sha1: s.sha1, sha256: s.sha256 };
    if (s.mac) row.mac = s.mac;
    if (s.signer) row.signer = { commonName: s.signer.commonName, serial: s.signer.serial };
    if (s.earliestNotAfter) row.earliestNotAfter = s.earliestNotAfter;
    const reasons = reasonsOf.get(s.path);
    if (reasons) row.reasons = reasons;
    return row;
  });
  return { report, totals: translate(reportTotalsL10n(report.totals)), files, outliers, scope };
}
