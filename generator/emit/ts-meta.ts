/**
 * generated/ts/meta.json: what the commands that use the generated codecs
 * (decode, encode, compat) need to know about them, so that they never load
 * or analyse a schema: which module and export holds each schema's codecs,
 * every version with its compatible strings, and per struct (per page size
 * where it differs) its size and the members that JSON conversion, the
 * flexible-array size check and the compatible-string check read.
 *
 * JSON rather than a module: it is read with JSON.parse whether kho-abi runs
 * from its sources or from the installed package, with nothing to transpile.
 * The banner is its first member, so gen recognises the file as its own.
 */
import { PAGE_SIZES, type AbiIR, type FieldIR, type PageSize, type SchemaIR, type StructIR, type VersionIR } from '../layout/ir.js';
import type { Prim } from '../model/model.js';
import type { VersionSource } from '../model/raw.js';
import type { EmittedFile } from './emitted-file.js';
import { META_FORMAT } from './meta-format.js';
import { schemaIn } from './ts-plan.js';
import { safeLocal } from './ts-names.js';

export const META_PATH = 'generated/ts/meta.json';

/** A member, with what JSON conversion needs: names, offsets, integer types, nesting. */
export type MetaField =
  /** asNumber: a u64 the codecs hold as a number, at most max (the schema's as_number). */
  | { readonly shape: 'scalar'; readonly name: string; readonly offset: number; readonly prim: Prim; readonly asNumber?: { readonly max: number } }
  | { readonly shape: 'array'; readonly name: string; readonly offset: number; readonly prim: Prim; readonly holdsMacro?: string }
  | { readonly shape: 'struct'; readonly name: string; readonly offset: number; readonly struct: MetaStruct }
  | { readonly shape: 'struct-array'; readonly name: string; readonly offset: number; readonly elemSize: number; readonly struct: MetaStruct }
  | ({
      readonly shape: 'flexible';
      readonly name: string;
      readonly offset: number;
      readonly elemSize: number;
      /** Set on a char[][N] array: N in meta.json (the layout IR holds the expression; readers only test its presence). */
      readonly stringSize?: unknown;
    } & ({ readonly prim: Prim; readonly struct?: undefined } | { readonly struct: MetaStruct; readonly prim?: undefined }))
  | { readonly shape: 'bits'; readonly name?: undefined; readonly offset: number; readonly bits: readonly { readonly name: string; readonly lsb: number; readonly width: number }[] }
  | { readonly shape: 'bitmap' | 'khoser-array' | 'khoser' | 'pointer'; readonly name: string; readonly offset: number }
  | { readonly shape: 'union'; readonly name?: string; readonly offset: number; readonly members: readonly MetaField[] };

export interface MetaStruct {
  readonly name: string;
  /** sizeof(): the fixed part, without a flexible array. */
  readonly size: number;
  readonly fields: readonly MetaField[];
}

export interface MetaVersion {
  readonly id: string;
  readonly current: boolean;
  /** The #define that spells this version's string: the version's own, else the component's. */
  readonly macro?: string;
  /** struct.member holding the string, when this version stores it in a struct (LUO's FDT era does not). */
  readonly storedIn?: string;
  /** The version whose bytes and string this one has, spelled otherwise in C; its string is the base's. */
  readonly variantOf?: string;
  readonly compatible?: string;
  readonly subcomponents: readonly string[];
  /** KHO_COMPAT_ALIGN of the stored string. */
  readonly storageSize?: number;
  readonly source?: VersionSource;
  readonly features?: { readonly supp: string; readonly req: string; readonly active: string };
  /** Every struct of the version: one layout for every page size, or one per page size. */
  readonly structs: Readonly<Record<string, MetaStruct | Readonly<Record<PageSize, MetaStruct>>>>;
}

export interface MetaSchema {
  readonly name: string;
  /** The generated module, relative to generated/ts, and its SchemaCodecs export. */
  readonly module: string;
  readonly codecs: string;
  readonly component?: { readonly name: string; readonly macro?: string; readonly storedIn?: string };
  readonly versions: readonly MetaVersion[];
}

export interface CodecMeta {
  readonly '//': string;
  readonly format: number;
  /** The module specifier the generated code imports the runtime by. */
  readonly runtimeImport: string;
  readonly schemas: readonly MetaSchema[];
}

