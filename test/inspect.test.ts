/**
 * `kho-abi inspect` over images it did not write: a state laid out by
 * writeLiveUpdate in a PhysMem, dumped by an independent ELF64 core writer
 * (test/helpers/elf-core.ts, from the ELF spec) or as raw ranges, with the
 * KHO root FDT compiled by dtc from a .dts source written here. Every
 * session, file, token and folio comes out as written; the core, the raw
 * ranges and the FDT found in memory give the same JSON; corrupt images
 * give the good parts and a located error, exit 1; --strict differs from
 * the default as docs/reader-checks.md says; malformed ELF is refused in
 * one located line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileMem, forPageSize, PhysMem, readKhoFdt, type KhoRoot } from '../runtime/index.js';
import { hiddenMembers, readLiveUpdate, treeText, withoutMembers, writeLiveUpdate, type Fields, type LiveUpdateState } from '../runtime/liveupdate/index.js';
import { inspectLiveUpdate, inspectTextLines } from '../runtime/liveupdate/inspect.js';
import { parseFdt, writeFdt } from '../runtime/containers/kho-fdt.js';
import { FILE_HANDLERS, LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { cli, expectRefusal } from './helpers/cli-in-process.js';
import { elfCoreBytes, segmentsOf, writeElfCore, type CoreSegment } from './helpers/elf-core.js';
import { repoRoot } from './helpers/root.js';
import { dtcAvailable } from './helpers/dtc.js';

const FOLIO_BASE = 1 << 24;
const memfd = (token: bigint, folios: { flags: number; index: number }[], base: number) => ({
  compatible: 'memfd-v2',
  token,
  state: { fields: { pos: 0n, size: BigInt(folios.length * 4096), seals: 3, flags: 0 }, entries: folios.map((f, i) => ({ pfn: base + i, flags: f.flags, index: f.index })) },
});
const STATE: LiveUpdateState = {
  kho: { compatible: 'kho-v4', blobs: [{ name: 'extra', bytes: new Uint8Array([1, 2, 3, 250]) }] },
  luo: {
    compatible: 'luo-v5',
    liveupdateNum: 7n,
    sessions: [
      {
        name: 'vm-1',
        files: [
          memfd(1n, [{ flags: 3, index: 0 }, { flags: 1, index: 5 }], FOLIO_BASE),
          memfd(18446744073709551615n, [], FOLIO_BASE + 100),
          { compatible: 'huge-memfd-v1', token: 3n, state: { fields: { pos: 4n, size: 2097152n, order: 9 }, entries: [{ pfn: FOLIO_BASE + 200, reserved: 0, index: 0n }] } },
        ],
      },
      { name: 'vm-2', files: [memfd(10n, [{ flags: 2, index: 1 }, { flags: 3, index: 2 }, { flags: 0, index: 3 }], FOLIO_BASE + 300)] },
      { name: 'empty', files: [] },
    ],
    flbs: [
      { name: 'hugetlb-v1', count: 2n, state: { hstates: [{ nr_pages: 4n, order: 9 }, { nr_pages: 0n, order: 0 }, { nr_pages: 0n, order: 0 }, { nr_pages: 0n, order: 0 }], nr_hstates: 1 } },
      { name: 'other-flb', count: 1n, data: 0x1234n },
    ],
  },
};

const hasDtc = dtcAvailable('inspect.test.ts');
const withDtc = hasDtc ? it : it.skip;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kho-abi-inspect-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (state: LiveUpdateState) => {
  const mem = new PhysMem();
  const { fdt } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
  return { mem, fdt, root: readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt) };
};

/** A u64 property as the kernel stores it (fdt_setprop of the value itself: little-endian on its targets), as dtc byte-string source. */
const hex64 = (v: bigint) => `[${Array.from({ length: 8 }, (_, i) => ((v >> BigInt(8 * i)) & 0xffn).toString(16).padStart(2, '0')).join(' ')}]`;
/** The KHO root as devicetree source, as a person would write it. */
function dts(root: Pick<KhoRoot, 'compatible' | 'memoryMap' | 'subtrees'>, extra = ''): string {
  const p = LIVEUPDATE_LAYOUT.fdt;
  const nodes = root.subtrees.map((t) => `\t${t.name} {\n\t\t${p.data.name} = ${hex64(t.data)};\n\t\t${p.size!.name} = ${hex64(t.size)};\n\t};\n`).join('');
  return `/dts-v1/;\n\n/ {\n\tcompatible = "${root.compatible}";\n\t${p.memoryMap.name} = ${hex64(root.memoryMap)};\n${extra}${nodes}};\n`;
}

