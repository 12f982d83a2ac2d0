// preflight(): a phone's CTL and ITL against what the cluster serves next, step by step
// (trust-decisions.md, "A phone's whole state (pre-flight)"), on CUCM-layout files built here.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { decode } from '../../src/node/decode';
import type { DeviceClass } from '../../src/core/compare';
import { fill, localizable, render, type Localizable } from '../../src/core/messages';
import type { TrustList } from '../../src/core/model';
import { preflight, type Preflight, type PreflightClass, type PreflightInput } from '../../src/core/preflight';
import { buildTrustList, type RecordSpec, type TrustListSpec } from '../support/builder';
import { eTokenCtl, itl, makeCluster, makeETokens, regenerate, tokenlessCtl } from '../support/cluster';

const list = (spec: TrustListSpec) => decode(buildTrustList(spec), { fileName: `${spec.kind}File.tlv` });
const cls = (p: Preflight, d: DeviceClass): PreflightClass => {
  const c = p.classes.find(x => x.devices === d);
  assert.ok(c, d);
  return c;
};
const SBD = 'security-by-default';
const OLD = 'no-security-by-default';
/** [outcome, rule] of the class, then [outcome, rule, trust] of each step. */
const shape = (c: PreflightClass) => [c.outcome, c.rule, ...c.steps.map(s => `${s.step}:${s.outcome}/${s.rule ?? '-'}/${s.trust}`)];
const codes = (p: Preflight) => p.errors.map(e => e.code);

const before = makeCluster({ name: 'pf', callManagerKey: 'rsa1024' });
const cmRegen = regenerate(before, 'callManager', 'rsa2048');
const bothRegen = regenerate(cmRegen, 'tvs');
const phoneBefore = { ctl: list(tokenlessCtl(before)), itl: list(itl(before)) };

