// Every trust list of the workspace, kept as the report's small per-file summaries plus the file's
// problems: read through workspace.fs (untrusted, remote and virtual workspaces), decoded in `signer`
// mode, each other distinct certificate parsed once. A watcher re-reads only the file that changed;
// listeners learn which folders changed, so the view refreshes one folder and the Problems panel
// republishes that folder's files (a file can become, or stop being, an outlier of its folder).
import * as vscode from 'vscode';
import { decodeTrustList } from '../../core/decode';
import type { CertificateInfo, TrustRecord } from '../../core/model';
import { parseCertificate } from '../../core/x509';
import { buildReport, summarise, type FileSummary, type Report } from '../../core/report';
import { fileProblems, type Problem } from '../../core/problems';
import { Disposable } from '../dispose';
import { baseName } from '../loadTrustList';
import { ports } from '../ports';
import { readSettings } from '../settings';

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
}

/** Files scanned before the extension host is given back its event loop. */
const BATCH = 50;
/** Above this many files, the scan shows a cancellable notification. */
const PROGRESS_THRESHOLD = 300;
const yieldToHost = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export class TrustListIndex extends Disposable {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly certificates = new Map<string, CertificateInfo | null>();
  /** Each folder's report, built when first asked for and dropped when one of its files changes. */
  private readonly reports = new Map<string, Report>();
  private readonly changed = this._register(new vscode.EventEmitter<IndexChange>());
  readonly onDidChange = this.changed.event;
  private scanning: Promise<void> | undefined;
  private generation = 0;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.tlv'));
    this._register(watcher.onDidCreate(uri => this.schedule(uri)));
    this._register(watcher.onDidChange(uri => this.schedule(uri)));
    this._register(watcher.onDidDelete(uri => this.schedule(uri)));
    // A deleted folder: the watcher reports the folder alone, not each file under it (VS Code drops the
    // children's events), so a second watcher hears every deletion and re-reads the files it held.
    const deletions = this._register(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
    this._register(deletions.onDidDelete(uri => {
      if (!/\.tlv$/i.test(uri.path)) this.under(uri).forEach(x => this.schedule(x.uri));
    }));
    // A folder deleted or renamed in the Explorer may not produce an event per file under it.
    this._register(vscode.workspace.onDidDeleteFiles(e => e.files.forEach(uri => this.under(uri).forEach(x => this.schedule(x.uri)))));
    this._register(vscode.workspace.onDidRenameFiles(e => e.files.forEach(({ oldUri, newUri }) => {
      this.under(oldUri).forEach(x => this.schedule(x.uri));
      void vscode.workspace.findFiles(new vscode.RelativePattern(newUri, '**/*.tlv')).then(uris => uris.forEach(u => this.schedule(u)), () => undefined);
      if (/\.tlv$/i.test(newUri.path)) this.schedule(newUri);
    })));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      // Expiry warnings depend on it.
      if (e.affectsConfiguration('tlvViewer.expiryWarningDays')) void this.rescan();
    }));
    this._register(new vscode.Disposable(() => this.pending.forEach(t => clearTimeout(t))));
  }

  /** Resolves when the current scan is done (starting the first one if needed). */
  ready(): Promise<void> {
    return this.scanning ?? this.rescan();
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

  /** A full scan: findFiles, then every file in batches; cancellable with a notification when large. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    const run = async (): Promise<void> => {
      const uris = await vscode.workspace.findFiles('**/*.tlv');
      const scan = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<void> => {
        const fresh = new Map<string, IndexEntry>();
        for (let i = 0; i < uris.length; i++) {
          if (token?.isCancellationRequested || generation !== this.generation) break;
          const e = await this.read(uris[i]);
          if (e) fresh.set(uris[i].toString(), e);
          if ((i + 1) % BATCH === 0) {
            progress?.report({ message: vscode.l10n.t('{0} of {1} files', i + 1, uris.length), increment: (BATCH / uris.length) * 100 });
            await yieldToHost();
          }
        }
        if (generation !== this.generation) return;
        const removed = [...this.entries.values()].filter(e => !fresh.has(e.uri.toString())).map(e => e.uri);
        this.entries.clear();
        this.reports.clear();
        for (const [k, v] of fresh) this.entries.set(k, v);
        this.changed.fire({ removed });
      };
      if (uris.length > PROGRESS_THRESHOLD) {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} trust lists', uris.length), cancellable: true },
          (progress, token) => scan(progress, token));
      } else {
        await scan();
      }
    };
    const p = run().catch(e => this.log.error(`trust list scan failed: ${(e as Error).message}`));
    this.scanning = p;
    return p;
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.refresh(uri);
    }, 100));
  }

  /** Re-reads one file (or forgets it when it is gone) and reports its folder as changed. */
  async refresh(uri: vscode.Uri): Promise<void> {
    await this.scanning;
    const key = uri.toString();
    const before = this.entries.get(key);
    const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
    const after = inWorkspace ? await this.read(uri) : undefined;
    const folders = new Set<string>();
    if (before) folders.add(before.summary.folder);
    if (after) {
      this.entries.set(key, after);
      folders.add(after.summary.folder);
    } else this.entries.delete(key);
    if (!before && !after) return;
    for (const f of folders) this.reports.delete(f);
    this.changed.fire({ folders: [...folders], removed: after ? [] : [uri] });
  }

  /** The path the report shows: relative to the workspace folder (named first in a multi-root workspace). */
  private pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private async read(uri: vscode.Uri): Promise<IndexEntry | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      // Gone between findFiles and now, or unreadable: not a trust list we can show.
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) this.log.warn(`cannot read ${uri.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
    const crypto = ports().crypto;
    const list = await decodeTrustList(bytes, { fileName: baseName(uri), certificates: 'signer' }, crypto);
    const certificateOf = (r: TrustRecord): CertificateInfo | null | undefined => {
      // The field decode reads a record's certificate from (its first CERTIFICATE), parsed once per distinct DER.
      const field = r.fields.find(f => f.tag === 9);
      if (!field) return undefined;
      const key = crypto.digest('sha256', [bytes.subarray(field.valueRange.start, field.valueRange.end)]);
      let info = this.certificates.get(key);
      if (info === undefined) {
        try {
          info = parseCertificate(bytes, field.valueRange, crypto);
        } catch {
          info = null;
        }
        this.certificates.set(key, info);
      }
      return info;
    };
    const summary = summarise(list, this.pathOf(uri), { certificateOf });
    const problems = fileProblems(list, { expiryWarningDays: readSettings().expiryWarningDays, certificateOf });
    return { uri, summary, problems };
  }
}
