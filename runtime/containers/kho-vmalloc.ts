/**
 * The kho_vmalloc chunk chain (kernel-abi.md section 5): a descriptor
 * {first, total_pages, flags, order} points at one-page chunks, each a next
 * address followed by the physical addresses of blocks of 1 << order pages,
 * the list ending at the first 0 or at the end of the page. The layout
 * (member offsets, the chunk's capacity) comes from the caller's
 * VmallocChainDescriptor (KHO_VMALLOC_AREA_CONTAINER in generated/ts/vmalloc.ts).
 *
 * `restoreVmalloc` checks a chain as kho_restore_vmalloc does, before any
 * data is handed out (the kernel maps the area only once the whole chain
 * restored): an empty area, a block that would run past total_pages, a
 * block count short of it, and any page restored twice are refused. The
 * last is the kernel's kho_restore_page finding the page's magic already
 * cleared, and it is also what stops amplification: a chain cannot name one
 * page many times, loop back to a chunk, or list more blocks than memory
 * holds pages. Flags are not checked here: kho_flags_to_vmalloc maps 0x1
 * and 0x2 and ignores the rest (the kho_vmalloc codec warns about them).
 *
 * Block addresses travel as page frame numbers (numbers, exact below 2^53),
 * so the per-entry work has no bigint; the data is read page by page from
 * memory without gathering it into one buffer unless asked to.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError, MemoryError, type Location } from '../errors.js';
import type { PreservedMap } from './preserved-map.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type Resolved, type VmallocChainDescriptor } from './descriptors.js';
import { AnomalyTally, atAddress, BatchIterator, countWithin, KERNEL, locateWarnings, PfnSet, ReaderLimitError } from './limits.js';

/** The descriptor as the generated kho_vmalloc codec decodes it. */
export interface VmallocDescriptor {
  readonly first: bigint;
  readonly total_pages: number;
  readonly flags: number;
  readonly order: number;
}

export interface VmallocRestoreOptions extends ReadOptions {
  /**
   * The preserved memory map: when given, a chunk or block page that is no
   * head of a preserved block is refused, as kho_restore_page refuses a page
   * without KHO's magic.
   */
  readonly preserved?: PreservedMap;
}

