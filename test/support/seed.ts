// The CTL of the seed document (/work/shared/reference/show-ctl-05-tokenless-full-parse.txt),
// rebuilt with our own RSA-1024 keys: same names, serials and every TLV length, 4947 bytes.
import { buildTrustListDetailed, DEFAULT_TIMESTAMP, type BuiltTrustList, type TrustListSpec } from './builder';
import { cucmCert } from './cucm';
import type { TestCert } from './certs';

const validity = { notBefore: new Date('2015-03-06T20:30:00Z'), notAfter: new Date('2020-03-04T20:30:00Z') };

export const SEED_HOSTS = {
  publisher: { dnsName: 'cucm-1051-a-pub', ip: '10.48.46.231' },
  subscriber: { dnsName: 'cucm-1051-a-sub1', ip: '10.48.46.232' },
} as const;

export interface SeedCtl {
  bytes: Uint8Array;
  built: BuiltTrustList;
  spec: TrustListSpec;
  certs: { publisher: TestCert; capf: TestCert; subscriber: TestCert };
}

export function seedCtl(): SeedCtl {
  const common = { key: 'rsa1024', hash: 'sha1', ...validity } as const;
  const publisher = cucmCert('cucm-1051-a-pub', 'callManager', { ...common, keyId: 'seed/publisher', serialHex: '70CAF64E090751B9DF22F49F754FC5BB' });
  const capf = cucmCert('CAPF-e41e7d87', 'capf', { ...common, keyId: 'seed/capf', serialHex: '744B4999770496E799E91E81D3C8109B' });
  const subscriber = cucmCert('cucm-1051-a-sub1', 'callManager', { ...common, keyId: 'seed/subscriber', serialHex: '6BEBFDCDCD8CA277CB2FD1D183A60E72' });
  const pub = SEED_HOSTS.publisher;
  const spec: TrustListSpec = {
    kind: 'CTL',
    signer: publisher,
    digest: 'sha1',
    timestamp: DEFAULT_TIMESTAMP,
    records: [
      { cert: publisher, role: 'SAST', ...pub },
      { cert: publisher, role: 'CCM+TFTP', ...pub },
      { cert: capf, role: 'CAPF', ...pub },
      { cert: subscriber, role: 'CCM+TFTP', ...SEED_HOSTS.subscriber },
    ],
  };
  const built = buildTrustListDetailed(spec);
  return { bytes: built.bytes, built, spec, certs: { publisher, capf, subscriber } };
}
