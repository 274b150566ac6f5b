/**
 * Corrupt containers: random bytes in every page a reader may visit give a
 * DecodeError or MemoryError (or a result), never another exception, a
 * hang or unbounded work. Loops and over-long chains are the hang risks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luoFileSerCodec } from '../generated/ts/luo.js';
import { memfdLuoFolioSerCodec } from '../generated/ts/memfd.js';
import { DecodeError, MemoryError, PhysMem, readBlockChain, readKhoFdt, readRadixTree, readVmallocArray } from '../runtime/index.js';

const PAGES = 6;
const base = 0x10000n;

/** A memory of a few pages filled with bytes that are mostly small, and addresses pointing back into the same pages. */
const memoryArb = fc.array(fc.uint8Array({ minLength: 4096, maxLength: 4096 }), { minLength: PAGES, maxLength: PAGES }).chain((pages) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: PAGES - 1 }), fc.integer({ min: 0, max: 511 }), fc.integer({ min: 0, max: PAGES })), { maxLength: 40 }).map((links) => {
    const mem = new PhysMem();
    pages.forEach((p, i) => mem.write(base + BigInt(i) * 4096n, p));
    // Plant plausible next/child pointers (into the same pages, or just past them) so walks go somewhere.
    for (const [page, slot, target] of links) mem.writeU64(base + BigInt(page) * 4096n + BigInt(slot) * 8n, base + BigInt(target) * 4096n);
    return mem;
  }),
);

function survives(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof DecodeError) && !(e instanceof MemoryError)) throw e;
  }
}

describe('container readers on corrupt memory', () => {
  it('readBlockChain', () => {
    fc.assert(fc.property(memoryArb, (mem) => survives(() => readBlockChain(mem, base, luoFileSerCodec))), { numRuns: 150 });
  });

  it('readVmallocArray', () => {
    fc.assert(
      fc.property(memoryArb, fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5000 }), (mem, pages, order, count) =>
        survives(() => readVmallocArray(mem, { first: base, total_pages: pages, flags: 1, order }, memfdLuoFolioSerCodec, count)),
      ),
      { numRuns: 150 },
    );
  });

  it('readRadixTree', () => {
    fc.assert(fc.property(memoryArb, (mem) => survives(() => readRadixTree(mem, base, { maxPages: 64 }))), { numRuns: 60 });
  });

  it('readKhoFdt', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => survives(() => readKhoFdt(bytes))), { numRuns: 300 });
  });

  it('a zero-filled memory is an empty radix tree and a chain of bad counts', () => {
    const mem = new PhysMem();
    mem.map(base, 4096);
    expect(readRadixTree(mem, base)).toEqual([]);
    expect(() => readBlockChain(mem, base, luoFileSerCodec)).toThrow(DecodeError);
  });
});
