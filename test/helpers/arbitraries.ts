/**
 * fast-check arbitraries of the TypeScript value of any struct in the layout
 * IR, and an IR-driven description of its members (what the generated codec
 * must accept, refuse and name in its errors), for the codec property tests.
 *
 * The TS value follows generator/emit/ts-names.ts: bigint for u64/s64,
 * khoser pointers, bitmap words and bitfields wider than 53 bits; number
 * otherwise; string for char arrays; bitfields and anonymous unions are
 * flattened into the enclosing object. Every numeric member covers its whole
 * range (restricted to `allowed` where the schema sets it), every char array
 * any NUL-free UTF-8 of at most N-1 bytes. Flexible arrays are empty.
 *
 * Little-endian only: the reference encoder below is the target every
 * generated codec is emitted for.
 */
import fc from 'fast-check';
import type { BitIR, FieldIR, StructIR, UnionFieldIR } from '../../generator/layout/ir.js';
import type { Prim } from '../../generator/model/model.js';
import { bitIsBig, isCharArray, primBits, primIsBig } from '../../generator/emit/ts-names.js';
import { boundBits } from './vector-values.js';

export type Value = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** Arrays longer than this are filled from a seeded generator rather than element by element. */
const BULK_ARRAY = 64;

const utf8 = new TextEncoder();
export const utf8Length = (s: string): number => utf8.encode(s).length;

// ---------------------------------------------------------------- members

/** One numeric member (or array element) as its codec sees it. */
export interface NumLeaf {
  readonly kind: 'num';
  /** Where the value sits in the TS object; arrays give the element index last. */
  readonly path: Path;
  /** The struct whose codec reads and writes it, and the name its errors give. */
  readonly struct: string;
  readonly field: string;
  /** Absolute offset errors report: the member, the array element, or a bitfield's storage unit. */
  readonly offset: number;
  /** The width of the values it takes. */
  readonly bits: number;
  /** The width encode accepts, when wider than `bits` (an as_number member: 53). */
  readonly encodableBits?: number;
  readonly signed: boolean;
  readonly big: boolean;
  readonly allowed?: bigint;
  /** The kernel ignores bits outside `allowed`: readers warn, writers write them. */
  readonly ignored?: true;
  /** Where the bits lie: byte offset of the little-endian unit, its size, and the lsb inside it. */
  readonly unitOffset: number;
  readonly unitSize: number;
  readonly lsb: number;
}

export interface StringLeaf {
  readonly kind: 'string';
  readonly path: Path;
  readonly struct: string;
  readonly field: string;
  readonly offset: number;
  /** N: the array size, NUL included. */
  readonly size: number;
}

/** An array of fixed count (prim, bitmap or struct) as a whole, for length checks. */
export interface ArrayNode {
  readonly kind: 'array';
  readonly path: Path;
  readonly struct: string;
  readonly field: string;
  readonly offset: number;
  readonly count: number;
}

/** A nested struct object. */
export interface StructNode {
  readonly kind: 'struct';
  readonly path: Path;
  readonly struct: StructIR;
  readonly offset: number;
}

export type Member = NumLeaf | StringLeaf | ArrayNode | StructNode;

/** Elements of a long array the member walk lists: first, second, middle and last. */
function sampleIndices(count: number): number[] {
  return [...new Set([0, 1, Math.floor(count / 2), count - 1].filter((i) => i >= 0 && i < count))];
}

interface WalkOptions {
  /** List every element of arrays (for the reference encoder) instead of a sample. */
  readonly allElements?: boolean;
}

/**
 * A member's leaf. A u64 held as a number (as_number, bound 2^k - 1) takes
 * k-bit values, as a kernel writes them, stored in an 8-byte unit; the codecs
 * encode every exact number (53 bits), beyond the bound too, as decode
 * reads it back (with a warning).
 */
function primLeaf(p: Prim, path: Path, struct: string, field: string, offset: number, allowed?: bigint, ignored?: boolean, asNumber?: { max: number }): NumLeaf {
  const bits = asNumber ? boundBits(asNumber.max) : primBits(p);
  return {
    kind: 'num',
    path,
    struct,
    field,
    offset,
    bits,
    signed: p.startsWith('s'),
    big: asNumber ? false : primIsBig(p),
    ...(asNumber ? { encodableBits: 53 } : {}),
    ...(allowed !== undefined ? { allowed } : {}),
    ...(ignored ? { ignored: true as const } : {}),
    unitOffset: offset,
    unitSize: primBits(p) / 8,
    lsb: 0,
  };
}

