/**
 * A memfd's folios as the next kernel puts them back (memfd_luo_retrieve,
 * memfd_luo_retrieve_folios in mm/memfd_luo.c): with nr_folios 0 the folio
 * area is not even restored; otherwise every entry of the kho_vmalloc
 * array is visited in order, an entry with pfn 0 is a hole and skipped,
 * each other folio is restored (a pfn restored before fails: the first
 * restore cleared it) and added to the page cache at its index (a slot
 * taken before fails, -EEXIST). The first failure fails the file.
 *
 * A folio of order k takes 2^k slots of a shmem page cache, from its index
 * rounded down to a multiple of 2^k (shmem_add_to_page_cache stores it
 * there; a CONFIG_DEBUG_VM kernel stops on an index that is no such
 * multiple). The order is the memory map's: given `folioOrder`, the reader
 * checks the slots each folio takes; without it, one slot per folio.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { acceptedAnomaly, type ReadOptions } from '../warnings.js';
import type { VmallocChainDescriptor } from './descriptors.js';
import { readVmallocArray, restoreVmalloc, vmallocEntryAddress, type VmallocDescriptor } from './kho-vmalloc.js';
import { PfnSet } from './limits.js';
import type { PreservedMap } from './preserved-map.js';

/** What the reader needs of a decoded memfd_luo_ser. */
export interface MemfdRecord {
  /** A number where the schema holds it as one (memfd's as_number), a bigint elsewhere. */
  readonly nr_folios: number | bigint;
  readonly folios: VmallocDescriptor;
}

/** What the reader needs of a decoded memfd_luo_folio_ser. */
export interface MemfdFolioRecord {
  readonly pfn: number;
  readonly flags: number;
  /** A number where the schema holds it as one (memfd's as_number), a bigint elsewhere; one codec gives one kind. */
  readonly index: number | bigint;
}

export const MEMFD_KERNEL = {
  retrieve: 'memfd_luo_retrieve (mm/memfd_luo.c)',
  folios: 'memfd_luo_retrieve_folios (mm/memfd_luo.c)',
  restoreFolio: 'kho_restore_folio via memfd_luo_retrieve_folios (kernel/liveupdate/kexec_handover.c, mm/memfd_luo.c)',
  pageCache: 'shmem_add_to_page_cache via memfd_luo_retrieve_folios (mm/shmem.c, mm/memfd_luo.c)',
} as const;

export interface MemfdFolioOptions extends ReadOptions {
  /** The preserved memory map: a folio, chunk or block it does not list is refused (kho_restore_folio, kho_restore_page). */
  readonly preserved?: PreservedMap;
  /**
   * The order of the folio whose head page is `pfn`, as the memory map
   * gives it (kho_restore_folio takes it from there); undefined for a page
   * the map does not list, which then takes one slot. For a shmem page
   * cache only (memfd): each folio then takes its 2^order slots. Unset:
   * one slot per folio.
   */
  readonly folioOrder?: (pfn: number) => number | undefined;
}

export interface RestoredFolios<F> {
  /** The folios the file gets back, in array order. */
  readonly folios: readonly F[];
  /** Entries with pfn 0: holes the kernel skips. */
  readonly holes: number;
}

/** The folios of `memfd`, whose folio array is in a vmalloc area laid out as `area` says (KHO_VMALLOC_AREA_CONTAINER). */
export function readMemfdFolios<F extends MemfdFolioRecord>(mem: PhysMem, area: VmallocChainDescriptor, memfd: MemfdRecord, codec: StructCodec<F>, opts: MemfdFolioOptions = {}): RestoredFolios<F> {
  if (memfd.nr_folios === 0n || memfd.nr_folios === 0) return { folios: [], holes: 0 };
  const entries = readVmallocArray(mem, area, memfd.folios, codec, memfd.nr_folios, opts);
  const pfns = new PfnSet(Math.min(entries.length, 1 << 16));
  const slots = new PageCacheSlots();
  const folios: F[] = [];
  let holes = 0;
  entries.forEach((f, i) => {
    if (f.pfn === 0) {
      holes++;
      return;
    }
    // Only on the way to an error or a warning: the physical address of the entry, from the area restored once more.
    const where = (): { struct: string; offset: number; address: bigint } => ({ struct: codec.name, offset: i * codec.size, address: vmallocEntryAddress(restoreVmalloc(mem, area, memfd.folios), i, codec.size) });
    if (opts.preserved && opts.preserved.orderAt(f.pfn) === undefined) opts.preserved.requireHead(f.pfn, { ...where(), field: 'pfn' }, `entry ${i}'s folio`);
    if (!pfns.add(f.pfn)) {
      throw new DecodeError({ ...where(), field: 'pfn' }, `entry ${i} restores pfn 0x${f.pfn.toString(16)} a second time; the kernel fails the file (-EIO, ${MEMFD_KERNEL.restoreFolio})`);
    }
    const order = opts.folioOrder?.(f.pfn) ?? 0;
    const first = alignDown(f.index, order);
    if (first !== f.index) {
      acceptedAnomaly(
        opts,
        'unaligned-folio-index',
        new DecodeError({ ...where(), field: 'index' }, `entry ${i} puts a folio of ${pages(order)} at index ${f.index}, not a multiple of ${2 ** order}; the page cache stores it from index ${first} (a CONFIG_DEBUG_VM kernel stops on VM_BUG_ON_FOLIO)`),
        MEMFD_KERNEL.pageCache,
      );
    }
    const taken = slots.take(first, order, i);
    if (taken !== undefined) {
      const what = order === 0 && taken.order === 0 ? `a folio at index ${f.index}, taken by entry ${taken.entry}` : `a folio of ${pages(order)} at index ${f.index} (slots ${first} to ${slotEnd(first, order)}), where entry ${taken.entry}'s folio of ${pages(taken.order)} already is`;
      throw new DecodeError({ ...where(), field: 'index' }, `entry ${i} puts ${what}; the kernel fails the file (-EEXIST, ${MEMFD_KERNEL.pageCache})`);
    }
    folios.push(f);
  });
  return { folios, holes };
}

