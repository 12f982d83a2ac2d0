// A table in its own scroll box whose body renders only the visible rows (spacer rows above and
// below keep the scrollbar honest). It is one tab stop: arrow keys, Page Up/Down and Home/End move
// the focused row (roving tabindex), Enter or Space or a click activates it.
import { h, setPx } from './dom';
import { VirtualWindow } from './virtualWindow';

const ROW_HEIGHT = 22;

export interface VirtualTableOptions {
  id: string;
  caption: string;
  columns: { label: string; class?: string }[];
  renderRow(index: number): HTMLTableRowElement;
  onActivate(index: number): void;
}

export class VirtualTable {
  readonly element: HTMLElement;
  readonly table: HTMLTableElement;
  private readonly body = h('tbody');
  private readonly virtual: VirtualWindow;
  private readonly captionEl: HTMLTableCaptionElement;
  private count = 0;
  private focusIndex = 0;

  constructor(private readonly options: VirtualTableOptions) {
    this.captionEl = h('caption', { class: 'visually-hidden', text: options.caption });
    const head = h('thead', {}, h('tr', {}, ...options.columns.map(c => h('th', { class: c.class, text: c.label, attrs: { scope: 'col' } }))));
    this.table = h('table', { id: options.id, class: 'grid', attrs: { role: 'grid', 'aria-readonly': 'true' } }, this.captionEl, head, this.body);
    this.element = h('div', { class: 'scroll table-scroll' }, this.table);
    this.virtual = new VirtualWindow(this.element, ROW_HEIGHT, (start, end) => this.render(start, end));
    this.element.addEventListener('click', e => {
      const i = rowIndex(e.target);
      if (i === undefined) return;
      this.focusIndex = i;
      this.options.onActivate(i);
    });
    this.element.addEventListener('keydown', e => this.onKey(e));
  }

  setCaption(text: string): void {
    this.captionEl.textContent = text;
  }

  setCount(count: number): void {
    this.count = count;
    this.focusIndex = Math.min(this.focusIndex, Math.max(0, count - 1));
    this.table.setAttribute('aria-rowcount', String(count + 1));
    this.virtual.setCount(count);
  }

  refresh(): void {
    this.virtual.refresh();
  }

  /** Makes row `index` the table's tab stop and scrolls it into view (selection changed elsewhere). */
  showRow(index: number): void {
    this.focusIndex = index;
    this.virtual.scrollToIndex(index, ROW_HEIGHT);
    this.virtual.refresh();
  }

  /** The rendered row element for `index`, if it is in the window. */
  rowElement(index: number): HTMLElement | undefined {
    const row = this.body.querySelector(`tr[data-row="${index}"]`);
    return row instanceof HTMLElement ? row : undefined;
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.element.clientHeight / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -this.count, End: this.count };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.options.onActivate(this.focusIndex);
      return;
    }
    const move = moves[e.key];
    if (move === undefined || !this.count) return;
    e.preventDefault();
    this.showRow(Math.max(0, Math.min(this.count - 1, this.focusIndex + move)));
    this.rowElement(this.focusIndex)?.focus();
  }

  private render(start: number, end: number): void {
    const hadFocus = document.hasFocus() && this.body.contains(document.activeElement);
    const rows: HTMLTableRowElement[] = [];
    if (start > 0) rows.push(spacer(start * ROW_HEIGHT));
    for (let i = start; i < end; i++) {
      const row = this.options.renderRow(i);
      row.setAttribute('data-row', String(i));
      row.setAttribute('aria-rowindex', String(i + 2));
      row.tabIndex = i === this.focusIndex ? 0 : -1;
      rows.push(row);
    }
    if (end < this.count) rows.push(spacer((this.count - end) * ROW_HEIGHT));
    this.body.replaceChildren(...rows);
    if (hadFocus) this.rowElement(this.focusIndex)?.focus({ preventScroll: true });
  }
}

function rowIndex(target: EventTarget | null): number | undefined {
  const row = target instanceof Element ? target.closest('tr[data-row]') : null;
  return row ? Number(row.getAttribute('data-row')) : undefined;
}

function spacer(px: number): HTMLTableRowElement {
  const row = h('tr', { class: 'spacer', attrs: { 'aria-hidden': 'true' } }, h('td', { attrs: { colspan: 99 } }));
  setPx(row, 'height', px);
  return row;
}
