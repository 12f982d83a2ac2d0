// Scenario building blocks for comparison tests (/work/shared/spec/trust-decisions.md): a small
// CUCM cluster whose certificates can be regenerated, and functions that assemble CTL/ITL specs
// from it. Everything is deterministic: the same name and generation give the same key and serial.
import { createHash } from 'node:crypto';
import type { Digest, Layout, TrustListSpec } from './builder';
import { makeCert, type TestCert } from './certs';
import { cucmCert } from './cucm';
import type { KeyType } from './keys';

export type ClusterRole = 'callManager' | 'itlRecovery' | 'capf' | 'tvs' | 'subscriber';
export type ClusterSigner = 'callManager' | 'itlRecovery';

export interface Host {
  dnsName: string;
  ip: string;
}

export interface Cluster {
  name: string;
  publisher: Host;
  subscriber: Host;
  /** callManager and tvs belong to the publisher; like CUCM, the TVS certificate carries the host name as CN. */
  certs: Record<ClusterRole, TestCert>;
  /** How often each certificate was regenerated; 0 for the original. */
  generations: Record<ClusterRole, number>;
  keys: Record<ClusterRole, KeyType>;
}

export interface ClusterOptions {
  /** Prefix of host names and key ids; different names give unrelated clusters. Default 'cucm'. */
  name?: string;
  /** Key type of every certificate. Default rsa2048. */
  key?: KeyType;
  /** Key type of the publisher's CallManager certificate, e.g. rsa1024 before a regeneration. */
  callManagerKey?: KeyType;
}

export interface ListOptions {
  /** Default callManager (CUCM 10.x–11.5); itlRecovery as CUCM 12.0+. */
  signer?: ClusterSigner;
  digest?: Digest;
  layout?: Layout;
  timestamp?: number;
}

const ROLES: ClusterRole[] = ['callManager', 'itlRecovery', 'capf', 'tvs', 'subscriber'];

export function makeCluster(options: ClusterOptions = {}): Cluster {
  const name = options.name ?? 'cucm';
  const keys = Object.fromEntries(ROLES.map(r => [r, options.key ?? 'rsa2048'])) as Record<ClusterRole, KeyType>;
  if (options.callManagerKey) keys.callManager = options.callManagerKey;
  const generations = Object.fromEntries(ROLES.map(r => [r, 0])) as Record<ClusterRole, number>;
  const base = {
    name,
    publisher: { dnsName: `${name}-pub`, ip: '10.10.10.11' },
    subscriber: { dnsName: `${name}-sub1`, ip: '10.10.10.12' },
    generations,
    keys,
  };
  const certs = Object.fromEntries(ROLES.map(r => [r, clusterCert(base, r)])) as Record<ClusterRole, TestCert>;
  return { ...base, certs };
}

/** A new certificate for `role` (new key and serial, same subject), as CUCM's certificate regeneration does. */
export function regenerate(cluster: Cluster, role: ClusterRole, key: KeyType = cluster.keys[role]): Cluster {
  const next = {
    ...cluster,
    generations: { ...cluster.generations, [role]: cluster.generations[role] + 1 },
    keys: { ...cluster.keys, [role]: key },
  };
  return { ...next, certs: { ...cluster.certs, [role]: clusterCert(next, role) } };
}

function clusterCert(cluster: Omit<Cluster, 'certs'>, role: ClusterRole): TestCert {
  const id = `${cluster.name}/${role}/${cluster.generations[role]}`;
  const spec = { key: cluster.keys[role], keyId: id, serialHex: serialFor(id) };
  const pub = cluster.publisher.dnsName;
  switch (role) {
    case 'callManager': return cucmCert(pub, 'callManager', spec);
    case 'tvs': return cucmCert(pub, 'callManager', spec);
    case 'itlRecovery': return cucmCert(`ITLRECOVERY_${pub}`, 'callManager', spec);
    case 'capf': return cucmCert(`CAPF-${serialFor(cluster.name).slice(0, 8).toLowerCase()}`, 'capf', spec);
    case 'subscriber': return cucmCert(cluster.subscriber.dnsName, 'callManager', spec);
  }
}

/** 16 bytes from a hash, first byte 0x40–0x7F so the encoding is always 16 bytes. */
function serialFor(id: string): string {
  const digest = createHash('sha256').update(id).digest().subarray(0, 16);
  digest[0] = (digest[0]! & 0x3f) | 0x40;
  return digest.toString('hex').toUpperCase();
}

