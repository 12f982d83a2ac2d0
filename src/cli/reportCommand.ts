// `report DIR… [--json | --csv | --html FILE]`: a TFTP folder at a glance. Each file is read,
// decoded, summarised and dropped; the report is built over the summaries (src/core/report.ts).
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { inert } from '../core/dump';
import { allVerified, buildReport, reportTotalsL10n, type FileSummary, type Report } from '../core/report';
import { fill } from '../core/messages';
import { orderedRun } from '../node/workerPool';
import { IoError, isRemote, tlvFiles } from './files';
import { compactor, failure, isFailure, rethrow, summariser, type SummariseOptions, type SummaryResult } from './folderTasks';
import { batchSize, breathe, workerPool } from './jobs';
import { UsageError } from './usage';
import { renderReportHtml } from '../shared/reportHtml';

export const REPORT_USAGE = 'report [--json|--csv|--html FILE] [--jobs N] DIR…  a folder at a glance: groups, outliers, certificate timeline';

export type { SummariseOptions } from './folderTasks';

/**
 * Summaries of every .tlv file under `paths`, each path once, in file order. With more than one job the
 * files are read, decoded and summarised by worker threads (each with its own certificate reader and
 * content cache); only the small summaries come back, so the folder is never held decoded.
 */
export async function summariseFiles(paths: string[], options: SummariseOptions & { jobs?: number } = {}): Promise<FileSummary[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const path of paths) {
    for (const file of tlvFiles(path)) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push(file);
    }
  }
  const out: FileSummary[] = [];
  const compact = compactor();
  const s = summariser(options);
  const pool = workerPool<string, SummaryResult>(options.jobs, files.filter(f => !isRemote(f)).length, { command: 'report', report: { certificates: options.certificates, cache: options.cache, md5: options.md5 } });
  if (pool) {
    const inProcess = async (file: string): Promise<SummaryResult> => {
      try {
        return await s.remote(file);
      } catch (e) {
        return failure(e);
      }
    };
    try {
      await orderedRun(files, pool, { batch: batchSize(files.length, pool.size), local: f => !isRemote(f), inProcess }, results => {
        // Copies from the workers: share their common parts again on this side.
        for (const r of results) out.push(compact(isFailure(r) ? rethrow(r) : r));
      });
    } finally {
      pool.terminate();
    }
    return out;
  }
  for (const file of files) {
    // The summariser has compacted these already.
    out.push(isRemote(file) ? await s.remote(file) : s.local(file));
    if (out.length % 256 === 0) await breathe();
  }
  return out;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '-');
const short = (hex: string) => (hex.length > 16 ? `${hex.slice(0, 16)}…` : hex);

/**
 * Rows as aligned lines, each cell escaped first (so the columns line up with what is printed); the cells
 * are escaped in place. Loops, not map/reduce/spread: a folder of 50,000 distinct files is a table of
 * 50,000 rows (and 200,000 would pass V8's argument limit in a Math.max(...)).
 */
function table(rows: string[][], indent = '  '): string[] {
  const columns = rows[0].length;
  const widths = new Array<number>(columns).fill(0);
  for (const r of rows) {
    for (let i = 0; i < columns; i++) {
      const cell = (r[i] = inert(r[i]));
      if (cell.length > widths[i]) widths[i] = cell.length;
    }
  }
  const lines = new Array<string>(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    let line = indent;
    for (let i = 0; i < columns - 1; i++) line += `${r[i].padEnd(widths[i])}  `;
    lines[j] = (line + r[columns - 1]).trimEnd();
  }
  return lines;
}

