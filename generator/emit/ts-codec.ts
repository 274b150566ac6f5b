/**
 * TypeScript codecs for every struct of every version at every page size:
 * an interface, size and offset constants, decode and encode functions that
 * read and write a DataView in place, a zero-copy view class, and one codec
 * object per layout. Layouts that are equal share one codec.
 */
import { IndentationText, Project, QuoteKind, VariableDeclarationKind, type CodeBlockWriter } from 'ts-morph';
import { ModuleSink } from './ts-sink.js';
import { countOf, primOf, structOf, unreachable } from '../layout/ir.js';
import type { AbiIR, BitIR, BitsFieldIR, FieldIR, ScalarFieldIR, SchemaIR, StructArrayFieldIR, StructFieldIR, StructIR, FlexibleFieldIR } from '../layout/ir.js';
import type { EmittedFile } from './emitted-file.js';
import { emitContainers } from './ts-containers.js';
import { bitIsBig, isCharArray, pageSuffix, pascal, primBits, primIsBig, primTsType, safeLocal, versionSuffix } from './ts-names.js';

export const TS_DIR = 'generated/ts';

type Stmt = string | { readonly head: string; readonly body: readonly Stmt[] } | { readonly try: readonly Stmt[]; readonly catch: readonly Stmt[] };

/** Statements built now (so the imports they need are known before printing), written when the module is printed. */
function written(stmts: readonly Stmt[]): (w: CodeBlockWriter) => void {
  return (w) => writeStmts(w, stmts);
}

function writeStmts(w: CodeBlockWriter, stmts: readonly Stmt[]): void {
  for (const s of stmts) {
    if (typeof s === 'string') w.writeLine(s);
    else if ('try' in s) {
      w.write('try ').inlineBlock(() => writeStmts(w, s.try));
      w.write(' catch (e) ').block(() => writeStmts(w, s.catch));
    } else w.write(s.head + ' ').block(() => writeStmts(w, s.body));
  }
}

/** Names of one emitted codec; equal layouts point at the same record. */
interface CodecNames {
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
}

const keyOf = (schema: string, version: string, pageSize: number, struct: string): string => `${schema}|${version}|${pageSize}|${struct}`;

/** Everything a struct's bytes mean, names and checks included: equal signatures share code. */
function signature(st: StructIR, names: Map<string, CodecNames>, pageSize: number): string {
  const field = (f: FieldIR): unknown => [
    f.name ?? null,
    f.shape,
    f.offset,
    f.size,
    primOf(f) ?? null,
    f.shape === 'flexible' ? 0 : (countOf(f) ?? null),
    structKey(f, names, pageSize, 'codec'),
    f.shape === 'bits' ? f.bits.map((b) => [b.name, b.lsb, b.width, b.allowed?.toString() ?? null]) : null,
    f.shape === 'union' ? f.members.map(field) : null,
    f.shape === 'scalar' ? (f.allowed?.toString() ?? null) : null,
    // The one value a reader accepts: versions told apart by a number differ only here.
    f.shape === 'scalar' ? (f.equals?.toString() ?? null) : null,
    'ref' in f && f.ref?.count ? f.ref.count.name : null,
  ];
  return JSON.stringify([st.name, st.size, st.align, st.fields.map(field)]);
}

interface Plan {
  readonly names: Map<string, CodecNames>;
  /** Records to emit, per module, in order. */
  readonly emit: Map<string, CodecNames[]>;
}

/** Decides, before writing anything, which codec every (version, page size, struct) uses. */
function plan(irs: readonly AbiIR[]): Plan {
  const names = new Map<string, CodecNames>();
  const emit = new Map<string, CodecNames[]>();
  const bySig = new Map<string, CodecNames>();
  const byIface = new Map<string, string>();
  const usedFns = new Set<string>();
  const base = irs[0]!;
  // Dependencies first, so a nested struct's codec is named before its users.
  const order = topoSchemas(base);
  for (const schemaName of order) {
    const list: CodecNames[] = [];
    emit.set(schemaName, list);
    const schema0 = base.schemas.find((s) => s.name === schemaName)!;
    const versionOrder = [schema0.current, ...schema0.versions.filter((v) => v !== schema0.current)];
    for (const v0 of versionOrder) {
      for (const ir of irs) {
        const schema = ir.schemas.find((s) => s.name === schemaName)!;
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
            while ([...byIface.values()].includes(iface)) iface += 'Alt';
            byIface.set(shapeSig, iface);
          }
          // Functions are per layout: two layouts sharing an interface get distinct names.
          let fn = iface + pageSuffix(ir.target.pageSize);
          if (usedFns.has(fn)) fn = pascal(st.name) + (suffix || pascal(v.id)) + pageSuffix(ir.target.pageSize);
          while (usedFns.has(fn)) fn += 'Alt';
          usedFns.add(fn);
          const rec: CodecNames = {
            module: schemaName,
            iface,
            decode: `decode${fn}`,
            encode: `encode${fn}`,
            view: `${fn}View`,
            codec: `${fn[0]!.toLowerCase()}${fn.slice(1)}Codec`,
            sizeConst: `SIZEOF_${fn}`,
            struct: st,
            pageSize: ir.target.pageSize,
            version: v.id,
          };
          bySig.set(sig, rec);
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
  return [f.name ?? null, f.shape, primOf(f) ?? null, inner, f.shape === 'bits' ? f.bits.map((b) => [b.name, bitIsBig(b)]) : null, f.shape === 'union' ? f.members.map((m) => ifaceShape(m, names, pageSize)) : null];
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
    for (const inc of s.includes) visit(ir.schemas.find((x) => x.name === inc)!);
    out.push(s.name);
  };
  ir.schemas.forEach(visit);
  return out;
}

export function emitTsCodecs(irs: readonly AbiIR[], opts: { readonly runtimeImport: string }): EmittedFile[] {
  const { names, emit } = plan(irs);
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const files: EmittedFile[] = [];
  const base = irs[0]!;
  for (const schema of base.schemas) {
    const sf = new ModuleSink();
    emitModule(sf, schema, irs, names, emit.get(schema.name) ?? [], opts.runtimeImport);
    files.push({ path: `${TS_DIR}/${schema.name}.ts`, content: banner(`schemas/${schema.name}.yaml`) + sf.print(project, `${schema.name}.ts`) });
  }
  const index = new ModuleSink();
  emitIndex(index, base, opts.runtimeImport);
  files.push({ path: `${TS_DIR}/index.ts`, content: banner('schemas/*.yaml') + index.print(project, 'index.ts') });
  return files;
}

function banner(source: string): string {
  return `// Generated by kho-abi from ${source}; do not edit.\n// Change the schema and regenerate with \`npm run gen\` (kho-abi gen).\n\n`;
}

function emitModule(sf: ModuleSink, schema: SchemaIR, irs: readonly AbiIR[], names: Map<string, CodecNames>, records: readonly CodecNames[], runtimeImport: string): void {
  const runtimeImports = new Set<string>(['type SchemaCodecs']);
  if (records.length) for (const r of ['type StructCodec', 'type FieldTable', 'type ReadOptions', 'decodeFailure', 'encodeFailure']) runtimeImports.add(r);
  const foreign = new Map<string, Set<string>>();
  const use = (rec: CodecNames, what: 'iface' | 'decode' | 'encode' | 'view'): string => {
    if (rec.module !== schema.name) {
      const set = foreign.get(rec.module) ?? new Set<string>();
      set.add(what === 'iface' ? `type ${rec.iface}` : rec[what]);
      foreign.set(rec.module, set);
    }
    return rec[what];
  };
  const ctx: Ctx = { schema, names, runtime: runtimeImports, use };

  emitConstants(sf, schema, irs);
  const emittedIfaces = new Set<string>();
  for (const rec of records) {
    if (!emittedIfaces.has(rec.iface)) {
      emittedIfaces.add(rec.iface);
      emitInterface(sf, rec, ctx);
    }
    emitStruct(sf, rec, ctx);
  }
  emitRegistry(sf, schema, irs, names, runtimeImports);
  emitCompat(sf, schema, runtimeImports);
  emitContainers(sf, schema, irs, runtimeImports);

  for (const [module, set] of [...foreign].sort(([a], [b]) => a.localeCompare(b)).reverse()) {
    sf.insertImportDeclaration(0, { moduleSpecifier: `./${module}.js`, namedImports: [...set].sort() });
  }
  sf.insertImportDeclaration(0, { moduleSpecifier: runtimeImport, namedImports: [...runtimeImports].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))) });
}

