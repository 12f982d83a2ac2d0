// A table in its own scroll box whose body renders only the visible rows (spacer rows above and
// below keep the scrollbar honest). The sticky header stays a real <thead> for screen readers.
import { h, setPx } from './dom';
import { VirtualWindow } from './virtualWindow';

const ROW_HEIGHT = 22;

export interface VirtualTableOptions {
  id: string;
  caption: string;
  columns: { label: string; class?: string }[];
  renderRow(index: number): HTMLTableRowElement;
}

export class VirtualTable {
  readonly element: HTMLElement;
  readonly table: HTMLTableElement;
  private readonly body = h('tbody');
  private readonly virtual: VirtualWindow;
  private readonly captionEl: HTMLTableCaptionElement;

  constructor(private readonly options: VirtualTableOptions) {
    this.captionEl = h('caption', { class: 'visually-hidden', text: options.caption });
    const head = h('thead', {}, h('tr', {}, ...options.columns.map(c => h('th', { class: c.class, text: c.label, attrs: { scope: 'col' } }))));
    this.table = h('table', { id: options.id, class: 'grid' }, this.captionEl, head, this.body);
    this.element = h('div', { class: 'scroll table-scroll' }, this.table);
    this.virtual = new VirtualWindow(this.element, ROW_HEIGHT, (start, end) => this.render(start, end));
  }

  private count = 0;

  setCaption(text: string): void {
    this.captionEl.textContent = text;
  }

  setCount(count: number): void {
    this.count = count;
    this.table.setAttribute('aria-rowcount', String(count + 1));
    this.virtual.setCount(count);
  }

  refresh(): void {
    this.virtual.refresh();
  }

  scrollToRow(index: number): void {
    this.virtual.scrollToIndex(index, ROW_HEIGHT);
  }

  private render(start: number, end: number): void {
    const rows: HTMLTableRowElement[] = [];
    if (start > 0) rows.push(spacer(start * ROW_HEIGHT));
    for (let i = start; i < end; i++) {
      const row = this.options.renderRow(i);
      row.setAttribute('aria-rowindex', String(i + 2));
      rows.push(row);
    }
    if (end < this.count) rows.push(spacer((this.count - end) * ROW_HEIGHT));
    this.body.replaceChildren(...rows);
  }
}

function spacer(px: number): HTMLTableRowElement {
  const row = h('tr', { class: 'spacer', attrs: { 'aria-hidden': 'true' } }, h('td', { attrs: { colspan: 99 } }));
  setPx(row, 'height', px);
  return row;
}
