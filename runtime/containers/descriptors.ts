/**
 * Containers and pointer edges as data. The generated code (generated/ts)
 * prints one descriptor per container a schema declares (`<NAME>_CONTAINER`)
 * and one table per struct with `ref` members (`<STRUCT>_REFS`); the walkers
 * in this folder take them as parameters and read every number they need
 * (header size, capacity, chain limit, member offsets, radix geometry, FDT
 * property names) from them. runtime/ does not import generated/: callers
 * pass the descriptors in.
 *
 * A number that depends on the page size is a `ByPageSize` record; one that
 * does not is a plain number. `forPageSize(desc, pageSize)` resolves a
 * descriptor for one page size (memoised), and the walkers call it once per
 * walk, before any loop.
 */
import type { PageSize } from '../codec.js';

/** Bytes of a u64: the walkers read addresses and counts as u64s (a primitive size, not a container's layout). */
export const U64_BYTES = 8;

/** A value for each page size kho-abi lays structs out at. */
export type ByPageSize<T = number> = Readonly<Record<PageSize, T>>;

/** A number, or one per page size. */
export type PageNumber = number | ByPageSize;

/** A member the walker reads: its name (a dotted path through embedded structs), offset from the start of its struct, and size in bytes. */
export interface MemberDescriptor<N extends PageNumber = PageNumber> {
  readonly name: string;
  readonly offset: N;
  readonly size: N;
}

/** An array member: also the size of one element and the number of elements. */
export interface ArrayMemberDescriptor<N extends PageNumber = PageNumber> extends MemberDescriptor<N> {
  readonly elemSize: N;
  readonly count: N;
}

/** A struct the walker reads by name and size. */
export interface StructDescriptor<N extends PageNumber = PageNumber> {
  readonly name: string;
  readonly size: N;
}

/**
 * A chain of blocks (kho_block): each block a header {next, count} followed
 * by `count` entries of one size; at most maxBlocks blocks.
 */
export interface BlockChainDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'block_chain';
  readonly name: string;
  readonly header: StructDescriptor<N>;
  readonly next: MemberDescriptor<N>;
  readonly count: MemberDescriptor<N>;
  readonly blockSize: N;
  readonly maxBlocks: N;
  /** A newer block format (block-v2) stores the entry size in every block's header. */
  readonly entrySize?: MemberDescriptor<N>;
  /** ...and the block's own size. */
  readonly blockSizeMember?: MemberDescriptor<N>;
}

/**
 * A descriptor struct (kho_vmalloc) leading to a chain of chunk pages, each
 * a next address then an array of block addresses (its count is the
 * chunk's capacity).
 */
export interface VmallocChainDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'vmalloc_chain';
  readonly name: string;
  readonly descriptor: StructDescriptor<N> & {
    readonly first: MemberDescriptor<N>;
    readonly totalPages: MemberDescriptor<N>;
    readonly flags: MemberDescriptor<N>;
    readonly order: MemberDescriptor<N>;
  };
  readonly chunk: StructDescriptor<N> & {
    readonly next: MemberDescriptor<N>;
    readonly entries: ArrayMemberDescriptor<N>;
  };
}

/** The radix-tree memory map: page-sized inner nodes (a table of child addresses) and leaves (a bitmap), and the key geometry. */
export interface RadixTreeDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'radix_tree';
  readonly name: string;
  readonly node: StructDescriptor<N> & { readonly table: ArrayMemberDescriptor<N> };
  readonly leaf: StructDescriptor<N> & { readonly bitmap: MemberDescriptor<N> };
  readonly pageShift: N;
  readonly order0Log2: N;
  readonly tableSizeLog2: N;
  readonly bitmapSizeLog2: N;
  /** Levels, the leaf level included. */
  readonly depth: N;
}

/**
 * A sub-FDT of one root and one child per item (memblock's reserve_mem
 * regions): the strings the root's and each child's `compatible` hold, and
 * each child's u64 properties by name.
 */
export interface FdtNodesDescriptor {
  readonly kind: 'fdt_nodes';
  readonly name: string;
  readonly compatible: string;
  readonly nodeCompatible: string;
  readonly nodeProperties: Readonly<Record<string, FdtPropertyDescriptor>>;
  /** The property a reader takes a region's start and size from, by role. */
  readonly roles: { readonly start?: string; readonly size?: string };
}

