// "Which Trust List Does the Phone Hold?": the pure parts, unit-tested without VS Code. Reading what the
// engineer pasted (one or two checksums), and turning the places a checksum was found into quick-pick
// rows, the current file first, then committed versions newest first.
import { formatPhoneHash, parsePhoneHash, PhoneHashError, type PhoneHash } from '../../core/phoneHash';
import type { TrustList } from '../../core/model';

export const MAX_HASHES = 2;

export type HashInputError =
  | { code: 'empty' }
  | { code: 'tooMany'; count: number }
  /** `part` as typed (trimmed, at most 80 characters); `digits` the hex digits found in it. */
  | { code: 'invalid'; part: string; digits: number; wanted?: 'md5' | 'sha1' };

export type HashInput = { hashes: PhoneHash[] } | { error: HashInputError };

function invalid(part: string): HashInputError {
  const trimmed = part.trim();
  const wanted = /^(md5|sha1)\s*:/i.exec(trimmed)?.[1].toLowerCase() as 'md5' | 'sha1' | undefined;
  const digits = /found (\d+) hex digit/.exec(tryParse(part).message)?.[1];
  return { code: 'invalid', part: trimmed.slice(0, 80), digits: Number(digits ?? 0), ...(wanted ? { wanted } : {}) };
}

function tryParse(part: string): { hash?: PhoneHash; message: string } {
  try {
    return { hash: parsePhoneHash(part), message: '' };
  } catch (e) {
    if (e instanceof PhoneHashError) return { message: e.message };
    throw e;
  }
}

/**
 * One or two checksums as pasted: separated by a newline, a comma or a semicolon, or by spaces when each
 * word is a whole checksum. A single checksum may itself contain spaces (`8C92 D1A5 …`) or its label
 * (`CTL Signature 8C:92:…`), as the phone shows it.
 */
export function parseHashInput(input: string): HashInput {
  const parts = input.split(/[\n\r,;]+/).map(p => p.trim()).filter(Boolean);
  if (!parts.length) return { error: { code: 'empty' } };
  const hashes: PhoneHash[] = [];
  for (const part of parts) {
    const whole = tryParse(part).hash;
    if (whole) {
      hashes.push(whole);
      continue;
    }
    // "HASH HASH" on one line: every word (or `md5: HASH` pair) a checksum of its own.
    const words = part.replace(/\b(md5|sha1)\s*:\s*/gi, '$1:').split(/\s+/);
    const each = words.map(w => tryParse(w).hash);
    if (words.length > 1 && each.every(h => h)) hashes.push(...(each as PhoneHash[]));
    else return { error: invalid(part) };
  }
  if (hashes.length > MAX_HASHES) return { error: { code: 'tooMany', count: hashes.length } };
  return { hashes: hashes.filter((h, i) => hashes.findIndex(x => x.algorithm === h.algorithm && x.hex === h.hex) === i) };
}

export const hashKey = (h: PhoneHash): string => `${h.algorithm}:${h.hex}`;

/** A place where one of the checksums was found. */
export interface WhichMatch {
  hash: PhoneHash;
  kind: TrustList['kind'];
  /** Workspace-relative path. */
  path: string;
  /** The URI to open, as a string (a file, or the git URI of a committed version). */
  uri: string;
  /** The file in the workspace now (false for a version found only in history). */
  current: boolean;
  /** For a committed version: the commits that wrote it, newest first. */
  commits?: { hash: string; date?: string; subject: string }[];
}

export interface WhichLabels {
  /** "{0} checksum {1}" (MD5/SHA-1, the hash). */
  matchedBy: string;
  /** "in the workspace now" */
  current: string;
  /** "last committed in {0}" (the workspace file is a committed version) */
  atHead: string;
  /** "{0} more commit(s)" */
  moreCommits: string;
}

export interface WhichItem {
  label: string;
  description: string;
  detail: string;
  match: WhichMatch;
}

const fmt = (template: string, ...args: (string | number)[]) => template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));

/**
 * Rows in the order the engineer wants them: by the checksum as typed, then files in the workspace now,
 * then committed versions newest first. A committed version identical to the current file is folded into it.
 */
export function rankMatches(matches: WhichMatch[], hashes: PhoneHash[]): WhichMatch[] {
  const order = (m: WhichMatch) => hashes.findIndex(h => hashKey(h) === hashKey(m.hash));
  const date = (m: WhichMatch) => m.commits?.[0]?.date ?? '';
  return [...matches].sort((a, b) => order(a) - order(b) || Number(b.current) - Number(a.current) || date(b).localeCompare(date(a)) || a.path.localeCompare(b.path));
}

/** Quick-pick rows: plain text only (file text is attacker-controlled; quick picks do not render markup). */
export function whichItems(matches: WhichMatch[], hashes: PhoneHash[], labels: WhichLabels): WhichItem[] {
  return rankMatches(matches, hashes).map(m => {
    const algorithm = m.hash.algorithm === 'md5' ? 'MD5' : 'SHA-1';
    const by = fmt(labels.matchedBy, algorithm, formatPhoneHash(m.hash));
    const commit = m.commits?.[0];
    const more = m.commits && m.commits.length > 1 ? ` · ${fmt(labels.moreCommits, m.commits.length - 1)}` : '';
    const short = commit?.hash.slice(0, 7);
    if (m.current || !commit) {
      return { label: `${m.kind} ${m.path}`, description: labels.current, detail: `${short ? `${fmt(labels.atHead, short)} · ` : ''}${by}`, match: m };
    }
    return {
      label: `${m.kind} ${m.path} @ ${short}`,
      description: [commit.date?.slice(0, 10), oneLine(commit.subject)].filter(Boolean).join(' '),
      detail: `${by}${more}`,
      match: m,
    };
  });
}

/** A commit subject on one line, at most 120 characters. */
export function oneLine(s: string): string {
  const line = s.split(/\r?\n/)[0].replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
