/**
 * One schema file parsed and checked against the schema language: the unit
 * of work that does not depend on any other file, so it can run on any
 * thread (parallel-load.ts) and be cached by content (pipeline.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadSource, sourceFile, type LoadedFile, type SourceFileData } from './load.js';
import { validateSource } from './validate.js';

export interface SchemaInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface CheckedFile {
  readonly file?: LoadedFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** A CheckedFile as plain data, for a structured clone between threads. */
export interface CheckedFileData {
  readonly file?: SourceFileData;
  readonly diagnostics: readonly Diagnostic[];
}

export function checkFile(input: SchemaInput): CheckedFile {
  const loaded = loadSource(input.path, input.bytes);
  return loaded.file ? { file: loaded.file, diagnostics: [...loaded.diagnostics, ...validateSource(loaded.file)] } : { diagnostics: loaded.diagnostics };
}

export function checkedFileData(checked: CheckedFile): CheckedFileData {
  return { ...(checked.file ? { file: checked.file.parts } : {}), diagnostics: checked.diagnostics };
}

export function checkedFileFrom(data: CheckedFileData): CheckedFile {
  return { ...(data.file ? { file: sourceFile(data.file) } : {}), diagnostics: data.diagnostics };
}
