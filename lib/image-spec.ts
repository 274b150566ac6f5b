/**
 * A test image described in a few lines of YAML, for `kho-abi image build`
 * and for bug reports that carry a reproducer:
 *
 *   kho: { compatible: kho-v4 }          # optional; the current string by default; kho-v1 writes that
 *                                        # era's handover (sub-FDT children, a khoser_mem_chunk map)
 *   luo:
 *     compatible: luo-v2                 # optional; the current version by default, or any older one
 *     liveupdate_num: 1
 *     sessions:
 *       - name: vm-1
 *         files:
 *           - compatible: memfd-v2       # a handler with a schema: its blob's members and entries
 *             token: 1
 *             fields: { pos: 0, size: 8192, seals: 0, flags: 0 }
 *             entries: [{ pfn: 0x1000, flags: 3, index: 0 }]
 *           - { compatible: other-v1, token: 2, data: 0 }   # no handler: data as stored
 *     flbs:
 *       - { name: hugetlb-v1, count: 1, fields: { ... } }
 *
 * Members are given as `decode` prints them (64-bit values as numbers or
 * decimal or 0x strings) and checked against the layout IR; the member a
 * handler's entry array hangs from and the one counting it are the
 * writer's. Every error names the spec's line.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { JsonInputError, valueFromJson } from '../generator/json-values.js';
import { findStruct, type AbiIR, type FieldIR, type StructIR } from '../generator/layout/ir.js';
import type { StructCodec } from '../runtime/codec.js';
import type { FileHandler, FlbHandler } from '../runtime/liveupdate/handlers.js';
import type { Fields, FileState, FlbState, LiveUpdateState, SessionState } from '../runtime/liveupdate/model.js';

export class ImageSpecError extends Error {}

type Path = (string | number)[];

const KEYS = {
  top: ['kho', 'luo'],
  kho: ['compatible'],
  luo: ['compatible', 'liveupdate_num', 'sessions', 'flbs'],
  session: ['name', 'files'],
  file: ['compatible', 'token', 'fields', 'entries', 'data'],
  flb: ['name', 'count', 'fields', 'data'],
} as const;

/** Zero for every member, so that the members the writer fills may be left out of a spec. */
function zeroJson(st: StructIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const zero = (f: FieldIR): unknown => {
    switch (f.shape) {
      case 'struct':
        return zeroJson(f.struct);
      case 'array':
        return f.prim === 'char' ? '' : new Array(f.count).fill(0);
      case 'struct-array':
        return Array.from({ length: f.count }, () => zeroJson(f.struct));
      case 'bitmap':
        return new Array(f.count).fill(0);
      case 'flexible':
        return [];
      default:
        return 0;
    }
  };
  for (const f of st.fields) {
    if (f.shape === 'bits') for (const b of f.bits) out[b.name] = 0;
    else if (f.shape === 'union' && f.name === undefined) Object.assign(out, zeroJson({ ...st, fields: f.members }));
    else if (f.name !== undefined) out[f.name] = zero(f);
  }
  return out;
}

