/**
 * A hugetlb-backed memfd's folios as hugemfd_retrieve_folios puts them
 * back (the hugetlb memfd RFC): a file of size 0 restores none (its area is
 * not even read), every entry is a folio (pfn 0 too), all are restored
 * before any goes into the page cache, and the page cache is indexed in
 * huge pages (index >> order). An order no hstate can have refuses the file.
 */
import { describe, expect, it } from 'vitest';
import { hugemfdFolioSerCodec, type HugemfdFolioSer } from '../generated/ts/hugemfd.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import { DecodeError, encodeBytes, PhysMem, PreservedMap, readHugemfdFolios, writeVmalloc } from '../runtime/index.js';
import { refused } from './helpers/thrown.js';

const page = (n: number): bigint => BigInt(n) * 4096n;
const ORDER_AT = { struct: 'hugemfd_ser', field: 'order', offset: 40, address: 0x5028n };

function hugemfdWith(folios: HugemfdFolioSer[], fields: { size?: bigint; order?: number } = {}) {
  const mem = new PhysMem();
  const data = new Uint8Array(4096);
  folios.forEach((f, i) => data.set(encodeBytes(hugemfdFolioSerCodec, f), i * 16));
  const area = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(10)], [page(2)]);
  return { mem, hugemfd: { size: fields.size ?? 2n << 20n, nr_folios: BigInt(folios.length), folios: area, order: fields.order ?? 9 } };
}
const read = (folios: HugemfdFolioSer[], fields: { size?: bigint; order?: number } = {}, preserved?: PreservedMap) => {
  const { mem, hugemfd } = hugemfdWith(folios, fields);
  return readHugemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, hugemfd, hugemfdFolioSerCodec, ORDER_AT, preserved ? { preserved } : {});
};

describe('readHugemfdFolios', () => {
  it('gives back every entry in order, and a folio per huge page: indexes 0 and 512 at order 9 are two pages', () => {
    const r = read([{ pfn: 0x200, reserved: 0, index: 0n }, { pfn: 0x400, reserved: 0, index: 512n }]);
    expect(r.folios.map((f) => [f.pfn, f.index])).toEqual([
      [0x200, 0n],
      [0x400, 512n],
    ]);
    expect(r.holes).toBe(0);
  });

  it('two indexes in one huge page clash (-EEXIST): 0 and 511 at order 9, though they differ', () => {
    const e = refused(() => read([{ pfn: 0x200, reserved: 0, index: 0n }, { pfn: 0x400, reserved: 0, index: 511n }]));
    expect(e.field).toBe('index');
    expect(e.address).toBe(page(10) + 16n);
    expect(e.reason).toBe('entry 1 puts a folio at huge page 0 (index 511 >> order 9), taken by entry 0; the kernel fails the file (-EEXIST, hugetlb_add_to_page_cache via hugemfd_retrieve_folios (mm/hugetlb.c, mm/hugetlb_luo.c))');
  });

  it('a file of size 0 restores no folio: the area is not read at all', () => {
    const { mem, hugemfd } = hugemfdWith([{ pfn: 0x200, reserved: 0, index: 0n }], { size: 0n });
    // An area that would be refused if it were read.
    const broken = { ...hugemfd, folios: { ...hugemfd.folios, total_pages: 0 } };
    expect(readHugemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, broken, hugemfdFolioSerCodec, ORDER_AT)).toEqual({ folios: [], holes: 0 });
    expect(() => readHugemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, { ...broken, size: 1n }, hugemfdFolioSerCodec, ORDER_AT)).toThrow(DecodeError);
  });

  it('pfn 0 is no hole: with the memory map, kho_restore_folio fails on it as on any page that starts no block', () => {
    const preserved = PreservedMap.of(4096, [2, 10, 0x200].map((pfn) => ({ pfn, order: 0 })));
    const e = refused(() => read([{ pfn: 0x200, reserved: 0, index: 0n }, { pfn: 0, reserved: 0, index: 512n }], {}, preserved));
    expect(e.field).toBe('pfn');
    expect(e.message).toContain("entry 1's folio at 0x0 is not the head of a block in the preserved memory map");
  });

  it('every folio is restored before any goes into the page cache: a folio the map lacks at entry 2 is refused, not the clash at entry 1', () => {
    const preserved = PreservedMap.of(4096, [2, 10, 0x200, 0x400].map((pfn) => ({ pfn, order: 0 })));
    const folios = [{ pfn: 0x200, reserved: 0, index: 0n }, { pfn: 0x400, reserved: 0, index: 1n }, { pfn: 0x600, reserved: 0, index: 1024n }];
    expect(refused(() => read(folios, {}, preserved)).message).toContain("entry 2's folio at 0x600000 is not the head of a block");
    // With the third folio in the map, the clash is what fails the file.
    const all = PreservedMap.of(4096, [2, 10, 0x200, 0x400, 0x600].map((pfn) => ({ pfn, order: 0 })));
    expect(refused(() => read(folios, {}, all)).reason).toMatch(/^entry 1 puts a folio at huge page 0 \(index 1 >> order 9\), taken by entry 0/);
  });

  it('a pfn restored twice fails the file (-EINVAL) before any index is looked at', () => {
    const e = refused(() => read([{ pfn: 0x200, reserved: 0, index: 0n }, { pfn: 0x400, reserved: 0, index: 0n }, { pfn: 0x200, reserved: 0, index: 1024n }]));
    expect(e.field).toBe('pfn');
    expect(e.reason).toMatch(/^entry 2 restores pfn 0x200 a second time; the kernel fails the file \(-EINVAL, kho_restore_folio via hugemfd_retrieve_folio/);
  });

  it('an order no hstate can have (pages of 2^64 bytes or more) refuses the file, folios or not', () => {
    const e = refused(() => read([], { order: 52 }));
    expect([e.struct, e.field, e.address]).toEqual(['hugemfd_ser', 'order', 0x5028n]);
    expect(e.reason).toBe('order 52: no hstate has pages of 2^64 bytes; the kernel cannot set the file up (-ENODEV, hugetlb_file_setup via hugemfd_retrieve (mm/hugetlb.c, mm/hugetlb_luo.c))');
    expect(read([], { order: 51 }).folios).toEqual([]);
  });
});
