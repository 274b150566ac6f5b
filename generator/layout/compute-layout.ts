/**
 * Lays out every struct of every version for one target, the way GCC does on
 * the kernel's LP64 targets, and evaluates constants, enums and assertions.
 */
import { createHash } from 'node:crypto';
import { error, type Diagnostic, type DiagnosticCode, type SourceSpan } from '../diagnostics/diagnostic.js';
import { evaluate, ExprError, type EvalEnv, type Expr } from '../model/expr.js';
import { enumeratorValue, presentIn, PRIM_SIZE, type Component, type Prim, type ExprRef, type Field, type Model, type Schema, type Struct, type Version } from '../model/model.js';
import type { Definition } from '../model/resolve.js';
import { compatStorageSize, storedLength } from '../../runtime/compat.js';
import type { AbiIR, BitIR, BitsFieldIR, ConstantIR, ContainerIR, ContainerMemberIR, ExprIR, FieldIR, RefIR, ScalarFieldIR, SchemaIR, StructIR, Target, VersionIR } from './ir.js';
import { unreachable } from './ir.js';

export interface LayoutResult {
  readonly ir?: AbiIR;
  readonly diagnostics: Diagnostic[];
}

/** Stops a layout whose expression failed; the diagnostic is already recorded. */
class Abort extends Error {}

const pageLabel = (t: Target): string => `${t.pageSize / 1024} KiB pages`;

export function computeLayout(model: Model, names: ReadonlyMap<string, Definition>, target: Target): LayoutResult {
  const engine = new LayoutEngine(model, names, target);
  const ir = engine.run();
  return { ...(engine.diags.length === 0 ? { ir: deepFreeze(ir) } : {}), diagnostics: engine.diags };
}

class LayoutEngine {
  readonly diags: Diagnostic[] = [];
  private readonly values = new Map<string, bigint | string>();
  private readonly evaluating = new Set<string>();
  private readonly structs = new Map<string, StructIR>();
  private readonly laying = new Set<string>();
  private readonly stored = new Map<Version, string>();

  constructor(
    private readonly model: Model,
    private readonly names: ReadonlyMap<string, Definition>,
    private readonly target: Target,
  ) {}

  run(): AbiIR {
    const schemas = this.model.schemas.map((s) => this.schemaIR(s));
    this.linkPointers();
    return { target: this.target, schemas };
  }

  private err(code: DiagnosticCode, span: SourceSpan, message: string, help?: string): void {
    if (!this.diags.some((d) => d.code === code && d.span.line === span.line && d.span.col === span.col && d.span.file === span.file)) {
      this.diags.push(error(code, span, message, help));
    }
  }

  /** The version a schema's items are seen at from outside: its current one. */
  private versionOf(schema: Schema, from?: Version): Version | undefined {
    if (!schema.component) return undefined;
    return from && from.component === schema.component ? from : schema.component.current;
  }

  /**
   * The version a nested struct is laid out at: the outer struct's, or its own
   * component's current one; but a struct that exists only in some versions
   * of its component (luo_feature_hdr, in luo-features) is taken from the
   * newest of those.
   */
  private nestedVersion(st: Struct, from: Version | undefined): Version | undefined {
    const v = this.versionOf(st.schema, from);
    return st.in && v && !st.in.includes(v) ? st.in[st.in.length - 1] : v;
  }

  /** A bound of as_number, which a number must hold exactly. */
  private asNumber(a: NonNullable<Field['asNumber']>, struct: string, member: string, version: Version | undefined): { max: number; by: string } {
    const max = this.eval(a.max, version);
    if (max < 0n || max > BigInt(Number.MAX_SAFE_INTEGER)) {
      this.err('bad-field', a.max.span, `as_number of ${struct}.${member}: max is ${max} at ${pageLabel(this.target)}, but a number holds integers only up to 2^53 - 1`, 'keep the member a bigint (drop as_number)');
      throw new Abort();
    }
    return { max: Number(max), by: a.by };
  }

  private eval(ref: ExprRef, version: Version | undefined): bigint {
    const env: EvalEnv = {
      name: (n) => {
        try {
          return this.valueOf(n, version);
        } catch (e) {
          // An error about the name itself (not about its own definition,
          // which is reported there) points at where this expression uses it.
          const at = findNode(ref.ast, (x) => (x.kind === 'name' && x.name === n) || (x.kind === 'sizeof' && x.of.kind === 'name' && x.of.name === n));
          if (e instanceof ExprError && at) throw new ExprError(e.message, at.pos, at.len);
          throw e;
        }
      },
      sizeofStruct: (n) => {
        const at = findNode(ref.ast, (x) => x.kind === 'sizeof' && x.of.kind === 'struct' && x.of.name === n);
        const st = this.model.structs.get(n);
        if (!st) throw new ExprError(`unknown struct '${n}'`, at?.pos ?? 0, at?.len ?? 1);
        const v = this.versionOf(st.schema, version);
        if (this.laying.has(`${st.name}@${v?.id ?? ''}`)) {
          this.err('cycle', { ...ref.span, col: ref.span.col + (at?.pos ?? 0), length: at?.len ?? 1 }, `the size of struct ${n} depends on itself: '${ref.text}' needs sizeof(struct ${n}) while ${n} is being laid out`, `compute the value without sizeof(struct ${n})`);
          throw new Abort();
        }
        return BigInt(this.layoutStruct(st, v).size);
      },
    };
    try {
      return evaluate(ref.ast, env);
    } catch (e) {
      if (e instanceof Abort) throw e;
      if (!(e instanceof ExprError)) throw e;
      this.err('bad-expression', { ...ref.span, col: ref.span.col + e.pos, length: e.len }, `${e.message} (in '${ref.text}' at ${pageLabel(this.target)})`);
      throw new Abort();
    }
  }

