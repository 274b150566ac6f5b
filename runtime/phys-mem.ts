/**
 * A simulated physical memory: sparse pages addressed by bigint physical
 * addresses. Reads and writes may cross page boundaries; reading a page that
 * was never written is an error, as following a stale physical address in a
 * preserved image would be.
 */
import type { PageSize, StructCodec } from './codec.js';
import { ArgumentError, DecodeError, MemoryError } from './errors.js';
import type { ReadOptions } from './warnings.js';

/** Physical addresses beyond 52 bits do not exist on the kernel's targets. */
export const MAX_PHYS_BITS = 52n;

/** The page sizes of the kernel's targets. */
const PAGE_SIZES: readonly number[] = [4096, 16384, 65536];

/** A number as an argument error shows it: itself, or its type when it is not a number. */
function shown(v: unknown): string {
  return typeof v === 'number' || typeof v === 'bigint' ? String(v) : `a ${v === null ? 'null' : typeof v}`;
}

/** Throws ArgumentError unless `pa` is a bigint: addresses are 64-bit and never numbers. */
function checkAddress(pa: unknown): asserts pa is bigint {
  if (typeof pa !== 'bigint') throw new ArgumentError(`a physical address must be a bigint, got ${shown(pa)}`);
}

/** Throws ArgumentError unless `size` is a byte count. */
function checkSize(size: unknown): asserts size is number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new ArgumentError(`a size must be a non-negative integer, got ${shown(size)}`);
}

export interface PhysMemOptions {
  readonly pageSize?: PageSize;
  /** Most pages it will hold; bounds the memory a corrupt image can make us allocate. */
  readonly maxPages?: number;
}

export class PhysMem {
  readonly pageSize: PageSize;
  private readonly shift: bigint;
  private readonly mask: bigint;
  private readonly pages = new Map<bigint, Uint8Array>();
  private readonly maxPages: number;

  constructor(options: PhysMemOptions = {}) {
    const pageSize: unknown = options.pageSize ?? 4096;
    if (typeof pageSize !== 'number' || !PAGE_SIZES.includes(pageSize)) throw new ArgumentError(`page size ${shown(pageSize)} is not one of ${PAGE_SIZES.join(', ')}`);
    const maxPages: unknown = options.maxPages ?? 1 << 20;
    if (typeof maxPages !== 'number' || !Number.isSafeInteger(maxPages) || maxPages < 1) throw new ArgumentError(`maxPages must be a positive integer, got ${shown(maxPages)}`);
    this.pageSize = pageSize as PageSize;
    this.shift = BigInt(Math.log2(pageSize));
    this.mask = BigInt(pageSize - 1);
    this.maxPages = maxPages;
  }

  get pageCount(): number {
    return this.pages.size;
  }

  /** Misuse is an ArgumentError; an address range outside physical memory, a MemoryError. */
  private check(pa: bigint, size: number, struct?: string): void {
    checkAddress(pa);
    checkSize(size);
    if (pa < 0n || pa + BigInt(size) > 1n << MAX_PHYS_BITS) {
      throw new MemoryError(pa, `outside the ${MAX_PHYS_BITS}-bit physical address space`, struct);
    }
  }

