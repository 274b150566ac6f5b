/**
 * JSON for `kho-abi decode` and `encode`: 64-bit values travel as decimal
 * strings (JSON numbers lose bits above 2^53), everything else as itself.
 * Converting back needs the layout to know which members are 64-bit.
 *
 * The input is parsed here rather than by JSON.parse: numbers are kept as
 * their digits (so 9007199254740993 stays itself, and a 1000-digit number is
 * refused with its digits rather than read as Infinity), nesting is bounded
 * without recursion, a member named twice is refused, objects have no
 * prototype (`__proto__` is a member like any other), and every message
 * quotes at most a short, escaped part of the input.
 */
import type { MetaField, MetaStruct } from './emit/ts-meta.js';
import { MAX_NUMBER_BITS, primBits, primIsBig } from './emit/ts-names.js';
import type { Prim } from './model/model.js';
import { quote } from '../runtime/quote.js';

export class JsonInputError extends Error {}

/** Containers inside each other at most: a struct value needs a handful. */
export const MAX_JSON_DEPTH = 64;

/** A JSON number as written, so that no digit is lost before its member's type is known. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

const bigintsAsStrings = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

export function toJson(value: unknown): string {
  return JSON.stringify(value, bigintsAsStrings, 2);
}

// ---------------------------------------------------------------- parsing

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

type JsonObject = Record<string, unknown>;

/** The one-character escapes of JSON strings. */
const ESCAPES: ReadonlyMap<string, string> = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);
type Frame = { readonly array: unknown[] } | { readonly object: JsonObject; key: string };

/**
 * Parses JSON text (RFC 8259) without recursion. Numbers become JsonNumber,
 * objects have a null prototype. Throws JsonInputError naming the line and
 * column of the first mistake.
 */
export function parseJson(text: string): unknown {
  let i = 0;
  const n = text.length;
  const fail = (at: number, what: string): never => {
    throw new JsonInputError(`${what} at ${position(text, at)}`);
  };
  const found = (at: number): string => (at >= n ? 'the end of the input' : quote(String.fromCodePoint(text.codePointAt(at)!)));
  const space = (): void => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
    }
  };
  const digits = (): number => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - start;
  };
  const number = (): JsonNumber => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (digits() === 0) fail(i, `expected a digit, found ${found(i)}`);
    if (text[i] === '.') {
      i++;
      if (digits() === 0) fail(i, `expected a digit after '.', found ${found(i)}`);
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) fail(i, `expected a digit in the exponent, found ${found(i)}`);
    }
    return new JsonNumber(text.slice(start, i));
  };
  const string = (): string => {
    const open = i++;
    const parts: string[] = [];
    let start = i;
    for (;;) {
      if (i >= n) fail(open, 'string is never closed');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail(i, `control character ${quote(text[i]!)} inside a string; write it as an escape`);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      parts.push(text.slice(start, i));
      const e = text[i + 1];
      const simple = e === undefined ? undefined : ESCAPES.get(e);
      if (simple !== undefined) {
        parts.push(simple);
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        i += 6;
      } else fail(i, `invalid escape ${quote(text.slice(i, i + 2))} inside a string`);
      start = i;
    }
    parts.push(text.slice(start, i));
    i++;
    return parts.length === 1 ? parts[0]! : parts.join('');
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail(i, `unexpected ${found(i)}`);
  };
  /** After '{' or ',' in an object: the next key and its ':'. */
  const key = (object: JsonObject): string => {
    space();
    if (text[i] !== '"') fail(i, `expected a member name in double quotes, found ${found(i)}`);
    const at = i;
    const k = string();
    if (Object.hasOwn(object, k)) fail(at, `member ${quote(k)} appears twice`);
    space();
    if (text[i] !== ':') fail(i, `expected ':' after the member name, found ${found(i)}`);
    i++;
    return k;
  };

  const stack: Frame[] = [];
  for (;;) {
    space();
    let value: unknown;
    const c = text[i];
    if (c === '[' || c === '{') {
      if (stack.length >= MAX_JSON_DEPTH) fail(i, `arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels`);
      i++;
      space();
      if (c === '[') {
        if (text[i] === ']') {
          i++;
          value = [];
        } else {
          stack.push({ array: [] });
          continue;
        }
      } else {
        const object = Object.create(null) as JsonObject;
        if (text[i] === '}') {
          i++;
          value = object;
        } else {
          stack.push({ object, key: key(object) });
          continue;
        }
      }
    } else if (c === '"') value = string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) value = number();
    else if (c === 't') value = literal('true', true);
    else if (c === 'f') value = literal('false', false);
    else if (c === 'n') value = literal('null', null);
    else fail(i, `expected a value, found ${found(i)}`);

    // Store the value in its container; close every container that ends here.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        space();
        if (i < n) fail(i, `unexpected ${found(i)} after the JSON value`);
        return value;
      }
      if ('array' in top) top.array.push(value);
      else top.object[top.key] = value;
      space();
      const close = 'array' in top ? ']' : '}';
      if (text[i] === ',') {
        i++;
        if ('object' in top) top.key = key(top.object);
        break;
      }
      if (text[i] !== close) fail(i, `expected ',' or '${close}', found ${found(i)}`);
      i++;
      stack.pop();
      value = 'array' in top ? top.array : top.object;
    }
  }
}