interface Ctx {
  readonly schema: SchemaIR;
  readonly names: Map<string, CodecNames>;
  readonly runtime: Set<string>;
  use(rec: CodecNames, what: 'iface' | 'decode' | 'encode' | 'view'): string;
}

function nested(ctx: Ctx, rec: CodecNames, f: StructFieldIR | StructArrayFieldIR | FlexibleFieldIR): CodecNames {
  const st = f.struct!;
  const r = ctx.names.get(keyOf(st.schema, st.version, rec.pageSize, st.name));
  if (!r) throw new Error(`no codec planned for ${st.name}@${st.version}`);
  return r;
}

function tsString(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => '\\' + c).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

function tsLiteral(v: bigint | string): string {
  if (typeof v === 'string') return tsString(v);
  return v >= -(2n ** 53n) && v <= 2n ** 53n ? String(v) : `${v}n`;
}

function emitConstants(sf: ModuleSink, schema: SchemaIR, irs: readonly AbiIR[]): void {
  const v = schema.current;
  if (v.macro && v.compatible !== undefined) {
    sf.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`The compatible string ${v.id} stores (${v.macro}).`],
      declarations: [{ name: v.macro, initializer: tsString(v.compatible) }],
    });
  }
  const all = [...v.constants.map((c) => ({ name: c.name, doc: c.doc })), ...v.enums.flatMap((e) => e.values.map((x) => ({ name: x.name, doc: x.doc })))];
  for (const c of all) {
    const values = irs.map((ir) => {
      const sv = ir.schemas.find((s) => s.name === schema.name)!.current;
      return sv.constants.find((x) => x.name === c.name)?.value ?? sv.enums.flatMap((e) => e.values).find((x) => x.name === c.name)!.value;
    });
    const same = values.every((x) => x === values[0]);
    const initializer = same ? tsLiteral(values[0]!) : `{ ${irs.map((ir, i) => `${ir.target.pageSize}: ${tsLiteral(values[i]!)}`).join(', ')} } as const`;
    sf.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      ...(c.doc ? { docs: [same ? c.doc : `${c.doc} (by page size)`] } : same ? {} : { docs: ['By page size.'] }),
      declarations: [{ name: c.name, initializer }],
    });
  }
  emitOlderConstants(sf, schema, irs, new Set(all.map((c) => c.name)));
}

/**
 * Constants only older versions define (the names of LUO's sub-FDT, say),
 * with the value of the newest version that has them, so that a reader of
 * those versions takes them from here. A name whose value differs between
 * versions is left out: it has no one value.
 */
function emitOlderConstants(sf: ModuleSink, schema: SchemaIR, irs: readonly AbiIR[], done: ReadonlySet<string>): void {
  const seen = new Set(done);
  for (const ver of [...schema.versions].reverse()) {
    for (const c of ver.constants) {
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      const holders = schema.versions.filter((x) => x.constants.some((k) => k.name === c.name));
      const values = irs.flatMap((ir) => {
        const sch = ir.schemas.find((x) => x.name === schema.name)!;
        return holders.map((h) => sch.versions.find((x) => x.id === h.id)!.constants.find((k) => k.name === c.name)!.value);
      });
      if (!values.every((x) => x === values[0])) continue;
      const ids = holders.map((h) => h.id).join(', ');
      sf.addVariableStatement({
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`${c.doc ?? c.name} (${ids})`],
        declarations: [{ name: c.name, initializer: tsLiteral(values[0]!) }],
      });
    }
  }
}

function fieldType(f: FieldIR, rec: CodecNames, ctx: Ctx): string {
  switch (f.shape) {
    case 'scalar':
      return primTsType(f.prim!);
    case 'array':
      return isCharArray(f) ? 'string' : `${primTsType(f.prim!)}[]`;
    case 'flexible':
      return f.struct ? `${ctx.use(nested(ctx, rec, f), 'iface')}[]` : f.stringSize ? 'string[]' : `${primTsType(f.prim!)}[]`;
    case 'struct':
      return ctx.use(nested(ctx, rec, f), 'iface');
    case 'struct-array':
      return `${ctx.use(nested(ctx, rec, f), 'iface')}[]`;
    case 'bitmap':
    case 'khoser-array':
      return 'bigint[]';
    case 'khoser':
    case 'pointer':
      return 'bigint';
    case 'bits':
    case 'union':
      throw new Error('flattened');
    default:
      return unreachable(f);
  }
}

/** Members as the interface lists them: bitfields and anonymous unions flattened. */
function flatMembers(fields: readonly FieldIR[]): { f: FieldIR; bit?: BitIR }[] {
  return fields.flatMap((f) =>
    f.shape === 'bits' ? f.bits.map((bit) => ({ f, bit })) : f.shape === 'union' ? flatMembers(f.members) : [{ f }],
  );
}

