/**
 * generator/cli/decode-args.ts reads a plain decode command line without
 * commander. Every command line it takes, commander (with decode's real
 * options registered) must read the same way: the same struct, options and
 * --root; what it leaves to commander is checked by the usage tests
 * (cli-usage.test.ts). Command lines are drawn from the tokens a user
 * types, so that repeated, misplaced and option-like arguments are tried.
 */
import fc from 'fast-check';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { decodeArgs } from '../generator/cli/decode-args.js';
import { CliContext } from '../generator/cli/context.js';
import { makeIo } from '../generator/cli/io.js';
import { decode } from '../generator/commands/codec.js';
import { cli } from './helpers/cli-in-process.js';

/** What a run shows: exit code, stdout, stderr (not its time). */
const shown = async (argv: string[]) => {
  const r = await cli(argv);
  return { code: r.code, out: r.out, err: r.err };
};

/** How commander reads argv, as generator/cli.ts sets it up (the program's --root, decode's options); undefined when it refuses. */
function commanderReads(argv: readonly string[]): { root?: string; struct: string; opts: Record<string, unknown> } | undefined {
  const io = makeIo({ stdout: () => {}, stderr: () => {} });
  const program = new Command('kho-abi')
    .option('--root <dir>', 'project folder')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  decode.register(program, new CliContext(io, program));
  let read: { root?: string; struct: string; opts: Record<string, unknown> } | undefined;
  program.commands[0]!.action((struct: string, opts: Record<string, unknown>) => {
    const root = program.opts<{ root?: string }>().root;
    read = { ...(root !== undefined ? { root } : {}), struct, opts: { ...opts } };
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch {
    return undefined;
  }
  return read;
}

const FOLIO_HEX = '05000000000010000700000000000000';

describe('a plain decode command line, read without commander', () => {
  it('takes the plain shapes, as commander reads them', () => {
    const plain = [
      ['decode', 'memfd_luo_folio_ser', '--hex', FOLIO_HEX],
      ['decode', '--hex', FOLIO_HEX, 'memfd_luo_folio_ser'],
      ['--root', 'some/dir', 'decode', 'memfd_luo_folio_ser', '--strict', '--hex', '--page-size', '65536'],
      ['decode', 'memfd_luo_ser', '--version', 'memfd-v1', '--hex', ''],
      ['decode', 'memfd_luo_ser'],
    ];
    for (const argv of plain) {
      const mine = decodeArgs(argv);
      expect(mine, argv.join(' ')).toBeDefined();
      expect(commanderReads(argv)).toEqual(mine);
    }
  });

  it('leaves everything else to commander', () => {
    const others = [
      ['decode'],
      ['decode', '--help'],
      ['decode', 'a', 'b'],
      ['decode', 'a', '--hex', '00', '--hex', '01'],
      ['decode', 'a', '--hex=00'],
      ['decode', 'a', '--page-size', '4K'],
      ['decode', 'a', '--page-size', '8192'],
      ['decode', 'a', '--version', '--strict'],
      ['decode', '--', 'a'],
      ['decode', 'a', '--root', 'x'],
      ['--root', '--x', 'decode', 'a'],
      ['--root=x', 'decode', 'a'],
      ['encode', 'a'],
      ['help', 'decode'],
    ];
    for (const argv of others) expect(decodeArgs(argv), argv.join(' ')).toBeUndefined();
  });

  it('agrees with commander on command lines drawn from decode tokens', () => {
    const token = fc.constantFrom('--hex', FOLIO_HEX, '', '--strict', '--version', 'memfd-v1', '--page-size', '4096', '16384', '4K', 'memfd_luo_folio_ser', 'x', '-x', '--', '--hex=00', '--help', '-h', 'help', '--root', 'dir', '--unknown');
    const argv = fc.tuple(fc.boolean(), fc.array(token, { maxLength: 7 })).map(([root, rest]) => [...(root ? ['--root', 'dir'] : []), 'decode', ...rest]);
    let taken = 0;
    fc.assert(
      fc.property(argv, (a) => {
        const mine = decodeArgs(a);
        if (mine === undefined) return;
        taken++;
        expect(commanderReads(a)).toEqual(mine);
      }),
      { numRuns: 2000 },
    );
    // The property is about something: a good share of the drawn lines are plain.
    expect(taken).toBeGreaterThan(100);
  });

  it('decodes and refuses as the commander path does', async () => {
    const plainRun = await shown(['decode', 'memfd_luo_folio_ser', '--hex', FOLIO_HEX]);
    // `--hex=` is not a plain shape: the same decode read by commander.
    const viaCommander = await shown(['decode', 'memfd_luo_folio_ser', `--hex=${FOLIO_HEX}`]);
    expect(plainRun).toEqual(viaCommander);
    expect(plainRun.code).toBe(0);
    const refused = await shown(['decode', 'no_such_struct', '--hex', '00']);
    const refusedViaCommander = await shown(['decode', 'no_such_struct', '--hex=00']);
    expect(refused).toEqual(refusedViaCommander);
    expect(refused.code).toBe(1);
  });
});
