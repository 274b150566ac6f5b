/**
 * The runtime's bigint bitfield helpers against a bit-string model, and the
 * generated zero-copy views against the generated decoders and encoders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLuoFileSer, encodeLuoFileSer, LuoFileSerView } from '../generated/ts/luo.js';
import { decodeMemfdLuoFolioSer, encodeMemfdLuoFolioSer, MemfdLuoFolioSerView, MemfdLuoSerView } from '../generated/ts/memfd.js';
import { PciSerView } from '../generated/ts/pci.js';
import { decodeKhoVmalloc, KhoVmallocView } from '../generated/ts/vmalloc.js';
import { EncodeError, extractBits, insertBits } from '../runtime/index.js';

/** Bit i of a unit as the character at position unitBits-1-i of its binary string: an independent model. */
const bin = (u: bigint, unitBits: number): string => BigInt.asUintN(unitBits, u).toString(2).padStart(unitBits, '0');

const geometry = (unitBits: number) =>
  fc.integer({ min: 1, max: unitBits }).chain((width) => fc.record({ width: fc.constant(width), lsb: fc.integer({ min: 0, max: unitBits - width }) }));

describe('extractBits / insertBits', () => {
  for (const unitBits of [8, 16, 32, 64]) {
    it(`agree with a bit-string model in a ${unitBits}-bit unit`, () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: (1n << BigInt(unitBits)) - 1n }), geometry(unitBits), fc.bigInt({ min: 0n, max: (1n << BigInt(64)) - 1n }), (unit, { lsb, width }, raw) => {
          const value = BigInt.asUintN(width, raw);
          const s = bin(unit, unitBits);
          const hi = unitBits - lsb - width;
          expect(extractBits(unit, lsb, width, unitBits)).toBe(BigInt('0b' + s.slice(hi, hi + width)));
          const expected = s.slice(0, hi) + value.toString(2).padStart(width, '0') + s.slice(hi + width);
          expect(bin(insertBits(unit, lsb, width, value, unitBits), unitBits)).toBe(expected);
        }),
      );
    });
  }

  it('refuse a field outside its unit and a value wider than the field', () => {
    expect(() => extractBits(0n, 60, 8)).toThrow(RangeError);
    expect(() => insertBits(0n, 0, 52, 1n << 52n)).toThrow(RangeError);
    expect(() => insertBits(0n, 0, 52, -1n)).toThrow(RangeError);
  });
});

describe('generated views read and write what the codecs do', () => {
  it('memfd_luo_folio_ser: pfn:52 and flags:12 through the view', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.integer({ min: 0, max: 0xfff }), fc.integer({ min: 0, max: 2 ** 51 - 1 }), fc.integer({ min: 0, max: 3 }), (pfn, flags, index, slot) => {
        const view = new DataView(new ArrayBuffer(64));
        const v = new MemfdLuoFolioSerView(view, slot * 16);
        v.pfn = pfn;
        v.flags = flags;
        v.index = index;
        expect(decodeMemfdLuoFolioSer(view, slot * 16)).toEqual({ pfn, flags, index });
        encodeMemfdLuoFolioSer({ pfn: 2 ** 52 - 1 - pfn, flags, index }, view, slot * 16);
        expect([v.pfn, v.flags, v.index]).toEqual([2 ** 52 - 1 - pfn, flags, index]);
      }),
    );
    const v = new MemfdLuoFolioSerView(new DataView(new ArrayBuffer(16)));
    expect(() => (v.pfn = 2 ** 52)).toThrow(EncodeError);
    expect(() => (v.flags = 0x1000)).toThrow(EncodeError);
  });

  it('a bitfield setter leaves every other bit of its unit alone (no BigInt on the way)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.integer({ min: 0, max: 0xfff }), (bytes, pfn, flags) => {
        const view = new DataView(bytes.slice().buffer);
        const v = new MemfdLuoFolioSerView(view);
        const before = view.getBigUint64(0, true);
        v.pfn = pfn;
        expect(view.getBigUint64(0, true)).toBe((before & ~((1n << 52n) - 1n)) | BigInt(pfn));
        v.flags = flags;
        expect(view.getBigUint64(0, true)).toBe((BigInt(flags) << 52n) | BigInt(pfn));
        expect(new Uint8Array(view.buffer, 8)).toEqual(bytes.subarray(8));
      }),
    );
  });

  it('setters refuse what encode refuses, writing nothing: an unknown seal, more devices than the array holds', () => {
    const memfd = new DataView(new ArrayBuffer(48));
    const m = new MemfdLuoSerView(memfd);
    m.seals = 0x3f;
    expect(() => (m.seals = 0x40)).toThrow(EncodeError);
    expect(() => (m.seals = 0x40)).toThrow('memfd_luo_ser.seals at offset 16: undeclared bits 0x40 set (allowed: 0x3f)');
    expect(m.seals).toBe(0x3f);
    m.flags = 0x80000000; // the kernel never reads it: a writer may set it
    expect(m.flags).toBe(0x80000000);
    const pci = new DataView(new ArrayBuffer(8));
    const p = new PciSerView(pci);
    p.max_nr_devices = 2;
    p.nr_devices = 2;
    expect(() => (p.nr_devices = 3)).toThrow('pci_ser.nr_devices at offset 4: is 3, more than max_nr_devices (2): the array holds only 2 entries');
    expect(p.nr_devices).toBe(2);
  });

  it('luo_file_ser: the string and the u64 members', () => {
    const view = new DataView(new ArrayBuffer(64));
    const v = new LuoFileSerView(view);
    v.compatible = 'memfd-v2;vmalloc-v1';
    v.data = 0xfffff000n;
    v.token = 2n ** 64n - 1n;
    expect(decodeLuoFileSer(view)).toEqual({ compatible: 'memfd-v2;vmalloc-v1', data: 0xfffff000n, token: 2n ** 64n - 1n });
    encodeLuoFileSer({ compatible: 'memfd-v1', data: 1n, token: 2n }, view);
    expect([v.compatible, v.data, v.token]).toEqual(['memfd-v1', 1n, 2n]);
    expect(() => (v.compatible = 'x'.repeat(48))).toThrow(EncodeError);
  });

  it('kho_vmalloc: the khoser pointer and the narrow members, nested in memfd_luo_ser', () => {
    const view = new DataView(new ArrayBuffer(16));
    const v = new KhoVmallocView(view);
    v.first = 0x1234_5000n;
    v.total_pages = 0xffffffff;
    v.flags = 3;
    v.order = 9;
    expect(decodeKhoVmalloc(view)).toEqual({ first: 0x1234_5000n, total_pages: 0xffffffff, flags: 3, order: 9 });
    expect(() => (v.order = 0x10000)).toThrow(EncodeError);
  });
});