function bitLeaf(f: FieldIR, b: BitIR, path: Path, struct: string, unitOffset: number): NumLeaf {
  return {
    kind: 'num',
    path,
    struct,
    field: b.name,
    offset: unitOffset,
    bits: b.width,
    signed: false,
    big: bitIsBig(b),
    ...(b.allowed !== undefined ? { allowed: b.allowed } : {}),
    ...(b.kernel?.does === 'ignore' ? { ignored: true as const } : {}),
    unitOffset,
    unitSize: f.size,
    lsb: b.lsb,
  };
}

/**
 * Every member of `st` placed at `base`, depth first, with the path of its
 * value in the TS object. Union members are at the union's offset plus
 * their own (the IR lays a union's members out from 0).
 */
export function members(st: StructIR, base = 0, path: Path = [], options: WalkOptions = {}): Member[] {
  const out: Member[] = [];
  const field = (f: FieldIR, at: number): void => {
    const name = f.name;
    switch (f.shape) {
      case 'bits':
        for (const b of f.bits!) out.push(bitLeaf(f, b, [...path, b.name], st.name, at));
        return;
      case 'union':
        for (const m of f.members!) field(m, at + m.offset);
        return;
      case 'scalar':
        out.push(primLeaf(f.prim!, [...path, name!], st.name, name!, at, f.allowed, f.kernel?.does === 'ignore', f.asNumber));
        return;
      case 'khoser':
        out.push(primLeaf('u64', [...path, name!], st.name, name!, at, undefined));
        return;
      case 'array':
      case 'bitmap':
      case 'khoser-array': {
        if (isCharArray(f)) {
          out.push({ kind: 'string', path: [...path, name!], struct: st.name, field: name!, offset: at, size: f.size });
          return;
        }
        const prim: Prim = f.shape === 'array' ? f.prim! : 'u64';
        const elem = f.elemSize ?? 8;
        out.push({ kind: 'array', path: [...path, name!], struct: st.name, field: name!, offset: at, count: f.count! });
        const idx = options.allElements ? [...Array(f.count!).keys()] : sampleIndices(f.count!);
        for (const i of idx) out.push(primLeaf(prim, [...path, name!, i], st.name, name!, at + i * elem, undefined));
        return;
      }
      case 'struct':
        out.push({ kind: 'struct', path: [...path, name!], struct: f.struct!, offset: at });
        out.push(...members(f.struct!, at, [...path, name!], options));
        return;
      case 'struct-array': {
        out.push({ kind: 'array', path: [...path, name!], struct: st.name, field: name!, offset: at, count: f.count! });
        const idx = options.allElements ? [...Array(f.count!).keys()] : sampleIndices(f.count!);
        for (const i of idx) {
          const o = at + i * f.elemSize!;
          out.push({ kind: 'struct', path: [...path, name!, i], struct: f.struct!, offset: o });
          out.push(...members(f.struct!, o, [...path, name!, i], options));
        }
        return;
      }
      case 'flexible':
        return;
    }
  };
  for (const f of st.fields) field(f, base + f.offset);
  return out;
}

/** The members a short buffer can cut, as the top-level struct names them: flattened, with the bytes each covers. */
export function topLevelSpans(st: StructIR): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const field = (f: FieldIR, at: number): void => {
    if (f.shape === 'bits') for (const b of f.bits!) out.push({ name: b.name, start: at + (b.byteOffset - f.offset), end: at + (b.byteOffset - f.offset) + b.byteSize });
    else if (f.shape === 'union') for (const m of f.members!) field(m, at + m.offset);
    else out.push({ name: f.name!, start: at, end: at + f.size });
  };
  for (const f of st.fields) field(f, f.offset);
  return out;
}

