// The content groups, one table per folder: a row per distinct content (count, kind, status, records,
// earliest expiry, SHA-1, signer, files). Column headers are buttons that sort every table (aria-sort
// says how); a filter (MAC, file name, signer, status, SHA-1; case-insensitive) and a status select
// narrow the rows. A folder may hold 50,000 files in a few groups: each row lists its first names only,
// with "and N more" to show further pages.
import type { SignatureStatus } from '../../core/model';
import type { ContentGroup, FolderReport } from '../../core/report';
import type { ReportFileRow, ReportModel, ReportStrings } from '../../shared/reportProtocol';
import { displayText } from '../../shared/displayText';
import { format } from '../../shared/strings';
import { h, icon } from '../dom';
import { actionButton, statusCell } from './parts';
import { day } from './timeline';

export type SortKey = 'count' | 'kind' | 'status' | 'records' | 'expiry' | 'sha1' | 'signer' | 'files';
export type SortDir = 'ascending' | 'descending';

export interface GroupsState {
  filter: string;
  /** A SignatureStatus, or '' for all. */
  status: string;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_GROUPS_STATE: GroupsState = { filter: '', status: '', sort: 'count', dir: 'descending' };

const COLUMNS: SortKey[] = ['count', 'kind', 'status', 'records', 'expiry', 'sha1', 'signer', 'files'];
const NUMERIC = new Set<SortKey>(['count', 'records', 'files']);
/** File names shown per row at first, and added by each "and N more". */
const FIRST_NAMES = 5;
const MORE_NAMES = 100;

interface GroupRow {
  folder: string;
  group: ContentGroup;
  files: ReportFileRow[];
  /** Lowercased text the filter matches at group level (signer, status, SHA-1, kind). */
  haystack: string;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortValue(r: GroupRow, key: SortKey, s: ReportStrings): string | number {
  const g = r.group;
  switch (key) {
    case 'count': return g.count;
    case 'kind': return g.kind;
    case 'status': return s.statuses[g.status];
    case 'records': return g.records;
    case 'expiry': return g.earliestNotAfter ?? '\uffff';
    case 'sha1': return g.sha1;
    case 'signer': return (g.signer?.commonName ?? '').toLowerCase();
    case 'files': return r.files.length;
  }
}

/** A MAC typed with or without separators (00:1A:2B…, 001a.2b…): its hex digits, else undefined. */
function macQuery(q: string): string | undefined {
  if (!/^[0-9a-f:.\-\s]+$/i.test(q)) return undefined;
  const hex = q.replace(/[^0-9a-f]/gi, '').toLowerCase();
  return hex.length >= 2 ? hex : undefined;
}

export interface GroupsActions {
  open(uri: string): void;
  changed(state: GroupsState): void;
}

export class GroupsView {
  readonly element: HTMLElement;
  private readonly rows: { folder: FolderReport; rows: GroupRow[]; section: HTMLElement; tbody: HTMLElement; headers: Map<SortKey, HTMLElement> }[] = [];
  private readonly shownNames = new Map<string, number>();
  private readonly count = h('p', { id: 'groups-count', class: 'count', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly empty = h('p', { id: 'groups-empty', class: 'none' });
  private readonly filterInput: HTMLInputElement;
  private readonly statusSelect: HTMLSelectElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly model: ReportModel, private readonly s: ReportStrings, private state: GroupsState, private readonly act: GroupsActions) {
    const byGroup = new Map<string, ReportFileRow[]>();
    for (const f of model.files) {
      const key = `${f.folder}\u0000${f.sha256}`;
      const list = byGroup.get(key);
      if (list) list.push(f);
      else byGroup.set(key, [f]);
    }
    const heading = h('h2', { id: 'groups-heading' }, icon('files'), h('span', { text: s.groupsHeading }));
    this.filterInput = h('input', { id: 'groups-filter', attrs: { type: 'search', placeholder: s.filterPlaceholder, 'aria-label': `${s.filter}: ${s.filterPlaceholder}`, value: state.filter, spellcheck: 'false' } });
    this.filterInput.value = state.filter;
    this.filterInput.addEventListener('input', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update({ filter: this.filterInput.value }), 120);
    });
    const statuses = [...new Set(model.report.folders.flatMap(f => f.groups.map(g => g.status)))];
    this.statusSelect = h('select', { id: 'groups-status', attrs: { 'aria-label': s.statusFilter } },
      h('option', { text: s.allStatuses, attrs: { value: '' } }),
      ...statuses.map(st => h('option', { text: s.statuses[st], attrs: { value: st } })));
    this.statusSelect.value = statuses.includes(state.status as SignatureStatus) ? state.status : '';
    this.statusSelect.addEventListener('change', () => this.update({ status: this.statusSelect.value }));
    const controls = h('div', { class: 'filters' },
      h('label', { class: 'filter' }, icon('filter'), h('span', { class: 'visually-hidden', text: s.filter }), this.filterInput),
      h('label', { class: 'status-filter' }, h('span', { text: `${s.statusFilter}:` }), this.statusSelect),
      this.count);
    this.element = h('section', { id: 'groups', attrs: { 'aria-labelledby': heading.id } }, heading, controls, this.empty);

