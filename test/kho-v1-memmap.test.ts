/**
 * kho-v1's memory map, the chain of khoser_mem_chunk pages (schemas/
 * kho_v1_memmap.yaml): a chain C writes with the generated header is read
 * back by the TS walker at 4, 16 and 64 KiB pages, blocks for blocks;
 * random block sets survive writer -> chain -> PreservedMap (fast-check), for
 * page-sized and 512-byte bitmaps; every row KV1-KV10 of
 * docs/reader-checks.md has a case of its id; images built to amplify are
 * refused by a cap, in little memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KHOSER_MEM_CHUNK_LIST_BITMAP512_CONTAINER, KHOSER_MEM_CHUNK_LIST_CONTAINER } from '../generated/ts/kho_v1_memmap.js';
import {
  MemoryError,
  PhysMem,
  PreservedMap,
  readBitmapChain,
  ReaderLimitError,
  walkBitmapChain,
  writeBitmapChain,
  type BitmapChainDescriptor,
  type PreservedBlock,
  type ReadWarning,
} from '../runtime/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forPageSize } from '../runtime/index.js';
import { compileAndRun, REPO_ROOT } from './helpers/gcc.js';
import { refused, survives, thrown } from './helpers/thrown.js';

const CHAIN = KHOSER_MEM_CHUNK_LIST_CONTAINER;
const PAGE = 4096;
const page = (n: number, size = PAGE): bigint => BigInt(n) * BigInt(size);

/** Blocks as sorted "pfn/order" keys, so two lists compare as multisets. */
const keys = (blocks: readonly { pfn: number; order: number }[]): string[] => blocks.map((b) => `${b.pfn}/${b.order}`).sort();

function walkAll(mem: PhysMem, first: bigint, chain: BitmapChainDescriptor = CHAIN, opts = {}): { pfn: number; order: number }[] {
  const out: { pfn: number; order: number }[] = [];
  walkBitmapChain(mem, chain, first, (pfn, order) => out.push({ pfn, order }), opts);
  return out;
}

/** A writer whose pages come from `from` upwards. */
function pages(from: number, size = PAGE): () => bigint {
  let next = from;
  return () => page(next++, size);
}

/**
 * A chain written by hand: one chunk at page 1 with `entries` {start, bitmap
 * page}, order `order`, count `count` (default the entries), next `next`.
 */
function chunkAt(mem: PhysMem, pa: bigint, o: { order?: number; count?: bigint; next?: bigint; entries?: readonly [bigint, bigint][] }): void {
  const bytes = new Uint8Array(PAGE);
  const v = new DataView(bytes.buffer);
  v.setBigUint64(0, o.next ?? 0n, true);
  v.setUint32(8, o.order ?? 0, true);
  const entries = o.entries ?? [];
  v.setUint32(12, Number(o.count ?? BigInt(entries.length)), true);
  entries.forEach(([start, bitmap], i) => {
    v.setBigUint64(16 + i * 16, start, true);
    v.setBigUint64(24 + i * 16, bitmap, true);
  });
  mem.write(pa, bytes);
}

function bitmapAt(mem: PhysMem, pa: bigint, bits: readonly number[], fill = 0): void {
  const bytes = new Uint8Array(PAGE).fill(fill);
  for (const b of bits) bytes[b >> 3]! |= 1 << (b & 7);
  mem.write(pa, bytes);
}

describe('the descriptors against the measured kernel values', () => {
  type Fact = { source: string; value: number; by_page_size?: Record<string, number> };
  const facts = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/kernel-abi-facts.json'), 'utf8')) as { constants: Record<string, Fact[]> };
  const at = (f: Fact, pageSize: number): number => (pageSize === 4096 ? f.value : (f.by_page_size?.[String(pageSize)] ?? f.value));
  for (const pageSize of [4096, 16384, 65536]) {
    it(`capacity and bitmap bits at ${pageSize / 1024} KiB pages (PAGE_SIZE bitmaps, then the 512-byte ones)`, () => {
      const [bits512, bitsPage] = facts.constants.PRESERVE_BITS!;
      const capacity = facts.constants.KHOSER_BITMAP_SIZE![0]!;
      for (const [desc, bits] of [[CHAIN, bitsPage!], [KHOSER_MEM_CHUNK_LIST_BITMAP512_CONTAINER, bits512!]] as const) {
        const g = forPageSize(desc, pageSize);
        expect(g.chunk.entries.count).toBe(at(capacity, pageSize));
        expect(g.bitmap.bits.size * 8).toBe(at(bits, pageSize));
        expect(g.chunk.size).toBe(pageSize);
      }
    });
  }
});

