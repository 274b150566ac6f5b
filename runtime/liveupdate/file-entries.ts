/**
 * A file handler's entries restored by the kernel function its handler
 * names (FileEntries.restore): memfd_luo_retrieve_folios or
 * hugemfd_retrieve_folios. readLiveUpdate and inspect both restore them
 * here, so the two apply the same rules; with the preserved memory map,
 * each folio and each page of the folio area must start a block of it.
 */
import type { StructCodec } from '../codec.js';
import type { VmallocChainDescriptor } from '../containers/descriptors.js';
import { readHugemfdFolios, type HugemfdFolioRecord, type HugemfdRecord } from '../containers/hugemfd-folios.js';
import type { VmallocDescriptor } from '../containers/kho-vmalloc.js';
import { readMemfdFolios, type MemfdFolioRecord, type RestoredFolios } from '../containers/memfd-folios.js';
import type { PreservedMap } from '../containers/preserved-map.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { memberAt, type FileEntries } from './handlers.js';
import type { Fields } from './model.js';

/** The entries of the handler state `value`, stored at `statePa` as struct `stateName`. */
export function restoreFileEntries(mem: PhysMem, area: VmallocChainDescriptor, e: FileEntries, value: Fields, statePa: bigint, stateName: string, opts: ReadOptions, map: PreservedMap | undefined): RestoredFolios<Fields> {
  const folios = memberAt(value, e.edge.member.name) as VmallocDescriptor;
  const count = e.edge.count ? memberAt(value, e.edge.count.name) : 0;
  const withMap = map ? { ...opts, preserved: map } : opts;
  if (e.restore === 'memfd') {
    const record = { folios, nr_folios: count as number | bigint };
    // A shmem folio takes the page-cache slots of its order, which the memory map gives.
    const memfdOpts = map ? { ...withMap, folioOrder: (pfn: number) => map.orderAt(pfn) } : withMap;
    return readMemfdFolios(mem, area, record, e.codec as StructCodec<MemfdFolioRecord>, memfdOpts) as unknown as RestoredFolios<Fields>;
  }
  const record: HugemfdRecord = { folios, nr_folios: BigInt(count as number | bigint), size: memberAt(value, e.size.name) as bigint, order: memberAt(value, e.order.name) as number };
  const orderAt = { struct: stateName, field: e.order.name, offset: e.order.offset, address: statePa + BigInt(e.order.offset) };
  return readHugemfdFolios(mem, area, record, e.codec as StructCodec<HugemfdFolioRecord>, orderAt, withMap) as unknown as RestoredFolios<Fields>;
}
