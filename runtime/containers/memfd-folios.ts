/**
 * A memfd's folios as the next kernel puts them back (memfd_luo_retrieve,
 * memfd_luo_retrieve_folios in mm/memfd_luo.c): with nr_folios 0 the folio
 * area is not even restored; otherwise every entry of the kho_vmalloc
 * array is visited in order, an entry with pfn 0 is a hole and skipped,
 * each other folio is restored (a pfn restored before fails: the first
 * restore cleared it) and added to the page cache at its index (an index
 * taken before fails, -EEXIST). The first failure fails the file.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
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
  // Every entry comes from one codec, so the keys are all numbers or all bigints.
  const indexes = new Map<number | bigint, number>();
  const folios: F[] = [];
  let holes = 0;
  entries.forEach((f, i) => {
    if (f.pfn === 0) {
      holes++;
      return;
    }
    // Only on the way to an error: the physical address of the entry, from the area restored once more.
    const where = (): { struct: string; offset: number; address: bigint } => ({ struct: codec.name, offset: i * codec.size, address: vmallocEntryAddress(restoreVmalloc(mem, area, memfd.folios), i, codec.size) });
    if (opts.preserved && opts.preserved.orderAt(f.pfn) === undefined) opts.preserved.requireHead(f.pfn, { ...where(), field: 'pfn' }, `entry ${i}'s folio`);
    if (!pfns.add(f.pfn)) {
      throw new DecodeError({ ...where(), field: 'pfn' }, `entry ${i} restores pfn 0x${f.pfn.toString(16)} a second time; the kernel fails the file (-EIO, ${MEMFD_KERNEL.restoreFolio})`);
    }
    const before = indexes.get(f.index);
    if (before !== undefined) {
      throw new DecodeError({ ...where(), field: 'index' }, `entry ${i} puts a folio at index ${f.index}, taken by entry ${before}; the kernel fails the file (-EEXIST, ${MEMFD_KERNEL.pageCache})`);
    }
    indexes.set(f.index, i);
    folios.push(f);
  });
  return { folios, holes };
}
