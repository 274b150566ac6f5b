/**
 * Restores against the preserved memory map: after boot only the head page
 * of each block the map records carries KHO's magic, and kho_restore_page
 * refuses any other page. A reader given the map (PreservedMap) refuses a
 * vmalloc chunk, block or memfd folio the map does not list; with the map
 * the image's own radix tree gave, a well-formed image reads as before.
 */
import { describe, expect, it } from 'vitest';
import { memfdLuoFolioSerCodec, type MemfdLuoFolioSer } from '../generated/ts/memfd.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import { encodeBytes, PhysMem, PreservedMap, readMemfdFolios, restoreVmalloc, writeRadixTree, writeVmalloc } from '../runtime/index.js';
import { refused } from './helpers/thrown.js';

const PAGE = 4096;
const page = (n: number): bigint => BigInt(n) * BigInt(PAGE);

/** A memfd of two folios (pfn 0x42, 0x43) whose array is one block (page 10) behind one chunk (page 2). */
function image(folios: MemfdLuoFolioSer[] = [{ pfn: 0x42, flags: 3, index: 0 }, { pfn: 0x43, flags: 3, index: 1 }]) {
  const mem = new PhysMem();
  const data = new Uint8Array(PAGE);
  folios.forEach((f, i) => data.set(encodeBytes(memfdLuoFolioSerCodec, f), i * 16));
  const area = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(10)], [page(2)]);
  for (const f of folios) mem.write(page(f.pfn), new Uint8Array(PAGE));
  return { mem, memfd: { nr_folios: BigInt(folios.length), folios: area } };
}

describe('PreservedMap', () => {
  it("is built from the image's radix tree, and a well-formed image reads with it as without it", () => {
    const { mem, memfd } = image();
    let next = 200;
    const root = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, [2, 10, 0x42, 0x43].map((pfn) => ({ pa: page(pfn), order: 0 })), () => page(next++));
    const preserved = PreservedMap.fromRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root);
    expect(preserved.size).toBe(4);
    expect(preserved.orderAt(0x42)).toBe(0);
    const r = readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { preserved });
    expect(r.folios.map((f) => f.pfn)).toEqual([0x42, 0x43]);
  });

  it('a vmalloc chunk the map does not list is refused at the chunk, as kho_restore_page refuses it', () => {
    const { mem, memfd } = image();
    const preserved = PreservedMap.of(PAGE, [10, 0x42, 0x43].map((pfn) => ({ pfn, order: 0 })));
    const e = refused(() => restoreVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, { preserved }));
    expect(e.struct).toBe('kho_vmalloc_chunk');
    expect(e.address).toBe(page(2));
    expect(e.message).toContain('the chunk at 0x2000 is not the head of a block in the preserved memory map; the page carries no KHO magic and the kernel refuses it (kho_restore_page');
  });

  it('a block of the area the map does not list is refused at its entry', () => {
    const { mem, memfd } = image();
    const preserved = PreservedMap.of(PAGE, [2, 0x42, 0x43].map((pfn) => ({ pfn, order: 0 })));
    const e = refused(() => restoreVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, { preserved }));
    expect(e.address).toBe(page(2) + 8n);
    expect(e.message).toContain('block 0 at 0xa000 is not the head of a block in the preserved memory map');
  });

  it('a folio the map does not list fails the file at its entry', () => {
    const { mem, memfd } = image();
    const preserved = PreservedMap.of(PAGE, [2, 10, 0x42].map((pfn) => ({ pfn, order: 0 })));
    const e = refused(() => readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { preserved }));
    expect(e.field).toBe('pfn');
    expect(e.address).toBe(page(10) + 16n);
    expect(e.message).toContain("entry 1's folio at 0x43000 is not the head of a block in the preserved memory map");
  });

  it('a page inside a preserved block but not its head is refused: only head pages carry the magic', () => {
    const { mem, memfd } = image([{ pfn: 0x41, flags: 3, index: 0 }]);
    const preserved = PreservedMap.of(PAGE, [{ pfn: 2, order: 0 }, { pfn: 10, order: 0 }, { pfn: 0x40, order: 2 }]);
    expect(() => readMemfdFolios(mem, KHO_VMALLOC_AREA_CONTAINER, memfd, memfdLuoFolioSerCodec, { preserved })).toThrow('is not the head of a block');
  });
  it('heads, pages inside blocks, and a head named twice: the order named last, counted once as a head and twice as an entry', () => {
    // 0x40 of order 2 covers 0x40..0x43; 0x80 is named with order 0, then 3, then 1 (page->private keeps the last).
    const preserved = PreservedMap.of(PAGE, [{ pfn: 0x40, order: 2 }, { pfn: 0x80, order: 0 }, { pfn: 7, order: 0 }, { pfn: 0x80, order: 3 }, { pfn: 0x80, order: 1 }, { pfn: 7, order: 0 }]);
    expect(preserved.size).toBe(3);
    expect(preserved.entries).toBe(6);
    expect([0x40, 0x80, 7].map((pfn) => preserved.orderAt(pfn))).toEqual([2, 1, 0]);
    expect([0x40, 0x41, 0x43, 0x44, 0x3f].map((pfn) => [preserved.isHead(pfn), preserved.containsPage(pfn)])).toEqual([
      [true, true],
      [false, true],
      [false, true],
      [false, false],
      [false, false],
    ]);
    // The memory the next kernel keeps reserved is every range the map names, whichever order came last.
    expect([0x81, 0x87, 0x88].map((pfn) => preserved.containsPage(pfn))).toEqual([true, true, false]);
    expect(preserved.isHead(0x81)).toBe(false);
  });
});