/** The text view: totals, outliers first, then each folder's groups, then the timeline. */
export function renderReportText(r: Report): string {
  // Every line escaped, so no name or message from a file can add a line or reorder one: the free text here,
  // the table lines cell by cell (padding and joins add only spaces).
  const out: string[] = [];
  const push = (...lines: string[]) => {
    for (const line of lines) out.push(inert(line));
  };
  push(fill(reportTotalsL10n(r.totals)));
  push('', `Outliers (${r.outliers.length})`);
  if (!r.outliers.length) push('  none');
  for (const o of r.outliers) {
    push(`  ${o.path}  ${o.kind}  ${o.status}`);
    for (const why of o.reasons) push(`    [${why.code}] ${why.message}`);
  }
  push('', 'Folders');
  for (const f of r.folders) {
    push(`  ${f.folder || '.'}: ${f.files} file(s), ${f.verified} verified, ${f.groups.length} distinct content(s)`);
    const rows = [['count', 'kind', 'status', 'records', 'earliest expiry', 'sha1', 'signer', 'files']];
    for (const g of f.groups) {
      const names = g.paths.slice(0, 3).map(p => basename(p)).join(', ') + (g.paths.length > 3 ? `, … (${g.paths.length - 3} more)` : '');
      const signer = g.signer ? `#${g.signer.index} ${g.signer.commonName} (serial ${g.signer.serial})` : '-';
      rows.push([String(g.count), g.kind, g.status, String(g.records), day(g.earliestNotAfter), short(g.sha1), signer, names]);
    }
    for (const line of table(rows, '    ')) out.push(line);
  }
  push('', `Certificate timeline (${r.timeline.length}; as of ${day(r.generatedAt)}, expiring = within ${r.expiryWarningDays} days)`);
  const rows = [['not after', 'not before', 'state', 'signer', 'roles', 'files', 'serial', 'sha256', 'host']];
  for (const t of r.timeline) {
    rows.push([day(t.notAfter), day(t.notBefore), t.expired ? 'EXPIRED' : t.expiring ? 'EXPIRING' : 'ok', t.isSigner ? 'yes' : '', t.roles.join('+'), String(t.files), t.serial, short(t.sha256), t.host]);
  }
  if (r.timeline.length) for (const line of table(rows)) out.push(line);
  else push('  none');
  return `${out.join('\n')}\n`;
}

/** RFC 4180 cell; a cell a spreadsheet would run as a formula (= + - @, tab, CR) starts with an apostrophe. */
export function csvCell(value: string | number | boolean | undefined): string {
  let s = value === undefined ? '' : typeof value === 'string' ? inert(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = ['path', 'folder', 'name', 'kind', 'fileNameKind', 'mac', 'status', 'verified', 'complete', 'records', 'length', 'sha1', 'md5',
  'signerIndex', 'signerCN', 'signerSerial', 'signerSha256', 'tvsSha256', 'earliestNotAfter', 'outlier', 'reasons', 'error', 'errorOffset', 'warnings'] as const;

/** One row per file, in the order read. */
export function renderReportCsv(r: Report, files: FileSummary[]): string {
  const reasons = new Map(r.outliers.map(o => [o.path, o.reasons]));
  const rows = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const s of files) {
    const why = reasons.get(s.path) ?? [];
    rows.push([
      s.path, s.folder, s.name, s.kind, s.fileNameKind, s.mac, s.status, s.status === 'verified', s.complete, s.records, s.length, s.sha1, s.md5,
      s.signer?.index, s.signer?.commonName, s.signer?.serial, s.signer?.sha256, s.tvs.join(' '), s.earliestNotAfter,
      why.length > 0, why.map(w => `${w.code}: ${w.message}`).join(' | '), s.error?.message, s.error?.offset, s.warnings.join(' '),
    ].map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

export interface ReportFlags {
  /** Worker threads (1 = in this process); default one per core. */
  jobs?: number;
  json?: boolean;
  csv?: boolean;
  html?: string;
}

export async function runReport(paths: string[], flags: ReportFlags, write: (s: string) => void, now = new Date()): Promise<number> {
  const formats = [flags.json, flags.csv, flags.html !== undefined].filter(Boolean).length;
  if (formats > 1) throw new UsageError('choose one of --json, --csv and --html', 'report');
  if (flags.html === '') throw new UsageError('--html needs a file name', 'report');
  // Only the CSV and JSON print each file's MD5.
  const files = await summariseFiles(paths, { jobs: flags.jobs, md5: flags.json === true || flags.csv === true });
  if (files.length === 0) throw new UsageError(`no .tlv files found in ${paths.join(' ')}`, 'report');
  const report = buildReport(files, { now });
  if (flags.json) {
    // The model, then one entry per file without its certificates (the timeline holds each once). The
    // l10n templates are for the extension's translations; the JSON keeps the English sentences.
    const perFile = files.map(({ certificates: _, ...rest }) => rest);
    write(`${JSON.stringify({ ...report, files: perFile }, (key, value: unknown) => (key === 'l10n' ? undefined : value), 2)}\n`);
  } else if (flags.csv) {
    write(renderReportCsv(report, files));
  } else if (flags.html !== undefined) {
    try {
      writeFileSync(flags.html, renderReportHtml(report, files));
    } catch (e) {
      throw new IoError(inert(`cannot write ${flags.html}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`));
    }
    write(`${inert(`${fill(reportTotalsL10n(report.totals))} Written to ${flags.html}.`)}\n`);
  } else {
    write(renderReportText(report));
  }
  return allVerified(report) ? 0 : 1;
}
