/**
 * Physical memory read from files, for images too large to load: an ELF64
 * core file (vmcore, /proc/kcore: PT_LOAD segments placed by p_paddr), a
 * raw dump at a base address, or several raw ranges. Bytes are read with
 * positional reads through a bounded cache of pages, so what it holds does
 * not grow with the image.
 *
 * `FileMem` is a read-only `PhysMem`: every reader of runtime/containers
 * and runtime/liveupdate takes it where it takes a PhysMem, through the
 * members `ReadableMemory` names. A page is present when the image holds
 * all of it (file bytes, or the zeros of a segment's p_memsz past its
 * p_filesz); a page the image holds only part of is not present, as a page
 * the dump never had. Writing is an ArgumentError.
 *
 * Opening refuses, with a DecodeError naming the ELF struct, member and file
 * offset: a file that is not ELF64, not little-endian, not a core file, not
 * x86_64 or aarch64; program headers past the end of the file; a segment
 * with p_filesz above p_memsz, an address range past 2^64, or overlapping
 * another. A segment cut short by the end of the file (a truncated dump)
 * is kept as far as the file holds it and listed in `problems`, located;
 * the pages it misses are then missing wherever a reader needs them.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { PageSize } from './codec.js';
import { ArgumentError, DecodeError, MemoryError, type Location } from './errors.js';
import { MAX_PHYS_BITS, PhysMem } from './phys-mem.js';

/**
 * What the readers use of a physical memory: PhysMem and FileMem both
 * provide it. Readers still name PhysMem in their signatures (FileMem is one).
 */
export type ReadableMemory = Pick<PhysMem, 'pageSize' | 'pageCount' | 'isPresent' | 'presentPfns' | 'read' | 'view' | 'readU64' | 'decode'>;

/** One range of physical memory held by a file. */
export interface FileSegment {
  /** The file it is read from. */
  readonly path: string;
  /** Where it starts in physical memory. */
  readonly pa: bigint;
  /** Where its bytes start in the file. */
  readonly offset: bigint;
  /** Bytes the file holds (after truncation: what is really there). */
  readonly fileSize: bigint;
  /** Bytes of memory it covers: fileSize, then zeros up to memSize. */
  readonly memSize: bigint;
  /** For an ELF segment, its program header's index. */
  readonly index?: number;
}

/** Something wrong with the image that does not stop it being read: a segment cut short. */
export interface ImageProblem extends Location {
  readonly code: string;
  readonly message: string;
}

export interface FileMemOptions {
  readonly pageSize?: PageSize;
  /** Pages the cache keeps (default 1024). */
  readonly cachePages?: number;
}

/** A raw dump: a file whose first byte is at physical address `base`. */
export interface RawRange {
  readonly path: string;
  readonly base: bigint;
}

const PT_LOAD = 1;
const ET_CORE = 4;
const MACHINES: ReadonlyMap<number, string> = new Map([
  [62, 'x86_64'],
  [183, 'aarch64'],
]);
/** e_phnum when the count is in section header 0's sh_info. */
const PN_XNUM = 0xffff;
/** Elf64_Ehdr, Elf64_Phdr and Elf64_Shdr: sizes and member offsets from the ELF-64 object file format. */
const EHDR = { size: 64, type: 16, machine: 18, phoff: 32, shoff: 40, phentsize: 54, phnum: 56 } as const;
const PHDR = { size: 56, type: 0, fileAt: 8, paddr: 24, filesz: 32, memsz: 40 } as const;
const SHDR = { size: 64, info: 44 } as const;
/** p_paddr of a /proc/kcore segment that has no physical address. */
const NO_PADDR = (1n << 64n) - 1n;
/** Most PT_LOAD segments read (a corrupt e_phnum cannot make us allocate more). */
const MAX_SEGMENTS = 1 << 16;
const U64_END = 1n << 64n;

function shown(path: string): string {
  return JSON.stringify(path.length > 80 ? `…${path.slice(-79)}` : path);
}

function hex(n: bigint | number): string {
  return `0x${n.toString(16)}`;
}

