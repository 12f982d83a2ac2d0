// The structure tree: an ARIA tree rendered through a VirtualWindow, with the usual keyboard model
// (arrows, Home/End, PageUp/PageDown; selection follows focus).
import { h, setPx } from './dom';
import { VirtualWindow } from './virtualWindow';
import { flattenVisible, type TreeNode } from './treeModel';
import { diagnosticsTitle, severityMark } from './severity';
import type { WebviewStrings } from '../shared/strings';

const ROW_HEIGHT = 22;

export interface TreeViewEvents {
  onSelect(key: string): void;
  onExpandedChange(expanded: Set<string>): void;
  /** The pointer is over a row (for the certificate tooltip), or left the tree. */
  onHover(node: TreeNode | undefined, row: HTMLElement | undefined): void;
}

export class TreeView {
  readonly element: HTMLElement;
  private readonly sizer = h('div', { class: 'v-sizer', attrs: { role: 'presentation' } });
  private readonly window = h('div', { class: 'v-window', attrs: { role: 'presentation' } });
  private readonly virtual: VirtualWindow;
  private roots: TreeNode[] = [];
  private rows: TreeNode[] = [];
  private byKey = new Map<string, TreeNode>();
  private selected: string | undefined;

  constructor(private readonly s: WebviewStrings, private expanded: Set<string>, private readonly events: TreeViewEvents) {
    this.element = h('div', { id: 'tree', class: 'tree scroll', attrs: { role: 'tree', 'aria-label': s.structure } }, this.sizer);
    this.sizer.appendChild(this.window);
    this.virtual = new VirtualWindow(this.element, ROW_HEIGHT, (start, end) => this.render(start, end));
    this.element.addEventListener('keydown', e => {
      this.events.onHover(undefined, undefined);
      this.onKey(e);
    });
    this.element.addEventListener('click', e => {
      this.events.onHover(undefined, undefined);
      this.onClick(e);
    });
    // mousemove, not mouseover: rows re-rendered under a still pointer must not bring the tooltip back.
    this.element.addEventListener('mousemove', e => {
      const row = (e.target as HTMLElement).closest('[role=treeitem]');
      const node = row && this.byKey.get(row.getAttribute('data-path') ?? '');
      if (row instanceof HTMLElement && node) this.events.onHover(node, row);
    });
    this.element.addEventListener('mouseleave', () => this.events.onHover(undefined, undefined));
    this.element.addEventListener('scroll', () => this.events.onHover(undefined, undefined), { passive: true });
  }

  setRoots(roots: TreeNode[]): void {
    this.roots = roots;
    this.byKey = new Map();
    const walk = (n: TreeNode): void => {
      this.byKey.set(n.key, n);
      n.children.forEach(walk);
    };
    roots.forEach(walk);
    this.relayout();
  }

  node(key: string): TreeNode | undefined {
    return this.byKey.get(key);
  }

  /** Marks `key` selected, expanding its ancestors and scrolling it into view. */
  select(key: string, focus = false): void {
    const node = this.byKey.get(key);
    if (!node) return;
    this.selected = key;
    let changed = false;
    for (let p = node.parent; p; p = p.parent) {
      if (!this.expanded.has(p.key)) {
        this.expanded.add(p.key);
        changed = true;
      }
    }
    if (changed) this.events.onExpandedChange(this.expanded);
    this.relayout();
    this.virtual.scrollToIndex(this.rows.indexOf(node));
    if (focus) this.focusSelected();
  }

  private relayout(): void {
    this.rows = flattenVisible(this.roots, this.expanded);
    setPx(this.sizer, 'height', this.rows.length * ROW_HEIGHT);
    this.virtual.setCount(this.rows.length);
  }

  private render(start: number, end: number): void {
    // hasFocus: a re-render (e.g. on resize) must not pull the focus back from the workbench.
    const hadFocus = document.hasFocus() && this.element.contains(document.activeElement);
    setPx(this.window, 'top', start * ROW_HEIGHT);
    const focusKey = this.selected ?? this.rows[0]?.key;
    const items = this.rows.slice(start, end).map((n, i) => this.renderRow(n, start + i, n.key === focusKey));
    this.window.replaceChildren(...items);
    if (hadFocus) this.focusSelected();
  }

