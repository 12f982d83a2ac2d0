// A trust-list file opened in the custom editor: decoded once on open and again when it changes on disk.
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { loadTrustList, watchFile } from './loadTrustList';
import type { ViewModel } from '../shared/protocol';

export class TlvDocument extends Disposable implements vscode.CustomDocument {
  static async create(uri: vscode.Uri): Promise<TlvDocument> {
    return new TlvDocument(uri, await loadTrustList(uri));
  }

  private readonly _onDidChange = this._register(new vscode.EventEmitter<ViewModel>());
  /** Fires with the new model after the file changed on disk and was decoded again. */
  readonly onDidChange = this._onDidChange.event;

  private constructor(readonly uri: vscode.Uri, private current: ViewModel) {
    super();
    this._register(watchFile(uri, () => void this.reload()));
  }

  get model(): ViewModel {
    return this.current;
  }

  private async reload(): Promise<void> {
    try {
      this.current = await loadTrustList(this.uri);
    } catch {
      // Deleted or unreadable: keep showing what was last read rather than blanking the editor.
      return;
    }
    if (!this.isDisposed) this._onDidChange.fire(this.current);
  }
}