function field(f: FieldIR): MetaField {
  const { offset } = f;
  switch (f.shape) {
    case 'scalar':
      return { shape: f.shape, name: f.name, offset, prim: f.prim, ...(f.asNumber ? { asNumber: { max: f.asNumber.max } } : {}) };
    case 'array':
      return { shape: f.shape, name: f.name, offset, prim: f.prim, ...(f.holds ? { holdsMacro: f.holds.name } : {}) };
    case 'struct':
      return { shape: f.shape, name: f.name, offset, struct: struct(f.struct) };
    case 'struct-array':
      return { shape: f.shape, name: f.name, offset, elemSize: f.elemSize, struct: struct(f.struct) };
    case 'flexible':
      return { shape: f.shape, name: f.name, offset, elemSize: f.elemSize, ...(f.struct ? { struct: struct(f.struct) } : { prim: f.prim, ...(f.stringSize !== undefined ? { stringSize: f.elemSize } : {}) }) };
    case 'bits':
      return { shape: f.shape, offset, bits: f.bits.map((b) => ({ name: b.name, lsb: b.lsb, width: b.width })) };
    case 'union':
      return { shape: f.shape, ...(f.name !== undefined ? { name: f.name } : {}), offset, members: f.members.map(field) };
    default:
      return { shape: f.shape, name: f.name, offset };
  }
}

function struct(st: StructIR): MetaStruct {
  return { name: st.name, size: st.size, fields: st.fields.map(field) };
}

/** Where a version keeps its string: the component's char array, unless the version has no string (a feature header) or no such member (LUO's FDT era keeps it in the FDT). */
function storedInOf(s: SchemaIR, v: VersionIR): string | undefined {
  const si = s.component?.storedIn;
  if (!si || v.compatible === undefined || v.variantOf !== undefined) return undefined;
  const own = s.versions.some((x) => x.structs.some((st) => st.name === si.struct));
  if (own && !v.structs.some((st) => st.name === si.struct && st.fields.some((f) => f.name === si.field))) return undefined;
  return `${si.struct}.${si.field}`;
}

/** The metadata of every schema's codecs; `irs` holds one layout per page size, 4 KiB first. */
export function emitTsMeta(irs: readonly AbiIR[], opts: { readonly runtimeImport: string }): EmittedFile {
  const base = irs[0]!;
  const schemas: MetaSchema[] = base.schemas.map((s) => {
    const c = s.component;
    return {
      name: s.name,
      module: `./${s.name}.js`,
      codecs: `${safeLocal(s.name)}Codecs`,
      ...(c ? { component: { name: c.name, ...(c.macro !== undefined ? { macro: c.macro } : {}), ...(c.storedIn ? { storedIn: `${c.storedIn.struct}.${c.storedIn.field}` } : {}) } } : {}),
      versions: s.versions.map((v) => {
        const structs: Record<string, MetaStruct | Record<PageSize, MetaStruct>> = {};
        for (const st of v.structs) {
          const per = PAGE_SIZES.map((p) => {
            const ir = irs.find((x) => x.target.pageSize === p) ?? base;
            const found = schemaIn(ir, s.name).versions.find((x) => x.id === v.id)!.structs.find((x) => x.name === st.name)!;
            return struct(found);
          });
          const texts = per.map((m) => JSON.stringify(m));
          structs[st.name] = texts.every((t) => t === texts[0]) ? per[0]! : { 4096: per[0]!, 16384: per[1]!, 65536: per[2]! };
        }
        const macro = v.macro ?? c?.macro;
        const storedIn = c ? storedInOf(s, v) : undefined;
        return {
          id: v.id,
          current: v.isCurrent,
          ...(macro !== undefined ? { macro } : {}),
          ...(v.variantOf !== undefined ? { variantOf: v.variantOf } : {}),
          ...(storedIn !== undefined ? { storedIn } : {}),
          // A variant stores its base's string; dispatch on the string finds the base, as in the codecs' registry.
          ...(v.compatible !== undefined && !v.variantOf ? { compatible: v.compatible } : {}),
          subcomponents: v.subcomponents.map((x) => x.compatible),
          ...(v.storageSize !== undefined && !v.variantOf ? { storageSize: v.storageSize } : {}),
          ...(v.source ? { source: v.source } : {}),
          ...(v.features ? { features: { supp: v.features.supported.toString(), req: v.features.required.toString(), active: v.features.active.toString() } } : {}),
          structs,
        };
      }),
    };
  });
  const meta: CodecMeta = {
    '//': 'Generated by kho-abi from schemas/*.yaml; do not edit. Change the schema and regenerate with `npm run gen` (kho-abi gen).',
    format: META_FORMAT,
    runtimeImport: opts.runtimeImport,
    schemas,
  };
  return { path: META_PATH, content: JSON.stringify(meta, null, 1) + '\n' };
}
