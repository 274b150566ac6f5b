/**
 * A block set as its review asked for it (block-v2, schemas/block.yaml):
 *
 * - capacity is reserved while objects register and released as they
 *   unregister, so serializing never allocates and cannot fail half-way
 *   for want of memory;
 * - the count of a block is written with every appended entry, and a block
 *   joins the chain only with its first entry, so the chain in memory is a
 *   valid chain of exactly the entries appended so far: there is no
 *   finalize step to forget;
 * - a restore that fails half-way (a block it cannot claim, an entry the
 *   codec refuses) gives back exactly the pages it claimed.
 *
 * The geometry (header size, member offsets, block size, entry size and
 * block size members) comes from the caller's BlockChainDescriptor
 * (KHO_BLOCK_SET_CONTAINER). Pages come from and go back to the caller's
 * allocator, so a test can count them.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { expectKind, forPageSize, type BlockChainDescriptor } from './descriptors.js';
import { writeUnsigned } from '../primitives.js';
import { restoreBlockChain, type BlockChainOptions } from './kho-block.js';
import { atAddress } from './limits.js';

/** Where a block set gets its pages and gives them back (the page allocator of the writing kernel). */
export interface PageAllocator {
  /** A free page's physical address; throws when none is left. */
  alloc(): bigint;
  free(pa: bigint): void;
}

/** What the next kernel does with a preserved page: take it (kho_restore_page), or give it back. */
export interface PageClaimer {
  /** Takes the preserved page at `pa`; throws when it cannot (not preserved, taken already). */
  claim(pa: bigint): void;
  release(pa: bigint): void;
}

/** A registration: the slot reserved for one object until it unregisters. */
export interface BlockSetToken {
  readonly id: number;
}

/**
 * An in-memory block set over a PhysMem: objects register (reserving a slot),
 * unregister (releasing it, and taking their entry out of the chain), and
 * serialize() appends one entry per registered object, in registration
 * order, writing each block's count as it goes. An unregister after a
 * serialize moves the chain's last entry into the freed slot, so the chain
 * keeps every other entry but not their order.
 */
export class BlockSet<T> {
  private readonly blocks: bigint[] = [];
  private readonly live = new Map<number, T>();
  /** The ids whose entries are in the chain, by slot; and each one's slot. */
  private appended: number[] = [];
  private readonly slotOf = new Map<number, number>();
  private nextId = 1;
  private linked = 0;
  private readonly capacity: number;
  private readonly blockSize: number;
  private readonly chain;

  constructor(
    private readonly mem: PhysMem,
    desc: BlockChainDescriptor,
    private readonly codec: StructCodec<T>,
    private readonly pages: PageAllocator,
  ) {
    expectKind(desc, 'block_chain');
    this.chain = forPageSize(desc, mem.pageSize);
    this.blockSize = this.chain.blockSize;
    this.capacity = Math.floor((this.blockSize - this.chain.header.size) / codec.size);
    if (this.capacity < 1) throw new RangeError(`${codec.name} (${codec.size} bytes) does not fit a ${this.blockSize}-byte block of ${this.chain.name}`);
  }

  /** Entries one block holds. */
  get entriesPerBlock(): number {
    return this.capacity;
  }

  /** Objects registered. */
  get size(): number {
    return this.live.size;
  }

  /** Pages the set holds (reserved or in the chain). */
  get pageAddresses(): readonly bigint[] {
    return this.blocks;
  }

  /** Physical address of the first block in the chain, 0 when nothing is appended. */
  get head(): bigint {
    return this.linked > 0 ? this.blocks[0]! : 0n;
  }

  /**
   * Registers an object: reserves its slot, taking a page from the allocator
   * when the reserved blocks are full. If the allocator fails, nothing is
   * registered and nothing is taken.
   */
  register(value: T): BlockSetToken {
    if (this.needed(this.live.size + 1) > this.blocks.length) this.blocks.push(this.newBlock());
    const id = this.nextId++;
    this.live.set(id, value);
    return { id };
  }

  /** Updates the value a registered object will serialize. */
  update(token: BlockSetToken, value: T): void {
    if (!this.live.has(token.id)) throw new RangeError(`token ${token.id} is not registered`);
    this.live.set(token.id, value);
  }

  /**
   * Unregisters an object. Its entry, if serialized, leaves the chain: the
   * last entry of the chain moves into its slot, then the last block's count
   * goes down (or, when it held only that entry, the block leaves the
   * chain), so every other object's entry stays in the chain. Then the pages
   * the remaining objects do not need go back to the allocator.
   */
  unregister(token: BlockSetToken): void {
    if (!this.live.delete(token.id)) throw new RangeError(`token ${token.id} is not registered`);
    const slot = this.slotOf.get(token.id);
    if (slot !== undefined) this.removeSlot(slot);
    const keep = this.needed(this.live.size);
    while (this.blocks.length > keep) this.pages.free(this.blocks.pop()!);
  }