let n = 0;
/** Compiles devicetree source with dtc; returns the .dtb path. */
function dtc(source: string): string {
  const src = join(dir, `kho-${n}.dts`);
  const out = join(dir, `kho-${n++}.dtb`);
  writeFileSync(src, source);
  execFileSync('dtc', ['-q', '-I', 'dts', '-O', 'dtb', '-o', out, src]);
  return out;
}

function core(segments: readonly CoreSegment[], name = `core-${n++}.elf`): string {
  const path = join(dir, name);
  writeElfCore(path, segments);
  return path;
}

/** Each segment as its own raw file: the --raw arguments. */
function rawArgs(segments: readonly CoreSegment[]): string[] {
  return segments.flatMap((s, i) => {
    const path = join(dir, `raw-${n}-${i}.bin`);
    writeFileSync(path, s.bytes);
    return ['--raw', `${path}@0x${s.pa.toString(16)}`];
  });
}

interface Json {
  status: string;
  counts: Record<string, number>;
  image: { errors: Issue[] };
  kho: { compatible: string | null; errors: Issue[]; warnings: Issue[]; blobs: { name: string; bytes: string | null }[]; preserved_blocks: number | null };
  luo: null | {
    compatible: string | null;
    liveupdate_num: string | null;
    errors: Issue[];
    sessions: { name: string | null; pa: string; files_pa: string | null; errors: Issue[]; files: { token: string | null; compatible: string | null; data: string | null; state: Record<string, unknown> | null; entries: Record<string, unknown>[] | null; errors: Issue[]; warnings: Issue[] }[] }[];
    flbs: { name: string; count: string; state: Record<string, unknown> | null }[];
  };
}
interface Issue {
  code: string;
  struct: string;
  field: string | null;
  offset: number;
  pa: string | null;
  message: string;
}

async function inspect(args: string[]) {
  const r = await cli(['inspect', ...args]);
  expect(r.err).not.toMatch(/internal error|\n\s+at /);
  return { ...r, json: args.includes('--json') ? (JSON.parse(r.out) as Json) : undefined };
}

/** A decoded value as the JSON prints it: 64-bit values as decimal strings. */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)));

