// Messages between the extension host and the report webview ("Show Trust List Report"). Types only;
// both sides import this. The host sends the core Report (English sentences kept for the JSON-minded)
// plus what the page shows in the display language: per-file rows, outlier rows with their reasons
// translated and the majority file to compare with, and the strings.
import type { SignatureStatus, TrustListKind } from '../core/model';
import type { Report } from '../core/report';
import type { PanelHostMessage } from './panelProtocol';

/** One file of the report: what the groups table filters on and what the outliers list shows. */
export interface ReportFileRow {
  /** As the report shows it (relative to the workspace folder). */
  path: string;
  /** The file's URI (string form); the host accepts only URIs of the model it posted. */
  uri: string;
  name: string;
  /** The report's folder key (FileSummary.folder). */
  folder: string;
  /** From ITLSEP<MAC>.tlv / CTLSEP<MAC>.tlv names. */
  mac?: string;
  kind: TrustListKind;
  status: SignatureStatus;
  signer?: { commonName: string; serial: string };
  records: number;
  earliestNotAfter?: string;
  sha1: string;
  /** Its content group (ContentGroup.sha256). */
  sha256: string;
  /** Outlier reasons in the display language; absent when the file is not an outlier. */
  reasons?: string[];
}

/** The file a folder's majority holds, for "Compare with majority file". */
export interface ReportMajorityFile {
  path: string;
  uri: string;
  name: string;
  /** Files of the folder with that content. */
  count: number;
}

export interface ReportOutlierRow {
  path: string;
  uri: string;
  name: string;
  folder: string;
  kind: TrustListKind;
  status: SignatureStatus;
  reasons: { code: string; text: string }[];
  /** Absent when the folder has no majority for the file's kind (nothing to compare with). */
  majority?: ReportMajorityFile;
}

export interface ReportModel {
  /** The core report: totals, folders with their content groups and majorities, the timeline. */
  report: Report;
  /** The totals sentence, in the display language. */
  totals: string;
  files: ReportFileRow[];
  /** Parallel to report.outliers. */
  outliers: ReportOutlierRow[];
  /** What the report covers (a folder, or the workspace). */
  scope: string;
}

export interface ReportStrings {
  title: string;
  /** "As of {0}; expiring = within {1} days." */
  asOf: string;
  outliersHeading: string;
  noOutliers: string;
  outliersIntro: string;
  open: string;
  /** "Open {0}" (aria-label of the Open button) */
  openFile: string;
  compareWithMajority: string;
  /** "Compare {0} (NEW) with {1} (OLD), held by {2} files of the folder" */
  compareWithMajorityTitle: string;
  noMajority: string;
  groupsHeading: string;
  /** "{0}: {1} file(s), {2} verified, {3} distinct content(s)" */
  folderSummary: string;
  filter: string;
  filterPlaceholder: string;
  statusFilter: string;
  allStatuses: string;
  /** "{0} of {1} groups shown" */
  groupsShown: string;
  noGroupMatches: string;
  columns: {
    count: string;
    kind: string;
    status: string;
    records: string;
    earliestExpiry: string;
    sha1: string;
    signer: string;
    files: string;
    actions: string;
  };
  /** "Sort by {0}" */
  sortBy: string;
  /** "and {0} more" */
  andMore: string;
  /** "#{0} {1}, serial {2}" */
  signerValue: string;
  /** "Open the first file of this group ({0})" */
  openFirst: string;
  statuses: Record<SignatureStatus, string>;
  timelineHeading: string;
  timelineIntro: string;
  timelineLabel: string;
  legendExpired: string;
  /** "Expiring within {0} days" */
  legendExpiring: string;
  legendOk: string;
  legendSigner: string;
  legendToday: string;
  /** "Today {0}" */
  today: string;
  signerMark: string;
  states: { expired: string; expiring: string; ok: string };
  /** "{0}, serial {1}: {2} to {3}, {4}" (host+roles, serial, from, to, state) */
  barLabel: string;
  /** "in {0} file(s)" */
  inFiles: string;
  timelineTableCaption: string;
  timelineColumns: {
    notAfter: string;
    notBefore: string;
    state: string;
    signer: string;
    roles: string;
    files: string;
    serial: string;
    host: string;
  };
  yes: string;
  noCertificates: string;
  outlierColumns: { file: string; kind: string; status: string; reasons: string; actions: string };
  loadFailed: string;
}

/** What the webview keeps with vscode.setState, so VS Code can restore the panel after a reload. */
export interface ReportRestoreState {
  /** The folder's URI (string form), or null for the whole workspace. */
  scope: string | null;
}

export type ReportHostToWebview = PanelHostMessage<ReportStrings, ReportModel> | { type: 'restore'; state: ReportRestoreState };

/** What the page shows after a render, read back from its DOM for tests. */
export interface ReportRendered {
  /** Bars of the timeline SVG. */
  bars: number;
  /** Rows of the timeline table. */
  timelineRows: number;
  /** Group rows shown (after filtering). */
  groupRows: number;
  outliers: number;
  /** Outlier rows with a "Compare with majority file" button. */
  compareButtons: number;
}

export type ReportWebviewToHost =
  | { type: 'ready' }
  /** Opens our editor on a file of the model. */
  | { type: 'open'; uri: string }
  /** Opens the comparison: the majority file of the outlier's folder and kind (OLD) with the outlier (NEW). */
  | { type: 'compareWithMajority'; uri: string }
  | { type: 'rendered'; rendered: ReportRendered };