function emitInterface(sf: ModuleSink, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  sf.addInterface({
    name: rec.iface,
    isExported: true,
    docs: [`struct ${st.name} (${rec.version})${st.doc ? `: ${st.doc}` : ''}`],
    properties: flatMembers(st.fields).map(({ f, bit }) => ({
      name: bit ? bit.name : f.name!,
      type: bit ? (bitIsBig(bit) ? 'bigint' : 'number') : fieldType(f, rec, ctx),
      docs: [
        bit
          ? `${bit.doc ?? bit.name} Bits ${bit.lsb}..${bit.lsb + bit.width - 1} of the ${primOf(f)} at offset ${f.offset}.`
          : `${f.doc ?? f.name} At offset ${f.offset}${f.size ? `, ${f.size} bytes` : ''}.`,
      ],
    })),
  });
}

const at = (o: number): string => (o === 0 ? 'offset' : `offset + ${o}`);
const hex = (n: bigint | number): string => `0x${n.toString(16)}`;
const GET: Record<string, string> = { u8: 'getUint8', u16: 'getUint16', u32: 'getUint32', u64: 'getBigUint64', s8: 'getInt8', s16: 'getInt16', s32: 'getInt32', s64: 'getBigInt64', char: 'getUint8' };
const SET: Record<string, string> = { u8: 'setUint8', u16: 'setUint16', u32: 'setUint32', u64: 'setBigUint64', s8: 'setInt8', s16: 'setInt16', s32: 'setInt32', s64: 'setBigInt64', char: 'setUint8' };
const le = (p: string): string => (p === 'u8' || p === 's8' || p === 'char' ? '' : ', true');

function readPrim(p: string, off: string, view = 'view'): string {
  return `${view}.${GET[p]}(${off}${le(p)})`;
}

function writePrim(p: string, off: string, value: string, view = 'view'): string {
  return `${view}.${SET[p]}(${off}, ${value}${le(p)});`;
}

/** Reads each 32-bit word of a bitfield storage unit once; big fields read the unit as a bigint. */
function bitsDecode(f: BitsFieldIR, rec: CodecNames, ctx: Ctx, view = 'view', base = 'offset'): { stmts: Stmt[]; values: Map<string, string> } {
  const st = rec.struct;
  const off = (k: number): string => (base === 'offset' ? at(k) : k === 0 ? base : `${base} + ${k}`);
  const unit = f.prim!;
  const unitBits = primBits(unit);
  const stmts: Stmt[] = [];
  const values = new Map<string, string>();
  const words = unitBits === 64 ? 2 : 1;
  const wname = (w: number): string => `u${f.offset}_${w}`;
  const needWords = f.bits!.some((b) => !bitIsBig(b));
  const needBig = f.bits!.some(bitIsBig);
  if (needWords) {
    for (let w = 0; w < words; w++) {
      stmts.push(`const ${wname(w)} = ${readPrim(unitBits === 64 ? 'u32' : unit, off(f.offset + 4 * w), view)};`);
    }
  }
  if (needBig) stmts.push(`const u${f.offset}_big = ${readPrim('u64', off(f.offset), view)};`);
  for (const b of f.bits!) {
    const local = `v_${b.name}`;
    if (bitIsBig(b)) {
      stmts.push(`const ${local} = (u${f.offset}_big >> ${b.lsb}n) & ${hex((1n << BigInt(b.width)) - 1n)}n;`);
    } else {
      const parts: string[] = [];
      for (let w = 0; w < words; w++) {
        const wordLo = w * 32;
        const s = Math.max(b.lsb, wordLo);
        const e = Math.min(b.lsb + b.width, wordLo + Math.min(32, unitBits));
        if (s >= e) continue;
        const len = e - s;
        const shifted = s - wordLo === 0 ? wname(w) : `(${wname(w)} >>> ${s - wordLo})`;
        // getUint32 is already unsigned, and >>> leaves nothing above a field that ends at the top bit.
        const wordBits = Math.min(32, unitBits);
        const masked = len === wordBits ? wname(w) : s - wordLo + len === 32 ? shifted : `(${shifted} & ${hex(2 ** len - 1)})`;
        parts.push(s - b.lsb === 0 ? masked : `${masked} * ${2 ** (s - b.lsb)}`);
      }
      stmts.push(`const ${local} = ${parts.join(' + ')};`);
    }
    if (b.allowed !== undefined) {
      const cond = bitIsBig(b) ? `(${local} & ~${hex(b.allowed)}n) !== 0n` : b.width <= 31 ? `(${local} & ~${hex(b.allowed)}) !== 0` : `(BigInt(${local}) & ~${hex(b.allowed)}n) !== 0n`;
      const args = `${local}, ${hex(b.allowed)}${bitIsBig(b) ? 'n' : ''}, '${st.name}', '${b.name}', ${off(f.offset)}`;
      stmts.push({ head: `if (${cond})`, body: [bitsAnomaly(b.kernel, args, ctx)] });
    }
    values.set(b.name, local);
  }
  return { stmts, values };
}

function bitsEncode(f: BitsFieldIR, rec: CodecNames, ctx: Ctx, src: string): Stmt[] {
  const st = rec.struct;
  const unit = f.prim!;
  const unitBits = primBits(unit);
  const stmts: Stmt[] = [];
  for (const b of f.bits!) {
    const local = `v_${b.name}`;
    stmts.push(`const ${local} = ${src}.${b.name};`);
    stmts.push(inlineCheck(ctx, local, b.width, false, bitIsBig(b), st.name, b.name, at(f.offset)));
    if (b.allowed !== undefined && b.kernel?.does !== 'ignore') {
      ctx.runtime.add('undeclaredBitsOnEncode');
      const cond = bitIsBig(b) ? `(${local} & ~${hex(b.allowed)}n) !== 0n` : b.width <= 31 ? `(${local} & ~${hex(b.allowed)}) !== 0` : `(BigInt(${local}) & ~${hex(b.allowed)}n) !== 0n`;
      stmts.push({ head: `if (${cond})`, body: [`throw undeclaredBitsOnEncode(${local}, ${hex(b.allowed)}${bitIsBig(b) ? 'n' : ''}, '${st.name}', '${b.name}', ${at(f.offset)});`] });
    }
  }
  if (f.bits!.some(bitIsBig)) {
    const parts = f.bits!.map((b) => (bitIsBig(b) ? `(v_${b.name} << ${b.lsb}n)` : `(BigInt(v_${b.name}) << ${b.lsb}n)`));
    stmts.push(writePrim('u64', at(f.offset), parts.join(' | ')));
    return stmts;
  }
  const words = unitBits === 64 ? 2 : 1;
  for (let w = 0; w < words; w++) {
    const wordLo = w * 32;
    const parts: string[] = [];
    for (const b of f.bits!) {
      const s = Math.max(b.lsb, wordLo);
      const e = Math.min(b.lsb + b.width, wordLo + Math.min(32, unitBits));
      if (s >= e) continue;
      const len = e - s;
      const k = s - b.lsb;
      const v = k === 0 ? `v_${b.name}` : `Math.floor(v_${b.name} / ${2 ** k})`;
      const masked = len === 32 ? `(${v} >>> 0)` : `(${v} & ${hex(2 ** len - 1)})`;
      const dst = s - wordLo;
      parts.push(dst === 0 ? masked : `(${masked} << ${dst})`);
    }
    const value = parts.length === 0 ? '0' : parts.length === 1 && !parts[0]!.includes('<<') ? parts[0]! : `(${parts.join(' | ')}) >>> 0`;
    stmts.push(writePrim(unitBits === 64 ? 'u32' : unit, at(f.offset + 4 * w), value));
  }
  return stmts;
}

