/**
 * TypeScript names and value types derived from C names and the IR, shared
 * by the TS emitter and the CLI's JSON conversion so both agree. Every name
 * the generated modules export or import is made here.
 */
import type { BitIR, FieldIR } from '../layout/ir.js';
import type { Prim } from '../model/model.js';

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this',
  'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let', 'package', 'private',
  'protected', 'public', 'static', 'yield', 'await', 'view', 'offset', 'value',
]);

/** `memfd_luo_ser` -> `MemfdLuoSer`. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/** A local variable name that cannot clash with a keyword or the codec's own parameters. */
export function safeLocal(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

/** The suffix a non-current version's codec carries: `memfd-v1` of memfd -> `V1`. */
export function versionSuffix(component: string | undefined, id: string, isCurrent: boolean): string {
  if (isCurrent) return '';
  const rest = component && id.startsWith(component + '-') ? id.slice(component.length + 1) : id;
  return pascal(rest);
}

export function pageSuffix(pageSize: number): string {
  return pageSize === 4096 ? '' : `P${pageSize / 1024}K`;
}

/** Integers of at most this many bits are exact as a JavaScript number. */
export const MAX_NUMBER_BITS = 53;

export function primBits(p: Prim): number {
  return { u8: 8, u16: 16, u32: 32, u64: 64, s8: 8, s16: 16, s32: 32, s64: 64, char: 8 }[p];
}

export function primIsBig(p: Prim): boolean {
  return primBits(p) > MAX_NUMBER_BITS;
}

export function bitIsBig(b: BitIR): boolean {
  return b.width > MAX_NUMBER_BITS;
}

export function isCharArray(f: FieldIR): boolean {
  return f.shape === 'array' && f.prim === 'char';
}

export function primTsType(p: Prim): string {
  return primIsBig(p) ? 'bigint' : 'number';
}

/** The exported names of one codec, from its stem (`MemfdLuoSer`, `KhoRadixNodeP16K`). */
export function codecNames(stem: string): { decode: string; encode: string; view: string; codec: string; sizeConst: string } {
  return { decode: `decode${stem}`, encode: `encode${stem}`, view: `${stem}View`, codec: `${stem[0]!.toLowerCase()}${stem.slice(1)}Codec`, sizeConst: `SIZEOF_${stem}` };
}

/** The module-private field table next to a codec's SIZEOF_ constant. */
export function fieldTableNameOf(sizeConst: string): string {
  return sizeConst.replace(/^SIZEOF_/, 'FIELDS_OF_');
}

/** The OFFSETOF_ constant next to a codec's SIZEOF_ constant. */
export function offsetsNameOf(sizeConst: string): string {
  return sizeConst.replace(/^SIZEOF_/, 'OFFSETOF_');
}

/** The factory that makes the decode and encode of every layout of one shape, from the first layout's codec name. */
export function shapeFactoryName(codec: string): string {
  return `${codec.replace(/Codec$/, '')}Shape`;
}

/** A schema's registry of codecs (`memfdCodecs`). */
export function registryName(schema: string): string {
  return `${safeLocal(schema)}Codecs`;
}

/** How one generated module imports another: `./memfd.js`. */
export function moduleSpecifier(schema: string): string {
  return `./${schema}.js`;
}