describe('the descriptor against gcc: a chain C builds with the generated header', () => {
  const source = `
#include <stdio.h>
#include <string.h>
#include <linux/kho/abi/kho_v1_memmap.h>

#define NPAGES 5
static unsigned char mem[NPAGES][PAGE_SIZE] __attribute__((aligned(8)));
static const unsigned long long base = 256ULL * PAGE_SIZE;

static void set(struct kho_mem_phys_bits *b, unsigned long n)
{
	b->preserve[n / (8 * sizeof(unsigned long))] |= 1UL << (n % (8 * sizeof(unsigned long)));
}

static void block(unsigned long long start, unsigned long bit, unsigned int order)
{
	unsigned long long pa = start + ((unsigned long long)bit << (order + PAGE_SHIFT));
	printf("block %llu %u\\n", pa >> PAGE_SHIFT, order);
}

int main(void)
{
	struct khoser_mem_chunk *c0 = (void *)mem[0], *c1 = (void *)mem[1];
	struct kho_mem_phys_bits *b2 = (void *)mem[2], *b3 = (void *)mem[3], *b4 = (void *)mem[4];
	unsigned long long s0 = 0, s1 = (unsigned long long)PRESERVE_BITS << PAGE_SHIFT,
			   s2 = 2ULL * PRESERVE_BITS << (3 + PAGE_SHIFT);
	int p, i;

	c0->hdr.next.phys = base + PAGE_SIZE;
	c0->hdr.order = 0;
	c0->hdr.num_elms = 2;
	c0->bitmaps[0].phys_start = s0;
	c0->bitmaps[0].bitmap.phys = base + 2 * PAGE_SIZE;
	c0->bitmaps[1].phys_start = s1;
	c0->bitmaps[1].bitmap.phys = base + 3 * PAGE_SIZE;
	set(b2, 1); set(b2, 5); set(b2, PRESERVE_BITS - 1);
	set(b3, 0); set(b3, 7);
	c1->hdr.order = 3;
	c1->hdr.num_elms = 1;
	c1->bitmaps[0].phys_start = s2;
	c1->bitmaps[0].bitmap.phys = base + 4 * PAGE_SIZE;
	set(b4, 2); set(b4, 100);
	/* one entry past the count, never read */
	c1->bitmaps[1].bitmap.phys = 0xdead000;

	block(s0, 1, 0); block(s0, 5, 0); block(s0, PRESERVE_BITS - 1, 0);
	block(s1, 0, 0); block(s1, 7, 0);
	block(s2, 2, 3); block(s2, 100, 3);
	printf("capacity %lu\\n", (unsigned long)KHOSER_BITMAP_SIZE);
	for (p = 0; p < NPAGES; p++) {
		printf("page %llu ", base + (unsigned long long)p * PAGE_SIZE);
		for (i = 0; i < (int)PAGE_SIZE; i++)
			printf("%02x", mem[p][i]);
		printf("\\n");
	}
	return 0;
}
`;
  for (const pageShift of [12, 14, 16]) {
    const pageSize = 1 << pageShift;
    it(`reads the blocks C meant at ${pageSize / 1024} KiB pages`, async () => {
      const out = await compileAndRun(source, { pageShift });
      const mem = new PhysMem({ pageSize: pageSize as 4096 | 16384 | 65536 });
      const expected: { pfn: number; order: number }[] = [];
      let capacity = 0;
      for (const line of out.trim().split('\n')) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'block') expected.push({ pfn: Number(a), order: Number(b) });
        else if (kind === 'capacity') capacity = Number(a);
        else mem.write(BigInt(a!), Buffer.from(b!, 'hex'));
      }
      expect(capacity).toBe((pageSize - 16) / 16);
      const got = walkAll(mem, 256n * BigInt(pageSize));
      expect(got).toEqual(expected);
      expect(keys(readBitmapChain(mem, CHAIN, 256n * BigInt(pageSize)).map((x) => ({ pfn: Number(x.pa / BigInt(pageSize)), order: x.order })))).toEqual(keys(expected));
    }, 60_000);
  }
});

