/**
 * A live update image looked at whole, for people debugging one: the walk
 * of read.ts (KHO root -> memory map -> blobs -> luo_ser -> FLB page ->
 * sessions -> files -> each handler's state and entries), with the same
 * container readers and checks, but where the kernel's restore stops at its
 * first refusal, this walk records the refusal on the node it belongs to
 * (the FDT, the memory map, a blob, the LUO root, the FLB page, an FLB, a
 * session, a file) and goes on with the next node. Warnings (what the
 * kernel accepts but its own writer never produces) are recorded on the
 * node they were met at; with `strict` they refuse that node instead.
 *
 * With the codecs' `eras` (LIVEUPDATE_HISTORY_CODECS, as the CLI passes
 * them) the LUO blob is read as the kernel of the version it stores reads
 * it (eras.ts: a sub-FDT for luo-v1/v2, a luo_ser from luo-v3), and the
 * sessions and files come from that version's containers: block chains,
 * or the contiguous arrays of luo-v1 to luo-v4. A root FDT of "kho-v1"
 * (layout.khoV1) is read as that first KHO: children name sub-FDTs, and
 * the memory map is a chain of khoser_mem_chunk pages.
 *
 * What cannot be walked past is where the walk stops below a node: an FDT
 * that does not parse (nothing names the rest), a LUO root that cannot be
 * read or that no known version stores (without eras: any but the
 * current), a session list refused (no session is found). A memory map
 * that cannot be walked is an error; the walk goes on without the "is
 * this page preserved" checks.
 *
 * The report is plain data in the shape docs/inspect.md documents (64-bit
 * values as bigints, printed as decimal strings). walkLiveUpdate hands it
 * to a sink a part at a time (everything above the sessions, then each
 * session, each of its files, then the end), so that a printer holds one
 * file at a time, never the million of a large image; inspectLiveUpdate
 * collects the parts into one report (tests, small images). The text lines
 * for people come per part too (inspectHeadLines ... inspectEndLines).
 */
import { DecodeError, MemoryError, formatAddress, type Location } from '../errors.js';
import { forPageSize, type BlockChainDescriptor, type FdtNodesDescriptor, type PageArrayDescriptor } from '../containers/descriptors.js';
import { restoreBlockChain } from '../containers/kho-block.js';
import { readFdtNodes } from '../containers/fdt-nodes.js';
import { khoFdtIsCompatible, readKhoFdt, type KhoRoot } from '../containers/kho-fdt.js';
import { AnomalyTally, atAddress, KERNEL, locateWarnings, pagesInImage, PfnSet, ReaderLimitError } from '../containers/limits.js';
import { ARRAY_KERNEL, type LuoListContainer, type LuoListDescriptors } from '../containers/luo-arrays.js';
import { readLuoFlbs } from '../containers/luo-flbs.js';
import { SessionRules } from '../containers/luo-sessions.js';
import { restoreFileEntries } from './file-entries.js';
import { PreservedMap } from '../containers/preserved-map.js';
import type { StructCodec } from '../codec.js';
import type { PhysMem } from '../phys-mem.js';
import { escapeText } from '../quote.js';
import { acceptedAnomaly, type ReadOptions, type ReadWarning } from '../warnings.js';
import { handlerIndex, type LiveUpdateCodecs, type LiveUpdateLayout, type LuoFileSerRecord, type LuoSessionSerRecord } from './handlers.js';
import { readLuoRoot } from './eras.js';
import { KHO_V1_RETRIEVE, khoV1BlobSize, khoV1Of, luoBlobBytes, MAX_FDT_BYTES, walkKhoMemoryMap } from './kho-root.js';
import type { Fields } from './model.js';
import { quoteTreeBytes, quoteTreeString, treeMembers } from './tree.js';

// Where the CLI and older callers found them.
export { MAX_FDT_BYTES, readFdtAt } from './kho-root.js';

/** The version of the report's shape; a change to it that is not an addition bumps it. */
export const INSPECT_FORMAT_VERSION = 1;

/** An error (a refusal) or a warning, located. */
export interface InspectIssue {
  /** refused, missing-memory, limit, truncated-segment; or the warning's code (undeclared-bits, luo-no-handler, ...). */
  readonly code: string;
  readonly struct: string;
  readonly field: string | null;
  /** Offset in the struct (or, for an image problem, in the file). */
  readonly offset: number;
  /** Physical address, when the bytes are in memory. */
  readonly pa: bigint | null;
  readonly message: string;
  /** The kernel function that accepts a warned anomaly. */
  readonly kernel: string | null;
}

export interface InspectIssues {
  readonly errors: InspectIssue[];
  readonly warnings: InspectIssue[];
}

export interface InspectBlob extends InspectIssues {
  readonly name: string;
  /** The name's bytes as hex when they are not UTF-8 (`name` then shows them escaped), else null. */
  readonly name_bytes: string | null;
  readonly pa: bigint;
  readonly size: bigint;
  readonly pages: number;
  /** The bytes as hex, for a blob of at most INSPECT_BLOB_BYTES bytes. */
  bytes: string | null;
  /** memblock's blob only: the reserve_mem regions its sub-FDT lists (readFdtNodes); a region the kernel would not revive is an error on the blob. */
  regions?: { readonly name: string; readonly start: bigint; readonly size: bigint }[];
}

