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
  /** What VS Code's serializer does after a window reload: the panel and the state its webview kept. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

export function registerShowReport(extensionUri: vscode.Uri, index: TrustListIndex, log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: ReportApi } {
  let panel: ReportPanel | undefined;
  let latest: { model: ReportModel; files: number } | undefined;
  const onDidUpdate = new vscode.EventEmitter<ReportModel>();
  const onDidRender = new vscode.EventEmitter<ReportRendered>();

  const adopt = (webviewPanel: vscode.WebviewPanel, folder: vscode.Uri | undefined): ReportPanel => {
    // One report panel: a restored one takes the place of any other.
    panel?.close();
    const p = new ReportPanel(webviewPanel, extensionUri, index, folder, {
      onUpdate: (model, files) => {
        latest = { model, files };
        onDidUpdate.fire(model);
      },
      onRender: rendered => onDidRender.fire(rendered),
      onDispose: disposed => {
        if (panel === disposed) panel = undefined;
      },
    }, log);
    panel = p;
    return p;
  };

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
    (panel ?? adopt(vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, titleOf(folder), vscode.ViewColumn.Active, getWebviewOptions(extensionUri)), folder)).show(folder, entries);
  };

  /** After a reload: the same scope, reported from the index as it is now (files may have changed meanwhile). */
  const restore = async (webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> => {
    const scope = (state as { restore?: { scope?: unknown } } | undefined)?.restore?.scope;
    const folder = typeof scope === 'string' ? parseUri(scope) : undefined;
    // A state it cannot use closes the panel rather than showing an empty one.
    if (scope !== null && !folder) {
      webviewPanel.dispose();
      return;
    }
    const p = adopt(webviewPanel, folder);
    await index.ready();
    if (panel === p) p.show(folder, folder ? index.under(folder) : index.all(), { reveal: false });
  };

  return {
    api: {
      latest: () => latest,
      onDidUpdate: onDidUpdate.event,
      onDidRender: onDidRender.event,
      compareWithMajority: async uri => (panel ? panel.compareWithMajority(uri.toString()) : false),
      restore,
    },
    disposable: vscode.Disposable.from(
      vscode.commands.registerCommand('tlvViewer.showTrustListReport', show),
      vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, { deserializeWebviewPanel: restore }),
      onDidUpdate,
      onDidRender,
      new vscode.Disposable(() => panel?.dispose()),
    ),
  };
}
