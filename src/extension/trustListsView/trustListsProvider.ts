// The Explorer's "Trust Lists" view: folder → identical content → file, from the core report of each
// folder (buildReport groups by SHA-256). A change to one file refreshes its folder's element only.
// Labels, descriptions and tooltips are plain strings (file text never reaches Markdown).
import * as vscode from 'vscode';
import type { SignatureStatus } from '../../core/model';
import type { ContentGroup, FolderReport } from '../../core/report';
import { inert } from '../../core/dump';
import { Disposable } from '../dispose';
import type { IndexChange, TrustListIndex } from './trustListIndex';

export const TRUST_LISTS_VIEW = 'tlvViewer.trustLists';

export interface FolderNode { type: 'folder'; key: string }
export interface GroupNode { type: 'group'; folder: string; group: ContentGroup; outliers: number }
export interface FileNode { type: 'file'; uri: vscode.Uri; name: string; status: SignatureStatus; outlier: boolean }
export type TrustListNode = FolderNode | GroupNode | FileNode;

/** What the test API reports of the view: each file under its folder and group, as shown. */
export interface TrustListsSnapshotItem {
  folder: string;
  kind: string;
  status: SignatureStatus;
  signer?: string;
  records: number;
  count: number;
  file: string;
  uri: string;
  label: string;
  description: string;
}