/**
 * kho-v1's memory map: a chain of chunk pages, each a header {next, order,
 * count} then `entries.count` entries {start, bitmap}; an entry's bitmap
 * struct has one bit per block of 1 << order pages, bit i standing for the
 * block at start + (i << (pageShift + order)).
 */
export interface BitmapChainDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'bitmap_chain';
  readonly name: string;
  readonly chunk: StructDescriptor<N> & {
    readonly next: MemberDescriptor<N>;
    readonly order: MemberDescriptor<N>;
    readonly count: MemberDescriptor<N>;
    readonly entries: ArrayMemberDescriptor<N>;
  };
  readonly entry: StructDescriptor<N> & { readonly start: MemberDescriptor<N>; readonly bitmap: MemberDescriptor<N> };
  readonly bitmap: StructDescriptor<N> & { readonly bits: MemberDescriptor<N> };
  readonly pageShift: N;
}

/**
 * Contiguous preserved pages: a header, then up to as many entries as the
 * pages hold; or, without a header, entries from the first byte whose number
 * the pointing struct stores (the ref's count).
 */
export interface PageArrayDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'page_array';
  readonly name: string;
  readonly header?: StructDescriptor<N>;
  readonly count?: MemberDescriptor<N>;
  /** The header member that stores the page count, when there is one. */
  readonly pagesMember?: MemberDescriptor<N>;
  readonly entry: StructDescriptor<N>;
  /** Pages the writer preserves. */
  readonly pages: N;
}

/**
 * A linked chain of arrays (the IOMMU FLB's lists): nodes of nodeSize
 * bytes, each a header {next, count} then up to `capacity` entries of one
 * struct; `skip` names the entry member and bits that make the kernel's
 * iterator pass an entry over.
 */
export interface ArrayChainDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'array_chain';
  readonly name: string;
  readonly node: StructDescriptor<N> & {
    readonly next: MemberDescriptor<N>;
    readonly count: MemberDescriptor<N>;
    readonly entries: MemberDescriptor<N>;
  };
  readonly entry: StructDescriptor<N>;
  readonly nodeSize: N;
  readonly capacity: N;
  readonly skip?: { readonly member: MemberDescriptor<N>; readonly mask: N };
}

/** One FDT property: its name and, for an integer, its size (a reader requires exactly that many bytes). */
export interface FdtPropertyDescriptor {
  readonly name: string;
  readonly type: 'u64' | 'string';
  readonly size?: number;
}

/** The KHO root FDT: the properties a reader looks up by role. */
export interface FdtDescriptor {
  readonly kind: 'fdt';
  readonly name: string;
  /** The compatible string the current version stores. */
  readonly compatible: string;
  /** Root property: the physical address of the memory map. */
  readonly memoryMap: FdtPropertyDescriptor;
  /** Child node properties: a blob's physical address and size. */
  readonly data: FdtPropertyDescriptor;
  /** Absent in kho-v1, whose children name a sub-FDT (its header holds its size). */
  readonly size?: FdtPropertyDescriptor;
}

/**
 * A sparse array of u64 entries (the KHO array): a descriptor {magic,
 * version, first} and a chain of pages, each a header {next, start}
 * followed by `capacity` entries at positions start, start + 1, ... An
 * entry of 0 is a hole; an entry with `valueTag` set holds the number
 * `entry >> valueShift`; any other entry is an address.
 */
export interface SparseArrayDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'sparse_array';
  readonly name: string;
  readonly descriptor: StructDescriptor<N> & {
    readonly magic: MemberDescriptor<N>;
    readonly version: MemberDescriptor<N>;
    readonly first: MemberDescriptor<N>;
  };
  /** `entries.size` is the size of one entry. */
  readonly page: StructDescriptor<N> & {
    readonly next: MemberDescriptor<N>;
    readonly start: MemberDescriptor<N>;
    readonly entries: MemberDescriptor<N>;
  };
  readonly pageSize: N;
  readonly capacity: N;
  readonly magic: N;
  readonly version: N;
  readonly valueTag: N;
  readonly valueShift: N;
}

