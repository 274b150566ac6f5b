/**
 * The constant expressions schemas use for array sizes, constants, enum
 * values and assertions: a small subset of C, parsed once with positions so
 * that an error can point into the YAML scalar, and kept as written so the
 * C header shows the expression the author wrote.
 */

/**
 * Every node keeps where it was written (pos, len: into the expression's
 * text) and how many pairs of parentheses the author put around it, so that
 * printExpr() gives back the kernel's spelling token for token.
 */
interface ExprNode {
  readonly pos: number;
  readonly len: number;
  /** Pairs of parentheses written around this node. */
  readonly parens?: number;
}

export type Expr =
  | (ExprNode & { readonly kind: 'num'; readonly value: bigint; /** The literal as written: 0x1000, 1UL. */ readonly literal: string })
  | (ExprNode & { readonly kind: 'name'; readonly name: string })
  | (ExprNode & { readonly kind: 'unary'; readonly op: string; readonly arg: Expr })
  | (ExprNode & { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr })
  | (ExprNode & { readonly kind: 'cond'; readonly test: Expr; readonly then: Expr; readonly else: Expr })
  | (ExprNode & { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] })
  | (ExprNode & { readonly kind: 'sizeof'; readonly of: SizeofTarget });

export type SizeofTarget =
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'type'; readonly name: string }
  | { readonly kind: 'name'; readonly name: string };

/** Functions an expression may call, with their arity and the kernel header defining them. */
export const FUNCTIONS: Readonly<Record<string, { arity: number; header: string }>> = {
  BIT: { arity: 1, header: 'linux/bits.h' },
  BIT_ULL: { arity: 1, header: 'linux/bits.h' },
  GENMASK: { arity: 2, header: 'linux/bits.h' },
  GENMASK_ULL: { arity: 2, header: 'linux/bits.h' },
  ALIGN: { arity: 2, header: 'linux/align.h' },
  DIV_ROUND_UP: { arity: 2, header: 'linux/math.h' },
  BITS_TO_LONGS: { arity: 1, header: 'linux/bitops.h' },
  const_ilog2: { arity: 1, header: 'linux/log2.h' },
};

/** Target parameters usable in any expression, and the header that defines them. */
export const TARGET_NAMES: Readonly<Record<string, string>> = { PAGE_SIZE: 'asm/page.h', PAGE_SHIFT: 'asm/page.h' };

/** Types sizeof() accepts besides structs. */
export const SIZEOF_TYPES: Readonly<Record<string, number>> = {
  u8: 1, u16: 2, u32: 4, u64: 8, s8: 1, s16: 2, s32: 4, s64: 8, char: 1,
  phys_addr_t: 8, 'unsigned long': 8, long: 8, int: 4,
};

export class ExprError extends Error {
  constructor(message: string, readonly pos: number, readonly len: number) {
    super(message);
  }
}

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5,
  '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

interface Token { readonly kind: 'num' | 'id' | 'op' | 'end'; readonly text: string; readonly pos: number; readonly value?: bigint }

const MAX_EXPR_LENGTH = 1000;
const MAX_NESTING = 64;

function tokenize(src: string): Token[] {
  if (src.length > MAX_EXPR_LENGTH) throw new ExprError(`expression longer than ${MAX_EXPR_LENGTH} characters`, 0, 1);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uU]?[lL]{0,2}|[lL]{1,2}[uU]?)(?![A-Za-z0-9_])/.exec(src.slice(i));
    if (num) {
      const digits = num[1]!;
      let value: bigint;
      if (/^0[0-7]+$/.test(digits)) value = BigInt('0o' + digits.slice(1));
      else value = BigInt(digits);
      tokens.push({ kind: 'num', text: num[0], pos: i, value });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { tokens.push({ kind: 'id', text: id[0], pos: i }); i += id[0].length; continue; }
    const op = /^(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!()<>?:,])/.exec(src.slice(i));
    if (op) { tokens.push({ kind: 'op', text: op[0], pos: i }); i += op[0].length; continue; }
    throw new ExprError(`unexpected character '${c}' in expression`, i, 1);
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

