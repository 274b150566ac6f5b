/**
 * Bitfields: a storage unit read as 32-bit words (a field of at most 53 bits
 * stays a number: no BigInt on the way) or, for a wider field, as one
 * bigint; decode, encode, and the view's getter and setter of one field.
 */
import type { BitIR, BitsFieldIR, StructIR } from '../layout/ir.js';
import { block, call, ts, tsString, type Doc } from './ts-file.js';
import { at, bitsAnomaly, hex, inlineCheck, readPrim, writePrim, type Ctx } from './ts-checks.js';
import { bitIsBig, primBits } from './ts-names.js';

/** How one bitfield member is read: the unit words it needs and the expression over them. */
interface BitRead {
  readonly words: readonly number[];
  readonly big: boolean;
  readonly expr: string;
}

/** Whether the whole of `x` is one parenthesised group. */
function grouped(x: string): boolean {
  if (!x.startsWith('(')) return false;
  let depth = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === '(') depth++;
    else if (x[i] === ')' && --depth === 0) return i === x.length - 1;
  }
  return false;
}

/** `x` as an operand of a binary operator: parenthesised unless it is a name, a call or a group already. */
function wrap(x: string): string {
  return /^[\w.]+$/.test(x) || grouped(x) || /^[\w.]+\([^()]*\)$/.test(x) ? x : `(${x})`;
}

/** `x` standing alone: one redundant outer group dropped. */
function unwrap(x: string): string {
  return grouped(x) ? x.slice(1, -1) : x;
}

const wordName = (f: BitsFieldIR, w: number): string => `u${f.offset}_${w}`;
const bigName = (f: BitsFieldIR): string => `u${f.offset}_big`;

function bitRead(f: BitsFieldIR, b: BitIR): BitRead {
  const unitBits = primBits(f.prim!);
  if (bitIsBig(b)) return { words: [], big: true, expr: `(${bigName(f)} >> ${b.lsb}n) & ${hex((1n << BigInt(b.width)) - 1n)}n` };
  const parts: string[] = [];
  const words: number[] = [];
  const wordBits = Math.min(32, unitBits);
  for (let w = 0; w < (unitBits === 64 ? 2 : 1); w++) {
    const wordLo = w * 32;
    const s = Math.max(b.lsb, wordLo);
    const e = Math.min(b.lsb + b.width, wordLo + wordBits);
    if (s >= e) continue;
    words.push(w);
    const len = e - s;
    const shifted = s - wordLo === 0 ? wordName(f, w) : `(${wordName(f, w)} >>> ${s - wordLo})`;
    // getUint32 is already unsigned, and >>> leaves nothing above a field that ends at the top bit.
    const masked = len === wordBits ? wordName(f, w) : s - wordLo + len === 32 ? shifted : `(${shifted} & ${hex(2 ** len - 1)})`;
    parts.push(s - b.lsb === 0 ? masked : `${masked} * ${2 ** (s - b.lsb)}`);
  }
  return { words, big: false, expr: parts.length === 1 ? unwrap(parts[0]!) : parts.join(' + ') };
}

function wordReads(f: BitsFieldIR, words: Iterable<number>, big: boolean, view: string, off: (k: number) => string): Doc[] {
  const unitBits = primBits(f.prim!);
  const out: Doc[] = [];
  for (const w of [...new Set(words)].sort()) out.push(`const ${wordName(f, w)} = ${readPrim(unitBits === 64 ? 'u32' : f.prim!, off(f.offset + 4 * w), view)};`);
  if (big) out.push(`const ${bigName(f)} = ${readPrim('u64', off(f.offset), view)};`);
  return out;
}

/** Decode: read the unit's words once, then every member and its declared-bits check. */
export function bitsDecode(f: BitsFieldIR, st: StructIR, ctx: Ctx): { stmts: Doc[]; values: Map<string, string> } {
  const reads = f.bits.map((b) => bitRead(f, b));
  const stmts = wordReads(f, reads.flatMap((r) => r.words), reads.some((r) => r.big), 'view', at);
  const values = new Map<string, string>();
  f.bits.forEach((b, i) => {
    const local = `v_${b.name}`;
    stmts.push(`const ${local} = ${reads[i]!.expr};`);
    if (b.allowed !== undefined) {
      const cond = bitIsBig(b) ? `(${local} & ~${hex(b.allowed)}n) !== 0n` : b.width <= 31 ? `(${local} & ~${hex(b.allowed)}) !== 0` : `(BigInt(${local}) & ~${hex(b.allowed)}n) !== 0n`;
      const args = [local, `${hex(b.allowed)}${bitIsBig(b) ? 'n' : ''}`, tsString(st.name), tsString(b.name), at(f.offset)];
      stmts.push(block(`if (${cond})`, [bitsAnomaly(b.kernel, args, ctx)]));
    }
    values.set(b.name, local);
  });
  return { stmts, values };
}

/** The view's getter of one member: only the words it touches. */
export function bitGetter(f: BitsFieldIR, b: BitIR): Doc[] {
  const r = bitRead(f, b);
  const off = (k: number): string => (k === 0 ? 'this.offset' : `this.offset + ${k}`);
  return [...wordReads(f, r.words, r.big, 'this.view', off), `return ${r.expr};`];
}

