// node-forge's digest modules, imported one by one so the web bundle carries only forge's core,
// util and these four (not forge's PKI, TLS or ciphers).
declare module 'node-forge/lib/md5' {
  import type { md } from 'node-forge';
  const algorithm: { create(): md.MessageDigest };
  export = algorithm;
}
declare module 'node-forge/lib/sha1' {
  import type { md } from 'node-forge';
  const algorithm: { create(): md.MessageDigest };
  export = algorithm;
}
declare module 'node-forge/lib/sha256' {
  import type { md } from 'node-forge';
  const algorithm: { create(): md.MessageDigest };
  export = algorithm;
}
declare module 'node-forge/lib/sha512' {
  import type { md } from 'node-forge';
  const algorithm: { create(): md.MessageDigest };
  export = algorithm;
}
