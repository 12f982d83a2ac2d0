// "Which Trust List Does the Phone Hold?…": the pure parts of the VS Code command. What the engineer
// pastes (one or two checksums, in every form a phone or a person writes them), and the quick-pick rows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHashInput, whichItems, type WhichMatch } from '../../src/extension/which/whichModel';
import { comparePreflightSlots } from '../../src/shared/comparePreflight';

const SHA1 = '8c92d1a5e0c4b6f7a8b9c0d1e2f3a4b5c6d7e8f9';
const MD5 = '0123456789abcdef0123456789abcdef';
const colons = (h: string) => h.toUpperCase().replace(/(..)(?=.)/g, '$1:');
const LABELS = { matchedBy: '{0} {1}', current: 'in the workspace now', atHead: 'last committed in {0}', moreCommits: 'also in {0} other commit(s)' };

describe('parseHashInput', () => {
  it('one checksum as pasted, spaces and labels included', () => {
    for (const input of [SHA1, `  ${colons(SHA1)}  `, `CTL Signature ${colons(SHA1)}`, `sha1: ${SHA1}`, SHA1.replace(/(.{4})/g, '$1 ').trim()]) {
      assert.deepEqual(parseHashInput(input), { hashes: [{ algorithm: 'sha1', hex: SHA1 }] }, input);
    }
  });

  it('two checksums separated by a space, a comma, a semicolon or a new line; a repeat counts once', () => {
    const both = { hashes: [{ algorithm: 'sha1', hex: SHA1 }, { algorithm: 'md5', hex: MD5 }] };
    for (const input of [`${SHA1} ${MD5}`, `${colons(SHA1)}, ${colons(MD5)}`, `sha1:${SHA1};md5:${MD5}`, `CTL Signature ${colons(SHA1)}\nITL Signature ${colons(MD5)}\n`, `sha1: ${SHA1} md5: ${MD5}`]) {
      assert.deepEqual(parseHashInput(input), both, input);
    }
    assert.deepEqual(parseHashInput(`${SHA1}\n${SHA1.toUpperCase()}`), { hashes: [{ algorithm: 'sha1', hex: SHA1 }] });
  });

  it('errors name what was expected: empty, too many, a wrong length, a prefix that does not fit', () => {
    assert.deepEqual(parseHashInput(' \n, '), { error: { code: 'empty' } });
    assert.deepEqual(parseHashInput(`${SHA1} ${MD5} ${MD5.replace('0', 'f')}`), { error: { code: 'tooMany', count: 3 } });
    assert.deepEqual(parseHashInput('abc'), { error: { code: 'invalid', part: 'abc', digits: 3 } });
    assert.deepEqual(parseHashInput(`md5:${SHA1}`), { error: { code: 'invalid', part: `md5:${SHA1}`, digits: 40, wanted: 'md5' } });
    assert.deepEqual(parseHashInput(`${SHA1}, nonsense`), { error: { code: 'invalid', part: 'nonsense', digits: 0 } });
    const long = parseHashInput('z'.repeat(200));
    assert.ok('error' in long && long.error.code === 'invalid' && long.error.part.length === 80);
  });
});

describe('whichItems', () => {
  const sha1 = { algorithm: 'sha1' as const, hex: SHA1 };
  const md5 = { algorithm: 'md5' as const, hex: MD5 };
  const commit = (hash: string, date: string, subject: string) => ({ hash, date, subject });
  const matches: WhichMatch[] = [
    { hash: md5, kind: 'ITL', path: 'c1/ITLFile.tlv', uri: 'git:/itl-old', current: false, commits: [commit('aaaaaaa1111', '2026-01-02T00:00:00.000Z', 'itl before')] },
    { hash: sha1, kind: 'CTL', path: 'c1/CTLFile.tlv', uri: 'git:/ctl-older', current: false, commits: [commit('bbbbbbb2222', '2025-06-01T00:00:00.000Z', 'older')] },
    { hash: sha1, kind: 'CTL', path: 'c1/CTLFile.tlv', uri: 'git:/ctl-newer', current: false, commits: [commit('ccccccc3333', '2026-03-01T00:00:00.000Z', 'newer\nbody'), commit('ddddddd4444', '2025-01-01T00:00:00.000Z', 'first')] },
    { hash: sha1, kind: 'CTL', path: 'backup/CTLFile.tlv', uri: 'file:///w/backup/CTLFile.tlv', current: true, commits: [commit('eeeeeee5555', '2026-04-01T00:00:00.000Z', 'backup')] },
  ];

  it('by the checksum as typed, the workspace file first, then committed versions newest first', () => {
    const items = whichItems(matches, [sha1, md5], LABELS);
    assert.deepEqual(items.map(i => i.match.uri), ['file:///w/backup/CTLFile.tlv', 'git:/ctl-newer', 'git:/ctl-older', 'git:/itl-old']);
    assert.deepEqual(items.map(i => i.label), ['CTL backup/CTLFile.tlv', 'CTL c1/CTLFile.tlv @ ccccccc', 'CTL c1/CTLFile.tlv @ bbbbbbb', 'ITL c1/ITLFile.tlv @ aaaaaaa']);
    assert.equal(items[0].description, 'in the workspace now');
    assert.equal(items[0].detail, `last committed in eeeeeee · SHA-1 ${colons(SHA1)}`);
    assert.equal(items[1].description, '2026-03-01 newer', 'the subject line only');
    assert.equal(items[1].detail, `SHA-1 ${colons(SHA1)} · also in 1 other commit(s)`);
    assert.equal(items[3].detail, `MD5 ${colons(MD5)}`);
    assert.deepEqual(whichItems(matches, [md5, sha1], LABELS).map(i => i.match.uri)[0], 'git:/itl-old');
  });

  it('labels stay one plain line whatever a subject holds', () => {
    const [item] = whichItems([{ ...matches[1], commits: [commit('f'.repeat(40), '2026-01-01T00:00:00.000Z', `${'x'.repeat(200)}\n$(alert) second`)] }], [sha1], LABELS);
    assert.equal(item.description.length, '2026-01-01 '.length + 120);
    assert.doesNotMatch(item.description, /\n|second/);
  });
});

describe('the comparison\'s "Check with the ITL too…"', () => {
  it('two CTLs: OLD is the phone CTL, NEW the next CTL; two ITLs likewise; mixed or unknown kinds: no button', () => {
    assert.deepEqual(comparePreflightSlots('CTL', 'CTL'), { kind: 'CTL', phone: 'phone-ctl', next: 'next-ctl' });
    assert.deepEqual(comparePreflightSlots('ITL', 'ITL'), { kind: 'ITL', phone: 'phone-itl', next: 'next-itl' });
    assert.equal(comparePreflightSlots('CTL', 'ITL'), undefined);
    assert.equal(comparePreflightSlots('unknown', 'unknown'), undefined);
  });
});
