/**
 * Corrupt containers: random bytes in every page a reader may visit give a
 * DecodeError or MemoryError (or a result), never another exception, a
 * hang or unbounded work. Loops and over-long chains are the hang risks.
 * Then whole saved images (the KHO FDT and every page the outgoing kernel
 * wrote) with bytes flipped or pages and FDT bytes cut off, read from the
 * FDT down to the memfd folios by every reader, default and strict: typed
 * errors only, and the heap stays within a bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KHO_FDT_COMPATIBLE, KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import { LUO_ABI_COMPATIBLE, luoFileSerCodec, luoSerCodec, luoSessionSerCodec, type LuoFileSer, LUO_SESSION_SER_REFS } from '../generated/ts/luo.js';
import { MEMFD_LUO_FH_COMPATIBLE, memfdLuoFolioSerCodec, memfdLuoSerCodec } from '../generated/ts/memfd.js';
import {
  DecodeError,
  encodeBytes,
  khoFdtIsCompatible,
  PhysMem,
  readArrayChain,
  readBlockChain,
  readKhoFdt,
  readLuoDict,
  readSparseArray,
  walkArrayChain,
  readLuoSessions,
  readRadixTree,
  readVmallocArray,
  vmallocArrayEntries,
  walkBlockChain,
  walkRadixTree,
  writeBlockChain,
  writeKhoFdt,
  writeRadixTree,
  writeVmalloc,
  type ReadOptions,
  type ReadWarning,
} from '../runtime/index.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';
import { IOMMU_DEVICE_ARRAYS_CONTAINER, IOMMU_DOMAIN_ARRAYS_CONTAINER, IOMMU_HW_ARRAYS_CONTAINER, iommuDeviceSerCodec, iommuDomainSerCodec, iommuHwSerCodec } from '../generated/ts/iommu.js';
import { KHO_ARRAY_PAGES_CONTAINER } from '../generated/ts/kho_array.js';
import { LUO_DICT_CONTAINER } from '../generated/ts/luo_dict.js';
import { survives } from './helpers/thrown.js';

/** Where readLuoSessions finds the sessions' blocks and each session's files and their count. */
const sessionsLayout = { blocks: KHO_BLOCK_CONTAINER, files: LUO_SESSION_SER_REFS['file_set_ser.files'] };

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

describe('container readers on corrupt memory', () => {
  it('readBlockChain', () => {
    fc.assert(fc.property(memoryArb, (mem) => survives(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, base, luoFileSerCodec))), { numRuns: 150 });
  });

  it('readVmallocArray', () => {
    fc.assert(
      fc.property(memoryArb, fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5000 }), (mem, pages, order, count) =>
        survives(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, { first: base, total_pages: pages, flags: 1, order }, memfdLuoFolioSerCodec, count)),
      ),
      { numRuns: 150 },
    );
  });

  it('readRadixTree', () => {
    fc.assert(fc.property(memoryArb, (mem) => survives(() => readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, base, { maxPages: 64 }))), { numRuns: 60 });
  });

  it('readArrayChain and walkArrayChain, for each of the IOMMU FLB\'s three chains', () => {
    const chains = [
      [IOMMU_HW_ARRAYS_CONTAINER, iommuHwSerCodec],
      [IOMMU_DOMAIN_ARRAYS_CONTAINER, iommuDomainSerCodec],
      [IOMMU_DEVICE_ARRAYS_CONTAINER, iommuDeviceSerCodec],
    ] as const;
    fc.assert(
      fc.property(memoryArb, fc.nat(chains.length - 1), fc.boolean(), (mem, which, strict) => {
        const [desc, codec] = chains[which]!;
        const warnings: ReadWarning[] = [];
        survives(() => readArrayChain(mem, desc, base, codec as typeof iommuHwSerCodec, strict ? { strict } : { warnings }));
        survives(() => walkArrayChain(mem, desc, base, () => {}));
        expect(warnings.length).toBeLessThan(PAGES * 4096);
      }),
      { numRuns: 150 },
    );
  });

  it('readSparseArray (the KHO array) and readLuoDict (the flat dictionary)', () => {
    fc.assert(
      fc.property(memoryArb, fc.boolean(), (mem, strict) => {
        // Their descriptors carry a magic and a version: put the right ones at the head so the walks go on.
        mem.write(base, new Uint8Array([0x52, 0x52, 0x41, 0x4b, 0, 0]));
        survives(() => readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, base, strict ? { strict } : {}));
        mem.write(base + 4096n, new Uint8Array([0x4c, 0x44, 0x49, 0x43, 1, 0, 0, 0]));
        survives(() => readLuoDict(mem, { dict: LUO_DICT_CONTAINER, blocks: KHO_BLOCK_CONTAINER }, base + 4096n, strict ? { strict } : {}));
      }),
      { numRuns: 150 },
    );
  });

  it('readKhoFdt', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => survives(() => readKhoFdt(KHO_FDT_CONTAINER, bytes))), { numRuns: 300 });
  });

  it('a zero-filled memory is an empty radix tree and a chain of bad counts', () => {
    const mem = new PhysMem();
    mem.map(base, 4096);
    expect(readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, base)).toEqual([]);
    expect(() => readBlockChain(mem, KHO_BLOCK_CONTAINER, base, luoFileSerCodec)).toThrow(DecodeError);
  });
});

