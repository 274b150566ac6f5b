/**
 * The KHO radix-tree memory map (kernel-abi.md section 5). A preserved block
 * of order k at physical address pa has the key
 * (1 << (ORDER_0_LOG2 - k)) | (pa >> (PAGE_SHIFT + k)): the highest set bit
 * gives the order, the bits below it the address. The low BITMAP_SIZE_LOG2
 * bits of a key pick a bit in a leaf page; each further TABLE_SIZE_LOG2 bits
 * pick an entry in an inner page one level up, the root being level
 * TREE_MAX_DEPTH - 1. An entry holds the physical address of the page below
 * it, 0 when there is none. The tree's own pages are not in it. The
 * geometry (ORDER_0_LOG2, the log2 sizes, the depth) and the node and leaf
 * layouts come from the caller's RadixTreeDescriptor
 * (KHO_RADIX_TREE_CONTAINER in generated/ts/radix_tree.ts).
 */
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type RadixTreeDescriptor, type Resolved } from './descriptors.js';
import { AnomalyTally, KERNEL, pagesInImage, PfnSet, ReaderLimitError } from './limits.js';

/** A radix-tree descriptor resolved for one page size: the key geometry and the node and leaf layouts. */
export type RadixGeometry = Resolved<RadixTreeDescriptor>;

/** The tree's geometry for a page size, as its descriptor gives it. */
export function radixGeometry(tree: RadixTreeDescriptor, pageSize: number): RadixGeometry {
  expectKind(tree, 'radix_tree');
  const g = forPageSize(tree, pageSize);
  if (g.node.table.elemSize !== U64_BYTES) throw new TypeError(`${g.name}: the radix walker reads 8-byte ${g.node.name}.${g.node.table.name} entries`);
  return g;
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
  // One level's bits of the key, above the leaf's.
  return Number((key >> BigInt((level - 1) * g.tableSizeLog2 + g.bitmapSizeLog2)) & ((1n << BigInt(g.tableSizeLog2)) - 1n));
}

export interface RadixReadOptions extends ReadOptions {
  /**
   * Most tree pages a walk visits, a page reached twice counting twice; by
   * default the pages in memory (a walk that visits more is amplifying).
   */
  readonly maxPages?: number;
  /** Most blocks: readRadixTree's default is 1 << 20 (use walkRadixTree for more); walkRadixTree has none. */
  readonly maxBlocks?: number;
}

/** The blocks readRadixTree returns at most unless told otherwise. */
export const RADIX_MAX_BLOCKS = 1 << 20;

/** The leaves of a tree: each leaf page's bytes, address and key prefix (the table indices above it). */
interface Leaves {
  readonly views: DataView[];
  readonly addresses: bigint[];
  readonly prefixes: number[];
}

/** fls64 for an integer below 2^53: the number of bits it takes. */
function bitLength(n: number): number {
  const hi = Math.floor(n / 4294967296);
  return hi > 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(n >>> 0);
}

function popcount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The tree's pages walked as __kho_radix_walk_tree walks them: entries in
 * index order, depth fixed by the geometry, no visited set (a page reached
 * twice is walked twice, with a warning). Visits are capped.
 */
function collectLeaves(mem: PhysMem, g: RadixGeometry, root: bigint, options: RadixReadOptions): Leaves {
  if (root === 0n) throw new DecodeError({ struct: g.node.name, offset: 0, address: 0n }, `the memory map is at 0; the kernel refuses it (-EINVAL, ${KERNEL.memRetrieve})`);
  const maxPages = options.maxPages ?? pagesInImage(mem.pageCount);
  const entries = g.node.table.count;
  const tableAt = g.node.table.offset;
  const slot = g.node.table.elemSize;
  const seen = new PfnSet();
  const shared = new AnomalyTally(options, 'radix-shared-page', KERNEL.radixWalk);
  const leaves: Leaves = { views: [], addresses: [], prefixes: [] };
  let visits = 0;
  const visit = (pa: bigint, level: number, prefix: number): void => {
    const struct = level === 0 ? g.leaf.name : g.node.name;
    const view = mem.view(pa, level === 0 ? g.leaf.size : g.node.size, struct);
    if (++visits > maxPages) throw new ReaderLimitError({ struct, offset: 0, address: pa }, 'maxPages', maxPages, 'tree page visits (a page reached twice counts twice)');
    if (!seen.add(Number(pa))) shared.note({ struct, offset: 0, address: pa }, 'the page is reached a second time (shared, or a loop to a higher level); the kernel walks it again at this level');
    if (level === 0) {
      leaves.views.push(view);
      leaves.addresses.push(pa);
      leaves.prefixes.push(prefix);
      return;
    }
    for (let i = 0; i < entries; i++) {
      const lo = view.getUint32(tableAt + i * slot, true);
      const hi = view.getUint32(tableAt + i * slot + 4, true);
      if (lo === 0 && hi === 0) continue;
      // prefix has at most (depth - 1) * tableSizeLog2 bits (45 at 4 KiB): exact as a number.
      visit((BigInt(hi) << 32n) | BigInt(lo), level - 1, prefix * 2 ** g.tableSizeLog2 + i);
    }
  };
  visit(root, g.depth - 1, 0);
  shared.flush();
  return leaves;
}

