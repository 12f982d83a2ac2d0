// File kind, size and timestamps; the signature badge naming the signer; MD5/SHA-1/SHA-256 with copy
// buttons (engineers compare these with the phone screen); a summary of the decoder's diagnostics.
import type { Diagnostic, SignatureStatus, TrustList } from '../core/model';
import type { FileInfo } from '../shared/protocol';
import { colonHex, hexOffset } from '../shared/bytesText';
import { displayText } from '../shared/displayText';
import { format, type WebviewStrings } from '../shared/strings';
import { h, icon } from './dom';

export interface TopBarEvents {
  copy(text: string): Promise<void>;
  selectDiagnostic(d: Diagnostic): void;
  selectRecord(index: number): void;
}

function badgeLabel(status: SignatureStatus, s: WebviewStrings): string {
  switch (status) {
    case 'verified': return s.badgeVerified;
    case 'invalid': return s.badgeInvalid;
    case 'signer-not-found': return s.badgeSignerNotFound;
    case 'unsupported': return s.badgeUnsupported;
    case 'malformed': return s.badgeMalformed;
  }
}

function signerText(list: TrustList, s: WebviewStrings): string {
  const r = list.records.find(rec => rec.index === list.signature.signerRecord);
  const c = r?.certificate;
  const subject = c?.subjectCucm ?? list.header.signerName;
  const serial = c?.serial ?? list.header.signerSerial;
  const parts = [
    subject ? format(s.signerIs, displayText(subject, 200)) : '',
    serial ? format(s.signerSerial, colonHex(serial)) : '',
    r?.roleName ?? '',
    r ? format(s.signerRecord, r.index) : '',
    c ? format(s.keyValue, c.keySize, c.keyAlgorithm) : '',
    list.signature.digest ? format(s.signerDigest, list.signature.digest) : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

export function renderTopBar(list: TrustList, file: FileInfo, s: WebviewStrings, locale: string, events: TopBarEvents): HTMLElement {
  const date = (ms: number): string => new Date(ms).toLocaleString(locale || undefined);
  const meta = [
    list.kind === 'unknown' ? s.kindUnknown : list.kind,
    displayText(file.name, 120),
    format(s.size, file.size.toLocaleString(locale || undefined)),
    file.mtime ? format(s.modified, date(file.mtime)) : '',
    list.header.timestamp ? format(s.signedAt, date(list.header.timestamp.unix * 1000)) : '',
  ].filter(Boolean);

  const status = list.signature.status;
  const badge = h('div', { id: 'badge', class: `badge badge-${status}`, attrs: { 'data-status': status, role: 'status', title: list.signature.detail } },
    icon(status === 'verified' ? 'verified-filled' : status === 'invalid' ? 'error' : 'warning', 'badge-icon'),
    h('span', { class: 'badge-label', text: badgeLabel(status, s) }));
  const signerRecord = list.signature.signerRecord;
  const signer = signerRecord === undefined
    ? h('div', { id: 'signer', class: 'signer-line', text: signerText(list, s) })
    : h('button', { id: 'signer', class: 'signer-line', text: signerText(list, s), attrs: { type: 'button' } });
  if (signerRecord !== undefined) signer.addEventListener('click', () => events.selectRecord(signerRecord));
  const detail = h('div', { class: 'badge-detail', text: displayText(list.signature.detail, 400) });

  // Screen readers do not announce a text swap under an aria-label: say it in a live region.
  const announcer = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
  const checksum = (id: string, label: string, value: string): HTMLElement => {
    const button = h('button', { class: 'copy', text: s.copy, attrs: { type: 'button', 'aria-label': format(s.copyLabel, label) } });
    button.addEventListener('click', () => {
      void events.copy(value).then(() => {
        button.textContent = s.copied;
        announcer.textContent = format(s.copiedLabel, label);
        setTimeout(() => { button.textContent = s.copy; }, 1200);
      });
    });
    return h('div', { class: 'checksum' }, h('span', { class: 'checksum-label', text: label }), h('code', { id, text: value }), button);
  };
  const checksums = h('div', { class: 'checksums', attrs: { role: 'group', 'aria-label': s.checksums } },
    checksum('checksum-md5', 'MD5', list.checksums.md5),
    checksum('checksum-sha1', 'SHA-1', list.checksums.sha1),
    checksum('checksum-sha256', 'SHA-256', list.checksums.sha256));

  return h('header', { id: 'topbar', class: 'topbar' },
    h('div', { class: 'topbar-main' },
      h('div', { class: 'file-meta', text: meta.join(' · ') }),
      badge,
      signer,
      detail),
    checksums,
    announcer,
    renderDiagnostics(list, s, events));
}

function renderDiagnostics(list: TrustList, s: WebviewStrings, events: TopBarEvents): HTMLElement | null {
  const errors = list.diagnostics.filter(d => d.severity === 'error').length;
  const warnings = list.diagnostics.filter(d => d.severity === 'warning').length;
  const notes: string[] = [];
  if (!list.complete) notes.push(s.incomplete);
  for (const r of list.unparsed.slice(0, 5)) notes.push(format(s.unparsed, r.end - r.start, hexOffset(r.start)));
  if (!list.diagnostics.length && !notes.length) return null;
  const items = list.diagnostics.slice(0, 500).map(d => {
    const button = h('button', { class: `diag diag-${d.severity}`, attrs: { type: 'button' } },
      h('span', { class: 'diag-code', text: d.code }), h('span', { text: displayText(d.message, 400) }));
    button.addEventListener('click', () => events.selectDiagnostic(d));
    return h('li', {}, button);
  });
  const details = h('details', { id: 'diagnostics', class: 'diagnostics' },
    h('summary', { text: [format(s.diagnosticsSummary, errors, warnings), ...notes].join(' · ') }),
    h('ul', {}, ...items));
  if (errors) details.open = true;
  return details;
}