    for (const folder of model.report.folders) {
      const rows = folder.groups.map((group): GroupRow => {
        const files = (byGroup.get(`${folder.folder}\u0000${group.sha256}`) ?? []).sort((a, b) => compareText(a.name, b.name));
        const haystack = [group.signer?.commonName, group.signer?.serial, group.status, s.statuses[group.status], group.sha1, group.kind].filter(Boolean).join('\n').toLowerCase();
        return { folder: folder.folder, group, files, haystack };
      });
      const headers = new Map<SortKey, HTMLElement>();
      const head = h('tr', {}, ...COLUMNS.map(key => {
        const label = key === 'expiry' ? s.columns.earliestExpiry : s.columns[key];
        const button = h('button', { class: 'sort', attrs: { type: 'button', 'data-sort': key, title: format(s.sortBy, label) } }, h('span', { text: label }), icon('arrow-down', 'sort-icon'));
        button.addEventListener('click', () => this.sortBy(key));
        const th = h('th', { class: NUMERIC.has(key) && key !== 'files' ? 'num' : '', attrs: { scope: 'col', 'data-key': key } }, button);
        headers.set(key, th);
        return th;
      }), h('th', { attrs: { scope: 'col' }, text: s.columns.actions }));
      const tbody = h('tbody');
      const title = format(s.folderSummary, displayText(folder.folder || '.', 400), folder.files, folder.verified, folder.groups.length);
      const section = h('div', { class: 'folder', attrs: { 'data-folder': folder.folder } },
        h('h3', {}, icon('folder'), h('span', { text: title })),
        h('div', { class: 'table-scroll' }, h('table', { class: 'data-table groups-table' }, h('thead', {}, head), tbody)));
      this.element.append(section);
      this.rows.push({ folder, rows, section, tbody, headers });
    }
    this.render();
  }

  private update(patch: Partial<GroupsState>): void {
    this.state = { ...this.state, ...patch };
    this.act.changed(this.state);
    this.render();
  }

  private sortBy(key: SortKey): void {
    const dir: SortDir = this.state.sort === key ? (this.state.dir === 'ascending' ? 'descending' : 'ascending') : NUMERIC.has(key) ? 'descending' : 'ascending';
    this.update({ sort: key, dir });
  }

  /** The files of a row the filter keeps (all when the group itself matches), or undefined to hide it. */
  private visibleFiles(r: GroupRow): ReportFileRow[] | undefined {
    if (this.state.status && r.group.status !== this.state.status) return undefined;
    const q = this.state.filter.trim().toLowerCase();
    if (!q || r.haystack.includes(q)) return r.files;
    const mac = macQuery(q);
    const files = r.files.filter(f => f.name.toLowerCase().includes(q) || (mac !== undefined && f.mac !== undefined && f.mac.toLowerCase().includes(mac)));
    return files.length ? files : undefined;
  }

