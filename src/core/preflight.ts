// preflight(phone, next): what a phone that holds a CTL and an ITL does with the files the cluster
// will serve next, download by download (trust-decisions.md, "A phone's whole state (pre-flight)").
// A small state machine over the same trust rules as compare.ts: the helpers are compare's own.
//
// Interpretation of R1 ("R1 needs an empty phone"), per device class:
// - A phone with Security by Default uses both lists. R1 accepts its first CTL only when it holds no
//   CTL and no ITL. A phone that holds only an ITL (a cluster moving from non-secure to mixed mode)
//   is not empty: step 1 finds no SAST anchor and asks TVS (R4) with the ITL it holds. For the ITL
//   (step 2), R1 applies only when the phone holds no ITL and no CTL after step 1; with a CTL but no
//   ITL, the CTL's certificates are checked (R3), then TVS, which cannot be judged without an ITL.
// - Phones without Security by Default do not use the ITL at all, so for them a phone without a CTL
//   is empty, and its first CTL is accepted (R1).
// An input that is not given is simulated as a list the phone does not hold, and reported in
// `missing`; TVS is never judged without both the phone's ITL and the next ITL.
import type { TrustList, TrustRecord } from './model';
import * as M from './messages';
import { fill, localizable, type L10nArg, type Localizable } from './messages';
import {
  certId, compare, idsOf, label, listOf, sharedTvs, signerOf, unusable,
  type DeviceClass, type Outcome, type Rule,
} from './compare';
import { ROLE } from './tags';
import { subjectCn } from './names';

/** `not-affected`: the class does not use this file (R5, ITL). `not-simulated`: the file was not given. */
export type StepOutcome = Outcome | 'not-affected' | 'not-simulated';
/** Where the phone found trust for the file's signer. */
export type TrustSource = 'ctl-sast' | 'itl-sast' | 'itl-tftp' | 'ctl-ccm-tftp' | 'tvs' | 'first-install' | 'none';
export type Slot = 'phone-ctl' | 'phone-itl' | 'next-ctl' | 'next-itl';
/**
 * What the phone holds of one kind after a step: the list it held (`phone`), the one the cluster
 * serves (`next`), none, `unknown` (a step that cannot be judged), or `not-used` (the ITL, by
 * phones without Security by Default).
 */
export type Holding = 'phone' | 'next' | 'none' | 'unknown' | 'not-used';

export interface PreflightInput {
  /** What the phone holds now. A list not given is simulated as one the phone does not hold. */
  phone: { ctl?: TrustList; itl?: TrustList };
  /** What the cluster will serve after the change (CTLFile.tlv, ITLFile.tlv or ITLSEP<MAC>.tlv). */
  next: { ctl?: TrustList; itl?: TrustList };
  options?: PreflightOptions;
}

export interface PreflightOptions {
  /** The device classes to simulate (default both). */
  devices?: DeviceClass[];
}

export interface PreflightSigner {
  recordIndex: number;
  cn: string;
  serial: string;
  sha256: string;
}

export interface Sentence {
  /** English; the CLI and JSON show it. */
  message: string;
  /** The same sentence as a template, for the extension to translate. */
  l10n: Localizable;
}

export interface PreflightStep {
  step: 1 | 2;
  file: 'CTL' | 'ITL';
  /** The signer of the file the cluster serves, when it verifies. */
  signer?: PreflightSigner;
  trust: TrustSource;
  /** The record of the held list that vouched (index in that list), for local trust. */
  trustRecord?: { list: 'phone-ctl' | 'phone-itl' | 'next-ctl'; index: number; roleName: string };
  /** Absent only when the step was not simulated. */
  rule?: Rule;
  outcome: StepOutcome;
  explanation: string;
  l10n: Localizable;
  /** What the phone holds after this step. */
  after: { ctl: Holding; itl: Holding };
}

export interface PreflightClass {
  devices: DeviceClass;
  /** The worst step: rejected, then undetermined, then accepted via TVS, then accepted. */
  outcome: Outcome;
  /** The rule of the step that decided the outcome. */
  rule?: Rule;
  /** The step that decided it (1 or 2); absent when there was nothing to check. */
  decidedBy?: 1 | 2;
  steps: PreflightStep[];
  /** Set when there was nothing to check. */
  note?: Sentence;
  recovery: Sentence;
}

export interface PreflightIssue extends Sentence {
  code: 'CALLMANAGER_AND_TVS_REGENERATED' | 'ITL_SIGNER_AND_TVS_CHANGED' | 'NO_ANCHOR_LEFT' | 'WRONG_KIND';
}

