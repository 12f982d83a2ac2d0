import * as vscode from 'vscode';
import type { WebviewSettings } from '../shared/protocol';

export function readSettings(): WebviewSettings {
  const days = vscode.workspace.getConfiguration('tlvViewer').get<number>('expiryWarningDays', 30);
  return { expiryWarningDays: Number.isFinite(days) && days >= 0 ? days : 30 };
}