/**
 * An inline range check whose failure path calls the runtime checker, which
 * builds the located EncodeError: the common case costs a compare or two.
 */
function inlineCheck(ctx: Ctx, x: string, bits: number, signed: boolean, big: boolean, st: string, field: string, off: string): Stmt {
  let cond: string;
  let fn: string;
  if (big) {
    fn = signed ? 'checkBigInt' : 'checkBigUint';
    // asUintN/asIntN is the cheapest exact range test V8 offers for a bigint.
    cond = `typeof ${x} !== 'bigint' || BigInt.${signed ? 'asIntN' : 'asUintN'}(${bits}, ${x}) !== ${x}`;
  } else if (signed) {
    fn = 'checkInt';
    // typeof first: a bigint must not reach the bit operators, which would throw a TypeError.
    cond = `typeof ${x} !== 'number' || (${x} | 0) !== ${x}` + (bits === 32 ? '' : ` || ${x} < ${-(2 ** (bits - 1))} || ${x} > ${2 ** (bits - 1) - 1}`);
  } else {
    fn = 'checkUint';
    cond =
      bits === 32
        ? `typeof ${x} !== 'number' || (${x} >>> 0) !== ${x}`
        : bits < 32
          ? `typeof ${x} !== 'number' || (${x} >>> 0) !== ${x} || ${x} > ${hex(2 ** bits - 1)}`
          : `!(${x} >= 0 && ${x} <= ${2 ** bits - 1} && Number.isInteger(${x}))`;
  }
  ctx.runtime.add(fn);
  return { head: `if (${cond})`, body: [`${fn}(${x}, ${bits}, '${st}', '${field}', ${off});`] };
}

/**
 * What a decoder does with a value its check refuses: throw, as the kernel
 * refuses it too; or, where the kernel ignores it, a warning (an error with
 * opts.strict), citing the kernel function.
 */
function onAnomaly(kernel: FieldIR['kernel'], error: string, code: string, ctx: Ctx): string {
  if (kernel?.does !== 'ignore') return `throw ${error};`;
  ctx.runtime.add('acceptedAnomaly');
  return `acceptedAnomaly(opts, '${code}', ${error}, ${tsString(kernel.by)});`;
}

/** Bits outside `allowed`: refused (the kernel refuses them), or one out-of-line call where the kernel ignores them. */
function bitsAnomaly(kernel: FieldIR['kernel'], args: string, ctx: Ctx): string {
  if (kernel?.does !== 'ignore') {
    ctx.runtime.add('undeclaredBits');
    return `throw undeclaredBits(${args});`;
  }
  ctx.runtime.add('ignoredBits');
  return `ignoredBits(opts, ${args}, ${tsString(kernel.by)});`;
}

function allowedCheck(f: ScalarFieldIR, local: string, st: StructIR, ctx: Ctx, onEncode: boolean): Stmt[] {
  // What the kernel ignores, a writer may write: only decoders say so.
  if (onEncode && f.kernel?.does === 'ignore') return [];
  if (f.equals !== undefined) {
    const fn = onEncode ? 'unexpectedValueOnEncode' : 'unexpectedValue';
    ctx.runtime.add(fn);
    const lit = primIsBig(f.prim!) ? `${f.equals}n` : String(f.equals);
    const error = `${fn}(${local}, ${lit}, '${st.name}', '${f.name}', ${at(f.offset)})`;
    return [{ head: `if (${local} !== ${lit})`, body: [onEncode ? `throw ${error};` : onAnomaly(f.kernel, error, 'unexpected-value', ctx)] }];
  }
  if (f.allowed === undefined) return [];
  const fn = 'undeclaredBitsOnEncode';
  if (onEncode) ctx.runtime.add(fn);
  const big = primIsBig(f.prim!);
  const cond = big ? `(${local} & ~${hex(f.allowed)}n) !== 0n` : `(${local} & ~${hex(f.allowed)}) !== 0`;
  const args = `${local}, ${hex(f.allowed)}${big ? 'n' : ''}, '${st.name}', '${f.name}', ${at(f.offset)}`;
  return [{ head: `if (${cond})`, body: [onEncode ? `throw ${fn}(${args});` : bitsAnomaly(f.kernel, args, ctx)] }];
}

/** A member that may not exceed an earlier one (nr_devices <= max_nr_devices); both are already checked integers. */
function boundCheck(f: ScalarFieldIR, local: string, bound: string, st: StructIR, ctx: Ctx, onEncode: boolean): Stmt[] {
  if (f.atMost === undefined) return [];
  const fn = onEncode ? 'exceedsBoundOnEncode' : 'exceedsBound';
  ctx.runtime.add(fn);
  return [{ head: `if (${local} > ${bound})`, body: [`throw ${fn}(${local}, ${bound}, '${st.name}', '${f.name}', '${f.atMost.name}', ${at(f.offset)});`] }];
}

