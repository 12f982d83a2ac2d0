// The comparison's "Check with the ITL too…": which pre-flight slots OLD and NEW go into. Shared by the
// comparison webview (whether to show the button, and its label) and the host (the slot map it opens).
import type { TrustList } from '../core/model';
import type { Slot } from '../core/preflight';

export interface ComparePreflightSlots {
  kind: 'CTL' | 'ITL';
  /** OLD: the file the phones hold. */
  phone: Slot;
  /** NEW: the file the cluster will serve next. */
  next: Slot;
}

/** Two CTLs → phone CTL / next CTL; two ITLs → phone ITL / next ITL; anything else has no pre-flight. */
export function comparePreflightSlots(oldKind: TrustList['kind'], newKind: TrustList['kind']): ComparePreflightSlots | undefined {
  if (oldKind !== newKind) return undefined;
  if (newKind === 'CTL') return { kind: 'CTL', phone: 'phone-ctl', next: 'next-ctl' };
  if (newKind === 'ITL') return { kind: 'ITL', phone: 'phone-itl', next: 'next-itl' };
  return undefined;
}
