/**
 * The one TypeScript printer: a generated-file object that collects code
 * fragments, learns its imports from the symbols the fragments use, and
 * prints formatted code itself (2-space indent, single quotes, lines of at
 * most WIDTH where a list can break), so no formatter runs after it.
 *
 * Emitters build fragments with the `ts` tag (text and symbols), `list` and
 * `call` (comma lists that break one item a line when the line is too long)
 * and `block` (a braced statement body); `TsFile.add` appends one top-level
 * declaration; `TsFile.toString` prints banner, imports and declarations.
 */

/** Line width at which comma lists break. */
export const WIDTH = 120;
const INDENT = '  ';

/** A name some module exports; using it in a fragment is what imports it. */
export interface TsSymbol {
  readonly kind: 'symbol';
  readonly name: string;
  /** The module specifier it is imported from. */
  readonly from: string;
  /** Used only in type positions: imported with `type`. */
  readonly typeOnly: boolean;
}

interface ListDoc {
  readonly kind: 'list';
  readonly open: string;
  readonly items: readonly Doc[];
  readonly close: string;
  /** What separates items: `,` (a trailing one when broken) or an operator such as ` ||`. */
  readonly sep: string;
}

interface CommentDoc {
  readonly kind: 'comment';
  readonly text: string;
}

interface BlockDoc {
  readonly kind: 'block';
  readonly head: Doc;
  readonly body: readonly Doc[];
  /** `} else {`, `} catch (e) {`: a block that continues on the closing line. */
  readonly next?: BlockDoc;
  /** Text after the closing brace (`;`, `,`). */
  readonly tail?: string;
  /** `{}` (a body of statements or members) or `[]` (an array literal, one element a line). */
  readonly brackets?: '{}' | '[]';
}

/** A code fragment: text, a symbol, a breakable list, a block, or a sequence of them. */
export type Doc = string | TsSymbol | ListDoc | BlockDoc | CommentDoc | readonly Doc[];

export function symbol(name: string, from: string, typeOnly = false): TsSymbol {
  return { kind: 'symbol', name, from, typeOnly };
}

/** The same symbol used as a type. */
export function typeOf(s: TsSymbol): TsSymbol {
  return s.typeOnly ? s : { ...s, typeOnly: true };
}

/** Text and fragments in order: ts`${fn}(${args});`. */
export function ts(strings: TemplateStringsArray, ...parts: Doc[]): Doc[] {
  const out: Doc[] = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i < parts.length) out.push(parts[i]!);
  });
  return out;
}

/** `open a, b close` on one line if it fits, else one item a line with a trailing comma. */
export function list(open: string, items: readonly Doc[], close: string): ListDoc {
  return { kind: 'list', open, items, close, sep: ',' };
}

/** `(a || b)`: operands that break one a line, the operator ending each line but the last. */
export function operands(op: string, items: readonly Doc[]): ListDoc {
  return { kind: 'list', open: '(', items, close: ')', sep: ` ${op}` };
}

/** `callee(args)`, the arguments breaking as a list. */
export function call(callee: Doc, args: readonly Doc[]): Doc[] {
  return [callee, list('(', args, ')')];
}

/** An object literal `{ a: 1, b: 2 }` that breaks as a list. */
export function object(entries: readonly Doc[]): ListDoc {
  return entries.length ? list('{ ', entries, ' }') : list('{', [], '}');
}

/** `head { body }`, each statement of the body on its own line; '' in the body is a blank line. */
export function block(head: Doc, body: readonly Doc[], opts: { next?: BlockDoc; tail?: string; brackets?: '{}' | '[]' } = {}): BlockDoc {
  return { kind: 'block', head, body, ...opts };
}

/** A JSDoc comment of one paragraph, wrapped at WIDTH; `*\/` in the text cannot end it early. */
export function jsdoc(text: string): CommentDoc {
  return { kind: 'comment', text: text.replace(/\*\//g, '* /') };
}

/** A comment's lines at an indentation: one line if it fits, else ` * ` lines of whole words. */
function commentLines(text: string, indent: string): string[] {
  const one = `${indent}/** ${text} */`;
  if (one.length <= WIDTH) return [one];
  const out = [`${indent}/**`];
  let line = `${indent} *`;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + 1 + word.length > WIDTH && line !== `${indent} *`) {
      out.push(line);
      line = `${indent} *`;
    }
    line += ` ${word}`;
  }
  out.push(line, `${indent} */`);
  return out;
}

