// The tlvdump TextMate grammar, run by the engine VS Code uses (vscode-textmate + oniguruma), over
// CUCM's real `show ctl` outputs, our own renderer's text and crafted lines.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { decode } from '../../src/node/decode';
import { renderShowCtl } from '../../src/core/dump';
import { HEADER_TAGS, RECORD_TAGS, ROLES, roleInfo } from '../../src/core/tags';

const ROOT = resolve(__dirname, '../../..');
const SHARED = resolve(ROOT, '../shared');
const GRAMMAR_PATH = join(ROOT, 'syntaxes/tlvdump.tmLanguage.json');

const TAG = 'keyword.other.tag.tlvdump';
const UNKNOWN_TAG = 'keyword.other.tag.unknown.tlvdump';
const TAG_NUMBER = 'constant.numeric.tag.tlvdump';
const LENGTH = 'constant.numeric.length.tlvdump';
const ROLE = 'entity.name.type.role.tlvdump';
const UNKNOWN_ROLE = 'entity.name.type.role.unknown.tlvdump';
const HEX = 'constant.numeric.hex.tlvdump';
const SERIAL = 'constant.other.serial.tlvdump';
const NAME = 'string.unquoted.name.tlvdump';
const HEADING = 'markup.heading.tlvdump';
const SEPARATOR = 'comment.line.separator.tlvdump';
const VERIFIED = 'markup.inserted.verified.tlvdump';
const FAILED = 'invalid.illegal.failed.tlvdump';

interface Token { text: string; scope: string }
interface Line { text: string; tokens: Token[] }

let grammar: IGrammar;

before(async () => {
  await loadWASM(readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (s: string) => new OnigString(s),
    }),
    loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
  });
  const loaded = await registry.loadGrammar('text.tlvdump');
  assert.ok(loaded, 'grammar text.tlvdump loads');
  grammar = loaded;
});

/** Tokenizes a whole document; each token keeps only its innermost scope. Fails on a time-out. */
function tokenize(text: string): Line[] {
  let state = INITIAL;
  return text.split(/\r?\n/).map(line => {
    const r = grammar.tokenizeLine(line, state, 2000);
    assert.equal(r.stoppedEarly, false, `tokenizing stopped early on "${line.slice(0, 80)}"`);
    state = r.ruleStack;
    return {
      text: line,
      tokens: r.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1] })),
    };
  });
}

const line1 = (text: string): Line => tokenize(text)[0];
/** The texts of the tokens of `line` whose innermost scope is `scope`, in order. */
const textsWith = (line: Line, scope: string): string[] => line.tokens.filter(t => t.scope === scope).map(t => t.text);
/** Scoped tokens only, whitespace and unscoped text dropped: what a theme colours. */
const coloured = (line: Line): Token[] => line.tokens.filter(t => t.scope !== 'text.tlvdump');
const scopesIn = (lines: Line[]): Set<string> => new Set(lines.flatMap(l => l.tokens.map(t => t.scope)));

const references = readdirSync(join(SHARED, 'reference'))
  .filter(f => f.endsWith('.txt'))
  .map(f => ({ name: f, text: readFileSync(join(SHARED, 'reference', f), 'utf8') }));

/** Every .tlv we have, rendered by the core as the text view shows it. */
const rendered = ((): Array<{ name: string; text: string }> => {
  const dirs = [join(ROOT, 'test/fixtures'), ...['real', 'peer', 'malformed'].map(d => join(SHARED, 'fixtures', d))];
  return dirs.filter(existsSync).flatMap(dir => readdirSync(dir).filter(f => f.endsWith('.tlv')).map(f => {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const list = decode(bytes, { fileName: f });
    return { name: basename(f), text: renderShowCtl(list, bytes, { modified: new Date(0) }).text };
  }));
})();