describe('pre-flight scenarios', () => {
  it('tokenless CTL after a CallManager regeneration, TVS unchanged: SbD via TVS then R3 locally; others delete the CTL', () => {
    const p = preflight({ phone: phoneBefore, next: { ctl: list(tokenlessCtl(cmRegen)), itl: list(itl(cmRegen)) } });
    const sbd = cls(p, SBD);
    assert.deepEqual(shape(sbd), ['accepted-via-tvs', 'R4', '1:accepted-via-tvs/R4/tvs', '2:accepted/R3/ctl-sast']);
    assert.deepEqual(sbd.steps[0].after, { ctl: 'next', itl: 'phone' });
    assert.deepEqual(sbd.steps[1].after, { ctl: 'next', itl: 'next' });
    assert.equal(sbd.steps[1].trustRecord?.list, 'next-ctl', 'the CTL accepted in step 1 vouches for the ITL');
    assert.match(sbd.steps[0].explanation, /pf-pub/);
    assert.equal(sbd.steps[0].signer?.cn, 'pf-pub');
    assert.match(sbd.steps[0].signer?.sha256 ?? '', /^[0-9A-Fa-f]{64}$/);
    assert.match(sbd.recovery.message, /Keep TVS running/);
    const old = cls(p, OLD);
    assert.deepEqual(shape(old), ['rejected', 'R5', '1:rejected/R5/none', '2:not-affected/R5/none']);
    assert.deepEqual(old.steps[1].after, { ctl: 'phone', itl: 'not-used' });
    assert.match(old.recovery.message, /Delete the CTL by hand/);
    assert.deepEqual(codes(p), []);
    assert.deepEqual(p.missing, []);
  });

  it('the same with TVS regenerated too: rejected everywhere, errors raised', () => {
    const p = preflight({ phone: phoneBefore, next: { ctl: list(tokenlessCtl(bothRegen)), itl: list(itl(bothRegen)) } });
    const sbd = cls(p, SBD);
    assert.equal(sbd.outcome, 'rejected');
    assert.deepEqual(sbd.steps.map(s => [s.outcome, s.trust]), [['rejected', 'none'], ['rejected', 'none']]);
    assert.deepEqual(sbd.steps[0].after, { ctl: 'phone', itl: 'phone' }, 'a rejected file leaves the phone as it was');
    assert.match(sbd.steps[0].explanation, /keeps none of the TVS certificates/);
    assert.match(sbd.recovery.message, /utils itl reset/);
    assert.equal(cls(p, OLD).outcome, 'rejected');
    assert.ok(codes(p).includes('CALLMANAGER_AND_TVS_REGENERATED'));
    assert.ok(codes(p).includes('ITL_SIGNER_AND_TVS_CHANGED'));
    assert.ok(!codes(p).includes('NO_ANCHOR_LEFT'), 'ITLRecovery is still a SAST anchor of the next CTL');
  });

  it('12.0+: CTL and ITL signed by ITLRecovery, CallManager regenerated: accepted locally everywhere', () => {
    const phone = { ctl: list(tokenlessCtl(before, { signer: 'itlRecovery' })), itl: list(itl(before, { signer: 'itlRecovery' })) };
    const p = preflight({ phone, next: { ctl: list(tokenlessCtl(cmRegen, { signer: 'itlRecovery' })), itl: list(itl(cmRegen, { signer: 'itlRecovery' })) } });
    assert.deepEqual(shape(cls(p, SBD)), ['accepted', 'R2', '1:accepted/R2/ctl-sast', '2:accepted/R3/itl-sast']);
    assert.deepEqual(shape(cls(p, OLD)), ['accepted', 'R2', '1:accepted/R2/ctl-sast', '2:not-affected/R5/none']);
    assert.equal(cls(p, SBD).recovery.message, 'No recovery needed.');
    assert.deepEqual(codes(p), []);
  });

  it('eToken → tokenless with the eToken CTL held: SbD via TVS, then the ITL locally; others reject', () => {
    const phone = { ctl: list(eTokenCtl(before, makeETokens())), itl: list(itl(before)) };
    const p = preflight({ phone, next: { ctl: list(tokenlessCtl(before)), itl: list(itl(before)) } });
    assert.deepEqual(shape(cls(p, SBD)), ['accepted-via-tvs', 'R4', '1:accepted-via-tvs/R4/tvs', '2:accepted/R3/itl-sast']);
    assert.deepEqual(shape(cls(p, OLD)), ['rejected', 'R5', '1:rejected/R5/none', '2:not-affected/R5/none']);
  });

  it('`utils ctl reset localkey`: the next CTL signed by the other SAST anchor (R7)', () => {
    const p = preflight({ phone: phoneBefore, next: { ctl: list(tokenlessCtl(before, { signer: 'itlRecovery' })), itl: list(itl(before)) } });
    for (const d of [SBD, OLD] as const) {
      const c = cls(p, d);
      assert.deepEqual([c.outcome, c.steps[0].rule, c.steps[0].trust], ['accepted', 'R7', 'ctl-sast']);
      assert.match(c.steps[0].explanation, /anchor swap/);
      assert.equal(c.steps[0].trustRecord?.index, 2);
    }
  });

  it('a phone with only an ITL (non-secure cluster) receiving its first CTL: SbD via TVS (not R1), others R1', () => {
    const p = preflight({ phone: { itl: list(itl(before)) }, next: { ctl: list(tokenlessCtl(before)), itl: list(itl(before)) } });
    assert.deepEqual(shape(cls(p, SBD)), ['accepted-via-tvs', 'R4', '1:accepted-via-tvs/R4/tvs', '2:accepted/R3/itl-sast']);
    assert.deepEqual(shape(cls(p, OLD)), ['accepted', 'R1', '1:accepted/R1/first-install', '2:not-affected/R5/none']);
    assert.deepEqual(p.missing.map(m => m.slot), ['phone-ctl']);
    // An empty phone: R1 for both lists, the ITL then vouched for... by nothing, since it is the first one too.
    const empty = preflight({ phone: {}, next: { ctl: list(tokenlessCtl(before)), itl: list(itl(before)) } });
    assert.deepEqual(shape(cls(empty, SBD)), ['accepted', 'R1', '1:accepted/R1/first-install', '2:accepted/R3/ctl-sast']);
  });

  it('a phone holding a CTL and ITL from another cluster: rejected everywhere, no anchor left, Phone-SAST-trust', () => {
    const other = makeCluster({ name: 'other' });
    const phone = { ctl: list(tokenlessCtl(other)), itl: list(itl(other)) };
    const p = preflight({ phone, next: { ctl: list(tokenlessCtl(before)), itl: list(itl(before)) } });
    const sbd = cls(p, SBD);
    assert.deepEqual(sbd.steps.map(s => [s.outcome, s.rule]), [['rejected', 'R6'], ['rejected', 'R6']]);
    assert.equal(cls(p, OLD).outcome, 'rejected');
    assert.ok(codes(p).includes('NO_ANCHOR_LEFT'));
    for (const c of p.classes) assert.match(c.recovery.message, /Phone-SAST-trust/);
  });

  it('missing phone ITL: TVS cannot be judged (undetermined, never "accepted via TVS")', () => {
    const p = preflight({ phone: { ctl: phoneBefore.ctl }, next: { ctl: list(tokenlessCtl(cmRegen)), itl: list(itl(cmRegen)) } });
    const sbd = cls(p, SBD);
    assert.equal(sbd.outcome, 'undetermined');
    assert.deepEqual([sbd.steps[0].outcome, sbd.steps[0].rule], ['undetermined', 'R4']);
    assert.match(sbd.steps[0].explanation, /phone's ITL was not given/);
    assert.equal(sbd.steps[0].after.ctl, 'unknown');
    assert.equal(sbd.steps[1].outcome, 'undetermined', 'step 2 depends on step 1');
    assert.match(sbd.steps[1].explanation, /depends on step 1/);
    assert.match(sbd.recovery.message, /missing/);
    assert.deepEqual(p.missing.map(m => m.slot), ['phone-itl']);
    // Without the next ITL the TVS certificate the cluster serves is unknown.
    const noNext = preflight({ phone: phoneBefore, next: { ctl: list(tokenlessCtl(cmRegen)) } });
    assert.deepEqual([cls(noNext, SBD).outcome, cls(noNext, SBD).steps[0].rule], ['undetermined', 'R4']);
    assert.match(cls(noNext, SBD).steps[0].explanation, /without the next ITL/);
    assert.equal(cls(noNext, SBD).steps[1].outcome, 'not-simulated');
  });

  it('a next file that does not verify is rejected (R0) and leaves the phone as it was', () => {
    const bytes = buildTrustList(itl(before));
    bytes[bytes.length - 100] ^= 1;
    const p = preflight({ phone: phoneBefore, next: { itl: decode(bytes, { fileName: 'ITLFile.tlv' }) } });
    const sbd = cls(p, SBD);
    assert.deepEqual([sbd.outcome, sbd.rule, sbd.decidedBy], ['rejected', 'R0', 2]);
    assert.deepEqual(sbd.steps[1].after, { ctl: 'phone', itl: 'phone' });
    assert.deepEqual(shape(cls(p, OLD)), ['accepted', 'R5', '1:not-simulated/-/none', '2:not-affected/R5/none']);
  });

  it('a phone file that does not decode whole is not an empty phone: what it holds is unknown (R1 does not apply)', () => {
    const cut = (spec: TrustListSpec) => decode(buildTrustList(spec).subarray(0, 900), { fileName: `${spec.kind}File.tlv` });
    const next = { ctl: list(tokenlessCtl(cmRegen)), itl: list(itl(cmRegen)) };
    const badCtl = preflight({ phone: { ctl: cut(tokenlessCtl(before)), itl: phoneBefore.itl }, next });
    assert.deepEqual(cls(badCtl, OLD).steps[0].outcome, 'undetermined');
    assert.match(cls(badCtl, OLD).steps[0].explanation, /does not decode whole/);
    const badItl = preflight({ phone: { ctl: phoneBefore.ctl, itl: cut(itl(before)) }, next });
    const sbd = cls(badItl, SBD);
    assert.deepEqual([sbd.outcome, sbd.steps[0].outcome], ['undetermined', 'undetermined']);
    assert.match(sbd.steps[0].explanation, /phone's ITL does not decode whole/);
    // Unchanged files: the CTL held vouches for the ITL whatever the damaged ITL holds.
    const same = preflight({ phone: { ctl: phoneBefore.ctl, itl: cut(itl(before)) }, next: { ctl: phoneBefore.ctl, itl: phoneBefore.itl } });
    assert.deepEqual(shape(cls(same, SBD)), ['accepted', 'R2', '1:accepted/R2/ctl-sast', '2:accepted/R3/ctl-sast']);
  });

  it('nothing to check without next files; a file in the wrong slot is an error', () => {
    const p = preflight({ phone: phoneBefore, next: {} });
    for (const c of p.classes) {
      assert.equal(c.outcome, 'undetermined');
      assert.match(c.note?.message ?? '', /nothing to check/);
    }
    const wrong = preflight({ phone: { ctl: phoneBefore.itl }, next: { itl: phoneBefore.itl } });
    assert.ok(codes(wrong).includes('WRONG_KIND'));
  });

  it('every sentence is its filled template and has a Japanese rendering', () => {
    const ja = JSON.parse(readFileSync('l10n/bundle.l10n.ja.json', 'utf8')) as Record<string, string>;
    const toJa = (l: Localizable) => render(l, (message, args) => {
      assert.ok(ja[message], `no Japanese for ${JSON.stringify(message)}`);
      return fill(localizable(ja[message], args));
    });
    const runs = [
      preflight({ phone: phoneBefore, next: { ctl: list(tokenlessCtl(bothRegen)), itl: list(itl(bothRegen)) } }),
      preflight({ phone: { ctl: phoneBefore.ctl }, next: { ctl: list(tokenlessCtl(cmRegen)), itl: list(itl(cmRegen)) } }),
      preflight({ phone: {}, next: {} }),
    ];
    for (const p of runs) {
      const sentences = [...p.missing, ...p.errors, ...p.classes.flatMap(c => [c.recovery, ...(c.note ? [c.note] : []), ...c.steps.map(s => ({ message: s.explanation, l10n: s.l10n }))])];
      for (const s of sentences) {
        assert.equal(fill(s.l10n), s.message);
        assert.match(toJa(s.l10n), /[ぁ-んァ-ヶ一-龠]/);
      }
    }
  });
});

describe('pre-flight properties', () => {
  // Scenarios that between them reach every outcome.
  const other = makeCluster({ name: 'other' });
  const scenarios: [string, { phone: Record<string, TrustListSpec>; next: Record<string, TrustListSpec> }][] = [
    ['CallManager regenerated', { phone: { ctl: tokenlessCtl(before), itl: itl(before) }, next: { ctl: tokenlessCtl(cmRegen), itl: itl(cmRegen) } }],
    ['CallManager and TVS regenerated', { phone: { ctl: tokenlessCtl(before), itl: itl(before) }, next: { ctl: tokenlessCtl(bothRegen), itl: itl(bothRegen) } }],
    ['anchor swap', { phone: { ctl: tokenlessCtl(before), itl: itl(before) }, next: { ctl: tokenlessCtl(before, { signer: 'itlRecovery' }), itl: itl(before) } }],
    ['no phone ITL', { phone: { ctl: tokenlessCtl(before) }, next: { ctl: tokenlessCtl(cmRegen), itl: itl(cmRegen) } }],
    ['another cluster', { phone: { ctl: tokenlessCtl(other), itl: itl(other) }, next: { ctl: tokenlessCtl(before), itl: itl(before) } }],
  ];
  const input = (s: (typeof scenarios)[number][1], edit: (spec: TrustListSpec) => TrustListSpec): PreflightInput => {
    const side = (x: Record<string, TrustListSpec>) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, list(edit(v))])) as { ctl?: TrustList; itl?: TrustList };
    return { phone: side(s.phone), next: side(s.next) };
  };
  const outcomes = (p: Preflight) => p.classes.map(c => [c.devices, c.outcome, c.rule, ...c.steps.map(s => [s.outcome, s.rule, s.trust])]);
  const baseline = scenarios.map(([, s]) => outcomes(preflight(input(s, x => x))));

  it('the scenarios reach every outcome', () => {
    const seen = new Set(baseline.flatMap(b => b.map(c => c[1])));
    assert.deepEqual([...seen].sort(), ['accepted', 'accepted-via-tvs', 'rejected', 'undetermined']);
  });

  it('outcomes never depend on a name string: DNSNAME and SUBJECTNAME renamed, same outcomes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: scenarios.length - 1 }), fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 8, maxLength: 8 }), (i, names) => {
      const rename = (spec: TrustListSpec): TrustListSpec => ({
        ...spec,
        records: spec.records.map((r, k): RecordSpec => (r.kind === 'nonsecure' ? r : r.kind === 'etoken'
          ? { ...r, overrides: { ...r.overrides, subjectName: `CN=${names[k % 8]}` } }
          : { ...r, dnsName: names[(k + 1) % 8], overrides: { ...r.overrides, subjectName: `CN=${names[k % 8]};OU=x` } })),
      });
      assert.deepEqual(outcomes(preflight(input(scenarios[i][1], rename))), baseline[i], scenarios[i][0]);
    }), { numRuns: 25 });
  });

  it('the order of records inside a file never changes an outcome', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: scenarios.length - 1 }), fc.integer(), (i, seed) => {
      const shuffle = (spec: TrustListSpec): TrustListSpec => {
        const records = [...spec.records];
        let s = seed >>> 0;
        for (let k = records.length - 1; k > 0; k--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (k + 1);
          [records[k], records[j]] = [records[j]!, records[k]!];
        }
        return { ...spec, records };
      };
      assert.deepEqual(outcomes(preflight(input(scenarios[i][1], shuffle))), baseline[i], scenarios[i][0]);
    }), { numRuns: 25 });
  });
});

