/**
 * The old kernel's allocations in the simulated memory: whole pages from a
 * bump pointer, and small blobs packed into shared pages. Every page handed
 * out is recorded, so that the memory map can list every page the image
 * uses. The kernel gives each small blob (a memfd_luo_ser, say) a page of
 * its own; packing them changes only where they are, which the readers take
 * from the stored addresses, and keeps a million files within memory.
 */
import type { PhysMem } from '../phys-mem.js';

export class PageAllocator {
  private next: bigint;
  private blobPage = -1n;
  private blobUsed = 0;
  /** The pages handed out, in order (page frame numbers). */
  readonly pages: bigint[] = [];

  constructor(
    private readonly mem: PhysMem,
    /** The first page frame number to hand out. */
    readonly firstPfn: bigint,
  ) {
    this.next = firstPfn;
  }

  /** `n` contiguous zeroed pages, present in memory; the address of the first. */
  allocPages(n: number): bigint {
    const pa = this.next * BigInt(this.mem.pageSize);
    for (let i = 0; i < n; i++) this.pages.push(this.next + BigInt(i));
    this.next += BigInt(n);
    this.mem.map(pa, n * this.mem.pageSize);
    return pa;
  }

  /** One page each, `n` of them. */
  pageList(n: number): bigint[] {
    return Array.from({ length: n }, () => this.allocPages(1));
  }

  /** `size` bytes (at most a page) aligned to 8, sharing a page with the blobs before it when they fit. */
  allocBlob(size: number): bigint {
    const ps = this.mem.pageSize;
    if (size > ps) return this.allocPages(Math.ceil(size / ps));
    const at = (this.blobUsed + 7) & ~7;
    if (this.blobPage < 0n || at + size > ps) {
      this.blobPage = this.allocPages(1);
      this.blobUsed = size;
      return this.blobPage;
    }
    this.blobUsed = at + size;
    return this.blobPage + BigInt(at);
  }

  /** Page frame numbers handed out are [firstPfn, end). */
  get end(): bigint {
    return this.next;
  }
}
