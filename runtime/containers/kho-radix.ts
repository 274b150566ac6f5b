/**
 * The KHO radix-tree memory map (kernel-abi.md section 5). A preserved block
 * of order k at physical address pa has the key
 * (1 << (ORDER_0_LOG2 - k)) | (pa >> (PAGE_SHIFT + k)): the highest set bit
 * gives the order, the bits below it the address. The low BITMAP_SIZE_LOG2
 * bits of a key pick a bit in a leaf page; each further TABLE_SIZE_LOG2 bits
 * pick an entry in an inner page one level up, the root being level
 * TREE_MAX_DEPTH - 1. An entry holds the physical address of the page below
 * it, 0 when there is none. The tree's own pages are not in it.
 */
import { DecodeError } from '../errors.js';
import type { PageSize } from '../codec.js';
import type { PhysMem } from '../phys-mem.js';

export interface RadixGeometry {
  readonly pageShift: number;
  readonly order0Log2: number;
  readonly tableSizeLog2: number;
  readonly bitmapSizeLog2: number;
  readonly depth: number;
}

/** The geometry of radix-v1 for a page size (the "+1" depth formula). */
export function radixGeometry(pageSize: PageSize): RadixGeometry {
  const pageShift = Math.log2(pageSize);
  const order0Log2 = 64 - pageShift;
  const tableSizeLog2 = pageShift - 3; // a page of u64 entries
  const bitmapSizeLog2 = pageShift + 3; // a page of bits
  const depth = Math.ceil((order0Log2 - bitmapSizeLog2 + 1) / tableSizeLog2) + 1;
  return { pageShift, order0Log2, tableSizeLog2, bitmapSizeLog2, depth };
}

export interface PreservedBlock {
  readonly pa: bigint;
  readonly order: number;
}

export function radixKey(g: RadixGeometry, block: PreservedBlock): bigint {
  const { pa, order } = block;
  if (!Number.isInteger(order) || order < 0 || order > g.order0Log2) throw new RangeError(`order ${order} is outside 0..${g.order0Log2}`);
  if (pa < 0n || pa % (1n << BigInt(g.pageShift + order)) !== 0n) throw new RangeError(`0x${pa.toString(16)} is not aligned to an order-${order} block`);
  return (1n << BigInt(g.order0Log2 - order)) | (pa >> BigInt(g.pageShift + order));
}

export function radixBlock(g: RadixGeometry, key: bigint): PreservedBlock {
  if (key <= 0n || key >> BigInt(g.order0Log2 + 1) !== 0n) throw new RangeError(`key 0x${key.toString(16)} has no order bit`);
  const fls = key.toString(2).length;
  const order = g.order0Log2 - fls + 1;
  return { pa: BigInt.asUintN(64, key << BigInt(g.pageShift + order)), order };
}

function tableIndex(g: RadixGeometry, key: bigint, level: number): number {
  return Number((key >> BigInt((level - 1) * g.tableSizeLog2 + g.bitmapSizeLog2)) & ((1n << BigInt(g.tableSizeLog2)) - 1n));
}

export interface RadixReadOptions {
  /** Most tree pages a reader visits; bounds the work a corrupt tree causes. */
  readonly maxPages?: number;
}

/** Every preserved block recorded in the tree whose root page is at `root`, in key order. */
export function readRadixTree(mem: PhysMem, root: bigint, options: RadixReadOptions = {}): PreservedBlock[] {
  const g = radixGeometry(mem.pageSize);
  const maxPages = options.maxPages ?? 1 << 20;
  const seen = new Set<bigint>();
  const out: PreservedBlock[] = [];
  const entries = 1 << g.tableSizeLog2;
  const visit = (pa: bigint, level: number, prefix: bigint): void => {
    const struct = level === 0 ? 'kho_radix_leaf' : 'kho_radix_node';
    if (seen.has(pa)) throw new DecodeError({ struct, offset: 0, address: pa }, 'the page is reached twice: the tree has a loop or shared pages');
    if (seen.size >= maxPages) throw new DecodeError({ struct, offset: 0, address: pa }, `more than ${maxPages} tree pages`);
    seen.add(pa);
    const view = mem.view(pa, mem.pageSize, struct);
    if (level === 0) {
      for (let w = 0; w < mem.pageSize / 8; w++) {
        let word = view.getBigUint64(w * 8, true);
        for (let b = 0; word !== 0n; b++, word >>= 1n) {
          if (word & 1n) {
            const key = (prefix << BigInt(g.bitmapSizeLog2)) | BigInt(w * 64 + b);
            if (key === 0n || key >> BigInt(g.order0Log2 + 1) !== 0n) {
              throw new DecodeError({ struct, field: 'bitmap', offset: w * 8, address: pa + BigInt(w * 8) }, `bit ${w * 64 + b} makes key 0x${key.toString(16)}, which names no block`);
            }
            out.push(radixBlock(g, key));
          }
        }
      }
      return;
    }
    for (let i = 0; i < entries; i++) {
      const child = view.getBigUint64(i * 8, true);
      if (child !== 0n) visit(child, level - 1, (prefix << BigInt(g.tableSizeLog2)) | BigInt(i));
    }
  };
  if (root !== 0n) visit(root, g.depth - 1, 0n);
  return out;
}

/**
 * Records `blocks` in a tree, taking new tree pages from `allocate` (which
 * must return distinct, unused page addresses); returns the root's address.
 */
export function writeRadixTree(mem: PhysMem, blocks: readonly PreservedBlock[], allocate: () => bigint): bigint {
  const g = radixGeometry(mem.pageSize);
  const newPage = (): bigint => {
    const pa = allocate();
    mem.write(pa, new Uint8Array(mem.pageSize));
    return pa;
  };
  const root = newPage();
  for (const block of blocks) {
    const key = radixKey(g, block);
    let node = root;
    for (let level = g.depth - 1; level >= 1; level--) {
      const slot = node + BigInt(tableIndex(g, key, level) * 8);
      let child = mem.readU64(slot);
      if (child === 0n) {
        child = newPage();
        mem.writeU64(slot, child);
      }
      node = child;
    }
    const bit = Number(key & ((1n << BigInt(g.bitmapSizeLog2)) - 1n));
    const word = node + BigInt(Math.floor(bit / 64) * 8);
    mem.writeU64(word, mem.readU64(word) | (1n << BigInt(bit % 64)));
  }
  return root;
}
