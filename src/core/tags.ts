// Tag and role tables of the CTL/ITL format (../shared/spec/trust-list-format.md).

export interface TagInfo {
  name: string;
  /** CUCM's `show ctl` label (sic); empty when CUCM prints no row. */
  label: string;
  kind: 'container' | 'version' | 'u16' | 'u8' | 'u32time' | 'string' | 'serial' | 'bytes' | 'role' | 'ipv4' | 'certificate' | 'digest';
}

export const HEADER_TAGS: ReadonlyMap<number, TagInfo> = new Map([
  [1, { name: 'VERSION', label: 'Version', kind: 'version' }],
  [2, { name: 'HEADERLENGTH', label: 'HeaderLength', kind: 'u16' }],
  [3, { name: 'SIGNERID', label: 'SIGNERID', kind: 'container' }],
  [4, { name: 'SIGNERNAME', label: 'SIGNERNAME', kind: 'string' }],
  [5, { name: 'SERIALNUMBER', label: 'SERIALNUMBER', kind: 'serial' }],
  [6, { name: 'CANAME', label: 'CANAME', kind: 'string' }],
  [7, { name: 'SIGNATUREINFO', label: 'SIGNATUREINFO', kind: 'container' }],
  [8, { name: 'DIGESTALGORITHM', label: 'DIGESTALGORTITHM', kind: 'digest' }],
  [9, { name: 'SIGNATUREALGOINFO', label: 'SIGNATUREALGOINFO', kind: 'container' }],
  [10, { name: 'SIGNATUREALGORITHM', label: 'SIGNATUREALGORTITHM', kind: 'u8' }],
  [11, { name: 'SIGNATUREMODULUS', label: 'SIGNATUREMODULUS', kind: 'u8' }],
  [12, { name: 'SIGNATURE', label: 'SIGNATURE', kind: 'bytes' }],
  [13, { name: 'PADDING', label: '', kind: 'bytes' }],
  [14, { name: 'FILENAME', label: 'FILENAME', kind: 'string' }],
  [15, { name: 'TIMESTAMP', label: 'TIMESTAMP', kind: 'u32time' }],
  [28, { name: 'SIGNERVERSION', label: 'SIGNERVERSION', kind: 'version' }],
]);

export const RECORD_TAGS: ReadonlyMap<number, TagInfo> = new Map([
  [1, { name: 'RECORDLENGTH', label: 'RECORDLENGTH', kind: 'u16' }],
  [2, { name: 'DNSNAME', label: 'DNSNAME', kind: 'string' }],
  [3, { name: 'SUBJECTNAME', label: 'SUBJECTNAME', kind: 'string' }],
  [4, { name: 'FUNCTION', label: 'FUNCTION', kind: 'role' }],
  [5, { name: 'ISSUERNAME', label: 'ISSUERNAME', kind: 'string' }],
  [6, { name: 'SERIALNUMBER', label: 'SERIALNUMBER', kind: 'serial' }],
  [7, { name: 'PUBLICKEY', label: 'PUBLICKEY', kind: 'bytes' }],
  [8, { name: 'SIGNATURE', label: 'SIGNATURE', kind: 'bytes' }],
  [9, { name: 'CERTIFICATE', label: 'CERTIFICATE', kind: 'certificate' }],
  [10, { name: 'IPADDRESS', label: 'IPADDRESS', kind: 'ipv4' }],
  [11, { name: 'CERTHASH', label: 'CERTHASH', kind: 'bytes' }],
  [12, { name: 'HASHALGORITHM', label: 'HASH ALGORITHM', kind: 'u8' }],
]);

export const PADDING_TAG = 13;

export const ROLES: ReadonlyMap<number, { name: string; longName: string }> = new Map([
  [0, { name: 'SAST', longName: 'System Administrator Security Token' }],
  [1, { name: 'CCM', longName: 'CCM' }],
  [2, { name: 'CCM+TFTP', longName: 'CCM+TFTP' }],
  [3, { name: 'TFTP', longName: 'TFTP' }],
  [4, { name: 'CAPF', longName: 'CAPF' }],
  [5, { name: 'SRST', longName: 'SRST' }],
  [7, { name: 'APP-SERVER', longName: 'APP-SERVER' }],
  [21, { name: 'TVS', longName: 'TVS' }],
]);

export const ROLE = { SAST: 0, CCM: 1, CCM_TFTP: 2, TFTP: 3, CAPF: 4, APP_SERVER: 7, TVS: 21 } as const;

export function roleInfo(code: number): { name: string; longName: string } {
  return ROLES.get(code) ?? { name: `ROLE_${code}`, longName: `Unknown role ${code}` };
}

export const DIGESTS: ReadonlyMap<number, string> = new Map([
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
]);

/** SIGNATUREMODULUS index → signature size in bytes. */
export const MODULUS_SIZES = [64, 128, 256, 512] as const;
