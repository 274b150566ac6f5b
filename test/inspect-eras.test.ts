/**
 * `kho-abi inspect` over images of every LUO version and of kho-v1: a state
 * written as a kernel of luo-v1 ... luo-v5 (and the composite) lays it out
 * (writeLiveUpdate with LUO_ERAS, whose layouts test/luo-history.test.ts
 * holds against the kernel) is read back by the inspect walk, session for
 * session and file for file; `image build` with `luo: compatible:` writes
 * those versions and the CLI's JSON gives back what the spec said; a kho-v1
 * root (children naming sub-FDTs, the memory map a khoser_mem_chunk chain
 * built by writeBitmapChain) is listed, and its chain drives the "page not
 * preserved" checks. Corrupt arrays of the contiguous versions are errors
 * located on the node they belong to.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KHOSER_MEM_CHUNK_LIST_CONTAINER } from '../generated/ts/kho_v1_memmap.js';
import { LIVEUPDATE_HISTORY_CODECS as CODECS, LIVEUPDATE_LAYOUT as LAYOUT, LUO_ERAS } from '../lib/liveupdate.js';
import { segmentsOf, writeElfCore } from './helpers/elf-core.js';
import { forPageSize, PhysMem, readKhoFdt, walkRadixTree, writeBitmapChain, writeFdt, writeKhoFdt, type KhoSubtree, type PreservedBlock } from '../runtime/index.js';
import { inspectLiveUpdate, walkLiveUpdate, writeLiveUpdate, type FileState, type InspectReport, type InspectSession, type LiveUpdateState } from '../runtime/liveupdate/index.js';
import { cli } from './helpers/cli-in-process.js';
import { repoRoot } from './helpers/root.js';
import { TWO_SESSIONS } from './helpers/image-specs.js';

const PAGE = 4096;
const FOLIO_BASE = 1 << 20;

const STATE = (compatible: string): LiveUpdateState => ({
  kho: { compatible: 'kho-v4' },
  luo: {
    compatible,
    liveupdateNum: 9n,
    sessions: [
      {
        name: 'vm-1',
        files: [
          { compatible: 'memfd-v2', token: 1n, state: { fields: { pos: 3n, size: 8192n, seals: 1, flags: 0 }, entries: [{ pfn: FOLIO_BASE, flags: 3, index: 0 }, { pfn: FOLIO_BASE + 1, flags: 1, index: 4 }] } },
          { compatible: 'other-v1', token: 2n, data: 0x1234n },
        ],
      },
      { name: 'empty', files: [] },
      { name: 'vm-2', files: [{ compatible: 'memfd-v2', token: 18446744073709551615n, state: { fields: { pos: 0n, size: 0n, seals: 0, flags: 0 }, entries: [] } }] },
    ],
    flbs: [{ name: 'other-flb', count: 1n, data: 0x99n }],
  },
});

/** The report's sessions as the state gives them: name, and each file's token, compatible, members given and entries. */
function sessionsOf(report: InspectReport): unknown[] {
  return report.luo!.sessions.map((s) => ({ name: s.name, files: s.files.map((f) => ({ token: f.token, compatible: f.compatible, data: f.handler ? null : f.data, entries: f.entries ?? [] })) }));
}
function sessionsOfState(state: LiveUpdateState): unknown[] {
  return [...state.luo!.sessions].map((s) => ({ name: s.name, files: s.files.map((f) => ({ token: f.token, compatible: f.compatible, data: f.state ? null : (f.data ?? 0n), entries: f.state?.entries ?? [] })) }));
}

const write = (state: LiveUpdateState) => {
  const mem = new PhysMem({ pageSize: PAGE });
  const { fdt } = writeLiveUpdate(mem, state, LAYOUT, CODECS);
  return { mem, fdt };
};

