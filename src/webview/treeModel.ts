// The tree shown on the left: header, signer ID, signature info, then one node per record, each with
// its fields. Diagnostics are attached to the node they concern. Pure data; the view renders it.
import type { Diagnostic, Field, Severity, TrustList, TrustRecord } from '../core/model';
import type { FieldIndex } from '../shared/fieldIndex';
import { fieldAtOffset } from '../shared/fieldIndex';
import { fieldValueText } from '../shared/fieldText';
import { displayText } from '../shared/displayText';
import { format, type WebviewStrings } from '../shared/strings';

export interface TreeNode {
  key: string;
  label: string;
  detail: string;
  level: number;
  parent?: TreeNode;
  children: TreeNode[];
  /** Diagnostics about this node itself. */
  diagnostics: Diagnostic[];
  /** Worst severity of this node and everything under it. */
  severity?: Severity;
  recordIndex?: number;
  field?: Field;
  isSigner?: boolean;
}

const SIGNER_ID = 3;
const SIGNATURE_INFO = 7;
const SIGNATURE = 12;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function recordTitle(record: TrustRecord, s: WebviewStrings): string {
  const who = record.dnsName || record.certificate?.subjectCucm || record.subjectName || '';
  const title = format(s.recordTitle, record.index, record.roleName ?? '?');
  return displayText(who ? `${title} — ${who}` : title, 160);
}

export function buildTree(list: TrustList, bytes: Uint8Array, index: FieldIndex, s: WebviewStrings): TreeNode[] {
  const fieldNode = (f: Field, level: number, parent: TreeNode): TreeNode => {
    const node: TreeNode = {
      key: index.keyOf.get(f) ?? f.path,
      label: f.label || f.name,
      detail: displayText(fieldValueText(f, bytes), 200),
      level,
      parent,
      children: [],
      diagnostics: [],
      field: f,
    };
    node.children = (f.children ?? []).map(c => fieldNode(c, level + 1, node));
    return node;
  };
  const group = (key: string, label: string, detail: string, fields: Field[], field?: Field): TreeNode => {
    const node: TreeNode = { key, label, detail, level: 1, children: [], diagnostics: [], field };
    node.children = fields.map(f => fieldNode(f, 2, node));
    return node;
  };

  const hf = list.header.fields;
  const signerId = hf.find(f => f.tag === SIGNER_ID);
  const sigInfo = hf.find(f => f.tag === SIGNATURE_INFO);
  const signature = hf.find(f => f.tag === SIGNATURE);
  const grouped = new Set([signerId, sigInfo, signature]);
  const roots: TreeNode[] = [
    group('header', s.header, [list.kind === 'unknown' ? s.kindUnknown : list.kind, list.header.version, list.header.headerLength === undefined ? '' : format(s.size, list.header.headerLength)].filter(Boolean).join(' · '), hf.filter(f => !grouped.has(f))),
  ];
  if (signerId) roots.push(group(index.keyOf.get(signerId) ?? signerId.path, s.signerId, displayText(list.header.signerName ?? '', 160), signerId.children ?? [], signerId));
  if (sigInfo || signature) {
    const fields = [...(sigInfo?.children ?? []), ...(signature ? [signature] : [])];
    const key = sigInfo ? (index.keyOf.get(sigInfo) ?? sigInfo.path) : 'header/signature';
    roots.push(group(key, s.signatureInfo, [list.signature.digest, list.signature.algorithm].filter(Boolean).join(' · '), fields, sigInfo));
  }
  for (const r of list.records) {
    const node: TreeNode = { key: r.path, label: recordTitle(r, s), detail: r.isSigner ? s.signerMark : '', level: 1, children: [], diagnostics: [], recordIndex: r.index, isSigner: r.isSigner };
    node.children = r.fields.map(f => fieldNode(f, 2, node));
    roots.push(node);
  }
  attachDiagnostics(roots, list, index);
  return roots;
}

function attachDiagnostics(roots: TreeNode[], list: TrustList, index: FieldIndex): void {
  const byKey = new Map<string, TreeNode>();
  const walk = (n: TreeNode): void => {
    byKey.set(n.key, n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  const recordAt = (offset: number): TreeNode | undefined => {
    const r = list.records.find(rec => offset >= rec.range.start && offset < rec.range.end);
    return r && byKey.get(r.path);
  };
  for (const d of list.diagnostics) {
    const atOffset = fieldAtOffset(index, d.offset);
    const node = (d.path !== undefined ? byKey.get(d.path) : undefined)
      ?? (atOffset && byKey.get(index.keyOf.get(atOffset) ?? ''))
      ?? (d.path !== undefined ? byKey.get(d.path.split('/').slice(0, 2).join('/')) : undefined)
      ?? recordAt(d.offset)
      ?? roots[0];
    node.diagnostics.push(d);
    for (let n: TreeNode | undefined = node; n; n = n.parent) n.severity = worse(n.severity, d.severity);
  }
}

/** The visible rows: roots and the children of expanded nodes, depth first. */
export function flattenVisible(roots: TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (n: TreeNode): void => {
    out.push(n);
    if (n.children.length && expanded.has(n.key)) n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** The top-level node (header group or record) a node belongs to. */
export function sectionOf(node: TreeNode): TreeNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}
