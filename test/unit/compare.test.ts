// compare(): every rule of ../shared/spec/trust-decisions.md, on CUCM-layout files built here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/node/decode';
import { compare, type Comparison, type DeviceClass } from '../../src/core/compare';
import { buildTrustList, type TrustListSpec } from '../support/builder';
import { eTokenCtl, itl, makeCluster, makeETokens, regenerate, tokenlessCtl } from '../support/cluster';
import { cucmCert } from '../support/cucm';
import { SHARED_FIXTURES } from '../support/certutils';

const NOW = new Date('2026-11-27T00:00:00Z');
const list = (spec: TrustListSpec) => decode(buildTrustList(spec), { fileName: `${spec.kind}File.tlv` });
const run = (a: TrustListSpec, b: TrustListSpec) => compare(list(a), list(b), { now: NOW });
const verdict = (c: Comparison, d: DeviceClass) => {
  const v = c.verdicts.find(x => x.devices === d);
  assert.ok(v, `a verdict for ${d}`);
  return v;
};
const codes = (c: Comparison) => c.warnings.map(w => w.code);

const before = makeCluster({ name: 'regen', callManagerKey: 'rsa1024' });
const after = regenerate(before, 'callManager', 'rsa2048');

test('regenerating the CallManager certificate (1024 → 2048), CTL signed by CallManager: R4 needs the phone\'s ITL, R5 rejected', () => {
  const c = run(tokenlessCtl(before), tokenlessCtl(after));
  assert.equal(c.signer.changed, true);
  assert.equal(c.signer.newSignerInOld, 'absent');
  const sbd = verdict(c, 'security-by-default');
  assert.deepEqual([sbd.outcome, sbd.rule], ['undetermined', 'R4'], 'a CTL comparison does not see the TVS records of the phone\'s ITL');
  assert.match(sbd.explanation, /regen-pub/);
  assert.match(sbd.explanation, /pre-flight/);
  const old = verdict(c, 'no-security-by-default');
  assert.deepEqual([old.outcome, old.rule], ['rejected', 'R5']);
  const changed = c.records.filter(r => r.status === 'changed');
  assert.deepEqual(changed.map(r => r.roleName).sort(), ['CCM+TFTP', 'SAST']);
  for (const r of changed) {
    assert.equal(r.old?.certificate?.keySize, 1024);
    assert.equal(r.new?.certificate?.keySize, 2048);
    assert.ok(r.differences.includes('serial') && r.differences.includes('key') && r.differences.includes('fingerprint'));
    assert.notEqual(r.old?.certificate?.serial, r.new?.certificate?.serial);
  }
  assert.equal(c.records.filter(r => r.status === 'unchanged').length, 3);
  assert.equal(c.records.filter(r => r.status === 'added' || r.status === 'removed').length, 0);
  assert.ok(codes(c).includes('CERT_REPLACED'));
  assert.ok(codes(c).includes('WEAK_KEY') === false, 'NEW has no key under 2048 bits');
  assert.ok(run(tokenlessCtl(after), tokenlessCtl(before)).warnings.some(w => w.code === 'WEAK_KEY'));
});

test('the same regeneration with a CTL signed by ITLRecovery (CUCM 12+): R2 accepted everywhere', () => {
  const c = run(tokenlessCtl(before, { signer: 'itlRecovery' }), tokenlessCtl(after, { signer: 'itlRecovery' }));
  assert.equal(c.signer.changed, false);
  for (const v of c.verdicts) assert.deepEqual([v.outcome, v.rule], ['accepted', 'R2']);
});

test('planned anchor swap CallManager → ITLRecovery (R7): accepted everywhere, said explicitly', () => {
  const c = run(tokenlessCtl(before), tokenlessCtl(before, { signer: 'itlRecovery' }));
  assert.equal(c.signer.changed, true);
  assert.equal(c.signer.newSignerInOld, 'sast-anchor');
  for (const v of c.verdicts) {
    assert.deepEqual([v.outcome, v.rule], ['accepted', 'R7']);
    assert.match(v.explanation, /anchor swap/);
  }
});

test('identical files: R2, identical, all records unchanged', () => {
  const spec = tokenlessCtl(before);
  const bytes = buildTrustList(spec);
  const c = compare(decode(bytes), decode(bytes), { now: NOW });
  assert.equal(c.identical, true);
  assert.ok(c.records.every(r => r.status === 'unchanged'));
  for (const v of c.verdicts) assert.deepEqual([v.outcome, v.rule], ['accepted', 'R2']);
});

