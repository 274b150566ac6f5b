/**
 * The old kernel: lays a live update state out in simulated physical memory
 * the way the kernel's writers do (kernel-abi.md section 5) and returns the
 * KHO root FDT it hands to the next kernel.
 *
 * Order: FLB blobs and the FLB page; per session, each file's handler blob
 * (and its entry array in a kho_vmalloc area), the session's chain of
 * luo_file_ser blocks; the chain of luo_session_ser blocks; the luo_ser
 * blob; other KHO blobs; then the radix-tree memory map listing every page
 * allocated and every folio named, and last the FDT.
 *
 * A state whose kho.compatible is kho-v1's (layout.khoV1) is handed over as
 * that era's kernel does it: each child an `fdt` property naming a sub-FDT
 * (no size; other KHO blobs must be FDTs), the memory map a chain of
 * khoser_mem_chunk pages and their bitmaps (writeBitmapChain). The LUO
 * blob is whatever its version writes (a sub-FDT for luo-v1 and luo-v2).
 */
import { encodeBytes, type StructCodec } from '../codec.js';
import { forPageSize } from '../containers/descriptors.js';
import { writeBitmapChain } from '../containers/bitmap-chain.js';
import { blockCapacity, writeBlockChain } from '../containers/kho-block.js';
import { writeKhoFdt, type KhoSubtree } from '../containers/kho-fdt.js';
import { writeRadixTree, type PreservedBlock } from '../containers/kho-radix.js';
import { vmallocChunkCapacity, writeVmalloc } from '../containers/kho-vmalloc.js';
import { EncodeError } from '../errors.js';
import type { LuoListContainer } from '../containers/luo-arrays.js';
import type { PhysMem } from '../phys-mem.js';
import { PageAllocator } from './allocator.js';
import { isFdtBlob, writeLuoRoot } from './eras.js';
import { handlerIndex, NO_AREA, type FileHandler, type LiveUpdateCodecs, type LiveUpdateLayout, type LuoFileSerRecord, type LuoFlbSerRecord, type LuoSessionSerRecord } from './handlers.js';
import type { FileState, LiveUpdateState } from './model.js';

export interface WriteLiveUpdateOptions {
  /** The first page frame number the writer allocates from (default 16); folios must lie outside what it allocates. */
  readonly firstPfn?: bigint;
}

export interface WrittenLiveUpdate {
  /** The KHO root FDT. */
  readonly fdt: Uint8Array;
  /** Pages the writer allocated (tree pages of the memory map included). */
  readonly pages: number;
  /** Blocks the memory map lists. */
  readonly preserved: number;
}

