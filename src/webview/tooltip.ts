// The certificate-details tooltip for records-table rows: shown on hover and on keyboard focus,
// filled with textContent only, and linked to the row with aria-describedby.
import type { TrustRecord } from '../core/model';
import { certificateRows } from '../shared/certificateRows';
import { displayText } from '../shared/displayText';
import { format, type WebviewStrings } from '../shared/strings';
import { h, setPx } from './dom';

export class CertificateTooltip {
  readonly element = h('div', { id: 'cert-tooltip', class: 'tooltip', attrs: { role: 'tooltip', hidden: true } });

  show(record: TrustRecord, anchor: HTMLElement, s: WebviewStrings): void {
    const title = h('div', { class: 'tooltip-title', text: format(s.detailsOf, record.index) });
    const rows = certificateRows(record, Date.now(), s);
    const body = rows.length
      ? h('dl', {}, ...rows.flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: displayText(value) })]))
      : h('p', { text: record.certificateError ? format(s.certificateError, displayText(record.certificateError)) : s.noCertificate });
    this.element.replaceChildren(title, body);
    this.element.hidden = false;
    anchor.setAttribute('aria-describedby', this.element.id);
    const box = anchor.getBoundingClientRect();
    const below = box.bottom + 4;
    const height = this.element.offsetHeight;
    setPx(this.element, 'top', below + height > window.innerHeight ? Math.max(4, box.top - height - 4) : below);
    setPx(this.element, 'left', Math.max(4, Math.min(box.left + 24, window.innerWidth - this.element.offsetWidth - 4)));
  }

  hide(): void {
    this.element.hidden = true;
  }
}
