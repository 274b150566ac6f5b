import type { RuleCode } from '../abi/compare.js';

/**
 * A diagnostic is a value, never an exception: every stage returns the
 * diagnostics it found and the pipeline reports all of them at once.
 */
export interface SourceSpan {
  /** Path as given on the command line or relative to the project root. */
  readonly file: string;
  /** 1-based line and column of the first character. */
  readonly line: number;
  readonly col: number;
  /** Length in characters of the underlined text on that line (at least 1). */
  readonly length: number;
  /** Where a span over several lines ends (1-based, inclusive). */
  readonly endLine?: number;
  readonly endCol?: number;
  /** The YAML path of the node: keys and list indexes from the document's top. */
  readonly path?: readonly (string | number)[];
}

/**
 * Every code a diagnostic can carry: a closed list, so that a new one is
 * added here (and gets a fixture: test/diagnostics.test.ts checks both ways).
 */
export const DIAGNOSTIC_CODES = [
  'assert-failed',
  'bad-constant',
  'bad-container',
  'bad-count',
  'bad-expression',
  'bad-field',
  'bad-name',
  'bad-source',
  'bad-value',
  'bad-version-number',
  'bitfield-overlap',
  'bitfield-packed-partial',
  'bitfield-too-wide',
  'bitfield-unaligned',
  'compat-invalid',
  'compat-subcomponents-mismatch',
  'compat-unsorted',
  'cycle',
  'duplicate-field',
  'duplicate-header',
  'duplicate-item',
  'duplicate-name',
  'duplicate-profile',
  'duplicate-version',
  'empty-list',
  'empty-string',
  'enum-range',
  'file-too-large',
  'locked-version-changed',
  'missing-key',
  'not-a-mapping',
  'not-constant',
  'not-included',
  'not-text',
  'out-of-range',
  'private-schema',
  'profile-name-mismatch',
  'schema-name-mismatch',
  'schema-violation',
  'size-mismatch',
  'string-too-long',
  'unknown-component',
  'unknown-container',
  'unknown-field',
  'unknown-key',
  'unknown-name',
  'unknown-profile',
  'unknown-schema',
  'unknown-type',
  'unknown-version',
  'used-before-defined',
  'wrong-type',
  'yaml-duplicate-key',
  'yaml-syntax',
  'yaml-alias-bomb',
  'yaml-tab',
  'yaml-too-deep',
] as const;

/** A schema's own diagnostics, and the rule codes `breaking` reports a released version's change under. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number] | RuleCode;

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** What to do about it, when the message alone does not say. */
  readonly help?: string;
  readonly span: SourceSpan;
}

export function error(code: DiagnosticCode, span: SourceSpan, message: string, help?: string): Diagnostic {
  return help === undefined
    ? { code, severity: 'error', message, span }
    : { code, severity: 'error', message, help, span };
}

/** Raised only to abort a stage whose input is already known to be broken. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} diagnostic(s)`);
  }
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.span.file.localeCompare(b.span.file) ||
    a.span.line - b.span.line ||
    a.span.col - b.span.col ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}
