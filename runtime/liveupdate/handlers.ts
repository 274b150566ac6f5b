/**
 * What the writer and the reader are given instead of importing generated
 * code: the container descriptors (layout), the codecs of the LUO structs,
 * and two handler tables, one row per file handler and per FLB that has a
 * schema. Adding a handler is adding a row (lib/liveupdate.ts builds the
 * rows from generated/ts): no code here names a handler.
 */
import type { StructCodec } from '../codec.js';
import type { BitmapChainDescriptor, BlockChainDescriptor, FdtDescriptor, FdtNodesDescriptor, PageArrayDescriptor, RadixTreeDescriptor, RefEdge, VmallocChainDescriptor } from '../containers/descriptors.js';
import type { VmallocDescriptor } from '../containers/kho-vmalloc.js';
import type { LuoListDescriptors } from '../containers/luo-arrays.js';
import type { Fields } from './model.js';

/** The containers of a live update image (the generated `*_CONTAINER` and `*_REFS`). */
export interface LiveUpdateLayout {
  readonly fdt: FdtDescriptor;
  readonly radix: RadixTreeDescriptor;
  readonly blocks: BlockChainDescriptor;
  readonly vmalloc: VmallocChainDescriptor;
  readonly flbPage: PageArrayDescriptor;
  /** luo_session_ser's edge to its files (LUO_SESSION_SER_REFS['file_set_ser.files']). */
  readonly sessionFiles: RefEdge;
  /** memblock's sub-FDT: the KHO blob's name (MEMBLOCK_KHO_FDT) and its descriptor; inspect lists its regions. */
  readonly memblock?: { readonly blobName: string; readonly fdt: FdtNodesDescriptor };
  /**
   * kho-v1, the first KHO (kernel-abi.md section 2): its root compatible,
   * its FDT (each child names a sub-FDT, no size) and its memory map, a
   * chain of khoser_mem_chunk pages. inspect reads a root of that string so.
   */
  readonly khoV1?: { readonly compatible: string; readonly fdt: FdtDescriptor; readonly memoryMap: BitmapChainDescriptor };
}

/** A decoded luo_ser. */
export interface LuoSerRecord {
  compatible: string;
  liveupdate_num: bigint;
  sessions_pa: bigint;
  flbs_pa: bigint;
}

export interface LuoSessionSerRecord {
  name: string;
  file_set_ser: { files: bigint; count: bigint };
}

export interface LuoFileSerRecord {
  compatible: string;
  data: bigint;
  token: bigint;
}

export interface LuoFlbHeaderSerRecord {
  pgcnt: bigint;
  count: bigint;
}

export interface LuoFlbSerRecord {
  name: string;
  data: bigint;
  count: bigint;
}

/**
 * A file handler with a schema: the struct luo_file_ser.data points to,
 * and, when that struct lists entries in a kho_vmalloc area (a memfd's
 * folios), the edge naming the area member and the count member (the
 * generated `<STRUCT>_REFS`), the codec of one entry, and which retrieve
 * puts the entries back.
 */
export interface FileHandler {
  /** luo_file_ser.compatible of the files it restores. */
  readonly compatible: string;
  readonly state: StructCodec<any>;
  readonly entries?: FileEntries;
}

/** A handler's entries, and the kernel function that restores them. */
export type FileEntries =
  | {
      readonly edge: RefEdge;
      readonly codec: StructCodec<any>;
      /**
       * memfd_luo_retrieve_folios (readMemfdFolios): pfn 0 a hole, each
       * folio restored then put into a shmem page cache, where a folio of
       * order k takes 2^k slots (the order the memory map's).
       */
      readonly restore: 'memfd';
    }
  | {
      readonly edge: RefEdge;
      readonly codec: StructCodec<any>;
      /**
       * hugemfd_retrieve_folios (readHugemfdFolios): nothing for a file of
       * size 0, every entry a folio, all restored before any goes into a
       * page cache indexed in huge pages.
       */
      readonly restore: 'hugemfd';
      /** Where the state stores its huge pages' order (a u8), and its size (a u64). */
      readonly order: { readonly name: string; readonly offset: number };
      readonly size: { readonly name: string };
    };