export interface PreflightFile {
  kind: TrustList['kind'];
  signature: TrustList['signature']['status'];
  sha1: string;
  records: number;
  signer?: PreflightSigner;
}

export interface Preflight {
  inputs: Record<Slot, PreflightFile | null>;
  /** One sentence per input not given, saying how it was simulated. */
  missing: (Sentence & { slot: Slot })[];
  classes: PreflightClass[];
  /** Dangerous combinations, whatever the outcome. */
  errors: PreflightIssue[];
}

const SLOT_NAME: Record<Slot, string> = {
  'phone-ctl': M.PF_SLOT_PHONE_CTL,
  'phone-itl': M.PF_SLOT_PHONE_ITL,
  'next-ctl': M.PF_SLOT_NEXT_CTL,
  'next-itl': M.PF_SLOT_NEXT_ITL,
};
const MISSING: Record<Slot, string> = {
  'phone-ctl': M.PF_MISSING_PHONE_CTL,
  'phone-itl': M.PF_MISSING_PHONE_ITL,
  'next-ctl': M.PF_MISSING_NEXT_CTL,
  'next-itl': M.PF_MISSING_NEXT_ITL,
};
const OUTCOME_WORDS: Record<StepOutcome, string> = {
  accepted: M.PF_OUTCOME_ACCEPTED,
  'accepted-via-tvs': M.PF_OUTCOME_VIA_TVS,
  rejected: M.PF_OUTCOME_REJECTED,
  undetermined: M.PF_OUTCOME_UNDETERMINED,
  'not-affected': M.PF_OUTCOME_NOT_AFFECTED,
  'not-simulated': M.PF_OUTCOME_UNDETERMINED,
};
/** Lower is worse. Steps that are not affected or not simulated never decide. */
const RANK: Record<Outcome, number> = { rejected: 0, undetermined: 1, 'accepted-via-tvs': 2, accepted: 3 };

const slot = (s: Slot) => localizable(SLOT_NAME[s]);
const sentence = (l: Localizable): Sentence => ({ message: fill(l), l10n: l });
const verifies = (l: TrustList | undefined): boolean => !!l && l.signature.status === 'verified' && !!signerOf(l) && !!certId(signerOf(l)!);

function signerInfo(l: TrustList): PreflightSigner | undefined {
  const r = signerOf(l);
  if (!r || l.signature.status !== 'verified') return undefined;
  const cn = subjectCn(r.certificate?.subject) ?? '';
  return { recordIndex: r.index, cn, serial: r.certificate?.serial ?? r.serial ?? '', sha256: r.certificate?.sha256 ?? '' };
}

function fileInfo(l: TrustList | undefined): PreflightFile | null {
  if (!l) return null;
  return { kind: l.kind, signature: l.signature.status, sha1: l.checksums.sha1, records: l.records.length, signer: signerInfo(l) };
}

/** The first record of `l` in one of `roles` whose certificate is `id`. */
const recordWith = (l: TrustList | undefined, id: string, roles: number[]): TrustRecord | undefined =>
  l?.records.find(r => r.role !== undefined && roles.includes(r.role) && certId(r) === id);

type Step = Omit<PreflightStep, 'after'>;
type Tvs = { outcome: 'accepted-via-tvs'; shared: TrustRecord[] } | { outcome: 'undetermined' | 'rejected'; why: Localizable };

/**
 * R4: the TVS certificate a phone meets is one of the next ITL's TVS records; the TLS connection
 * succeeds only if the ITL the phone holds has the same certificate as a TVS record.
 */
function tvs(phoneItl: TrustList | undefined, nextItl: TrustList | undefined): Tvs {
  if (!nextItl) return { outcome: 'undetermined', why: localizable(M.PF_WHY_NO_NEXT_ITL) };
  if (nextItl.signature.status !== 'verified') return { outcome: 'undetermined', why: localizable(M.PF_WHY_NEXT_ITL_UNVERIFIED) };
  if (!phoneItl) return { outcome: 'undetermined', why: localizable(M.PF_WHY_NO_PHONE_ITL) };
  if (unusable(phoneItl)) return { outcome: 'undetermined', why: localizable(M.PF_WHY_PHONE_ITL_UNUSABLE) };
  const shared = sharedTvs(phoneItl, nextItl);
  if (shared.length) return { outcome: 'accepted-via-tvs', shared };
  const held = phoneItl.records.filter(r => r.role === ROLE.TVS);
  return { outcome: 'rejected', why: held.length ? localizable(M.PF_WHY_TVS_NOT_KEPT, { tvs: listOf(held.map(label)) }) : localizable(M.PF_WHY_NO_TVS_HELD) };
}

