// One row per record: role, DNS name, subject, serial, key, valid-until (expired / expiring
// highlighted by the expiryWarningDays setting) and SHA-1. Hover or focus shows certificate details.
import type { TrustRecord } from '../core/model';
import { colonHex } from '../shared/bytesText';
import { daysLeft, expiryState, type ExpiryState } from '../shared/certificateRows';
import { displayText } from '../shared/displayText';
import { format, type WebviewStrings } from '../shared/strings';
import { h } from './dom';
import { VirtualTable } from './virtualTable';
import { CertificateTooltip } from './tooltip';
import { severityMark } from './severity';
import type { TreeNode } from './treeModel';

export class RecordsTable {
  private readonly table: VirtualTable;
  readonly tooltip = new CertificateTooltip();
  private records: TrustRecord[] = [];
  private readonly empty: HTMLElement;
  private selected: number | undefined;
  private warningDays = 30;

  constructor(private readonly s: WebviewStrings, private readonly onSelect: (record: TrustRecord) => void, private readonly nodeOf: (key: string) => TreeNode | undefined) {
    this.table = new VirtualTable({
      id: 'records-table',
      caption: s.records,
      columns: [
        { label: s.colIndex, class: 'num' },
        { label: s.colRole },
        { label: s.colDnsName },
        { label: s.colSubject, class: 'wide' },
        { label: s.colSerial },
        { label: s.colKey },
        { label: s.colValidUntil },
        { label: s.colSha1 },
      ],
      renderRow: i => this.renderRow(i),
      onActivate: i => {
        if (this.records[i]) this.onSelect(this.records[i]);
      },
    });
    const el = this.table.element;
    this.empty = h('p', { class: 'empty', text: s.noRecords, attrs: { hidden: true } });
    el.appendChild(this.empty);
    el.addEventListener('mouseover', e => this.withRow(e, (r, row) => this.tooltip.show(r, row, s)));
    el.addEventListener('focusin', e => this.withRow(e, (r, row) => this.tooltip.show(r, row, s)));
    el.addEventListener('mouseleave', () => this.tooltip.hide());
    el.addEventListener('focusout', () => this.tooltip.hide());
    el.addEventListener('scroll', () => this.tooltip.hide(), { passive: true });
    el.addEventListener('keydown', e => {
      if (e.key === 'Escape') this.tooltip.hide();
    });
  }

  get element(): HTMLElement {
    return this.table.element;
  }

  setRecords(records: TrustRecord[], warningDays: number): void {
    this.records = records;
    this.warningDays = warningDays;
    this.empty.hidden = records.length > 0;
    this.table.setCount(records.length);
  }

  setWarningDays(days: number): void {
    this.warningDays = days;
    this.table.refresh();
  }

  setSelected(index: number | undefined): void {
    this.selected = index;
    this.table.refresh();
    const i = this.records.findIndex(r => r.index === index);
    if (i >= 0) this.table.showRow(i);
  }

  private withRow(e: Event, act: (r: TrustRecord, row: HTMLElement) => void): void {
    const row = (e.target as HTMLElement).closest('tr[data-record]');
    const n = Number(row?.getAttribute('data-record'));
    const record = this.records.find(r => r.index === n);
    if (row instanceof HTMLElement && record) act(record, row);
  }

  /** The date, coloured when expired or expiring, with the days left as text so it is not colour alone. */
  private validUntilCell(notAfter: string | undefined, expiry: ExpiryState): HTMLTableCellElement {
    const cell = h('td', { class: `expiry-${expiry}`, text: notAfter?.slice(0, 10) ?? '' });
    if (notAfter === undefined || expiry === 'unknown') return cell;
    const days = daysLeft(notAfter, Date.now()) ?? 0;
    const status = expiry === 'expired' ? format(this.s.expiredValue, Math.abs(days)) : format(this.s.daysLeftValue, days);
    cell.title = `${notAfter} · ${status}`;
    if (expiry !== 'ok') cell.append(h('span', { class: 'expiry-note', text: ` (${status})` }));
    return cell;
  }

  private renderRow(i: number): HTMLTableRowElement {
    const r = this.records[i];
    const c = r.certificate;
    const expiry = expiryState(c?.notAfter, Date.now(), this.warningDays);
    const selected = r.index === this.selected;
    const context = { webviewSection: 'record', recordIndex: r.index, preventDefaultContextMenuItems: true };
    return h('tr', {
      class: [selected ? 'selected' : '', r.isSigner ? 'signer' : ''].filter(Boolean).join(' ') || undefined,
      attrs: {
        'data-record': r.index,
        'aria-selected': selected ? 'true' : 'false',
        'data-vscode-context': JSON.stringify(context),
      },
    },
    h('td', { class: 'num' }, severityMark(this.nodeOf(r.path)?.severity, this.s), String(r.index)),
    h('td', { text: r.roleName ?? '' }, r.isSigner ? h('span', { class: 'pill', text: this.s.signerMark }) : null),
    h('td', { text: displayText(r.dnsName ?? '', 100) }),
    // SUBJECTNAME as the file states it (what `show ctl` prints); the certificate's own subject is in the tooltip.
    h('td', { class: 'wide', text: displayText(r.subjectName ?? c?.subjectRfc4514 ?? '', 200) }),
    h('td', { class: 'mono', text: r.serial ? colonHex(r.serial) : '' }),
    h('td', { text: c ? format(this.s.keyValue, c.keySize, c.keyAlgorithm) : '' }),
    this.validUntilCell(c?.notAfter, expiry),
    h('td', { class: 'mono', text: c ? colonHex(c.sha1) : '' }));
  }
}
