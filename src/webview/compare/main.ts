// Comparison webview entry: renders what the host computed (it never parses a file) and reports what
// it shows back to the host for the tests. Data arrives by postMessage only.
import type { CompareModel, CompareRestoreMessage, CompareStrings, CompareWebviewToHost } from '../../extension/compare/protocol';
import { vscodeApi, startPanel, showPanelError } from '../panel';
import { h } from '../dom';
import { RecordsDiffTable } from './recordsDiff';
import { renderHeader, renderSigner, renderVerdicts, renderWarnings } from './summary';

const vscode = vscodeApi<CompareWebviewToHost>();

class CompareApp {
  private readonly main = h('main', { id: 'compare', class: 'compare' });
  private readonly records: RecordsDiffTable;

  constructor(private readonly s: CompareStrings, private readonly locale: string) {
    this.records = new RecordsDiffTable(s);
    document.title = s.title;
    document.body.classList.add('compare-view');
    document.body.replaceChildren(this.main, this.records.tooltip.element);
  }

  show(model: CompareModel): void {
    const c = model.comparison;
    this.records.setModel(model);
    this.main.replaceChildren(
      renderHeader(model, this.s, this.locale, {
        openTextDiff: () => vscode.postMessage({ type: 'openTextDiff' }),
        swap: () => vscode.postMessage({ type: 'swap' }),
        preflight: () => vscode.postMessage({ type: 'preflight' }),
      }),
      renderVerdicts(c, this.s),
      renderSigner(c, this.s),
      this.records.element,
      renderWarnings(c, this.s));
    document.body.dataset.ready = '1';
    this.reportRendered();
  }

  showError(message: string): void {
    showPanelError(this.main, 'compare-error', this.s.loadFailed, message);
  }

  /** Tells the host what the page shows, read back from the DOM. */
  private reportRendered(): void {
    const all = (selector: string): Element[] => Array.from(document.querySelectorAll(selector));
    vscode.postMessage({
      type: 'rendered',
      rendered: {
        verdicts: all('#verdicts [data-devices][data-outcome]').map(e => ({
          devices: e.getAttribute('data-devices') ?? '',
          outcome: e.getAttribute('data-outcome') ?? '',
          rule: e.getAttribute('data-rule') ?? '',
        })),
        statuses: all('#records-diff tr[data-status]').map(e => e.getAttribute('data-status') ?? ''),
        warnings: all('#warnings li[data-code]').map(e => e.getAttribute('data-code') ?? ''),
      },
    });
  }
}

// 'restore': VS Code hands this back to the extension's serializer after a window reload.
startPanel<CompareStrings, CompareModel, CompareRestoreMessage>(vscode, (strings, locale) => new CompareApp(strings, locale), message => vscode.setState(message.state));
