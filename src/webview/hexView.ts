// The hex pane: 16 bytes a row, rendered through a VirtualWindow so multi-megabyte files stay fast.
// The selected field's tag, length and value bytes are highlighted; clicking a byte selects its field.
import type { ByteRange, Field } from '../core/model';
import { asciiChar, hexByte } from '../shared/bytesText';
import { h, setPx } from './dom';
import { VirtualWindow } from './virtualWindow';

const BYTES_PER_ROW = 16;
const ROW_HEIGHT = 18;

export interface HexSelection {
  field?: Field;
  /** The header or record the selection belongs to. */
  section?: ByteRange;
}

export class HexView {
  readonly element: HTMLElement;
  private readonly sizer = h('div', { class: 'v-sizer' });
  private readonly window = h('div', { class: 'v-window' });
  private readonly virtual: VirtualWindow;
  private bytes: Uint8Array = new Uint8Array();
  private selection: HexSelection = {};
  private unparsed: ByteRange[] = [];
  private offsetDigits = 4;

  constructor(label: string, private readonly onPick: (offset: number) => void, private readonly onStep: (direction: 1 | -1) => void) {
    this.element = h('div', { id: 'hex', class: 'hex scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': label } }, this.sizer);
    this.sizer.appendChild(this.window);
    this.virtual = new VirtualWindow(this.element, ROW_HEIGHT, (start, end) => this.render(start, end));
    this.element.addEventListener('click', e => {
      const o = (e.target as HTMLElement).getAttribute('data-o');
      if (o !== null) this.onPick(Number(o));
    });
    this.element.addEventListener('keydown', e => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') this.onStep(1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') this.onStep(-1);
      else return;
      e.preventDefault();
    });
  }

  setBytes(bytes: Uint8Array, unparsed: ByteRange[]): void {
    this.bytes = bytes;
    this.unparsed = unparsed;
    this.offsetDigits = Math.max(4, bytes.length.toString(16).length);
    const rows = Math.ceil(bytes.length / BYTES_PER_ROW);
    setPx(this.sizer, 'height', rows * ROW_HEIGHT);
    this.virtual.setCount(rows);
  }

  setSelection(selection: HexSelection): void {
    this.selection = selection;
    const start = selection.field?.range.start ?? selection.section?.start;
    if (start !== undefined) this.virtual.scrollToIndex(Math.floor(start / BYTES_PER_ROW));
    this.virtual.refresh();
  }

  private classFor(offset: number): string {
    const f = this.selection.field;
    const within = (r: ByteRange | undefined): boolean => r !== undefined && offset >= r.start && offset < r.end;
    const classes: string[] = [];
    if (f) {
      if (within(f.tagRange)) classes.push('hl-tag');
      else if (within(f.lengthRange)) classes.push('hl-len');
      else if (within(f.valueRange)) classes.push('hl-val');
    }
    if (within(this.selection.section)) classes.push('hl-sec');
    if (this.unparsed.some(within)) classes.push('unparsed');
    return classes.join(' ');
  }

  private render(start: number, end: number): void {
    setPx(this.window, 'top', start * ROW_HEIGHT);
    const rows: HTMLElement[] = [];
    for (let row = start; row < end; row++) {
      const base = row * BYTES_PER_ROW;
      const hex = h('span', { class: 'hex-bytes' });
      const ascii = h('span', { class: 'hex-ascii' });
      for (let o = base; o < Math.min(base + BYTES_PER_ROW, this.bytes.length); o++) {
        const cls = this.classFor(o);
        hex.appendChild(h('span', { class: cls ? `b ${cls}` : 'b', text: hexByte(this.bytes[o]), attrs: { 'data-o': o } }));
        ascii.appendChild(h('span', { class: cls ? `a ${cls}` : 'a', text: asciiChar(this.bytes[o]), attrs: { 'data-o': o } }));
      }
      rows.push(h('div', { class: 'hex-row' }, h('span', { class: 'hex-off', text: base.toString(16).toUpperCase().padStart(this.offsetDigits, '0') }), hex, ascii));
    }
    this.window.replaceChildren(...rows);
  }
}
