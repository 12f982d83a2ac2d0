// Messages between the extension host and the pre-flight webview. Types only; both sides import this.
import type { DeviceClass, Outcome, Rule } from '../core/compare';
import type { Preflight, Slot, StepOutcome, TrustSource, Holding } from '../core/preflight';
import type { PanelHostMessage } from './panelProtocol';

export interface PreflightFileInfo {
  /** File name. */
  name: string;
  /** Where it comes from (a path or a URI). */
  description: string;
}

export interface PreflightModel {
  /** The file in each slot, or null when none was chosen. */
  files: Record<Slot, PreflightFileInfo | null>;
  /** The result, its sentences already in the display language. */
  preflight: Preflight;
}

export interface PreflightStrings {
  title: string;
  intro: string;
  filesHeading: string;
  slots: Record<Slot, string>;
  notGiven: string;
  choose: string;
  clear: string;
  resultHeading: string;
  colDevices: string;
  /** "Step {0}: {1}" */
  colStep: string;
  stepFiles: { 1: string; 2: string };
  colOutcome: string;
  devices: Record<DeviceClass, string>;
  outcomes: Record<StepOutcome, string>;
  rules: Record<Rule, string>;
  /** "Rule {0}: {1}" */
  ruleLabel: string;
  trustLabel: string;
  /** "Open record #{0} of {1}" (index, slot), the label of a link to the record that decided a step. */
  openRecord: string;
  trust: Record<TrustSource, string>;
  /** "Then holds: CTL {0}, ITL {1}" */
  thenHolds: string;
  holding: Record<Holding, string>;
  /** "Signer: {0}, serial {1}" */
  signer: string;
  recovery: string;
  missingHeading: string;
  errorsHeading: string;
  noErrors: string;
  loadFailed: string;
  signature: Record<NonNullable<Preflight['inputs']['phone-ctl']>['signature'], string>;
}

export type PreflightHostToWebview = PanelHostMessage<PreflightStrings, PreflightModel>;

/** What the page shows after a render, read back from the DOM for tests. */
export interface PreflightRendered {
  classes: { devices: string; outcome: string; steps: { outcome: string; rule: string }[] }[];
  errors: string[];
}

export type PreflightWebviewToHost =
  | { type: 'ready' }
  | { type: 'choose'; slot: Slot }
  | { type: 'clear'; slot: Slot }
  /** Opens our editor on a record of the file in that slot (1-based index). */
  | { type: 'openRecord'; slot: Slot; record: number }
  | { type: 'rendered'; rendered: PreflightRendered };

/** Outcomes a cell can show; re-exported for the webview, which imports no core code. */
export type { Outcome, Slot };
