// `preflight [--phone-ctl F] [--phone-itl F] [--ctl F] [--itl F] [--json]`: what a phone holding
// the first two does with the files the cluster will serve next. One block per device class, then
// its steps, then the errors; every line escaped with inert().
import type { DeviceClass } from '../core/compare';
import { inert } from '../core/dump';
import type { TrustList } from '../core/model';
import { allAccept, preflight, type Holding, type Preflight, type PreflightFile, type PreflightStep, type Slot, type StepOutcome } from '../core/preflight';
import { load, reportErrors } from './files';
import { UsageError } from './usage';

export const PREFLIGHT_USAGE = 'preflight [--phone-ctl F] [--phone-itl F] [--ctl F] [--itl F] [--json]  what a phone holding CTL+ITL does with the next files';

export const PREFLIGHT_OPTIONS = {
  'phone-ctl': { type: 'string' },
  'phone-itl': { type: 'string' },
  ctl: { type: 'string' },
  itl: { type: 'string' },
  json: { type: 'boolean' },
} as const;

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
  const loaded: Partial<Record<Slot, TrustList>> = {};
  await Promise.all((Object.entries(paths) as [Slot, string][]).map(async ([slot, path]) => {
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