/** The SAST certificates of the lists the phone holds: R6 when none of them is in the next file. */
const sastHeld = (ctl: TrustList | undefined, itl: TrustList | undefined) =>
  new Set([...(ctl ? idsOf(ctl, [ROLE.SAST]) : []), ...(itl ? idsOf(itl, [ROLE.SAST]) : [])]);

/** The step when nothing local vouches: TVS for phones with Security by Default. */
function viaTvs(base: Pick<Step, 'step' | 'file' | 'signer'>, which: Slot, next: TrustList, phoneItl: TrustList | undefined, nextItl: TrustList | undefined, heldSast: Set<string>): Step {
  const signer = label(signerOf(next));
  const t = tvs(phoneItl, nextItl);
  if (t.outcome === 'accepted-via-tvs') {
    const l = localizable(M.PF_STEP_VIA_TVS, { slot: slot(which), signer, tvs: listOf(t.shared.map(label)) });
    return { ...base, trust: 'tvs', rule: 'R4', outcome: 'accepted-via-tvs', explanation: fill(l), l10n: l };
  }
  if (t.outcome === 'undetermined') {
    const l = localizable(M.PF_STEP_TVS_UNDETERMINED, { slot: slot(which), signer, why: t.why });
    return { ...base, trust: 'none', rule: 'R4', outcome: 'undetermined', explanation: fill(l), l10n: l };
  }
  // R6 when no SAST certificate the phone holds (CTL or ITL) is in the next file, as compare() decides it.
  const anchorsLost = ![...heldSast].some(id => next.records.some(r => certId(r) === id));
  const l = localizable(M.PF_STEP_TVS_REJECTED, { slot: slot(which), signer, why: t.why });
  return { ...base, trust: 'none', rule: anchorsLost ? 'R6' : 'R4', outcome: 'rejected', explanation: fill(l), l10n: l };
}

const made = (base: Pick<Step, 'step' | 'file' | 'signer'>, rest: Omit<Step, 'step' | 'file' | 'signer' | 'explanation' | 'l10n'>, l: Localizable): Step =>
  ({ ...base, ...rest, explanation: fill(l), l10n: l });

/** Step 1: CTLFile.tlv against the CTL held (R2/R7), else TVS with the ITL held now (R4), or R5. */
function stepCtl(devices: DeviceClass, phoneCtl: TrustList | undefined, phoneItl: TrustList | undefined, next: TrustList | undefined, nextItl: TrustList | undefined): Step {
  const base = { step: 1 as const, file: 'CTL' as const, signer: next && signerInfo(next) };
  if (!next) return made(base, { trust: 'none', outcome: 'not-simulated' }, localizable(M.PF_NOT_SIMULATED, { slot: slot('next-ctl') }));
  if (!verifies(next)) {
    return made(base, { trust: 'none', rule: 'R0', outcome: 'rejected' }, localizable(M.PF_STEP_R0, { slot: slot('next-ctl'), status: next.signature.status, reason: next.signature.l10n }));
  }
  const sbd = devices === 'security-by-default';
  // Phones without Security by Default do not use the ITL: without a CTL they are empty.
  if (!phoneCtl && (!sbd || !phoneItl)) return made(base, { trust: 'first-install', rule: 'R1', outcome: 'accepted' }, localizable(M.PF_STEP_R1, { slot: slot('next-ctl') }));
  if (phoneCtl && unusable(phoneCtl)) {
    return made(base, { trust: 'none', rule: 'R1', outcome: 'undetermined' }, localizable(M.PF_STEP_HELD_UNUSABLE, { slot: slot('phone-ctl') }));
  }
  const id = certId(signerOf(next)!)!;
  const anchor = phoneCtl && recordWith(phoneCtl, id, [ROLE.SAST]);
  if (phoneCtl && anchor) {
    const held = signerOf(phoneCtl);
    const same = !!held && certId(held) === id;
    const trustRecord = { list: 'phone-ctl' as const, index: anchor.index, roleName: anchor.roleName ?? '?' };
    const l = localizable(same ? M.PF_STEP_R2 : M.PF_STEP_R7, { signer: label(signerOf(next)), record: anchor.index });
    return made(base, { trust: 'ctl-sast', trustRecord, rule: same ? 'R2' : 'R7', outcome: 'accepted' }, l);
  }
  if (!sbd) return made(base, { trust: 'none', rule: 'R5', outcome: 'rejected' }, localizable(M.PF_STEP_R5_CTL, { signer: label(signerOf(next)) }));
  return viaTvs(base, 'next-ctl', next, phoneItl, nextItl, sastHeld(phoneCtl, phoneItl));
}

