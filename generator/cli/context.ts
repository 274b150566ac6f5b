/**
 * What every command gets: the io of the run, the project root, the schema
 * inputs and their analysis (memoised by content, so a process that runs
 * many commands, such as a test, analyses the same schemas once), and the
 * one way to print diagnostics.
 *
 * The analysis (yaml, ajv, the pipeline) is imported only when a command
 * needs it: `action` loads it before the command runs, `lightAction` does
 * not (decode, encode and compat read the generated metadata instead, and
 * start at once).
 */
import { createRequire } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { findProjectRoot } from './project-root.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJson, formatText } from '../diagnostics/format.js';
import { makeTarget, type AbiIR, type PageSize } from '../layout/ir.js';
import type { Analysis, SchemaInput } from '../pipeline.js';
import { escapeText, QUOTE_LIMIT } from '../../runtime/quote.js';
import type { CliIo } from './io.js';
import { readSchemaInputs } from './schema-inputs.js';

/** A command of the `kho-abi` program: adds itself (and its options) to the program. */
export interface CliCommand {
  register(program: Command, ctx: CliContext): void;
}

export interface Analysed {
  readonly inputs: readonly SchemaInput[];
  readonly analysis: Analysis;
  /** Every diagnostic: analysis and layout. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A message with each overlong run of non-space characters cut, control characters escaped. */
function bounded(message: string): string {
  const words = message.length <= QUOTE_LIMIT ? message : message.replace(/\S{81,}/g, (w) => `${w.slice(0, QUOTE_LIMIT)}… (${w.length} characters)`);
  return escapeText(words, 2000);
}

/** The pipeline module, once a command that analyses schemas has loaded it. */
let pipeline: typeof import('../pipeline.js') | undefined;

function loaded(): typeof import('../pipeline.js') {
  if (!pipeline) throw new Error('schemas analysed by a command registered with lightAction: use action');
  return pipeline;
}

const CACHE_SIZE = 8;
const cache = new Map<string, { analysis: Analysis; layouts: Map<string, { irs: AbiIR[]; diagnostics: Diagnostic[] }> }>();

function keyOf(inputs: readonly SchemaInput[]): string {
  // Required here, not imported at the top: commands that analyse no schema (decode) never load node:crypto.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const h = createHash('sha256');
  for (const i of inputs) {
    h.update(`${i.path}\0${i.bytes.length}\0`);
    h.update(i.bytes);
  }
  return h.digest('hex');
}

function cached(inputs: readonly SchemaInput[]) {
  const key = keyOf(inputs);
  let entry = cache.get(key);
  if (!entry) {
    entry = { analysis: loaded().analyze(inputs), layouts: new Map() };
    cache.set(key, entry);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return entry;
}

export class CliContext {
  /** The exit code so far: the highest any action set. */
  exitCode = 0;

  constructor(
    readonly io: CliIo,
    /** commander's program, or what stands for it where commander is not loaded (a plain decode: generator/cli.ts). */
    private readonly program: Pick<Command, 'opts'>,
  ) {}

  /** The project folder: --root, or the nearest folder above the working directory that is a kho-abi project, or the working directory. */
  get root(): string {
    return this.projectRoot ?? resolvePath(this.io.cwd);
  }

  /** The project folder, absolute: --root, or the nearest folder above the working directory that is a kho-abi project; undefined when there is none. */
  get projectRoot(): string | undefined {
    const given = this.program.opts<{ root?: string }>().root;
    if (given !== undefined) return resolvePath(this.io.cwd, given);
    return findProjectRoot(resolvePath(this.io.cwd));
  }

  /** Imports the schema pipeline, which `analyse`, `layouts` and `projectLayout` use. */
  async loadAnalysis(): Promise<void> {
    pipeline ??= await import('../pipeline.js');
  }

  /** An action that returns its exit code; the run exits with the highest. The schema pipeline is loaded first. */
  action<A extends unknown[]>(fn: (...args: A) => number | Promise<number>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      await this.loadAnalysis();
      this.exitCode = Math.max(this.exitCode, await fn(...args));
    };
  }

  /** An action that does not analyse schemas (it reads generated metadata): nothing of the pipeline is loaded for it. */
  lightAction<A extends unknown[]>(fn: (...args: A) => number | Promise<number>): (...args: A) => Promise<void> {
    return async (...args: A) => {
      this.exitCode = Math.max(this.exitCode, await fn(...args));
    };
  }

  /** The project's schemas, and `given` files checked together with them. */
  inputs(given: readonly string[] = []): SchemaInput[] {
    return readSchemaInputs(this.root, this.io.cwd, given);
  }

  /** Load, validate and resolve the inputs. */
  analyse(inputs: readonly SchemaInput[]): Analysis {
    return cached(inputs).analysis;
  }

  /**
   * Layouts for the given page sizes (every one by default, so that a size
   * that breaks only at 64 KiB is reported), with every diagnostic.
   */
  layouts(inputs: readonly SchemaInput[], targets?: readonly { pageSize: PageSize; byteOrder?: 'little' | 'big' }[]): { irs: readonly AbiIR[] } & Analysed {
    const entry = cached(inputs);
    const key = targets ? targets.map((t) => `${t.pageSize}/${t.byteOrder ?? 'little'}`).join(',') : 'all';
    let layout = entry.layouts.get(key);
    if (!layout) {
      layout = loaded().layoutAll(entry.analysis, targets?.map((t) => makeTarget(t.pageSize, t.byteOrder)));
      entry.layouts.set(key, layout);
    }
    return { inputs, analysis: entry.analysis, irs: layout.irs, diagnostics: [...entry.analysis.diagnostics, ...layout.diagnostics] };
  }

  /** The layout of the project's schemas at one page size, after printing any diagnostics; undefined when there are errors. */
  projectLayout(pageSize: PageSize = 4096, byteOrder: 'little' | 'big' = 'little'): AbiIR | undefined {
    const r = this.layouts(this.inputs(), [{ pageSize, byteOrder }]);
    this.report(r.diagnostics, r.inputs);
    return r.irs[0];
  }

  /**
   * Prints diagnostics with code frames (text) or as a JSON array, on
   * stderr. A message quotes schema text; a word of it longer than a quote
   * may be is shortened here (a 200 KB type name is not printed whole).
   */
  report(all: readonly Diagnostic[], inputs: readonly SchemaInput[], format = 'text'): void {
    if (all.length === 0) return;
    const diags = all.map((d) => ({ ...d, message: bounded(d.message), ...(d.help !== undefined ? { help: bounded(d.help) } : {}) }));
    const texts = new Map(inputs.map((i) => [i.path, Buffer.from(i.bytes).toString('utf8')]));
    this.io.stderr(format === 'json' ? formatJson(diags) : formatText(diags, (f) => texts.get(f)));
  }
}
