/**
 * The `kho-abi` command: arguments -> a command (generator/commands/) ->
 * exit code. Exit codes: 0 ok, 1 the input is wrong (diagnostics, stale
 * files, unknown names, unreadable files, bad values), 2 kho-abi itself
 * failed (a bug; never a stack trace unless KHO_ABI_DEBUG is set).
 *
 * `run` works in-process: stdin, stdout and stderr are injected (the
 * process's by default), and nothing here calls process.exit.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { escapeText } from '../runtime/quote.js';
import { CliContext } from './cli/context.js';
import { CliError } from './cli/errors.js';
import { makeIo, type CliIo, type CliIoOptions } from './cli/io.js';
import { commandsFor } from './commands/index.js';
import { decodeArgs, type DecodeArgs } from './cli/decode-args.js';
import { JsonInputError } from './json-values.js';

export type { CliIoOptions } from './cli/io.js';

/** A refusal line is cut after this many characters, whatever it quotes. */
const MAX_LINE = 2000;

/** Errors the runtime throws for bad input: typed, located, and a refusal (exit 1), not a bug. */
const RUNTIME_REFUSALS = new Set(['DecodeError', 'EncodeError', 'MemoryError', 'LookupError', 'CompatError', 'ArgumentError']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * `kho-abi --version` (or -V) before any command: the program's own
 * version. Looked for by hand because several commands have a --version
 * option of their own (a schema version), which commander would otherwise
 * take for the program's.
 */
function asksVersion(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--version' || a === '-V') return true;
    if (a === '--root') i++;
    else if (!a.startsWith('--root=')) return false;
  }
  return false;
}

/** One line of stderr: control characters escaped, length bounded, whoever wrote the message. */
function line(message: string): string {
  return `kho-abi: ${escapeText(message, MAX_LINE)}\n`;
}

/** A refusal (exit 1) for an error a command throws on bad input; undefined for anything else (a bug). */
function refusal(e: unknown, io: CliIo): number | undefined {
  if (e instanceof CliError) {
    for (const l of e.lines) io.stderr(line(l));
    return 1;
  }
  if (e instanceof JsonInputError || RUNTIME_REFUSALS.has((e as Error | undefined)?.name ?? '')) {
    io.stderr(line((e as Error).message));
    return 1;
  }
  return undefined;
}

/**
 * A plain decode command line (generator/cli/decode-args.ts), run without
 * loading commander: the program's options as commander would hold them
 * (only --root), and decode's action.
 */
async function plainDecode(args: DecodeArgs, io: CliIo): Promise<number> {
  const { decodeStruct } = await import('./commands/codec.js');
  const options = args.root !== undefined ? { root: args.root } : {};
  const ctx = new CliContext(io, { opts: <T>() => options as T });
  try {
    return await decodeStruct(ctx, args.struct, args.opts);
  } catch (e) {
    const code = refusal(e, io);
    if (code === undefined) throw e;
    return code;
  }
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (asksVersion(argv)) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const plain = decodeArgs(argv);
  if (plain) return plainDecode(plain, io);
  // Loaded here, not at the top, for plainDecode's sake.
  const { Command } = await import('commander');
  const program: Command = new Command('kho-abi')
    .description('YAML schemas for the kernel KHO/LUO ABI: C headers, TypeScript codecs, compatibility checks')
    .option('--root <dir>', 'project folder holding schemas/ and generated/ (default: the nearest folder above the working directory with kho-abi.config.yaml or schemas/kho-abi.schema.json)')
    .addHelpText('after', '\n  -V, --version  (before any command) print the version of kho-abi')
    .exitOverride()
    // commander quotes arguments in its messages: escape them like every other message.
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s.split('\n').map((l) => escapeText(l, MAX_LINE)).join('\n')) });
  const ctx = new CliContext(io, program);
  for (const command of await commandsFor(argv)) command.register(program, ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    const refused = refusal(e, io);
    if (refused !== undefined) return refused;
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.')) {
      // Help asked for (--help, `help`) is 0; anything else is a usage error, 1: an unknown option or
      // command, a missing argument, and no command at all (commander prints the help then, as an error).
      if (ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version') return 0;
      return ce.code === 'commander.help' && ce.exitCode === 0 ? 0 : 1;
    }
    throw e;
  }
  return ctx.exitCode;
}

/** Runs `kho-abi argv...`; returns the exit code. */
export async function run(argv: readonly string[], options: CliIoOptions = {}): Promise<number> {
  const io = makeIo(options);
  try {
    return await main(argv, io);
  } catch (e) {
    const err = e as Error;
    const message = err instanceof Error ? err.message : String(e);
    io.stderr(`kho-abi: internal error: ${escapeText(message, MAX_LINE)}\nThis is a bug in kho-abi, not in your schema; please report it with the command you ran.\n`);
    if (io.env.KHO_ABI_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