/** Writes `state` into `mem`; returns the KHO root FDT and what it used. */
export function writeLiveUpdate(mem: PhysMem, state: LiveUpdateState, layout: LiveUpdateLayout, codecs: LiveUpdateCodecs, options: WriteLiveUpdateOptions = {}): WrittenLiveUpdate {
  const alloc = new PageAllocator(mem, options.firstPfn ?? 16n);
  const ps = mem.pageSize;
  const shift = BigInt(Math.log2(ps));
  const folios: number[] = [];
  const fileHandlers = handlerIndex(codecs.files, (h) => h.compatible);
  const flbHandlers = handlerIndex(codecs.flbs, (h) => h.name);
  const chainOf = <T>(codec: StructCodec<T>, entries: readonly T[], blocksDesc = layout.blocks): bigint => {
    if (entries.length === 0) return 0n;
    const blocks = alloc.pageList(Math.ceil(entries.length / blockCapacity(blocksDesc, ps, codec.size)));
    return writeBlockChain(mem, blocksDesc, blocks, codec, entries);
  };
  const luo = state.luo;
  const era = luo && codecs.eras ? codecs.eras.find((e) => e.compatible === luo.compatible) : undefined;
  if (luo && codecs.eras && !era) throw new EncodeError({ struct: 'luo', field: 'compatible', offset: 0 }, `no known LUO version stores '${luo.compatible}' (${codecs.eras.map((e) => e.compatible).join(', ')})`);
  /**
   * A list in the container its version keeps it in: a block chain, or
   * contiguous pages (the session array, with its header, is written even
   * empty, as the kernel allocates it at boot; a file array only for files).
   */
  const listOf = <T>(c: LuoListContainer | undefined, codec: StructCodec<T>, entries: readonly T[], header?: StructCodec<{ count: bigint }>): bigint => {
    if (!c) return chainOf(codec, entries);
    if (c.kind === 'block_chain') return chainOf(codec, entries, c);
    const p = forPageSize(c, ps);
    if (!p.header && entries.length === 0) return 0n;
    const first = p.header?.size ?? 0;
    const capacity = Math.floor((p.pages * ps - first) / codec.size);
    if (entries.length > capacity) throw new EncodeError({ struct: p.header?.name ?? codec.name, offset: 0 }, `${entries.length} entries do not fit ${p.name} (${capacity} in ${p.pages} page(s))`);
    const pa = alloc.allocPages(p.pages);
    if (p.header) {
      if (!header) throw new TypeError(`${p.name}: writing its header needs the codec of ${p.header.name}`);
      mem.encode(header, { count: BigInt(entries.length) }, pa);
    }
    entries.forEach((x, i) => mem.encode(codec, x, pa + BigInt(first + i * codec.size)));
    return pa;
  };
  const blob = <T>(codec: StructCodec<T>, value: T): bigint => {
    const bytes = encodeBytes(codec, value);
    const pa = alloc.allocBlob(bytes.length);
    mem.write(pa, bytes);
    return pa;
  };

  /** A file's handler blob (and entry area); its address for luo_file_ser.data. */
  const writeFile = (f: FileState, h: FileHandler | undefined): bigint => {
    if (!h || !f.state) {
      if (h) throw new EncodeError({ struct: codecs.file.name, field: 'data', offset: 0 }, `file ${f.token}: handler '${f.compatible}' needs a state`);
      return f.data ?? 0n;
    }
    const value: Record<string, unknown> = { ...f.state.fields };
    const e = h.entries;
    if (e) {
      const entries = f.state.entries ?? [];
      let area = NO_AREA;
      if (entries.length > 0) {
        const bytes = new Uint8Array(entries.length * e.codec.size);
        const view = new DataView(bytes.buffer);
        entries.forEach((x, i) => {
          e.codec.encode(x, view, i * e.codec.size);
          folios.push(Number(x.pfn));
        });
        const blocks = Math.ceil(bytes.length / ps);
        area = writeVmalloc(mem, layout.vmalloc, bytes, alloc.pageList(blocks), alloc.pageList(Math.floor(blocks / vmallocChunkCapacity(layout.vmalloc, ps)) + 1));
      }
      value[e.edge.member.name] = area;
      if (e.edge.count) value[e.edge.count.name] = e.edge.count.number ? entries.length : BigInt(entries.length);
    } else if (f.state.entries?.length) {
      throw new EncodeError({ struct: h.state.name, offset: 0 }, `file ${f.token}: handler '${f.compatible}' has no entry array`);
    }
    return blob(h.state, value);
  };

  let flbsPa = 0n;
  let sessionsPa = 0n;
  if (luo) {
    // The FDT-era kernels allocate the FLB page at boot, FLBs or not (luo_flb_setup_outgoing).
    if (luo.flbs.length > 0 || (era && era.root.kind !== 'luo_ser')) {
      const page = forPageSize(layout.flbPage, ps);
      const entries: LuoFlbSerRecord[] = luo.flbs.map((f) => {
        const h = flbHandlers.get(f.name);
        return { name: f.name, count: f.count, data: h && f.state ? blob(h.state, f.state) : (f.data ?? 0n) };
      });
      const capacity = Math.floor((page.pages * ps - codecs.flbHeader.size) / codecs.flb.size);
      if (entries.length > capacity) throw new EncodeError({ struct: codecs.flbHeader.name, field: 'count', offset: page.count?.offset ?? 0 }, `${entries.length} FLBs do not fit the FLB page (${capacity})`);
      flbsPa = alloc.allocPages(page.pages);
      mem.encode(codecs.flbHeader, { pgcnt: BigInt(page.pages), count: BigInt(entries.length) }, flbsPa);
      entries.forEach((x, i) => mem.encode(codecs.flb, x, flbsPa + BigInt(codecs.flbHeader.size + i * codecs.flb.size)));
    }
    const sessions: LuoSessionSerRecord[] = [];
    for (const s of luo.sessions) {
      const files: LuoFileSerRecord[] = s.files.map((f) => ({ compatible: f.compatible, token: f.token, data: writeFile(f, fileHandlers.get(f.compatible)) }));
      sessions.push({ name: s.name, file_set_ser: { files: listOf(era?.lists.files, codecs.file, files), count: BigInt(files.length) } });
    }
    sessionsPa = listOf(era?.lists.sessions, codecs.session, sessions, era?.sessionHeader);
  }

  const subtrees: KhoSubtree[] = [];
  if (luo && era) {
    const root = writeLuoRoot(mem, era.root, luo.compatible, { liveupdateNum: luo.liveupdateNum, sessionsPa, flbsPa }, (n) => alloc.allocPages(n));
    subtrees.push({ name: codecs.luoBlobName, data: root.pa, size: root.size });
  } else if (luo) {
    const pa = alloc.allocPages(1);
    mem.encode(codecs.luo, { compatible: luo.compatible, liveupdate_num: luo.liveupdateNum, sessions_pa: sessionsPa, flbs_pa: flbsPa }, pa);
    subtrees.push({ name: codecs.luoBlobName, data: pa, size: BigInt(codecs.luo.size) });
  }
  // kho-v1 (the root's compatible is layout.khoV1's string): each child names a sub-FDT, the memory map is a chunk chain.
  const v1 = layout.khoV1 && state.kho.compatible === layout.khoV1.compatible ? layout.khoV1 : undefined;
  for (const b of state.kho.blobs ?? []) {
    // A kho-v1 child's `fdt` property names an FDT, whose header gives the next kernel its size: other bytes cannot be handed over.
    if (v1 && !isFdtBlob(b.bytes)) throw new EncodeError({ struct: v1.fdt.name, field: v1.fdt.data.name, offset: 0 }, `blob '${b.name}' is no FDT; a kho-v1 child names a sub-FDT, and its size is the FDT's`);
    const pa = alloc.allocPages(Math.max(1, Math.ceil(b.bytes.length / ps)));
    mem.write(pa, b.bytes);
    subtrees.push({ name: b.name, ...(b.nameBytes ? { nameBytes: b.nameBytes } : {}), data: pa, size: BigInt(b.bytes.length) });
  }

  for (const pfn of folios) {
    if (BigInt(pfn) >= alloc.firstPfn && BigInt(pfn) < alloc.end) throw new EncodeError({ struct: 'folio', field: 'pfn', offset: 0 }, `folio pfn 0x${pfn.toString(16)} is a page the writer allocated (0x${alloc.firstPfn.toString(16)}..0x${alloc.end.toString(16)})`);
  }
  const preserved: PreservedBlock[] = alloc.pages.map((pfn) => ({ pa: pfn << shift, order: 0 }));
  for (const pfn of folios) preserved.push({ pa: BigInt(pfn) << shift, order: 0 });
  const data = alloc.pages.length;
  // The map's own pages come last and are not in it: the next kernel walks them at boot, before it hands out memory.
  const memoryMap = v1 ? writeBitmapChain(mem, v1.memoryMap, preserved, () => alloc.allocPages(1)) : writeRadixTree(mem, layout.radix, preserved, () => alloc.allocPages(1));
  const fdt = writeKhoFdt(v1?.fdt ?? layout.fdt, { compatible: state.kho.compatible, ...(state.kho.compatibleBytes ? { compatibleBytes: state.kho.compatibleBytes } : {}), memoryMap, subtrees });
  return { fdt, pages: alloc.pages.length, preserved: data + folios.length };
}
