/**
 * A simulated physical memory: sparse pages addressed by bigint physical
 * addresses. Reads and writes may cross page boundaries; reading a page that
 * was never written is an error, as following a stale physical address in a
 * preserved image would be.
 */
import type { PageSize, StructCodec } from './codec.js';
import { DecodeError, MemoryError } from './errors.js';

/** Physical addresses beyond 52 bits do not exist on the kernel's targets. */
export const MAX_PHYS_BITS = 52n;

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
    this.pageSize = options.pageSize ?? 4096;
    this.shift = BigInt(Math.log2(this.pageSize));
    this.mask = BigInt(this.pageSize - 1);
    this.maxPages = options.maxPages ?? 1 << 20;
  }

  get pageCount(): number {
    return this.pages.size;
  }

  private check(pa: bigint, size: number, struct?: string): void {
    if (typeof pa !== 'bigint' || pa < 0n || pa + BigInt(size) > 1n << MAX_PHYS_BITS) {
      throw new MemoryError(BigInt(pa), `outside the ${MAX_PHYS_BITS}-bit physical address space`, struct);
    }
  }

  isPresent(pa: bigint): boolean {
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
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, value, true);
    this.write(pa, b);
  }

  /** Decodes a struct at a physical address; errors carry the address of the bad field. */
  decode<T>(codec: StructCodec<T>, pa: bigint): T {
    const view = this.view(pa, codec.size, codec.name);
    try {
      return codec.decode(view, 0);
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
