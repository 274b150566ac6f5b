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
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** What to do about it, when the message alone does not say. */
  readonly help?: string;
  readonly span: SourceSpan;
}

export function error(code: string, span: SourceSpan, message: string, help?: string): Diagnostic {
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