// ---------------------------------------------------------------- numbers

/** Significant digits beyond this cannot be any member's value (2^64 has 20). */
const MAX_DIGITS = 40;

/** A number's digits in a message: short ones whole, long ones cut, with their length. */
export function shortNumber(text: string): string {
  return text.length <= MAX_DIGITS ? text : `${text.slice(0, 24)}…${text.slice(-8)} (${text.length} characters)`;
}

/**
 * The integer a JSON number literal denotes, exactly: 1e3 is 1000, 4.0 is
 * 4; 'fraction' when it is not an integer, 'huge' when it has more than
 * MAX_DIGITS digits (no member holds it; its digits are not expanded).
 */
export function integerOf(text: string): bigint | 'fraction' | 'huge' {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 'fraction';
  const [, sign, int = '', frac = '', expText = '0'] = m;
  const digits = (int + frac).replace(/^0+/, '');
  if (digits === '') return 0n;
  const exp = Number(expText);
  if (!Number.isSafeInteger(exp)) return exp > 0 ? 'huge' : 'fraction';
  const scale = exp - frac.length;
  let whole: string;
  if (scale >= 0) {
    if (digits.length + scale > MAX_DIGITS) return 'huge';
    whole = digits + '0'.repeat(scale);
  } else {
    const drop = -scale;
    if (drop >= digits.length || !/^0+$/.test(digits.slice(digits.length - drop))) return 'fraction';
    whole = digits.slice(0, digits.length - drop);
    if (whole.length > MAX_DIGITS) return 'huge';
  }
  const v = BigInt(whole);
  return sign === '-' ? -v : v;
}

