/**
 * The kho_vmalloc chunk chain (kernel-abi.md section 5): a descriptor
 * {first, total_pages, flags, order} points at one-page chunks, each a next
 * address followed by the physical addresses of blocks of 1 << order pages,
 * the list ending at the first 0 or at the end of the page. The reader
 * refuses what restore refuses: loops, a block count that does not add up
 * to total_pages, and more data than the descriptor claims.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';

/** The descriptor as the generated kho_vmalloc codec decodes it. */
export interface VmallocDescriptor {
  readonly first: bigint;
  readonly total_pages: number;
  readonly flags: number;
  readonly order: number;
}

export interface VmallocOptions {
  /** The largest area a reader will copy out, in bytes (a corrupt total_pages must not exhaust memory). */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 1 << 30;

const where = (field: string, address: bigint, struct = 'kho_vmalloc_chunk') => ({ struct, field, offset: 0, address });

/** Entries of one chunk page: the page less its next pointer, in u64 addresses. */
export function vmallocChunkEntries(pageSize: number): number {
  return (pageSize - 8) / 8;
}

/** The physical addresses of the area's blocks, in mapping order, checked against total_pages. */
export function readVmallocBlocks(mem: PhysMem, desc: VmallocDescriptor): bigint[] {
  const perChunk = vmallocChunkEntries(mem.pageSize);
  const blockPages = 2 ** desc.order;
  if (!Number.isInteger(desc.order) || desc.order < 0 || desc.order > 40) {
    throw new DecodeError(where('order', desc.first, 'kho_vmalloc'), `order ${desc.order} is not a page order`);
  }
  const expectedBlocks = Math.ceil(desc.total_pages / blockPages);
  // A chain may end with one empty chunk; any more would be a loop or garbage.
  const maxChunks = Math.ceil(expectedBlocks / perChunk) + 1;
  const blocks: bigint[] = [];
  const seen = new Set<bigint>();
  for (let pa = desc.first; pa !== 0n; ) {
    if (seen.has(pa)) throw new DecodeError(where('hdr.next', pa), 'the chunk chain loops back to a chunk it already visited');
    if (seen.size >= maxChunks) throw new DecodeError(where('hdr.next', pa), `more than ${maxChunks} chunks for ${desc.total_pages} pages`);
    seen.add(pa);
    const view = mem.view(pa, mem.pageSize, 'kho_vmalloc_chunk');
    for (let i = 0; i < perChunk; i++) {
      const block = view.getBigUint64(8 + i * 8, true);
      if (block === 0n) break;
      if (blocks.length >= expectedBlocks) {
        throw new DecodeError({ struct: 'kho_vmalloc_chunk', field: 'phys', offset: 8 + i * 8, address: pa + BigInt(8 + i * 8) }, `more blocks than the ${desc.total_pages} pages of the area`);
      }
      blocks.push(block);
    }
    pa = view.getBigUint64(0, true);
  }
  if (blocks.length * blockPages < desc.total_pages) {
    throw new DecodeError(where('total_pages', desc.first, 'kho_vmalloc'), `the chain lists ${blocks.length} blocks of ${blockPages} pages, fewer than total_pages ${desc.total_pages}`);
  }
  return blocks;
}

/** The contents of the area: total_pages pages, gathered from its blocks. */
export function readVmallocBytes(mem: PhysMem, desc: VmallocDescriptor, options: VmallocOptions = {}): Uint8Array {
  const size = desc.total_pages * mem.pageSize;
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) throw new DecodeError(where('total_pages', desc.first, 'kho_vmalloc'), `${desc.total_pages} pages is more than the ${max}-byte limit`);
  const out = new Uint8Array(size);
  const blockBytes = 2 ** desc.order * mem.pageSize;
  readVmallocBlocks(mem, desc).forEach((block, i) => {
    const at = i * blockBytes;
    out.set(mem.read(block, Math.min(blockBytes, size - at), 'kho_vmalloc block'), at);
  });
  return out;
}

/**
 * Writes `data` as a vmalloc area of order-`order` blocks at `blocks` with
 * its chunk chain at `chunks`, as the kernel does (chunks filled in order,
 * unused entries 0); returns the descriptor.
 */
export function writeVmalloc(mem: PhysMem, data: Uint8Array, blocks: readonly bigint[], chunks: readonly bigint[], order = 0, flags = 1): VmallocDescriptor {
  const blockBytes = 2 ** order * mem.pageSize;
  const totalPages = Math.ceil(data.length / mem.pageSize);
  const needed = Math.ceil(data.length / blockBytes);
  if (blocks.length < needed) throw new RangeError(`${data.length} bytes need ${needed} blocks, ${blocks.length} given`);
  const perChunk = vmallocChunkEntries(mem.pageSize);
  const chunkCount = Math.max(1, Math.ceil(needed / perChunk));
  if (chunks.length < chunkCount) throw new RangeError(`${needed} blocks need ${chunkCount} chunks, ${chunks.length} given`);
  for (let i = 0; i < needed; i++) {
    const block = new Uint8Array(blockBytes);
    block.set(data.subarray(i * blockBytes, (i + 1) * blockBytes));
    mem.write(blocks[i]!, block);
  }
  for (let c = 0; c < chunkCount; c++) {
    const page = new Uint8Array(mem.pageSize);
    const view = new DataView(page.buffer);
    view.setBigUint64(0, c + 1 < chunkCount ? chunks[c + 1]! : 0n, true);
    for (let i = 0; i < perChunk && c * perChunk + i < needed; i++) view.setBigUint64(8 + i * 8, blocks[c * perChunk + i]!, true);
    mem.write(chunks[c]!, page);
  }
  return { first: chunks[0]!, total_pages: totalPages, flags, order };
}

/** `count` entries of one struct stored back to back in a vmalloc area (memfd's folio array). */
export function readVmallocArray<T>(mem: PhysMem, desc: VmallocDescriptor, codec: StructCodec<T>, count: number | bigint, options: VmallocOptions = {}): T[] {
  const n = Number(count);
  const need = n * codec.size;
  if (!Number.isSafeInteger(n) || n < 0 || need > desc.total_pages * mem.pageSize) {
    throw new DecodeError(where('total_pages', desc.first, 'kho_vmalloc'), `${count} entries of ${codec.size} bytes do not fit the area's ${desc.total_pages} pages`);
  }
  const bytes = readVmallocBytes(mem, desc, options);
  const view = new DataView(bytes.buffer);
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    try {
      out[i] = codec.decode(view, i * codec.size);
    } catch (e) {
      if (e instanceof DecodeError) throw new DecodeError({ struct: e.struct, ...(e.field !== undefined ? { field: e.field } : {}), offset: e.offset }, `entry ${i} of the vmalloc area: ${e.reason}`);
      throw e;
    }
  }
  return out;
}
