// The certificate validity timeline: one bar per distinct certificate from notBefore to notAfter on a
// time axis with year ticks and a "today" line, coloured by state (theme chart colours), the signers
// marked; drawn as inline SVG with createElementNS. Each bar is an image with its own label and
// <title>; the table after it holds the same data.
import type { TimelineEntry } from '../../core/report';
import type { ReportModel, ReportStrings } from '../../shared/reportProtocol';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { h, icon } from '../dom';
import { fitText, svg } from './svg';

const DAY_MS = 86_400_000;
const ROW = 36;
const TOP = 40;
const BAR_H = 16;
/** Room right of the plot for the end date of the latest bars. */
const RIGHT = 92;
/** The codicon font's "key" glyph (@vscode/codicons 0.0.45), the signer's marker inside the SVG. */
const KEY_GLYPH = String.fromCodePoint(0xeb11);

export const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');
export type CertState = 'expired' | 'expiring' | 'ok';
export const stateOf = (t: TimelineEntry): CertState => (t.expired ? 'expired' : t.expiring ? 'expiring' : 'ok');
const STATE_ICONS: Record<CertState, string> = { expired: 'error', expiring: 'warning', ok: 'pass' };

function labelOf(t: TimelineEntry): string {
  return `${t.roles.join('+')} ${displayText(t.host, 200)}`;
}

export function barText(t: TimelineEntry, s: ReportStrings): string {
  const state = s.states[stateOf(t)];
  const base = format(s.barLabel, labelOf(t), t.serial, day(t.notBefore), day(t.notAfter), state);
  return [base, t.isSigner ? s.signerMark : '', format(s.inFiles, t.files)].filter(Boolean).join(', ');
}

