// Buttons for the current selection: copy the selected field's value, hex or Base64, and export the
// selected record's certificate. They call the host, which owns the clipboard and the file dialogs.
import type { CertificateFormat, CopyFormat } from '../shared/protocol';
import type { WebviewStrings } from '../shared/strings';
import { h } from './dom';

export interface ActionHandlers {
  copy(format: CopyFormat): void;
  export(format: CertificateFormat): void;
}

export class SelectionActions {
  readonly element: HTMLElement;
  private readonly copyButtons: HTMLButtonElement[];
  private readonly exportButtons: HTMLButtonElement[];

  constructor(s: WebviewStrings, handlers: ActionHandlers) {
    const button = (label: string, run: () => void): HTMLButtonElement => {
      const b = h('button', { class: 'action', text: label, attrs: { type: 'button' } });
      b.addEventListener('click', run);
      return b;
    };
    this.copyButtons = [
      button(s.copyValue, () => handlers.copy('value')),
      button(s.copyHex, () => handlers.copy('hex')),
      button(s.copyBase64, () => handlers.copy('base64')),
    ];
    this.exportButtons = [
      button(s.exportPem, () => handlers.export('pem')),
      button(s.exportDer, () => handlers.export('der')),
    ];
    this.element = h('div', { class: 'actions', attrs: { role: 'toolbar', 'aria-label': s.fieldsOf.replace('{0}', '').trim() } }, ...this.copyButtons, ...this.exportButtons);
  }

  /** Enables copying when a field is selected and exporting when the selection's record has a certificate. */
  update(fieldSelected: boolean, recordHasCertificate: boolean): void {
    for (const b of this.copyButtons) b.disabled = !fieldSelected;
    for (const b of this.exportButtons) b.disabled = !recordHasCertificate;
  }
}
