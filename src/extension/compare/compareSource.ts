// One side of a comparison: where its bytes come from, how to watch it, and which URI the text diff
// renders. A working-tree file is read through workspace.fs and watched; a git revision is fixed.
import * as vscode from 'vscode';
import { baseName, readTrustListFile, watchFile } from '../loadTrustList';

export interface CompareSource {
  /** The URI the `tlvdump:` rendering reads (a file, or a `git:` URI for a committed version). */
  readonly uri: vscode.Uri;
  readonly name: string;
  readonly description: string;
  read(): Promise<Uint8Array>;
  /** Calls back when the bytes may have changed; undefined for content that cannot change. */
  watch?(onChange: () => void): vscode.Disposable;
}

export function fileSource(uri: vscode.Uri): CompareSource {
  return {
    uri,
    name: baseName(uri),
    description: uri.scheme === 'file' ? uri.fsPath : uri.toString(true),
    read: async () => (await readTrustListFile(uri)).bytes,
    watch: onChange => watchFile(uri, onChange),
  };
}
