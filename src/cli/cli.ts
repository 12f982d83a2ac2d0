// Command-line front end: show, json, verify and diff over the pure decoder.
import { statSync } from 'node:fs';
import { renderShowCtl } from '../core/dump';
import { toJson } from '../core/json';
import { runDiff } from './diffCommand';
import { IoError, load, tlvFiles, verifyLine } from './files';

const USAGE = `usage: tlv-trust <command> …
  show FILE…            CUCM "show ctl" / "show itl" text view
  json FILE             the decoded file as JSON (schema in README.md)
  verify FILE|DIR…      one line per file; folders are searched for *.tlv
  diff [--json] OLD NEW  what changed, and will the phones accept NEW?
exit status: 0 = all good, 1 = a file failed (or NEW is rejected), 2 = usage or I/O error`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  const write = (s: string) => process.stdout.write(s);
  switch (command) {
    case 'show': {
      if (!args.length) throw new UsageError('show needs at least one FILE');
      let ok = true;
      for (const file of args) {
        const { list, bytes } = load(file);
        write(renderShowCtl(list, bytes, { modified: statSync(file).mtime }).text);
        ok &&= list.signature.status === 'verified' && list.complete;
      }
      return ok ? 0 : 1;
    }
    case 'json': {
      if (args.length !== 1) throw new UsageError('json needs exactly one FILE');
      const { list } = load(args[0]);
      write(`${JSON.stringify(toJson(list), null, 2)}\n`);
      return list.signature.status === 'verified' && list.complete ? 0 : 1;
    }
    case 'verify': {
      if (!args.length) throw new UsageError('verify needs at least one FILE or DIR');
      let ok = true;
      let count = 0;
      const out: string[] = [];
      for (const arg of args) {
        for (const file of tlvFiles(arg)) {
          const r = verifyLine(file, load(file, 'signer').list);
          out.push(r.line);
          ok &&= r.ok;
          count++;
          if (out.length >= 256) write(`${out.splice(0).join('\n')}\n`);
        }
      }
      if (count === 0) throw new UsageError(`no .tlv files found in ${args.join(' ')}`);
      if (out.length) write(`${out.join('\n')}\n`);
      return ok ? 0 : 1;
    }
    case 'diff':
      return runDiff(args, load, write);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      write(`${USAGE}\n`);
      return command ? 0 : 2;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // One clear line, never a stack trace: decode itself never throws, so this is I/O or usage.
  const known = e instanceof UsageError || e instanceof IoError;
  process.stderr.write(`tlv-trust: ${(e as Error).message}${known ? '' : ' (internal error)'}\n`);
  if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
