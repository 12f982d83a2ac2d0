// Webview entry: receives the decoded model from the host, renders the views and keeps one selection
// in sync across tree, tag table, records table and hex pane. It never parses the file.
import type { Diagnostic, TrustList } from '../core/model';
import type { HostToWebview, ViewModel, WebviewSettings, WebviewToHost } from '../shared/protocol';
import { format, type WebviewStrings } from '../shared/strings';
import { buildFieldIndex, fieldAtOffset, type FieldIndex } from '../shared/fieldIndex';
import { h } from './dom';
import { Rpc } from './rpc';
import { buildTree, sectionOf, type TreeNode } from './treeModel';
import { TreeView } from './treeView';
import { TagTable } from './tagTable';
import { RecordsTable } from './recordsTable';
import { HexView } from './hexView';
import { renderTopBar } from './topBar';
import { SelectionActions } from './actions';
import { certificateField } from '../shared/fieldIndex';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PersistedState {
  expanded: string[];
  selected?: string;
}

const vscode = acquireVsCodeApi();
const rpc = new Rpc(m => vscode.postMessage(m));

class App {
  private model!: ViewModel;
  private index!: FieldIndex;
  private selected: string | undefined;
  private section: TreeNode | undefined;
  private readonly expanded: Set<string>;
  private readonly topSlot = h('div', { class: 'topbar-slot' });
  private readonly tree: TreeView;
  private readonly tagTable: TagTable;
  private readonly records: RecordsTable;
  private readonly hex: HexView;
  private readonly fieldsHeading: HTMLElement;
  private readonly actions: SelectionActions;

  constructor(private readonly s: WebviewStrings, private settings: WebviewSettings, private readonly locale: string) {
    const saved = vscode.getState() as PersistedState | undefined;
    this.expanded = new Set(saved?.expanded ?? ['header']);
    this.selected = saved?.selected;
    this.tree = new TreeView(s, this.expanded, {
      onSelect: key => this.select(key, { focusTree: true }),
      onExpandedChange: () => this.persist(),
      onHover: (node, row) => this.hoverTree(node, row),
    });
    const nodeOf = (key: string): TreeNode | undefined => this.tree.node(key);
    this.tagTable = new TagTable(s, key => this.select(key), nodeOf);
    this.records = new RecordsTable(s, r => this.select(r.path), nodeOf);
    this.hex = new HexView(s.hexLabel, offset => this.pick(offset), dir => this.step(dir));
    this.fieldsHeading = h('h2', { id: 'fields-heading', text: s.header });
    this.actions = new SelectionActions(s, {
      copy: format => {
        if (this.selected) void rpc.request('copyField', { path: this.selected, format }).catch(() => undefined);
      },
      export: format => {
        const record = this.section?.recordIndex;
        if (record !== undefined) void rpc.request('exportCertificate', { record, format }).catch(() => undefined);
      },
    });
    const pane = (id: string, heading: HTMLElement, body: HTMLElement): HTMLElement =>
      h('section', { id, class: 'pane', attrs: { 'aria-labelledby': (heading.querySelector('h2') ?? heading).id } }, heading, body);
    document.body.replaceChildren(
      this.topSlot,
      h('main', { id: 'layout', attrs: { 'aria-label': s.appLabel } },
        pane('tree-pane', h('h2', { id: 'tree-heading', text: s.structure }), this.tree.element),
        h('div', { class: 'right' },
          pane('fields-pane', h('div', { class: 'pane-header' }, this.fieldsHeading, this.actions.element), this.tagTable.element),
          pane('records-pane', h('h2', { id: 'records-heading', text: s.records }), this.records.element),
          pane('hex-pane', h('h2', { id: 'hex-heading', text: s.bytes }), this.hex.element))),
      this.records.tooltip.element);
  }

  setModel(received: ViewModel): void {
    const model = { ...received, bytes: asBytes(received.bytes) };
    this.model = model;
    const list = model.list;
    this.index = buildFieldIndex(list);
    this.topSlot.replaceChildren(renderTopBar(list, model.file, this.s, this.locale, {
      copy: text => rpc.request('copyText', { text }).then(() => undefined),
      selectDiagnostic: d => this.selectDiagnostic(d, list),
      selectRecord: index => {
        const record = list.records.find(r => r.index === index);
        if (record) this.reveal(record.path);
      },
    }));
    this.tree.setRoots(buildTree(list, model.bytes, this.index, this.s));
    this.records.setRecords(list.records, this.settings.expiryWarningDays);
    this.hex.setBytes(model.bytes, list.unparsed);
    this.section = undefined;
    const keep = this.selected && this.tree.node(this.selected) ? this.selected : 'header';
    this.select(keep);
    document.body.dataset.ready = '1';
    this.reportRendered();
  }