function legend(model: ReportModel, s: ReportStrings): HTMLElement {
  const item = (cls: string, text: string) => h('li', {}, h('span', { class: `swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), h('span', { text }));
  return h('ul', { class: 'legend', attrs: { 'aria-label': s.timelineLabel } },
    item('state-expired', s.legendExpired),
    item('state-expiring', format(s.legendExpiring, model.report.expiryWarningDays)),
    item('state-ok', s.legendOk),
    h('li', {}, icon('key', 'signer-icon'), h('span', { text: s.legendSigner })),
    item('today', s.legendToday));
}

/** Draws the chart into `host` at its current width (called again when the width changes). */
export function drawTimeline(host: HTMLElement, model: ReportModel, s: ReportStrings): void {
  const entries = model.report.timeline;
  const width = Math.max(640, Math.floor(host.clientWidth || 900));
  const labelW = Math.round(Math.min(420, Math.max(230, width * 0.34)));
  const plotL = labelW + 12, plotR = width - RIGHT;
  const now = Date.parse(model.report.generatedAt);
  const starts = entries.map(e => Date.parse(e.notBefore)).filter(Number.isFinite);
  const ends = entries.map(e => Date.parse(e.notAfter)).filter(Number.isFinite);
  const min = Math.min(now, ...starts);
  const max = Math.max(now + DAY_MS, ...ends);
  const x = (t: number) => plotL + ((t - min) / (max - min)) * (plotR - plotL);
  const height = TOP + entries.length * ROW + 6;

  const root = svg('svg', { class: 'timeline-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': s.timelineLabel });
  host.replaceChildren(root);

  // Year ticks, spaced at least 44 px apart.
  const grid = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  const firstYear = new Date(min).getUTCFullYear() + 1, lastYear = new Date(max).getUTCFullYear();
  const yearPx = (plotR - plotL) / Math.max(1, (max - min) / (365.25 * DAY_MS));
  const step = Math.max(1, Math.ceil(44 / Math.max(1, yearPx)));
  for (let y = firstYear; y <= lastYear; y++) {
    if ((y - firstYear) % step) continue;
    const tx = x(Date.UTC(y, 0, 1));
    grid.append(
      svg('line', { class: 'tick', x1: tx, y1: 18, x2: tx, y2: height }),
      svg('text', { class: 'tick-label', x: tx, y: 13, 'text-anchor': 'middle' }, String(y)));
  }
  root.append(grid);

  // Stripes behind every other row, for the eye to follow a label to its bar.
  const rows = svg('g', { class: 'rows' });
  root.append(rows);
  entries.forEach((t, i) => {
    const top = TOP + i * ROW;
    if (i % 2 === 0) rows.append(svg('rect', { class: 'stripe', x: 0, y: top, width, height: ROW, 'aria-hidden': 'true' }));
    const state = stateOf(t);
    const a = Date.parse(t.notBefore), b = Date.parse(t.notAfter);
    const x1 = x(Number.isFinite(a) ? a : min), x2 = x(Number.isFinite(b) ? b : max);
    const text = barText(t, s);
    const bar = svg('g', { class: `bar state-${state}${t.isSigner ? ' signer' : ''}`, role: 'img', 'aria-label': text, 'data-sha256': t.sha256 },
      svg('title', {}, text));
    const labelX = t.isSigner ? 22 : 6;
    const name = svg('text', { class: 'bar-label', x: labelX, y: top + 15 }, labelOf(t));
    const serial = svg('text', { class: 'bar-serial', x: labelX, y: top + 30 }, t.isSigner ? `${s.signerMark} · ${t.serial}` : t.serial);
    if (t.isSigner) bar.append(svg('text', { class: 'signer-glyph', x: 4, y: top + 16, 'aria-hidden': 'true' }, KEY_GLYPH));
    bar.append(name, serial,
      svg('rect', { class: 'bar-rect', x: x1, y: top + (ROW - BAR_H) / 2, width: Math.max(3, x2 - x1), height: BAR_H, rx: 2 }),
      svg('text', { class: 'bar-end', x: x2 + 5, y: top + ROW / 2 + 4 }, day(t.notAfter)));
    rows.append(bar);
    fitText(name, labelW - labelX);
    fitText(serial, labelW - labelX);
  });

  // Today, over the bars, with its date under the year labels (clamped inside the plot).
  const nx = x(now);
  const today = svg('g', { class: 'today' },
    svg('title', {}, format(s.today, day(model.report.generatedAt))),
    svg('line', { x1: nx, y1: 18, x2: nx, y2: height }));
  const todayLabel = svg('text', { class: 'today-label', x: nx, y: 32, 'text-anchor': 'middle' }, format(s.today, day(model.report.generatedAt)));
  today.append(todayLabel);
  root.append(today);
  const w = todayLabel.getComputedTextLength();
  if (nx - w / 2 < plotL) todayLabel.setAttribute('x', String(plotL + w / 2));
  if (nx + w / 2 > width - 4) todayLabel.setAttribute('x', String(width - 4 - w / 2));
}

function timelineTable(model: ReportModel, s: ReportStrings): HTMLElement {
  const c = s.timelineColumns;
  const head = h('tr', {}, ...[c.notAfter, c.notBefore, c.state, c.signer, c.roles, c.files, c.serial, c.host].map(text => h('th', { attrs: { scope: 'col' }, text })));
  const rows = model.report.timeline.map(t => {
    const state = stateOf(t);
    return h('tr', { class: `state-${state}`, attrs: { 'data-sha256': t.sha256 } },
      h('td', { class: 'date', text: day(t.notAfter) }),
      h('td', { class: 'date', text: day(t.notBefore) }),
      h('td', { class: `state state-${state}` }, icon(STATE_ICONS[state]), h('span', { text: s.states[state] })),
      h('td', { class: 'signer-cell' }, t.isSigner ? icon('key', 'signer-icon') : null, t.isSigner ? h('span', { text: s.signerMark }) : null),
      h('td', { text: t.roles.join('+') }),
      h('td', { class: 'num', text: String(t.files) }),
      h('td', { class: 'mono-wrap', text: t.serial }),
      h('td', { class: 'host', text: displayText(t.host, 200) }));
  });
  return h('div', { class: 'table-scroll' },
    h('table', { id: 'timeline-table', class: 'data-table' },
      h('caption', { class: 'visually-hidden', text: s.timelineTableCaption }),
      h('thead', {}, head), h('tbody', {}, ...rows)));
}

/** The section; the chart is drawn once the section is in the document (it measures its text). */
export function timelineSection(model: ReportModel, s: ReportStrings): { section: HTMLElement; chart: HTMLElement } {
  const heading = h('h2', { id: 'timeline-heading' }, icon('calendar'), h('span', { text: `${s.timelineHeading} (${model.report.timeline.length})` }));
  const chart = h('div', { id: 'timeline-chart', class: 'timeline-chart' });
  const body = model.report.timeline.length
    ? [h('p', { class: 'intro', text: s.timelineIntro }), legend(model, s), h('div', { class: 'timeline-scroll' }, chart), timelineTable(model, s)]
    : [h('p', { class: 'none', text: s.noCertificates })];
  return { section: h('section', { id: 'timeline', attrs: { 'aria-labelledby': heading.id } }, heading, ...body), chart };
}
