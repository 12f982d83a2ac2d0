// The prompts of "Open from TFTP Server…" without VS Code: host field, MAC field, the URI they lead to and the
// recent-servers list. The URI must read back through the same parser the file system provider uses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatHostInput, isServerScheme, macInput, parseHostInput, recentServers, rememberServer, serverUriString } from '../../src/extension/tftpFileSystem/serverLocation';
import { LocationError, parseLocation } from '../../src/node/source';

describe('host field', () => {
  const cases: [string, ReturnType<typeof parseHostInput>][] = [
    ['cucm-pub', { host: 'cucm-pub' }],
    ['  cucm-pub.example.com  ', { host: 'cucm-pub.example.com' }],
    ['10.1.1.10', { host: '10.1.1.10' }],
    ['10.1.1.10:1069', { host: '10.1.1.10', port: 1069 }],
    ['[2001:db8::10]', { host: '2001:db8::10' }],
    ['[2001:db8::10]:69', { host: '2001:db8::10', port: 69 }],
    ['2001:db8::10', { host: '2001:db8::10' }],
    ['', 'empty'],
    ['   ', 'empty'],
    ['cucm pub', 'invalid-host'],
    ['cucm_pub', 'invalid-host'],
    ['-cucm', 'invalid-host'],
    ['cucm.', 'invalid-host'],
    ['a..b', 'invalid-host'],
    ['tftp://10.1.1.10/', 'invalid-host'],
    ['10.1.1.10/CTLFile.tlv', 'invalid-host'],
    ['[cucm]', 'invalid-host'],
    ['host\u202Eevil', 'invalid-host'],
    ['10.1.1.10:0', 'invalid-port'],
    ['10.1.1.10:65536', 'invalid-port'],
    ['10.1.1.10:', 'invalid-port'],
    ['10.1.1.10:123456', 'invalid-port'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseHostInput(text), expected));
  }

  it('formats back to what parses to the same host', () => {
    for (const text of ['cucm-pub', '10.1.1.10:1069', '[2001:db8::10]:69', '2001:db8::10']) {
      const h = parseHostInput(text);
      assert.equal(typeof h, 'object');
      if (typeof h === 'object') assert.deepEqual(parseHostInput(formatHostInput(h)), h);
    }
    assert.equal(formatHostInput({ host: '2001:db8::10', port: 69 }), '[2001:db8::10]:69');
    assert.equal(formatHostInput({ host: '2001:db8::10' }), '2001:db8::10');
  });
});

describe('MAC field', () => {
  for (const text of ['001122aabbcc', '00:11:22:aa:bb:cc', '00-11-22-AA-BB-CC', '0011.22aa.bbcc', 'SEP001122AABBCC', ' 00:11:22:AA:BB:CC ']) {
    it(`${JSON.stringify(text)} names the phone's files with the MAC upper-cased`, () => {
      assert.deepEqual(macInput(text, 'ITL'), { name: 'ITLSEP001122AABBCC.tlv' });
      assert.deepEqual(macInput(text, 'CTL'), { name: 'CTLSEP001122AABBCC.tlv' });
    });
  }
  for (const text of ['00112233445', '0011223344556', '00:11:22:aa:bb', '00:11-22:aa:bb:cc', 'g01122aabbcc', '0011.22aa.bbc', '../ITLFile', 'ITLSEP001122AABBCC.tlv']) {
    it(`${JSON.stringify(text)} is not a MAC address`, () => assert.deepEqual(macInput(text, 'ITL'), { error: 'invalid' }));
  }
  it('an empty field asks for a MAC address', () => {
    assert.deepEqual(macInput('', 'ITL'), { error: 'empty' });
    assert.deepEqual(macInput('  ', 'CTL'), { error: 'empty' });
  });
});

describe('server URI', () => {
  it('writes the default port out and reads back through the provider\'s parser', () => {
    const cases: [Parameters<typeof serverUriString>, string][] = [
      [['tftp', { host: 'cucm-pub' }, 'CTLFile.tlv'], 'cucm-tftp://cucm-pub:69/CTLFile.tlv'],
      [['http', { host: 'cucm-pub' }, 'ITLFile.tlv'], 'cucm-http://cucm-pub:6970/ITLFile.tlv'],
      [['tftp', { host: '127.0.0.1', port: 10069 }, 'ITLSEP001122AABBCC.tlv'], 'cucm-tftp://127.0.0.1:10069/ITLSEP001122AABBCC.tlv'],
      [['http', { host: '2001:db8::10', port: 8080 }, 'CTLFile.tlv'], 'cucm-http://[2001:db8::10]:8080/CTLFile.tlv'],
    ];
    for (const [args, expected] of cases) {
      const uri = serverUriString(...args);
      assert.equal(uri, expected);
      const l = parseLocation(uri);
      assert.deepEqual(l, { protocol: args[0], host: args[1].host, port: args[1].port ?? (args[0] === 'tftp' ? 69 : 6970), name: args[2] });
    }
  });

  it('refuses unsafe names', () => {
    for (const name of ['../etc/passwd', '.hidden', 'a/b.tlv', '', 'x'.repeat(129)]) {
      assert.throws(() => serverUriString('tftp', { host: 'cucm-pub' }, name), LocationError, name);
    }
  });

  it('knows its schemes', () => {
    assert.equal(isServerScheme('cucm-tftp'), true);
    assert.equal(isServerScheme('cucm-http'), true);
    for (const s of ['tftp', 'http', 'file', 'CUCM-TFTP', '']) assert.equal(isServerScheme(s), false, s);
  });
});

describe('recent servers', () => {
  it('puts the latest first, without duplicates of host and protocol, at most ten', () => {
    let list = rememberServer(undefined, { host: 'a', protocol: 'tftp' });
    list = rememberServer(list, { host: 'b', protocol: 'tftp' });
    list = rememberServer(list, { host: 'a', protocol: 'http' });
    list = rememberServer(list, { host: 'A', protocol: 'tftp' });
    assert.deepEqual(list, [{ host: 'A', protocol: 'tftp' }, { host: 'a', protocol: 'http' }, { host: 'b', protocol: 'tftp' }]);
    for (let i = 0; i < 20; i++) list = rememberServer(list, { host: `h${i}`, protocol: 'tftp' });
    assert.equal(list.length, 10);
    assert.equal(list[0]!.host, 'h19');
  });

  it('drops stored entries that are not well-formed', () => {
    const stored: unknown[] = [{ host: 'ok', protocol: 'http' }, { host: 'bad host', protocol: 'tftp' }, { host: 'x', protocol: 'ftp' }, null, 'cucm', { host: 7, protocol: 'tftp' }];
    assert.deepEqual(recentServers(stored), [{ host: 'ok', protocol: 'http' }]);
    assert.deepEqual(recentServers('nope' as unknown as unknown[]), []);
  });
});
