/**
 * The prati0100 tree and what the schema language gained for it: a flexible
 * array of fixed-size strings in a struct that fills a linker section (the
 * .liveupdate_versions table), an untyped khoser pointer (linux-mm
 * fb2257f1's luo_file_ser.serialized_data), a version that is another's
 * bytes spelled otherwise in C (variant_of), enumerators of some versions
 * only (KHO_RADIX_KEY_WIDTH) and KHOSER_CLEAR_PTR. The C side is gcc on the
 * generated and fixture headers; the TS side the generated codecs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHeader } from '../generator/emit/c-header.js';
import { normalizedLines } from '../generator/kernel/c-tokens.js';
import { changedLines } from '../generator/kernel/unified-diff.js';
import { partVersion } from '../generator/profile/profile.js';
import { decodeLuoFileSer, decodeLuoFileSerV5Khoser, luoCodecs } from '../generated/ts/luo.js';
import { decodeLiveupdateVerTable, encodeLiveupdateVerTable, LIVEUPDATE_VER_HDR_MAGIC, LIVEUPDATE_VER_HDR_VER, liveupdateVerTableCodec } from '../generated/ts/luo_versions.js';
import { DecodeError, selectVersion } from '../runtime/index.js';
import { cli } from './helpers/cli-in-process.js';
import { compileAndRun, sectionBytes } from './helpers/gcc.js';
import { ABI, editedTree, projectAbi, TREES } from './helpers/kernel-trees.js';
import { buildIRs } from './helpers/project-ir.js';
import { repoRoot } from './helpers/root.js';

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const hexBytes = (hex: string): Uint8Array => Uint8Array.from(hex.trim().match(/../g)!.map((b) => parseInt(b, 16)));

describe('the .liveupdate_versions table (schemas/luo_versions.yaml)', () => {
  it('is declared as the tree declares it: a flexible array of fixed-size strings, no __section on the type', () => {
    const h = readFileSync(join(repoRoot, 'generated', ABI, 'luo_versions.h'), 'utf8');
    expect(h).toContain('\tchar versions[][LIVEUPDATE_HNDL_COMPAT_LENGTH];\n');
    expect(h).toContain('One instance fills the vmlinux linker section ".liveupdate_versions".');
    expect(h).not.toMatch(/__section|__attribute__/);
  });

  it('decodes the section gcc builds from the generated header, and marks the codec with its section', async () => {
    const bytes = await sectionBytes(
      [
        '#include <linux/kho/abi/luo_versions.h>',
        'static struct liveupdate_ver_table table __attribute__((used, section(".liveupdate_versions"))) = {',
        '\t.hdr = { .magic = LIVEUPDATE_VER_HDR_MAGIC, .version = LIVEUPDATE_VER_HDR_VER },',
        '\t.versions = { "memfd-v2", "hugetlb-v1", "tmpfs-file-v1" },',
        '};',
        '',
      ].join('\n'),
      '.liveupdate_versions',
      { pageShift: 12 },
    );
    expect(bytes.length).toBe(8 + 3 * 48);
    expect(liveupdateVerTableCodec.section).toBe('.liveupdate_versions');
    expect(decodeLiveupdateVerTable(view(bytes))).toEqual({
      hdr: { magic: LIVEUPDATE_VER_HDR_MAGIC, version: LIVEUPDATE_VER_HDR_VER },
      versions: ['memfd-v2', 'hugetlb-v1', 'tmpfs-file-v1'],
    });
  });

  it('kho-abi layout --json names the section and the size of each string', async () => {
    const r = await cli(['layout', 'liveupdate_ver_table', '--json']);
    const st = (JSON.parse(r.out) as { structs: { section?: string; fields: { name: string; flexible?: true; element_size?: number }[] }[] }).structs[0]!;
    expect(st.section).toBe('.liveupdate_versions');
    expect(st.fields.find((f) => f.name === 'versions')).toMatchObject({ flexible: true, element_size: 48 });
  });

  const table = (n: number, extra = 0): Uint8Array => {
    const bytes = new Uint8Array(8 + n * 48 + extra);
    encodeLiveupdateVerTable({ hdr: { magic: LIVEUPDATE_VER_HDR_MAGIC, version: LIVEUPDATE_VER_HDR_VER }, versions: Array.from({ length: n }, (_, i) => `h-v${i}`) }, view(bytes));
    return bytes;
  };

  it('refuses a section that ends inside an entry, naming struct, member and offset (list_versions.c refuses its size)', () => {
    const e = (() => {
      try {
        decodeLiveupdateVerTable(view(table(2, 5)));
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(DecodeError);
    expect((e as DecodeError).message).toBe("liveupdate_ver_table.versions at offset 104: the section's 101 bytes after offset 8 are not whole 48-byte entries");
  });

  it('refuses another magic or format version (list_versions.c refuses both), and an entry without its NUL', () => {
    const badMagic = table(1);
    badMagic[0] = badMagic[0]! ^ 1;
    expect(() => decodeLiveupdateVerTable(view(badMagic))).toThrow(/liveupdate_ver_hdr\.magic at offset 0/);
    const badVersion = table(1);
    badVersion[4] = 2;
    expect(() => decodeLiveupdateVerTable(view(badVersion))).toThrow(/liveupdate_ver_hdr\.version at offset 4/);
    const unterminated = table(1);
    unterminated.fill(0x61, 8, 8 + 48);
    expect(() => decodeLiveupdateVerTable(view(unterminated))).toThrow(/liveupdate_ver_table\.versions at offset 8: no NUL terminator/);
  });

  it('a header alone is an empty table; less than a header is refused', () => {
    expect(decodeLiveupdateVerTable(view(table(0))).versions).toEqual([]);
    expect(() => decodeLiveupdateVerTable(view(table(0).subarray(0, 4)))).toThrow(DecodeError);
  });

  it('round-trips any list of handler strings that fit (fast-check)', () => {
    const str = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-;_'), maxLength: 47 });
    fc.assert(
      fc.property(fc.array(str, { maxLength: 20 }), (versions) => {
        const bytes = new Uint8Array(8 + versions.length * 48);
        const value = { hdr: { magic: LIVEUPDATE_VER_HDR_MAGIC, version: LIVEUPDATE_VER_HDR_VER }, versions };
        encodeLiveupdateVerTable(value, view(bytes));
        expect(decodeLiveupdateVerTable(view(bytes))).toEqual(value);
      }),
    );
  });
});

describe('an untyped khoser pointer: linux-mm fb2257f1 luo_file_ser.serialized_data (luo-v5-khoser)', () => {
  const tree = join(TREES, 'history', 'luo-v5-khoser', 'include');

  it("is rendered as the tree's luo.h: DECLARE_KHOSER_PTR(serialized_data, void *), 0 differing code lines", () => {
    const { ir } = projectAbi();
    const part = partVersion(ir, { schema: 'luo', version: 'luo-v5-khoser' })!;
    const ours = renderHeader(
      { file: 'luo.h', includes: ['linux/align.h', 'linux/kho/abi/block.h', 'linux/kho/abi/kexec_handover.h', 'uapi/linux/liveupdate.h'], parts: [part] },
      { helpers: false, hidden: new Set(['LUO_FLB_PGCNT']), headerOf: () => undefined, marker: 'test', regenerate: 'test' },
    );
    expect(ours).toContain('\tDECLARE_KHOSER_PTR(serialized_data, void *);\n');
    const theirs = readFileSync(join(tree, 'linux/kho/abi/luo.h'), 'utf8');
    expect(changedLines(normalizedLines(theirs), normalizedLines(ours))).toBe(0);
  });

  it('decodes the bytes gcc writes through the tree header as a u64 address, the same bytes as luo-v5', async () => {
    const out = await compileAndRun(
      [
        '#include <stdio.h>',
        '#include <string.h>',
        // What a kernel .c file has included before the ABI header (kexec_handover.h's static_assert).
        '#include <kho-kernel-env.h>',
        '#include <linux/kho/abi/luo.h>',
        'int main(void)',
        '{',
        '\tstruct luo_file_ser f;',
        '\tconst unsigned char *p = (const unsigned char *)&f;',
        '\tsize_t i;',
        '\tmemset(&f, 0, sizeof(f));',
        '\tstrcpy(f.compatible, "memfd-v2");',
        '\tf.serialized_data.phys = 0x123456789abcdef0ULL;',
        '\tf.token = 42;',
        '\tfor (i = 0; i < sizeof(f); i++)',
        '\t\tprintf("%02x", p[i]);',
        '\treturn 0;',
        '}',
        '',
      ].join('\n'),
      { pageShift: 12, generatedInclude: tree },
    );
    const bytes = hexBytes(out);
    expect(decodeLuoFileSerV5Khoser(view(bytes))).toEqual({ compatible: 'memfd-v2', serialized_data: 0x123456789abcdef0n, token: 42n });
    expect(decodeLuoFileSer(view(bytes))).toEqual({ compatible: 'memfd-v2', data: 0x123456789abcdef0n, token: 42n });
  });

  it('is a variant of luo-v5: a reader dispatching on "luo-v5" gets luo-v5, and diff-kernel tells the trees apart by the member type', async () => {
    expect(selectVersion(luoCodecs, 'luo-v5').id).toBe('luo-v5');
    const khoser = await cli(['diff-kernel', join(TREES, 'history', 'luo-v5-khoser'), '--profile', 'any']);
    expect(khoser.out).toMatch(/^luo\.h: luo-v5-khoser$/m);
    const plain = await cli(['diff-kernel', join(TREES, 'history', 'luo-v5'), '--profile', 'any']);
    expect(plain.out).toMatch(/^luo\.h: luo-v5$/m);
  });
});

describe('the prati0100 tree', () => {
  it('is in sync with its profile at 4, 16 and 64 KiB pages, each header at the version the profile names', async () => {
    const r = await cli(['diff-kernel', join(TREES, 'prati0100'), '--profile', 'prati0100', '--page-size', 'all']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('kexec_handover.h: kho-v4, vmalloc-unversioned, radix-key-width\n');
    expect(r.out).toContain('luo.h: luo-v1, luo_versions\n');
    expect(r.out).toMatch(/^memfd\.h: not modelled by kho-abi/m);
  });

  it('diff-kernel notices a table whose strings change size', async () => {
    const t = editedTree('prati0100', [{ file: 'luo.h', from: 'char versions[][LIVEUPDATE_HNDL_COMPAT_LENGTH];', to: 'char versions[][32];' }]);
    try {
      const r = await cli(['diff-kernel', t.root, '--profile', 'prati0100']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/liveupdate_ver_table\.versions/);
    } finally {
      t.dispose();
    }
  });

  it('KHO_RADIX_KEY_WIDTH is what gcc measured in the tree (53, 51, 49), and the depth is 6, 5, 4 at 4, 16, 64 KiB', () => {
    // The measured values, not the schema's formula: kernel-abi-facts.json, prati0100 0db4d179.
    const facts = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/kernel-abi-facts.json'), 'utf8')) as {
      constants: Record<string, { source: string; value: number; by_page_size?: Record<string, number> }[]>;
    };
    const measured = facts.constants['KHO_RADIX_KEY_WIDTH']!.find((c) => c.source.startsWith('prati0100@'))!;
    const keyWidth = (pageSize: number): bigint => BigInt(measured.by_page_size?.[String(pageSize)] ?? measured.value);
    const depth: Record<number, bigint> = {};
    for (const ir of buildIRs()) {
      const v = ir.schemas.find((s) => s.name === 'radix_tree')!.versions.find((x) => x.id === 'radix-key-width')!;
      const value = (n: string) => v.enums[0]!.values.find((x) => x.name === n)?.value;
      expect(value('KHO_RADIX_KEY_WIDTH')).toBe(keyWidth(ir.target.pageSize));
      expect(value('KHO_ORDER_0_LOG2')).toBeUndefined();
      depth[ir.target.pageSize] = value('KHO_TREE_MAX_DEPTH')!;
    }
    expect(depth).toEqual({ 4096: 6n, 16384: 5n, 65536: 4n });
  });

  it("KHOSER_CLEAR_PTR of the profile's kexec_handover.h stores 0; the torvalds profile has no such macro", async () => {
    const out = await compileAndRun(
      [
        '#include <stdio.h>',
        '#include <kho-kernel-env.h>',
        '#include <linux/kho/abi/kexec_handover.h>',
        'int main(void)',
        '{',
        '\tstruct kho_vmalloc v = { .first.phys = 0x1000 };',
        '\tKHOSER_CLEAR_PTR(v.first);',
        '\tprintf("%llu", (unsigned long long)v.first.phys);',
        '\treturn 0;',
        '}',
        '',
      ].join('\n'),
      { pageShift: 12, generatedInclude: join(repoRoot, 'generated', 'profiles', 'prati0100', 'include') },
    );
    expect(out).toBe('0');
    expect(readFileSync(join(repoRoot, 'generated', 'profiles', 'torvalds', ABI, 'kexec_handover.h'), 'utf8')).not.toContain('KHOSER_CLEAR_PTR');
  });
});