type Index = number | bigint;

const pages = (order: number): string => (order === 0 ? '1 page' : `${2 ** order} pages`);

/** `index` rounded down to a multiple of 2^order, in the index's own kind (a number below 2^53, or a bigint). */
function alignDown(index: Index, order: number): Index {
  if (order === 0) return index;
  if (typeof index === 'bigint') return index - (index % (1n << BigInt(order)));
  return index - (index % 2 ** order);
}

/** The last slot of 2^order slots from `first`. */
function slotEnd(first: Index, order: number): Index {
  return typeof first === 'bigint' ? first + (1n << BigInt(order)) - 1n : first + 2 ** order - 1;
}

/**
 * The slots of one file's page cache as its folios take them: each a run of
 * 2^order slots starting at a multiple of 2^order, so two runs overlap only
 * when one holds the other. For each order seen, the runs of that order by
 * their first slot, and the aligned runs of that size that hold a smaller
 * run; a new order is filled in from the runs so far when it first comes.
 */
class PageCacheSlots {
  /** Runs of one slot: all a file has until a larger folio comes (and all of it without folioOrder). */
  private readonly single = new Map<Index, number>();
  /** Runs of each larger order, and the aligned runs of that size holding a smaller run; made when the order first comes. */
  private readonly runs = new Map<number, Map<Index, number>>();
  private readonly holding = new Map<number, Map<Index, { entry: number; order: number }>>();

  /** Takes the run of 2^order slots at `first` for `entry`; or, leaving everything as it was, names the entry whose run overlaps it. */
  take(first: Index, order: number, entry: number): { entry: number; order: number } | undefined {
    if (order === 0 && this.runs.size === 0) {
      const at = this.single.get(first);
      if (at !== undefined) return { entry: at, order: 0 };
      this.single.set(first, entry);
      return undefined;
    }
    if (order > 0 && !this.runs.has(order)) this.addOrder(order);
    // A run as large or larger that holds `first`, or a smaller one inside the new run.
    for (const [k, runs] of this.runs) {
      const at = k >= order ? runs.get(alignDown(first, k)) : undefined;
      if (at !== undefined) return { entry: at, order: k };
    }
    const inside = order === 0 ? this.single.get(first) : this.holding.get(order)!.get(first);
    if (inside !== undefined) return typeof inside === 'number' ? { entry: inside, order: 0 } : inside;
    (order === 0 ? this.single : this.runs.get(order)!).set(first, entry);
    this.markHolders(first, order, entry);
    return undefined;
  }

  private addOrder(order: number): void {
    const holders = new Map<Index, { entry: number; order: number }>();
    const hold = (first: Index, entry: number, k: number): void => {
      const at = alignDown(first, order);
      if (!holders.has(at)) holders.set(at, { entry, order: k });
    };
    for (const [first, entry] of this.single) hold(first, entry, 0);
    for (const [k, runs] of this.runs) if (k < order) for (const [first, entry] of runs) hold(first, entry, k);
    this.runs.set(order, new Map());
    this.holding.set(order, holders);
  }

  /** Every larger order's aligned run around `first` now holds this run. */
  private markHolders(first: Index, order: number, entry: number): void {
    for (const [k, holders] of this.holding) {
      if (k <= order) continue;
      const at = alignDown(first, k);
      if (!holders.has(at)) holders.set(at, { entry, order });
    }
  }
}
