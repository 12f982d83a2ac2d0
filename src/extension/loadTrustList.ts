// Reads and decodes a trust-list file through workspace.fs, so remote and virtual workspaces work.
import * as vscode from 'vscode';
import { decodeTrustList } from '../core/decode';
import { refusal } from '../core/fileLimits';
import { localize } from './localize';
import { ports } from './ports';
import type { ViewModel } from '../shared/protocol';

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * A trust-list file's bytes through workspace.fs, and its stat. Refused unread when it is no regular file or
 * larger than any trust list (src/core/fileLimits.ts): a name ending in .tlv can be a FIFO, whose read waits
 * forever, or a symbolic link to /dev/zero, whose read never ends. Every read of a trust list through
 * workspace.fs goes here (the scan's workers read files of the disk with node/localFile.ts, committed versions
 * come through gitPrevious.ts's readCommitted).
 */
export async function readTrustListFile(uri: vscode.Uri): Promise<{ bytes: Uint8Array; stat: vscode.FileStat }> {
  const stat = await vscode.workspace.fs.stat(uri);
  const why = refusal({ isFile: (stat.type & vscode.FileType.File) !== 0, size: stat.size });
  if (why) throw new Error(localize(why));
  const bytes = await vscode.workspace.fs.readFile(uri);
  // It may have grown since.
  const grown = refusal({ isFile: true, size: bytes.length });
  if (grown) throw new Error(localize(grown));
  return { bytes, stat };
}

export async function loadTrustList(uri: vscode.Uri): Promise<ViewModel> {
  const { bytes: read, stat } = await readTrustListFile(uri);
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

const virtualChanges = new vscode.EventEmitter<vscode.Uri>();

/**
 * For the extension's own read-only file systems (cucm-tftp:, cucm-http:): announces that a file was fetched
 * again. Their providers fire onDidChangeFile too, but whether a FileSystemWatcher passes a non-file scheme's
 * event on depends on the VS Code version; this reaches every watchFile() for that URI in any case.
 */
export function notifyFileChanged(uri: vscode.Uri): void {
  virtualChanges.fire(uri);
}

/** Calls `onChange` (debounced) when the file is changed, created or deleted on disk, or notifyFileChanged names it. */
export function watchFile(uri: vscode.Uri, onChange: () => void): vscode.Disposable {
  const dir = vscode.Uri.joinPath(uri, '..');
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, baseName(uri)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, 100);
  };
  const key = uri.toString();
  const subs = [watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire),
    virtualChanges.event(changed => { if (changed.toString() === key) fire(); })];
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    subs.forEach(s => s.dispose());
  });
}
