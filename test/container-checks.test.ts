/**
 * One test per row of docs/reader-checks.md: the bytes of each case are
 * built with the runtime's writers (or by hand where no writer produces
 * them), handed to the container reader, and the outcome compared with the
 * kernel's: accepted, accepted with a warning (and refused with `strict`),
 * refused, or a failure of one FDT child only. Test names start with the
 * row's id.
 */
import { describe, expect, it } from 'vitest';
import { luoFileSerCodec, luoSessionSerCodec, type LuoFileSer, LUO_SESSION_SER_REFS } from '../generated/ts/luo.js';
import { memfdLuoFolioSerCodec } from '../generated/ts/memfd.js';
import { khoVmallocCodec, KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import {
  blockChainEntries,
  DecodeError,
  encodeBytes,
  khoFdtIsCompatible,
  khoSubtree,
  MemoryError,
  PhysMem,
  radixGeometry,
  radixKey,
  readBlockChain,
  ReaderLimitError,
  readKhoFdt,
  readLuoSessions,
  readRadixTree,
  readVmallocArray,
  readVmallocBlocks,
  readVmallocBytes,
  restoreVmalloc,
  vmallocArrayEntries,
  walkBlockChain,
  walkRadixTree,
  writeBlockChain,
  writeKhoFdt,
  writeRadixTree,
  writeVmalloc,
  type ReadWarning,
  type VmallocDescriptor,
} from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';

/** Where readLuoSessions finds the sessions' blocks and each session's files and their count. */
const sessionsLayout = { blocks: KHO_BLOCK_CONTAINER, files: LUO_SESSION_SER_REFS['file_set_ser.files'] };

const page = (n: number): bigint => BigInt(n) << 12n;
const file = (i: number, compatible = 'memfd-v2'): LuoFileSer => ({ compatible, data: page(0x500 + i), token: BigInt(i) });

/** The error `fn` throws, which must be a DecodeError (or a subclass). */
function refused(fn: () => unknown): DecodeError {
  const e = thrown(fn);
  if (!(e instanceof DecodeError)) throw e;
  return e;
}

/** Runs `read` with a warnings list; returns the value and the warnings' codes. */
function withWarnings<T>(read: (opts: { warnings: ReadWarning[] }) => T): { value: T; warnings: ReadWarning[] } {
  const warnings: ReadWarning[] = [];
  return { value: read({ warnings }), warnings };
}

// ---------------------------------------------------------------- kho_block

describe('kho_block chain (kho_block_set_restore)', () => {
  const chain = (n: number, blocks = [page(1), page(2), page(3)]) => {
    const mem = new PhysMem();
    const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, blocks, luoFileSerCodec, Array.from({ length: n }, (_, i) => file(i)));
    return { mem, head };
  };

  it('B1 head 0 is an empty chain', () => {
    expect(readBlockChain(new PhysMem(), KHO_BLOCK_CONTAINER, 0n, luoFileSerCodec)).toEqual([]);
    expect(walkBlockChain(new PhysMem(), KHO_BLOCK_CONTAINER, 0n, 64, () => {})).toBe(0);
  });

  it('B2 a chain that reaches a block twice is refused (-EINVAL)', () => {
    const { mem, head } = chain(63 * 3);
    mem.writeU64(page(3), page(2));
    const e = refused(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec));
    expect(e.reason).toContain('loops back');
    expect(e.reason).toContain('kho_block_set_is_cyclic');
    expect(e.address).toBe(page(2));
  });

  it('B3 a chain of 10000 blocks is read, of 10001 refused', () => {
    const mem = new PhysMem({ maxPages: 20000 });
    // Blocks of one 16-byte entry each, headers written by hand.
    const block = new Uint8Array(4096);
    const view = new DataView(block.buffer);
    for (let i = 1; i <= 10001; i++) {
      view.setBigUint64(0, i < 10001 ? page(i + 1) : 0n, true);
      view.setBigUint64(8, 1n, true);
      mem.write(page(i), block);
    }
    const e = refused(() => walkBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), 16, () => {}));
    expect(e.reason).toContain('longer than 10000 blocks');
    mem.writeU64(page(10000), 0n);
    expect(walkBlockChain(mem, KHO_BLOCK_CONTAINER, page(1), 16, () => {})).toBe(10000);
  });

  it('B4 count 0 is refused (-EINVAL)', () => {
    const { mem, head } = chain(5);
    mem.writeU64(page(1) + 8n, 0n);
    expect(refused(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).field).toBe('count');
  });

  it('B5 count above the block capacity is refused (-EINVAL); the capacity itself is read', () => {
    const { mem, head } = chain(63);
    expect(readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).toHaveLength(63);
    mem.writeU64(page(1) + 8n, 64n);
    expect(refused(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).reason).toContain('count 64 is outside 1..63');
  });

  it('B6 count 2^64-1 is refused before anything is allocated', () => {
    const { mem, head } = chain(5);
    mem.writeU64(page(1) + 8n, (1n << 64n) - 1n);
    expect(refused(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).reason).toContain('count 18446744073709551615 is outside 1..63');
  });

  it('B7 bytes after the last counted entry are not read', () => {
    const { mem, head } = chain(2);
    mem.write(page(1) + 16n + 2n * 64n, new Uint8Array(64).fill(0xff));
    expect(readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec)).toEqual([file(0), file(1)]);
  });

  it('B8 a block missing from memory is a MemoryError', () => {
    const { mem, head } = chain(63 * 2);
    mem.writeU64(page(1), page(77));
    expect(thrown(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec))).toBeInstanceOf(MemoryError);
  });

  it('B9 a refused chain yields no entry, even to a lazy walk', () => {
    const { mem, head } = chain(63 * 3);
    mem.writeU64(page(3) + 8n, 0n); // the last block's count
    const seen: number[] = [];
    expect(refused(() => walkBlockChain(mem, KHO_BLOCK_CONTAINER, head, 64, (_v, o) => seen.push(o))).field).toBe('count');
    const entries = blockChainEntries(mem, KHO_BLOCK_CONTAINER, head, luoFileSerCodec);
    expect(refused(() => entries.next()).field).toBe('count');
    expect(seen).toEqual([]);
  });
});

