/**
 * What the container readers share to stay bounded: a typed error for a walk
 * that would pass a cap, a compact set of page frame numbers (to see a page
 * claimed twice without a Set of bigints), and a tally that reports an
 * anomaly met many times in one walk as one warning.
 */
import { DecodeError, type Location } from '../errors.js';
import { acceptedAnomaly, type ReadOptions, type ReadWarning } from '../warnings.js';

/**
 * A walk would go past a cap: more tree pages, blocks or entries than the
 * image can hold or than the caller asked for. `limit` is the option that
 * sets the cap, `max` its value. A DecodeError, so callers that catch those
 * catch this too.
 */
export class ReaderLimitError extends DecodeError {
  constructor(
    loc: Location,
    readonly limit: string,
    readonly max: number,
    what: string,
  ) {
    super(loc, `${what}: more than ${max} (the ${limit} limit)`);
    this.name = 'ReaderLimitError';
  }
}

/** Where a cap comes from when the caller sets none: the pages the image holds (a walk that visits more is amplifying). */
export function pagesInImage(pageCount: number): number {
  return Math.max(1, pageCount);
}

/**
 * A set of page frame numbers (or other integers below 2^53), open
 * addressing over a Float64Array: 16 bytes an entry at most, no bigint, no
 * 2^24-entry ceiling as a Set has.
 */
export class PfnSet {
  private slots: Float64Array;
  private mask: number;
  size = 0;

  constructor(capacity = 64) {
    let n = 64;
    while (n < capacity * 2) n *= 2;
    this.slots = new Float64Array(n);
    this.mask = n - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  has(key: number): boolean {
    const stored = key + 1;
    for (let i = this.slot(key); ; i = (i + 1) & this.mask) {
      const s = this.slots[i]!;
      if (s === stored) return true;
      if (s === 0) return false;
    }
  }

  /** Adds `key`; false when it was there already. */
  add(key: number): boolean {
    const stored = key + 1; // 0 marks an empty slot
    let i = this.slot(key);
    for (; ; i = (i + 1) & this.mask) {
      const s = this.slots[i]!;
      if (s === stored) return false;
      if (s === 0) break;
    }
    this.slots[i] = stored;
    if (++this.size * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const s = old[j]!;
      if (s === 0) continue;
      let i = this.slot(s - 1);
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = s;
    }
  }
}

/**
 * One kind of anomaly the kernel accepts, met any number of times in one
 * walk: reported once, the first occurrence with a count of the rest, so a
 * corrupt image cannot make a reader build millions of warnings. With
 * `strict`, the first occurrence is refused at once.
 */
export class AnomalyTally {
  private first: DecodeError | undefined;
  private count = 0;

  constructor(
    private readonly opts: ReadOptions | undefined,
    private readonly code: string,
    private readonly kernel: string,
  ) {}

  note(loc: Location, reason: string): void {
    if (this.count++ === 0) {
      this.first = new DecodeError(loc, reason);
      if (this.opts?.strict) acceptedAnomaly(this.opts, this.code, this.first, this.kernel);
    }
  }

  /** Emits the warning, if anything was noted. */
  flush(): void {
    const first = this.first;
    if (!first) return;
    const more = this.count > 1 ? ` (and ${this.count - 1} more like it)` : '';
    const loc = { struct: first.struct, ...(first.field !== undefined ? { field: first.field } : {}), offset: first.offset, ...(first.address !== undefined ? { address: first.address } : {}) };
    acceptedAnomaly(this.opts, this.code, new DecodeError(loc, first.reason + more), this.kernel);
    this.first = undefined;
    this.count = 0;
  }
}

/**
 * A count stored in the image (u64 as bigint, or a number) as a number, or
 * undefined when it is not an integer in 0..max: checked before anything
 * is allocated for it.
 */
export function countWithin(count: number | bigint, max: number): number | undefined {
  if (typeof count === 'bigint') return count >= 0n && count <= BigInt(max) ? Number(count) : undefined;
  return Number.isSafeInteger(count) && count >= 0 && count <= max ? count : undefined;
}

/** A codec's DecodeError, relocated to the physical address of the bad field. */
export function atAddress(e: DecodeError, base: bigint, reason = e.reason): DecodeError {
  return new DecodeError({ struct: e.struct, ...(e.field !== undefined ? { field: e.field } : {}), offset: e.offset, address: base + BigInt(e.offset) }, reason);
}

/** Gives the warnings a codec added since `from` the physical address their offset points at. */
export function locateWarnings(list: ReadWarning[] | undefined, from: number, base: bigint): void {
  if (!list) return;
  for (let i = from; i < list.length; i++) if (list[i]!.address === undefined) list[i] = { ...list[i]!, address: base + BigInt(list[i]!.offset) };
}

/**
 * An iterator over entries decoded a batch at a time (a block, a page):
 * `refill(batch)` fills the array and returns how many it put there, 0 at
 * the end. A class rather than a generator: a generator's yield costs more
 * than decoding a small struct. Nothing is read before the first next().
 */
export class BatchIterator<T> implements IterableIterator<T> {
  private batch: T[] = [];
  private i = 0;
  private n = 0;
  private ended = false;

