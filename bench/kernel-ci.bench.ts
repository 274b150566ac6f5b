/**
 * What kernel CI runs, as it runs it: a fresh `kho-abi diff-kernel` on a
 * tree and a fresh `kho-abi breaking --against` a git revision, each on the
 * full schema set, beside what a CI without kho-abi would do in the same
 * place (a textual `diff -r` of the headers against a generated copy, and
 * `git diff` of the schemas), measured in turns in the same run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, type Timing } from './measure.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'bin/kho-abi.mjs');

function run(cmd: string, args: string[], cwd = root): void {
  try {
    execFileSync(cmd, args, { cwd, stdio: 'pipe' });
  } catch (e) {
    // diff and kho-abi exit 1 on a difference; that is still a measurement. Anything else is not.
    if ((e as { status?: number }).status !== 1) throw e;
  }
}

export interface KernelCiRow {
  readonly workload: string;
  readonly timings: Timing[];
  readonly generated: string;
}

export function kernelCiBenchmarks(rounds = 5): KernelCiRow[] {
  const work = mkdtempSync(join(tmpdir(), 'kho-abi-bench-ci-'));
  try {
    // A project copy with one commit, so that `breaking --against HEAD` has history to read.
    for (const p of ['schemas', 'profiles', 'kho-abi.config.yaml', 'kho-abi.lock.json']) cpSync(join(root, p), join(work, p), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: work });
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@invalid', 'add', '.'], { cwd: work });
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@invalid', 'commit', '-qm', 'base'], { cwd: work });
    const tree = join(root, 'test/fixtures/kernel-trees/torvalds');
    const candidates: Record<string, Record<string, () => void>> = {
      'diff-kernel on the torvalds tree': {
        'kho-abi diff-kernel (cold)': () => run(process.execPath, [cli, '--root', work, 'diff-kernel', tree, '--profile', 'torvalds']),
        'diff -r against generated headers': () => run('diff', ['-r', join(tree, 'include/linux/kho/abi'), join(root, 'generated/profiles/torvalds/include/linux/kho/abi')]),
        'node -e 0 (process start)': () => run(process.execPath, ['-e', '0']),
      },
      'breaking --against HEAD': {
        'kho-abi breaking (cold)': () => run(process.execPath, [cli, '--root', work, 'breaking', '--against', 'HEAD']),
        'git diff of schemas/': () => run('git', ['diff', '--quiet', 'HEAD', '--', 'schemas'], work),
        'node -e 0 (process start)': () => run(process.execPath, ['-e', '0']),
      },
    };
    return Object.entries(candidates).map(([workload, fns]) => {
      const names = Object.keys(fns);
      // Rotated order: no candidate always runs first, on a cold cache; the first round is not counted.
      const timings = compare(
        names.map((name) => ({ name, run: fns[name]! })),
        rounds,
        1,
      );
      return { workload, timings, generated: names[0]! };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