/** Total number of scalar values in a struct: the cost of generating one. */
export function elementCount(st: StructIR): number {
  let n = 0;
  for (const f of st.fields) {
    if (f.shape === 'struct') n += elementCount(f.struct!);
    else if (f.shape === 'struct-array') n += f.count! * elementCount(f.struct!);
    else if (f.shape === 'bits') n += f.bits!.length;
    else if (f.shape === 'union') n += f.members!.length;
    else if ((f.shape === 'array' && !isCharArray(f)) || f.shape === 'bitmap') n += f.count!;
    else n += 1;
  }
  return n;
}

// ---------------------------------------------------------------- paths

export function getPath(v: unknown, path: Path): unknown {
  let cur = v;
  for (const k of path) cur = (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** A deep copy with the member at `path` replaced (or deleted for `undefined` when `remove`). */
export function setPath(v: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = v.slice();
    copy[k as number] = setPath(v[k as number], rest, value, remove);
    return copy;
  }
  const obj = { ...(v as Record<string, unknown>) };
  if (remove && rest.length === 0) delete obj[k as string];
  else obj[k as string] = setPath(obj[k as string], rest, value, remove);
  return obj;
}

// ---------------------------------------------------------------- numbers

/** A small seeded generator (mulberry32) for bulk arrays and bulk bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function randomBits(next: () => number, bits: number): bigint {
  let v = 0n;
  for (let got = 0; got < bits; got += 32) v = (v << 32n) | BigInt(next());
  return BigInt.asUintN(bits, v);
}

/** The raw bit pattern (0..2^w-1) a member holds, restricted to `allowed`. */
function patternArb(bits: number, allowed?: bigint): fc.Arbitrary<bigint> {
  const max = (1n << BigInt(bits)) - 1n;
  const edges = [0n, 1n, max, max - 1n, 1n << BigInt(bits - 1), (1n << BigInt(bits - 1)) - 1n].filter((x) => x >= 0n && x <= max);
  const raw = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 6, arbitrary: fc.bigInt({ min: 0n, max }) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: max < 0xffffn ? max : 0xffffn }) },
  );
  return allowed === undefined ? raw : fc.oneof({ weight: 1, arbitrary: fc.constant(allowed & max) }, { weight: 5, arbitrary: raw.map((x) => x & allowed) });
}

/** The TS value of a bit pattern: two's complement for signed members, number unless the member is big. */
export function patternToValue(pattern: bigint, leaf: Pick<NumLeaf, 'bits' | 'signed' | 'big'>): number | bigint {
  const v = leaf.signed ? BigInt.asIntN(leaf.bits, pattern) : BigInt.asUintN(leaf.bits, pattern);
  return leaf.big ? v : Number(v);
}

export function numArb(leaf: Pick<NumLeaf, 'bits' | 'signed' | 'big' | 'allowed'>): fc.Arbitrary<number | bigint> {
  return patternArb(leaf.bits, leaf.allowed).map((p) => patternToValue(p, leaf));
}

/** `count` values from a seeded generator: random, all zero, all ones, sparse or edge values, restricted to `allowed`. */
function bulkArb(count: number, leaf: Pick<NumLeaf, 'bits' | 'signed' | 'big' | 'allowed'>): fc.Arbitrary<(number | bigint)[]> {
  const max = (1n << BigInt(leaf.bits)) - 1n;
  const mask = leaf.allowed === undefined ? max : leaf.allowed & max;
  return fc.record({ seed: fc.integer(), mode: fc.constantFrom('random', 'random', 'zero', 'ones', 'sparse', 'edges') }).map(({ seed, mode }) => {
    const next = prng(seed);
    const edges = [0n, 1n, max, 1n << BigInt(leaf.bits - 1)];
    const out: (number | bigint)[] = new Array(count);
    for (let i = 0; i < count; i++) {
      let p: bigint;
      if (mode === 'zero') p = 0n;
      else if (mode === 'ones') p = max;
      else if (mode === 'sparse') p = next() % 16 === 0 ? randomBits(next, leaf.bits) : 0n;
      else if (mode === 'edges') p = edges[next() % edges.length]!;
      else p = randomBits(next, leaf.bits);
      out[i] = patternToValue(p & mask, leaf);
    }
    return out;
  });
}