// ------------------------------------------------------------ saved images

const pg = (n: number): bigint => BigInt(n) << 12n;

interface SavedImage {
  readonly fdt: Uint8Array;
  /** Every page the outgoing kernel wrote: address and bytes. */
  readonly pages: readonly (readonly [bigint, Uint8Array])[];
}

/** Two sessions of three memfds each, their folios behind kho_vmalloc areas, every page in the radix map; saved page by page. */
function saveImage(): SavedImage {
  const mem = new PhysMem();
  const written: bigint[] = [];
  const preserve = (pa: bigint): bigint => (written.push(pa), pa);
  let next = 0x100;
  const alloc = (): bigint => preserve(pg(next++));
  const sessions = [0, 1].map((s) => {
    const files: LuoFileSer[] = [0, 1, 2].map((f) => {
      const nr = 200 + 150 * f;
      const data = new Uint8Array(Math.ceil((nr * 16) / 4096) * 4096);
      const view = new DataView(data.buffer);
      for (let i = 0; i < nr; i++) memfdLuoFolioSerCodec.encode({ pfn: 0x80000 + s * 4096 + f * 512 + i, flags: 3, index: i }, view, i * 16);
      const blocks = Array.from({ length: data.length / 4096 }, alloc);
      const folios = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, blocks, [alloc()]);
      const blob = alloc();
      mem.write(blob, encodeBytes(memfdLuoSerCodec, { pos: 0n, size: BigInt(nr) * 4096n, seals: 0, flags: 0, nr_folios: nr, folios }));
      return { compatible: MEMFD_LUO_FH_COMPATIBLE, data: blob, token: BigInt(s * 10 + f) };
    });
    return { name: `vm-${s}`, file_set_ser: { files: writeBlockChain(mem, KHO_BLOCK_CONTAINER, [alloc()], luoFileSerCodec, files), count: BigInt(files.length) } };
  });
  const sessionsPa = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [alloc()], luoSessionSerCodec, sessions);
  const luo = alloc();
  mem.write(luo, encodeBytes(luoSerCodec, { compatible: LUO_ABI_COMPATIBLE, liveupdate_num: 3n, sessions_pa: sessionsPa, flbs_pa: 0n }));
  const preserved = written.map((pa) => ({ pa, order: 0 }));
  let tree = 0x4000;
  const memoryMap = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, preserved, () => preserve(pg(tree++)));
  const fdt = writeKhoFdt(KHO_FDT_CONTAINER, { compatible: KHO_FDT_COMPATIBLE, memoryMap, subtrees: [{ name: 'LUO', data: luo, size: BigInt(luoSerCodec.size) }] });
  return { fdt, pages: written.map((pa) => [pa, mem.read(pa, 4096)] as const) };
}