// ---------------------------------------------------------------- kho_vmalloc

describe('kho_vmalloc chunk chain (kho_restore_vmalloc)', () => {
  /** An area of `pages` pages of order-0 blocks at page(100 + i), chunks from page(10). */
  const area = (pages: number, order = 0) => {
    const mem = new PhysMem();
    const data = Uint8Array.from({ length: pages * 4096 }, (_, i) => (i >> 4) & 0xff);
    const blockPages = 2 ** order;
    const blocks = Array.from({ length: Math.ceil(pages / blockPages) }, (_, i) => page(256 + i * blockPages));
    const d = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, blocks, [page(10), page(11), page(12)], order);
    return { mem, d, data };
  };
  const chunkEntry = (i: number) => page(10) + 8n + BigInt(i) * 8n;

  it('V1 unknown flag bits are accepted: the codec warns, the chain reader ignores them', () => {
    const { mem, d } = area(2);
    mem.write(page(5), encodeBytes(khoVmallocCodec, { ...d, flags: 0x8001 }));
    const { value: desc, warnings } = withWarnings((o) => mem.decode(khoVmallocCodec, page(5), o));
    expect(warnings.map((w) => [w.code, w.field, w.address])).toEqual([['undeclared-bits', 'flags', page(5) + 12n]]);
    expect(readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, desc)).toEqual([page(256), page(257)]);
    expect(refused(() => mem.decode(khoVmallocCodec, page(5), { strict: true })).field).toBe('flags');
  });

  it('V2 total_pages 0 is refused (an empty area)', () => {
    const { mem, d } = area(1);
    mem.writeU64(chunkEntry(0), 0n);
    expect(refused(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 0 })).reason).toContain('__get_vm_area_node');
  });

  it('V3 total_pages that is no multiple of 1 << order is refused', () => {
    const { mem, d } = area(4, 1);
    expect(readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, d)).toEqual([page(256), page(258)]);
    expect(refused(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 3 })).reason).toContain('not a multiple of 1 << order (1)');
  });

  it('V4 a block past total_pages is refused', () => {
    const { mem, d } = area(3);
    const e = refused(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 2 }));
    expect(e.reason).toContain('a block past the 2 pages');
    expect(e.address).toBe(chunkEntry(2));
  });

  it('V5 fewer blocks than total_pages is refused', () => {
    const { mem, d } = area(3);
    mem.map(page(259), 4096);
    expect(refused(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 4 })).reason).toContain('lists 3 blocks of 1 pages, not the 4 pages');
  });

  it('V6 a page restored twice is refused: two entries, a chunk named as a block, a chunk reached twice', () => {
    const twice = area(3);
    twice.mem.writeU64(chunkEntry(2), page(256));
    expect(refused(() => readVmallocBlocks(twice.mem, KHO_VMALLOC_AREA_CONTAINER, twice.d)).reason).toContain('block 2 restores page 0x100000 a second time');
    const chunkAsBlock = area(3);
    chunkAsBlock.mem.writeU64(chunkEntry(2), page(10));
    expect(refused(() => readVmallocBlocks(chunkAsBlock.mem, KHO_VMALLOC_AREA_CONTAINER, chunkAsBlock.d)).reason).toContain('the chunk restores page 0xa000 a second time');
    // An empty chunk that links to itself: only the claim on its page stops it.
    const loop = area(1);
    loop.mem.write(page(11), new Uint8Array(4096));
    loop.mem.writeU64(page(11), page(11));
    loop.mem.writeU64(page(10), page(11));
    expect(refused(() => readVmallocBlocks(loop.mem, KHO_VMALLOC_AREA_CONTAINER, loop.d)).reason).toContain('the chunk restores page 0xb000 a second time');
  });

  it('V7 a block or chunk page missing from memory is a MemoryError', () => {
    const { mem, d } = area(2);
    mem.writeU64(chunkEntry(1), page(900));
    expect(thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, d))).toBeInstanceOf(MemoryError);
    expect(thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, first: page(901) }))).toBeInstanceOf(MemoryError);
  });

  it('V8 a block address inside its page, or not aligned to its order, is accepted with one warning', () => {
    const { mem, d, data } = area(4);
    mem.writeU64(chunkEntry(1), page(257) + 0x10n);
    mem.writeU64(chunkEntry(3), page(259) + 0x800n);
    const { value, warnings } = withWarnings((o) => readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, d, o));
    expect(value).toEqual(data); // the page that holds each address
    expect(warnings.map((w) => [w.code, w.address])).toEqual([['unaligned-address', chunkEntry(1)]]);
    expect(warnings[0]!.message).toContain('(and 1 more like it)');
    expect(refused(() => readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, d, { strict: true })).address).toBe(chunkEntry(1));
    // Order 1 at an odd page: restored as two order-0 pieces.
    const odd = area(2, 1);
    odd.mem.map(page(301), 8192);
    odd.mem.writeU64(chunkEntry(0), page(301));
    const blocks = withWarnings((o) => readVmallocBlocks(odd.mem, KHO_VMALLOC_AREA_CONTAINER, odd.d, o));
    expect(blocks.value).toEqual([page(301)]);
    expect(blocks.warnings[0]!.message).toContain('not aligned to its 2 pages');
  });

  it('V9 empty chunks, at the end or between, are followed', () => {
    const { mem, d, data } = area(2);
    // chunk 10 -> empty chunk 11 -> chunk 12 holding the second block.
    mem.writeU64(chunkEntry(1), 0n);
    mem.write(page(11), new Uint8Array(4096));
    mem.write(page(12), new Uint8Array(4096));
    mem.writeU64(page(10), page(11));
    mem.writeU64(page(11), page(12));
    mem.writeU64(page(12) + 8n, page(257));
    expect(readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, d)).toEqual(data);
  });

  it('V10 more blocks than memory holds pages is refused before anything is allocated', () => {
    const { mem, d } = area(1);
    const e = refused(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 0xffffffff }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('pages in memory');
  });

  it('V11 more entries than the area holds is refused before anything is read, 2^64-1 too', () => {
    const { mem, d } = area(1);
    // Indexes within their bound (the filler bytes give entries past 7 an index above 2^51 - 1, which the codec refuses).
    for (let i = 0; i < 256; i++) mem.write(page(256) + BigInt(i * 16 + 8), new Uint8Array(8));
    expect(readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, 256)).toHaveLength(256);
    for (const n of [257, (1n << 64n) - 1n, -1]) expect(refused(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, n)).reason).toContain('do not fit');
  });

  it('V12 a count of 0 reads nothing, not even the chain', () => {
    const broken: VmallocDescriptor = { first: page(999), total_pages: 0, flags: 1, order: 0 };
    expect(readVmallocArray(new PhysMem(), KHO_VMALLOC_AREA_CONTAINER, broken, memfdLuoFolioSerCodec, 0n)).toEqual([]);
    expect([...vmallocArrayEntries(new PhysMem(), KHO_VMALLOC_AREA_CONTAINER, broken, memfdLuoFolioSerCodec, 0)]).toEqual([]);
  });

  it('V13 readVmallocBytes refuses an area over maxBytes with a typed error naming the cap', () => {
    const { mem, d } = area(2);
    const e = refused(() => readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, d, { maxBytes: 4096 }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect(e.message).toContain('maxBytes');
  });

  it('V14 the area is checked whole before the first entry is handed out', () => {
    const { mem, d } = area(3);
    mem.writeU64(chunkEntry(2), page(256));
    const entries = vmallocArrayEntries(mem, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, 10);
    expect(refused(() => entries.next()).reason).toContain('a second time');
    mem.writeU64(chunkEntry(2), page(258));
    expect([...restoreVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, d).blocks]).toEqual([256, 257, 258]);
  });
});

