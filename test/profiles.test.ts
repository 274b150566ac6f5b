/**
 * Kernel profiles: each profile's generated headers are, code for code, the
 * headers of the tree it names (comments stripped, whitespace normalised:
 * the goal is 0 differing lines), each header carries exactly one variant,
 * and the generated profile trees are themselves in sync with their
 * profiles when gcc lays them out.
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizedLines } from '../generator/kernel/c-tokens.js';
import { changedLines } from '../generator/kernel/unified-diff.js';
import { ABI, diffTree, projectAbi, TREES } from './helpers/kernel-trees.js';
import { repoRoot } from './helpers/root.js';

const PROFILES = ['torvalds', 'linux-mm', 'composite-rfc', 'feature-header', 'prati0100'] as const;
const generatedTree = (p: string) => join(repoRoot, 'generated', 'profiles', p);

describe.each(PROFILES)('profile %s', (name) => {
  const profile = () => projectAbi().profiles.find((p) => p.name === name)!;

  it('generates one header per header of the tree, and the tree has no other but the unmodelled ones', () => {
    const generated = readdirSync(join(generatedTree(name), ABI)).sort();
    const tree = readdirSync(join(TREES, name, ABI)).sort();
    expect(generated).toEqual(profile().headers.map((h) => h.file).sort());
    expect(tree).toEqual([...generated, ...profile().unmodelled.map((u) => u.file)].sort());
  });

  it("differs from the tree's headers by 0 code lines", () => {
    for (const file of readdirSync(join(generatedTree(name), ABI))) {
      const ours = normalizedLines(readFileSync(join(generatedTree(name), ABI, file), 'utf8'));
      const theirs = normalizedLines(readFileSync(join(TREES, name, ABI, file), 'utf8'));
      expect(changedLines(theirs, ours), `${file}:\n${ours.join('\n')}`).toBe(0);
    }
  });

  it('is in sync with its profile when gcc lays out the generated headers', async () => {
    // A header kho-abi does not model is not generated; the generated ones that include it get the fixture tree's.
    const unmodelled = profile().unmodelled.map((u) => u.file);
    if (unmodelled.length === 0) {
      expect((await diffTree(generatedTree(name), name)).findings).toEqual([]);
      return;
    }
    const root = mkdtempSync(join(tmpdir(), 'kho-abi-profile-'));
    try {
      cpSync(generatedTree(name), root, { recursive: true });
      for (const file of unmodelled) copyFileSync(join(TREES, name, ABI, file), join(root, ABI, file));
      expect((await diffTree(root, name)).findings).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('no header mixes variants that never coexist in one kernel', () => {
  const own = join(repoRoot, 'generated', ABI);
  const read = (f: string) => readFileSync(join(own, f), 'utf8');

  it("kho-abi's own luo.h has the compatible string and no feature header", () => {
    expect(read('luo.h')).toContain('char compatible[LUO_ABI_COMPAT_LEN];');
    expect(read('luo.h')).not.toContain('luo_feature_hdr');
  });

  it('the feature-header profile has the feature header and no compatible string in luo.h', () => {
    const luo = readFileSync(join(generatedTree('feature-header'), ABI, 'luo.h'), 'utf8');
    expect(luo).toContain('struct luo_feature_hdr features;');
    expect(luo).not.toMatch(/LUO_ABI_COMPATIBLE|char compatible\[LUO_ABI_COMPAT_LEN\]/);
  });

  it('torvalds keeps vmalloc and the radix tree inside kexec_handover.h and has no split headers', () => {
    expect(existsSync(join(generatedTree('torvalds'), ABI, 'vmalloc.h'))).toBe(false);
    const kho = readFileSync(join(generatedTree('torvalds'), ABI, 'kexec_handover.h'), 'utf8');
    expect(kho).toContain('struct kho_vmalloc {');
    expect(kho).toContain('enum kho_radix_consts {');
    expect(kho).not.toContain('#include <linux/kho/abi/vmalloc.h>');
  });

  it('private names stay out of every profile header', () => {
    for (const name of PROFILES) {
      for (const file of readdirSync(join(generatedTree(name), ABI))) {
        const text = readFileSync(join(generatedTree(name), ABI, file), 'utf8');
        for (const hidden of ['KHO_MAX_BLOCKS', 'LUO_FLB_PGCNT', 'KHO_VMALLOC_ALLOC', '_compat_ok(']) expect(text, `${name}/${file}`).not.toContain(hidden);
      }
    }
  });
});
