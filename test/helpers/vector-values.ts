/**
 * Shared TS/C test vectors: for a struct of the layout IR and a seed, one
 * deterministic value per member, as the generated TypeScript codec types it
 * (bigint for u64/s64 and bitfields wider than 53 bits, number otherwise,
 * string for char arrays), and the C statements that give a zeroed struct
 * the same values through the generated header's own member names. A C
 * program built from vectorProgram() prints each struct's bytes, and checks
 * bytes read from stdin against its own with memcmp.
 *
 * Seeds:
 * - `max`: every member at its maximum: all-ones bitfields, u64 = 2^64-1,
 *   signed members at their minimum (only the sign bit set, the value a
 *   missing sign extension gets wrong), strings of N-1 printable ASCII bytes.
 * - `pattern`: distinct non-trivial values derived from each member's offset
 *   (splitmix64 of offset * 256 + lsb), signed members of either sign, and
 *   shorter strings with a two-byte UTF-8 character, NUL-padded.
 *
 * Both respect `allowed`: a member with declared bits only takes values
 * within them, since the decoders refuse undeclared bits. Anonymous unions
 * stay zero (their members overlap), as does the count member a flexible
 * array's `ref.count` names (the struct's bytes end before the entries);
 * flexible arrays have no entries.
 */
import type { AbiIR, BitIR, FieldIR, StructIR } from '../../generator/layout/ir.js';
import type { Prim } from '../../generator/model/model.js';
import { headerFor } from './probe.js';

export const SEEDS = ['max', 'pattern'] as const;
export type Seed = (typeof SEEDS)[number];

/** A value as the generated codecs type it. */
export type VecValue = number | bigint | string | VecValue[] | { [name: string]: VecValue };
export type VecStruct = { [name: string]: VecValue };

const MASK64 = (1n << 64n) - 1n;
/** Arrays longer than this are filled by a loop in C, with a formula both sides share. */
export const LOOP_THRESHOLD = 16;
/** Bytes a string may be made of without escaping in C. */
const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+=,';