// ---------------------------------------------------------------- radix tree

describe('radix-tree memory map (kho_radix_walk_tree)', () => {
  const g = radixGeometry(KHO_RADIX_TREE_CONTAINER, 4096);
  const tree = (blocks = [{ pa: page(1), order: 0 }, { pa: 0x200000n, order: 9 }]) => {
    const mem = new PhysMem();
    let next = page(0x1000);
    const root = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, blocks, () => (next += 4096n));
    return { mem, root };
  };

  it('R1 a memory map at 0 is refused (-EINVAL)', () => {
    expect(refused(() => readRadixTree(new PhysMem(), KHO_RADIX_TREE_CONTAINER, 0n)).reason).toContain('kho_mem_retrieve');
  });

  it('R2 a tree page reached twice is walked again, with a warning; strict refuses it', () => {
    const { mem, root } = tree([{ pa: page(1), order: 0 }]);
    // Two slots of the root point at the same level-4 node: the kernel walks it twice, under two prefixes.
    const slot = root + 2n * 8n;
    mem.writeU64(root + 3n * 8n, mem.readU64(slot));
    // 11 visits of 6 pages: more than the image holds, so the default cap would refuse it; raise it.
    expect(refused(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root))).toBeInstanceOf(ReaderLimitError);
    const { value, warnings } = withWarnings((o) => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { ...o, maxPages: 11 }));
    // Under root index 3 the same leaf bit is key 2^52 | 2^51 | 1: order 0, at 2^63 + 0x1000.
    expect(value).toEqual([
      { pa: page(1), order: 0 },
      { pa: (1n << 63n) + page(1), order: 0 },
    ]);
    // The level-4 node and the four pages below it are each reached twice: one warning for the walk.
    expect(warnings.map((w) => w.code)).toEqual(['radix-shared-page']);
    expect(warnings[0]!.message).toContain('and 4 more like it');
    expect(refused(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { strict: true, maxPages: 11 })).reason).toContain('reached a second time');
  });

  it('R3 more tree-page visits than memory holds pages is refused, naming maxPages', () => {
    const { mem, root } = tree([{ pa: page(1), order: 0 }]);
    const e = refused(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { maxPages: 3 }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('maxPages');
  });

  it('R4 leaf bits that name no block are skipped with one warning', () => {
    const { mem, root } = tree([{ pa: page(1), order: 0 }]);
    // A leaf under prefix 0 (the key is the bit index): bit 0 is key 0; bit 5 is a valid key of order 50.
    const leaf0 = page(0x3000);
    mem.write(leaf0, new Uint8Array(4096));
    mem.writeU64(leaf0, 0b100001n);
    const nodes = [page(0x3001), page(0x3002), page(0x3003), page(0x3004)];
    for (const n of nodes) mem.write(n, new Uint8Array(4096));
    mem.writeU64(root, nodes[0]!); // slot 0 of the root, then slot 0 at every level down to the leaf
    for (let i = 0; i < 3; i++) mem.writeU64(nodes[i]!, nodes[i + 1]!);
    mem.writeU64(nodes[3]!, leaf0);
    const { value, warnings } = withWarnings((o) => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, o));
    // Key 5 = 0b101: the marker is bit 2, so order 52 + 1 - 3 = 50 and pa = 1 << (12 + 50).
    expect(value).toEqual([
      { pa: 1n << 62n, order: g.order0Log2 + 1 - 3 },
      { pa: page(1), order: 0 },
    ]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([['radix-no-block', leaf0]]);
    expect(refused(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { strict: true })).reason).toContain('key 0');
  });

  it('R5 more blocks than maxBlocks are refused before any is built; the walk takes a cap too', () => {
    const blocks = Array.from({ length: 100 }, (_, i) => ({ pa: page(i + 1), order: 0 }));
    const { mem, root } = tree(blocks);
    expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root)).toHaveLength(100);
    const e = refused(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, { maxBlocks: 99 }));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('maxBlocks');
    let seen = 0;
    expect(refused(() => walkRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, () => seen++, { maxBlocks: 50 }))).toBeInstanceOf(ReaderLimitError);
    expect(seen).toBe(0); // the cap is checked leaf by leaf, before the leaf's blocks are handed out
  });

  it('R6 a table entry outside memory is a MemoryError', () => {
    const { mem, root } = tree();
    mem.writeU64(root + 8n * 100n, page(0x9999));
    expect(thrown(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root))).toBeInstanceOf(MemoryError);
  });

  it('R7 keys decode as the kernel decodes them, at every order', () => {
    const blocks = [0, 1, 9, 18, 30].map((order) => ({ pa: 1n << BigInt(12 + order + 3), order }));
    const { mem, root } = tree(blocks);
    const sorted = [...blocks].sort((a, b) => (radixKey(g, a) < radixKey(g, b) ? -1 : 1));
    expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root)).toEqual(sorted);
  });
});

