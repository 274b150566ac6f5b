/**
 * Kernel CI through the command line, in-process: `breaking` and `lock` on a
 * git repository built here, commit by commit, and `gen --out` into a copy
 * of a kernel tree (with `--check` finding a hand edit).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-in-process.js';
import { TREES } from './helpers/kernel-trees.js';
import { repoRoot } from './helpers/root.js';

describe('breaking and lock on a git history', () => {
  let work: string;
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@invalid', ...args], { cwd: work, encoding: 'utf8' });
  const edit = (file: string, from: string | RegExp, to: string) => {
    const p = join(work, 'schemas', file);
    const text = readFileSync(p, 'utf8');
    const changed = text.replace(from, to);
    expect(changed, `${file}: ${String(from)} changed nothing`).not.toBe(text);
    writeFileSync(p, changed);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message);
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'kho-abi-git-'));
    for (const p of ['schemas', 'profiles', 'kho-abi.config.yaml', 'kho-abi.lock.json']) cpSync(join(repoRoot, p), join(work, p), { recursive: true });
    git('init', '-q');
    commit('base');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  // Each case starts from the last commit, whatever the one before it left behind.
  afterEach(() => git('checkout', '-q', '--', 'schemas'));

  it('a doc-only edit passes', async () => {
    edit('block.yaml', 'links to the next page', 'links to the following page');
    commit('doc');
    const r = await cli(['breaking', '--against', 'HEAD~1'], { cwd: work });
    expect(r.err).toBe('');
    expect(r.out).toBe('no breaking change against HEAD~1\n');
    expect(r.code).toBe(0);
  });

  it('a layout change without a version bump is breaking, and gen refuses it', async () => {
    edit('kexec_metadata.yaml', /(- name: kexec_count\n\s+type: )u32/, '$1u64');
    const r = await cli(['breaking', '--against', 'HEAD', '--format', 'json'], { cwd: work });
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as { version: string; code: string; breaking: boolean; file: string }[];
    expect(findings.map((f) => [f.version, f.code, f.breaking, f.file])).toEqual([
      ['kexec_metadata', 'struct-resized', true, 'schemas/kexec_metadata.yaml'],
      ['kexec_metadata', 'field-resized', true, 'schemas/kexec_metadata.yaml'],
    ]);
    const gen = await cli(['gen'], { cwd: work });
    expect(gen.code).toBe(1);
    expect(gen.err).toMatch(/schemas\/kexec_metadata\.yaml:\d+:\d+: error\[locked-version-changed\]: released version kexec_metadata would change: kho_kexec_metadata\.kexec_count is 8 bytes now, 4 before \[field-resized\]/);
    const github = await cli(['breaking', '--against', 'HEAD', '--format', 'github'], { cwd: work });
    expect(github.out.split('\n')[0]).toMatch(/^::error file=schemas\/kexec_metadata.yaml,line=\d+,col=\d+,title=kho-abi struct-resized::kexec_metadata: struct kho_kexec_metadata is 77 bytes now, 73 before$/);
    git('checkout', '-q', '--', 'schemas');
  });

  it('the same change as a new version passes breaking, and lock records the new version', async () => {
    edit('memfd.yaml', /(    - id: memfd-features\n)/, '    - id: memfd-v3\n      compatible: memfd-v3\n      doc: memfd-v2 with a generation counter.\n$1');
    edit('memfd.yaml', /(      - name: nr_folios\n)/, '      - name: generation\n        type: u64\n        in: [memfd-v3]\n        doc: Bumped on every preservation.\n$1');
    edit('memfd.yaml', '  current: memfd-v2\n', '  current: memfd-v3\n');
    const r = await cli(['breaking', '--against', 'HEAD'], { cwd: work });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // gen refuses nothing (memfd-v3 is not released yet); lock records it, and only it.
    expect((await cli(['validate'], { cwd: work })).code).toBe(0);
    const lock = await cli(['lock'], { cwd: work });
    expect(lock.out).toBe('kho-abi.lock.json: 1 version(s) recorded: memfd-v3\n');
    expect((await cli(['lock'], { cwd: work })).out).toBe('kho-abi.lock.json: every version is already recorded\n');
    commit('memfd-v3');
    // Now memfd-v3 is released: changing it is refused.
    edit('memfd.yaml', /(- name: generation\n\s+type: )u64/, '$1u32');
    const v = await cli(['validate'], { cwd: work });
    expect(v.code).toBe(1);
    expect(v.err).toContain('error[locked-version-changed]: released version memfd-v3 would change: memfd_luo_ser.generation is 4 bytes now, 8 before [field-resized]');
    const b = await cli(['breaking', '--against', 'HEAD'], { cwd: work });
    expect(b.code).toBe(1);
    expect(b.err).toContain('error[field-resized]: memfd-v3: memfd_luo_ser.generation is 4 bytes now, 8 before');
    git('checkout', '-q', '--', 'schemas');
  });

  it('removing a released version is breaking', async () => {
    edit('memfd.yaml', /    - id: memfd-v1\n( {6}.*\n)*/, '');
    const b = await cli(['breaking', '--against', 'HEAD'], { cwd: work });
    expect(b.code).toBe(1);
    expect(b.err).toContain('error[version-removed]: memfd-v1: released version memfd-v1 is gone');
    git('checkout', '-q', '--', 'schemas');
  });

  it('REF that is neither a revision nor a folder is a one-line refusal', async () => {
    const r = await cli(['breaking', '--against', 'no-such-ref'], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kho-abi: --against no-such-ref: not a folder, and not a git revision of /);
  });
});

