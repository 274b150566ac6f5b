/**
 * The one place that binds runtime/liveupdate to the generated code: the
 * container descriptors and codecs of the current versions, and the handler
 * tables. runtime/ imports nothing from generated/ (test/runtime-literals
 * checks it); examples, tests and benchmarks take LIVEUPDATE_LAYOUT and
 * LIVEUPDATE_CODECS from here. A new file handler or FLB with a schema is
 * one row below, with the codecs and REFS its schema generates.
 */
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { HUGE_MEMFD_COMPATIBLE, HUGEMFD_SER_REFS, hugemfdFolioSerCodec, hugemfdSerCodec, OFFSETOF_HugemfdSer } from '../generated/ts/hugemfd.js';
import { HUGETLB_FLB_COMPATIBLE, hugetlbSerCodec } from '../generated/ts/hugetlb.js';
import { KHO_FDT_COMPATIBLE, KHO_FDT_CONTAINER, KHO_SUPPORTED_COMPATIBLES } from '../generated/ts/kexec_handover.js';
import { KHOSER_MEM_CHUNK_LIST_CONTAINER } from '../generated/ts/kho_v1_memmap.js';
import {
  LUO_ABI_COMPATIBLE,
  LUO_FDT_ABI_HEADER,
  LUO_FDT_FLB_COMPATIBLE,
  LUO_FDT_FLB_HEADER,
  LUO_FDT_FLB_NODE_NAME,
  LUO_FDT_LIVEUPDATE_NUM,
  LUO_FDT_SESSION_COMPATIBLE,
  LUO_FDT_SESSION_HEADER,
  LUO_FDT_SESSION_NODE_NAME,
  LUO_FILE_ARRAY_CONTAINER,
  LUO_FLB_PAGE_CONTAINER,
  LUO_KHO_ENTRY_NAME,
  LUO_SER_REFS_BY_VERSION,
  LUO_SESSION_ARRAY_CONTAINER,
  LUO_SESSION_SER_REFS,
  LUO_SESSION_SER_REFS_BY_VERSION,
  luoCodecs,
  luoFileSerCodec,
  luoFlbHeaderSerCodec,
  luoFlbSerCodec,
  luoSerCodec,
  luoSerV2Codec,
  luoSerV5CompositeCodec,
  luoSessionHeaderSerV1Codec,
  luoSessionSerCodec,
} from '../generated/ts/luo.js';
import { MEMBLOCK_FDT_CONTAINER, MEMBLOCK_KHO_FDT } from '../generated/ts/memblock.js';
import { MEMFD_LUO_FH_COMPATIBLE, MEMFD_LUO_SER_REFS, memfdLuoFolioSerCodec, memfdLuoSerCodec } from '../generated/ts/memfd.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import type { LuoListContainer } from '../runtime/containers/luo-arrays.js';
import type { FileHandler, FlbHandler, LiveUpdateCodecs, LiveUpdateLayout, LuoEra, LuoRootLayout } from '../runtime/liveupdate/index.js';

export const LIVEUPDATE_LAYOUT: LiveUpdateLayout = {
  fdt: KHO_FDT_CONTAINER,
  radix: KHO_RADIX_TREE_CONTAINER,
  blocks: KHO_BLOCK_CONTAINER,
  vmalloc: KHO_VMALLOC_AREA_CONTAINER,
  flbPage: LUO_FLB_PAGE_CONTAINER,
  sessionFiles: LUO_SESSION_SER_REFS['file_set_ser.files'],
  memblock: { blobName: MEMBLOCK_KHO_FDT, fdt: MEMBLOCK_FDT_CONTAINER },
  khoV1: {
    compatible: KHO_SUPPORTED_COMPATIBLES[0]!,
    // kho-v1's kho_retrieve_subtree takes the child's `fdt` property (PROP_SUB_FDT, a u64 pa of a sub-FDT); no blob-size yet.
    fdt: { kind: 'fdt', name: KHO_FDT_CONTAINER.name, compatible: KHO_SUPPORTED_COMPATIBLES[0]!, memoryMap: KHO_FDT_CONTAINER.memoryMap, data: { name: 'fdt', type: 'u64', size: 8 } },
    // The later kho-v1 kernels' page-sized bitmaps (the first ones' 512-byte bitmaps cannot be told apart from the image).
    memoryMap: KHOSER_MEM_CHUNK_LIST_CONTAINER,
  },
};

