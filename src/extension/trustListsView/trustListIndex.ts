// Every trust list of the workspace, kept as the report's small per-file summaries plus the file's
// problems. At most IN_FLIGHT files at once go to the host's scanner (worker threads in a Node host,
// short slices of this thread in the web host), which decodes in `signer` mode, summarises and lists the
// problems (core/scan.ts). Files are read through workspace.fs (untrusted, remote and virtual
// workspaces), except a Node host's `file:` files, which its workers read from the disk themselves.
// Watcher events are gathered and the files they name re-read together (a folder of 50,000 copied in is
// a few batches, not 50,000 refreshes); listeners learn which folders and files changed, so the view
// refreshes one folder and the Problems panel republishes what changed. Each scan measures the longest
// task it left on the host's thread and logs it.
import * as vscode from 'vscode';
import { buildReport, type FileSummary, type Report } from '../../core/report';
import type { Problem } from '../../core/problems';
import type { ScanResult, TrustListScanner } from '../../core/scan';
import { Disposable } from '../dispose';
import { baseName, readTrustListFile } from '../loadTrustList';
import { ports } from '../ports';
import { readSettings } from '../settings';
import { InThreadScanner } from './inThreadScanner';
import { MainThreadMonitor, type MainThreadStats } from './mainThreadMonitor';

export interface IndexEntry {
  uri: vscode.Uri;
  summary: FileSummary;
  /** The file's own problems (without its folder's outlier reasons, which come from the folder's report). */
  problems: Problem[];
}

export interface IndexChange {
  /** Folder keys (FileSummary.folder) whose files changed; undefined: everything may have. */
  folders?: string[];
  /** Files that went away. */
  removed: vscode.Uri[];
  /** Files read again (with `folders`); undefined: every file of those folders may have changed. */
  changed?: vscode.Uri[];
}

/** Files read at once (each read, then scanned, then the next): a folder of 50,000 never opens 50,000 reads. */
const IN_FLIGHT = 32;
/** Above this many files, the scan shows a cancellable notification. */
const PROGRESS_THRESHOLD = 300;
/** The notification's count moves at most this often. */
const PROGRESS_EVERY_MS = 250;
/** Watcher events are gathered this long (after the last one) before the files are re-read together. */
const SETTLE_MS = 100;
/** …but no longer than this while events keep coming. */
const SETTLE_MAX_MS = 1000;

/** How long one scan took and the longest task it left on the extension host's thread. */
export interface ScanStats extends MainThreadStats {
  /** `scan`: a full scan (findFiles and every file); `refresh`: files the watcher named, re-read together. */
  kind: 'scan' | 'refresh';
  files: number;
  cancelled?: boolean;
}

/**
 * A folder of ITLSEP files is thousands of copies of a handful of lists, and each result that comes back
 * from a worker is a fresh copy: keep one of each part that repeats (certificates, TVS set, problems…).
 * Nobody mutates an entry's summary or problems, so sharing them is safe.
 */
class Interner {
  private readonly parts = new Map<string, unknown>();
  private readonly strings = new Map<string, string>();

  part<T>(value: T): T {
    if (value === undefined) return value;
    const key = JSON.stringify(value);
    const known = this.parts.get(key);
    if (known !== undefined) return known as T;
    if (this.parts.size >= 10000) this.parts.clear();
    this.parts.set(key, value);
    return value;
  }

  string(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    if (this.strings.size >= 50000) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }

  result({ summary: s, problems }: ScanResult): ScanResult {
    const summary: FileSummary = {
      ...s, folder: this.string(s.folder), sha1: this.string(s.sha1), md5: s.md5 && this.string(s.md5), sha256: this.string(s.sha256),
      tvs: this.part(s.tvs), certificates: this.part(s.certificates), warnings: this.part(s.warnings),
    };
    if (s.signer) summary.signer = this.part(s.signer);
    if (s.error) summary.error = this.part(s.error);
    return { summary, problems: this.part(problems) };
  }
}

