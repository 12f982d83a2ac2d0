// Report webview entry: renders what the host computed (it never parses a file): the totals, the
// outliers first, the content groups per folder (sortable, filterable), then the certificate validity
// timeline (inline SVG built with createElementNS) and the same data as a table. Text goes in through
// textContent only (h(), svg()); the filter and sort survive a hidden tab through getState/setState.
import type { ReportModel, ReportRestoreState, ReportStrings, ReportWebviewToHost } from '../../shared/reportProtocol';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { vscodeApi, startPanel, showPanelError } from '../panel';
import { h, icon } from '../dom';
import { DEFAULT_GROUPS_STATE, GroupsView, type GroupsState } from './groupsTable';
import { outliersSection } from './outliers';
import { day, drawTimeline, timelineSection } from './timeline';

const vscode = vscodeApi<ReportWebviewToHost>();

/** The table's filter and sort (kept across a hidden tab) and what the host restores after a reload. */
interface SavedState {
  groups?: Partial<GroupsState>;
  restore?: ReportRestoreState;
}
const saved = () => (vscode.getState() as SavedState | undefined) ?? {};
const save = (part: SavedState) => vscode.setState({ ...saved(), ...part });

function savedState(): GroupsState {
  return { ...DEFAULT_GROUPS_STATE, ...(saved().groups ?? {}) };
}

class ReportApp {
  private readonly main = h('main', { id: 'report', class: 'compare report' });
  private model: ReportModel | undefined;
  private chart: HTMLElement | undefined;
  private groupsState = savedState();
  private width = 0;

  constructor(private readonly s: ReportStrings) {
    document.title = s.title;
    document.body.classList.add('compare-view');
    document.body.replaceChildren(this.main);
    new ResizeObserver(() => this.redrawChart()).observe(this.main);
  }

  show(model: ReportModel): void {
    this.model = model;
    const s = this.s;
    const r = model.report;
    const header = h('header', { class: 'report-header' },
      h('h1', {}, icon('graph'), h('span', { text: model.scope ? `${s.title}: ${displayText(model.scope, 200)}` : s.title })),
      h('p', { id: 'totals', class: 'totals', text: model.totals }),
      h('p', { class: 'as-of', text: format(s.asOf, day(r.generatedAt), r.expiryWarningDays) }));
    const outliers = outliersSection(model, s, {
      open: uri => vscode.postMessage({ type: 'open', uri }),
      compareWithMajority: uri => vscode.postMessage({ type: 'compareWithMajority', uri }),
    });
    const groups = new GroupsView(model, s, this.groupsState, {
      open: uri => vscode.postMessage({ type: 'open', uri }),
      changed: state => {
        this.groupsState = state;
        save({ groups: state });
        this.reportRendered();
      },
    });
    const timeline = timelineSection(model, s);
    this.chart = timeline.chart;
    this.main.replaceChildren(header, outliers, groups.element, timeline.section);
    this.width = 0;
    this.redrawChart();
    document.body.dataset.ready = '1';
    this.reportRendered();
  }

  private redrawChart(): void {
    if (!this.model || !this.chart || !this.model.report.timeline.length) return;
    const w = this.chart.clientWidth;
    if (Math.abs(w - this.width) < 8) return;
    this.width = w;
    drawTimeline(this.chart, this.model, this.s);
  }

  private reportRendered(): void {
    const count = (selector: string) => document.querySelectorAll(selector).length;
    vscode.postMessage({
      type: 'rendered',
      rendered: {
        bars: count('#timeline-chart svg g.bar'),
        timelineRows: count('#timeline-table tbody tr'),
        groupRows: count('#groups tr.group'),
        outliers: count('#outliers-table tr.outlier'),
        compareButtons: count('#outliers-table button.compare-majority'),
      },
    });
  }

  showError(message: string): void {
    showPanelError(this.main, 'report-error', this.s.loadFailed, message);
  }
}

startPanel<ReportStrings, ReportModel, { type: 'restore'; state: ReportRestoreState }>(vscode, strings => new ReportApp(strings), message => save({ restore: message.state }));
