// "Show Trust List Report": the core report of a folder (Explorer context) or of the whole workspace
// (palette, the Trust Lists view's title), rendered as the same self-contained page as
// `tlv-trust report --html` in a webview with scripts disabled. The page's own CSP allows only its
// one <style> element by hash; every piece of file text goes through its one escaping function.
import * as vscode from 'vscode';
import { renderReportHtml } from '../../shared/reportHtml';
import type { TrustListIndex } from '../trustListsView/trustListIndex';

export const REPORT_VIEW_TYPE = 'tlvViewer.report';

export interface ReportApi {
  /** The HTML of the last report shown, and how many files it covered. */
  latest(): { html: string; files: number } | undefined;
}

export function registerShowReport(index: TrustListIndex): { disposable: vscode.Disposable; api: ReportApi } {
  let panel: vscode.WebviewPanel | undefined;
  let latest: { html: string; files: number } | undefined;
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
    const report = index.report(entries);
    const html = renderReportHtml(report, entries.map(e => e.summary));
    latest = { html, files: entries.length };
    const title = folder
      ? vscode.l10n.t('Trust List Report: {0}', vscode.workspace.asRelativePath(folder, false))
      : vscode.l10n.t('Trust List Report');
    if (!panel) {
      panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      panel.onDidDispose(() => (panel = undefined));
    } else {
      panel.title = title;
      panel.reveal();
    }
    panel.webview.html = html;
  };
  return {
    api: { latest: () => latest },
    disposable: vscode.Disposable.from(
      vscode.commands.registerCommand('tlvViewer.showTrustListReport', show),
      new vscode.Disposable(() => panel?.dispose()),
    ),
  };
}