/** CUCM's table labels from the core tag tables ("HASH ALGORITHM" has a space; Version/HeaderLength live outside the table). */
const TABLE_LABELS = [...HEADER_TAGS.values(), ...RECORD_TAGS.values()]
  .map(t => t.label)
  .filter(l => l && l !== 'Version' && l !== 'HeaderLength');
const ROW = new RegExp(`^\\s*(\\d+)\\s+(${[...new Set(TABLE_LABELS)].join('|')})(?:\\s+(\\d+))?(?:\\s+(.*?))?\\s*$`);

test('the reference outputs are present', () => {
  assert.ok(references.length >= 10, `found ${references.length} files in ${join(SHARED, 'reference')}`);
});

test('every table row of every reference output gets its tag number, tag name and length coloured', () => {
  let rows = 0;
  let rowLike = 0;
  for (const ref of references) {
    for (const line of tokenize(ref.text)) {
      if (/^\s*\d+\s+[A-Z]{3,}/.test(line.text)) rowLike++;
      const m = ROW.exec(line.text);
      if (!m) continue;
      rows++;
      const where = `${ref.name}: ${line.text}`;
      assert.deepEqual(textsWith(line, TAG_NUMBER), [m[1]], where);
      assert.deepEqual(textsWith(line, TAG), [m[2]], where);
      assert.deepEqual(textsWith(line, LENGTH), m[3] ? [m[3]] : [], where);
    }
  }
  assert.ok(rows > 200, `${rows} rows`);
  assert.equal(rows, rowLike, 'every row of the reference outputs has a known label');
});

