/**
 * LUO sessions and their files as the next kernel restores them
 * (kernel-abi.md section 5, luo-v5): luo_ser.sessions_pa heads a kho_block
 * chain of luo_session_ser; each session's file_set_ser heads a chain of
 * luo_file_ser and stores their count.
 *
 * The reader follows luo_session_deserialize: the sessions chain restored
 * whole, then session by session, the name inserted (a name seen before is
 * refused, -EEXIST), the files' chain restored and each file matched to a
 * handler (none: -ENOENT, when the caller names the handlers), and the
 * number read compared with the stored count (-EINVAL). The first refusal
 * refuses everything, as the kernel's saved error does. Codecs are the
 * caller's (the runtime does not import generated code); their warnings and
 * `strict` apply to every entry.
 */
import type { StructCodec } from '../codec.js';
import { DecodeError, type Location } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { acceptedAnomaly, type ReadOptions } from '../warnings.js';
import { forPageSize, type BlockChainDescriptor, type RefEdge, type Resolved } from './descriptors.js';
import { restoreBlockChain, type BlockChainOptions, type RestoredBlocks } from './kho-block.js';
import { AnomalyTally, atAddress, KERNEL, locateWarnings, pagesInImage, PfnSet, ReaderLimitError } from './limits.js';

/** What the reader needs of a decoded luo_session_ser. */
export interface LuoSessionRecord {
  readonly name: string;
  readonly file_set_ser: { readonly files: bigint; readonly count: bigint };
}

/** What the reader needs of a decoded luo_file_ser. */
export interface LuoFileRecord {
  readonly compatible: string;
  readonly data: bigint;
  readonly token: bigint;
}

export interface LuoSessionsOptions extends BlockChainOptions {
  /**
   * The compatible strings of the file handlers the next kernel registers;
   * a file whose compatible is none of them is refused (-ENOENT), as
   * luo_file_deserialize_one does. Unset: every file is accepted.
   */
  readonly handlers?: readonly string[];
  /**
   * Most blocks read over every chain, a block reached from two chains
   * counting twice; by default the pages in memory.
   */
  readonly maxBlockVisits?: number;
}

export interface LuoSessionCodecs<S extends LuoSessionRecord, F extends LuoFileRecord> {
  readonly session: StructCodec<S>;
  readonly file: StructCodec<F>;
}

/**
 * The layouts the reader needs, from generated/ts: the block chain the
 * sessions and files are in (KHO_BLOCK_CONTAINER), and luo_session_ser's
 * edge to its files (LUO_SESSION_SER_REFS['file_set_ser.files']), whose
 * count member the stored count is read from.
 */
export interface LuoSessionsDescriptors {
  readonly blocks: BlockChainDescriptor;
  readonly files: RefEdge;
}

export interface RestoredSession<S, F> {
  readonly session: S;
  /** The files in list order. */
  readonly files: readonly F[];
}

/**
 * The entries of restored blocks, decoded one at a time as they are taken
 * (a refusal of an earlier entry comes before a later entry is decoded, as
 * in the kernel's loop), errors and warnings at their physical addresses.
 */
function* decodedEntries<T>(blocks: RestoredBlocks, first: number, codec: StructCodec<T>, options: LuoSessionsOptions): Generator<{ value: T; pa: bigint }, void, undefined> {
  const opts = options.strict || options.warnings ? options : undefined;
  for (let b = 0; b < blocks.views.length; b++) {
    const view = blocks.views[b]!;
    const base = blocks.addresses[b]!;
    const end = first + blocks.counts[b]! * codec.size;
    for (let offset = first; offset < end; offset += codec.size) {
      const before = options.warnings?.length ?? 0;
      let value: T;
      try {
        value = codec.decode(view, offset, opts);
      } catch (e) {
        if (e instanceof DecodeError) throw atAddress(e, base);
        throw e;
      }
      locateWarnings(options.warnings, before, base);
      yield { value, pa: base + BigInt(offset) };
    }
  }
}

