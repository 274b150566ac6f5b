/**
 * Parsers of command-line values: page sizes and hex bytes. Strict about
 * syntax, linear in the input (no backtracking regular expression, no
 * recursion), and every message quotes at most a short, escaped part.
 */
import { createRequire } from 'node:module';
import { PAGE_SIZES, type PageSize } from '../layout/ir.js';
import { quote } from '../../runtime/quote.js';
import { CliError } from './errors.js';

const PAGE_SIZE_NAMES: ReadonlyMap<string, PageSize> = new Map([
  ['4096', 4096],
  ['16384', 16384],
  ['65536', 65536],
  ['4K', 4096],
  ['16K', 16384],
  ['64K', 65536],
  ['4KiB', 4096],
  ['16KiB', 16384],
  ['64KiB', 65536],
]);

/** `--page-size`: 4096, 16384 or 65536, or 4K, 16K, 64K (KiB); nothing else, not 0x1000, 4096.0 or ' 4096 '. */
export function pageSize(value: string): PageSize {
  const n = PAGE_SIZE_NAMES.get(value.replace(/^(4|16|64)k/, '$1K'));
  if (n === undefined) {
    // Required here, not imported at the top: decode reads its plain command lines without commander
    // (generator/cli/decode-args.ts), and commander has been loaded by the time it calls this parser.
    const { InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof import('commander');
    throw new InvalidArgumentError(`${quote(value)} is not a page size: one of ${PAGE_SIZES.join(', ')} (or 4K, 16K, 64K)`);
  }
  return n;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Hex text to bytes: pairs of hex digits, optionally after one leading 0x,
 * with spaces and newlines anywhere between digits (as hexdump-like tools
 * print them). `what` names the source in messages (`--hex`, `stdin`).
 */
export function parseHex(text: string | Uint8Array, what = '--hex'): Uint8Array {
  const n = text.length;
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]!;
  let i = 0;
  while (i < n && isSpace(at(i))) i++;
  if (i + 1 < n && at(i) === 0x30 && (at(i + 1) === 0x78 || at(i + 1) === 0x58)) i += 2;
  const out = new Uint8Array(Math.ceil((n - i) / 2));
  let digits = 0;
  let high = 0;
  for (; i < n; i++) {
    const c = at(i);
    if (isSpace(c)) continue;
    const v = nibble(c);
    if (v < 0) {
      const shown = typeof text === 'string' ? quote(String.fromCodePoint(text.codePointAt(i)!)) : quote(text.subarray(i, i + 1));
      throw new CliError(`${what}: ${shown} at offset ${i} is not a hex digit (input of ${n} ${typeof text === 'string' ? 'characters' : 'bytes'})`);
    }
    if (digits % 2 === 0) high = v;
    else out[digits >> 1] = (high << 4) | v;
    digits++;
  }
  if (digits % 2 !== 0) throw new CliError(`${what}: ${digits} hex digits; each byte needs two, so the count must be even`);
  return out.slice(0, digits >> 1);
}