/** File handlers with a schema: the blob luo_file_ser.data points to, and its entry array. */
export const FILE_HANDLERS: readonly FileHandler[] = [
  { compatible: MEMFD_LUO_FH_COMPATIBLE, state: memfdLuoSerCodec, entries: { edge: MEMFD_LUO_SER_REFS.folios, codec: memfdLuoFolioSerCodec, restore: 'memfd' } },
  { compatible: HUGE_MEMFD_COMPATIBLE, state: hugemfdSerCodec, entries: { edge: HUGEMFD_SER_REFS.folios, codec: hugemfdFolioSerCodec, restore: 'hugemfd', order: { name: 'order', offset: OFFSETOF_HugemfdSer.order }, size: { name: 'size' } } },
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

/** The containers a LUO version's refs go through, by the name the schema gives them. */
const LUO_LIST_CONTAINERS: Readonly<Record<string, LuoListContainer>> = {
  kho_block: KHO_BLOCK_CONTAINER,
  luo_session_array: LUO_SESSION_ARRAY_CONTAINER,
  luo_file_array: LUO_FILE_ARRAY_CONTAINER,
};

function listContainer(version: string, edge: { via?: { name: string } } | undefined): LuoListContainer {
  const c = edge?.via ? LUO_LIST_CONTAINERS[edge.via.name] : undefined;
  if (!c) throw new Error(`luo ${version}: no list container for ${edge?.via?.name ?? 'a ref without via'}`);
  return c;
}

/** Each LUO version's root: a luo_ser blob from luo-v3 on, a sub-FDT before. */
const LUO_ROOTS: Readonly<Record<string, LuoRootLayout>> = {
  'luo-v1': {
    kind: 'fdt_nodes',
    liveupdateNum: LUO_FDT_LIVEUPDATE_NUM,
    sessions: { node: LUO_FDT_SESSION_NODE_NAME, compatible: LUO_FDT_SESSION_COMPATIBLE, property: LUO_FDT_SESSION_HEADER },
    flbs: { node: LUO_FDT_FLB_NODE_NAME, compatible: LUO_FDT_FLB_COMPATIBLE, property: LUO_FDT_FLB_HEADER },
  },
  'luo-v2': { kind: 'fdt_header', property: LUO_FDT_ABI_HEADER, luo: luoSerV2Codec },
  'luo-v3': { kind: 'luo_ser', luo: luoSerCodec },
  'luo-v4': { kind: 'luo_ser', luo: luoSerCodec },
  'luo-v5': { kind: 'luo_ser', luo: luoSerCodec },
  'luo-v5-composite': { kind: 'luo_ser', luo: luoSerV5CompositeCodec },
};

/**
 * Every LUO version with a compatible string, oldest first, as a reader or
 * writer of that version sees it: the containers come from the schema's
 * per-version refs (luo_ser.sessions_pa, luo_session_ser's files).
 */
export const LUO_ERAS: readonly LuoEra[] = luoCodecs.versions.flatMap((v): LuoEra[] => {
  const root = LUO_ROOTS[v.id];
  if (v.compatible === undefined || !root) return [];
  const filesEdge = LUO_SESSION_SER_REFS_BY_VERSION[v.id]!['file_set_ser.files']!;
  // luo-v1 has no luo_ser: its luo-session-header property leads to the session array (a luo_session_header_ser first).
  const luoSer = LUO_SER_REFS_BY_VERSION[v.id];
  const sessions = luoSer ? listContainer(v.id, luoSer.sessions_pa) : LUO_SESSION_ARRAY_CONTAINER;
  return [
    {
      id: v.id,
      compatible: v.compatible,
      root,
      lists: { sessions, files: listContainer(v.id, filesEdge), sessionFiles: filesEdge },
      ...(sessions.kind === 'page_array' ? { sessionHeader: luoSessionHeaderSerV1Codec } : {}),
    },
  ];
});

/** LIVEUPDATE_CODECS that also read and write every older LUO version (LUO_ERAS), dispatching on the string the image stores. */
export const LIVEUPDATE_HISTORY_CODECS: LiveUpdateCodecs = { ...LIVEUPDATE_CODECS, eras: LUO_ERAS };
