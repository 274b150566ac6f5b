/**
 * kho-v1 images end to end: the old kernel (writeLiveUpdate with a state
 * whose kho.compatible is "kho-v1") hands the state over as the first KHO
 * did (children with an `fdt` property naming sub-FDTs, the memory map a
 * khoser_mem_chunk chain), and the new kernel (readLiveUpdate) gives back
 * every random state equal, whatever LUO version sits inside. The bytes are
 * checked with independent readers (the FDT parser, walkBitmapChain), not
 * the writer's code; corrupt chains and FDTs are refused with the structure,
 * field and offset the inspect walk names for the same image; `image build`
 * writes a kho-v1 image that `inspect` reads, and `inspect --map` draws its
 * chunk and bitmap pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KHOSER_MEM_CHUNK_LIST_CONTAINER as CHAIN } from '../generated/ts/kho_v1_memmap.js';
import { LIVEUPDATE_HISTORY_CODECS as CODECS, LIVEUPDATE_LAYOUT as LAYOUT, LUO_ERAS } from '../lib/liveupdate.js';
import { bitmapChainGeometry, parseFdt, PhysMem, readBitmapChain, readKhoFdt, writeFdt } from '../runtime/index.js';
import { inspectLiveUpdate, inspectTextLines, readLiveUpdate, writeLiveUpdate, type FileState, type LiveUpdateState } from '../runtime/liveupdate/index.js';
import { cli } from './helpers/cli-in-process.js';
import { dtcAvailable } from './helpers/dtc.js';
import { repoRoot } from './helpers/root.js';
import { refused } from './helpers/thrown.js';
import { MEMFD_TWO_FOLIOS } from './helpers/image-specs.js';

const V1 = LAYOUT.khoV1!;
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
const text = (min: number, max: number) => fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: min, maxLength: max }).map((c) => String.fromCharCode(...c));
/** A sub-FDT another KHO user hands over. */
const OTHER = writeFdt({ name: '', props: new Map([['compatible', new TextEncoder().encode('other-v1\0')]]), children: [] });

const STATE = (luo: string): LiveUpdateState => ({
  kho: { compatible: 'kho-v1', blobs: [{ name: 'other', bytes: OTHER }] },
  luo: {
    compatible: luo,
    liveupdateNum: 5n,
    sessions: [
      { name: 'vm-1', files: [{ compatible: 'memfd-v2', token: 1n, state: { fields: { pos: 0n, size: 8192n, seals: 0, flags: 0 }, entries: [{ pfn: 1 << 20, flags: 3, index: 0 }] } }, { compatible: 'other-v1', token: 2n, data: 0x1234n }] },
      { name: 'empty', files: [] },
    ],
    flbs: [{ name: 'other-flb', count: 1n, data: 0x99n }],
  },
});

function write(state: LiveUpdateState, pageSize: 4096 | 16384 = 4096) {
  const mem = new PhysMem({ pageSize });
  const written = writeLiveUpdate(mem, state, LAYOUT, CODECS);
  return { mem, ...written };
}

