// Command-line front end: show, json, verify, diff and preflight over the pure decoder. Arguments are parsed
// strictly (an unknown option is a usage error naming it); every line of file text is escaped.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { renderShowCtl } from '../core/dump';
import { toJson } from '../core/json';
import { runDiff } from './diffCommand';
import { IoError, load, reportErrors } from './files';
import { UsageError } from './usage';
import { FETCH_USAGE, FetchUsageError, runFetch } from './fetchCommand';
import { prepare as prepareGit, WHICH } from './whichCommand';
import { PREFLIGHT_OPTIONS, PREFLIGHT_USAGE, runPreflight } from './preflightCommand';
import { REPORT_USAGE, runReport } from './reportCommand';
import { runVerify, VERIFY_USAGE } from './verifyCommand';
import { JOBS_OPTION, parseJobs } from './jobs';
import { terminateAllPools } from '../node/workerPool';

declare const __VERSION__: string;

type Options = NonNullable<ParseArgsConfig['options']>;
interface Command {
  usage: string;
  /** Positional arguments: at least min, at most max. */
  min: number;
  max: number;
  options?: Options;
  /** Rewrites the arguments before parsing (an option whose value is optional). */
  prepare?(args: string[]): string[];
  run(files: string[], values: Record<string, unknown>, write: (s: string) => void): Promise<number>;
}

const ok = (list: { complete: boolean; signature: { status: string } }) => list.complete && list.signature.status === 'verified';

const COMMANDS: Record<string, Command> = {
  show: {
    usage: 'show FILE…            CUCM "show ctl" / "show itl" text view',
    min: 1, max: Infinity,
    async run(files, _values, write) {
      let all = true;
      for (const file of files) {
        const { list, bytes, modified } = await load(file);
        reportErrors(file, list);
        write(renderShowCtl(list, bytes, { modified }).text);
        all &&= ok(list);
      }
      return all ? 0 : 1;
    },
  },
  json: {
    usage: 'json FILE             the decoded file as JSON (schema in README.md)',
    min: 1, max: 1,
    async run([file], _values, write) {
      const { list } = await load(file);
      reportErrors(file, list);
      write(`${JSON.stringify(toJson(list), null, 2)}\n`);
      return ok(list) ? 0 : 1;
    },
  },
  verify: {
    usage: VERIFY_USAGE,
    min: 1, max: Infinity,
    options: JOBS_OPTION,
    run: (paths, values, write) => runVerify(paths, { jobs: parseJobs(values.jobs, 'verify') }, write),
  },
  diff: {
    usage: 'diff [--json] OLD NEW  what changed, and will the phones accept NEW?',
    min: 2, max: 2,
    options: { json: { type: 'boolean' } },
    run: ([oldFile, newFile], values, write) => runDiff(oldFile, newFile, values.json === true, write),
  },
  which: WHICH as Command,
  preflight: {
    usage: PREFLIGHT_USAGE,
    min: 0, max: 0,
    options: PREFLIGHT_OPTIONS,
    prepare: prepareGit,
    run: (_files, values, write) => runPreflight(values, write),
  },
  report: {
    usage: REPORT_USAGE,
    min: 1, max: Infinity,
    options: { json: { type: 'boolean' }, csv: { type: 'boolean' }, html: { type: 'string' }, ...JOBS_OPTION },
    run: (paths, values, write) => runReport(paths, { json: values.json === true, csv: values.csv === true, html: values.html as string | undefined, jobs: parseJobs(values.jobs, 'report') }, write),
  },
};
const FETCH = 'fetch HOST NAME…       download from a CUCM TFTP server (see fetch --help)';

const USAGE = `usage: tlv-trust <command> [options] …
${[...Object.values(COMMANDS).map(c => c.usage), FETCH].map(u => `  ${u}`).join('\n')}
  FILE may also be tftp://HOST/NAME or http://HOST:6970/NAME
  tlv-trust --version | --help | COMMAND --help
exit status: 0 = all good, 1 = a file failed (or NEW is not accepted, or a device class rejects or cannot be judged), 2 = usage or I/O error`;

const commandUsage = (name: string) => (name === 'fetch' ? FETCH_USAGE : `usage: tlv-trust ${COMMANDS[name].usage}`);

async function main(argv: string[], write: (s: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') return write(`${__VERSION__}\n`), 0;
  if (name === '--help' || name === '-h' || name === 'help') return write(`${USAGE}\n`), 0;
  if (name === undefined) throw new UsageError('no command given');
  if (name === 'fetch') {
    if (rest.includes('--help') || rest.includes('-h')) return write(`${FETCH_USAGE}\n`), 0;
    try {
      return await runFetch(rest, write);
    } catch (e) {
      if (e instanceof FetchUsageError) throw new UsageError(e.message, name);
      throw e;
    }
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  let parsed;
  try {
    parsed = parseArgs({ args: command.prepare ? command.prepare(rest) : rest, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' }, ...command.options } });
  } catch (e) {
    // Node's own message runs on; name the option and the way out.
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `unknown option ${option} (put -- before a file name that starts with -)` : (e as Error).message.split('\n')[0], name);
  }
  if (parsed.values.help) return write(`${commandUsage(name)}\n`), 0;
  const files = parsed.positionals;
  if (command.max === 0 && files.length) throw new UsageError(`${name} takes its files through options, not as ${files.join(' ')}`, name);
  if (files.length < command.min || files.length > command.max) {
    const expected = command.min === command.max ? `${command.min}` : command.max === Infinity ? `at least ${command.min}` : `${command.min} to ${command.max}`;
    throw new UsageError(`${name} expects ${expected} file${expected === '1' ? '' : 's'}, got ${files.length}`, name);
  }
  return command.run(files, parsed.values, write);
}

// A closed stdout (`| head`) ends the run quietly: what was wanted has been read.
process.stdout.on('error', e => {
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
    terminateAllPools();
    process.exit(process.exitCode ?? 0);
  }
  throw e;
});

// Ctrl+C in the folder commands: stop the workers and leave with the shell's status for SIGINT. Their
// output is written a whole line at a time (synchronously, to a file, pipe or terminal), so the last line
// printed is complete, and their loops yield between files so the handler runs. Other commands keep
// Node's default (the process ends at once).
if (process.argv[2] === 'verify' || process.argv[2] === 'report') {
  process.once('SIGINT', () => {
    terminateAllPools();
    process.exit(130);
  });
}

main(process.argv.slice(2), s => process.stdout.write(s)).then(code => {
  process.exitCode = code;
}, e => {
  // One clear line, never a stack trace: decode itself never throws, so this is I/O or usage.
  const known = e instanceof UsageError || e instanceof IoError;
  process.stderr.write(`tlv-trust: ${(e as Error).message}${known ? '' : ' (internal error)'}\n`);
  if (e instanceof UsageError) process.stderr.write(`${e.command ? commandUsage(e.command) : USAGE}\n`);
  process.exitCode = 2;
});