/** Parses a C constant expression; throws ExprError with a position into `src`. */
export function parseExpr(src: string): Expr {
  const tokens = tokenize(src);
  let k = 0;
  let depth = 0;
  const peek = (): Token => tokens[k]!;
  const next = (): Token => tokens[k++]!;
  const expectOp = (text: string): Token => {
    const t = next();
    if (t.kind !== 'op' || t.text !== text) throw new ExprError(`expected '${text}'${t.kind === 'end' ? ' before the end of the expression' : ` but found '${t.text}'`}`, t.pos, Math.max(1, t.text.length));
    return t;
  };
  const span = (start: number): { pos: number; len: number } => {
    const prev = tokens[k - 1]!;
    return { pos: start, len: Math.max(1, prev.pos + prev.text.length - start) };
  };

  function primary(): Expr {
    if (++depth > MAX_NESTING) throw new ExprError(`expression nested deeper than ${MAX_NESTING} levels`, peek().pos, 1);
    try {
      const t = next();
      if (t.kind === 'num') return { kind: 'num', value: t.value!, literal: t.text, ...span(t.pos) };
      if (t.kind === 'op' && t.text === '(') {
        const inner = conditional();
        expectOp(')');
        return { ...inner, parens: (inner.parens ?? 0) + 1 };
      }
      if (t.kind === 'op' && ['-', '~', '!', '+'].includes(t.text)) {
        const arg = primary();
        return { kind: 'unary', op: t.text, arg, ...span(t.pos) };
      }
      if (t.kind === 'id' && t.text === 'sizeof') {
        expectOp('(');
        const a = next();
        if (a.kind !== 'id') throw new ExprError('sizeof() takes a type, struct name or string constant', a.pos, Math.max(1, a.text.length));
        let of: SizeofTarget;
        if (a.text === 'struct') {
          const n = next();
          if (n.kind !== 'id') throw new ExprError("expected a struct name after 'struct'", n.pos, Math.max(1, n.text.length));
          of = { kind: 'struct', name: n.text };
        } else if (a.text === 'unsigned' && peek().kind === 'id' && peek().text === 'long') {
          next();
          of = { kind: 'type', name: 'unsigned long' };
        } else if (a.text in SIZEOF_TYPES) of = { kind: 'type', name: a.text };
        else of = { kind: 'name', name: a.text };
        expectOp(')');
        return { kind: 'sizeof', of, ...span(t.pos) };
      }
      if (t.kind === 'id') {
        if (peek().kind === 'op' && peek().text === '(') {
          next();
          const args: Expr[] = [];
          if (!(peek().kind === 'op' && peek().text === ')')) {
            for (;;) {
              args.push(conditional());
              if (peek().kind === 'op' && peek().text === ',') { next(); continue; }
              break;
            }
          }
          expectOp(')');
          return { kind: 'call', fn: t.text, args, ...span(t.pos) };
        }
        return { kind: 'name', name: t.text, ...span(t.pos) };
      }
      throw new ExprError(t.kind === 'end' ? 'expression ends too early' : `unexpected '${t.text}'`, t.pos, Math.max(1, t.text.length));
    } finally {
      depth--;
    }
  }

  function binary(minPrec: number): Expr {
    let left = primary();
    for (;;) {
      const t = peek();
      const prec = t.kind === 'op' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      next();
      const right = binary(prec + 1);
      left = { kind: 'binary', op: t.text, left, right, pos: left.pos, len: right.pos + right.len - left.pos };
    }
  }

  function conditional(): Expr {
    const test = binary(1);
    if (peek().kind === 'op' && peek().text === '?') {
      next();
      const then = conditional();
      expectOp(':');
      const otherwise = conditional();
      return { kind: 'cond', test, then, else: otherwise, pos: test.pos, len: otherwise.pos + otherwise.len - test.pos };
    }
    return test;
  }

  const e = conditional();
  const t = peek();
  if (t.kind !== 'end') throw new ExprError(`unexpected '${t.text}' after the expression`, t.pos, Math.max(1, t.text.length));
  return e;
}

/**
 * The C spelling of an expression: the author's literals, names and
 * parentheses, with kernel spacing (spaces around binary operators, none
 * inside calls). Parsing the result gives the same tree.
 */
export function printExpr(e: Expr): string {
  const open = '('.repeat(e.parens ?? 0);
  const close = ')'.repeat(e.parens ?? 0);
  return open + printBare(e) + close;
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.literal;
    case 'name':
      return e.name;
    case 'unary':
      return e.op + printExpr(e.arg);
    case 'binary':
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case 'cond':
      return `${printExpr(e.test)} ? ${printExpr(e.then)} : ${printExpr(e.else)}`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'sizeof':
      return `sizeof(${e.of.kind === 'struct' ? `struct ${e.of.name}` : e.of.name})`;
  }
}

/** Every name, function and struct an expression mentions, for resolution and includes. */
export function exprReferences(e: Expr): { names: Expr[]; calls: Expr[]; structs: Expr[]; sizeofNames: Expr[] } {
  const out = { names: [] as Expr[], calls: [] as Expr[], structs: [] as Expr[], sizeofNames: [] as Expr[] };
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case 'num': return;
      case 'name': out.names.push(x); return;
      case 'unary': walk(x.arg); return;
      case 'binary': walk(x.left); walk(x.right); return;
      case 'cond': walk(x.test); walk(x.then); walk(x.else); return;
      case 'call': out.calls.push(x); x.args.forEach(walk); return;
      case 'sizeof':
        if (x.of.kind === 'struct') out.structs.push(x);
        else if (x.of.kind === 'name') out.sizeofNames.push(x);
    }
  };
  walk(e);
  return out;
}

export interface EvalEnv {
  /** A number, or a string constant (only sizeof() may use those), or undefined when unknown. */
  name(name: string): bigint | string | undefined;
  sizeofStruct(name: string): bigint;
}

