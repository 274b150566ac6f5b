/**
 * The kho_block chain reader against the kernel's rules (kernel-abi.md
 * section 5): entries in list order across blocks, and refusal of count 0,
 * count above capacity, loops and chains longer than the limit.
 */
import { describe, expect, it } from 'vitest';
import { luoFileSerCodec, luoSessionSerCodec, type LuoFileSer } from '../generated/ts/luo.js';
import { blockCapacity, blockChainEntries, DecodeError, MemoryError, PhysMem, readBlockChain, walkBlockChain, writeBlockChain } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';

const page = (n: number): bigint => BigInt(n) << 12n;
const file = (i: number): LuoFileSer => ({ compatible: i % 3 ? 'memfd-v2' : 'memfd-v2;vmalloc-v1', data: BigInt(i) << 12n, token: BigInt(i) * 0x1_0000_0001n });

describe('kho_block chains', () => {
  it('holds the kernel capacities: 63 files and 51 sessions per 4 KiB block', () => {
    // kernel-abi.md section 5: (PAGE_SIZE - 16) / entry size.
    expect(blockCapacity(KHO_BLOCK_CONTAINER, 4096, luoFileSerCodec.size)).toBe(63);
    expect(blockCapacity(KHO_BLOCK_CONTAINER, 4096, luoSessionSerCodec.size)).toBe(51);
  });

  it('reads back entries in list order across shuffled blocks', () => {
    const mem = new PhysMem();
    const entries = Array.from({ length: 200 }, (_, i) => file(i));
    const blocks = [page(9), page(3), page(7), page(5)];
    const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, blocks, luoFileSerCodec, entries);
    expect(head).toBe(page(9));
    expect(readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).toEqual(entries);
    // The header of each block: next, then count; all but the last are full.
    expect(mem.readU64(page(9))).toBe(page(3));
    expect(mem.readU64(page(9) + 8n)).toBe(63n);
    expect(mem.readU64(page(5))).toBe(0n);
    expect(mem.readU64(page(5) + 8n)).toBe(BigInt(200 - 3 * 63));
    const seen: bigint[] = [];
    expect(walkBlockChain(mem, KHO_BLOCK_CONTAINER, head, 64, (_v, _o, pa) => seen.push(pa))).toBe(200);
    expect(seen[63]).toBe(page(3) + 16n);
    // The lazy walk yields the same entries, one at a time.
    expect([...blockChainEntries(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)]).toEqual(entries);
  });

  it('an empty chain is head 0', () => {
    expect(readBlockChain(new PhysMem(), KHO_BLOCK_CONTAINER, 0n, luoFileSerCodec)).toEqual([]);
  });

  it('refuses count 0 and count above capacity, naming the address', () => {
    const mem = new PhysMem();
    writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(1)], luoFileSerCodec, [file(1)]);
    mem.writeU64(page(1) + 8n, 0n);
    const zero = thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec));
    expect(zero).toBeInstanceOf(DecodeError);
    expect((zero as DecodeError).message).toBe(
      'kho_block_header_ser.count at physical address 0x1008: count 0 is outside 1..63 for 64-byte entries; the kernel refuses the chain (-EINVAL, kho_block_set_restore (kernel/liveupdate/kho_block.c))',
    );
    mem.writeU64(page(1) + 8n, 64n);
    expect((thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec)) as DecodeError).reason).toContain('count 64 is outside 1..63');
  });

  it('refuses a loop and a chain longer than the limit', () => {
    const mem = new PhysMem();
    const entries = Array.from({ length: 63 * 3 }, (_, i) => file(i));
    writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(1), page(2), page(3)], luoFileSerCodec, entries);
    mem.writeU64(page(3), page(1));
    const loop = thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec)) as DecodeError;
    expect(loop.message).toContain('loops back');
    expect(loop.address).toBe(page(1));
    mem.writeU64(page(3), 0n);
    const long = thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec, { maxBlocks: 2 })) as DecodeError;
    expect(long.message).toContain('longer than 2 blocks');
  });

  it('a next pointer to an absent page is a MemoryError; a bad entry names its address', () => {
    const mem = new PhysMem();
    writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(1)], luoFileSerCodec, [file(1), file(2)]);
    mem.writeU64(page(1), page(40));
    mem.writeU64(page(1) + 8n, 2n);
    expect(thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec))).toBeInstanceOf(MemoryError);
    mem.writeU64(page(1), 0n);
    // Fill the second entry's compatible string with non-NUL bytes.
    mem.write(page(1) + 16n + 64n, new Uint8Array(48).fill(0x41));
    const bad = thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), luoFileSerCodec)) as DecodeError;
    expect(bad).toBeInstanceOf(DecodeError);
    expect(bad.field).toBe('compatible');
    expect(bad.address).toBe(page(1) + 16n + 64n);
  });
});
