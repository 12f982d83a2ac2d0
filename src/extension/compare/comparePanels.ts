// Keeps track of the open comparison panels: one per OLD/NEW pair, the most recently active one for
// commands such as "Open Text Diff", and what each last posted and rendered (read by the test API).
import * as vscode from 'vscode';
import { ComparePanel, COMPARE_VIEW_TYPE, type ComparePanelEvents } from './comparePanel';
import { fileSource, type CompareSource } from './compareSource';
import type { CompareModel, CompareRendered, CompareRestoreState } from './protocol';
import { getWebviewOptions } from '../webviewHtml';

/** Returned from activate (inside TlvViewerApi) for integration tests. */
export interface CompareApi {
  /** The comparison most recently posted to a webview. */
  latest(): CompareModel | undefined;
  readonly onDidUpdate: vscode.Event<CompareModel>;
  /** What a comparison webview reports it shows, read back from its DOM. */
  readonly onDidRender: vscode.Event<CompareRendered>;
  /** What the panel serializer does after a window reload, for a panel and the state its webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void;
  /** What the "Check with the ITL too…" button does, for the panel looked at last. */
  preflight(): Promise<void>;
}

export class ComparePanels implements ComparePanelEvents, vscode.Disposable {
  /** Most recently active last. */
  private readonly panels: ComparePanel[] = [];
  private latestModel: CompareModel | undefined;
  private readonly _onDidUpdate = new vscode.EventEmitter<CompareModel>();
  private readonly _onDidRender = new vscode.EventEmitter<CompareRendered>();

  readonly api: CompareApi = {
    latest: () => this.latestModel,
    onDidUpdate: this._onDidUpdate.event,
    onDidRender: this._onDidRender.event,
    preflight: async () => this.current?.openPreflight(),
    restore: (panel, state) => this.restore(panel, state),
  };

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {}

  /** Opens a panel for the pair, or reveals the one already showing it. */
  open(oldSource: CompareSource, newSource: CompareSource): ComparePanel {
    const key = ComparePanel.key(oldSource, newSource);
    const existing = this.panels.find(p => p.key === key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `${oldSource.name} ↔ ${newSource.name}`, vscode.ViewColumn.Active,
      getWebviewOptions(this.extensionUri));
    const panel = new ComparePanel(webviewPanel, this.extensionUri, oldSource, newSource, this, this.log);
    this.panels.push(panel);
    return panel;
  }

  /** Adopts a panel VS Code restored after a reload, with the two URIs its webview saved. */
  restore(webviewPanel: vscode.WebviewPanel, state: unknown): void {
    const saved = state as Partial<CompareRestoreState> | undefined;
    if (typeof saved?.oldUri !== 'string' || typeof saved.newUri !== 'string') {
      webviewPanel.dispose();
      return;
    }
    const [oldUri, newUri] = [saved.oldUri, saved.newUri].map(u => vscode.Uri.parse(u, true));
    this.panels.push(new ComparePanel(webviewPanel, this.extensionUri, fileSource(oldUri), fileSource(newUri), this, this.log));
  }

  /** The panel the user looked at last. */
  get current(): ComparePanel | undefined {
    return this.panels[this.panels.length - 1];
  }

  onActive(panel: ComparePanel, active: boolean): void {
    if (!active) return;
    this.remove(panel);
    this.panels.push(panel);
  }

  onUpdate(_panel: ComparePanel, model: CompareModel): void {
    this.latestModel = model;
    this._onDidUpdate.fire(model);
  }

  onRender(_panel: ComparePanel, rendered: CompareRendered): void {
    this._onDidRender.fire(rendered);
  }

  onDispose(panel: ComparePanel): void {
    this.remove(panel);
  }

  dispose(): void {
    for (const p of this.panels.splice(0)) p.dispose();
    this._onDidUpdate.dispose();
    this._onDidRender.dispose();
  }

  private remove(panel: ComparePanel): void {
    const i = this.panels.indexOf(panel);
    if (i >= 0) this.panels.splice(i, 1);
  }
}
