/**
 * diff-kernel against trees: every profile's fixture tree is in sync with
 * its profile; the kernel's own history is recognised version by version,
 * and the kho-v2 blob-size change is caught as a layout change that kept its
 * string; every kind of drift is reported precisely, and a tree that differs
 * only in text (comments, spelling of types, include order, layout of the
 * code) is in sync. gcc lays out every tree.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-in-process.js';
import { diffTree, editedTree, TREES } from './helpers/kernel-trees.js';

const PROFILES = ['torvalds', 'linux-mm', 'composite-rfc', 'feature-header', 'prati0100'] as const;

describe('each profile fixture tree is in sync with its profile', () => {
  it.each(PROFILES)('%s', async (name) => {
    const r = await diffTree(join(TREES, name), name);
    expect(r.findings).toEqual([]);
    expect(r.headers.length).toBeGreaterThan(3);
    for (const h of r.headers) if (!h.unmodelled) expect(h.matches.every((m) => m.version), `${h.header}: ${JSON.stringify(h.matches)}`).toBe(true);
  });

  it('names the version each torvalds header carries', async () => {
    const r = await diffTree(join(TREES, 'torvalds'), 'torvalds');
    const versions = Object.fromEntries(r.headers.map((h) => [h.header, h.matches.map((m) => m.version).join(', ')]));
    expect(versions).toEqual({
      'block.h': 'block-unversioned',
      'kexec_handover.h': 'kho-v4, vmalloc-unversioned, radix-unversioned',
      'kexec_metadata.h': 'kexec_metadata',
      'luo.h': 'luo-v5',
      'memblock.h': 'memblock-v1',
      'memfd.h': 'memfd-v2',
    });
  });

  it('recognises the KVM header of linux-mm as kvm_vm_luo_v1 and guest_memfd_luo_v1 (it was unmodelled until issue 10)', async () => {
    const r = await diffTree(join(TREES, 'linux-mm'), 'linux-mm');
    const kvm = r.headers.find((h) => h.header === 'kvm.h');
    expect(kvm?.unmodelled).toBeUndefined();
    expect(kvm?.matches.map((m) => m.version)).toEqual(['kvm_vm_luo_v1', 'guest_memfd_luo_v1']);
  });

  it('a tree checked against another profile differs, naming versions', async () => {
    const r = await diffTree(join(TREES, 'torvalds'), 'composite-rfc');
    const codes = new Set(r.findings.map((f) => f.code));
    expect(codes).toContain('version-mismatch');
    expect(codes).toContain('header-missing');
    expect(r.findings.find((f) => f.code === 'version-mismatch' && f.header === 'luo.h')?.message).toBe('luo: the tree carries luo-v5; profile composite-rfc expects luo-v5-composite');
  });
});

describe("the kernel's own history, replayed", () => {
  it.each([
    // The FDT era: a version's own macro (LUO_FDT_COMPATIBLE) holds the string.
    ['luo-v1', 'luo.h', 'luo-v1'],
    ['luo-v2', 'luo.h', 'luo-v2'],
    ['luo-v3', 'luo.h', 'luo-v3'],
    ['luo-v4', 'luo.h', 'luo-v4'],
    ['luo-v5', 'luo.h', 'luo-v5'],
    // linux-mm fb2257f1: luo-v5's bytes with luo_file_ser's data as DECLARE_KHOSER_PTR(serialized_data, void *).
    ['luo-v5-khoser', 'luo.h', 'luo-v5-khoser'],
    ['memfd-v1', 'memfd.h', 'memfd-v1'],
    ['memfd-v2', 'memfd.h', 'memfd-v2'],
    ['memfd-v1', 'kexec_handover.h', 'kho-v1'],
    ['kho-v2', 'kexec_handover.h', 'kho-v2'],
    ['vfio-pci-v1', 'vfio_pci.h', 'vfio-pci-v1'],
    ['vfio-pci-v2', 'vfio_pci.h', 'vfio-pci-v2'],
    ['iommufd-v1', 'iommufd.h', 'iommufd-v1'],
    // Told from pci-1, which stores the same string and layout, by PCI_LUO_FLB_VERSION.
    ['pci-2', 'pci.h', 'pci-2'],
    // A kernel pointer and a one-bit group in a packed struct, as gcc lays them out.
    ['iommu-liveupdate-1', 'iommu.h', 'iommu-liveupdate-1'],
  ])('history/%s: %s is %s', async (tree, header, version) => {
    const r = await diffTree(join(TREES, 'history', tree));
    expect(r.findings).toEqual([]);
    expect(r.headers.find((h) => h.header === header)?.matches.map((m) => m.version)).toContain(version);
  });

  it('history/kho-v2-blob-size: the blob-size property came without a version bump', async () => {
    const r = await diffTree(join(TREES, 'history', 'kho-v2-blob-size'));
    expect(r.findings.map((f) => [f.header, f.code])).toEqual([['kexec_handover.h', 'no-version-bump']]);
    expect(r.findings[0]!.message).toBe(
      'kexec_handover: the layout is that of kho-v3 or kho-v4 or kho-v4-composite, but its compatible string "kho-v2" still names kho-v2: a layout change without a version bump',
    );
    expect(r.findings[0]!.schemaSpan?.file).toBe('schemas/kexec_handover.yaml');
  });
});

/** One edit to the torvalds tree, the findings diff-kernel gives for it against the torvalds profile. */
async function drift(file: string, from: string | RegExp, to: string) {
  const t = editedTree('torvalds', [{ file, from, to }]);
  try {
    return (await diffTree(t.root, 'torvalds')).findings.map((f) => ({ header: f.header, code: f.code, message: f.message, line: f.line, schema: f.schemaSpan && `${f.schemaSpan.file}:${f.schemaSpan.line}` }));
  } finally {
    t.dispose();
  }
}

