/** The layout IR of the project's own schemas at 4, 16 and 64 KiB pages, as `gen` builds it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AbiIR } from '../../generator/layout/ir.js';
import { analyze, layoutAll } from '../../generator/pipeline.js';
import { repoRoot } from './root.js';

export function buildIRs(): AbiIR[] {
  const dir = join(repoRoot, 'schemas');
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `schemas/${f}`, bytes: readFileSync(join(dir, f)) }));
  const analysis = analyze(inputs);
  const { irs, diagnostics } = layoutAll(analysis);
  const errors = [...analysis.diagnostics, ...diagnostics].filter((d) => d.severity === 'error');
  if (errors.length || irs.length === 0) throw new Error(`schemas do not lay out:\n${errors.map((d) => `${d.span.file}:${d.span.line}: ${d.message}`).join('\n')}`);
  return irs;
}
