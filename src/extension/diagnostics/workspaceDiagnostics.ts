// The Problems panel: one DiagnosticCollection keyed by each trust list's URI, from the index's
// problems (core/problems.ts) plus, per folder, how a file differs from the majority (the report's
// outliers). Cleared for a file that goes away; all of it off with tlvViewer.workspaceDiagnostics.
import * as vscode from 'vscode';
import { outlierProblems, type Problem } from '../../core/problems';
import { inert } from '../../core/dump';
import { localize } from '../localize';
import { Disposable } from '../dispose';
import type { IndexChange, IndexEntry, TrustListIndex } from '../trustListsView/trustListIndex';

export const DIAGNOSTIC_SOURCE = 'CUCM Trust List';
const SETTING = 'tlvViewer.workspaceDiagnostics';

const enabled = () => vscode.workspace.getConfiguration('tlvViewer').get<boolean>('workspaceDiagnostics', true) !== false;

/** File text (names in a certificate label, a signature detail) stays on one line, without bidi controls, and short. */
function message(p: Problem): string {
  const m = inert(localize(p.l10n));
  return m.length > 1000 ? `${m.slice(0, 999)}…` : m;
}

export function toDiagnostic(p: Problem): vscode.Diagnostic {
  // A binary file: every diagnostic sits on line 0; the message names the byte offset where it matters.
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message(p), p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.code;
  return d;
}

/** At most this many files per DiagnosticCollection.set: one message to the workbench each, serialised at once. */
const CHUNK = 250;
/** The host's thread is given back after this long of building diagnostics. */
const SLICE_MS = 20;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToHost = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export class WorkspaceDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('tlvViewer'));
  /** Each published file's outlier reasons (as codes), to republish only files whose reasons changed. */
  private readonly published = new Map<string, string>();
  /** Updates run one after another, in slices; a full update makes the pending ones moot. */
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(private readonly index: TrustListIndex) {
    super();
    this._register(index.onDidChange(c => this.enqueue(c)));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(SETTING)) this.enqueue({ removed: [] });
    }));
  }

  /** Resolves when every change heard so far is in the Problems panel. */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(c: IndexChange): void {
    const generation = c.folders ? this.generation : ++this.generation;
    this.queue = this.queue.then(() => (generation === this.generation ? this.update(c, generation) : undefined)).catch(() => undefined);
  }

  private async update(c: IndexChange, generation: number): Promise<void> {
    // Not in the task that fired the change (the view refreshes in it too).
    await yieldToHost();
    if (generation !== this.generation || this.isDisposed) return;
    const removals: [vscode.Uri, undefined][] = c.removed.map(uri => {
      this.published.delete(uri.toString());
      return [uri, undefined];
    });
    for (let i = 0; i < removals.length; i += CHUNK) this.collection.set(removals.slice(i, i + CHUNK));
    if (!enabled()) {
      this.published.clear();
      this.collection.clear();
      return;
    }
    let folders: Map<string, IndexEntry[]>;
    let changed: Set<string> | undefined;
    if (!c.folders) {
      this.published.clear();
      this.collection.clear();
      folders = new Map();
      for (const e of this.index.all()) {
        const list = folders.get(e.summary.folder);
        if (list) list.push(e);
        else folders.set(e.summary.folder, [e]);
      }
    } else {
      folders = new Map(c.folders.map(f => [f, this.index.inFolder(f)]));
      changed = c.changed ? new Set(c.changed.map(u => u.toString())) : undefined;
    }
    // Publishes the files that need it (changed, or whose outlier reasons did) in slices of SLICE_MS.
    let batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    let sliceStart = now();
    const send = () => {
      if (batch.length) this.collection.set(batch);
      batch = [];
    };
    for (const [folder, entries] of folders) {
      const outliers = new Map(this.index.folderReport(folder).outliers.map(o => [o.path, o]));
      for (let i = 0; i < entries.length; i++) {
        if (batch.length >= CHUNK || (i % 64 === 63 && now() - sliceStart > SLICE_MS)) {
          send();
          await yieldToHost();
          sliceStart = now();
          // A newer full update publishes everything again.
          if (generation !== this.generation || this.isDisposed) return;
        }
        const e = entries[i];
        const key = e.uri.toString();
        const outlier = outlierProblems(outliers.get(e.summary.path));
        const reasons = outlier.map(p => p.code).join(',');
        if (changed && !changed.has(key) && this.published.get(key) === reasons) continue;
        this.published.set(key, reasons);
        batch.push([e.uri, [...e.problems, ...outlier].map(toDiagnostic)]);
      }
    }
    send();
  }
}
