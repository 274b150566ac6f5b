/**
 * The pieces every struct codec is made of: DataView reads and writes, the
 * range checks of encode, and what a decoder does with a value the kernel
 * refuses or ignores. Each returns fragments for the printer (ts-file.ts);
 * a runtime helper is a symbol, so using it is what imports it.
 */
import type { FieldIR, ScalarFieldIR, StructIR } from '../layout/ir.js';
import type { CodecNames } from './ts-plan.js';
import { block, call, operands, symbol, ts, tsString, type Doc, type TsSymbol } from './ts-file.js';
import { primIsBig } from './ts-names.js';

/** What every struct emitter gets: the plan and the runtime's symbols. */
export interface Ctx {
  readonly names: ReadonlyMap<string, CodecNames>;
  /** A value the runtime exports. */
  rt(name: string): TsSymbol;
  /** A type the runtime exports. */
  rtType(name: string): TsSymbol;
  /** In a shape's factory (ts-plan.ts Shape): the parameter holding a member's count. */
  readonly countParam?: (member: string) => string;
}

/** A top-level member's count: its number, or in a shape's factory the parameter that holds it. */
export function countOfMember(ctx: Ctx, f: FieldIR & { readonly count: number }): string {
  return ctx.countParam ? ctx.countParam(f.name!) : String(f.count);
}

export function runtimeSymbols(specifier: string): Pick<Ctx, 'rt' | 'rtType'> {
  return { rt: (name) => symbol(name, specifier), rtType: (name) => symbol(name, specifier, true) };
}

export const at = (o: number): string => (o === 0 ? 'offset' : `offset + ${o}`);
export const hex = (n: bigint | number): string => `0x${n.toString(16)}`;

const GET: Record<string, string> = { u8: 'getUint8', u16: 'getUint16', u32: 'getUint32', u64: 'getBigUint64', s8: 'getInt8', s16: 'getInt16', s32: 'getInt32', s64: 'getBigInt64', char: 'getUint8' };
const SET: Record<string, string> = { u8: 'setUint8', u16: 'setUint16', u32: 'setUint32', u64: 'setBigUint64', s8: 'setInt8', s16: 'setInt16', s32: 'setInt32', s64: 'setBigInt64', char: 'setUint8' };
const le = (p: string): string => (p === 'u8' || p === 's8' || p === 'char' ? '' : ', true');

export function readPrim(p: string, off: string, view = 'view'): string {
  return `${view}.${GET[p]}(${off}${le(p)})`;
}

export function writePrim(p: string, off: string, value: Doc, view = 'view'): Doc {
  return call(`${view}.${SET[p]}`, le(p) ? [off, value, 'true'] : [off, value]).concat(';');
}

/**
 * An inline range check whose failure path calls the runtime checker, which
 * builds the located EncodeError: the common case costs a compare or two.
 */
export function inlineCheck(ctx: Ctx, x: string, bits: number, signed: boolean, big: boolean, st: string, field: string, off: string): Doc {
  let cond: string[];
  let fn: string;
  if (big) {
    fn = signed ? 'checkBigInt' : 'checkBigUint';
    // asUintN/asIntN is the cheapest exact range test V8 offers for a bigint.
    cond = [`typeof ${x} !== 'bigint'`, `BigInt.${signed ? 'asIntN' : 'asUintN'}(${bits}, ${x}) !== ${x}`];
  } else if (signed) {
    fn = 'checkInt';
    // typeof first: a bigint must not reach the bit operators, which would throw a TypeError.
    cond = [`typeof ${x} !== 'number'`, `(${x} | 0) !== ${x}`, ...(bits === 32 ? [] : [`${x} < ${-(2 ** (bits - 1))}`, `${x} > ${2 ** (bits - 1) - 1}`])];
  } else {
    fn = 'checkUint';
    cond =
      bits === 32
        ? [`typeof ${x} !== 'number'`, `${x} >>> 0 !== ${x}`]
        : bits < 32
          ? [`typeof ${x} !== 'number'`, `${x} >>> 0 !== ${x}`, `${x} > ${hex(2 ** bits - 1)}`]
          : // Number.isInteger first: it turns away a symbol or a bigint before a compare could throw a TypeError.
            [`!(Number.isInteger(${x}) && ${x} >= 0 && ${x} <= ${2 ** bits - 1})`];
  }
  return block(['if ', operands('||', cond)], [[...call(ctx.rt(fn), [x, String(bits), tsString(st), tsString(field), off]), ';']]);
}

/**
 * What a decoder does with a value its check refuses: throw, as the kernel
 * refuses it too; or, where the kernel ignores it, a warning (an error with
 * opts.strict), citing the kernel function.
 */
export function onAnomaly(kernel: FieldIR['kernel'], error: Doc, code: string, ctx: Ctx): Doc {
  if (kernel?.does !== 'ignore') return ts`throw ${error};`;
  return [...call(ctx.rt('acceptedAnomaly'), ['opts', tsString(code), error, tsString(kernel.by)]), ';'];
}