/**
 * Step 2: the ITL against the SAST/TFTP/CCM+TFTP records of the ITL held, or the SAST/CCM+TFTP
 * records of the CTL held after step 1 (R3), else TVS with the ITL held before this step (R4).
 */
function stepItl(devices: DeviceClass, ctlAfter: TrustList | undefined, ctlAfterSlot: 'phone-ctl' | 'next-ctl', phoneItl: TrustList | undefined, next: TrustList | undefined): Step {
  const base = { step: 2 as const, file: 'ITL' as const, signer: next && signerInfo(next) };
  if (!next) return made(base, { trust: 'none', outcome: 'not-simulated' }, localizable(M.PF_NOT_SIMULATED, { slot: slot('next-itl') }));
  if (devices === 'no-security-by-default') return made(base, { trust: 'none', rule: 'R5', outcome: 'not-affected' }, localizable(M.VERDICT_R5_ITL));
  if (!verifies(next)) {
    return made(base, { trust: 'none', rule: 'R0', outcome: 'rejected' }, localizable(M.PF_STEP_R0, { slot: slot('next-itl'), status: next.signature.status, reason: next.signature.l10n }));
  }
  if (!phoneItl && !ctlAfter) return made(base, { trust: 'first-install', rule: 'R1', outcome: 'accepted' }, localizable(M.PF_STEP_R1, { slot: slot('next-itl') }));
  const id = certId(signerOf(next)!)!;
  // A held list that does not decode whole vouches for nothing: what the phone holds is unknown.
  const itlHeld = phoneItl && !unusable(phoneItl) ? phoneItl : undefined;
  const ctlHeld = ctlAfter && !unusable(ctlAfter) ? ctlAfter : undefined;
  const sources: [TrustList | undefined, number[], TrustSource, 'phone-ctl' | 'phone-itl' | 'next-ctl', string][] = [
    [itlHeld, [ROLE.SAST], 'itl-sast', 'phone-itl', M.PF_HELD_ITL],
    [itlHeld, [ROLE.TFTP, ROLE.CCM_TFTP], 'itl-tftp', 'phone-itl', M.PF_HELD_ITL],
    [ctlHeld, [ROLE.SAST], 'ctl-sast', ctlAfterSlot, M.PF_HELD_CTL_AFTER_STEP1],
    [ctlHeld, [ROLE.CCM_TFTP], 'ctl-ccm-tftp', ctlAfterSlot, M.PF_HELD_CTL_AFTER_STEP1],
  ];
  for (const [list, roles, trust, from, where] of sources) {
    const r = recordWith(list, id, roles);
    if (!r) continue;
    const l = localizable(M.PF_STEP_R3, { signer: label(signerOf(next)), record: r.index, role: r.roleName ?? '?', list: localizable(where) });
    return made(base, { trust, trustRecord: { list: from, index: r.index, roleName: r.roleName ?? '?' }, rule: 'R3', outcome: 'accepted' }, l);
  }
  for (const [held, which] of [[phoneItl, 'phone-itl'], [ctlAfter, ctlAfterSlot]] as const) {
    if (held && unusable(held)) {
      return made(base, { trust: 'none', rule: 'R1', outcome: 'undetermined' }, localizable(M.PF_STEP_HELD_UNUSABLE, { slot: slot(which) }));
    }
  }
  return viaTvs(base, 'next-itl', next, phoneItl, next, sastHeld(ctlAfter, phoneItl));
}

const decides = (o: StepOutcome): o is Outcome => o !== 'not-affected' && o !== 'not-simulated';
const accepts = (o: StepOutcome) => o === 'accepted' || o === 'accepted-via-tvs';

