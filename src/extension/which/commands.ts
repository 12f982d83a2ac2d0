// "Which Trust List Does the Phone Hold?…": from the MD5 or SHA-1 a phone shows for its CTL or ITL to the
// file, among the workspace's *.tlv files and, where the built-in git extension is available, every
// committed version of them. The match opens in our editor, or starts the pre-flight check from it.
import * as vscode from 'vscode';
import { decodeTrustList } from '../../core/decode';
import type { TrustList } from '../../core/model';
import type { PhoneHash } from '../../core/phoneHash';
import type { Slot } from '../../core/preflight';
import { gitApi, readCommitted, type GitApi, type GitCommit } from '../compare/gitPrevious';
import { baseName, readTrustListFile } from '../loadTrustList';
import { ports } from '../ports';
import { TlvEditorProvider } from '../tlvEditorProvider';
import { hashKey, oneLine, parseHashInput, whichItems, type HashInputError, type WhichItem, type WhichLabels, type WhichMatch } from './whichModel';

/** Commits read per file: a repository of nightly exports stays quick. */
export const MAX_COMMITS_PER_FILE = 500;
const MAX_FILES = 5000;

export interface WhichResult {
  matches: WhichMatch[];
  /** Workspace files hashed, committed versions (distinct blobs) hashed, commits read. */
  searched: { files: number; versions: number; commits: number; git: boolean };
  /** Every *.tlv file of the workspace, for the pre-flight's next files. */
  files: vscode.Uri[];
  /** The search was cancelled: the matches are those found until then. */
  cancelled: boolean;
}

/** Returned from activate (inside TlvViewerApi) for integration tests. */
export interface WhichApi {
  /** What the command lists for the text typed into its input box. */
  find(input: string): Promise<WhichResult>;
  /** What the quick pick's "Pre-flight from here" button does. */
  preflightFrom(match: WhichMatch, result: WhichResult): Promise<void>;
}

export function hashInputMessage(error: HashInputError): string {
  switch (error.code) {
    case 'empty':
      return vscode.l10n.t('Enter the CTL and/or ITL checksum the phone shows: 32 hex digits (MD5) or 40 (SHA-1).');
    case 'tooMany':
      return vscode.l10n.t('At most two checksums (the CTL and the ITL); found {0}.', error.count);
    case 'invalid':
      return error.wanted
        ? vscode.l10n.t('"{0}" is not a checksum: expected {1} hex digits for {2}, with or without ":", "-" or spaces; found {3}.', error.part, error.wanted === 'md5' ? 32 : 40, error.wanted === 'md5' ? 'MD5' : 'SHA-1', error.digits)
        : vscode.l10n.t('"{0}" is not a checksum: expected 32 hex digits (MD5) or 40 (SHA-1), with or without ":", "-" or spaces; found {1}.', error.part, error.digits);
    default: {
      const never: never = error;
      return String(never);
    }
  }
}