/** An open file read by position. */
class PositionalFile {
  readonly fd: number;
  readonly size: bigint;
  constructor(readonly path: string) {
    try {
      // O_NONBLOCK: opening a fifo must not wait for a writer (it is then refused as not a regular file).
      this.fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (e) {
      throw new DecodeError({ struct: 'file', offset: 0 }, `${shown(path)} cannot be opened: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const st = fstatSync(this.fd);
    if (!st.isFile()) {
      closeSync(this.fd);
      throw new DecodeError({ struct: 'file', offset: 0 }, `${shown(path)} is not a regular file`);
    }
    this.size = BigInt(st.size);
  }

  /** Fills `into` from file offset `at`; returns the bytes read (short only at the end of the file). */
  readAt(into: Uint8Array, at: bigint): number {
    let done = 0;
    while (done < into.length) {
      const n = readSync(this.fd, into, done, into.length - done, Number(at) + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  close(): void {
    closeSync(this.fd);
  }
}

interface Placed extends FileSegment {
  readonly file: PositionalFile;
  /** End of the bytes it covers in physical memory (pa + memSize). */
  readonly end: bigint;
}

export class FileMem extends PhysMem {
  private readonly segments: readonly Placed[];
  /** The covered ranges, merged where they touch: [start, end) in ascending order. */
  private readonly covered: readonly (readonly [bigint, bigint])[];
  private readonly files: readonly PositionalFile[];
  private readonly cache = new Map<number, Uint8Array>();
  private readonly cachePages: number;
  private readonly pageShift: bigint;
  private readonly presentPages: number;
  /** Problems found when opening (segments cut short). */
  readonly problems: readonly ImageProblem[];

  private constructor(files: PositionalFile[], segments: Placed[], problems: ImageProblem[], options: FileMemOptions) {
    super({ pageSize: options.pageSize ?? 4096 });
    const cachePages = options.cachePages ?? 1024;
    if (!Number.isSafeInteger(cachePages) || cachePages < 1) throw new ArgumentError(`cachePages must be a positive integer, got ${String(cachePages)}`);
    this.cachePages = cachePages;
    this.files = files;
    this.problems = problems;
    this.pageShift = BigInt(Math.log2(this.pageSize));
    this.segments = [...segments].filter((s) => s.memSize > 0n).sort((a, b) => (a.pa < b.pa ? -1 : a.pa > b.pa ? 1 : 0));
    const covered: [bigint, bigint][] = [];
    for (const s of this.segments) {
      const last = covered[covered.length - 1];
      if (last && last[1] === s.pa) last[1] = s.end;
      else covered.push([s.pa, s.end]);
    }
    this.covered = covered;
    const ps = BigInt(this.pageSize);
    let pages = 0n;
    for (const [a, b] of covered) {
      const first = (a + ps - 1n) / ps;
      const last = b / ps;
      if (last > first) pages += last - first;
    }
    this.presentPages = Number(pages);
  }

  /** An ELF64 core file: its PT_LOAD segments at their p_paddr. */
  static openElfCore(path: string, options: FileMemOptions = {}): FileMem {
    const file = new PositionalFile(path);
    try {
      const { segments, problems } = elfSegments(file);
      return FileMem.place([file], segments, problems, options);
    } catch (e) {
      file.close();
      throw e;
    }
  }

  /** Raw dumps, each file's first byte at its base address. */
  static openRaw(ranges: readonly RawRange[], options: FileMemOptions = {}): FileMem {
    const files: PositionalFile[] = [];
    try {
      const segments: (FileSegment & { file: PositionalFile })[] = [];
      for (const r of ranges) {
        if (typeof r.base !== 'bigint' || r.base < 0n || r.base >= U64_END) throw new ArgumentError(`a base address must be a bigint in 0..2^64-1`);
        const file = new PositionalFile(r.path);
        files.push(file);
        if (r.base + file.size > U64_END) throw new DecodeError({ struct: 'raw range', field: 'base', offset: 0 }, `${shown(r.path)} at ${hex(r.base)}: its ${file.size} bytes run past the end of the 64-bit address space`);
        segments.push({ path: r.path, file, pa: r.base, offset: 0n, fileSize: file.size, memSize: file.size });
      }
      return FileMem.place(files, segments, [], options);
    } catch (e) {
      for (const f of files) f.close();
      throw e;
    }
  }

  private static place(files: PositionalFile[], segments: readonly (FileSegment & { file: PositionalFile })[], problems: ImageProblem[], options: FileMemOptions): FileMem {
    const placed: Placed[] = segments.map((s) => ({ ...s, end: s.pa + s.memSize }));
    const sorted = placed.filter((s) => s.memSize > 0n).sort((a, b) => (a.pa < b.pa ? -1 : a.pa > b.pa ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      if (b.pa < a.end) {
        const name = (s: Placed) => (s.index !== undefined ? `PT_LOAD segment ${s.index}` : shown(s.path));
        const loc = b.index !== undefined ? { struct: 'Elf64_Phdr', field: 'p_paddr', offset: 0 } : { struct: 'raw range', field: 'base', offset: 0 };
        throw new DecodeError(loc, `${name(b)} (${hex(b.pa)}..${hex(b.end)}) overlaps ${name(a)} (${hex(a.pa)}..${hex(a.end)}); which bytes are memory is ambiguous`);
      }
    }
    return new FileMem(files, placed, problems, options);
  }

  /** The segments, in ascending physical address. */
  get ranges(): readonly FileSegment[] {
    return this.segments.map(({ path, pa, offset, fileSize, memSize, index }) => ({ path, pa, offset, fileSize, memSize, ...(index !== undefined ? { index } : {}) }));
  }

  /** Closes the files; reads after it fail. */
  close(): void {
    for (const f of this.files) f.close();
    this.cache.clear();
  }

  override get pageCount(): number {
    return this.presentPages;
  }

  override presentPfns(): bigint[] {
    const out: bigint[] = [];
    const ps = BigInt(this.pageSize);
    for (const [a, b] of this.covered) for (let pfn = (a + ps - 1n) / ps; pfn < b / ps; pfn++) out.push(pfn);
    return out;
  }

  private pagePresent(pfn: bigint): boolean {
    const start = pfn << this.pageShift;
    const end = start + BigInt(this.pageSize);
    let lo = 0;
    let hi = this.covered.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.covered[mid]!;
      if (start < a) hi = mid - 1;
      else if (start >= b) lo = mid + 1;
      else return end <= b;
    }
    return false;
  }

  override isPresent(pa: bigint): boolean {
    checkAddress(pa);
    if (pa < 0n || pa >= 1n << MAX_PHYS_BITS) return false;
    return this.pagePresent(pa >> this.pageShift);
  }

  /** The page's bytes, through the cache; a MemoryError when the image does not hold all of it. */
  private loadPage(pfn: bigint, struct: string | undefined, access: bigint): Uint8Array {
    const key = Number(pfn);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    if (!this.pagePresent(pfn)) throw new MemoryError(access, `page ${hex(pfn << this.pageShift)} is not present in the image`, struct);
    const bytes = new Uint8Array(this.pageSize);
    const start = pfn << this.pageShift;
    const end = start + BigInt(this.pageSize);
    // The segments overlapping the page (they cover it whole: pagePresent said so).
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.segments.length && this.segments[i]!.pa < end; i++) {
      const s = this.segments[i]!;
      const from = s.pa > start ? s.pa : start;
      const fileEnd = s.pa + s.fileSize;
      const to = fileEnd < end ? fileEnd : end;
      // Bytes past p_filesz (up to p_memsz) stay zero.
      if (to > from) {
        const into = bytes.subarray(Number(from - start), Number(to - start));
        const got = s.file.readAt(into, s.offset + (from - s.pa));
        if (got < into.length) throw new MemoryError(from + BigInt(got), `${shown(s.path)} ends before the bytes it should hold (it changed after it was opened?)`, struct);
      }
    }
    this.cache.set(key, bytes);
    if (this.cache.size > this.cachePages) this.cache.delete(this.cache.keys().next().value!);
    return bytes;
  }

  private checkRange(pa: bigint, size: number, struct?: string): void {
    checkAddress(pa);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new ArgumentError(`a size must be a non-negative integer, got ${String(size)}`);
    if (pa < 0n || pa + BigInt(size) > 1n << MAX_PHYS_BITS) throw new MemoryError(pa, `outside the ${MAX_PHYS_BITS}-bit physical address space`, struct);
  }

  override read(pa: bigint, size: number, struct?: string): Uint8Array {
    this.checkRange(pa, size, struct);
    // Every page must be present before the copy is allocated: a corrupt size must not allocate gigabytes.
    if (size > 0) for (let pfn = pa >> this.pageShift, last = (pa + BigInt(size) - 1n) >> this.pageShift; pfn <= last; pfn++) if (!this.pagePresent(pfn)) throw new MemoryError(pa, `page ${hex(pfn << this.pageShift)} is not present in the image`, struct);
    const out = new Uint8Array(size);
    const mask = BigInt(this.pageSize - 1);
    let done = 0;
    while (done < size) {
      const at = pa + BigInt(done);
      const inPage = Number(at & mask);
      const n = Math.min(size - done, this.pageSize - inPage);
      out.set(this.loadPage(at >> this.pageShift, struct, pa).subarray(inPage, inPage + n), done);
      done += n;
    }
    return out;
  }

  override view(pa: bigint, size: number, struct?: string): DataView {
    this.checkRange(pa, size, struct);
    const inPage = Number(pa & BigInt(this.pageSize - 1));
    if (inPage + size <= this.pageSize) {
      const p = this.loadPage(pa >> this.pageShift, struct, pa);
      return new DataView(p.buffer, p.byteOffset + inPage, size);
    }
    const copy = this.read(pa, size, struct);
    return new DataView(copy.buffer);
  }

  override map(_pa: bigint, _size: number): void {
    throw new ArgumentError('a FileMem is read-only');
  }

  override write(_pa: bigint, _bytes: Uint8Array): void {
    throw new ArgumentError('a FileMem is read-only');
  }
}

function checkAddress(pa: unknown): asserts pa is bigint {
  if (typeof pa !== 'bigint') throw new ArgumentError(`a physical address must be a bigint, got ${typeof pa === 'number' ? String(pa) : `a ${pa === null ? 'null' : typeof pa}`}`);
}

/** The PT_LOAD segments of an ELF64 little-endian core file, checked. */
function elfSegments(file: PositionalFile): { segments: (FileSegment & { file: PositionalFile })[]; problems: ImageProblem[] } {
  const where = shown(file.path);
  const ehdr = new Uint8Array(EHDR.size);
  const got = file.readAt(ehdr, 0n);
  const e = new DataView(ehdr.buffer);
  const refuse = (struct: string, field: string | undefined, offset: number, why: string): never => {
    throw new DecodeError({ struct, ...(field ? { field } : {}), offset }, `${where}: ${why}`);
  };
  if (got < 4 || ehdr[0] !== 0x7f || ehdr[1] !== 0x45 || ehdr[2] !== 0x4c || ehdr[3] !== 0x46) refuse('Elf64_Ehdr', 'e_ident', 0, 'not an ELF file (no \\x7fELF magic)');
  if (got < EHDR.size) refuse('Elf64_Ehdr', undefined, got, `the ELF header is cut short: ${got} of ${EHDR.size} bytes`);
  if (ehdr[4] !== 2) refuse('Elf64_Ehdr', 'e_ident', 4, `EI_CLASS is ${ehdr[4]}, not 2 (ELFCLASS64)`);
  if (ehdr[5] !== 1) refuse('Elf64_Ehdr', 'e_ident', 5, `EI_DATA is ${ehdr[5]}, not 1 (little-endian); only little-endian cores are read`);
  const type = e.getUint16(EHDR.type, true);
  if (type !== ET_CORE) refuse('Elf64_Ehdr', 'e_type', EHDR.type, `e_type is ${type}, not ${ET_CORE} (ET_CORE)`);
  const machine = e.getUint16(EHDR.machine, true);
  if (!MACHINES.has(machine)) refuse('Elf64_Ehdr', 'e_machine', EHDR.machine, `e_machine is ${machine}, not ${[...MACHINES].map(([n, s]) => `${n} (${s})`).join(' or ')}`);
  const phoff = e.getBigUint64(EHDR.phoff, true);
  const phentsize = e.getUint16(EHDR.phentsize, true);
  let phnum = e.getUint16(EHDR.phnum, true);
  if (phnum > 0 && phentsize < PHDR.size) refuse('Elf64_Ehdr', 'e_phentsize', EHDR.phentsize, `e_phentsize is ${phentsize}, smaller than Elf64_Phdr (${PHDR.size})`);
  if (phnum === PN_XNUM) {
    const shoff = e.getBigUint64(EHDR.shoff, true);
    if (shoff === 0n || shoff + BigInt(SHDR.size) > file.size) refuse('Elf64_Ehdr', 'e_shoff', EHDR.shoff, `e_phnum is PN_XNUM but section header 0 (at ${hex(shoff)}) is not in the file (${file.size} bytes)`);
    const sh = new Uint8Array(SHDR.size);
    file.readAt(sh, shoff);
    phnum = new DataView(sh.buffer).getUint32(SHDR.info, true);
  }
  if (phnum > MAX_SEGMENTS) refuse('Elf64_Ehdr', 'e_phnum', EHDR.phnum, `${phnum} program headers, more than ${MAX_SEGMENTS}`);
  const tableEnd = phoff + BigInt(phnum) * BigInt(phentsize);
  if (phnum > 0 && tableEnd > file.size) refuse('Elf64_Ehdr', 'e_phoff', EHDR.phoff, `the ${phnum} program headers at ${hex(phoff)} end at ${hex(tableEnd)}, past the end of the file (${file.size} bytes)`);
  const table = new Uint8Array(phnum * phentsize);
  file.readAt(table, phoff);
  const t = new DataView(table.buffer);
  const segments: (FileSegment & { file: PositionalFile })[] = [];
  const problems: ImageProblem[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize;
    if (t.getUint32(at + PHDR.type, true) !== PT_LOAD) continue;
    const fileAt = Number(phoff) + at;
    const offset = t.getBigUint64(at + PHDR.fileAt, true);
    const pa = t.getBigUint64(at + PHDR.paddr, true);
    const filesz = t.getBigUint64(at + PHDR.filesz, true);
    const memsz = t.getBigUint64(at + PHDR.memsz, true);
    const bad = (field: string, member: number, why: string): never => refuse('Elf64_Phdr', field, fileAt + member, `PT_LOAD segment ${i}: ${why}`);
    if (pa === NO_PADDR) continue; // a /proc/kcore segment with no physical address (vmalloc, modules)
    if (filesz > memsz) bad('p_filesz', PHDR.filesz, `p_filesz ${filesz} is above p_memsz ${memsz}`);
    if (pa + memsz > U64_END) bad('p_memsz', PHDR.memsz, `${hex(pa)} + ${memsz} bytes runs past the end of the 64-bit address space`);
    if (offset + filesz > U64_END) bad('p_filesz', PHDR.filesz, `file offset ${hex(offset)} + ${filesz} bytes overflows`);
    let fileSize = filesz;
    let memSize = memsz;
    if (offset + filesz > file.size) {
      // A dump cut short: keep what the file holds; the rest of the segment (its zero tail too) is missing.
      fileSize = offset >= file.size ? 0n : file.size - offset;
      memSize = fileSize;
      problems.push({
        code: 'truncated-segment',
        struct: 'Elf64_Phdr',
        field: 'p_filesz',
        offset: fileAt + PHDR.filesz,
        address: pa + fileSize,
        message: `${where}: PT_LOAD segment ${i} (${hex(pa)}..${hex(pa + memsz)}) needs file bytes up to ${hex(offset + filesz)}, but the file ends at ${hex(file.size)}; memory from ${hex(pa + fileSize)} on is missing`,
      });
    }
    segments.push({ path: file.path, file, pa, offset, fileSize, memSize, index: i });
  }
  return { segments, problems };
}
