/**
 * JSON for `kho-abi decode` and `encode`: 64-bit values travel as decimal
 * strings (JSON numbers lose bits above 2^53), everything else as itself.
 * Converting back needs the layout to know which members are 64-bit.
 */
import { bitIsBig, isCharArray, primIsBig } from './emit/ts-names.js';
import type { FieldIR, StructIR } from './layout/ir.js';

export class JsonInputError extends Error {}

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

function bigFrom(v: unknown, where: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(v.trim())) {
    const s = v.trim();
    return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
  }
  throw new JsonInputError(`${where}: expected a 64-bit integer as a decimal or 0x string, got ${JSON.stringify(v)}`);
}

function numFrom(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  throw new JsonInputError(`${where}: expected a number, got ${JSON.stringify(v)}`);
}

export function valueFromJson(st: StructIR, json: unknown, at = st.name, base = 0): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new JsonInputError(`${at} (offset ${base}): expected an object with the members of struct ${st.name}`);
  }
  const input = json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known = new Set<string>();
  const member = (f: FieldIR): void => {
    if (f.shape === 'union' && f.name === undefined) return f.members!.forEach(member);
    if (f.shape === 'bits') {
      for (const b of f.bits!) {
        known.add(b.name);
        const where = `${at}.${b.name} (offset ${base + f.offset}, bits ${b.lsb}..${b.lsb + b.width - 1})`;
        if (!(b.name in input)) throw new JsonInputError(`${where}: missing`);
        out[b.name] = bitIsBig(b) ? bigFrom(input[b.name], where) : numFrom(input[b.name], where);
      }
      return;
    }
    const name = f.name!;
    known.add(name);
    const where = `${at}.${name} (offset ${base + f.offset})`;
    if (!(name in input)) throw new JsonInputError(`${where}: missing`);
    out[name] = fieldFromJson(f, input[name], where, `${at}.${name}`, base + f.offset);
  };
  st.fields.forEach(member);
  for (const k of Object.keys(input)) if (!known.has(k)) throw new JsonInputError(`${at}: struct ${st.name} has no member '${k}'`);
  return out;
}

function fieldFromJson(f: FieldIR, v: unknown, where: string, path: string, offset: number): unknown {
  const list = (): unknown[] => {
    if (!Array.isArray(v)) throw new JsonInputError(`${where}: expected an array`);
    return v;
  };
  switch (f.shape) {
    case 'scalar':
      return primIsBig(f.prim!) ? bigFrom(v, where) : numFrom(v, where);
    case 'khoser':
      return bigFrom(v, where);
    case 'array':
      if (isCharArray(f)) {
        if (typeof v !== 'string') throw new JsonInputError(`${where}: expected a string`);
        return v;
      }
      return list().map((x, i) => (primIsBig(f.prim!) ? bigFrom(x, `${where}[${i}]`) : numFrom(x, `${where}[${i}]`)));
    case 'bitmap':
      return list().map((x, i) => bigFrom(x, `${where}[${i}]`));
    case 'struct':
      return valueFromJson(f.struct!, v, path, offset);
    case 'struct-array':
    case 'flexible':
      return list().map((x, i) =>
        f.struct ? valueFromJson(f.struct, x, `${path}[${i}]`, offset + i * f.elemSize!) : primIsBig(f.prim!) ? bigFrom(x, `${where}[${i}]`) : numFrom(x, `${where}[${i}]`),
      );
    default:
      throw new JsonInputError(`${where}: unsupported member`);
  }
}