export interface VmallocOptions extends VmallocRestoreOptions {
  /** The largest area readVmallocBytes copies out, in bytes (1 GiB by default); the other readers copy nothing. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 1 << 30;
const TWO_32 = 4294967296;

type Area = Resolved<VmallocChainDescriptor>;
type Member = Area['descriptor']['first'];

/** The descriptor for this page size, checked to be one the walker reads (8-byte next and block addresses). */
function areaFor(area: VmallocChainDescriptor, pageSize: number): Area {
  expectKind(area, 'vmalloc_chain');
  const a = forPageSize(area, pageSize);
  if (a.chunk.next.size !== U64_BYTES || a.chunk.entries.elemSize !== U64_BYTES) throw new TypeError(`${a.name}: the vmalloc walker reads 8-byte ${a.chunk.name}.${a.chunk.next.name} and .${a.chunk.entries.name}`);
  return a;
}

/** Where a member of the descriptor struct (kho_vmalloc) is, for an error about its value. */
const desc = (a: Area, m: Member) => ({ struct: a.descriptor.name, field: m.name, offset: m.offset });
const chunkAt = (a: Area, m: Member, offset: number, chunk: bigint) => ({ struct: a.chunk.name, field: m.name, offset, address: chunk + BigInt(offset) });

/** Block addresses one chunk holds (KHO_VMALLOC_SIZE). */
export function vmallocChunkCapacity(area: VmallocChainDescriptor, pageSize: number): number {
  return areaFor(area, pageSize).chunk.entries.count;
}

/** An area the kernel restores: its blocks as page frame numbers, in mapping order. */
export interface VmallocArea {
  readonly pageSize: number;
  readonly order: number;
  readonly totalPages: number;
  /** The first page frame number of each block of 1 << order pages. */
  readonly blocks: Float64Array;
}

function trailingZeros(n: number): number {
  const lo = n >>> 0;
  if (lo !== 0) return 31 - Math.clz32(lo & -lo);
  const hi = (n / TWO_32) >>> 0;
  return hi === 0 ? 53 : 32 + 31 - Math.clz32(hi & -hi);
}

/**
 * Checks the chunk chain of `d` as kho_restore_vmalloc does and returns the
 * area's blocks. Refuses (DecodeError) what the kernel refuses; a chunk or
 * block page missing from memory is a MemoryError (the kernel finds no page).
 */
export function restoreVmalloc(mem: PhysMem, area: VmallocChainDescriptor, d: VmallocDescriptor, options: VmallocRestoreOptions = {}): VmallocArea {
  const pageSize = mem.pageSize;
  const a = areaFor(area, pageSize);
  const shift = Math.log2(pageSize);
  const bigShift = BigInt(shift);
  const { order, total_pages: total } = d;
  if (!Number.isInteger(order) || order < 0 || order > 0xffff) throw new DecodeError(desc(a, a.descriptor.order), `order ${order} is not a u16 page order`);
  if (!Number.isInteger(total) || total < 0 || total >= TWO_32) throw new DecodeError(desc(a, a.descriptor.totalPages), `total_pages ${total} is not a u32`);
  // __get_vm_area_node refuses a zero-sized area.
  if (total === 0) throw new DecodeError(desc(a, a.descriptor.totalPages), `total_pages is 0; the kernel refuses an empty area (${KERNEL.vmallocArea})`);
  // Every block adds 1 << order pages and none may run past total_pages, so a total
  // that is no multiple of the block size is refused at the last block or at the end.
  const contig = order < 32 ? 2 ** order : Infinity;
  if (total % contig !== 0) {
    throw new DecodeError(desc(a, a.descriptor.totalPages), `total_pages ${total} is not a multiple of 1 << order (${order}); the kernel refuses the block that would run past it (${KERNEL.vmallocRestore})`);
  }
  const expected = total / contig;
  // Each block starts on a page no other block or chunk may restore: a chain cannot list more blocks than memory holds pages.
  if (expected > mem.pageCount) {
    throw new ReaderLimitError(desc(a, a.descriptor.totalPages), 'pages in memory', mem.pageCount, `total_pages ${total} needs ${expected} distinct blocks of ${contig} pages`);
  }
  const blocks = new Float64Array(expected);
  const claimed = new PfnSet(Math.min(expected + 16, 4096));
  const unaligned = new AnomalyTally(options, 'unaligned-address', KERNEL.restorePages);
  const perChunk = a.chunk.entries.count;
  const entriesAt = a.chunk.entries.offset;
  const nextAt = a.chunk.next.offset;
  const chunkSize = a.chunk.size;
  const pageMask = pageSize - 1;
  const pfnsPerHigh = TWO_32 / pageSize;
  const preserved = options.preserved;
  let n = 0;

  /**
   * kho_restore_pages(pfn, pages): the pieces as the kernel splits them, each
   * restored once. `block` is the block's index, or -1 for the chunk at
   * `chunk` itself; `at` the entry's offset in its chunk. Messages and
   * locations are built only on failure.
   */
  const restore = (pfn: number, pages: number, block: number, chunk: bigint, at: number): void => {
    const end = pfn + pages;
    for (let p = pfn; p < end; ) {
      const step = Math.min(trailingZeros(p), 31 - Math.clz32(end - p));
      const what = block < 0 ? 'the chunk' : `block ${block}`;
      if (!mem.isPresent(BigInt(p) << bigShift)) throw new MemoryError(BigInt(p) << bigShift, `${what}: the page is not in memory, so the kernel finds no page to restore (${KERNEL.restorePage})`, a.chunk.name);
      const loc = (): Location => (block < 0 ? chunkAt(a, a.chunk.next, nextAt, chunk) : chunkAt(a, a.chunk.entries, at, chunk));
      if (preserved && preserved.orderAt(p) === undefined) preserved.requireHead(p, loc(), what);
      if (!claimed.add(p)) {
        throw new DecodeError(loc(), `${what} restores page 0x${(BigInt(p) << bigShift).toString(16)} a second time; the kernel refuses it (its magic was cleared by the first restore, ${KERNEL.restorePage})`);
      }
      p += 2 ** step;
    }
  };

  for (let pa = d.first; pa !== 0n; ) {
    const view = mem.view(pa, chunkSize, a.chunk.name);
    for (let i = 0; i < perChunk; i++) {
      const at = entriesAt + i * U64_BYTES;
      const lo = view.getUint32(at, true);
      const hi = view.getUint32(at + 4, true);
      if (lo === 0 && hi === 0) break;
      if (n >= expected) {
        throw new DecodeError(chunkAt(a, a.chunk.entries, at, pa), `a block past the ${total} pages of the area; the kernel refuses it (${KERNEL.vmallocRestore})`);
      }
      if (hi >= 1 << (52 - 32)) throw new MemoryError((BigInt(hi) << 32n) | BigInt(lo), 'outside the 52-bit physical address space', a.chunk.name);
      // PHYS_PFN: the kernel restores the page that holds the address.
      const pfn = hi * pfnsPerHigh + Math.floor(lo / pageSize);
      if ((lo & pageMask) !== 0 || pfn % contig !== 0) {
        unaligned.note(chunkAt(a, a.chunk.entries, at, pa), `block address 0x${((BigInt(hi) << 32n) | BigInt(lo)).toString(16)} is not aligned to its ${contig} pages; the kernel restores the page(s) holding it, piece by piece`);
      }
      restore(pfn, contig, n, pa, at);
      blocks[n++] = pfn;
    }
    // The chunk's own page is restored after its entries.
    restore(Number(pa >> bigShift), 1, -1, pa, 0);
    pa = view.getBigUint64(nextAt, true);
  }
  if (n !== expected) {
    throw new DecodeError(desc(a, a.descriptor.totalPages), `the chain lists ${n} blocks of ${contig} pages, not the ${total} pages of total_pages; the kernel refuses it (${KERNEL.vmallocRestore})`);
  }
  unaligned.flush();
  return { pageSize, order, totalPages: total, blocks };
}

/** The restored area's page `index` (0..totalPages-1): a zero-copy view of that page in memory. */
export function vmallocPage(mem: PhysMem, area: VmallocArea, index: number): DataView {
  const contig = 2 ** area.order;
  const pfn = area.blocks[Math.floor(index / contig)]! + (index % contig);
  return mem.view(BigInt(pfn) * BigInt(area.pageSize), area.pageSize, 'kho_vmalloc block');
}

/** The physical addresses of the area's blocks, in mapping order, as the kernel restores them. */
export function readVmallocBlocks(mem: PhysMem, area: VmallocChainDescriptor, d: VmallocDescriptor, options: ReadOptions = {}): bigint[] {
  const { blocks, pageSize } = restoreVmalloc(mem, area, d, options);
  const size = BigInt(pageSize);
  return Array.from(blocks, (pfn) => BigInt(pfn) * size);
}

/** Refuses, before anything is allocated for it, an area whose pages memory cannot all hold (they are read, not only restored). */
function checkReadable(mem: PhysMem, a: Area, d: VmallocDescriptor): void {
  if (d.total_pages > mem.pageCount) throw new ReaderLimitError(desc(a, a.descriptor.totalPages), 'pages in memory', mem.pageCount, `an area of ${d.total_pages} pages to read`);
}

/** The contents of the area: total_pages pages, gathered from its blocks into one buffer. */
export function readVmallocBytes(mem: PhysMem, area: VmallocChainDescriptor, d: VmallocDescriptor, options: VmallocOptions = {}): Uint8Array {
  const a = areaFor(area, mem.pageSize);
  const size = d.total_pages * mem.pageSize;
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) throw new ReaderLimitError(desc(a, a.descriptor.totalPages), 'maxBytes', max, `${d.total_pages} pages of ${mem.pageSize} bytes`);
  checkReadable(mem, a, d);
  const restored = restoreVmalloc(mem, area, d, options);
  const out = new Uint8Array(size);
  for (let j = 0; j < restored.totalPages; j++) {
    const page = vmallocPage(mem, restored, j);
    out.set(new Uint8Array(page.buffer, page.byteOffset, page.byteLength), j * mem.pageSize);
  }
  return out;
}

