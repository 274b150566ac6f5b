/**
 * A memfd's folios as memfd_luo_retrieve_folios puts them back: holes (pfn
 * 0) skipped, a pfn restored twice or an index taken twice fails the file,
 * nr_folios 0 restores nothing (not even the area), and the codec's
 * warnings (folio flags the kernel never tests) come through.
 */
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
