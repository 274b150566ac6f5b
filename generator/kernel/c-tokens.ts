/**
 * C source as the comparisons see it: comments gone, line continuations
 * joined, every token separated by one space. Two headers that differ only
 * in comments, indentation, line breaks or spacing normalise to the same
 * lines, which is what "the same code" means for `gen --check --out` and
 * for counting how far a generated header is from a kernel tree's.
 */

export interface CToken {
  readonly text: string;
  /** 1-based line of the token in the original text. */
  readonly line: number;
}

const PUNCT3 = ['<<=', '>>=', '...'];
const PUNCT2 = ['->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##'];

/**
 * Tokens of one logical source line each: a preprocessor directive (with its
 * continuations) is one line; other code is cut after `;`, `{` and `}` so
 * that where a declaration breaks its lines does not matter.
 */
export function normalizedLines(source: string): string[] {
  const lines: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length) lines.push(current.join(' '));
    current = [];
  };
  for (const group of logicalGroups(source)) {
    if (group.directive) {
      flush();
      lines.push(group.tokens.map((t) => t.text).join(' '));
      continue;
    }
    for (const t of group.tokens) {
      current.push(t.text);
      if (t.text === ';' || t.text === '{' || t.text === '}') flush();
    }
  }
  flush();
  // A lone `}` followed by `__packed;` or a declarator reads better joined with it.
  const joined: string[] = [];
  for (const l of lines) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && prev.endsWith('}') && !prev.startsWith('#') && !l.startsWith('#') && /^[A-Za-z_;]/.test(l) && !/^(struct|union|enum|static|typedef|#)/.test(l)) {
      joined[joined.length - 1] = `${prev} ${l}`;
    } else joined.push(l);
  }
  return joined;
}

interface Group {
  readonly directive: boolean;
  readonly tokens: CToken[];
}

/** Splits source into preprocessor directives and runs of ordinary code, tokenised, comments dropped. */
export function logicalGroups(source: string): Group[] {
  const groups: Group[] = [];
  let code: CToken[] = [];
  let i = 0;
  let line = 1;
  let atLineStart = true;
  let directive: CToken[] | undefined;
  const n = source.length;
  const push = (t: CToken): void => {
    (directive ?? code).push(t);
  };
  const endDirective = (): void => {
    if (directive) {
      groups.push({ directive: true, tokens: directive });
      directive = undefined;
    }
  };
  while (i < n) {
    const c = source[i]!;
    if (c === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\' && source[i + 1] === '\r' && source[i + 2] === '\n') {
      i += 3;
      line++;
      continue;
    }
    if (c === '\n') {
      endDirective();
      i++;
      line++;
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '#' && atLineStart && !directive) {
      if (code.length) {
        groups.push({ directive: false, tokens: code });
        code = [];
      }
      directive = [];
      directive.push({ text: '#', line });
      i++;
      atLineStart = false;
      continue;
    }
    atLineStart = false;
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < n && /[A-Za-z0-9_]/.test(source[i]!)) i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      while (i < n && /[A-Za-z0-9_.]/.test(source[i]!)) i++;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      i++;
    } else {
      const three = source.slice(i, i + 3);
      const two = source.slice(i, i + 2);
      i += PUNCT3.includes(three) ? 3 : PUNCT2.includes(two) ? 2 : 1;
    }
    push({ text: source.slice(start, Math.min(i, n)), line });
  }
  endDirective();
  if (code.length) groups.push({ directive: false, tokens: code });
  return groups;
}

/** What a header declares at file scope, by name: the macros it defines, its structs, unions and enums. */
export interface Declared {
  readonly macros: readonly { readonly name: string; readonly functionLike: boolean; readonly line: number }[];
  readonly structs: readonly { readonly name: string; readonly line: number }[];
  readonly enums: readonly { readonly name: string; readonly line: number }[];
  readonly includes: readonly string[];
}

export function declaredNames(source: string): Declared {
  const macros: { name: string; functionLike: boolean; line: number }[] = [];
  const structs: { name: string; line: number }[] = [];
  const enums: { name: string; line: number }[] = [];
  const includes: string[] = [];
  const guard = includeGuardOf(source);
  for (const g of logicalGroups(source)) {
    const t = g.tokens;
    if (g.directive) {
      if (t[1]?.text === 'define' && t[2] && t[2].text !== guard) {
        // Function-like only when '(' follows the name with no space; the tokens lost the spacing, so look at the source line.
        const functionLike = new RegExp(`#\\s*define\\s+${t[2].text}\\(`).test(source.split('\n')[t[0]!.line - 1] ?? '');
        macros.push({ name: t[2].text, functionLike, line: t[2].line });
      }
      if (t[1]?.text === 'include' && t[2]) includes.push(t.slice(2).map((x) => x.text).join(''));
      continue;
    }
    let depth = 0;
    for (let k = 0; k < t.length; k++) {
      const x = t[k]!.text;
      if (x === '{') depth++;
      else if (x === '}') depth--;
      else if (depth === 0 && (x === 'struct' || x === 'union' || x === 'enum') && /^[A-Za-z_]/.test(t[k + 1]?.text ?? '') && t[k + 2]?.text === '{') {
        (x === 'enum' ? enums : structs).push({ name: t[k + 1]!.text, line: t[k + 1]!.line });
      }
    }
  }
  return { macros, structs, enums, includes };
}

/** The macro of a classic `#ifndef X / #define X` include guard, if the header has one. */
export function includeGuardOf(source: string): string | undefined {
  const directives = logicalGroups(source).filter((g) => g.directive);
  const first = directives[0]?.tokens;
  const second = directives[1]?.tokens;
  if (first?.[1]?.text === 'ifndef' && second?.[1]?.text === 'define' && first[2]?.text === second[2]?.text) return first[2]!.text;
  return undefined;
}