/**
 * Writes `data` as a vmalloc area of order-`order` blocks at `blocks` with
 * its chunk chain at `chunks`, as the kernel does (chunks filled in order,
 * unused entries 0, a new empty chunk linked as soon as one fills); returns
 * the descriptor.
 */
export function writeVmalloc(mem: PhysMem, area: VmallocChainDescriptor, data: Uint8Array, blocks: readonly bigint[], chunks: readonly bigint[], order = 0, flags = 1): VmallocDescriptor {
  const a = areaFor(area, mem.pageSize);
  const blockBytes = 2 ** order * mem.pageSize;
  const totalPages = Math.ceil(data.length / blockBytes) * 2 ** order;
  const needed = Math.ceil(data.length / blockBytes);
  if (blocks.length < needed) throw new RangeError(`${data.length} bytes need ${needed} blocks, ${blocks.length} given`);
  const perChunk = a.chunk.entries.count;
  // kho_preserve_vmalloc links a new chunk whenever one fills, so a full last chunk is followed by an empty one.
  const chunkCount = Math.floor(needed / perChunk) + 1;
  if (chunks.length < chunkCount) throw new RangeError(`${needed} blocks need ${chunkCount} chunks, ${chunks.length} given`);
  const block = new Uint8Array(blockBytes);
  for (let i = 0; i < needed; i++) {
    block.fill(0);
    block.set(data.subarray(i * blockBytes, (i + 1) * blockBytes));
    mem.write(blocks[i]!, block);
  }
  const page = new Uint8Array(a.chunk.size);
  const view = new DataView(page.buffer);
  for (let c = 0; c < chunkCount; c++) {
    page.fill(0);
    view.setBigUint64(a.chunk.next.offset, c + 1 < chunkCount ? chunks[c + 1]! : 0n, true);
    for (let i = 0; i < perChunk && c * perChunk + i < needed; i++) view.setBigUint64(a.chunk.entries.offset + i * U64_BYTES, blocks[c * perChunk + i]!, true);
    mem.write(chunks[c]!, page);
  }
  return { first: chunks[0]!, total_pages: totalPages, flags, order };
}