function numArrayArb(count: number, leaf: Pick<NumLeaf, 'bits' | 'signed' | 'big' | 'allowed'>): fc.Arbitrary<(number | bigint)[]> {
  return count > BULK_ARRAY ? bulkArb(count, leaf) : fc.array(numArb(leaf), { minLength: count, maxLength: count });
}

// ---------------------------------------------------------------- strings

/** The longest prefix, in whole code points, whose UTF-8 fits in `maxBytes`. */
export function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let n = 0;
  for (const cp of s) {
    const len = utf8Length(cp);
    if (n + len > maxBytes) break;
    out += cp;
    n += len;
  }
  return out;
}

/** Any NUL-free UTF-8 string of at most size-1 bytes: printable ASCII, control characters, any code point, graphemes; sometimes exactly size-1 bytes. */
export function cstringArb(size: number): fc.Arbitrary<string> {
  const maxBytes = size - 1;
  const text = fc.oneof(
    fc.string({ unit: 'grapheme-ascii', maxLength: maxBytes }),
    fc.string({ unit: 'binary-ascii', maxLength: maxBytes }),
    fc.string({ unit: 'binary', maxLength: maxBytes }),
    fc.string({ unit: 'grapheme', maxLength: maxBytes }),
  );
  return fc.tuple(text, fc.boolean(), fc.constantFrom('x', '~', ' ')).map(([s, fill, pad]) => {
    const t = truncateUtf8(s.replace(/\0/g, ''), maxBytes);
    return fill ? t + pad.repeat(maxBytes - utf8Length(t)) : t;
  });
}

// ---------------------------------------------------------------- structs

const cache = new WeakMap<StructIR, fc.Arbitrary<Value>>();

/** The value arbitrary of one member, keyed by the names it contributes (bitfields and unions contribute several). */
function fieldArbs(st: StructIR, f: FieldIR): [string, fc.Arbitrary<unknown>][] {
  switch (f.shape) {
    case 'bits':
      return f.bits!.map((b) => [b.name, numArb(bitLeaf(f, b, [], st.name, f.offset))]);
    case 'scalar':
      // A member the reader accepts with one value only (a format version) takes that value.
      if (f.equals !== undefined) return [[f.name!, fc.constant(primIsBig(f.prim!) ? f.equals : Number(f.equals))]];
      return [[f.name!, numArb(primLeaf(f.prim!, [], st.name, f.name!, f.offset, f.allowed, undefined, f.asNumber))]];
    case 'khoser':
      return [[f.name!, numArb(primLeaf('u64', [], st.name, f.name!, f.offset, undefined))]];
    case 'pointer':
      // Encoders store 0 in a kernel pointer: the only value that round-trips.
      return [[f.name!, fc.constant(0n)]];
    case 'array':
      if (isCharArray(f)) return [[f.name!, cstringArb(f.size)]];
      return [[f.name!, numArrayArb(f.count!, primLeaf(f.prim!, [], st.name, f.name!, f.offset, undefined))]];
    case 'bitmap':
    case 'khoser-array':
      return [[f.name!, numArrayArb(f.count!, primLeaf('u64', [], st.name, f.name!, f.offset, undefined))]];
    case 'struct':
      return [[f.name!, structArbitrary(f.struct!)]];
    case 'struct-array':
      return [[f.name!, fc.array(structArbitrary(f.struct!), { minLength: f.count!, maxLength: f.count! })]];
    case 'flexible':
      return [[f.name!, fc.constant([])]];
    case 'union':
      return []; // handled by unionArb: the members share bytes
  }
}

/**
 * An anonymous union: every member reads the same bytes, so the value is
 * drawn as the union's bytes and each member's value is read from them.
 */
function unionArb(st: StructIR, u: UnionFieldIR): fc.Arbitrary<Value> {
  const synthetic: StructIR = { ...st, size: u.size, fields: u.members };
  const leaves = members(synthetic, 0, [], { allElements: true });
  return fc.uint8Array({ minLength: u.size, maxLength: u.size }).map((bytes) => {
    let v: Value = {};
    for (const m of leaves) {
      if (m.kind === 'num') v = setPath(v, m.path, readLeaf(bytes, m)) as Value;
      else if (m.kind === 'string') v = setPath(v, m.path, '') as Value;
    }
    return v;
  });
}

