import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';

/** Files larger than this are refused before parsing: no schema needs it. */
export const MAX_SCHEMA_BYTES = 1024 * 1024;
/** Deeper nesting than this is refused: a schema is at most a few levels deep. */
export const MAX_DEPTH = 64;
/** Aliases are expanded on conversion; this bounds an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

/** A schema file after parsing: the plain data plus a way back to positions. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly data: unknown;
  /** The span of the value at `path` (or of its key, when `key` is set). */
  spanOf(path: YamlPath, key?: boolean): SourceSpan;
}

export interface LoadResult {
  readonly file?: SourceFile;
  readonly diagnostics: Diagnostic[];
}

export function loadSource(path: string, bytes: Uint8Array): LoadResult {
  const at = (line: number, col: number, length = 1): SourceSpan => ({ file: path, line, col, length });
  if (bytes.length > MAX_SCHEMA_BYTES) {
    return {
      diagnostics: [
        error('file-too-large', at(1, 1), `schema file is ${bytes.length} bytes; the limit is ${MAX_SCHEMA_BYTES}`, 'split the schema or remove what is not ABI'),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [error('not-text', at(1, 1), 'schema file is not UTF-8 text', 'a schema is a YAML document; check that the right file was named')] };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line, col } = lineColOf(text, nul);
    return { diagnostics: [error('not-text', at(line, col), 'schema file contains a NUL byte', 'a schema is a YAML document; check that the right file was named')] };
  }
  const depthProblem = tooDeep(text);
  if (depthProblem !== undefined) {
    const { line, col } = lineColOf(text, depthProblem);
    return {
      diagnostics: [error('yaml-too-deep', at(line, col), `YAML nesting deeper than ${MAX_DEPTH} levels`, 'a schema needs only a few levels; flatten the document')],
    };
  }

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: true });
  } catch (e) {
    // The parser recurses; pathological input must not become a stack trace.
    return { diagnostics: [error('yaml-syntax', at(1, 1), `YAML could not be parsed: ${(e as Error).message}`)] };
  }
  const spanAt = (offset: number, end?: number): SourceSpan => {
    const { line, col } = lineCounter.linePos(offset);
    const length = end !== undefined && end > offset ? Math.min(end - offset, lineLength(text, offset)) : 1;
    return at(line, col, Math.max(1, length));
  };

  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : e.code === 'TAB_AS_INDENT' ? 'yaml-tab' : 'yaml-syntax';
    const help =
      code === 'yaml-tab'
        ? 'indent with spaces; YAML does not allow tabs for indentation'
        : code === 'yaml-duplicate-key'
          ? 'each key may appear once in a mapping; remove or rename one of them'
          : undefined;
    diagnostics.push(error(code, spanAt(e.pos[0], e.pos[1]), firstLine(e.message), help));
  }
  if (diagnostics.length > 0) return { diagnostics };

  let aliasCount = 0;
  let firstAlias: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      aliasCount++;
      firstAlias ??= node;
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const where = firstAlias?.range ? spanAt(firstAlias.range[0], firstAlias.range[1]) : at(1, 1);
    return {
      diagnostics: [
        error(
          aliasCount > 0 ? 'yaml-alias-bomb' : 'yaml-syntax',
          where,
          aliasCount > 0 ? `aliases expand beyond the limit of ${MAX_ALIAS_COUNT} nodes` : firstLine((e as Error).message),
          aliasCount > 0 ? 'write the repeated content out, or use fewer aliases' : undefined,
        ),
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const node = doc.contents;
    const where = node?.range ? spanAt(node.range[0], node.range[1]) : at(1, 1);
    return {
      diagnostics: [error('not-a-mapping', where, 'a schema document must be a mapping of keys (schema, spdx, title, doc, ...)', 'start from an existing file in schemas/')],
    };
  }

  const spanOf = (path: YamlPath, key = false): SourceSpan => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const step of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        keyNode = undefined;
        node = node.items[step];
      } else break;
    }
    const target = (key && keyNode) || node;
    const range = (target as { range?: [number, number, number] } | undefined)?.range;
    if (!range) return at(1, 1);
    // A block scalar's range covers several lines; point at its first line.
    return spanAt(range[0], range[1]);
  };

  return { file: { path, text, data, spanOf }, diagnostics: [] };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function lineLength(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return (nl < 0 ? text.length : nl) - offset;
}

function lineColOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

/**
 * Flow collections nest without indentation, so bound them by bracket depth,
 * and block collections by indentation; either returns the offending offset.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inQuote: string | undefined;
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      inComment = false;
      inQuote = undefined;
      continue;
    }
    if (inComment) continue;
    if (inQuote) {
      if (c === inQuote) inQuote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) inComment = true;
    else if (c === '"' || c === "'") inQuote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_DEPTH * 4 && line.trim() !== '') return offset;
    offset += line.length + 1;
  }
  return undefined;
}
