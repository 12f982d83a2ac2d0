// The top of the comparison: which files are OLD and NEW, the verdict per device class (the answer the
// engineer came for, so it comes first and large), the signer change and the warnings.
import type { Comparison, FileSummary, SignerSide } from '../../core/compare';
import type { CompareModel, CompareSideInfo, CompareStrings } from '../../extension/compare/protocol';
import { colonHex } from '../../shared/bytesText';
import { comparePreflightSlots } from '../../shared/comparePreflight';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { h, icon } from '../dom';

const OUTCOME_ICONS = { accepted: 'pass', 'accepted-via-tvs': 'pass', rejected: 'error', undetermined: 'question' } as const;

function fileLine(label: string, info: CompareSideInfo, file: FileSummary, s: CompareStrings, locale: string): HTMLElement {
  const facts = [file.kind, format(s.size, file.length.toLocaleString(locale || undefined)), s.signature[file.signature], file.digest ?? ''].filter(Boolean);
  return h('div', { class: 'file-line' },
    h('span', { class: 'file-role', text: label }),
    h('span', { class: 'file-name', text: displayText(info.name, 200), attrs: { title: displayText(info.description, 1000) } }),
    h('span', { class: `file-facts sig-${file.signature}`, text: facts.join(' · ') }));
}

export interface HeaderActions {
  openTextDiff(): void;
  swap(): void;
  preflight(): void;
}

export function renderHeader(model: CompareModel, s: CompareStrings, locale: string, actions: HeaderActions): HTMLElement {
  const c = model.comparison;
  const diff = h('button', { id: 'open-text-diff', class: 'action primary', text: s.openTextDiff, attrs: { type: 'button' } });
  diff.addEventListener('click', () => actions.openTextDiff());
  const swap = h('button', { id: 'swap', class: 'action', text: s.swap, attrs: { type: 'button' } });
  swap.addEventListener('click', () => actions.swap());
  // Only for two files of the same kind: OLD becomes the phone's file, NEW the next one.
  const slots = comparePreflightSlots(c.old.kind, c.new.kind);
  const preflight = slots
    ? h('button', { id: 'preflight', class: 'action', text: slots.kind === 'CTL' ? s.preflightCtl : s.preflightItl, attrs: { type: 'button', title: s.preflightTitle } })
    : null;
  preflight?.addEventListener('click', () => actions.preflight());
  return h('header', { id: 'files', class: 'files' },
    h('div', { class: 'file-lines' },
      fileLine(s.oldLabel, model.old, c.old, s, locale),
      fileLine(s.newLabel, model.new, c.new, s, locale),
      c.identical ? h('div', { id: 'identical', class: 'identical', text: s.identical }) : null),
    h('div', { class: 'actions' }, diff, swap, preflight));
}

export function renderVerdicts(c: Comparison, s: CompareStrings): HTMLElement {
  const heading = h('h2', { id: 'verdicts-heading', text: s.verdicts });
  const cards = c.verdicts.map(v => {
    const deviceId = `verdict-${v.devices}`;
    return h('div', {
      class: `verdict outcome-${v.outcome}`,
      attrs: { 'data-devices': v.devices, 'data-outcome': v.outcome, 'data-rule': v.rule, role: 'group', 'aria-labelledby': deviceId },
    },
    h('h3', { id: deviceId, class: 'verdict-devices', text: s.devices[v.devices] }),
    h('div', { class: 'verdict-outcome' },
      icon(OUTCOME_ICONS[v.outcome], 'verdict-icon'),
      h('span', { text: s.outcomes[v.outcome] })),
    h('div', { class: 'verdict-rule', text: format(s.ruleLabel, v.rule, s.rules[v.rule]) }),
    h('p', { class: 'verdict-explanation', text: displayText(v.explanation, 2000) }));
  });
  return h('section', { id: 'verdicts', class: 'verdicts', attrs: { 'aria-labelledby': heading.id } }, heading, h('div', { class: 'verdict-cards' }, ...cards));
}

function signerRows(label: string, side: SignerSide | undefined, s: CompareStrings): HTMLElement[] {
  const value = side
    ? [format(s.recordNumber, side.recordIndex), displayText(side.subject, 400), `${s.serial} ${colonHex(side.serial)}`, `SHA-256 ${side.sha256}`].join(' · ')
    : s.signerNotFound;
  return [h('dt', { text: label }), h('dd', { class: 'mono-wrap', text: value })];
}

export function renderSigner(c: Comparison, s: CompareStrings): HTMLElement {
  const signer = c.signer;
  const at = signer.newSignerOldRecord;
  const where = signer.newSignerInOld === 'sast-anchor' && at ? format(s.signerInOldAnchor, at.index)
    : signer.newSignerInOld === 'other-role' && at ? format(s.signerInOldOther, at.index, at.roleName)
    : s.signerInOldAbsent;
  const heading = h('h2', { id: 'signer-heading', text: s.signerHeading });
  return h('section', { id: 'signer', class: `signer ${signer.changed ? 'signer-changed' : 'signer-same'}`,
    attrs: { 'aria-labelledby': heading.id, 'data-changed': signer.changed ? 'true' : 'false', 'data-in-old': signer.newSignerInOld } },
  heading,
  h('p', { class: 'signer-status', text: signer.changed ? s.signerChanged : s.signerUnchanged }),
  h('dl', { class: 'signer-sides' },
    ...signerRows(s.colOld, signer.old, s),
    ...signerRows(s.colNew, signer.new, s),
    h('dt', { text: s.signerWhere }),
    h('dd', { class: `signer-where where-${signer.newSignerInOld}`, text: where })));
}

export function renderWarnings(c: Comparison, s: CompareStrings): HTMLElement {
  const heading = h('h2', { id: 'warnings-heading', text: `${s.warningsHeading} (${c.warnings.length})` });
  const items = c.warnings.map(w => h('li', { class: 'warning', attrs: { 'data-code': w.code, 'data-record': w.record } },
    h('code', { class: 'warning-code', text: w.code }),
    h('span', { text: displayText(w.message, 2000) })));
  return h('section', { id: 'warnings-section', class: 'warnings', attrs: { 'aria-labelledby': heading.id } },
    heading,
    items.length ? h('ul', { id: 'warnings' }, ...items) : h('p', { id: 'warnings', class: 'none', text: s.noWarnings }));
}
