/**
 * The KHO array (sparse_array containers; schemas/kho_array.yaml): a
 * descriptor {magic, version, first} and a chain of pages, each a header
 * {next, start} followed by a fixed number of u64 entries at positions
 * start, start + 1, ... Every size, offset, capacity, magic number and tag
 * comes from the caller's SparseArrayDescriptor (KHO_ARRAY_PAGES_CONTAINER).
 *
 * The reader restores as the posted kho_array_restore does, in its order:
 * magic and version first (-EOPNOTSUPP), then every page is claimed once
 * (a page reached twice, a loop, fails the restore as kho_restore_folio
 * fails it), and only then are entries handed out. Entries are read as the
 * posted iterator reads them (ka_iter_nextentry): it moves on to a page as
 * soon as the position reaches that page's start, so entries a later page
 * shadows, whole pages whose start is not above the position reached, and
 * a first page that does not start at 0 are never read. The reader skips
 * the same entries and reports the non-empty ones it skipped as one warning.
 */
import { DecodeError } from '../errors.js';
import type { PhysMem } from '../phys-mem.js';
import { readUnsigned, writeUnsigned } from '../primitives.js';
import type { ReadOptions } from '../warnings.js';
import { expectKind, forPageSize, U64_BYTES, type Resolved, type SparseArrayDescriptor } from './descriptors.js';
import { AnomalyTally, KERNEL, PfnSet, ReaderLimitError, pagesInImage } from './limits.js';

export interface SparseArrayOptions extends ReadOptions {
  /** Most pages one array may have; the pages memory holds by default. */
  readonly maxPages?: number;
}

/** One entry: its position, the raw u64 and what it holds. */
export interface SparseArrayEntry {
  readonly position: bigint;
  readonly raw: bigint;
  /** A value entry's number (raw >> valueShift). */
  readonly value?: bigint;
  /** An address entry's physical address. */
  readonly address?: bigint;
}

type Desc = Resolved<SparseArrayDescriptor>;

function descFor(desc: SparseArrayDescriptor, pageSize: number): Desc {
  expectKind(desc, 'sparse_array');
  const d = forPageSize(desc, pageSize);
  if (d.descriptor.first.size !== U64_BYTES || d.page.next.size !== U64_BYTES || d.page.start.size !== U64_BYTES || d.page.entries.size !== U64_BYTES) {
    throw new TypeError(`${d.name}: the sparse array walker reads 8-byte first, next, start and entries`);
  }
  return d;
}

/** The pages of an array the restore accepts, in chain order. */
export interface RestoredSparseArray {
  readonly views: readonly DataView[];
  readonly addresses: readonly bigint[];
  readonly starts: readonly bigint[];
}

/**
 * Checks the descriptor struct at `at` and the chain of pages as
 * kho_array_restore does. A first address of 0 is an empty array.
 */
export function restoreSparseArray(mem: PhysMem, desc: SparseArrayDescriptor, at: bigint, options: SparseArrayOptions = {}): RestoredSparseArray {
  const d = descFor(desc, mem.pageSize);
  const head = mem.view(at, d.descriptor.size, d.descriptor.name);
  const loc = (m: Desc['descriptor']['magic'], base: bigint, struct: string) => ({ struct, field: m.name, offset: m.offset, address: base + BigInt(m.offset) });
  const magic = readUnsigned(head, d.descriptor.magic.offset, d.descriptor.magic.size);
  if (magic !== d.magic) throw new DecodeError(loc(d.descriptor.magic, at, d.descriptor.name), `magic 0x${magic.toString(16)} is not 0x${d.magic.toString(16)}; the kernel refuses the array (-EOPNOTSUPP, ${KERNEL.kaRestore})`);
  const version = readUnsigned(head, d.descriptor.version.offset, d.descriptor.version.size);
  if (version !== d.version) throw new DecodeError(loc(d.descriptor.version, at, d.descriptor.name), `format version ${version} is not ${d.version}; the kernel refuses the array (-EOPNOTSUPP, ${KERNEL.kaRestore})`);
  const maxPages = options.maxPages ?? pagesInImage(mem.pageCount);
  const views: DataView[] = [];
  const addresses: bigint[] = [];
  const starts: bigint[] = [];
  const seen = new PfnSet();
  for (let pa = head.getBigUint64(d.descriptor.first.offset, true); pa !== 0n; ) {
    const view = mem.view(pa, d.pageSize, d.page.name);
    if (!seen.add(Number(pa / BigInt(d.pageSize)))) {
      throw new DecodeError(loc(d.page.next, pa, d.page.name), `the page chain reaches this page a second time; its second restore fails and so does the array (-ENOMEM, ${KERNEL.kaRestorePage})`);
    }
    if (views.length >= maxPages) throw new ReaderLimitError(loc(d.page.next, pa, d.page.name), 'maxPages', maxPages, `${d.name}: pages in one array`);
    views.push(view);
    addresses.push(pa);
    starts.push(view.getBigUint64(d.page.start.offset, true));
    pa = view.getBigUint64(d.page.next.offset, true);
  }
  return { views, addresses, starts };
}

const U64_END = 1n << 64n;

/**
 * Calls `visit` with every entry the kernel's iterator yields (non-empty,
 * in increasing position), after the whole array is restored. Returns the
 * number of entries visited.
 */