/** Tokenless CTL (CUCM 10.5(2)+): SAST CallManager and ITLRecovery, both nodes' CCM+TFTP, CAPF. */
export function tokenlessCtl(cluster: Cluster, options: ListOptions = {}): TrustListSpec {
  const { certs, publisher, subscriber } = cluster;
  return {
    ...listHeader('CTL', cluster, options),
    records: [
      { cert: certs.callManager, role: 'SAST', ...publisher },
      { cert: certs.itlRecovery, role: 'SAST', ...publisher },
      { cert: certs.callManager, role: 'CCM+TFTP', ...publisher },
      { cert: certs.capf, role: 'CAPF', ...publisher },
      { cert: certs.subscriber, role: 'CCM+TFTP', ...subscriber },
    ],
  };
}

/** The publisher's ITL: SAST (the signer), CCM+TFTP, CAPF, TVS. */
export function itl(cluster: Cluster, options: ListOptions = {}): TrustListSpec {
  const { certs, publisher } = cluster;
  return {
    ...listHeader('ITL', cluster, options),
    records: [
      { cert: certs[options.signer ?? 'callManager'], role: 'SAST', ...publisher },
      { cert: certs.callManager, role: 'CCM+TFTP', ...publisher },
      { cert: certs.capf, role: 'CAPF', ...publisher },
      { cert: certs.tvs, role: 'TVS', ...publisher },
    ],
  };
}

function listHeader(kind: 'CTL' | 'ITL', cluster: Cluster, options: ListOptions): Omit<TrustListSpec, 'records'> {
  return {
    kind,
    signer: cluster.certs[options.signer ?? 'callManager'],
    ...(options.digest ? { digest: options.digest } : {}),
    ...(options.layout ? { layout: options.layout } : {}),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  };
}

export interface ETokens {
  manufacturingCa: TestCert;
  tokens: [TestCert, TestCert];
}

/**
 * Two hardware eTokens (RSA-1024) issued by a stand-in "Cisco Manufacturing CA", with the odd
 * lowercase, quoted names CUCM prints for them.
 */
export function makeETokens(): ETokens {
  const manufacturingCa = makeCert({
    subject: [['CN', 'Cisco Manufacturing CA'], ['O', 'Cisco Systems']],
    key: 'rsa2048', keyId: 'etoken/ca', serialHex: '6A6967B3000000000003',
    extensions: { basicConstraints: { ca: true, critical: true }, keyUsage: ['keyCertSign', 'cRLSign'] },
  });
  const token = (adn: string, serialHex: string): TestCert => ({
    ...makeCert({
      subject: [['CN', `SAST-ADN${adn} `], ['OU', 'IPCBU'], ['O', 'Cisco Systems, Inc.']],
      key: 'rsa1024', keyId: `etoken/${adn}`, serialHex, issuer: manufacturingCa, hash: 'sha1',
    }),
    subjectCucm: `cn="SAST-ADN${adn} ";ou=IPCBU;o="Cisco Systems, Inc."`,
    issuerCucm: 'cn=Cisco Manufacturing CA;o=Cisco Systems',
  });
  return { manufacturingCa, tokens: [token('0054f509', '3CF927000000AFA2DA45'), token('008580ef', '83E9080000005545AF31')] };
}

/** eToken-signed CTL (before 10.0 or token-based): 2 eToken SAST records, both nodes' CCM+TFTP, CAPF. */
export function eTokenCtl(cluster: Cluster, etokens: ETokens, signerToken: 0 | 1 = 0,
  options: Omit<ListOptions, 'signer'> = {}): TrustListSpec {
  const { certs, publisher, subscriber } = cluster;
  return {
    ...listHeader('CTL', cluster, options),
    signer: etokens.tokens[signerToken],
    records: [
      { kind: 'etoken', cert: etokens.tokens[0] },
      { kind: 'etoken', cert: etokens.tokens[1] },
      { cert: certs.callManager, role: 'CCM+TFTP', ...publisher },
      { cert: certs.capf, role: 'CAPF', ...publisher },
      { cert: certs.subscriber, role: 'CCM+TFTP', ...subscriber },
    ],
  };
}
