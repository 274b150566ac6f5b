/**
 * Property tests of every generated TypeScript codec (generated/ts, registry
 * `allCodecs`): every schema, version, struct and page size, matched one to
 * one with the layout IR built in-process from schemas/*.yaml, so a new
 * schema is covered without touching this file.
 *
 * Per codec:
 *  a. decode(encode(x)) equals x, at any buffer offset; encode writes exactly
 *     the bytes the IR places (checked against a reference encoder) and no
 *     byte outside the struct;
 *  b. the same through PhysMem at any physical address (page-crossing and
 *     near 2^52 included); an absent page or an address beyond 52 bits is a
 *     MemoryError naming the address;
 *  c. corrupt bytes give a DecodeError naming struct, field and offset, never
 *     a wrong value or another exception: short buffers, char arrays without
 *     NUL or with bad UTF-8, undeclared bits, random bytes;
 *  d. out-of-range, non-integer and wrongly typed values, too-long strings
 *     and strings with NUL are an EncodeError naming struct and field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCodecs } from '../generated/ts/index.js';
import type { StructIR } from '../generator/layout/ir.js';
import type { PageSize, StructCodec } from '../runtime/codec.js';
import { DecodeError, EncodeError, MemoryError } from '../runtime/errors.js';
import { MAX_PHYS_BITS, PhysMem } from '../runtime/phys-mem.js';
import type { ReadWarning } from '../runtime/warnings.js';
import {
  members,
  prng,
  referenceEncode,
  runsFor,
  setPath,
  structArbitrary,
  topLevelSpans,
  type NumLeaf,
  type StringLeaf,
  withKernelPointersZeroed,
} from './helpers/arbitraries.js';
import { buildIRs } from './helpers/project-ir.js';
import { thrown } from './helpers/thrown.js';


interface Case {
  readonly key: string;
  readonly st: StructIR;
  readonly codec: StructCodec<unknown>;
  readonly pageSize: PageSize;
}

const irs = buildIRs();
const irByKey = new Map<string, StructIR>();
for (const ir of irs) {
  for (const s of ir.schemas) for (const v of s.versions) for (const st of v.structs) irByKey.set(`${s.name} ${v.id} ${st.name} @${ir.target.pageSize / 1024}K`, st);
}
const codecByKey = new Map<string, { codec: StructCodec<unknown>; pageSize: PageSize }>();
for (const s of allCodecs) {
  for (const v of s.versions) {
    for (const [name, perPage] of Object.entries(v.structs)) {
      for (const [page, codec] of Object.entries(perPage)) {
        codecByKey.set(`${s.schema} ${v.id} ${name} @${Number(page) / 1024}K`, { codec: codec as StructCodec<unknown>, pageSize: Number(page) as PageSize });
      }
    }
  }
}
const cases: Case[] = [...codecByKey]
  .filter(([key]) => irByKey.has(key))
  .map(([key, { codec, pageSize }]) => ({ key, st: irByKey.get(key)!, codec, pageSize }));

// ---------------------------------------------------------------- helpers

interface Where {
  readonly struct: string;
  readonly field?: string;
  readonly offset?: number;
  readonly address?: bigint;
}

function expectError(e: unknown, type: typeof DecodeError | typeof EncodeError, where: Where, what: string): void {
  if (!(e instanceof type)) throw new Error(`${what}: expected ${type.name} naming ${where.struct}.${where.field ?? ''}, got ${e === undefined ? 'no error' : String(e)}`);
  expect({ struct: e.struct, field: e.field, offset: e.offset }, `${what}: ${e.message}`).toEqual({
    struct: where.struct,
    field: 'field' in where ? where.field : e.field,
    offset: where.offset ?? e.offset,
  });
  if (where.address !== undefined) expect((e as DecodeError).address, `${what}: ${e.message}`).toBe(where.address);
  if (where.field !== undefined) expect(e.message).toContain(`${where.struct}.${where.field}`);
}

/** The error carries the address accessed; for an absent page its message also names that page. */
function expectMemoryError(e: unknown, address: bigint, what: string, page?: bigint): void {
  if (!(e instanceof MemoryError)) throw new Error(`${what}: expected MemoryError at 0x${address.toString(16)}, got ${e === undefined ? 'no error' : String(e)}`);
  expect(e.address, `${what}: ${e.message}`).toBe(address);
  expect(e.message).toContain(`0x${address.toString(16)}`);
  if (page !== undefined) expect(e.message).toContain(`page 0x${page.toString(16)} is not present`);
}