describe('tlv-trust preflight (node dist/cli.js)', () => {
  const CLI = resolve(__dirname, '../../../dist/cli.js');
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'tlv-preflight-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, spec: TrustListSpec) => {
    const path = join(dir, name);
    writeFileSync(path, buildTrustList(spec));
    return path;
  };
  const phoneCtl = file('phone-CTLFile.tlv', tokenlessCtl(before));
  const phoneItl = file('phone-ITLFile.tlv', itl(before));
  const nextCtl = file('next-CTLFile.tlv', tokenlessCtl(cmRegen));
  const nextItl = file('next-ITLFile.tlv', itl(cmRegen));

  it('text: one block per device class with its steps, then the errors; exit 1 when a class rejects', () => {
    const r = cli('preflight', '--phone-ctl', phoneCtl, '--phone-itl', phoneItl, '--ctl', nextCtl, '--itl', nextItl);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    const sbd = lines.findIndex(l => l.startsWith('Phones with Security by Default: ACCEPTED VIA TVS [R4, step 1]'));
    const old = lines.findIndex(l => /^Phones without Security by Default .*: REJECTED \[R5, step 1\]$/.test(l));
    const errors = lines.indexOf('Errors');
    assert.ok(sbd > 0 && old > sbd && errors > old, r.stdout);
    assert.match(lines[sbd + 1], /^ {2}Step 1 CTLFile\.tlv: ACCEPTED VIA TVS \[R4\]$/);
    assert.match(r.stdout, /Step 2 ITL .*: ACCEPTED \[R3\]\n {4}signer: #1 pf-pub, serial [0-9A-F]+, SHA-256 [0-9A-F]{64}\n {4}trust found: ctl-sast \(next CTL record #1, SAST\)/i);
    assert.match(r.stdout, /Recovery: Delete the CTL by hand/);
    assert.equal(lines[errors + 1], '  none');
  });

  it('exit 0 when every class accepts; --json keeps the English and drops the templates', () => {
    const r = cli('preflight', '--json', '--phone-ctl', phoneCtl, '--phone-itl', phoneItl, '--ctl', file('swap-CTLFile.tlv', tokenlessCtl(before, { signer: 'itlRecovery' })), '--itl', phoneItl);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.classes.map((c: { outcome: string; rule: string }) => [c.outcome, c.rule]), [['accepted', 'R7'], ['accepted', 'R7']]);
    assert.equal(j.files['next-itl'], phoneItl);
    assert.doesNotMatch(r.stdout, /"l10n"/);
  });

  it('any subset: a missing phone ITL is named and makes TVS undetermined (exit 1)', () => {
    const r = cli('preflight', '--phone-ctl', phoneCtl, '--ctl', nextCtl, '--itl', nextItl);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /phone ITL +not given/);
    assert.match(r.stdout, /No phone ITL given/);
    assert.match(r.stdout, /^Phones with Security by Default: CANNOT BE JUDGED \[R4, step 1\]$/m);
  });

  it('usage errors exit 2; a file from the cluster that does not verify is a rejection (exit 1), an unreadable path exit 2', () => {
    for (const args of [['preflight'], ['preflight', nextCtl], ['preflight', '--bogus', nextCtl], ['preflight', '--ctl']]) {
      const r = cli(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^tlv-trust: .*\nusage: tlv-trust preflight /);
      assert.equal(r.stdout, '');
    }
    const bytes = buildTrustList(itl(cmRegen));
    bytes[bytes.length - 100] ^= 1;
    const bad = join(dir, 'bad-ITLFile.tlv');
    writeFileSync(bad, bytes);
    const r = cli('preflight', '--phone-itl', phoneItl, '--itl', bad);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^Phones with Security by Default: REJECTED \[R0, step 2\]$/m);
    assert.equal(cli('preflight', '--ctl', join(dir, 'nope.tlv')).status, 2);
  });

  it('file text cannot forge a line: names from the file are escaped', () => {
    const forged = tokenlessCtl(cmRegen);
    const path = file('forged-CTLFile.tlv', { ...forged, records: forged.records.map(r => ({ ...r, dnsName: 'pub\nPhones with Security by Default: ACCEPTED [R2]' })) });
    const r = cli('preflight', '--phone-ctl', phoneCtl, '--phone-itl', phoneItl, '--ctl', path, '--itl', nextItl);
    assert.equal(r.stdout.split('\n').filter(l => /^Phones with/.test(l)).length, 2, r.stdout);
    const cn = makeCluster({ name: 'evil\nPhones with Security by Default: ACCEPTED [R2] x' });
    const evil = cli('preflight', '--ctl', file('evil-CTLFile.tlv', tokenlessCtl(cn)));
    assert.equal(evil.stdout.split('\n').filter(l => /^Phones with/.test(l)).length, 2, evil.stdout);
    assert.match(evil.stdout, /evil\\u\{000A\}/);
  });
});

