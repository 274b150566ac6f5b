/**
 * The one place that binds runtime/liveupdate to the generated code: the
 * container descriptors and codecs of the current versions, and the handler
 * tables. runtime/ imports nothing from generated/ (test/runtime-literals
 * checks it); examples, tests and benchmarks take LIVEUPDATE_LAYOUT and
 * LIVEUPDATE_CODECS from here. A new file handler or FLB with a schema is
 * one row below, with the codecs and REFS its schema generates.
 */
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { HUGE_MEMFD_COMPATIBLE, HUGEMFD_SER_REFS, hugemfdFolioSerCodec, hugemfdSerCodec } from '../generated/ts/hugemfd.js';
import { HUGETLB_FLB_COMPATIBLE, hugetlbSerCodec } from '../generated/ts/hugetlb.js';
import { KHO_FDT_COMPATIBLE, KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { LUO_ABI_COMPATIBLE, LUO_FLB_PAGE_CONTAINER, LUO_KHO_ENTRY_NAME, LUO_SESSION_SER_REFS, luoFileSerCodec, luoFlbHeaderSerCodec, luoFlbSerCodec, luoSerCodec, luoSessionSerCodec } from '../generated/ts/luo.js';
import { MEMBLOCK_FDT_CONTAINER, MEMBLOCK_KHO_FDT } from '../generated/ts/memblock.js';
import { MEMFD_LUO_FH_COMPATIBLE, MEMFD_LUO_SER_REFS, memfdLuoFolioSerCodec, memfdLuoSerCodec } from '../generated/ts/memfd.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import type { FileHandler, FlbHandler, LiveUpdateCodecs, LiveUpdateLayout } from '../runtime/liveupdate/index.js';

export const LIVEUPDATE_LAYOUT: LiveUpdateLayout = {
  fdt: KHO_FDT_CONTAINER,
  radix: KHO_RADIX_TREE_CONTAINER,
  blocks: KHO_BLOCK_CONTAINER,
  vmalloc: KHO_VMALLOC_AREA_CONTAINER,
  flbPage: LUO_FLB_PAGE_CONTAINER,
  sessionFiles: LUO_SESSION_SER_REFS['file_set_ser.files'],
  memblock: { blobName: MEMBLOCK_KHO_FDT, fdt: MEMBLOCK_FDT_CONTAINER },
};

/** File handlers with a schema: the blob luo_file_ser.data points to, and its entry array. */
export const FILE_HANDLERS: readonly FileHandler[] = [
  { compatible: MEMFD_LUO_FH_COMPATIBLE, state: memfdLuoSerCodec, entries: { edge: MEMFD_LUO_SER_REFS.folios, codec: memfdLuoFolioSerCodec } },
  { compatible: HUGE_MEMFD_COMPATIBLE, state: hugemfdSerCodec, entries: { edge: HUGEMFD_SER_REFS.folios, codec: hugemfdFolioSerCodec } },
];

/** FLBs with a schema: the blob luo_flb_ser.data points to. */
export const FLB_HANDLERS: readonly FlbHandler[] = [{ name: HUGETLB_FLB_COMPATIBLE, state: hugetlbSerCodec }];

export const LIVEUPDATE_CODECS: LiveUpdateCodecs = {
  khoCompatible: KHO_FDT_COMPATIBLE,
  luoCompatible: LUO_ABI_COMPATIBLE,
  luoBlobName: LUO_KHO_ENTRY_NAME,
  luo: luoSerCodec,
  session: luoSessionSerCodec,
  file: luoFileSerCodec,
  flbHeader: luoFlbHeaderSerCodec,
  flb: luoFlbSerCodec,
  files: FILE_HANDLERS,
  flbs: FLB_HANDLERS,
};
