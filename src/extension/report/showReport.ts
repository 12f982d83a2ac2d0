// "Show Trust List Report": the core report of a folder (Explorer context) or of the whole workspace
// (palette, the Trust Lists view's title) in one report panel (reportPanel.ts): outliers first with a
// one-click comparison against the folder's majority file, the content groups as a sortable and
// filterable table, and the certificate validity timeline. The CLI's `report --html` page
// (src/shared/reportHtml.ts) renders the same core report without script.
import * as vscode from 'vscode';
import type { ReportModel, ReportRendered } from '../../shared/reportProtocol';
import type { TrustListIndex } from '../trustListsView/trustListIndex';
import { getWebviewOptions } from '../webviewHtml';
import { REPORT_VIEW_TYPE, ReportPanel, titleOf } from './reportPanel';

export { REPORT_VIEW_TYPE };

/** Returned inside TlvViewerApi for integration tests. */
export interface ReportApi {
  /** The model last posted to the report webview, and how many files it covered. */
  latest(): { model: ReportModel; files: number } | undefined;
  readonly onDidUpdate: vscode.Event<ReportModel>;
  /** What the report webview reports it shows, read back from its DOM. */
  readonly onDidRender: vscode.Event<ReportRendered>;
  /** What an outlier's "Compare with majority file" button does; false when it has nothing to compare with. */
  compareWithMajority(outlier: vscode.Uri): Promise<boolean>;
}

export function registerShowReport(extensionUri: vscode.Uri, index: TrustListIndex, log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: ReportApi } {
  let panel: ReportPanel | undefined;
  let latest: { model: ReportModel; files: number } | undefined;
  const onDidUpdate = new vscode.EventEmitter<ReportModel>();
  const onDidRender = new vscode.EventEmitter<ReportRendered>();

  const show = async (arg?: unknown): Promise<void> => {
    const folder = arg instanceof vscode.Uri ? arg : undefined;
    await index.ready();
    const entries = folder ? index.under(folder) : index.all();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(folder
        ? vscode.l10n.t('No trust lists (.tlv) in {0}.', vscode.workspace.asRelativePath(folder))
        : vscode.l10n.t('No trust lists (.tlv) in the workspace.'));
      return;
    }
    if (!panel) {
      const webviewPanel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, titleOf(folder), vscode.ViewColumn.Active, getWebviewOptions(extensionUri));
      panel = new ReportPanel(webviewPanel, extensionUri, index, folder, {
        onUpdate: (model, files) => {
          latest = { model, files };
          onDidUpdate.fire(model);
        },
        onRender: rendered => onDidRender.fire(rendered),
        onDispose: p => {
          if (panel === p) panel = undefined;
        },
      }, log);
    }
    panel.show(folder, entries);
  };

  return {
    api: {
      latest: () => latest,
      onDidUpdate: onDidUpdate.event,
      onDidRender: onDidRender.event,
      compareWithMajority: async uri => (panel ? panel.compareWithMajority(uri.toString()) : false),
    },
    disposable: vscode.Disposable.from(
      vscode.commands.registerCommand('tlvViewer.showTrustListReport', show),
      onDidUpdate,
      onDidRender,
      new vscode.Disposable(() => panel?.dispose()),
    ),
  };
}
