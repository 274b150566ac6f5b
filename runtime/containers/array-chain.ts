/**
 * Linked array chains (array_chain containers; the IOMMU FLB's three lists):
 * nodes of `nodeSize` bytes, each a header {next, count} followed by up to
 * `capacity` fixed-size entries, the chain ending at a next address of 0.
 * Every size, offset and capacity comes from the caller's
 * ArrayChainDescriptor (IOMMU_DOMAIN_ARRAYS_CONTAINER and its siblings in
 * generated/ts/iommu.ts).
 *
 * The reader restores a chain as iommu_liveupdate_restore_array does: every
 * node is claimed once, in list order (a node reached twice fails its second
 * restore, on which the kernel panics), before any entry is handed out. The
 * kernel then reads `count` entries of each node without comparing the
 * count with what the node holds; a reader refuses a count that runs past
 * the node instead of reading memory nobody restored. Entries whose skip
 * bits are set (IOMMU_SER_FLAG_DELETED) are passed over as the kernel's
 * iterator passes over them. The chain's length is capped at the pages the
 * image holds (`maxNodes`).
 */
import type { StructCodec } from '../codec.js';
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type ArrayChainDescriptor, type Resolved } from './descriptors.js';
import { atAddress, KERNEL, locateWarnings, PfnSet, ReaderLimitError, pagesInImage } from './limits.js';

export interface ArrayChainOptions extends ReadOptions {
  /** Most nodes in one chain; the pages memory holds by default. */
  readonly maxNodes?: number;
}

/** The nodes of a chain the kernel restores, in list order, with each node's entry count. */
export interface RestoredArrayChain {
  readonly views: readonly DataView[];
  readonly addresses: readonly bigint[];
  readonly counts: readonly number[];
  /** Entries in all nodes, skipped ones included. */
  readonly total: number;
}

type Chain = Resolved<ArrayChainDescriptor>;

function chainFor(desc: ArrayChainDescriptor, pageSize: number): Chain {
  expectKind(desc, 'array_chain');
  const c = forPageSize(desc, pageSize);
  if (c.node.next.size !== U64_BYTES || c.node.count.size !== U64_BYTES) throw new TypeError(`${c.name}: the array chain walker reads an 8-byte ${c.node.name}.${c.node.next.name} and .${c.node.count.name}`);
  return c;
}

const at = (c: Chain, m: Chain['node']['next'], address: bigint) => ({ struct: c.node.name, field: m.name, offset: m.offset, address: address + BigInt(m.offset) });

/** Checks a chain as the kernel restores it and returns its nodes. A head of 0 is an empty chain. */
export function restoreArrayChain(mem: PhysMem, desc: ArrayChainDescriptor, head: bigint, options: ArrayChainOptions = {}): RestoredArrayChain {
  const c = chainFor(desc, mem.pageSize);
  const maxNodes = options.maxNodes ?? pagesInImage(mem.pageCount);
  const views: DataView[] = [];
  const addresses: bigint[] = [];
  const seen = new PfnSet();
  for (let pa = head; pa !== 0n; ) {
    const view = mem.view(pa, c.nodeSize, c.node.name);
    // A node in memory lies below 2^52, so its address is an exact number.
    if (!seen.add(Number(pa))) {
      throw new DecodeError(at(c, c.node.next, pa), `the chain reaches this node a second time; its second restore fails and the kernel panics (${KERNEL.arrayChainRestore})`);
    }
    if (views.length >= maxNodes) throw new ReaderLimitError(at(c, c.node.next, pa), 'maxNodes', maxNodes, `${c.name}: nodes in one chain`);
    views.push(view);
    addresses.push(pa);
    pa = view.getBigUint64(c.node.next.offset, true);
  }
  const counts: number[] = [];
  let total = 0;
  for (let n = 0; n < views.length; n++) {
    const lo = views[n]!.getUint32(c.node.count.offset, true);
    const hi = views[n]!.getUint32(c.node.count.offset + U64_BYTES / 2, true);
    if (hi !== 0 || lo > c.capacity) {
      const count = views[n]!.getBigUint64(c.node.count.offset, true);
      throw new DecodeError(
        at(c, c.node.count, addresses[n]!),
        `count ${count} is more than the ${c.capacity} entries a ${c.nodeSize}-byte node holds; the kernel does not check it and would read past the node (${KERNEL.arrayChainIterate}), so the reader refuses the chain`,
      );
    }
    counts.push(lo);
    total += lo;
  }
  return { views, addresses, counts, total };
}

