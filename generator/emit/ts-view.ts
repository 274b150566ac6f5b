/**
 * The zero-copy view class of one struct codec: getters and setters straight
 * on the bytes, nothing decoded until read; setters make the refusals encode
 * makes, at DataView speed.
 */
import type { FieldIR } from '../layout/ir.js';
import { block, call, jsdoc, ts, tsString, type Doc, type TsFile } from './ts-file.js';
import { allowedCheck, boundCheck, decodeBoundedU64, encodeBoundedU64, inlineCheck, isBoundedU64, readPrim, writePrim, type Ctx } from './ts-checks.js';
import { bitGetter, bitSetter } from './ts-bits.js';
import { codecSymbol, type CodecNames } from './ts-plan.js';
import { nested } from './ts-struct.js';
import { bitIsBig, isCharArray, primBits, primIsBig, primTsType } from './ts-names.js';

/** The accessors of one member, each a block; members without one (padding, flexible arrays) give none. */
function accessors(f: FieldIR, rec: CodecNames, ctx: Ctx): Doc[] {
  const st = rec.struct;
  if (f.shape === 'bits') {
    return f.bits.flatMap((b) => {
      const type = bitIsBig(b) ? 'bigint' : 'number';
      return [block(`get ${b.name}(): ${type}`, bitGetter(f, b)), block(`set ${b.name}(v: ${type})`, bitSetter(f, b, st, ctx))];
    });
  }
  if (f.name === undefined) return [];
  const o = f.offset === 0 ? 'this.offset' : `this.offset + ${f.offset}`;
  const where = [tsString(st.name), tsString(f.name)];
  if (isBoundedU64(f)) {
    const off = (k: number): string => (k === 0 ? 'this.offset' : `this.offset + ${k}`);
    return [
      block(`get ${f.name}(): number`, [...decodeBoundedU64(f, 'v', st, ctx, 'this.view', off, 'undefined'), 'return v;']),
      block(`set ${f.name}(v: number)`, [...boundCheck(f, 'v', `this.${f.atMost?.name}`, st, ctx, true, o), ...encodeBoundedU64(f, 'v', st, ctx, 'this.view', off)]),
    ];
  }
  switch (f.shape) {
    case 'scalar':
    case 'khoser': {
      const p = f.shape === 'khoser' ? 'u64' : f.prim;
      const type = primTsType(p as never);
      const checks: Doc[] = [inlineCheck(ctx, 'v', primBits(p as never), p.startsWith('s'), primIsBig(p as never), st.name, f.name, o)];
      if (f.shape === 'scalar') checks.push(...allowedCheck(f, 'v', st, ctx, true, o), ...boundCheck(f, 'v', `this.${f.atMost?.name}`, st, ctx, true, o));
      return [block(`get ${f.name}(): ${type}`, [`return ${readPrim(p, o, 'this.view')};`]), block(`set ${f.name}(v: ${type})`, [...checks, writePrim(p, o, 'v', 'this.view')])];
    }
    case 'array':
    case 'bitmap':
    case 'khoser-array': {
      if (isCharArray(f)) {
        return [
          block(`get ${f.name}(): string`, [ts`return ${call(ctx.rt('readCString'), ['this.view', o, String(f.size), ...where])};`]),
          block(`set ${f.name}(v: string)`, [ts`${call(ctx.rt('writeCString'), ['this.view', o, String(f.size), 'v', ...where])};`]),
        ];
      }
      const p = f.shape === 'array' ? f.prim : 'u64';
      return [block(`${f.name}At(i: number): ${primTsType(p as never)}`, [`return ${readPrim(p, `${o} + i * ${f.elemSize}`, 'this.view')};`])];
    }
    case 'struct': {
      const view = codecSymbol(nested(ctx, rec, f), 'view');
      return [block(ts`get ${f.name}(): ${view}`, [ts`return new ${view}(this.view, ${o});`])];
    }
    case 'struct-array': {
      const view = codecSymbol(nested(ctx, rec, f), 'view');
      return [block(ts`${f.name}At(i: number): ${view}`, [ts`return new ${view}(this.view, ${o} + i * ${String(f.elemSize)});`])];
    }
    case 'pointer':
      return [block(`get ${f.name}(): bigint`, [`return ${readPrim('u64', o, 'this.view')};`])];
    default:
      return [];
  }
}

export function emitView(file: TsFile, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  const members: Doc[] = ['constructor(public view: DataView, public offset = 0) {}'];
  for (const f of st.fields) for (const a of accessors(f, rec, ctx)) members.push('', a);
  file.add(jsdoc(`A zero-copy view of struct ${st.name} (${rec.version}); move \`offset\` to walk an array of them.`), block(`export class ${rec.view}`, members));
}