describe('inspect walks every LUO version', () => {
  it('knows luo-v1 to luo-v5 and the composite', () => {
    expect(LUO_ERAS.map((e) => e.id)).toEqual(expect.arrayContaining(['luo-v1', 'luo-v2', 'luo-v3', 'luo-v4', 'luo-v5', 'luo-v5-composite']));
  });

  for (const era of LUO_ERAS) {
    it(`${era.id}: every session and file read back, the version named, nothing to say`, () => {
      const state = STATE(era.compatible);
      const { mem, fdt } = write(state);
      const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
      // other-v1 has no schema: one warning per such file, nothing else.
      expect(report.counts.errors, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).toBe(0);
      expect(report.counts.warnings).toBe(1);
      expect(report.luo!.version).toBe(era.id);
      expect(report.luo!.compatible).toBe(era.compatible);
      expect(report.luo!.liveupdate_num).toBe(9n);
      expect(sessionsOf(report)).toEqual(sessionsOfState(state));
      const memfd = report.luo!.sessions[0]!.files[0]!;
      expect(memfd.state).toMatchObject({ pos: 3n, size: 8192n, seals: 1 });
      expect(report.luo!.flbs.map((f) => [f.name, f.count, f.data])).toEqual([['other-flb', 1n, 0x99n]]);
      expect(report.counts).toMatchObject({ sessions: 3, files: 3, entries: 2, flbs: 1 });
    });
  }

  it('random states at random versions: inspect gives back every session and file written, and no error', () => {
    const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    const text = (max: number) => fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 1, maxLength: max }).map((c) => String.fromCharCode(...c));
    const file = fc.oneof(
      fc.record({ compatible: text(40).filter((x) => x !== 'memfd-v2' && x !== 'huge-memfd-v1'), token: u64, data: u64 }),
      fc.record({ token: u64, pos: u64, folios: fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 3 }) }),
    );
    const arb = fc.record({
      era: fc.constantFrom(...LUO_ERAS),
      sessions: fc.uniqueArray(fc.record({ name: text(60), files: fc.array(file, { maxLength: 4 }) }), { selector: (x) => x.name, maxLength: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ era, sessions }) => {
        let pfn = FOLIO_BASE;
        const toFile = (f: (typeof sessions)[number]['files'][number]): FileState =>
          'compatible' in f ? f : { compatible: 'memfd-v2', token: f.token, state: { fields: { pos: f.pos, size: 0n, seals: 0, flags: 0 }, entries: f.folios.map((index) => ({ pfn: pfn++, flags: 1, index })) } };
        const state: LiveUpdateState = { kho: { compatible: 'kho-v4' }, luo: { compatible: era.compatible, liveupdateNum: 1n, sessions: sessions.map((x) => ({ name: x.name, files: x.files.map(toFile) })), flbs: [] } };
        const { mem, fdt } = write(state);
        const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
        expect(report.counts.errors).toBe(0);
        expect(report.luo!.version).toBe(era.id);
        expect(sessionsOf(report)).toEqual(sessionsOfState(state));
      }),
      { numRuns: 60 },
    );
  });

  it('streams an older version as it streams the current one: each session and file handed over once, none kept', () => {
    const { mem, fdt } = write(STATE('luo-v1'));
    const seen: string[] = [];
    const report = walkLiveUpdate(mem, fdt, LAYOUT, CODECS, {
      head: (_r, sessions) => seen.push(`head ${sessions}`),
      session: (s, files) => seen.push(`session ${s.name} ${files}`),
      file: (f) => seen.push(`file ${f.token}`),
      sessionEnd: (s: InspectSession) => seen.push(`end ${s.name}`),
      end: () => seen.push('end'),
    });
    expect(seen).toEqual(['head 3', 'session vm-1 2', 'file 1', 'file 2', 'end vm-1', 'session empty 0', 'end empty', 'session vm-2 1', 'file 18446744073709551615', 'end vm-2', 'end']);
    expect(report.luo!.sessions).toEqual([]);
  });
});

