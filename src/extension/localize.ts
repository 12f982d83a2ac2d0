// The core's sentences (signature detail, diagnostics, compare verdicts and warnings) in the display language:
// each template, nested ones first, goes through vscode.l10n.t with its arguments.
import * as vscode from 'vscode';
import { render, type Localizable } from '../core/messages';

export const localize = (l: Localizable): string => render(l, (message, args) => vscode.l10n.t(message, args));
