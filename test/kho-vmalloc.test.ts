/**
 * A memfd's folio array behind its kho_vmalloc, written and read back the
 * way the kernel lays it out (kernel-abi.md section 5), and the refusals of
 * a corrupt chain.
 */
import { describe, expect, it } from 'vitest';
import { memfdLuoFolioSerCodec, memfdLuoSerCodec, type MemfdLuoFolioSer } from '../generated/ts/memfd.js';
import { DecodeError, encodeBytes, MemoryError, PhysMem, readVmallocArray, readVmallocBlocks, readVmallocBytes, vmallocArrayEntries, vmallocChunkCapacity, walkVmallocArray, writeVmalloc } from '../runtime/index.js';
import { thrown } from './helpers/thrown.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';

const page = (n: number): bigint => BigInt(n) << 12n;

function folios(n: number): MemfdLuoFolioSer[] {
  return Array.from({ length: n }, (_, i) => ({ pfn: 0x1_0000 + i * 3, flags: 3, index: i }));
}

describe('kho_vmalloc chunk chains', () => {
  it('a chunk holds 511 addresses at 4 KiB pages, 2047 at 16 KiB and 8191 at 64 KiB', () => {
    // kernel-abi.md section 6.
    expect([4096, 16384, 65536].map((p) => vmallocChunkCapacity(KHO_VMALLOC_AREA_CONTAINER, p))).toEqual([511, 2047, 8191]);
  });

  it("a memfd's folios round-trip through its kho_vmalloc, across several chunks", () => {
    const mem = new PhysMem();
    // 600 pages of folio entries: more blocks than one chunk holds, on scattered pages.
    const entries = folios(600 * 256);
    const data = new Uint8Array(entries.length * 16);
    const view = new DataView(data.buffer);
    entries.forEach((f, i) => memfdLuoFolioSerCodec.encode(f, view, i * 16));
    const blocks = Array.from({ length: 600 }, (_, i) => page(0x10000 + ((i * 7919) % 600)));
    const desc = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, blocks, [page(50), page(20)]);
    expect(desc).toEqual({ first: page(50), total_pages: 600, flags: 1, order: 0 });
    // The descriptor travels inside memfd_luo_ser, which the next kernel reads first.
    mem.write(page(1), encodeBytes(memfdLuoSerCodec, { pos: 0n, size: BigInt(data.length), seals: 0, flags: 0, nr_folios: entries.length, folios: desc }));
    const memfd = mem.decode(memfdLuoSerCodec, page(1));
    expect(readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios)).toEqual(blocks);
    expect(readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, memfdLuoFolioSerCodec, memfd.nr_folios)).toEqual(entries);
  });

  it('blocks of a higher order: total_pages counts whole blocks, as vm->nr_pages does', () => {
    const mem = new PhysMem();
    const data = Uint8Array.from({ length: 5 * 4096 }, (_, i) => i % 251);
    const desc = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(64), page(32), page(128)], [page(2)], 1);
    expect(desc.total_pages).toBe(6);
    expect(readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, desc, { name: 'byte', version: '', size: 1, align: 1, decode: (v, o = 0) => v.getUint8(o), encode: () => {} }, data.length)).toEqual([...data]);
    expect(readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, desc)).toEqual([page(64), page(32), page(128)]);
  });

  it('entries that cross pages are read whole, by every reader', () => {
    const mem = new PhysMem();
    // 24-byte entries: 4096 is no multiple of 24, so every 171st entry crosses into the next block.
    const data = Uint8Array.from({ length: 3 * 4096 }, (_, i) => (i * 7) % 256);
    const desc = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(40), page(30), page(20)], [page(2)]);
    const triple = { name: 'triple', version: '', size: 24, align: 8, decode: (v: DataView, o = 0) => [v.getBigUint64(o, true), v.getBigUint64(o + 8, true), v.getBigUint64(o + 16, true)], encode: () => {} };
    const n = Math.floor(data.length / 24);
    const view = new DataView(data.buffer);
    const expected = Array.from({ length: n }, (_, i) => [view.getBigUint64(i * 24, true), view.getBigUint64(i * 24 + 8, true), view.getBigUint64(i * 24 + 16, true)]);
    expect(readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, desc, triple, n)).toEqual(expected);
    expect([...vmallocArrayEntries(mem, KHO_VMALLOC_AREA_CONTAINER, desc, triple, n)]).toEqual(expected);
    const walked: bigint[][] = [];
    expect(walkVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, desc, 24, n, (v, o) => walked.push(triple.decode(v, o)))).toBe(n);
    expect(walked).toEqual(expected);
    expect(readVmallocBytes(mem, KHO_VMALLOC_AREA_CONTAINER, desc)).toEqual(data);
  });

  it('refuses a loop, a short chain, extra blocks and more entries than the area holds', () => {
    const mem = new PhysMem();
    const desc = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, new Uint8Array(3 * 4096), [page(10), page(11), page(12)], [page(2)]);
    // A loop: the chunk names itself as the next, so its blocks come round again, past total_pages.
    mem.writeU64(page(2), page(2));
    const loop = thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, desc)) as DecodeError;
    expect(loop.reason).toContain('a block past the 3 pages of the area');
    expect(loop.address).toBe(page(2) + 8n);
    mem.writeU64(page(2), 0n);
    expect((thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...desc, total_pages: 4 })) as DecodeError).reason).toBe(
      'the chain lists 3 blocks of 1 pages, not the 4 pages of total_pages; the kernel refuses it (kho_restore_vmalloc (kernel/liveupdate/kho_vmalloc.c))',
    );
    expect((thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...desc, total_pages: 2 })) as DecodeError).address).toBe(page(2) + 8n + 16n);
    expect(thrown(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, desc, memfdLuoFolioSerCodec, 3 * 256 + 1))).toBeInstanceOf(DecodeError);
    expect(thrown(() => readVmallocBlocks(mem, KHO_VMALLOC_AREA_CONTAINER, { ...desc, first: page(99) }))).toBeInstanceOf(MemoryError);
  });

  it('a corrupt folio entry names its index', () => {
    const mem = new PhysMem();
    const data = new Uint8Array(4096);
    new DataView(data.buffer).setUint32(16 + 4, 0xfff00000, true); // entry 1: undeclared folio flags
    const desc = writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, data, [page(10)], [page(2)]);
    // The kernel ignores those flags; a strict reader refuses them, and the refusal names the entry.
    const strict = { ...memfdLuoFolioSerCodec, decode: (v: DataView, o?: number) => memfdLuoFolioSerCodec.decode(v, o, { strict: true }) };
    const e = thrown(() => readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, desc, strict, 2)) as DecodeError;
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toContain('entry 1 of the vmalloc area');
    expect(e.field).toBe('flags');
  });
});