export function statusIcon(status: SignatureStatus): vscode.ThemeIcon {
  switch (status) {
    case 'verified': return new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'invalid':
    case 'malformed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'signer-not-found':
    case 'unsupported': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
}

export function statusText(status: SignatureStatus): string {
  switch (status) {
    case 'verified': return vscode.l10n.t('signature verified');
    case 'invalid': return vscode.l10n.t('signature invalid');
    case 'malformed': return vscode.l10n.t('malformed');
    case 'signer-not-found': return vscode.l10n.t('signer not found');
    case 'unsupported': return vscode.l10n.t('signature not checked (unsupported)');
  }
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
/** File text in a label or tooltip: one line, no bidi controls, at most 120 characters (a name may be 60 KB). */
const text = (s: string) => {
  const t = inert(s);
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
};

export class TrustListsProvider extends Disposable implements vscode.TreeDataProvider<TrustListNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TrustListNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** One element per folder key, reused so a change can name it. */
  private readonly folderNodes = new Map<string, FolderNode>();

  constructor(private readonly index: TrustListIndex) {
    super();
    this._register(index.onDidChange(c => this.onIndexChange(c)));
  }

  private onIndexChange(c: IndexChange): void {
    const present = new Set(this.index.all().map(e => e.summary.folder));
    const sameFolders = present.size === this.folderNodes.size && [...present].every(f => this.folderNodes.has(f));
    if (!c.folders || !sameFolders) {
      // Folders came or went: the root changes.
      for (const k of [...this.folderNodes.keys()]) if (!present.has(k)) this.folderNodes.delete(k);
      this.changed.fire(undefined);
      return;
    }
    for (const f of c.folders) {
      const node = this.folderNodes.get(f);
      if (node) this.changed.fire(node);
    }
  }

  private folderNode(key: string): FolderNode {
    let n = this.folderNodes.get(key);
    if (!n) this.folderNodes.set(key, (n = { type: 'folder', key }));
    return n;
  }

  private folderReport(key: string): FolderReport | undefined {
    return this.index.folderReport(key).folders[0];
  }

  async getChildren(node?: TrustListNode): Promise<TrustListNode[]> {
    if (!node) {
      await this.index.ready();
      return [...new Set(this.index.all().map(e => e.summary.folder))].sort().map(k => this.folderNode(k));
    }
    if (node.type === 'folder') {
      const report = this.index.folderReport(node.key);
      const outliers = new Set(report.outliers.map(o => o.path));
      return (report.folders[0]?.groups ?? []).map(group => ({ type: 'group', folder: node.key, group, outliers: group.paths.filter(p => outliers.has(p)).length }));
    }
    if (node.type === 'group') {
      const outliers = new Set(this.index.folderReport(node.folder).outliers.map(o => o.path));
      const byPath = new Map(this.index.inFolder(node.folder).map(e => [e.summary.path, e]));
      return node.group.paths.flatMap(p => {
        const e = byPath.get(p);
        return e ? [{ type: 'file', uri: e.uri, name: e.summary.name, status: e.summary.status, outlier: outliers.has(p) } as FileNode] : [];
      });
    }
    return [];
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: TrustListNode): vscode.TreeItem {
    switch (node.type) {
      case 'folder': return this.folderItem(node);
      case 'group': return groupItem(node);
      case 'file': return fileItem(node);
    }
  }

  private folderItem(node: FolderNode): vscode.TreeItem {
    const f = this.folderReport(node.key);
    const label = node.key === '' ? vscode.l10n.t('(workspace root)') : text(node.key);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `folder:${node.key}`;
    item.contextValue = 'trustListFolder';
    const description = vscode.l10n.t('{0} files, {1} verified, {2} distinct', f?.files ?? 0, f?.verified ?? 0, f?.groups.length ?? 0);
    item.description = description;
    item.iconPath = f && f.verified < f.files ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.Folder;
    item.tooltip = `${label}\n${description}`;
    item.accessibilityInformation = { label: vscode.l10n.t('Folder {0}: {1}', label, description) };
    return item;
  }
}

export function groupLabel(g: ContentGroup): string {
  return g.signer ? `${g.kind} — ${text(g.signer.commonName)}` : `${g.kind} — ${vscode.l10n.t('no signer')}`;
}

export function groupDescription(g: ContentGroup): string {
  const parts = [statusText(g.status), vscode.l10n.t('{0} records', g.records)];
  if (g.earliestNotAfter) parts.push(vscode.l10n.t('earliest expiry {0}', day(g.earliestNotAfter)));
  parts.push(vscode.l10n.t('{0} file(s)', g.count));
  return parts.join(' · ');
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const g = node.group;
  const label = groupLabel(g);
  const description = groupDescription(g);
  const item = new vscode.TreeItem(label, g.count <= 3 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `group:${node.folder}:${g.sha256}`;
  item.contextValue = 'trustListGroup';
  item.description = description;
  item.iconPath = statusIcon(g.status);
  const lines = [
    label,
    vscode.l10n.t('Kind: {0}', g.kind),
    vscode.l10n.t('Status: {0}', statusText(g.status)),
    g.signer ? vscode.l10n.t('Signer: record #{0} {1} (serial {2})', g.signer.index, text(g.signer.commonName), g.signer.serial) : vscode.l10n.t('no signer'),
    vscode.l10n.t('{0} records', g.records),
    g.earliestNotAfter ? vscode.l10n.t('earliest expiry {0}', day(g.earliestNotAfter)) : '',
    vscode.l10n.t('{0} file(s) with this content', g.count),
    node.outliers ? vscode.l10n.t('{0} of them differ from the folder majority', node.outliers) : '',
    `SHA-1 ${g.sha1}`,
    `SHA-256 ${g.sha256}`,
  ].filter(Boolean);
  item.tooltip = lines.join('\n');
  item.accessibilityInformation = { label: `${label}, ${description}` };
  return item;
}

function fileItem(node: FileNode): vscode.TreeItem {
  const name = text(node.name);
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.id = `file:${node.uri.toString()}`;
  item.resourceUri = node.uri;
  item.contextValue = 'trustListFile';
  item.iconPath = node.outlier ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
  item.description = node.outlier ? vscode.l10n.t('differs from the folder') : undefined;
  item.tooltip = `${node.uri.scheme === 'file' ? node.uri.fsPath : node.uri.toString(true)}\n${statusText(node.status)}`;
  item.command = { command: 'vscode.openWith', title: vscode.l10n.t('Open'), arguments: [node.uri, 'tlvViewer.editor'] };
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}', name, statusText(node.status)) + (node.outlier ? `, ${vscode.l10n.t('differs from the folder')}` : '') };
  return item;
}

/** The view as a flat list of files with their group's facts, for the test API. */
export async function snapshot(provider: TrustListsProvider): Promise<TrustListsSnapshotItem[]> {
  const out: TrustListsSnapshotItem[] = [];
  for (const folder of await provider.getChildren()) {
    if (folder.type !== 'folder') continue;
    for (const group of await provider.getChildren(folder)) {
      if (group.type !== 'group') continue;
      const g = group.group;
      for (const file of await provider.getChildren(group)) {
        if (file.type !== 'file') continue;
        const item = provider.getTreeItem(group);
        out.push({
          folder: folder.key, kind: g.kind, status: g.status, signer: g.signer?.commonName, records: g.records, count: g.count,
          file: file.name, uri: file.uri.toString(), label: String(item.label), description: String(item.description),
        });
      }
    }
  }
  return out;
}