export function parseImageSpec(
  text: string,
  file: string,
  ir: AbiIR,
  handlers: { readonly files: readonly FileHandler[]; readonly flbs: readonly FlbHandler[]; readonly khoCompatible: string; readonly luoCompatible: string; readonly eras?: readonly { readonly compatible: string }[] },
): LiveUpdateState {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const where = (path: Path): string => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
    const shown = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    return `${file}:${pos.line}:${pos.col}${shown ? `: ${shown}` : ''}`;
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lines.linePos(e.pos[0]);
    throw new ImageSpecError(`${file}:${pos.line}:${pos.col}: ${e.message.split('\n')[0]}`);
  }
  const spec = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const mapping = (v: unknown, path: Path, keys: readonly string[]): Record<string, unknown> => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new ImageSpecError(`${where(path)}: expected a mapping`);
    for (const k of Object.keys(v)) if (!keys.includes(k)) throw new ImageSpecError(`${where([...path, k])}: unknown key '${k}'; known: ${keys.join(', ')}`);
    return v as Record<string, unknown>;
  };
  const list = (v: unknown, path: Path): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new ImageSpecError(`${where(path)}: expected a list`);
    return v;
  };
  const str = (v: unknown, path: Path, fallback?: string): string => {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v === '') throw new ImageSpecError(`${where(path)}: expected a non-empty string`);
    return v;
  };
  const u64 = (v: unknown, path: Path, fallback?: bigint): bigint => {
    if (v === undefined && fallback !== undefined) return fallback;
    const ok = (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^(0x[0-9a-fA-F]{1,16}|[0-9]{1,20})$/.test(v));
    const x = ok ? BigInt(v as number | string) : -1n;
    if (x < 0n || x >= 1n << 64n) throw new ImageSpecError(`${where(path)}: expected a u64 (a number, or a decimal or 0x string)`);
    return x;
  };
  const struct = (name: string, version: string): StructIR => {
    const st = findStruct(ir, name, version);
    if (!st) throw new ImageSpecError(`${file}: no layout for struct ${name} (${version}) in this project's schemas`);
    return st;
  };
  /** The members of a struct from the spec, checked as the codec will encode them (ranges, declared bits). */
  const members = (codec: StructCodec<unknown>, v: unknown, path: Path, writerOwned: readonly string[]): Fields => {
    const st = struct(codec.name, codec.version);
    const given = mapping(v ?? {}, path, Object.keys(zeroJson(st)).filter((k) => !writerOwned.includes(k)));
    try {
      const value = valueFromJson(st, { ...zeroJson(st), ...given }) as Record<string, never>;
      codec.encode(value, new DataView(new ArrayBuffer(codec.size)), 0);
      for (const k of writerOwned) delete value[k];
      return value;
    } catch (e) {
      if (e instanceof JsonInputError || (e instanceof Error && e.name === 'EncodeError')) throw new ImageSpecError(`${where(path)}: ${e.message}`);
      throw e;
    }
  };

  const top = mapping(spec ?? {}, [], KEYS.top);
  const kho = mapping(top.kho ?? {}, ['kho'], KEYS.kho);
  const state: { kho: LiveUpdateState['kho']; luo?: LiveUpdateState['luo'] } = { kho: { compatible: str(kho.compatible, ['kho', 'compatible'], handlers.khoCompatible) } };
  if (top.luo === undefined) return state;
  const luo = mapping(top.luo, ['luo'], KEYS.luo);
  const sessions: SessionState[] = list(luo.sessions, ['luo', 'sessions']).map((raw, i) => {
    const sp: Path = ['luo', 'sessions', i];
    const s = mapping(raw, sp, KEYS.session);
    const files: FileState[] = list(s.files, [...sp, 'files']).map((rf, j) => {
      const fp: Path = [...sp, 'files', j];
      const f = mapping(rf, fp, KEYS.file);
      const compatible = str(f.compatible, [...fp, 'compatible']);
      const token = u64(f.token, [...fp, 'token']);
      const h = handlers.files.find((x) => x.compatible === compatible);
      if (!h) {
        if (f.fields !== undefined || f.entries !== undefined) throw new ImageSpecError(`${where(fp)}: no handler of '${compatible}' has a schema here; give data: (the u64 luo_file_ser.data) instead of fields and entries`);
        return { compatible, token, data: u64(f.data, [...fp, 'data'], 0n) };
      }
      if (f.data !== undefined) throw new ImageSpecError(`${where([...fp, 'data'])}: '${compatible}' has a handler; its state is fields: and entries:, data is the writer's`);
      const owned = h.entries ? [h.entries.edge.member.name, ...(h.entries.edge.count ? [h.entries.edge.count.name] : [])] : [];
      const fields = members(h.state, f.fields, [...fp, 'fields'], owned);
      const entries = h.entries ? list(f.entries, [...fp, 'entries']).map((e, k) => members(h.entries!.codec, e, [...fp, 'entries', k], [])) : undefined;
      return { compatible, token, state: { fields, ...(entries ? { entries } : {}) } };
    });
    return { name: str(s.name, [...sp, 'name']), files };
  });
  const flbs: FlbState[] = list(luo.flbs, ['luo', 'flbs']).map((raw, i) => {
    const fp: Path = ['luo', 'flbs', i];
    const f = mapping(raw, fp, KEYS.flb);
    const name = str(f.name, [...fp, 'name']);
    const count = u64(f.count, [...fp, 'count'], 1n);
    const h = handlers.flbs.find((x) => x.name === name);
    if (!h) return { name, count, data: u64(f.data, [...fp, 'data'], 0n) };
    return { name, count, state: members(h.state, f.fields, [...fp, 'fields'], []) };
  });
  const compatible = str(luo.compatible, ['luo', 'compatible'], handlers.luoCompatible);
  // The writer lays out the version the string names (an older one for a reproducer from an older kernel); a string no version stores has no layout.
  if (handlers.eras && !handlers.eras.some((e) => e.compatible === compatible)) {
    throw new ImageSpecError(`${where(['luo', 'compatible'])}: no LUO version stores '${compatible}'; known: ${handlers.eras.map((e) => e.compatible).join(', ')}`);
  }
  state.luo = { compatible, liveupdateNum: u64(luo.liveupdate_num, ['luo', 'liveupdate_num'], 1n), sessions, flbs };
  return state;
}