describe('the contiguous versions: a bad array is an error on its node', () => {
  const u64At = (mem: PhysMem, pa: bigint, v: bigint) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, v, true);
    mem.write(pa, b);
  };

  it('luo-v3: a session array header counting more than its pages hold is a limit on the LUO node, named by the count member', () => {
    const { mem, fdt } = write(STATE('luo-v3'));
    const sessionsPa = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS).luo!.sessions_pa!;
    u64At(mem, sessionsPa, 1n << 40n);
    const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    expect(report.luo!.errors).toEqual([expect.objectContaining({ code: 'limit', struct: 'luo_session_header_ser', field: 'count', pa: sessionsPa })]);
    expect(report.counts.sessions).toBe(0);
  });

  it('luo-v4: a session whose file count passes its array is a limit on that session; the other sessions are read', () => {
    const { mem, fdt } = write(STATE('luo-v4'));
    const first = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS).luo!.sessions[0]!;
    const countPa = first.pa + BigInt(forPageSize(LAYOUT.sessionFiles, PAGE).count!.offset);
    u64At(mem, countPa, 1n << 30n);
    const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    const s = report.luo!.sessions[0]!;
    expect(s.errors).toEqual([expect.objectContaining({ code: 'limit', struct: 'luo_session_ser', field: 'file_set_ser.count', pa: countPa })]);
    expect(s.files).toEqual([]);
    expect(report.luo!.sessions.map((x) => x.name)).toEqual(['vm-1', 'empty', 'vm-2']);
    expect(report.luo!.sessions[2]!.files.map((f) => f.token)).toEqual([18446744073709551615n]);
  });

  it('luo-v2: a LUO sub-FDT whose luo_ser property is cut short is refused on the LUO node, citing that era', () => {
    const { mem, fdt } = write(STATE('luo-v2'));
    const luo = readKhoFdt(LAYOUT.fdt, fdt).subtrees.find((t) => t.name === CODECS.luoBlobName)!;
    const bytes = writeFdt({ name: '', props: new Map([['compatible', new TextEncoder().encode('luo-v2\0')], ['luo-abi-header', new Uint8Array(4)]]), children: [] });
    mem.write(luo.data, bytes);
    const root = readKhoFdt(LAYOUT.fdt, fdt);
    const again = writeKhoFdt(LAYOUT.fdt, { ...root, subtrees: root.subtrees.map((t) => (t.name === luo.name ? { ...t, size: BigInt(bytes.length) } : t)) });
    const report = inspectLiveUpdate(mem, again, LAYOUT, CODECS);
    expect(report.luo!.errors).toEqual([expect.objectContaining({ code: 'refused', struct: 'luo fdt', field: 'luo-abi-header' })]);
    expect(report.luo!.errors[0]!.message).toMatch(/FDT era/);
  });
});

