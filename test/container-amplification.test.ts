/**
 * Images built to make a reader do far more work than their size: vmalloc
 * chunks whose entries all name one page, radix leaves with every bit set,
 * tree pages shared by every slot above them, chains shared by every
 * session, and counts of 2^64-1. Each reader must refuse with a typed error,
 * quickly and without allocating for the claimed size. Time and memory are
 * measured loosely (under 1 s, under 200 MB of heap), with room for a slow
 * machine; the images themselves are built before the measurement starts.
 */
import { describe, expect, it } from 'vitest';
import { luoFileSerCodec, luoSessionSerCodec, LUO_SESSION_SER_REFS } from '../generated/ts/luo.js';
import { memfdLuoFolioSerCodec } from '../generated/ts/memfd.js';
import {
  DecodeError,
  PhysMem,
  readArrayChain,
  readBlockChain,
  ReaderLimitError,
  readLuoSessions,
  readRadixTree,
  readVmallocArray,
  readVmallocBytes,
  vmallocArrayEntries,
  walkArrayChain,
  walkRadixTree,
  writeArrayChain,
  writeBlockChain,
  type VmallocDescriptor,
} from '../runtime/index.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import { IOMMU_HW_ARRAYS_CONTAINER, iommuHwSerCodec } from '../generated/ts/iommu.js';

/** Where readLuoSessions finds the sessions' blocks and each session's files and their count. */
const sessionsLayout = { blocks: KHO_BLOCK_CONTAINER, files: LUO_SESSION_SER_REFS['file_set_ser.files'] };

const page = (n: number): bigint => BigInt(n) << 12n;
const MB = 1 << 20;

/** Runs `fn`, which must throw a DecodeError (ReaderLimitError is one), and says how long it took and how much heap it added. */
function measureRefusal(fn: () => unknown): { error: DecodeError; ms: number; heapMB: number } {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  const heapMB = (process.memoryUsage().heapUsed - heap0) / MB;
  if (!(error instanceof DecodeError)) throw error ?? new Error('expected a refusal');
  return { error, ms, heapMB };
}

function expectBounded(r: { ms: number; heapMB: number }): void {
  expect(r.ms).toBeLessThan(1000);
  expect(r.heapMB).toBeLessThan(200);
}

/** 512 chunk pages (2 MiB) whose 511 entries each name the page at `target`. */
function sharedPageChunks(target: bigint): PhysMem {
  const mem = new PhysMem();
  const chunk = new Uint8Array(4096);
  const view = new DataView(chunk.buffer);
  for (let i = 1; i < 512; i++) view.setBigUint64(i * 8, target, true);
  for (let c = 0; c < 512; c++) {
    view.setBigUint64(0, c < 511 ? page(0x1000 + c + 1) : 0n, true);
    mem.write(page(0x1000 + c), chunk);
  }
  mem.write(target, new Uint8Array(4096).fill(0x11));
  return mem;
}