  /** The page frame numbers of the present pages, in ascending order. */
  presentPfns(): bigint[] {
    return [...this.pages.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  isPresent(pa: bigint): boolean {
    checkAddress(pa);
    return this.pages.has(pa >> this.shift);
  }

  private page(pfn: bigint, create: boolean, struct?: string, access?: bigint): Uint8Array {
    let p = this.pages.get(pfn);
    if (p) return p;
    if (!create) {
      const at = access ?? pfn << this.shift;
      throw new MemoryError(at, `page 0x${(pfn << this.shift).toString(16)} is not present in memory`, struct);
    }
    if (this.pages.size >= this.maxPages) throw new MemoryError(pfn << this.shift, `more than ${this.maxPages} pages`, struct);
    p = new Uint8Array(this.pageSize);
    this.pages.set(pfn, p);
    return p;
  }

  /** Makes the pages covering [pa, pa + size) present, zero-filled. */
  map(pa: bigint, size: number): void {
    this.check(pa, size);
    for (let pfn = pa >> this.shift; pfn <= (pa + BigInt(Math.max(size, 1)) - 1n) >> this.shift; pfn++) this.page(pfn, true);
  }

  /** Copies `size` bytes out; crossing pages is fine. */
  read(pa: bigint, size: number, struct?: string): Uint8Array {
    this.check(pa, size, struct);
    // Every page must be present before the copy is allocated: a corrupt size must not allocate gigabytes.
    if (size > 0) for (let pfn = pa >> this.shift, last = (pa + BigInt(size) - 1n) >> this.shift; pfn <= last; pfn++) this.page(pfn, false, struct, pa);
    const out = new Uint8Array(size);
    let done = 0;
    while (done < size) {
      const at = pa + BigInt(done);
      const inPage = Number(at & this.mask);
      const n = Math.min(size - done, this.pageSize - inPage);
      out.set(this.page(at >> this.shift, false, struct, pa).subarray(inPage, inPage + n), done);
      done += n;
    }
    return out;
  }

  /** A DataView over the bytes: zero-copy when they lie in one page, a copy otherwise (so writes through it are lost). */
  view(pa: bigint, size: number, struct?: string): DataView {
    this.check(pa, size, struct);
    const inPage = Number(pa & this.mask);
    if (inPage + size <= this.pageSize) {
      const p = this.page(pa >> this.shift, false, struct, pa);
      return new DataView(p.buffer, p.byteOffset + inPage, size);
    }
    const copy = this.read(pa, size, struct);
    return new DataView(copy.buffer);
  }

  write(pa: bigint, bytes: Uint8Array): void {
    if (!(bytes instanceof Uint8Array)) throw new ArgumentError(`bytes to write must be a Uint8Array, got ${shown(bytes)}`);
    this.check(pa, bytes.length);
    let done = 0;
    while (done < bytes.length) {
      const at = pa + BigInt(done);
      const inPage = Number(at & this.mask);
      const n = Math.min(bytes.length - done, this.pageSize - inPage);
      this.page(at >> this.shift, true).set(bytes.subarray(done, done + n), inPage);
      done += n;
    }
  }

  readU64(pa: bigint, struct?: string): bigint {
    return this.view(pa, 8, struct).getBigUint64(0, true);
  }

  writeU64(pa: bigint, value: bigint): void {
    if (typeof value !== 'bigint' || value < 0n || value >= 1n << 64n) throw new ArgumentError(`a u64 value must be a bigint in 0..2^64-1, got ${shown(value)}`);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, value, true);
    this.write(pa, b);
  }

  /** Decodes a struct at a physical address; errors carry the address of the bad field. */
  decode<T>(codec: StructCodec<T>, pa: bigint, opts?: ReadOptions): T {
    const view = this.view(pa, codec.size, codec.name);
    // Warnings name the physical address too, as errors do.
    const seen = opts?.warnings?.length ?? 0;
    try {
      const value = codec.decode(view, 0, opts);
      const list = opts?.warnings;
      if (list) for (let i = seen; i < list.length; i++) if (list[i]!.address === undefined) list[i] = { ...list[i]!, address: pa + BigInt(list[i]!.offset) };
      return value;
    } catch (e) {
      if (e instanceof DecodeError) {
        throw new DecodeError({ struct: e.struct, ...(e.field !== undefined ? { field: e.field } : {}), offset: e.offset, address: pa + BigInt(e.offset) }, e.reason);
      }
      throw e;
    }
  }

  encode<T>(codec: StructCodec<T>, value: T, pa: bigint): void {
    const bytes = new Uint8Array(codec.size);
    codec.encode(value, new DataView(bytes.buffer), 0);
    this.write(pa, bytes);
  }
}
