// A read-only file system over what a CUCM TFTP service serves: `cucm-tftp://HOST[:PORT]/NAME` (TFTP, UDP 69)
// and `cucm-http://HOST[:PORT]/NAME` (HTTP, TCP 6970). The editor, the show ctl view and the comparison read
// such a URI through workspace.fs like any file. A fetch happens only when VS Code asks for the file (the user
// opened it); its bytes are kept for a few seconds so that stat() and readFile() of one open share one fetch.
import * as vscode from 'vscode';
import { inert } from '../../core/dump';
import { fetchTrustList, FetchError, formatLocation, LocationError, locationFromParts, type FetchOptions, type TrustListLocation } from '../../node/source';
import { hostPort, serverText } from '../../node/fetchError';
import { notifyFileChanged } from '../loadTrustList';
import { FetchCache, type Fetched } from './fetchCache';
import { SERVER_SCHEMES } from './serverLocation';

export type Fetcher = (location: TrustListLocation, options: FetchOptions) => Promise<Uint8Array>;

const isRoot = (uri: vscode.Uri): boolean => uri.path === '' || uri.path === '/';

/** `host:port` for messages (host names and addresses pass the location check, so they hold no odd characters). */
export function serverName(l: TrustListLocation): string {
  return hostPort(l.host, l.port);
}

export class TftpFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  static readonly schemes = [SERVER_SCHEMES.tftp, SERVER_SCHEMES.http] as const;
  /** How long fetched bytes are reused: long enough for one open (stat, then read), short enough to stay current. */
  static readonly cacheMs = 10_000;

  private readonly cache: FetchCache;
  private readonly _onDidChangeFile = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this._onDidChangeFile.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly fetcher: Fetcher = fetchTrustList,
    now: () => number = Date.now,
  ) {
    this.cache = new FetchCache(TftpFileSystemProvider.cacheMs, now);
  }

  dispose(): void {
    this._onDidChangeFile.dispose();
    this.cache.clear();
  }

  /** The location a URI names; FileNotFound for a URI that names no trust list on a server. */
  location(uri: vscode.Uri): TrustListLocation {
    try {
      return locationFromParts(uri.scheme, uri.authority, uri.path);
    } catch (e) {
      if (e instanceof LocationError) throw vscode.FileSystemError.FileNotFound(vscode.l10n.t('Not a trust list on a TFTP server: {0} ({1})', inert(uri.toString(true)), e.message));
      throw e;
    }
  }

  /**
   * Drops what is cached for `uri`, fetches it now and, when that worked, tells every open view of it
   * (editor, show ctl view, comparison) to read it again. Rejects with a FileSystemError, or an AbortError
   * when `signal` aborts.
   */
  async fetchAgain(uri: vscode.Uri, signal?: AbortSignal): Promise<Uint8Array> {
    const l = this.location(uri);
    this.cache.drop(formatLocation(l));
    const { bytes } = await this.fetch(l, signal);
    this._onDidChangeFile.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    notifyFileChanged(uri);
    return bytes;
  }

  watch(): vscode.Disposable {
    // Nothing to watch on a TFTP server; changes are announced by fetchAgain.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (isRoot(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    const { bytes, mtime } = await this.fetch(this.location(uri));
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: bytes.length, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    if (isRoot(uri)) throw vscode.FileSystemError.FileIsADirectory(uri);
    // A copy (not slice(): on a Buffer that is a view): the cached bytes stay as fetched whatever the caller does.
    return new Uint8Array((await this.fetch(this.location(uri))).bytes);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    // A TFTP server cannot list its files: the root is an empty folder, anything else is a file.
    if (isRoot(uri)) return [];
    throw vscode.FileSystemError.FileNotADirectory(uri);
  }

  createDirectory(uri: vscode.Uri): never {
    throw this.readOnly(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw this.readOnly(uri);
  }

  delete(uri: vscode.Uri): never {
    throw this.readOnly(uri);
  }

  rename(oldUri: vscode.Uri): never {
    throw this.readOnly(oldUri);
  }

  private readOnly(uri: vscode.Uri): vscode.FileSystemError {
    return vscode.FileSystemError.NoPermissions(
      vscode.l10n.t('{0} is read-only: files served by a CUCM TFTP server cannot be changed from here. Save a copy to edit it.', inert(uri.toString(true))));
  }

  /** The bytes at `l`: from the cache while fresh (or while a fetch is running), else fetched now. */
  private fetch(l: TrustListLocation, signal?: AbortSignal): Promise<Fetched> {
    const key = formatLocation(l);
    return this.cache.get(key, async () => {
      this.log.info(`Fetching ${key}`);
      try {
        const bytes = await this.fetcher(l, { signal });
        this.log.info(`Fetched ${key}: ${bytes.length} bytes`);
        return bytes;
      } catch (e) {
        throw this.toFileSystemError(e, l);
      }
    });
  }

  /** A fetch failure as VS Code's file errors: not found → FileNotFound, the rest → Unavailable; each names file and server. */
  private toFileSystemError(e: unknown, l: TrustListLocation): unknown {
    if (e instanceof DOMException && e.name === 'AbortError') return e;
    const where = `${formatLocation(l)}`;
    if (e instanceof FetchError) {
      this.log.warn(`${where}: ${e.code}: ${serverText(e.message)}`);
      if (e.code === 'not-found') {
        return vscode.FileSystemError.FileNotFound(vscode.l10n.t('{0} was not found on the server {1}.', l.name, serverName(l)));
      }
      return vscode.FileSystemError.Unavailable(vscode.l10n.t('Could not fetch {0} from {1}: {2}', l.name, serverName(l), serverText(e.message)));
    }
    const detail = e instanceof Error ? e.message : String(e);
    this.log.error(`${where}: ${serverText(detail)}`);
    return vscode.FileSystemError.Unavailable(vscode.l10n.t('Could not fetch {0} from {1}: {2}', l.name, serverName(l), serverText(detail)));
  }
}