/**
 * Calls `emit(pfn, order)` for every block a leaf records, in bit order;
 * bits whose key names no block (key 0, or a key of more than
 * ORDER_0_LOG2 + 1 bits) are tallied instead. Returns the blocks emitted.
 */
function decodeLeaf(g: RadixGeometry, view: DataView, prefix: number, noBlock: AnomalyTally, address: bigint, emit: (pfn: number, order: number) => void): number {
  // The bitmap read as 32-bit words.
  const words = g.leaf.bitmap.size / 4;
  const bitmapAt = g.leaf.bitmap.offset;
  const bitmap = { struct: g.leaf.name, field: g.leaf.bitmap.name, offset: bitmapAt, address };
  const keyBits = g.order0Log2 + 1;
  // Keys of this leaf are prefix * 2^B + bit. A prefix of keyBits - B bits or more makes every key too wide.
  if (prefix >= 2 ** (keyBits - g.bitmapSizeLog2)) {
    let bits = 0;
    for (let w = 0; w < words; w++) bits += popcount(view.getUint32(bitmapAt + w * 4, true));
    if (bits > 0) noBlock.note(bitmap, `${bits} bits under key prefix 0x${prefix.toString(16)} make keys wider than ${keyBits} bits, which name no block; the kernel decodes them anyway`);
    return 0;
  }
  let emitted = 0;
  if (prefix > 0) {
    // One order for the whole leaf: the marker bit is the prefix's top bit.
    const fls = bitLength(prefix);
    const markerBit = fls - 1 + g.bitmapSizeLog2;
    const order = g.order0Log2 + 1 - (fls + g.bitmapSizeLog2);
    const unit = 2 ** order;
    const base = (prefix * 2 ** g.bitmapSizeLog2 - 2 ** markerBit) * unit;
    for (let w = 0; w < words; w++) {
      let word = view.getUint32(bitmapAt + w * 4, true);
      while (word !== 0) {
        const low = word & -word;
        const bit = w * 32 + 31 - Math.clz32(low);
        word ^= low;
        emit(base + bit * unit, order);
        emitted++;
      }
    }
    return emitted;
  }
  // Prefix 0: the key is the bit index itself, each with its own order; bit 0 is key 0.
  for (let w = 0; w < words; w++) {
    let word = view.getUint32(bitmapAt + w * 4, true);
    while (word !== 0) {
      const low = word & -word;
      const bit = w * 32 + 31 - Math.clz32(low);
      word ^= low;
      if (bit === 0) {
        noBlock.note(bitmap, 'bit 0 under key prefix 0 makes key 0, which names no block; the kernel decodes it anyway');
        continue;
      }
      const fls = 32 - Math.clz32(bit);
      const order = g.order0Log2 + 1 - fls;
      emit((bit - 2 ** (fls - 1)) * 2 ** order, order);
      emitted++;
    }
  }
  return emitted;
}

const noBlockKernel = KERNEL.radixLeaf;

/** The blocks a leaf records (set bits that name a block), without decoding them. */
function countLeaf(g: RadixGeometry, view: DataView, prefix: number): number {
  if (prefix >= 2 ** (g.order0Log2 + 1 - g.bitmapSizeLog2)) return 0;
  const bitmapAt = g.leaf.bitmap.offset;
  const words = g.leaf.bitmap.size / 4;
  let bits = 0;
  for (let w = 0; w < words; w++) bits += popcount(view.getUint32(bitmapAt + w * 4, true));
  return prefix === 0 && (view.getUint32(bitmapAt, true) & 1) !== 0 ? bits - 1 : bits;
}

