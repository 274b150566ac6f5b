/**
 * kho-abi's own headers for a variant of the project's schemas: the same
 * schemas with another version made current (the feature-header variant,
 * the composites), written to a temporary include/ tree, in-process.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ownHeaders, renderHeader } from '../../generator/emit/c-header.js';
import { analyze, layoutAll } from '../../generator/pipeline.js';
import { ABI_INCLUDE_DIR } from '../../generator/profile/headers.js';
import { repoRoot } from './root.js';

/** Writes the headers with `current` versions replaced ({ 'luo.yaml': ['luo-v5', 'luo-features'] }); returns the include folder and a disposer. */
export function ownHeadersWith(current: Readonly<Record<string, readonly [string, string]>>): { include: string; dispose: () => void } {
  const dir = join(repoRoot, 'schemas');
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      let text = readFileSync(join(dir, f), 'utf8');
      const swap = current[f];
      if (swap) {
        const edited = text.replace(`  current: ${swap[0]}\n`, `  current: ${swap[1]}\n`);
        expect(edited, `${f}: no 'current: ${swap[0]}'`).not.toBe(text);
        text = edited;
      }
      return { path: `schemas/${f}`, bytes: Buffer.from(text) };
    });
  const analysis = analyze(inputs);
  const { irs, diagnostics } = layoutAll(analysis);
  expect([...analysis.diagnostics, ...diagnostics]).toEqual([]);
  const own = ownHeaders(irs.find((ir) => ir.target.pageSize === 4096)!);
  const root = mkdtempSync(join(tmpdir(), 'kho-abi-own-'));
  for (const spec of own.specs) {
    const path = join(root, ABI_INCLUDE_DIR, spec.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, renderHeader(spec, own.options));
  }
  return { include: join(root, 'include'), dispose: () => rmSync(root, { recursive: true, force: true }) };
}