/** The number of `entrySize`-byte entries, refused before anything is read when the area cannot hold them. */
function entryCount(mem: PhysMem, a: Area, d: VmallocDescriptor, entrySize: number, count: number | bigint): number {
  const fit = Math.floor((d.total_pages * mem.pageSize) / entrySize);
  const n = countWithin(count, fit);
  if (n === undefined) {
    // memfd_luo_retrieve_folios reads nr_folios entries without a bound; kho-abi refuses to read past the area.
    throw new DecodeError(desc(a, a.descriptor.totalPages), `${count} entries of ${entrySize} bytes do not fit the area's ${d.total_pages} pages (at most ${fit})`);
  }
  if (n > 0) checkReadable(mem, a, d);
  return n;
}

/** The physical address of byte `i * entrySize` of the area (where entry `i` starts). */
/** The physical address of entry `i` of `entrySize` bytes in an area. */
export function vmallocEntryAddress(area: VmallocArea, i: number, entrySize: number): bigint {
  const byte = i * entrySize;
  const page = Math.floor(byte / area.pageSize);
  const contig = 2 ** area.order;
  const pfn = area.blocks[Math.floor(page / contig)]! + (page % contig);
  return BigInt(pfn) * BigInt(area.pageSize) + BigInt(byte - page * area.pageSize);
}

