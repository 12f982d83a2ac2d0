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

/** Files published per DiagnosticCollection.set: one message to the workbench each, the host's thread given back between. */
const CHUNK = 1000;
const yieldToHost = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export class WorkspaceDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('tlvViewer'));
  /** Each published file's outlier reasons (as codes), to republish only files whose reasons changed. */
  private readonly published = new Map<string, string>();
  /** Updates run one after another, each in chunks; a full update makes the pending ones moot. */
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

  /** The diagnostics of a folder's files that need publishing: those changed, and those whose outlier reasons did. */
  private collect(folder: string, entries: IndexEntry[], changed: Set<string> | undefined, out: [vscode.Uri, vscode.Diagnostic[]][]): void {
    const report = this.index.folderReport(folder);
    const outliers = new Map(report.outliers.map(o => [o.path, o]));
    for (const e of entries) {
      const key = e.uri.toString();
      const outlier = outlierProblems(outliers.get(e.summary.path));
      const reasons = outlier.map(p => p.code).join(',');
      if (changed && !changed.has(key) && this.published.get(key) === reasons) continue;
      this.published.set(key, reasons);
      out.push([e.uri, [...e.problems, ...outlier].map(toDiagnostic)]);
    }
  }

  private async update(c: IndexChange, generation: number): Promise<void> {
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
    const out: [vscode.Uri, vscode.Diagnostic[]][] = [];
    if (!c.folders) {
      this.published.clear();
      this.collection.clear();
      const folders = new Map<string, IndexEntry[]>();
      for (const e of this.index.all()) {
        const list = folders.get(e.summary.folder);
        if (list) list.push(e);
        else folders.set(e.summary.folder, [e]);
      }
      for (const [folder, entries] of folders) this.collect(folder, entries, undefined, out);
    } else {
      const changed = c.changed ? new Set(c.changed.map(u => u.toString())) : undefined;
      for (const f of c.folders) this.collect(f, this.index.inFolder(f), changed, out);
    }
    for (let i = 0; i < out.length; i += CHUNK) {
      if (i > 0) {
        await yieldToHost();
        // A newer full update publishes everything again.
        if (generation !== this.generation || this.isDisposed) return;
      }
      this.collection.set(out.slice(i, i + CHUNK));
    }
  }
}