  constructor(private readonly refill: (batch: T[]) => number) {}

  next(): IteratorResult<T, undefined> {
    while (this.i >= this.n) {
      if (this.ended) return { value: undefined, done: true };
      this.i = 0;
      this.n = 0;
      // A new array each time: filling a long-lived one with new objects costs the GC a write barrier each.
      this.batch = [];
      const n = this.refill(this.batch);
      if (n === 0) this.ended = true;
      this.n = n;
    }
    return { value: this.batch[this.i++]!, done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** Kernel sources the readers cite, in one place. */
export const KERNEL = {
  blockRestore: 'kho_block_set_restore (kernel/liveupdate/kho_block.c)',
  blockCyclic: 'kho_block_set_is_cyclic via kho_block_set_restore (kernel/liveupdate/kho_block.c)',
  blockAdd: 'kho_block_add via kho_block_set_restore (kernel/liveupdate/kho_block.c)',
  vmallocRestore: 'kho_restore_vmalloc (kernel/liveupdate/kho_vmalloc.c)',
  vmallocArea: '__get_vm_area_node via kho_restore_vmalloc (mm/vmalloc.c)',
  restorePage: 'kho_restore_page via kho_restore_pages (kernel/liveupdate/kexec_handover.c)',
  restorePages: 'kho_restore_pages (kernel/liveupdate/kexec_handover.c)',
  memfdRetrieve: 'memfd_luo_retrieve (mm/memfd_luo.c)',
  radixWalk: '__kho_radix_walk_tree (kernel/liveupdate/kho_radix.c)',
  radixLeaf: 'kho_radix_walk_leaf, kho_radix_decode_key (kernel/liveupdate/kho_radix.c)',
  memRetrieve: 'kho_mem_retrieve (kernel/liveupdate/kexec_handover.c)',
  memMapPhys: 'kho_get_mem_map_phys via kho_populate (kernel/liveupdate/kexec_handover.c)',
  v1Deserialize: 'kho_mem_deserialize (kho-v1, kernel/liveupdate/kexec_handover.c)',
  v1Bitmap: 'deserialize_bitmap via kho_mem_deserialize (kho-v1, kernel/liveupdate/kexec_handover.c)',
  populate: 'kho_populate, fdt_node_check_compatible (kernel/liveupdate/kexec_handover.c, libfdt)',
  stringlist: 'fdt_stringlist_contains via fdt_node_check_compatible (scripts/dtc/libfdt/fdt_ro.c)',
  retrieveSubtree: 'kho_retrieve_subtree (kernel/liveupdate/kexec_handover.c)',
  subnodeOffset: 'fdt_subnode_offset via kho_retrieve_subtree (libfdt, kernel/liveupdate/kexec_handover.c)',
  sessionInsert: 'luo_session_insert via luo_session_deserialize_one (kernel/liveupdate/luo_session.c)',
  fileDeserialize: 'luo_file_deserialize (kernel/liveupdate/luo_file.c)',
  fileHandler: 'luo_file_deserialize_one (kernel/liveupdate/luo_file.c)',
  blockSetFormat: "kho-abi's block-v2 format (schemas/block.yaml)",
  kaRestore: 'kho_array_restore via kho_array_valid (kernel/kho_array.c, KHO array RFC)',
  kaRestorePage: 'kho_restore_folio via kho_array_restore (kernel/kho_array.c, KHO array RFC)',
  kaIterate: 'ka_iter_nextentry, ka_iter_setpos (kernel/kho_array.c, KHO array RFC)',
  luoDict: "kho-abi's flat dictionary proposal (schemas/luo_dict.yaml)",
  arrayChainRestore: 'kho_restore_folio via iommu_liveupdate_restore_array (drivers/iommu/liveupdate.c, samikhawaja)',
  arrayChainIterate: 'iommu_liveupdate_for_each_obj (drivers/iommu/liveupdate.c, samikhawaja)',
} as const;