describe('inspect: an ELF core from an independent writer, the FDT from dtc', () => {
  withDtc('every session, file, token, folio and FLB comes out as written', async () => {
    const { mem, root } = write(STATE);
    const segments = segmentsOf(mem);
    expect(segments.length).toBeGreaterThan(0);
    const fdt = dtc(dts(root));
    const r = await inspect(['--core', core(segments), '--fdt', fdt, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.status).toBe('clean');
    expect(j.kho.compatible).toBe('kho-v4');
    expect(j.kho.blobs).toEqual([expect.objectContaining({ name: 'extra', bytes: '010203fa' })]);
    expect(j.luo!.compatible).toBe('luo-v5');
    expect(j.luo!.liveupdate_num).toBe('7');
    const sessions = [...STATE.luo!.sessions];
    expect(j.luo!.sessions.map((s) => s.name)).toEqual(sessions.map((s) => s.name));
    sessions.forEach((s, i) => {
      const got = j.luo!.sessions[i]!;
      expect(got.errors).toEqual([]);
      expect(got.files.map((f) => [f.token, f.compatible])).toEqual(s.files.map((f) => [String(f.token), f.compatible]));
      s.files.forEach((f, k) => {
        const h = FILE_HANDLERS.find((x) => x.compatible === f.compatible)!;
        const file = got.files[k]!;
        expect(withoutMembers(file.state as Fields, hiddenMembers(h))).toEqual(asJson(f.state!.fields));
        expect(file.entries).toEqual(asJson(f.state!.entries));
      });
    });
    expect(j.luo!.flbs.map((f) => [f.name, f.count, f.state])).toEqual([
      ['hugetlb-v1', '2', asJson(STATE.luo!.flbs[0]!.state)],
      ['other-flb', '1', null],
    ]);
    expect(j.counts).toEqual({ sessions: 3, files: 4, entries: 6, flbs: 2, errors: 0, warnings: 0 });

    // The text tree says the same, a line a node.
    const t = await inspect(['--core', core(segments), '--fdt', fdt]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^kho compatible="kho-v4" memory_map=0x[0-9a-f]+ preserved_blocks=\d+\n/);
    expect(t.out).toMatch(/\n {2}luo pa=0x[0-9a-f]+ size=\d+ compatible="luo-v5" version=luo-v5 liveupdate_num=\d+ sessions=3 flbs=2\n/);
    expect(t.out).toMatch(/\n {4}session name="vm-2" pa=0x[0-9a-f]+ files=1 count=1\n {6}file token=10 compatible="memfd-v2" pa=0x[0-9a-f]+ data=0x[0-9a-f]+ flags=0 folios.first=\d+ .* entries=3 holes=0\n {8}entry flags=2 index=1 pfn=16777516\n/);
    expect(t.out).toMatch(/\nsummary status=clean sessions=3 files=4 entries=6 flbs=2 errors=0 warnings=0\n$/);
  });

  withDtc('the same memory as raw ranges, and the FDT found at its physical address, give the same JSON', async () => {
    const { mem, fdt: fdtBytes, root } = write(STATE);
    const segments = segmentsOf(mem);
    const fdt = dtc(dts(root));
    const fromCore = await inspect(['--core', core(segments), '--fdt', fdt, '--json']);
    const fromRaw = await inspect([...rawArgs(segments), '--fdt', fdt, '--json']);
    expect(fromRaw.code).toBe(0);
    expect(fromRaw.out).toBe(fromCore.out);
    // The FDT in a page of its own, outside what the writer used.
    const at = 0x7f000n * 4096n;
    const page = new Uint8Array(4096);
    page.set(readFileSync(fdt));
    const withFdt = [...segments, { pa: at, bytes: page }];
    const fromPa = await inspect(['--core', core(withFdt), '--fdt-at', `0x${at.toString(16)}`, '--json']);
    expect(fromPa.code).toBe(0);
    expect(fromPa.out).toBe(fromCore.out);
    // And the tree agrees with readLiveUpdate of the PhysMem it came from.
    const read = readLiveUpdate(mem, fdtBytes, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    expect(fromCore.json!.luo!.sessions.map((s) => s.files.length)).toEqual(read.state.luo!.sessions.map((s) => s.files.length));
  });

  it('reads a core one page at a time: a cache of two pages gives the same state', () => {
    const { mem, fdt } = write(STATE);
    const path = core(segmentsOf(mem));
    const fm = FileMem.openElfCore(path, { cachePages: 2 });
    try {
      expect(fm.pageCount).toBe(mem.pageCount);
      expect(fm.presentPfns()).toEqual(mem.presentPfns());
      expect(readLiveUpdate(fm, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state).toEqual(readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state);
      expect(() => fm.write(0n, new Uint8Array(1))).toThrow(/read-only/);
    } finally {
      fm.close();
    }
  });
});

describe('FileMem: what an ELF core and raw dumps hold', () => {
  const page = (fill: number) => new Uint8Array(4096).fill(fill);
  const open = (bytes: Uint8Array) => {
    const path = join(dir, `unit-${n++}.elf`);
    writeFileSync(path, bytes);
    return FileMem.openElfCore(path);
  };

  it('p_memsz past p_filesz reads as zeros; a page only partly held is missing; kcore segments without a physical address are skipped', () => {
    const bytes = elfCoreBytes([
      { pa: 0x10000n, bytes: page(0xaa), memsz: 0x3000n },
      { pa: 0x40000n, bytes: new Uint8Array(100).fill(0xbb) },
      { pa: (1n << 64n) - 1n, bytes: page(0xcc) },
    ]);
    const fm = open(bytes);
    try {
      expect(fm.read(0x10ffen, 4)).toEqual(new Uint8Array([0xaa, 0xaa, 0, 0]));
      expect(fm.isPresent(0x12fffn)).toBe(true);
      expect(fm.isPresent(0x13000n)).toBe(false);
      expect(fm.isPresent(0x40000n)).toBe(false);
      expect(() => fm.read(0x40000n, 1)).toThrow(/page 0x40000 is not present in the image/);
      expect(fm.pageCount).toBe(3);
      expect(fm.ranges.map((r) => r.index)).toEqual([1, 2]);
    } finally {
      fm.close();
    }
  });

  it('reads e_phnum from section header 0 when it is PN_XNUM', () => {
    const bytes = elfCoreBytes([
      { pa: 0x1000n, bytes: page(1) },
      { pa: 0x3000n, bytes: page(3) },
    ]);
    const out = new Uint8Array(bytes.length + 64);
    out.set(bytes);
    const v = new DataView(out.buffer);
    v.setBigUint64(40, BigInt(bytes.length), true); // e_shoff
    v.setUint16(56, 0xffff, true); // e_phnum = PN_XNUM
    v.setUint32(bytes.length + 44, 3, true); // sh_info: the real count (a PT_NOTE and two PT_LOAD)
    const fm = open(out);
    try {
      expect(fm.presentPfns()).toEqual([1n, 3n]);
      expect(fm.read(0x3000n, 1)).toEqual(new Uint8Array([3]));
    } finally {
      fm.close();
    }
  });

  withDtc('a 1 GiB sparse raw dump is read by position, never loaded: the same JSON as the core', async () => {
    const { mem, root } = write(STATE);
    const segments = segmentsOf(mem);
    const fdt = dtc(dts(root));
    const path = join(dir, 'sparse.bin');
    writeFileSync(path, new Uint8Array(0));
    truncateSync(path, 1 << 30);
    const fd = openSync(path, 'r+');
    try {
      for (const s of segments) writeSync(fd, s.bytes, 0, s.bytes.length, Number(s.pa));
    } finally {
      closeSync(fd);
    }
    const fromCore = await inspect(['--core', core(segments), '--fdt', fdt, '--json']);
    const before = process.memoryUsage().rss;
    const fromSparse = await inspect(['--raw', `${path}@0`, '--fdt', fdt, '--json']);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
    expect(fromSparse.code).toBe(0);
    expect(fromSparse.out).toBe(fromCore.out);
  });
});

describe('inspect: the JSON shape of docs/inspect.md', () => {
  withDtc('has every key, in the documented order', async () => {
    const state: LiveUpdateState = { ...STATE, luo: { ...STATE.luo!, sessions: [...STATE.luo!.sessions, { name: 'x', files: [{ compatible: 'tmpfs-v1', token: 5n, data: 0n }] }] } };
    const { mem, root } = write(state);
    const j = (await inspect(['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json'])).json! as unknown as Record<string, any>;
    const keys = (o: object) => Object.keys(o);
    expect(keys(j)).toEqual(['format', 'version', 'page_size', 'status', 'counts', 'image', 'kho', 'luo']);
    expect([j.format, j.version, j.page_size, j.status]).toEqual(['kho-abi-inspect', 1, 4096, 'warnings']);
    expect(keys(j.counts)).toEqual(['sessions', 'files', 'entries', 'flbs', 'errors', 'warnings']);
    expect(keys(j.image)).toEqual(['errors', 'warnings']);
    expect(keys(j.kho)).toEqual(['compatible', 'compatible_bytes', 'compatibles', 'memory_map', 'preserved_blocks', 'blobs', 'errors', 'warnings']);
    expect(keys(j.kho.blobs[0])).toEqual(['name', 'name_bytes', 'pa', 'size', 'pages', 'bytes', 'errors', 'warnings']);
    expect(keys(j.luo)).toEqual(['pa', 'size', 'compatible', 'version', 'liveupdate_num', 'sessions_pa', 'flbs_pa', 'flb_page', 'sessions', 'flbs', 'errors', 'warnings']);
    expect(keys(j.luo.flb_page)).toEqual(['pgcnt', 'count']);
    expect(keys(j.luo.sessions[0])).toEqual(['pa', 'name', 'files_pa', 'count', 'files', 'errors', 'warnings']);
    expect(keys(j.luo.sessions[0].files[0])).toEqual(['pa', 'token', 'compatible', 'data', 'handler', 'state', 'entries', 'holes', 'errors', 'warnings']);
    expect(keys(j.luo.flbs[0])).toEqual(['pa', 'name', 'count', 'data', 'handler', 'state', 'errors', 'warnings']);
    const w = j.luo.sessions[3].files[0].warnings[0];
    expect(keys(w)).toEqual(['code', 'struct', 'field', 'offset', 'pa', 'message', 'kernel']);
    // 64-bit values are decimal strings, small ones numbers.
    expect(typeof j.kho.memory_map).toBe('string');
    expect(typeof j.luo.sessions[0].files[0].token).toBe('string');
    expect(typeof j.luo.sessions[0].files[0].state.seals).toBe('number');
    expect(typeof w.pa).toBe('string');
  });
});

describe('inspect: corrupt images give the good parts and a located error, exit 1', () => {
  const chain = forPageSize(LIVEUPDATE_LAYOUT.blocks, 4096);
  const sessionsOk = (j: Json, except: string) => {
    for (const s of j.luo!.sessions.filter((x) => x.name !== except)) {
      expect(s.errors).toEqual([]);
      expect(s.files.every((f) => f.errors.length === 0)).toBe(true);
    }
  };

  withDtc("a cycle in one session's files chain", async () => {
    const { mem, root } = write(STATE);
    const clean = (await inspect([...rawArgs(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json'])).json!;
    const filesPa = BigInt(clean.luo!.sessions[0]!.files_pa!);
    mem.writeU64(filesPa + BigInt(chain.next.offset), filesPa);
    const r = await inspect(['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('kho-abi: inspect: 1 error, 0 warnings\n');
    const j = r.json!;
    const bad = j.luo!.sessions[0]!;
    expect(bad.name).toBe('vm-1');
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'refused', struct: chain.header.name, field: chain.next.name, pa: String(filesPa + BigInt(chain.next.offset)) })]);
    expect(bad.errors[0]!.message).toMatch(/loops back/);
    sessionsOk(j, 'vm-1');
    expect(j.luo!.sessions[1]!.files[0]!.entries).toHaveLength(3);
    expect(j.luo!.flbs).toHaveLength(2);
  });

  withDtc('a PT_LOAD segment cut short by the end of the file', async () => {
    const { mem, root } = write(STATE);
    const segments = segmentsOf(mem);
    const path = core(segments);
    // The last segment's bytes are last in the file: cut its last page off.
    truncateSync(path, readFileSync(path).length - 4096);
    const r = await inspect(['--core', path, '--fdt', dtc(dts(root)), '--json']);
    expect(r.code).toBe(1);
    const j = r.json!;
    const last = segments[segments.length - 1]!;
    const missing = last.pa + BigInt(last.bytes.length) - 4096n;
    expect(j.image.errors).toEqual([expect.objectContaining({ code: 'truncated-segment', struct: 'Elf64_Phdr', field: 'p_filesz', offset: 64 + 56 * segments.length + 32, pa: String(missing) })]);
    // The page lost held memory-map pages (the writer allocates them last): that walk fails, located; the rest prints.
    expect(j.kho.errors).toEqual([expect.objectContaining({ code: 'missing-memory', pa: expect.any(String) })]);
    expect(j.kho.preserved_blocks).toBeNull();
    expect(j.luo!.sessions.map((s) => s.name)).toEqual(['vm-1', 'vm-2', 'empty']);
    sessionsOk(j, '');
  });

  withDtc('a LUO compatible string no version stores', async () => {
    const { mem, root } = write({ ...STATE, luo: { ...STATE.luo!, compatible: 'luo-v9' } });
    const r = await inspect(['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json']);
    expect(r.code).toBe(1);
    const j = r.json!;
    expect(j.kho.blobs.map((b) => b.name)).toEqual(['extra']);
    expect(j.kho.preserved_blocks).toBeGreaterThan(0);
    expect(j.luo!.compatible).toBeNull();
    expect(j.luo!.errors).toEqual([expect.objectContaining({ struct: 'luo_ser', field: 'compatible', offset: 0 })]);
    expect(j.luo!.errors[0]!.message).toMatch(/'luo-v9', which no known version stores \(luo-v3, luo-v4, luo-v5/);
    expect(j.luo!.sessions).toEqual([]);
  });

  withDtc("a page missing from the dump: one session's files chain", async () => {
    const { mem, root } = write(STATE);
    const clean = (await inspect(['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json'])).json!;
    const filesPa = BigInt(clean.luo!.sessions[1]!.files_pa!);
    const r = await inspect(['--core', core(segmentsOf(mem, (pfn) => pfn === filesPa / 4096n)), '--fdt', dtc(dts(root)), '--json']);
    expect(r.code).toBe(1);
    const j = r.json!;
    const bad = j.luo!.sessions[1]!;
    expect(bad.name).toBe('vm-2');
    expect(bad.files).toEqual([]);
    expect(bad.errors).toEqual([expect.objectContaining({ code: 'missing-memory', struct: chain.header.name, pa: String(filesPa) })]);
    expect(bad.errors[0]!.message).toMatch(/not present in the image/);
    sessionsOk(j, 'vm-2');
    expect(j.luo!.sessions[0]!.files).toHaveLength(3);
    expect(j.counts.errors).toBe(1);
  });

  withDtc('a bad FDT', async () => {
    const { mem, root } = write(STATE);
    const fdt = dtc(dts(root));
    const bytes = readFileSync(fdt);
    bytes.writeUInt32BE(0xdeadbeef, 0);
    writeFileSync(fdt, bytes);
    const r = await inspect(['--core', core(segmentsOf(mem)), '--fdt', fdt, '--json']);
    expect(r.code).toBe(1);
    expect(r.json!.kho.errors).toEqual([expect.objectContaining({ code: 'refused', struct: 'fdt', offset: 0 })]);
    expect(r.json!.kho.errors[0]!.message).toMatch(/bad magic 0xdeadbeef/);
    expect(r.json!.luo).toBeNull();
    // A KHO root without the memory map, compiled by dtc: refused as the kernel drops the handover.
    const noMap = dtc(dts(root).replace(/\tpreserved-memory-map[^\n]*\n/, ''));
    const t = await inspect(['--core', core(segmentsOf(mem)), '--fdt', noMap]);
    expect(t.code).toBe(1);
    expect(t.out).toMatch(/^kho compatible=\? memory_map=\? preserved_blocks=\?\n {2}error: kho_fdt\.preserved-memory-map at offset 0: .*drops the handover/);
    // And an FDT address that holds no FDT.
    const at = await inspect(['--core', core(segmentsOf(mem)), '--fdt-at', '0x10000', '--json']);
    expect(at.code).toBe(1);
    expect(at.json!.kho.errors).toEqual([expect.objectContaining({ struct: 'fdt_header', field: 'magic', pa: '65536' })]);
  });
});

describe('inspect: the session rules are the reader\'s, reported at each session', () => {
  it('a count the files chain does not hold, a count without files and a name listed twice: each at its session, in the reader\'s words, and the walk goes on', () => {
    const one = memfd(1n, [{ flags: 1, index: 0 }], FOLIO_BASE);
    const { mem, fdt } = write({ ...STATE, luo: { ...STATE.luo!, sessions: [{ name: 'a', files: [one] }, { name: 'b', files: [] }, { name: 'a', files: [memfd(2n, [{ flags: 1, index: 0 }], FOLIO_BASE + 10)] }] } });
    const luo = readKhoFdt(LIVEUPDATE_LAYOUT.fdt, fdt).subtrees.find((t) => t.name === 'LUO')!.data;
    // luo_session_ser: name[64], then file_set_ser { files, count }; the first entry follows its block's 16-byte header.
    const session = (i: number) => mem.decode(LIVEUPDATE_CODECS.luo, luo).sessions_pa + 16n + BigInt(i) * 80n;
    mem.writeU64(session(0) + 72n, 2n);
    mem.writeU64(session(1) + 72n, 3n);
    const readerError = (): string => {
      try {
        readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    const report = inspectLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    const [a, b, again] = report.luo!.sessions;
    // The reader stops at the first refusal; inspect gives it in the same words at that session.
    expect(a!.errors.map((e) => e.message)).toEqual([readerError()]);
    expect(a!.errors[0]).toMatchObject({ code: 'refused', struct: 'luo_session_ser', field: 'file_set_ser.count', pa: session(0) + 72n });
    expect(a!.errors[0]!.message).toMatch(/stores a count of 2 but its chain holds 1 files.*-EINVAL/);
    expect(b!.errors).toEqual([]);
    expect(b!.warnings).toEqual([expect.objectContaining({ code: 'luo-files-count-without-files', pa: session(1) + 72n })]);
    // With the first session's count put right, the reader stops at the name listed twice, as inspect says.
    mem.writeU64(session(0) + 72n, 1n);
    expect(again!.errors.map((e) => e.message)).toEqual([readerError()]);
    expect(again!.errors[0]).toMatchObject({ code: 'refused', field: 'name', pa: session(2) });
    expect(again!.errors[0]!.message).toMatch(/session 'a' is already restored.*-EEXIST/);
    expect(again!.files.map((f) => f.token)).toEqual([2n]);
    expect(report.counts).toMatchObject({ sessions: 3, errors: 2, warnings: 1 });
  });
});

describe('inspect: --strict and the default', () => {
  withDtc('unknown folio flag bits: a warning (exit 0) by default, an error on that file with --strict', async () => {
    const state: LiveUpdateState = { ...STATE, luo: { ...STATE.luo!, sessions: [{ name: 's', files: [memfd(1n, [{ flags: 0x13, index: 0 }], FOLIO_BASE)] }, { name: 't', files: [memfd(2n, [{ flags: 3, index: 0 }], FOLIO_BASE + 1)] }] } };
    const { mem, root } = write(state);
    const args = ['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root)), '--json'];
    const lax = await inspect(args);
    expect(lax.code).toBe(0);
    expect(lax.err).toBe('kho-abi: inspect: 0 errors, 1 warning\n');
    expect(lax.json!.status).toBe('warnings');
    const f = lax.json!.luo!.sessions[0]!.files[0]!;
    expect(f.entries).toEqual([{ pfn: FOLIO_BASE, flags: 0x13, index: 0 }]);
    expect(f.warnings).toEqual([expect.objectContaining({ code: 'undeclared-bits', struct: 'memfd_luo_folio_ser', field: 'flags' })]);
    const strict = await inspect([...args, '--strict']);
    expect(strict.code).toBe(1);
    const sf = strict.json!.luo!.sessions[0]!.files[0]!;
    expect(sf.entries).toBeNull();
    expect(sf.errors).toEqual([expect.objectContaining({ struct: 'memfd_luo_folio_ser', field: 'flags' })]);
    expect(strict.json!.luo!.sessions[1]!.files[0]!.entries).toHaveLength(1);
  });

  withDtc('a file of no handler: a warning by default, refused with --strict', async () => {
    const state: LiveUpdateState = { ...STATE, luo: { ...STATE.luo!, sessions: [{ name: 's', files: [{ compatible: 'tmpfs-v1', token: 5n, data: 0x99n }] }] } };
    const { mem, root } = write(state);
    const args = ['--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root))];
    const lax = await inspect(args);
    expect(lax.code).toBe(0);
    expect(lax.out).toMatch(/\n {6}file token=5 compatible="tmpfs-v1" pa=0x[0-9a-f]+ data=0x99 no-handler\n {8}warning: luo_file_ser.compatible at physical address 0x[0-9a-f]+: .*no schema for handler 'tmpfs-v1'/);
    const strict = await inspect([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/\n {8}error: .*no schema for handler 'tmpfs-v1'.*refused in strict mode/);
  });
});

describe('inspect: arguments and malformed ELF are refused in one located line', () => {
  const one = (segments: CoreSegment[] = [{ pa: 0x1000n, bytes: new Uint8Array(4096) }]) => elfCoreBytes(segments);
  const put = (bytes: Uint8Array) => {
    const path = join(dir, `bad-${n++}.elf`);
    writeFileSync(path, bytes);
    return path;
  };
  const fdt = () => {
    const path = join(dir, `empty-${n++}.dtb`);
    writeFileSync(path, new Uint8Array(0));
    return path;
  };

  it('a truncated ELF header', async () => {
    expectRefusal(await cli(['inspect', '--core', put(one().subarray(0, 40)), '--fdt', fdt()]), /Elf64_Ehdr at offset 40: .*cut short: 40 of 64 bytes/);
  });
  it('program headers past the end of the file', async () => {
    expectRefusal(await cli(['inspect', '--core', put(one().subarray(0, 100)), '--fdt', fdt()]), /Elf64_Ehdr\.e_phoff at offset 32: .*past the end of the file \(100 bytes\)/);
  });
  it('overlapping segments', async () => {
    const b = one([
      { pa: 0x1000n, bytes: new Uint8Array(8192) },
      { pa: 0x2000n, bytes: new Uint8Array(4096) },
    ]);
    expectRefusal(await cli(['inspect', '--core', put(b), '--fdt', fdt()]), /Elf64_Phdr\.p_paddr .*PT_LOAD segment 2 \(0x2000\.\.0x3000\) overlaps PT_LOAD segment 1/);
  });
  it('not ELF, big-endian, not a core', async () => {
    expectRefusal(await cli(['inspect', '--core', put(new Uint8Array(64)), '--fdt', fdt()]), /not an ELF file/);
    const be = one();
    be[5] = 2;
    expectRefusal(await cli(['inspect', '--core', put(be), '--fdt', fdt()]), /EI_DATA is 2, not 1/);
    const exec = one();
    exec[16] = 2;
    expectRefusal(await cli(['inspect', '--core', put(exec), '--fdt', fdt()]), /e_type is 2, not 4/);
  });
  it('missing or doubled sources, bad addresses, missing files', async () => {
    expectRefusal(await cli(['inspect', '--fdt', fdt()]), /--core FILE or as --raw FILE@BASE/);
    expectRefusal(await cli(['inspect', '--core', put(one()), '--raw', 'x@0', '--fdt', fdt()]), /one of the two/);
    expectRefusal(await cli(['inspect', '--core', put(one())]), /--fdt FILE or --fdt-at PA/);
    expectRefusal(await cli(['inspect', '--raw', 'nothing', '--fdt', fdt()]), /is not FILE@BASE/);
    expectRefusal(await cli(['inspect', '--raw', 'f@0x1g', '--fdt', fdt()]), /is not an address/);
    expectRefusal(await cli(['inspect', '--core', join(dir, 'absent.elf'), '--fdt', fdt()]), /cannot be opened: ENOENT/);
    expectRefusal(await cli(['inspect', '--core', put(one()), '--fdt', join(dir, 'absent.dtb')]), /--fdt .*cannot read/);
    expectRefusal(await cli(['inspect', '--core', dir, '--fdt', fdt()]), /is not a regular file/);
  });
  it('overlapping raw ranges', async () => {
    const a = put(new Uint8Array(8192));
    expectRefusal(await cli(['inspect', '--raw', `${a}@0x1000`, '--raw', `${a}@0x2000`, '--fdt', fdt()]), /raw range\.base .*overlaps/);
  });
});

describe('inspect --hexdump', () => {
  it('prints the bytes at a physical address, and says where the image has none (exit 1)', async () => {
    const page = new Uint8Array(4096);
    page.set(new TextEncoder().encode('luo-v5\0\x01'), 0x10);
    const path = join(dir, `hexdump-${n++}.elf`);
    writeElfCore(path, [{ pa: 0x18000n, bytes: page }]);
    const r = await cli(['inspect', '--core', path, '--hexdump', '0x18010:20']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('0x000000018010  6c 75 6f 2d 76 35 00 01  00 00 00 00 00 00 00 00  |luo-v5..........|\n0x000000018020  00 00 00 00                                       |....|\n');
    const gap = await cli(['inspect', '--core', path, '--hexdump', '0x18ff8:16']);
    expect(gap.code).toBe(1);
    expect(gap.out).toBe('0x000000018ff8  00 00 00 00 00 00 00 00                           |........|\n0x000000019000  (8 bytes: page 0x19000 is not present in the image)\n');
    expect(gap.err).toBe('kho-abi: inspect: part of the range is not in the image\n');
    expectRefusal(await cli(['inspect', '--core', path, '--hexdump', '0x18000:0']), /length 0 is outside 1\.\.1048576/);
    expectRefusal(await cli(['inspect', '--core', path, '--hexdump', '0x18000', '--json']), /do not go with it/);
  });
});

describe('inspect: the installed command', () => {
  withDtc('runs as a process and prints the tree', () => {
    const { mem, root } = write(STATE);
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/kho-abi.mjs'), 'inspect', '--core', core(segmentsOf(mem)), '--fdt', dtc(dts(root))], { encoding: 'utf8', cwd: repoRoot });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nsummary status=clean sessions=3 files=4 entries=6 flbs=2 errors=0 warnings=0\n$/);
  }, 60_000);
});

describe('inspect: names and compatible strings that are not UTF-8', () => {
  it('shows them by their stored bytes, as the live-update tree (and the C reader) does, and gives the bytes in the JSON', () => {
    const mem = new PhysMem();
    const state: LiveUpdateState = { kho: { compatible: 'kho-v4', blobs: [{ name: 'blob-a', bytes: new Uint8Array([1, 2]) }] }, luo: { compatible: 'luo-v5', liveupdateNum: 1n, sessions: [], flbs: [] } };
    const { fdt: written } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    // The node name's first byte 0xff, and a first compatible string (0x6b 0xfe) the kernel passes over to find kho-v4.
    const root = parseFdt(written);
    const fdt = writeFdt({ ...root, props: new Map([...root.props, ['compatible', new Uint8Array([0x6b, 0xfe, 0, ...new TextEncoder().encode('kho-v4'), 0])]]), children: root.children.map((c) => (c.name === 'blob-a' ? { ...c, name: 'x', nameBytes: new Uint8Array([0xff, ...new TextEncoder().encode('lob-a')]) } : c)) });
    const report = inspectLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    expect(report.kho.compatible_bytes).toBe('6bfe');
    expect(report.kho.blobs.map((b) => b.name_bytes)).toEqual(['ff6c6f622d61']);
    const lines = [...inspectTextLines(report)];
    expect(lines.find((l) => l.startsWith('kho '))).toMatch(/^kho compatible="k\\xfe" /);
    expect(lines.find((l) => l.startsWith('  blob '))).toMatch(/^ {2}blob name="\\xfflob-a" /);
    // The same quoting as the reader's tree.
    const read = treeText(readLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS).state).split('\n');
    expect(read[0]).toBe('kho compatible="k\\xfe"');
    expect(read[1]).toMatch(/^ {2}blob name="\\xfflob-a" /);
  });
});