function labels(): WhichLabels {
  return {
    matchedBy: '{0} {1}',
    current: vscode.l10n.t('in the workspace now'),
    atHead: vscode.l10n.t('last committed in {0}', '{0}'),
    moreCommits: vscode.l10n.t('also in {0} other commit(s)', '{0}'),
  };
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const commitDate = (c: GitCommit) => (c.commitDate ?? c.authorDate)?.toISOString();
const toMatchCommit = (c: GitCommit) => ({ hash: c.hash, date: commitDate(c), subject: oneLine(c.message) });

async function kindOf(bytes: Uint8Array, name: string): Promise<TrustList['kind']> {
  try {
    return (await decodeTrustList(bytes, { fileName: name, certificates: 'signer' }, ports().crypto)).kind;
  } catch {
    return 'unknown';
  }
}

async function optionalGit(log: vscode.LogOutputChannel): Promise<GitApi | undefined> {
  try {
    return await gitApi();
  } catch (e) {
    log.info(`Which trust list: no git history searched (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
}

/**
 * Hashes every workspace *.tlv file, then every committed version of each (at most MAX_COMMITS_PER_FILE
 * commits per file, each distinct blob read and hashed once), and keeps those matching `hashes`.
 */
export async function findTrustLists(
  hashes: PhoneHash[],
  log: vscode.LogOutputChannel,
  progress?: vscode.Progress<{ message?: string; increment?: number }>,
  token?: vscode.CancellationToken,
): Promise<WhichResult> {
  const crypto = ports().crypto;
  const wanted = new Map(hashes.map(h => [hashKey(h), h]));
  const hits = (bytes: Uint8Array): PhoneHash[] => (['md5', 'sha1'] as const)
    .map(a => wanted.get(`${a}:${crypto.digest(a, [bytes])}`))
    .filter((h): h is PhoneHash => !!h);
  const files = (await vscode.workspace.findFiles('**/*.tlv', undefined, MAX_FILES, token))
    .sort((a, b) => a.toString().localeCompare(b.toString()));
  const searched: WhichResult['searched'] = { files: 0, versions: 0, commits: 0, git: false };
  const found: (WhichMatch & { bytes: Uint8Array })[] = [];
  const working = new Map<string, Uint8Array>();
  const step = files.length ? 50 / files.length : 0;

  for (const uri of files) {
    if (token?.isCancellationRequested) break;
    progress?.report({ message: vscode.workspace.asRelativePath(uri), increment: step });
    let bytes: Uint8Array;
    try {
      bytes = (await readTrustListFile(uri)).bytes;
    } catch (e) {
      log.warn(`Which trust list: cannot read ${uri.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    searched.files++;
    working.set(uri.toString(), bytes);
    for (const hash of hits(bytes)) found.push({ hash, kind: 'unknown', path: vscode.workspace.asRelativePath(uri), uri: uri.toString(), current: true, bytes });
  }

  const onDisk = files.filter(u => u.scheme === 'file');
  const api = onDisk.length && !token?.isCancellationRequested ? await optionalGit(log) : undefined;
  for (const uri of api ? onDisk : []) {
    if (token?.isCancellationRequested) break;
    progress?.report({ message: vscode.l10n.t('git history of {0}', vscode.workspace.asRelativePath(uri)), increment: 50 / onDisk.length });
    const repo = api!.getRepository(uri);
    if (!repo) continue;
    searched.git = true;
    let commits: GitCommit[];
    try {
      commits = await repo.log({ path: uri.fsPath, maxEntries: MAX_COMMITS_PER_FILE });
    } catch (e) {
      log.warn(`Which trust list: git log of ${uri.toString(true)} failed: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    searched.commits += commits.length;
    // One entry per distinct blob (by its id where the API tells it, else per commit), newest commit first.
    const versions = new Map<string, { commits: GitCommit[]; hits: PhoneHash[]; bytes?: Uint8Array }>();
    for (const commit of commits) {
      if (token?.isCancellationRequested) break;
      let key = commit.hash;
      let details: { object: string; size: number } | undefined;
      if (repo.getObjectDetails) {
        try {
          details = await repo.getObjectDetails(commit.hash, uri.fsPath);
          key = details.object;
        } catch {
          continue; // The commit deleted the file.
        }
      }
      const known = versions.get(key);
      if (known) {
        known.commits.push(commit);
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCommitted(repo, commit.hash, uri.fsPath, details);
      } catch {
        continue; // Gone, or larger than any trust list.
      }
      searched.versions++;
      const h = hits(bytes);
      versions.set(key, { commits: [commit], hits: h, bytes: h.length ? bytes : undefined });
    }
    const current = working.get(uri.toString());
    for (const v of versions.values()) {
      if (!v.hits.length || !v.bytes) continue;
      const commitsOf = v.commits.map(toMatchCommit);
      if (current && sameBytes(current, v.bytes)) {
        // The workspace file itself, committed: one row, saying where it was committed.
        for (const m of found) if (m.current && m.uri === uri.toString() && !m.commits) m.commits = commitsOf;
        continue;
      }
      for (const hash of v.hits) {
        found.push({
          hash, kind: 'unknown', path: vscode.workspace.asRelativePath(uri), uri: api!.toGitUri(uri, v.commits[0].hash).toString(),
          current: false, commits: commitsOf, bytes: v.bytes,
        });
      }
    }
  }

  const matches: WhichMatch[] = [];
  for (const { bytes, ...m } of found) matches.push({ ...m, kind: await kindOf(bytes, m.path.split('/').pop() ?? m.path) });
  return { matches, searched, files, cancelled: !!token?.isCancellationRequested };
}

/** The workspace's CTLFile.tlv / ITLFile.tlv, preferring the folder of `near` (a workspace-relative path). */
function nextFile(files: vscode.Uri[], name: string, near: string): vscode.Uri | undefined {
  const named = files.filter(u => u.scheme === 'file' && baseName(u).toLowerCase() === name.toLowerCase());
  const dir = near.includes('/') ? near.slice(0, near.lastIndexOf('/') + 1) : '';
  return named.find(u => {
    const rel = vscode.workspace.asRelativePath(u);
    return rel.slice(0, rel.lastIndexOf('/') + 1) === dir;
  }) ?? named[0];
}

const PHONE_SLOT: Partial<Record<TrustList['kind'], Slot>> = { CTL: 'phone-ctl', ITL: 'phone-itl' };

/**
 * The pre-flight check with `match` as the phone's CTL (or ITL), the other checksum's best match of the
 * other kind as the phone's other list, and the workspace's CTLFile.tlv / ITLFile.tlv as the next files.
 */
export async function preflightFrom(match: WhichMatch, result: WhichResult): Promise<void> {
  const slot = PHONE_SLOT[match.kind];
  if (!slot) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is neither a CTL nor an ITL: the pre-flight check cannot use it.', match.path));
    return;
  }
  const slots: Partial<Record<Slot, vscode.Uri>> = { [slot]: vscode.Uri.parse(match.uri, true) };
  const otherKind = match.kind === 'CTL' ? 'ITL' : 'CTL';
  const other = result.matches.find(m => m.kind === otherKind && hashKey(m.hash) !== hashKey(match.hash));
  if (other) slots[PHONE_SLOT[otherKind]!] = vscode.Uri.parse(other.uri, true);
  const nextCtl = nextFile(result.files, 'CTLFile.tlv', match.path);
  const nextItl = nextFile(result.files, 'ITLFile.tlv', match.path);
  if (nextCtl) slots['next-ctl'] = nextCtl;
  if (nextItl) slots['next-itl'] = nextItl;
  await vscode.commands.executeCommand('tlvViewer.preflightCheck', slots);
}

async function open(match: WhichMatch): Promise<void> {
  await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.parse(match.uri, true), TlvEditorProvider.viewType);
}

type PickItem = vscode.QuickPickItem & { item: WhichItem };

function pickMatch(result: WhichResult, hashes: PhoneHash[], log: vscode.LogOutputChannel): void {
  const preflightButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('checklist'), tooltip: vscode.l10n.t('Pre-flight from here') };
  const quickPick = vscode.window.createQuickPick<PickItem>();
  quickPick.title = vscode.l10n.t('Trust lists with the checksum the phone shows ({0})', result.matches.length);
  quickPick.placeholder = vscode.l10n.t('Enter opens the file; the checklist button runs the pre-flight check with it as the file the phone holds');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = whichItems(result.matches, hashes, labels()).map(item => ({
    label: item.label, description: item.description, detail: item.detail, item,
    buttons: PHONE_SLOT[item.match.kind] ? [preflightButton] : [],
  }));
  const run = (what: string, action: () => Promise<void>) => {
    quickPick.hide();
    action().catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      log.error(`Which trust list: ${what}: ${message}`);
      void vscode.window.showErrorMessage(message);
    });
  };
  quickPick.onDidAccept(() => {
    const picked = quickPick.selectedItems[0];
    if (picked) run('open', () => open(picked.item.match));
  });
  quickPick.onDidTriggerItemButton(e => run('pre-flight', () => preflightFrom(e.item.item.match, result)));
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
}

export function registerWhich(log: vscode.LogOutputChannel): { disposable: vscode.Disposable; api: WhichApi } {
  const find = async (input: string): Promise<WhichResult> => {
    const parsed = parseHashInput(input);
    if ('error' in parsed) throw new Error(hashInputMessage(parsed.error));
    return findTrustLists(parsed.hashes, log);
  };

  const whichTrustList = async (): Promise<void> => {
    const input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Which Trust List Does the Phone Hold?'),
      prompt: vscode.l10n.t('The CTL and/or ITL checksum from the phone (Settings > Security, or its web page): MD5 or SHA-1, one or two, separated by a space, comma or new line.'),
      placeHolder: 'sha1:8C:92:D1:A5:…  md5:3F2A…',
      ignoreFocusOut: true,
      validateInput: value => {
        if (!value.trim()) return undefined;
        const parsed = parseHashInput(value);
        return 'error' in parsed ? hashInputMessage(parsed.error) : undefined;
      },
    });
    if (!input?.trim()) return;
    const parsed = parseHashInput(input);
    if ('error' in parsed) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Searching the workspace trust lists and their git history…'), cancellable: true },
      (progress, token) => findTrustLists(parsed.hashes, log, progress, token),
    );
    if (!result.matches.length) {
      if (result.cancelled) return;
      const where = result.searched.git
        ? vscode.l10n.t('{0} file(s) and {1} committed version(s) in {2} commit(s)', result.searched.files, result.searched.versions, result.searched.commits)
        : vscode.l10n.t('{0} file(s); no git history was searched', result.searched.files);
      void vscode.window.showInformationMessage(vscode.l10n.t('No trust list with that checksum in {0}. The phone may hold a file from another cluster or an earlier export.', where));
      return;
    }
    pickMatch(result, parsed.hashes, log);
  };

  return {
    api: { find, preflightFrom },
    disposable: vscode.commands.registerCommand('tlvViewer.whichTrustList', async () => {
      try {
        await whichTrustList();
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        log.error(`Which trust list: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not search for the trust list: {0}', message));
      }
    }),
  };
}
