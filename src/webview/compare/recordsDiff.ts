// The records table of a comparison: one row per matched, added or removed record, coloured by status,
// OLD and NEW values side by side (serial, key, validity, SHA-1) with differing cells marked. Hover or
// keyboard focus on a row shows both certificates' details.
import type { CertSummary, RecordDiff, RecordSide } from '../../core/compare';
import type { CompareModel, CompareStrings, RecordDetails } from '../../extension/compare/protocol';
import { colonHex } from '../../shared/bytesText';
import type { DetailRow } from '../../shared/certificateRows';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { h, setPx } from '../dom';

const MARKS = { unchanged: '=', changed: '~', added: '+', removed: '−' } as const;

interface Column {
  /** Name in RecordDiff.differences. */
  difference: string;
  label: (s: CompareStrings) => string;
  value: (side: RecordSide, c: CertSummary | undefined, s: CompareStrings) => string;
  title?: (c: CertSummary | undefined) => string | undefined;
}

const COLUMNS: Column[] = [
  { difference: 'serial', label: s => s.colSerial, value: (side, c) => colonHex(c?.serial ?? side.serial ?? '') },
  { difference: 'key', label: s => s.colKey, value: (_side, c, s) => (c ? format(s.keyValue, c.keySize, c.keyAlgorithm) + (c.curve ? ` ${c.curve}` : '') : '') },
  { difference: 'validity', label: s => s.colValidUntil, value: (_side, c) => c?.notAfter.slice(0, 10) ?? '', title: c => c && `${c.notBefore} – ${c.notAfter}` },
  { difference: 'fingerprint', label: s => s.colSha1, value: (_side, c) => (c ? colonHex(c.sha1) : '') },
];

function otherDifferences(r: RecordDiff, s: CompareStrings): string {
  const names: Record<string, string> = { subject: s.subject, issuer: s.issuer, dnsName: s.dnsName, ipAddress: s.ipAddress };
  return r.differences.filter(d => d in names).map(d => format(s.otherChange, names[d])).join(', ');
}

class DetailsTooltip {
  readonly element = h('div', { id: 'compare-tooltip', class: 'tooltip compare-tooltip', attrs: { role: 'tooltip', hidden: true } });

  show(r: RecordDiff, d: RecordDetails, anchor: HTMLElement, s: CompareStrings): void {
    const side = (label: string, rows: DetailRow[] | undefined, present: boolean): HTMLElement | null => {
      if (!present) return null;
      const body = rows?.length
        ? h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: displayText(v) })]))
        : h('p', { text: s.noCertificate });
      return h('div', { class: 'tooltip-side' }, h('div', { class: 'tooltip-side-label', text: label }), body);
    };
    this.element.replaceChildren(
      h('div', { class: 'tooltip-title', text: format(s.detailsOf, r.roleName, displayText(r.host, 200)) }),
      h('div', { class: 'tooltip-sides' }, side(s.colOld, d.old, !!r.old), side(s.colNew, d.new, !!r.new)));
    this.element.hidden = false;
    anchor.setAttribute('aria-describedby', this.element.id);
    const box = anchor.getBoundingClientRect();
    const height = this.element.offsetHeight;
    const below = box.bottom + 4;
    setPx(this.element, 'top', below + height > window.innerHeight ? Math.max(4, box.top - height - 4) : below);
    setPx(this.element, 'left', Math.max(4, Math.min(box.left + 24, window.innerWidth - this.element.offsetWidth - 4)));
  }

  hide(): void {
    this.element.hidden = true;
  }
}

export class RecordsDiffTable {
  readonly tooltip = new DetailsTooltip();
  readonly element: HTMLElement;
  private readonly body = h('tbody');
  private model: CompareModel | undefined;

