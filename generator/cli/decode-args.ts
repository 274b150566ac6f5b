/**
 * A plain `kho-abi decode` command line, read without commander:
 *
 *   kho-abi [--root DIR] decode STRUCT [--hex [HEX]] [--strict] [--version V] [--page-size N]
 *
 * with the options after `decode` in any order, each at most once. Loading
 * commander is a noticeable share of a decode's start-up (bench/RESULTS.md,
 * "CLI start-up"), and decode is the command run one struct at a time from
 * scripts. Only these plain shapes are taken: anything else (help, an
 * unknown or repeated option, `--opt=value`, a value that starts with `-`,
 * `--`, a page size not spelled as a number, a missing or second struct)
 * is undefined here and goes through commander, which reads it, prints
 * usage and refuses as always. test/cli-decode-args.test.ts checks that
 * commander reads every command line this takes the same way.
 */
import type { PageSize } from '../layout/ir.js';

export interface DecodeArgs {
  readonly root?: string;
  readonly struct: string;
  readonly opts: {
    readonly hex?: string | true;
    readonly strict?: true;
    readonly version?: string;
    readonly pageSize: PageSize;
  };
}

/** The page sizes taken here, as numbers; 4K, 64KiB and the like go through commander's parser. */
const PAGE_SIZES: ReadonlyMap<string, PageSize> = new Map([
  ['4096', 4096],
  ['16384', 16384],
  ['65536', 65536],
]);

/** An argument commander would take as an option, not as a value or the struct. */
const optionLike = (a: string): boolean => a.startsWith('-');

/** argv as decode's options, or undefined for anything but a plain decode command line. */
export function decodeArgs(argv: readonly string[]): DecodeArgs | undefined {
  let i = 0;
  let root: string | undefined;
  if (argv[0] === '--root') {
    if (argv.length < 2 || optionLike(argv[1]!)) return undefined;
    root = argv[1];
    i = 2;
  }
  if (argv[i] !== 'decode') return undefined;
  i++;
  let struct: string | undefined;
  let hex: string | true | undefined;
  let strict: true | undefined;
  let version: string | undefined;
  let pageSize: PageSize | undefined;
  while (i < argv.length) {
    const a = argv[i++]!;
    const next = argv[i];
    if (a === '--hex' && hex === undefined) {
      // commander's optional value: the next argument unless it looks like an option.
      if (next !== undefined && !optionLike(next)) {
        hex = next;
        i++;
      } else hex = true;
    } else if (a === '--strict' && strict === undefined) {
      strict = true;
    } else if (a === '--version' && version === undefined && next !== undefined && !optionLike(next)) {
      version = next;
      i++;
    } else if (a === '--page-size' && pageSize === undefined && next !== undefined && PAGE_SIZES.has(next)) {
      pageSize = PAGE_SIZES.get(next);
      i++;
    } else if (!optionLike(a) && struct === undefined) {
      struct = a;
    } else {
      return undefined;
    }
  }
  if (struct === undefined) return undefined;
  return {
    ...(root !== undefined ? { root } : {}),
    struct,
    opts: { ...(hex !== undefined ? { hex } : {}), ...(strict ? { strict } : {}), ...(version !== undefined ? { version } : {}), pageSize: pageSize ?? 4096 },
  };
}
