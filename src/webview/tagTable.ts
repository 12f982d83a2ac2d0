// CUCM's `BYTEPOS TAG LENGTH VALUE` table for the selected header or record, plus the real byte
// offset (CUCM's BYTEPOS column actually holds the tag number).
import type { Field } from '../core/model';
import type { FieldIndex } from '../shared/fieldIndex';
import { fieldValueText } from '../shared/fieldText';
import { hexOffset } from '../shared/bytesText';
import { displayText } from '../shared/displayText';
import { format, type WebviewStrings } from '../shared/strings';
import { h } from './dom';
import { VirtualTable } from './virtualTable';
import { diagnosticsTitle, severityMark } from './severity';
import type { TreeNode } from './treeModel';

export class TagTable {
  private readonly table: VirtualTable;
  private fields: Field[] = [];
  private bytes: Uint8Array = new Uint8Array();
  private index: FieldIndex | undefined;
  private selected: string | undefined;

  constructor(private readonly s: WebviewStrings, private readonly onSelect: (key: string) => void, private readonly nodeOf: (key: string) => TreeNode | undefined) {
    this.table = new VirtualTable({
      id: 'tag-table',
      caption: s.fieldsOf,
      columns: [
        { label: s.colBytePos, class: 'num' },
        { label: s.colTag },
        { label: s.colLength, class: 'num' },
        { label: s.colValue, class: 'wide' },
        { label: s.colOffset, class: 'num' },
      ],
      renderRow: i => this.renderRow(i),
      onActivate: i => {
        const f = this.fields[i];
        if (f) this.onSelect(this.index?.keyOf.get(f) ?? f.path);
      },
    });
  }

  get element(): HTMLElement {
    return this.table.element;
  }

  /** Shows the fields of one section (all header fields, or one record's), in file order. */
  show(caption: string, fields: Field[], bytes: Uint8Array, index: FieldIndex, s: WebviewStrings): void {
    this.fields = [];
    const walk = (list: Field[]): void => list.forEach(f => {
      this.fields.push(f);
      if (f.children) walk(f.children);
    });
    walk(fields);
    this.bytes = bytes;
    this.index = index;
    this.table.setCaption(format(s.fieldsOf, caption));
    this.table.setCount(this.fields.length);
  }

  setSelected(key: string | undefined): void {
    this.selected = key;
    this.table.refresh();
    const i = this.fields.findIndex(f => this.index?.keyOf.get(f) === key);
    if (i >= 0) this.table.showRow(i);
  }

  private renderRow(i: number): HTMLTableRowElement {
    const f = this.fields[i];
    const key = this.index?.keyOf.get(f) ?? f.path;
    const node = this.nodeOf(key);
    const row = h('tr', {
      class: key === this.selected ? 'selected' : undefined,
      attrs: { 'data-path': key, 'aria-selected': key === this.selected ? 'true' : 'false' },
    },
    h('td', { class: 'num', text: String(f.tag) }),
    h('td', {}, severityMark(node?.severity, this.s), f.label || f.name),
    h('td', { class: 'num', text: f.value.type === 'padding' ? '' : String(f.length) }),
    h('td', { class: 'wide', text: displayText(fieldValueText(f, this.bytes), 300) }),
    h('td', { class: 'num mono', text: hexOffset(f.range.start) }));
    if (node?.diagnostics.length) row.title = diagnosticsTitle(node.diagnostics);
    return row;
  }
}
