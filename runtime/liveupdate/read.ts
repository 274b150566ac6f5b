/**
 * The new kernel: restores a live update state from the KHO root FDT and
 * the simulated memory, in the kernel's order, with the container readers
 * of runtime/containers:
 *
 *   FDT (readKhoFdt; the root's compatible list must hold the new kernel's
 *   string, or the handover is dropped) -> memory map (walkRadixTree) ->
 *   the LUO subtree (blob-size at least sizeof(luo_ser), its page preserved)
 *   -> luo_ser (compatible compared with the new kernel's string) -> the FLB
 *   page (readLuoFlbs; a known FLB's blob decoded by its codec) -> sessions
 *   and files (luoSessionsEntries) -> each file dispatched by its stored
 *   compatible to its handler's codec (no handler: the kernel refuses that
 *   file, -ENOENT; here a warning and the file kept with its raw data) ->
 *   the handler's entries (readMemfdFolios).
 *
 * A root of "kho-v1" (layout.khoV1; kho-root.ts tells it, as for the
 * inspect walk) is read as that era's kernel reads it: each child's `fdt`
 * names a sub-FDT (its size the totalsize in its header), the memory map is
 * a khoser_mem_chunk chain (walkBitmapChain), and a child on a page the map
 * does not list is a warning, since that era's lookup asks nothing of it.
 *
 * Every blob and folio the reader follows must be in the memory map, as
 * kho_restore_page requires of a page it hands back; one that is not is
 * refused. openLiveUpdate returns the state with its sessions as a lazy
 * iterable (each session read when the walk reaches it), for images too
 * large to hold decoded; readLiveUpdate reads everything.
 */
import { DecodeError } from '../errors.js';
import { forPageSize } from '../containers/descriptors.js';
import { khoFdtIsCompatible, readKhoFdt } from '../containers/kho-fdt.js';
import { KERNEL } from '../containers/limits.js';
import { readLuoFlbs } from '../containers/luo-flbs.js';
import { luoListEntries } from '../containers/luo-arrays.js';
import { luoSessionsEntries } from '../containers/luo-sessions.js';
import { PreservedMap } from '../containers/preserved-map.js';
import type { PhysMem } from '../phys-mem.js';
import { acceptedAnomaly, type ReadOptions, type ReadWarning } from '../warnings.js';
import { readLuoRoot, type LuoRootRead } from './eras.js';
import { restoreFileEntries } from './file-entries.js';
import { KHO_V1_RETRIEVE, khoV1BlobSize, khoV1Of, luoBlobBytes, walkKhoMemoryMap } from './kho-root.js';
import { handlerIndex, hiddenMembers, withoutMembers, type FileHandler, type LiveUpdateCodecs, type LiveUpdateLayout, type LuoFileSerRecord } from './handlers.js';
import type { Fields, FileState, FlbState, KhoBlobState, LiveUpdateState, SessionState } from './model.js';

export interface ReadLiveUpdateOptions extends ReadOptions {
  /** Most bytes of a KHO blob other than LUO to copy (default 1 MiB); a larger one is refused. */
  readonly maxBlobBytes?: number;
}

export interface OpenedLiveUpdate {
  /** The state; `luo.sessions` is read lazily, each time it is iterated. */
  readonly state: LiveUpdateState;
  /** Blocks the memory map lists (a block listed twice counts twice). */
  readonly preserved: number;
  /** Warnings so far (the list grows as the sessions are read). */
  readonly warnings: ReadWarning[];
}

const RESTORE_PAGE = KERNEL.restorePage;

