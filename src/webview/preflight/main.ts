// Pre-flight webview entry: renders what the host computed (it never parses a file): the four file
// slots, a table with the device classes as rows and the steps as columns (each cell names its rule),
// then the missing files and the errors. Text goes in through textContent only (h()).
import type { PreflightClass, PreflightStep, Slot } from '../../core/preflight';
import type { PreflightModel, PreflightStrings, PreflightWebviewToHost } from '../../shared/preflightProtocol';
import { colonHex } from '../../shared/bytesText';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { vscodeApi, startPanel, showPanelError } from '../panel';
import { h, icon } from '../dom';

const vscode = vscodeApi<PreflightWebviewToHost>();
const SLOTS: Slot[] = ['phone-ctl', 'phone-itl', 'next-ctl', 'next-itl'];
const ICONS: Record<string, string> = { accepted: 'pass', 'accepted-via-tvs': 'pass', rejected: 'error', undetermined: 'question', 'not-affected': 'dash', 'not-simulated': 'dash' };

function button(id: string, text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const b = h('button', { id, class: primary ? 'action primary' : 'action', text, attrs: { type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

function renderFiles(model: PreflightModel, s: PreflightStrings): HTMLElement {
  const heading = h('h2', { id: 'files-heading', text: s.filesHeading });
  const rows = SLOTS.map(slot => {
    const info = model.files[slot];
    const file = model.preflight.inputs[slot];
    const facts = file ? [file.kind, s.signature[file.signature], String(file.records)].join(' · ') : '';
    return h('tr', { attrs: { 'data-slot': slot } },
      h('th', { attrs: { scope: 'row' }, text: s.slots[slot] }),
      h('td', { class: 'file-name' }, info
        ? h('span', { text: displayText(info.name, 200), attrs: { title: displayText(info.description, 1000) } })
        : h('span', { class: 'none', text: s.notGiven })),
      h('td', { class: file ? `file-facts sig-${file.signature}` : 'file-facts', text: facts }),
      h('td', { class: 'actions' },
        button(`choose-${slot}`, s.choose, () => vscode.postMessage({ type: 'choose', slot }), !info),
        info ? button(`clear-${slot}`, s.clear, () => vscode.postMessage({ type: 'clear', slot })) : null));
  });
  return h('section', { id: 'files', class: 'preflight-files', attrs: { 'aria-labelledby': heading.id } },
    heading, h('p', { class: 'intro', text: s.intro }), h('table', { class: 'slots' }, h('tbody', {}, ...rows)));
}

/** A line that opens our editor on the record it names. */
function recordLink(className: string, text: string, slot: Slot, record: number, s: PreflightStrings): HTMLElement {
  const b = h('button', { class: `${className} record-link`, text, attrs: { type: 'button', 'aria-label': `${text} (${format(s.openRecord, String(record), s.slots[slot])})` } });
  b.addEventListener('click', () => vscode.postMessage({ type: 'openRecord', slot, record }));
  return b;
}

function stepCell(step: PreflightStep, s: PreflightStrings): HTMLElement {
  const rule = step.rule ? format(s.ruleLabel, step.rule, s.rules[step.rule]) : '';
  const signer = step.signer ? format(s.signer, displayText(step.signer.cn, 200), colonHex(step.signer.serial)) : '';
  const next: Slot = step.file === 'CTL' ? 'next-ctl' : 'next-itl';
  const trust = step.outcome === 'not-simulated' ? '' : format(s.trustLabel, s.trust[step.trust]);
  return h('td', { class: `step outcome-${step.outcome}`, attrs: { 'data-step': step.step, 'data-outcome': step.outcome, 'data-rule': step.rule ?? '' } },
    h('div', { class: 'step-outcome' },
      icon(ICONS[step.outcome] ?? 'dash', 'verdict-icon'),
      h('span', { text: s.outcomes[step.outcome] })),
    rule ? h('div', { class: 'verdict-rule', text: rule }) : null,
    !trust ? null : step.trustRecord ? recordLink('step-trust', trust, step.trustRecord.list, step.trustRecord.index, s) : h('div', { class: 'step-trust', text: trust }),
    !signer ? null : step.signer ? recordLink('step-signer mono-wrap', signer, next, step.signer.recordIndex, s) : null,
    h('p', { class: 'step-explanation', text: displayText(step.explanation, 2000) }),
    h('div', { class: 'step-after', text: format(s.thenHolds, s.holding[step.after.ctl], s.holding[step.after.itl]) }));
}

function classRow(c: PreflightClass, s: PreflightStrings): HTMLElement {
  const rule = c.rule ? format(s.ruleLabel, c.rule, s.rules[c.rule]) : '';
  const steps = ([1, 2] as const).map(n => c.steps.find(x => x.step === n));
  return h('tr', { class: `class-row outcome-${c.outcome}`, attrs: { 'data-devices': c.devices, 'data-outcome': c.outcome } },
    h('th', { attrs: { scope: 'row' }, class: 'devices', text: s.devices[c.devices] }),
    ...steps.map(step => (step ? stepCell(step, s) : h('td'))),
    h('td', { class: `verdict outcome-${c.outcome}` },
      h('div', { class: 'verdict-outcome' },
        icon(ICONS[c.outcome] ?? 'dash', 'verdict-icon'),
        h('span', { text: s.outcomes[c.outcome] })),
      rule ? h('div', { class: 'verdict-rule', text: rule }) : null,
      c.note ? h('p', { text: displayText(c.note.message, 2000) }) : null,
      h('p', { class: 'recovery' }, h('strong', { text: `${s.recovery}: ` }), displayText(c.recovery.message, 2000))));
}

function renderResult(model: PreflightModel, s: PreflightStrings): HTMLElement {
  const heading = h('h2', { id: 'result-heading', text: s.resultHeading });
  const head = h('tr', {},
    h('th', { attrs: { scope: 'col' }, text: s.colDevices }),
    h('th', { attrs: { scope: 'col' }, text: format(s.colStep, 1, s.stepFiles[1]) }),
    h('th', { attrs: { scope: 'col' }, text: format(s.colStep, 2, s.stepFiles[2]) }),
    h('th', { attrs: { scope: 'col' }, text: s.colOutcome }));
  return h('section', { id: 'result', attrs: { 'aria-labelledby': heading.id } },
    heading,
    h('table', { id: 'preflight-table', class: 'preflight-table' }, h('thead', {}, head), h('tbody', {}, ...model.preflight.classes.map(c => classRow(c, s)))));
}

function renderNotes(model: PreflightModel, s: PreflightStrings): HTMLElement[] {
  const out: HTMLElement[] = [];
  const p = model.preflight;
  if (p.missing.length) {
    const heading = h('h2', { id: 'missing-heading', text: s.missingHeading });
    out.push(h('section', { id: 'missing-section', attrs: { 'aria-labelledby': heading.id } }, heading,
      h('ul', { id: 'missing' }, ...p.missing.map(m => h('li', { attrs: { 'data-slot': m.slot }, text: displayText(m.message, 2000) })))));
  }
  const heading = h('h2', { id: 'errors-heading', text: `${s.errorsHeading} (${p.errors.length})` });
  out.push(h('section', { id: 'errors-section', class: 'warnings', attrs: { 'aria-labelledby': heading.id } }, heading,
    p.errors.length
      ? h('ul', { id: 'errors' }, ...p.errors.map(e => h('li', { class: 'warning preflight-error', attrs: { 'data-code': e.code } },
        h('code', { class: 'warning-code', text: e.code }), h('span', { text: displayText(e.message, 2000) }))))
      : h('p', { id: 'errors', class: 'none', text: s.noErrors })));
  return out;
}

class PreflightApp {
  private readonly main = h('main', { id: 'preflight', class: 'compare preflight' });

  constructor(private readonly s: PreflightStrings) {
    document.title = s.title;
    document.body.classList.add('compare-view');
    document.body.replaceChildren(this.main);
  }

  show(model: PreflightModel): void {
    this.main.replaceChildren(renderFiles(model, this.s), renderResult(model, this.s), ...renderNotes(model, this.s));
    document.body.dataset.ready = '1';
    const all = (selector: string): Element[] => Array.from(document.querySelectorAll(selector));
    vscode.postMessage({
      type: 'rendered',
      rendered: {
        classes: all('#preflight-table tr[data-devices]').map(row => ({
          devices: row.getAttribute('data-devices') ?? '',
          outcome: row.getAttribute('data-outcome') ?? '',
          steps: Array.from(row.querySelectorAll('td[data-step]')).map(td => ({ outcome: td.getAttribute('data-outcome') ?? '', rule: td.getAttribute('data-rule') ?? '' })),
        })),
        errors: all('#errors li[data-code]').map(e => e.getAttribute('data-code') ?? ''),
      },
    });
  }

  showError(message: string): void {
    showPanelError(this.main, 'preflight-error', this.s.loadFailed, message);
  }
}

startPanel<PreflightStrings, PreflightModel>(vscode, strings => new PreflightApp(strings));
