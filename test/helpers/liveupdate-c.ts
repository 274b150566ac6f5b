/**
 * Builds test/c/liveupdate-reader.c with gcc against the generated headers
 * and the kernel-type shim (-Wall -Wextra -Werror, as every reader of
 * test/c is built: helpers/c-reader.ts), and runs it on an image file,
 * streaming its output into a hash or a string. Also what the tests of
 * both readers share: the random live-update states (stateArb), the
 * overwrites that corrupt an image (corruptionArb, corrupt), and the
 * TypeScript reader's warnings and refusal kinds as the C reader prints
 * them (tsWarnings, cWarnings, refusalKind).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { PhysMem, ReadWarning } from '../../runtime/index.js';
import type { FileState, FlbState, LiveUpdateState, SessionState } from '../../runtime/liveupdate/index.js';
import { buildCReader, cReaderSource, cReport, tsWarningLine } from './c-reader.js';

export const LIVEUPDATE_READER_SOURCE = cReaderSource('liveupdate-reader');

/** Compiles the reader into `exe` for 4 KiB pages. */
export async function buildLiveUpdateReader(exe: string): Promise<void> {
  await buildCReader('liveupdate-reader', exe);
}

export interface ReaderRun {
  readonly code: number | null;
  /** sha256 of stdout, and its number of lines. */
  readonly sha256: string;
  readonly lines: number;
  /** stdout, when asked to keep it. */
  readonly stdout?: string;
  readonly stderr: string;
}

/** Runs the reader on `image`; stdout is hashed as it arrives (and kept when `keep`). */
export function runLiveUpdateReader(exe: string, image: string, keep = false): Promise<ReaderRun> {
  return new Promise((resolve, reject) => {
    // As runCReader: a reader that loops on a fuzzed image is a failure, not a hung test run.
    const child = spawn(exe, [image], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, killSignal: 'SIGKILL' });
    const hash = createHash('sha256');
    let lines = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      hash.update(b);
      for (const c of b) if (c === 10) lines++;
      if (keep) stdout += b.toString('latin1');
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, sha256: hash.digest('hex'), lines, ...(keep ? { stdout } : {}), stderr }));
  });
}

/** sha256 and line count of tree lines, each followed by a newline, without holding them. */
export function hashLines(lines: Iterable<string>): { sha256: string; lines: number } {
  const hash = createHash('sha256');
  let n = 0;
  for (const l of lines) {
    hash.update(l + '\n');
    n++;
  }
  return { sha256: hash.digest('hex'), lines: n };
}

const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const printable = (min: number, max: number) => fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: min, maxLength: max }).map((c) => String.fromCharCode(...c));
export const FOLIO_BASE = 1 << 24;

/** memfd's index is a number up to 2^51 - 1 (as_number in schemas/memfd.yaml), unique; pfns are made unique over the whole state afterwards. */
const memfdIndexes = fc.uniqueArray(fc.bigInt({ min: 0n, max: 2n ** 51n - 1n }).map(Number), { maxLength: 5 });
const memfd = fc.record({ pos: u64, size: u64, seals: fc.integer({ min: 0, max: 63 }), idx: memfdIndexes, flags: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }) });
/**
 * hugemfd as its kernel writes it: an order some hstate can have (below 64 - PAGE_SHIFT), a size
 * that is not 0 (a file of size 0 restores no folio), indexes in distinct huge pages (the page
 * cache takes index >> order; the bits below are whatever they are).
 */
const hugemfd = fc.integer({ min: 0, max: 51 }).chain((order) =>
  fc.record({
    pos: u64,
    size: fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
    order: fc.constant(order),
    idx: fc.uniqueArray(fc.bigInt({ min: 0n, max: 2n ** BigInt(64 - order) - 1n }), { maxLength: 5 }).chain((pages) =>
      fc.tuple(...pages.map((page) => fc.bigInt({ min: 0n, max: 2n ** BigInt(order) - 1n }).map((low) => (page << BigInt(order)) | low))),
    ),
  }),
);
const fileArb = fc.record({
  token: u64,
  kind: fc.oneof(
    memfd.map((m) => ({ memfd: m })),
    hugemfd.map((h) => ({ hugemfd: h })),
    fc.record({ compatible: printable(1, 47).filter((s) => s !== 'memfd-v2' && s !== 'huge-memfd-v1'), data: u64 }),
  ),
});
const flbArb = fc.oneof(
  fc.record({ count: u64, hstates: fc.array(fc.record({ nr_pages: u64, order: fc.integer({ min: 0, max: 255 }) }), { minLength: 4, maxLength: 4 }), nr: fc.integer({ min: 0, max: 255 }) }).map((h) => ({ name: 'hugetlb-v1', count: h.count, state: { hstates: h.hstates, nr_hstates: h.nr } }) as FlbState),
  fc.record({ name: printable(1, 47).filter((s) => s !== 'hugetlb-v1'), count: u64, data: u64 }) as fc.Arbitrary<FlbState>,
);
export const stateArb: fc.Arbitrary<LiveUpdateState> = fc
  .record({
    num: u64,
    sessions: fc.uniqueArray(fc.record({ name: printable(1, 63), files: fc.array(fileArb, { maxLength: 4 }) }), { selector: (s) => s.name, maxLength: 5 }),
    flbs: fc.uniqueArray(flbArb, { selector: (f) => f.name, maxLength: 4 }),
    blobs: fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((n) => n !== 'LUO'), bytes: fc.uint8Array({ maxLength: 24 }) }), { selector: (b) => b.name, maxLength: 2 }),
  })
  .map(({ num, sessions, flbs, blobs }) => {
    let pfn = FOLIO_BASE;
    const files = (f: { token: bigint; kind: Record<string, unknown> }): FileState => {
      const k = f.kind as { memfd?: { pos: bigint; size: bigint; seals: number; idx: bigint[]; flags: number[] }; hugemfd?: { pos: bigint; size: bigint; order: number; idx: bigint[] }; compatible?: string; data?: bigint };
      if (k.memfd) {
        const m = k.memfd;
        return { compatible: 'memfd-v2', token: f.token, state: { fields: { pos: m.pos, size: m.size, seals: m.seals, flags: 0 }, entries: m.idx.map((index, i) => ({ pfn: pfn++, flags: m.flags[i]!, index })) } };
      }
      if (k.hugemfd) {
        const h = k.hugemfd;
        return { compatible: 'huge-memfd-v1', token: f.token, state: { fields: { pos: h.pos, size: h.size, order: h.order }, entries: h.idx.map((index) => ({ pfn: pfn++, reserved: 0, index })) } };
      }
      return { compatible: k.compatible!, token: f.token, data: k.data! };
    };
    const s: SessionState[] = sessions.map((x) => ({ name: x.name, files: x.files.map(files) }));
    return { kho: { compatible: 'kho-v4', ...(blobs.length ? { blobs } : {}) }, luo: { compatible: 'luo-v5', liveupdateNum: num, sessions: s, flbs } };
  });

