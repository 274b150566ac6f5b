/**
 * The .liveupdate_features table (schemas/luo_features.yaml), read from a
 * stored feature-header luo.h without repository or commit (index id
 * 62022386585): a struct liveupdate_ver_hdr, then 80-byte struct
 * liveupdate_feature_entry records up to the section's end. The C side is
 * gcc placing a table in that section through the generated header; the TS
 * side the generated codec reading objcopy's dump of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLiveupdateFeatureTable,
  encodeLiveupdateFeatureTable,
  LIVEUPDATE_HNDL_NAME_LENGTH,
  liveupdateFeatureTableCodec,
  OFFSETOF_LiveupdateFeatureEntry,
  SIZEOF_LiveupdateFeatureEntry,
  type LiveupdateFeatureEntry,
} from '../generated/ts/luo_features.js';
import { LIVEUPDATE_VER_HDR_MAGIC, LIVEUPDATE_VER_HDR_VER } from '../generated/ts/luo_versions.js';
import { DecodeError } from '../runtime/index.js';
import { sectionBytes } from './helpers/gcc.js';
import { ABI, TREES } from './helpers/kernel-trees.js';
import { repoRoot } from './helpers/root.js';
import { thrown } from './helpers/thrown.js';

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const HDR = { magic: LIVEUPDATE_VER_HDR_MAGIC, version: LIVEUPDATE_VER_HDR_VER };

const entry = (name: string, supp: bigint, req: bigint, active: bigint): LiveupdateFeatureEntry => ({ name, feat_bytes: 8, reserved: 0, supp, req, active });

/** A table of `n` entries encoded by the codec, with `extra` trailing bytes. */
function table(n: number, extra = 0): Uint8Array {
  const bytes = new Uint8Array(8 + n * 80 + extra);
  encodeLiveupdateFeatureTable({ hdr: HDR, entries: Array.from({ length: n }, (_, i) => entry(`sub-${i}`, BigInt(i), 0n, BigInt(i))) }, view(bytes));
  return bytes;
}

describe('the .liveupdate_features table (schemas/luo_features.yaml)', () => {
  it('is declared in the generated header as a header and a flexible array of entries, no __section on the type', () => {
    const h = readFileSync(join(repoRoot, 'generated', ABI, 'luo_features.h'), 'utf8');
    expect(h).toContain('#include <linux/kho/abi/luo_versions.h>\n');
    expect(h).toContain('\tstruct liveupdate_feature_entry entries[];\n');
    expect(h).toContain('One instance fills the vmlinux linker section ".liveupdate_features".');
    expect(h).not.toMatch(/__section|__attribute__/);
  });

  it('decodes every entry of the section gcc builds from the generated header', async () => {
    const bytes = await sectionBytes(
      [
        '#include <linux/kho/abi/luo_features.h>',
        'static struct {',
        '\tstruct liveupdate_ver_hdr hdr;',
        '\tstruct liveupdate_feature_entry entries[3];',
        '} __attribute__((packed)) table __attribute__((used, section(".liveupdate_features"))) = {',
        '\t.hdr = { .magic = LIVEUPDATE_VER_HDR_MAGIC, .version = LIVEUPDATE_VER_HDR_VER },',
        '\t.entries = {',
        '\t\t{ .name = "luo", .feat_bytes = 8, .supp = 0x7, .req = 0x7, .active = 0x7 },',
        '\t\t{ .name = "memfd", .feat_bytes = 8, .supp = 0x8000000000000003ULL, .req = 0x1, .active = 0x2 },',
        '\t\t{ .name = "a-name-that-fills-the-whole-buffer-but-its-nul!", .feat_bytes = 4, .reserved = 0xdeadbeef, .supp = 0xffffffffffffffffULL },',
        '\t},',
        '};',
        // The section struct of the generated header has the same layout as the array gcc placed.
        '_Static_assert(sizeof(table) == sizeof(struct liveupdate_feature_table) + 3 * sizeof(struct liveupdate_feature_entry), "layout");',
        '',
      ].join('\n'),
      '.liveupdate_features',
      { pageShift: 12 },
    );
    expect(bytes.length).toBe(8 + 3 * 80);
    expect(liveupdateFeatureTableCodec.section).toBe('.liveupdate_features');
    expect(decodeLiveupdateFeatureTable(view(bytes))).toEqual({
      hdr: HDR,
      entries: [
        entry('luo', 7n, 7n, 7n),
        entry('memfd', 0x8000000000000003n, 1n, 2n),
        { name: 'a-name-that-fills-the-whole-buffer-but-its-nul!', feat_bytes: 4, reserved: 0xdeadbeef, supp: 0xffffffffffffffffn, req: 0n, active: 0n },
      ],
    });
  });

  it('a section of a flexible-array instance of the generated struct decodes too (gcc extension: initialised flexible array)', async () => {
    const bytes = await sectionBytes(
      [
        '#include <linux/kho/abi/luo_features.h>',
        'static struct liveupdate_feature_table table __attribute__((used, section(".liveupdate_features"))) = {',
        '\t.hdr = { .magic = LIVEUPDATE_VER_HDR_MAGIC, .version = LIVEUPDATE_VER_HDR_VER },',
        '\t.entries = { { .name = "luo", .feat_bytes = 8, .supp = 1, .req = 2, .active = 4 } },',
        '};',
        '',
      ].join('\n'),
      '.liveupdate_features',
      { pageShift: 12 },
    );
    expect(bytes.length).toBe(88);
    expect(decodeLiveupdateFeatureTable(view(bytes)).entries).toEqual([entry('luo', 1n, 2n, 4n)]);
  });

  it('refuses a section that ends inside an entry, naming struct, member and offset', () => {
    const e = thrown(() => decodeLiveupdateFeatureTable(view(table(2, 7))));
    expect(e).toBeInstanceOf(DecodeError);
    expect((e as DecodeError).message).toBe("liveupdate_feature_table.entries at offset 168: the section's 167 bytes after offset 8 are not whole 80-byte entries");
  });

  it('refuses another magic or format version, and a name without its NUL', () => {
    const badMagic = table(1);
    badMagic[3] = badMagic[3]! ^ 0x80;
    expect(thrown(() => decodeLiveupdateFeatureTable(view(badMagic)))).toBeInstanceOf(DecodeError);
    expect(() => decodeLiveupdateFeatureTable(view(badMagic))).toThrow(/liveupdate_ver_hdr\.magic at offset 0/);
    const badVersion = table(1);
    badVersion[4] = 2;
    expect(() => decodeLiveupdateFeatureTable(view(badVersion))).toThrow(/liveupdate_ver_hdr\.version at offset 4/);
    const unterminated = table(2);
    unterminated.fill(0x61, 8 + 80, 8 + 80 + 48);
    expect(() => decodeLiveupdateFeatureTable(view(unterminated))).toThrow(/liveupdate_feature_entry\.name at offset 88: no NUL terminator/);
  });

  it('a header alone is an empty table; less than a header is refused', () => {
    expect(decodeLiveupdateFeatureTable(view(table(0))).entries).toEqual([]);
    expect(thrown(() => decodeLiveupdateFeatureTable(view(table(0).subarray(0, 5))))).toBeInstanceOf(DecodeError);
  });

  it('round-trips any list of entries whose names fit (fast-check)', () => {
    const name = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: LIVEUPDATE_HNDL_NAME_LENGTH - 1 });
    const u64 = fc.bigInt({ min: 0n, max: 0xffffffffffffffffn });
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    const arb = fc.record({ name, feat_bytes: u32, reserved: u32, supp: u64, req: u64, active: u64 });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (entries) => {
        const bytes = new Uint8Array(8 + entries.length * 80);
        encodeLiveupdateFeatureTable({ hdr: HDR, entries }, view(bytes));
        expect(decodeLiveupdateFeatureTable(view(bytes))).toEqual({ hdr: HDR, entries });
      }),
    );
  });
});