/** How one era reads a session's files, for restoreSessions. */
export interface SessionFiles<F> {
  /** The entries of the files list at `head` (not 0), `count` the count the session stores at `countAt`. */
  read(head: bigint, count: bigint, countAt: Location, session: string): Iterable<{ readonly value: F; readonly pa: bigint }>;
  /** A chain says how many files it holds, and the stored count must agree; an array is read by the count. */
  readonly counted: boolean;
  /** The luo_file_deserialize of the era, which warns of a count without files. */
  readonly kernel: string;
}

/**
 * The rules every LUO version applies to its sessions, in list order, and
 * their files (luo_session_deserialize, luo_file_deserialize), one method a
 * rule. Each refusal comes back as the DecodeError the kernel's error
 * amounts to: restoreSessions throws the first, as the kernel stops at it;
 * inspect reports every one and walks on. One place for the rules, so the
 * two cannot drift apart.
 */
export class SessionRules {
  private readonly names = new Set<string>();
  private readonly countMember: NonNullable<Resolved<RefEdge>['count']>;

  /** `edge`: luo_session_ser's edge to its files, whose count member holds the stored count; `fileStruct` names luo_file_ser. */
  constructor(private readonly edge: Resolved<RefEdge>, private readonly fileStruct: string) {
    if (!edge.count) throw new TypeError(`${edge.struct}.${edge.member.name}: the sessions reader needs the edge's count member`);
    this.countMember = edge.count;
  }

  /** Where the count of the session at `pa` is stored. */
  countAt(pa: bigint): Location {
    return { struct: this.edge.struct, field: this.countMember.name, offset: this.countMember.offset, address: pa + BigInt(this.countMember.offset) };
  }

  /** A name restored before is refused (-EEXIST, luo_session_insert); the name counts as seen from now on. */
  duplicateName(name: string, pa: bigint): DecodeError | undefined {
    if (!this.names.has(name)) {
      this.names.add(name);
      return undefined;
    }
    return new DecodeError({ struct: this.edge.struct, field: 'name', offset: 0, address: pa }, `session '${name}' is already restored; the kernel refuses the duplicate (-EEXIST, ${KERNEL.sessionInsert})`);
  }

  /** A count without files is read on, with the kernel's WARN_ON (`kernel`: that era's luo_file_deserialize): a warning, refused in strict mode. */
  countWithoutFiles(options: ReadOptions, name: string, count: bigint, pa: bigint, kernel: string): void {
    if (count !== 0n) acceptedAnomaly(options, 'luo-files-count-without-files', new DecodeError(this.countAt(pa), `session '${name}' has no files but a count of ${count}`), `${kernel}, WARN_ON`);
  }

  /** A file no registered handler takes is refused with the session's files (-ENOENT, luo_file_deserialize_one). */
  noHandler(compatible: string, filePa: bigint): DecodeError {
    return new DecodeError({ struct: this.fileStruct, field: 'compatible', offset: 0, address: filePa }, `no handler for compatible '${compatible}'; the kernel refuses the session's files (-ENOENT, ${KERNEL.fileHandler})`);
  }

  /** A chain holding other than the stored count of files is refused (-EINVAL, luo_file_deserialize). */
  countMismatch(name: string, count: bigint, held: number, pa: bigint): DecodeError | undefined {
    if (BigInt(held) === count) return undefined;
    return new DecodeError(this.countAt(pa), `session '${name}' stores a count of ${count} but its chain holds ${held} files; the kernel refuses it (-EINVAL, ${KERNEL.fileDeserialize})`);
  }
}

/**
 * The sessions restored by SessionRules: a name seen before refused, a
 * count without files accepted with a warning, each file matched to a
 * handler when the caller names them, and in a chain the files counted
 * against the stored count. One session at a time, its files read when it
 * is reached; the first refusal is thrown.
 */