export interface InspectFile extends InspectIssues {
  /** Where its luo_file_ser is. */
  readonly pa: bigint;
  token: bigint | null;
  compatible: string | null;
  /** luo_file_ser.data: the handler's blob. */
  data: bigint | null;
  /** Is a handler with a schema known for the compatible? */
  handler: boolean;
  /** The handler's struct, every member. */
  state: Fields | null;
  /** The entries (a memfd's folios), in array order, holes left out. */
  entries: Fields[] | null;
  /** Entries with pfn 0 (holes) skipped. */
  holes: number | null;
}

export interface InspectSession extends InspectIssues {
  /** Where its luo_session_ser is. */
  readonly pa: bigint;
  name: string | null;
  /** The head of its files chain, and the count it stores. */
  files_pa: bigint | null;
  count: bigint | null;
  readonly files: InspectFile[];
}

export interface InspectFlb extends InspectIssues {
  readonly pa: bigint;
  readonly name: string;
  readonly count: bigint;
  readonly data: bigint;
  handler: boolean;
  state: Fields | null;
}

export interface InspectLuo extends InspectIssues {
  readonly pa: bigint;
  readonly size: bigint;
  compatible: string | null;
  /** The LUO version the blob stores (luo-v1 ... luo-v5-composite), when the walk reads every version and found one. */
  version: string | null;
  liveupdate_num: bigint | null;
  sessions_pa: bigint | null;
  flbs_pa: bigint | null;
  flb_page: { pgcnt: bigint; count: bigint } | null;
  readonly sessions: InspectSession[];
  readonly flbs: InspectFlb[];
}

export interface InspectKho extends InspectIssues {
  compatible: string | null;
  /** The first compatible string's bytes as hex when they are not UTF-8 (`compatible` then has U+FFFD for them), else null. */
  compatible_bytes: string | null;
  compatibles: string[];
  memory_map: bigint | null;
  preserved_blocks: number | null;
  readonly blobs: InspectBlob[];
}

export interface InspectCounts {
  sessions: number;
  files: number;
  entries: number;
  flbs: number;
  errors: number;
  warnings: number;
}

export interface InspectReport {
  readonly format: 'kho-abi-inspect';
  readonly version: number;
  readonly page_size: number;
  /** clean: nothing to say; warnings: the kernel accepts it all; errors: something is refused. */
  status: 'clean' | 'warnings' | 'errors';
  readonly counts: InspectCounts;
  /** Problems of the image itself (a segment cut short). */
  readonly image: InspectIssues;
  readonly kho: InspectKho;
  luo: InspectLuo | null;
}

export interface InspectOptions {
  readonly strict?: boolean;
  /** Problems found opening the image (FileMem.problems), reported under `image`. */
  readonly imageProblems?: readonly { code: string; struct: string; field?: string; offset: number; address?: bigint; message: string }[];
}

/**
 * Where walkLiveUpdate hands the report, part by part, in this order:
 * `head` once, then for each session `session`, `file` for each of its
 * files and `sessionEnd`, then `end` once. A node handed over is complete
 * (its errors and warnings included) except the LUO node, whose own errors
 * and warnings are complete only at `end` (a block found in two chains is
 * known after the last one). The walk never pushes sessions or files into
 * the report's arrays: a sink that wants them keeps them.
 */
export interface InspectSink {
  /** The report above the sessions (image, kho with its blobs, luo with its FLBs); `sessions` follow. */
  head(report: InspectReport, sessions: number): void;
  /** A session before its files; `files` follow. */
  session(node: InspectSession, files: number): void;
  file(node: InspectFile, session: InspectSession): void;
  sessionEnd(node: InspectSession): void;
  /** The walk is over: counts and status are final, so are the LUO node's errors and warnings. */
  end(report: InspectReport): void;
}

/** Blobs up to this many bytes are shown whole. */
export const INSPECT_BLOB_BYTES = 256;

const HEX = '0123456789abcdef';
/** The bytes of a hex string hexBytes made. */
function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function hexBytes(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += HEX[x >> 4]! + HEX[x & 15]!;
  return s;
}

const issues = (): InspectIssues => ({ errors: [], warnings: [] });

function warningIssue(w: ReadWarning): InspectIssue {
  return { code: w.code, struct: w.struct, field: w.field ?? null, offset: w.offset, pa: w.address ?? null, message: w.message, kernel: w.kernel || null };
}

/** Where a failure is when the error does not say: the struct being read, at its address. */
interface Context {
  readonly struct: string;
  readonly field?: string;
  readonly pa?: bigint;
}

function errorIssue(e: unknown, ctx: Context): InspectIssue | undefined {
  if (e instanceof DecodeError) {
    return { code: e instanceof ReaderLimitError ? 'limit' : 'refused', struct: e.struct, field: e.field ?? null, offset: e.offset, pa: e.address ?? ctx.pa ?? null, message: e.message, kernel: null };
  }
  if (e instanceof MemoryError) {
    return { code: 'missing-memory', struct: e.struct ?? ctx.struct, field: e.struct === undefined ? (ctx.field ?? null) : null, offset: 0, pa: e.address, message: e.message, kernel: null };
  }
  return undefined;
}

