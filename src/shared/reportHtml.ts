// `report --html FILE` and the extension's report panel: one self-contained page. No script at all;
// the only style is one inline <style> element allowed by its SHA-256 in the Content-Security-Policy.
// Every value that reaches the page goes through `html`, whose one escaping function (`escapeText`)
// neutralises file text. Pure (no node: modules), so the CLI and both extension hosts import it.
import { inert } from '../core/dump';
import { fill } from '../core/messages';
import { reportTotalsL10n, type FileSummary, type Report, type TimelineEntry } from '../core/report';

/** Markup built by `html`: the only thing that is not escaped again. */
class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | boolean | undefined | null | readonly Value[];

/**
 * The one escaping function: file text loses its line breaks and bidi controls (inert, as on the
 * terminal), then the five characters that mean something in HTML text and quoted attributes.
 */
export function escapeText(s: string): string {
  return inert(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

function show(v: Value): string {
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return v.map(show).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeText(String(v));
}

/** Tagged template: literal parts are ours, every interpolated value is escaped unless it is Markup. */
function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += show(values[i]) + strings[i + 1];
  return new Markup(out);
}

export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right}td.d{white-space:nowrap}code{font:12px ui-monospace,Consolas,monospace;word-break:break-all}
.bad{color:#b42318;font-weight:600}.warn{color:#9a6700;font-weight:600}.good{color:#1a7f37}
ul.paths{margin:0;padding-left:1.2rem;max-height:10rem;overflow:auto}
svg{display:block;max-width:100%;height:auto;border:1px solid #d0d7de}
svg text{font:11px system-ui,sans-serif;fill:#1b1f24}
svg .expired{fill:#d1242f}svg .expiring{fill:#bf8700}svg .ok{fill:#2da44e}svg .signer{stroke:#0550ae;stroke-width:2}
svg .now{stroke:#0550ae;stroke-dasharray:4 3}svg .axis{stroke:#8c959f}
`.trim();

/**
 * `style-src` by hash: the page's one <style> element and nothing else (no style attributes). A constant,
 * so the module needs no hashing at run time; a unit test recomputes it from REPORT_CSS.
 */
export const STYLE_HASH = 'sha256-QnZhJ+ed1iR2GGxMvUNpjYhloxBZwApFBWHwQsf2r30=';
export const REPORT_CSP = `default-src 'none'; style-src '${STYLE_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
const state = (t: TimelineEntry) => (t.expired ? 'expired' : t.expiring ? 'expiring' : 'ok');
const stateText = (t: TimelineEntry) => (t.expired ? 'EXPIRED' : t.expiring ? 'EXPIRING' : 'ok');
const statusClass = (status: string) => (status === 'verified' ? 'good' : 'bad');

/** The timeline as bars on a time axis; each bar carries its data in a <title>, and the table below repeats it. */
function timelineSvg(r: Report): Markup {
  const entries = r.timeline;
  if (!entries.length) return html``;
  const now = Date.parse(r.generatedAt);
  const starts = entries.map(e => Date.parse(e.notBefore)).filter(Number.isFinite);
  const ends = entries.map(e => Date.parse(e.notAfter)).filter(Number.isFinite);
  const min = Math.min(now, ...starts);
  const max = Math.max(now + 86_400_000, ...ends);
  const label = 300, width = 1000, row = 20, top = 24;
  const height = top + entries.length * row + 8;
  const x = (t: number) => (label + ((t - min) / (max - min)) * (width - label - 10)).toFixed(1);
  const firstYear = new Date(min).getUTCFullYear() + 1;
  const lastYear = new Date(max).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  const ticks: Markup[] = [];
  for (let y = firstYear; y <= lastYear; y += step) {
    const tx = x(Date.UTC(y, 0, 1));
    ticks.push(html`<line class="axis" x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${height}"/><text x="${tx}" y="${top - 10}" text-anchor="middle">${y}</text>`);
  }
  const bars = entries.map((e, i) => {
    const y = top + i * row;
    const a = Date.parse(e.notBefore), b = Date.parse(e.notAfter);
    const x1 = Number(x(Number.isFinite(a) ? a : min)), x2 = Number(x(Number.isFinite(b) ? b : max));
    const title = `${e.host} — ${e.roles.join('+')}${e.isSigner ? ' (signer)' : ''} — serial ${e.serial} — ${day(e.notBefore)} to ${day(e.notAfter)} — ${stateText(e)} — SHA-256 ${e.sha256} — in ${e.files} file(s)`;
    return html`<g><title>${title}</title><text x="4" y="${y + 14}">${e.host.length > 44 ? `${e.host.slice(0, 43)}…` : e.host} (${e.roles.join('+')})</text><rect class="${state(e)}${e.isSigner ? ' signer' : ''}" x="${x1.toFixed(1)}" y="${y + 3}" width="${Math.max(2, x2 - x1).toFixed(1)}" height="${row - 6}"/></g>`;
  });
  const nx = x(now);
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Certificate validity timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${ticks}${bars}<line class="now" x1="${nx}" y1="${top - 6}" x2="${nx}" y2="${height}"><title>now: ${day(r.generatedAt)}</title></line></svg>`;
}

export function renderReportHtml(r: Report, files: FileSummary[]): string {
  const byPath = new Map(files.map(f => [f.path, f]));
  const outliers = r.outliers.length
    ? html`<table><tr><th>file</th><th>kind</th><th>status</th><th>why</th></tr>${r.outliers.map(o => html`<tr><td><code>${o.path}</code></td><td>${o.kind}</td><td class="${statusClass(o.status)}">${o.status}</td><td><ul>${o.reasons.map(w => html`<li><b>${w.code}</b> ${w.message}</li>`)}</ul></td></tr>`)}</table>`
    : html`<p class="good">none</p>`;
  const folders = r.folders.map(f => html`<h3><code>${f.folder || '.'}</code></h3>
<p>${f.files} file(s), ${f.verified} verified, ${f.groups.length} distinct content(s).</p>
<table><tr><th>count</th><th>kind</th><th>status</th><th>records</th><th>earliest expiry</th><th>signer</th><th>SHA-1</th><th>files</th></tr>
${f.groups.map(g => html`<tr><td class="n">${g.count}</td><td>${g.kind}</td><td class="${statusClass(g.status)}">${g.status}</td><td class="n">${g.records}</td><td class="d">${day(g.earliestNotAfter)}</td><td>${g.signer ? `#${g.signer.index} ${g.signer.commonName} (serial ${g.signer.serial})` : ''}</td><td><code>${g.sha1}</code></td><td><ul class="paths">${g.paths.map(p => html`<li><code>${byPath.get(p)?.name ?? p}</code></li>`)}</ul></td></tr>`)}
</table>`);
  const timelineTable = html`<table><tr><th>not after</th><th>not before</th><th>state</th><th>signer</th><th>roles</th><th>host</th><th>serial</th><th>SHA-256</th><th>files</th></tr>
${r.timeline.map(t => html`<tr><td class="d">${day(t.notAfter)}</td><td class="d">${day(t.notBefore)}</td><td class="${t.expired ? 'bad' : t.expiring ? 'warn' : 'good'}">${stateText(t)}</td><td>${t.isSigner ? 'yes' : ''}</td><td>${t.roles.join('+')}</td><td>${t.host}</td><td><code>${t.serial}</code></td><td><code>${t.sha256}</code></td><td class="n">${t.files}</td></tr>`)}
</table>`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new Markup(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<title>Trust-list report</title>
<style>${new Markup(REPORT_CSS)}</style>
</head>
<body>
<h1>Trust-list report</h1>
<p>${fill(reportTotalsL10n(r.totals))}</p>
<p>As of ${r.generatedAt}; expiring = within ${r.expiryWarningDays} days.</p>
<h2>Outliers (${r.outliers.length})</h2>
${outliers}
<h2>Folders</h2>
${folders}
<h2>Certificate timeline (${r.timeline.length})</h2>
${timelineSvg(r)}
<p>Bars: red expired, amber expiring within ${r.expiryWarningDays} days, green valid; a blue outline marks a signer; the dashed line is now. Each bar's tooltip and the table below hold the same data.</p>
${timelineTable}
</body>
</html>
`;
  return page.text;
}