/** Where the first DecodeError of `fn` points. */
describe('writeLiveUpdate: a kho-v1 handover', () => {
  it('writes the root as kho-v1 names it: children with fdt only, the map a chunk chain listing every page written and every folio', () => {
    const { mem, fdt, preserved } = write(STATE('luo-v1'));
    const root = parseFdt(fdt);
    expect(new TextDecoder().decode(root.props.get('compatible'))).toBe('kho-v1\0');
    for (const c of root.children) expect([...c.props.keys()]).toEqual(['fdt']);
    const map = root.props.get('preserved-memory-map')!;
    const blocks = readBitmapChain(mem, CHAIN, new DataView(map.buffer, map.byteOffset, 8).getBigUint64(0, true));
    expect(blocks).toHaveLength(preserved);
    expect(blocks.map((b) => b.pa)).toContain(BigInt(1 << 20) * 4096n);
    // Each child names a sub-FDT the FDT parser reads.
    for (const c of root.children) {
      const pa = new DataView(c.props.get('fdt')!.buffer, c.props.get('fdt')!.byteOffset, 8).getBigUint64(0, true);
      expect(mem.read(pa, 4)).toEqual(new Uint8Array([0xd0, 0x0d, 0xfe, 0xed]));
    }
  });

  (dtcAvailable('kho-v1-image.test.ts') ? it : it.skip)('libfdt reads the root and every sub-FDT: compatible "kho-v1", each child with an 8-byte fdt property naming a valid FDT', () => {
    const { mem, fdt } = write(STATE('luo-v1'));
    const dir = mkdtempSync(join(tmpdir(), 'kho-abi-v1-fdt-'));
    try {
      const rootPath = join(dir, 'root.dtb');
      writeFileSync(rootPath, fdt);
      const get = (file: string, type: string, node: string, prop: string): string => execFileSync('fdtget', ['-t', type, file, node, prop], { encoding: 'utf8' }).trim();
      expect(get(rootPath, 's', '/', 'compatible')).toBe('kho-v1');
      expect(get(rootPath, 'bx', '/', 'preserved-memory-map').split(' ')).toHaveLength(8);
      const children = execFileSync('fdtget', ['-l', rootPath, '/'], { encoding: 'utf8' }).trim().split('\n');
      expect(children).toContain('LUO');
      for (const child of children) {
        expect(execFileSync('fdtget', ['-p', rootPath, `/${child}`], { encoding: 'utf8' }).trim()).toBe('fdt');
        const bytes = get(rootPath, 'bx', `/${child}`, 'fdt').split(' ').map((x) => parseInt(x, 16));
        expect(bytes).toHaveLength(8);
        const pa = bytes.reduce((v, b, i) => v | (BigInt(b) << BigInt(8 * i)), 0n);
        const size = new DataView(mem.read(pa + 4n, 4).buffer).getUint32(0);
        const subPath = join(dir, `${child}.dtb`);
        writeFileSync(subPath, mem.read(pa, size));
        // dtc decompiles it: a well-formed blob by libfdt's checks.
        const dts = execFileSync('dtc', ['-I', 'dtb', '-O', 'dts', subPath], { encoding: 'utf8', stdio: 'pipe' });
        expect(dts).toMatch(/^\/dts-v1\/;/);
        if (child === 'LUO') expect(dts).toMatch(/compatible = "luo-v1"/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a blob that is no FDT: a kho-v1 child can only name a sub-FDT', () => {
    const state: LiveUpdateState = { kho: { compatible: 'kho-v1', blobs: [{ name: 'raw', bytes: new Uint8Array([1, 2, 3]) }] } };
    expect(() => write(state)).toThrow(/blob 'raw' is no FDT/);
  });
});

describe('readLiveUpdate: random states written as kho-v1 images read back equal', () => {
  const file = fc.oneof(
    fc.record({ compatible: text(1, 40).filter((s) => s !== 'memfd-v2' && s !== 'huge-memfd-v1'), token: u64, data: u64 }),
    fc.record({ token: u64, pos: u64, idx: fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 3 }) }),
  );
  const arb = fc.record({
    era: fc.constantFrom(...LUO_ERAS),
    pageSize: fc.constantFrom(4096 as const, 16384 as const),
    num: u64,
    sessions: fc.uniqueArray(fc.record({ name: text(1, 60), files: fc.array(file, { maxLength: 4 }) }), { selector: (s) => s.name, maxLength: 4 }),
    flbs: fc.uniqueArray(fc.record({ name: text(1, 40).filter((s) => s !== 'hugetlb-v1'), count: u64, data: u64 }), { selector: (f) => f.name, maxLength: 2 }),
    other: fc.boolean(),
  });
  it('any LUO version inside, 4 and 16 KiB pages', () => {
    fc.assert(
      fc.property(arb, ({ era, pageSize, num, sessions, flbs, other }) => {
        let pfn = 1 << 22;
        const toFile = (f: (typeof sessions)[number]['files'][number]): FileState =>
          'compatible' in f ? f : { compatible: 'memfd-v2', token: f.token, state: { fields: { pos: f.pos, size: 0n, seals: 0, flags: 0 }, entries: f.idx.map((index) => ({ pfn: pfn++, flags: 1, index })) } };
        const state: LiveUpdateState = {
          kho: { compatible: 'kho-v1', ...(other ? { blobs: [{ name: 'other', bytes: OTHER }] } : {}) },
          luo: { compatible: era.compatible, liveupdateNum: num, sessions: sessions.map((s) => ({ name: s.name, files: s.files.map(toFile) })), flbs },
        };
        const { mem, fdt } = write(state, pageSize);
        const back = readLiveUpdate(mem, fdt, LAYOUT, CODECS);
        // Files without a schema are the only warnings.
        expect(back.warnings.filter((w) => w.code !== 'luo-no-handler')).toEqual([]);
        expect(back.state.kho).toEqual(state.kho);
        expect(back.state.luo).toEqual({ ...state.luo, sessions: [...state.luo!.sessions] });
        // The inspect walk agrees, on the same image.
        const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
        expect(report.counts.errors).toBe(0);
        expect(report.luo!.version).toBe(era.id);
      }),
      { numRuns: 40 },
    );
  });
});

describe('readLiveUpdate refuses a corrupt kho-v1 image where inspect does', () => {
  /** The restore's refusal and the inspect walk's first error, on the same image. */
  function both(mem: PhysMem, fdt: Uint8Array) {
    const e = refused(() => readLiveUpdate(mem, fdt, LAYOUT, CODECS));
    const report = inspectLiveUpdate(mem, fdt, LAYOUT, CODECS);
    const first = [...report.kho.errors, ...report.kho.blobs.flatMap((b) => b.errors), ...(report.luo?.errors ?? [])][0]!;
    return { e, first };
  }
  const chainHead = (fdt: Uint8Array): bigint => readKhoFdt(V1.fdt, fdt).memoryMap;

  it('a chunk whose count is past its capacity: khoser_mem_chunk.num_elms, at the chunk', () => {
    const { mem, fdt } = write(STATE('luo-v2'));
    const head = chainHead(fdt);
    const count = bitmapChainGeometry(CHAIN, 4096).chunk.count;
    mem.write(head + BigInt(count.offset), new Uint8Array(count.size).fill(0xff));
    const { e, first } = both(mem, fdt);
    expect([e.struct, e.field, e.offset, e.address]).toEqual([first.struct, first.field, first.offset, first.pa]);
    expect(e.struct).toMatch(/khoser_mem_chunk/);
    expect([e.field, e.address]).toEqual([count.name, head + BigInt(count.offset)]);
  });

  it('a chain that comes back to its first chunk: a cycle, refused at next', () => {
    const { mem, fdt } = write(STATE('luo-v3'));
    const head = chainHead(fdt);
    // Walk to the last chunk (next 0) and point it back at the head.
    let last = head;
    for (let next = mem.view(last, 8).getBigUint64(0, true); next !== 0n; next = mem.view(last, 8).getBigUint64(0, true)) last = next;
    mem.writeU64(last, head);
    const { e, first } = both(mem, fdt);
    expect([e.struct, e.field, e.address]).toEqual([first.struct, first.field, first.pa]);
    expect(e.message).toMatch(/cycle/);
  });

  it('a sub-FDT whose header is not an FDT: fdt_header.magic, at the blob', () => {
    const { mem, fdt } = write(STATE('luo-v1'));
    const other = readKhoFdt(V1.fdt, fdt).subtrees.find((t) => t.name === 'other')!;
    mem.write(other.data, new Uint8Array([0, 0, 0, 0]));
    const { e, first } = both(mem, fdt);
    expect([e.struct, e.field, e.offset, e.address]).toEqual(['fdt_header', 'magic', 0, other.data]);
    expect([first.struct, first.field, first.offset, first.pa]).toEqual(['fdt_header', 'magic', 0, other.data]);
  });

  it('a child whose fdt property is not a u64 is left out, as the inspect walk lists it', () => {
    const { mem, fdt } = write(STATE('luo-v1'));
    const root = parseFdt(fdt);
    const bad = writeFdt({ ...root, children: root.children.map((c) => (c.name === 'other' ? { ...c, props: new Map([['fdt', new Uint8Array(4)]]) } : c)) });
    const back = readLiveUpdate(mem, bad, LAYOUT, CODECS);
    expect(back.state.kho.blobs).toBeUndefined();
    expect(back.state.luo!.sessions.map((s) => s.name)).toEqual(['vm-1', 'empty']);
    expect(inspectLiveUpdate(mem, bad, LAYOUT, CODECS).kho.errors).toEqual([expect.objectContaining({ field: 'fdt', message: expect.stringMatching(/kho-v1/) })]);
  });

  it('a sub-FDT the chain does not list: a warning (kho-v1 hands the address back unchecked); strict refuses it', () => {
    const { mem, fdt } = write(STATE('luo-v1'));
    const other = readKhoFdt(V1.fdt, fdt).subtrees.find((t) => t.name === 'other')!;
    const moved = 0x7000000n;
    mem.write(moved, OTHER);
    const root = parseFdt(fdt);
    const le = new Uint8Array(8);
    new DataView(le.buffer).setBigUint64(0, moved, true);
    const bad = writeFdt({ ...root, children: root.children.map((c) => (c.name === 'other' ? { ...c, props: new Map([['fdt', le]]) } : c)) });
    const back = readLiveUpdate(mem, bad, LAYOUT, CODECS);
    expect(back.warnings.filter((w) => w.code !== 'luo-no-handler')).toEqual([expect.objectContaining({ code: 'kho-v1-blob-not-preserved', struct: 'kho blob', address: moved, kernel: expect.stringMatching(/kho_retrieve_subtree .*kho-v1/) })]);
    expect(back.state.kho.blobs).toEqual([{ name: 'other', bytes: OTHER }]);
    const e = refused(() => readLiveUpdate(mem, bad, LAYOUT, CODECS, { strict: true }));
    expect([e.struct, e.address]).toEqual(['kho blob', moved]);
    expect(other.data).not.toBe(moved);
  });
});

describe('the luo line shows the version', () => {
  it('prints version= after the stored compatible', () => {
    const { mem, fdt } = write(STATE('luo-v5'));
    const lines = [...inspectTextLines(inspectLiveUpdate(mem, fdt, LAYOUT, CODECS))];
    expect(lines.find((l) => l.startsWith('  luo '))).toMatch(/^ {2}luo pa=0x[0-9a-f]+ size=\d+ compatible="luo-v5" version=luo-v5 liveupdate_num=5 sessions=2 flbs=1$/);
  });
});

describe('image build and inspect --map with kho-v1', () => {
  const work = mkdtempSync(join(tmpdir(), 'kho-abi-kho-v1-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const SPEC = `kho: { compatible: kho-v1 }
luo:
  compatible: luo-v1
  liveupdate_num: 7
  sessions:
    - name: vm-1
      files:
${MEMFD_TWO_FOLIOS}`;

  it('builds a kho-v1 image that inspect reads back, and draws its chunk and bitmap pages', async () => {
    const spec = join(work, 'v1.yaml');
    const core = join(work, 'v1.core');
    const fdt = join(work, 'v1.dtb');
    const svgPath = join(work, 'v1.svg');
    writeFileSync(spec, SPEC);
    const b = await cli(['image', 'build', spec, '--core', core, '--fdt', fdt], { cwd: repoRoot });
    expect(b.code, b.err).toBe(0);
    const t = await cli(['inspect', '--core', core, '--fdt', fdt], { cwd: repoRoot });
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/^kho compatible="kho-v1" memory_map=0x[0-9a-f]+ preserved_blocks=\d+\n {2}luo pa=0x[0-9a-f]+ size=\d+ compatible="luo-v1" version=luo-v1 liveupdate_num=7 sessions=1 flbs=0\n/);
    const j = await cli(['inspect', '--core', core, '--fdt', fdt, '--json', '--map', svgPath], { cwd: repoRoot });
    expect(j.code, j.err).toBe(0);
    const report = JSON.parse(j.out) as { kho: { memory_map: string; preserved_blocks: number }; luo: { sessions: { files: { entries: { pfn: number }[] }[] }[] } };
    expect(report.luo.sessions[0]!.files[0]!.entries.map((e) => e.pfn)).toEqual([0x1000, 0x1001]);

    // The chain's own pages, found by following it here (next at offset 0, entries' bitmap pointers).
    const dtb = readFileSync(fdt);
    const head = readKhoFdt(V1.fdt, new Uint8Array(dtb.buffer, dtb.byteOffset, dtb.length)).memoryMap;
    expect(BigInt(report.kho.memory_map)).toBe(head);
    const svg = readFileSync(svgPath, 'utf8');
    const blocks = [...svg.matchAll(/<rect class="block" data-pa="(0x[0-9a-f]+)" data-pages="(\d+)" data-owner="([a-z]+)"/g)].map((m) => ({ pa: BigInt(m[1]!), pages: Number(m[2]), owner: m[3]! }));
    const memmap = blocks.filter((x) => x.owner === 'memmap');
    // One chunk (a single order) and one bitmap for these few pages.
    expect(memmap.map((x) => x.pa)).toContain(head);
    expect(memmap).toHaveLength(2);
    expect(blocks.filter((x) => x.owner !== 'memmap')).toHaveLength(report.kho.preserved_blocks);
    expect(blocks.filter((x) => x.owner === 'folio').map((x) => x.pa)).toEqual([0x1000n * 4096n, 0x1001n * 4096n]);
    expect(blocks.some((x) => x.owner === 'luo')).toBe(true);
    expect(svg).toContain('kho-v1 chunk and bitmap pages');
  });
});