describe('one tree per kind of drift, reported precisely', () => {
  it('a field moved (two members swapped)', async () => {
    const f = await drift('luo.h', /u64 sessions_pa;\s*u64 flbs_pa;/, 'u64 flbs_pa;\n\tu64 sessions_pa;');
    expect(f.map((x) => x.code)).toEqual(['no-version-bump', 'field-moved', 'field-moved']);
    // In line order of the tree: flbs_pa now comes first.
    expect(f.map((x) => x.message).slice(1)).toEqual(['luo_ser.flbs_pa is at offset 16 in the tree, 24 in luo-v5', 'luo_ser.sessions_pa is at offset 24 in the tree, 16 in luo-v5']);
    expect(f[1]!.line! + 1).toBe(f[2]!.line);
    expect(f[2]!.schema).toMatch(/^schemas\/luo\.yaml:\d+$/);
  });

  it('a field resized', async () => {
    const f = await drift('kexec_metadata.h', 'u32 kexec_count;', 'u64 kexec_count;');
    // kho_kexec_metadata has no compatible string: a changed layout matches no version, which is said first.
    expect(f.map((x) => x.code)).toEqual(['no-version-bump', 'struct-resized', 'field-resized']);
    expect(f.map((x) => x.message).slice(1)).toEqual(['struct kho_kexec_metadata is 77 bytes in the tree, 73 in kexec_metadata', 'kho_kexec_metadata.kexec_count is 8 bytes in the tree, 4 in kexec_metadata']);
  });

  it('a field retyped at the same size', async () => {
    const f = await drift('block.h', /\tu64 count;/, '\ts64 count;');
    expect(f).toMatchObject([{ code: 'no-version-bump' }, { code: 'field-retyped', message: 'kho_block_header_ser.count is s64 in the tree, u64 in block-unversioned' }]);
  });

  it('a bitfield width changed', async () => {
    const f = await drift('memfd.h', /u64 pfn\s*:\s*52;\s*u64 flags\s*:\s*12;/, 'u64 pfn:50;\n\tu64 flags:14;');
    expect(f[0]!.code).toBe('no-version-bump');
    expect(f.map((x) => x.message).slice(1).sort()).toEqual([
      'memfd_luo_folio_ser.flags is 14 bits wide in the tree, 12 in memfd-v2',
      'memfd_luo_folio_ser.flags starts at bit 50 in the tree, 52 in memfd-v2',
      'memfd_luo_folio_ser.pfn is 50 bits wide in the tree, 52 in memfd-v2',
    ]);
  });

  it('a compatible string changed', async () => {
    const f = await drift('memfd.h', /(#define MEMFD_LUO_FH_COMPATIBLE\s+)"memfd-v2"/, '$1"memfd-v3"');
    expect(f.map((x) => x.code)).toEqual(['compatible-unknown', 'compatible-changed']);
    expect(f[0]!.message).toBe('memfd: compatible string "memfd-v3" is no version of memfd (the layout is that of memfd-v2 or memfd-v2-composite)');
  });

  it('a struct missing', async () => {
    const f = await drift('luo.h', /struct luo_flb_ser \{[^}]*\} __packed;/, '');
    expect(f).toMatchObject([{ code: 'no-version-bump' }, { code: 'struct-removed', message: 'struct luo_flb_ser of luo-v5 is missing in the tree' }]);
  });

  it('a constant changed', async () => {
    const f = await drift('block.h', /#define KHO_BLOCK_SIZE\s+PAGE_SIZE/, '#define KHO_BLOCK_SIZE (2 * PAGE_SIZE)');
    expect(f).toMatchObject([{ code: 'no-version-bump' }, { code: 'constant-changed', message: 'KHO_BLOCK_SIZE is 8192 in the tree, 4096 in block-unversioned' }]);
    expect(f[1]!.schema).toMatch(/^schemas\/block\.yaml:\d+$/);
  });

  it('a layout changed without a version bump (a member added, "luo-v5" kept)', async () => {
    const f = await drift('luo.h', /u64 flbs_pa;/, 'u64 flbs_pa;\n\tu64 extra;');
    expect(f[0]).toMatchObject({ header: 'luo.h', code: 'no-version-bump', message: 'luo: the layout matches no version kho-abi knows, but its compatible string "luo-v5" still names luo-v5: a layout change without a version bump?' });
    expect(f.slice(1).map((x) => x.code)).toEqual(['struct-resized', 'field-added']);
  });

  it('a header that does not compile is a finding quoting gcc', async () => {
    const f = await drift('block.h', /\tu64 count;/, '\tu65 count;');
    // luo.h includes block.h, so it fails too; every other header is still compared.
    expect(f.map((x) => [x.header, x.code])).toEqual([['block.h', 'compile-error'], ['luo.h', 'compile-error']]);
    expect(f[0]!.message).toMatch(/error: unknown type name 'u65'/);
  });

  it('a header no schema describes: each of its items, and the header itself, are findings', async () => {
    const t = editedTree('torvalds', []);
    try {
      writeFileSync(join(t.root, 'include/linux/kho/abi/extra.h'), '#ifndef EXTRA_H\n#define EXTRA_H\n#include <linux/types.h>\n#define EXTRA_MAGIC 0x45585452\nstruct extra_ser {\n\tu64 x;\n} __packed;\n#endif\n');
      const f = (await diffTree(t.root, 'torvalds')).findings.map((x) => [x.header, x.code, x.message, x.line]);
      expect(f).toEqual([
        ['extra.h', 'header-unexpected', 'profile torvalds has no extra.h', undefined],
        ['extra.h', 'unknown-item', 'constant EXTRA_MAGIC: no schema describes it', 4],
        ['extra.h', 'unknown-item', 'struct extra_ser: no schema describes it', 5],
      ]);
    } finally {
      t.dispose();
    }
  });

  it('a huge string or a flood of gcc errors is quoted short', async () => {
    const f = await drift('kexec_handover.h', /(#define KHO_FDT_MEMORY_MAP_PROP_NAME\s+)"preserved-memory-map"/, `$1"${'x'.repeat(5000)}"`);
    const changed = f.find((x) => x.code === 'constant-changed')!;
    expect(changed.message.length).toBeLessThan(300);
    expect(changed.message).toContain('(5002 characters)');
    const g = await drift('block.h', /#endif[^\n]*\n?$/, Array.from({ length: 200 }, (_, i) => `int bad${i} = ;\n`).join('') + '#endif\n');
    const lines = g.find((x) => x.header === 'block.h')!.message.split('\n');
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines[lines.length - 1]).toMatch(/^\(\d+ more lines from gcc\)$/);
  });

  it('only textual differences: no finding', async () => {
    const t = editedTree('torvalds', [
      { file: 'luo.h', from: /\/\*[\s\S]*?\*\//g, to: '' },
      { file: 'luo.h', from: 'u64 liveupdate_num;', to: 'unsigned long long   liveupdate_num ;' },
      { file: 'kexec_handover.h', from: 'unsigned int total_pages;', to: 'u32 total_pages; /* pages */' },
      { file: 'kexec_handover.h', from: /#include <linux\/bits.h>\n#include <linux\/log2.h>/, to: '#include <linux/log2.h>\n#include <linux/bits.h>' },
      { file: 'block.h', from: /struct kho_block_header_ser \{\s*u64 next;\s*u64 count;\s*\} __packed;/, to: 'struct kho_block_header_ser { u64 next; u64 count; } __attribute__((__packed__));' },
    ]);
    try {
      expect((await diffTree(t.root, 'torvalds')).findings).toEqual([]);
    } finally {
      t.dispose();
    }
  });
});

describe('--page-size all', () => {
  it('every profile tree is in sync at 4, 16 and 64 KiB pages', async () => {
    for (const name of PROFILES) {
      const r = await cli(['diff-kernel', join(TREES, name), '--profile', name, '--page-size', 'all']);
      expect(r.out, name).toMatch(/^in sync: /m);
      expect(r.code).toBe(0);
    }
  });

  it("kho-v2's radix depth (4 at 16 KiB, before the +1 formula) is a version of its own: in sync at every page size", async () => {
    const all = await cli(['diff-kernel', join(TREES, 'history', 'kho-v2'), '--profile', 'any', '--page-size', 'all', '--format', 'json']);
    expect(all.code).toBe(0);
    const report = JSON.parse(all.out) as { findings: unknown[]; headers: { matches: { version: string }[] }[] };
    expect(report.findings).toEqual([]);
    expect(report.headers[0]!.matches.map((m) => m.version)).toContain('radix-kho-v2');
    // At 16 KiB only the kho-v2 formula gives the tree's depth.
    const sixteen = await cli(['diff-kernel', join(TREES, 'history', 'kho-v2'), '--profile', 'any', '--page-size', '16384', '--format', 'json']);
    expect((JSON.parse(sixteen.out) as { headers: { matches: { version: string; layout_of: string[] }[] }[] }).headers[0]!.matches.find((m) => m.version.startsWith('radix'))).toMatchObject({ version: 'radix-kho-v2' });
  });

  it('finds what one page size alone hides: a depth formula that differs at 64 KiB only', async () => {
    const t = editedTree('history/kho-v2', [{ file: 'kexec_handover.h', from: /(KHO_TABLE_SIZE_LOG2\)\s*\+\s*1)\s*,/, to: '$1 + (PAGE_SHIFT > 12),' }]);
    try {
      const four = await cli(['diff-kernel', t.root, '--profile', 'any']);
      expect(four.code).toBe(0);
      const all = await cli(['diff-kernel', t.root, '--profile', 'any', '--page-size', 'all', '--format', 'json']);
      expect(all.code).toBe(1);
      const findings = (JSON.parse(all.out) as { findings: { code: string; message: string }[] }).findings;
      expect(findings.map((f) => f.code)).toEqual(['no-version-bump', 'constant-changed']);
      expect(findings[1]!.message).toBe('KHO_TREE_MAX_DEPTH is 5 in the tree, 4 in radix-kho-v2 (at 64 KiB pages)');
    } finally {
      t.dispose();
    }
  });
});