/** The image read as a debugger reads it, by every container reader; returns a count of what it found. */
function readImage(mem: PhysMem, fdt: Uint8Array, opts: ReadOptions): number {
  const kho = readKhoFdt(KHO_FDT_CONTAINER, fdt, opts);
  if (!khoFdtIsCompatible(kho, KHO_FDT_COMPATIBLE)) return 0;
  let found = readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, kho.memoryMap, opts).length;
  found += walkRadixTree(mem, KHO_RADIX_TREE_CONTAINER, kho.memoryMap, () => {}, opts);
  const blob = kho.subtrees.find((t) => t.name === 'LUO');
  if (!blob) return found;
  const luo = mem.decode(luoSerCodec, blob.data, opts);
  found += walkBlockChain(mem, KHO_BLOCK_CONTAINER, luo.sessions_pa, luoSessionSerCodec.size, () => {}, opts);
  for (const { files } of readLuoSessions(mem, sessionsLayout, luo.sessions_pa, { session: luoSessionSerCodec, file: luoFileSerCodec }, { ...opts, handlers: [MEMFD_LUO_FH_COMPATIBLE] })) {
    for (const file of files) {
      const memfd = mem.decode(memfdLuoSerCodec, file.data, opts);
      found += readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, memfdLuoFolioSerCodec, memfd.nr_folios, opts).length;
      for (const f of vmallocArrayEntries(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, memfdLuoFolioSerCodec, memfd.nr_folios, opts)) found += f.flags & 1;
    }
  }
  return found;
}

const saved = saveImage();

function load(pages: SavedImage['pages']): PhysMem {
  const mem = new PhysMem();
  for (const [pa, bytes] of pages) mem.write(pa, bytes);
  return mem;
}

/** Reads the image both ways; only typed errors may escape, and the heap may not grow past the bound. */
function readsSafely(mem: PhysMem, fdt: Uint8Array, heapBase: number): void {
  for (const strict of [false, true]) {
    const warnings: ReadWarning[] = [];
    survives(() => readImage(mem, fdt, strict ? { strict } : { warnings }));
    expect(warnings.length).toBeLessThan(1000);
  }
  expect(process.memoryUsage().heapUsed - heapBase).toBeLessThan(200 * 2 ** 20);
}

describe('saved images, corrupted', () => {
  const heapBase = process.memoryUsage().heapUsed;

  it('the intact image reads whole, without a warning', () => {
    const warnings: ReadWarning[] = [];
    // Radix blocks twice (read and walk), 2 session entries, 2 * (200 + 350 + 500) folios twice.
    const pages = saved.pages.length;
    const treePages = saved.pages.filter(([pa]) => pa >= pg(0x4000)).length;
    expect(readImage(load(saved.pages), saved.fdt, { warnings })).toBe(2 * (pages - treePages) + 2 + 2 * 2 * (200 + 350 + 500));
    expect(warnings).toEqual([]);
  });

  it('flipped bytes in pages and in the FDT', () => {
    const flip = fc.tuple(fc.nat(saved.pages.length), fc.nat(4095), fc.integer({ min: 1, max: 255 }));
    fc.assert(
      fc.property(fc.array(flip, { minLength: 1, maxLength: 6 }), (flips) => {
        const pages = saved.pages.map(([pa, b]) => [pa, b.slice()] as const);
        const fdt = saved.fdt.slice();
        for (const [p, at, x] of flips) {
          const bytes = p === saved.pages.length ? fdt : pages[p]![1];
          const i = at % bytes.length;
          bytes[i] = bytes[i]! ^ x;
        }
        readsSafely(load(pages), fdt, heapBase);
      }),
      { numRuns: 300 },
    );
  });

  it('pages missing and the FDT cut short', () => {
    // A quarter of the runs also cut the FDT short; the rest read it whole and meet the missing pages.
    const cutArb = fc.oneof({ arbitrary: fc.constant(saved.fdt.length), weight: 3 }, { arbitrary: fc.nat(saved.fdt.length - 1), weight: 1 });
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: saved.pages.length, maxLength: saved.pages.length }), cutArb, (keep, cut) => {
        const pages = saved.pages.filter((_, i) => keep[i] || i % 5 === 0);
        readsSafely(load(pages), saved.fdt.subarray(0, cut), heapBase);
      }),
      { numRuns: 150 },
    );
  });

  it('a pointer or count anywhere set to an extreme value', () => {
    const extremes = [0n, 1n, 0x1000n, (1n << 52n) - 4096n, (1n << 63n), (1n << 64n) - 1n, 0xffffffffn, 0x100000000n];
    fc.assert(
      fc.property(fc.nat(saved.pages.length - 1), fc.nat(511), fc.constantFrom(...extremes), (p, slot, value) => {
        const pages = saved.pages.map(([pa, b]) => [pa, b.slice()] as const);
        new DataView(pages[p]![1].buffer).setBigUint64(slot * 8, value, true);
        readsSafely(load(pages), saved.fdt, heapBase);
      }),
      { numRuns: 300 },
    );
  });
});
