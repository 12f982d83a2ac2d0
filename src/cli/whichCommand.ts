// `which HASH… [--in DIR] [--git [REPO]] [--server HOST] [--json]`: which trust list does a phone hold,
// found by the MD5 or SHA-1 on its screen, in a folder, every committed version in git, or a server.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { decode } from '../node/decode';
import { inert } from '../core/dump';
import { formatPhoneHash, parsePhoneHash, PhoneHashError, type PhoneHash } from '../core/phoneHash';
import type { TrustList } from '../core/model';
import { readBlobs, tlvHistory, type GitCommit } from '../node/gitHistory';
import { fetchTrustList, parseLocation } from '../node/source';
import { readBytes, tlvFiles } from './files';
import { UsageError } from './usage';

export interface Match {
  source: 'folder' | 'git' | 'server';
  path: string;
  kind: TrustList['kind'];
  signer?: string;
  /** The file's TIMESTAMP (header tag 15), ISO 8601. */
  timestamp?: string;
  signature: TrustList['signature']['status'];
  /** For git: the commits that wrote this version, newest first. */
  commits?: GitCommit[];
  /** The version in the folder, at HEAD, or on the server now. */
  current: boolean;
}

/** One place a checksum was found: a file, a committed version or a server's file. */
export interface Candidate {
  source: Match['source'];
  path: string;
  commits?: GitCommit[];
  current: boolean;
  bytes: () => Uint8Array;
}

export interface Searched {
  files: number;
  versions: number;
  commits: number;
  servers: string[];
}

/** Checksums of every candidate, keyed `md5:<hex>` and `sha1:<hex>`; bytes are kept only for matches. */
export class ChecksumIndex {
  private readonly byHash = new Map<string, Candidate[]>();
  constructor(private readonly wanted: Set<string>) {}
  add(bytes: Uint8Array, candidate: Omit<Candidate, 'bytes'>): void {
    for (const algorithm of ['md5', 'sha1'] as const) {
      const key = `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
      if (!this.wanted.has(key)) continue;
      const copy = Uint8Array.from(bytes);
      this.byHash.set(key, [...(this.byHash.get(key) ?? []), { ...candidate, bytes: () => copy }]);
    }
  }
  find(h: PhoneHash): Candidate[] {
    return this.byHash.get(`${h.algorithm}:${h.hex}`) ?? [];
  }
}

function describe(c: Candidate): Match {
  const bytes = c.bytes();
  const list = decode(bytes, { fileName: basename(c.path), certificates: 'signer' });
  const signer = list.records.find(r => r.isSigner);
  return {
    source: c.source, path: c.path, kind: list.kind, commits: c.commits, current: c.current,
    signer: signer?.certificate?.subjectCucm ?? signer?.subjectName, timestamp: list.header.timestamp?.iso, signature: list.signature.status,
  };
}

function matchLine(m: Match): string {
  const where = m.source === 'git'
    ? `${m.path} @ ${m.commits!.map(c => `${c.id.slice(0, 8)} ${c.date.slice(0, 10)} "${c.subject}"`).join(', ')}${m.current ? ' (at HEAD)' : ' (older version)'}`
    : `${m.path}${m.source === 'server' ? ' (served now)' : ''}`;
  return `  ${m.kind.padEnd(7)} ${where}  signer ${m.signer ?? '?'}  TIMESTAMP ${m.timestamp ?? '?'}  ${m.signature}`;
}

/** `--git` takes an optional REPO: a following word that is a folder is the repository. */
export function prepare(args: string[]): string[] {
  const out = [...args];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== '--git') continue;
    const next = out[i + 1];
    const isDir = next !== undefined && !next.startsWith('-') && (() => { try { return statSync(next).isDirectory(); } catch { return false; } })();
    out.splice(i, isDir ? 2 : 1, `--git=${isDir ? next : '.'}`);
  }
  return out;
}

/** Hashes every version in the sources once; keeps the bytes of those that match `hashes`. */
export async function search(sources: { folders: string[]; repos: string[]; servers: string[] }, hashes: PhoneHash[]): Promise<{ index: ChecksumIndex; searched: Searched }> {
  const index = new ChecksumIndex(new Set(hashes.map(h => `${h.algorithm}:${h.hex}`)));
  const searched: Searched = { files: 0, versions: 0, commits: 0, servers: sources.servers };
  for (const dir of sources.folders) {
    for (const path of tlvFiles(dir)) {
      index.add(readBytes(path), { source: 'folder', path, current: true });
      searched.files++;
    }
  }
  for (const repo of sources.repos) {
    const history = await tlvHistory(repo);
    searched.versions += history.versions.length;
    searched.commits += history.commits;
    const byBlob = new Map<string, typeof history.versions>();
    for (const v of history.versions) byBlob.set(v.blob, [...(byBlob.get(v.blob) ?? []), v]);
    await readBlobs(repo, byBlob.keys(), (blob, bytes) => {
      for (const v of byBlob.get(blob)!) index.add(bytes, { source: 'git', path: v.path, commits: v.commits, current: v.current });
    });
  }
  for (const host of sources.servers) {
    for (const name of ['CTLFile.tlv', 'ITLFile.tlv']) {
      const url = `tftp://${host}/${name}`;
      const bytes = await fetchTrustList(parseLocation(url)).catch((e: Error) => {
        process.stderr.write(`${inert(`tlv-trust: ${url}: ${e.message}`)}\n`);
        return undefined;
      });
      if (bytes) index.add(bytes, { source: 'server', path: url, current: true });
    }
  }
  return { index, searched };
}