  private renderRow(n: TreeNode, index: number, tabStop: boolean): HTMLElement {
    const hasChildren = n.children.length > 0;
    const open = this.expanded.has(n.key);
    const siblings = n.parent ? n.parent.children : this.roots;
    const context = n.recordIndex !== undefined && !n.field
      ? { webviewSection: 'record', recordIndex: n.recordIndex, preventDefaultContextMenuItems: true }
      : { webviewSection: 'field', path: n.key, recordIndex: recordIndexOf(n), preventDefaultContextMenuItems: true };
    const row = h('div', {
      class: `tree-row${n.key === this.selected ? ' selected' : ''}${n.isSigner ? ' signer' : ''}`,
      attrs: {
        role: 'treeitem',
        'data-path': n.key,
        'data-index': index,
        'aria-level': n.level,
        'aria-setsize': siblings.length,
        'aria-posinset': siblings.indexOf(n) + 1,
        'aria-selected': n.key === this.selected ? 'true' : 'false',
        'aria-expanded': hasChildren ? String(open) : undefined,
        tabindex: tabStop ? 0 : -1,
        'data-vscode-context': JSON.stringify(context),
      },
    },
    h('span', { class: 'twisty', text: hasChildren ? (open ? '▾' : '▸') : '', attrs: { 'aria-hidden': 'true' } }),
    severityMark(n.severity, this.s),
    h('span', { class: 'tree-label', text: n.label }),
    n.detail ? h('span', { class: 'tree-detail', text: n.detail }) : null);
    setPx(row, 'padding-left', 4 + (n.level - 1) * 14);
    row.title = [n.detail ? `${n.label}: ${n.detail}` : n.label, diagnosticsTitle(n.diagnostics)].filter(Boolean).join('\n');
    return row;
  }

  private focusSelected(): void {
    const key = this.selected ?? this.rows[0]?.key;
    const el = [...this.window.children].find(c => c.getAttribute('data-path') === key);
    if (el instanceof HTMLElement) el.focus({ preventScroll: true });
  }

  private toggle(n: TreeNode, open: boolean): void {
    if (!n.children.length || this.expanded.has(n.key) === open) return;
    if (open) this.expanded.add(n.key);
    else this.expanded.delete(n.key);
    this.events.onExpandedChange(this.expanded);
    this.relayout();
  }

  private onClick(e: MouseEvent): void {
    const row = (e.target as HTMLElement).closest('[role=treeitem]');
    const n = row && this.byKey.get(row.getAttribute('data-path') ?? '');
    if (!n) return;
    if ((e.target as HTMLElement).classList.contains('twisty')) this.toggle(n, !this.expanded.has(n.key));
    this.events.onSelect(n.key);
  }

  private onKey(e: KeyboardEvent): void {
    const current = this.selected ? this.byKey.get(this.selected) : undefined;
    const i = current ? this.rows.indexOf(current) : -1;
    const page = Math.max(1, Math.floor(this.element.clientHeight / ROW_HEIGHT) - 1);
    let target: TreeNode | undefined;
    switch (e.key) {
      case 'ArrowDown': target = this.rows[Math.min(this.rows.length - 1, i + 1)]; break;
      case 'ArrowUp': target = this.rows[Math.max(0, i - 1)]; break;
      case 'PageDown': target = this.rows[Math.min(this.rows.length - 1, i + page)]; break;
      case 'PageUp': target = this.rows[Math.max(0, i - page)]; break;
      case 'Home': target = this.rows[0]; break;
      case 'End': target = this.rows[this.rows.length - 1]; break;
      case 'ArrowRight':
        if (current && current.children.length && !this.expanded.has(current.key)) this.toggle(current, true);
        else target = current?.children[0];
        break;
      case 'ArrowLeft':
        if (current && this.expanded.has(current.key)) this.toggle(current, false);
        else target = current?.parent;
        break;
      case 'Enter':
      case ' ':
        if (current) this.toggle(current, !this.expanded.has(current.key));
        break;
      default:
        return;
    }
    e.preventDefault();
    if (target) this.events.onSelect(target.key);
    this.focusSelected();
  }
}

function recordIndexOf(n: TreeNode): number | undefined {
  let p: TreeNode | undefined = n;
  while (p && p.recordIndex === undefined) p = p.parent;
  return p?.recordIndex;
}
