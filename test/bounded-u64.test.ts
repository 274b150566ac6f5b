/**
 * A u64 the kernel bounds, held as a number (as_number in the schema):
 * memfd_luo_folio_ser.index and memfd_luo_ser.nr_folios, at most 2^51 - 1
 * (MAX_LFS_FILESIZE >> PAGE_SHIFT at 4 KiB pages) as a kernel writes them;
 * read beyond that with a warning, as the restore reads on, and refused
 * only above 2^53 - 1, which a number cannot hold. The bytes are checked
 * against DataView's own 64-bit writes (setBigUint64), not against the codec.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMemfdLuoFolioSer, encodeMemfdLuoFolioSer, MemfdLuoFolioSerView, MEMFD_LUO_SER_REFS } from '../generated/ts/memfd.js';
import { parseJson, valueFromJson } from '../generator/json-values.js';
import { analyze, layoutAll } from '../generator/pipeline.js';
import { DecodeError, EncodeError, type ReadWarning } from '../runtime/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/root.js';
import { thrown } from './helpers/thrown.js';

const MAX = 2 ** 51 - 1;

function folioBytes(index: bigint): DataView {
  const view = new DataView(new ArrayBuffer(16));
  view.setUint32(0, 0x1234, true);
  view.setBigUint64(8, index, true);
  return view;
}

describe('as_number: a bounded u64 as a checked number', () => {
  it('decodes every value up to the bound exactly, as a number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: BigInt(MAX) }), (index) => {
        const v = decodeMemfdLuoFolioSer(folioBytes(index));
        expect(v.index).toBe(Number(index));
        expect(new MemfdLuoFolioSerView(folioBytes(index)).index).toBe(Number(index));
      }),
    );
    expect(decodeMemfdLuoFolioSer(folioBytes(BigInt(MAX))).index).toBe(MAX);
  });

  it('reads a stored value above the bound as the kernel does, with a warning (refused in strict mode), while a number holds it exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(MAX) + 1n, max: BigInt(Number.MAX_SAFE_INTEGER) }), fc.integer({ min: 0, max: 3 }), (index, slot) => {
        const view = new DataView(new ArrayBuffer(64));
        view.setBigUint64(slot * 16 + 8, index, true);
        const warnings: ReadWarning[] = [];
        expect(decodeMemfdLuoFolioSer(view, slot * 16, { warnings }).index).toBe(Number(index));
        expect(warnings).toEqual([expect.objectContaining({ code: 'beyond-bound', struct: 'memfd_luo_folio_ser', field: 'index', offset: slot * 16 + 8 })]);
        expect(warnings[0]!.message).toContain(`is ${index}, more than ${MAX}`);
        const e = thrown(() => decodeMemfdLuoFolioSer(view, slot * 16, { strict: true })) as DecodeError;
        expect(e).toBeInstanceOf(DecodeError);
        expect([e.struct, e.field, e.offset]).toEqual(['memfd_luo_folio_ser', 'index', slot * 16 + 8]);
        expect(new MemfdLuoFolioSerView(view, slot * 16).index).toBe(Number(index));
      }),
    );
  });

  it('refuses a stored value above 2^53 - 1, which no number holds exactly, up to 2^64 - 1, naming struct, member, offset and the exact value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: (1n << 64n) - 1n }), fc.integer({ min: 0, max: 3 }), (index, slot) => {
        const view = new DataView(new ArrayBuffer(64));
        view.setBigUint64(slot * 16 + 8, index, true);
        const e = thrown(() => decodeMemfdLuoFolioSer(view, slot * 16)) as DecodeError;
        expect(e).toBeInstanceOf(DecodeError);
        expect([e.struct, e.field, e.offset]).toEqual(['memfd_luo_folio_ser', 'index', slot * 16 + 8]);
        expect(e.message).toContain(`is ${index}, more than 2^53 - 1`);
        expect(() => new MemfdLuoFolioSerView(view, slot * 16).index).toThrow(DecodeError);
      }),
    );
    // 2^53 + 1 rounds to 2^53 as a number: it is still refused, and the message names it exactly.
    expect(thrown(() => decodeMemfdLuoFolioSer(folioBytes(2n ** 53n + 1n)))).toHaveProperty('message', expect.stringContaining('is 9007199254740993,'));
  });

  it('encodes a number up to 2^53 - 1 to the bytes setBigUint64 writes: beyond the bound too, so what decode reads back encode writes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: MAX }), fc.integer({ min: MAX, max: Number.MAX_SAFE_INTEGER })), (index) => {
        const got = new DataView(new ArrayBuffer(16));
        encodeMemfdLuoFolioSer({ pfn: 0x1234, flags: 0, index }, got);
        expect(new Uint8Array(got.buffer)).toEqual(new Uint8Array(folioBytes(BigInt(index)).buffer));
        const viewed = new DataView(new ArrayBuffer(16));
        new MemfdLuoFolioSerView(viewed).index = index;
        expect(viewed.getBigUint64(8, true)).toBe(BigInt(index));
      }),
    );
  });

  it('refuses above 2^53 - 1, negative, fractional, NaN, bigint and symbol values when encoding, naming the member', () => {
    // A symbol throws a TypeError from any compare: the check must turn it away before comparing.
    for (const index of [2 ** 53, 2 ** 60, -1, 0.5, NaN, Infinity, 5n, '5', null, Symbol('5')]) {
      const e = thrown(() => encodeMemfdLuoFolioSer({ pfn: 1, flags: 0, index: index as number }, new DataView(new ArrayBuffer(16)))) as EncodeError;
      expect(e, String(index)).toBeInstanceOf(EncodeError);
      expect([e.struct, e.field, e.offset]).toEqual(['memfd_luo_folio_ser', 'index', 8]);
      expect(() => {
        new MemfdLuoFolioSerView(new DataView(new ArrayBuffer(16))).index = index as number;
      }).toThrow(EncodeError);
    }
  });

  it('refuses a symbol or a bigint in a 52-bit bitfield (pfn) with an EncodeError, not a TypeError', () => {
    for (const pfn of [Symbol('1'), 1n, '1']) {
      const e = thrown(() => encodeMemfdLuoFolioSer({ pfn: pfn as unknown as number, flags: 0, index: 0 }, new DataView(new ArrayBuffer(16)))) as EncodeError;
      expect(e, String(pfn)).toBeInstanceOf(EncodeError);
      expect([e.struct, e.field]).toEqual(['memfd_luo_folio_ser', 'pfn']);
      expect(() => {
        new MemfdLuoFolioSerView(new DataView(new ArrayBuffer(16))).pfn = pfn as unknown as number;
      }).toThrow(EncodeError);
    }
  });

  it('tells the runtime writer that the count is a number', () => {
    expect(MEMFD_LUO_SER_REFS.folios.count).toMatchObject({ name: 'nr_folios', number: true });
  });

  it('takes the JSON of decode and encode as a number or a decimal string, and refuses one no number holds', () => {
    const inputs = readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: `schemas/${f}`, bytes: readFileSync(join(repoRoot, 'schemas', f)) }));
    const ir = layoutAll(analyze(inputs)).irs[0]!;
    const st = ir.schemas.find((s) => s.name === 'memfd')!.current.structs.find((s) => s.name === 'memfd_luo_folio_ser')!;
    expect(valueFromJson(st, parseJson('{"pfn": 1, "flags": 0, "index": 42}'))).toMatchObject({ index: 42 });
    expect(valueFromJson(st, parseJson('{"pfn": 1, "flags": 0, "index": "42"}'))).toMatchObject({ index: 42 });
    expect(() => valueFromJson(st, parseJson('{"pfn": 1, "flags": 0, "index": "9007199254740993"}'))).toThrow('is not an integer in 0..9007199254740991');
  });
});