/**
 * Strict deep equality (same types, Object.is for numbers, no extra keys),
 * fast on page-sized arrays; expect() runs only to print the difference.
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Uint8Array) return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b as Uint8Array);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  if (Array.isArray(a)) {
    for (let i = 0; i < a.length; i++) if (!(i in a) || !same(a[i], (b as unknown[])[i])) return false;
    return true;
  }
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function expectSame(actual: unknown, expected: unknown, what?: string): void {
  if (!same(actual, expected)) expect(actual, what).toStrictEqual(expected);
}

const view = (bytes: Uint8Array, length = bytes.length): DataView => new DataView(bytes.buffer, bytes.byteOffset, length);

function encode(c: Case, value: unknown): Uint8Array {
  const bytes = new Uint8Array(c.codec.size);
  c.codec.encode(value, view(bytes), 0);
  return bytes;
}

/** Random bytes for a struct: from fast-check for small ones, seeded for page-sized ones. */
function bytesArb(size: number): fc.Arbitrary<Uint8Array> {
  if (size <= 512) return fc.uint8Array({ minLength: size, maxLength: size });
  return fc.integer().map((seed) => {
    const next = prng(seed);
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i += 4) new DataView(out.buffer).setUint32(i, next(), true);
    return out;
  });
}

/** Every struct reachable from `st`, and the member names its errors may give. */
function namesOf(st: StructIR, out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const set = out.get(st.name) ?? new Set<string>();
  out.set(st.name, set);
  for (const s of topLevelSpans(st)) set.add(s.name);
  for (const f of st.fields) if ('struct' in f && f.struct) namesOf(f.struct, out);
  return out;
}

/** Physical addresses for a struct of `size` bytes: anywhere, crossing a page boundary, in the last pages below 2^52. */
function addressArb(size: number, pageSize: number): fc.Arbitrary<bigint> {
  const top = 1n << MAX_PHYS_BITS;
  const page = BigInt(pageSize);
  const lastPfn = top / page - 1n;
  const crossing = fc
    .tuple(fc.bigInt({ min: 0n, max: lastPfn - BigInt(Math.ceil(size / pageSize)) - 1n }), fc.integer({ min: Math.max(1, pageSize - size + 1), max: pageSize - 1 }))
    .map(([pfn, inPage]) => pfn * page + BigInt(inPage));
  return fc.oneof(
    fc.bigInt({ min: 0n, max: top - BigInt(size) }),
    crossing,
    fc.bigInt({ min: top - BigInt(size) - 3n * page, max: top - BigInt(size) }),
    fc.constantFrom(0n, top - BigInt(size)),
  );
}

/** Values no member of this width and type accepts. */
function badNumbers(leaf: NumLeaf): { label: string; value: unknown }[] {
  const w = BigInt(leaf.encodableBits ?? leaf.bits);
  const out: { label: string; value: unknown }[] = [];
  const num = (b: bigint): number | bigint => (leaf.big ? b : Number(b));
  if (leaf.signed) {
    out.push({ label: '2^(w-1)', value: num(1n << (w - 1n)) }, { label: '-2^(w-1)-1', value: num(-(1n << (w - 1n)) - 1n) });
  } else {
    out.push({ label: '2^w', value: num(1n << w) }, { label: '-1', value: num(-1n) });
  }
  out.push({ label: 'non-integer', value: 0.5 }, { label: 'wrong type', value: leaf.big ? 0 : 0n }, { label: 'string', value: '0' });
  out.push({ label: 'null', value: null }, { label: 'undefined', value: undefined });
  if (!leaf.big) out.push({ label: 'NaN', value: NaN }, { label: 'Infinity', value: Infinity });
  if (leaf.allowed !== undefined && !leaf.ignored) {
    const undeclared = undeclaredBits(leaf);
    if (undeclared.length) out.push({ label: `undeclared bit ${undeclared[0]}`, value: num(1n << BigInt(undeclared[0]!)) });
  }
  return out;
}