function undeclaredOnEncode(b: BitIR, x: string, st: StructIR, off: string, ctx: Ctx): Doc[] {
  if (b.allowed === undefined || b.kernel?.does === 'ignore') return [];
  const cond = bitIsBig(b) ? `(${x} & ~${hex(b.allowed)}n) !== 0n` : b.width <= 31 ? `(${x} & ~${hex(b.allowed)}) !== 0` : `(BigInt(${x}) & ~${hex(b.allowed)}n) !== 0n`;
  const args = [x, `${hex(b.allowed)}${bitIsBig(b) ? 'n' : ''}`, tsString(st.name), tsString(b.name), off];
  return [block(`if (${cond})`, [ts`throw ${call(ctx.rt('undeclaredBitsOnEncode'), args)};`])];
}

export function bitsEncode(f: BitsFieldIR, st: StructIR, ctx: Ctx, src: string): Doc[] {
  const unitBits = primBits(f.prim!);
  const stmts: Doc[] = [];
  for (const b of f.bits) {
    const local = `v_${b.name}`;
    stmts.push(`const ${local} = ${src}.${b.name};`);
    stmts.push(inlineCheck(ctx, local, b.width, false, bitIsBig(b), st.name, b.name, at(f.offset)));
    stmts.push(...undeclaredOnEncode(b, local, st, at(f.offset), ctx));
  }
  if (f.bits.some(bitIsBig)) {
    const parts = f.bits.map((b) => (bitIsBig(b) ? `(v_${b.name} << ${b.lsb}n)` : `(BigInt(v_${b.name}) << ${b.lsb}n)`));
    stmts.push(writePrim('u64', at(f.offset), parts.join(' | ')));
    return stmts;
  }
  for (let w = 0; w < (unitBits === 64 ? 2 : 1); w++) {
    const wordLo = w * 32;
    const parts: string[] = [];
    for (const b of f.bits) {
      const s = Math.max(b.lsb, wordLo);
      const e = Math.min(b.lsb + b.width, wordLo + Math.min(32, unitBits));
      if (s >= e) continue;
      const len = e - s;
      const k = s - b.lsb;
      const v = k === 0 ? `v_${b.name}` : `Math.floor(v_${b.name} / ${2 ** k})`;
      // The part holding the member's top bit is below 2^len already (the range check above): no mask.
      const top = e - b.lsb === b.width;
      const masked = len === 32 ? `${v} >>> 0` : top ? v : `(${v} & ${hex(2 ** len - 1)})`;
      const dst = s - wordLo;
      parts.push(dst === 0 ? masked : `(${masked} << ${dst})`);
    }
    const value = parts.length === 0 ? '0' : parts.length === 1 && !parts[0]!.includes('<<') ? unwrap(parts[0]!) : `(${parts.join(' | ')}) >>> 0`;
    stmts.push(writePrim(unitBits === 64 ? 'u32' : f.prim!, at(f.offset + 4 * w), value));
  }
  return stmts;
}

/**
 * The view's setter of one member: range and declared-bit checks as encode
 * does them, then a read-modify-write of only the 32-bit words (or the
 * smaller unit) the member touches; wider members use the runtime's bigint
 * helper.
 */
export function bitSetter(f: BitsFieldIR, b: BitIR, st: StructIR, ctx: Ctx): Doc[] {
  const unitBits = primBits(f.prim!);
  const unit = f.offset === 0 ? 'this.offset' : `this.offset + ${f.offset}`;
  const out: Doc[] = [inlineCheck(ctx, 'v', b.width, false, bitIsBig(b), st.name, b.name, unit), ...undeclaredOnEncode(b, 'v', st, unit, ctx)];
  if (bitIsBig(b)) {
    const get = unitBits === 64 ? `this.view.getBigUint64(${unit}, true)` : `BigInt(${readPrim(f.prim!, unit, 'this.view')})`;
    const updated = call(ctx.rt('insertBits'), [get, String(b.lsb), String(b.width), 'v', String(unitBits)]);
    out.push(unitBits === 64 ? writePrim('u64', unit, updated, 'this.view') : writePrim(f.prim!, unit, ts`Number(${updated})`, 'this.view'));
    return out;
  }
  const wordBits = Math.min(32, unitBits);
  const wordPrim = ({ 8: 'u8', 16: 'u16', 32: 'u32' } as Record<number, string>)[wordBits]!;
  for (let w = 0; w < unitBits / wordBits; w++) {
    const lo = w * wordBits;
    const s = Math.max(b.lsb, lo);
    const e = Math.min(b.lsb + b.width, lo + wordBits);
    if (s >= e) continue;
    const len = e - s;
    // The part of v that lands in this word, as a number below 2^len.
    let part = s - b.lsb === 0 ? 'v' : `Math.floor(v / ${2 ** (s - b.lsb)})`;
    if (e - b.lsb < b.width) part = `(${part} % ${2 ** len})`;
    const shifted = s - lo === 0 ? part : `${part} * ${2 ** (s - lo)}`;
    const mask = (2 ** len - 1) * 2 ** (s - lo);
    const off = `${unit} + ${lo / 8}`.replace(/ \+ 0$/, '');
    const keep = 2 ** wordBits - 1 - mask;
    const value = len === wordBits ? unwrap(shifted) : `(${readPrim(wordPrim, off, 'this.view')} & ${hex(keep)}) | ${wrap(shifted)}`;
    out.push(writePrim(wordPrim, off, value, 'this.view'));
  }
  return out;
}
