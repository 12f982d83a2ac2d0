// Finds fields by path and by byte offset. Built once per decoded list and shared by the
// webview (hex clicks, tree) and the host (copy commands).
import type { Field, TrustList, TrustRecord } from '../core/model';

export interface FieldIndex {
  /** Unique key → field. The key is the field's path; a duplicate tag gets `path@offset`. */
  byPath: Map<string, Field>;
  keyOf: Map<Field, string>;
  /** Leaf-most fields sorted by start offset; containers are left out so a click lands on a child. */
  leaves: Field[];
}

export function buildFieldIndex(list: TrustList): FieldIndex {
  const byPath = new Map<string, Field>();
  const keyOf = new Map<Field, string>();
  const leaves: Field[] = [];
  const visit = (fields: Field[]): void => {
    for (const f of fields) {
      const key = byPath.has(f.path) ? `${f.path}@${f.range.start}` : f.path;
      byPath.set(key, f);
      keyOf.set(f, key);
      if (f.children?.length) visit(f.children);
      else leaves.push(f);
    }
  };
  visit(list.header.fields);
  for (const r of list.records) visit(r.fields);
  leaves.sort((a, b) => a.range.start - b.range.start);
  return { byPath, keyOf, leaves };
}

/** The innermost field whose TLV covers `offset`, or undefined for unparsed bytes. */
export function fieldAtOffset(index: FieldIndex, offset: number): Field | undefined {
  const { leaves } = index;
  let lo = 0;
  let hi = leaves.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = leaves[mid];
    if (offset < f.range.start) hi = mid - 1;
    else if (offset >= f.range.end) lo = mid + 1;
    else return f;
  }
  // Container headers (tag + length bytes) are not covered by any leaf.
  for (const f of index.byPath.values()) {
    if (f.children?.length && offset >= f.range.start && offset < f.valueRange.start) return f;
  }
  return undefined;
}

/** The record a path belongs to (`records/3` or `records/3/9`); undefined for header paths. */
export function recordOfPath(list: TrustList, path: string): TrustRecord | undefined {
  return list.records.find(r => path === r.path || path.startsWith(`${r.path}/`));
}

export function recordByIndex(list: TrustList, index: number): TrustRecord | undefined {
  return list.records.find(r => r.index === index);
}

/** The CERTIFICATE field (tag 9) of a record, whose value is the DER certificate. */
export function certificateField(record: TrustRecord): Field | undefined {
  return record.fields.find(f => f.value.type === 'certificate' || (f.tag === 9 && f.name === 'CERTIFICATE'));
}
