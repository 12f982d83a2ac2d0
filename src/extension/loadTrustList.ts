// Reads and decodes a trust-list file through workspace.fs, so remote and virtual workspaces work.
import * as vscode from 'vscode';
import { decodeTrustList } from '../core/decode';
import { ports } from './ports';
import type { ViewModel } from '../shared/protocol';

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export async function loadTrustList(uri: vscode.Uri): Promise<ViewModel> {
  const [read, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
  // A plain Uint8Array of its own: a Buffer may be a view into a shared pool, and webviews revive only plain typed arrays.
  const bytes = new Uint8Array(read.byteLength);
  bytes.set(read);
  const name = baseName(uri);
  return {
    list: await decodeTrustList(bytes, { fileName: name }, ports().crypto),
    bytes,
    file: { name, size: bytes.length, mtime: stat.mtime },
  };
}

/** Calls `onChange` (debounced) when the file is changed, created or deleted on disk. */
export function watchFile(uri: vscode.Uri, onChange: () => void): vscode.Disposable {
  const dir = vscode.Uri.joinPath(uri, '..');
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, baseName(uri)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, 100);
  };
  const subs = [watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire)];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subs.forEach(s => s.dispose());
  });
}
