/**
 * The KHO array reader and writer (sparse_array, KHO_ARRAY_PAGES_CONTAINER)
 * against the posted RFC's rules: the rows KA1-KA8 of docs/reader-checks.md.
 */
import { describe, expect, it } from 'vitest';
import { KA_PAGE_NR_ENTRIES, KHO_ARRAY_MAGIC, KHO_ARRAY_PAGES_CONTAINER } from '../generated/ts/kho_array.js';
import { DecodeError, MemoryError, PhysMem, ReaderLimitError, readSparseArray, writeSparseArray, type ReadWarning } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';

const page = (n: number): bigint => BigInt(n) << 12n;
const AT = page(1) + 64n; // the owner's struct kho_array

function allocator(first = 0x10): () => bigint {
  let n = first;
  return () => page(n++);
}

describe('KHO array (sparse_array)', () => {
  it('has the posted geometry: 16-byte descriptor and page header, 510 entries per 4 KiB page, "KARR"', () => {
    expect(KHO_ARRAY_PAGES_CONTAINER.descriptor.size).toBe(16);
    expect(KHO_ARRAY_PAGES_CONTAINER.page.size).toBe(16);
    expect(KHO_ARRAY_PAGES_CONTAINER.capacity).toEqual({ 4096: 510, 16384: 2046, 65536: 8190 });
    expect(KA_PAGE_NR_ENTRIES).toEqual({ 4096: 510, 16384: 2046, 65536: 8190 });
    expect(Buffer.from(new Uint32Array([KHO_ARRAY_MAGIC]).buffer).toString('latin1')).toBe('RRAK');
    expect(KHO_ARRAY_MAGIC).toBe(0x4b415252);
  });

  it('KA7: round-trips values and addresses at sparse positions, pages at multiples of the capacity', () => {
    const mem = new PhysMem();
    const items = [
      { position: 0n, value: 5n },
      { position: 3n, address: 0x42000n },
      { position: 509n, value: 1n << 62n },
      { position: 100_000n, address: 0x43000n },
      { position: 100_001n, value: 0n },
    ];
    const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, items, allocator());
    expect(pages.length).toBe(2);
    expect(mem.readU64(pages[1]! + 8n)).toBe(100_000n - (100_000n % 510n));
    const got = readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT);
    expect(got.map((e) => [e.position, e.value ?? e.address])).toEqual(items.map((i) => [i.position, 'value' in i ? i.value : i.address]));
    expect(got[4]!.raw).toBe(1n); // the value 0, tagged
  });

  it('KA1/KA2: a magic or version other than the posted ones is refused (-EOPNOTSUPP)', () => {
    const mem = new PhysMem();
    writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [{ position: 1n, value: 1n }], allocator());
    mem.write(AT + 4n, new Uint8Array([1, 0]));
    expect((thrown(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT)) as Error).message).toMatch(/format version 1 is not 0.*EOPNOTSUPP/);
    mem.write(AT, new Uint8Array([0, 0, 0, 0]));
    const e = thrown(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT)) as Error;
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toMatch(/magic 0x0 is not 0x4b415252/);
  });

  it('KA3: first 0 is an empty array', () => {
    const mem = new PhysMem();
    writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [], allocator());
    expect(readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT)).toEqual([]);
  });

  it('KA4: a page reached twice (a loop) is refused before any entry is read', () => {
    const mem = new PhysMem();
    const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [{ position: 0n, value: 1n }, { position: 600n, value: 2n }], allocator());
    mem.writeU64(pages[1]!, pages[0]!);
    expect((thrown(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT)) as Error).message).toMatch(/second time.*-ENOMEM/);
  });

  it('KA5: more pages than maxPages is a ReaderLimitError', () => {
    const mem = new PhysMem();
    writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [0n, 600n, 1200n].map((position) => ({ position, value: 1n })), allocator());
    expect(thrown(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, { maxPages: 2 }))).toBeInstanceOf(ReaderLimitError);
  });

  it('KA6: entries a later page shadows, and a first page not starting at 0, are skipped as the posted iterator skips them, with one warning', () => {
    const mem = new PhysMem();
    const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [{ position: 0n, value: 1n }, { position: 10n, value: 2n }, { position: 520n, value: 3n }], allocator());
    // The second page now starts at 5: entry 10 of the first page is shadowed; the second page's entries read from 5.
    mem.writeU64(pages[1]! + 8n, 5n);
    const warnings: ReadWarning[] = [];
    const got = readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, { warnings });
    expect(got.map((e) => [e.position, e.value])).toEqual([[0n, 1n], [15n, 3n]]);
    expect(warnings.map((w) => w.code)).toEqual(['sparse-array-unread']);
    expect(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, { strict: true })).toThrow(/never read/);
    // A single page starting at 510: the posted iterator ends at once.
    const lone = new PhysMem();
    writeSparseArray(lone, KHO_ARRAY_PAGES_CONTAINER, AT, [{ position: 600n, value: 9n }], allocator());
    const w2: ReadWarning[] = [];
    expect(readSparseArray(lone, KHO_ARRAY_PAGES_CONTAINER, AT, { warnings: w2 })).toEqual([]);
    expect(w2.length).toBe(1);
  });

  it('KA8: a page not in memory is a MemoryError', () => {
    const mem = new PhysMem();
    const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT, [{ position: 0n, value: 1n }], allocator());
    mem.writeU64(pages[0]!, page(0x999));
    expect(thrown(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, AT))).toBeInstanceOf(MemoryError);
  });
});
