/**
 * Which codec every (schema, version, page size, struct) uses, decided
 * before anything is printed: layouts whose bytes mean the same share one
 * codec, and layouts whose TypeScript shape is the same share one interface.
 * Every exported name of a codec is derived here.
 */
import { countOf, primOf, structOf } from '../layout/ir.js';
import type { AbiIR, FieldIR, SchemaIR, StructIR } from '../layout/ir.js';
import { symbol, type TsSymbol } from './ts-file.js';
import { bitIsBig, codecNames, fieldTableNameOf, moduleSpecifier, pageSuffix, pascal, shapeFactoryName, versionSuffix } from './ts-names.js';

/** Names of one emitted codec; equal layouts point at the same record. */
export interface CodecNames {
  readonly module: string;
  readonly iface: string;
  readonly decode: string;
  readonly encode: string;
  readonly view: string;
  readonly codec: string;
  readonly sizeConst: string;
  readonly struct: StructIR;
  readonly pageSize: number;
  readonly version: string;
  /** Set when layouts that differ only in their size and counts share one decode and encode. */
  shape?: Shape;
}

/**
 * Layouts of one struct that differ only in sizeof and the counts of their
 * arrays (a radix node at 4, 16 and 64 KiB pages): one factory function
 * prints their decode and encode once, parameterised by those numbers, and
 * the first layout's view class serves them all (a view reads by offset and
 * never uses a count).
 */
export interface Shape {
  /** The factory function's name. */
  readonly factory: string;
  /** The layout that prints the factory and the view class. */
  readonly first: CodecNames;
  /** The members whose count is a parameter, in order. */
  readonly counted: readonly string[];
}

/** Members whose count may be a shape's parameter: arrays other than char strings. */
export function isCountedMember(f: FieldIR): boolean {
  return f.shape === 'bitmap' || f.shape === 'khoser-array' || f.shape === 'struct-array' || (f.shape === 'array' && f.prim !== 'char');
}

export const keyOf = (schema: string, version: string, pageSize: number, struct: string): string => `${schema}|${version}|${pageSize}|${struct}`;

/** Everything a struct's bytes mean, names and checks included: equal signatures share code. */
function signature(st: StructIR, names: Map<string, CodecNames>, pageSize: number, masked = false): string {
  const field = (f: FieldIR, top = false): unknown => [
    f.name ?? null,
    f.shape,
    f.offset,
    masked && top && isCountedMember(f) ? null : f.size,
    primOf(f) ?? null,
    f.shape === 'flexible' ? 0 : masked && top && isCountedMember(f) ? null : (countOf(f) ?? null),
    structKey(f, names, pageSize, 'codec'),
    f.shape === 'bits' ? f.bits.map((b) => [b.name, b.lsb, b.width, b.allowed?.toString() ?? null]) : null,
    f.shape === 'union' ? f.members.map((m) => field(m)) : null,
    f.shape === 'scalar' ? (f.allowed?.toString() ?? null) : null,
    // The one value a reader accepts: versions told apart by a number differ only here.
    f.shape === 'scalar' ? (f.equals?.toString() ?? null) : null,
    f.shape === 'scalar' ? (f.asNumber?.max ?? null) : null,
    'ref' in f && f.ref?.count ? f.ref.count.name : null,
  ];
  return JSON.stringify([st.name, masked ? null : st.size, st.align, st.fields.map((f) => field(f, true))]);
}

export interface Plan {
  readonly names: Map<string, CodecNames>;
  /** Records to emit, per module, in order. */
  readonly emit: Map<string, CodecNames[]>;
}

