/**
 * The kho_block chain (kernel-abi.md section 5): one-page blocks, each a
 * 16-byte header {next, count} followed by `count` fixed-size entries. The
 * reader refuses what the kernel refuses: count 0 or above the block's
 * capacity, a chain longer than the limit, and cycles.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';

export const KHO_BLOCK_HEADER_SIZE = 16;
/** The kernel's limit on the length of a chain. */
export const KHO_MAX_BLOCKS = 10000;

export interface BlockChainOptions {
  /** Size of a block; the page size by default. */
  readonly blockSize?: number;
  readonly maxBlocks?: number;
}

/** Entries a block of this size holds. */
export function blockCapacity(blockSize: number, entrySize: number): number {
  return Math.floor((blockSize - KHO_BLOCK_HEADER_SIZE) / entrySize);
}

/** Calls `visit` with every entry's view and offset, block by block, in list order. Returns the number of entries. */
export function walkBlockChain(mem: PhysMem, head: bigint, entrySize: number, visit: (view: DataView, offset: number, pa: bigint) => void, options: BlockChainOptions = {}): number {
  const blockSize = options.blockSize ?? mem.pageSize;
  const maxBlocks = options.maxBlocks ?? KHO_MAX_BLOCKS;
  const capacity = blockCapacity(blockSize, entrySize);
  const seen = new Set<bigint>();
  let total = 0;
  for (let pa = head; pa !== 0n; ) {
    const view = blockView(mem, pa, seen, maxBlocks, blockSize);
    const next = view.getBigUint64(0, true);
    const n = blockCount(view, pa, capacity, entrySize);
    for (let i = 0; i < n; i++) {
      const offset = KHO_BLOCK_HEADER_SIZE + i * entrySize;
      visit(view, offset, pa + BigInt(offset));
    }
    total += n;
    pa = next;
  }
  return total;
}

/** Decodes every entry of a chain; errors carry the physical address of the bad field. */
export function readBlockChain<T>(mem: PhysMem, head: bigint, codec: StructCodec<T>, options: BlockChainOptions = {}): T[] {
  const blockSize = options.blockSize ?? mem.pageSize;
  const maxBlocks = options.maxBlocks ?? KHO_MAX_BLOCKS;
  const entrySize = codec.size;
  const capacity = blockCapacity(blockSize, entrySize);
  const out: T[] = [];
  const seen = new Set<bigint>();
  for (let pa = head; pa !== 0n; ) {
    const view = blockView(mem, pa, seen, maxBlocks, blockSize);
    const n = blockCount(view, pa, capacity, entrySize);
    let offset = KHO_BLOCK_HEADER_SIZE;
    try {
      for (let i = 0; i < n; i++, offset += entrySize) out.push(codec.decode(view, offset));
    } catch (e) {
      if (e instanceof DecodeError) {
        throw new DecodeError({ struct: e.struct, ...(e.field !== undefined ? { field: e.field } : {}), offset: e.offset, address: pa + BigInt(e.offset) }, e.reason);
      }
      throw e;
    }
    pa = view.getBigUint64(0, true);
  }
  return out;
}

/** The block at `pa`, refusing loops and over-long chains. */
function blockView(mem: PhysMem, pa: bigint, seen: Set<bigint>, maxBlocks: number, blockSize: number): DataView {
  if (seen.has(pa)) throw new DecodeError({ struct: 'kho_block_header_ser', field: 'next', offset: 0, address: pa }, 'the chain loops back to a block it already visited');
  if (seen.size >= maxBlocks) throw new DecodeError({ struct: 'kho_block_header_ser', field: 'next', offset: 0, address: pa }, `the chain is longer than ${maxBlocks} blocks`);
  seen.add(pa);
  return mem.view(pa, blockSize, 'kho_block_header_ser');
}

/** The block's entry count, refusing 0 and more than fit, as the kernel does. */
function blockCount(view: DataView, pa: bigint, capacity: number, entrySize: number): number {
  const count = view.getBigUint64(8, true);
  if (count === 0n || count > BigInt(capacity)) {
    throw new DecodeError({ struct: 'kho_block_header_ser', field: 'count', offset: 8, address: pa + 8n }, `count ${count} is outside 1..${capacity} for ${entrySize}-byte entries`);
  }
  return Number(count);
}

/** Writes entries into a chain of blocks at the given block addresses (all full but the last); returns the head. */
export function writeBlockChain<T>(mem: PhysMem, blocks: readonly bigint[], codec: StructCodec<T>, entries: readonly T[], options: BlockChainOptions = {}): bigint {
  const blockSize = options.blockSize ?? mem.pageSize;
  const capacity = blockCapacity(blockSize, codec.size);
  const needed = Math.ceil(entries.length / capacity);
  if (needed > blocks.length) throw new RangeError(`${entries.length} entries need ${needed} blocks, ${blocks.length} given`);
  if (entries.length === 0) return 0n;
  for (let b = 0; b < needed; b++) {
    const page = new Uint8Array(blockSize);
    const view = new DataView(page.buffer);
    const chunk = entries.slice(b * capacity, (b + 1) * capacity);
    view.setBigUint64(0, b + 1 < needed ? blocks[b + 1]! : 0n, true);
    view.setBigUint64(8, BigInt(chunk.length), true);
    chunk.forEach((e, i) => codec.encode(e, view, KHO_BLOCK_HEADER_SIZE + i * codec.size));
    mem.write(blocks[b]!, page);
  }
  return blocks[0]!;
}
