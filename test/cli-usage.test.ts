/**
 * Usage errors keep the command-line contract (DESIGN.md): wrong arguments
 * are the input being wrong, exit 1, a message on stderr and nothing on
 * stdout, never a stack trace; help asked for is exit 0. `inspect` is the
 * command looked at, the rest of the CLI shares its parser.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-in-process.js';

const usageError = async (args: string[], message: RegExp) => {
  const r = await cli(args);
  expect(r.code, r.err).toBe(1);
  expect(r.out).toBe('');
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
};

describe('usage errors exit 1', () => {
  it('inspect: an unknown option, an option without its value, a value it refuses, an argument it takes none of', async () => {
    await usageError(['inspect', '--bogus'], /unknown option '--bogus'/);
    await usageError(['inspect', '--core'], /option '--core <file>' argument missing/);
    await usageError(['inspect', '--core', 'x', '--fdt', 'y', '--page-size', '5'], /"5" is not a page size/);
    await usageError(['inspect', 'extra', '--core', 'x', '--fdt', 'y'], /too many arguments for 'inspect'/);
  });

  it('the CLI: an unknown command, a missing required argument, and no command at all (the help, as an error)', async () => {
    await usageError(['nosuchcommand'], /unknown command 'nosuchcommand'/);
    await usageError(['decode'], /missing required argument 'struct'/);
    const none = await cli([]);
    expect(none.code).toBe(1);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/^Usage: kho-abi \[options\] \[command\]/);
  });
});

describe('help asked for exits 0, on stdout', () => {
  it.each([[['--help']], [['help']], [['help', 'inspect']], [['inspect', '--help']]])('%j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Usage: kho-abi /);
  });
});