  /** An enumerator's value: its expression, or the one before it plus one (0 for the first), as C counts. */
  private enumeratorAt(en: Schema['enums'][number], i: number, version: Version | undefined): bigint {
    const ref = enumeratorValue(en.values[i]!, version);
    if (ref) return this.eval(ref, version);
    // The one before it plus one, among those this version declares.
    let j = i - 1;
    while (j >= 0 && !presentIn(en.values[j]!, version)) j--;
    return j < 0 ? 0n : this.enumeratorAt(en, j, version) + 1n;
  }

  /** An expression with its value at this target, for the IR. */
  private exprIR(ref: ExprRef, version: Version | undefined, spelled?: string): ExprIR {
    return { tree: ref.ast, value: this.eval(ref, version), span: ref.span, ...(spelled !== undefined ? { spelled } : {}) };
  }

  private valueOf(name: string, from: Version | undefined): bigint | string | undefined {
    if (name === 'PAGE_SIZE') return BigInt(this.target.pageSize);
    if (name === 'PAGE_SHIFT') return BigInt(this.target.pageShift);
    const def = this.names.get(name);
    if (!def) return undefined;
    const version = this.versionOf(def.schema, from);
    const key = `${name}@${version?.id ?? ''}`;
    const known = this.values.get(key);
    if (known !== undefined) return known;
    if (this.evaluating.has(key)) {
      const chain = [...this.evaluating];
      const path = [...chain.slice(chain.indexOf(key)), key].map((k) => k.replace(/@.*$/, ''));
      this.err('cycle', this.spanOfName(name, def), path.length > 2 ? `'${name}' is defined in terms of itself: ${path.join(' -> ')}` : `'${name}' is defined in terms of itself`, 'break the cycle of definitions');
      throw new Abort();
    }
    this.evaluating.add(key);
    try {
      const v = this.computeValue(name, def, version);
      if (v !== undefined) this.values.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  /** Where a name is defined, for diagnostics about the definition. */
  private spanOfName(name: string, def: Definition): SourceSpan {
    switch (def.kind) {
      case 'constant':
      case 'struct':
      case 'container':
        return def.item.span;
      case 'external':
        return def.schema.externals.find((x) => x.name === name)?.span ?? def.schema.file.spanOf([]);
      case 'enumerator':
        return def.schema.enums.flatMap((e) => e.values).find((v) => v.name === name)?.span ?? def.schema.file.spanOf([]);
      case 'feature':
        return def.schema.component?.featureBits.find((b) => b.name === name)?.span ?? def.schema.file.spanOf([]);
      case 'macro':
      case 'enum':
        return def.schema.file.spanOf([]);
      case 'cmacro':
        return def.schema.macros.find((m) => m.name === name)?.span ?? def.schema.file.spanOf([]);
    }
  }

  private computeValue(name: string, def: Definition, version: Version | undefined): bigint | string | undefined {
    switch (def.kind) {
      case 'constant':
        if (def.item.in && version && !def.item.in.includes(version)) {
          throw new ExprError(`'${name}' does not exist in version '${version.id}'`, 0, 1);
        }
        {
          const variant = version ? def.item.variants?.find((x) => x.in.includes(version)) : undefined;
          return variant?.string ?? def.item.string ?? this.eval(variant?.value ?? def.item.value!, version);
        }
      case 'external': {
        const x = def.schema.externals.find((e) => e.name === name)!;
        return x.string ?? this.eval(x.value!, version);
      }
      case 'enumerator': {
        for (const en of def.schema.enums) {
          const i = en.values.findIndex((e) => e.name === name);
          if (i >= 0) return this.enumeratorAt(en, i, version);
        }
        return undefined;
      }
      case 'feature': {
        const bit = def.schema.component!.featureBits.find((b) => b.name === name)!;
        return 1n << BigInt(bit.bit);
      }
      case 'macro': {
        const c = def.component;
        const v = version ?? c.current;
        if (name === c.baseMacro) return v.compatible;
        // A version's own #define (LUO_FDT_COMPATIBLE) exists only in the versions that keep their string in it.
        if ((v.macro ?? c.macro) !== name) throw new ExprError(`'${name}' does not exist in version '${v.id}'`, 0, 1);
        return this.storedString(v);
      }
      default:
        return undefined;
    }
  }

  /**
   * A variant stores its base's string, so a reader takes its bytes for the
   * base's: every struct must have the same size, alignment and members at
   * the same offsets with the same sizes (names and C types may differ).
   */
  private checkVariants(component: Component, versionIRs: readonly VersionIR[]): void {
    const bytes = (st: StructIR): string =>
      JSON.stringify([st.size, st.align, st.fields.map((f) => (f.shape === 'bits' ? [f.offset, f.size, f.bits.map((b) => [b.lsb, b.width])] : [f.offset, f.size, f.shape === 'flexible' ? f.elemSize : null]))]);
    component.versions.forEach((v, i) => {
      if (!v.variantOf) return;
      const mine = versionIRs[i]!;
      const base = versionIRs[component.versions.indexOf(v.variantOf)]!;
      const names = (x: VersionIR) => x.structs.map((st) => st.name).join(', ');
      const differs = names(mine) !== names(base) ? `it has structs ${names(mine) || 'none'}, ${base.id} has ${names(base) || 'none'}` : mine.structs.find((st, k) => bytes(st) !== bytes(base.structs[k]!))?.name;
      if (differs === undefined) return;
      const what = differs.includes(' ') ? differs : `struct ${differs} is laid out otherwise`;
      this.err('compat-invalid', v.span, `'${v.id}' is a variant of '${base.id}' and stores its string, but ${what} at ${pageLabel(this.target)}`, `a variant spells the same bytes otherwise; a new layout needs a version of its own`);
    });
  }

  /** The string a version stores: its base, or base;sub;sub for a composite. */
  private storedString(v: Version): string | undefined {
    if (v.compatible === undefined) return undefined;
    const cached = this.stored.get(v);
    if (cached !== undefined) return cached;
    const parts = [v.compatible, ...v.subcomponents.map((c) => c.current.compatible!)];
    const s = parts.join(';');
    this.stored.set(v, s);
    return s;
  }

  private schemaIR(schema: Schema): SchemaIR {
    const component = schema.component;
    const versions: (Version | undefined)[] = component ? component.versions : [undefined];
    const versionIRs = versions.map((v) => this.versionIR(schema, v));
    const current = component ? versionIRs[component.versions.indexOf(component.current)]! : versionIRs[0]!;
    if (component) this.checkVariants(component, versionIRs);
    const externals = schema.externals.map((x) => ({ name: x.name, header: x.header, value: this.safe(() => x.string ?? this.eval(x.value!, undefined), 0n), span: x.span }));
    let componentIR: SchemaIR['component'];
    if (component) {
      let storedIn: NonNullable<SchemaIR['component']>['storedIn'];
      if (component.storedIn) {
        const { struct, field } = component.storedIn;
        const st = this.safe(() => this.layoutStruct(struct, this.versionOf(struct.schema)), undefined);
        const f = st?.fields.find((x) => x.name === field.name);
        if (f) storedIn = { struct: struct.name, field: field.name!, size: f.size };
        // The array may be sized by the string itself (luo_ser.compatible): measure it in each version.
        for (const v of component.versions) {
          if (v.compatible === undefined) continue;
          const at = this.safe(() => this.layoutStruct(struct, this.versionOf(struct.schema, v)), undefined);
          const fv = at?.fields.find((x) => x.name === field.name);
          if (fv) this.checkFits(v, fv.size, `${struct.name}.${field.name}`);
        }
      }
      componentIR = {
        name: component.name,
        ...(component.macro ? { macro: component.macro } : {}),
        ...(component.baseMacro ? { baseMacro: component.baseMacro } : {}),
        ...(component.doc ? { doc: component.doc } : {}),
        ...(storedIn ? { storedIn } : {}),
        ...this.versionMemberIR(component),
        featureMasks: component.featureMasks,
        featureBits: component.featureBits.map((b) => ({ name: b.name, bit: b.bit, ...(b.doc ? { doc: b.doc } : {}) })),
        span: component.span,
      };
    }
    return {
      name: schema.name,
      file: schema.file.path,
      title: schema.title,
      header: schema.header,
      ...(schema.definedIn !== undefined ? { definedIn: schema.definedIn } : {}),
      spdx: schema.spdx,
      doc: schema.doc,
      includes: schema.includes.map((s) => s.name),
      order: schema.order,
      ...(componentIR ? { component: componentIR } : {}),
      versions: versionIRs,
      current,
      externals,
      containers: schema.containers.flatMap((c) => {
        const ir = this.containerIR(c, schema);
        for (const x of ir) this.containerIRs.set(c, x);
        return ir;
      }),
    };
  }

  private checkFits(v: Version, fieldSize: number, where: string): void {
    const s = this.storedString(v);
    if (s === undefined) return;
    const need = compatStorageSize(s);
    if (need > fieldSize) {
      this.err('string-too-long', v.span, `version '${v.id}' stores "${s}", which needs ${need} bytes (length + NUL rounded up to 8), but ${where} holds ${fieldSize}`, 'shorten the string or drop a sub-component');
    }
  }

  private safe<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Abort) return fallback;
      throw e;
    }
  }

  private versionIR(schema: Schema, version: Version | undefined): VersionIR {
    const present = (item: { in?: Version[] }): boolean => !item.in || !version || item.in.includes(version);
    const constants = schema.constants.filter(present).flatMap((c) =>
      this.safe((): ConstantIR[] => {
        const variant = version ? c.variants?.find((x) => x.in.includes(version)) : undefined;
        const str = variant?.string ?? c.string;
        const doc = c.doc ? { doc: c.doc } : {};
        if (str !== undefined) return [{ name: c.name, ...doc, value: str, span: c.span }];
        const expr = this.exprIR(variant?.value ?? c.value!, version, variant?.text);
        return [{ name: c.name, ...doc, value: expr.value, expr, span: c.span }];
      }, []),
    );
    const enums = schema.enums.map((en) => ({
      name: en.name,
      ...(en.doc ? { doc: en.doc } : {}),
      values: en.values.filter(present).flatMap((v) =>
        this.safe(() => {
          const ref = enumeratorValue(v, version);
          const value = this.enumeratorAt(en, en.values.indexOf(v), version);
          if (value < -(1n << 31n) || value > (1n << 31n) - 1n) {
            this.err('enum-range', ref?.span ?? v.span, `enumerator ${v.name} = ${value} does not fit in int at ${pageLabel(this.target)}`, 'use a #define constant for values outside int');
          }
          return [{ name: v.name, ...(v.doc ? { doc: v.doc } : {}), ...(ref ? { expr: { tree: ref.ast, value, span: ref.span } } : {}), value, span: v.span }];
        }, []),
      ),
      span: en.span,
    }));
    const structs = schema.structs.filter(present).flatMap((s) => this.safe(() => [this.layoutStruct(s, version)], []));
    const macros = schema.macros.filter(present).map((m) => ({
      name: m.name,
      ...(m.params ? { params: m.params } : {}),
      body: m.body,
      ...(m.ifdef ? { ifdef: m.ifdef } : {}),
      ...(m.doc ? { doc: m.doc } : {}),
      span: m.span,
    }));
    const asserts = schema.asserts.filter(present).flatMap((a) =>
      this.safe(() => {
        const expr = this.exprIR(a.expr, version, a.text);
        if (expr.value === 0n) {
          this.err('assert-failed', a.expr.span, `static assertion '${a.expr.text}' fails at ${pageLabel(this.target)}${version ? ` in version '${version.id}'` : ''}${a.message ? `: ${a.message}` : ''}`, 'an assertion must hold at 4, 16 and 64 KiB pages in every version; fix the layout or the assertion');
        }
        return [{ expr, ...(a.message ? { message: a.message } : {}), ...(a.after ? { after: a.after } : {}), helper: a.helper }];
      }, []),
    );
    const compatible = version ? this.storedString(version) : undefined;
    let features: VersionIR['features'];
    if (version?.features) {
      const mask = (list: { bit: number }[]) => list.reduce((m, b) => m | (1n << BigInt(b.bit)), 0n);
      features = {
        supported: mask(version.features.supported),
        required: mask(version.features.required),
        active: mask(version.features.active),
        names: version.component.featureBits.map((b) => b.name),
      };
    }
    return {
      id: version?.id ?? schema.name,
      schema: schema.name,
      isCurrent: !version || version === version.component.current,
      ...(version?.doc ? { doc: version.doc } : {}),
      ...(version?.source ? { source: version.source } : {}),
      ...(version?.compatible !== undefined ? { base: version.compatible } : {}),
      ...(version?.compatible !== undefined && (version.macro ?? version.component.macro) ? { macro: version.macro ?? version.component.macro! } : {}),
      ...(compatible !== undefined ? { compatible, storageSize: compatStorageSize(compatible) } : {}),
      ...(version?.number !== undefined ? { number: version.number } : {}),
      compose: version?.compose ?? false,
      ...(version?.variantOf ? { variantOf: version.variantOf.id } : {}),
      subcomponents: (version?.subcomponents ?? []).map((c: Component) => ({
        component: c.name,
        schema: c.schema.name,
        ...(c.macro ? { macro: c.macro } : {}),
        compatible: c.current.compatible!,
      })),
      ...(features ? { features } : {}),
      constants,
      macros,
      enums,
      structs,
      asserts,
      span: version?.span ?? schema.file.spanOf([]),
    };
  }

  private containerIR(c: Schema['containers'][number], schema: Schema): ContainerIR[] {
    const d = c.def;
    const version = c.version ?? this.versionOf(schema);
    const base = { name: c.name, schema: schema.name, ...(c.doc ? { doc: c.doc } : {}) };
    const num = (e: ExprRef): number => Number(this.eval(e, version));
    const struct = (st: Struct): StructIR => this.layoutStruct(st, this.nestedVersion(st, version));
    return this.safe((): ContainerIR[] => {
      switch (d.kind) {
        case 'block_chain': {
          const header = struct(d.header);
          return [
            {
              ...base,
              kind: 'block_chain',
              header,
              next: memberAt(header, d.next),
              count: memberAt(header, d.count),
              blockSize: num(d.blockSize),
              maxBlocks: num(d.maxBlocks),
              ...(d.entrySizeMember !== undefined ? { entrySizeMember: memberAt(header, d.entrySizeMember) } : {}),
              ...(d.blockSizeMember !== undefined ? { blockSizeMember: memberAt(header, d.blockSizeMember) } : {}),
            },
          ];
        }
        case 'sparse_array': {
          const descriptor = struct(d.descriptor);
          const page = struct(d.page);
          return [
            {
              ...base,
              kind: 'sparse_array',
              descriptor,
              magic: memberAt(descriptor, d.magic),
              version: memberAt(descriptor, d.version),
              first: memberAt(descriptor, d.first),
              page,
              next: memberAt(page, d.next),
              start: memberAt(page, d.start),
              entries: memberAt(page, d.entries),
              pageSize: num(d.pageSize),
              capacity: num(d.capacity),
              magicValue: num(d.magicValue),
              versionValue: num(d.versionValue),
              valueTag: num(d.valueTag),
              valueShift: num(d.valueShift),
            },
          ];
        }
        case 'dictionary': {
          const header = struct(d.header);
          const entry = struct(d.entry);
          if (d.via.def.kind !== 'block_chain') throw new Error(`dictionary ${c.name}: its entries container ${d.via.name} is a ${d.via.def.kind}, not a block_chain`);
          return [
            {
              ...base,
              kind: 'dictionary',
              header,
              magic: memberAt(header, d.magic),
              version: memberAt(header, d.version),
              entries: memberAt(header, d.entries),
              count: memberAt(header, d.count),
              entry,
              entryName: memberAt(entry, d.name),
              entryType: memberAt(entry, d.type),
              entryVersion: memberAt(entry, d.entryVersion),
              entryAddress: memberAt(entry, d.address),
              via: { kind: d.via.def.kind, name: d.via.name },
              magicValue: num(d.magicValue),
              versionValue: num(d.versionValue),
            },
          ];
        }
        case 'vmalloc_chain': {
          const descriptor = struct(d.descriptor);
          const chunk = struct(d.chunk);
          return [
            {
              ...base,
              kind: 'vmalloc_chain',
              descriptor,
              first: memberAt(descriptor, d.first),
              totalPages: memberAt(descriptor, d.totalPages),
              flags: memberAt(descriptor, d.flags),
              order: memberAt(descriptor, d.order),
              chunk,
              next: memberAt(chunk, d.next),
              entries: memberAt(chunk, d.entries),
            },
          ];
        }
        case 'fdt_nodes':
          return [
            {
              ...base,
              kind: 'fdt_nodes',
              compatible: String(this.valueOf(d.compatible, version) ?? ''),
              nodeCompatible: String(this.valueOf(d.nodeCompatible, version) ?? ''),
              nodeProperties: d.nodeProperties.map((p) => ({ name: p.name, type: p.type, ...(p.role ? { role: p.role } : {}) })),
            },
          ];
        case 'bitmap_chain': {
          const chunk = struct(d.chunk);
          const entry = struct(d.entry);
          const bits = struct(d.bits);
          return [
            {
              ...base,
              kind: 'bitmap_chain',
              chunk,
              next: memberAt(chunk, d.next),
              order: memberAt(chunk, d.order),
              count: memberAt(chunk, d.count),
              entries: memberAt(chunk, d.entries),
              entry,
              start: memberAt(entry, d.start),
              bitmap: memberAt(entry, d.bitmap),
              bits,
              bitsMember: memberAt(bits, bits.fields[0]!.name!),
              pageShift: this.target.pageShift,
            },
          ];
        }
        case 'radix_tree': {
          const node = struct(d.node);
          const leaf = struct(d.leaf);
          return [
            {
              ...base,
              kind: 'radix_tree',
              node,
              leaf,
              table: memberAt(node, node.fields[0]!.name!),
              bitmap: memberAt(leaf, leaf.fields[0]!.name!),
              depth: num(d.depth),
              order0Log2: num(d.order0Log2),
              tableSizeLog2: num(d.tableSizeLog2),
              bitmapSizeLog2: num(d.bitmapSizeLog2),
              pageShift: this.target.pageShift,
            },
          ];
        }
        case 'array_chain': {
          const node = struct(d.node);
          const entries = memberAt(node, d.entries);
          if (entries.field.shape !== 'flexible' || !entries.field.struct) throw new Error(`${node.name}.${d.entries} is not a flexible array of structs (resolve checks it)`);
          const entry = entries.field.struct;
          const nodeSize = num(d.nodeSize);
          const capacity = Math.floor((nodeSize - entries.offset) / entry.size);
          if (capacity < 1) {
            this.err('bad-container', d.nodeSize.span, `container '${c.name}': a ${nodeSize}-byte node holds no ${entry.size}-byte ${entry.name} after its ${entries.offset}-byte header at ${pageLabel(this.target)}`, 'make node_size larger than the header plus one entry');
            throw new Abort();
          }
          return [
            {
              ...base,
              kind: 'array_chain',
              node,
              next: memberAt(node, d.next),
              count: memberAt(node, d.count),
              entries,
              entry,
              nodeSize,
              capacity,
              ...(d.skipMember !== undefined && d.skipMask ? { skip: { member: memberAt(entry, d.skipMember), mask: num(d.skipMask) } } : {}),
            },
          ];
        }
        case 'page_array': {
          const header = d.header ? struct(d.header) : undefined;
          return [
            {
              ...base,
              kind: 'page_array',
              ...(header && d.count !== undefined ? { header, count: memberAt(header, d.count) } : {}),
              ...(header && d.pagesMember !== undefined ? { pagesMember: memberAt(header, d.pagesMember) } : {}),
              entry: struct(d.entry),
              pages: num(d.pages),
            },
          ];
        }
        case 'fdt': {
          const props = (list: typeof d.properties) =>
            list.map((p) => ({
              name: String(this.valueOf(p.name, undefined) ?? ''),
              constant: p.name,
              type: p.type,
              ...(p.role ? { role: p.role } : {}),
              optional: p.optional,
              ...(p.ref?.to ? { to: p.ref.to.name } : {}),
              ...(p.ref?.via ? { via: p.ref.via.name } : {}),
            }));
          return [
            {
              ...base,
              kind: 'fdt',
              compatibleMacro: d.compatible,
              compatible: String(this.valueOf(d.compatible, version) ?? ''),
              properties: props(d.properties),
              nodeProperties: props(d.nodeProperties),
              services: d.services.map((s) => s.name),
            },
          ];
        }
      }
    }, []);
  }

  /** Lays out one struct as seen in one version; memoised per version. */
  private layoutStruct(st: Struct, version: Version | undefined): StructIR {
    const key = `${st.name}@${version?.id ?? ''}`;
    const known = this.structs.get(key);
    if (known) return known;
    if (this.laying.has(key)) throw new Abort(); // a cycle, reported by resolve
    this.laying.add(key);
    try {
      const ir = this.computeStruct(st, version);
      this.structs.set(key, ir);
      return ir;
    } finally {
      this.laying.delete(key);
    }
  }

  private computeStruct(st: Struct, version: Version | undefined): StructIR {
    const present = (f: Field): boolean => !f.in || !version || f.in.includes(version);
    let offset = 0;
    let align = 1;
    const fields: FieldIR[] = [];
    const members = st.fields.filter(present);
    for (const [i, f] of members.entries()) {
      let laid = this.layoutField(f, st, version, fields);
      if (laid.shape === 'bits' && st.packed) laid = this.packedBits(laid, st, members[i + 1]);
      const placeAlign = st.packed ? 1 : laid.align;
      // GCC puts a bitfield into the storage unit that holds the end of the
      // previous member when it fits there, instead of starting a new unit at
      // the next aligned offset as the schema's explicit lsb assumes.
      if (laid.shape === 'bits' && !st.packed && offset % laid.size !== 0) {
        this.err('bitfield-unaligned', f.span, `the ${laid.prim} bitfield group of ${st.name} follows a member that ends at offset ${offset}, not a multiple of ${laid.size}; GCC may put its first bits into the storage unit of that member`, `add explicit padding so that the group starts at offset ${roundUp(offset, laid.size)}, or reorder the members`);
      }
      offset = roundUp(offset, placeAlign);
      fields.push(relocate(laid, offset, this.target));
      offset += laid.size;
      align = Math.max(align, placeAlign);
    }
    const size = roundUp(offset, align);
    let declaredSize: ExprIR | undefined;
    if (st.size) {
      declaredSize = this.exprIR(st.size, version);
      if (Number(declaredSize.value) !== size) {
        this.err('size-mismatch', st.size.span, `struct ${st.name} is ${size} bytes at ${pageLabel(this.target)}${version ? ` in version '${version.id}'` : ''}, but its declared size '${st.size.text}' is ${declaredSize.value}`, 'fix the members or the declared size');
      }
    }
    const ir: Omit<StructIR, 'fingerprint'> = {
      name: st.name,
      schema: st.schema.name,
      version: version?.id ?? st.schema.name,
      ...(st.doc ? { doc: st.doc } : {}),
      packed: st.packed,
      size,
      align,
      ...(declaredSize ? { declaredSize } : {}),
      ...(st.section !== undefined ? { section: st.section } : {}),
      fields,
      span: st.span,
    };
    return { ...ir, fingerprint: fingerprint(ir) };
  }

  /**
   * A bitfield group of a packed struct whose bits stop short of its unit.
   * GCC packs bitfields bit by bit there: the next member that is not a
   * bitfield starts at the first byte after the last bit (iommu_domain_ser's
   * `u32 sign_extend:1` takes one byte). The group is then accessed as the
   * integer of the bytes it covers, which gives the same bits on either byte
   * order; the C keeps the kernel's declared unit.
   */
  private packedBits(laid: BitsFieldIR, st: Struct, next: Field | undefined): BitsFieldIR {
    const used = Math.max(...laid.bits.map((b) => b.declaredLsb + b.width));
    const bytes = Math.ceil(used / 8);
    if (bytes >= laid.size) return laid;
    const access = ({ 1: 'u8', 2: 'u16', 4: 'u32' } as Record<number, Prim>)[bytes];
    if (next?.shape === 'bits' || !access) {
      this.err(
        'bitfield-packed-partial',
        laid.span,
        next?.shape === 'bits'
          ? `this ${laid.prim} bitfield group of packed struct ${st.name} ends at bit ${used}, and GCC would start the next group's bits right after it, inside the same ${laid.prim}`
          : `this ${laid.prim} bitfield group of packed struct ${st.name} ends at bit ${used}: GCC gives it ${bytes} bytes, which no integer type covers`,
        next?.shape === 'bits' ? 'declare the bitfields of both groups in one group' : `name the bits up to a whole 1, 2 or 4 bytes as a reserved bitfield`,
      );
      throw new Abort();
    }
    return { ...laid, size: bytes, align: bytes, prim: access, declaredUnit: laid.prim, bits: laid.bits.map((b) => ({ ...b, storageSize: bytes })) };
  }

  /**
   * Where readers find the number of a version that shares its string: the
   * member must sit at one offset with one size in every numbered version.
   */
  private versionMemberIR(component: Component): { versionMember: NonNullable<NonNullable<SchemaIR['component']>['versionMember']> } | Record<string, never> {
    const vm = component.versionMember;
    if (!vm) return {};
    const places = component.versions
      .filter((v) => v.number !== undefined)
      .map((v) => {
        const st = this.safe(() => this.layoutStruct(vm.struct, v), undefined);
        const f = st?.fields.find((x) => x.name === vm.field.name);
        return { v, f };
      });
    const at = places.find((x) => x.f);
    const first = at?.f;
    if (!at || !first) return {};
    const other = places.find((x) => x.f && (x.f.offset !== first.offset || x.f.size !== first.size));
    if (other) {
      this.err('bad-version-number', vm.span, `${vm.struct.name}.${vm.field.name} is at offset ${other.f!.offset} (${other.f!.size} bytes) in '${other.v.id}' but at ${first.offset} (${first.size} bytes) in '${at.v.id}'; a reader could not find the number before it knows the version`, 'keep the version member where it is in every numbered version');
      return {};
    }
    return { versionMember: { struct: vm.struct.name, field: vm.field.name!, offset: first.offset, size: first.size } };
  }

  /** A string constant a char array must hold, checked to fit. */
  private holds(st: Struct, f: Field, size: number, version: Version | undefined): { holds: { name: string; value: string } } | Record<string, never> {
    if (!f.holds) return {};
    const value = this.safe(() => this.valueOf(f.holds!.name, version), undefined);
    if (typeof value !== 'string') return {};
    if (storedLength(value) > size) {
      this.err('string-too-long', f.holds.span, `"${value}" needs ${storedLength(value)} bytes with its NUL but ${st.name}.${f.name} holds ${size}`, 'enlarge the array or shorten the string');
    }
    return { holds: { name: f.holds.name, value } };
  }

  /**
   * A pointer edge. Its target struct and container are filled in once every
   * schema is laid out (a chain points at its own struct: kho_block_header_ser.next).
   */
  private refIR(f: Field, version: Version | undefined, earlier: readonly FieldIR[]): { ref: RefIR } | Record<string, never> {
    if (!f.ref) return {};
    const ref: { to?: StructIR; via?: ContainerIR; count?: ScalarFieldIR } = {};
    // `members` is the struct's list as it is being filled: the count may come after the pointer (luo_file_set_ser).
    this.pendingRefs.push({ ref, to: f.ref.to, via: f.ref.via, count: f.ref.count?.name, members: earlier, version });
    return { ref };
  }

  private readonly pendingRefs: {
    ref: { to?: StructIR; via?: ContainerIR; count?: ScalarFieldIR };
    to?: Struct;
    via?: Schema['containers'][number];
    count?: string;
    members: readonly FieldIR[];
    version: Version | undefined;
  }[] = [];
  private readonly pendingKhoser: { field: { target?: StructIR }; target: Struct; version: Version | undefined }[] = [];
  private readonly containerIRs = new Map<Schema['containers'][number], ContainerIR>();

  /** Points every ref and khoser member at the laid-out struct and container it names. */
  private linkPointers(): void {
    for (const p of this.pendingRefs) {
      if (p.to) {
        const to = this.safe(() => this.layoutStruct(p.to!, this.nestedVersion(p.to!, p.version)), undefined);
        if (to) p.ref.to = to;
      }
      const via = p.via && this.containerIRs.get(p.via);
      if (via) p.ref.via = via;
      const count = p.count !== undefined ? p.members.find((x): x is ScalarFieldIR => x.shape === 'scalar' && x.name === p.count) : undefined;
      if (count) p.ref.count = count;
    }
    for (const k of this.pendingKhoser) {
      const target = this.safe(() => this.layoutStruct(k.target, this.nestedVersion(k.target, k.version)), undefined);
      if (target) k.field.target = target;
    }
  }

  /** A member laid out at offset 0; the caller places it. `earlier` are the members before it. */
  private layoutField(f: Field, st: Struct, version: Version | undefined, earlier: readonly FieldIR[]): FieldIR {
    const common = {
      ...(f.ctype !== undefined ? { ctype: f.ctype } : {}),
      ...(f.doc ? { doc: f.doc } : {}),
      ...(f.kernel ? { kernel: f.kernel } : {}),
      offset: 0,
      span: f.span,
    };
    const name = f.name ?? '';
    const countOf = (ref: ExprRef): ExprIR => {
      const e = this.exprIR(ref, version);
      if (e.value <= 0n || e.value > 1n << 24n) {
        this.err('bad-count', ref.span, `array ${st.name}.${f.name} would have ${e.value} elements at ${pageLabel(this.target)}`, e.value <= 0n ? 'a count must be positive; use flexible: true for a variable-length tail' : 'no preserved structure is that large');
        throw new Abort();
      }
      return e;
    };
    switch (f.shape) {
      case 'scalar': {
        if (f.type.kind === 'struct') {
          const inner = this.layoutStruct(f.type.struct, this.nestedVersion(f.type.struct, version));
          return { ...common, shape: 'struct', name, size: inner.size, align: inner.align, struct: inner, elemSize: inner.size, ...this.refIR(f, version, earlier) };
        }
        const es = PRIM_SIZE[f.type.prim];
        const atMost = f.atMost ? earlier.find((x): x is ScalarFieldIR => x.shape === 'scalar' && x.name === f.atMost!.name) : undefined;
        // The member that holds a version's number accepts that number only.
        const number = version?.number !== undefined && version.component.versionMember?.struct === st && version.component.versionMember.field.name === f.name ? version.number : undefined;
        const equals = f.equals ? this.eval(f.equals, version) : number;
        if (number !== undefined && equals !== number) {
          this.err('bad-version-number', f.equals!.span, `${st.name}.${name} holds the number of version '${version!.id}', ${number}, but its equals is ${equals} there`, 'make equals evaluate to the version number in that version (a constant with variants), or drop it');
        }
        return {
          ...common,
          shape: 'scalar',
          name,
          size: es,
          align: es,
          prim: f.type.prim,
          elemSize: es,
          ...(f.allowed ? { allowed: this.eval(f.allowed, version) } : {}),
          ...(equals !== undefined ? { equals } : {}),
          ...(atMost ? { atMost } : {}),
          ...(f.asNumber ? { asNumber: this.asNumber(f.asNumber, st.name, name, version) } : {}),
          ...this.refIR(f, version, earlier),
        };
      }
      case 'array': {
        const countExpr = countOf(f.count);
        const n = Number(countExpr.value);
        if (f.type.kind === 'struct') {
          const inner = this.layoutStruct(f.type.struct, this.nestedVersion(f.type.struct, version));
          return { ...common, shape: 'struct-array', name, size: inner.size * n, align: inner.align, struct: inner, elemSize: inner.size, count: n, countExpr };
        }
        const es = PRIM_SIZE[f.type.prim];
        return { ...common, shape: 'array', name, size: es * n, align: es, prim: f.type.prim, elemSize: es, count: n, countExpr, ...this.holds(st, f, es * n, version) };
      }
      case 'flexible': {
        const ref = this.refIR(f, version, earlier);
        if (f.type.kind === 'struct') {
          const inner = this.layoutStruct(f.type.struct, this.nestedVersion(f.type.struct, version));
          return { ...common, shape: 'flexible', name, size: 0, align: inner.align, struct: inner, elemSize: inner.size, ...ref };
        }
        const es = PRIM_SIZE[f.type.prim];
        if (f.stringSize) {
          const stringSize = countOf(f.stringSize);
          return { ...common, shape: 'flexible', name, size: 0, align: es, prim: f.type.prim, elemSize: Number(stringSize.value), stringSize, ...ref };
        }
        return { ...common, shape: 'flexible', name, size: 0, align: es, prim: f.type.prim, elemSize: es, ...ref };
      }
      case 'bits': {
        const size = PRIM_SIZE[f.unit];
        const bits: BitIR[] = f.bits.map((b) => ({
          name: b.name,
          ...(b.doc ? { doc: b.doc } : {}),
          lsb: b.lsb,
          width: b.width,
          declaredLsb: b.lsb,
          storageOffset: 0,
          storageSize: size,
          byteOffset: 0,
          byteSize: 0,
          ...(b.allowed ? { allowed: this.eval(b.allowed, version) } : {}),
          ...(b.kernel ? { kernel: b.kernel } : {}),
          span: b.span,
        }));
        return { ...common, shape: 'bits', size, align: size, prim: f.unit, bits };
      }
      case 'bitmap': {
        const nbits = this.exprIR(f.nbits, version);
        if (nbits.value <= 0n) {
          this.err('bad-count', f.nbits.span, `bitmap ${st.name}.${f.name} would have ${nbits.value} bits at ${pageLabel(this.target)}`, 'a bitmap needs at least one bit');
          throw new Abort();
        }
        const longs = Number((nbits.value + 63n) / 64n);
        return { ...common, shape: 'bitmap', name, size: longs * 8, align: 8, count: longs, elemSize: 8, nbits };
      }
      case 'khoser': {
        // The target is linked once every struct is laid out (it may point back at this one).
        if (f.count && f.target) {
          const countExpr = countOf(f.count);
          const n = Number(countExpr.value);
          const arr = { ...common, shape: 'khoser-array' as const, name, size: 8 * n, align: 8, prim: 'u64' as const, elemSize: 8 as const, count: n, countExpr, target: undefined as unknown as StructIR };
          this.pendingKhoser.push({ field: arr, target: f.target, version });
          return arr;
        }
        if (!f.target) return { ...common, shape: 'khoser' as const, name, size: 8, align: 8, prim: 'u64' as const };
        const field = { ...common, shape: 'khoser' as const, name, size: 8, align: 8, prim: 'u64' as const, target: undefined as unknown as StructIR, ...this.refIR(f, version, earlier) };
        this.pendingKhoser.push({ field, target: f.target, version });
        return field;
      }
      case 'pointer':
        return { ...common, shape: 'pointer', name, size: 8, align: 8, prim: 'u64', target: f.target };
      case 'union': {
        const members = f.members.filter((m) => !m.in || !version || m.in.includes(version)).map((m) => this.layoutField(m, st, version, earlier));
        const align = Math.max(1, ...members.map((m) => m.align));
        const size = roundUp(Math.max(0, ...members.map((m) => m.size)), align);
        return { ...common, shape: 'union', ...(f.name !== undefined ? { name: f.name } : {}), size, align, members: members.map((m) => relocate(m, 0, this.target)) };
      }
      default:
        return unreachable(f);
    }
  }
}