  private removeSlot(slot: number): void {
    const last = this.appended.length - 1;
    const c = this.chain;
    const at = (n: number): bigint => this.blocks[Math.floor(n / this.capacity)]! + BigInt(c.header.size + (n % this.capacity) * this.codec.size);
    const gone = this.appended[slot]!;
    if (slot !== last) {
      const moved = this.appended[last]!;
      this.mem.write(at(slot), this.mem.read(at(last), this.codec.size));
      this.appended[slot] = moved;
      this.slotOf.set(moved, slot);
    }
    this.appended.pop();
    this.slotOf.delete(gone);
    const b = Math.floor(last / this.capacity);
    const k = last % this.capacity;
    if (k > 0) {
      this.mem.view(this.blocks[b]!, c.header.size, c.header.name).setBigUint64(c.count.offset, BigInt(k), true);
    } else {
      // The block held only the entry removed: unlink it (the chain then ends at the block before).
      if (b > 0) this.setNext(this.blocks[b - 1]!, 0n);
      this.linked = b;
    }
  }

  /**
   * Writes one entry per registered object, in registration order, and
   * returns the head of the chain (0 with none). Never allocates: every
   * slot was reserved at registration.
   */
  serialize(): bigint {
    this.linked = 0;
    this.appended = [];
    this.slotOf.clear();
    for (const [id, value] of this.live) {
      this.append(this.appended.length, value);
      this.slotOf.set(id, this.appended.length);
      this.appended.push(id);
    }
    return this.head;
  }

  /** Gives every page back; the set is empty afterwards. */
  destroy(): void {
    this.live.clear();
    this.appended = [];
    this.slotOf.clear();
    this.linked = 0;
    while (this.blocks.length) this.pages.free(this.blocks.pop()!);
  }

  private needed(entries: number): number {
    return Math.ceil(entries / this.capacity);
  }

  /** A zeroed block with the format's geometry stored, not yet in the chain. */
  private newBlock(): bigint {
    const pa = this.pages.alloc();
    const page = new Uint8Array(this.blockSize);
    const view = new DataView(page.buffer);
    const c = this.chain;
    if (c.entrySize) writeUnsigned(view, c.entrySize.offset, c.entrySize.size, this.codec.size);
    if (c.blockSizeMember) writeUnsigned(view, c.blockSizeMember.offset, c.blockSizeMember.size, this.blockSize);
    this.mem.write(pa, page);
    return pa;
  }

  private setNext(block: bigint, next: bigint): void {
    const v = this.mem.view(block, this.chain.header.size, this.chain.header.name);
    v.setBigUint64(this.chain.next.offset, next, true);
  }

  /** Entry `n` of the set: written into its block, then the block's count, then (for a block's first entry) the link to it. */
  private append(n: number, value: T): void {
    const b = Math.floor(n / this.capacity);
    const k = n % this.capacity;
    const block = this.blocks[b]!;
    const c = this.chain;
    const bytes = new Uint8Array(this.codec.size);
    this.codec.encode(value, new DataView(bytes.buffer), 0);
    this.mem.write(block + BigInt(c.header.size + k * this.codec.size), bytes);
    const header = this.mem.view(block, c.header.size, c.header.name);
    if (k === 0) header.setBigUint64(c.next.offset, 0n, true);
    header.setBigUint64(c.count.offset, BigInt(k + 1), true);
    if (k === 0) {
      if (b > 0) this.setNext(this.blocks[b - 1]!, block);
      this.linked = b + 1;
    }
  }
}

/** A restored set: its entries in order and the pages it claimed (the caller releases them when done). */
export interface RestoredBlockSet<T> {
  readonly entries: T[];
  readonly pages: readonly bigint[];
}

/**
 * Restores a block set: checks the chain whole (as restoreBlockChain does,
 * with the format's entry and block size), claims each block's page, then
 * decodes the entries. Any failure after the first claim releases exactly
 * the pages claimed so far, then rethrows.
 */
export function restoreBlockSet<T>(mem: PhysMem, desc: BlockChainDescriptor, head: bigint, codec: StructCodec<T>, pages: PageClaimer, options: BlockChainOptions = {}): RestoredBlockSet<T> {
  const chain = restoreBlockChain(mem, desc, head, codec.size, options);
  const first = forPageSize(desc, mem.pageSize).header.size;
  const claimed: bigint[] = [];
  try {
    for (const pa of chain.addresses) {
      pages.claim(pa);
      claimed.push(pa);
    }
    const entries: T[] = [];
    for (let b = 0; b < chain.views.length; b++) {
      const view = chain.views[b]!;
      try {
        for (let i = 0; i < chain.counts[b]!; i++) entries.push(codec.decode(view, first + i * codec.size, options.strict || options.warnings ? options : undefined));
      } catch (e) {
        if (e instanceof DecodeError) throw atAddress(e, chain.addresses[b]!);
        throw e;
      }
    }
    return { entries, pages: claimed };
  } catch (e) {
    while (claimed.length) pages.release(claimed.pop()!);
    throw e;
  }
}
