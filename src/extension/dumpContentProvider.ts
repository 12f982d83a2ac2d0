// Virtual read-only documents `tlvdump:<source path>.txt?<source uri>` holding the `show ctl`
// rendering. Keeps each rendering's line map for the hover provider, and re-renders on file change.
import * as vscode from 'vscode';
import { renderShowCtl } from '../core/dump';
import type { DumpLine, DumpResult } from '../core/dump';
import type { TrustRecord } from '../core/model';
import { Disposable } from './dispose';
import { loadTrustList, watchFile } from './loadTrustList';
import type { ViewModel } from '../shared/protocol';

export const DUMP_SCHEME = 'tlvdump';

export function dumpUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DUMP_SCHEME, path: `${source.path}.txt`, query: source.toString() });
}

export interface RenderedDump {
  model: ViewModel;
  dump: DumpResult;
  /** Line number → what that line shows. */
  lineMap: Map<number, DumpLine>;
}

export class DumpContentProvider extends Disposable implements vscode.TextDocumentContentProvider {
  static register(): { provider: DumpContentProvider; disposable: vscode.Disposable } {
    const provider = new DumpContentProvider();
    const registration = vscode.workspace.registerTextDocumentContentProvider(DUMP_SCHEME, provider);
    return { provider, disposable: vscode.Disposable.from(registration, provider) };
  }

  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this._onDidChange.event;
  private readonly rendered = new Map<string, RenderedDump>();
  private readonly watchers = new Map<string, vscode.Disposable>();

  private constructor() {
    super();
    // Reconciled on open and close alike: changing a document's language closes and reopens it.
    this._register(vscode.workspace.onDidOpenTextDocument(() => this.reconcileWatchers()));
    this._register(vscode.workspace.onDidCloseTextDocument(() => this.reconcileWatchers()));
    this._register(new vscode.Disposable(() => this.watchers.forEach(w => w.dispose())));
  }

  /**
   * The rendering behind a `tlvdump:` document whose text is `text`. Rendered again when the cache was
   * dropped (the document was closed and reopened); undefined when that no longer gives the same text.
   */
  async get(uri: vscode.Uri, text: string): Promise<RenderedDump | undefined> {
    const cached = this.rendered.get(uri.toString());
    if (cached?.dump.text === text) return cached;
    const fresh = await this.render(uri).catch(() => undefined);
    return fresh?.dump.text === text ? fresh : undefined;
  }

  /** The record a line of a rendered file belongs to; header signer lines map to the signer's record. */
  async recordAt(document: vscode.TextDocument, line: number): Promise<TrustRecord | undefined> {
    if (document.uri.scheme !== DUMP_SCHEME) return undefined;
    const rendered = await this.get(document.uri, document.getText());
    const info = rendered?.lineMap.get(line);
    if (!rendered || !info) return undefined;
    const { list } = rendered.model;
    const index = info.recordIndex ?? (info.fieldPath && /^header\/3\b/.test(info.fieldPath) ? list.signature.signerRecord : undefined);
    return index === undefined ? undefined : list.records.find(r => r.index === index);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    this.watch(uri);
    const source = vscode.Uri.parse(uri.query);
    try {
      return (await this.render(uri)).dump.text;
    } catch (e) {
      this.rendered.delete(key);
      return vscode.l10n.t('Could not read {0}: {1}', source.toString(true), e instanceof Error ? e.message : String(e));
    }
  }

  private async render(uri: vscode.Uri): Promise<RenderedDump> {
    const model = await loadTrustList(vscode.Uri.parse(uri.query));
    const dump = renderShowCtl(model.list, model.bytes, model.file.mtime ? { modified: new Date(model.file.mtime) } : {});
    const rendered = { model, dump, lineMap: new Map(dump.lines.map(l => [l.line, l])) };
    this.rendered.set(uri.toString(), rendered);
    return rendered;
  }

  private watch(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.watchers.has(key)) this.watchers.set(key, watchFile(vscode.Uri.parse(uri.query), () => this._onDidChange.fire(uri)));
  }

  /** One watcher per open `tlvdump:` document; none for closed ones. */
  private reconcileWatchers(): void {
    const open = new Set(vscode.workspace.textDocuments.filter(d => d.uri.scheme === DUMP_SCHEME).map(d => d.uri.toString()));
    for (const [key, watcher] of this.watchers) {
      if (open.has(key)) continue;
      watcher.dispose();
      this.watchers.delete(key);
      this.rendered.delete(key);
    }
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === DUMP_SCHEME) this.watch(doc.uri);
  }
}