describe('amplification is refused with a typed error, quickly and in little memory', () => {
  it('vmalloc: 2 MiB of chunks naming one page, read as 64 M folios', () => {
    const mem = sharedPageChunks(page(0x42));
    const all: VmallocDescriptor = { first: page(0x1000), total_pages: 512 * 511, flags: 1, order: 0 };
    // Every page counted: more distinct blocks than the image has pages.
    const folios = measureRefusal(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, all, memfdLuoFolioSerCodec, (512 * 511 * 4096) / 16));
    expect(folios.error).toBeInstanceOf(ReaderLimitError);
    expectBounded(folios);
    expectBounded(measureRefusal(() => [...vmallocArrayEntries(mem, KHO_VMALLOC_AREA_CONTAINER, all, memfdLuoFolioSerCodec, 1)]));
    expectBounded(measureRefusal(() => readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, { ...all, order: 8, total_pages: 512 * 511 * 256 }, { maxBytes: Infinity })));
    // One block of order 16 names 65536 pages (256 MiB) of an image of two pages.
    const huge = new PhysMem();
    huge.write(page(0x10000), new Uint8Array(4096));
    huge.write(page(1), new Uint8Array(4096));
    huge.writeU64(page(1) + 8n, page(0x10000));
    const one: VmallocDescriptor = { first: page(1), total_pages: 65536, flags: 3, order: 16 };
    for (const read of [() => readVmallocBytes(huge, KHO_VMALLOC_AREA_CONTAINER, one), () => readVmallocArray(huge, KHO_VMALLOC_AREA_CONTAINER, one, memfdLuoFolioSerCodec, 65536 * 256)]) {
      const r = measureRefusal(read);
      expect(r.error).toBeInstanceOf(ReaderLimitError);
      expectBounded(r);
    }
    // A total the image could hold: the second entry restores the page again, which the kernel refuses.
    const twice = measureRefusal(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, { ...all, total_pages: 500 }, memfdLuoFolioSerCodec, 500 * 256));
    expect(twice.error.reason).toContain('block 1 restores page 0x42000 a second time');
    expectBounded(twice);
  });

  it('radix: 8 MiB of full leaves (64 M blocks), and tree pages shared by every slot', () => {
    const mem = new PhysMem();
    const full = new Uint8Array(4096).fill(0xff);
    const node = new Uint8Array(4096);
    const nv = new DataView(node.buffer);
    // root -> level 4 -> level 3 -> level 2 -> four level-1 nodes -> 2048 leaves.
    const root = page(0x10);
    const chain = [root, page(0x11), page(0x12), page(0x13)];
    for (let i = 0; i < 3; i++) {
      node.fill(0);
      nv.setBigUint64(2 * 8, chain[i + 1]!, true);
      mem.write(chain[i]!, node);
    }
    node.fill(0);
    for (let j = 0; j < 4; j++) nv.setBigUint64(j * 8, page(0x20 + j), true);
    mem.write(chain[3]!, node);
    for (let j = 0; j < 4; j++) {
      node.fill(0);
      for (let k = 0; k < 512; k++) nv.setBigUint64(k * 8, page(0x1000 + j * 512 + k), true);
      mem.write(page(0x20 + j), node);
    }
    for (let l = 0; l < 2048; l++) mem.write(page(0x1000 + l), full);

    const read = measureRefusal(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root));
    expect(read.error).toBeInstanceOf(ReaderLimitError);
    expect((read.error as ReaderLimitError).limit).toBe('maxBlocks');
    expectBounded(read);
    expectBounded(measureRefusal(() => walkRadixTree(mem, KHO_RADIX_TREE_CONTAINER, root, () => {}, { maxBlocks: 1 << 20 })));

    // Every slot of every level points at the same page below it, down to one full leaf: 512^5 leaf visits.
    const shared = new PhysMem();
    const levels = [page(1), page(2), page(3), page(4), page(5)];
    for (let i = 0; i < 5; i++) {
      for (let k = 0; k < 512; k++) nv.setBigUint64(k * 8, i < 4 ? levels[i + 1]! : page(6), true);
      shared.write(levels[i]!, node);
    }
    shared.write(page(6), full);
    const sharedRead = measureRefusal(() => readRadixTree(shared, KHO_RADIX_TREE_CONTAINER, levels[0]!));
    expect((sharedRead.error as ReaderLimitError).limit).toBe('maxPages');
    expectBounded(sharedRead);
    expectBounded(measureRefusal(() => walkRadixTree(shared, KHO_RADIX_TREE_CONTAINER, levels[0]!, () => {})));
  });

  it('counts of 2^64-1: a block header, a folio count, a file count, a page count', () => {
    const max = (1n << 64n) - 1n;
    const mem = new PhysMem();
    const files = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(100)], luoFileSerCodec, [{ compatible: 'memfd-v2', data: 0n, token: 1n }]);
    const sessions = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(10)], luoSessionSerCodec, [{ name: 'vm', file_set_ser: { files, count: max } }]);
    expectBounded(measureRefusal(() => readLuoSessions(mem, sessionsLayout, sessions, { session: luoSessionSerCodec, file: luoFileSerCodec })));
    mem.writeU64(page(100) + 8n, max);
    expectBounded(measureRefusal(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, page(100), luoFileSerCodec)));
    const one = sharedPageChunks(page(0x42));
    const d: VmallocDescriptor = { first: page(0x1000 + 511), total_pages: 0xffffffff, flags: 1, order: 0 };
    expectBounded(measureRefusal(() => readVmallocArray(one, KHO_VMALLOC_AREA_CONTAINER, { ...d, total_pages: 1 }, memfdLuoFolioSerCodec, max)));
    expectBounded(measureRefusal(() => readVmallocArray(one, KHO_VMALLOC_AREA_CONTAINER, d, memfdLuoFolioSerCodec, 1)));
  });

  it('LUO: every session naming one long files chain', () => {
    const mem = new PhysMem();
    const blocks = Array.from({ length: 100 }, (_, i) => page(1000 + i));
    const files = writeBlockChain(mem, KHO_BLOCK_CONTAINER, blocks, luoFileSerCodec, Array.from({ length: 6300 }, (_, i) => ({ compatible: 'memfd-v2', data: 0n, token: BigInt(i) })));
    const names = Array.from({ length: 51 * 20 }, (_, i) => `s${i}`);
    const sessionBlocks = Array.from({ length: 20 }, (_, i) => page(10 + i));
    const head = writeBlockChain(mem, KHO_BLOCK_CONTAINER, sessionBlocks, luoSessionSerCodec, names.map((name) => ({ name, file_set_ser: { files, count: 6300n } })));
    const r = measureRefusal(() => readLuoSessions(mem, sessionsLayout, head, { session: luoSessionSerCodec, file: luoFileSerCodec }));
    expect((r.error as ReaderLimitError).limit).toBe('maxBlockVisits');
    expectBounded(r);
  });

  it('array chains: nodes at every 8-byte step of a few pages, 2^64-1 counts, a bad count at the end of a long chain', () => {
    // Three pages, and a node starting at each of their 8-byte offsets, each naming the next: 1024 nodes, not 3.
    const stepped = new PhysMem();
    const three = new Uint8Array(3 * 4096);
    const tv = new DataView(three.buffer);
    for (let k = 0; k + 1 < (2 * 4096) / 8; k++) tv.setBigUint64(k * 8, page(1) + BigInt(k + 1) * 8n, true);
    stepped.write(page(1), three);
    for (const read of [() => readArrayChain(stepped, IOMMU_HW_ARRAYS_CONTAINER, page(1), iommuHwSerCodec), () => walkArrayChain(stepped, IOMMU_HW_ARRAYS_CONTAINER, page(1), () => {})]) {
      const r = measureRefusal(read);
      expect((r.error as ReaderLimitError).limit).toBe('maxNodes');
      expectBounded(r);
    }
    // A node claiming 2^64-1 entries, and one claiming 2^32 + 1 (its low half fits the node).
    const max = (1n << 64n) - 1n;
    for (const count of [max, (1n << 32n) + 1n]) {
      const mem = new PhysMem();
      const nodes = writeArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, [], () => page(7));
      mem.writeU64(nodes[0]! + 8n, count);
      const r = measureRefusal(() => readArrayChain(mem, IOMMU_HW_ARRAYS_CONTAINER, nodes[0]!, iommuHwSerCodec));
      expect(r.error.field).toBe('hdr.nr_objects');
      expectBounded(r);
    }
    // 2000 full nodes (340,000 entries) whose last count is bad: refused before one entry is decoded.
    const long = new PhysMem();
    const entry = new Uint8Array(iommuHwSerCodec.size);
    let next = 0x100;
    const nodes = writeArrayChain(long, IOMMU_HW_ARRAYS_CONTAINER, Array.from({ length: 2000 * 170 }, () => entry), () => page(next++));
    long.writeU64(nodes[nodes.length - 1]! + 8n, 171n);
    let decoded = 0;
    const counting = { ...iommuHwSerCodec, decode: (...a: Parameters<typeof iommuHwSerCodec.decode>) => (decoded++, iommuHwSerCodec.decode(...a)) };
    const r = measureRefusal(() => readArrayChain(long, IOMMU_HW_ARRAYS_CONTAINER, nodes[0]!, counting));
    expect(r.error.address).toBe(nodes[nodes.length - 1]! + 8n);
    expect(decoded).toBe(0);
    expectBounded(r);
  });
});
