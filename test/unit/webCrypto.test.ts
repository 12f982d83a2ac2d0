// The WebCrypto port (the web extension host's) against Node's native port, run here under Node's
// own globalThis.crypto.subtle: the same verdicts, checksums and fingerprints for every fixture,
// every bit-flipped variant of a signed file and the hostile signers; and a web bundle with no
// Node built-in in it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, join } from 'node:path';
import { decode } from '../../src/node/decode';
import { decodeTrustList } from '../../src/core/decode';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { webCrypto, derToRaw } from '../../src/web/webCrypto';
import type { HashName, PublicKeyDer, SignatureScheme } from '../../src/core/crypto';
import type { TrustList } from '../../src/core/model';
import { sharedFixtures } from '../support/certutils';
import { opensslCert, signedByForeignKey } from '../support/hostile';
import { buildTrustList } from '../support/builder';
import { makeCert } from '../support/certs';

const fixtures = [
  ...sharedFixtures().map(f => ({ name: f.name, path: f.path })),
  ...readdirSync('test/fixtures').filter(f => f.endsWith('.tlv')).sort().map(f => ({ name: `test/${f}`, path: join('test/fixtures', f) })),
];

/** What the two ports must agree on, with the whole decoded list compared besides. */
const facts = (l: TrustList) => ({
  status: l.signature.status,
  checksums: l.checksums,
  fingerprints: l.records.map(r => [r.certificate?.sha1, r.certificate?.sha256]),
});

async function sameUnderBothPorts(bytes: Uint8Array, fileName: string, what: string): Promise<TrustList> {
  const native = decode(bytes, { fileName });
  const web = await decodeTrustList(bytes, { fileName }, webCrypto);
  assert.deepEqual(facts(web), facts(native), what);
  assert.deepEqual(web, native, what);
  return native;
}

describe('the WebCrypto port decides as the native port does', () => {
  it(`every fixture (${fixtures.length}): the same status, checksums, fingerprints and whole list`, async () => {
    assert.ok(fixtures.length >= 10, 'the shared fixtures are missing');
    const statuses = new Set<string>();
    for (const f of fixtures) {
      const bytes = new Uint8Array(readFileSync(f.path));
      statuses.add((await sameUnderBothPorts(bytes, basename(f.path), f.name)).signature.status);
    }
    // The fixtures must exercise the verdicts that matter, or this test proves little.
    for (const s of ['verified', 'invalid']) assert.ok(statuses.has(s), `no fixture is ${s}`);
  });

  it('the asynchronous path with the native port is the synchronous one', async () => {
    for (const f of fixtures.slice(0, 6)) {
      const bytes = new Uint8Array(readFileSync(f.path));
      assert.deepEqual(await decodeTrustList(bytes, { fileName: basename(f.path) }, nodeCrypto), decode(bytes, { fileName: basename(f.path) }), f.name);
    }
  });

  for (const name of ['real/CTLFile-cucm-tokenless-2015.tlv', 'peer/ITLFile-sha512-ec.tlv']) {
    const fixture = fixtures.find(f => f.name === name);
    it(`every 13th byte of ${name} flipped: the same verdict under both ports, never verified`, { skip: !fixture && 'fixture missing' }, async () => {
      const bytes = new Uint8Array(readFileSync(fixture!.path));
      assert.equal((await sameUnderBothPorts(bytes, 'CTLFile.tlv', name)).signature.status, 'verified');
      for (let i = 0; i < bytes.length; i += 13) {
        const copy = Uint8Array.from(bytes);
        copy[i] ^= 1 << (i % 8);
        const list = await sameUnderBothPorts(copy, 'CTLFile.tlv', `${name}, byte ${i} flipped`);
        assert.notEqual(list.signature.status, 'verified', `byte ${i} flipped`);
      }
    });
  }

  for (const algorithm of ['rsa-pss', 'dsa', 'ed25519'] as const) {
    it(`a ${algorithm} signer with a genuine ${algorithm} signature is unsupported under both ports`, async () => {
      const bytes = signedByForeignKey(opensslCert(algorithm, `web-${algorithm}`));
      const list = await sameUnderBothPorts(bytes, 'CTLFile.tlv', algorithm);
      assert.equal(list.signature.status, 'unsupported');
    });
  }

  it('an EC P-256 signer with SHA-512 verifies under both, and a changed byte does not', async () => {
    const ecSigner = makeCert({ subject: [['CN', 'web-ec']], key: 'ec-p256', keyId: 'web-ec' });
    const bytes = buildTrustList({ kind: 'ITL', signer: ecSigner, digest: 'sha512', records: [{ cert: ecSigner, role: 'SAST' }] });
    assert.equal((await sameUnderBothPorts(bytes, 'ITLFile.tlv', 'EC')).signature.status, 'verified');
    bytes[bytes.length - 2] ^= 1;
    assert.equal((await sameUnderBothPorts(bytes, 'ITLFile.tlv', 'EC changed')).signature.status, 'invalid');
  });
});