describe('image build at an older LUO version, read back by inspect', () => {
  const work = mkdtempSync(join(tmpdir(), 'kho-abi-eras-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const spec = (compatible: string) => `luo:
  compatible: "${compatible}"
  liveupdate_num: 4
${TWO_SESSIONS}`;
  type Json = { status: string; luo: { compatible: string; version: string; liveupdate_num: string; errors: unknown[]; sessions: { name: string; errors: unknown[]; files: { token: string; compatible: string; data: string | null; state: Record<string, unknown> | null; entries: { pfn: number; index: number; flags: number }[] | null }[] }[] } };

  for (const era of LUO_ERAS) {
    it(`${era.id}: the JSON holds every session, file, token and folio the spec gave`, async () => {
      const path = join(work, `${era.id}.yaml`);
      writeFileSync(path, spec(era.compatible));
      const core = join(work, `${era.id}.core`);
      const fdt = join(work, `${era.id}.dtb`);
      const b = await cli(['image', 'build', path, '--core', core, '--fdt', fdt], { cwd: repoRoot });
      expect(b.code, b.err).toBe(0);
      const r = await cli(['inspect', '--core', core, '--fdt', fdt, '--json'], { cwd: repoRoot });
      const j = JSON.parse(r.out) as Json;
      expect(j.status).toBe('warnings');
      expect([j.luo.compatible, j.luo.version, j.luo.liveupdate_num]).toEqual([era.compatible, era.id, '4']);
      expect(j.luo.errors).toEqual([]);
      expect(j.luo.sessions.map((s) => [s.name, s.errors, s.files.map((f) => [f.token, f.compatible])])).toEqual([
        ['vm-1', [], [['1', 'memfd-v2'], ['2', 'other-v1']]],
        ['vm-2', [], [['18446744073709551615', 'memfd-v2']]],
      ]);
      const memfd = j.luo.sessions[0]!.files[0]!;
      expect(memfd.entries!.map((e) => [e.pfn, e.index, e.flags])).toEqual([[0x1000, 0, 3], [0x1001, 1, 1]]);
      expect(memfd.state).toMatchObject({ size: '8192', pos: '0', seals: 0 });
      expect(j.luo.sessions[0]!.files[1]!.data).toBe(String(0x1234));
      expect(j.luo.sessions[1]!.files[0]!.state).toMatchObject({ pos: '7', seals: 1 });
    });
  }

  it('refuses a LUO compatible no version stores, at its line', async () => {
    const path = join(work, 'bad.yaml');
    writeFileSync(path, spec('luo-v9'));
    const b = await cli(['image', 'build', path, '--core', join(work, 'bad.core'), '--fdt', join(work, 'bad.dtb')], { cwd: repoRoot });
    expect(b.code).not.toBe(0);
    expect(b.err).toMatch(/bad\.yaml:2:15: luo\.compatible: no LUO version stores 'luo-v9'; known: luo-v1, luo-v2/);
  });
});

describe('a kho-v1 image: children naming sub-FDTs, the memory map a chunk chain', () => {
  const V1 = LAYOUT.khoV1!;
  const CHAIN = KHOSER_MEM_CHUNK_LIST_CONTAINER;
  /** A sub-FDT blob another KHO user might hand over. */
  const OTHER = writeFdt({ name: '', props: new Map([['compatible', new TextEncoder().encode('other-v1\0')]]), children: [] });

  /**
   * A luo-v1 state (its LUO blob is a sub-FDT, as kho-v1 wants) rewritten
   * as a kho-v1 kernel hands it over: the radix tree's blocks in a chunk
   * chain (minus `drop`), the children with `fdt` only, one more sub-FDT.
   */
  function khoV1Image(opts: { drop?: (b: PreservedBlock) => boolean; otherPreserved?: boolean } = {}) {
    const { mem, fdt } = write(STATE('luo-v1'));
    const root = readKhoFdt(LAYOUT.fdt, fdt);
    const blocks: PreservedBlock[] = [];
    walkRadixTree(mem, LAYOUT.radix, root.memoryMap, (pfn, order) => blocks.push({ pa: BigInt(pfn) * BigInt(PAGE), order }));
    let next = 0x40000;
    const otherPa = BigInt(next++) * BigInt(PAGE);
    mem.write(otherPa, OTHER);
    if (opts.otherPreserved !== false) blocks.push({ pa: otherPa, order: 0 });
    const kept = blocks.filter((b) => !opts.drop?.(b));
    const chain = writeBitmapChain(mem, CHAIN, kept, () => BigInt(next++) * BigInt(PAGE));
    const subtrees: KhoSubtree[] = [...root.subtrees, { name: 'other', data: otherPa, size: 0n }];
    return { mem, fdt: writeKhoFdt(V1.fdt, { compatible: V1.compatible, memoryMap: chain, subtrees }), blocks: kept.length, otherPa };
  }

  it('lists the blobs with their sub-FDT sizes, builds the map from the chain, and reads the luo-v1 state', () => {
    const { mem, fdt, blocks, otherPa } = khoV1Image();
    expect(new TextDecoder().decode(fdt)).not.toContain('blob-size');
    const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    expect(report.kho.errors).toEqual([]);
    expect(report.kho.compatible).toBe('kho-v1');
    expect(report.kho.preserved_blocks).toBe(blocks);
    expect(report.kho.blobs.map((b) => [b.name, b.pa, b.size, b.pages])).toEqual([['other', otherPa, BigInt(OTHER.length), 1]]);
    expect(report.kho.blobs[0]!.bytes).toBe(Buffer.from(OTHER).toString('hex'));
    expect(report.luo!.version).toBe('luo-v1');
    expect(report.counts.errors).toBe(0);
    expect(sessionsOf(report)).toEqual(sessionsOfState(STATE('luo-v1')));
  });

  it('a folio the chain does not list fails its file, as kho_restore_page would', () => {
    const { mem, fdt } = khoV1Image({ drop: (b) => b.pa === BigInt(FOLIO_BASE + 1) * BigInt(PAGE) });
    const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    const file = report.luo!.sessions[0]!.files[0]!;
    expect(file.errors).toEqual([expect.objectContaining({ code: 'refused', struct: 'memfd_luo_folio_ser', field: 'pfn' })]);
    expect(file.errors[0]!.message).toMatch(/entry 1's folio at 0x100001000 is not the head of a block in the preserved memory map/);
    expect(report.counts.errors).toBe(1);
  });

  it('F12: a sub-FDT on a page the chain does not list is a warning (kho-v1 hands the address back unchecked); --strict refuses it', () => {
    const { mem, fdt } = khoV1Image({ otherPreserved: false });
    const lax = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    expect(lax.kho.blobs[0]!.errors).toEqual([]);
    expect(lax.kho.blobs[0]!.warnings).toEqual([expect.objectContaining({ code: 'kho-v1-blob-not-preserved', kernel: expect.stringMatching(/kho_retrieve_subtree .*kho-v1/) })]);
    const strict = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS, { strict: true });
    expect(strict.kho.blobs[0]!.errors).toEqual([expect.objectContaining({ code: 'refused', struct: 'kho blob' })]);
  });

  it('F11: a child whose fdt property is not 8 bytes is refused alone, citing kho-v1; a chain page missing is an error on the map', () => {
    const { mem, fdt } = khoV1Image();
    const root = readKhoFdt(V1.fdt, fdt);
    const bad = writeFdt({
      name: '',
      props: new Map([['compatible', new TextEncoder().encode('kho-v1\0')], [V1.fdt.memoryMap.name, new Uint8Array(new BigUint64Array([0x7fff000n]).buffer)]]),
      children: [
        ...root.subtrees.map((t) => ({ name: t.name, props: new Map([[V1.fdt.data.name, new Uint8Array(new BigUint64Array([t.data]).buffer)]]), children: [] })),
        { name: 'short', props: new Map([[V1.fdt.data.name, new Uint8Array(4)]]), children: [] },
      ],
    });
    const report = inspectLiveUpdate(mem, bad, LAYOUT, CODECS);
    expect(report.kho.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'refused', field: 'fdt', message: expect.stringMatching(/node 'short' has 'fdt' of 4 bytes, not 8; the kernel cannot retrieve it \(kho_retrieve_subtree .*kho-v1\)/) }),
        expect.objectContaining({ code: 'missing-memory', pa: 0x7fff000n }),
      ]),
    );
    expect(report.kho.preserved_blocks).toBeNull();
    // Without the map the blobs and the LUO state are still read.
    expect(report.luo!.sessions.map((s) => s.name)).toEqual(['vm-1', 'empty', 'vm-2']);
  });

  it('the CLI reads a kho-v1 core', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kho-abi-v1-'));
    try {
      const { mem, fdt } = khoV1Image();
      const core = join(work, 'v1.core');
      const fdtPath = join(work, 'v1.dtb');
      writeElfCore(core, segmentsOf(mem));
      writeFileSync(fdtPath, fdt);
      const r = await cli(['inspect', '--core', core, '--fdt', fdtPath], { cwd: repoRoot });
      expect(r.out).toMatch(/^kho compatible="kho-v1" memory_map=0x[0-9a-f]+ preserved_blocks=\d+\n {2}blob name="other" pa=0x[0-9a-f]+ size=\d+ pages=1 bytes=d00dfeed/);
      expect(r.out).toMatch(/\n {2}luo pa=0x[0-9a-f]+ size=\d+ compatible="luo-v1" version=luo-v1 liveupdate_num=9 sessions=3 flbs=1\n/);
      expect(r.out).toMatch(/\nsummary status=warnings sessions=3 files=3 entries=2 flbs=1 errors=0 warnings=1\n$/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