/**
 * Entries of a restored area in order: `next()` returns the view and
 * offset of the next entry, fetching a page view only when the page
 * changes and copying an entry that crosses pages into a scratch buffer.
 */
class EntryCursor {
  private page = 0;
  private view: DataView;
  private offset = 0;
  private readonly scratch: Uint8Array;
  private readonly scratchView: DataView;
  /** The view and offset of the entry `next()` returned last. */
  current!: DataView;
  at = 0;

  constructor(
    private readonly mem: PhysMem,
    private readonly area: VmallocArea,
    private readonly size: number,
  ) {
    this.view = vmallocPage(mem, area, 0);
    this.scratch = new Uint8Array(size);
    this.scratchView = new DataView(this.scratch.buffer);
  }

  next(): void {
    const pageSize = this.area.pageSize;
    if (this.offset === pageSize) {
      this.view = vmallocPage(this.mem, this.area, ++this.page);
      this.offset = 0;
    }
    if (this.offset + this.size <= pageSize) {
      this.current = this.view;
      this.at = this.offset;
      this.offset += this.size;
      return;
    }
    // An entry across pages: gather its bytes.
    let filled = 0;
    while (filled < this.size) {
      if (this.offset === pageSize) {
        this.view = vmallocPage(this.mem, this.area, ++this.page);
        this.offset = 0;
      }
      const take = Math.min(this.size - filled, pageSize - this.offset);
      this.scratch.set(new Uint8Array(this.view.buffer, this.view.byteOffset + this.offset, take), filled);
      filled += take;
      this.offset += take;
    }
    this.current = this.scratchView;
    this.at = 0;
  }
}

/**
 * Calls `visit` with each of `count` entries of `entrySize` bytes stored
 * back to back in the area (memfd's folio array), in order, after the
 * whole chain is checked. An entry that crosses a page is handed over in a
 * scratch buffer. `count` 0 reads nothing, as memfd_luo_retrieve restores
 * no area when nr_folios is 0. Returns the number of entries.
 */
export function walkVmallocArray(mem: PhysMem, chain: VmallocChainDescriptor, d: VmallocDescriptor, entrySize: number, count: number | bigint, visit: (view: DataView, offset: number, index: number) => void, options: ReadOptions = {}): number {
  const n = entryCount(mem, areaFor(chain, mem.pageSize), d, entrySize, count);
  if (n === 0) return 0;
  const area = restoreVmalloc(mem, chain, d, options);
  const pageSize = mem.pageSize;
  if (pageSize % entrySize === 0) {
    // Entries never cross a page: one view per page, no cursor.
    const perPage = pageSize / entrySize;
    for (let i = 0, page = 0; i < n; page++) {
      const view = vmallocPage(mem, area, page);
      const end = Math.min(n, i + perPage);
      for (let offset = 0; i < end; i++, offset += entrySize) visit(view, offset, i);
    }
    return n;
  }
  const cursor = new EntryCursor(mem, area, entrySize);
  for (let i = 0; i < n; i++) {
    cursor.next();
    visit(cursor.current, cursor.at, i);
  }
  return n;
}

/** A codec's error in entry `i`, named as such, at its physical address. */
function entryError(e: DecodeError, i: number, base: bigint): DecodeError {
  return atAddress(e, base, `entry ${i} of the vmalloc area: ${e.reason}`);
}

/**
 * Decodes entries `from` to `to - 1` of a restored area into `out` starting
 * at `out[at]`: a range inside one page through that page's view, or one
 * entry through the cursor (which copies an entry that crosses pages).
 * Errors and warnings carry the physical address of the field.
 */