test('a tampered NEW is rejected by every phone (R0)', () => {
  const good = buildTrustList(tokenlessCtl(before));
  const bad = new Uint8Array(good);
  bad[bad.length - 100] ^= 1;
  const c = compare(decode(good), decode(bad), { now: NOW });
  for (const v of c.verdicts) assert.deepEqual([v.outcome, v.rule], ['rejected', 'R0']);
  const truncated = compare(decode(good), decode(good.subarray(0, 900)), { now: NOW });
  for (const v of truncated.verdicts) assert.deepEqual([v.outcome, v.rule], ['rejected', 'R0']);
});

test('eToken → tokenless and back: the new signer is no SAST anchor of OLD, so R4 / R5', () => {
  const tokens = makeETokens();
  const etoken = eTokenCtl(before, tokens);
  const tokenless = tokenlessCtl(before);
  const forward = run(etoken, tokenless);
  assert.equal(forward.signer.newSignerInOld, 'other-role', 'CallManager was in the eToken CTL as CCM+TFTP');
  assert.deepEqual([verdict(forward, 'security-by-default').outcome, verdict(forward, 'security-by-default').rule], ['undetermined', 'R4']);
  assert.deepEqual([verdict(forward, 'no-security-by-default').outcome, verdict(forward, 'no-security-by-default').rule], ['rejected', 'R5']);
  assert.equal(forward.records.filter(r => r.status === 'removed' && r.roleName === 'SAST').length, 2, 'both eTokens removed');
  assert.equal(forward.records.filter(r => r.status === 'added' && r.roleName === 'SAST').length, 2, 'CallManager and ITLRecovery added as SAST');

  const back = run(tokenless, etoken);
  assert.equal(back.signer.newSignerInOld, 'absent');
  assert.equal(verdict(back, 'no-security-by-default').outcome, 'rejected');
  // Signed by the other eToken of the same pair: R7.
  const otherToken = run(etoken, eTokenCtl(before, tokens, 1));
  for (const v of otherToken.verdicts) assert.deepEqual([v.outcome, v.rule], ['accepted', 'R7']);
});

test('ITL: regenerated CallManager with TVS unchanged → R4 via TVS; TVS changed with the signer → rejected, warned', () => {
  const oldItl = itl(before);
  const viaTvs = run(oldItl, itl(after));
  assert.deepEqual([verdict(viaTvs, 'security-by-default').outcome, verdict(viaTvs, 'security-by-default').rule], ['accepted-via-tvs', 'R4']);
  assert.deepEqual([verdict(viaTvs, 'no-security-by-default').outcome, verdict(viaTvs, 'no-security-by-default').rule], ['accepted', 'R5']);
  assert.match(verdict(viaTvs, 'no-security-by-default').explanation, /not affected/);

  const both = regenerate(after, 'tvs');
  const c = run(oldItl, itl(both));
  const sbd = verdict(c, 'security-by-default');
  assert.equal(sbd.outcome, 'rejected');
  assert.equal(sbd.rule, 'R6', 'OLD anchors gone and TVS cannot vouch');
  assert.ok(codes(c).includes('SIGNER_AND_TVS_CHANGED'));
  assert.equal(c.records.find(r => r.roleName === 'TVS')?.status, 'changed');
});

test('ITL signed by a certificate OLD already trusts: R3; CTL vs ITL: the ITL signer is a SAST anchor of the CTL', () => {
  const c = run(itl(before), itl(before, { timestamp: 1_700_000_000 }));
  assert.deepEqual([verdict(c, 'security-by-default').outcome, verdict(c, 'security-by-default').rule], ['accepted', 'R3']);
  const mixed = run(tokenlessCtl(before), itl(before));
  assert.equal(mixed.old.kind, 'CTL');
  assert.equal(mixed.new.kind, 'ITL');
  assert.deepEqual([verdict(mixed, 'security-by-default').outcome, verdict(mixed, 'security-by-default').rule], ['accepted', 'R3']);
  assert.ok(mixed.records.some(r => r.roleName === 'TVS' && r.status === 'added'));
});

