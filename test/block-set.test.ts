/**
 * The block set (block-v2, KHO_BLOCK_SET_CONTAINER; runtime/containers/
 * block-set.ts): capacity reserved at register and released at unregister,
 * the count written with every appended entry (the chain in memory is
 * always a valid chain of the entries appended so far), and a restore that
 * fails half-way gives back exactly the pages it claimed. The property test
 * interleaves register, unregister, serialize and failing restores and
 * checks that no entry is lost and no page leaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KHO_BLOCK_CONTAINER, KHO_BLOCK_SET_CONTAINER } from '../generated/ts/block.js';
import { BlockSet, DecodeError, PhysMem, readBlockChain, restoreBlockChain, restoreBlockSet, type PageAllocator, type PageClaimer, type StructCodec } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';

/** A test entry of `size` bytes: a token at its start, the rest left 0. A token of 0 is refused on decode. */
function tokenCodec(size: number): StructCodec<bigint> {
  return {
    name: 'test_entry',
    version: 'test',
    size,
    align: 1,
    decode: (view, offset = 0) => {
      const t = view.getBigUint64(offset, true);
      if (t === 0n) throw new DecodeError({ struct: 'test_entry', field: 'token', offset }, 'token 0');
      return t;
    },
    encode: (value, view, offset = 0) => view.setBigUint64(offset, value, true),
  };
}

/** Pages handed out and given back, counted: a page freed twice or never handed out throws. */
class Pages implements PageAllocator {
  readonly held = new Set<bigint>();
  private next = 0x100n;
  alloc(): bigint {
    const pa = this.next++ << 12n;
    this.held.add(pa);
    return pa;
  }
  free(pa: bigint): void {
    if (!this.held.delete(pa)) throw new Error(`page 0x${pa.toString(16)} freed but not held`);
  }
}