export const WHICH = {
  usage: 'which HASH… [--in DIR] [--git [REPO]] [--server HOST] [--json]  the file a phone holds, by its checksum',
  min: 1,
  max: Infinity,
  options: { in: { type: 'string', multiple: true }, git: { type: 'string', multiple: true }, server: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  prepare,
  async run(inputs: string[], values: Record<string, unknown>, write: (s: string) => void): Promise<number> {
    let hashes: PhoneHash[];
    try {
      hashes = inputs.map(parsePhoneHash);
    } catch (e) {
      if (e instanceof PhoneHashError) throw new UsageError(e.message, 'which');
      throw e;
    }
    const folders = (values.in as string[] | undefined) ?? [];
    const repos = (values.git as string[] | undefined) ?? [];
    const servers = (values.server as string[] | undefined) ?? [];
    if (!folders.length && !repos.length && !servers.length) folders.push('.');
    const { index, searched } = await search({ folders, repos, servers }, hashes);

    const results = hashes.map((h, i) => ({ input: inputs[i], algorithm: h.algorithm, hex: h.hex, matches: index.find(h).map(describe) }));
    if (values.json) {
      write(`${JSON.stringify({ searched, hashes: results }, null, 2)}\n`);
    } else {
      const out: string[] = [];
      const where = `${searched.files} file(s)${repos.length ? `, ${searched.versions} version(s) in ${searched.commits} commit(s)` : ''}${servers.length ? `, ${servers.length} server(s)` : ''}`;
      for (const r of results) {
        const shown = `${formatPhoneHash(r)} (${r.algorithm === 'md5' ? 'MD5' : 'SHA-1'})`;
        if (!r.matches.length) {
          const next = !repos.length ? 'try --git REPO (older committed versions)' : !servers.length ? 'try --server HOST (what the cluster serves now)' : 'the phone may hold a file from another cluster or an earlier export';
          out.push(`${shown}: no match in ${where}; ${next}`);
        } else {
          out.push(`${shown}: ${r.matches.length} match(es)`);
          out.push(...r.matches.map(matchLine));
        }
      }
      write(`${out.map(inert).join('\n')}\n`);
    }
    return results.every(r => r.matches.length) ? 0 : 1;
  },
};
