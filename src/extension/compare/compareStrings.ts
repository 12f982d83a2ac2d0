// Localised strings for the comparison webview. Placeholders stay as written (`'{0}'`) so the template
// reaches the webview intact and is filled there. Core's explanations and warning messages are English
// sentences and are shown as given; the labels around them are localised here.
import * as vscode from 'vscode';
import { outcomeNames, ruleNames, signatureNames } from '../ruleStrings';
import { certificateLabels } from '../strings';
import type { CompareStrings } from './protocol';

const P0 = '{0}';
const P1 = '{1}';

export function compareStrings(): CompareStrings {
  return {
    ...certificateLabels(),
    title: vscode.l10n.t('Trust list comparison'),
    oldLabel: vscode.l10n.t('OLD (on the phones)'),
    newLabel: vscode.l10n.t('NEW (candidate)'),
    size: vscode.l10n.t('{0} bytes', P0),
    identical: vscode.l10n.t('The two files are byte-for-byte identical.'),
    openTextDiff: vscode.l10n.t('Open text diff'),
    swap: vscode.l10n.t('Swap OLD and NEW'),
    preflightCtl: vscode.l10n.t('Check with the ITL too…'),
    preflightItl: vscode.l10n.t('Check with the CTL too…'),
    preflightTitle: vscode.l10n.t('Open the pre-flight check with OLD as the file the phone holds and NEW as the next file, then add the other list the phone holds'),
    verdicts: vscode.l10n.t('Will the phones accept NEW?'),
    devices: {
      'security-by-default': vscode.l10n.t('Phones with Security by Default'),
      'no-security-by-default': vscode.l10n.t('Phones without Security by Default (7940/7960, Jabber, TelePresence)'),
    },
    outcomes: outcomeNames(),
    rules: ruleNames(),
    ruleLabel: vscode.l10n.t('Rule {0}: {1}', P0, P1),
    signerHeading: vscode.l10n.t('Signer'),
    recordNumber: vscode.l10n.t('record #{0}', P0),
    signerChanged: vscode.l10n.t('The signer changed.'),
    signerUnchanged: vscode.l10n.t('The signer is unchanged.'),
    signerNotFound: vscode.l10n.t('not found'),
    signerInOldAnchor: vscode.l10n.t('a SAST anchor of OLD (record #{0})', P0),
    signerInOldOther: vscode.l10n.t('in OLD as record #{0} ({1}), not as a SAST anchor', P0, P1),
    signerInOldAbsent: vscode.l10n.t('absent from OLD'),
    signerWhere: vscode.l10n.t('NEW’s signer in OLD'),
    recordsHeading: vscode.l10n.t('Records'),
    statuses: {
      unchanged: vscode.l10n.t('unchanged'),
      changed: vscode.l10n.t('changed'),
      added: vscode.l10n.t('added'),
      removed: vscode.l10n.t('removed'),
    },
    colStatus: vscode.l10n.t('Status'),
    colRole: vscode.l10n.t('Role'),
    colHost: vscode.l10n.t('Host'),
    colSerial: vscode.l10n.t('Serial'),
    colKey: vscode.l10n.t('Key'),
    colValidUntil: vscode.l10n.t('Valid until'),
    colSha1: vscode.l10n.t('SHA-1'),
    colOld: vscode.l10n.t('OLD'),
    colNew: vscode.l10n.t('NEW'),
    otherChange: vscode.l10n.t('{0} changed', P0),
    dnsName: vscode.l10n.t('DNS name'),
    ipAddress: vscode.l10n.t('IP address'),
    noRecords: vscode.l10n.t('No records'),
    warningsHeading: vscode.l10n.t('Warnings'),
    noWarnings: vscode.l10n.t('No warnings.'),
    detailsOf: vscode.l10n.t('Certificate details: {0} {1}', P0, P1),
    noCertificate: vscode.l10n.t('No certificate in this record'),
    loadFailed: vscode.l10n.t('Could not compare the files: {0}', P0),
    signature: signatureNames(),
  };
}