describe('the stored luo.h the table was read from', () => {
  interface FactStruct {
    readonly source: string;
    readonly size: number;
    readonly fields: readonly { name: string; offset: number; size: number }[];
  }
  const facts = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'kernel-abi-facts.json'), 'utf8')) as {
    structs: Record<string, FactStruct[]>;
    constants: Record<string, { source: string; value: number }[]>;
  };
  const STORED = 'unattributed-id62022386585:luo.h';

  it('measured the entry at 80 bytes with the offsets the codec uses, and the header magic and version the codec checks', () => {
    const measured = facts.structs.liveupdate_feature_entry!.find((s) => s.source === STORED)!;
    expect(measured.size).toBe(SIZEOF_LiveupdateFeatureEntry);
    expect(Object.fromEntries(measured.fields.map((f) => [f.name, f.offset]))).toEqual(OFFSETOF_LiveupdateFeatureEntry);
    expect(facts.structs.liveupdate_ver_hdr!.some((s) => s.source === STORED && s.size === 8)).toBe(true);
    const constant = (n: string) => facts.constants[n]!.find((c) => c.source === STORED || (c as { sources?: string[] }).sources?.includes(STORED))!.value;
    expect(constant('LIVEUPDATE_VER_HDR_MAGIC')).toBe(LIVEUPDATE_VER_HDR_MAGIC);
    expect(constant('LIVEUPDATE_VER_HDR_VER')).toBe(LIVEUPDATE_VER_HDR_VER);
    expect(constant('LIVEUPDATE_HNDL_NAME_LENGTH')).toBe(LIVEUPDATE_HNDL_NAME_LENGTH);
  });

  it('is not the luo.h of the feature-header fixture tree, so that profile does not select the table', () => {
    const luoH = readFileSync(join(TREES, 'feature-header', 'include', 'linux', 'kho', 'abi', 'luo.h'), 'utf8');
    expect(luoH).toContain('struct luo_feature_hdr');
    expect(luoH).not.toContain('liveupdate_feature_entry');
    expect(luoH).not.toContain('LIVEUPDATE_VER_HDR_MAGIC');
    expect(readFileSync(join(repoRoot, 'profiles', 'feature-header.yaml'), 'utf8')).not.toContain('luo_features');
  });
});