/** The next kernel's view of preserved pages: each may be claimed once; `failAt` makes the n-th claim fail. */
class Claims implements PageClaimer {
  readonly claimed = new Set<bigint>();
  failAt = -1;
  private n = 0;
  claim(pa: bigint): void {
    if (this.n++ === this.failAt) throw new Error(`claim of 0x${pa.toString(16)} fails`);
    if (this.claimed.has(pa)) throw new Error(`page 0x${pa.toString(16)} claimed twice`);
    this.claimed.add(pa);
  }
  release(pa: bigint): void {
    if (!this.claimed.delete(pa)) throw new Error(`page 0x${pa.toString(16)} released but not claimed`);
  }
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const CODEC = tokenCodec(1000); // 4 entries per 4 KiB block after the 24-byte header

describe('block set (block-v2)', () => {
  it('lays out the block-v2 header: entry size and block size after next and count', () => {
    expect(KHO_BLOCK_SET_CONTAINER.header).toEqual({ name: 'kho_block_header_v2_ser', size: 24 });
    expect(KHO_BLOCK_SET_CONTAINER.entrySize).toEqual({ name: 'entry_size', offset: 16, size: 4 });
    expect(KHO_BLOCK_SET_CONTAINER.blockSizeMember).toEqual({ name: 'block_size', offset: 20, size: 4 });
    // block-v1 is untouched.
    expect(KHO_BLOCK_CONTAINER.header).toEqual({ name: 'kho_block_header_ser', size: 16 });
  });

  it('BS1: reserves a page when the reserved blocks are full, and gives it back on unregister', () => {
    const mem = new PhysMem();
    const pages = new Pages();
    const set = new BlockSet(mem, KHO_BLOCK_SET_CONTAINER, CODEC, pages);
    expect(set.entriesPerBlock).toBe(4);
    const tokens = [1n, 2n, 3n, 4n, 5n].map((t) => set.register(t));
    expect(pages.held.size).toBe(2);
    set.unregister(tokens[4]!);
    expect(pages.held.size).toBe(1);
    set.unregister(tokens[0]!);
    expect(set.serialize()).not.toBe(0n);
    expect(restoreBlockSet(mem, KHO_BLOCK_SET_CONTAINER, set.head, CODEC, new Claims()).entries).toEqual([2n, 3n, 4n]);
  });

  it('BS2: writes the count with every appended entry; a block joins the chain with its first entry', () => {
    const mem = new PhysMem();
    const set = new BlockSet(mem, KHO_BLOCK_SET_CONTAINER, CODEC, new Pages());
    expect(set.head).toBe(0n);
    for (let t = 1n; t <= 6n; t++) set.register(t);
    const head = set.serialize();
    const blocks = restoreBlockChain(mem, KHO_BLOCK_SET_CONTAINER, head, CODEC.size);
    expect(blocks.counts).toEqual([4, 2]);
    // Every block stores the format's geometry.
    for (const v of blocks.views) {
      expect(v.getUint32(16, true)).toBe(1000);
      expect(v.getUint32(20, true)).toBe(4096);
    }
  });

  it('BS3: a block-v2 block whose entry size or block size is not the reader\'s is refused', () => {
    const mem = new PhysMem();
    const set = new BlockSet(mem, KHO_BLOCK_SET_CONTAINER, CODEC, new Pages());
    set.register(7n);
    const head = set.serialize();
    expect((thrown(() => restoreBlockChain(mem, KHO_BLOCK_SET_CONTAINER, head, 500)) as Error).message).toMatch(/entry size of 1000, but this chain is read with 500/);
    mem.write(head + 20n, new Uint8Array([0, 0x20, 0, 0]));
    expect((thrown(() => restoreBlockChain(mem, KHO_BLOCK_SET_CONTAINER, head, 1000)) as Error).message).toMatch(/block size of 8192/);
  });

  it('BS4: a restore that fails half-way releases exactly the pages it claimed', () => {
    const mem = new PhysMem();
    const set = new BlockSet(mem, KHO_BLOCK_SET_CONTAINER, CODEC, new Pages());
    for (let t = 1n; t <= 10n; t++) set.register(t);
    const head = set.serialize();
    const claims = new Claims();
    claims.claim(0x5000n); // a page someone else holds stays claimed
    claims.failAt = 3; // the third block's claim (the first claim above is number 0)
    expect(() => restoreBlockSet(mem, KHO_BLOCK_SET_CONTAINER, head, CODEC, claims)).toThrow(/fails/);
    expect([...claims.claimed]).toEqual([0x5000n]);
    // A codec refusal after every claim releases them all too.
    mem.writeU64(set.pageAddresses[1]! + 24n, 0n);
    claims.failAt = -1;
    expect(() => restoreBlockSet(mem, KHO_BLOCK_SET_CONTAINER, head, CODEC, claims)).toThrow(DecodeError);
    expect([...claims.claimed]).toEqual([0x5000n]);
  });

  it('BS5: no entry lost, no page leaked, across register, unregister, serialize and failing restores', () => {
    type Op = { op: 'register' } | { op: 'unregister'; pick: number } | { op: 'serialize' } | { op: 'restore'; failAt: number } | { op: 'corrupt-restore'; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.constant({ op: 'register' } as Op) },
      { weight: 3, arbitrary: fc.nat(1000).map((pick) => ({ op: 'unregister', pick }) as Op) },
      { weight: 2, arbitrary: fc.constant({ op: 'serialize' } as Op) },
      { weight: 2, arbitrary: fc.integer({ min: -1, max: 8 }).map((failAt) => ({ op: 'restore', failAt }) as Op) },
      { weight: 1, arbitrary: fc.nat(1000).map((pick) => ({ op: 'corrupt-restore', pick }) as Op) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (ops, perBlock) => {
        const mem = new PhysMem();
        const pages = new Pages();
        const codec = tokenCodec(Math.floor((4096 - 24) / perBlock));
        const set = new BlockSet(mem, KHO_BLOCK_SET_CONTAINER, codec, pages);
        const registered: { token: ReturnType<typeof set.register>; value: bigint }[] = [];
        let serialized: bigint[] = [];
        let next = 1n;
        const claims = new Claims();
        for (const o of ops) {
          if (o.op === 'register') {
            const value = next++;
            registered.push({ token: set.register(value), value });
          } else if (o.op === 'unregister') {
            if (!registered.length) continue;
            const [gone] = registered.splice(o.pick % registered.length, 1);
            set.unregister(gone!.token);
            serialized = serialized.filter((v) => v !== gone!.value);
          } else if (o.op === 'serialize') {
            set.serialize();
            serialized = registered.map((r) => r.value);
          } else {
            const before = [...claims.claimed];
            if (o.op === 'corrupt-restore') {
              const blocks = set.pageAddresses;
              if (!blocks.length || set.head === 0n) continue;
              // A copy of memory with one block's count set to 0: the restore refuses it before claiming anything.
              const copy = new PhysMem();
              for (const pa of blocks) copy.write(pa, mem.read(pa, 4096));
              copy.writeU64(blocks[o.pick % blocks.length]! + 8n, 0n);
              let failed = false;
              try {
                restoreBlockSet(copy, KHO_BLOCK_SET_CONTAINER, set.head, codec, claims);
              } catch {
                failed = true;
              }
              // A block that is not in the chain (reserved, not yet linked) can be corrupted without effect.
              if (!failed) for (const pa of [...claims.claimed]) if (!before.includes(pa)) claims.release(pa);
            } else {
              claims.failAt = o.failAt;
              try {
                const r = restoreBlockSet(mem, KHO_BLOCK_SET_CONTAINER, set.head, codec, claims);
                // Success: exactly what was appended, in order; then the pages go back.
                expect(r.entries).toEqual(set.head === 0n ? [] : expect.any(Array));
                for (const pa of r.pages) claims.release(pa);
              } catch (e) {
                expect(String(e)).toMatch(/fails/);
              }
              claims.failAt = -1;
            }
            // No page leaks from a restore, failed or not.
            expect([...claims.claimed]).toEqual(before);
          }
          // No page leaks on the writing side: exactly the pages the registered objects need.
          expect(pages.held.size).toBe(Math.ceil(registered.length / set.entriesPerBlock));
          expect(new Set(set.pageAddresses)).toEqual(pages.held);
          // The chain in memory is always valid, and holds every entry serialized whose object is still registered, in order.
          // (An unregister moves the last entry into the freed slot: the same entries, not the same order.)
          const inChain = set.head === 0n ? [] : readBlockChain(mem, KHO_BLOCK_SET_CONTAINER, set.head, codec);
          expect([...inChain].sort(cmp)).toEqual([...serialized].sort(cmp));
        }
        // After a last serialize, every registered object's entry is there: none lost.
        set.serialize();
        const all = registered.map((r) => r.value);
        expect(set.head === 0n ? [] : restoreBlockSet(mem, KHO_BLOCK_SET_CONTAINER, set.head, codec, new Claims()).entries).toEqual(all);
        set.destroy();
        expect(pages.held.size).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