  constructor(private readonly s: CompareStrings) {
    const head = h('thead', {},
      h('tr', {},
        h('th', { text: s.colStatus, attrs: { rowspan: 2, scope: 'col' } }),
        h('th', { text: s.colRole, attrs: { rowspan: 2, scope: 'col' } }),
        h('th', { text: s.colHost, attrs: { rowspan: 2, scope: 'col' } }),
        ...COLUMNS.map(c => h('th', { class: 'group', text: c.label(s), attrs: { colspan: 2, scope: 'colgroup' } }))),
      h('tr', {}, ...COLUMNS.flatMap(() => [
        h('th', { class: 'side', text: s.colOld, attrs: { scope: 'col' } }),
        h('th', { class: 'side', text: s.colNew, attrs: { scope: 'col' } }),
      ])));
    const heading = h('h2', { id: 'records-heading', text: s.recordsHeading });
    const table = h('table', { id: 'records-diff', class: 'grid records-diff', attrs: { 'aria-labelledby': heading.id } }, head, this.body);
    this.element = h('section', { id: 'records-section', class: 'records', attrs: { 'aria-labelledby': heading.id } },
      heading, h('div', { class: 'table-scroll' }, table));
    table.addEventListener('mouseover', e => this.withRow(e, (i, row) => this.showTooltip(i, row)));
    table.addEventListener('focusin', e => this.withRow(e, (i, row) => this.showTooltip(i, row)));
    table.addEventListener('mouseleave', () => this.tooltip.hide());
    table.addEventListener('focusout', () => this.tooltip.hide());
    table.addEventListener('keydown', e => this.onKey(e));
    this.element.addEventListener('scroll', () => this.tooltip.hide(), { passive: true, capture: true });
  }

  setModel(model: CompareModel): void {
    this.model = model;
    this.tooltip.hide();
    const rows = model.comparison.records.map((r, i) => this.row(r, i));
    this.body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { text: this.s.noRecords, attrs: { colspan: 3 + COLUMNS.length * 2 } }))]));
  }

  private row(r: RecordDiff, i: number): HTMLTableRowElement {
    const s = this.s;
    const index = r.new?.index ?? r.old?.index;
    const other = otherDifferences(r, s);
    const cells = COLUMNS.flatMap(col => {
      const differs = r.status === 'changed' && r.differences.includes(col.difference);
      return [r.old, r.new].map(side => h('td', {
        class: ['mono', `col-${col.difference}`, differs ? 'differs' : ''].filter(Boolean).join(' '),
        text: side ? col.value(side, side.certificate, s) : '',
        attrs: { title: side && col.title?.(side.certificate) },
      }));
    });
    return h('tr', {
      class: `status-${r.status}`,
      // Roving focus: the table is one tab stop, arrow keys move between rows.
      attrs: { 'data-status': r.status, 'data-row': i, 'data-record': index, tabindex: i === 0 ? 0 : -1 },
    },
    h('td', { class: 'status' },
      h('span', { class: 'status-mark', text: MARKS[r.status], attrs: { 'aria-hidden': 'true' } }),
      h('span', { text: s.statuses[r.status] })),
    h('td', { text: r.roleName }),
    h('td', { class: 'host' },
      h('span', { text: displayText(r.host, 120) }),
      other ? h('span', { class: 'other-diff', text: other }) : null),
    ...cells);
  }

  private withRow(e: Event, act: (i: number, row: HTMLElement) => void): void {
    const row = (e.target as HTMLElement).closest('tr[data-row]');
    if (row instanceof HTMLElement) act(Number(row.getAttribute('data-row')), row);
  }

  private showTooltip(i: number, row: HTMLElement): void {
    const r = this.model?.comparison.records[i];
    const d = this.model?.details[i];
    if (r && d) this.tooltip.show(r, d, row, this.s);
  }

  private onKey(e: KeyboardEvent): void {
    const row = (e.target as HTMLElement).closest('tr[data-row]');
    if (!(row instanceof HTMLElement)) return;
    if (e.key === 'Escape') {
      this.tooltip.hide();
      return;
    }
    const rows = Array.from(this.body.querySelectorAll<HTMLElement>('tr[data-row]'));
    const i = rows.indexOf(row);
    const moves: Record<string, HTMLElement | undefined> = { ArrowDown: rows[i + 1], ArrowUp: rows[i - 1], Home: rows[0], End: rows[rows.length - 1] };
    const target = moves[e.key];
    if (!target) return;
    e.preventDefault();
    row.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }
}