/** The entries of a list, run by run: a block's after its header, or an array's (after its header, if it has one). */
interface Runs {
  readonly total: number;
  readonly runs: readonly { readonly base: bigint; readonly first: number; readonly count: number; readonly view?: DataView }[];
}

/** Walks the image into one report, every session and file in it. Its size follows what it lists. */
export function inspectLiveUpdate(mem: PhysMem, fdtBytes: Uint8Array | Error, layout: LiveUpdateLayout, codecs: LiveUpdateCodecs, options: InspectOptions = {}): InspectReport {
  let sessions: InspectSession[] = [];
  return walkLiveUpdate(mem, fdtBytes, layout, codecs, {
    head: (report) => void (sessions = report.luo?.sessions ?? []),
    session: (node) => void sessions.push(node),
    file: (node, session) => void session.files.push(node),
    sessionEnd: () => {},
    end: () => {},
  }, options);
}

/**
 * Walks the image, handing the report to `sink` part by part; returns the
 * report without its sessions (counts and status final). Never throws for
 * what the image holds (only for misuse, or what the sink throws).
 */
export function walkLiveUpdate(mem: PhysMem, fdtBytes: Uint8Array | Error, layout: LiveUpdateLayout, codecs: LiveUpdateCodecs, sink: InspectSink, options: InspectOptions = {}): InspectReport {
  const strict = options.strict === true;
  const ps = mem.pageSize;
  const shift = BigInt(Math.log2(ps));
  const fdtName = forPageSize(layout.fdt, ps).name;
  const report: InspectReport = {
    format: 'kho-abi-inspect',
    version: INSPECT_FORMAT_VERSION,
    page_size: ps,
    status: 'clean',
    counts: { sessions: 0, files: 0, entries: 0, flbs: 0, errors: 0, warnings: 0 },
    image: issues(),
    kho: { compatible: null, compatible_bytes: null, compatibles: [], memory_map: null, preserved_blocks: null, blobs: [], ...issues() },
    luo: null,
  };
  for (const p of options.imageProblems ?? []) report.image.errors.push({ code: p.code, struct: p.struct, field: p.field ?? null, offset: p.offset, pa: p.address ?? null, message: p.message, kernel: null });

  /** Runs one step for `node`: its warnings, and its refusal, land on the node. */
  const step = <T>(node: InspectIssues, ctx: Context, fn: (opts: ReadOptions) => T): T | undefined => {
    const warnings: ReadWarning[] = [];
    try {
      return fn({ warnings, ...(strict ? { strict } : {}) });
    } catch (e) {
      const issue = errorIssue(e, ctx);
      if (!issue) throw e;
      node.errors.push(issue);
      return undefined;
    } finally {
      node.warnings.push(...warnings.map(warningIssue));
    }
  };
  const c = report.counts;
  const tally = (n: InspectIssues): void => {
    c.errors += n.errors.length;
    c.warnings += n.warnings.length;
  };
  let headDone = false;
  const head = (sessions: number): void => {
    headDone = true;
    sink.head(report, sessions);
  };
  const finish = (): InspectReport => {
    if (!headDone) head(0);
    tally(report.image);
    tally(report.kho);
    report.kho.blobs.forEach(tally);
    if (report.luo) {
      tally(report.luo);
      c.flbs = report.luo.flbs.length;
      report.luo.flbs.forEach(tally);
    }
    report.status = c.errors > 0 ? 'errors' : c.warnings > 0 ? 'warnings' : 'clean';
    sink.end(report);
    return report;
  };

  const kho = report.kho;
  // A kho-v1 root (its children name sub-FDTs, its memory map a chunk chain) is read as that era's kernel reads it.
  const v1 = fdtBytes instanceof Error ? undefined : khoV1Of(layout, fdtBytes);
  const root = fdtBytes instanceof Error ? (kho.errors.push(errorIssue(fdtBytes, { struct: 'fdt_header' }) ?? { code: 'refused', struct: 'fdt_header', field: null, offset: 0, pa: null, message: fdtBytes.message, kernel: null }), undefined) : step(kho, { struct: fdtName }, (o) => readKhoFdt(v1?.fdt ?? layout.fdt, fdtBytes, o));
  if (!root) return finish();
  kho.compatible = root.compatible;
  kho.compatible_bytes = root.compatibleBytes ? hexBytes(root.compatibleBytes) : null;
  kho.compatibles = [...(root.compatibles ?? [root.compatible])];
  kho.memory_map = root.memoryMap;
  if (!v1 && !khoFdtIsCompatible(root, codecs.khoCompatible)) {
    kho.errors.push({ code: 'refused', struct: fdtName, field: 'compatible', offset: 0, pa: null, message: `${fdtName}.compatible: the KHO root is '${kho.compatibles.join("', '")}', not '${codecs.khoCompatible}'; the kernel drops the handover (${KERNEL.populate})`, kernel: null });
  }
  for (const f of root.failed ?? []) {
    // kho-v1's lookup is that era's kho_retrieve_subtree (kernel/kexec_handover.c).
    const cite = v1 && f.kernel === KERNEL.retrieveSubtree ? KHO_V1_RETRIEVE : f.kernel;
    kho.errors.push({ code: 'refused', struct: fdtName, field: f.field ?? null, offset: 0, pa: null, message: `${f.reason}; the kernel cannot retrieve it (${cite})`, kernel: null });
  }

  // The memory map: which pages the next kernel finds preserved.
  // kho-v1: the chunk chain kho_mem_deserialize walks (PreservedMap.fromBitmapChain's walk); later: the radix tree kho_mem_retrieve walks.
  const map = step(kho, { struct: 'memory map', pa: root.memoryMap }, (o) => PreservedMap.walk(ps, (visit) => walkKhoMemoryMap(mem, layout, v1, root.memoryMap, visit, o)));
  if (map) kho.preserved_blocks = map.entries;
  /** Whether the page at `pa` is preserved; without a map (it could not be read) nothing is refused for it. */
  const preserved = (pa: bigint): boolean => !map || map.containsPage(Number(pa >> shift));
  /** A refusal when the page at `pa` is not preserved. */
  const needPreserved = (node: InspectIssues, pa: bigint, struct: string, what: string): void => {
    if (preserved(pa)) return;
    node.errors.push({ code: 'refused', struct, field: null, offset: 0, pa, message: `${struct} at physical address ${formatAddress(pa)}: ${what} is on a page the memory map does not preserve; the kernel cannot restore it (${KERNEL.restorePage})`, kernel: null });
  };

  /**
   * A kho-v1 child names a sub-FDT: its size is the totalsize its header
   * stores (kho_retrieve_subtree of that era hands back the address only;
   * the owner reads the FDT there). Unreadable: an error, size 0.
   */
  const subFdtSize = (node: InspectIssues, pa: bigint, luo = false): bigint => step(node, { struct: 'fdt_header', pa }, () => khoV1BlobSize(mem, pa, luo)) ?? 0n;
  /**
   * kho-v1's kho_retrieve_subtree (kernel/kexec_handover.c, kho-v1) hands
   * back the sub-FDT's address without asking the memory map: a page it
   * does not list is a warning there, the later kernels' refusal.
   */
  const blobPreserved = (node: InspectIssues, pa: bigint, struct: string, what: string): void => {
    if (!v1) return needPreserved(node, pa, struct, what);
    if (preserved(pa)) return;
    const issue: InspectIssue = { code: 'kho-v1-blob-not-preserved', struct, field: null, offset: 0, pa, message: `${struct} at physical address ${formatAddress(pa)}: ${what} is on a page the memory map does not preserve; the next kernel may reuse it`, kernel: KHO_V1_RETRIEVE };
    if (strict) node.errors.push({ ...issue, code: 'refused', message: `${issue.message} (the kernel accepts this in ${KHO_V1_RETRIEVE}; refused in strict mode)`, kernel: null });
    else node.warnings.push(issue);
  };

  let luoTree: KhoRoot['subtrees'][number] | undefined;
  for (const t of root.subtrees) {
    if (t.name === codecs.luoBlobName && !luoTree) {
      luoTree = t;
      continue;
    }
    const blobIssues = issues();
    const size = v1 ? subFdtSize(blobIssues, t.data) : t.size;
    const blob: InspectBlob = { name: t.name, name_bytes: t.nameBytes ? hexBytes(t.nameBytes) : null, pa: t.data, size, pages: Number((size + BigInt(ps) - 1n) / BigInt(ps)), bytes: null, ...blobIssues };
    kho.blobs.push(blob);
    blobPreserved(blob, t.data, 'kho blob', `blob '${t.name}'`);
    if ((!v1 || size > 0n) && size <= BigInt(INSPECT_BLOB_BYTES)) {
      const bytes = step(blob, { struct: 'kho blob', pa: t.data }, () => mem.read(t.data, Number(size), 'kho blob'));
      if (bytes) blob.bytes = hexBytes(bytes);
    }
    if (layout.memblock && t.name === layout.memblock.blobName) inspectMemblock(mem, blob, layout.memblock.fdt, step);
  }
  if (!luoTree) return finish();

  const luoIssues = issues();
  const luoSize = v1 ? subFdtSize(luoIssues, luoTree.data, true) : luoTree.size;
  const luoNode: InspectLuo = { pa: luoTree.data, size: luoSize, compatible: null, version: null, liveupdate_num: null, sessions_pa: null, flbs_pa: null, flb_page: null, sessions: [], flbs: [], ...luoIssues };
  report.luo = luoNode;
  blobPreserved(luoNode, luoTree.data, codecs.luo.name, 'the LUO blob');
  if (v1 && luoSize === 0n) return finish();
  const luoPa = luoTree.data;
  let luo: { compatible: string; liveupdate_num: bigint; sessions_pa: bigint; flbs_pa: bigint } | undefined;
  /** The containers of the sessions and files lists: the version's, or the current kernel's block chains. */
  let lists: LuoListDescriptors = { sessions: layout.blocks, files: layout.blocks, sessionFiles: layout.sessionFiles };
  let sessionHeader: StructCodec<{ count: bigint }> | undefined;
  if (codecs.eras) {
    // Every version: the blob's first bytes say which (a sub-FDT's compatible, or luo_ser.compatible); readLuoRoot cites each version's luo_early_startup.
    const eras = codecs.eras;
    // A luo_ser is read within its page; a sub-FDT whole, by the totalsize its header stores (as libfdt bounds the FDT era's reads).
    const bytes = step(luoNode, { struct: 'luo blob', pa: luoPa }, () => luoBlobBytes(mem, luoPa, luoSize));
    const r = bytes && step(luoNode, { struct: codecs.luo.name, pa: luoPa }, (o) => readLuoRoot(mem, luoPa, bytes, eras, o));
    if (!r) return finish();
    if (r.luoSerPa !== undefined && r.luoSerPa !== luoPa) needPreserved(luoNode, r.luoSerPa, r.era.root.kind === 'luo_ser' || r.era.root.kind === 'fdt_header' ? r.era.root.luo.name : codecs.luo.name, 'luo_ser');
    luoNode.version = r.era.id;
    luo = { compatible: r.compatible, liveupdate_num: r.liveupdateNum, sessions_pa: r.sessionsPa, flbs_pa: r.flbsPa };
    lists = r.era.lists;
    sessionHeader = r.era.sessionHeader;
  } else {
    if (luoTree.size < BigInt(codecs.luo.size)) {
      luoNode.errors.push({ code: 'refused', struct: codecs.luo.name, field: null, offset: 0, pa: luoPa, message: `${codecs.luo.name} at physical address ${formatAddress(luoPa)}: the LUO blob is ${luoTree.size} bytes, smaller than ${codecs.luo.name} (${codecs.luo.size}); the kernel refuses it`, kernel: null });
      return finish();
    }
    luo = step(luoNode, { struct: codecs.luo.name, pa: luoPa }, (o) => mem.decode(codecs.luo, luoPa, o));
    if (!luo) return finish();
  }
  luoNode.compatible = luo.compatible;
  luoNode.liveupdate_num = luo.liveupdate_num;
  luoNode.sessions_pa = luo.sessions_pa;
  luoNode.flbs_pa = luo.flbs_pa;
  if (!codecs.eras && luo.compatible !== codecs.luoCompatible) {
    luoNode.errors.push({ code: 'refused', struct: codecs.luo.name, field: 'compatible', offset: 0, pa: luoPa, message: `${codecs.luo.name}.compatible at physical address ${formatAddress(luoPa)}: '${luo.compatible}', not '${codecs.luoCompatible}'; the kernel refuses the LUO state, and this reader knows no other layout of it`, kernel: null });
    return finish();
  }
  const flbsPa = luo.flbs_pa;
  const sessionsPa = luo.sessions_pa;

  // The FLB page, then each FLB with a schema decoded by its handler.
  const flbHandlers = handlerIndex(codecs.flbs, (h) => h.name);
  if (flbsPa !== 0n) {
    needPreserved(luoNode, flbsPa, codecs.flbHeader.name, 'the FLB page');
    const page = forPageSize(layout.flbPage, ps);
    const restored = step(luoNode, { struct: codecs.flbHeader.name, pa: flbsPa }, (o) => readLuoFlbs(mem, layout.flbPage, flbsPa, { header: codecs.flbHeader, entry: codecs.flb }, o));
    if (restored?.header) luoNode.flb_page = { pgcnt: restored.header.pgcnt, count: restored.header.count };
    restored?.entries.forEach((e, i) => {
      const h = flbHandlers.get(e.name);
      const flb: InspectFlb = { pa: flbsPa + BigInt(codecs.flbHeader.size + i * page.entry.size), name: e.name, count: e.count, data: e.data, handler: h !== undefined, state: null, ...issues() };
      luoNode.flbs.push(flb);
      if (!h || e.data === 0n) return;
      needPreserved(flb, e.data, h.state.name, `FLB '${e.name}'`);
      flb.state = step(flb, { struct: h.state.name, pa: e.data }, (o) => mem.decode(h.state, e.data, o) as Fields) ?? null;
    });
  }

  // Sessions: the list restored whole (nothing is found without it), then each session and its files on their own.
  if (sessionsPa !== 0n) {
    const edge = forPageSize(lists.sessionFiles, ps);
    const arrays = lists.sessions.kind === 'page_array' || lists.files.kind === 'page_array';
    const maxVisits = pagesInImage(mem.pageCount);
    const visitedBlocks = new PfnSet();
    let visits = 0;
    const sharedWarnings: ReadWarning[] = [];
    const shared = new AnomalyTally({ warnings: sharedWarnings, ...(strict ? { strict } : {}) }, 'luo-shared-block', `${KERNEL.blockRestore}; the second kho_restore_free of the block warns`);
    /** A block chain restored (kho_block_restore, each block counted against the image's pages, a block in two chains a warning). */
    const restore = (c: BlockChainDescriptor, head: bigint, entrySize: number, o: ReadOptions): Runs => {
      const header = forPageSize(c, ps).header;
      const blocks = restoreBlockChain(mem, c, head, entrySize, o);
      visits += blocks.views.length;
      if (visits > maxVisits) throw new ReaderLimitError({ struct: header.name, offset: 0, address: head }, 'maxBlockVisits', maxVisits, 'blocks read over all chains (a block in two chains counts twice)');
      for (const pa of blocks.addresses) if (!visitedBlocks.add(Number(pa))) shared.note({ struct: header.name, offset: 0, address: pa }, 'the block is also in another chain; the kernel reads it again');
      return { total: blocks.total, runs: blocks.addresses.map((base, b) => ({ base, first: header.size, count: blocks.counts[b]!, view: blocks.views[b]! })) };
    };
    /**
     * An array of the contiguous era (luo-arrays.ts): its count in its
     * header, or the one the pointing struct stores. Neither kernel bounds
     * it by the pages it preserved (ARRAY_KERNEL); a count past them is
     * refused here as a limit, as luoListEntries refuses it.
     */
    const array = (c: PageArrayDescriptor, pa: bigint, header: StructCodec<{ count: bigint }> | undefined, counted: { count: bigint; at: Location } | undefined, what: string, o: ReadOptions): Runs => {
      const p = forPageSize(c, ps);
      const bytes = p.pages * ps;
      let count: bigint;
      let at: Location;
      let first = 0;
      if (p.header && p.count) {
        if (!header) throw new TypeError(`${p.name}: reading its header needs the codec of ${p.header.name}`);
        count = mem.decode(header, pa, o).count;
        at = { struct: p.header.name, field: p.count.name, offset: p.count.offset, address: pa + BigInt(p.count.offset) };
        first = p.header.size;
      } else {
        if (!counted) throw new TypeError(`${p.name}: an array without a header needs the count the pointing struct stores`);
        ({ count, at } = counted);
      }
      const capacity = Math.floor((bytes - first) / p.entry.size);
      if (count > BigInt(capacity)) throw new ReaderLimitError(at, p.name, capacity, `${what}: count ${count} is more entries than the ${p.pages} preserved page(s) hold; the kernel does not check it and reads past them`);
      return { total: Number(count), runs: [{ base: pa, first, count: Number(count) }] };
    };
    /** The list at `pa` in container `c`; an array's page must be preserved (kho_restore_pages in that era's luo_session_setup_incoming). */
    const listAt = (node: InspectIssues, c: LuoListContainer, pa: bigint, codec: StructCodec<unknown>, header: StructCodec<{ count: bigint }> | undefined, counted: { count: bigint; at: Location } | undefined, what: string): Runs | undefined => {
      if (c.kind === 'block_chain') return step(node, { struct: forPageSize(c, ps).header.name, pa }, (o) => restore(c, pa, codec.size, o));
      const struct = forPageSize(c, ps).header?.name ?? codec.name;
      needPreserved(node, pa, struct, struct);
      return step(node, { struct, pa }, (o) => array(c, pa, header, counted, what, o));
    };
    /** Each entry of the runs decoded on its own: a bad entry is a node with an error, the others are read. */
    const entries = <T>(list: Runs, codec: StructCodec<T>, each: (pa: bigint, decode: (o: ReadOptions) => T) => void): void => {
      for (const run of list.runs) {
        for (let i = 0; i < run.count; i++) {
          const offset = run.first + i * codec.size;
          const at = run.base + BigInt(offset);
          each(at, (o) => {
            const before = o.warnings?.length ?? 0;
            try {
              const v = run.view ? codec.decode(run.view, offset, o) : mem.decode(codec, at, o);
              locateWarnings(o.warnings, before, run.view ? run.base : at);
              return v;
            } catch (e) {
              if (e instanceof DecodeError && (run.view || e.address === undefined)) throw atAddress(e, run.view ? run.base : at);
              throw e;
            }
          });
        }
      }
    };
    const sessionBlocks = listAt(luoNode, lists.sessions, sessionsPa, codecs.session, sessionHeader, undefined, 'the session list');
    head(sessionBlocks?.total ?? 0);
    const rules = new SessionRules(edge, codecs.file.name);
    const refused = (node: InspectIssues, e: DecodeError | undefined): void => void (e && node.errors.push(errorIssue(e, { struct: e.struct })!));
    const fileHandlers = handlerIndex(codecs.files, (h) => h.compatible);
    /** A session's own members and checks, and its files chain restored (undefined: no files to walk). */
    const sessionFiles = (node: InspectSession, pa: bigint, decode: (o: ReadOptions) => unknown): Runs | undefined => {
      const s = step(node, { struct: codecs.session.name, pa }, decode) as LuoSessionSerRecord | undefined;
      if (!s) return undefined;
      node.name = s.name;
      node.files_pa = s.file_set_ser.files;
      node.count = s.file_set_ser.count;
      refused(node, rules.duplicateName(s.name, pa));
      if (s.file_set_ser.files === 0n) {
        step(node, { struct: codecs.session.name, pa }, (o) => rules.countWithoutFiles(o, s.name, s.file_set_ser.count, pa, arrays ? ARRAY_KERNEL.files : KERNEL.fileDeserialize));
        return undefined;
      }
      const fileBlocks = listAt(node, lists.files, s.file_set_ser.files, codecs.file, undefined, { count: s.file_set_ser.count, at: rules.countAt(pa) }, `session '${s.name}'`);
      if (!fileBlocks) return undefined;
      // An array is as long as the count says; a chain says how many it holds, and the block era's kernel wants the two to agree.
      if (lists.files.kind === 'block_chain') refused(node, rules.countMismatch(s.name, s.file_set_ser.count, fileBlocks.total, pa));
      return fileBlocks;
    };
    /** A file's members, its handler's state and entries, and their checks. */
    const fileNode = (sessionName: string, file: InspectFile, decodeFile: (o: ReadOptions) => unknown): void => {
      const filePa = file.pa;
      const f = step(file, { struct: codecs.file.name, pa: filePa }, decodeFile) as LuoFileSerRecord | undefined;
      if (!f) return;
      file.token = f.token;
      file.compatible = f.compatible;
      file.data = f.data;
      const h = fileHandlers.get(f.compatible);
      if (!h) {
        step(file, { struct: codecs.file.name, pa: filePa }, (o) =>
          acceptedAnomaly(o, 'luo-no-handler', new DecodeError({ struct: codecs.file.name, field: 'compatible', offset: 0, address: filePa }, `session '${sessionName}', file ${f.token}: kho-abi has no schema for handler '${f.compatible}', so its data is shown as stored; a next kernel without that handler refuses the file (-ENOENT)`), KERNEL.fileHandler),
        );
        return;
      }
      file.handler = true;
      needPreserved(file, f.data, h.state.name, h.state.name);
      const value = step(file, { struct: h.state.name, pa: f.data }, (o) => mem.decode(h.state, f.data, o) as Fields);
      if (!value) return;
      file.state = value;
      const e = h.entries;
      if (!e) return;
      const got = step(file, { struct: e.codec.name, pa: f.data }, (o) => restoreFileEntries(mem, layout.vmalloc, e, value, f.data, h.state.name, o, map));
      if (!got) return;
      file.entries = got.folios as unknown as Fields[];
      file.holes = got.holes;
    };
    /** Each file of a session, handed to the sink as it is read. */
    const walkFiles = (node: InspectSession, fileBlocks: Runs): void => {
      entries(fileBlocks, codecs.file, (filePa, decodeFile) => {
        const file: InspectFile = { pa: filePa, token: null, compatible: null, data: null, handler: false, state: null, entries: null, holes: null, ...issues() };
        fileNode(node.name!, file, decodeFile);
        c.files++;
        c.entries += file.entries?.length ?? 0;
        tally(file);
        sink.file(file, node);
      });
    };
    if (sessionBlocks) {
      entries(sessionBlocks, codecs.session, (pa, decode) => {
        const node: InspectSession = { pa, name: null, files_pa: null, count: null, files: [], ...issues() };
        const fileBlocks = sessionFiles(node, pa, decode);
        c.sessions++;
        tally(node);
        sink.session(node, fileBlocks?.total ?? 0);
        if (fileBlocks) walkFiles(node, fileBlocks);
        sink.sessionEnd(node);
      });
    }
    // The shared-block anomaly is one warning for the whole walk; with strict it was refused at once, on the session that met it.
    if (!strict) shared.flush();
    luoNode.warnings.push(...sharedWarnings.map(warningIssue));
  }
  return finish();
}

