// Knows which trust-list editors are open, which one is active, what each has selected and what each
// last rendered. Commands use it to act on "the current editor"; the test API reads it.
import * as vscode from 'vscode';
import type { RenderedSummary } from '../shared/protocol';
import type { EditorSession } from './editorSession';
import type { DumpContentProvider } from './dumpContentProvider';

export interface RenderEvent {
  uri: string;
  summary: RenderedSummary;
}

export class EditorRegistry implements vscode.Disposable {
  /** The text views, so commands run from one act on the record under the cursor. */
  constructor(readonly dumps: DumpContentProvider) {}

  private readonly sessions = new Set<EditorSession>();
  private readonly summaries = new Map<string, RenderedSummary>();
  private readonly _onDidRender = new vscode.EventEmitter<RenderEvent>();
  readonly onDidRender = this._onDidRender.event;
  private readonly _onDidChangeActive = new vscode.EventEmitter<EditorSession | undefined>();
  readonly onDidChangeActive = this._onDidChangeActive.event;
  private active: EditorSession | undefined;

  add(session: EditorSession): vscode.Disposable {
    this.sessions.add(session);
    return new vscode.Disposable(() => {
      this.sessions.delete(session);
      if (this.active === session) this.setActive(undefined);
    });
  }

  setActive(session: EditorSession | undefined): void {
    this.active = session;
    void vscode.commands.executeCommand('setContext', 'tlvViewer:isActive', session !== undefined);
    this._onDidChangeActive.fire(session);
  }

  clearActive(session: EditorSession): void {
    if (this.active === session) this.setActive(undefined);
  }

  get activeSession(): EditorSession | undefined {
    return this.active;
  }

  find(uri: vscode.Uri): EditorSession | undefined {
    const key = uri.toString();
    if (this.active?.uri.toString() === key) return this.active;
    for (const s of this.sessions) if (s.uri.toString() === key) return s;
    return undefined;
  }

  recordRender(uri: vscode.Uri, summary: RenderedSummary): void {
    this.summaries.set(uri.toString(), summary);
    this._onDidRender.fire({ uri: uri.toString(), summary });
  }

  renderedSummary(uri: string): RenderedSummary | undefined {
    return this.summaries.get(uri);
  }

  dispose(): void {
    this._onDidRender.dispose();
    this._onDidChangeActive.dispose();
    this.sessions.clear();
  }
}