/** splitmix64, mod 2^64; vec_mix() in the C program is the same function. */
export function vecMix(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

const PRIM_BITS: Record<Prim, number> = { u8: 8, u16: 16, u32: 32, u64: 64, s8: 8, s16: 16, s32: 32, s64: 64, char: 8 };
const C_TYPE: Record<Prim, string> = { u8: 'u8', u16: 'u16', u32: 'u32', u64: 'u64', s8: 's8', s16: 's16', s32: 's32', s64: 's64', char: 'char' };
const isSigned = (p: Prim): boolean => p.startsWith('s');
const ones = (bits: number): bigint => (1n << BigInt(bits)) - 1n;
const hexU = (v: bigint): string => `0x${v.toString(16)}ULL`;

/** The unsigned bit pattern of an integer member of `bits` bits at `key`, within `allowed`. */
function rawInt(seed: Seed, key: bigint, bits: number, signed: boolean, allowed: bigint | undefined): bigint {
  const mask = ones(bits) & (allowed ?? MASK64);
  let u = seed === 'max' ? (signed ? 1n << BigInt(bits - 1) : ones(bits)) : vecMix(key) & ones(bits);
  u &= mask;
  // A pattern masked down to nothing by `allowed` takes the lowest allowed bit instead.
  if (u === 0n && allowed !== undefined && seed === 'pattern') u = mask & -mask;
  return u;
}

/** The width of an as_number bound of the form 2^k - 1, the only form the schemas use. */
export function boundBits(max: number): number {
  const bits = max.toString(2).length;
  if (2 ** bits - 1 !== max) throw new Error(`as_number bound ${max} is not 2^k - 1; the test helpers model only those`);
  return bits;
}

/** The TS value of a bit pattern: signed or not, bigint above 53 bits. */
function tsInt(u: bigint, bits: number, signed: boolean): number | bigint {
  const v = signed ? BigInt.asIntN(bits, u) : u;
  return bits > 53 ? v : Number(v);
}

/** A C expression of the pattern for a member of type `p` (no constant the compiler would call an overflow). */
function cInt(u: bigint, p: Prim): string {
  if (!isSigned(p) && p !== 'char') return hexU(u);
  return `(${C_TYPE[p]})${hexU(u)}`;
}

/** The bytes of the string a char array of `size` bytes at `key` holds. */
function stringBytes(seed: Seed, abs: number, size: number): Uint8Array {
  if (size <= 1) return new Uint8Array(0);
  if (seed === 'max') return Uint8Array.from({ length: size - 1 }, (_, i) => SAFE.charCodeAt((abs + i) % SAFE.length));
  const len = Math.max(1, (size - 1) >> 1);
  const text = Array.from({ length: len }, (_, i) => SAFE[(abs * 7 + i * 3) % SAFE.length]).join('');
  // A two-byte character where it fits, so bytes and characters differ.
  const withUtf8 = len >= 4 ? `${text.slice(0, len - 3)}\u00e9${text.slice(len - 2)}` : text;
  return new TextEncoder().encode(withUtf8);
}

function cString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out += b < 0x80 && SAFE.includes(ch) ? ch : `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `"${out}"`;
}

interface Walk {
  readonly seed: Seed;
  /** C statements filling `s` (a pointer to the zeroed struct). */
  readonly c: string[];
}

/** Names of members a flexible array's ref.count names, and of members bounded by them: they stay 0. */
function countMembers(fields: readonly FieldIR[]): Set<string> {
  const counts = new Set(fields.flatMap((f) => (f.shape === 'flexible' && f.ref?.count ? [f.ref.count.name] : [])));
  for (const f of fields) if (f.shape === 'scalar' && f.atMost && counts.has(f.atMost.name)) counts.add(f.name);
  return counts;
}

function zeroValue(f: FieldIR, into: VecStruct): void {
  switch (f.shape) {
    case 'bits':
      for (const b of f.bits!) into[b.name] = b.width > 53 ? 0n : 0;
      return;
    case 'union':
      for (const m of f.members!) zeroValue(m, into);
      return;
    case 'scalar':
      into[f.name!] = tsInt(0n, PRIM_BITS[f.prim!], false);
      return;
    case 'khoser':
    case 'pointer':
      into[f.name!] = 0n;
      return;
    case 'array':
      into[f.name!] = f.prim === 'char' ? '' : Array.from({ length: f.count! }, () => tsInt(0n, PRIM_BITS[f.prim!], false));
      return;
    case 'bitmap':
    case 'khoser-array':
      into[f.name!] = Array.from({ length: f.count! }, () => 0n);
      return;
    case 'flexible':
      into[f.name!] = [];
      return;
    case 'struct': {
      const v: VecStruct = {};
      for (const m of f.struct!.fields) zeroValue(m, v);
      into[f.name!] = v;
      return;
    }
    case 'struct-array':
      into[f.name!] = Array.from({ length: f.count! }, () => {
        const v: VecStruct = {};
        for (const m of f.struct!.fields) zeroValue(m, v);
        return v;
      });
      return;
  }
}

function bitValue(w: Walk, b: BitIR, abs: number, storage: Prim, lv: string): number | bigint {
  const u = rawInt(w.seed, BigInt(abs) * 256n + BigInt(b.lsb), b.width, false, b.allowed);
  // A signed storage unit makes a signed bitfield in C: give it the pattern through a non-constant so gcc does not call it an overflow.
  w.c.push(isSigned(storage) || storage === 'char' ? `${lv} = vec_id(${hexU(u)});` : `${lv} = ${hexU(u)};`);
  return tsInt(u, b.width, false);
}

/** An integer array: element by element, or a loop with vec_mix() above LOOP_THRESHOLD. */
function intArray(w: Walk, p: Prim, abs: number, count: number, elemSize: number, allowed: bigint | undefined, lv: string): (number | bigint)[] {
  const bits = PRIM_BITS[p];
  const signed = isSigned(p);
  const out: (number | bigint)[] = [];
  for (let i = 0; i < count; i++) out.push(tsInt(rawInt(w.seed, BigInt(abs + i * elemSize) * 256n, bits, signed, allowed), bits, signed));
  if (count <= LOOP_THRESHOLD) {
    for (let i = 0; i < count; i++) {
      w.c.push(`${lv}[${i}] = ${cInt(rawInt(w.seed, BigInt(abs + i * elemSize) * 256n, bits, signed, allowed), p)};`);
    }
    return out;
  }
  // The loop runs over the C array's own length: a count that differs from the IR's shows as a mismatch, not an overrun.
  const mask = ones(bits) & (allowed ?? MASK64);
  let expr: string;
  if (w.seed === 'max') {
    expr = hexU(rawInt('max', 0n, bits, signed, allowed));
  } else {
    const mix = `vec_mix(${hexU(BigInt(abs) * 256n)} + (u64)i * ${hexU(BigInt(elemSize) * 256n)})`;
    if (allowed === undefined) {
      // The cast truncates as `& ones(bits)` does (and wraps a signed type as BigInt.asIntN).
      expr = mix;
    } else {
      // rawInt's fallback for a pattern masked down to nothing: the lowest allowed bit.
      const m = `(${mix} & ${hexU(mask)})`;
      expr = mask === 0n ? '0ULL' : `(${m} ? ${m} : ${hexU(mask & -mask)})`;
    }
  }
  w.c.push(`for (size_t i = 0; i < sizeof(${lv}) / sizeof(${lv}[0]); i++)`);
  w.c.push(`\t${lv}[i] = (${p === 'char' ? 'char' : C_TYPE[p]})${expr};`);
  return out;
}

function fieldValues(w: Walk, fields: readonly FieldIR[], base: number, lv: string, into: VecStruct): void {
  const counts = countMembers(fields);
  for (const f of fields) {
    const abs = base + f.offset;
    if (f.shape === 'union' || (f.name !== undefined && counts.has(f.name))) {
      zeroValue(f, into);
      continue;
    }
    const m = `${lv}${f.name}`;
    switch (f.shape) {
      case 'bits':
        // The IR places bitfields at the group's offset; C reaches them by name.
        for (const b of f.bits!) into[b.name] = bitValue(w, b, abs, f.prim!, `${lv}${b.name}`);
        break;
      case 'scalar': {
        // A u64 held as a number (as_number) takes values up to its bound only: the patterns of the bound's width.
        const bits = f.asNumber ? boundBits(f.asNumber.max) : PRIM_BITS[f.prim!];
        const signed = isSigned(f.prim!);
        // A member the reader accepts with one value only (a format version) takes that value.
        const u = f.equals !== undefined ? BigInt.asUintN(bits, f.equals) : rawInt(w.seed, BigInt(abs) * 256n, bits, signed, f.allowed);
        w.c.push(`${m} = ${cInt(u, f.prim!)};`);
        into[f.name!] = tsInt(u, bits, signed);
        break;
      }
      case 'pointer':
        // TS writes 0 in a kernel pointer; C leaves the zeroed struct's NULL.
        into[f.name!] = 0n;
        break;
      case 'khoser': {
        const u = rawInt(w.seed, BigInt(abs) * 256n, 64, false, undefined);
        w.c.push(`${m}.phys = ${hexU(u)};`);
        into[f.name!] = u;
        break;
      }
      case 'array':
        if (f.prim === 'char') {
          const bytes = stringBytes(w.seed, abs, f.size);
          if (bytes.length) w.c.push(`memcpy(${m}, ${cString(bytes)}, ${bytes.length});`);
          into[f.name!] = new TextDecoder().decode(bytes);
        } else {
          into[f.name!] = intArray(w, f.prim!, abs, f.count!, f.elemSize!, undefined, m);
        }
        break;
      case 'bitmap':
        // DECLARE_BITMAP: unsigned long, 64 bits on every LP64 target.
        into[f.name!] = intArray(w, 'u64', abs, f.count!, 8, undefined, m) as bigint[];
        break;
      case 'khoser-array': {
        // Each element is a DECLARE_KHOSER_PTR union: C stores through its phys member.
        const arr: bigint[] = [];
        for (let i = 0; i < f.count!; i++) arr.push(rawInt(w.seed, BigInt(abs + i * 8) * 256n, 64, false, undefined));
        if (f.count! <= LOOP_THRESHOLD) arr.forEach((u, i) => w.c.push(`${m}[${i}].phys = ${hexU(u)};`));
        else {
          const expr = w.seed === 'max' ? hexU(rawInt('max', 0n, 64, false, undefined)) : `vec_mix(${hexU(BigInt(abs) * 256n)} + (u64)i * ${hexU(8n * 256n)})`;
          w.c.push(`for (size_t i = 0; i < sizeof(${m}) / sizeof(${m}[0]); i++)`);
          w.c.push(`\t${m}[i].phys = (u64)${expr};`);
        }
        into[f.name!] = arr;
        break;
      }
      case 'struct': {
        const v: VecStruct = {};
        fieldValues(w, f.struct!.fields, abs, `${m}.`, v);
        into[f.name!] = v;
        break;
      }
      case 'struct-array': {
        const arr: VecStruct[] = [];
        for (let i = 0; i < f.count!; i++) {
          const v: VecStruct = {};
          fieldValues(w, f.struct!.fields, abs + i * f.elemSize!, `${m}[${i}].`, v);
          arr.push(v);
        }
        into[f.name!] = arr;
        break;
      }
      case 'flexible':
        into[f.name!] = [];
        break;
    }
  }
}

export interface Vector {
  readonly struct: string;
  readonly seed: Seed;
  /** The value as the struct's generated codec decodes it. */
  readonly value: VecStruct;
  /** C statements setting the same values in `*s`, a zeroed struct. */
  readonly c: readonly string[];
}

/** The vector of `st` for `seed`. */
export function vectorOf(st: StructIR, seed: Seed): Vector {
  const w: Walk = { seed, c: [] };
  const value: VecStruct = {};
  fieldValues(w, st.fields, 0, 's->', value);
  return { struct: st.name, seed, value, c: w.c };
}

const cIdent = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * A C program over the generated headers. `./vec write` prints one line per
 * struct and seed, `NAME SEED HEX` (the struct's sizeof bytes after its fill
 * function); `./vec check` reads such lines from stdin and prints, per line,
 * `ok NAME SEED`, `mismatch NAME SEED at byte K (c XX, input YY)`,
 * `size NAME SEED c N input M` or `unknown NAME SEED`.
 */
export function vectorProgram(ir: AbiIR, structs: readonly StructIR[]): string {
  const out: string[] = [
    '/* Test vectors generated by test/helpers/vector-values.ts. */',
    '#define _GNU_SOURCE',
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    // The headers that declare the structs (each includes what it needs); a header without structs is layout-gcc.test.ts's to check.
    ...[...new Set(ir.schemas.filter((s) => structs.some((st) => st.schema === s.name)).map(headerFor))].map((h) => `#include <${h}>`),
    '',
    '/* splitmix64, as vecMix() in vector-values.ts. */',
    'static __attribute__((unused)) u64 vec_mix(u64 x)',
    '{',
    '\tu64 z = x + 0x9e3779b97f4a7c15ULL;',
    '\tz = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;',
    '\tz = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;',
    '\treturn z ^ (z >> 31);',
    '}',
    '',
    '/* Not a constant: gcc cannot see a value that overflows a signed bitfield. */',
    'static __attribute__((unused, noinline)) u64 vec_id(u64 x)',
    '{',
    '\treturn x;',
    '}',
    '',
  ];
  const table: string[] = [];
  for (const st of structs) {
    for (const seed of SEEDS) {
      const fn = `fill_${cIdent(st.name)}_${cIdent(seed)}`;
      out.push(`static void ${fn}(void *p)`, '{', `\tstruct ${st.name} *s = p;`, '', '\tmemset(s, 0, sizeof(*s));');
      for (const line of vectorOf(st, seed).c) out.push(`\t${line}`);
      out.push('}', '');
      table.push(`\t{ "${st.name}", "${seed}", sizeof(struct ${st.name}), ${fn} },`);
    }
  }
  out.push(
    'struct vec {',
    '\tconst char *name;',
    '\tconst char *seed;',
    '\tsize_t size;',
    '\tvoid (*fill)(void *);',
    '};',
    '',
    'static const struct vec vecs[] = {',
    ...table,
    '};',
    '',
    'static int hexval(int c)',
    '{',
    "\tif (c >= '0' && c <= '9') return c - '0';",
    "\tif (c >= 'a' && c <= 'f') return c - 'a' + 10;",
    "\tif (c >= 'A' && c <= 'F') return c - 'A' + 10;",
    '\treturn -1;',
    '}',
    '',
    'static int check(void)',
    '{',
    '\tchar *line = NULL;',
    '\tsize_t cap = 0;',
    '\tssize_t len;',
    '\twhile ((len = getline(&line, &cap, stdin)) > 0) {',
    "\t\tchar *name = strtok(line, \" \\n\"), *seed = strtok(NULL, \" \\n\"), *hex = strtok(NULL, \" \\n\");",
    '\t\tconst struct vec *v = NULL;',
    '\t\tif (!name || !seed)',
    '\t\t\tcontinue;',
    '\t\tif (!hex)',
    '\t\t\thex = "";',
    '\t\tfor (size_t i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++)',
    '\t\t\tif (!strcmp(vecs[i].name, name) && !strcmp(vecs[i].seed, seed))',
    '\t\t\t\tv = &vecs[i];',
    '\t\tif (!v) {',
    '\t\t\tprintf("unknown %s %s\\n", name, seed);',
    '\t\t\tcontinue;',
    '\t\t}',
    '\t\tsize_t n = strlen(hex) / 2;',
    '\t\tunsigned char *in = malloc(n + 1), *mine = calloc(1, v->size + 1);',
    '\t\tif (!in || !mine)',
    '\t\t\treturn 2;',
    '\t\tint bad = 0;',
    '\t\tfor (size_t i = 0; i < n; i++) {',
    '\t\t\tint hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);',
    '\t\t\tif (hi < 0 || lo < 0)',
    '\t\t\t\tbad = 1;',
    '\t\t\tin[i] = (unsigned char)(hi << 4 | lo);',
    '\t\t}',
    '\t\tv->fill(mine);',
    '\t\tif (bad || strlen(hex) % 2) {',
    '\t\t\tprintf("badhex %s %s\\n", name, seed);',
    '\t\t} else if (n != v->size) {',
    '\t\t\tprintf("size %s %s c %zu input %zu\\n", name, seed, v->size, n);',
    '\t\t} else if (memcmp(mine, in, n) != 0) {',
    '\t\t\tsize_t k = 0;',
    '\t\t\twhile (mine[k] == in[k])',
    '\t\t\t\tk++;',
    '\t\t\tprintf("mismatch %s %s at byte %zu (c %02x, input %02x)\\n", name, seed, k, mine[k], in[k]);',
    '\t\t} else {',
    '\t\t\tprintf("ok %s %s\\n", name, seed);',
    '\t\t}',
    '\t\tfree(in);',
    '\t\tfree(mine);',
    '\t}',
    '\tfree(line);',
    '\treturn 0;',
    '}',
    '',
    'int main(int argc, char **argv)',
    '{',
    '\tif (argc == 2 && !strcmp(argv[1], "check"))',
    '\t\treturn check();',
    '\tif (argc != 2 || strcmp(argv[1], "write")) {',
    '\t\tfprintf(stderr, "usage: %s write|check\\n", argv[0]);',
    '\t\treturn 2;',
    '\t}',
    '\tfor (size_t i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {',
    '\t\tunsigned char *b = calloc(1, vecs[i].size + 1);',
    '\t\tif (!b)',
    '\t\t\treturn 2;',
    '\t\tvecs[i].fill(b);',
    '\t\tprintf("%s %s ", vecs[i].name, vecs[i].seed);',
    '\t\tfor (size_t k = 0; k < vecs[i].size; k++)',
    '\t\t\tprintf("%02x", b[k]);',
    '\t\tprintf("\\n");',
    '\t\tfree(b);',
    '\t}',
    '\treturn 0;',
    '}',
  );
  return out.join('\n') + '\n';
}

/** `NAME SEED HEX` lines, keyed `NAME SEED`. */
export function parseVectorLines(stdout: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const [name, seed, hex = ''] = line.split(' ');
    out.set(`${name} ${seed}`, Uint8Array.from(Buffer.from(hex, 'hex')));
  }
  return out;
}

export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
