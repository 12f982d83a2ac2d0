// "Compare with Previous Version": the committed version of a file, read through the built-in git
// extension's API (vscode.git, API version 1). No shelling out: the API reads the blob for us.
import * as vscode from 'vscode';
import { refusal } from '../../core/fileLimits';
import { baseName, readTrustListFile } from '../loadTrustList';
import { localize } from '../localize';
import type { CompareSource } from './compareSource';

/** The part of vscode.git's API (extensions/git/src/api/git.d.ts) that we use. */
export interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly commitDate?: Date;
  readonly authorDate?: Date;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  buffer(ref: string, path: string): Promise<Uint8Array>;
  /** The blob a commit has at a path (git ls-tree): lets a caller read each distinct blob once. */
  getObjectDetails?(treeish: string, path: string): Promise<{ mode: string; object: string; size: number }>;
  log(options?: { maxEntries?: number; path?: string }): Promise<GitCommit[]>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** A failure the user can act on; shown as it is. */
export class PreviousVersionError extends Error {}

export async function gitApi(): Promise<GitApi> {
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) throw new PreviousVersionError(vscode.l10n.t('The built-in Git extension is not available.'));
  const git = ext.isActive ? ext.exports : await ext.activate();
  if (!git.enabled) throw new PreviousVersionError(vscode.l10n.t('Git is disabled (setting git.enabled).'));
  const api = git.getAPI(1);
  if (api.state !== 'initialized') {
    // Repositories are discovered asynchronously after activation; give it a moment.
    await new Promise<void>(resolve => {
      const timer = setTimeout(() => { sub.dispose(); resolve(); }, 10_000);
      const sub = api.onDidChangeState(state => {
        if (state !== 'initialized') return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }
  return api;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The last committed version of `uri` that differs from the working copy: the file as of HEAD, or,
 * when the working copy equals HEAD, the version before the last commit that touched the file.
 */
export async function previousVersion(uri: vscode.Uri): Promise<CompareSource> {
  const name = baseName(uri);
  if (uri.scheme !== 'file') throw new PreviousVersionError(vscode.l10n.t('{0} is not a file on disk, so git cannot know its history.', name));
  const api = await gitApi();
  const repo = api.getRepository(uri) ?? (await api.openRepository?.(vscode.Uri.joinPath(uri, '..'))) ?? null;
  if (!repo) throw new PreviousVersionError(vscode.l10n.t('{0} is not in a git repository.', name));
  const commits = await repo.log({ path: uri.fsPath, maxEntries: 2 });
  if (!commits.length) throw new PreviousVersionError(vscode.l10n.t('{0} has no committed version in git.', name));
  const [{ bytes: working }, head] = await Promise.all([readTrustListFile(uri), readCommitted(repo, commits[0].hash, uri.fsPath)]);
  const commit = sameBytes(working, head) ? commits[1] : commits[0];
  if (!commit) throw new PreviousVersionError(vscode.l10n.t('{0} has a single committed version, identical to the working copy: there is nothing earlier to compare with.', name));
  const short = commit.hash.slice(0, 7);
  const subject = commit.message.split('\n')[0];
  return {
    uri: api.toGitUri(uri, commit.hash),
    name: `${name} (${short})`,
    description: `${vscode.workspace.asRelativePath(uri)} @ ${short} ${subject}`,
    read: () => readCommitted(repo, commit.hash, uri.fsPath),
  };
}

/**
 * A committed version's bytes, refused unread (as readTrustListFile refuses a file) when the API says its blob
 * is larger than any trust list: a repository can hold a huge *.tlv, and the git extension would read it whole.
 * `details`: the blob's, when the caller has them already.
 */
export async function readCommitted(repo: GitRepository, ref: string, path: string, details?: { size: number }): Promise<Uint8Array> {
  const size = (details ?? (await repo.getObjectDetails?.(ref, path)))?.size;
  const why = size === undefined ? undefined : refusal({ isFile: true, size });
  if (why) throw new Error(localize(why));
  return repo.buffer(ref, path);
}
