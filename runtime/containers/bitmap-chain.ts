/**
 * kho-v1's memory map (kernel-abi.md section 5, "kho-v1"): the root FDT's
 * preserved-memory-map names the first of a chain of chunk pages. A chunk
 * holds a header {next, order, count} and `count` entries {start, bitmap};
 * bit i of the bitmap an entry points at marks the block of 1 << order
 * pages at start + (i << (PAGE_SHIFT + order)) as preserved. The layouts
 * (member offsets, the chunk's capacity, the bitmap's size) come from the
 * caller's BitmapChainDescriptor (KHOSER_MEM_CHUNK_LIST_CONTAINER in
 * generated/ts/kho_v1_memmap.ts; KHOSER_MEM_CHUNK_LIST_BITMAP512_CONTAINER
 * for the first kernels' 512-byte bitmaps).
 *
 * The next kernel walks the chain once, early in boot, in kho_mem_deserialize
 * and deserialize_bitmap (kernel/kexec_handover.c, later
 * kernel/liveupdate/kexec_handover.c), and checks nothing: it follows next
 * until 0, reads num_elms entries whatever their number, and marks the head
 * page of every block a set bit names. Where that would hang or read past
 * its page, this reader refuses instead, and says what the kernel would do;
 * what the kernel accepts though its own writer never writes it is a
 * warning. docs/reader-checks.md, rows KV1-KV10.
 */
import { DecodeError, type Location } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type BitmapChainDescriptor, type Resolved } from './descriptors.js';
import type { PreservedBlock } from './kho-radix.js';
import { AnomalyTally, KERNEL, pagesInImage, PfnSet, ReaderLimitError } from './limits.js';

/** A bitmap-chain descriptor resolved for one page size. */
export type BitmapChainGeometry = Resolved<BitmapChainDescriptor>;

/** Bits of a C int: deserialize_bitmap computes a block's size as `int sz = 1 << (order + PAGE_SHIFT)`. */
const C_INT_BITS = 32;
/** Bits of a u32 word the bitmaps are scanned in. */
const WORD_BITS = 32;
const WORD_BYTES = 4;
/** Bits of a physical address: the kernel's sums wrap at 2^64. */
const U64_BITS = 64;

export interface BitmapChainReadOptions extends ReadOptions {
  /** Most chunks; by default the pages in memory. */
  readonly maxChunks?: number;
  /** Most bitmap reads, a bitmap read twice counting twice; by default as many bitmaps as memory holds. */
  readonly maxBitmaps?: number;
  /** Most blocks: readBitmapChain's default is 1 << 20 (use walkBitmapChain for more); walkBitmapChain has none. */
  readonly maxBlocks?: number;
  /**
   * Called with the page frame number of each chunk and of each bitmap as
   * the walk reads them (a page read twice, twice): the pages kho-v1's next
   * kernel keeps reserved while it reads the map, though no bit names them.
   */
  readonly onMapPage?: (pfn: number) => void;
}

/** The blocks readBitmapChain returns at most unless told otherwise. */
export const BITMAP_CHAIN_MAX_BLOCKS = 1 << 20;

/** The chain's layout for a page size, as its descriptor gives it. */
export function bitmapChainGeometry(chain: BitmapChainDescriptor, pageSize: number): BitmapChainGeometry {
  expectKind(chain, 'bitmap_chain');
  const g = forPageSize(chain, pageSize);
  if (g.chunk.next.size !== U64_BYTES || g.entry.start.size !== U64_BYTES || g.entry.bitmap.size !== U64_BYTES) throw new TypeError(`${g.name}: the walker reads next, start and bitmap as u64s`);
  if (g.bitmap.bits.size % WORD_BYTES !== 0) throw new TypeError(`${g.name}: a ${g.bitmap.bits.size}-byte bitmap is not whole 32-bit words`);
  return g;
}

/** An unsigned integer member of 4 or 8 bytes, as a bigint. */
function readUnsigned(view: DataView, offset: number, size: number): bigint {
  if (size === U64_BYTES) return view.getBigUint64(offset, true);
  if (size === WORD_BYTES) return BigInt(view.getUint32(offset, true));
  throw new TypeError(`the walker reads counts and orders of 4 or 8 bytes, not ${size}`);
}

