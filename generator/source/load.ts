import { Composer, type CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, visit, YAMLParseError, type Alias, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
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
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== undefined) {
    const { line, col } = lineColOfByte(bytes, invalid);
    return {
      diagnostics: [
        error('not-text', at(line, col), `schema file is not UTF-8 text: byte 0x${bytes[invalid]!.toString(16).padStart(2, '0')} at offset ${invalid} is not valid UTF-8`, 'a schema is a YAML document in UTF-8; check that the right file was named'),
      ],
    };
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const { line, col } = lineColOf(text, control.index);
    const code = control[0].charCodeAt(0);
    const what = code === 0 ? 'a NUL byte' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return { diagnostics: [error('not-text', at(line, col), `schema file contains ${what}`, 'a schema is a YAML document; check that the right file was named')] };
  }
  const lexed = scan(text);
  if (lexed.tooDeep) {
    const { line, col } = lineColOf(text, lexed.tooDeep.offset);
    return { diagnostics: [error('yaml-too-deep', at(line, col), lexed.tooDeep.message, 'a schema needs only a few levels; flatten the document')] };
  }

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseTokens(lexed.tokens, text.length, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, stringKeys: true, logLevel: 'error' });
  } catch (e) {
    // The parser recurses; pathological input must not become a stack trace.
    const deep = e instanceof RangeError;
    return {
      diagnostics: [
        deep
          ? error('yaml-too-deep', at(1, 1), 'YAML nesting too deep to parse', 'a schema needs only a few levels; flatten the document')
          : error('yaml-syntax', at(1, 1), `YAML could not be parsed: ${lowerFirst(firstLine((e as Error).message))}`),
      ],
    };
  }
  const spanAt = (offset: number, end?: number): SourceSpan => {
    const { line, col } = lineCounter.linePos(offset);
    const length = end !== undefined && end > offset ? Math.min(end - offset, lineLength(text, offset)) : 1;
    const span = at(line, col, Math.max(1, length));
    if (end === undefined || end <= offset) return span;
    // A node over several lines (a block scalar, a mapping) also says where it ends.
    const last = lineCounter.linePos(Math.max(offset, end - 1));
    return last.line > line ? { ...span, endLine: last.line, endCol: last.col } : span;
  };

  const diagnostics: Diagnostic[] = [];
  const flowStarts = [...lexed.unclosedFlow];
  // Warnings too: an unknown tag or directive is silently ignored by the parser.
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [from, to] = e.pos;
    const message = firstLine(e.message);
    switch (e.code) {
      case 'DUPLICATE_KEY': {
        const dup = duplicateKeyAt(doc, from);
        diagnostics.push(
          error(
            'yaml-duplicate-key',
            dup ? spanAt(dup.range[0], dup.range[1]) : spanAt(from, to),
            dup ? `duplicate key '${dup.key}'; it is already used on line ${lineCounter.linePos(dup.first).line}` : 'duplicate key in a mapping',
            'each key may appear once in a mapping; remove or rename one of them',
          ),
        );
        break;
      }
      case 'TAB_AS_INDENT':
        diagnostics.push(error('yaml-tab', spanAt(from, to), 'a tab is used for indentation', 'indent with spaces; YAML does not allow tabs for indentation'));
        break;
      case 'MULTIPLE_DOCS':
        diagnostics.push(
          error('yaml-syntax', spanAt(from, to), 'a second YAML document starts here; a schema file holds exactly one', "remove this line and what follows it, or move the second document into a file of its own"),
        );
        break;
      case 'RESOURCE_EXHAUSTION':
        diagnostics.push(error('yaml-too-deep', spanAt(from, to), 'YAML nesting too deep to parse', 'a schema needs only a few levels; flatten the document'));
        break;
      case 'TAG_RESOLVE_FAILED':
        diagnostics.push(error('yaml-syntax', spanAt(from, to), `unknown tag ${message.replace(/^Unresolved tag: /, "'")}${message.startsWith('Unresolved tag: ') ? "'" : ''}`, 'a schema uses no YAML tags; remove it'));
        break;
      case 'BLOCK_AS_IMPLICIT_KEY':
        if (message === 'Nested mappings are not allowed in compact mappings') {
          diagnostics.push(error('yaml-syntax', spanAt(from, to), "a value that contains ': ' must be quoted", 'put the value in quotes, or start a nested mapping on a new line'));
        } else diagnostics.push(error('yaml-syntax', spanAt(from, to), lowerFirst(message)));
        break;
      case 'NON_STRING_KEY':
        diagnostics.push(error('yaml-syntax', spanAt(from, to), 'a mapping key must be a string, not a collection', 'write the key as a plain name'));
        break;
      default: {
        if (e.code === 'MISSING_CHAR' && /^Missing closing ["']quote$/.test(message)) {
          const q = lexed.unclosedQuotes.find((x) => x.start <= from && from <= x.end);
          if (q) {
            diagnostics.push(error('yaml-syntax', spanAt(q.start), `${q.quote === '"' ? 'double' : 'single'}-quoted string is never closed`, `end it with ${q.quote} on the line where it should end`));
            break;
          }
        }
        if (e.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection/.test(message)) {
          const before = flowStarts.filter((o) => o < from);
          const open = before[before.length - 1];
          if (open !== undefined) {
            flowStarts.splice(flowStarts.indexOf(open), 1);
            const close = text[open] === '[' ? ']' : '}';
            diagnostics.push(
              error('yaml-syntax', spanAt(open), `flow ${close === ']' ? 'sequence' : 'mapping'} '${text[open]}' is not closed`, `add the '${close}'; every line inside it must be indented further than its key`),
            );
            break;
          }
        }
        diagnostics.push(error('yaml-syntax', spanAt(from, to), lowerFirst(message)));
      }
    }
  }
  if (diagnostics.length > 0) return { diagnostics };

  let aliasCount = 0;
  let firstAlias: Node | undefined;
  let unresolved: Alias | undefined;
  // Only a lexeme that starts with * can be an alias: without one, the walk finds none.
  if (lexed.tokens.some((t) => t.charCodeAt(0) === 42)) {
    visit(doc, {
      Alias(_key, node) {
        aliasCount++;
        firstAlias ??= node;
        if (!unresolved && node.resolve(doc) === undefined) unresolved = node;
      },
    });
  }
  if (unresolved) {
    const where = unresolved.range ? spanAt(unresolved.range[0], unresolved.range[1]) : at(1, 1);
    return {
      diagnostics: [error('yaml-syntax', where, `alias '*${unresolved.source}' refers to no anchor`, `define the anchor (&${unresolved.source}) before this alias`)],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const where = firstAlias?.range ? spanAt(firstAlias.range[0], firstAlias.range[1]) : at(1, 1);
    if (e instanceof RangeError) {
      return { diagnostics: [error('yaml-too-deep', where, 'YAML nesting too deep to convert', 'a schema needs only a few levels; flatten the document')] };
    }
    return {
      diagnostics: [
        error(
          aliasCount > 0 ? 'yaml-alias-bomb' : 'yaml-syntax',
          where,
          aliasCount > 0 ? `aliases expand beyond the limit of ${MAX_ALIAS_COUNT} nodes` : lowerFirst(firstLine((e as Error).message)),
          aliasCount > 0 ? 'write the repeated content out, or use fewer aliases' : undefined,
        ),
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const node = doc.contents;
    const empty = node === null || (isScalar(node) && node.value === null && node.source === '');
    const where = !empty && node?.range ? spanAt(node.range[0], node.range[1]) : at(1, 1);
    const what = empty ? 'the document is empty' : Array.isArray(data) ? 'the document is a list' : 'the document is a single value';
    return {
      diagnostics: [error('not-a-mapping', where, `${what}; a schema is a mapping of keys (schema, spdx, title, doc, ...)`, 'start from an existing file in schemas/')],
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
    if (!range) return { ...at(1, 1), path };
    // A block scalar's range covers several lines: the span points at its first line and says where it ends.
    return { ...spanAt(range[0], range[1]), path };
  };

  return { file: { path, text, data, spanOf }, diagnostics: [] };
}

/**
 * yaml's parseDocument, on the lexemes scan() kept: the text is lexed once,
 * not once by scan() and again by the parser (lexing was a fifth of a cold
 * `gen`). The same steps as parseDocument: a Parser fed one lexeme at a
 * time, a Composer over its tokens, a second document reported as
 * MULTIPLE_DOCS on the first.
 */
export function parseTokens(tokens: readonly string[], length: number, options: ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter }): Document.Parsed {
  const parser = new Parser(options.lineCounter.addNewLine);
  options.lineCounter.addNewLine(0);
  // The CST tokens in an array, not a generator over the parser's: one layer of generators less per token.
  const cst: CST.Token[] = [];
  for (const lexeme of tokens) for (const token of parser.next(lexeme)) cst.push(token);
  for (const token of parser.end()) cst.push(token);
  const composer = new Composer(options);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(cst, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(..., forceDoc = true) yields a document for any input, an empty one included.
  return doc!;
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}

/** The repeated key whose node starts at `offset`, and where the key was first used. */
function duplicateKeyAt(doc: Document.Parsed, offset: number): { key: string; range: [number, number, number]; first: number } | undefined {
  let found: { key: string; range: [number, number, number]; first: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      if (found) return visit.BREAK;
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const value = pair.key.value;
        const first = seen.get(value);
        if (first !== undefined && pair.key.range[0] === offset) {
          found = { key: String(value), range: pair.key.range, first };
          return visit.BREAK;
        }
        if (first === undefined) seen.set(value, pair.key.range[0]);
      }
      return undefined;
    },
  });
  return found;
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

/** What a pass of the YAML lexer (which does not recurse) learns before parsing. */
interface LexScan {
  /** Nesting beyond the limits: where, and how to say it. */
  readonly tooDeep?: { offset: number; message: string };
  /** Offsets of '[' and '{' that the lexer had to close at a less indented line. */
  readonly unclosedFlow: number[];
  /** Offset of each quoted scalar that has no closing quote, and its end. */
  readonly unclosedQuotes: { start: number; end: number; quote: string }[];
  /** Every lexeme, for the parser (parseTokens). */
  readonly tokens: string[];
}

/** Zero-width tokens the lexer inserts: document start, forced flow end, scalar start. */
function isLexerMark(token: string): boolean {
  if (token.length !== 1) return false;
  const c = token.charCodeAt(0);
  return c === 0x02 || c === 0x18 || c === 0x1f;
}

/** Only spaces and tabs (or nothing): what the lexer yields for indentation and the gaps between tokens. */
function isBlank(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/**
 * Flow collections nest without indentation, so bound them by bracket depth,
 * and block collections by the column they reach (each level of nesting,
 * `- - -` on one line included, moves at least one column right).
 * The YAML parser recurses, so this runs on the lexer, which does not.
 */
function scan(text: string): LexScan {
  const unclosedFlow: number[] = [];
  const unclosedQuotes: LexScan['unclosedQuotes'] = [];
  const flow: number[] = [];
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let scalarNext = false;
  const tokens: string[] = [];
  for (const token of new Lexer().lex(text)) {
    tokens.push(token);
    if (isLexerMark(token)) {
      if (token === '\u0018') {
        unclosedFlow.push(...flow);
        flow.length = 0;
      }
      scalarNext = token === '\u001f';
      continue;
    }
    const start = offset;
    offset += token.length;
    const isScalar = scalarNext;
    scalarNext = false;
    const c = token[0];
    // Quoted scalars come without the scalar mark; plain and block ones after it.
    if (!isScalar && (c === '"' || c === "'") && !quoteClosed(token)) unclosedQuotes.push({ start, end: offset, quote: c });
    if (!isScalar && (token === '[' || token === '{')) {
      flow.push(start);
      if (flow.length > MAX_DEPTH) {
        return { tooDeep: { offset: start, message: `YAML nesting too deep: more than ${MAX_DEPTH} flow collections ([ or {) inside each other` }, unclosedFlow, unclosedQuotes, tokens };
      }
    } else if (!isScalar && (token === ']' || token === '}')) flow.pop();
    const nl = token.lastIndexOf('\n');
    const blank = isBlank(token);
    if (!isScalar && blank && nl < 0) continue; // indentation and spaces between tokens
    if (flow.length === 0 && !(isScalar === false && token.startsWith('#')) && (atLineStart || token === '-' || token === '?')) {
      const col = start - lineStart;
      if (col > MAX_DEPTH * 4) {
        return { tooDeep: { offset: start, message: `YAML nesting too deep: nested content reaches column ${col + 1}; the limit is column ${MAX_DEPTH * 4}` }, unclosedFlow, unclosedQuotes, tokens };
      }
    }
    atLineStart = false;
    if (nl >= 0) {
      lineStart = start + nl + 1;
      atLineStart = true;
    }
  }
  unclosedFlow.push(...flow);
  return { unclosedFlow, unclosedQuotes, tokens };
}

function quoteClosed(token: string): boolean {
  const q = token[0]!;
  const body = token.trimEnd();
  if (body.length < 2 || !body.endsWith(q)) return false;
  if (q === '"') {
    let backslashes = 0;
    for (let i = body.length - 2; i > 0 && body[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
  }
  let quotes = 0;
  for (let i = body.length - 1; i > 0 && body[i] === "'"; i--) quotes++;
  return quotes % 2 === 1;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    let n: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return undefined;
}

/** Line and column (in characters) of a byte offset that starts a line's invalid tail. */
function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1 };
}
