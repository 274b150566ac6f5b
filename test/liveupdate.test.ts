/**
 * A whole live update, both ways: random states (fast-check) written by the
 * TypeScript old kernel (writeLiveUpdate) read back by the TypeScript new
 * kernel (readLiveUpdate) give the same state and tree text, and the C
 * reader built only on the generated headers (test/c/liveupdate-reader.c)
 * prints the same tree from the image file. A scaled-down stress state
 * checks the streaming path by hash (the full 1,000 x 1,000 state is in
 * bench/liveupdate.bench.ts). Refusals: a KHO or LUO string the new kernel
 * does not speak, a folio outside the memory map, a file of no handler,
 * a session name listed twice, a folio pfn or index listed twice; both
 * readers give the same warnings (code, struct.field, address) and refuse
 * with the same kind of error at the same place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, PhysMem, readKhoFdt, writeKhoFdt, writeRadixTree, type KhoRoot } from '../runtime/index.js';
import { openLiveUpdate, readImageFile, readLiveUpdate, treeLines, treeText, writeImageFile, writeLiveUpdate, type FileState, type LiveUpdateState, type SessionState } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { inspectLiveUpdate } from '../runtime/liveupdate/inspect.js';
import { stressState } from '../lib/liveupdate-stress.js';
import { buildLiveUpdateReader, cWarnings, FOLIO_BASE, hashLines, refusalKind, runLiveUpdateReader, stateArb, tsWarnings } from './helpers/liveupdate-c.js';
import { cReport, tsErrorLine } from './helpers/c-reader.js';

const write = (state: LiveUpdateState) => {
  const mem = new PhysMem();
  const { fdt } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
  return { mem, fdt };
};

let dir: string;
let reader: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-abi-liveupdate-'));
  reader = join(dir, 'liveupdate-reader');
  await buildLiveUpdateReader(reader);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a live update, TypeScript to image to TypeScript', () => {
  it('gives back the state and the tree text of random states', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { mem, fdt } = write(state);
        const read = readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
        expect(read.state).toEqual(state);
        expect(treeText(read.state)).toBe(treeText(state));
        const unknown = state.luo!.sessions as SessionState[];
        expect(read.warnings.filter((w) => w.code === 'luo-no-handler')).toHaveLength(unknown.flatMap((s) => s.files).filter((f) => !f.state).length);
      }),
      { numRuns: 100 },
    );
  });

  it('survives the image file', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { mem, fdt } = write(state);
        const path = join(dir, 'roundtrip.img');
        writeImageFile(path, mem, fdt);
        const back = readImageFile(path);
        expect(treeText(readLiveUpdate(back.mem, back.fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state)).toBe(treeText(state));
      }),
      { numRuns: 10 },
    );
  });
});

describe('a live update, TypeScript to image to C', () => {
  it('the C reader prints the tree text of random states', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(stateArb, async (state) => {
        const { mem, fdt } = write(state);
        const path = join(dir, `random-${n++}.img`);
        writeImageFile(path, mem, fdt);
        const run = await runLiveUpdateReader(reader, path, true);
        rmSync(path);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(treeText(state));
        const want = tsWarnings(readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).warnings);
        expect(cWarnings(run.stderr, want)).toEqual(want);
        expect(cReport(run.stderr).filter((l) => !l.startsWith('warning'))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('a stress state (50 sessions x 200 files) streams to the same hash in both readers', async () => {
    const want = hashLines(treeLines(stressState(50, 200)));
    const mem = new PhysMem();
    const { fdt } = writeLiveUpdate(mem, stressState(50, 200), LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    const opened = openLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    expect(hashLines(treeLines(opened.state))).toEqual(want);
    const path = join(dir, 'stress.img');
    writeImageFile(path, mem, fdt);
    const run = await runLiveUpdateReader(reader, path);
    expect(run.code).toBe(0);
    expect({ sha256: run.sha256, lines: run.lines }).toEqual(want);
    expect(want.lines).toBe(1 + 1 + 50 * (1 + 200 + 2) + 2);
  });
});

describe('what the new kernel refuses', () => {
  const small: LiveUpdateState = {
    kho: { compatible: 'kho-v4' },
    luo: { compatible: 'luo-v5', liveupdateNum: 1n, flbs: [], sessions: [{ name: 'a', files: [{ compatible: 'memfd-v2', token: 1n, state: { fields: { pos: 0n, size: 4096n, seals: 0, flags: 0 }, entries: [{ pfn: FOLIO_BASE, flags: 3, index: 0 }] } }] }] },
  };
  const refusedByC = async (mem: PhysMem, fdt: Uint8Array): Promise<string> => {
    const path = join(dir, 'refused.img');
    writeImageFile(path, mem, fdt);
    const run = await runLiveUpdateReader(reader, path);
    expect(run.code).toBe(1);
    return run.stderr;
  };

  it('a KHO root of another version: the handover is dropped', async () => {
    const { mem, fdt } = write({ ...small, kho: { compatible: 'kho-v3' } });
    expect(() => readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS)).toThrow(/not 'kho-v4'.*drops the handover/);
    expect(await refusedByC(mem, fdt)).toMatch(/not compatible with kho-v4/);
  });

  it('a luo_ser of another version', async () => {
    const { mem, fdt } = write({ ...small, luo: { ...small.luo!, compatible: 'luo-v4' } });
    expect(() => readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS)).toThrow(/'luo-v4', not 'luo-v5'/);
    expect(await refusedByC(mem, fdt)).toMatch(/luo_ser.compatible is not luo-v5/);
  });

  it('a folio the memory map does not preserve', async () => {
    const { mem, fdt } = write(small);
    // A second memory map listing every page present (the folio's page never is: only its number is stored).
    const pages = mem.presentPfns().map((pfn) => ({ pa: pfn * 4096n, order: 0 }));
    let next = 0x80000n;
    const memoryMap = writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n);
    const root = { ...fdtFields(fdt), memoryMap };
    const patched = rewriteFdt(root);
    expect(() => readLiveUpdate(mem, patched, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS)).toThrow(DecodeError);
    expect(await refusedByC(mem, patched)).toMatch(/not the head of a block in the memory map/);
  });

  it('a folio inside a preserved block but not at its head: kho_restore_folio refuses it (only the head page carries the magic)', async () => {
    const tail = FOLIO_BASE + 1;
    const state: LiveUpdateState = { ...small, luo: { ...small.luo!, sessions: [{ name: 'a', files: [{ compatible: 'memfd-v2', token: 1n, state: { fields: { pos: 0n, size: 4096n, seals: 0, flags: 0 }, entries: [{ pfn: tail, flags: 3, index: 0 }] } }] }] } };
    const { mem, fdt } = write(state);
    expect(readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state.luo!.sessions).toHaveLength(1);
    // The same pages, and the folio's page inside an order-1 block that starts one page before it.
    const pages = [...mem.presentPfns().map((pfn) => ({ pa: pfn * 4096n, order: 0 })), { pa: BigInt(FOLIO_BASE) * 4096n, order: 1 }];
    let next = 0x80000n;
    const memoryMap = writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n);
    const patched = rewriteFdt({ ...fdtFields(fdt), memoryMap });
    expect(() => readLiveUpdate(mem, patched, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS)).toThrow(/entry 0's folio at 0x1000001000 is not the head of a block in the preserved memory map/);
    expect(await refusedByC(mem, patched)).toMatch(/not the head of a block in the memory map/);
  });

  it('a file of no registered handler: a warning, or refused in strict mode', () => {
    const { mem, fdt } = write({ ...small, luo: { ...small.luo!, sessions: [{ name: 'a', files: [{ compatible: 'tmpfs-v1', token: 5n, data: 0n }] }] } });
    const read = readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    expect(read.warnings.map((w) => w.code)).toEqual(['luo-no-handler']);
    expect(() => readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS, { strict: true })).toThrow(/no schema for handler 'tmpfs-v1'/);
  });
});

function fdtFields(fdt: Uint8Array): KhoRoot {
  const r = readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt);
  return { compatible: r.compatible, memoryMap: r.memoryMap, subtrees: r.subtrees };
}
function rewriteFdt(root: KhoRoot): Uint8Array {
  return writeKhoFdt(LIVEUPDATE_LAYOUT.fdt, root);
}

describe('checks both readers make, and the warnings both print', () => {
  const memfd = (entries: { pfn: number; flags: number; index: number }[]): FileState => ({ compatible: 'memfd-v2', token: 7n, state: { fields: { pos: 0n, size: 4096n, seals: 0, flags: 0 }, entries } });
  const state = (sessions: SessionState[]): LiveUpdateState => ({ kho: { compatible: 'kho-v4' }, luo: { compatible: 'luo-v5', liveupdateNum: 2n, flbs: [], sessions } });
  let n = 0;

  /** Both readers on one image: the C reader's tree, warnings and refusal against the TypeScript reader's. */
  async function both(mem: PhysMem, fdt: Uint8Array): Promise<{ text?: string; warnings: string[]; error?: string }> {
    const path = join(dir, `checks-${n++}.img`);
    writeImageFile(path, mem, fdt);
    const run = await runLiveUpdateReader(reader, path, true);
    rmSync(path);
    let ts: { text?: string; warnings: string[]; error?: string };
    try {
      const r = readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
      ts = { text: treeText(r.state), warnings: tsWarnings(r.warnings) };
    } catch (e) {
      ts = { warnings: [], error: tsErrorLine(e, refusalKind) };
    }
    const errors = cReport(run.stderr).filter((l) => !l.startsWith('warning'));
    if (ts.error !== undefined) {
      expect(run.code).toBe(1);
      expect(errors).toEqual([ts.error]);
    } else {
      expect(run.code).toBe(0);
      expect(errors).toEqual([]);
      expect(run.stdout).toBe(ts.text);
      expect(cWarnings(run.stderr, ts.warnings)).toEqual(ts.warnings);
    }
    return ts;
  }

  const bothOf = (s: LiveUpdateState) => {
    const { mem, fdt } = write(s);
    return both(mem, fdt);
  };

  /** Where the first session entry of an image is: the first entry of the block luo_ser.sessions_pa names. */
  const firstSession = (mem: PhysMem, fdt: Uint8Array): bigint => {
    const luo = readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt).subtrees.find((t) => t.name === 'LUO')!.data;
    return mem.decode(LIVEUPDATE_CODECS.luo, luo).sessions_pa + 16n;
  };

  it('a session name listed twice: -EEXIST, at the second session', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [] }, { name: 'b', files: [] }, { name: 'a', files: [] }, { name: 'b', files: [] }]));
    const got = await both(mem, fdt);
    expect(got.error).toBe(`error[session-twice]: luo_session_ser.name at physical address 0x${(firstSession(mem, fdt) + 2n * 80n).toString(16)}`);
  });

  it('names that differ only after 63 bytes are one name (strscpy keeps 63), with a warning for each name without its NUL', async () => {
    const { mem, fdt } = write(state([{ name: 'x', files: [] }, { name: 'y', files: [] }]));
    const at = firstSession(mem, fdt);
    mem.write(at, new Uint8Array(64).fill(0x61));
    expect(await both(mem, fdt)).toMatchObject({ warnings: [`warning[unterminated-string]: luo_session_ser.name at physical address 0x${at.toString(16)}`] });
    mem.write(at + 80n, new Uint8Array(64).fill(0x61).fill(0x62, 63));
    expect((await both(mem, fdt)).error).toBe(`error[session-twice]: luo_session_ser.name at physical address 0x${(at + 80n).toString(16)}`);
  });

  it('a folio pfn listed twice (-EIO) and an index listed twice (-EEXIST): the first failing entry, the pfn checked first', async () => {
    const base = FOLIO_BASE;
    const pfnTwice = await bothOf(state([{ name: 'a', files: [memfd([{ pfn: base, flags: 0, index: 0 }, { pfn: base + 1, flags: 0, index: 1 }, { pfn: base, flags: 0, index: 2 }])] }]));
    expect(pfnTwice.error).toMatch(/^error\[folio-pfn-twice\]: memfd_luo_folio_ser\.pfn at /);
    const indexTwice = await bothOf(state([{ name: 'a', files: [memfd([{ pfn: base, flags: 0, index: 5 }, { pfn: base + 1, flags: 0, index: 5 }])] }]));
    expect(indexTwice.error).toMatch(/^error\[folio-index-twice\]: memfd_luo_folio_ser\.index at /);
    // Entry 1 repeats an index, entry 2 a pfn: entry 1 is refused.
    const first = await bothOf(state([{ name: 'a', files: [memfd([{ pfn: base, flags: 0, index: 0 }, { pfn: base + 1, flags: 0, index: 0 }, { pfn: base, flags: 0, index: 9 }])] }]));
    expect(first.error).toMatch(/^error\[folio-index-twice\]/);
    // One entry repeating both: the pfn is reported.
    const both2 = await bothOf(state([{ name: 'a', files: [memfd([{ pfn: base, flags: 0, index: 0 }, { pfn: base, flags: 0, index: 0 }])] }]));
    expect(both2.error).toMatch(/^error\[folio-pfn-twice\]/);
  });

  it('a folio with pfn 0 is a hole: skipped, not counted, its index free for another folio', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [memfd([{ pfn: 0, flags: 3, index: 0 }, { pfn: FOLIO_BASE, flags: 1, index: 0 }, { pfn: 0, flags: 0, index: 0 }])] }]));
    const got = await both(mem, fdt);
    expect(got.text).toContain(' entries=1\n      entry flags=1 index=0 pfn=16777216\n');
    expect(got.warnings).toEqual([]);
  });

  it('folio bits the kernel never tests (memfd flags beyond DIRTY and UPTODATE, hugemfd reserved), holes included: warnings at each entry', async () => {
    const got = await bothOf(
      state([
        {
          name: 'a',
          files: [
            memfd([{ pfn: FOLIO_BASE, flags: 0x13, index: 0 }, { pfn: 0, flags: 0x800, index: 0 }, { pfn: FOLIO_BASE + 1, flags: 3, index: 1 }]),
            { compatible: 'huge-memfd-v1', token: 8n, state: { fields: { pos: 0n, size: 2097152n, order: 9 }, entries: [{ pfn: FOLIO_BASE + 2, reserved: 7, index: 0n }] } },
          ],
        },
      ]),
    );
    expect(got.warnings.map((w) => w.replace(/ at physical address 0x[0-9a-f]+$/, ''))).toEqual([
      'warning[undeclared-bits]: memfd_luo_folio_ser.flags',
      'warning[undeclared-bits]: memfd_luo_folio_ser.flags',
      'warning[undeclared-bits]: hugemfd_folio_ser.reserved',
    ]);
  });

  it('sessions sharing a files chain: a warning for the shared block; past the pages of the image, refused', async () => {
    const other = (token: bigint): FileState => ({ compatible: 'tmpfs-v1', token, data: 0n });
    const files = Array.from({ length: 200 }, (_, i) => other(BigInt(i)));
    const sessions = [{ name: 's0', files }, ...Array.from({ length: 40 }, (_, i) => ({ name: `s${i + 1}`, files: [other(1000n + BigInt(i))] }))];
    const { mem, fdt } = write(state(sessions));
    const at = firstSession(mem, fdt);
    const chain = mem.readU64(at + 64n);
    // Session 1 names session 0's chain of 200 files: read twice, one warning for its first block.
    mem.writeU64(at + 80n + 64n, chain);
    mem.writeU64(at + 80n + 72n, 200n);
    const shared = await both(mem, fdt);
    expect(shared.warnings.filter((w) => w.includes('luo-shared-block'))).toEqual([`warning[luo-shared-block]: kho_block_header_ser at physical address 0x${chain.toString(16)}`]);
    // Every session names it: 41 x 4 blocks read from an image of fewer pages.
    for (let i = 2; i <= 40; i++) {
      mem.writeU64(at + BigInt(i) * 80n + 64n, chain);
      mem.writeU64(at + BigInt(i) * 80n + 72n, 200n);
    }
    expect((await both(mem, fdt)).error).toMatch(/^error\[limit\]: kho_block_header_ser at physical address 0x/);
  });

  it('a files chain that loops, or a block count of 0: refused as kho_block_set_restore refuses them, the loop found first', async () => {
    const files = Array.from({ length: 200 }, (_, i): FileState => ({ compatible: 'tmpfs-v1', token: BigInt(i), data: 0n }));
    const { mem, fdt } = write(state([{ name: 'a', files }]));
    const blocks: bigint[] = [];
    for (let pa = mem.readU64(firstSession(mem, fdt) + 64n); pa !== 0n; pa = mem.readU64(pa)) blocks.push(pa);
    expect(blocks).toHaveLength(4);
    mem.writeU64(blocks[2]! + 8n, 0n);
    expect((await both(mem, fdt)).error).toBe(`error[block-count]: kho_block_header_ser.count at physical address 0x${(blocks[2]! + 8n).toString(16)}`);
    mem.writeU64(blocks[3]!, blocks[1]!);
    expect((await both(mem, fdt)).error).toBe(`error[chain-loop]: kho_block_header_ser.next at physical address 0x${blocks[1]!.toString(16)}`);
  });

  it('strings: a file compatible that is not UTF-8 refused, bytes after a NUL pointed out (luo_ser.compatible included), on both sides', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [{ compatible: 'tmpfs-v1', token: 5n, data: 0n }] }]));
    const file = mem.readU64(firstSession(mem, fdt) + 64n) + 16n;
    const luo = readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt).subtrees.find((t) => t.name === 'LUO')!.data;
    mem.write(file + 10n, Uint8Array.of(0x41));
    mem.write(luo + 7n, Uint8Array.of(0x10));
    expect((await both(mem, fdt)).warnings.map((w) => w.replace(/ at physical address 0x[0-9a-f]+$/, ''))).toEqual([
      'warning[string-padding]: luo_ser.compatible',
      'warning[string-padding]: luo_file_ser.compatible',
      'warning[luo-no-handler]: luo_file_ser.compatible',
    ]);
    mem.write(file + 1n, Uint8Array.of(0xc3, 0x28));
    expect((await both(mem, fdt)).error).toBe(`error[refused]: luo_file_ser.compatible at physical address 0x${file.toString(16)}`);
  });

  it('a memfd folio area: a page its chunk lists twice, and a seal the kernel does not know, refused at the same field', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [memfd([{ pfn: FOLIO_BASE, flags: 1, index: 0 }])] }]));
    const file = mem.readU64(firstSession(mem, fdt) + 64n) + 16n;
    const data = mem.readU64(file + 48n);
    const chunk = mem.readU64(data + 32n);
    // The chunk names its own page as the area's block: restored twice (kho_restore_page).
    mem.writeU64(chunk + 8n, chunk);
    expect((await both(mem, fdt)).error).toMatch(/^error\[page-twice\]: kho_vmalloc_chunk\.hdr\.next at physical address 0x/);
    mem.write(data + 16n, Uint8Array.of(0x40));
    expect((await both(mem, fdt)).error).toBe(`error[refused]: memfd_luo_ser.seals at physical address 0x${(data + 16n).toString(16)}`);
  });

  it('a KHO root of 70 subtrees: every blob in both trees (the C reader has no cap of its own)', async () => {
    const blobs = Array.from({ length: 70 }, (_, i) => ({ name: `b${i}`, bytes: Uint8Array.of(i) }));
    const got = await bothOf({ ...state([]), kho: { compatible: 'kho-v4', blobs } });
    expect(got.text!.split('\n').filter((l) => l.startsWith('  blob '))).toHaveLength(70);
  });

  it('a large folio takes its 2^order page-cache slots: a folio inside them is refused (-EEXIST), an index off their multiple warned about, by both', async () => {
    /** The image with its memory map listing every present page, and each folio head at the order given. */
    const withOrders = (mem: PhysMem, fdt: Uint8Array, folios: { pfn: number; order: number }[]): Uint8Array => {
      const pages = [...mem.presentPfns().map((pfn) => ({ pa: pfn * 4096n, order: 0 })), ...folios.map((f) => ({ pa: BigInt(f.pfn) * 4096n, order: f.order }))];
      let next = 0x80000n;
      return rewriteFdt({ ...fdtFields(fdt), memoryMap: writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n) });
    };
    const two = write(state([{ name: 'a', files: [memfd([{ pfn: FOLIO_BASE, flags: 1, index: 4 }, { pfn: FOLIO_BASE + 8, flags: 1, index: 6 }])] }]));
    // With both folios of one page, indexes 4 and 6 are apart; with the first of four pages (4 to 7), the second lands inside it.
    expect((await both(two.mem, withOrders(two.mem, two.fdt, [{ pfn: FOLIO_BASE, order: 0 }, { pfn: FOLIO_BASE + 8, order: 0 }]))).error).toBeUndefined();
    const large = withOrders(two.mem, two.fdt, [{ pfn: FOLIO_BASE, order: 2 }, { pfn: FOLIO_BASE + 8, order: 0 }]);
    expect((await both(two.mem, large)).error).toMatch(/^error\[folio-index-twice\]: memfd_luo_folio_ser\.index at physical address 0x/);
    expect(() => readLiveUpdate(two.mem, large, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS)).toThrow("entry 1 puts a folio of 1 page at index 6 (slots 6 to 6), where entry 0's folio of 4 pages already is");
    // inspect, which reads the same map, fails the same file in the same words.
    const file = inspectLiveUpdate(two.mem, large, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).luo!.sessions[0]!.files[0]!;
    expect(file.errors.map((e) => e.message)).toEqual([expect.stringContaining("entry 1 puts a folio of 1 page at index 6 (slots 6 to 6), where entry 0's folio of 4 pages already is")]);
    const one = write(state([{ name: 'a', files: [memfd([{ pfn: FOLIO_BASE, flags: 1, index: 5 }])] }]));
    const unaligned = await both(one.mem, withOrders(one.mem, one.fdt, [{ pfn: FOLIO_BASE, order: 2 }]));
    expect(unaligned.warnings).toEqual([expect.stringMatching(/^warning\[unaligned-folio-index\]: memfd_luo_folio_ser\.index at physical address 0x/)]);
  });

  it('large folios at random indexes and orders: both readers accept the same files and refuse the same first entry (fast-check)', async () => {
    const folio = fc.record({ index: fc.integer({ min: 0, max: 24 }), order: fc.integer({ min: 0, max: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(folio, { minLength: 1, maxLength: 8 }), async (list) => {
        const entries = list.map((f, i) => ({ pfn: FOLIO_BASE + 16 * i, flags: 1, index: f.index }));
        const { mem, fdt } = write(state([{ name: 'a', files: [memfd(entries)] }]));
        const pages = [...mem.presentPfns().map((pfn) => ({ pa: pfn * 4096n, order: 0 })), ...list.map((f, i) => ({ pa: BigInt(FOLIO_BASE + 16 * i) * 4096n, order: f.order }))];
        let next = 0x80000n;
        await both(mem, rewriteFdt({ ...fdtFields(fdt), memoryMap: writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n) }));
      }),
      { numRuns: 40 },
    );
  });

  it('a folio that starts no block fails the file at its own entry, before a later entry\'s page-cache slot is looked at (both readers)', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [memfd([{ pfn: FOLIO_BASE, flags: 1, index: 0 }, { pfn: FOLIO_BASE + 1, flags: 1, index: 0 }])] }]));
    // The map lists every page the image holds and the second folio, not the first: kho_restore_folio fails at entry 0.
    const pages = [...mem.presentPfns().map((pfn) => ({ pa: pfn * 4096n, order: 0 })), { pa: BigInt(FOLIO_BASE + 1) * 4096n, order: 0 }];
    let next = 0x80000n;
    const got = await both(mem, rewriteFdt({ ...fdtFields(fdt), memoryMap: writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n) }));
    expect(got.error).toMatch(/^error\[not-preserved\]: memfd_luo_folio_ser\.pfn at physical address 0x/);
  });

  it('a hugetlb memfd: two indexes in one huge page clash, a file of size 0 restores no folio, an order no hstate has is refused (both readers)', async () => {
    const huge = (fields: { size: bigint; order: number }, entries: { pfn: number; index: bigint }[]): FileState => ({ compatible: 'huge-memfd-v1', token: 9n, state: { fields: { pos: 0n, ...fields }, entries: entries.map((e) => ({ ...e, reserved: 0 })) } });
    const clash = await bothOf(state([{ name: 'a', files: [huge({ size: 4n << 20n, order: 9 }, [{ pfn: FOLIO_BASE, index: 0n }, { pfn: FOLIO_BASE + 512, index: 511n }])] }]));
    expect(clash.error).toMatch(/^error\[folio-index-twice\]: hugemfd_folio_ser\.index at physical address 0x/);
    const apart = await bothOf(state([{ name: 'a', files: [huge({ size: 4n << 20n, order: 9 }, [{ pfn: FOLIO_BASE, index: 0n }, { pfn: FOLIO_BASE + 512, index: 1023n }])] }]));
    expect(apart.text).toMatch(/order=9 pos=0 size=4194304 entries=2\n.*index=0 .*\n.*index=1023 /);
    const empty = await bothOf(state([{ name: 'a', files: [huge({ size: 0n, order: 9 }, [{ pfn: FOLIO_BASE, index: 0n }])] }]));
    expect(empty.text).toMatch(/order=9 pos=0 size=0 entries=0\n/);
    expect(empty.text).not.toMatch(/entry index=/);
    const order = await bothOf(state([{ name: 'a', files: [huge({ size: 4n << 20n, order: 52 }, [])] }]));
    expect(order.error).toMatch(/^error\[refused\]: hugemfd_ser\.order at physical address 0x/);
  });

  it('overlapping blocks in the memory map: a page inside a large block is preserved, though a smaller block starts nearer below it (both readers)', async () => {
    // A memfd without folios: no vmalloc area, whose pages would have to start blocks (kho_restore_pages).
    const { mem, fdt } = write(state([{ name: 'a', files: [memfd([])] }]));
    // Every page the image holds lies below 2^20: one block of order 20 from 0 holds them all, and a block of one page at 1 starts below each.
    expect(mem.presentPfns().every((pfn) => pfn > 1n && pfn < 1n << 20n)).toBe(true);
    const pages = [{ pa: 0n, order: 20 }, { pa: 4096n, order: 0 }];
    let next = 0x80000n;
    const got = await both(mem, rewriteFdt({ ...fdtFields(fdt), memoryMap: writeRadixTree(mem, LIVEUPDATE_LAYOUT.radix, pages, () => (next++) * 4096n) }));
    expect(got.error).toBeUndefined();
  });

  it('a count stored without a files chain, and a file of no handler: warnings on both sides', async () => {
    const { mem, fdt } = write(state([{ name: 'a', files: [] }, { name: 'b', files: [{ compatible: 'tmpfs-v1', token: 5n, data: 0n }] }]));
    const at = firstSession(mem, fdt);
    mem.writeU64(at + 72n, 3n);
    const got = await both(mem, fdt);
    expect(got.warnings).toEqual([`warning[luo-files-count-without-files]: luo_session_ser.file_set_ser.count at physical address 0x${(at + 72n).toString(16)}`, 'warning[luo-no-handler]: luo_file_ser.compatible']);
  });
});