// ---------------------------------------------------------------- KHO root FDT

/** A flattened device tree built by hand: root properties and children, each property raw bytes. */
function fdt(rootProps: [string, Uint8Array][], children: [string, [string, Uint8Array][]][] = []): Uint8Array {
  const strings: string[] = [];
  const struct: number[] = [];
  const u32 = (v: number) => struct.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  const pad = () => {
    while (struct.length % 4) struct.push(0);
  };
  const nameOff = (n: string) => {
    let off = 0;
    for (const s of strings) {
      if (s === n) return off;
      off += s.length + 1;
    }
    strings.push(n);
    return off;
  };
  const node = (name: string, props: [string, Uint8Array][]) => {
    u32(1);
    struct.push(...new TextEncoder().encode(name), 0);
    pad();
    for (const [n, v] of props) {
      u32(3);
      u32(v.length);
      u32(nameOff(n));
      struct.push(...v);
      pad();
    }
  };
  node('', rootProps);
  for (const [name, props] of children) {
    node(name, props);
    u32(2);
  }
  u32(2);
  u32(9);
  const str = new TextEncoder().encode(strings.map((s) => s + '\0').join(''));
  const out = new Uint8Array(56 + struct.length + str.length);
  const be = new DataView(out.buffer);
  [0xd00dfeed, out.length, 56, 56 + struct.length, 40, 17, 16, 0, str.length, struct.length].forEach((v, i) => be.setUint32(i * 4, v));
  out.set(struct, 56);
  out.set(str, 56 + struct.length);
  return out;
}
const u64 = (v: bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};
const str = (s: string) => new TextEncoder().encode(s);
const goodRoot = (): [string, Uint8Array][] => [
  ['compatible', str('kho-v4\0')],
  ['preserved-memory-map', u64(0x1000n)],
];
const blob = (data: bigint, size: bigint): [string, Uint8Array][] => [
  ['preserved-data', u64(data)],
  ['blob-size', u64(size)],
];

