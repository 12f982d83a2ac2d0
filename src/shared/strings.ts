// Localised strings. The host fills these with vscode.l10n.t and sends them to the webview in `init`;
// the webview has no l10n of its own. `{0}`-style placeholders are filled by `format`.

/** Labels for certificate details, shared by the hover (host) and the row tooltip (webview). */
export interface CertificateLabels {
  subject: string;
  issuer: string;
  serial: string;
  validFrom: string;
  validUntil: string;
  daysLeft: string;
  /** "{0} days left" */
  daysLeftValue: string;
  /** "expired {0} days ago" */
  expiredValue: string;
  key: string;
  /** "{0}-bit {1}" */
  keyValue: string;
  signatureAlgorithm: string;
  subjectAltNames: string;
  keyUsage: string;
  extendedKeyUsage: string;
  basicConstraints: string;
  sha1: string;
  sha256: string;
  signer: string;
  yes: string;
  no: string;
  none: string;
}

export interface WebviewStrings extends CertificateLabels {
  appLabel: string;
  kindUnknown: string;
  /** "{0} bytes" */
  size: string;
  /** "Modified {0}" */
  modified: string;
  /** "Signed {0}" (the header TIMESTAMP) */
  signedAt: string;
  badgeVerified: string;
  badgeInvalid: string;
  badgeSignerNotFound: string;
  badgeUnsupported: string;
  badgeMalformed: string;
  /** "Signer: {0}" */
  signerIs: string;
  /** "serial {0}" */
  signerSerial: string;
  /** "record #{0}" */
  signerRecord: string;
  /** "{0} digest" */
  signerDigest: string;
  checksums: string;
  copy: string;
  copied: string;
  /** Announced to screen readers after a copy: "Copied {0}". */
  copiedLabel: string;
  /** "Copy {0}" */
  copyLabel: string;
  structure: string;
  header: string;
  signerId: string;
  signatureInfo: string;
  /** "#{0} {1}" */
  recordTitle: string;
  signerMark: string;
  /** "Fields of {0}" */
  fieldsOf: string;
  colBytePos: string;
  colTag: string;
  colLength: string;
  colValue: string;
  colOffset: string;
  records: string;
  colIndex: string;
  colRole: string;
  colDnsName: string;
  colSubject: string;
  colSerial: string;
  colKey: string;
  colValidUntil: string;
  colSha1: string;
  noRecords: string;
  noCertificate: string;
  /** "Certificate could not be read: {0}" */
  certificateError: string;
  bytes: string;
  hexLabel: string;
  /** "{0} errors, {1} warnings" */
  diagnosticsSummary: string;
  incomplete: string;
  /** "{0} bytes not accounted for at {1}" */
  unparsed: string;
  exportPem: string;
  exportDer: string;
  copyValue: string;
  copyHex: string;
  copyBase64: string;
  /** "Certificate details, record #{0}" */
  detailsOf: string;
  severityError: string;
  severityWarning: string;
  severityInfo: string;
}

/** Fills `{0}`, `{1}` … placeholders; unknown placeholders stay as written. */
export function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const value = args[Number(n)];
    return value === undefined ? whole : String(value);
  });
}