/** An FLB with a schema: the struct luo_flb_ser.data points to. */
export interface FlbHandler {
  /** luo_flb_ser.name. */
  readonly name: string;
  readonly state: StructCodec<any>;
}

/** A property of a node of the LUO sub-FDT that holds an address, and the node's compatible string (luo-v1). */
export interface LuoFdtNodeLayout {
  readonly node: string;
  readonly compatible: string;
  readonly property: string;
}

/** Where a LUO version keeps its root, and so its compatible string. */
export type LuoRootLayout =
  /** luo-v3 on: the blob is a struct luo_ser whose compatible member holds the string. */
  | { readonly kind: 'luo_ser'; readonly luo: StructCodec<LuoSerRecord> }
  /** luo-v2: the blob is a sub-FDT whose root compatible is the string and whose root `property` holds the address of a struct luo_ser without compatible. */
  | { readonly kind: 'fdt_header'; readonly property: string; readonly luo: StructCodec<Omit<LuoSerRecord, 'compatible'>> }
  /** luo-v1: the blob is a sub-FDT holding the count in its root `liveupdateNum` property and one node each for the sessions and the FLBs. */
  | { readonly kind: 'fdt_nodes'; readonly liveupdateNum: string; readonly sessions: LuoFdtNodeLayout; readonly flbs: LuoFdtNodeLayout };

/**
 * One LUO version as a kernel of that version reads and writes it: its
 * string, its root, the containers its session and file lists are in, and
 * the codec of the session array's header where it has one. lib/liveupdate.ts
 * builds one per version from generated/ts (LUO_ERAS).
 */
export interface LuoEra {
  readonly id: string;
  readonly compatible: string;
  readonly root: LuoRootLayout;
  readonly lists: LuoListDescriptors;
  readonly sessionHeader?: StructCodec<{ count: bigint }>;
}

export interface LiveUpdateCodecs {
  /** The new kernel's strings: KHO_FDT_COMPATIBLE and LUO_ABI_COMPATIBLE; anything else is refused. */
  readonly khoCompatible: string;
  readonly luoCompatible: string;
  /** The KHO subtree name of the LUO blob (LUO_KHO_ENTRY_NAME). */
  readonly luoBlobName: string;
  readonly luo: StructCodec<LuoSerRecord>;
  readonly session: StructCodec<LuoSessionSerRecord>;
  readonly file: StructCodec<LuoFileSerRecord>;
  readonly flbHeader: StructCodec<LuoFlbHeaderSerRecord>;
  readonly flb: StructCodec<LuoFlbSerRecord>;
  readonly files: readonly FileHandler[];
  readonly flbs: readonly FlbHandler[];
  /**
   * The LUO versions to read and write, besides the fields above: with
   * eras the reader takes the version the image stores (luo_ser.compatible,
   * or the LUO sub-FDT's compatible) and reads as a kernel of that version;
   * the writer writes the version state.luo.compatible names. Without,
   * only luoCompatible with the codecs above.
   */
  readonly eras?: readonly LuoEra[];
}

/** The handler of each compatible string; two rows of one string are a mistake in the table. */
export function handlerIndex<H>(rows: readonly H[], key: (h: H) => string): ReadonlyMap<string, H> {
  const out = new Map<string, H>();
  for (const h of rows) {
    if (out.has(key(h))) throw new TypeError(`two handlers for '${key(h)}'`);
    out.set(key(h), h);
  }
  return out;
}

/** The member at a dotted path of a decoded struct. */
export function memberAt(value: Fields, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}

/** `value` without the members at the given top-level names. */
export function withoutMembers(value: Fields, names: readonly string[]): Fields {
  const out: Record<string, Fields[string]> = {};
  for (const [k, v] of Object.entries(value)) if (!names.includes(k)) out[k] = v;
  return out;
}

/** The members a handler's state leaves out of the model: its entry area and their count. */
export function hiddenMembers(h: FileHandler): string[] {
  const e = h.entries?.edge;
  return e ? [e.member.name, ...(e.count ? [e.count.name] : [])] : [];
}

/** An empty kho_vmalloc: what a handler stores for an area with no entries. */
export const NO_AREA: VmallocDescriptor = { first: 0n, total_pages: 0, flags: 0, order: 0 };
