/** The `kho-abi layout --json` view of the IR: fields flattened, bitfields as fields with bit positions. */
import { countOf, primOf, structOf, type AbiIR, type FieldIR, type StructIR } from './ir.js';

export interface FieldJson {
  name: string;
  type: string;
  offset: number;
  size: number;
  count?: number;
  flexible?: true;
  /** Bytes per element of a flexible array of fixed-size strings. */
  element_size?: number;
  bit_offset?: number;
  bit_width?: number;
  storage_offset?: number;
  storage_size?: number;
}

export function layoutJson(ir: AbiIR, structs: readonly StructIR[]) {
  return {
    target: { page_size: ir.target.pageSize, byte_order: ir.target.byteOrder },
    structs: structs.map((s) => ({
      name: s.name,
      schema: s.schema,
      version: s.version,
      size: s.size,
      align: s.align,
      packed: s.packed,
      ...(s.section !== undefined ? { section: s.section } : {}),
      fingerprint: s.fingerprint,
      fields: s.fields.flatMap(flatten),
    })),
  };
}

/** A member's type as people read it: the kernel's spelling of a scalar, with its count ([N], [] for a flexible array). */
export function memberTypeText(f: FieldIR): string {
  const base = f.shape === 'scalar' && f.ctype !== undefined ? f.ctype : f.shape === 'union' ? 'union' : typeName(f);
  const n = countOf(f);
  if (f.shape === 'flexible') return f.stringSize ? `${base}[][${f.elemSize}]` : `${base}[]`;
  return n !== undefined ? `${base}[${n}]` : base;
}

export function typeName(f: FieldIR): string {
  if (f.shape === 'khoser' || f.shape === 'khoser-array') return f.target ? `khoser(struct ${f.target.name})` : 'khoser(void *)';
  if (f.shape === 'bitmap') return 'unsigned long';
  if (f.shape === 'pointer') return `struct ${f.target} *`;
  const st = structOf(f);
  if (st) return `struct ${st.name}`;
  return primOf(f) ?? f.shape;
}

function flatten(f: FieldIR): FieldJson[] {
  if (f.shape === 'bits') {
    return f.bits.map((b) => ({
      name: b.name,
      type: f.prim,
      offset: b.byteOffset,
      size: b.byteSize,
      bit_offset: b.lsb,
      bit_width: b.width,
      storage_offset: b.storageOffset,
      storage_size: b.storageSize,
    }));
  }
  if (f.shape === 'union' && f.name === undefined) return f.members.flatMap(flatten);
  return [
    {
      name: f.name ?? '',
      type: typeName(f),
      offset: f.offset,
      size: f.size,
      ...(countOf(f) !== undefined ? { count: countOf(f) } : {}),
      ...(f.shape === 'flexible' ? { flexible: true as const, ...(f.stringSize ? { element_size: f.elemSize } : {}) } : {}),
    },
  ];
}
