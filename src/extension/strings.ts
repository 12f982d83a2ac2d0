// Localised strings for the webview and the certificate details. Placeholders are passed through
// as themselves (`'{0}'`) so the template reaches the webview intact and is filled there.
import * as vscode from 'vscode';
import type { CertificateLabels, WebviewStrings } from '../shared/strings';

const P0 = '{0}';
const P1 = '{1}';

export function certificateLabels(): CertificateLabels {
  const t = vscode.l10n.t;
  return {
    subject: t('Subject'),
    issuer: t('Issuer'),
    serial: t('Serial'),
    validFrom: t('Valid from'),
    validUntil: t('Valid until'),
    daysLeft: t('Days left'),
    daysLeftValue: t('{0} days left', P0),
    expiredValue: t('expired {0} days ago', P0),
    key: t('Key'),
    keyValue: t('{0}-bit {1}', P0, P1),
    signatureAlgorithm: t('Signature algorithm'),
    subjectAltNames: t('Subject alternative names'),
    keyUsage: t('Key usage'),
    extendedKeyUsage: t('Extended key usage'),
    basicConstraints: t('Basic constraints'),
    sha1: t('SHA-1 fingerprint'),
    sha256: t('SHA-256 fingerprint'),
    signer: t('Signed this file'),
    yes: t('yes'),
    no: t('no'),
    none: t('(none)'),
  };
}

export function webviewStrings(): WebviewStrings {
  const t = vscode.l10n.t;
  return {
    ...certificateLabels(),
    appLabel: t('CUCM trust list'),
    kindUnknown: t('Unknown kind'),
    size: t('{0} bytes', P0),
    modified: t('Modified {0}', P0),
    signedAt: t('Signed {0}', P0),
    badgeVerified: t('Verified'),
    badgeInvalid: t('Invalid signature'),
    badgeSignerNotFound: t('Signer not in file'),
    badgeUnsupported: t('Unsupported algorithm'),
    badgeMalformed: t('Malformed'),
    signerIs: t('Signer: {0}', P0),
    signerSerial: t('serial {0}', P0),
    signerRecord: t('record #{0}', P0),
    signerDigest: t('{0} digest', P0),
    checksums: t('Checksums of the whole file'),
    copy: t('Copy'),
    copied: t('Copied'),
    copyLabel: t('Copy {0}', P0),
    structure: t('Structure'),
    header: t('Header'),
    signerId: t('Signer ID'),
    signatureInfo: t('Signature info'),
    recordTitle: t('#{0} {1}', P0, P1),
    signerMark: t('signer'),
    fieldsOf: t('Fields of {0}', P0),
    colBytePos: t('BYTEPOS'),
    colTag: t('TAG'),
    colLength: t('LENGTH'),
    colValue: t('VALUE'),
    colOffset: t('Offset'),
    records: t('Records'),
    colIndex: t('#'),
    colRole: t('Role'),
    colDnsName: t('DNS name'),
    colSubject: t('Subject'),
    colSerial: t('Serial'),
    colKey: t('Key'),
    colValidUntil: t('Valid until'),
    colSha1: t('SHA-1'),
    noRecords: t('No records'),
    noCertificate: t('No certificate in this record'),
    certificateError: t('Certificate could not be read: {0}', P0),
    bytes: t('Bytes'),
    hexLabel: t('Hex view of the file'),
    diagnosticsSummary: t('{0} errors, {1} warnings', P0, P1),
    incomplete: t('Decoding stopped before the end of the file.'),
    unparsed: t('{0} bytes not accounted for at {1}', P0, P1),
    exportPem: t('Export PEM'),
    exportDer: t('Export DER'),
    copyValue: t('Copy value'),
    copyHex: t('Copy hex'),
    copyBase64: t('Copy Base64'),
    detailsOf: t('Certificate details, record #{0}', P0),
  };
}
