/**
 * A memfd's folios as memfd_luo_retrieve_folios puts them back: holes (pfn
 * 0) skipped, a pfn restored twice or an index taken twice fails the file,
 * nr_folios 0 restores nothing (not even the area), and the codec's
 * warnings (folio flags the kernel never tests) come through. With the
 * folios' orders (a shmem page cache), a folio takes its 2^order slots
 * from its index rounded down, and any overlap fails the file: checked
 * against a model that compares every pair of slot ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memfdLuoFolioSerCodec, type MemfdLuoFolioSer } from '../generated/ts/memfd.js';
import { DecodeError, encodeBytes, PhysMem, readMemfdFolios, writeVmalloc, type ReadWarning } from '../runtime/index.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';

const page = (n: number): bigint => BigInt(n) * 4096n;

function memfdWith(folios: MemfdLuoFolioSer[]): { mem: PhysMem; memfd: { nr_folios: number; folios: ReturnType<typeof writeVmalloc> } } {
  const mem = new PhysMem();
  const data = new Uint8Array(4096);
  folios.forEach((f, i) => data.set(encodeBytes(memfdLuoFolioSerCodec, f), i * 16));
  const folios_ = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(10)], [page(2)]);
  return { mem, memfd: { nr_folios: folios.length, folios: folios_ } };
}

describe('readMemfdFolios', () => {
  it('returns the folios in order and skips holes, as the kernel does', () => {
    const { mem, memfd } = memfdWith([
      { pfn: 0x42, flags: 3, index: 0 },
      { pfn: 0, flags: 0, index: 0 },
      { pfn: 0x43, flags: 3, index: 1 },
    ]);
    const r = readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec);
    expect(r.folios.map((f) => [f.pfn, f.index])).toEqual([
      [0x42, 0],
      [0x43, 1],
    ]);
    expect(r.holes).toBe(1);
  });

  it('nr_folios 0: nothing restored, the area not even read', () => {
    const mem = new PhysMem();
    expect(readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, { nr_folios: 0, folios: { first: page(99), total_pages: 1, flags: 1, order: 0 } }, memfdLuoFolioSerCodec)).toEqual({ folios: [], holes: 0 });
  });

  it('a pfn restored twice fails the file (-EIO), naming the entry', () => {
    const { mem, memfd } = memfdWith([
      { pfn: 0x42, flags: 3, index: 0 },
      { pfn: 0x42, flags: 3, index: 1 },
    ]);
    const e = (() => {
      try {
        readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec);
      } catch (x) {
        return x as DecodeError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(DecodeError);
    expect(e!.address).toBe(page(10) + 16n);
    expect(e!.message).toBe('memfd_luo_folio_ser.pfn at physical address 0xa010: entry 1 restores pfn 0x42 a second time; the kernel fails the file (-EIO, kho_restore_folio via memfd_luo_retrieve_folios (kernel/liveupdate/kexec_handover.c, mm/memfd_luo.c))');
  });

  it('an index taken twice fails the file (-EEXIST)', () => {
    const { mem, memfd } = memfdWith([
      { pfn: 0x42, flags: 3, index: 5 },
      { pfn: 0x43, flags: 3, index: 5 },
    ]);
    expect(() => readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec)).toThrow('entry 1 puts a folio at index 5, taken by entry 0; the kernel fails the file (-EEXIST');
  });

  it('folio flags the kernel never tests come through as warnings; strict refuses them', () => {
    const { mem, memfd } = memfdWith([{ pfn: 0x42, flags: 0xff, index: 0 }]);
    const warnings: ReadWarning[] = [];
    expect(readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { warnings }).folios).toHaveLength(1);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([['undeclared-bits', 'flags']]);
    expect(() => readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { strict: true })).toThrow(DecodeError);
  });
});

describe('readMemfdFolios with the folios\' orders (a shmem page cache)', () => {
  const read = (folios: MemfdLuoFolioSer[], orders: Record<number, number>, opts: { warnings?: ReadWarning[]; strict?: boolean } = {}) => {
    const { mem, memfd } = memfdWith(folios);
    return readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { ...opts, folioOrder: (pfn) => orders[pfn] });
  };

  it('a folio of 4 pages takes indexes 4 to 7: a folio at 6 after it fails the file, and one at 8 does not', () => {
    expect(() => read([{ pfn: 0x40, flags: 1, index: 4 }, { pfn: 0x50, flags: 1, index: 6 }], { 0x40: 2, 0x50: 0 })).toThrow(
      "memfd_luo_folio_ser.index at physical address 0xa010: entry 1 puts a folio of 1 page at index 6 (slots 6 to 6), where entry 0's folio of 4 pages already is; the kernel fails the file (-EEXIST, shmem_add_to_page_cache via memfd_luo_retrieve_folios",
    );
    expect(read([{ pfn: 0x40, flags: 1, index: 4 }, { pfn: 0x50, flags: 1, index: 8 }], { 0x40: 2, 0x50: 0 }).folios).toHaveLength(2);
  });

  it('a large folio over a small one already added fails too, naming the small one', () => {
    expect(() => read([{ pfn: 0x50, flags: 1, index: 5 }, { pfn: 0x60, flags: 1, index: 9 }, { pfn: 0x40, flags: 1, index: 0 }], { 0x40: 3, 0x50: 0, 0x60: 0 })).toThrow("entry 2 puts a folio of 8 pages at index 0 (slots 0 to 7), where entry 0's folio of 1 page already is");
  });

  it('an index that is no multiple of the folio size: stored from the multiple below, with a warning (strict refuses it)', () => {
    const warnings: ReadWarning[] = [];
    expect(read([{ pfn: 0x40, flags: 1, index: 5 }], { 0x40: 2 }, { warnings }).folios).toHaveLength(1);
    expect(warnings.map((w) => [w.code, w.field, w.message])).toEqual([
      ['unaligned-folio-index', 'index', expect.stringContaining('entry 0 puts a folio of 4 pages at index 5, not a multiple of 4; the page cache stores it from index 4 (a CONFIG_DEBUG_VM kernel stops on VM_BUG_ON_FOLIO)')],
    ]);
    expect(() => read([{ pfn: 0x40, flags: 1, index: 5 }], { 0x40: 2 }, { strict: true })).toThrow(DecodeError);
    expect(() => read([{ pfn: 0x40, flags: 1, index: 5 }, { pfn: 0x50, flags: 1, index: 4 }], { 0x40: 2, 0x50: 0 })).toThrow('entry 1 puts a folio of 1 page at index 4');
  });

  it('agrees with a model that compares every pair of ranges: the same first failing entry, or none (fast-check)', () => {
    const folio = fc.record({ index: fc.integer({ min: 0, max: 40 }), order: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(fc.array(folio, { minLength: 1, maxLength: 40 }), (list) => {
        const folios = list.map((f, i) => ({ pfn: 0x100 + i, flags: 1, index: f.index }));
        const orders = Object.fromEntries(list.map((f, i) => [0x100 + i, f.order]));
        // The model: entry i takes [start, start + 2^order); the first entry overlapping an earlier one fails.
        const ranges = list.map((f) => ({ start: f.index - (f.index % 2 ** f.order), end: f.index - (f.index % 2 ** f.order) + 2 ** f.order }));
        const failing = ranges.findIndex((r, i) => ranges.slice(0, i).some((q) => q.start < r.end && r.start < q.end));
        let got = -1;
        try {
          read(folios, orders, { warnings: [] });
        } catch (e) {
          got = Number(/entry (\d+) puts/.exec((e as Error).message)![1]);
        }
        expect(got).toBe(failing);
      }),
      { numRuns: 300 },
    );
  });
});

