/**
 * `kho-abi image build`: a spec of a few lines becomes an ELF core and a
 * KHO FDT blob. binutils' readelf (an independent reader of ELF) lists the
 * segments; `kho-abi inspect` reads every session, file, token and folio
 * back as the spec gave them; a wrong spec is refused at its line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-in-process.js';
import { buildIRs } from './helpers/project-ir.js';
import { repoRoot } from './helpers/root.js';
import { TWO_SESSIONS } from './helpers/image-specs.js';

const work = mkdtempSync(join(tmpdir(), 'kho-abi-image-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SPEC = `luo:
  liveupdate_num: 3
${TWO_SESSIONS}`;

async function build(spec: string, name: string) {
  const path = join(work, `${name}.yaml`);
  writeFileSync(path, spec);
  const core = join(work, `${name}.core`);
  const fdt = join(work, `${name}.dtb`);
  const r = await cli(['image', 'build', path, '--core', core, '--fdt', fdt], { cwd: repoRoot });
  return { r, core, fdt, path };
}

describe('kho-abi image build', () => {
  it('writes an ELF core whose PT_LOAD segments readelf lists at their physical addresses', async () => {
    const { r, core } = await build(SPEC, 'good');
    expect(r.code, r.err).toBe(0);
    const segments = r.out.match(/in (\d+) PT_LOAD segment/)![1]!;
    const listed = execFileSync('readelf', ['-lW', core], { encoding: 'utf8' });
    expect(listed).toContain('Elf file type is CORE');
    const loads = listed.split('\n').filter((l) => /^\s*LOAD\s/.test(l));
    expect(loads).toHaveLength(Number(segments));
    for (const l of loads) {
      const [, offset, vaddr, paddr, filesz, memsz] = l.trim().split(/\s+/);
      expect(vaddr).toBe(paddr);
      expect(filesz).toBe(memsz);
      expect(Number(offset) % 4096).toBe(0);
    }
  });

  it('inspect reads back every session, file, token and folio the spec gave', async () => {
    const { core, fdt } = await build(SPEC, 'roundtrip');
    const r = await cli(['inspect', '--core', core, '--fdt', fdt, '--json'], { cwd: repoRoot });
    const report = JSON.parse(r.out) as { luo: { liveupdate_num: string; sessions: { name: string; files: { token: string; compatible: string; state: Record<string, unknown> | null; entries: { pfn: number; index: number; flags: number }[] | null; data: string | null }[] }[] } };
    expect(report.luo.liveupdate_num).toBe('3');
    expect(report.luo.sessions.map((s) => [s.name, s.files.map((f) => [f.token, f.compatible])])).toEqual([
      ['vm-1', [['1', 'memfd-v2'], ['2', 'other-v1']]],
      ['vm-2', [['18446744073709551615', 'memfd-v2']]],
    ]);
    const memfd = report.luo.sessions[0]!.files[0]!;
    expect(memfd.entries!.map((e) => [e.pfn, e.index, e.flags])).toEqual([[4096, 0, 3], [4097, 1, 1]]);
    expect(memfd.state).toMatchObject({ size: '8192', pos: '0', seals: 0 });
    expect(report.luo.sessions[0]!.files[1]!.data).toBe(String(0x1234));
    expect(report.luo.sessions[1]!.files[0]!.state).toMatchObject({ pos: '7', seals: 1 });
  });

  it.each([
    ['an unknown member', SPEC.replace('size: 8192', 'sise: 8192'), /good-spec\.yaml:8:\d+: luo\.sessions\[0\]\.files\[0\]\.fields\.sise: unknown key 'sise'/],
    ['a value out of range', SPEC.replace('seals: 0, flags: 0 }\n          entries', 'seals: 4294967296, flags: 0 }\n          entries'), /good-spec\.yaml:8:\d+: luo\.sessions\[0\]\.files\[0\]\.fields: .*seals/],
    ['a token that is no u64', SPEC.replace('token: 1', 'token: -1'), /good-spec\.yaml:7:18: luo\.sessions\[0\]\.files\[0\]\.token: expected a u64/],
    ['fields for a handler without a schema', SPEC.replace('data: "0x1234"', 'fields: {}'), /good-spec\.yaml:12:11: luo\.sessions\[0\]\.files\[1\]: no handler of 'other-v1' has a schema here/],
  ])('refuses %s at its line, writing nothing', async (_what, spec, message) => {
    const { r, core } = await build(spec, 'good-spec');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(() => execFileSync('test', ['-e', core])).toThrow();
  });
});

describe('inspect --map', () => {
  it('draws every preserved block once, at its address, coloured by owner', async () => {
    const { core, fdt } = await build(SPEC, 'map');
    const svgPath = join(work, 'map.svg');
    const json = await cli(['inspect', '--core', core, '--fdt', fdt, '--json', '--map', svgPath], { cwd: repoRoot });
    const report = JSON.parse(json.out) as { kho: { preserved_blocks: number }; luo: { pa: string } };
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const rows = [...svg.matchAll(/<text x="4" y="(\d+)">(0x[0-9a-f]+)<\/text>/g)].map((m) => ({ y: Number(m[1]) - 10, base: BigInt(m[2]!) }));
    const blocks = [...svg.matchAll(/<rect class="block" data-pa="(0x[0-9a-f]+)" data-pages="(\d+)" data-owner="([a-z]+)" x="(\d+)" y="(\d+)" width="(\d+)"/g)].map((m) => ({
      pa: BigInt(m[1]!),
      pages: Number(m[2]),
      owner: m[3]!,
      x: Number(m[4]),
      y: Number(m[5]),
      width: Number(m[6]),
    }));
    // Once each (no block crosses a 2 MiB row here), as many as the memory map holds.
    expect(new Set(blocks.map((b) => b.pa)).size).toBe(blocks.length);
    expect(blocks).toHaveLength(report.kho.preserved_blocks);
    for (const b of blocks) {
      const row = rows.find((r) => r.y === b.y)!;
      expect(row, `row of 0x${b.pa.toString(16)}`).toBeDefined();
      expect(b.pa - row.base).toBeLessThan(512n * 4096n);
      expect(b.x).toBe(110 + Number((b.pa - row.base) / 4096n) * 2);
      expect(b.width).toBe(b.pages * 2);
    }
    const owner = (pa: bigint) => blocks.find((b) => b.pa === pa)?.owner;
    expect(owner(0x1000n * 4096n)).toBe('folio');
    expect(owner(0x1001n * 4096n)).toBe('folio');
    expect(owner((BigInt(report.luo.pa) / 4096n) * 4096n)).toBe('luo');
  });
});

describe('inspect --hexdump PA --struct NAME', () => {
  it('refuses --struct without --hexdump, and a length beside --struct, instead of ignoring them', async () => {
    const { core } = await build(SPEC, 'struct-usage');
    const alone = await cli(['inspect', '--core', core, '--struct', 'memfd_luo_ser'], { cwd: repoRoot });
    expect(alone.code).toBe(1);
    expect(alone.err).toMatch(/--struct annotates a --hexdump/);
    const withLength = await cli(['inspect', '--core', core, '--hexdump', '0x1000:16', '--struct', 'memfd_luo_ser'], { cwd: repoRoot });
    expect(withLength.code).toBe(1);
    expect(withLength.err).toMatch(/drop :LEN/);
  });

  it('labels every member of the struct at the offset and size the layout IR gives, with its decoded value', async () => {
    const { core, fdt } = await build(SPEC, 'annotate');
    const json = JSON.parse((await cli(['inspect', '--core', core, '--fdt', fdt, '--json'], { cwd: repoRoot })).out) as { luo: { sessions: { files: { data: string }[] }[] } };
    const memfdPa = BigInt(json.luo.sessions[0]!.files[0]!.data);
    const r = await cli(['inspect', '--core', core, '--hexdump', `0x${memfdPa.toString(16)}`, '--struct', 'memfd_luo_ser'], { cwd: repoRoot });
    expect(r.code, r.err).toBe(0);
    const ir = buildIRs().find((x) => x.target.pageSize === 4096)!;
    const st = ir.schemas.find((s) => s.name === 'memfd')!.current.structs.find((s) => s.name === 'memfd_luo_ser')!;
    const rows = r.out.split('\n').filter((l) => /^ {2}\+0x/.test(l)).map((l) => {
      const m = /^ {2}\+0x([0-9a-f]+) {2}0x([0-9a-f]+) {2}((?:[0-9a-f]{2} ?)+?)\s{2,}(\S+)\s+(.+?)\s{2,}(.*)$/.exec(l)!;
      return { offset: parseInt(m[1]!, 16), pa: BigInt(`0x${m[2]}`), bytes: m[3]!.trim().split(' ').length, label: m[4]!, value: m[6]! };
    });
    expect(rows.map((x) => [x.label, x.offset, x.bytes])).toEqual(st.fields.map((f) => [`memfd_luo_ser.${f.name}`, f.offset, f.size]));
    for (const x of rows) expect(x.pa).toBe(memfdPa + BigInt(x.offset));
    const value = (name: string) => rows.find((x) => x.label === `memfd_luo_ser.${name}`)!.value;
    expect(value('size')).toBe('8192 (0x2000)');
    expect(value('nr_folios')).toBe('2');
  });
});

describe('the files image build and inspect --map write', () => {
  it('an existing core or FDT is not replaced without --force, a link is never written through; a map kho-abi wrote is replaced, another file is not', async () => {
    const { symlinkSync } = await import('node:fs');
    const spec = join(work, 'owned.yaml');
    writeFileSync(spec, SPEC);
    const core = join(work, 'owned.core');
    const fdt = join(work, 'owned.dtb');
    writeFileSync(core, 'mine');
    const refused = await cli(['image', 'build', spec, '--core', core, '--fdt', fdt], { cwd: repoRoot });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('exists and kho-abi cannot tell it wrote it; remove it, name another file, or pass --force');
    expect(readFileSync(core, 'utf8')).toBe('mine');
    const link = join(work, 'link.core');
    symlinkSync(join(work, 'elsewhere.core'), link);
    const viaLink = await cli(['image', 'build', spec, '--core', link, '--fdt', fdt, '--force'], { cwd: repoRoot });
    expect(viaLink.err).toContain('is a symbolic link; kho-abi never writes through one');
    const forced = await cli(['image', 'build', spec, '--core', core, '--fdt', fdt, '--force'], { cwd: repoRoot });
    expect(forced.code, forced.err).toBe(0);
    expect(execFileSync('readelf', ['-h', core], { encoding: 'utf8' })).toContain('CORE');

    const map = join(work, 'owned.svg');
    expect((await cli(['inspect', '--core', core, '--fdt', fdt, '--map', map], { cwd: repoRoot })).code).toBe(0);
    expect((await cli(['inspect', '--core', core, '--fdt', fdt, '--map', map], { cwd: repoRoot })).code).toBe(0);
    const foreign = join(work, 'foreign.svg');
    writeFileSync(foreign, '<svg/>');
    const notOurs = await cli(['inspect', '--core', core, '--fdt', fdt, '--map', foreign], { cwd: repoRoot });
    expect(notOurs.code).toBe(1);
    expect(readFileSync(foreign, 'utf8')).toBe('<svg/>');
  });
});