  setSettings(settings: WebviewSettings): void {
    this.settings = settings;
    this.records.setWarningDays(settings.expiryWarningDays);
  }

  reveal(path: string): void {
    if (!this.tree.node(path)) return;
    this.expanded.add(path);
    this.select(path, { focusTree: true });
  }

  select(key: string, opts: { focusTree?: boolean } = {}): void {
    const node = this.tree.node(key);
    if (!node) return;
    this.selected = key;
    const section = sectionOf(node);
    const record = section.recordIndex !== undefined ? this.model.list.records.find(r => r.index === section.recordIndex) : undefined;
    if (section !== this.section) {
      this.section = section;
      const caption = record ? section.label : this.s.header;
      this.fieldsHeading.textContent = format(this.s.fieldsOf, caption);
      this.tagTable.show(caption, record ? record.fields : this.model.list.header.fields, this.model.bytes, this.index, this.s);
    }
    this.tagTable.setSelected(key);
    const copyable = node.field !== undefined && node.field.value.type !== 'container' && node.field.value.type !== 'padding';
    this.actions.update(copyable, record !== undefined && certificateField(record) !== undefined);
    this.records.setSelected(record?.index);
    this.hex.setSelection({ field: node.field, section: record ? record.range : this.model.list.header.range });
    this.tree.select(key, opts.focusTree);
    vscode.postMessage({ type: 'select', path: key });
    this.persist();
  }

  /** Certificate details for a record node or its CERTIFICATE field, like the records-table rows. */
  private hoverTree(node: TreeNode | undefined, row: HTMLElement | undefined): void {
    const section = node && sectionOf(node);
    const showsCertificate = node && (node === section || node.field?.value.type === 'certificate');
    const record = showsCertificate ? this.model.list.records.find(r => r.index === section?.recordIndex) : undefined;
    if (record && row) this.records.tooltip.show(record, row, this.s);
    else this.records.tooltip.hide();
  }

  private pick(offset: number): void {
    const field = fieldAtOffset(this.index, offset);
    if (field) return this.select(this.index.keyOf.get(field) ?? field.path);
    const record = this.model.list.records.find(r => offset >= r.range.start && offset < r.range.end);
    if (record) this.select(record.path);
  }

  private step(direction: 1 | -1): void {
    const leaves = this.index.leaves;
    const current = this.selected ? this.index.byPath.get(this.selected) : undefined;
    const i = current ? leaves.indexOf(current) : -1;
    const next = leaves[Math.max(0, Math.min(leaves.length - 1, i + direction))];
    if (next) this.select(this.index.keyOf.get(next) ?? next.path);
  }

  private selectDiagnostic(d: Diagnostic, list: TrustList): void {
    const field = fieldAtOffset(this.index, d.offset);
    const key = (d.path !== undefined && this.tree.node(d.path) ? d.path : undefined)
      ?? (field && this.index.keyOf.get(field))
      ?? list.records.find(r => d.offset >= r.range.start && d.offset < r.range.end)?.path;
    if (key) this.select(key, { focusTree: true });
  }

  private persist(): void {
    const state: PersistedState = { expanded: [...this.expanded], selected: this.selected };
    vscode.setState(state);
  }

  /** Tells the host what the page shows, read back from the DOM (tests compare it with the file). */
  private reportRendered(): void {
    const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
    vscode.postMessage({
      type: 'rendered',
      summary: {
        badge: document.getElementById('badge')?.getAttribute('data-status') ?? '',
        md5: text('checksum-md5'),
        sha1: text('checksum-sha1'),
        sha256: text('checksum-sha256'),
        records: this.model.list.records.length,
      },
    });
  }
}

/** The bytes as a Uint8Array, however the webview transport delivered them (typed array, ArrayBuffer or plain object). */
function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return Uint8Array.from(Object.values(value as Record<string, number>));
}

let app: App | undefined;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      document.documentElement.lang = message.locale;
      app = new App(message.strings, message.settings, message.locale);
      app.setModel(message.model);
      return;
    case 'update':
      app?.setModel(message.model);
      return;
    case 'settings':
      app?.setSettings(message.settings);
      return;
    case 'reveal':
      app?.reveal(message.path);
      return;
    case 'response':
      rpc.settle(message.id, message.result);
      return;
    default: {
      const unknown: never = message;
      console.warn('Unknown message from the host', (unknown as { type?: unknown }).type);
    }
  }
});

vscode.postMessage({ type: 'ready' });