function decodeBody(rec: CodecNames, ctx: Ctx): Stmt[] {
  const st = rec.struct;
  const out: Stmt[] = [];
  const props: string[] = [];
  const field = (f: FieldIR): void => {
    const local = `v_${f.name}`;
    switch (f.shape) {
      case 'bits': {
        const { stmts, values } = bitsDecode(f, rec, ctx);
        out.push(...stmts);
        for (const [name, v] of values) props.push(`${name}: ${v}`);
        return;
      }
      case 'union':
        f.members!.forEach(field);
        return;
      case 'scalar':
        out.push(`const ${local} = ${readPrim(f.prim!, at(f.offset))};`);
        out.push(...allowedCheck(f, local, st, ctx, false));
        out.push(...boundCheck(f, local, `v_${f.atMost?.name}`, st, ctx, false));
        break;
      case 'khoser':
      case 'pointer':
        // A kernel pointer is opaque: its bits as stored, never followed.
        out.push(`const ${local} = ${readPrim('u64', at(f.offset))};`);
        break;
      case 'array':
        if (isCharArray(f)) {
          if (f.kernel?.does === 'truncate') {
            ctx.runtime.add('readCStringTruncating');
            out.push(`const ${local} = readCStringTruncating(view, ${at(f.offset)}, ${f.size}, '${st.name}', '${f.name}', opts, ${tsString(f.kernel.by)});`);
          } else if (f.kernel?.does === 'ignore') {
            ctx.runtime.add('readCStringPadded');
            out.push(`const ${local} = readCStringPadded(view, ${at(f.offset)}, ${f.size}, '${st.name}', '${f.name}', opts, ${tsString(f.kernel.by)});`);
          } else {
            ctx.runtime.add('readCString');
            out.push(`const ${local} = readCString(view, ${at(f.offset)}, ${f.size}, '${st.name}', '${f.name}');`);
          }
        } else {
          out.push(`const ${local}: ${primTsType(f.prim!)}[] = new Array(${f.count});`);
          out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [`${local}[i] = ${readPrim(f.prim!, `${at(f.offset)} + i * ${f.elemSize}`)};`] });
        }
        break;
      case 'bitmap':
      case 'khoser-array':
        out.push(`const ${local}: bigint[] = new Array(${f.count});`);
        out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [`${local}[i] = ${readPrim('u64', `${at(f.offset)} + i * 8`)};`] });
        break;
      case 'struct':
        out.push(`const ${local} = ${ctx.use(nested(ctx, rec, f), 'decode')}(view, ${at(f.offset)}, opts);`);
        break;
      case 'struct-array': {
        const n = nested(ctx, rec, f);
        out.push(`const ${local}: ${ctx.use(n, 'iface')}[] = new Array(${f.count});`);
        out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [`${local}[i] = ${ctx.use(n, 'decode')}(view, ${at(f.offset)} + i * ${f.elemSize}, opts);`] });
        break;
      }
      case 'flexible': {
        const elemType = f.struct ? ctx.use(nested(ctx, rec, f), 'iface') : f.stringSize ? 'string' : primTsType(f.prim!);
        const countField = f.ref?.count?.name;
        if (!countField && !st.section) {
          // Nothing in the struct says how many entries follow; the owner knows.
          out.push(`const ${local}: ${elemType}[] = [];`);
          break;
        }
        if (countField) {
          ctx.runtime.add('checkBounds');
          out.push(`const ${local}_n = Number(v_${countField});`);
          out.push(`checkBounds(view, ${at(f.offset)}, ${local}_n * ${f.elemSize}, '${st.name}', [[${f.offset}, '${f.name}']]);`);
        } else {
          // The view is the linker section: the array runs to its end.
          ctx.runtime.add('sectionEntries');
          out.push(`const ${local}_n = sectionEntries(view, ${at(f.offset)}, ${f.elemSize}, '${st.name}', '${f.name}');`);
        }
        out.push(`const ${local}: ${elemType}[] = new Array(${local}_n);`);
        if (f.stringSize) ctx.runtime.add('readCString');
        const read = f.struct
          ? `${ctx.use(nested(ctx, rec, f), 'decode')}(view, ${at(f.offset)} + i * ${f.elemSize}, opts)`
          : f.stringSize
            ? `readCString(view, ${at(f.offset)} + i * ${f.elemSize}, ${f.elemSize}, '${st.name}', '${f.name}')`
            : readPrim(f.prim!, `${at(f.offset)} + i * ${f.elemSize}`);
        out.push({ head: `for (let i = 0; i < ${local}_n; i++)`, body: [`${local}[i] = ${read};`] });
        break;
      }
    }
    props.push(`${f.name}: ${local}`);
  };
  st.fields.forEach(field);
  out.push(`return { ${props.join(', ')} };`);
  return out;
}

function encodeBody(rec: CodecNames, ctx: Ctx): Stmt[] {
  const st = rec.struct;
  const out: Stmt[] = [];
  const field = (f: FieldIR): void => {
    const src = `value.${f.name}`;
    const local = `v_${f.name}`;
    const signed = primOf(f)?.startsWith('s') ?? false;
    const check = (p: string, v: string, o: string): string => {
      const fn = primIsBig(p as never) ? (signed ? 'checkBigInt' : 'checkBigUint') : signed ? 'checkInt' : 'checkUint';
      ctx.runtime.add(fn);
      return `${fn}(${v}, ${primBits(p as never)}, '${st.name}', '${f.name}', ${o})`;
    };
    switch (f.shape) {
      case 'bits':
        out.push(...bitsEncode(f, rec, ctx, 'value'));
        return;
      case 'union':
        f.members!.forEach(field);
        return;
      case 'scalar':
        out.push(`const ${local} = ${src};`);
        out.push(inlineCheck(ctx, local, primBits(f.prim!), signed, primIsBig(f.prim!), st.name, f.name!, at(f.offset)));
        out.push(...allowedCheck(f, local, st, ctx, true));
        out.push(...boundCheck(f, local, `v_${f.atMost?.name}`, st, ctx, true));
        out.push(writePrim(f.prim!, at(f.offset), local));
        return;
      case 'khoser':
        out.push(`const ${local} = ${src};`);
        out.push(inlineCheck(ctx, local, 64, false, true, st.name, f.name!, at(f.offset)));
        out.push(writePrim('u64', at(f.offset), local));
        return;
      case 'pointer':
        // No kernel pointer survives kexec: a writer stores 0 (NULL), whatever the value holds.
        out.push(writePrim('u64', at(f.offset), '0n'));
        return;
      case 'array':
        if (isCharArray(f)) {
          ctx.runtime.add('writeCString');
          out.push(`writeCString(view, ${at(f.offset)}, ${f.size}, ${src}, '${st.name}', '${f.name}');`);
          return;
        }
        ctx.runtime.add('checkArray');
        out.push(`const ${local} = checkArray(${src}, ${f.count}, '${st.name}', '${f.name}', ${at(f.offset)});`);
        out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [writePrim(f.prim!, `${at(f.offset)} + i * ${f.elemSize}`, check(f.prim!, `${local}[i]`, `${at(f.offset)} + i * ${f.elemSize}`))] });
        return;
      case 'bitmap':
      case 'khoser-array':
        ctx.runtime.add('checkArray');
        ctx.runtime.add('checkBigUint');
        out.push(`const ${local} = checkArray(${src}, ${f.count}, '${st.name}', '${f.name}', ${at(f.offset)});`);
        out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [writePrim('u64', `${at(f.offset)} + i * 8`, `checkBigUint(${local}[i], 64, '${st.name}', '${f.name}', ${at(f.offset)} + i * 8)`)] });
        return;
      case 'struct':
        out.push(`${ctx.use(nested(ctx, rec, f), 'encode')}(${src}, view, ${at(f.offset)});`);
        return;
      case 'struct-array': {
        ctx.runtime.add('checkArray');
        const n = nested(ctx, rec, f);
        out.push(`const ${local} = checkArray(${src}, ${f.count}, '${st.name}', '${f.name}', ${at(f.offset)}) as ${ctx.use(n, 'iface')}[];`);
        out.push({ head: `for (let i = 0; i < ${f.count}; i++)`, body: [`${ctx.use(n, 'encode')}(${local}[i]!, view, ${at(f.offset)} + i * ${f.elemSize});`] });
        return;
      }
      case 'flexible': {
        ctx.runtime.add('checkArray');
        const elem = f.struct ? ctx.use(nested(ctx, rec, f), 'iface') : f.stringSize ? 'string' : primTsType(f.prim!);
        out.push(`const ${local} = ${src} as ${elem}[];`);
        // The member that gives the length must agree with the entries written.
        out.push(`checkArray(${local}, ${f.ref?.count ? `Number(value.${f.ref.count.name})` : `${local}.length`}, '${st.name}', '${f.name}', ${at(f.offset)});`);
        ctx.runtime.add('checkRoom');
        out.push(`checkRoom(view, ${at(f.offset)}, ${local}.length * ${f.elemSize}, '${st.name}');`);
        if (f.stringSize) ctx.runtime.add('writeCString');
        const write = f.struct
          ? `${ctx.use(nested(ctx, rec, f), 'encode')}(${local}[i]!, view, ${at(f.offset)} + i * ${f.elemSize});`
          : f.stringSize
            ? `writeCString(view, ${at(f.offset)} + i * ${f.elemSize}, ${f.elemSize}, ${local}[i], '${st.name}', '${f.name}');`
            : writePrim(f.prim!, `${at(f.offset)} + i * ${f.elemSize}`, check(f.prim!, `${local}[i]`, at(f.offset)));
        out.push({ head: `for (let i = 0; i < ${local}.length; i++)`, body: [write] });
        return;
      }
    }
  };
  st.fields.forEach(field);
  return out;
}

