// Localised strings for the report webview. Placeholders stay as written (`'{0}'`) so the template
// reaches the webview intact and is filled there. The core's sentences arrive already translated.
import * as vscode from 'vscode';
import { signatureNames } from '../ruleStrings';
import type { ReportStrings } from '../../shared/reportProtocol';

const P0 = '{0}';
const P1 = '{1}';
const P2 = '{2}';
const P3 = '{3}';
const P4 = '{4}';

export function reportStrings(): ReportStrings {
  return {
    title: vscode.l10n.t('Trust List Report'),
    asOf: vscode.l10n.t('As of {0}; expiring = within {1} days.', P0, P1),
    outliersHeading: vscode.l10n.t('Outliers'),
    noOutliers: vscode.l10n.t('No outliers: every file agrees with the majority of its folder.'),
    outliersIntro: vscode.l10n.t('Files that differ from the majority of their folder (same kind), or that do not verify.'),
    open: vscode.l10n.t('Open'),
    openFile: vscode.l10n.t('Open {0}', P0),
    compareWithMajority: vscode.l10n.t('Compare with majority file'),
    compareWithMajorityTitle: vscode.l10n.t('Compare {0} (NEW) with {1} (OLD), the content {2} file(s) of the folder hold', P0, P1, P2),
    noMajority: vscode.l10n.t('No majority to compare with'),
    groupsHeading: vscode.l10n.t('Folders and content groups'),
    folderSummary: vscode.l10n.t('{0}: {1} file(s), {2} verified, {3} distinct content(s)', P0, P1, P2, P3),
    filter: vscode.l10n.t('Filter'),
    filterPlaceholder: vscode.l10n.t('MAC, file name, signer or status'),
    statusFilter: vscode.l10n.t('Status'),
    allStatuses: vscode.l10n.t('All statuses'),
    groupsShown: vscode.l10n.t('{0} of {1} groups shown', P0, P1),
    noGroupMatches: vscode.l10n.t('No group matches the filter.'),
    columns: {
      count: vscode.l10n.t('Count'),
      kind: vscode.l10n.t('Kind'),
      status: vscode.l10n.t('Status'),
      records: vscode.l10n.t('Records'),
      earliestExpiry: vscode.l10n.t('Earliest expiry'),
      sha1: vscode.l10n.t('SHA-1'),
      signer: vscode.l10n.t('Signer'),
      files: vscode.l10n.t('Files'),
      actions: vscode.l10n.t('Actions'),
    },
    sortBy: vscode.l10n.t('Sort by {0}', P0),
    andMore: vscode.l10n.t('and {0} more', P0),
    signerValue: vscode.l10n.t('#{0} {1}, serial {2}', P0, P1, P2),
    openFirst: vscode.l10n.t('Open the first file of this group ({0})', P0),
    statuses: signatureNames(),
    timelineHeading: vscode.l10n.t('Certificate validity timeline'),
    timelineIntro: vscode.l10n.t('One bar per distinct certificate, from not before to not after. The table below holds the same data.'),
    timelineLabel: vscode.l10n.t('Certificate validity timeline'),
    legendExpired: vscode.l10n.t('Expired'),
    legendExpiring: vscode.l10n.t('Expiring within {0} days', P0),
    legendOk: vscode.l10n.t('Valid'),
    legendSigner: vscode.l10n.t('Signer of a file'),
    legendToday: vscode.l10n.t('Today'),
    today: vscode.l10n.t('Today {0}', P0),
    signerMark: vscode.l10n.t('signer'),
    states: {
      expired: vscode.l10n.t('expired'),
      expiring: vscode.l10n.t('expiring'),
      ok: vscode.l10n.t('valid'),
    },
    barLabel: vscode.l10n.t('{0}, serial {1}: {2} to {3}, {4}', P0, P1, P2, P3, P4),
    inFiles: vscode.l10n.t('in {0} file(s)', P0),
    timelineTableCaption: vscode.l10n.t('The timeline as a table'),
    timelineColumns: {
      notAfter: vscode.l10n.t('Not after'),
      notBefore: vscode.l10n.t('Not before'),
      state: vscode.l10n.t('State'),
      signer: vscode.l10n.t('Signer'),
      roles: vscode.l10n.t('Roles'),
      files: vscode.l10n.t('Files'),
      serial: vscode.l10n.t('Serial'),
      host: vscode.l10n.t('Host'),
    },
    yes: vscode.l10n.t('yes'),
    noCertificates: vscode.l10n.t('No readable certificate.'),
    outlierColumns: {
      file: vscode.l10n.t('File'),
      kind: vscode.l10n.t('Kind'),
      status: vscode.l10n.t('Status'),
      reasons: vscode.l10n.t('Why'),
      actions: vscode.l10n.t('Actions'),
    },
    loadFailed: vscode.l10n.t('Could not build the report: {0}', P0),
  };
}