/** Opens an image: everything but the sessions is read and checked now. */
export function openLiveUpdate(mem: PhysMem, fdtBytes: Uint8Array, layout: LiveUpdateLayout, codecs: LiveUpdateCodecs, options: ReadLiveUpdateOptions = {}): OpenedLiveUpdate {
  const warnings = options.warnings ?? [];
  const opts: ReadOptions = { warnings, ...(options.strict ? { strict: true } : {}) };
  const ps = mem.pageSize;
  const shift = BigInt(Math.log2(ps));
  const fdtName = forPageSize(layout.fdt, ps);

  // A kho-v1 root (children naming sub-FDTs, the memory map a chunk chain) is read as that era's kernel reads it.
  const v1 = khoV1Of(layout, fdtBytes);
  const root = readKhoFdt(v1?.fdt ?? layout.fdt, fdtBytes, opts);
  if (!v1 && !khoFdtIsCompatible(root, codecs.khoCompatible)) {
    throw new DecodeError({ struct: fdtName.name, field: 'compatible', offset: 0 }, `the KHO root is '${(root.compatibles ?? [root.compatible]).join("', '")}', not '${codecs.khoCompatible}'; the kernel drops the handover (${KERNEL.populate})`);
  }
  const preserved = PreservedMap.walk(ps, (visit) => walkKhoMemoryMap(mem, layout, v1, root.memoryMap, visit, opts));
  const needPreserved = (pa: bigint, struct: string, what: string): void => {
    if (!preserved.containsPage(Number(pa >> shift))) throw new DecodeError({ struct, offset: 0, address: pa }, `${what} at 0x${pa.toString(16)} is on a page the memory map does not preserve; the kernel cannot restore it (${RESTORE_PAGE})`);
  };

  const blobs: KhoBlobState[] = [];
  const maxBlob = options.maxBlobBytes ?? 1 << 20;
  let luoPa: bigint | undefined;
  let luoBytes: Uint8Array | undefined;
  /**
   * kho-v1's kho_retrieve_subtree hands a child's address back without
   * asking the memory map: a page it does not list is a warning there, the
   * later kernels' refusal (kho_restore_page).
   */
  const blobPreserved = (pa: bigint, struct: string, what: string): void => {
    if (!v1) return needPreserved(pa, struct, what);
    if (!preserved.containsPage(Number(pa >> shift))) acceptedAnomaly(opts, 'kho-v1-blob-not-preserved', new DecodeError({ struct, offset: 0, address: pa }, `${what} at 0x${pa.toString(16)} is on a page the memory map does not preserve; the next kernel may reuse it`), KHO_V1_RETRIEVE);
  };
  for (const t of root.subtrees) {
    const luoBlob = t.name === codecs.luoBlobName;
    blobPreserved(t.data, 'kho blob', luoBlob ? 'the LUO blob' : `blob '${t.name}'`);
    // kho-v1 stores no size: a sub-FDT's is its totalsize (the LUO blob may be a luo_ser, read within its page).
    const size = v1 ? khoV1BlobSize(mem, t.data, luoBlob) : t.size;
    if (luoBlob && codecs.eras) {
      // Every version: the blob's first bytes tell which (an FDT, or luo_ser.compatible); readLuoRoot checks its size.
      luoPa = t.data;
      luoBytes = luoBlobBytes(mem, t.data, size);
      continue;
    }
    if (luoBlob) {
      if (size < BigInt(codecs.luo.size)) throw new DecodeError({ struct: codecs.luo.name, offset: 0, address: t.data }, `the LUO blob is ${size} bytes, smaller than ${codecs.luo.name} (${codecs.luo.size}); the kernel refuses it`);
      luoPa = t.data;
      continue;
    }
    if (size > BigInt(maxBlob)) throw new DecodeError({ struct: 'kho blob', offset: 0, address: t.data }, `blob '${t.name}' is ${size} bytes, more than maxBlobBytes (${maxBlob})`);
    blobs.push({ name: t.name, ...(t.nameBytes ? { nameBytes: t.nameBytes } : {}), bytes: mem.read(t.data, Number(size)) });
  }
  const kho = { compatible: root.compatible, ...(root.compatibleBytes ? { compatibleBytes: root.compatibleBytes } : {}), ...(blobs.length ? { blobs } : {}) };
  if (luoPa === undefined) return { state: { kho }, preserved: preserved.entries, warnings };

  let luoRoot: LuoRootRead | undefined;
  let luo: { compatible: string; liveupdate_num: bigint; sessions_pa: bigint; flbs_pa: bigint };
  if (luoBytes && codecs.eras) {
    luoRoot = readLuoRoot(mem, luoPa, luoBytes, codecs.eras, opts);
    if (luoRoot.luoSerPa !== undefined && luoRoot.luoSerPa !== luoPa) needPreserved(luoRoot.luoSerPa, 'luo_ser', 'luo_ser');
    luo = { compatible: luoRoot.compatible, liveupdate_num: luoRoot.liveupdateNum, sessions_pa: luoRoot.sessionsPa, flbs_pa: luoRoot.flbsPa };
  } else {
    luo = mem.decode(codecs.luo, luoPa, opts);
    if (luo.compatible !== codecs.luoCompatible) {
      throw new DecodeError({ struct: codecs.luo.name, field: 'compatible', offset: 0, address: luoPa }, `luo_ser.compatible is '${luo.compatible}', not '${codecs.luoCompatible}'; the kernel refuses the LUO state`);
    }
  }

  const flbHandlers = handlerIndex(codecs.flbs, (h) => h.name);
  if (luo.flbs_pa !== 0n) needPreserved(luo.flbs_pa, codecs.flbHeader.name, 'the FLB page');
  const flbs: FlbState[] = readLuoFlbs(mem, layout.flbPage, luo.flbs_pa, { header: codecs.flbHeader, entry: codecs.flb }, opts).entries.map((e) => {
    const h = flbHandlers.get(e.name);
    if (!h || e.data === 0n) return { name: e.name, count: e.count, data: e.data };
    needPreserved(e.data, h.state.name, `FLB '${e.name}'`);
    return { name: e.name, count: e.count, state: mem.decode(h.state, e.data, opts) as Fields };
  });

  const fileHandlers = handlerIndex(codecs.files, (h) => h.compatible);
  const readFile = (f: LuoFileSerRecord, session: string): FileState => {
    const h = fileHandlers.get(f.compatible);
    if (!h) {
      acceptedAnomaly(
        opts,
        'luo-no-handler',
        new DecodeError({ struct: codecs.file.name, field: 'compatible', offset: 0 }, `session '${session}', file ${f.token}: kho-abi has no schema for handler '${f.compatible}', so its data is shown as stored; a next kernel without that handler refuses the file (-ENOENT)`),
        KERNEL.fileHandler,
      );
      return { compatible: f.compatible, token: f.token, data: f.data };
    }
    return { compatible: f.compatible, token: f.token, state: readHandlerState(h, f.data) };
  };
  const readHandlerState = (h: FileHandler, pa: bigint): { fields: Fields; entries?: Fields[] } => {
    needPreserved(pa, h.state.name, h.state.name);
    const value = mem.decode(h.state, pa, opts) as Fields;
    const fields = withoutMembers(value, hiddenMembers(h));
    const e = h.entries;
    if (!e) return { fields };
    const { folios } = restoreFileEntries(mem, layout.vmalloc, e, value, pa, h.state.name, opts, preserved);
    return { fields, entries: folios as Fields[] };
  };

  const sessionsPa = luo.sessions_pa;
  const era = luoRoot?.era;
  const sessions: Iterable<SessionState> = {
    *[Symbol.iterator]() {
      const lists = era?.lists;
      // Lists in arrays (luo-v1 to luo-v4) take that era's walker; all in blocks, the block era's.
      const entries =
        lists && (lists.sessions.kind === 'page_array' || lists.files.kind === 'page_array')
          ? luoListEntries(mem, lists, sessionsPa, { session: codecs.session, file: codecs.file, ...(era.sessionHeader ? { sessionHeader: era.sessionHeader } : {}) }, { ...opts, onArray: (pa, struct) => needPreserved(pa, struct, struct) })
          : luoSessionsEntries(mem, lists && lists.sessions.kind === 'block_chain' ? { blocks: lists.sessions, files: lists.sessionFiles } : { blocks: layout.blocks, files: layout.sessionFiles }, sessionsPa, { session: codecs.session, file: codecs.file }, opts);
      for (const { session, files } of entries) {
        yield { name: session.name, files: files.map((f) => readFile(f, session.name)) };
      }
    },
  };
  return { state: { kho, luo: { compatible: luo.compatible, liveupdateNum: luo.liveupdate_num, sessions, flbs } }, preserved: preserved.entries, warnings };
}

export interface ReadLiveUpdate {
  readonly state: LiveUpdateState & { readonly luo?: { readonly sessions: readonly SessionState[] } };
  readonly preserved: number;
  readonly warnings: ReadWarning[];
}

/** Restores the whole state, every session read. */
export function readLiveUpdate(mem: PhysMem, fdtBytes: Uint8Array, layout: LiveUpdateLayout, codecs: LiveUpdateCodecs, options: ReadLiveUpdateOptions = {}): ReadLiveUpdate {
  const opened = openLiveUpdate(mem, fdtBytes, layout, codecs, options);
  const luo = opened.state.luo;
  if (!luo) return opened as ReadLiveUpdate;
  return { ...opened, state: { ...opened.state, luo: { ...luo, sessions: [...luo.sessions] } } };
}
