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
import { compare, type Timing } from './measure.js';

const root = fileURLToPath(new URL('../', import.meta.url));

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

export interface GenBenchmark {
  readonly gen: Timing;
  readonly copies: Timing;
  readonly node: Timing;
  readonly files: number;
  readonly copiesFiles: number;
}

/**
 * Each candidate a fresh process on fresh output, in turns with the others,
 * the order rotated every round (measure.ts): gen of the schemas, gen of 50
 * copies of them, and node starting and doing nothing, the floor of any
 * command.
 */
export function genBenchmark(rounds = 5): GenBenchmark {
  const work = mkdtempSync(join(tmpdir(), 'kho-abi-bench-'));
  try {
    cpSync(join(root, 'schemas'), join(work, 'schemas'), { recursive: true });
    const cli = join(root, 'bin/kho-abi.mjs');
    const many = join(work, 'x50');
    writeSchemaCopies(many, 50);
    const genIn = (dir: string) => (): void => {
      rmSync(join(dir, 'generated'), { recursive: true, force: true });
      execFileSync(process.execPath, [cli, '--root', dir, 'gen'], { stdio: 'pipe' });
    };
    const names = { gen: 'kho-abi gen (cold, fresh output)', copies: 'kho-abi gen of 50 copies of the schemas (cold, fresh output)', node: 'node -e 0 (process start)' };
    const timings = compare(
      [
        { name: names.gen, run: genIn(work) },
        { name: names.copies, run: genIn(many) },
        { name: names.node, run: () => execFileSync(process.execPath, ['-e', '0'], { stdio: 'pipe' }) },
      ],
      rounds,
      1,
    );
    const of = (name: string): Timing => timings.find((t) => t.name === name)!;
    const written = (dir: string): number => Number(/(\d+) written, (\d+) unchanged/.exec(execFileSync(process.execPath, [cli, '--root', dir, 'gen'], { encoding: 'utf8' }))?.[2] ?? 0);
    return { gen: of(names.gen), copies: of(names.copies), node: of(names.node), files: written(work), copiesFiles: written(many) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
