/**
 * The part of a `readelf --debug-dump=info` listing that layouts need:
 * structs, unions, enums and the types their members refer to. gcc computed
 * every offset in it, so a layout read from here is the compiler's word,
 * not ours.
 */

interface Die {
  readonly offset: number;
  readonly tag: string;
  readonly attrs: Map<string, string>;
  readonly children: Die[];
}

/** A member as the compiler laid it out. Offsets are from the start of the enclosing struct. */
export interface DwarfMember {
  /** '' for an anonymous union or struct member. */
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  /** The type, canonical: u32 for `unsigned int` and `u32` alike, `u64[511]`, `struct x`, `union{phys:u64,ptr:ptr}`. */
  readonly type: string;
  readonly bitOffset?: number;
  readonly bitWidth?: number;
  /** The line of the member in the header that declares it. */
  readonly line?: number;
}

export interface DwarfRecord {
  readonly kind: 'struct' | 'union';
  readonly name: string;
  readonly size: number;
  readonly members: readonly DwarfMember[];
}

export interface DwarfEnum {
  readonly name: string;
  readonly values: readonly { readonly name: string; readonly value: bigint }[];
}

export interface DwarfInfo {
  readonly records: ReadonlyMap<string, DwarfRecord>;
  readonly enums: ReadonlyMap<string, DwarfEnum>;
}

const DIE_LINE = /^\s*<(\d+)><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)/;
const ATTR_LINE = /^\s*<[0-9a-f]+>\s+(DW_AT_\w+)\s*:\s?(.*)$/;

export function parseReadelf(text: string): DwarfInfo {
  const byOffset = new Map<number, Die>();
  const stack: Die[] = [];
  const roots: Die[] = [];
  let current: Die | undefined;
  for (const line of text.split('\n')) {
    const d = DIE_LINE.exec(line);
    if (d) {
      const depth = Number(d[1]);
      const die: Die = { offset: parseInt(d[2]!, 16), tag: d[3]!, attrs: new Map(), children: [] };
      byOffset.set(die.offset, die);
      stack.length = depth;
      if (depth === 0) roots.push(die);
      else stack[depth - 1]?.children.push(die);
      stack[depth] = die;
      current = die;
      continue;
    }
    if (/Abbrev Number: 0\s*$/.test(line)) {
      current = undefined;
      continue;
    }
    const a = ATTR_LINE.exec(line);
    if (a && current) current.attrs.set(a[1]!, a[2]!.trim());
  }

  const name = (die: Die): string => {
    const raw = die.attrs.get('DW_AT_name');
    if (raw === undefined) return '';
    const m = /\): (.*)$/.exec(raw);
    return m ? m[1]! : raw;
  };
  const num = (die: Die, attr: string): number | undefined => {
    const raw = die.attrs.get(attr);
    if (raw === undefined) return undefined;
    const m = /^(-?(?:0x[0-9a-f]+|\d+))/.exec(raw);
    return m ? Number(m[1]) : undefined;
  };
  const ref = (die: Die): Die | undefined => {
    const raw = die.attrs.get('DW_AT_type');
    const m = raw ? /<0x([0-9a-f]+)>/.exec(raw) : null;
    return m ? byOffset.get(parseInt(m[1]!, 16)) : undefined;
  };

  const sizeOf = (die: Die | undefined): number => {
    if (!die) return 0;
    const own = num(die, 'DW_AT_byte_size');
    if (own !== undefined) return own;
    if (die.tag === 'DW_TAG_array_type') {
      const n = die.children.filter((c) => c.tag === 'DW_TAG_subrange_type').reduce((p, c) => p * count(c), 1);
      return n * sizeOf(ref(die));
    }
    return sizeOf(ref(die));
  };
  const count = (sub: Die): number => {
    const c = num(sub, 'DW_AT_count');
    if (c !== undefined) return c;
    const ub = num(sub, 'DW_AT_upper_bound');
    return ub === undefined ? 0 : ub + 1;
  };
  const typeName = (die: Die | undefined): string => {
    if (!die) return 'void';
    switch (die.tag) {
      case 'DW_TAG_base_type': {
        const enc = die.attrs.get('DW_AT_encoding') ?? '';
        const size = sizeOf(die);
        const n = name(die);
        if (n === 'char') return 'char';
        if (n === '_Bool') return 'bool';
        if (/unsigned/.test(enc)) return `u${size * 8}`;
        if (/signed/.test(enc)) return `s${size * 8}`;
        return n;
      }
      case 'DW_TAG_typedef':
      case 'DW_TAG_const_type':
      case 'DW_TAG_volatile_type':
        return typeName(ref(die));
      case 'DW_TAG_pointer_type':
        return 'ptr';
      case 'DW_TAG_array_type': {
        const dims = die.children.filter((c) => c.tag === 'DW_TAG_subrange_type').map((c) => {
          const bounded = c.attrs.has('DW_AT_count') || c.attrs.has('DW_AT_upper_bound');
          return bounded ? `[${count(c)}]` : '[]';
        });
        return typeName(ref(die)) + dims.join('');
      }
      case 'DW_TAG_structure_type':
      case 'DW_TAG_union_type': {
        const kw = die.tag === 'DW_TAG_structure_type' ? 'struct' : 'union';
        if (name(die)) return `${kw} ${name(die)}`;
        return `${kw}{${die.children.filter((c) => c.tag === 'DW_TAG_member').map((c) => `${name(c)}:${typeName(ref(c))}`).join(',')}}`;
      }
      case 'DW_TAG_enumeration_type':
        return `u${sizeOf(die) * 8}`;
      default:
        return die.tag.replace('DW_TAG_', '');
    }
  };

  const records = new Map<string, DwarfRecord>();
  const enums = new Map<string, DwarfEnum>();
  const visit = (die: Die): void => {
    if ((die.tag === 'DW_TAG_structure_type' || die.tag === 'DW_TAG_union_type') && name(die) && !die.attrs.has('DW_AT_declaration')) {
      const members = die.children
        .filter((c) => c.tag === 'DW_TAG_member')
        .map((c): DwarfMember => {
          const t = ref(c);
          const bitWidth = num(c, 'DW_AT_bit_size');
          const dataBit = num(c, 'DW_AT_data_bit_offset');
          const byteOffset = num(c, 'DW_AT_data_member_location') ?? (dataBit !== undefined ? Math.floor(dataBit / 8) : 0);
          const line = num(c, 'DW_AT_decl_line');
          return {
            name: name(c),
            ...(line !== undefined ? { line } : {}),
            offset: byteOffset,
            size: sizeOf(t),
            type: typeName(t),
            ...(bitWidth !== undefined ? { bitWidth, bitOffset: dataBit ?? byteOffset * 8 } : {}),
          };
        });
      records.set(name(die), { kind: die.tag === 'DW_TAG_structure_type' ? 'struct' : 'union', name: name(die), size: sizeOf(die), members });
    }
    if (die.tag === 'DW_TAG_enumeration_type' && name(die)) {
      enums.set(name(die), {
        name: name(die),
        values: die.children.filter((c) => c.tag === 'DW_TAG_enumerator').map((c) => ({ name: name(c), value: BigInt(/^-?\d+/.exec(c.attrs.get('DW_AT_const_value') ?? '0')?.[0] ?? '0') })),
      });
    }
    die.children.forEach(visit);
  };
  roots.forEach(visit);
  return { records, enums };
}
