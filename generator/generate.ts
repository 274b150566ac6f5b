/**
 * `kho-abi gen`: schemas -> analysis -> layouts at every page size -> every
 * emitter -> one list of files. Pure: reading and writing is the CLI's.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { emitCHeader } from './emit/c-header.js';
import { formatTsFiles } from './emit/format-ts.js';
import { emitTsCodecs } from './emit/ts-codec.js';
import type { EmittedFile } from './emit/emitted-file.js';
import { makeTarget } from './layout/ir.js';
import { analyze, layoutAll, type Analysis, type SchemaInput } from './pipeline.js';

export const OUTPUT_DIR = 'generated';

export interface Generation {
  readonly analysis: Analysis;
  readonly files: EmittedFile[];
  readonly diagnostics: Diagnostic[];
}

export async function generate(inputs: readonly SchemaInput[]): Promise<Generation> {
  const analysis = analyze(inputs);
  if (!analysis.model) return { analysis, files: [], diagnostics: analysis.diagnostics };
  const { irs, diagnostics } = layoutAll(analysis);
  const all = [...analysis.diagnostics, ...diagnostics];
  const ir = irs.find((x) => x.target.pageSize === makeTarget().pageSize);
  if (!ir) return { analysis, files: [], diagnostics: all };
  const files: EmittedFile[] = [];
  for (const schema of ir.schemas) files.push(emitCHeader(schema));
  files.push(...(await formatTsFiles(emitTsCodecs(irs))));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { analysis, files, diagnostics: all };
}