const isNotFound = (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
const parentOf = (uri: vscode.Uri) => uri.with({ path: uri.path.replace(/\/[^/]*$/, '') || '/' });

export class TrustListIndex extends Disposable {
  private readonly entries = new Map<string, IndexEntry>();
  /** Each folder's report, built when first asked for and dropped when one of its files changes. */
  private readonly reports = new Map<string, Report>();
  private readonly changed = this._register(new vscode.EventEmitter<IndexChange>());
  readonly onDidChange = this.changed.event;
  private scanner: TrustListScanner;
  private scanning: Promise<void> | undefined;
  private generation = 0;
  /** What the watcher named since the last batch: files to re-read, folders that may have gone. */
  private readonly pendingFiles = new Map<string, vscode.Uri>();
  private readonly pendingFolders = new Map<string, vscode.Uri>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private settleSince: number | undefined;
  private batches: Promise<void> = Promise.resolve();
  private readonly lastStats: { scan?: ScanStats; refresh?: ScanStats } = {};
  private readonly interner = new Interner();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const host = ports();
    this.scanner = host.createScanner?.() ?? new InThreadScanner(host.crypto);
    this._register(new vscode.Disposable(() => this.scanner.dispose()));
    this.log.info(`trust lists are scanned ${this.scanner instanceof InThreadScanner ? 'on the extension host\'s thread' : 'in worker threads'}`);
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.tlv'));
    this._register(watcher.onDidCreate(uri => this.schedule(uri)));
    this._register(watcher.onDidChange(uri => this.schedule(uri)));
    this._register(watcher.onDidDelete(uri => this.schedule(uri)));
    // A deleted folder: the watcher reports the folder alone, not each file under it (VS Code drops the
    // children's events), so a second watcher hears every deletion and re-reads the files it held.
    const deletions = this._register(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
    this._register(deletions.onDidDelete(uri => {
      if (!/\.tlv$/i.test(uri.path)) this.scheduleFolder(uri);
    }));
    // A folder deleted or renamed in the Explorer may not produce an event per file under it.
    this._register(vscode.workspace.onDidDeleteFiles(e => e.files.forEach(uri => this.scheduleFolder(uri))));
    this._register(vscode.workspace.onDidRenameFiles(e => e.files.forEach(({ oldUri, newUri }) => {
      this.scheduleFolder(oldUri);
      void vscode.workspace.findFiles(new vscode.RelativePattern(newUri, '**/*.tlv')).then(uris => uris.forEach(u => this.schedule(u)), () => undefined);
      if (/\.tlv$/i.test(newUri.path)) this.schedule(newUri);
    })));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      // Expiry warnings depend on it.
      if (e.affectsConfiguration('tlvViewer.expiryWarningDays')) void this.rescan();
    }));
    this._register(new vscode.Disposable(() => {
      if (this.settleTimer) clearTimeout(this.settleTimer);
    }));
  }

  /** Resolves when the current scan is done (starting the first one if needed). */
  ready(): Promise<void> {
    return this.scanning ?? this.rescan();
  }

  /** Resolves when the current scan and the re-reads the watcher asked for so far are done. */
  async settled(): Promise<void> {
    for (;;) {
      await this.ready();
      await this.batches;
      if (!this.settleTimer && !this.pendingFiles.size && !this.pendingFolders.size) return;
      await new Promise(r => setTimeout(r, SETTLE_MS));
    }
  }

  /** How many trust lists the index holds. */
  get size(): number {
    return this.entries.size;
  }

  /** The last full scan and the last batch of re-reads: time, files, longest main-thread task. */
  stats(): { scan?: ScanStats; refresh?: ScanStats } {
    return { ...this.lastStats };
  }

  all(): IndexEntry[] {
    return [...this.entries.values()];
  }

  entry(uri: vscode.Uri): IndexEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Entries of one folder key, or of every folder at or under a workspace URI. */
  inFolder(folder: string): IndexEntry[] {
    return this.all().filter(e => e.summary.folder === folder);
  }

  under(uri: vscode.Uri): IndexEntry[] {
    const prefix = uri.toString().replace(/\/$/, '') + '/';
    return this.all().filter(e => e.uri.toString().startsWith(prefix) || e.uri.toString() === uri.toString());
  }

  report(entries: IndexEntry[]): Report {
    return buildReport(entries.map(e => e.summary), { expiryWarningDays: readSettings().expiryWarningDays });
  }

  /** The report of one folder key (groups, majorities, outliers), shared by the view and the Problems panel. */
  folderReport(folder: string): Report {
    let r = this.reports.get(folder);
    if (!r) this.reports.set(folder, (r = this.report(this.inFolder(folder))));
    return r;
  }

  /** A full scan: findFiles, then every file, IN_FLIGHT at a time; cancellable with a notification when large. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    // The scan reads them all anyway.
    this.pendingFiles.clear();
    this.pendingFolders.clear();
    const run = async (): Promise<void> => {
      const monitor = new MainThreadMonitor();
      const uris = await vscode.workspace.findFiles('**/*.tlv');
      const days = readSettings().expiryWarningDays;
      let cancelled = false;
      const scan = async (progress?: Progress, token?: vscode.CancellationToken): Promise<boolean> => {
        const fresh = new Map<string, IndexEntry>();
        const stop = () => token?.isCancellationRequested === true || generation !== this.generation;
        await this.each(uris, async uri => {
          const e = await this.read(uri, days);
          if (e) fresh.set(uri.toString(), e);
        }, stop, progressReporter(uris.length, progress));
        if (generation !== this.generation) return false;
        cancelled = token?.isCancellationRequested === true;
        const removed = [...this.entries.values()].filter(e => !fresh.has(e.uri.toString())).map(e => e.uri);
        this.entries.clear();
        this.reports.clear();
        for (const [k, v] of fresh) this.entries.set(k, v);
        this.changed.fire({ removed });
        return true;
      };
      const done = uris.length > PROGRESS_THRESHOLD
        ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} trust lists', uris.length), cancellable: true },
          (progress, token) => scan(progress, token))
        : await scan();
      const stats = monitor.stop();
      if (!done) return;
      this.lastStats.scan = { kind: 'scan', files: this.entries.size, ...stats, ...(cancelled ? { cancelled } : {}) };
      this.log.info(`scanned ${this.entries.size} trust lists in ${stats.ms} ms; longest main-thread task ${stats.longestTaskMs} ms${cancelled ? ` (cancelled, ${uris.length} found)` : ''}`);
    };
    const p = run().catch(e => this.log.error(`trust list scan failed: ${(e as Error).message}`));
    this.scanning = p;
    return p;
  }

  private schedule(uri: vscode.Uri): void {
    this.pendingFiles.set(uri.toString(), uri);
    this.arm();
  }

  /** A folder (or file) that may have gone: whatever the index holds under it is checked. */
  private scheduleFolder(uri: vscode.Uri): void {
    this.pendingFolders.set(uri.toString(), uri);
    this.arm();
  }

  /** Waits until the watcher has been quiet for SETTLE_MS (SETTLE_MAX_MS at most), then re-reads the batch. */
  private arm(): void {
    const now = Date.now();
    this.settleSince ??= now;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.settleSince = undefined;
      this.batches = this.batches.then(() => this.flush()).catch(e => this.log.error(`trust list refresh failed: ${(e as Error).message}`));
    }, Math.max(0, Math.min(SETTLE_MS, this.settleSince + SETTLE_MAX_MS - now)));
  }

  /** Re-reads the files the watcher named (or forgets those that are gone) and reports what changed. */
  private async flush(): Promise<void> {
    await this.scanning;
    if (!this.pendingFiles.size && !this.pendingFolders.size) return;
    // A full scan started meanwhile reads every file: the rest of this batch is moot.
    const generation = this.generation;
    const superseded = () => generation !== this.generation;
    const files = new Map(this.pendingFiles);
    const gone = [...this.pendingFolders.values()];
    this.pendingFiles.clear();
    this.pendingFolders.clear();
    const monitor = new MainThreadMonitor();
    const days = readSettings().expiryWarningDays;
    const folders = new Set<string>();
    const removed: vscode.Uri[] = [];
    const changed: vscode.Uri[] = [];
    const forget = (key: string) => {
      const e = this.entries.get(key);
      files.delete(key);
      if (!e) return;
      this.entries.delete(key);
      folders.add(e.summary.folder);
      removed.push(e.uri);
    };
    // A folder that is gone takes its files with it, unread; one still there has each of its files checked.
    for (const uri of gone) {
      const under = this.under(uri);
      if (!under.length) continue;
      if (await this.exists(uri)) under.forEach(e => files.set(e.uri.toString(), e.uri));
      else under.forEach(e => forget(e.uri.toString()));
    }
    // Files whose folder is gone (the watcher named each file of a deleted folder): one look per folder.
    const byParent = new Map<string, { parent: vscode.Uri; keys: string[] }>();
    for (const [key, uri] of files) {
      const parent = parentOf(uri);
      const p = byParent.get(parent.toString());
      if (p) p.keys.push(key);
      else byParent.set(parent.toString(), { parent, keys: [key] });
    }
    if (byParent.size > 1 || files.size > 1) {
      await this.each([...byParent.values()], async ({ parent, keys }) => {
        if (!(await this.exists(parent))) keys.forEach(forget);
      }, () => false);
    }
    const run = async (progress?: Progress, token?: vscode.CancellationToken) => {
      await this.each([...files.values()], async uri => {
        const key = uri.toString();
        const before = this.entries.get(key);
        const after = vscode.workspace.getWorkspaceFolder(uri) !== undefined ? await this.read(uri, days, before) : undefined;
        if (after === before) return;
        if (before) folders.add(before.summary.folder);
        if (after) {
          this.entries.set(key, after);
          folders.add(after.summary.folder);
          changed.push(uri);
        } else {
          this.entries.delete(key);
          removed.push(uri);
        }
      }, () => token?.isCancellationRequested === true || superseded(), progressReporter(files.size, progress));
    };
    if (files.size > PROGRESS_THRESHOLD) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} trust lists', files.size), cancellable: true },
        (progress, token) => run(progress, token));
    } else {
      await run();
    }
    if (folders.size) {
      for (const f of folders) this.reports.delete(f);
      this.changed.fire({ folders: [...folders], removed, changed });
    }
    const stats = monitor.stop();
    const count = files.size + removed.length;
    this.lastStats.refresh = { kind: 'refresh', files: count, ...stats };
    const line = `re-read ${files.size} and forgot ${removed.length} trust lists in ${stats.ms} ms; longest main-thread task ${stats.longestTaskMs} ms`;
    if (count > PROGRESS_THRESHOLD) this.log.info(line);
    else this.log.trace(line);
  }

  /** Runs `work` over `items`, IN_FLIGHT at a time, until done or `stop()`. */
  private async each<T>(items: T[], work: (item: T) => Promise<void>, stop: () => boolean, done?: (n: number) => void): Promise<void> {
    let next = 0;
    let count = 0;
    const lane = async () => {
      while (next < items.length && !stop()) {
        await work(items[next++]);
        done?.(++count);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
  }

  private async exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch (e) {
      return !isNotFound(e);
    }
  }

  /** The path the report shows: relative to the workspace folder (named first in a multi-root workspace). */
  private pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  /**
   * Reads and scans one file; undefined when it is gone or unreadable. Given the entry it has, returns
   * that same entry when the bytes are the same (a watcher event for a file the scan has read already).
   */
  private async read(uri: vscode.Uri, expiryWarningDays: number, before?: IndexEntry): Promise<IndexEntry | undefined> {
    const request = { fileName: baseName(uri), path: this.pathOf(uri), expiryWarningDays };
    const scanner = this.scanner;
    if (uri.scheme === 'file' && scanner.scanFile) {
      // A Node host and a file of its disk: the worker reads it (workspace.fs would cost this thread a
      // round trip to the workbench per file, more than the decoding the workers take off it).
      try {
        const r = await scanner.scanFile(uri.fsPath, request, before?.summary.sha256);
        return r === 'unchanged' ? before : r && { uri, ...this.interner.result(r) };
      } catch (e) {
        if (this.fallBack(scanner, e)) return this.read(uri, expiryWarningDays, before);
        if (!this.isDisposed) this.log.warn(`cannot read ${uri.toString(true)}: ${(e as Error).message}`);
        return undefined;
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = (await readTrustListFile(uri)).bytes;
    } catch (e) {
      // Gone between findFiles and now, or unreadable: not a trust list we can show.
      if (!isNotFound(e)) this.log.warn(`cannot read ${uri.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
    if (before && ports().crypto.digest('sha256', [bytes]) === before.summary.sha256) return before;
    try {
      return { uri, ...this.interner.result(await scanner.scan({ ...request, bytes })) };
    } catch (e) {
      if (this.fallBack(scanner, e)) return this.read(uri, expiryWarningDays, before);
      if (!this.isDisposed) this.log.warn(`cannot scan ${uri.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** Workers that cannot start (a missing bundle, a host that forbids them): scan on this thread from now on. */
  private fallBack(scanner: TrustListScanner, e: unknown): boolean {
    if (this.isDisposed) return false;
    // Another read has switched already: try again with the new scanner.
    if (scanner !== this.scanner) return true;
    if (!scanner.broken) return false;
    this.log.warn(`the scan's worker threads do not start (${(e as Error).message}); scanning on the extension host's thread`);
    this.scanner.dispose();
    this.scanner = new InThreadScanner(ports().crypto);
    return true;
  }
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** Moves the notification's count, at most every PROGRESS_EVERY_MS. */
function progressReporter(total: number, progress?: Progress): ((n: number) => void) | undefined {
  if (!progress) return undefined;
  let last = 0;
  let reported = 0;
  return n => {
    const t = Date.now();
    if (t - last < PROGRESS_EVERY_MS && n < total) return;
    last = t;
    progress.report({ message: vscode.l10n.t('{0} of {1} files', n, total), increment: ((n - reported) / total) * 100 });
    reported = n;
  };
}