/** Aligned blocks at 4 KiB pages: pfns below 2^40 (sparse), orders 0..10, one block per head page. */
const blocksArb = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: (1n << 28n) - 1n }), fc.integer({ min: 0, max: 10 }), fc.boolean()), { maxLength: 60 })
  .map((list) => {
    const seen = new Map<string, PreservedBlock>();
    for (const [n, order, near] of list) {
      // Near: within the first bitmaps, so that blocks share bitmaps and chunks fill; far: anywhere below 2^40.
      const pfn = (near ? n % (1n << 17n) : n << 12n) >> BigInt(order) << BigInt(order);
      // One block per head page, as the kernel's preservations never overlap (a page's magic holds one order).
      if (!seen.has(`${pfn}`)) seen.set(`${pfn}`, { pa: pfn << 12n, order });
    }
    return [...seen.values()];
  });

describe('round trip: blocks -> chain -> blocks (fast-check)', () => {
  for (const [label, chain] of [
    ['page-sized bitmaps', CHAIN],
    ['512-byte bitmaps', KHOSER_MEM_CHUNK_LIST_BITMAP512_CONTAINER],
  ] as const) {
    it(`gives back every block with its order, and the same PreservedMap (${label})`, () => {
      fc.assert(
        fc.property(blocksArb, (blocks) => {
          const mem = new PhysMem();
          const first = writeBitmapChain(mem, chain, blocks, pages(1 << 20));
          if (blocks.length === 0) {
            expect(first).toBe(0n);
            return;
          }
          const want = blocks.map((b) => ({ pfn: Number(b.pa >> 12n), order: b.order }));
          expect(keys(walkAll(mem, first, chain))).toEqual(keys(want));
          const warnings: ReadWarning[] = [];
          const map = PreservedMap.fromBitmapChain(mem, chain, first, { warnings, strict: true });
          const same = PreservedMap.of(PAGE, want);
          expect(map.size).toBe(same.size);
          for (const b of want) expect(map.orderAt(b.pfn)).toBe(same.orderAt(b.pfn));
          expect(warnings).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('starts a new chunk of the same order when one is full (256 bitmaps of order 0 take two chunks)', () => {
    const mem = new PhysMem();
    const blocks = Array.from({ length: 256 }, (_, i) => ({ pa: BigInt(i) * 32768n * 4096n, order: 0 }));
    const first = writeBitmapChain(mem, CHAIN, blocks, pages(1 << 20));
    const second = mem.readU64(first);
    expect(second).not.toBe(0n);
    expect(new DataView(mem.read(first, 16).buffer).getUint32(12, true)).toBe(255);
    expect(new DataView(mem.read(second, 16).buffer).getUint32(8, true)).toBe(0);
    expect(new DataView(mem.read(second, 16).buffer).getUint32(12, true)).toBe(1);
    expect(walkAll(mem, first)).toHaveLength(256);
    // Every page the writer took for the map, two chunks and 256 bitmaps, is one the walk says it read.
    const read: number[] = [];
    walkBitmapChain(mem, CHAIN, first, () => {}, { onMapPage: (pfn) => read.push(pfn) });
    expect(read.sort((a, b) => a - b)).toEqual(Array.from({ length: 258 }, (_, i) => (1 << 20) + i));
  });
});

describe('reader checks (docs/reader-checks.md, KV rows)', () => {
  it('KV1: a memory map at 0 is refused, as the last kho-v1 kernels drop the handover', () => {
    const e = refused(() => walkAll(new PhysMem(), 0n));
    expect(e.struct).toBe('khoser_mem_chunk');
    expect(e.message).toContain('the memory map is at 0; the kernel drops the handover (-ENOENT, kho_get_mem_map_phys via kho_populate');
  });

  it('KV2: a chain that comes back to a chunk is refused (the kernel would loop at boot)', () => {
    const mem = new PhysMem();
    chunkAt(mem, page(1), { next: page(2) });
    chunkAt(mem, page(2), { next: page(1) });
    const e = refused(() => walkAll(mem, page(1)));
    expect(e.struct).toBe('khoser_mem_chunk');
    expect(e.field).toBe('hdr.next');
    expect(e.address).toBe(page(1));
    expect(e.message).toContain('a cycle); the kernel would walk it forever at boot (kho_mem_deserialize');
    // A chunk pointing at itself, too.
    chunkAt(mem, page(3), { next: page(3) });
    expect(refused(() => walkAll(mem, page(3))).message).toContain('a cycle');
  });

  it('KV3: num_elms past the chunk capacity is refused (the kernel reads past the page); 255 is read', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), []);
    chunkAt(mem, page(1), { count: 256n, entries: [[0n, page(9)]] });
    const e = refused(() => walkAll(mem, page(1)));
    expect(e.field).toBe('hdr.num_elms');
    expect(e.address).toBe(page(1) + 12n);
    expect(e.message).toContain('256 entries, but a chunk holds 255; the kernel would read entries past the chunk');
    chunkAt(mem, page(1), { count: 0xffffffffn, entries: [] });
    expect(refused(() => walkAll(mem, page(1))).message).toContain('4294967295 entries');
    chunkAt(mem, page(1), { entries: Array.from({ length: 255 }, (_, i) => [BigInt(i) * 32768n * 4096n, page(9)] as [bigint, bigint]) });
    expect(walkAll(mem, page(1), CHAIN, { warnings: [], maxBitmaps: 255 })).toEqual([]);
  });

  it('KV4: an order whose block size overflows the kernel\'s int is refused; order 18 at 4 KiB is read, and an empty chunk\'s order is not looked at', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [1]);
    chunkAt(mem, page(1), { order: 19, entries: [[0n, page(9)]] });
    const e = refused(() => walkAll(mem, page(1)));
    expect(e.field).toBe('hdr.order');
    expect(e.message).toContain('order 19: a block of 2^31 bytes overflows the int size deserialize_bitmap computes');
    chunkAt(mem, page(1), { order: 18, entries: [[0n, page(9)]] });
    expect(walkAll(mem, page(1))).toEqual([{ pfn: 1 << 18, order: 18 }]);
    chunkAt(mem, page(1), { order: 0xffffffff, entries: [] });
    expect(walkAll(mem, page(1))).toEqual([]);
  });

  it('KV5: an entry whose bitmap is 0 is refused (the kernel dereferences NULL)', () => {
    const mem = new PhysMem();
    chunkAt(mem, page(1), { entries: [[0n, 0n]] });
    const e = refused(() => walkAll(mem, page(1)));
    expect(e.struct).toBe('khoser_mem_bitmap_ptr');
    expect(e.field).toBe('bitmap');
    expect(e.address).toBe(page(1) + 24n);
    expect(e.message).toContain('entry 0 has no bitmap (0); the kernel would dereference NULL (deserialize_bitmap');
  });

  it('KV6: two entries naming one bitmap are read twice with one warning; strict refuses', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [3]);
    chunkAt(mem, page(1), { entries: [[0n, page(9)], [32768n * 4096n, page(9)], [2n * 32768n * 4096n, page(9)]] });
    const warnings: ReadWarning[] = [];
    // Three reads of one bitmap in a two-page image: past the default cap, which counts reads (KV9's neighbour, the amplification case).
    expect(thrown(() => walkAll(mem, page(1)))).toBeInstanceOf(ReaderLimitError);
    expect(walkAll(mem, page(1), CHAIN, { warnings, maxBitmaps: 3 })).toEqual([3, 32768 + 3, 65536 + 3].map((pfn) => ({ pfn, order: 0 })));
    expect(warnings.map((w) => w.code)).toEqual(['kho-v1-shared-bitmap']);
    expect(warnings[0]!.message).toContain('the bitmap at 0x9000 is named by a second entry; the kernel marks its blocks again (and 1 more like it)');
    expect(warnings[0]!.kernel).toContain('deserialize_bitmap');
    expect(refused(() => walkAll(mem, page(1), CHAIN, { strict: true, maxBitmaps: 3 })).message).toContain('refused in strict mode');
  });

  it('KV7: a start not aligned to the chunk\'s blocks is read as the kernel computes it, with a warning', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [0, 1]);
    chunkAt(mem, page(1), { order: 2, entries: [[page(3) + 0x10n, page(9)]] });
    const warnings: ReadWarning[] = [];
    expect(walkAll(mem, page(1), CHAIN, { warnings })).toEqual([
      { pfn: 3, order: 2 },
      { pfn: 7, order: 2 },
    ]);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([['unaligned-address', 'phys_start']]);
    expect(warnings[0]!.message).toContain('0x3010 is not aligned to an order-2 block');
  });

  it('KV8: a chunk or bitmap not in memory is a MemoryError', () => {
    const mem = new PhysMem();
    expect(thrown(() => walkAll(mem, page(1)))).toBeInstanceOf(MemoryError);
    chunkAt(mem, page(1), { entries: [[0n, page(77)]] });
    expect(thrown(() => walkAll(mem, page(1)))).toBeInstanceOf(MemoryError);
    chunkAt(mem, page(1), { next: page(78) });
    expect(thrown(() => walkAll(mem, page(1)))).toBeInstanceOf(MemoryError);
  });

  it('KV9: readBitmapChain refuses more than maxBlocks before building any; walkBitmapChain takes maxBlocks', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [], 0xff);
    chunkAt(mem, page(1), { entries: [[0n, page(9)]] });
    expect(readBitmapChain(mem, CHAIN, page(1))).toHaveLength(32768);
    const e = refused(() => readBitmapChain(mem, CHAIN, page(1), { maxBlocks: 100 }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('maxBlocks');
    let visited = 0;
    expect(thrown(() => walkBitmapChain(mem, CHAIN, page(1), () => visited++, { maxBlocks: 32767 }))).toBeInstanceOf(ReaderLimitError);
    expect(visited).toBe(0);
  });

  it('KV10: entries past num_elms are never read; the chain ends at next 0; empty chunks are walked through', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [4]);
    chunkAt(mem, page(1), { next: page(2), count: 0n, entries: [[0n, 0n]] });
    chunkAt(mem, page(2), { count: 1n, entries: [[0n, page(9)], [0n, 0n]] });
    expect(walkAll(mem, page(1))).toEqual([{ pfn: 4, order: 0 }]);
  });
});