/** Bits within a member's width that `allowed` does not declare. */
function undeclaredBits(leaf: NumLeaf): number[] {
  const out: number[] = [];
  if (leaf.allowed === undefined) return out;
  for (let k = 0; k < leaf.bits; k++) if (((leaf.allowed >> BigInt(k)) & 1n) === 0n) out.push(k);
  return out;
}

/** Sets bit `k` of a member in encoded bytes. */
function setBit(bytes: Uint8Array, leaf: NumLeaf, k: number): void {
  const bit = leaf.lsb + k;
  bytes[leaf.unitOffset + (bit >> 3)]! |= 1 << (bit & 7);
}

const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] => fc.sample(arb, { numRuns: n, seed });

// ---------------------------------------------------------------- the tests

describe('the codec registry and the layout IR', () => {
  it('has a codec for every IR struct and an IR struct for every codec, with the same name, version, size and align', () => {
    const noIR = [...codecByKey.keys()].filter((k) => !irByKey.has(k));
    const noCodec = [...irByKey.keys()].filter((k) => !codecByKey.has(k));
    expect({ noIR, noCodec }).toEqual({ noIR: [], noCodec: [] });
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const [schema, version] = c.key.split(' ');
      void schema;
      expect({ name: c.codec.name, version: c.codec.version, size: c.codec.size, align: c.codec.align }, c.key).toEqual({ name: c.st.name, version, size: c.st.size, align: c.st.align });
    }
  });
});