/** Places a member at `offset` and computes where its bitfields land for the target. */
function relocate(f: FieldIR, offset: number, target: Target): FieldIR {
  // Union members are laid out from the union's start; keep every offset absolute.
  if (f.shape === 'union') return { ...f, offset, members: f.members.map((m) => relocate(m, offset + m.offset, target)) };
  if (f.shape === 'khoser' || f.shape === 'khoser-array') {
    // Keep the object the pending link fills in.
    Object.assign(f, { offset });
    return f;
  }
  if (f.shape !== 'bits') return { ...f, offset };
  const unitBits = f.size * 8;
  const bits = f.bits.map((b) => {
    // GCC allocates bitfields from the least significant bit on little-endian
    // targets and from the most significant bit on big-endian ones.
    const lsb = target.byteOrder === 'little' ? b.declaredLsb : unitBits - b.declaredLsb - b.width;
    const lowByte = Math.floor(lsb / 8);
    const highByte = Math.floor((lsb + b.width - 1) / 8);
    const first = target.byteOrder === 'little' ? lowByte : f.size - 1 - highByte;
    return { ...b, lsb, storageOffset: offset, byteOffset: offset + first, byteSize: highByte - lowByte + 1 };
  });
  return { ...f, offset, bits };
}

/** A member by dotted path (hdr.next), its offset from the start of `st`; members of bitfield groups and anonymous unions are found by name. */
function memberAt(st: StructIR, path: string): ContainerMemberIR {
  let fields = st.fields;
  let base = 0;
  const parts = path.split('.');
  const flat = (list: readonly FieldIR[]): FieldIR[] => list.flatMap((f) => (f.shape === 'union' && f.name === undefined ? flat(f.members) : [f]));
  for (let i = 0; ; i++) {
    const part = parts[i]!;
    const f = flat(fields).find((x) => x.name === part || (x.shape === 'bits' && x.bits.some((b) => b.name === part)));
    if (!f) throw new Error(`${st.name} has no member '${path}' (resolve checks container members)`);
    if (i === parts.length - 1) {
      const bit = f.shape === 'bits' ? f.bits.find((b) => b.name === part) : undefined;
      return { name: path, offset: base + (bit ? bit.storageOffset : f.offset), size: bit ? bit.storageSize : f.size, field: f };
    }
    if (f.shape !== 'struct') throw new Error(`${st.name}.${parts.slice(0, i + 1).join('.')} is not a struct`);
    base += f.offset;
    fields = f.struct.fields;
  }
}

