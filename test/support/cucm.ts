// Certificate profiles as CUCM 10.x writes them (self-signed, CN first, the seed document's
// OU=TAC;O=Cisco;L=Krakow;ST=Malopolska;C=PL). The extension sets give the seed CTL's exact
// DER sizes with RSA-1024 keys and 16-byte serials (694/680/696 bytes).
import { makeCert, type CertExtensions, type CertSpec, type DistinguishedName, type TestCert } from './certs';

const TAC_KRAKOW: DistinguishedName = [['OU', 'TAC'], ['O', 'Cisco'], ['L', 'Krakow'], ['ST', 'Malopolska'], ['C', 'PL']];

/** CallManager, TVS and ITLRecovery certificates. */
export const CALLMANAGER_EXTENSIONS: CertExtensions = {
  keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign'],
  extKeyUsage: ['serverAuth', 'clientAuth', 'ipsecEndSystem'],
  subjectKeyIdentifier: true,
};

export const CAPF_EXTENSIONS: CertExtensions = {
  keyUsage: ['digitalSignature', 'keyCertSign'],
  extKeyUsage: ['serverAuth', 'clientAuth'],
  subjectKeyIdentifier: true,
};

export function tacName(commonName: string): DistinguishedName {
  return [['CN', commonName], ...TAC_KRAKOW];
}

export type CucmCertKind = 'callManager' | 'capf';

/** A self-signed CUCM-style certificate; `spec` adds or overrides anything else. */
export function cucmCert(commonName: string, kind: CucmCertKind, spec: Omit<CertSpec, 'subject' | 'extensions'> = {}): TestCert {
  return makeCert({
    subject: tacName(commonName),
    extensions: kind === 'capf' ? CAPF_EXTENSIONS : CALLMANAGER_EXTENSIONS,
    ...spec,
  });
}