/**
 * A flat dictionary: a header {magic, version, entries, count} whose
 * entries (name, type, version, address) are stored in the block chain
 * `via` names.
 */
export interface DictionaryDescriptor<N extends PageNumber = PageNumber> {
  readonly kind: 'dictionary';
  readonly name: string;
  readonly header: StructDescriptor<N> & {
    readonly magic: MemberDescriptor<N>;
    readonly version: MemberDescriptor<N>;
    readonly entries: MemberDescriptor<N>;
    readonly count: MemberDescriptor<N>;
  };
  /** `key` is the entry's name member (a char array). */
  readonly entry: StructDescriptor<N> & {
    readonly key: MemberDescriptor<N>;
    readonly type: MemberDescriptor<N>;
    readonly version: MemberDescriptor<N>;
    readonly address: MemberDescriptor<N>;
  };
  readonly magic: N;
  readonly version: N;
  readonly via: ContainerLink;
}

export type ContainerDescriptor = BlockChainDescriptor | VmallocChainDescriptor | RadixTreeDescriptor | BitmapChainDescriptor | FdtNodesDescriptor | PageArrayDescriptor | ArrayChainDescriptor | FdtDescriptor | SparseArrayDescriptor | DictionaryDescriptor;

/** The container a pointer edge goes through. */
export interface ContainerLink {
  readonly kind: 'block_chain' | 'vmalloc_chain' | 'radix_tree' | 'bitmap_chain' | 'fdt_nodes' | 'page_array' | 'array_chain' | 'fdt' | 'sparse_array' | 'dictionary';
  readonly name: string;
}

/**
 * A struct member holding a physical address (or a container descriptor)
 * and what it leads to: `struct.member` at `offset`, the struct found there,
 * the container it goes through, and the member counting the entries when
 * the schema names one.
 */
export interface RefEdge<N extends PageNumber = PageNumber> {
  readonly struct: string;
  readonly member: MemberDescriptor<N>;
  readonly to?: string;
  readonly via?: ContainerLink;
  /** The member holding the entry count; `number` when the codecs hold it as a number (as_number), not a bigint. */
  readonly count?: MemberDescriptor<N> & { readonly number?: boolean };
}

/** The edges of one struct, by member path. */
export type RefTable = Readonly<Record<string, RefEdge>>;

/** A descriptor with every page-size-dependent number resolved. */
export type Resolved<T> = T extends ByPageSize ? number : T extends number ? number : T extends string ? T : T extends object ? { readonly [K in keyof T]: Resolved<T[K]> } : T;

function isByPageSize(v: unknown): v is ByPageSize {
  return typeof v === 'object' && v !== null && typeof (v as Record<number, unknown>)[4096] === 'number' && Object.keys(v).every((k) => k === '4096' || k === '16384' || k === '65536');
}

function resolve(v: unknown, pageSize: PageSize): unknown {
  if (isByPageSize(v)) {
    const n = v[pageSize];
    if (typeof n !== 'number') throw new RangeError(`no value for ${pageSize}-byte pages`);
    return n;
  }
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = resolve(x, pageSize);
  return Object.freeze(out);
}

const cache = new WeakMap<object, Map<number, unknown>>();

/** `desc` with every page-size-dependent number taken for `pageSize`; the same object for the same arguments. */
export function forPageSize<T extends object>(desc: T, pageSize: number): Resolved<T> {
  let byPage = cache.get(desc);
  if (!byPage) cache.set(desc, (byPage = new Map()));
  let out = byPage.get(pageSize);
  if (out === undefined) {
    if (pageSize !== 4096 && pageSize !== 16384 && pageSize !== 65536) throw new RangeError(`page size ${pageSize} is not 4096, 16384 or 65536`);
    out = resolve(desc, pageSize);
    byPage.set(pageSize, out);
  }
  return out as Resolved<T>;
}

/** The kind a walker was given must be the kind it walks. */
export function expectKind<K extends ContainerDescriptor['kind']>(desc: { readonly kind: string; readonly name?: string }, kind: K): void {
  if (desc.kind !== kind) throw new TypeError(`expected a ${kind} descriptor, got ${desc.kind} '${desc.name ?? ''}'`);
}