test('warnings: more than 2 SAST, over 64 KB, SHA-512 move, expired and expiring certificates', () => {
  const base = tokenlessCtl(after);
  const extraSast = cucmCert('extra-sast', 'callManager', { keyId: 'extra', key: 'rsa2048' });
  const many = { ...base, records: [...base.records, { cert: extraSast, role: 'SAST' as const, dnsName: 'x', ip: '10.0.0.9' }] };
  assert.ok(codes(run(base, many)).includes('TOO_MANY_SAST'));
  const big = { ...base, records: [...base.records, ...Array.from({ length: 50 }, () => base.records[4])] };
  const cBig = run(base, big);
  assert.ok(cBig.new.length > 65536);
  assert.ok(codes(cBig).includes('FILE_TOO_LARGE'));
  assert.ok(codes(run(base, { ...base, digest: 'sha512' })).includes('SHA512_MOVE'));
  const expired = cucmCert('old-node', 'callManager', { keyId: 'exp', notBefore: new Date('2020-01-01Z'), notAfter: new Date('2025-01-01Z') });
  const soon = cucmCert('soon-node', 'callManager', { keyId: 'soon', notBefore: new Date('2020-01-01Z'), notAfter: new Date('2026-12-10Z') });
  const withOld = { ...base, records: [...base.records, { cert: expired, role: 'CCM+TFTP' as const }, { cert: soon, role: 'CCM+TFTP' as const }] };
  const cw = run(base, withOld);
  assert.ok(cw.warnings.some(w => w.code === 'CERT_EXPIRED' && w.record === 6));
  assert.ok(cw.warnings.some(w => w.code === 'CERT_EXPIRING' && w.record === 7 && /13 day/.test(w.message)));
  assert.equal(cw.records.filter(r => r.status === 'added').length, 2);
  assert.ok(codes(cw).includes('RECORD_ADDED'));
  assert.ok(codes(run(withOld, base)).includes('RECORD_REMOVED'));
});

test('peer fixtures: CTLFile-v1 → CTLFile-v2-regenerated', () => {
  const load = (f: string) => decode(new Uint8Array(readFileSync(join(SHARED_FIXTURES, 'peer', f))), { fileName: f });
  const c = compare(load('CTLFile-v1.tlv'), load('CTLFile-v2-regenerated.tlv'), { now: NOW });
  assert.deepEqual(c.verdicts.map(v => [v.devices, v.outcome, v.rule]), [
    ['security-by-default', 'undetermined', 'R4'],
    ['no-security-by-default', 'rejected', 'R5'],
  ]);
  assert.deepEqual(c.records.map(r => [r.roleName, r.status]), [['SAST', 'changed'], ['CCM+TFTP', 'changed'], ['CCM+TFTP', 'unchanged'], ['CAPF', 'unchanged']]);
  assert.equal(c.records[0].old?.certificate?.keySize, 2048);
  assert.equal(c.records[0].new?.certificate?.keySize, 4096);
  assert.equal(c.signer.changed, true);
});

test('record pairing by buckets pairs exactly as the first-match scan over every pair of files did', async () => {
  const { sameNameText } = await import('../../src/core/names');
  const { hostOf, certId } = await import('../../src/core/compare');
  const { sharedFixtures } = await import('../support/certutils');
  type R = ReturnType<typeof decode>['records'][number];
  // The reference: for each NEW record in order, the first OLD record still unpaired with the same role that matches.
  const reference = (oldRecords: R[], newRecords: R[]) => {
    const unmatched = new Set(oldRecords);
    const pairs = new Map<R, R>();
    for (const same of [
      (a: R, b: R) => certId(a) !== undefined && certId(a) === certId(b),
      (a: R, b: R) => !!a.subjectName && !!b.subjectName && sameNameText(a.subjectName, b.subjectName),
      (a: R, b: R) => hostOf(a) === hostOf(b),
    ]) {
      for (const n of newRecords) {
        if (pairs.has(n)) continue;
        for (const o of unmatched) if (o.role === n.role && same(o, n)) { pairs.set(n, o); unmatched.delete(o); break; }
      }
    }
    return newRecords.map(n => pairs.get(n)?.index);
  };
  const lists = [
    ...sharedFixtures().map(f => decode(new Uint8Array(readFileSync(f.path)), { fileName: f.name })),
    list(tokenlessCtl(before)), list(tokenlessCtl(after)), list(itl(before)), list(itl(after)),
    // Repeated records: several candidates in one bucket.
    list({ ...tokenlessCtl(before), records: [...tokenlessCtl(before).records, ...tokenlessCtl(after).records, ...tokenlessCtl(before).records] }),
  ];
  let checked = 0;
  for (const a of lists) {
    for (const b of lists) {
      const c = compare(a, b, { now: NOW });
      const ours = c.records.filter(r => r.new).map(r => r.old?.index);
      assert.deepEqual(ours, reference(a.records, b.records));
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} pairs`);
});
