/**
 * LUO sessions and files in the versions that kept them in contiguous pages
 * (kernel-abi.md section 5, luo-v1 to luo-v4). Up to luo-v3 the sessions
 * are one page array, a luo_session_header_ser {count} and then the
 * luo_session_ser entries, in LUO_SESSION_PGCNT pages; luo-v4 moved them
 * into a kho_block chain. Up to luo-v4 the files of a session are a page
 * array without a header, LUO_FILE_PGCNT pages of luo_file_ser, as many as
 * luo_file_set_ser.count says. Which container each list is in comes from
 * the version's descriptors (the generated `*_REFS_BY_VERSION` and
 * `*_CONTAINER`); luo-v5, blocks for both, is luo-sessions.ts.
 *
 * The reader follows the luo_session_deserialize and luo_file_deserialize
 * of those versions: the sessions in array order, a name seen before
 * refused (-EEXIST, luo_session_insert), a session without a files array
 * but with a count accepted with the kernel's WARN_ON, each file matched to
 * a handler when the caller names them (-ENOENT). Neither kernel bounds a
 * stored count by the pages it preserved: a count larger than the pages
 * hold makes it read past them. This reader refuses that instead, with a
 * typed ReaderLimitError naming the count member.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError, type Location } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { forPageSize, type BlockChainDescriptor, type PageArrayDescriptor, type RefEdge } from './descriptors.js';
import { restoreBlockChain } from './kho-block.js';
import { atAddress, KERNEL, locateWarnings, ReaderLimitError } from './limits.js';
import { restoreSessions, type LuoFileRecord, type LuoSessionRecord, type LuoSessionsOptions, type RestoredSession } from './luo-sessions.js';

/** The functions of the contiguous era that read (and do not bound) these arrays. */
export const ARRAY_KERNEL = {
  sessions: 'luo_session_deserialize over the session array (kernel/liveupdate/luo_session.c, luo-v1 to luo-v3)',
  files: 'luo_file_deserialize over the file array (kernel/liveupdate/luo_file.c, luo-v1 to luo-v4)',
} as const;

/** A list of entries: a kho_block chain, or contiguous pages (with a header, or counted by the pointing struct). */
export type LuoListContainer = BlockChainDescriptor | PageArrayDescriptor;

/** The containers of one version, and luo_session_ser's edge to its files (count member included). */
export interface LuoListDescriptors {
  readonly sessions: LuoListContainer;
  readonly files: LuoListContainer;
  readonly sessionFiles: RefEdge;
}

export interface LuoListCodecs<S extends LuoSessionRecord, F extends LuoFileRecord> {
  readonly session: StructCodec<S>;
  readonly file: StructCodec<F>;
  /** luo_session_header_ser, for a session array with a header. */
  readonly sessionHeader?: StructCodec<{ count: bigint }>;
}

export interface LuoListOptions extends LuoSessionsOptions {
  /** Called with the address of every array the walk reads, before it reads it (the caller checks the memory map). */
  readonly onArray?: (pa: bigint, struct: string) => void;
}

/** Decodes `n` entries back to back from `pa`, errors and warnings at their addresses. */
function decodeRun<T>(mem: PhysMem, pa: bigint, n: number, codec: StructCodec<T>, options: LuoListOptions, out: { value: T; pa: bigint }[]): void {
  const opts = options.strict || options.warnings ? options : undefined;
  for (let i = 0; i < n; i++) {
    const at = pa + BigInt(i * codec.size);
    const before = options.warnings?.length ?? 0;
    let value: T;
    try {
      value = mem.decode(codec, at, opts);
    } catch (e) {
      if (e instanceof DecodeError && e.address === undefined) throw atAddress(e, at);
      throw e;
    }
    locateWarnings(options.warnings, before, at);
    out.push({ value, pa: at });
  }
}

/**
 * The entries of one list at `pa` (not 0). `counted` is the count the
 * pointing struct stores and where, for an array without a header.
 */
function readList<T>(mem: PhysMem, c: LuoListContainer, pa: bigint, codec: StructCodec<T>, header: StructCodec<{ count: bigint }> | undefined, counted: { count: bigint; at: Location } | undefined, what: string, options: LuoListOptions): { value: T; pa: bigint }[] {
  const out: { value: T; pa: bigint }[] = [];
  if (c.kind === 'block_chain') {
    const blocks = restoreBlockChain(mem, c, pa, codec.size, options);
    const first = forPageSize(c, mem.pageSize).header.size;
    blocks.addresses.forEach((base, b) => decodeRun(mem, base + BigInt(first), blocks.counts[b]!, codec, options, out));
    return out;
  }
  const p = forPageSize(c, mem.pageSize);
  options.onArray?.(pa, p.header?.name ?? p.entry.name);
  const bytes = p.pages * mem.pageSize;
  let count: bigint;
  let at: Location;
  let start = pa;
  let capacity: number;
  if (p.header && p.count) {
    if (!header) throw new TypeError(`${p.name}: reading its header needs the codec of ${p.header.name}`);
    count = mem.decode(header, pa, options).count;
    at = { struct: p.header.name, field: p.count.name, offset: p.count.offset, address: pa + BigInt(p.count.offset) };
    start = pa + BigInt(p.header.size);
    capacity = Math.floor((bytes - p.header.size) / p.entry.size);
  } else {
    if (!counted) throw new TypeError(`${p.name}: an array without a header needs the count the pointing struct stores`);
    ({ count, at } = counted);
    capacity = Math.floor(bytes / p.entry.size);
  }
  if (count > BigInt(capacity)) {
    throw new ReaderLimitError(at, p.name, capacity, `${what}: count ${count} is more entries than the ${p.pages} preserved page(s) hold; the kernel does not check it and reads past them`);
  }
  decodeRun(mem, start, Number(count), codec, options, out);
  return out;
}

/**
 * Every session at `sessionsPa` (0: none) with its files, restored as the
 * kernel of the version the descriptors describe restores them, one at a
 * time; throws DecodeError for the first thing that kernel refuses.
 */
export function* luoListEntries<S extends LuoSessionRecord, F extends LuoFileRecord>(mem: PhysMem, desc: LuoListDescriptors, sessionsPa: bigint, codecs: LuoListCodecs<S, F>, options: LuoListOptions = {}): Generator<RestoredSession<S, F>, void, undefined> {
  const edge = forPageSize(desc.sessionFiles, mem.pageSize);
  const sessions = sessionsPa === 0n ? [] : readList(mem, desc.sessions, sessionsPa, codecs.session, codecs.sessionHeader, undefined, 'the session list', options);
  const arrays = desc.sessions.kind === 'page_array' || desc.files.kind === 'page_array';
  yield* restoreSessions(
    sessions,
    edge,
    codecs.file,
    {
      read: (head, count, at, session) => readList(mem, desc.files, head, codecs.file, undefined, { count, at }, `session '${session}'`, options),
      // A chain of files says how many it holds (the block era's luo_file_deserialize); an array is read by the count.
      counted: desc.files.kind === 'block_chain',
      kernel: arrays ? ARRAY_KERNEL.files : KERNEL.fileDeserialize,
    },
    options,
  );
}