function simulate(devices: DeviceClass, input: PreflightInput): PreflightClass {
  const { phone, next } = input;
  const sbd = devices === 'security-by-default';
  const holding = (l: TrustList | undefined, from: Holding): Holding => (l ? from : 'none');
  const itlHeld: Holding = sbd ? holding(phone.itl, 'phone') : 'not-used';

  const s1 = stepCtl(devices, phone.ctl, phone.itl, next.ctl, next.itl);
  // A rejected (or not served) file leaves the CTL as it was; an accepted one replaces it.
  const ctlAfter: Holding = accepts(s1.outcome) ? 'next' : s1.outcome === 'undetermined' ? 'unknown' : holding(phone.ctl, 'phone');
  const step1: PreflightStep = { ...s1, after: { ctl: ctlAfter, itl: itlHeld } };

  let s2: Step;
  if (ctlAfter === 'unknown') {
    // Step 1 cannot be judged: step 2 is what both possibilities agree on, or cannot be judged either.
    const kept = stepItl(devices, phone.ctl, 'phone-ctl', phone.itl, next.itl);
    const replaced = stepItl(devices, next.ctl, 'next-ctl', phone.itl, next.itl);
    if (kept.outcome === replaced.outcome) s2 = kept;
    else {
      const worse = RANK[kept.outcome as Outcome] <= RANK[replaced.outcome as Outcome] ? kept : replaced;
      const l = localizable(M.PF_STEP_DEPENDS, { kept: localizable(OUTCOME_WORDS[kept.outcome]), replaced: localizable(OUTCOME_WORDS[replaced.outcome]) });
      s2 = { step: 2, file: 'ITL', signer: kept.signer, trust: 'none', rule: worse.rule, outcome: 'undetermined', explanation: fill(l), l10n: l };
    }
  } else {
    const ctl = ctlAfter === 'next' ? next.ctl : phone.ctl;
    s2 = stepItl(devices, ctl, ctlAfter === 'next' ? 'next-ctl' : 'phone-ctl', phone.itl, next.itl);
  }
  const itlAfter: Holding = !sbd ? 'not-used' : accepts(s2.outcome) ? 'next' : s2.outcome === 'undetermined' ? 'unknown' : itlHeld;
  const step2: PreflightStep = { ...s2, after: { ctl: ctlAfter, itl: itlAfter } };
  const steps = [step1, step2];

  const deciding = steps.filter(s => decides(s.outcome));
  let outcome: Outcome;
  let worst: PreflightStep | undefined;
  let note: Sentence | undefined;
  if (deciding.length) {
    worst = deciding.reduce((a, b) => (RANK[b.outcome as Outcome] < RANK[a.outcome as Outcome] ? b : a));
    outcome = worst.outcome as Outcome;
  } else if (steps.some(s => s.outcome === 'not-affected')) {
    // Phones without Security by Default and only an ITL to download: not affected, never a rejection.
    worst = steps.find(s => s.outcome === 'not-affected');
    outcome = 'accepted';
  } else {
    outcome = 'undetermined';
    note = sentence(localizable(M.PF_NOTHING_TO_CHECK));
  }
  return {
    devices,
    outcome,
    ...(worst ? { rule: worst.rule, decidedBy: worst.step } : {}),
    steps,
    ...(note ? { note } : {}),
    recovery: sentence(recovery(devices, outcome, input)),
  };
}

/** The phone's anchors: its CTL's SAST records; its ITL's SAST, TFTP, CCM+TFTP and TVS records. */
function anchorsHeld(phone: PreflightInput['phone']): Set<string> {
  return new Set([
    ...(phone.ctl ? idsOf(phone.ctl, [ROLE.SAST]) : []),
    ...(phone.itl ? idsOf(phone.itl, [ROLE.SAST, ROLE.TFTP, ROLE.CCM_TFTP, ROLE.TVS]) : []),
  ]);
}

/** True when the phone holds anchors and none of them is anywhere in the next files. */
function noAnchorLeft(input: PreflightInput): boolean {
  const held = anchorsHeld(input.phone);
  const lists = [input.next.ctl, input.next.itl].filter((l): l is TrustList => !!l);
  if (!held.size || !lists.length) return false;
  return !lists.some(l => l.records.some(r => held.has(certId(r) ?? '')));
}

function recovery(devices: DeviceClass, outcome: Outcome, input: PreflightInput): Localizable {
  switch (outcome) {
    case 'accepted': return localizable(M.PF_RECOVERY_NONE);
    case 'accepted-via-tvs': return localizable(M.PF_RECOVERY_KEEP_TVS);
    case 'undetermined': return localizable(M.PF_RECOVERY_UNDETERMINED);
    case 'rejected':
      if (noAnchorLeft(input)) return localizable(M.PF_RECOVERY_OTHER_CLUSTER);
      return localizable(devices === 'security-by-default' ? M.PF_RECOVERY_RESET : M.PF_RECOVERY_DELETE_CTL);
  }
}

