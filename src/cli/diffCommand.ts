// `diff [--json] OLD NEW`: verdict lines first, then the signer, record changes and warnings.
import { compare, type Comparison, type RecordDiff } from '../core/compare';
import { inert } from '../core/dump';
import { load, reportErrors } from './files';

const DEVICES = {
  'security-by-default': 'Phones with Security by Default',
  'no-security-by-default': 'Phones without Security by Default (7940/7960, Jabber, TelePresence)',
} as const;
const OUTCOMES = { accepted: 'ACCEPTED', 'accepted-via-tvs': 'ACCEPTED VIA TVS', rejected: 'REJECTED', undetermined: 'CANNOT BE JUDGED' } as const;
const MARKS = { unchanged: '=', changed: '~', added: '+', removed: '-' } as const;

function recordLine(r: RecordDiff): string {
  const index = r.status === 'removed' ? `old #${r.old?.index}` : `#${r.new?.index}`;
  let line = `  ${MARKS[r.status]} ${r.status.padEnd(9)} ${index.padEnd(8)} ${r.roleName.padEnd(8)} ${r.host}`;
  if (r.status === 'changed') {
    const o = r.old?.certificate;
    const n = r.new?.certificate;
    const parts: string[] = [];
    if (r.differences.includes('serial')) parts.push(`serial ${o?.serial ?? r.old?.serial} → ${n?.serial ?? r.new?.serial}`);
    if (r.differences.includes('key') && o && n) parts.push(`${o.keyAlgorithm}-${o.keySize} → ${n.keyAlgorithm}-${n.keySize}`);
    if (r.differences.includes('validity') && o && n) parts.push(`valid until ${o.notAfter.slice(0, 10)} → ${n.notAfter.slice(0, 10)}`);
    if (r.differences.includes('fingerprint') && o && n) parts.push(`SHA-1 ${o.sha1.slice(0, 8)}… → ${n.sha1.slice(0, 8)}…`);
    for (const d of r.differences.filter(d => !['serial', 'key', 'validity', 'fingerprint'].includes(d))) parts.push(`${d} changed`);
    line += `: ${parts.join('; ')}`;
  }
  return line;
}

export function renderComparison(c: Comparison, oldName: string, newName: string): string {
  const out: string[] = [];
  out.push(`Comparing OLD ${oldName} (${c.old.kind}, ${c.old.length} bytes, ${c.old.signature}) with NEW ${newName} (${c.new.kind}, ${c.new.length} bytes, ${c.new.signature})`);
  if (c.identical) out.push('The two files are byte-for-byte identical.');
  out.push('', 'Verdict');
  for (const v of c.verdicts) out.push(`  ${DEVICES[v.devices]}: ${OUTCOMES[v.outcome]} [${v.rule}] ${v.explanation}`);
  out.push('', 'Signer');
  const s = (x: Comparison['signer']['old']) => (x ? `#${x.recordIndex} ${x.subject}, serial ${x.serial}, SHA-256 ${x.sha256}` : 'not found');
  out.push(`  OLD: ${s(c.signer.old)}`, `  NEW: ${s(c.signer.new)}`);
  const where = c.signer.newSignerOldRecord ? ` (OLD record #${c.signer.newSignerOldRecord.index}, ${c.signer.newSignerOldRecord.roleName})` : '';
  out.push(`  ${c.signer.changed ? 'The signer changed' : 'The signer is unchanged'}; NEW's signer in OLD: ${c.signer.newSignerInOld}${where}.`);
  out.push('', 'Records');
  for (const r of c.records) out.push(recordLine(r));
  out.push('', 'Warnings');
  if (!c.warnings.length) out.push('  none');
  for (const w of c.warnings) out.push(`  [${w.code}] ${w.message}`);
  // One escape over every line: no name, DNS name or message from a file can add a line.
  return `${out.map(inert).join('\n')}\n`;
}

export async function runDiff(oldFile: string, newFile: string, json: boolean, write: (s: string) => void): Promise<number> {
  const [oldList, newList] = await Promise.all([oldFile, newFile].map(async f => {
    const { list } = await load(f);
    reportErrors(f, list);
    return list;
  }));
  const c = compare(oldList, newList);
  // The l10n templates are for the extension's translations; the JSON keeps the English sentences.
  write(json ? `${JSON.stringify(c, (key, value: unknown) => (key === 'l10n' ? undefined : value), 2)}\n` : renderComparison(c, oldFile, newFile));
  return c.verdicts.every(v => v.outcome === 'accepted' || v.outcome === 'accepted-via-tvs') ? 0 : 1;
}