/** memblock's regions on its blob: the sub-FDT read whole (at most MAX_FDT_BYTES), each child the kernel would not revive an error. */
function inspectMemblock(mem: PhysMem, blob: InspectBlob, desc: FdtNodesDescriptor, step: <T>(node: InspectIssues, ctx: Context, fn: (opts: ReadOptions) => T) => T | undefined): void {
  const name = desc.name;
  const read = step(blob, { struct: name, pa: blob.pa }, (o) => {
    if (blob.size > BigInt(MAX_FDT_BYTES)) throw new ReaderLimitError({ struct: name, offset: 0, address: blob.pa }, 'MAX_FDT_BYTES', MAX_FDT_BYTES, 'bytes of the memblock FDT');
    return readFdtNodes(desc, mem.read(blob.pa, Number(blob.size), name), o);
  });
  if (!read) return;
  blob.regions = read.items.map((r) => ({ name: r.name, start: r.start ?? 0n, size: r.size ?? 0n }));
  for (const f of read.failed) blob.errors.push({ code: 'refused', struct: name, field: f.field ?? null, offset: 0, pa: blob.pa, message: `${f.reason}; the kernel does not revive that region (${f.kernel})`, kernel: null });
}

const addr = (pa: bigint | null): string => (pa === null ? '?' : formatAddress(pa));
const str = (s: string | null): string => (s === null ? '?' : quoteTreeString(s));
const num = (n: bigint | number | null): string => (n === null ? '?' : String(n));

