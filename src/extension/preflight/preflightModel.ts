// Builds what the pre-flight webview shows from the decoded lists in each slot. No vscode import:
// unit-tested. The sentences go to the webview in the display language; the core result keeps English.
import type { TrustList } from '../../core/model';
import { fill } from '../../core/messages';
import { preflight, type Preflight, type Slot } from '../../core/preflight';
import type { PreflightFileInfo, PreflightModel } from '../../shared/preflightProtocol';
import type { Localize } from '../localizedModel';

export const SLOTS: readonly Slot[] = ['phone-ctl', 'phone-itl', 'next-ctl', 'next-itl'];

export type SlotFile = PreflightFileInfo & { list: TrustList };

export function localizePreflight(p: Preflight, localize: Localize): Preflight {
  const sentence = <T extends { message: string; l10n: Parameters<Localize>[0] }>(s: T): T => ({ ...s, message: localize(s.l10n) });
  return {
    ...p,
    missing: p.missing.map(sentence),
    errors: p.errors.map(sentence),
    classes: p.classes.map(c => ({
      ...c,
      recovery: sentence(c.recovery),
      ...(c.note ? { note: sentence(c.note) } : {}),
      steps: c.steps.map(s => ({ ...s, explanation: localize(s.l10n) })),
    })),
  };
}

export function buildPreflightModel(files: Partial<Record<Slot, SlotFile>>, localize: Localize = fill): PreflightModel {
  const result = preflight({
    phone: { ctl: files['phone-ctl']?.list, itl: files['phone-itl']?.list },
    next: { ctl: files['next-ctl']?.list, itl: files['next-itl']?.list },
  });
  const info = (s: Slot): PreflightFileInfo | null => {
    const f = files[s];
    return f ? { name: f.name, description: f.description } : null;
  };
  return {
    files: Object.fromEntries(SLOTS.map(s => [s, info(s)])) as Record<Slot, PreflightFileInfo | null>,
    preflight: localizePreflight(result, localize),
  };
}

/**
 * Where an Explorer selection goes: each file into the next-<kind> slot if free, else the phone slot
 * of its kind. A file whose kind is unknown goes to the first free slot.
 */
export function slotsFor(kinds: TrustList['kind'][]): (Slot | undefined)[] {
  const taken = new Set<Slot>();
  // Two files of one kind read as in a comparison: the first selected is what the phone holds (OLD), the
  // second what the cluster will serve (NEW). A single file of a kind is what the cluster will serve.
  const pair = (kind: 'CTL' | 'ITL') => kinds.filter(k => k === kind).length > 1;
  return kinds.map(kind => {
    const order: Slot[] = kind === 'ITL' ? (pair('ITL') ? ['phone-itl', 'next-itl'] : ['next-itl', 'phone-itl'])
      : kind === 'CTL' ? (pair('CTL') ? ['phone-ctl', 'next-ctl'] : ['next-ctl', 'phone-ctl'])
      : ['next-ctl', 'next-itl', 'phone-ctl', 'phone-itl'];
    const slot = order.find(s => !taken.has(s));
    if (slot) taken.add(slot);
    return slot;
  });
}