describe('the WebCrypto port, asked directly', () => {
  const data = new TextEncoder().encode('signed bytes of a trust list');
  const spki = (k: KeyObject) => new Uint8Array(k.export({ type: 'spki', format: 'der' }));
  const both = async (hash: HashName, key: PublicKeyDer, signature: Uint8Array) => {
    const web = await webCrypto.verify(hash, key, [data.subarray(0, 5), data.subarray(5)], signature);
    const native = nodeCrypto.verify(hash, key, [data], signature);
    assert.equal(web, native, `web ${web}, native ${native}`);
    return web;
  };
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rsaKey = { der: spki(rsa.publicKey), scheme: 'RSA-PKCS1-v1_5' as SignatureScheme };

  it('RSASSA-PKCS1-v1_5 with SHA-1, SHA-256 and SHA-512; a changed bit, PSS padding or another hash does not verify', async () => {
    for (const hash of ['sha1', 'sha256', 'sha512'] as const) {
      const sig = new Uint8Array(sign(hash, data, rsa.privateKey));
      assert.equal(await both(hash, rsaKey, sig), true, hash);
      assert.equal(await both(hash === 'sha1' ? 'sha256' : 'sha1', rsaKey, sig), false);
      const flipped = Uint8Array.from(sig);
      flipped[100] ^= 4;
      assert.equal(await both(hash, rsaKey, flipped), false);
      const pss = new Uint8Array(sign(hash, data, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING }));
      assert.equal(await both(hash, rsaKey, pss), false, `${hash} PSS`);
      assert.equal(await both(hash, { ...rsaKey, scheme: 'ECDSA' }, sig), false, 'an RSA key used as ECDSA');
    }
  });

  it('an RSA key relabelled RSA-PSS (id-RSASSA-PSS), a DSA or an Ed25519 key never verifies as PKCS#1 v1.5 or ECDSA', async () => {
    const sig = new Uint8Array(sign('sha256', data, rsa.privateKey));
    const relabelled = Uint8Array.from(rsaKey.der);
    const oid = Buffer.from(relabelled).indexOf(Buffer.from('2a864886f70d010101', 'hex'));
    relabelled[oid + 8] = 0x0a;
    assert.equal(await both('sha256', { der: relabelled, scheme: 'RSA-PKCS1-v1_5' }, sig), false);
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const pssSig = new Uint8Array(sign('sha256', data, { key: pss.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING }));
    assert.equal(await both('sha256', { der: spki(pss.publicKey), scheme: 'RSA-PKCS1-v1_5' }, pssSig), false);
    const ed = generateKeyPairSync('ed25519');
    const edSig = new Uint8Array(sign(null, data, ed.privateKey));
    for (const scheme of ['RSA-PKCS1-v1_5', 'ECDSA'] as const) assert.equal(await both('sha256', { der: spki(ed.publicKey), scheme }, edSig), false);
    const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
    const dsaSig = new Uint8Array(sign('sha256', data, dsa.privateKey));
    for (const scheme of ['RSA-PKCS1-v1_5', 'ECDSA'] as const) assert.equal(await both('sha256', { der: spki(dsa.publicKey), scheme }, dsaSig), false);
  });

  for (const [namedCurve, size] of [['P-256', 32], ['P-384', 48], ['P-521', 66]] as const) {
    it(`ECDSA ${namedCurve}: DER and fixed r||s verify; a changed bit, non-canonical DER or an RSA scheme does not`, async () => {
      const ec = generateKeyPairSync('ec', { namedCurve });
      const key = { der: spki(ec.publicKey), scheme: 'ECDSA' as SignatureScheme };
      for (const hash of ['sha1', 'sha256', 'sha512'] as const) {
        const der = new Uint8Array(sign(hash, data, { key: ec.privateKey, dsaEncoding: 'der' }));
        const raw = new Uint8Array(sign(hash, data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
        assert.equal(raw.length, 2 * size);
        assert.equal(await both(hash, key, der), true, `${hash} DER`);
        assert.equal(await both(hash, key, raw), true, `${hash} r||s`);
        const flipped = Uint8Array.from(raw);
        flipped[size + 3] ^= 1;
        assert.equal(await both(hash, key, flipped), false);
        assert.equal(await both(hash, { ...key, scheme: 'RSA-PKCS1-v1_5' }, der), false);
        // Trailing garbage, a padded r, and r||s one byte short.
        assert.equal(await both(hash, key, Uint8Array.from([...der, 0])), false, 'trailing byte');
        assert.equal(await both(hash, key, raw.subarray(1)), false, 'short r||s');
      }
      // One signature, converted by hand: derToRaw gives exactly r||s.
      const der = new Uint8Array(sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'der' }));
      const raw = derToRaw(der, size)!;
      assert.equal(await both('sha256', key, raw), true);
      // A non-minimal INTEGER (an extra leading zero before r): OpenSSL rejects it, and so must we.
      const r = raw.subarray(0, size);
      const s = raw.subarray(size);
      const int = (v: Uint8Array, pad: boolean) => {
        let i = 0;
        while (i < v.length - 1 && v[i] === 0) i++;
        const body = [...(v[i]! & 0x80 ? [0] : []), ...v.subarray(i)];
        if (pad) body.unshift(0);
        return [0x02, body.length, ...body];
      };
      const seq = (content: number[]) => Uint8Array.from(content.length < 0x80 ? [0x30, content.length, ...content] : [0x30, 0x81, content.length, ...content]);
      assert.equal(await both('sha256', key, seq([...int(r, false), ...int(s, false)])), true, 'hand-made DER');
      assert.equal(derToRaw(seq([...int(r, true), ...int(s, false)]), size), undefined, 'padded r');
      assert.equal(await both('sha256', key, seq([...int(r, true), ...int(s, false)])), false, 'padded r');
    });
  }

  it('hashes: MD5, SHA-1, SHA-256 and SHA-512 of split parts match Node', () => {
    const big = new Uint8Array(70_000).map((_, i) => (i * 7 + (i >> 8)) & 0xff);
    for (const hash of ['md5', 'sha1', 'sha256', 'sha512'] as const) {
      for (const parts of [[], [new Uint8Array(0)], [big.subarray(0, 3), big.subarray(3, 64), big.subarray(64)], [big.subarray(0, 55)], [big.subarray(0, 56)]]) {
        assert.equal(webCrypto.digest(hash, parts), nodeCrypto.digest(hash, parts), `${hash} of ${parts.map(p => p.length)}`);
      }
    }
  });
});

describe('the web bundle', () => {
  const metafile = 'dist/web/extension.meta.json';
  it('imports no Node built-in and none of the Node-only modules (src/node, src/cli)', { skip: !existsSync(metafile) && 'not built' }, () => {
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
      inputs: Record<string, { imports: Array<{ path: string }> }>;
      outputs: Record<string, { imports: Array<{ path: string }>; entryPoint?: string }>;
    };
    const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
    const isBuiltin = (p: string) => p.startsWith('node:') || builtins.has(p) || builtins.has(p.split('/')[0]!);
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.includes('src/web/webCrypto.ts') && inputs.includes('src/extension/activate.ts'), 'not the web entry');
    assert.deepEqual(inputs.filter(p => isBuiltin(p) || /^src\/(node|cli)\/|tftpFileSystem/.test(p)), []);
    const imported = [...Object.values(meta.inputs), ...Object.values(meta.outputs)].flatMap(i => i.imports.map(x => x.path));
    assert.deepEqual([...new Set(imported.filter(isBuiltin))], []);
    assert.deepEqual([...new Set(Object.values(meta.outputs).flatMap(o => o.imports.map(x => x.path)))].filter(p => p !== 'vscode'), []);
  });
});
