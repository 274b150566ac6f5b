/**
 * Quoting input in messages. Every message that shows something a user (or
 * a corrupt image) supplied goes through here, so that no message can be
 * larger than a line or act on the terminal that prints it: at most
 * QUOTE_LIMIT characters are shown, control characters (C0, DEL, C1), line
 * and paragraph separators, bidirectional and other format characters, lone
 * surrogates and bytes that are not UTF-8 are shown as escapes (\x1b, \n,
 * \u202e), and a shortened quote says how long the input was.
 */

/** Characters of a quote shown at most, escapes included. */
export const QUOTE_LIMIT = 80;

/** Code points a message shows as escapes rather than as themselves. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** The escape of one code point, or the character itself when it is safe to print. */
function shown(cp: number, quotes: boolean): string {
  switch (cp) {
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x5c:
      return quotes ? '\\\\' : '\\';
    case 0x22:
      return quotes ? '\\"' : '"';
  }
  const ch = String.fromCodePoint(cp);
  if (!UNSAFE.test(ch)) return ch;
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\u{${cp.toString(16)}}`;
}

/** Code points of a string, lone surrogates included, lazily (a 50 MB string is not walked to the end). */
function* codePoints(s: string): Generator<number> {
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    yield cp;
    i += cp > 0xffff ? 2 : 1;
  }
}

/** One decoded UTF-8 unit of a byte array: a code point, or a byte that does not start a valid sequence. */
type Utf8Unit = { readonly cp: number } | { readonly byte: number };

function* utf8Units(bytes: Uint8Array): Generator<Utf8Unit> {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      yield { byte: bytes[i]! };
      i++;
      continue;
    }
    yield { cp: decodeAt(bytes, i, n) };
    i += n;
  }
}

function decodeAt(bytes: Uint8Array, i: number, n: number): number {
  const b = bytes[i]!;
  if (n === 1) return b;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
  return cp;
}

/** Length of the valid UTF-8 sequence at `i` (1 to 4), or 0 when the byte there does not start one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let n: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [n, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [n, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
  }
  const cp = decodeAt(bytes, i, n);
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, or undefined when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return undefined;
}

/** Escapes and shortens; `cut` is set when not everything fitted in `limit` characters. */
function render(input: string | Uint8Array, limit: number, quotes: boolean): { text: string; cut: boolean } {
  let text = '';
  const units: Iterable<number | Utf8Unit> = typeof input === 'string' ? codePoints(input) : utf8Units(input);
  for (const u of units) {
    const piece = typeof u === 'number' ? shown(u, quotes) : 'cp' in u ? shown(u.cp, quotes) : `\\x${hex(u.byte, 2)}`;
    if (text.length + piece.length > limit) return { text, cut: true };
    text += piece;
  }
  return { text, cut: false };
}

function lengthOf(input: string | Uint8Array): string {
  return typeof input === 'string' ? `${input.length} characters` : `${input.length} bytes`;
}

/**
 * `"text"` with unsafe characters escaped; longer input is cut after `limit`
 * characters and followed by its length: `"0x0123…"… (50000002 characters)`.
 * Bytes are shown as the UTF-8 they hold, each invalid byte as \xHH.
 */
export function quote(input: string | Uint8Array, limit = QUOTE_LIMIT): string {
  const { text, cut } = render(input, limit, true);
  return cut ? `"${text}"… (${lengthOf(input)})` : `"${text}"`;
}

/**
 * The same escapes without quotes, for text already inside a message (a
 * path, a name found in memory): `limit` characters at most.
 */
export function escapeText(input: string | Uint8Array, limit = QUOTE_LIMIT): string {
  const { text, cut } = render(input, limit, false);
  return cut ? `${text}… (${lengthOf(input)})` : text;
}

/** Whether a string holds only characters a message may show as they are. */
export function isPrintable(s: string): boolean {
  for (const cp of codePoints(s)) if (cp === 0x09 || cp === 0x0a || cp === 0x0d || UNSAFE.test(String.fromCodePoint(cp))) return false;
  return true;
}