/** Whether a string holds a quote, a backslash or a character outside printable ASCII. */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x27 || c === 0x5c) return true;
  }
  return false;
}

/** A single-quoted TypeScript string literal. */
export function tsString(s: string): string {
  // Most strings need no escape: skip the two replacements for them.
  if (!needsEscape(s)) return `'${s}'`;
  return `'${s.replace(/[\\']/g, (c) => '\\' + c).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/**
 * A fragment's width printed flat, up to its first forced line break, as
 * one number (measuring runs for every list and sequence printed, so it
 * allocates nothing): the width, or -width - 1 when a break is forced.
 */
type Measure = number;
const hardAt = (width: number): Measure => -width - 1;
const isHard = (m: Measure): boolean => m < 0;
const widthOf = (m: Measure): number => (m < 0 ? -m - 1 : m);

function measure(d: Doc): Measure {
  if (typeof d === 'string') return d.length;
  if (Array.isArray(d)) {
    let width = 0;
    for (const x of d as readonly Doc[]) {
      const m = measure(x);
      width += widthOf(m);
      if (isHard(m)) return hardAt(width);
    }
    return width;
  }
  const n = d as TsSymbol | ListDoc | BlockDoc | CommentDoc;
  switch (n.kind) {
    case 'symbol':
      return n.name.length;
    case 'comment':
      return hardAt(n.text.length + 7);
    case 'list': {
      let width = n.open.length;
      for (let i = 0; i < n.items.length; i++) {
        const m = measure(n.items[i]!);
        width += widthOf(m) + (i ? n.sep.length + 1 : 0);
        if (isHard(m)) return hardAt(width);
      }
      return width + n.close.length;
    }
    case 'block':
      return hardAt(widthOf(measure(n.head)) + 2);
  }
}

/**
 * Width of what follows each fragment of a sequence on its line: the
 * siblings after it up to a forced break, plus `rest`, what follows the
 * sequence. One pass from the end, each sibling measured once.
 */
function widthsAfter(items: readonly Doc[], rest: number): number[] {
  const after = new Array<number>(items.length);
  let width = rest;
  for (let j = items.length - 1; j >= 0; j--) {
    after[j] = width;
    const m = measure(items[j]!);
    width = isHard(m) ? widthOf(m) : widthOf(m) + width;
  }
  return after;
}

/** One statement, possibly over several lines (blocks and broken lists). */
function printOne(d: Doc, depth: number): string[] {
  const p = new BlockPrinter(depth);
  p.statement(d);
  return p.lines;
}

/**
 * A simple recursive printer: statements at a depth, blocks recurse into
 * their body one level deeper, lists break against WIDTH.
 */
class BlockPrinter {
  readonly lines: string[] = [];
  private line: string;

  constructor(private depth: number) {
    this.line = INDENT.repeat(depth);
  }

  statement(d: Doc): void {
    if (d === '') {
      this.lines.push('');
      return;
    }
    this.doc(d, 0);
    this.flush();
  }

  private flush(): void {
    this.lines.push(this.line.trimEnd());
    this.line = INDENT.repeat(this.depth);
  }

  private doc(d: Doc, rest: number): void {
    if (typeof d === 'string') {
      this.line += d;
      return;
    }
    if (Array.isArray(d)) {
      const items = d as readonly Doc[];
      const after = widthsAfter(items, rest);
      items.forEach((x, i) => this.doc(x, after[i]!));
      return;
    }
    const n = d as TsSymbol | ListDoc | BlockDoc | CommentDoc;
    switch (n.kind) {
      case 'symbol':
        this.line += n.name;
        return;
      case 'comment': {
        // A comment is a statement of its own: the line holds only the indentation.
        const lines = commentLines(n.text, this.line);
        this.lines.push(...lines.slice(0, -1));
        this.line = lines[lines.length - 1]!;
        return;
      }
      case 'list': {
        const m = measure(n);
        if (!isHard(m) && this.line.length + m + rest <= WIDTH) {
          this.line += n.open;
          n.items.forEach((x, i) => {
            if (i) this.line += `${n.sep} `;
            this.doc(x, 0);
          });
          this.line += n.close;
          return;
        }
        this.line += n.open.trimEnd();
        this.depth++;
        n.items.forEach((x, i) => {
          this.flush();
          this.doc(x, n.sep.length);
          if (n.sep === ',' || i < n.items.length - 1) this.line += n.sep;
        });
        this.depth--;
        this.flush();
        this.line += n.close.trimStart();
        return;
      }
      case 'block': {
        for (let b: BlockDoc | undefined = n, first = true; b; b = b.next, first = false) {
          if (!first) this.line += ' ';
          const head = widthOf(measure(b.head));
          this.doc(b.head, 2);
          const [open, close] = b.brackets ?? '{}';
          this.line += head ? ` ${open}` : open;
          if (b.body.length) {
            this.depth++;
            for (const s of b.body) {
              this.flush();
              if (s === '') {
                this.line = '';
                continue;
              }
              this.doc(s, 0);
            }
            this.depth--;
            this.flush();
          }
          this.line += close;
        }
        this.line += n.tail ?? '';
        return;
      }
    }
  }
}

/** Every symbol a fragment uses. */
function collectSymbols(d: Doc, out: TsSymbol[]): void {
  if (typeof d === 'string') return;
  if (Array.isArray(d)) {
    for (const x of d as readonly Doc[]) collectSymbols(x, out);
    return;
  }
  const n = d as TsSymbol | ListDoc | BlockDoc | CommentDoc;
  switch (n.kind) {
    case 'symbol':
      out.push(n);
      return;
    case 'comment':
      return;
    case 'list':
      n.items.forEach((x) => collectSymbols(x, out));
      return;
    case 'block':
      for (let b: BlockDoc | undefined = n; b; b = b.next) {
        collectSymbols(b.head, out);
        b.body.forEach((x) => collectSymbols(x, out));
      }
      return;
  }
}

/** Orders names as a reader scans them: case-insensitively, then by code unit, never by locale. */
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** One generated TypeScript module. */
export class TsFile {
  private readonly decls: Doc[][] = [];
  private readonly reexports: string[] = [];

  /**
   * @param specifier how other generated modules import this one (`./memfd.js`): its own symbols are never imported.
   * @param banner comment lines printed first.
   */
  constructor(
    readonly specifier: string,
    private readonly banner: readonly string[],
  ) {}

  /** One top-level declaration: its statements (a JSDoc line, then the code), set off by a blank line. */
  add(...stmts: Doc[]): void {
    this.decls.push(stmts);
  }

  /** `export * from 'spec';` */
  exportAll(spec: string): void {
    this.reexports.push(spec);
  }

  toString(): string {
    const used: TsSymbol[] = [];
    for (const d of this.decls) collectSymbols(d, used);
    // By module: a name used as a value anywhere is a value import.
    const byModule = new Map<string, Map<string, boolean>>();
    for (const s of used) {
      if (s.from === this.specifier) continue;
      const names = byModule.get(s.from) ?? new Map<string, boolean>();
      names.set(s.name, (names.get(s.name) ?? true) && s.typeOnly);
      byModule.set(s.from, names);
    }
    // Packages and parent folders first, then sibling modules, each group by specifier.
    const local = (m: string): boolean => m.startsWith('./');
    const modules = [...byModule.keys()].sort((a, b) => (local(a) !== local(b) ? (local(a) ? 1 : -1) : byName(a, b)));
    const out: string[] = this.banner.length ? [...this.banner, ''] : [];
    for (const m of modules) {
      const names = [...byModule.get(m)!].sort(([a], [b]) => byName(a, b)).map(([n, typeOnly]) => (typeOnly ? `type ${n}` : n));
      out.push(...printOne(ts`import ${object(names)} from ${tsString(m)};`, 0));
    }
    for (const r of this.reexports) out.push(`export * from ${tsString(r)};`);
    for (const d of this.decls) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      for (const s of d) out.push(...printOne(s, 0));
    }
    while (out[out.length - 1] === '') out.pop();
    return out.join('\n') + '\n';
  }
}
