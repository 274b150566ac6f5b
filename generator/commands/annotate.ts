/**
 * An annotated hex dump of one struct in memory, the way `flatc --annotate`
 * or a hex editor's pattern language shows a binary: each member's bytes
 * on a line of their own, labelled struct.member with its type and the
 * value the generated codec decodes (a bitfield group's bytes once, then
 * each field with its bits). Laid out by the layout IR, so every byte of
 * the struct is on exactly one line: padding is shown as such.
 */
import { unreachable, type FieldIR, type StructIR } from '../layout/ir.js';
import { memberTypeText as typeName } from '../layout/layout-json.js';

/** Bytes of a member shown in full; longer ones are shown head and tail. */
const SHOWN = 16;

const hex = (n: number | bigint, w = 0): string => `0x${n.toString(16).padStart(w, '0')}`;

function bytesText(bytes: Uint8Array): string {
  const all = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  return all.length <= SHOWN ? all.join(' ') : `${all.slice(0, 8).join(' ')} .. ${all.slice(-4).join(' ')} (${all.length} bytes)`;
}

function valueText(v: unknown): string {
  if (typeof v === 'bigint' || typeof v === 'number') return v > 9 ? `${v} (0x${v.toString(16)})` : String(v);
  // Inside structs and arrays: 64-bit values as plain numbers, for reading.
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `\u0000${x}` : x))?.replace(/"\\u0000(-?\d+)"/g, '$1');
  if (text === undefined) return '-';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One line a member (and a line a bitfield under its group): offset, address, bytes, struct.member, type, value. */
export function annotateStruct(st: StructIR, pa: bigint, bytes: Uint8Array, value: Record<string, unknown>): string[] {
  const lines = [`struct ${st.name} (${st.version}) at ${hex(pa)}, ${st.size} bytes`];
  const row = (offset: number, size: number, label: string, type: string, v: string): void => {
    lines.push(`  +${hex(offset, 3)}  ${hex(pa + BigInt(offset), 12)}  ${bytesText(bytes.subarray(offset, offset + size)).padEnd(48)}  ${label.padEnd(40)} ${type.padEnd(14)} ${v}`);
  };
  let at = 0;
  const member = (f: FieldIR, values: Record<string, unknown>): void => {
    if (f.offset > at) row(at, f.offset - at, `${st.name}.(padding)`, `u8[${f.offset - at}]`, '-');
    switch (f.shape) {
      case 'bits':
        row(f.offset, f.size, `${st.name}.{${f.bits.map((b) => b.name).join(',')}}`, f.prim, '');
        for (const b of f.bits) lines.push(`  ${' '.repeat(70)}  ${`${st.name}.${b.name}`.padEnd(40)} ${`bits ${b.lsb}-${b.lsb + b.width - 1}`.padEnd(14)} ${valueText(values[b.name])}`);
        break;
      case 'union':
        if (f.name === undefined) {
          for (const m of f.members) row(m.offset, m.size, `${st.name}.${m.name ?? '?'}`, typeName(m), valueText(values[m.name ?? '']));
        } else row(f.offset, f.size, `${st.name}.${f.name}`, 'union', valueText(values[f.name]));
        break;
      case 'flexible':
        row(f.offset, 0, `${st.name}.${f.name}`, typeName(f), valueText(values[f.name]));
        break;
      case 'scalar':
      case 'array':
      case 'struct':
      case 'struct-array':
      case 'bitmap':
      case 'khoser':
      case 'khoser-array':
      case 'pointer':
        row(f.offset, f.size, `${st.name}.${f.name}`, typeName(f), valueText(values[f.name]));
        break;
      default:
        unreachable(f);
    }
    at = Math.max(at, f.offset + f.size);
  };
  for (const f of st.fields) member(f, value);
  if (at < st.size) row(at, st.size - at, `${st.name}.(padding)`, `u8[${st.size - at}]`, '-');
  return lines;
}
