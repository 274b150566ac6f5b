/**
 * The memory map as the next kernel sees it after boot (from the radix tree,
 * or from kho-v1's chunk list): the head page of
 * every preserved block carries KHO's magic and the block's order, and
 * nothing else does. kho_restore_page refuses a page without the magic
 * (it returns NULL and the caller fails), so a reader that is given the map
 * refuses a chunk, block or folio the map does not list, as the kernel
 * would. Without a map the readers check only what the image itself says.
 */
import { DecodeError, type Location } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { walkBitmapChain, type BitmapChainReadOptions } from './bitmap-chain.js';
import type { BitmapChainDescriptor, RadixTreeDescriptor } from './descriptors.js';
import { walkRadixTree, type RadixReadOptions } from './kho-radix.js';
import { KERNEL } from './limits.js';

export class PreservedMap {
  /** Head page frame number -> order of the block. */
  private readonly heads = new Map<number, number>();

  /** The blocks the radix tree at `root` records (kho_mem_retrieve). */
  static fromRadixTree(mem: PhysMem, tree: RadixTreeDescriptor, root: bigint, options: RadixReadOptions = {}): PreservedMap {
    const map = new PreservedMap(mem.pageSize);
    walkRadixTree(mem, tree, root, (pfn, order) => map.heads.set(pfn, order), options);
    return map;
  }

  /** The blocks kho-v1's chunk list starting at `first` records (kho_mem_deserialize); a block named twice keeps the last order, as page->private does. */
  static fromBitmapChain(mem: PhysMem, chain: BitmapChainDescriptor, first: bigint, options: BitmapChainReadOptions = {}): PreservedMap {
    const map = new PreservedMap(mem.pageSize);
    walkBitmapChain(mem, chain, first, (pfn, order) => map.heads.set(pfn, order), options);
    return map;
  }

  /** A map of the given blocks: for tests and for tools that know them otherwise. */
  static of(pageSize: number, blocks: Iterable<{ readonly pfn: number; readonly order: number }>): PreservedMap {
    const map = new PreservedMap(pageSize);
    for (const b of blocks) map.heads.set(b.pfn, b.order);
    return map;
  }

  private constructor(readonly pageSize: number) {}

  get size(): number {
    return this.heads.size;
  }

  /** The order of the preserved block whose head page is `pfn`, or undefined when the page carries no magic. */
  orderAt(pfn: number): number | undefined {
    return this.heads.get(pfn);
  }

  /**
   * Refuses, as kho_restore_page does, a restore of page `pfn` that is no
   * head of a preserved block. `what` names what was being restored.
   */
  requireHead(pfn: number, loc: Location, what: string): void {
    if (!this.heads.has(pfn)) {
      const pa = (BigInt(pfn) * BigInt(this.pageSize)).toString(16);
      throw new DecodeError(loc, `${what} at 0x${pa} is not the head of a block in the preserved memory map; the page carries no KHO magic and the kernel refuses it (${KERNEL.restorePage})`);
    }
  }
}
