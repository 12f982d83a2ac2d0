// Small pieces shared by the report's sections: a status cell with its codicon, an action button.
import type { SignatureStatus } from '../../core/model';
import type { ReportStrings } from '../../shared/reportProtocol';
import { h, icon } from '../dom';

const STATUS_ICONS: Record<SignatureStatus, string> = {
  verified: 'verified-filled', invalid: 'error', malformed: 'error', 'signer-not-found': 'warning', unsupported: 'warning',
};

export const statusTone = (status: SignatureStatus): string =>
  (status === 'verified' ? 'ok' : status === 'invalid' || status === 'malformed' ? 'bad' : 'warn');

export function statusCell(status: SignatureStatus, s: ReportStrings): HTMLElement {
  return h('td', { class: `status tone-${statusTone(status)}`, attrs: { 'data-status': status } },
    h('span', { class: 'status-label' }, icon(STATUS_ICONS[status]), h('span', { text: s.statuses[status] })));
}

/** A button with a codicon and a visible label; `title` is its longer description (tooltip and name). */
export function actionButton(iconName: string, label: string, title: string, onClick: () => void, extraClass = ''): HTMLButtonElement {
  const b = h('button', { class: `action ${extraClass}`.trim(), attrs: { type: 'button', title, 'aria-label': title } }, icon(iconName), h('span', { text: label }));
  b.addEventListener('click', onClick);
  return b;
}
