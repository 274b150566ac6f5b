/**
 * A hugetlb-backed memfd's folios as the next kernel puts them back
 * (hugemfd_retrieve_folios in mm/hugetlb_luo.c, "[RFC PATCH 10/10]
 * liveupdate: allow preserving hugetlb-backed memfd"). It differs from a
 * shmem memfd's restore (memfd-folios.ts) in four ways:
 *
 * - a file of size 0 restores no folio, whatever nr_folios says;
 * - every entry is a folio: there are no holes, and kho_restore_folio
 *   fails on pfn 0 as on any page that starts no preserved block;
 * - every folio is restored before any goes into the page cache, so a
 *   folio that cannot be restored fails the file before any index is
 *   looked at;
 * - the page cache is indexed in huge pages: a folio goes in at its index
 *   shifted right by the file's order (hugetlb_add_to_page_cache), and two
 *   indexes in one huge page clash (-EEXIST).
 *
 * The file itself needs an hstate of its order (hugetlb_file_setup): one of
 * 2^(order + PAGE_SHIFT) bytes or more cannot exist; whether the next
 * kernel has the others is not in the image.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError, type Location } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import type { VmallocChainDescriptor } from './descriptors.js';
import { readVmallocArray, restoreVmalloc, vmallocEntryAddress, type VmallocDescriptor } from './kho-vmalloc.js';
import { PfnSet } from './limits.js';
import type { RestoredFolios } from './memfd-folios.js';
import type { PreservedMap } from './preserved-map.js';

/** What the reader needs of a decoded hugemfd_ser. */
export interface HugemfdRecord {
  readonly size: bigint;
  readonly nr_folios: bigint;
  readonly folios: VmallocDescriptor;
  /** The order of the file's huge pages. */
  readonly order: number;
}

/** What the reader needs of a decoded hugemfd_folio_ser. */
export interface HugemfdFolioRecord {
  readonly pfn: number;
  readonly index: bigint;
}

export const HUGEMFD_KERNEL = {
  setup: 'hugetlb_file_setup via hugemfd_retrieve (mm/hugetlb.c, mm/hugetlb_luo.c)',
  restoreFolio: 'kho_restore_folio via hugemfd_retrieve_folio (kernel/liveupdate/kexec_handover.c, mm/hugetlb_luo.c)',
  pageCache: 'hugetlb_add_to_page_cache via hugemfd_retrieve_folios (mm/hugetlb.c, mm/hugetlb_luo.c)',
} as const;

export interface HugemfdFolioOptions extends ReadOptions {
  /** The preserved memory map: a folio, chunk or block it does not list is refused (kho_restore_folio, kho_restore_page). */
  readonly preserved?: PreservedMap;
}

/**
 * The folios of `hugemfd`, whose folio array is in a vmalloc area laid out
 * as `area` says (KHO_VMALLOC_AREA_CONTAINER); `orderAt` is where the
 * file's order is stored, for a refusal of it.
 */
export function readHugemfdFolios<F extends HugemfdFolioRecord>(mem: PhysMem, area: VmallocChainDescriptor, hugemfd: HugemfdRecord, codec: StructCodec<F>, orderAt: Location, opts: HugemfdFolioOptions = {}): RestoredFolios<F> {
  const pageShift = Math.log2(mem.pageSize);
  if (hugemfd.order + pageShift >= 64) {
    throw new DecodeError(orderAt, `order ${hugemfd.order}: no hstate has pages of 2^${hugemfd.order + pageShift} bytes; the kernel cannot set the file up (-ENODEV, ${HUGEMFD_KERNEL.setup})`);
  }
  if (hugemfd.nr_folios === 0n || hugemfd.size === 0n) return { folios: [], holes: 0 };
  const entries = readVmallocArray(mem, area, hugemfd.folios, codec, hugemfd.nr_folios, opts);
  // Only on the way to an error: the physical address of entry i, from the area restored once more.
  const at = (i: number, field: string): Location => ({ struct: codec.name, field, offset: i * codec.size, address: vmallocEntryAddress(restoreVmalloc(mem, area, hugemfd.folios), i, codec.size) });
  // Every folio restored first.
  const pfns = new PfnSet(Math.min(entries.length, 1 << 16));
  entries.forEach((f, i) => {
    if (opts.preserved && !opts.preserved.isHead(f.pfn)) opts.preserved.requireHead(f.pfn, at(i, 'pfn'), `entry ${i}'s folio`);
    if (!pfns.add(f.pfn)) throw new DecodeError(at(i, 'pfn'), `entry ${i} restores pfn 0x${f.pfn.toString(16)} a second time; the kernel fails the file (-EINVAL, ${HUGEMFD_KERNEL.restoreFolio})`);
  });
  // Then each into the page cache, at its huge page.
  const shift = BigInt(hugemfd.order);
  const taken = new Map<bigint, number>();
  entries.forEach((f, i) => {
    const slot = f.index >> shift;
    const before = taken.get(slot);
    if (before !== undefined) {
      throw new DecodeError(at(i, 'index'), `entry ${i} puts a folio at huge page ${slot} (index ${f.index} >> order ${hugemfd.order}), taken by entry ${before}; the kernel fails the file (-EEXIST, ${HUGEMFD_KERNEL.pageCache})`);
    }
    taken.set(slot, i);
  });
  return { folios: entries, holes: 0 };
}
