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
import { KERNEL, PfnSet } from './limits.js';

export class PreservedMap {
  /** Head page frame numbers, one set per order: the pages KHO marks, and so the only ones kho_restore_page accepts. */
  private readonly headsByOrder = new Map<number, PfnSet>();
  /** Heads the map names with more than one order, and the order named last, which is the one page->private keeps. */
  private readonly renamed = new Map<number, number>();
  private heads = 0;
  private walked = 0;

  /** The blocks the radix tree at `root` records (kho_mem_retrieve). */
  static fromRadixTree(mem: PhysMem, tree: RadixTreeDescriptor, root: bigint, options: RadixReadOptions = {}): PreservedMap {
    return PreservedMap.walk(mem.pageSize, (visit) => walkRadixTree(mem, tree, root, visit, options));
  }

  /** The blocks kho-v1's chunk list starting at `first` records (kho_mem_deserialize); a block named twice keeps the last order, as page->private does. */
  static fromBitmapChain(mem: PhysMem, chain: BitmapChainDescriptor, first: bigint, options: BitmapChainReadOptions = {}): PreservedMap {
    return PreservedMap.walk(mem.pageSize, (visit) => walkBitmapChain(mem, chain, first, visit, options));
  }

  /** A map of the given blocks: for tests and for tools that know them otherwise. */
  static of(pageSize: number, blocks: Iterable<{ readonly pfn: number; readonly order: number }>): PreservedMap {
    return PreservedMap.walk(pageSize, (visit) => {
      for (const b of blocks) visit(b.pfn, b.order);
    });
  }

  /** The blocks a walk of any memory map hands to `visit`, in the order the kernel marks them. */
  static walk(pageSize: number, walker: (visit: (pfn: number, order: number) => void) => void): PreservedMap {
    const map = new PreservedMap(pageSize);
    walker((pfn, order) => map.add(pfn, order));
    return map;
  }

  private constructor(readonly pageSize: number) {}

  private add(pfn: number, order: number): void {
    this.walked++;
    const before = this.orderAt(pfn);
    let set = this.headsByOrder.get(order);
    if (!set) this.headsByOrder.set(order, (set = new PfnSet()));
    set.add(pfn);
    if (before === undefined) this.heads++;
    else if (before !== order) this.renamed.set(pfn, order);
  }

  /** Distinct head pages. */
  get size(): number {
    return this.heads;
  }

  /** Entries the walk handed over: a block the map names twice counts twice. */
  get entries(): number {
    return this.walked;
  }

  /** The order of the preserved block whose head page is `pfn`, or undefined when the page carries no magic. */
  orderAt(pfn: number): number | undefined {
    const renamed = this.renamed.get(pfn);
    if (renamed !== undefined) return renamed;
    for (const [order, set] of this.headsByOrder) if (set.has(pfn)) return order;
    return undefined;
  }

  /** Whether `pfn` is the head page of a preserved block: the only page kho_restore_page (so kho_restore_folio) accepts. */
  isHead(pfn: number): boolean {
    for (const set of this.headsByOrder.values()) if (set.has(pfn)) return true;
    return false;
  }

  /** Whether page `pfn` lies in a preserved block, head or not: memory the next kernel keeps reserved. */
  containsPage(pfn: number): boolean {
    for (const [order, set] of this.headsByOrder) if (set.has(pfn - (pfn % 2 ** order))) return true;
    return false;
  }

  /**
   * Refuses, as kho_restore_page does, a restore of page `pfn` that is no
   * head of a preserved block. `what` names what was being restored.
   */
  requireHead(pfn: number, loc: Location, what: string): void {
    if (!this.isHead(pfn)) {
      const pa = (BigInt(pfn) * BigInt(this.pageSize)).toString(16);
      throw new DecodeError(loc, `${what} at 0x${pa} is not the head of a block in the preserved memory map; the page carries no KHO magic and the kernel refuses it (${KERNEL.restorePage})`);
    }
  }
}