describe('KHO root FDT (kho_populate, kho_retrieve_subtree)', () => {
  it('F1 no compatible property drops the handover', () => {
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, fdt([['preserved-memory-map', u64(0x1000n)]]))).reason).toContain('no compatible');
  });

  it('F2 an empty compatible property matches nothing and drops the handover', () => {
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, fdt([['compatible', new Uint8Array(0)], ['preserved-memory-map', u64(0x1000n)]]))).reason).toContain('empty');
  });

  it('F3 the kernel string anywhere in a compatible list is compatible', () => {
    const kho = readKhoFdt(KHO_FDT_CONTAINER, fdt([['compatible', str('vendor,kho\0kho-v4\0')], ['preserved-memory-map', u64(0x1000n)]]));
    expect(kho.compatibles).toEqual(['vendor,kho', 'kho-v4']);
    expect(kho.compatible).toBe('vendor,kho');
    expect(khoFdtIsCompatible(kho, 'kho-v4')).toBe(true);
    expect(khoFdtIsCompatible(kho, 'kho-v')).toBe(false);
  });

  it('F4 a last compatible string without its NUL still matches, with a warning', () => {
    const bytes = fdt([['compatible', str('kho-v4')], ['preserved-memory-map', u64(0x1000n)]]);
    const { value, warnings } = withWarnings((o) => readKhoFdt(KHO_FDT_CONTAINER, bytes, o));
    expect(khoFdtIsCompatible(value, 'kho-v4')).toBe(true);
    expect(warnings.map((w) => [w.code, w.field])).toEqual([['unterminated-string', 'compatible']]);
    expect(warnings[0]!.kernel).toContain('fdt_stringlist_contains');
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, bytes, { strict: true })).field).toBe('compatible');
  });

  it('F5 a memory map missing or not 8 bytes drops the handover', () => {
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, fdt([['compatible', str('kho-v4\0')]]))).reason).toContain("no 'preserved-memory-map'");
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, fdt([['compatible', str('kho-v4\0')], ['preserved-memory-map', new Uint8Array(4)]]))).reason).toContain('of 4 bytes, not 8');
  });

  it('F6 a memory map at 0 drops the handover', () => {
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, writeKhoFdt(KHO_FDT_CONTAINER, { compatible: 'kho-v4', memoryMap: 0n, subtrees: [] }))).reason).toContain('memory map is at 0');
  });

  it('F7 a child without preserved-data, or with one not 8 bytes, fails alone', () => {
    const kho = readKhoFdt(KHO_FDT_CONTAINER, 
      fdt(goodRoot(), [
        ['a', [['blob-size', u64(8n)]]],
        ['b', [['preserved-data', new Uint8Array(4)], ['blob-size', u64(8n)]]],
        ['LUO', blob(0x5000n, 32n)],
      ]),
    );
    expect(kho.subtrees).toEqual([{ name: 'LUO', data: 0x5000n, size: 32n }]);
    expect(kho.failed!.map((f) => [f.name, f.field, f.reason])).toEqual([
      ['a', 'preserved-data', "node 'a' has no 'preserved-data' property"],
      ['b', 'preserved-data', "node 'b' has 'preserved-data' of 4 bytes, not 8"],
    ]);
    // Looking one up by name gives what kho_retrieve_subtree gives: the blob, or why it fails.
    expect(khoSubtree(kho, 'LUO')).toEqual({ name: 'LUO', data: 0x5000n, size: 32n });
    expect(khoSubtree(kho, 'a')).toMatchObject({ field: 'preserved-data' });
    expect(khoSubtree(kho, 'none')).toBeUndefined();
  });

  it('F8 a child without blob-size, or with one not 8 bytes, fails alone', () => {
    const kho = readKhoFdt(KHO_FDT_CONTAINER, 
      fdt(goodRoot(), [
        ['LUO', blob(0x5000n, 32n)],
        ['kexec-metadata', [['preserved-data', u64(0x6000n)]]],
        ['memblock', [['preserved-data', u64(0x7000n)], ['blob-size', new Uint8Array(9)]]],
      ]),
    );
    expect(kho.subtrees.map((t) => t.name)).toEqual(['LUO']);
    expect(kho.failed!.map((f) => [f.name, f.field, f.kernel])).toEqual([
      ['kexec-metadata', 'blob-size', 'kho_retrieve_subtree (kernel/liveupdate/kexec_handover.c)'],
      ['memblock', 'blob-size', 'kho_retrieve_subtree (kernel/liveupdate/kexec_handover.c)'],
    ]);
  });

  it('F9 a second child of one name is never retrieved', () => {
    const kho = readKhoFdt(KHO_FDT_CONTAINER, fdt(goodRoot(), [['LUO', blob(0x5000n, 32n)], ['LUO', blob(0x9000n, 32n)]]));
    expect(kho.subtrees).toEqual([{ name: 'LUO', data: 0x5000n, size: 32n }]);
    expect(kho.failed!.map((f) => [f.name, f.kernel])).toEqual([['LUO', 'fdt_subnode_offset via kho_retrieve_subtree (libfdt, kernel/liveupdate/kexec_handover.c)']]);
    expect(khoSubtree(kho, 'LUO')).toEqual({ name: 'LUO', data: 0x5000n, size: 32n });
  });

  it('F10 a blob that is no FDT (bad magic, truncated) drops the handover', () => {
    const good = fdt(goodRoot());
    const bad = good.slice();
    bad[0] = 0;
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, bad)).reason).toContain('bad magic');
    expect(refused(() => readKhoFdt(KHO_FDT_CONTAINER, good.subarray(0, good.length - 8))).reason).toContain('totalsize');
  });
});

