// What `show ctl` labels and roles mean, in words an engineer can act on. Used by the hover provider.
import * as vscode from 'vscode';
import type { ShowCtlLine } from '../shared/showCtlLine';

function tagMeaning(label: string): string | undefined {
  switch (label) {
    case 'SIGNERID': return vscode.l10n.t('Container that identifies the certificate that signed this file (SIGNERNAME, SERIALNUMBER, CANAME).');
    case 'SIGNERNAME': return vscode.l10n.t('Subject of the certificate that signed this file.');
    case 'SERIALNUMBER': return vscode.l10n.t('Certificate serial number (in the header: the signer’s).');
    case 'CANAME': return vscode.l10n.t('Issuer of the certificate that signed this file.');
    case 'SIGNATUREINFO': return vscode.l10n.t('Container with the digest and signature algorithm of the file signature.');
    case 'DIGESTALGORTITHM': return vscode.l10n.t('Digest of the file signature: 1 = SHA-1, 2 = SHA-256, 3 = SHA-512. CUCM misspells the label.');
    case 'SIGNATUREALGOINFO': return vscode.l10n.t('Container with the signature algorithm and modulus.');
    case 'SIGNATUREALGORTITHM': return vscode.l10n.t('Signature algorithm: 0 = RSA PKCS#1 v1.5. CUCM misspells the label.');
    case 'SIGNATUREMODULUS': return vscode.l10n.t('Signature size: 1 = RSA-1024, 2 = RSA-2048, 3 = RSA-4096.');
    case 'SIGNATURE': return vscode.l10n.t('In the header: the file signature, over the whole file without this field. In a record: the certificate’s own signature value.');
    case 'FILENAME': return vscode.l10n.t('File name written by the signer (CTLFile.tlv or ITLFile.tlv), also in per-device copies.');
    case 'TIMESTAMP': return vscode.l10n.t('Signing time, Unix seconds (UTC).');
    case 'RECORDLENGTH': return vscode.l10n.t('Size of this record in bytes, including this field.');
    case 'DNSNAME': return vscode.l10n.t('Host name of the server. Empty for hardware eTokens; the IP address in non-secure mode.');
    case 'SUBJECTNAME': return vscode.l10n.t('Certificate subject as CUCM writes it (CN;OU;O;L;ST;C). Compare certificates, not these strings.');
    case 'FUNCTION': return vscode.l10n.t('Role of the certificate: what phones trust it for.');
    case 'ISSUERNAME': return vscode.l10n.t('Issuer of the certificate.');
    case 'PUBLICKEY': return vscode.l10n.t('Public key of the certificate (RSA: PKCS#1 RSAPublicKey; EC: the point).');
    case 'CERTIFICATE': return vscode.l10n.t('The DER X.509 certificate. CUCM prints its SHA-1 fingerprint.');
    case 'IPADDRESS': return vscode.l10n.t('IPv4 address of the server. CUCM prints only the length.');
    case 'CERTHASH': return vscode.l10n.t('Certificate hash (meaning not confirmed).');
    case 'HASH ALGORITHM': return vscode.l10n.t('Probably the algorithm of CERTHASH (not confirmed).');
    default: return undefined;
  }
}

function roleMeaning(name: string): string | undefined {
  switch (name) {
    case 'SAST':
    case 'System Administrator Security Token':
      return vscode.l10n.t('SAST (role 0): signs the CTL/ITL. An eToken, the tokenless CallManager certificate or ITLRecovery. At most 2 per file.');
    case 'CCM': return vscode.l10n.t('CCM (role 1): CallManager certificate, trusted for TLS signalling.');
    case 'CCM+TFTP': return vscode.l10n.t('CCM+TFTP (role 2): CallManager and TFTP, trusted for TLS signalling and signed configuration files.');
    case 'TFTP': return vscode.l10n.t('TFTP (role 3): trusted for signed configuration and firmware files.');
    case 'CAPF': return vscode.l10n.t('CAPF (role 4): Certificate Authority Proxy Function, issues LSCs to phones.');
    case 'SRST': return vscode.l10n.t('SRST (role 5): Survivable Remote Site Telephony router.');
    case 'APP-SERVER': return vscode.l10n.t('APP-SERVER (role 7): application server, e.g. Unity Connection or IM and Presence.');
    case 'TVS': return vscode.l10n.t('TVS (role 21): Trust Verification Service; phones ask it about certificates their ITL does not hold.');
    default: return undefined;
  }
}

/** One or two sentences about a classified `show ctl` line; undefined when there is nothing to say. */
export function lineMeaning(line: ShowCtlLine): string[] {
  switch (line.kind) {
    case 'field': {
      const out = [tagMeaning(line.label) ?? vscode.l10n.t('Tag {0} ({1}), {2} bytes.', line.tag, line.label, line.length)];
      const role = line.label === 'FUNCTION' ? roleMeaning(line.value) : undefined;
      if (role) out.push(role);
      return out;
    }
    case 'record': return [vscode.l10n.t('Record {0} of the trust list: one certificate and its role.', line.index)];
    case 'checksum': return [vscode.l10n.t('{0} of the whole file. Phones show this value; compare it by eye.', line.algorithm === 'MD5' ? 'MD5' : 'SHA-1')];
    case 'verified': return [vscode.l10n.t('The file signature matches the signer certificate’s key.')];
    case 'notVerified': return [vscode.l10n.t('The file signature does not match: phones reject this file.')];
    case 'signerMark': return [line.used ? vscode.l10n.t('This record’s certificate signed the file.') : vscode.l10n.t('This record’s certificate did not sign the file.')];
  }
}