describe('amplification is refused with a typed error, in little memory', () => {
  /** Runs `fn`, which must throw a ReaderLimitError, and says how much heap it added (no timing: the cap is what bounds the work). */
  function measure(fn: () => unknown): { error: ReaderLimitError; heapMB: number } {
    const heap0 = process.memoryUsage().heapUsed;
    const error = thrown(fn);
    if (!(error instanceof ReaderLimitError)) throw error;
    return { error, heapMB: (process.memoryUsage().heapUsed - heap0) / (1 << 20) };
  }

  it('512 chunks whose 255 entries all name one full bitmap: 4 G blocks claimed from 2 MiB', () => {
    const mem = new PhysMem();
    bitmapAt(mem, page(9), [], 0xff);
    const entries = Array.from({ length: 255 }, (_, i) => [BigInt(i) * 32768n * 4096n, page(9)] as [bigint, bigint]);
    for (let c = 0; c < 512; c++) chunkAt(mem, page(0x1000 + c), { next: c < 511 ? page(0x1000 + c + 1) : 0n, entries });
    const read = measure(() => readBitmapChain(mem, CHAIN, page(0x1000)));
    expect(read.error.limit).toBe('maxBlocks');
    expect(read.heapMB).toBeLessThan(200);
    // Without a block cap, the bitmap reads are capped by what memory holds (513 pages).
    const walk = measure(() => walkBitmapChain(mem, CHAIN, page(0x1000), () => {}));
    expect(walk.error.limit).toBe('maxBitmaps');
    expect(walk.error.max).toBe(513);
    expect(walk.heapMB).toBeLessThan(200);
  });
});

