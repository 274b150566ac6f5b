/**
 * The radix-tree memory map against the kernel's rules (kernel-abi.md
 * section 5): the key of a block, the geometry at every page size, and a
 * tree written and walked back, with the refusals of a corrupt one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KHO_BITMAP_SIZE_LOG2, KHO_ORDER_0_LOG2, KHO_TABLE_SIZE_LOG2, KHO_TREE_MAX_DEPTH, KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { DecodeError, MemoryError, PhysMem, radixBlock, radixGeometry, radixKey, readRadixTree, walkRadixTree, writeRadixTree, type PageSize, type PreservedBlock, type ReadWarning } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';

const PAGE_SIZES: PageSize[] = [4096, 16384, 65536];

/** Blocks of random order at random aligned addresses below 2^52. */
const blockArb = (pageSize: PageSize) =>
  fc.integer({ min: 0, max: 10 }).chain((order) => {
    const shift = Math.log2(pageSize) + order;
    return fc.bigInt({ min: 0n, max: (1n << BigInt(52 - shift)) - 1n }).map((n): PreservedBlock => ({ pa: n << BigInt(shift), order }));
  });

describe('radix-tree memory map', () => {
  it.each(PAGE_SIZES)('geometry at %i-byte pages is the schema enum kho_radix_consts', (pageSize) => {
    const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, pageSize);
    expect([g.order0Log2, g.tableSizeLog2, g.bitmapSizeLog2, g.depth]).toEqual([
      KHO_ORDER_0_LOG2[pageSize],
      KHO_TABLE_SIZE_LOG2[pageSize],
      KHO_BITMAP_SIZE_LOG2[pageSize],
      KHO_TREE_MAX_DEPTH[pageSize],
    ]);
  });

  it('keys as the kernel computes them at 4 KiB pages', () => {
    const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, 4096);
    expect(radixKey(g, { pa: 0x1000n, order: 0 })).toBe((1n << 52n) | 1n);
    expect(radixKey(g, { pa: 0x200000n, order: 9 })).toBe((1n << 43n) | 1n);
    expect(radixBlock(g, (1n << 43n) | 1n)).toEqual({ pa: 0x200000n, order: 9 });
    expect(() => radixKey(g, { pa: 0x1800n, order: 1 })).toThrow(RangeError);
  });

  for (const pageSize of PAGE_SIZES) {
    it(`key and block convert both ways at ${pageSize}-byte pages`, () => {
      const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, pageSize);
      fc.assert(
        fc.property(blockArb(pageSize), (b) => {
          expect(radixBlock(g, radixKey(g, b))).toEqual(b);
        }),
      );
    });

    it(`a tree written at ${pageSize}-byte pages reads back every block`, () => {
      fc.assert(
        fc.property(fc.array(blockArb(pageSize), { maxLength: 40 }), (blocks) => {
          const mem = new PhysMem({ pageSize });
          let next = 1n << 51n; // tree pages; the blocks themselves are never read
          const root = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, blocks, () => (next += BigInt(pageSize)));
          const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, pageSize);
          const expected = [...new Map(blocks.map((b) => [radixKey(g, b), b])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => b);
          expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root)).toEqual(expected);
          // The walk hands the same blocks over as page frame numbers.
          const walked: PreservedBlock[] = [];
          walkRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, (pfn, order) => walked.push({ pa: BigInt(pfn) * BigInt(pageSize), order }));
          expect(walked).toEqual(expected);
        }),
        { numRuns: 30 },
      );
    });
  }

  it('places a block where the kernel looks for it: level L uses key bits (L-1)*9+15.. at 4 KiB', () => {
    const mem = new PhysMem();
    let next = 0x100000n;
    const root = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, [{ pa: 0x1000n, order: 0 }], () => (next += 4096n));
    // key = 2^52 | 1: bit 52 lies in the root's index (bits 51..59) as 2; every lower index is 0; leaf bit 1.
    let node = root;
    expect(mem.readU64(root + 2n * 8n)).not.toBe(0n);
    for (const index of [2, 0, 0, 0, 0]) node = mem.readU64(node + BigInt(index) * 8n);
    expect(mem.readU64(node)).toBe(0b10n);
  });

  it('walks a loop to a higher level as the kernel does, with a warning, and reports an absent page', () => {
    const mem = new PhysMem();
    let next = 0x100000n;
    const root = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, [{ pa: 0x1000n, order: 0 }], () => (next += 4096n));
    // The root's only entry: point the next level back at the root.
    const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, 4096);
    const slot = root + BigInt(Number((radixKey(g, { pa: 0x1000n, order: 0 }) >> BigInt(4 * g.tableSizeLog2 + g.bitmapSizeLog2)) & 511n) * 8);
    const child = mem.readU64(slot);
    mem.writeU64(slot, root);
    // The depth is fixed, so the kernel's walk ends: the root is read again at every level down to a leaf,
    // where the address in its slot 2 reads as bits of a bitmap, each a block under the key prefix 2,2,2,2,2.
    const warnings: ReadWarning[] = [];
    const prefix = [2n, 2n, 2n, 2n, 2n].reduce((p, i) => (p << 9n) | i, 0n);
    const bits = [...Array(64).keys()].filter((b) => (root >> BigInt(b)) & 1n).map((b) => 128 + b);
    expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { warnings })).toEqual(bits.map((b) => radixBlock(g, (prefix << 15n) | BigInt(b))));
    expect(warnings.map((w) => [w.code, w.address])).toEqual([['radix-shared-page', root]]);
    expect((thrown(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { strict: true })) as DecodeError).reason).toContain('reached a second time');
    mem.writeU64(slot, 0x7000_0000n);
    expect(thrown(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root))).toBeInstanceOf(MemoryError);
    mem.writeU64(slot, child);
    expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root)).toEqual([{ pa: 0x1000n, order: 0 }]);
  });
});
