// A signed CTL whose names are hostile: HTML/script markup, a bidi override and a 60 KB name. The UI
// test writes it into the workspace (from dist/test/hostileFixture.js) and checks it renders inert.
import { buildTrustList } from '../../support/builder';
import { makeCert } from '../../support/certs';

/** Each payload would print `TLV-XSS-<where>` if any of it ever ran. */
export const HOSTILE = {
  img: '<img src=x onerror="console.log(\'TLV-XSS-img\')">',
  script: '<script>console.log(\'TLV-XSS-script\')</script>',
  /** U+202E RIGHT-TO-LEFT OVERRIDE: "invoice\u202Egnp.exe" displays as "invoiceexe.png". */
  bidi: 'invoice\u202Egnp.exe',
  /** 60 KB, still within a record's u16 length. */
  long: `${'<b>A</b>'.repeat(7680)}`,
} as const;

export const HOSTILE_FILE_NAME = 'CTLFile-hostile.tlv';

export function hostileTrustList(): Uint8Array {
  const signer = makeCert({
    key: 'rsa1024',
    keyId: 'hostile',
    subject: [['CN', HOSTILE.img], ['OU', HOSTILE.bidi], ['O', HOSTILE.script], ['C', 'PL']],
  });
  const server = makeCert({
    key: 'rsa1024',
    keyId: 'hostile',
    subject: [['CN', 'cucm-pub'], ['OU', HOSTILE.bidi], ['O', HOSTILE.script]],
    issuer: signer,
  });
  return buildTrustList({
    kind: 'CTL',
    signer,
    records: [
      { cert: signer, role: 'SAST', dnsName: HOSTILE.img },
      { cert: server, role: 'CCM+TFTP', dnsName: HOSTILE.script, ip: '10.0.0.1' },
      { cert: server, role: 'TFTP', overrides: { subjectName: HOSTILE.long } },
    ],
  });
}