/** Decides, before writing anything, which codec every (version, page size, struct) uses. */
export function plan(irs: readonly AbiIR[]): Plan {
  const names = new Map<string, CodecNames>();
  const emit = new Map<string, CodecNames[]>();
  const bySig = new Map<string, CodecNames>();
  const byIface = new Map<string, string>();
  const usedFns = new Set<string>();
  const byShape = new Map<string, CodecNames>();
  const ifaces = new Set<string>();
  const base = irs[0]!;
  // Dependencies first, so a nested struct's codec is named before its users.
  const order = topoSchemas(base);
  for (const schemaName of order) {
    const list: CodecNames[] = [];
    emit.set(schemaName, list);
    const schema0 = schemaIn(base, schemaName);
    const versionOrder = [schema0.current, ...schema0.versions.filter((v) => v !== schema0.current)];
    for (const v0 of versionOrder) {
      for (const ir of irs) {
        const schema = schemaIn(ir, schemaName);
        const v = schema.versions.find((x) => x.id === v0.id)!;
        for (const st of v.structs) {
          const sig = signature(st, names, ir.target.pageSize);
          const known = bySig.get(sig);
          if (known) {
            names.set(keyOf(schemaName, v.id, ir.target.pageSize, st.name), known);
            continue;
          }
          const suffix = versionSuffix(schema.component?.name, v.id, v.isCurrent);
          const shapeSig = JSON.stringify([st.name, st.fields.map((f) => ifaceShape(f, names, ir.target.pageSize))]);
          let iface = byIface.get(shapeSig);
          if (!iface) {
            iface = pascal(st.name) + suffix;
            while (ifaces.has(iface)) iface += 'Alt';
            byIface.set(shapeSig, iface);
            ifaces.add(iface);
          }
          // Functions are per layout: two layouts sharing an interface get distinct names.
          let fn = iface + pageSuffix(ir.target.pageSize);
          if (usedFns.has(fn)) fn = pascal(st.name) + (suffix || pascal(v.id)) + pageSuffix(ir.target.pageSize);
          while (usedFns.has(fn)) fn += 'Alt';
          usedFns.add(fn);
          const rec: CodecNames = {
            module: schemaName,
            iface,
            ...codecNames(fn),
            struct: st,
            pageSize: ir.target.pageSize,
            version: v.id,
          };
          bySig.set(sig, rec);
          const shapeKey = `${schemaName}|${signature(st, names, ir.target.pageSize, true)}`;
          const first = byShape.get(shapeKey);
          if (first) {
            first.shape ??= { factory: shapeFactoryName(first.codec), first, counted: st.fields.filter(isCountedMember).map((f) => f.name!) };
            rec.shape = first.shape;
          } else byShape.set(shapeKey, rec);
          names.set(keyOf(schemaName, v.id, ir.target.pageSize, st.name), rec);
          list.push(rec);
        }
      }
    }
  }
  return { names, emit };
}

/** The TypeScript shape of the members, which decides whether two layouts share an interface. */
function ifaceShape(f: FieldIR, names: Map<string, CodecNames>, pageSize: number): unknown {
  const inner = structKey(f, names, pageSize, 'iface');
  return [f.name ?? null, f.shape, primOf(f) ?? null, f.shape === 'scalar' && f.asNumber !== undefined, inner, f.shape === 'bits' ? f.bits.map((b) => [b.name, bitIsBig(b)]) : null, f.shape === 'union' ? f.members.map((m) => ifaceShape(m, names, pageSize)) : null];
}

/** What a member's struct is known as in the plan: its codec or interface name, else its fingerprint or name. */
function structKey(f: FieldIR, names: Map<string, CodecNames>, pageSize: number, what: 'codec' | 'iface'): string | null {
  const st = structOf(f);
  if (!st) return null;
  const rec = names.get(keyOf(st.schema, st.version, pageSize, st.name));
  return what === 'codec' ? (rec?.codec ?? st.fingerprint) : (rec?.iface ?? st.name);
}

function topoSchemas(ir: AbiIR): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (s: SchemaIR): void => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const inc of s.includes) visit(schemaIn(ir, inc));
    out.push(s.name);
  };
  ir.schemas.forEach(visit);
  return out;
}

const SCHEMAS = new WeakMap<AbiIR, Map<string, SchemaIR>>();

/** A schema of a layout by name, through an index built once per layout (50 copies of the schemas make a linear search quadratic). */
export function schemaIn(ir: AbiIR, name: string): SchemaIR {
  let index = SCHEMAS.get(ir);
  if (!index) {
    index = new Map(ir.schemas.map((s) => [s.name, s]));
    SCHEMAS.set(ir, index);
  }
  const s = index.get(name);
  if (!s) throw new Error(`no schema ${name} in the layout`);
  return s;
}


/** A codec's exported name as a symbol: using it from another schema's module imports it. */
export function codecSymbol(rec: CodecNames, what: 'iface' | 'decode' | 'encode' | 'view' | 'codec'): TsSymbol {
  return symbol(rec[what], moduleSpecifier(rec.module), what === 'iface');
}

/** The codec planned for the struct a member holds, at the page size of the codec that holds it. */
export function nestedCodec(names: ReadonlyMap<string, CodecNames>, rec: CodecNames, st: StructIR): CodecNames {
  const r = names.get(keyOf(st.schema, st.version, rec.pageSize, st.name));
  if (!r) throw new Error(`no codec planned for ${st.name}@${st.version}`);
  return r;
}

export function fieldTableName(rec: CodecNames): string {
  return fieldTableNameOf(rec.sizeConst);
}
