/**
 * A version as a contract: its compatible string, the binary layout of every
 * struct it covers and the value of every constant, with no names of C types
 * or schema wording in it. The same shape describes a schema version (from
 * the IR), a released version (from the lock file) and a kernel tree's
 * header (from gcc's DWARF), so one comparison serves `gen`'s lock check,
 * `breaking` and `diff-kernel`.
 */
import { createHash } from 'node:crypto';
import { primOf, structOf, unreachable, type FieldIR, type StructIR, type VersionIR } from '../layout/ir.js';

/** One member as bytes: where, how big, what type (canonical: `u32`, `char[48]`, `struct x`, `union{phys:u64,ptr:ptr}`). */
export interface FieldRow {
  /** '' for an anonymous union. */
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  readonly type: string;
  /** Bitfields: the first bit counted from the start of the struct (little-endian numbering), and the width. */
  readonly bitOffset?: number;
  readonly bitWidth?: number;
  /** Bits a reader accepts (hex), when the schema says. */
  readonly allowed?: string;
  /** The one value a reader accepts, when the schema says. */
  readonly equals?: string;
  /** The earlier member this one may not exceed (nr_devices <= max_nr_devices). */
  readonly atMost?: string;
}

export interface StructSnapshot {
  readonly name: string;
  readonly size: number;
  readonly align: number;
  readonly fields: readonly FieldRow[];
}

/** Constant values as text: `123` for numbers, `"text"` for strings (JSON-quoted). */
export type ConstantValues = Readonly<Record<string, string>>;

export interface VersionSnapshot {
  readonly schema: string;
  readonly id: string;
  readonly compatible?: string;
  /** The number a numbered version stores in its component's version member. */
  readonly number?: string;
  readonly structs: readonly StructSnapshot[];
  readonly constants: ConstantValues;
}

export function constantText(value: bigint | string): string {
  return typeof value === 'string' ? JSON.stringify(value) : value.toString();
}

function prim(p: string): string {
  return p;
}

/** The canonical type of an IR member, spelled as dwarf.ts spells what gcc laid out. */
export function fieldType(f: FieldIR): string {
  const st = structOf(f);
  const elem = st ? `struct ${st.name}` : prim(primOf(f) ?? '?');
  switch (f.shape) {
    case 'scalar':
    case 'struct':
      return elem;
    case 'array':
    case 'struct-array':
      return `${elem}[${f.count}]`;
    case 'flexible':
      return f.stringSize ? `${elem}[][${f.elemSize}]` : `${elem}[]`;
    case 'bitmap':
      // DECLARE_BITMAP: an array of unsigned long, 64 bits each on the kernel's 64-bit targets (count is in longs).
      return `u64[${f.count}]`;
    case 'khoser':
      return 'union{phys:u64,ptr:ptr}';
    case 'khoser-array':
      return `union{phys:u64,ptr:ptr}[${f.count}]`;
    case 'pointer':
      return 'ptr';
    case 'union':
      return `union{${f.members.map((m) => `${m.name ?? ''}:${fieldType(m)}`).join(',')}}`;
    case 'bits':
      return elem;
    default:
      return unreachable(f);
  }
}

export function structRows(st: StructIR): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const f of st.fields) {
    if (f.shape === 'bits') {
      for (const b of f.bits) {
        const bitOffset = b.storageOffset * 8 + b.lsb;
        rows.push({
          name: b.name,
          offset: Math.floor(bitOffset / 8),
          size: b.storageSize,
          type: prim(f.declaredUnit ?? f.prim),
          bitOffset,
          bitWidth: b.width,
          ...(b.allowed !== undefined ? { allowed: `0x${b.allowed.toString(16)}` } : {}),
        });
      }
      continue;
    }
    rows.push({
      name: f.name ?? '',
      offset: f.offset,
      size: f.shape === 'flexible' ? 0 : f.size,
      type: fieldType(f),
      ...(f.shape === 'scalar' && f.allowed !== undefined ? { allowed: `0x${f.allowed.toString(16)}` } : {}),
      ...(f.shape === 'scalar' && f.equals !== undefined ? { equals: f.equals.toString() } : {}),
      ...(f.shape === 'scalar' && f.atMost !== undefined ? { atMost: f.atMost.name } : {}),
    });
  }
  return rows;
}

export function structSnapshot(st: StructIR): StructSnapshot {
  return { name: st.name, size: st.size, align: st.align, fields: structRows(st) };
}

export function versionSnapshot(v: VersionIR): VersionSnapshot {
  const constants: Record<string, string> = {};
  for (const c of v.constants) constants[c.name] = constantText(c.value);
  for (const e of v.enums) for (const x of e.values) constants[x.name] = constantText(x.value);
  return {
    schema: v.schema,
    id: v.id,
    ...(v.compatible !== undefined ? { compatible: v.compatible } : {}),
    ...(v.number !== undefined ? { number: v.number.toString() } : {}),
    structs: v.structs.map(structSnapshot),
    constants,
  };
}

/** A short stable hash of anything JSON can hold. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** The layout of a struct without its member names: what the bytes mean. */
export function layoutHash(st: StructSnapshot): string {
  return hashOf([st.size, st.align, st.fields.map((f) => [f.offset, f.size, f.type, f.bitOffset ?? null, f.bitWidth ?? null, f.allowed ?? null, f.equals ?? null, f.atMost ?? null])]);
}
