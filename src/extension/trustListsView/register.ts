// The workspace as the unit: one index of every trust list feeds the Trust Lists view, the Problems
// panel and the report command.
import * as vscode from 'vscode';
import { TrustListIndex, type ScanStats } from './trustListIndex';
import { snapshot, TRUST_LISTS_VIEW, TrustListsProvider, type TrustListsSnapshotItem } from './trustListsProvider';
import { WorkspaceDiagnostics } from '../diagnostics/workspaceDiagnostics';
import { registerShowReport, type ReportApi } from '../report/showReport';

/** Read-only, for the integration tests. */
export interface TrustListsApi {
  /** Waits for the current scan. */
  ready(): Promise<void>;
  /** The view's files with their group's kind, status, signer, records. */
  items(): Promise<TrustListsSnapshotItem[]>;
  /** Waits for the current scan, the re-reads the watcher asked for so far, and their Problems panel updates. */
  settled(): Promise<void>;
  /** How many trust lists the index holds (cheaper than items() for a large workspace). */
  size(): number;
  /** The last full scan and the last batch of re-reads: wall time, files, longest main-thread task. */
  stats(): { scan?: ScanStats; refresh?: ScanStats };
  /** Fires after the index changed (a scan finished, a file was re-read or went away). */
  readonly onDidChange: vscode.Event<void>;
  report: ReportApi;
}

export function registerTrustLists(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: TrustListsApi } {
  const index = new TrustListIndex(log);
  const provider = new TrustListsProvider(index);
  const view = vscode.window.createTreeView(TRUST_LISTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const diagnostics = new WorkspaceDiagnostics(index);
  const report = registerShowReport(extensionUri, index, log);
  const changed = new vscode.EventEmitter<void>();
  const sub = index.onDidChange(() => changed.fire());
  void index.rescan();
  return {
    api: {
      ready: () => index.ready(),
      settled: async () => {
        await index.settled();
        await diagnostics.settled();
      },
      size: () => index.size,
      stats: () => index.stats(),
      items: () => snapshot(provider),
      onDidChange: changed.event,
      report: report.api,
    },
    disposable: vscode.Disposable.from(
      // Listeners first, the index last: nothing hears an event from a disposed index.
      sub, changed, report.disposable, diagnostics, view, provider,
      vscode.commands.registerCommand('tlvViewer.refreshTrustLists', () => index.rescan()),
      index,
    ),
  };
}
