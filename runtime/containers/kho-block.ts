/**
 * The kho_block chain (kernel-abi.md section 5): one-page blocks, each a
 * header {next, count} followed by `count` fixed-size entries. Its layout
 * (header size, member offsets, block size, longest chain) comes from the
 * caller's BlockChainDescriptor (KHO_BLOCK_CONTAINER in generated/ts/block.ts).
 *
 * The readers restore a chain as kho_block_set_restore does, in its order:
 * first the shape of the chain (a loop, or more than the descriptor's maxBlocks,
 * refuses it whole), then each block's count (0, or more than the block
 * holds, refuses it). Only then is an entry handed out, so a caller never
 * sees an entry of a chain the kernel would refuse. Entries are decoded
 * with the caller's ReadOptions, so the codecs' warnings and `strict` apply.
 * Work is per block and per entry, with no bigint per entry.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { readUnsigned, writeUnsigned } from '../primitives.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type BlockChainDescriptor, type Resolved } from './descriptors.js';
import { atAddress, BatchIterator, KERNEL, locateWarnings, PfnSet } from './limits.js';

export interface BlockChainOptions extends ReadOptions {
  /** Size of a block; the descriptor's blockSize by default (KHO_BLOCK_SIZE, the page size). */
  readonly blockSize?: number;
  /** Most blocks in one chain; the descriptor's maxBlocks (the kernel's KHO_MAX_BLOCKS) by default. */
  readonly maxBlocks?: number;
}

type Chain = Resolved<BlockChainDescriptor>;

/** The descriptor for this memory's page size, checked to be one the walker reads (8-byte next and count). */
function chainFor(chain: BlockChainDescriptor, pageSize: number): Chain {
  expectKind(chain, 'block_chain');
  const c = forPageSize(chain, pageSize);
  if (c.next.size !== U64_BYTES || c.count.size !== U64_BYTES) throw new TypeError(`${c.name}: the block walker reads an 8-byte ${c.header.name}.${c.next.name} and .${c.count.name}`);
  return c;
}

/** Entries of `entrySize` bytes a block holds after its header (a block of the descriptor's size unless `blockSize` is given). */
export function blockCapacity(chain: BlockChainDescriptor, pageSize: number, entrySize: number, blockSize?: number): number {
  const c = chainFor(chain, pageSize);
  return Math.floor(((blockSize ?? c.blockSize) - c.header.size) / entrySize);
}

/** The blocks of a chain the kernel restores: each block's bytes, address and entry count, in list order. */
export interface RestoredBlocks {
  readonly views: readonly DataView[];
  readonly addresses: readonly bigint[];
  readonly counts: readonly number[];
  /** Entries in all blocks. */
  readonly total: number;
}

const at = (c: Chain, m: Chain['next'], address: bigint) => ({ struct: c.header.name, field: m.name, offset: m.offset, address: address + BigInt(m.offset) });

/**
 * Checks a chain as kho_block_set_restore does and returns its blocks.
 * `entrySize` sets the capacity a count is held to. A chain whose head is 0
 * is empty.
 */
export function restoreBlockChain(mem: PhysMem, chain: BlockChainDescriptor, head: bigint, entrySize: number, options: BlockChainOptions = {}): RestoredBlocks {
  const c = chainFor(chain, mem.pageSize);
  const blockSize = options.blockSize ?? c.blockSize;
  const maxBlocks = options.maxBlocks ?? c.maxBlocks;
  const capacity = Math.floor((blockSize - c.header.size) / entrySize);
  const nextAt = c.next.offset;
  const countAt = c.count.offset;
  const views: DataView[] = [];
  const addresses: bigint[] = [];
  const counts: number[] = [];
  // The shape first: kho_block_set_is_cyclic walks the whole chain before any count is read.
  const seen = new PfnSet();
  for (let pa = head; pa !== 0n; ) {
    const view = mem.view(pa, blockSize, c.header.name);
    // A block in memory lies below 2^52, so its address is an exact number.
    if (!seen.add(Number(pa))) {
      throw new DecodeError(at(c, c.next, pa), `the chain loops back to a block it already visited; the kernel refuses it (-EINVAL, ${KERNEL.blockCyclic})`);
    }
    if (views.length >= maxBlocks) {
      throw new DecodeError(at(c, c.next, pa), `the chain is longer than ${maxBlocks} blocks; the kernel refuses it (${KERNEL.blockAdd})`);
    }
    views.push(view);
    addresses.push(pa);
    pa = view.getBigUint64(nextAt, true);
  }
  // Then each count, in list order.
  let total = 0;
  for (let b = 0; b < views.length; b++) {
    // The u64 as two halves: no bigint per block unless it is refused.
    const lo = views[b]!.getUint32(countAt, true);
    const hi = views[b]!.getUint32(countAt + U64_BYTES / 2, true);
    if (hi !== 0 || lo === 0 || lo > capacity) {
      const count = views[b]!.getBigUint64(countAt, true);
      throw new DecodeError(at(c, c.count, addresses[b]!), `count ${count} is outside 1..${capacity} for ${entrySize}-byte entries; the kernel refuses the chain (-EINVAL, ${KERNEL.blockRestore})`);
    }
    counts.push(lo);
    total += lo;
  }
  // A block format that stores its geometry (block-v2): every block must say the entry and block size this reader reads.
  if (c.entrySize || c.blockSizeMember) {
    for (let b = 0; b < views.length; b++) {
      const check = (m: Chain['next'] | undefined, want: number, what: string) => {
        if (!m) return;
        const stored = readUnsigned(views[b]!, m.offset, m.size);
        if (stored !== want) throw new DecodeError(at(c, m, addresses[b]!), `${what} ${stored}, but this chain is read with ${want}; the ${c.name} format refuses the chain (${KERNEL.blockSetFormat})`);
      };
      check(c.entrySize, entrySize, 'the block stores an entry size of');
      check(c.blockSizeMember, blockSize, 'the block stores a block size of');
    }
  }
  return { views, addresses, counts, total };
}

