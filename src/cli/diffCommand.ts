// `diff OLD NEW`: filled in with compare() (issue 4).
import type { TrustList } from '../core/model';

export function runDiff(_args: string[], _load: (p: string) => { list: TrustList }, _write: (s: string) => void): number {
  throw new Error('diff is not available yet');
}