describe('gen --out into a kernel tree', () => {
  let tree: string;
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'kho-abi-out-'));
    cpSync(join(TREES, 'torvalds'), tree, { recursive: true });
    writeFileSync(join(tree, 'include/linux/kho/abi/notes.h'), '/* a header kho-abi does not own */\n');
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('writes the profile, marks each header, and leaves foreign files alone', async () => {
    const r = await cli(['gen', '--profile', 'torvalds', '--out', tree]);
    expect(r.err).toBe('');
    expect(r.out).toBe('6 written, 0 unchanged\n');
    const luo = readFileSync(join(tree, 'include/linux/kho/abi/luo.h'), 'utf8');
    expect(luo).toContain(' * KHO-ABI-GEN: profile torvalds\n');
    expect(readFileSync(join(tree, 'include/linux/kho/abi/notes.h'), 'utf8')).toBe('/* a header kho-abi does not own */\n');
    // A freshly generated tree passes --check, and diff-kernel agrees.
    expect((await cli(['gen', '--out', tree, '--check'])).code).toBe(0);
    expect((await cli(['diff-kernel', tree, '--profile', 'torvalds'])).code).toBe(1); // notes.h is no header of the profile
  });

  it('a generated header edited by hand fails --check with a unified diff and the fixing command', async () => {
    const p = join(tree, 'include/linux/kho/abi/block.h');
    writeFileSync(p, readFileSync(p, 'utf8').replace('\tu64 count;', '\tu64 count;\n\tu64 spare;'));
    const r = await cli(['gen', '--out', tree, '--check']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('--- a/include/linux/kho/abi/block.h\n+++ b/include/linux/kho/abi/block.h\n');
    expect(r.out).toMatch(/^-\tu64 spare;$/m);
    expect(r.err).toBe(`1 file(s) out of date; run \`kho-abi gen --profile torvalds --out ${tree}\`\n`);
    // Fixing it is that command; the profile is found from the markers.
    expect((await cli(['gen', '--out', tree])).out).toBe('1 written, 5 unchanged\n');
    expect((await cli(['gen', '--out', tree, '--check'])).code).toBe(0);
  });
});

describe('ci/kernel-check.sh, as a kernel tree CI runs it', () => {
  const script = join(repoRoot, 'ci/kernel-check.sh');
  const sh = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync('sh', [script, ...args], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GITHUB_ACTIONS: '' } }) };
    } catch (e) {
      const x = e as { status: number; stdout: string };
      return { code: x.status, out: x.stdout };
    }
  };

  it('a tree with hand-written headers: diff-kernel, in sync', () => {
    const r = sh(join(TREES, 'torvalds'), 'torvalds');
    expect(r.out).toContain('in sync:');
    expect(r.code).toBe(0);
  });

  it('a tree with generated headers edited by hand: gen --check --out, a diff and exit 1', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'kho-abi-ci-'));
    try {
      cpSync(join(TREES, 'torvalds'), tree, { recursive: true });
      expect((await cli(['gen', '--profile', 'torvalds', '--out', tree])).code).toBe(0);
      expect(sh(tree).code).toBe(0);
      const p = join(tree, 'include/linux/kho/abi/memfd.h');
      writeFileSync(p, readFileSync(p, 'utf8').replace('\tu32 seals;', '\tu64 seals;'));
      const r = sh(tree);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^\+\tu32 seals;$/m);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

describe('lock --amend', () => {
  it('re-records a version whose schema was corrected, and says so; others stay as they were', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kho-abi-amend-'));
    try {
      for (const p of ['schemas', 'profiles', 'kho-abi.config.yaml', 'kho-abi.lock.json']) cpSync(join(repoRoot, p), join(work, p), { recursive: true });
      const pci = join(work, 'schemas/pci.yaml');
      writeFileSync(pci, readFileSync(pci, 'utf8').replace('        at_most: max_nr_devices\n', ''));
      const refused = await cli(['validate'], { cwd: work });
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('error[locked-version-changed]: released version pci-v1 would change: pci_ser.nr_devices may not exceed anything now, max_nr_devices before [at-most-changed]');
      const r = await cli(['lock', '--amend', 'pci-v1', 'pci-v2'], { cwd: work });
      expect(r.out).toBe('kho-abi.lock.json: 2 re-recorded (--amend): pci-v1, pci-v2\n');
      expect((await cli(['validate'], { cwd: work })).code).toBe(0);
      expect((await cli(['lock', '--amend', 'no-such-version'], { cwd: work })).err).toBe('kho-abi: --amend no-such-version: no such version in kho-abi.lock.json\n');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