for (const c of cases) {
  const { st, codec, pageSize } = c;
  const arb = structArbitrary(st);
  const all = members(st);
  const nums = all.filter((m): m is NumLeaf => m.kind === 'num');
  const strings = all.filter((m): m is StringLeaf => m.kind === 'string');
  const names = namesOf(st);
  const maxString = Math.max(0, ...strings.map((s) => s.size));

  describe(c.key, () => {
    it('a. decode(encode(x)) equals x at any offset; the bytes are the IR layout and nothing outside is written', () => {
      fc.assert(
        fc.property(arb, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (value, pad, off) => {
          const tail = 8;
          const buf = new Uint8Array(pad + off + st.size + tail).fill(0xa5);
          const dv = new DataView(buf.buffer, pad, off + st.size + tail);
          codec.encode(value, dv, off);
          // A struct that fills a linker section reads its flexible tail to the end of the bytes (the section): end them there.
          expectSame(codec.decode(st.section !== undefined ? new DataView(buf.buffer, pad, off + st.size) : dv, off), value);
          const start = pad + off;
          expect(buf.subarray(0, start).every((b) => b === 0xa5), 'bytes before the struct untouched').toBe(true);
          expect(buf.subarray(start + st.size).every((b) => b === 0xa5), 'bytes after the struct untouched').toBe(true);
          const ref = referenceEncode(st, value);
          const got = buf.subarray(start, start + st.size);
          for (let i = 0; i < st.size; i++) if (ref.covered[i] && got[i] !== ref.bytes[i]) throw new Error(`byte ${i} is 0x${got[i]!.toString(16)}, the IR layout says 0x${ref.bytes[i]!.toString(16)}`);
        }),
        { numRuns: runsFor(st, 100, 8) },
      );
    });

    it('b. round-trips through PhysMem at any physical address; absent pages and addresses beyond 52 bits are MemoryErrors', () => {
      const top = 1n << MAX_PHYS_BITS;
      const page = BigInt(pageSize);
      fc.assert(
        fc.property(arb, addressArb(st.size, pageSize), (value, pa) => {
          const mem = new PhysMem({ pageSize });
          mem.encode(codec, value, pa);
          expectSame(mem.decode(codec, pa), value);
          expectSame(mem.read(pa, st.size), encode(c, value), 'bytes in PhysMem');
          // A page never written: the error names the struct's address and the first absent page it touches.
          const base = (pa / page) * page;
          expectMemoryError(thrown(() => new PhysMem({ pageSize }).decode(codec, pa)), pa, 'absent page', base);
          const last = ((pa + BigInt(st.size) - 1n) / page) * page;
          if (last !== base) {
            const half = new PhysMem({ pageSize });
            half.map(base, 1);
            expectMemoryError(thrown(() => half.decode(codec, pa)), pa, 'second page absent', base + page);
          }
        }),
        { numRuns: runsFor(st, 40, 5) },
      );
      fc.assert(
        fc.property(arb, fc.oneof(fc.bigInt({ min: top - BigInt(st.size) + 1n, max: top + page }), fc.bigInt({ min: top, max: (1n << 64n) - 1n })), (value, pa) => {
          const mem = new PhysMem({ pageSize });
          expectMemoryError(thrown(() => mem.decode(codec, pa)), pa, 'decode beyond 52 bits');
          expectMemoryError(thrown(() => mem.encode(codec, value, pa)), pa, 'encode beyond 52 bits');
          expect(mem.pageCount).toBe(0);
        }),
        { numRuns: runsFor(st, 20, 3) },
      );
    });

    it('c. a buffer shorter than the struct is a DecodeError naming the struct, the member cut and the offset', () => {
      const [value] = sample(arb, 1, 1);
      const bytes = encode(c, value);
      const spans = topLevelSpans(st);
      const lengths = st.size <= 512 ? [...Array(st.size).keys()] : [0, 1, 7, 8, 9, 15, 16, 17, st.size / 2, st.size - 8, st.size - 1, ...sample(fc.nat(st.size - 1), 8, 2)];
      for (const len of lengths) {
        for (const off of [0, 3]) {
          const buf = new Uint8Array(off + st.size);
          buf.set(bytes, off);
          const e = thrown(() => codec.decode(view(buf, off + len), off));
          expectError(e, DecodeError, { struct: st.name, offset: off + len }, `truncated to ${len} bytes at offset ${off}`);
          // The member the cut goes through, or after padding the next one.
          const through = spans.filter((s) => s.start <= len && len < s.end);
          const nextStart = Math.min(...spans.filter((s) => s.start > len).map((s) => s.start));
          const cut = (through.length ? through : spans.filter((s) => s.start === nextStart)).map((s) => s.name);
          expect(cut, `truncated to ${len}: names ${(e as DecodeError).field}, not the member cut (${spans.map((s) => `${s.name}@${s.start}..${s.end}`).join(' ')})`).toContain((e as DecodeError).field);
        }
      }
    });

    if (strings.length) it('c. a char array without NUL, or not UTF-8, is a DecodeError naming that field', () => {
      fc.assert(
        fc.property(arb, fc.nat(strings.length - 1), fc.uint8Array({ min: 1, max: 255, minLength: maxString, maxLength: maxString }), addressArb(st.size, pageSize), (value, which, fill, pa) => {
          const s = strings[which]!;
          const bytes = encode(c, value);
          bytes.set(fill.subarray(0, s.size), s.offset);
          expectError(thrown(() => codec.decode(view(bytes))), DecodeError, { struct: s.struct, field: s.field, offset: s.offset }, `no NUL in ${s.field}`);
          const mem = new PhysMem({ pageSize });
          mem.write(pa, bytes);
          expectError(thrown(() => mem.decode(codec, pa)), DecodeError, { struct: s.struct, field: s.field, offset: s.offset, address: pa + BigInt(s.offset) }, `no NUL in ${s.field} at 0x${pa.toString(16)}`);
        }),
        { numRuns: runsFor(st, 30, 5) },
      );
      const [value] = sample(arb, 1, 3);
      for (const s of strings) {
        for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0x61, 0x80]]) {
          const bytes = encode(c, value);
          bytes.fill(0, s.offset, s.offset + s.size);
          bytes.set(bad.slice(0, s.size - 1), s.offset);
          expectError(thrown(() => codec.decode(view(bytes))), DecodeError, { struct: s.struct, field: s.field, offset: s.offset }, `bytes ${bad} in ${s.field}`);
        }
      }
    });

    const withIgnored = nums.filter((m) => m.ignored && undeclaredBits(m).length > 0);
    if (withIgnored.length) it('c. an undeclared bit the kernel ignores is read with a warning naming the member, and refused in strict mode', () => {
      const [value] = sample(arb, 1, 4);
      for (const m of withIgnored) {
        for (const k of undeclaredBits(m)) {
          const bytes = encode(c, value);
          setBit(bytes, m, k);
          const warnings: ReadWarning[] = [];
          codec.decode(view(bytes), 0, { warnings });
          expect(warnings.map((w) => [w.code, w.struct, w.field, w.offset]), `bit ${k} of ${m.field}`).toEqual([['undeclared-bits', m.struct, m.field, m.offset]]);
          expect(warnings[0]!.kernel).toMatch(/\(.+\.c\)$/);
          expectError(thrown(() => codec.decode(view(bytes), 0, { strict: true })), DecodeError, { struct: m.struct, field: m.field, offset: m.offset }, `strict: bit ${k} of ${m.field}`);
        }
      }
    });

    const withAllowed = nums.filter((m) => !m.ignored && undeclaredBits(m).length > 0);
    if (withAllowed.length) it('c. an undeclared bit set in a member with `allowed` is a DecodeError naming that member', () => {
      fc.assert(
        fc.property(arb, fc.nat(withAllowed.length - 1), fc.nat(), addressArb(st.size, pageSize), (value, which, pick, pa) => {
          const m = withAllowed[which]!;
          const undeclared = undeclaredBits(m);
          const k = undeclared[pick % undeclared.length]!;
          const bytes = encode(c, value);
          setBit(bytes, m, k);
          expectError(thrown(() => codec.decode(view(bytes))), DecodeError, { struct: m.struct, field: m.field, offset: m.offset }, `bit ${k} of ${m.field}`);
          const mem = new PhysMem({ pageSize });
          mem.write(pa, bytes);
          expectError(thrown(() => mem.decode(codec, pa)), DecodeError, { struct: m.struct, field: m.field, offset: m.offset, address: pa + BigInt(m.offset) }, `bit ${k} of ${m.field} at 0x${pa.toString(16)}`);
        }),
        { numRuns: runsFor(st, 50, 5) },
      );
      // Every undeclared bit once, not only the ones fast-check drew.
      const [value] = sample(arb, 1, 4);
      for (const m of withAllowed) {
        for (const k of undeclaredBits(m)) {
          const bytes = encode(c, value);
          setBit(bytes, m, k);
          expectError(thrown(() => codec.decode(view(bytes))), DecodeError, { struct: m.struct, field: m.field, offset: m.offset }, `bit ${k} of ${m.field}`);
        }
      }
    });

    it('c. random bytes decode to a value that re-encodes to itself, or give a DecodeError, nothing else', () => {
      const mutated = fc
        .tuple(arb, fc.array(fc.tuple(fc.nat(st.size - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }))
        .map(([value, edits]) => {
          const bytes = encode(c, value);
          for (const [i, b] of edits) bytes[i] = b;
          return bytes;
        });
      fc.assert(
        fc.property(fc.oneof(bytesArb(st.size), mutated), (bytes) => {
          let decoded: unknown;
          try {
            decoded = codec.decode(view(bytes));
          } catch (e) {
            if (!(e instanceof DecodeError)) throw new Error(`decode threw ${String(e)}, not a DecodeError`);
            expect(names.has(e.struct), `error names struct ${e.struct}`).toBe(true);
            if (e.field !== undefined) expect(names.get(e.struct)!.has(e.field), `error names ${e.struct}.${e.field}`).toBe(true);
            expect(e.offset >= 0 && e.offset <= st.size, `offset ${e.offset}`).toBe(true);
            return;
          }
          const again = encode(c, decoded);
          // A kernel pointer is the one member an encoder does not copy: it writes 0.
          expectSame(codec.decode(view(again)), withKernelPointersZeroed(st, decoded));
        }),
        { numRuns: runsFor(st, 150, 10) },
      );
    });

    it('d. out-of-range, non-integer and wrongly typed numbers are an EncodeError naming the struct and member', () => {
      const bases = sample(arb, 2, 5);
      for (const base of bases) {
        expect(() => encode(c, base)).not.toThrow();
        for (const m of nums) {
          for (const bad of badNumbers(m)) {
            expectError(thrown(() => encode(c, setPath(base, m.path, bad.value))), EncodeError, { struct: m.struct, field: m.field, offset: m.offset }, `${m.path.join('.')} = ${bad.label}`);
          }
          expectError(thrown(() => encode(c, setPath(base, m.path, undefined, true))), EncodeError, { struct: m.struct, field: m.field, offset: m.offset }, `${m.path.join('.')} missing`);
        }
      }
      expectError(thrown(() => encode(c, null)), EncodeError, { struct: st.name, offset: 0 }, 'null');
      expectError(thrown(() => encode(c, 42)), EncodeError, { struct: st.name, offset: 0 }, '42');
      for (const m of all) {
        if (m.kind === 'array') {
          const base = bases[0]!;
          for (const bad of [m.count - 1, m.count + 1]) {
            expectError(thrown(() => encode(c, setPath(base, m.path, Array(bad).fill(0)))), EncodeError, { struct: m.struct, field: m.field, offset: m.offset }, `${m.field} of ${bad} elements`);
          }
          expectError(thrown(() => encode(c, setPath(base, m.path, 'x'))), EncodeError, { struct: m.struct, field: m.field, offset: m.offset }, `${m.field} not an array`);
        } else if (m.kind === 'struct') {
          for (const bad of [null, 7, undefined]) {
            expectError(thrown(() => encode(c, setPath(bases[0], m.path, bad))), EncodeError, { struct: m.struct.name, offset: m.offset }, `${m.path.join('.')} = ${String(bad)}`);
          }
        }
      }
      // Out-of-range values drawn at random, not only the edges.
      if (nums.length) {
        fc.assert(
          fc.property(fc.constantFrom(...bases), fc.constantFrom(...nums), fc.bigInt({ min: 1n, max: 1n << 70n }), fc.boolean(), (base, m, excess, below) => {
            const w = BigInt(m.encodableBits ?? m.bits);
            const lo = m.signed ? -(1n << (w - 1n)) : 0n;
            const hi = m.signed ? (1n << (w - 1n)) - 1n : (1n << w) - 1n;
            const big = below ? lo - excess : hi + excess;
            const v = m.big ? big : Number(big);
            expectError(thrown(() => encode(c, setPath(base, m.path, v))), EncodeError, { struct: m.struct, field: m.field, offset: m.offset }, `${m.path.join('.')} = ${big}`);
          }),
          { numRuns: runsFor(st, 50, 10) },
        );
      }
    });

    if (strings.length) it('d. strings of N bytes or more, with a NUL, or not strings are an EncodeError naming the field; N-1 bytes fit', () => {
      const [base] = sample(arb, 1, 6);
      for (const s of strings) {
        const n = s.size;
        const bad: [string, unknown][] = [
          ['N ASCII bytes', 'x'.repeat(n)],
          ['N+7 bytes', 'y'.repeat(n + 7)],
          ['N bytes of 2-byte characters', 'é'.repeat(Math.ceil(n / 2))],
          ['N-1 bytes then a 4-byte character', 'x'.repeat(n - 1) + '\u{1F600}'],
          ['N-2 bytes then a 2-byte character', 'x'.repeat(n - 2) + 'é'],
          ['a NUL', 'a\0b'],
          ['only a NUL', '\0'],
          ['a number', 5],
          ['undefined', undefined],
        ];
        for (const [label, v] of bad) {
          expectError(thrown(() => encode(c, setPath(base, s.path, v))), EncodeError, { struct: s.struct, field: s.field, offset: s.offset }, `${s.field}: ${label}`);
        }
        for (const ok of ['', 'x'.repeat(n - 1), 'é'.repeat(Math.floor((n - 1) / 2)), '\u{1F600}'.repeat(Math.floor((n - 1) / 4))]) {
          const value = setPath(base, s.path, ok);
          expectSame(codec.decode(view(encode(c, value))), value);
        }
      }
    });
  });
}
