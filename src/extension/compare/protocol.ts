// Messages between the extension host and the comparison webview. Types only; both sides import this.
import type { Comparison, DeviceClass, Outcome, RecordStatus, Rule } from '../../core/compare';
import type { DetailRow } from '../../shared/certificateRows';
import type { CertificateLabels } from '../../shared/strings';
import type { PanelHostMessage } from '../../shared/panelProtocol';

export interface CompareSideInfo {
  /** File name shown as OLD / NEW. */
  name: string;
  /** Where it comes from: a path, or a path and a git commit. */
  description: string;
}

/** Certificate details for the row tooltip, computed by the host with the shared certificateRows. */
export interface RecordDetails {
  old?: DetailRow[];
  new?: DetailRow[];
}

export interface CompareModel {
  old: CompareSideInfo;
  new: CompareSideInfo;
  comparison: Comparison;
  /** Parallel to comparison.records. */
  details: RecordDetails[];
}

export interface CompareStrings extends CertificateLabels {
  title: string;
  oldLabel: string;
  newLabel: string;
  /** "{0} bytes" */
  size: string;
  identical: string;
  openTextDiff: string;
  swap: string;
  /** Opens the pre-flight check with OLD as the phone's file and NEW as the next one (two CTLs). */
  preflightCtl: string;
  /** The same for two ITLs. */
  preflightItl: string;
  /** Tooltip of that button. */
  preflightTitle: string;
  verdicts: string;
  devices: Record<DeviceClass, string>;
  outcomes: Record<Outcome, string>;
  rules: Record<Rule, string>;
  /** "Rule {0}: {1}" */
  ruleLabel: string;
  signerHeading: string;
  /** "record #{0}" */
  recordNumber: string;
  signerChanged: string;
  signerUnchanged: string;
  signerNotFound: string;
  /** "SAST anchor of OLD (record #{0})" */
  signerInOldAnchor: string;
  /** "in OLD as record #{0} ({1}), not as a SAST anchor" */
  signerInOldOther: string;
  signerInOldAbsent: string;
  /** "Where NEW's signer stands in OLD" */
  signerWhere: string;
  recordsHeading: string;
  statuses: Record<RecordStatus, string>;
  colStatus: string;
  colRole: string;
  colHost: string;
  colSerial: string;
  colKey: string;
  colValidUntil: string;
  colSha1: string;
  colOld: string;
  colNew: string;
  /** "{0} changed", for a difference without its own column */
  otherChange: string;
  dnsName: string;
  ipAddress: string;
  noRecords: string;
  warningsHeading: string;
  noWarnings: string;
  /** "Certificate details: {0} {1}" (role, host) */
  detailsOf: string;
  noCertificate: string;
  loadFailed: string;
  /** Names of the signature states, e.g. verified. */
  signature: Record<Comparison['new']['signature'], string>;
}

/** What the webview keeps with vscode.setState, so the panel can be restored after a reload. */
export interface CompareRestoreState {
  oldUri: string;
  newUri: string;
}

export type CompareHostToWebview = PanelHostMessage<CompareStrings, CompareModel> | CompareRestoreMessage;
/** After a window reload, VS Code hands the serializer's state back for the page to keep. */
export interface CompareRestoreMessage {
  type: 'restore';
  state: CompareRestoreState;
}

/** What the page shows after a render, read back from the DOM for the integration tests. */
export interface CompareRendered {
  verdicts: { devices: string; outcome: string; rule: string }[];
  statuses: string[];
  warnings: string[];
}

export type CompareWebviewToHost =
  | { type: 'ready' }
  | { type: 'openTextDiff' }
  | { type: 'swap' }
  /** Pre-flight check with OLD as the phone's CTL (ITL) and NEW as the next CTL (ITL). */
  | { type: 'preflight' }
  | { type: 'rendered'; rendered: CompareRendered };