describe('corrupt memory (fast-check): typed errors or a result, nothing else', () => {
  const PAGES = 6;
  const base = 0x10000n;
  /** A few pages of random bytes, with small orders and counts and links planted back into them so walks go somewhere. */
  const memoryArb = fc
    .tuple(
      fc.array(fc.uint8Array({ minLength: PAGE, maxLength: PAGE }), { minLength: PAGES, maxLength: PAGES }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: PAGES - 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 300 })), { maxLength: PAGES }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: PAGES - 1 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: PAGES })), { maxLength: 40 }),
    )
    .map(([pages, headers, links]) => {
      const mem = new PhysMem();
      pages.forEach((p, i) => mem.write(base + BigInt(i) * BigInt(PAGE), p));
      for (const [page, order, count] of headers) {
        const at = base + BigInt(page) * BigInt(PAGE);
        mem.write(at + 8n, new Uint8Array(new Uint32Array([order, count]).buffer));
      }
      // slot 0 is next; slot 1 + 2k + 1 is the bitmap of entry k.
      for (const [page, slot, target] of links) mem.writeU64(base + BigInt(page) * BigInt(PAGE) + BigInt(slot === 0 ? 0 : 16 * slot + 8), target === PAGES ? 0n : base + BigInt(target) * BigInt(PAGE));
      return mem;
    });

  it('walkBitmapChain and readBitmapChain, default and strict', () => {
    fc.assert(
      fc.property(memoryArb, fc.boolean(), (mem, strict) => {
        survives(() => readBitmapChain(mem, CHAIN, base, { strict, warnings: [] }));
        survives(() => walkBitmapChain(mem, KHOSER_MEM_CHUNK_LIST_BITMAP512_CONTAINER, base, () => {}, { strict }));
      }),
      { numRuns: 150 },
    );
  });
});
