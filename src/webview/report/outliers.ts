// Outliers first: the files that differ from their folder's majority (or do not verify), each with its
// reasons, "Open" and, when the folder has a majority for its kind, "Compare with majority file".
import type { ReportModel, ReportOutlierRow, ReportStrings } from '../../shared/reportProtocol';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { h, icon } from '../dom';
import { actionButton, statusCell } from './parts';

/** Rows shown at first, and added by each "and N more". */
const PAGE = 200;

export interface OutlierActions {
  open(uri: string): void;
  compareWithMajority(uri: string): void;
}

function row(o: ReportOutlierRow, s: ReportStrings, act: OutlierActions): HTMLElement {
  const name = displayText(o.name, 200);
  const actions = h('td', { class: 'actions-cell' },
    actionButton('go-to-file', s.open, format(s.openFile, name), () => act.open(o.uri), 'outlier-open'));
  if (o.majority) {
    const title = format(s.compareWithMajorityTitle, name, displayText(o.majority.name, 200), o.majority.count);
    actions.append(actionButton('diff', s.compareWithMajority, title, () => act.compareWithMajority(o.uri), 'compare-majority primary'));
  } else {
    actions.append(h('span', { class: 'none no-majority', text: s.noMajority }));
  }
  return h('tr', { class: 'outlier', attrs: { 'data-uri': o.uri, 'data-reasons': o.reasons.map(r => r.code).join(' ') } },
    h('td', { class: 'file' },
      h('div', { class: 'file-name', text: name }),
      o.path !== o.name ? h('div', { class: 'file-path', text: displayText(o.path, 400) }) : null),
    h('td', { text: o.kind }),
    statusCell(o.status, s),
    h('td', { class: 'reasons' }, h('ul', {}, ...o.reasons.map(r => h('li', {}, h('code', { class: 'reason-code', text: r.code }), h('span', { text: ` ${displayText(r.text, 2000)}` }))))),
    actions);
}

export function outliersSection(model: ReportModel, s: ReportStrings, act: OutlierActions): HTMLElement {
  const heading = h('h2', { id: 'outliers-heading' }, icon(model.outliers.length ? 'warning' : 'pass', model.outliers.length ? 'tone-warn' : 'tone-ok'),
    h('span', { text: `${s.outliersHeading} (${model.outliers.length})` }));
  const section = h('section', { id: 'outliers', attrs: { 'aria-labelledby': heading.id } }, heading);
  if (!model.outliers.length) {
    section.append(h('p', { id: 'no-outliers', class: 'none', text: s.noOutliers }));
    return section;
  }
  const c = s.outlierColumns;
  const body = h('tbody');
  const more = h('button', { class: 'more', attrs: { type: 'button' } });
  let shown = 0;
  const showMore = () => {
    const next = model.outliers.slice(shown, shown + PAGE);
    body.append(...next.map(o => row(o, s, act)));
    shown += next.length;
    more.textContent = format(s.andMore, model.outliers.length - shown);
    more.hidden = shown >= model.outliers.length;
  };
  more.addEventListener('click', showMore);
  showMore();
  section.append(
    h('p', { class: 'intro', text: s.outliersIntro }),
    h('div', { class: 'table-scroll' },
      h('table', { id: 'outliers-table', class: 'data-table' },
        h('thead', {}, h('tr', {}, ...[c.file, c.kind, c.status, c.reasons, c.actions].map(text => h('th', { attrs: { scope: 'col' }, text })))),
        body)),
    more);
  return section;
}
