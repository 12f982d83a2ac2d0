// The names of the trust rules (trust-decisions.md) and of the outcomes, shared by the comparison and the
// pre-flight views so both say the same words.
import * as vscode from 'vscode';
import type { Outcome, Rule } from '../core/compare';

export function ruleNames(): Record<Rule, string> {
  return {
    R0: vscode.l10n.t('integrity'),
    R1: vscode.l10n.t('first install'),
    R2: vscode.l10n.t('same anchor'),
    R3: vscode.l10n.t('ITL signer trusted'),
    R4: vscode.l10n.t('TVS fallback'),
    R5: vscode.l10n.t('no Security by Default'),
    R6: vscode.l10n.t('anchors lost'),
    R7: vscode.l10n.t('planned anchor swap'),
  };
}

export function outcomeNames(): Record<Outcome, string> {
  return {
    accepted: vscode.l10n.t('Accepted'),
    'accepted-via-tvs': vscode.l10n.t('Accepted via TVS'),
    rejected: vscode.l10n.t('Rejected'),
    undetermined: vscode.l10n.t('Cannot be judged'),
  };
}
