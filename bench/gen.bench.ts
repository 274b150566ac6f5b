/**
 * Cold `kho-abi gen` for all schemas: a fresh Node process each time, as a
 * developer or CI runs it, beside the cost of starting Node itself.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Timing } from './measure.js';

const root = fileURLToPath(new URL('../', import.meta.url));

function time(fn: () => void, runs: number): Timing & { runs: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { name: '', medianMs: samples[Math.floor(samples.length / 2)]!, minMs: samples[0]!, runs };
}

export function genBenchmark(runs = 5): { gen: Timing; node: Timing; files: number } {
  const work = mkdtempSync(join(tmpdir(), 'kho-abi-bench-'));
  try {
    cpSync(join(root, 'schemas'), join(work, 'schemas'), { recursive: true });
    const cli = join(root, 'bin/kho-abi.mjs');
    const gen = time(() => {
      rmSync(join(work, 'generated'), { recursive: true, force: true });
      execFileSync(process.execPath, [cli, '--root', work, 'gen'], { stdio: 'pipe' });
    }, runs);
    const node = time(() => execFileSync(process.execPath, ['-e', '0'], { stdio: 'pipe' }), runs);
    const out = execFileSync(process.execPath, [cli, '--root', work, 'gen'], { encoding: 'utf8' });
    const files = Number(/(\d+) written, (\d+) unchanged/.exec(out)?.[2] ?? 0);
    return { gen: { ...gen, name: 'kho-abi gen (cold, fresh output)' }, node: { ...node, name: 'node -e 0 (process start)' }, files };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