function decodeRange<T>(mem: PhysMem, area: VmallocArea, codec: StructCodec<T>, from: number, to: number, out: T[], at: number, options: ReadOptions, cursor: EntryCursor | undefined): void {
  const opts = options.strict || options.warnings ? options : undefined;
  const list = options.warnings;
  const size = codec.size;
  const before = list?.length ?? 0;
  let i = from;
  let view: DataView | undefined;
  let offset = 0;
  try {
    if (!cursor) {
      // Entries never cross a page: one view a page.
      const pageSize = area.pageSize;
      while (i < to) {
        const byte = i * size;
        const page = Math.floor(byte / pageSize);
        view = vmallocPage(mem, area, page);
        offset = byte - page * pageSize;
        const end = Math.min(to, i + (pageSize - offset) / size);
        for (; i < end; i++, offset += size) out[at + i - from] = codec.decode(view, offset, opts);
      }
    } else {
      for (; i < to; i++) {
        cursor.next();
        view = cursor.current;
        offset = cursor.at;
        out[at + i - from] = codec.decode(view, offset, opts);
      }
    }
  } catch (e) {
    if (e instanceof DecodeError) throw entryError(e, i, vmallocEntryAddress(area, i, size) - BigInt(offset));
    throw e;
  }
  // A range lies in one page (or is one entry): the warnings' offsets are relative to where its first entry's view starts.
  if (list && list.length > before) locateWarnings(list, before, vmallocEntryAddress(area, from, size) - BigInt(cursor ? cursor.at : (from * size) % area.pageSize));
}

/** `count` entries of one struct stored back to back in a vmalloc area (memfd's folio array), decoded. */
export function readVmallocArray<T>(mem: PhysMem, chain: VmallocChainDescriptor, d: VmallocDescriptor, codec: StructCodec<T>, count: number | bigint, options: VmallocOptions = {}): T[] {
  const n = entryCount(mem, areaFor(chain, mem.pageSize), d, codec.size, count);
  const out = new Array<T>(n);
  if (n === 0) return out;
  const area = restoreVmalloc(mem, chain, d, options);
  if (mem.pageSize % codec.size === 0) {
    // A page at a time, so warnings are placed by the page they came from.
    const perPage = mem.pageSize / codec.size;
    for (let i = 0; i < n; i += perPage) decodeRange(mem, area, codec, i, Math.min(n, i + perPage), out, i, options, undefined);
  } else {
    const cursor = new EntryCursor(mem, area, codec.size);
    for (let i = 0; i < n; i++) decodeRange(mem, area, codec, i, i + 1, out, i, options, cursor);
  }
  return out;
}

/**
 * The entries one at a time, for arrays too large to hold decoded: the
 * chain is checked whole at the first next(), before any entry is handed
 * out; entries are decoded a page at a time, so an entry the codec refuses
 * throws before the others of its page are handed out.
 */
export function vmallocArrayEntries<T>(mem: PhysMem, chain: VmallocChainDescriptor, d: VmallocDescriptor, codec: StructCodec<T>, count: number | bigint, options: ReadOptions = {}): IterableIterator<T> {
  const n = entryCount(mem, areaFor(chain, mem.pageSize), d, codec.size, count);
  const fits = mem.pageSize % codec.size === 0;
  const step = fits ? mem.pageSize / codec.size : 1;
  let area: VmallocArea | undefined;
  let cursor: EntryCursor | undefined;
  let i = 0;
  return new BatchIterator<T>((batch) => {
    if (i >= n) return 0;
    if (!area) {
      area = restoreVmalloc(mem, chain, d, options);
      if (!fits) cursor = new EntryCursor(mem, area, codec.size);
    }
    const to = Math.min(n, i + step);
    decodeRange(mem, area, codec, i, to, batch, 0, options, cursor);
    const got = to - i;
    i = to;
    return got;
  });
}
