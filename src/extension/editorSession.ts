// One webview panel showing one TlvDocument: the message loop between host and webview.
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import type { EditorRegistry } from './editorRegistry';
import type { TlvDocument } from './tlvDocument';
import type { HostToWebview, Request, Result, WebviewSettings, WebviewToHost } from '../shared/protocol';
import { webviewStrings } from './strings';
import { readSettings } from './settings';
import { copyFieldText } from './commands/copyField';
import { exportCertificateInteractive } from './commands/exportCertificate';
import { localize } from './localize';
import { localizeViewModel } from './localizedModel';

export class EditorSession extends Disposable {
  private ready = false;
  private pendingReveal: string | undefined;
  /** The field or record path last selected in the webview. */
  selectedPath: string | undefined;

  constructor(
    private readonly document: TlvDocument,
    private readonly panel: vscode.WebviewPanel,
    private readonly registry: EditorRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(registry.add(this));
    this._register(panel.webview.onDidReceiveMessage((m: WebviewToHost) => void this.onMessage(m)));
    this._register(document.onDidChange(model => this.post({ type: 'update', model: localizeViewModel(model, localize) })));
    this._register(panel.onDidChangeViewState(e => {
      if (e.webviewPanel.active) registry.setActive(this);
      else registry.clearActive(this);
    }));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('tlvViewer')) this.post({ type: 'settings', settings: readSettings() });
    }));
    this._register(panel.onDidDispose(() => this.dispose()));
    if (panel.active) registry.setActive(this);
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get model() {
    return this.document.model;
  }

  /** Selects and scrolls to a path (`records/3`, `header/…`); queued until the webview is ready. */
  reveal(path: string): void {
    if (this.ready) this.post({ type: 'reveal', path });
    else this.pendingReveal = path;
    this.panel.reveal(undefined, false);
  }

  private post(message: HostToWebview): void {
    if (this.isDisposed) return;
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const settings: WebviewSettings = readSettings();
        this.post({ type: 'init', model: localizeViewModel(this.document.model, localize), strings: webviewStrings(), settings, locale: vscode.env.language });
        this.ready = true;
        if (this.pendingReveal !== undefined) {
          this.post({ type: 'reveal', path: this.pendingReveal });
          this.pendingReveal = undefined;
        }
        return;
      }
      case 'rendered':
        this.registry.recordRender(this.uri, message.summary);
        return;
      case 'select':
        this.selectedPath = message.path;
        return;
      case 'request':
        this.post({ type: 'response', id: message.id, result: await this.answer(message) });
        return;
      default: {
        const unknown: never = message;
        this.log.warn(`Unknown message from the webview: ${JSON.stringify((unknown as { type?: unknown }).type)}`);
      }
    }
  }

  private async answer(request: Request): Promise<Result<unknown>> {
    try {
      switch (request.method) {
        case 'copyText':
          await vscode.env.clipboard.writeText(request.params.text);
          return { ok: true };
        case 'copyField':
          await vscode.env.clipboard.writeText(copyFieldText(this.model, request.params.path, request.params.format));
          return { ok: true };
        case 'exportCertificate':
          return { ok: (await exportCertificateInteractive(this.uri, this.model, request.params.record, request.params.format)) !== undefined };
        default: {
          const unknown: never = request;
          return { err: { message: `Unknown request ${(unknown as { method?: string }).method ?? ''}` } };
        }
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.log.error(`Request ${request.method} failed: ${message}`);
      void vscode.window.showErrorMessage(message);
      return { err: { message } };
    }
  }
}
