/**
 * The fixture kernel trees (test/fixtures/kernel-trees/: each header's code
 * as the tree has it, its comments in our own words) and what the tests do
 * with them: copy one and edit a header, probe it with gcc, compare it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { diffKernel, type DiffReport } from '../../generator/kernel/diff-kernel.js';
import { probeTree } from '../../generator/kernel/probe-tree.js';
import { parseProfiles, type Profile } from '../../generator/profile/profile.js';
import { readdirSync } from 'node:fs';
import { analyze, layoutAll } from '../../generator/pipeline.js';
import { repoRoot } from './root.js';

export const TREES = join(repoRoot, 'test', 'fixtures', 'kernel-trees');
export const ABI = 'include/linux/kho/abi';

const yamls = (dir: string) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `${dir}/${f}`, bytes: readFileSync(join(repoRoot, dir, f)) }));

let project: { ir: ReturnType<typeof layoutAll>['irs'][number]; profiles: Profile[]; model: NonNullable<ReturnType<typeof analyze>['model']> } | undefined;

/** The project's schemas at 4 KiB pages and its profiles, analysed once. */
export function projectAbi() {
  if (!project) {
    const analysis = analyze(yamls('schemas'));
    const { irs } = layoutAll(analysis);
    project = { ir: irs.find((x) => x.target.pageSize === 4096)!, profiles: parseProfiles(yamls('profiles')).profiles, model: analysis.model! };
  }
  return project;
}

/** Probes `root` with gcc and compares it with a profile (a name) or with whatever version each string names (undefined). */
export async function diffTree(root: string, profileName?: string): Promise<DiffReport> {
  const { ir, profiles, model } = projectAbi();
  const profile = profileName ? profiles.find((p) => p.name === profileName) : undefined;
  if (profileName) expect(profile, `profile ${profileName}`).toBeDefined();
  const tree = await probeTree(root, 12);
  return diffKernel(tree, ir, { ...(profile ? { profile } : {}), privateNames: new Set(profiles.flatMap((p) => [...p.private])), model });
}

/** A copy of a fixture tree with edits applied to its headers; each edit must change something. */
export function editedTree(from: string, edits: readonly { file: string; from: string | RegExp; to: string }[]): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'kho-abi-tree-'));
  cpSync(join(TREES, from), root, { recursive: true });
  for (const e of edits) {
    const p = join(root, ABI, e.file);
    const text = readFileSync(p, 'utf8');
    const changed = text.replace(e.from, e.to);
    expect(changed, `${e.file}: the edit ${String(e.from)} changed nothing`).not.toBe(text);
    writeFileSync(p, changed);
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
