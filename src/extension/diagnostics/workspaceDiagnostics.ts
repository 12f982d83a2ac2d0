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

export class WorkspaceDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('tlvViewer'));

  constructor(private readonly index: TrustListIndex) {
    super();
    this._register(index.onDidChange(c => this.update(c)));
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(SETTING)) this.update({ removed: [] });
    }));
  }

  private publish(folder: string, entries: IndexEntry[]): void {
    const report = this.index.folderReport(folder);
    const outliers = new Map(report.outliers.map(o => [o.path, o]));
    for (const e of entries) {
      const problems = [...e.problems, ...outlierProblems(outliers.get(e.summary.path))];
      this.collection.set(e.uri, problems.map(toDiagnostic));
    }
  }

  private update(c: IndexChange): void {
    for (const uri of c.removed) this.collection.delete(uri);
    if (!enabled()) {
      this.collection.clear();
      return;
    }
    if (!c.folders) {
      this.collection.clear();
      const folders = new Map<string, IndexEntry[]>();
      for (const e of this.index.all()) {
        const list = folders.get(e.summary.folder);
        if (list) list.push(e);
        else folders.set(e.summary.folder, [e]);
      }
      for (const [folder, entries] of folders) this.publish(folder, entries);
      return;
    }
    for (const f of c.folders) this.publish(f, this.index.inFolder(f));
  }
}