/** Bits outside `allowed`: refused (the kernel refuses them), or one out-of-line call where the kernel ignores them. */
export function bitsAnomaly(kernel: FieldIR['kernel'], args: readonly Doc[], ctx: Ctx): Doc {
  if (kernel?.does !== 'ignore') return ts`throw ${call(ctx.rt('undeclaredBits'), args)};`;
  return [...call(ctx.rt('ignoredBits'), ['opts', ...args, tsString(kernel.by)]), ';'];
}

/** A value that must equal one literal, or keep within its declared bits. */
export function allowedCheck(f: ScalarFieldIR, local: string, st: StructIR, ctx: Ctx, onEncode: boolean, off = at(f.offset)): Doc[] {
  // What the kernel ignores, a writer may write: only decoders say so.
  if (onEncode && f.kernel?.does === 'ignore') return [];
  if (f.equals !== undefined) {
    const fn = ctx.rt(onEncode ? 'unexpectedValueOnEncode' : 'unexpectedValue');
    const lit = primIsBig(f.prim!) ? `${f.equals}n` : String(f.equals);
    const error = call(fn, [local, lit, tsString(st.name), tsString(f.name!), off]);
    return [block(`if (${local} !== ${lit})`, [onEncode ? ts`throw ${error};` : onAnomaly(f.kernel, error, 'unexpected-value', ctx)])];
  }
  if (f.allowed === undefined) return [];
  const big = primIsBig(f.prim!);
  const cond = big ? `(${local} & ~${hex(f.allowed)}n) !== 0n` : `(${local} & ~${hex(f.allowed)}) !== 0`;
  const args = [local, `${hex(f.allowed)}${big ? 'n' : ''}`, tsString(st.name), tsString(f.name!), off];
  return [block(`if (${cond})`, [onEncode ? ts`throw ${call(ctx.rt('undeclaredBitsOnEncode'), args)};` : bitsAnomaly(f.kernel, args, ctx)])];
}

/** A member that may not exceed an earlier one (nr_devices <= max_nr_devices); both are already checked integers. */
export function boundCheck(f: ScalarFieldIR, local: string, bound: string, st: StructIR, ctx: Ctx, onEncode: boolean, off = at(f.offset)): Doc[] {
  if (f.atMost === undefined) return [];
  const fn = ctx.rt(onEncode ? 'exceedsBoundOnEncode' : 'exceedsBound');
  return [block(`if (${local} > ${bound})`, [ts`throw ${call(fn, [local, bound, tsString(st.name), tsString(f.name!), tsString(f.atMost.name), off])};`])];
}

/**
 * A u64 the kernel bounds (as_number), read as a number from its two 32-bit
 * halves. Up to the bound the number is exact and nothing more is done;
 * beyond it beyondBound reads the value again as a bigint and warns (the
 * restore reads on) or, above 2^53 - 1, refuses. The high word alone tells
 * whether a value is beyond a bound of 2^k - 1 with k >= 32; another bound
 * is compared whole (exact, as its high word is small). `opts` is the
 * reader's options, or 'undefined' where there are none (a view's getter).
 */
export function decodeBoundedU64(f: ScalarFieldIR & { asNumber: { max: number; by: string } }, local: string, st: StructIR, ctx: Ctx, view: string, off: (k: number) => string, opts: string): Doc[] {
  const beyond = block(`if (${local}_hi > ${hex(Math.floor(f.asNumber.max / 4294967296))}${(f.asNumber.max + 1) % 4294967296 === 0 ? '' : ` || ${local} > ${f.asNumber.max}`})`, [
    ts`${local} = ${call(ctx.rt('beyondBound'), [view, off(f.offset), String(f.asNumber.max), tsString(st.name), tsString(f.name), tsString(f.asNumber.by), opts])};`,
  ]);
  // The high word alone decides a bound of 2^k - 1 with k >= 32 (MAX_LFS_FILESIZE >> PAGE_SHIFT): one integer compare.
  return [`const ${local}_hi = ${view}.getUint32(${off(f.offset + 4)}, true);`, `let ${local} = ${local}_hi * 4294967296 + ${view}.getUint32(${off(f.offset)}, true);`, beyond];
}

/**
 * Checks a number in 0..2^53 - 1 and writes it as the two 32-bit halves of a
 * u64. Not only up to the kernel's bound: what decode reads back (with a
 * warning, beyond the bound) encode writes again, so a value read, edited
 * and written keeps its other members.
 */
export function encodeBoundedU64(f: ScalarFieldIR & { asNumber: { max: number; by: string } }, x: string, st: StructIR, ctx: Ctx, view: string, off: (k: number) => string): Doc[] {
  return [
    block(`if (!(Number.isInteger(${x}) && ${x} >= 0 && ${x} <= ${Number.MAX_SAFE_INTEGER}))`, [[...call(ctx.rt('checkUint'), [x, '53', tsString(st.name), tsString(f.name), off(f.offset)]), ';']]),
    `${view}.setUint32(${off(f.offset)}, ${x} >>> 0, true);`,
    `${view}.setUint32(${off(f.offset + 4)}, Math.floor(${x} / 4294967296), true);`,
  ];
}

export function isBoundedU64(f: FieldIR): f is ScalarFieldIR & { asNumber: { max: number; by: string } } {
  return f.shape === 'scalar' && f.asNumber !== undefined;
}