describe('pre-flight view model (what the panel posts to its webview)', () => {
  it('carries each slot, the result with translated sentences, and keeps the core result English', async () => {
    const { buildPreflightModel, slotsFor } = await import('../../src/extension/preflight/preflightModel');
    const f = (name: string, l: TrustList) => ({ name, description: `/tftp/${name}`, list: l });
    const files = { 'phone-ctl': f('phone-CTLFile.tlv', phoneBefore.ctl), 'next-itl': f('ITLFile.tlv', list(itl(cmRegen))) };
    const english = buildPreflightModel(files);
    assert.deepEqual(english.files['phone-ctl'], { name: 'phone-CTLFile.tlv', description: '/tftp/phone-CTLFile.tlv' });
    assert.equal(english.files['phone-itl'], null);
    assert.deepEqual(english.preflight.missing.map(m => m.slot), ['phone-itl', 'next-ctl']);
    const upper = (l: Localizable) => fill(l).toUpperCase();
    const shown = buildPreflightModel(files, upper);
    const steps = (m: typeof english) => m.preflight.classes.flatMap(c => c.steps);
    assert.deepEqual(steps(shown).map(s => s.explanation), steps(english).map(s => s.explanation.toUpperCase()));
    assert.deepEqual(shown.preflight.classes.map(c => c.recovery.message), english.preflight.classes.map(c => c.recovery.message.toUpperCase()));
    assert.deepEqual(shown.preflight.missing.map(m => m.message), english.preflight.missing.map(m => m.message.toUpperCase()));
    assert.deepEqual(shown.preflight.classes.map(c => [c.outcome, c.rule]), english.preflight.classes.map(c => [c.outcome, c.rule]));
    // Explorer selections go by kind: the next slot first, then the phone's.
    assert.deepEqual(slotsFor(['CTL', 'ITL', 'ITL', 'CTL', 'unknown']), ['phone-ctl', 'phone-itl', 'next-itl', 'next-ctl', undefined]);
    assert.deepEqual(slotsFor(['CTL', 'ITL']), ['next-ctl', 'next-itl']);
  });
});