/**
 * Calls `visit` with every entry's view and offset, block by block, in list
 * order, after the whole chain is checked. Returns the number of entries.
 * The entry's physical address is computed only for a callback that
 * declares a third parameter.
 */
export function walkBlockChain(mem: PhysMem, chain: BlockChainDescriptor, head: bigint, entrySize: number, visit: (view: DataView, offset: number, pa: bigint) => void, options: BlockChainOptions = {}): number {
  const { views, addresses, counts, total } = restoreBlockChain(mem, chain, head, entrySize, options);
  const first = chainFor(chain, mem.pageSize).header.size;
  const wantsAddress = visit.length > 2;
  for (let b = 0; b < views.length; b++) {
    const view = views[b]!;
    const end = first + counts[b]! * entrySize;
    for (let offset = first; offset < end; offset += entrySize) visit(view, offset, wantsAddress ? addresses[b]! + BigInt(offset) : 0n);
  }
  return total;
}

/** Decodes every entry of a chain the kernel restores; errors and warnings carry the physical address of the field. */
export function readBlockChain<T>(mem: PhysMem, chain: BlockChainDescriptor, head: bigint, codec: StructCodec<T>, options: BlockChainOptions = {}): T[] {
  const { views, addresses, counts, total } = restoreBlockChain(mem, chain, head, codec.size, options);
  const first = chainFor(chain, mem.pageSize).header.size;
  const out = new Array<T>(total);
  const opts = options.strict || options.warnings ? options : undefined;
  let n = 0;
  for (let b = 0; b < views.length; b++) {
    const view = views[b]!;
    const end = first + counts[b]! * codec.size;
    const before = options.warnings?.length ?? 0;
    let offset = first;
    try {
      for (; offset < end; offset += codec.size) out[n++] = codec.decode(view, offset, opts);
    } catch (e) {
      if (e instanceof DecodeError) throw atAddress(e, addresses[b]!);
      throw e;
    }
    locateWarnings(options.warnings, before, addresses[b]!);
  }
  return out;
}

/**
 * The entries of a chain one at a time, for chains too large to hold
 * decoded: the chain is checked whole at the first next(), before any
 * entry is handed out; entries are decoded a block at a time, so an entry
 * the codec refuses throws before the others of its block are handed out.
 */
export function blockChainEntries<T>(mem: PhysMem, desc: BlockChainDescriptor, head: bigint, codec: StructCodec<T>, options: BlockChainOptions = {}): IterableIterator<T> {
  const first = chainFor(desc, mem.pageSize).header.size;
  let chain: RestoredBlocks | undefined;
  let b = 0;
  const opts = options.strict || options.warnings ? options : undefined;
  const list = options.warnings;
  const size = codec.size;
  return new BatchIterator<T>((batch) => {
    chain ??= restoreBlockChain(mem, desc, head, size, options);
    if (b >= chain.views.length) return 0;
    const view = chain.views[b]!;
    const count = chain.counts[b]!;
    const before = list?.length ?? 0;
    let offset = first;
    try {
      for (let k = 0; k < count; k++, offset += size) batch[k] = codec.decode(view, offset, opts);
    } catch (e) {
      if (e instanceof DecodeError) throw atAddress(e, chain.addresses[b]!);
      throw e;
    }
    if (list && list.length > before) locateWarnings(list, before, chain.addresses[b]!);
    b++;
    return count;
  });
}

/** Writes entries into a chain of blocks at the given block addresses (all full but the last); returns the head. */
export function writeBlockChain<T>(mem: PhysMem, chain: BlockChainDescriptor, blocks: readonly bigint[], codec: StructCodec<T>, entries: readonly T[], options: BlockChainOptions = {}): bigint {
  const c = chainFor(chain, mem.pageSize);
  const blockSize = options.blockSize ?? c.blockSize;
  const capacity = Math.floor((blockSize - c.header.size) / codec.size);
  const needed = Math.ceil(entries.length / capacity);
  if (needed > blocks.length) throw new RangeError(`${entries.length} entries need ${needed} blocks, ${blocks.length} given`);
  if (entries.length === 0) return 0n;
  const page = new Uint8Array(blockSize);
  const view = new DataView(page.buffer);
  for (let b = 0; b < needed; b++) {
    page.fill(0);
    const first = b * capacity;
    const n = Math.min(capacity, entries.length - first);
    view.setBigUint64(c.next.offset, b + 1 < needed ? blocks[b + 1]! : 0n, true);
    view.setBigUint64(c.count.offset, BigInt(n), true);
    if (c.entrySize) writeUnsigned(view, c.entrySize.offset, c.entrySize.size, codec.size);
    if (c.blockSizeMember) writeUnsigned(view, c.blockSizeMember.offset, c.blockSizeMember.size, blockSize);
    for (let i = 0; i < n; i++) codec.encode(entries[first + i]!, view, c.header.size + i * codec.size);
    mem.write(blocks[b]!, page);
  }
  return blocks[0]!;
}