/** The first node of an expression that matches, depth first. */
function findNode(e: Expr, match: (x: Expr) => boolean): Expr | undefined {
  if (match(e)) return e;
  switch (e.kind) {
    case 'unary':
      return findNode(e.arg, match);
    case 'binary':
      return findNode(e.left, match) ?? findNode(e.right, match);
    case 'cond':
      return findNode(e.test, match) ?? findNode(e.then, match) ?? findNode(e.else, match);
    case 'call':
      for (const a of e.args) {
        const found = findNode(a, match);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function roundUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

/** Hashes what the bytes mean, not what they are called. */
function fingerprint(st: Omit<StructIR, 'fingerprint'>): string {
  const fieldKey = (f: FieldIR): unknown => [
    f.shape,
    f.offset,
    f.size,
    'prim' in f ? (f.prim ?? null) : null,
    // A flexible array counted 0 elements when fingerprints were first taken; keep them stable.
    f.shape === 'flexible' ? 0 : 'count' in f ? f.count : null,
    'struct' in f ? (f.struct?.fingerprint ?? null) : null,
    f.shape === 'bits' ? f.bits.map((b) => [b.lsb, b.width]) : null,
    f.shape === 'union' ? f.members.map(fieldKey) : null,
    // Only a flexible array of strings adds its element size, so that every earlier fingerprint stays.
    ...(f.shape === 'flexible' && f.stringSize ? [f.elemSize] : []),
  ];
  const canonical = JSON.stringify([st.size, st.align, st.packed, st.fields.map(fieldKey)]);
  let hash = fingerprints.get(canonical);
  if (hash === undefined) {
    hash = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
    fingerprints.set(canonical, hash);
    if (fingerprints.size > FINGERPRINT_LIMIT) fingerprints.delete(fingerprints.keys().next().value!);
  }
  return hash;
}

/**
 * Fingerprints by canonical form: most structs are the same at every page
 * size and in every version, and hashing each again was a tenth of laying
 * out many schemas. Bounded, oldest out first.
 */
const FINGERPRINT_LIMIT = 8192;
const fingerprints = new Map<string, string>();

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    // Walked without Object.values: an array of every node's values was most of what freezing allocated.
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) deepFreeze(o[i]);
    else for (const k in o) deepFreeze((o as Record<string, unknown>)[k]);
  }
  return o;
}