const U64_MAX = (1n << 64n) - 1n;
const S64_MIN = -(1n << 63n);

/** Evaluates with exact integers; results must fit in 64 bits as C's would. */
export function evaluate(e: Expr, env: EvalEnv): bigint {
  const fail = (msg: string, at: Expr = e): never => { throw new ExprError(msg, at.pos, at.len); };
  const check = (v: bigint, at: Expr): bigint => (v > U64_MAX || v < S64_MIN ? fail('value does not fit in 64 bits', at) : v);
  switch (e.kind) {
    case 'num': return check(e.value, e);
    case 'name': {
      const v = env.name(e.name);
      if (v === undefined) return fail(`unknown name '${e.name}'`);
      if (typeof v === 'string') return fail(`'${e.name}' is a string; only sizeof(${e.name}) can use it in an expression`);
      return v;
    }
    case 'unary': {
      const a = evaluate(e.arg, env);
      if (e.op === '-') return check(-a, e);
      if (e.op === '+') return a;
      if (e.op === '!') return a === 0n ? 1n : 0n;
      return BigInt.asUintN(64, ~a);
    }
    case 'binary': {
      if (e.op === '&&') return evaluate(e.left, env) !== 0n && evaluate(e.right, env) !== 0n ? 1n : 0n;
      if (e.op === '||') return evaluate(e.left, env) !== 0n || evaluate(e.right, env) !== 0n ? 1n : 0n;
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      switch (e.op) {
        case '+': return check(a + b, e);
        case '-': return check(a - b, e);
        case '*': return check(a * b, e);
        case '/': return b === 0n ? fail('division by zero', e.right) : a / b;
        case '%': return b === 0n ? fail('division by zero', e.right) : a % b;
        case '<<': return b < 0n || b > 63n ? fail(`shift by ${b} is out of range 0..63`, e.right) : check(a << b, e);
        case '>>': return b < 0n || b > 63n ? fail(`shift by ${b} is out of range 0..63`, e.right) : a >> b;
        case '&': return BigInt.asUintN(64, a) & BigInt.asUintN(64, b);
        case '|': return BigInt.asUintN(64, a) | BigInt.asUintN(64, b);
        case '^': return BigInt.asUintN(64, a) ^ BigInt.asUintN(64, b);
        case '==': return a === b ? 1n : 0n;
        case '!=': return a !== b ? 1n : 0n;
        case '<': return a < b ? 1n : 0n;
        case '<=': return a <= b ? 1n : 0n;
        case '>': return a > b ? 1n : 0n;
        case '>=': return a >= b ? 1n : 0n;
      }
      return fail(`unknown operator '${e.op}'`);
    }
    case 'cond': return evaluate(e.test, env) !== 0n ? evaluate(e.then, env) : evaluate(e.else, env);
    case 'sizeof': {
      if (e.of.kind === 'struct') return env.sizeofStruct(e.of.name);
      if (e.of.kind === 'type') return BigInt(SIZEOF_TYPES[e.of.name]!);
      const v = env.name(e.of.name);
      if (v === undefined) return fail(`unknown name '${e.of.name}'`);
      if (typeof v === 'string') return BigInt(Buffer.byteLength(v, 'utf8') + 1);
      return 8n; // a numeric macro is an unsigned long at most in these headers
    }
    case 'call': {
      const spec = FUNCTIONS[e.fn];
      if (!spec) return fail(`unknown function '${e.fn}'; known: ${Object.keys(FUNCTIONS).join(', ')}`);
      if (e.args.length !== spec.arity) return fail(`${e.fn}() takes ${spec.arity} argument${spec.arity === 1 ? '' : 's'}, not ${e.args.length}`);
      const args = e.args.map((a) => evaluate(a, env));
      const [a = 0n, b = 0n] = args;
      switch (e.fn) {
        case 'BIT':
        case 'BIT_ULL':
          return a < 0n || a > 63n ? fail(`${e.fn}(${a}) is out of range 0..63`) : 1n << a;
        case 'GENMASK':
        case 'GENMASK_ULL':
          if (a > 63n || b < 0n || b > a) return fail(`${e.fn}(${a}, ${b}) needs 63 >= high >= low >= 0`);
          return ((1n << (a - b + 1n)) - 1n) << b;
        case 'ALIGN':
          if (b <= 0n || (b & (b - 1n)) !== 0n) return fail(`ALIGN() needs a power-of-two alignment, not ${b}`, e.args[1]);
          return check(((a + b - 1n) / b) * b, e);
        case 'DIV_ROUND_UP':
          return b <= 0n ? fail('DIV_ROUND_UP() by zero or a negative number', e.args[1]) : (a + b - 1n) / b;
        case 'BITS_TO_LONGS':
          return (a + 63n) / 64n;
        case 'const_ilog2': {
          if (a <= 0n) return fail(`const_ilog2(${a}) is undefined`);
          return BigInt(a.toString(2).length - 1);
        }
      }
      return fail(`unknown function '${e.fn}'`);
    }
  }
}
