/**
 * Cold `kho-abi gen` for all schemas, and for 50 copies of them: a fresh
 * Node process each time, as a developer or CI runs it, beside the cost of
 * starting Node itself.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../generator/pipeline.js';
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

/** Keys of the schema language that are also names a schema may define (a schema named radix_tree). */
const CONTAINER_KINDS = new Set(['block_chain', 'vmalloc_chain', 'radix_tree', 'array_chain', 'page_array', 'fdt', 'sparse_array', 'dictionary']);

/**
 * `copies` copies of the project's schemas in `dir`/schemas: in copy k every
 * name a schema defines (schemas, structs, constants, enums, components)
 * gets the suffix _c<k>, so the copies are distinct schemas that include
 * each other as the originals do.
 */
export function writeSchemaCopies(dir: string, copies: number): void {
  const files = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.yaml'));
  const texts = files.map((f) => readFileSync(join(root, 'schemas', f), 'utf8'));
  const a = analyze(files.map((f, i) => ({ path: `schemas/${f}`, bytes: Buffer.from(texts[i]!) })));
  const names = new Set([...(a.names?.keys() ?? []), ...files.map((f) => f.replace(/\.yaml$/, '')), ...(a.model?.schemas.flatMap((s) => (s.component ? [s.component.name] : [])) ?? [])]);
  const re = new RegExp(`\\b(${[...names].sort((x, y) => y.length - x.length).join('|')})\\b`, 'g');
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  cpSync(join(root, 'schemas/kho-abi.schema.json'), join(dir, 'schemas/kho-abi.schema.json'));
  for (let k = 0; k < copies; k++) {
    files.forEach((f, i) => {
      const text = texts[i]!;
      const renamed = k === 0 ? text : text.replace(re, (m: string, _g: string, at: number) => (CONTAINER_KINDS.has(m) && text[at + m.length] === ':' ? m : `${m}_c${k}`));
      writeFileSync(join(dir, 'schemas', k === 0 ? f : f.replace(/\.yaml$/, `_c${k}.yaml`)), renamed);
    });
  }
}

export function genBenchmark(runs = 5): { gen: Timing; copies: Timing; copiesFiles: number; node: Timing; files: number } {
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
    const many = join(work, 'x50');
    writeSchemaCopies(many, 50);
    const copies = time(() => {
      rmSync(join(many, 'generated'), { recursive: true, force: true });
      execFileSync(process.execPath, [cli, '--root', many, 'gen'], { stdio: 'pipe' });
    }, 3);
    const outMany = execFileSync(process.execPath, [cli, '--root', many, 'gen'], { encoding: 'utf8' });
    const copiesFiles = Number(/(\d+) written, (\d+) unchanged/.exec(outMany)?.[2] ?? 0);
    return {
      gen: { ...gen, name: 'kho-abi gen (cold, fresh output)' },
      copies: { ...copies, name: 'kho-abi gen of 50 copies of the schemas (cold, fresh output)' },
      copiesFiles,
      node: { ...node, name: 'node -e 0 (process start)' },
      files,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