/**
 * The TypeScript reader's warnings as test/c/liveupdate-reader.c prints
 * them, cut after their location; a warning the runtime gives without an
 * address (luo-no-handler) is compared without one.
 */
export const tsWarnings = (ws: readonly ReadWarning[]): string[] => ws.map((w) => (w.address === undefined ? `warning[${w.code}]: ${w.struct}.${w.field}` : tsWarningLine(w)));
export const cWarnings = (stderr: string, like: readonly string[]): string[] =>
  cReport(stderr)
    .filter((l) => l.startsWith('warning'))
    .map((l, i) => (like[i] !== undefined && !like[i]!.includes(' at physical address ') ? l.replace(/ at physical address 0x[0-9a-f]+$/, '') : l));
/** The kinds of refusal the C reader names for the checks it shares with the TypeScript reader. */
export const refusalKind = (reason: string): string => (/already restored/.test(reason) ? 'session-twice' : /restores page 0x[0-9a-f]+ a second time/.test(reason) ? 'page-twice' : /a second time/.test(reason) ? 'folio-pfn-twice' : /taken by entry|folio of .* already is/.test(reason) ? 'folio-index-twice' : /maxBlockVisits/.test(reason) ? 'limit'
  : /loops back/.test(reason) ? 'chain-loop'
  : /is outside 1\.\./.test(reason) ? 'block-count'
  : /\(the [\w ]+ limit\)$/.test(reason) ? 'limit'
  : /not in the memory map|not the head of a block in the (preserved )?memory map|the memory map does not preserve/.test(reason) ? 'not-preserved'
  : 'refused');


/** One overwrite: where (a page the writer filled, or the KHO root FDT), at which byte, with what. */
export const corruptionArb = fc.record({
  where: fc.constantFrom('page', 'page', 'page', 'page', 'page', 'fdt'),
  which: fc.nat(),
  // Structures start at page starts: headers and first entries are in the first bytes.
  offset: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.integer({ min: 0, max: 4095 })),
  what: fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 8 }),
    fc.constantFrom(0n, 1n, 2n ** 64n - 1n, 0x1000n, 0xffn),
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    // The address of a page the image holds (a pointer to another structure: loops, shared blocks), or one bit flipped.
    fc.record({ page: fc.nat(), plus: fc.constantFrom(0, 0, 8, 16, 80, 4096) }),
    fc.record({ bit: fc.integer({ min: 0, max: 7 }) }),
  ),
});
export type Corruption = typeof corruptionArb extends fc.Arbitrary<infer T> ? T : never;

/** Applies the overwrites to the image's memory and to a copy of its FDT (returned). */
export function corrupt(mem: PhysMem, fdtIn: Uint8Array, cuts: readonly Corruption[], pageSize = 4096): Uint8Array {
  const fdt = Uint8Array.from(fdtIn);
  const pfns = mem.presentPfns();
  const le64 = (v: bigint): Uint8Array => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, v, true);
    return b;
  };
  for (const c of cuts) {
    const w = c.what;
    const fdtAt = c.which % fdt.length;
    const pa = pfns[c.which % pfns.length]! * BigInt(pageSize);
    let bytes: Uint8Array;
    if (typeof w === 'bigint') bytes = le64(w);
    else if (w instanceof Uint8Array) bytes = w;
    else if ('page' in w) bytes = le64(pfns[w.page % pfns.length]! * BigInt(pageSize) + BigInt(w.plus));
    else bytes = Uint8Array.of((c.where === 'fdt' ? fdt[fdtAt]! : mem.read(pa + BigInt(c.offset % pageSize), 1)[0]!) ^ (1 << w.bit));
    if (c.where === 'fdt') fdt.set(bytes.subarray(0, Math.min(bytes.length, fdt.length - fdtAt)), fdtAt);
    else mem.write(pa + BigInt(Math.min(c.offset % pageSize, pageSize - bytes.length)), bytes);
  }
  return fdt;
}