const replaced = (status: string, differences: string[]) => status === 'changed' && differences.includes('fingerprint');

function errorsFor(input: PreflightInput): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const add = (code: PreflightIssue['code'], l: Localizable) => out.push({ code, ...sentence(l) });
  const { phone, next } = input;
  const usable = (l: TrustList | undefined): l is TrustList => !!l && !unusable(l);

  for (const [s, l, expected] of [['phone-ctl', phone.ctl, 'CTL'], ['phone-itl', phone.itl, 'ITL'], ['next-ctl', next.ctl, 'CTL'], ['next-itl', next.itl, 'ITL']] as const) {
    if (!l) continue;
    const kind = l.kind !== 'unknown' && l.kind !== expected ? l.kind : l.fileNameKind !== 'unknown' && l.fileNameKind !== expected ? l.fileNameKind : undefined;
    if (kind) add('WRONG_KIND', localizable(M.PF_ERR_WRONG_KIND, { slot: slot(s), kind, expected }));
  }

  const itlPair = usable(phone.itl) && usable(next.itl) ? compare(phone.itl, next.itl) : undefined;
  const ctlPair = usable(phone.ctl) && usable(next.ctl) ? compare(phone.ctl, next.ctl) : undefined;
  // A certificate replaced for the same role and host, or a record of that role removed while another is added.
  const changedHosts = (role: number, pairs: (ReturnType<typeof compare> | undefined)[]) => {
    const hosts = new Set<string>();
    for (const c of pairs) {
      if (!c) continue;
      const ofRole = c.records.filter(r => r.role === role);
      for (const r of ofRole) if (replaced(r.status, r.differences)) hosts.add(r.host);
      if (ofRole.some(r => r.status === 'removed') && ofRole.some(r => r.status === 'added')) {
        for (const r of ofRole.filter(x => x.status === 'added')) hosts.add(r.host);
      }
    }
    return [...hosts];
  };
  const tvsHosts = changedHosts(ROLE.TVS, [itlPair]);
  const callManagerHosts = changedHosts(ROLE.CCM_TFTP, [itlPair, ctlPair]);
  if (tvsHosts.length && callManagerHosts.length) {
    add('CALLMANAGER_AND_TVS_REGENERATED', localizable(M.PF_ERR_CALLMANAGER_AND_TVS, { callManager: listOf(callManagerHosts), tvs: listOf(tvsHosts) }));
  }
  if (itlPair && verifies(phone.itl) && verifies(next.itl) && itlPair.signer.changed && itlPair.records.some(r => r.role === ROLE.TVS && r.status !== 'unchanged')) {
    add('ITL_SIGNER_AND_TVS_CHANGED', localizable(M.PF_ERR_ITL_SIGNER_AND_TVS, { old: label(signerOf(phone.itl!)), new: label(signerOf(next.itl!)) }));
  }
  if (noAnchorLeft(input)) add('NO_ANCHOR_LEFT', localizable(M.PF_ERR_NO_ANCHOR));
  return out;
}

export function preflight(input: PreflightInput): Preflight {
  const { phone, next } = input;
  const given: Record<Slot, TrustList | undefined> = { 'phone-ctl': phone.ctl, 'phone-itl': phone.itl, 'next-ctl': next.ctl, 'next-itl': next.itl };
  const slots = Object.keys(given) as Slot[];
  const devices = input.options?.devices ?? (['security-by-default', 'no-security-by-default'] as DeviceClass[]);
  return {
    inputs: Object.fromEntries(slots.map(s => [s, fileInfo(given[s])])) as Record<Slot, PreflightFile | null>,
    missing: slots.filter(s => !given[s]).map(s => ({ slot: s, ...sentence(localizable(MISSING[s])) })),
    classes: devices.map(d => simulate(d, input)),
    errors: errorsFor(input),
  };
}

/** The class outcomes a CLI exit status and a summary need: true only when every class accepts. */
export const allAccept = (p: Preflight) => p.classes.every(c => c.outcome === 'accepted' || c.outcome === 'accepted-via-tvs');

/** For sentences outside the core (CLI, webview) that need an outcome word. */
export const outcomeWords = (o: StepOutcome): L10nArg => localizable(OUTCOME_WORDS[o]);
