// One comparison panel: reads both sides, runs compare(), posts the result to the webview, and does it
// again when either file changes, the sides are swapped or the expiry setting changes.
import * as vscode from 'vscode';
import { decodeTrustList } from '../../core/decode';
import type { TrustList } from '../../core/model';
import { Disposable } from '../dispose';
import { baseName } from '../loadTrustList';
import { ports } from '../ports';
import { localize } from '../localize';
import { readSettings } from '../settings';
import { attachPanel } from '../webviewHtml';
import { comparePreflightSlots } from '../../shared/comparePreflight';
import { compareStrings } from './compareStrings';
import type { CompareSource } from './compareSource';
import type { CompareHostToWebview, CompareModel, CompareRendered, CompareWebviewToHost } from './protocol';
import { buildCompareModel } from './compareModel';
import { openTextDiff } from './textDiff';

export const COMPARE_VIEW_TYPE = 'tlvViewer.compare';

/** What the panel reports to whoever keeps track of panels (commands, test API). */
export interface ComparePanelEvents {
  onActive(panel: ComparePanel, active: boolean): void;
  onUpdate(panel: ComparePanel, model: CompareModel): void;
  onRender(panel: ComparePanel, rendered: CompareRendered): void;
  onDispose(panel: ComparePanel): void;
}

async function load(source: CompareSource): Promise<TrustList> {
  return decodeTrustList(await source.read(), { fileName: baseName(source.uri) }, ports().crypto);
}

export class ComparePanel extends Disposable {
  private model: CompareModel | undefined;
  private error: string | undefined;
  private ready = false;
  /** Drops the result of a refresh that a newer one has overtaken. */
  private generation = 0;
  private watchers: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private oldSource: CompareSource,
    private newSource: CompareSource,
    private readonly events: ComparePanelEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    for (const d of attachPanel<CompareWebviewToHost>(panel, extensionUri, { script: 'compare.js', stylesheets: ['compare.css'], title: compareStrings().title }, m => void this.onMessage(m), () => {
      events.onDispose(this);
      this.dispose();
    })) this._register(d);
    this._register(panel.onDidChangeViewState(e => events.onActive(this, e.webviewPanel.active)));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('tlvViewer.expiryWarningDays')) void this.refresh();
    }));
    this._register(new vscode.Disposable(() => this.unwatch()));
    this.setSources(oldSource, newSource);
  }

  /** Identifies the pair, so a second request for it reveals this panel. */
  static key(oldSource: CompareSource, newSource: CompareSource): string {
    return `${oldSource.uri.toString()}\n${newSource.uri.toString()}`;
  }

  get key(): string {
    return ComparePanel.key(this.oldSource, this.newSource);
  }

  get latest(): CompareModel | undefined {
    return this.model;
  }

  reveal(): void {
    this.panel.reveal();
  }

  async openTextDiff(): Promise<void> {
    await openTextDiff(this.oldSource, this.newSource, this.model?.comparison.new.kind ?? 'unknown');
  }

  /**
   * The pre-flight check with OLD as the phone's CTL (ITL) and NEW as the next CTL (ITL): the comparison
   * sees two files, the pre-flight panel lets the engineer add the phone's other list.
   */
  async openPreflight(): Promise<void> {
    const slots = this.model && comparePreflightSlots(this.model.comparison.old.kind, this.model.comparison.new.kind);
    if (!slots) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The pre-flight check needs two CTLs or two ITLs.'));
      return;
    }
    await vscode.commands.executeCommand('tlvViewer.preflightCheck', { [slots.phone]: this.oldSource.uri, [slots.next]: this.newSource.uri });
  }

  private setSources(oldSource: CompareSource, newSource: CompareSource): void {
    this.oldSource = oldSource;
    this.newSource = newSource;
    this.panel.title = `${oldSource.name} ↔ ${newSource.name}`;
    this.unwatch();
    this.watchers = [oldSource, newSource].flatMap(s => (s.watch ? [s.watch(() => void this.refresh())] : []));
    void this.refresh();
  }

  private unwatch(): void {
    this.watchers.forEach(w => w.dispose());
    this.watchers = [];
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const oldSource = this.oldSource;
    const newSource = this.newSource;
    try {
      const [oldList, newList] = await Promise.all([load(oldSource), load(newSource)]);
      if (generation !== this.generation || this.isDisposed) return;
      this.model = buildCompareModel(
        { name: oldSource.name, description: oldSource.description, list: oldList },
        { name: newSource.name, description: newSource.description, list: newList },
        compareStrings(),
        { now: new Date(), expiryWarningDays: readSettings().expiryWarningDays },
        localize,
      );
      this.error = undefined;
      this.events.onUpdate(this, this.model);
    } catch (e) {
      if (generation !== this.generation || this.isDisposed) return;
      this.model = undefined;
      this.error = e instanceof Error ? e.message : String(e);
      this.log.warn(`Comparison of ${oldSource.uri.toString(true)} and ${newSource.uri.toString(true)} failed: ${this.error}`);
    }
    this.postState();
  }

  private postState(): void {
    if (!this.ready) return;
    this.post({ type: 'restore', state: { oldUri: this.oldSource.uri.toString(), newUri: this.newSource.uri.toString() } });
    if (this.model) this.post({ type: 'update', model: this.model });
    else if (this.error !== undefined) this.post({ type: 'error', message: this.error });
  }

  private post(message: CompareHostToWebview): void {
    if (!this.isDisposed) void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: CompareWebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        // Also after the webview was hidden and restored: it starts from scratch.
        this.ready = true;
        this.post({ type: 'init', strings: compareStrings(), locale: vscode.env.language });
        this.postState();
        return;
      case 'openTextDiff':
        try {
          await this.openTextDiff();
        } catch (e) {
          void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        }
        return;
      case 'swap':
        this.setSources(this.newSource, this.oldSource);
        return;
      case 'preflight':
        try {
          await this.openPreflight();
        } catch (e) {
          this.log.error(`Pre-flight from the comparison: ${e instanceof Error ? e.message : String(e)}`);
          void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        }
        return;
      case 'rendered':
        this.events.onRender(this, message.rendered);
        return;
      default:
        this.log.warn(`Unknown message from the comparison webview: ${JSON.stringify((message as { type?: unknown }).type)}`);
    }
  }
}