export function walkSparseArray(mem: PhysMem, desc: SparseArrayDescriptor, at: bigint, visit: (entry: SparseArrayEntry) => void, options: SparseArrayOptions = {}): number {
  const d = descFor(desc, mem.pageSize);
  const { views, addresses, starts } = restoreSparseArray(mem, desc, at, options);
  const cap = BigInt(d.capacity);
  const n = views.length;
  const tag = BigInt(d.valueTag);
  const shift = BigInt(d.valueShift);
  const entriesAt = d.page.entries.offset;
  const read = new Array<number>(n).fill(0);
  let i = 0;
  let pos = 0n;
  // The posted iterator, step for step: the page it is on is the last one (in chain order) whose start is <= pos.
  const pagePos = (): bigint => pos - starts[i]!;
  const inPage = (): boolean => i < n && pagePos() >= 0n && pagePos() < cap;
  const entry = (): bigint => (inPage() ? views[i]!.getBigUint64(entriesAt + Number(pagePos()) * U64_BYTES, true) : 0n);
  const end = (): boolean => i >= n || (!inPage() && i + 1 >= n);
  const setPos = (p: bigint): void => {
    if (p < pos) return; // -EINVAL, ignored by the caller: the iterator stays where it is
    pos = p;
    while (i + 1 < n && starts[i + 1]! <= pos) i++;
  };
  const next = (): void => {
    setPos(pos + 1n);
    while (pos < U64_END && !end() && entry() === 0n) setPos(inPage() ? pos + 1n : starts[i + 1]!);
  };
  let count = 0;
  if (n > 0 && entry() === 0n) next();
  while (pos < U64_END && !end()) {
    const raw = entry();
    if (raw === 0n) break;
    read[i]!++;
    count++;
    visit((raw & tag) !== 0n ? { position: pos, raw, value: raw >> shift } : { position: pos, raw, address: raw });
    next();
  }
  // Entries the iterator never reached: the kernel accepts the array and never sees them.
  const unread = new AnomalyTally(options, 'sparse-array-unread', KERNEL.kaIterate);
  for (let p = 0; p < n; p++) {
    let nonEmpty = 0;
    for (let k = 0; k < d.capacity; k++) if (views[p]!.getBigUint64(entriesAt + k * U64_BYTES, true) !== 0n) nonEmpty++;
    if (nonEmpty > read[p]!) {
      unread.note(
        { struct: d.page.name, field: d.page.start.name, offset: d.page.start.offset, address: addresses[p]! + BigInt(d.page.start.offset) },
        `${nonEmpty - read[p]!} non-empty entries of the page starting at position ${starts[p]!} are never read: a later page starts at or below them, or the first page does not start at 0`,
      );
    }
  }
  unread.flush();
  return count;
}

/** Every entry the kernel's iterator yields, in order. */
export function readSparseArray(mem: PhysMem, desc: SparseArrayDescriptor, at: bigint, options: SparseArrayOptions = {}): SparseArrayEntry[] {
  const out: SparseArrayEntry[] = [];
  walkSparseArray(mem, desc, at, (e) => out.push(e), options);
  return out;
}

/** What a writer stores at a position: a number (tagged) or an address (8-byte aligned). */
export type SparseArrayItem = { readonly position: bigint; readonly value: bigint } | { readonly position: bigint; readonly address: bigint };

/**
 * Writes a descriptor struct at `at` and its pages as the posted writer
 * does: items in increasing position, a page started at the multiple of
 * the page capacity at or below the position that needs it. `allocate`
 * gives a page for each page started. Returns the pages used.
 */
export function writeSparseArray(mem: PhysMem, desc: SparseArrayDescriptor, at: bigint, items: readonly SparseArrayItem[], allocate: () => bigint): bigint[] {
  const d = descFor(desc, mem.pageSize);
  const cap = BigInt(d.capacity);
  const head = new Uint8Array(d.descriptor.size);
  const hv = new DataView(head.buffer);
  const put = (v: DataView, m: Desc['descriptor']['magic'], x: number): void => writeUnsigned(v, m.offset, m.size, x);
  put(hv, d.descriptor.magic, d.magic);
  put(hv, d.descriptor.version, d.version);
  const pages: bigint[] = [];
  let page: Uint8Array | undefined;
  let view: DataView | undefined;
  let start = -1n;
  let last = -1n;
  const flush = () => {
    if (page) mem.write(pages[pages.length - 1]!, page);
  };
  for (const item of items) {
    if (item.position <= last) throw new RangeError(`position ${item.position} is not above ${last}: the writer goes up`);
    last = item.position;
    const raw = 'value' in item ? (item.value << BigInt(d.valueShift)) | BigInt(d.valueTag) : item.address;
    if ('address' in item && (raw & BigInt(d.valueTag)) !== 0n) throw new RangeError(`address 0x${raw.toString(16)} has the value tag set`);
    if (raw === 0n || raw >= U64_END) throw new RangeError(`entry at ${item.position} does not fit a non-zero u64`);
    if (!page || item.position >= start + cap) {
      const pa = allocate();
      if (pages.length) view!.setBigUint64(d.page.next.offset, pa, true);
      if (pages.length) mem.write(pages[pages.length - 1]!, page!);
      else hv.setBigUint64(d.descriptor.first.offset, pa, true);
      pages.push(pa);
      page = new Uint8Array(d.pageSize);
      view = new DataView(page.buffer);
      start = item.position - (item.position % cap);
      view.setBigUint64(d.page.start.offset, start, true);
    }
    view!.setBigUint64(d.page.entries.offset + Number(item.position - start) * U64_BYTES, raw, true);
  }
  flush();
  mem.write(at, head);
  return pages;
}