/** What a value is, in a message: never the whole of a large value, never recursive. */
function describe(v: unknown): string {
  if (v instanceof JsonNumber) return shortNumber(v.text);
  if (typeof v === 'string') return `the string ${quote(v)}`;
  if (Array.isArray(v)) return `an array of ${v.length} element${v.length === 1 ? '' : 's'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'bigint') return `${v}`;
  return String(v);
}

/** A 64-bit member's value: an integer JSON number, or a decimal or 0x string (digits exact). */
function bigFrom(v: unknown, where: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (v instanceof JsonNumber) {
    const x = integerOf(v.text);
    if (typeof x === 'bigint') return x;
    throw new JsonInputError(`${where}: ${shortNumber(v.text)} ${x === 'huge' ? 'does not fit in 64 bits' : 'is not an integer'}`);
  }
  if (typeof v === 'string') {
    const m = /^(-?)(?:0x([0-9a-fA-F]+)|([0-9]+))$/.exec(v);
    if (m) {
      const [, sign, hex, dec] = m;
      const significant = (hex ?? dec!).replace(/^0+/, '');
      if (significant.length > MAX_DIGITS) throw new JsonInputError(`${where}: ${quote(v)} does not fit in 64 bits`);
      const x = BigInt(hex !== undefined ? `0x${hex}` : dec!);
      return sign === '-' ? -x : x;
    }
  }
  throw new JsonInputError(`${where}: expected a 64-bit integer as a decimal or 0x string (or a JSON number), got ${describe(v)}`);
}

/** The range of a member of at most 53 bits, as the codecs state it. */
function rangeOf(bits: number, signed: boolean): string {
  return signed ? `${-(2 ** (bits - 1))}..${2 ** (bits - 1) - 1} (${bits} bits, signed)` : `0..${2 ** bits - 1} (${bits} bits)`;
}

/**
 * A member of at most 53 bits: a JSON number denoting an integer (4.0 and
 * 1e3 do). A fraction, or an integer that a JavaScript number would round,
 * is refused here with its digits, so the message never names a
 * neighbouring value (or Infinity); the codec checks the exact range.
 */
function numFrom(v: unknown, where: string, bits: number, signed: boolean): number {
  if (typeof v === 'number') return v;
  if (v instanceof JsonNumber) {
    const x = integerOf(v.text);
    if (x === 'fraction' || x === 'huge' || x > BigInt(Number.MAX_SAFE_INTEGER) || x < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new JsonInputError(`${where}: ${shortNumber(v.text)} is not an integer in ${rangeOf(bits, signed)}`);
    }
    return Number(x);
  }
  throw new JsonInputError(`${where}: expected a number, got ${describe(v)}`);
}

/** A 64-bit value as bigFrom reads it, as a number when one holds it exactly. */
function safeFrom(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  const x = bigFrom(v, where);
  if (x < 0n || x > BigInt(Number.MAX_SAFE_INTEGER)) throw new JsonInputError(`${where}: ${x} is not an integer in 0..${Number.MAX_SAFE_INTEGER}`);
  return Number(x);
}

const bitValue = (b: { readonly width: number }, v: unknown, where: string): unknown => (b.width > MAX_NUMBER_BITS ? bigFrom(v, where) : numFrom(v, where, b.width, false));

const primValue = (prim: Prim, v: unknown, where: string): unknown =>
  primIsBig(prim) ? bigFrom(v, where) : numFrom(v, where, primBits(prim), prim.startsWith('s'));

// ---------------------------------------------------------------- values

/**
 * The value a codec encodes, from JSON as `decode` prints it (or parseJson
 * returns it). The result has no prototype, so no member name is special.
 * The struct is the layout IR's (StructIR) or the generated metadata's
 * (generated/ts/meta.json): the members read here are the same in both.
 */
export function valueFromJson(st: MetaStruct, json: unknown, at = st.name, base = 0): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || json instanceof JsonNumber) {
    throw new JsonInputError(`${at} (offset ${base}): expected an object with the members of struct ${st.name}, got ${describe(json)}`);
  }
  const input = json as Record<string, unknown>;
  const out = Object.create(null) as Record<string, unknown>;
  const known = new Set<string>();
  const member = (f: MetaField): void => {
    if (f.shape === 'union' && f.name === undefined) return f.members.forEach(member);
    if (f.shape === 'bits') {
      for (const b of f.bits) {
        known.add(b.name);
        const where = `${at}.${b.name} (offset ${base + f.offset}, bits ${b.lsb}..${b.lsb + b.width - 1})`;
        if (!Object.hasOwn(input, b.name)) throw new JsonInputError(`${where}: missing`);
        out[b.name] = bitValue(b, input[b.name], where);
      }
      return;
    }
    const name = f.name!;
    known.add(name);
    const where = `${at}.${name} (offset ${base + f.offset})`;
    if (!Object.hasOwn(input, name)) throw new JsonInputError(`${where}: missing`);
    out[name] = fieldFromJson(f, input[name], where, `${at}.${name}`, base + f.offset);
  };
  st.fields.forEach(member);
  for (const k of Object.keys(input)) if (!known.has(k)) throw new JsonInputError(`${at}: struct ${st.name} has no member ${quote(k)}`);
  return out;
}

/** Every shape is handled above: a new one fails to compile here. */
function unsupported(f: never): never {
  throw new JsonInputError(`unsupported member ${JSON.stringify(f)}`);
}

function fieldFromJson(f: MetaField, v: unknown, where: string, path: string, offset: number): unknown {
  const list = (): unknown[] => {
    if (!Array.isArray(v)) throw new JsonInputError(`${where}: expected an array, got ${describe(v)}`);
    return v;
  };
  switch (f.shape) {
    case 'scalar':
      // A u64 held as a number (as_number): a decimal string as for any u64, or a JSON number; the codec checks its bound.
      return f.asNumber ? safeFrom(v, where) : primValue(f.prim, v, where);
    case 'khoser':
    case 'pointer':
      return bigFrom(v, where);
    case 'array':
      if (f.prim === 'char') {
        if (typeof v !== 'string') throw new JsonInputError(`${where}: expected a string, got ${describe(v)}`);
        return v;
      }
      return list().map((x, i) => primValue(f.prim, x, `${where}[${i}]`));
    case 'bitmap':
    case 'khoser-array':
      return list().map((x, i) => bigFrom(x, `${where}[${i}]`));
    case 'struct':
      return valueFromJson(f.struct, v, path, offset);
    case 'struct-array':
      return list().map((x, i) => valueFromJson(f.struct, x, `${path}[${i}]`, offset + i * f.elemSize));
    case 'flexible':
      return list().map((x, i) => {
        if (f.struct) return valueFromJson(f.struct, x, `${path}[${i}]`, offset + i * f.elemSize);
        if (f.stringSize === undefined) return primValue(f.prim, x, `${where}[${i}]`);
        if (typeof x !== 'string') throw new JsonInputError(`${where}[${i}]: expected a string, got ${describe(x)}`);
        return x;
      });
    case 'bits':
    case 'union':
      // A bitfield group is read member by member, and only a named union reaches here: none is in any schema's codecs.
      throw new JsonInputError(`${where}: unsupported member`);
    default:
      return unsupported(f);
  }
}
