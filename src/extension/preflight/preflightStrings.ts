// Localised strings for the pre-flight webview. Placeholders stay as written (`'{0}'`) so the template
// reaches the webview intact and is filled there. The core's sentences arrive already translated.
import * as vscode from 'vscode';
import { outcomeNames, ruleNames, signatureNames } from '../ruleStrings';
import type { PreflightStrings } from '../../shared/preflightProtocol';

const P0 = '{0}';
const P1 = '{1}';

export function preflightStrings(): PreflightStrings {
  return {
    title: vscode.l10n.t('Pre-flight check'),
    intro: vscode.l10n.t('What a phone that holds the phone files does with the next files after a TFTP restart: step 1 CTLFile.tlv, step 2 the ITL.'),
    filesHeading: vscode.l10n.t('Files'),
    slots: {
      'phone-ctl': vscode.l10n.t('Phone CTL (held now)'),
      'phone-itl': vscode.l10n.t('Phone ITL (held now)'),
      'next-ctl': vscode.l10n.t('Next CTL (CTLFile.tlv)'),
      'next-itl': vscode.l10n.t('Next ITL (ITLFile.tlv or ITLSEP<MAC>.tlv)'),
    },
    notGiven: vscode.l10n.t('not given'),
    choose: vscode.l10n.t('Choose…'),
    clear: vscode.l10n.t('Clear'),
    resultHeading: vscode.l10n.t('Will the phones accept the next files?'),
    colDevices: vscode.l10n.t('Devices'),
    colStep: vscode.l10n.t('Step {0}: {1}', P0, P1),
    stepFiles: { 1: 'CTLFile.tlv', 2: 'ITL' },
    colOutcome: vscode.l10n.t('Outcome'),
    devices: {
      'security-by-default': vscode.l10n.t('Phones with Security by Default'),
      'no-security-by-default': vscode.l10n.t('Phones without Security by Default (7940/7960, Jabber, TelePresence, 6901/6911)'),
    },
    outcomes: {
      ...outcomeNames(),
      'not-affected': vscode.l10n.t('Not affected'),
      'not-simulated': vscode.l10n.t('Not simulated'),
    },
    rules: ruleNames(),
    ruleLabel: vscode.l10n.t('Rule {0}: {1}', P0, P1),
    trustLabel: vscode.l10n.t('Trust found: {0}', P0),
    openRecord: vscode.l10n.t('open record #{0} of {1}', P0, P1),
    trust: {
      'ctl-sast': vscode.l10n.t('SAST record of the CTL'),
      'itl-sast': vscode.l10n.t('SAST record of the ITL'),
      'itl-tftp': vscode.l10n.t('TFTP or CCM+TFTP record of the ITL'),
      'ctl-ccm-tftp': vscode.l10n.t('CCM+TFTP record of the CTL'),
      tvs: vscode.l10n.t('TVS'),
      'first-install': vscode.l10n.t('none needed (first install)'),
      none: vscode.l10n.t('none'),
    },
    thenHolds: vscode.l10n.t('Then holds: CTL {0}, ITL {1}', P0, P1),
    holding: {
      phone: vscode.l10n.t('its own'),
      next: vscode.l10n.t('the next one'),
      none: vscode.l10n.t('none'),
      unknown: vscode.l10n.t('unknown'),
      'not-used': vscode.l10n.t('not used'),
    },
    signer: vscode.l10n.t('Signer: {0}, serial {1}', P0, P1),
    recovery: vscode.l10n.t('Recovery'),
    missingHeading: vscode.l10n.t('Missing files'),
    errorsHeading: vscode.l10n.t('Errors'),
    noErrors: vscode.l10n.t('No dangerous combination found.'),
    loadFailed: vscode.l10n.t('Could not run the pre-flight check: {0}', P0),
    signature: signatureNames(),
  };
}
