import type { Diagnostic } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';

/** More than this many diagnostics are summarised by a count. */
export const MAX_REPORTED = 50;

export type SourceLookup = (file: string) => string | undefined;

/**
 * `file:line:col: error[CODE]: message`, then the offending line with a caret
 * under the span (the code frame), then `help:` when there is one.
 */
export function formatText(diags: readonly Diagnostic[], sources: SourceLookup): string {
  const sorted = [...diags].sort(compareDiagnostics);
  const shown = sorted.slice(0, MAX_REPORTED);
  const out: string[] = [];
  for (const d of shown) {
    const { file, line, col, length } = d.span;
    out.push(`${file}:${line}:${col}: ${d.severity}[${d.code}]: ${d.message}`);
    const frame = codeFrame(sources(file), line, col, length);
    if (frame) out.push(frame);
    if (d.help) out.push(`  = help: ${d.help}`);
  }
  if (sorted.length > shown.length) {
    out.push(`... and ${sorted.length - shown.length} more diagnostics not shown`);
  }
  const errors = sorted.filter((d) => d.severity === 'error').length;
  if (errors > 0) out.push(`${errors} error${errors === 1 ? '' : 's'}`);
  return out.join('\n') + '\n';
}

/** More than this many diagnostics are cut from JSON output, which ends with one entry counting the rest: output stays bounded. */
export const MAX_REPORTED_JSON = 1000;

/** A YAML path as the schema language's messages write it: structs[2].fields[0].name. */
export function yamlPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function formatJson(diags: readonly Diagnostic[]): string {
  const sorted = [...diags].sort(compareDiagnostics);
  const rest = sorted.length - MAX_REPORTED_JSON;
  return (
    JSON.stringify(
      [
        ...sorted.slice(0, MAX_REPORTED_JSON).map((d) => ({
        file: d.span.file,
        line: d.span.line,
        col: d.span.col,
        length: d.span.length,
        ...(d.span.endLine !== undefined ? { end_line: d.span.endLine, end_col: d.span.endCol } : {}),
        ...(d.span.path !== undefined ? { path: yamlPath(d.span.path) } : {}),
        severity: d.severity,
        code: d.code,
        message: d.message,
        ...(d.help ? { help: d.help } : {}),
        })),
        ...(rest > 0 ? [{ file: null, line: null, col: null, length: null, severity: 'note', code: 'truncated', message: `${rest} more diagnostics not shown` }] : []),
      ],
      null,
      2,
    ) + '\n'
  );
}

function codeFrame(source: string | undefined, line: number, col: number, length: number): string | undefined {
  if (source === undefined) return undefined;
  // The parser skips a byte-order mark; so must the frame, or the caret on line 1 is off by one.
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  // Keep the frame printable: a binary file must not spray control bytes.
  const shown = text.length > 200 ? text.slice(0, 200) + '…' : text;
  const safe = shown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?').replace(/\t/g, ' ');
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  const caretStart = Math.min(Math.max(col - 1, 0), safe.length);
  const caretLen = Math.max(1, Math.min(length, Math.max(1, safe.length - caretStart)));
  return `${pad} |\n${line} | ${safe}\n${pad} | ${' '.repeat(caretStart)}${'^'.repeat(caretLen)}`;
}