  render(): void {
    const { sort, dir } = this.state;
    let shown = 0, total = 0;
    for (const t of this.rows) {
      for (const [key, th] of t.headers) {
        th.setAttribute('aria-sort', key === sort ? dir : 'none');
        const i = th.querySelector('.sort-icon');
        if (i) i.className = `codicon codicon-${dir === 'ascending' ? 'arrow-up' : 'arrow-down'} sort-icon${key === sort ? ' active' : ''}`;
      }
      const visible = t.rows.map(r => ({ r, files: this.visibleFiles(r) })).filter((v): v is { r: GroupRow; files: ReportFileRow[] } => v.files !== undefined);
      const sign = dir === 'ascending' ? 1 : -1;
      visible.sort((a, b) => {
        const va = sortValue(a.r, sort, this.s), vb = sortValue(b.r, sort, this.s);
        const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
        return sign * c || b.r.group.count - a.r.group.count || compareText(a.r.group.sha1, b.r.group.sha1);
      });
      t.tbody.replaceChildren(...visible.map(v => this.row(v.r, v.files)));
      t.section.hidden = visible.length === 0;
      shown += visible.length;
      total += t.rows.length;
    }
    this.count.textContent = format(this.s.groupsShown, shown, total);
    this.empty.textContent = shown ? '' : this.s.noGroupMatches;
    this.empty.hidden = shown > 0;
  }

  private row(r: GroupRow, files: ReportFileRow[]): HTMLElement {
    const g = r.group, s = this.s;
    const key = `${r.folder}\u0000${g.sha256}`;
    const limit = this.shownNames.get(key) ?? FIRST_NAMES;
    const list = h('ul', { class: 'names' }, ...files.slice(0, limit).map(f =>
      h('li', {}, this.fileLink(f))));
    const names = h('td', { class: 'group-files' }, list);
    if (files.length > limit) {
      const more = h('button', { class: 'more', text: format(s.andMore, files.length - limit), attrs: { type: 'button' } });
      more.addEventListener('click', () => {
        this.shownNames.set(key, limit + MORE_NAMES);
        this.render();
      });
      names.append(more);
    }
    const signer = g.signer
      ? h('td', { class: 'signer', attrs: { title: format(s.signerValue, g.signer.index, displayText(g.signer.commonName, 200), g.signer.serial) } },
        h('div', { text: `#${g.signer.index} ${displayText(g.signer.commonName, 200)}` }),
        h('div', { class: 'serial mono-wrap', text: g.signer.serial }))
      : h('td', { class: 'signer' });
    const expired = g.earliestNotAfter !== undefined && g.earliestNotAfter < this.model.report.generatedAt;
    const first = files[0];
    return h('tr', { class: 'group', attrs: { 'data-sha1': g.sha1, 'data-status': g.status, 'data-kind': g.kind, 'data-count': g.count, 'data-files': files.length } },
      h('td', { class: 'num', text: String(g.count) }),
      h('td', { text: g.kind }),
      statusCell(g.status, s),
      h('td', { class: 'num', text: String(g.records) }),
      h('td', { class: expired ? 'date tone-bad' : 'date' }, expired ? icon('warning') : null, h('span', { text: day(g.earliestNotAfter) })),
      h('td', { class: 'sha1' }, h('code', { text: g.sha1 })),
      signer,
      names,
      h('td', { class: 'actions-cell' }, first ? actionButton('go-to-file', s.open, format(s.openFirst, displayText(first.name, 200)), () => this.act.open(first.uri), 'group-open icon-only') : null));
  }

  private fileLink(f: ReportFileRow): HTMLElement {
    const b = h('button', { class: 'link', text: displayText(f.name, 200), attrs: { type: 'button', title: displayText(f.path, 1000) } });
    b.addEventListener('click', () => this.act.open(f.uri));
    return b;
  }

  get filterElement(): HTMLInputElement {
    return this.filterInput;
  }
}