function popcount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (Math.imul((w + (w >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Calls `visit(pfn, order)` for every block the chain starting at `first`
 * records, chunk by chunk, entry by entry, bit by bit, as
 * kho_mem_deserialize hands them to deserialize_bitmap: the page frame
 * number of the block's head page (a number, exact below 2^53) and the
 * chunk's order. Returns the number of blocks. A block named twice is
 * visited twice, as the kernel marks its page twice.
 */
export function walkBitmapChain(mem: PhysMem, chain: BitmapChainDescriptor, first: bigint, visit: (pfn: number, order: number) => void, options: BitmapChainReadOptions = {}): number {
  return walk(mem, chain, first, visit, options);
}

/** The walk; without `visit`, it checks and counts and decodes no bit. */
function walk(mem: PhysMem, chain: BitmapChainDescriptor, first: bigint, visit: ((pfn: number, order: number) => void) | undefined, options: BitmapChainReadOptions): number {
  const g = bitmapChainGeometry(chain, mem.pageSize);
  const pageShift = g.pageShift;
  // KV1: the last kho-v1 kernels drop the handover when the map is 0 (kho_get_mem_map_phys returns 0,
  // kho_populate fails with -ENOENT); the first ones took 0 for an empty map. The reader follows the last.
  if (first === 0n) throw new DecodeError({ struct: g.chunk.name, offset: 0, address: 0n }, `the memory map is at 0; the kernel drops the handover (-ENOENT, ${KERNEL.memMapPhys})`);
  const maxChunks = options.maxChunks ?? pagesInImage(mem.pageCount);
  const maxBitmaps = options.maxBitmaps ?? pagesInImage(mem.pageCount) * Math.max(1, Math.floor(mem.pageSize / g.bitmap.size));
  const maxBlocks = options.maxBlocks ?? Infinity;
  const capacity = g.chunk.entries.count;
  const bitmapBits = g.bitmap.bits.size * 8;
  const words = g.bitmap.bits.size / WORD_BYTES;
  const chunks = new PfnSet();
  const bitmaps = new PfnSet();
  const shared = new AnomalyTally(options, 'kho-v1-shared-bitmap', KERNEL.v1Bitmap);
  const unaligned = new AnomalyTally(options, 'unaligned-address', KERNEL.v1Bitmap);
  let chunkCount = 0;
  let bitmapReads = 0;
  let total = 0;
  for (let pa = first; pa !== 0n; ) {
    const chunkLoc = (field: string, offset: number): Location => ({ struct: g.chunk.name, field, offset, address: pa + BigInt(offset) });
    // KV8: a chunk page not in memory is a MemoryError here.
    const view = mem.view(pa, g.chunk.size, g.chunk.name);
    options.onMapPage?.(Number(pa >> BigInt(pageShift)));
    // KV2: the kernel follows next with no visited set, so a chain that comes back around never ends.
    if (!chunks.add(Number(pa))) throw new DecodeError(chunkLoc(g.chunk.next.name, g.chunk.next.offset), `the chain reaches this chunk a second time (a cycle); the kernel would walk it forever at boot (${KERNEL.v1Deserialize})`);
    if (++chunkCount > maxChunks) throw new ReaderLimitError({ struct: g.chunk.name, offset: 0, address: pa }, 'maxChunks', maxChunks, 'chunks');
    const next = view.getBigUint64(g.chunk.next.offset, true);
    const count = readUnsigned(view, g.chunk.count.offset, g.chunk.count.size);
    const order = readUnsigned(view, g.chunk.order.offset, g.chunk.order.size);
    // KV3: the kernel reads num_elms entries whatever the number, past the end of the chunk's page.
    if (count > BigInt(capacity)) throw new DecodeError(chunkLoc(g.chunk.count.name, g.chunk.count.offset), `${count} entries, but a chunk holds ${capacity}; the kernel would read entries past the chunk's page (${KERNEL.v1Deserialize})`);
    // KV4: an order whose block size does not fit the int the kernel computes it in (no writer makes one:
    // kho_restore_page refuses any order above MAX_PAGE_ORDER). Only read when the chunk has entries.
    if (count > 0n && order + BigInt(pageShift) >= BigInt(C_INT_BITS - 1)) {
      throw new DecodeError(chunkLoc(g.chunk.order.name, g.chunk.order.offset), `order ${order}: a block of 2^${order + BigInt(pageShift)} bytes overflows the int size deserialize_bitmap computes (undefined behaviour; no kernel preserves such a block) (${KERNEL.v1Bitmap})`);
    }
    const ord = Number(order);
    const unit = 2 ** ord;
    for (let i = 0; i < Number(count); i++) {
      const at = g.chunk.entries.offset + i * g.chunk.entries.elemSize;
      const entryLoc = (field: string, offset: number): Location => ({ struct: g.entry.name, field, offset: at + offset, address: pa + BigInt(at + offset) });
      const start = view.getBigUint64(at + g.entry.start.offset, true);
      const bitmapPa = view.getBigUint64(at + g.entry.bitmap.offset, true);
      // KV5: KHOSER_LOAD_PTR turns 0 into NULL, which deserialize_bitmap dereferences.
      if (bitmapPa === 0n) throw new DecodeError(entryLoc(g.entry.bitmap.name, g.entry.bitmap.offset), `entry ${i} has no bitmap (0); the kernel would dereference NULL (${KERNEL.v1Bitmap})`);
      if (++bitmapReads > maxBitmaps) throw new ReaderLimitError(entryLoc(g.entry.bitmap.name, g.entry.bitmap.offset), 'maxBitmaps', maxBitmaps, 'bitmap reads (a bitmap read twice counts twice)');
      // KV8: a bitmap not in memory is a MemoryError here.
      const bits = mem.view(bitmapPa + BigInt(g.bitmap.bits.offset), g.bitmap.bits.size, g.bitmap.name);
      options.onMapPage?.(Number(bitmapPa >> BigInt(pageShift)));
      // KV6: two entries naming one bitmap: the kernel marks its blocks again; no writer does it.
      if (!bitmaps.add(Number(bitmapPa))) shared.note(entryLoc(g.entry.bitmap.name, g.entry.bitmap.offset), `the bitmap at 0x${bitmapPa.toString(16)} is named by a second entry; the kernel marks its blocks again`);
      // KV7: a start not aligned to the chunk's blocks makes the kernel mark pages no block starts at.
      if (start % (BigInt(mem.pageSize) << order) !== 0n) unaligned.note(entryLoc(g.entry.start.name, g.entry.start.offset), `0x${start.toString(16)} is not aligned to an order-${ord} block; the kernel marks the page holding each address it computes`);
      let n = 0;
      for (let w = 0; w < words; w++) n += popcount(bits.getUint32(w * WORD_BYTES, true));
      // KV9: counted before any is handed out.
      if (total + n > maxBlocks) throw new ReaderLimitError(entryLoc(g.entry.bitmap.name, g.entry.bitmap.offset), 'maxBlocks', maxBlocks, 'preserved blocks');
      total += n;
      if (n === 0 || !visit) continue;
      const startPfn = Number(start >> BigInt(pageShift));
      const exact = startPfn + bitmapBits * unit <= Number.MAX_SAFE_INTEGER && startPfn + bitmapBits * unit < 2 ** (U64_BITS - pageShift);
      for (let w = 0; w < words; w++) {
        let word = bits.getUint32(w * WORD_BYTES, true);
        while (word !== 0) {
          const low = word & -word;
          const bit = w * WORD_BITS + 31 - Math.clz32(low);
          word ^= low;
          if (exact) visit(startPfn + bit * unit, ord);
          // The kernel's u64 sum wraps; so does this one.
          else visit(Number(BigInt.asUintN(U64_BITS, start + (BigInt(bit) << (order + BigInt(pageShift)))) >> BigInt(pageShift)), ord);
        }
      }
    }
    pa = next;
  }
  shared.flush();
  unaligned.flush();
  return total;
}

/**
 * Every block the chain starting at `first` records, in chain order. The
 * blocks of each bitmap are counted before any is built, so a chain of more
 * than `maxBlocks` (1 << 20 by default) is refused without allocating them.
 */
export function readBitmapChain(mem: PhysMem, chain: BitmapChainDescriptor, first: bigint, options: BitmapChainReadOptions = {}): PreservedBlock[] {
  const opts = { ...options, maxBlocks: options.maxBlocks ?? BITMAP_CHAIN_MAX_BLOCKS };
  // Checked and counted first (warnings too), so that nothing is built for a chain that is refused.
  const total = walk(mem, chain, first, undefined, opts);
  const out = new Array<PreservedBlock>(total);
  const pageSize = BigInt(mem.pageSize);
  let n = 0;
  walk(mem, chain, first, (pfn, order) => (out[n++] = { pa: BigInt(pfn) * pageSize, order }), { ...opts, warnings: [], strict: false });
  return out;
}

/**
 * Records `blocks` as kho_mem_serialize lays them out: one run of chunks
 * per order, orders ascending; within an order one bitmap per stretch of
 * PRESERVE_BITS blocks that has any, ascending, and a new chunk when one is
 * full. Chunk and bitmap pages come from `allocate` (distinct, unused page
 * addresses). Returns the first chunk's address, 0 when there are no
 * blocks (the kernel's empty map). A block must be aligned to its order.
 */
export function writeBitmapChain(mem: PhysMem, chain: BitmapChainDescriptor, blocks: readonly PreservedBlock[], allocate: () => bigint): bigint {
  const g = bitmapChainGeometry(chain, mem.pageSize);
  const pageShift = BigInt(g.pageShift);
  const bitmapBits = BigInt(g.bitmap.bits.size * 8);
  // order -> bitmap index -> bits set
  const byOrder = new Map<number, Map<bigint, Set<number>>>();
  for (const { pa, order } of blocks) {
    if (!Number.isInteger(order) || order < 0 || BigInt(order) + pageShift >= BigInt(C_INT_BITS - 1)) throw new RangeError(`order ${order} is outside what a kho-v1 chunk records`);
    if (pa < 0n || pa % (1n << (pageShift + BigInt(order))) !== 0n) throw new RangeError(`0x${pa.toString(16)} is not aligned to an order-${order} block`);
    const high = pa >> (pageShift + BigInt(order));
    let bitmaps = byOrder.get(order);
    if (!bitmaps) byOrder.set(order, (bitmaps = new Map()));
    const index = high / bitmapBits;
    let set = bitmaps.get(index);
    if (!set) bitmaps.set(index, (set = new Set()));
    set.add(Number(high % bitmapBits));
  }
  const chunkPage = (): bigint => {
    const pa = allocate();
    mem.write(pa, new Uint8Array(g.chunk.size));
    return pa;
  };
  let first = 0n;
  let chunk = 0n;
  let used = 0;
  const link = (order: number): void => {
    const pa = chunkPage();
    mem.write(pa + BigInt(g.chunk.order.offset), le(BigInt(order), g.chunk.order.size));
    if (chunk !== 0n) mem.writeU64(chunk + BigInt(g.chunk.next.offset), pa);
    else first = pa;
    chunk = pa;
    used = 0;
  };
  for (const order of [...byOrder.keys()].sort((a, b) => a - b)) {
    link(order);
    const bitmaps = byOrder.get(order)!;
    for (const index of [...bitmaps.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (used === g.chunk.entries.count) link(order);
      const bitmapPa = allocate();
      const bytes = new Uint8Array(Math.max(g.bitmap.size, mem.pageSize));
      for (const bit of bitmaps.get(index)!) bytes[g.bitmap.bits.offset + (bit >> 3)]! |= 1 << (bit & 7);
      mem.write(bitmapPa, bytes);
      const at = chunk + BigInt(g.chunk.entries.offset + used * g.chunk.entries.elemSize);
      mem.writeU64(at + BigInt(g.entry.start.offset), (index * bitmapBits) << (BigInt(order) + pageShift));
      mem.writeU64(at + BigInt(g.entry.bitmap.offset), bitmapPa);
      used++;
      mem.write(chunk + BigInt(g.chunk.count.offset), le(BigInt(used), g.chunk.count.size));
    }
  }
  return first;
}

/** `value` as `size` little-endian bytes. */
function le(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
}
