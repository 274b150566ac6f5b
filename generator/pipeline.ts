/**
 * The whole pipeline on one screen: load -> validate -> resolve -> layout.
 * Each stage is a pure function of its input; only the CLI reads files and
 * only write.ts writes them.
 */
import { createHash } from 'node:crypto';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { computeLayout } from './layout/compute-layout.js';
import { makeTarget, PAGE_SIZES, type AbiIR, type Target } from './layout/ir.js';
import type { Model } from './model/model.js';
import { resolve, type Definition } from './model/resolve.js';
import { loadSource, type SourceFile } from './source/load.js';
import { validateSource } from './source/validate.js';

export interface SchemaInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface Analysis {
  readonly files: readonly SourceFile[];
  readonly model?: Model;
  readonly names?: ReadonlyMap<string, Definition>;
  readonly diagnostics: Diagnostic[];
}

interface CheckedFile {
  readonly file?: SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parsing and validating a file is a pure function of its path and bytes, and
 * most of the cost of a command on one schema: a process that runs several
 * commands over the same files (the test suite, an editor integration) parses
 * each file once. Keyed by path and content hash, so an edited file is parsed
 * again; bounded, oldest out first. The results are never mutated.
 */
const CHECKED_LIMIT = 256;
const checkedFiles = new Map<string, CheckedFile>();

function loadAndValidate(input: SchemaInput): CheckedFile {
  const key = `${input.path}\0${createHash('sha256').update(input.bytes).digest('hex')}`;
  const hit = checkedFiles.get(key);
  if (hit) return hit;
  const loaded = loadSource(input.path, input.bytes);
  const checked: CheckedFile = loaded.file ? { file: loaded.file, diagnostics: [...loaded.diagnostics, ...validateSource(loaded.file)] } : { diagnostics: loaded.diagnostics };
  checkedFiles.set(key, checked);
  if (checkedFiles.size > CHECKED_LIMIT) checkedFiles.delete(checkedFiles.keys().next().value!);
  return checked;
}

/** Load, validate and resolve; stops before resolving when a file is malformed. */
export function analyze(inputs: readonly SchemaInput[]): Analysis {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  for (const input of inputs) {
    const checked = loadAndValidate(input);
    diagnostics.push(...checked.diagnostics);
    if (checked.file) files.push(checked.file);
  }
  if (hasErrors(diagnostics)) return { files, diagnostics };
  const resolved = resolve(files);
  diagnostics.push(...resolved.diagnostics);
  if (hasErrors(diagnostics)) return { files, diagnostics };
  return { files, model: resolved.model, names: resolved.names, diagnostics };
}

/** Layouts for the given targets; every target is checked so that a size that breaks only at 64 KiB pages is reported. */
export function layoutAll(analysis: Analysis, targets: readonly Target[] = PAGE_SIZES.map((p) => makeTarget(p))): { irs: AbiIR[]; diagnostics: Diagnostic[] } {
  const irs: AbiIR[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!analysis.model || !analysis.names) return { irs, diagnostics };
  for (const target of targets) {
    const { ir, diagnostics: d } = computeLayout(analysis.model, analysis.names, target);
    for (const x of d) {
      if (!diagnostics.some((y) => y.code === x.code && y.span.line === x.span.line && y.span.col === x.span.col && y.span.file === x.span.file)) diagnostics.push(x);
    }
    if (ir) irs.push(ir);
  }
  return { irs: diagnostics.length ? [] : irs, diagnostics };
}