test('reference outputs: headings, separators, header labels and the prompt', () => {
  for (const ref of references) {
    for (const line of tokenize(ref.text)) {
      const where = `${ref.name}: ${line.text}`;
      if (/^(?:Parse CTL File|CTL Record #:\d+)$/.test(line.text)) assert.deepEqual(coloured(line), [{ text: line.text, scope: HEADING }], where);
      if (/^(?:-+|BYTEPOS\s+TAG\s+LENGTH\s+VALUE|-+\s+-+\s+-+\s+-+)$/.test(line.text)) assert.deepEqual(coloured(line), [{ text: line.text, scope: SEPARATOR }], where);
      const version = /^Version:\s+(\S+)$/.exec(line.text);
      if (version) assert.deepEqual(coloured(line), [{ text: 'Version:', scope: TAG }, { text: version[1], scope: 'constant.numeric.version.tlvdump' }], where);
      const headerLength = /^HeaderLength:\s+(\d+) \(BYTES\)$/.exec(line.text);
      if (headerLength) {
        assert.deepEqual(coloured(line), [
          { text: 'HeaderLength:', scope: TAG },
          { text: headerLength[1], scope: LENGTH },
          { text: '(BYTES)', scope: 'comment.other.annotation.tlvdump' },
        ], where);
      }
      if (/^admin:\s*show ctl$/.test(line.text)) {
        assert.deepEqual(textsWith(line, 'keyword.other.prompt.tlvdump'), ['admin:'], where);
        assert.deepEqual(textsWith(line, 'entity.name.function.command.tlvdump'), ['show ctl'], where);
      }
    }
  }
});

test('reference outputs: checksums, file length and modification date', () => {
  const seen = { md5: 0, sha1: 0 };
  for (const ref of references) {
    for (const line of tokenize(ref.text)) {
      for (const m of line.text.matchAll(/([0-9a-f]{32}|[0-9a-f]{40})(\((MD5|SHA1)\))/g)) {
        assert.ok(textsWith(line, 'constant.numeric.hex.checksum.tlvdump').includes(m[1]), `${ref.name}: ${line.text}`);
        assert.ok(textsWith(line, 'keyword.other.algorithm.tlvdump').includes(m[2]), `${ref.name}: ${line.text}`);
        seen[m[3] === 'MD5' ? 'md5' : 'sha1']++;
      }
      const length = /Length of CTL file: (\d+)/.exec(line.text);
      if (length) assert.deepEqual(textsWith(line, LENGTH), [length[1]], `${ref.name}: ${line.text}`);
      const modified = /^The CTL File was last modified on (.+)$/.exec(line.text);
      if (modified) assert.deepEqual(textsWith(line, 'constant.other.date.tlvdump'), [modified[1]], `${ref.name}: ${line.text}`);
    }
  }
  assert.ok(seen.md5 >= 9 && seen.sha1 >= 9, JSON.stringify(seen));
});

const NAME_TAGS = new Set(['SIGNERNAME', 'CANAME', 'SUBJECTNAME', 'ISSUERNAME']);

test('reference outputs: names (also wrapped onto a second line), roles and serials', () => {
  let wrapped = 0;
  for (const ref of references) {
    for (const line of tokenize(ref.text)) {
      const where = `${ref.name}: ${line.text}`;
      const m = ROW.exec(line.text);
      if (m && NAME_TAGS.has(m[2]) && m[4]) assert.deepEqual(textsWith(line, NAME), [m[4]], where);
      if (m && m[2] === 'FUNCTION') assert.deepEqual(textsWith(line, ROLE), [m[4]], where);
      if (m && m[2] === 'SERIALNUMBER') assert.deepEqual(textsWith(line, SERIAL), [m[4]], where);
      if (/^ST=Malopolska;C=PL$/.test(line.text)) {
        assert.deepEqual(coloured(line), [{ text: line.text, scope: NAME }], where);
        wrapped++;
      }
    }
  }
  assert.ok(wrapped >= 20, `${wrapped} wrapped name lines`);
});

test('reference outputs: the certificate fingerprint is 20 hex bytes, the header signature as many as its length', () => {
  let fingerprints = 0;
  let signatures = 0;
  for (const ref of references) {
    const lines = tokenize(ref.text);
    lines.forEach((line, i) => {
      const m = ROW.exec(line.text);
      if (!m || (m[2] !== 'CERTIFICATE' && m[2] !== 'SIGNATURE')) return;
      // The value and the lines that continue it, up to the next row or other line.
      const block = [line];
      for (let j = i + 1; j < lines.length && /^[\s0-9a-fA-F]+(?:\(SHA1 Hash HEX\))?$/.test(lines[j].text); j++) block.push(lines[j]);
      const hex = block.flatMap(l => textsWith(l, HEX));
      if (m[2] === 'CERTIFICATE') {
        assert.equal(hex.length, 20, `${ref.name}: ${line.text}`);
        assert.equal(block.flatMap(l => textsWith(l, 'comment.other.annotation.tlvdump')).join(), '(SHA1 Hash HEX)');
        fingerprints++;
      } else if (block.length > 1) {
        assert.equal(hex.length, Number(m[3]), `${ref.name}: ${line.text}`);
        signatures++;
      } else {
        assert.deepEqual(hex, [], `${ref.name}: a record SIGNATURE prints no value`);
      }
    });
  }
  assert.ok(fingerprints >= 20 && signatures === 3, `${fingerprints} fingerprints, ${signatures} signatures`);
});

test('reference outputs: signer lines and verdicts; only the no-CTL output shows a failure', () => {
  for (const ref of references) {
    const lines = tokenize(ref.text);
    for (const line of lines) {
      const where = `${ref.name}: ${line.text}`;
      if (line.text === 'The CTL file was verified successfully.') assert.deepEqual(coloured(line), [{ text: line.text, scope: VERIFIED }], where);
      const used = /This etoken was used to sign the CTL file\.$/.exec(line.text);
      if (used) assert.deepEqual(textsWith(line, 'keyword.control.signer.used.tlvdump'), [used[0]], where);
      if (line.text === 'This etoken was not used to sign the CTL file.') assert.deepEqual(coloured(line), [{ text: line.text, scope: 'comment.line.signer.not-used.tlvdump' }], where);
    }
    const failed = lines.flatMap(l => textsWith(l, FAILED));
    if (ref.name.startsWith('show-ctl-01')) {
      assert.deepEqual(failed, ['CTL File not found.', 'Error parsing the CTL File.']);
    } else {
      assert.deepEqual(failed, [], ref.name);
      assert.ok(scopesIn(lines).has(VERIFIED), `${ref.name} has a verified line`);
    }
  }
});

test('ITL wording is coloured exactly like CTL wording', () => {
  const ctl = references.find(r => r.name.startsWith('show-ctl-05'))!.text;
  const itl = ctl.replace(/show ctl/g, 'show itl').replace(/CTL/g, 'ITL');
  assert.match(itl, /ITL Record #:4/);
  assert.match(itl, /Parse ITL File/);
  const scopes = (text: string) => tokenize(text).map(l => coloured(l).map(t => t.scope).join(' '));
  assert.deepEqual(scopes(itl), scopes(ctl));
});

test('columns separated by one tab, one space, runs of spaces or mixed whitespace are coloured alike', () => {
  const layouts = [
    '3\tSUBJECTNAME\t62\tCN=a b;O=c',
    '3 SUBJECTNAME 62 CN=a b;O=c',
    '3       SUBJECTNAME     62      CN=a b;O=c',
    ' \t3 \t SUBJECTNAME\t \t62  \tCN=a b;O=c',
  ];
  const expected = [
    { text: '3', scope: TAG_NUMBER },
    { text: 'SUBJECTNAME', scope: TAG },
    { text: '62', scope: LENGTH },
    { text: 'CN=a b;O=c', scope: NAME },
  ];
  for (const l of layouts) assert.deepEqual(coloured(line1(l)), expected, JSON.stringify(l));
  for (const l of ['4\tFUNCTION\t2\tCCM+TFTP', '4 FUNCTION 2 CCM+TFTP', '4       FUNCTION        2 CCM+TFTP']) {
    assert.deepEqual(coloured(line1(l)), [{ text: '4', scope: TAG_NUMBER }, { text: 'FUNCTION', scope: TAG }, { text: '2', scope: LENGTH }, { text: 'CCM+TFTP', scope: ROLE }], l);
  }
});

test('unknown tags, unknown roles and the rows CUCM leaves unnamed', () => {
  assert.deepEqual(coloured(line1('99\tTAG_99\t4\t01 02 03 04')), [
    { text: '99', scope: TAG_NUMBER },
    { text: 'TAG_99', scope: UNKNOWN_TAG },
    { text: '4', scope: LENGTH },
    { text: '01 02 03 04', scope: HEX },
  ]);
  assert.deepEqual(textsWith(line1('4\tFUNCTION\t2\tUnknown role 9'), UNKNOWN_ROLE), ['Unknown role 9']);
  assert.deepEqual(textsWith(line1(`4\tFUNCTION\t2\t${roleInfo(9).longName}`), UNKNOWN_ROLE), [roleInfo(9).longName]);
  assert.deepEqual(coloured(line1('28\tSIGNERVERSION\t2\t1.1')).map(t => t.scope), [TAG_NUMBER, TAG, LENGTH, 'constant.numeric.version.tlvdump']);
  assert.deepEqual(coloured(line1('12 HASH ALGORITHM 1 SHA-1')), [
    { text: '12', scope: TAG_NUMBER },
    { text: 'HASH ALGORITHM', scope: TAG },
    { text: '1', scope: LENGTH },
    { text: 'SHA-1', scope: 'constant.language.algorithm.tlvdump' },
  ]);
});

test('failure lines: our verdict, CUCM wording and decoder diagnostics', () => {
  const [notVerified, error, warning, cucm, failed] = tokenize([
    'The ITL file was NOT verified: invalid. The signature does not verify with the key of record #1 (SAST).',
    'ERROR: record #1 at offset 456 (0x1C8) declares 1625 bytes, but only 321 remain',
    'WARNING: record #5: SIGNATURE at offset 7254 (0x1C56) failed to match',
    'Error parsing the ITL File.',
    'Verification of the CTL file failed.',
  ].join('\n'));
  assert.deepEqual(coloured(notVerified), [{ text: notVerified.text, scope: FAILED }]);
  assert.deepEqual(textsWith(error, 'invalid.illegal.error.tlvdump'), ['ERROR:']);
  assert.deepEqual(textsWith(warning, 'invalid.deprecated.warning.tlvdump'), ['WARNING:']);
  assert.deepEqual(textsWith(warning, FAILED), [], 'a diagnostic message is not read as CUCM wording');
  assert.deepEqual(coloured(cucm), [{ text: cucm.text, scope: FAILED }]);
  assert.deepEqual(coloured(failed), [{ text: failed.text, scope: FAILED }]);
  assert.ok(!scopesIn([notVerified, error, warning, cucm, failed]).has(VERIFIED));
});

test('file-derived text cannot pose as a verdict, a signer line or a diagnostic', () => {
  const spoofs = [
    '3\tSUBJECTNAME\t60\tThe CTL file was verified successfully.',
    '5\tISSUERNAME\t60\tCN=x;O=This etoken was used to sign the CTL file.',
    '2\tDNSNAME\t40\tThe CTL file was verified successfully.',
    '14\tFILENAME\t20\tERROR: none',
  ];
  for (const s of spoofs) {
    const scopes = coloured(line1(s)).map(t => t.scope);
    assert.deepEqual(scopes.slice(0, 3), [TAG_NUMBER, TAG, LENGTH], s);
    assert.equal(scopes.length, 4, s);
    assert.match(scopes[3], /^string\.unquoted\./, s);
  }
  // Only a line that starts with the verdict is a verdict.
  assert.deepEqual(textsWith(line1('x The CTL file was verified successfully.'), VERIFIED), []);
});

test('every tag label, header label and role of the format spec is recognised', () => {
  const spec = readFileSync(join(SHARED, 'spec/trust-list-format.md'), 'utf8');
  const table = (heading: string): string[][] => {
    const section = spec.split(/^## /m).find(s => s.startsWith(heading));
    assert.ok(section, `spec section ${heading}`);
    return section.split('\n').filter(l => /^\|\s*\d+\s*\|/.test(l)).map(l => l.split('|').slice(1, -1).map(c => c.trim()));
  };
  const labels = [...table('Header tags'), ...table('Record tags')]
    .map(([tag, label]) => ({ tag, label: label.replace(/`/g, '').replace(/\s*\(sic\)$/, '') }))
    .filter(({ label }) => !label.startsWith('('));
  assert.ok(labels.length >= 25, `${labels.length} labels`);
  for (const { tag, label } of labels) {
    if (label.endsWith(':')) assert.deepEqual(textsWith(line1(`${label} 1`), TAG), [label]);
    else assert.deepEqual(textsWith(line1(`${tag}\t${label}\t1`), TAG), [label], label);
  }
  const roles = table('FUNCTION (role) codes').map(([, name]) => /`([^`]+)`/.exec(name)?.[1] ?? name);
  assert.deepEqual(new Set(roles), new Set([...ROLES.values()].map(r => r.longName)));
  for (const role of roles) assert.deepEqual(textsWith(line1(`4\tFUNCTION\t2\t${role}`), ROLE), [role], role);
});

test('our own renderer\'s text (one TAB between columns): every row, hex row, diagnostic and verdict', () => {
  assert.ok(rendered.length >= 10, `${rendered.length} renderings`);
  const tabRow = /^(\d+)\t([^\t]+)\t(\d+)(?:\t(.*))?$/;
  for (const r of rendered) {
    const lines = tokenize(r.text);
    for (const line of lines) {
      const where = `${r.name}: ${line.text}`;
      const m = tabRow.exec(line.text);
      if (m) {
        assert.deepEqual(textsWith(line, TAG_NUMBER), [m[1]], where);
        assert.deepEqual(textsWith(line, m[2].startsWith('TAG_') ? UNKNOWN_TAG : TAG), [m[2]], where);
        assert.deepEqual(textsWith(line, LENGTH), [m[3]], where);
      } else if (/^\t[0-9a-f ]+$/.test(line.text)) {
        assert.deepEqual(textsWith(line, HEX), line.text.trim().split(' '), where);
      } else if (/^(ERROR|WARNING|NOTE):/.test(line.text)) {
        assert.equal(coloured(line).length, 2, where);
      }
    }
    const verdict = lines.filter(l => l.text).at(-1)!;
    const scope = verdict.text.includes('NOT verified') ? FAILED : VERIFIED;
    assert.deepEqual(coloured(verdict), [{ text: verdict.text, scope }], r.name);
  }
});

test('hostile long lines are tokenized in time', () => {
  const lines = [
    'A'.repeat(100_000),
    `9\tCERTIFICATE\t1\t${'A5 '.repeat(30_000)}`,
    `3\tSUBJECTNAME\t1\t${'=;'.repeat(50_000)}`,
    `12\tSIGNATURE\t1\n${'\t1 2 3 4 5 6 7 8\n'.repeat(5_000)}`,
    `${'1 '.repeat(50_000)}failed`,
    `ERROR: ${'x.'.repeat(50_000)}`,
  ];
  for (const l of lines) tokenize(l);
});

test('package.json registers the language, its grammar and configuration', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'tlvdump');
  const gram = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'tlvdump');
  assert.ok(lang && gram);
  assert.equal(gram.scopeName, JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')).scopeName);
  assert.equal(resolve(ROOT, gram.path), GRAMMAR_PATH);
  assert.ok(existsSync(resolve(ROOT, lang.configuration)));
  assert.deepEqual(lang.aliases, ['CUCM Trust List (show ctl)', 'tlvdump']);
  for (const p of ['*show-ctl*.txt', '*show-itl*.txt', '*.ctl.txt', '*.itl.txt']) assert.ok(lang.filenamePatterns.includes(p), p);

  const firstLine = new RegExp(lang.firstLine);
  for (const ref of references.filter(r => r.name.startsWith('show-ctl-0'))) assert.match(ref.text.split('\n')[0], firstLine, ref.name);
  for (const l of ['admin: show itl', 'The checksum value of the ITL file:', rendered[0].text.split('\n')[0]]) assert.match(l, firstLine);
  for (const l of ['admin:show version', 'hello world', '']) assert.doesNotMatch(l, firstLine);
});

test('every scope of the grammar carries the .tlvdump suffix', () => {
  const names = [...readFileSync(GRAMMAR_PATH, 'utf8').matchAll(/"(?:name|contentName)": "([^"]+)"/g)].map(m => m[1]);
  assert.ok(names.length > 30);
  for (const n of names) assert.ok(n.endsWith('.tlvdump') || n === 'CUCM Trust List (show ctl)', n);
});

test('folding markers: each record block and the header table closes before the next one opens', () => {
  const { folding } = JSON.parse(readFileSync(join(ROOT, 'syntaxes/language-configuration.json'), 'utf8'));
  const start = new RegExp(folding.markers.start);
  const end = new RegExp(folding.markers.end);
  // VS Code pairs a start line with the nearest end line below it and lets a start line never end
  // a block, so every block needs its own end marker before the next start.
  const cucmLayout = [
    ...references,
    ...rendered.filter(r => /^(CTLFile|CTLFile-cucm-tokenless-2015)\.tlv$/.test(r.name)),
  ];
  let blocks = 0;
  for (const doc of cucmLayout) {
    const markers = doc.text.split('\n').flatMap(l => (start.test(l) ? ['start'] : end.test(l) ? ['end'] : []));
    markers.forEach((m, i) => {
      if (m !== 'start') return;
      blocks++;
      assert.equal(markers[i + 1], 'end', `${doc.name}: block ${i} closes`);
    });
  }
  assert.ok(blocks >= 40, `${blocks} blocks`);
});
