// Builds what the comparison webview shows from two decoded lists. No vscode import: unit-tested.
import { compare, type CompareOptions } from '../../core/compare';
import { fill } from '../../core/messages';
import type { TrustList, TrustRecord } from '../../core/model';
import { certificateRows } from '../../shared/certificateRows';
import type { CertificateLabels } from '../../shared/strings';
import type { CompareModel, CompareSideInfo, RecordDetails } from './protocol';
import { localizeComparison, type Localize } from '../localizedModel';

function recordAt(list: TrustList, index: number | undefined): TrustRecord | undefined {
  return index === undefined ? undefined : list.records.find(r => r.index === index);
}

export function buildCompareModel(
  oldSide: CompareSideInfo & { list: TrustList },
  newSide: CompareSideInfo & { list: TrustList },
  labels: CertificateLabels,
  options: CompareOptions & { now: Date },
  /** Verdicts and warnings in the display language; English by default. */
  localize: Localize = fill,
): CompareModel {
  const comparison = localizeComparison(compare(oldSide.list, newSide.list, options), localize);
  const now = options.now.getTime();
  const rows = (list: TrustList, index: number | undefined): RecordDetails['old'] => {
    const record = recordAt(list, index);
    return record && certificateRows(record, now, labels);
  };
  return {
    old: { name: oldSide.name, description: oldSide.description },
    new: { name: newSide.name, description: newSide.description },
    comparison,
    details: comparison.records.map(r => ({ old: rows(oldSide.list, r.old?.index), new: rows(newSide.list, r.new?.index) })),
  };
}