function* issueLines(node: InspectIssues, indent: string): Generator<string> {
  for (const e of node.errors) yield `${indent}error: ${escapeText(e.message, 2000)}`;
  for (const w of node.warnings) yield `${indent}warning: ${escapeText(w.kernel ? `${w.message}; the kernel accepts this (${w.kernel})` : w.message, 2000)}`;
}

/**
 * The report for people, line by line: one node a line, two spaces of
 * indent a level, its errors and warnings indented under it, a summary last.
 *
 *   image: error: ...
 *   kho compatible="kho-v4" memory_map=0x... preserved_blocks=N
 *     blob name="NAME" pa=0x... size=N pages=N [bytes=HEX]
 *       region name="NAME" start=0x... size=N          (memblock's blob)
 *     luo pa=0x... size=N compatible="luo-v5" version=luo-v5 liveupdate_num=N sessions=N flbs=N
 *       session name="NAME" pa=0x... files=N count=N
 *         file token=N compatible="memfd-v2" pa=0x... data=0x... MEMBERS entries=N holes=N
 *           entry MEMBERS
 *         file token=N compatible="OTHER" pa=0x... data=0x... no-handler
 *       flb name="NAME" count=N pa=0x... data=0x... [MEMBERS]
 *   summary status=errors sessions=N files=N entries=N flbs=N errors=N warnings=N
 */