/** The arbitrary of the TS value of `st`, as its generated codec decodes it. */
export function structArbitrary(st: StructIR): fc.Arbitrary<Value> {
  const known = cache.get(st);
  if (known) return known;
  const plain: Record<string, fc.Arbitrary<unknown>> = {};
  const unions: fc.Arbitrary<Value>[] = [];
  for (const f of st.fields) {
    if (f.shape === 'union') unions.push(unionArb(st, f));
    else for (const [k, a] of fieldArbs(st, f)) plain[k] = a;
  }
  // A flexible array whose length a member gives: empty, so that member is 0.
  const counts = st.fields.flatMap((f) => (f.shape === 'flexible' && f.ref?.count ? [f.ref.count.name] : []));
  const arb = fc.tuple(fc.record(plain), ...unions).map(([base, ...us]) => {
    const v: Value = Object.assign({}, base, ...us);
    for (const c of counts) v[c] = typeof v[c] === 'bigint' ? 0n : 0;
    // A member bounded by an earlier one (nr_devices <= max_nr_devices) stays within it.
    for (const f of st.fields) if (f.shape === 'scalar' && f.atMost && (v[f.name] as number | bigint) > (v[f.atMost.name] as number | bigint)) v[f.name] = v[f.atMost.name];
    return v;
  });
  cache.set(st, arb);
  return arb;
}

/** numRuns for a struct: fewer for the page-sized arrays (radix nodes and bitmaps, vmalloc chunks). */
export function runsFor(st: StructIR, small: number, large = Math.max(3, Math.round(small / 10))): number {
  return elementCount(st) > 256 ? large : small;
}

// ---------------------------------------------------------------- reference bytes

function readLeaf(bytes: Uint8Array, m: NumLeaf): number | bigint {
  let unit = 0n;
  for (let i = m.unitSize - 1; i >= 0; i--) unit = (unit << 8n) | BigInt(bytes[m.unitOffset + i]!);
  return patternToValue((unit >> BigInt(m.lsb)) & ((1n << BigInt(m.bits)) - 1n), m);
}

/**
 * The bytes `value` must encode to, computed from the IR alone (little
 * endian), and which bytes a member covers (padding is not covered).
 */
export function referenceEncode(st: StructIR, value: Value): { bytes: Uint8Array; covered: Uint8Array } {
  const bytes = new Uint8Array(st.size);
  const covered = new Uint8Array(st.size);
  for (const m of members(st, 0, [], { allElements: true })) {
    if (m.kind === 'num') {
      const v = getPath(value, m.path) as number | bigint;
      const pattern = BigInt.asUintN(m.bits, BigInt(v));
      let unit = 0n;
      for (let i = m.unitSize - 1; i >= 0; i--) unit = (unit << 8n) | BigInt(bytes[m.unitOffset + i]!);
      unit |= pattern << BigInt(m.lsb);
      for (let i = 0; i < m.unitSize; i++) {
        bytes[m.unitOffset + i] = Number((unit >> BigInt(8 * i)) & 0xffn);
        covered[m.unitOffset + i] = 1;
      }
    } else if (m.kind === 'string') {
      const s = utf8.encode(getPath(value, m.path) as string);
      bytes.set(s, m.offset);
      covered.fill(1, m.offset, m.offset + m.size);
    }
  }
  return { bytes, covered };
}

/**
 * The value an encoder gives back for `value`: kernel pointers (pointer:
 * members) are written as 0 whatever they held, in nested structs too.
 */
export function withKernelPointersZeroed(st: StructIR, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const field = (f: FieldIR): void => {
    if (f.shape === 'union') return f.members.forEach(field);
    if (f.name === undefined || !(f.name in out)) return;
    if (f.shape === 'pointer') out[f.name] = 0n;
    else if (f.shape === 'struct') out[f.name] = withKernelPointersZeroed(f.struct, out[f.name]);
    else if ((f.shape === 'struct-array' || (f.shape === 'flexible' && f.struct)) && Array.isArray(out[f.name])) out[f.name] = (out[f.name] as unknown[]).map((x) => withKernelPointersZeroed(f.struct!, x));
  };
  st.fields.forEach(field);
  return out;
}