// ---------------------------------------------------------------- LUO sessions and files

describe('LUO sessions and files (luo_session_deserialize, luo_file_deserialize)', () => {
  const codecs = { session: luoSessionSerCodec, file: luoFileSerCodec };
  /** Sessions named `names`, session i holding i + 1 files in its own chain. */
  const image = (names: string[]) => {
    const mem = new PhysMem();
    const sessions = names.map((name, i) => {
      const files = Array.from({ length: i + 1 }, (_, k) => file(k));
      return { name, file_set_ser: { files: writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(100 + i)], luoFileSerCodec, files), count: BigInt(files.length) } };
    });
    return { mem, head: writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(10)], luoSessionSerCodec, sessions) };
  };
  const sessionAt = (i: number) => page(10) + 16n + BigInt(i) * 80n;

  it('L1 sessions_pa 0 restores no session', () => {
    expect(readLuoSessions(new PhysMem(), sessionsLayout, 0n, codecs)).toEqual([]);
  });

  it('L2 a duplicate session name is refused (-EEXIST)', () => {
    const ok = image(['vm-1', 'vm-2']);
    expect(readLuoSessions(ok.mem, sessionsLayout, ok.head, codecs).map((s) => [s.session.name, s.files.length])).toEqual([
      ['vm-1', 1],
      ['vm-2', 2],
    ]);
    const dup = image(['vm-1', 'vm-2', 'vm-1']);
    const e = refused(() => readLuoSessions(dup.mem, sessionsLayout, dup.head, codecs));
    expect(e.reason).toContain('-EEXIST');
    expect(e.address).toBe(sessionAt(2));
  });

  it('L3 a file count other than the files read is refused (-EINVAL), 2^64-1 too', () => {
    for (const count of [3n, 1n, (1n << 64n) - 1n]) {
      const { mem, head } = image(['vm-1', 'vm-2']);
      mem.writeU64(sessionAt(1) + 72n, count);
      const e = refused(() => readLuoSessions(mem, sessionsLayout, head, codecs));
      expect(e.reason).toContain(`count of ${count} but its chain holds 2 files`);
      expect(e.address).toBe(sessionAt(1) + 72n);
    }
  });

  it('L4 no files chain with a count is accepted with a warning (WARN_ON)', () => {
    const { mem, head } = image(['vm-1']);
    mem.writeU64(sessionAt(0) + 64n, 0n);
    const { value, warnings } = withWarnings((o) => readLuoSessions(mem, sessionsLayout, head, codecs, o));
    expect(value.map((s) => s.files)).toEqual([[]]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([['luo-files-count-without-files', sessionAt(0) + 72n]]);
    expect(refused(() => readLuoSessions(mem, sessionsLayout, head, codecs, { strict: true })).field).toBe('file_set_ser.count');
  });

  it('L5 a file with no registered handler is refused (-ENOENT) when the handlers are named', () => {
    const mem = new PhysMem();
    const files = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(100)], luoFileSerCodec, [file(0), file(1, 'vfio-v1')]);
    const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(10)], luoSessionSerCodec, [{ name: 'vm', file_set_ser: { files, count: 2n } }]);
    expect(readLuoSessions(mem, sessionsLayout, head, codecs)[0]!.files).toHaveLength(2);
    const e = refused(() => readLuoSessions(mem, sessionsLayout, head, codecs, { handlers: ['memfd-v2'] }));
    expect(e.reason).toContain("no handler for compatible 'vfio-v1'");
    expect(e.address).toBe(page(100) + 16n + 64n);
  });

  it('L6 a block in two chains is read again, with a warning', () => {
    const { mem, head } = image(['vm-1', 'vm-2']);
    mem.writeU64(sessionAt(1) + 64n, page(100));
    mem.writeU64(sessionAt(1) + 72n, 1n);
    const { value, warnings } = withWarnings((o) => readLuoSessions(mem, sessionsLayout, head, codecs, o));
    expect(value.map((s) => s.files.length)).toEqual([1, 1]);
    expect(warnings.map((w) => [w.code, w.address])).toEqual([['luo-shared-block', page(100)]]);
  });

  it('L7 more block reads than memory holds pages is refused, naming maxBlockVisits', () => {
    const names = Array.from({ length: 51 }, (_, i) => `s${i}`);
    const mem = new PhysMem();
    const files = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(100)], luoFileSerCodec, [file(0)]);
    const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(10)], luoSessionSerCodec, names.map((name) => ({ name, file_set_ser: { files, count: 1n } })));
    // 2 pages in memory, 52 block reads: every session reads the one files block again.
    const e = refused(() => readLuoSessions(mem, sessionsLayout, head, codecs));
    expect(e).toBeInstanceOf(ReaderLimitError);
    expect((e as ReaderLimitError).limit).toBe('maxBlockVisits');
    expect(readLuoSessions(mem, sessionsLayout, head, codecs, { maxBlockVisits: 52 })).toHaveLength(51);
  });

  it('L8 a refused files chain refuses the sessions (kho_block_set_restore)', () => {
    const { mem, head } = image(['vm-1']);
    mem.writeU64(page(100) + 8n, 0n);
    expect(refused(() => readLuoSessions(mem, sessionsLayout, head, codecs)).field).toBe('count');
  });
});