export function* inspectTextLines(report: InspectReport): Generator<string, void, undefined> {
  const sessions = report.luo?.sessions ?? [];
  yield* inspectHeadLines(report, sessions.length, report.luo ?? issues());
  for (const s of sessions) {
    yield* inspectSessionLines(s, s.files.length);
    for (const f of s.files) yield* inspectFileLines(f);
  }
  yield* inspectEndLines(report);
}

/**
 * The lines above the first session: the image's problems, kho and its
 * blobs, the luo line and `luoIssues` under it (the LUO node's errors and
 * warnings, which a walk completes only at its end: a printer that streams
 * takes them from an earlier walk).
 */
export function* inspectHeadLines(report: InspectReport, sessions: number, luoIssues: InspectIssues): Generator<string, void, undefined> {
  for (const l of issueLines(report.image, '')) yield `image ${l}`;
  const k = report.kho;
  const compat = k.compatibles.length > 1 ? ` compatibles=${k.compatibles.map(quoteTreeString).join(',')}` : '';
  yield `kho compatible=${k.compatible_bytes !== null ? quoteTreeBytes(fromHex(k.compatible_bytes)) : str(k.compatible)}${compat} memory_map=${addr(k.memory_map)} preserved_blocks=${num(k.preserved_blocks)}`;
  yield* issueLines(k, '  ');
  for (const b of k.blobs) {
    yield `  blob name=${b.name_bytes !== null ? quoteTreeBytes(fromHex(b.name_bytes)) : quoteTreeString(b.name)} pa=${addr(b.pa)} size=${b.size} pages=${b.pages}${b.bytes !== null ? ` bytes=${b.bytes}` : ''}`;
    yield* issueLines(b, '    ');
    for (const r of b.regions ?? []) yield `    region name=${quoteTreeString(r.name)} start=${addr(r.start)} size=${r.size}`;
  }
  const luo = report.luo;
  if (luo) {
    yield `  luo pa=${addr(luo.pa)} size=${luo.size} compatible=${str(luo.compatible)} version=${luo.version ?? '?'} liveupdate_num=${num(luo.liveupdate_num)} sessions=${sessions} flbs=${luo.flbs.length}`;
    yield* issueLines(luoIssues, '    ');
  }
}