function fieldTableName(rec: CodecNames): string {
  return rec.sizeConst.replace(/^SIZEOF_/, 'FIELDS_OF_');
}

function emitStruct(sf: ModuleSink, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  const members = flatMembers(st.fields);
  sf.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`sizeof(struct ${st.name}) in ${rec.version} at ${rec.pageSize / 1024} KiB pages.`],
    declarations: [{ name: rec.sizeConst, initializer: String(st.size) }],
  });
  sf.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`offsetof() every member of struct ${st.name} in ${rec.version}; a bitfield gives its storage unit's.`],
    declarations: [{ name: rec.sizeConst.replace(/^SIZEOF_/, 'OFFSETOF_'), initializer: `{ ${members.map(({ f, bit }) => `${bit ? bit.name : f.name}: ${f.offset}`).join(', ')} } as const` }],
  });
  sf.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: fieldTableName(rec), type: 'FieldTable', initializer: `[${members.map(({ f, bit }) => `[${bit ? bit.byteOffset : f.offset}, '${bit ? bit.name : f.name}']`).join(', ')}]` }],
  });
  sf.addFunction({
    name: rec.decode,
    isExported: true,
    docs: [`Reads struct ${st.name} (${rec.version}) at \`offset\`; throws DecodeError for bytes the kernel would refuse.`],
    parameters: [{ name: 'view', type: 'DataView' }, { name: 'offset', initializer: '0' }, { name: 'opts', type: 'ReadOptions', hasQuestionToken: true }],
    returnType: ctx.use(rec, 'iface'),
    // DataView checks every access itself; a RangeError becomes a located DecodeError on the way out.
    statements: written([{ try: decodeBody(rec, ctx), catch: [`throw decodeFailure(e, view, offset, ${st.size}, ${tsString(st.name)}, ${fieldTableName(rec)});`] }]),
  });
  sf.addFunction({
    name: rec.encode,
    isExported: true,
    docs: [`Writes struct ${st.name} (${rec.version}) at \`offset\`; throws EncodeError for a value its field cannot hold.`],
    parameters: [{ name: 'value', type: rec.iface }, { name: 'view', type: 'DataView' }, { name: 'offset', initializer: '0' }],
    returnType: 'void',
    statements: written([{ try: encodeBody(rec, ctx), catch: [`throw encodeFailure(e, value, view, offset, ${st.size}, ${tsString(st.name)});`] }]),
  });
  emitView(sf, rec, ctx);
  sf.addStatements(
    [
      '',
      `export const ${rec.codec}: StructCodec<${rec.iface}> = {`,
      `  name: ${tsString(st.name)},`,
      `  version: ${tsString(rec.version)},`,
      `  size: ${st.size},`,
      `  align: ${st.align},`,
      ...(st.section !== undefined ? [`  section: ${tsString(st.section)},`] : []),
      `  decode: ${rec.decode},`,
      `  encode: ${rec.encode},`,
      '};',
    ].join('\n'),
  );
}

/** The error calls of the encoder's checks name `offset + N`; a view names `this.offset + N`. */
function rebase(stmt: Stmt, o: string): Stmt {
  if (typeof stmt === 'string') return stmt.replace(/\boffset( \+ \d+)?(?=\);)/, o);
  if ('head' in stmt) return { head: stmt.head, body: stmt.body.map((b) => rebase(b, o)) };
  return stmt;
}

/**
 * A bitfield setter: range and declared-bit checks as encode does them, then
 * a read-modify-write of only the 32-bit words (or the smaller unit) the
 * field touches. A field of at most 53 bits stays a number throughout: no
 * BigInt on the way; wider ones use the runtime's bigint helper.
 */