/** Is the entry at `offset` of `view` one the kernel's iterator passes over? */
function skipped(c: Chain, view: DataView, offset: number): boolean {
  const s = c.skip;
  if (!s) return false;
  const o = offset + s.member.offset;
  const v = s.member.size === 1 ? view.getUint8(o) : s.member.size === 2 ? view.getUint16(o, true) : s.member.size === 4 ? view.getUint32(o, true) : Number(view.getBigUint64(o, true) & BigInt(s.mask));
  return (v & s.mask) !== 0;
}

/**
 * Calls `visit` with the view and offset of every entry the kernel's
 * iterator yields (skipped entries left out), node by node, after the whole
 * chain is checked. Returns the number of entries visited. The entry's
 * physical address is computed only for a callback that declares a third
 * parameter.
 */
export function walkArrayChain(mem: PhysMem, desc: ArrayChainDescriptor, head: bigint, visit: (view: DataView, offset: number, address: bigint) => void, options: ArrayChainOptions = {}): number {
  const c = chainFor(desc, mem.pageSize);
  const { views, addresses, counts } = restoreArrayChain(mem, desc, head, options);
  const wantsAddress = visit.length >= 3;
  let visited = 0;
  for (let n = 0; n < views.length; n++) {
    for (let i = 0; i < counts[n]!; i++) {
      const offset = c.node.entries.offset + i * c.entry.size;
      if (skipped(c, views[n]!, offset)) continue;
      visit(views[n]!, offset, wantsAddress ? addresses[n]! + BigInt(offset) : 0n);
      visited++;
    }
  }
  return visited;
}

/** Every entry the kernel's iterator yields, decoded with `codec` (the entry struct's, at the chain's version). */
export function readArrayChain<T>(mem: PhysMem, desc: ArrayChainDescriptor, head: bigint, codec: StructCodec<T>, options: ArrayChainOptions = {}): T[] {
  const c = chainFor(desc, mem.pageSize);
  if (codec.name !== c.entry.name || codec.size !== c.entry.size) throw new TypeError(`${c.name} holds ${c.entry.size}-byte struct ${c.entry.name}, not ${codec.size}-byte ${codec.name}`);
  const { views, addresses, counts } = restoreArrayChain(mem, desc, head, options);
  const out: T[] = [];
  for (let n = 0; n < views.length; n++) {
    const before = options.warnings?.length ?? 0;
    try {
      for (let i = 0; i < counts[n]!; i++) {
        const offset = c.node.entries.offset + i * c.entry.size;
        if (!skipped(c, views[n]!, offset)) out.push(codec.decode(views[n]!, offset, options));
      }
    } catch (e) {
      // Offsets are from the node's start: give the error the node's physical address.
      if (e instanceof DecodeError) throw atAddress(e, addresses[n]!);
      throw e;
    }
    locateWarnings(options.warnings, before, addresses[n]!);
  }
  return out;
}

/**
 * Writes `entries` (already encoded, `entry.size` bytes each) as the
 * kernel's writer does: a node is filled to its capacity before the next is
 * started. `allocate` gives the address of each node. Returns the node
 * addresses; the first is the chain's head (an empty chain still has one
 * node, as the kernel always allocates the first).
 */
export function writeArrayChain(mem: PhysMem, desc: ArrayChainDescriptor, entries: readonly Uint8Array[], allocate: () => bigint): bigint[] {
  const c = chainFor(desc, mem.pageSize);
  const nodes: bigint[] = [];
  let n = 0;
  do {
    const chunk = entries.slice(n * c.capacity, (n + 1) * c.capacity);
    nodes.push(allocate());
    const page = new Uint8Array(c.nodeSize);
    const view = new DataView(page.buffer);
    view.setBigUint64(c.node.count.offset, BigInt(chunk.length), true);
    chunk.forEach((e, i) => {
      if (e.length !== c.entry.size) throw new RangeError(`entry ${n * c.capacity + i} is ${e.length} bytes, not ${c.entry.size}`);
      page.set(e, c.node.entries.offset + i * c.entry.size);
    });
    mem.write(nodes[n]!, page);
    n++;
  } while (n * c.capacity < entries.length);
  for (let k = 0; k + 1 < nodes.length; k++) {
    const b = new Uint8Array(U64_BYTES);
    new DataView(b.buffer).setBigUint64(0, nodes[k + 1]!, true);
    mem.write(nodes[k]! + BigInt(c.node.next.offset), b);
  }
  return nodes;
}