/** A session's line and its issues; `files` of its files follow. */
export function* inspectSessionLines(s: InspectSession, files: number): Generator<string, void, undefined> {
  yield `    session name=${str(s.name)} pa=${addr(s.pa)} files=${files} count=${num(s.count)}`;
  yield* issueLines(s, '      ');
}

/** A file's line, its issues and its entries. */
export function* inspectFileLines(f: InspectFile): Generator<string, void, undefined> {
  const head = `      file token=${num(f.token)} compatible=${str(f.compatible)} pa=${addr(f.pa)} data=${addr(f.data)}`;
  if (f.compatible !== null && !f.handler) yield `${head} no-handler`;
  else yield `${head}${f.state ? treeMembers(f.state) : ''}${f.entries ? ` entries=${f.entries.length} holes=${f.holes ?? 0}` : ''}`;
  yield* issueLines(f, '        ');
  for (const e of f.entries ?? []) yield `        entry${treeMembers(e)}`;
}

/** The FLBs (after the sessions) and the summary line. */
export function* inspectEndLines(report: InspectReport): Generator<string, void, undefined> {
  for (const f of report.luo?.flbs ?? []) {
    yield `    flb name=${quoteTreeString(f.name)} count=${f.count} pa=${addr(f.pa)} data=${addr(f.data)}${f.state ? treeMembers(f.state) : ''}`;
    yield* issueLines(f, '      ');
  }
  const c = report.counts;
  yield `summary status=${report.status} sessions=${c.sessions} files=${c.files} entries=${c.entries} flbs=${c.flbs} errors=${c.errors} warnings=${c.warnings}`;
}
