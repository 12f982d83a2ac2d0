// The names of the trust rules (trust-decisions.md), of the outcomes and of the signature statuses, shared
// by the comparison and pre-flight views and the status bar so all say the same words.
import * as vscode from 'vscode';
import type { Outcome, Rule } from '../core/compare';
import type { SignatureStatus } from '../core/model';

export function signatureNames(): Record<SignatureStatus, string> {
  return {
    verified: vscode.l10n.t('Verified'),
    invalid: vscode.l10n.t('Invalid signature'),
    'signer-not-found': vscode.l10n.t('Signer not in file'),
    unsupported: vscode.l10n.t('Unsupported algorithm'),
    malformed: vscode.l10n.t('Malformed'),
  };
}

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