/**
 * Calls `visit(pfn, order)` for every preserved block recorded in the tree
 * whose root page is at `root`, in key order, as kho_radix_walk_tree hands
 * them to its callback: the page frame number (a number, exact below 2^53)
 * and the order. Returns the number of blocks. Bits that name no block are
 * skipped with one warning per walk.
 */
export function walkRadixTree(mem: PhysMem, tree: RadixTreeDescriptor, root: bigint, visit: (pfn: number, order: number) => void, options: RadixReadOptions = {}): number {
  const g = radixGeometry(tree, mem.pageSize);
  const leaves = collectLeaves(mem, g, root, options);
  const maxBlocks = options.maxBlocks ?? Infinity;
  const noBlock = new AnomalyTally(options, 'radix-no-block', noBlockKernel);
  let total = 0;
  for (let l = 0; l < leaves.views.length; l++) {
    const view = leaves.views[l]!;
    const count = countLeaf(g, view, leaves.prefixes[l]!);
    if (total + count > maxBlocks) throw new ReaderLimitError({ struct: g.leaf.name, field: g.leaf.bitmap.name, offset: g.leaf.bitmap.offset, address: leaves.addresses[l]! }, 'maxBlocks', maxBlocks, 'preserved blocks');
    decodeLeaf(g, view, leaves.prefixes[l]!, noBlock, leaves.addresses[l]!, visit);
    total += count;
  }
  noBlock.flush();
  return total;
}

/**
 * Every preserved block recorded in the tree whose root page is at `root`,
 * in key order. The blocks are counted before any is built, so a tree of
 * more than `maxBlocks` (1 << 20 by default) is refused without allocating.
 */
export function readRadixTree(mem: PhysMem, tree: RadixTreeDescriptor, root: bigint, options: RadixReadOptions = {}): PreservedBlock[] {
  const g = radixGeometry(tree, mem.pageSize);
  const leaves = collectLeaves(mem, g, root, options);
  const maxBlocks = options.maxBlocks ?? RADIX_MAX_BLOCKS;
  let total = 0;
  for (let l = 0; l < leaves.views.length; l++) {
    total += countLeaf(g, leaves.views[l]!, leaves.prefixes[l]!);
    if (total > maxBlocks) throw new ReaderLimitError({ struct: g.leaf.name, field: g.leaf.bitmap.name, offset: g.leaf.bitmap.offset, address: leaves.addresses[l]! }, 'maxBlocks', maxBlocks, 'preserved blocks (walkRadixTree reads any number)');
  }
  const out = new Array<PreservedBlock>(total);
  const pageSize = mem.pageSize;
  let n = 0;
  const emit = (pfn: number, order: number): void => {
    const bytes = pfn * pageSize;
    out[n++] = { pa: bytes <= Number.MAX_SAFE_INTEGER ? BigInt(bytes) : BigInt(pfn) * BigInt(pageSize), order };
  };
  const noBlock = new AnomalyTally(options, 'radix-no-block', noBlockKernel);
  for (let l = 0; l < leaves.views.length; l++) decodeLeaf(g, leaves.views[l]!, leaves.prefixes[l]!, noBlock, leaves.addresses[l]!, emit);
  noBlock.flush();
  return out;
}

/**
 * Records `blocks` in a tree, taking new tree pages from `allocate` (which
 * must return distinct, unused page addresses); returns the root's address.
 */
export function writeRadixTree(mem: PhysMem, tree: RadixTreeDescriptor, blocks: readonly PreservedBlock[], allocate: () => bigint): bigint {
  const g = radixGeometry(tree, mem.pageSize);
  const newPage = (): bigint => {
    const pa = allocate();
    mem.write(pa, new Uint8Array(Math.max(g.node.size, g.leaf.size)));
    return pa;
  };
  const root = newPage();
  for (const block of blocks) {
    const key = radixKey(g, block);
    let node = root;
    for (let level = g.depth - 1; level >= 1; level--) {
      const slot = node + BigInt(g.node.table.offset + tableIndex(g, key, level) * g.node.table.elemSize);
      let child = mem.readU64(slot);
      if (child === 0n) {
        child = newPage();
        mem.writeU64(slot, child);
      }
      node = child;
    }
    const bit = Number(key & ((1n << BigInt(g.bitmapSizeLog2)) - 1n));
    // The bitmap as u64 words, as the kernel's unsigned longs.
    const word = node + BigInt(g.leaf.bitmap.offset + Math.floor(bit / 64) * U64_BYTES);
    mem.writeU64(word, mem.readU64(word) | (1n << BigInt(bit % 64)));
  }
  return root;
}
