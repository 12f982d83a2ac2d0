// The pre-flight panel: one file per slot (phone CTL/ITL, next CTL/ITL), read through workspace.fs and
// watched; runs preflight() and posts the result to the webview, again whenever a file or a slot changes.
import * as vscode from 'vscode';
import { decodeTrustList } from '../../core/decode';
import { ports } from '../ports';
import type { Slot } from '../../core/preflight';
import type { PreflightHostToWebview, PreflightModel, PreflightRendered, PreflightWebviewToHost } from '../../shared/preflightProtocol';
import { Disposable } from '../dispose';
import { baseName, readTrustListFile, watchFile } from '../loadTrustList';
import { localize } from '../localize';
import { attachPanel } from '../webviewHtml';
import { buildPreflightModel, SLOTS, type SlotFile } from './preflightModel';
import { preflightStrings } from './preflightStrings';

export const PREFLIGHT_VIEW_TYPE = 'tlvViewer.preflight';

export interface PreflightPanelEvents {
  onUpdate(model: PreflightModel): void;
  onRender(rendered: PreflightRendered): void;
  onDispose(panel: PreflightPanel): void;
}

export class PreflightPanel extends Disposable {
  private readonly uris: Partial<Record<Slot, vscode.Uri>> = {};
  private watchers: vscode.Disposable[] = [];
  private model: PreflightModel | undefined;
  private error: string | undefined;
  private ready = false;
  private generation = 0;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    initial: Partial<Record<Slot, vscode.Uri>>,
    private readonly events: PreflightPanelEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    for (const d of attachPanel<PreflightWebviewToHost>(panel, extensionUri, { script: 'preflight.js', stylesheets: ['compare.css', 'preflight.css'], title: preflightStrings().title }, m => void this.onMessage(m), () => {
      events.onDispose(this);
      this.dispose();
    })) this._register(d);
    this._register(new vscode.Disposable(() => this.unwatch()));
    Object.assign(this.uris, initial);
    this.changed();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Puts files into slots (Explorer selection on an open panel). */
  set(files: Partial<Record<Slot, vscode.Uri>>): void {
    Object.assign(this.uris, files);
    this.changed();
  }

  private changed(): void {
    this.unwatch();
    this.watchers = Object.values(this.uris).map(uri => watchFile(uri, () => void this.refresh()));
    void this.refresh();
  }

  private unwatch(): void {
    this.watchers.forEach(w => w.dispose());
    this.watchers = [];
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const entries = await Promise.all((Object.entries(this.uris) as [Slot, vscode.Uri][]).map(async ([slot, uri]): Promise<[Slot, SlotFile]> => {
        const name = baseName(uri);
        const list = await decodeTrustList((await readTrustListFile(uri)).bytes, { fileName: name }, ports().crypto);
        return [slot, { name, description: uri.scheme === 'file' ? uri.fsPath : uri.toString(true), list }];
      }));
      if (generation !== this.generation || this.isDisposed) return;
      this.model = buildPreflightModel(Object.fromEntries(entries), localize);
      this.error = undefined;
      this.events.onUpdate(this.model);
    } catch (e) {
      if (generation !== this.generation || this.isDisposed) return;
      this.model = undefined;
      this.error = e instanceof Error ? e.message : String(e);
      this.log.warn(`Pre-flight check failed: ${this.error}`);
    }
    this.postState();
  }

  private postState(): void {
    if (!this.ready) return;
    if (this.model) this.post({ type: 'update', model: this.model });
    else if (this.error !== undefined) this.post({ type: 'error', message: this.error });
  }

  private post(message: PreflightHostToWebview): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }

  private async choose(slot: Slot): Promise<void> {
    const near = this.uris[slot] ?? Object.values(this.uris)[0];
    const picked = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Pre-flight Check: choose the file for {0}', preflightStrings().slots[slot]),
      openLabel: vscode.l10n.t('Select'),
      canSelectMany: false,
      defaultUri: near && vscode.Uri.joinPath(near, '..'),
      filters: { [vscode.l10n.t('Trust lists')]: ['tlv'], [vscode.l10n.t('All files')]: ['*'] },
    });
    if (picked?.[0]) this.set({ [slot]: picked[0] });
  }

  private async onMessage(message: PreflightWebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', strings: preflightStrings(), locale: vscode.env.language });
        this.postState();
        return;
      case 'choose':
        if (SLOTS.includes(message.slot)) await this.choose(message.slot);
        return;
      case 'clear':
        if (SLOTS.includes(message.slot)) {
          delete this.uris[message.slot];
          this.changed();
        }
        return;
      case 'openRecord': {
        const uri = SLOTS.includes(message.slot) ? this.uris[message.slot] : undefined;
        if (uri && Number.isInteger(message.record)) await vscode.commands.executeCommand('tlvViewer.revealRecord', uri, message.record);
        return;
      }
      case 'rendered':
        this.events.onRender(message.rendered);
        return;
      default:
        this.log.warn(`Unknown message from the pre-flight webview: ${JSON.stringify((message as { type?: unknown }).type)}`);
    }
  }
}