export function* restoreSessions<S extends LuoSessionRecord, F extends LuoFileRecord>(
  sessions: Iterable<{ readonly value: S; readonly pa: bigint }>,
  edge: Resolved<RefEdge>,
  fileCodec: StructCodec<F>,
  files: SessionFiles<F>,
  options: LuoSessionsOptions,
): Generator<RestoredSession<S, F>, void, undefined> {
  const rules = new SessionRules(edge, fileCodec.name);
  const handlers = options.handlers ? new Set(options.handlers) : undefined;
  for (const { value: session, pa } of sessions) {
    const duplicate = rules.duplicateName(session.name, pa);
    if (duplicate) throw duplicate;
    const { files: head, count } = session.file_set_ser;
    if (head === 0n) {
      rules.countWithoutFiles(options, session.name, count, pa, files.kernel);
      yield { session, files: [] };
      continue;
    }
    const list: F[] = [];
    for (const { value: file, pa: filePa } of files.read(head, count, rules.countAt(pa), session.name)) {
      if (handlers && !handlers.has(file.compatible)) throw rules.noHandler(file.compatible, filePa);
      list.push(file);
    }
    const mismatch = files.counted ? rules.countMismatch(session.name, count, list.length, pa) : undefined;
    if (mismatch) throw mismatch;
    yield { session, files: list };
  }
}

/**
 * Every session restored from the chain at `sessionsPa` (0: none), with its
 * files, as luo_session_deserialize restores them; throws DecodeError for
 * the first thing the kernel refuses.
 */
export function readLuoSessions<S extends LuoSessionRecord, F extends LuoFileRecord>(mem: PhysMem, desc: LuoSessionsDescriptors, sessionsPa: bigint, codecs: LuoSessionCodecs<S, F>, options: LuoSessionsOptions = {}): RestoredSession<S, F>[] {
  return [...luoSessionsEntries(mem, desc, sessionsPa, codecs, options)];
}

/**
 * The same sessions one at a time, for images too large to hold decoded:
 * the sessions chain is restored and decoded first (as the kernel does),
 * then each session's files chain is restored, checked and handed out
 * before the next session's is read. The checks are readLuoSessions'; a
 * refusal comes when the walk reaches it, after the sessions before it
 * were handed out (the kernel would have used none of them).
 */
export function* luoSessionsEntries<S extends LuoSessionRecord, F extends LuoFileRecord>(mem: PhysMem, desc: LuoSessionsDescriptors, sessionsPa: bigint, codecs: LuoSessionCodecs<S, F>, options: LuoSessionsOptions = {}): Generator<RestoredSession<S, F>, void, undefined> {
  const chain = forPageSize(desc.blocks, mem.pageSize);
  const edge = forPageSize(desc.files, mem.pageSize);
  const first = chain.header.size;
  const blockAt = (address: bigint) => ({ struct: chain.header.name, offset: 0, address });
  const maxVisits = options.maxBlockVisits ?? pagesInImage(mem.pageCount);
  const visited = new PfnSet();
  const shared = new AnomalyTally(options, 'luo-shared-block', `${KERNEL.blockRestore}; the second kho_restore_free of the block warns`);
  let visits = 0;
  /** A chain restored, its blocks counted against the visit cap and checked for blocks another chain has. */
  const restore = (head: bigint, entrySize: number): RestoredBlocks => {
    const blocks = restoreBlockChain(mem, desc.blocks, head, entrySize, options);
    visits += blocks.views.length;
    if (visits > maxVisits) throw new ReaderLimitError(blockAt(head), 'maxBlockVisits', maxVisits, 'blocks read over all chains (a block in two chains counts twice)');
    for (const pa of blocks.addresses) if (!visited.add(Number(pa))) shared.note(blockAt(pa), 'the block is also in another chain; the kernel reads it again');
    return blocks;
  };

  // The sessions chain is restored and decoded whole before any session is inserted, as the kernel does.
  const sessions = sessionsPa === 0n ? [] : [...decodedEntries(restore(sessionsPa, codecs.session.size), first, codecs.session, options)];
  yield* restoreSessions(sessions, edge, codecs.file, { read: (head) => decodedEntries(restore(head, codecs.file.size), first, codecs.file, options), counted: true, kernel: KERNEL.fileDeserialize }, options);
  shared.flush();
}
