// `preflight [--phone-ctl F] [--phone-itl F] [--ctl F] [--itl F] [--json]`: what a phone holding
// the first two does with the files the cluster will serve next. One block per device class, then
// its steps, then the errors; every line escaped with inert().
import type { DeviceClass } from '../core/compare';
import { inert } from '../core/dump';
import type { TrustList } from '../core/model';
import { allAccept, preflight, type Holding, type Preflight, type PreflightFile, type PreflightStep, type Slot, type StepOutcome } from '../core/preflight';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { decode } from '../node/decode';
import { GitError } from '../node/gitHistory';
import { formatPhoneHash, parsePhoneHash, PhoneHashError, type PhoneHash } from '../core/phoneHash';
import { IoError, isRemote, load, reportErrors } from './files';
import { UsageError } from './usage';
import { search, type Candidate } from './whichCommand';

export const PREFLIGHT_USAGE = 'preflight [--phone-ctl F|HASH] [--phone-itl F|HASH] [--ctl F] [--itl F] [--in DIR] [--git [REPO]] [--json]  what a phone holding CTL+ITL does with the next files; HASH is the checksum on the phone\'s screen, found like `which` (in DIR, default ., or every version committed in REPO)';

export const PREFLIGHT_OPTIONS = {
  'phone-ctl': { type: 'string' },
  'phone-itl': { type: 'string' },
  ctl: { type: 'string' },
  itl: { type: 'string' },
  in: { type: 'string', multiple: true },
  git: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

interface Resolved {
  bytes: Uint8Array;
  /** The file's name, for the decoder's kind guess. */
  name: string;
  /** Where it was found, and the hash: shown in place of a path. */
  shown: string;
}

/** A phone slot given as the checksum the phone shows: no such file, and it reads as a hash. */
function phoneHashOf(value: string): PhoneHash | undefined {
  if (isRemote(value) || existsSync(value)) return undefined;
  try {
    return parsePhoneHash(value);
  } catch (e) {
    // `md5:…`/`sha1:…` is meant as a hash: say what is wrong with it rather than "cannot read".
    if (e instanceof PhoneHashError && /^(md5|sha1)\s*:/i.test(value.trim())) throw new UsageError(e.message, 'preflight');
    return undefined;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function where(c: Candidate): string {
  if (c.source !== 'git') return c.path;
  const commit = c.commits?.[0];
  return commit ? `${c.path} @ ${commit.id.slice(0, 8)}` : c.path;
}

/**
 * The phone's files given by checksum, found as `which` finds them (folders, default the current one, and
 * git history). No match, or two different files, is an I/O error (exit 2) naming the hash and what was searched.
 */
async function resolveHashes(hashes: Partial<Record<Slot, PhoneHash>>, values: Record<string, unknown>): Promise<Partial<Record<Slot, Resolved>>> {
  const wanted = Object.entries(hashes) as [Slot, PhoneHash][];
  if (!wanted.length) return {};
  const folders = [...((values.in as string[] | undefined) ?? [])];
  const repos = (values.git as string[] | undefined) ?? [];
  if (!folders.length && !repos.length) folders.push('.');
  let index;
  let searched;
  try {
    ({ index, searched } = await search({ folders, repos, servers: [] }, wanted.map(([, h]) => h)));
  } catch (e) {
    if (e instanceof GitError) throw new IoError(e.message);
    throw e;
  }
  const out: Partial<Record<Slot, Resolved>> = {};
  for (const [slot, h] of wanted) {
    const shown = `${formatPhoneHash(h)} (${h.algorithm === 'md5' ? 'MD5' : 'SHA-1'})`;
    const found = index.find(h);
    if (!found.length) {
      const scope = [
        folders.length ? `${searched.files} file(s) in ${folders.join(', ')}` : '',
        repos.length ? `${searched.versions} committed version(s) in ${repos.join(', ')}` : '',
      ].filter(Boolean).join(', ');
      throw new IoError(inert(`--${slot} ${shown}: no match in ${scope}${repos.length ? '' : '; try --git [REPO] for older committed versions, or --in DIR'}`));
    }
    const distinct: Candidate[] = [];
    for (const c of found) if (!distinct.some(d => sameBytes(d.bytes(), c.bytes()))) distinct.push(c);
    if (distinct.length > 1) {
      throw new IoError(inert(`--${slot} ${shown} matches ${distinct.length} different files (${distinct.map(where).join(', ')}): give the file instead`));
    }
    out[slot] = { bytes: found[0].bytes(), name: basename(found[0].path), shown: `${where(found[0])} (${shown})` };
  }
  return out;
}

const DEVICES: Record<DeviceClass, string> = {
  'security-by-default': 'Phones with Security by Default',
  'no-security-by-default': 'Phones without Security by Default (7940/7960, Jabber, TelePresence, 6901/6911)',
};
const OUTCOMES: Record<StepOutcome, string> = {
  accepted: 'ACCEPTED',
  'accepted-via-tvs': 'ACCEPTED VIA TVS',
  rejected: 'REJECTED',
  undetermined: 'CANNOT BE JUDGED',
  'not-affected': 'NOT AFFECTED',
  'not-simulated': 'NOT SIMULATED',
};
const SLOTS: Record<Slot, string> = { 'phone-ctl': 'phone CTL', 'phone-itl': 'phone ITL', 'next-ctl': 'next CTL', 'next-itl': 'next ITL' };
const HOLDING: Record<Holding, string> = { phone: 'the phone\'s', next: 'the next', none: 'none', unknown: 'unknown', 'not-used': 'not used' };
const STEP_FILE = { 1: 'CTLFile.tlv', 2: 'ITL (ITLSEP<MAC>.tlv or ITLFile.tlv)' } as const;

function fileLine(slot: Slot, path: string | undefined, f: PreflightFile | null): string {
  if (!path || !f) return `  ${SLOTS[slot].padEnd(9)} not given`;
  const signer = f.signer ? `, signer #${f.signer.recordIndex} ${f.signer.cn}` : '';
  return `  ${SLOTS[slot].padEnd(9)} ${path} (${f.kind}, ${f.signature}, ${f.records} records${signer}, SHA-1 ${f.sha1})`;
}

function stepLines(s: PreflightStep): string[] {
  const rule = s.rule ? ` [${s.rule}]` : '';
  const out = [`  Step ${s.step} ${STEP_FILE[s.step]}: ${OUTCOMES[s.outcome]}${rule}`];
  if (s.signer) out.push(`    signer: #${s.signer.recordIndex} ${s.signer.cn}, serial ${s.signer.serial}, SHA-256 ${s.signer.sha256}`);
  const where = s.trustRecord ? ` (${SLOTS[s.trustRecord.list]} record #${s.trustRecord.index}, ${s.trustRecord.roleName})` : '';
  out.push(`    trust found: ${s.trust}${where}`);
  out.push(`    ${s.explanation}`);
  out.push(`    then holds: CTL ${HOLDING[s.after.ctl]}, ITL ${HOLDING[s.after.itl]}`);
  return out;
}

export function renderPreflight(p: Preflight, paths: Partial<Record<Slot, string>>): string {
  const out: string[] = ['Pre-flight check: what a phone holding the phone files does with the next files', '', 'Files'];
  for (const slot of Object.keys(SLOTS) as Slot[]) out.push(fileLine(slot, paths[slot], p.inputs[slot]));
  for (const m of p.missing) out.push(`  ${m.message}`);
  for (const c of p.classes) {
    const rule = c.rule ? ` [${c.rule}${c.decidedBy ? `, step ${c.decidedBy}` : ''}]` : '';
    out.push('', `${DEVICES[c.devices]}: ${OUTCOMES[c.outcome]}${rule}`);
    if (c.note) out.push(`  ${c.note.message}`);
    for (const s of c.steps) out.push(...stepLines(s));
    out.push(`  Recovery: ${c.recovery.message}`);
  }
  out.push('', 'Errors');
  if (!p.errors.length) out.push('  none');
  for (const e of p.errors) out.push(`  [${e.code}] ${e.message}`);
  // One escape over every line: no name or message from a file can add a line.
  return `${out.map(inert).join('\n')}\n`;
}

export async function runPreflight(values: Record<string, unknown>, write: (s: string) => void): Promise<number> {
  const paths: Partial<Record<Slot, string>> = {};
  for (const slot of Object.keys(SLOTS) as Slot[]) {
    const option = slot.startsWith('next-') ? slot.slice(5) : slot;
    const v = values[option];
    if (typeof v === 'string') paths[slot] = v;
  }
  if (Object.keys(paths).length === 0) throw new UsageError('preflight needs at least one of --phone-ctl, --phone-itl, --ctl, --itl', 'preflight');
  const hashes: Partial<Record<Slot, PhoneHash>> = {};
  for (const slot of ['phone-ctl', 'phone-itl'] as const) {
    const h = paths[slot] === undefined ? undefined : phoneHashOf(paths[slot]);
    if (h) hashes[slot] = h;
  }
  if ((values.in !== undefined || values.git !== undefined) && !Object.keys(hashes).length) {
    throw new UsageError('--in and --git are for --phone-ctl/--phone-itl given as a checksum', 'preflight');
  }
  const resolved = await resolveHashes(hashes, values);
  const loaded: Partial<Record<Slot, TrustList>> = {};
  for (const [slot, r] of Object.entries(resolved) as [Slot, Resolved][]) {
    loaded[slot] = decode(r.bytes, { fileName: r.name });
    reportErrors(r.shown, loaded[slot]);
    paths[slot] = r.shown;
  }
  await Promise.all((Object.entries(paths) as [Slot, string][]).filter(([slot]) => !resolved[slot]).map(async ([slot, path]) => {
    const { list } = await load(path);
    reportErrors(path, list);
    loaded[slot] = list;
  }));
  const p = preflight({
    phone: { ctl: loaded['phone-ctl'], itl: loaded['phone-itl'] },
    next: { ctl: loaded['next-ctl'], itl: loaded['next-itl'] },
  });
  // The l10n templates are for the extension's translations; the JSON keeps the English sentences.
  write(json(values) ? `${JSON.stringify({ files: paths, ...p }, (key, value: unknown) => (key === 'l10n' ? undefined : value), 2)}\n` : renderPreflight(p, paths));
  return allAccept(p) ? 0 : 1;
}

const json = (values: Record<string, unknown>) => values.json === true;