function bitSetter(f: BitsFieldIR, b: BitIR, st: StructIR, ctx: Ctx): Stmt[] {
  const unitBits = primBits(f.prim!);
  const unit = f.offset === 0 ? 'this.offset' : `this.offset + ${f.offset}`;
  const out: Stmt[] = [inlineCheck(ctx, 'v', b.width, false, bitIsBig(b), st.name, b.name, unit)];
  if (b.allowed !== undefined && b.kernel?.does !== 'ignore') {
    ctx.runtime.add('undeclaredBitsOnEncode');
    const cond = bitIsBig(b) ? `(v & ~${hex(b.allowed)}n) !== 0n` : b.width <= 31 ? `(v & ~${hex(b.allowed)}) !== 0` : `(BigInt(v) & ~${hex(b.allowed)}n) !== 0n`;
    out.push({ head: `if (${cond})`, body: [`throw undeclaredBitsOnEncode(v, ${hex(b.allowed)}${bitIsBig(b) ? 'n' : ''}, '${st.name}', '${b.name}', ${unit});`] });
  }
  if (bitIsBig(b)) {
    ctx.runtime.add('insertBits');
    const get = unitBits === 64 ? `this.view.getBigUint64(${unit}, true)` : `BigInt(this.view.${GET[f.prim!]}(${unit}${le(f.prim!)}))`;
    const updated = `insertBits(${get}, ${b.lsb}, ${b.width}, v, ${unitBits})`;
    out.push(unitBits === 64 ? `this.view.setBigUint64(${unit}, ${updated}, true);` : `this.view.${SET[f.prim!]}(${unit}, Number(${updated})${le(f.prim!)});`);
    return out;
  }
  const wordBits = Math.min(32, unitBits);
  const wordPrim = ({ 8: 'u8', 16: 'u16', 32: 'u32' } as Record<number, string>)[wordBits]!;
  for (let w = 0; w < unitBits / wordBits; w++) {
    const lo = w * wordBits;
    const s = Math.max(b.lsb, lo);
    const e = Math.min(b.lsb + b.width, lo + wordBits);
    if (s >= e) continue;
    const len = e - s;
    // The part of v that lands in this word, as a number below 2^len.
    let part = s - b.lsb === 0 ? 'v' : `Math.floor(v / ${2 ** (s - b.lsb)})`;
    if (e - b.lsb < b.width) part = `(${part} % ${2 ** len})`;
    const shifted = s - lo === 0 ? part : `${part} * ${2 ** (s - lo)}`;
    const mask = (2 ** len - 1) * 2 ** (s - lo);
    const at = `${unit} + ${lo / 8}`.replace(/ \+ 0$/, '');
    const get = `this.view.${GET[wordPrim]}(${at}${le(wordPrim)})`;
    const keep = 2 ** wordBits - 1 - mask;
    const value = len === wordBits ? shifted : `(${get} & ${hex(keep)}) | ${shifted}`;
    out.push(`this.view.${SET[wordPrim]}(${at}, ${value}${le(wordPrim)});`);
  }
  return out;
}

/** Getters and setters straight on the bytes: nothing is decoded until read. */
function emitView(sf: ModuleSink, rec: CodecNames, ctx: Ctx): void {
  const st = rec.struct;
  const cls = sf.addClass({
    name: rec.view,
    isExported: true,
    docs: [`A zero-copy view of struct ${st.name} (${rec.version}); move \`offset\` to walk an array of them.`],
  });
  cls.addConstructor({
    parameters: [
      { name: 'view', type: 'DataView', isReadonly: false, scope: undefined },
      { name: 'offset', initializer: '0' },
    ].map((p) => ({ ...p, scope: 'public' as never })),
  });
  const viewCtx = { ...ctx };
  for (const f of st.fields) {
    if (f.shape === 'bits') {
      for (const b of f.bits!) {
        const single = { ...f, bits: [b] };
        const { stmts, values } = bitsDecode(single, rec, viewCtx, 'this.view', 'this.offset');
        const value = values.get(b.name)!;
        const expr = stmts.filter((s): s is string => typeof s === 'string' && s.startsWith(`const ${value} `));
        // Read only the words this field touches.
        const withoutChecks = stmts.filter((s): s is string => typeof s === 'string' && (s === expr[0] || expr.some((e) => e.includes(s.split(' ')[1]!))));
        cls.addGetAccessor({ name: b.name, returnType: bitIsBig(b) ? 'bigint' : 'number', statements: written([...withoutChecks, `return ${values.get(b.name)};`]) });
        cls.addSetAccessor({ name: b.name, parameters: [{ name: 'v', type: bitIsBig(b) ? 'bigint' : 'number' }], statements: written(bitSetter(f, b, st, ctx)) });
      }
      continue;
    }
    if (f.name === undefined) continue;
    const o = f.offset === 0 ? 'this.offset' : `this.offset + ${f.offset}`;
    if (f.shape === 'scalar' || f.shape === 'khoser') {
      const p = f.shape === 'khoser' ? 'u64' : f.prim!;
      cls.addGetAccessor({ name: f.name, returnType: primTsType(p as never), statements: [`return ${readPrim(p, o, 'this.view')};`] });
      // The checks of encode, inline, then the write: the same refusals as encodeX, at DataView speed.
      const checks: Stmt[] = [inlineCheck(ctx, 'v', primBits(p as never), p.startsWith('s'), primIsBig(p as never), st.name, f.name, o)];
      if (f.shape === 'scalar') {
        checks.push(...allowedCheck(f, 'v', st, ctx, true).map((c) => rebase(c, o)));
        checks.push(...boundCheck(f, 'v', `this.${f.atMost?.name}`, st, { ...ctx, runtime: ctx.runtime }, true).map((c) => rebase(c, o)));
      }
      cls.addSetAccessor({ name: f.name, parameters: [{ name: 'v', type: primTsType(p as never) }], statements: written([...checks, writePrim(p, o, 'v', 'this.view')]) });
    } else if (isCharArray(f)) {
      ctx.runtime.add('readCString');
      ctx.runtime.add('writeCString');
      cls.addGetAccessor({ name: f.name, returnType: 'string', statements: [`return readCString(this.view, ${o}, ${f.size}, '${st.name}', '${f.name}');`] });
      cls.addSetAccessor({ name: f.name, parameters: [{ name: 'v', type: 'string' }], statements: [`writeCString(this.view, ${o}, ${f.size}, v, '${st.name}', '${f.name}');`] });
    } else if (f.shape === 'struct') {
      const n = nested(ctx, rec, f);
      cls.addGetAccessor({ name: f.name, returnType: ctx.use(n, 'view'), statements: [`return new ${ctx.use(n, 'view')}(this.view, ${o});`] });
    } else if (f.shape === 'pointer') {
      cls.addGetAccessor({ name: f.name, returnType: 'bigint', statements: [`return ${readPrim('u64', o, 'this.view')};`] });
    } else if (f.shape === 'array' || f.shape === 'bitmap' || f.shape === 'khoser-array') {
      const p = f.shape === 'array' ? f.prim! : 'u64';
      cls.addMethod({ name: `${f.name}At`, parameters: [{ name: 'i', type: 'number' }], returnType: primTsType(p as never), statements: [`return ${readPrim(p, `${o} + i * ${f.elemSize}`, 'this.view')};`] });
    } else if (f.shape === 'struct-array') {
      const n = nested(ctx, rec, f);
      cls.addMethod({ name: `${f.name}At`, parameters: [{ name: 'i', type: 'number' }], returnType: ctx.use(n, 'view'), statements: [`return new ${ctx.use(n, 'view')}(this.view, ${o} + i * ${f.elemSize});`] });
    }
  }
}

