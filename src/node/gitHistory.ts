// Every committed version of every *.tlv file in a git repository, read by blob: one `git log` for the
// history, one `git cat-file --batch-check` for the sizes and one `git cat-file --batch` for the bytes, each
// blob read once however many commits share it.
import { spawn } from 'node:child_process';
import { MAX_FILE_BYTES } from '../core/fileLimits';

export interface GitCommit {
  id: string;
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
}

export interface GitVersion {
  blob: string;
  path: string;
  /** Commits that wrote this blob at this path, newest first. */
  commits: GitCommit[];
  /** The blob HEAD has at this path. */
  current: boolean;
}

export interface GitHistory {
  versions: GitVersion[];
  /** Commits that touched a .tlv file. */
  commits: number;
}

export class GitError extends Error {}

const TLV = /\.tlv$/i;

function git(repo: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repo, ...args], { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', e => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', code => (code === 0 ? resolve(Buffer.concat(out)) : reject(new GitError(`git ${args[0]} in ${repo} failed: ${err.trim().split('\n')[0]}`))));
    if (child.stdin) {
      // git may exit before reading all of it (an unknown object id): its exit code tells, not EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

export async function tlvHistory(repo: string): Promise<GitHistory> {
  const log = (await git(repo, ['log', '--all', '--no-renames', '--raw', '--no-abbrev', '--format=%x00%H%x09%cI%x09%s', '--', ':(icase)*.tlv'])).toString('utf8');
  const byKey = new Map<string, GitVersion>();
  let commits = 0;
  for (const entry of log.split('\0').slice(1)) {
    const [head, ...lines] = entry.split('\n');
    const [id, date, ...subject] = head.split('\t');
    const commit = { id, date, subject: subject.join('\t') };
    commits++;
    for (const line of lines) {
      // :100644 100644 <old blob> <new blob> <status>\t<path>
      const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*\t(.*)$/.exec(line);
      if (!m || m[2] === 'D' || !TLV.test(m[3])) continue;
      const key = `${m[1]}\t${m[3]}`;
      const v = byKey.get(key) ?? { blob: m[1], path: m[3], commits: [], current: false };
      v.commits.push(commit);
      byKey.set(key, v);
    }
  }
  const head = await git(repo, ['ls-tree', '-r', '--full-tree', 'HEAD']).catch(() => Buffer.alloc(0));
  for (const line of head.toString('utf8').split('\n')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line);
    const v = m && byKey.get(`${m[1]}\t${m[2]}`);
    if (v) v.current = true;
  }
  return { versions: [...byKey.values()], commits };
}

/**
 * Reads each blob once through `git cat-file --batch`, calling `each` with its bytes. Blobs larger than any
 * trust list (MAX_FILE_BYTES) are left out, unread: their sizes come first from `--batch-check`, so a
 * repository holding a huge *.tlv costs no memory for it.
 */
export async function readBlobs(repo: string, blobs: Iterable<string>, each: (blob: string, bytes: Uint8Array) => void): Promise<void> {
  const unique = [...new Set(blobs)];
  if (!unique.length) return;
  const sizes = (await git(repo, ['cat-file', '--batch-check'], `${unique.join('\n')}\n`)).toString('latin1');
  // "<id> blob <size>", or "<id> missing"
  const ids = sizes.split('\n').map(l => l.split(' ')).filter(([, type, size]) => type === 'blob' && Number(size) <= MAX_FILE_BYTES).map(([id]) => id);
  if (!ids.length) return;
  const out = await git(repo, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  let pos = 0;
  while (pos < out.length) {
    const eol = out.indexOf(10, pos);
    if (eol < 0) break;
    // "<id> blob <size>", or "<id> missing"
    const [id, type, size] = out.subarray(pos, eol).toString('latin1').split(' ');
    pos = eol + 1;
    if (type !== 'blob') continue;
    const n = Number(size);
    each(id, new Uint8Array(out.buffer, out.byteOffset + pos, n));
    pos += n + 1;
  }
}
