// The report panel: the core report of a folder (or of the workspace) from the index, posted to a
// scripted webview (dist/report.js) that draws the outliers, the content groups and the certificate
// timeline with DOM APIs. Rebuilt when the index reports a change under its scope. The webview's
// requests name files by URI; the host acts only on URIs of the model it posted.
import * as vscode from 'vscode';
import type { ReportHostToWebview, ReportModel, ReportRendered, ReportWebviewToHost } from '../../shared/reportProtocol';
import { Disposable } from '../dispose';
import { localize } from '../localize';
import type { IndexEntry, TrustListIndex } from '../trustListsView/trustListIndex';
import { attachPanel } from '../webviewHtml';
import { buildReportModel } from './reportModel';
import { reportStrings } from './reportStrings';

export const REPORT_VIEW_TYPE = 'tlvViewer.report';
const EDITOR_VIEW_TYPE = 'tlvViewer.editor';
/** Changes to the index are gathered for this long before the report is rebuilt. */
const REFRESH_DELAY_MS = 300;

export interface ReportPanelEvents {
  onUpdate(model: ReportModel, files: number): void;
  onRender(rendered: ReportRendered): void;
  onDispose(panel: ReportPanel): void;
}

export class ReportPanel extends Disposable {
  private model: ReportModel | undefined;
  private uris = new Set<string>();
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly index: TrustListIndex,
    private scope: vscode.Uri | undefined,
    private readonly events: ReportPanelEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    for (const d of attachPanel<ReportWebviewToHost>(panel, extensionUri, { script: 'report.js', stylesheets: ['compare.css', 'report.css'], title: reportStrings().title }, m => void this.onMessage(m), () => {
      events.onDispose(this);
      this.dispose();
    })) this._register(d);
    this._register(index.onDidChange(() => this.scheduleRefresh()));
    this._register(new vscode.Disposable(() => this.timer && clearTimeout(this.timer)));
  }

  /** Shows the report of `entries` (already read from the index) for `scope`. */
  show(scope: vscode.Uri | undefined, entries: IndexEntry[], options: { reveal?: boolean } = {}): void {
    this.scope = scope;
    this.panel.title = titleOf(scope);
    if (options.reveal !== false) this.panel.reveal();
    this.postRestoreState();
    this.build(entries);
  }

  /** Closes the webview (its onDidDispose then disposes this). */
  close(): void {
    this.panel.dispose();
  }

  /** What the webview keeps for VS Code to hand back after a reload (showReport.ts restores it). */
  private postRestoreState(): void {
    this.post({ type: 'restore', state: { scope: this.scope?.toString() ?? null } });
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.isDisposed) return;
      const entries = this.scope ? this.index.under(this.scope) : this.index.all();
      // A report of nothing would only say so: keep the last one until files come back.
      if (entries.length) this.build(entries);
    }, REFRESH_DELAY_MS);
  }

  private build(entries: IndexEntry[]): void {
    try {
      const report = this.index.report(entries);
      this.model = buildReportModel(report, entries.map(e => ({ uri: e.uri.toString(), summary: e.summary })), localize, scopeText(this.scope));
      this.uris = new Set(entries.map(e => e.uri.toString()));
      this.events.onUpdate(this.model, entries.length);
      this.post({ type: 'update', model: this.model });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log.error(`Trust list report failed: ${message}`);
      this.post({ type: 'error', message });
    }
  }

  private post(message: ReportHostToWebview): void {
    if (this.ready && !this.isDisposed) void this.panel.webview.postMessage(message);
  }

  /** A URI of the posted model, else undefined (the webview cannot name other files). */
  private known(uri: unknown): vscode.Uri | undefined {
    return typeof uri === 'string' && this.uris.has(uri) ? vscode.Uri.parse(uri, true) : undefined;
  }

  /** "Compare with majority file": OLD = the majority file of the outlier's folder and kind, NEW = the outlier. */
  async compareWithMajority(uri: string): Promise<boolean> {
    const outlier = this.model?.outliers.find(o => o.uri === uri);
    const newUri = this.known(outlier?.uri);
    const oldUri = this.known(outlier?.majority?.uri);
    if (!newUri || !oldUri) return false;
    await vscode.commands.executeCommand('tlvViewer.compareFiles', oldUri, newUri);
    return true;
  }

  private async onMessage(message: ReportWebviewToHost): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          this.post({ type: 'init', strings: reportStrings(), locale: vscode.env.language });
          this.postRestoreState();
          if (this.model) this.post({ type: 'update', model: this.model });
          return;
        case 'open': {
          const uri = this.known(message.uri);
          if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, EDITOR_VIEW_TYPE);
          return;
        }
        case 'compareWithMajority':
          await this.compareWithMajority(message.uri);
          return;
        case 'rendered':
          this.events.onRender(message.rendered);
          return;
        default:
          this.log.warn(`Unknown message from the report webview: ${JSON.stringify((message as { type?: unknown }).type)}`);
      }
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      this.log.error(`Report action ${message.type} failed: ${text}`);
      void vscode.window.showErrorMessage(text);
    }
  }
}

export function titleOf(scope: vscode.Uri | undefined): string {
  return scope
    ? vscode.l10n.t('Trust List Report: {0}', vscode.workspace.asRelativePath(scope, false))
    : vscode.l10n.t('Trust List Report');
}

function scopeText(scope: vscode.Uri | undefined): string {
  return scope ? vscode.workspace.asRelativePath(scope, false) : (vscode.workspace.name ?? '');
}