function emitRegistry(sf: ModuleSink, schema: SchemaIR, irs: readonly AbiIR[], names: Map<string, CodecNames>, runtime: Set<string>): void {
  const ref = (rec: CodecNames, version: string): string => {
    if (rec.version === version) return rec.codec;
    runtime.add('withVersion');
    return `withVersion(${rec.codec}, ${tsString(version)})`;
  };
  const lines = ['', `/** Every codec of schemas/${schema.name}.yaml, by version, struct and page size. */`, `export const ${safeLocal(schema.name)}Codecs: SchemaCodecs = {`, `  schema: ${tsString(schema.name)},`];
  if (schema.component) lines.push(`  component: ${tsString(schema.component.name)},`);
  const vm = schema.component?.versionMember;
  if (vm) lines.push(`  versionMember: { struct: ${tsString(vm.struct)}, member: ${tsString(vm.field)}, offset: ${vm.offset}, size: ${vm.size} },`);
  lines.push(`  current: ${tsString(schema.current.id)},`, '  versions: [');
  for (const v of schema.versions) {
    lines.push('    {', `      id: ${tsString(v.id)},`);
    // A variant stores its base's string: dispatch on the string finds the base.
    if (v.compatible !== undefined && !v.variantOf) lines.push(`      compatible: ${tsString(v.compatible)},`);
    if (v.number !== undefined) lines.push(`      number: ${v.number},`);
    lines.push('      structs: {');
    for (const st of v.structs) {
      const recs = irs.map((ir) => names.get(keyOf(schema.name, v.id, ir.target.pageSize, st.name))!);
      if (recs.every((r) => r === recs[0])) {
        runtime.add('allPages');
        lines.push(`        ${st.name}: allPages(${ref(recs[0]!, v.id)}),`);
      } else {
        lines.push(`        ${st.name}: { ${irs.map((ir, i) => `${ir.target.pageSize}: ${ref(recs[i]!, v.id)}`).join(', ')} },`);
      }
    }
    lines.push('      },', '    },');
  }
  lines.push('  ],', '};');
  sf.addStatements(lines.join('\n'));
}

function emitIndex(sf: ModuleSink, ir: AbiIR, runtimeImport: string): void {
  const names = ir.schemas.map((s) => s.name).sort();
  for (const n of names) sf.addExportDeclaration({ moduleSpecifier: `./${n}.js` });
  for (const n of names) sf.addImportDeclaration({ moduleSpecifier: `./${n}.js`, namedImports: [`${safeLocal(n)}Codecs`] });
  sf.addImportDeclaration({ moduleSpecifier: runtimeImport, namedImports: ['type SchemaCodecs'] });
  sf.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['Every schema\'s codecs.'],
    declarations: [{ name: 'allCodecs', type: 'readonly SchemaCodecs[]', initializer: `[${names.map((n) => `${safeLocal(n)}Codecs`).join(', ')}]` }],
  });
}

/** Compatible-string verification, version dispatch and feature negotiation for one component. */
function emitCompat(sf: ModuleSink, schema: SchemaIR, runtime: Set<string>): void {
  const c = schema.component;
  if (!c) return;
  const Name = pascal(c.name);
  const registry = `${safeLocal(schema.name)}Codecs`;
  // A string numbered versions share is listed once.
  const strings = [...new Set(schema.versions.flatMap((v) => (v.compatible !== undefined ? [v.compatible] : [])))];
  if (strings.length) {
    for (const r of ['type CompatVerdict', 'type VersionCodecs', 'type ReadOptions', 'verifyCompat', 'readStoredCompat', 'selectVersion']) runtime.add(r);
    sf.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`Every compatible string a ${c.name} version stores, oldest first.`],
      declarations: [{ name: `${c.name.toUpperCase()}_SUPPORTED_COMPATIBLES`, type: 'readonly string[]', initializer: `[${strings.map(tsString).join(', ')}]` }],
    });
    sf.addFunction({
      name: `verify${Name}Compatible`,
      isExported: true,
      docs: [`Checks a stored ${c.name} compatible string (the string, or the bytes of the char array holding it, read up to its NUL as the kernel's strcmp does; bytes after it are a warning in opts) against every version kho-abi knows; the verdict names each component that differs, is missing or is unknown.`],
      parameters: [{ name: 'stored', type: 'string | Uint8Array' }, { name: 'opts', type: 'ReadOptions', hasQuestionToken: true }],
      returnType: 'CompatVerdict',
      statements: [
        `const found = typeof stored === 'string' ? stored : readStoredCompat(stored, opts);`,
        `return verifyCompat(found, ${c.name.toUpperCase()}_SUPPORTED_COMPATIBLES);`,
      ],
    });
    sf.addFunction({
      name: `${c.name}VersionFor`,
      isExported: true,
      docs: [
        c.versionMember
          ? `The codecs of the ${c.name} version that stored this compatible string and, where versions share it, the number in ${c.versionMember.struct}.${c.versionMember.field} of \`data\` (the ${c.versionMember.struct} bytes); throws CompatError saying what was found and what is supported.`
          : `The codecs of the ${c.name} version that stored this compatible string; throws CompatError saying what was found and what is supported.`,
      ],
      parameters: [{ name: 'stored', type: 'string | Uint8Array' }, { name: 'opts', type: 'ReadOptions', hasQuestionToken: true }, ...(c.versionMember ? [{ name: 'data', type: 'DataView', hasQuestionToken: true }] : [])],
      returnType: 'VersionCodecs',
      statements: [`return selectVersion(${registry}, typeof stored === 'string' ? stored : readStoredCompat(stored, opts)${c.versionMember ? ', data' : ''});`],
    });
  }
  const featureVersion = [...schema.versions].reverse().find((v) => v.features);
  if (c.featureBits.length && featureVersion?.features) {
    for (const r of ['type FeatureHeader', 'type FeatureReader', 'type FeatureVerdict', 'negotiateFeatures']) runtime.add(r);
    sf.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`What a ${featureVersion.id} reader understands.`],
      declarations: [
        {
          name: `${c.name.toUpperCase()}_FEATURE_READER`,
          type: 'FeatureReader',
          initializer: `{ supported: ${featureVersion.features.supported}n, names: { ${c.featureBits.map((b) => `${b.bit}: ${tsString(b.name)}`).join(', ')} } }`,
        },
      ],
    });
    sf.addFunction({
      name: `negotiate${Name}Features`,
      isExported: true,
      docs: [`Decides whether a ${featureVersion.id} reader accepts a feature header; names every unknown required feature.`],
      parameters: [{ name: 'header', type: 'FeatureHeader' }],
      returnType: 'FeatureVerdict',
      statements: [`return negotiateFeatures(header, ${c.name.toUpperCase()}_FEATURE_READER);`],
    });
  }
}
