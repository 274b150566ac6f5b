/**
 * Turns validated schema documents into the linked model and reports what
 * JSON Schema cannot: unknown and duplicate names, reference cycles, field
 * shapes, bitfield geometry, expressions, versions and compatible strings.
 */
import { error, type Diagnostic, type DiagnosticCode, type SourceSpan } from '../diagnostics/diagnostic.js';
import type { SourceFile, YamlPath } from '../source/load.js';
import { compareCompat } from '../../runtime/compat.js';
import { ExprError, exprReferences, FUNCTIONS, parseExpr, TARGET_NAMES } from './expr.js';
import type { RawComponent, RawContainer, RawField, RawSchema } from './raw.js';
import {
  memberNames,
  presentIn,
  PRIMS,
  PRIM_SIZE,
  type Component,
  type Constant,
  type Container,
  type ExprRef,
  type Field,
  type FieldType,
  type Model,
  type Prim,
  type Ref,
  type Schema,
  type Struct,
  type Version,
} from './model.js';

/** What each C spelling a schema may give (ctype) is on the kernel's LP64 targets. */
const CTYPE_PRIM: Readonly<Record<string, Prim>> = {
  'unsigned char': 'u8', 'unsigned short': 'u16', 'unsigned int': 'u32', 'unsigned long': 'u64', 'unsigned long long': 'u64',
  'signed char': 's8', short: 's16', int: 's32', long: 's64', 'long long': 's64',
  __u8: 'u8', __u16: 'u16', __u32: 'u32', __u64: 'u64', __s8: 's8', __s16: 's16', __s32: 's32', __s64: 's64', phys_addr_t: 'u64',
};

/** What a global name stands for, for expressions and duplicate checks. */
export type Definition =
  | { kind: 'constant'; schema: Schema; item: Constant }
  | { kind: 'external'; schema: Schema; name: string }
  | { kind: 'enumerator'; schema: Schema; name: string }
  | { kind: 'enum'; schema: Schema; name: string }
  | { kind: 'macro'; schema: Schema; component: Component }
  | { kind: 'feature'; schema: Schema; name: string }
  | { kind: 'struct'; schema: Schema; item: Struct }
  | { kind: 'container'; schema: Schema; item: Container }
  | { kind: 'cmacro'; schema: Schema; name: string };

export interface Resolved {
  readonly model: Model;
  readonly names: ReadonlyMap<string, Definition>;
  readonly diagnostics: Diagnostic[];
}

/** A file's lines, split once: splitting the text for every expression made resolve quadratic in a file's size. */
const fileLines = new WeakMap<SourceFile, readonly string[]>();
function linesOf(file: SourceFile): readonly string[] {
  let lines = fileLines.get(file);
  if (!lines) {
    lines = file.text.split('\n');
    fileLines.set(file, lines);
  }
  return lines;
}

export function resolve(files: readonly SourceFile[]): Resolved {
  return new Resolver(files).run();
}

const describeDef = (d: Definition): string =>
  ({ constant: 'constant', external: 'external', enumerator: 'enumerator', enum: 'enum', macro: 'compatible macro', feature: 'feature bit', struct: 'struct', container: 'container', cmacro: 'macro' })[d.kind];

class Resolver {
  private readonly diags: Diagnostic[] = [];
  private readonly names = new Map<string, Definition>();
  private readonly schemas: Schema[] = [];
  private readonly structs = new Map<string, Struct>();
  private readonly components = new Map<string, Component>();
  private readonly raw = new Map<Schema, RawSchema>();

  constructor(private readonly files: readonly SourceFile[]) {}

  run(): Resolved {
    for (const file of this.files) this.declareSchema(file);
    for (const schema of this.schemas) this.linkIncludes(schema);
    for (const schema of this.schemas) this.declareItems(schema);
    for (const schema of this.schemas) this.linkSchema(schema);
    // Once every schema's members are linked: stored_in may name a struct of a schema that sorts after this one (kvm, luo).
    for (const schema of this.schemas) this.linkStoredIn(schema);
    for (const schema of this.schemas) this.linkVersionMember(schema, this.rawOf(schema).component);
    this.checkIncludeCycles();
    this.checkStructCycles();
    this.checkDefinitionOrder();
    for (const c of this.components.values()) this.deriveSubcomponents(c);
    const model: Model = { schemas: this.schemas, structs: this.structs, components: this.components };
    return { model, names: this.names, diagnostics: this.diags };
  }

  private err(code: DiagnosticCode, span: SourceSpan, message: string, help?: string): void {
    this.diags.push(error(code, span, message, help));
  }

  private rawOf(schema: Schema): RawSchema {
    return this.raw.get(schema)!;
  }

  private declareSchema(file: SourceFile): void {
    const raw = file.data as RawSchema;
    const schema: Schema = {
      name: raw.schema,
      file,
      spdx: raw.spdx,
      title: raw.title,
      doc: raw.doc,
      header: raw.header ?? raw.schema,
      ...(raw.defined_in !== undefined ? { definedIn: raw.defined_in } : {}),
      includes: [],
      externals: [],
      constants: [],
      macros: [],
      order: raw.order ?? [],
      enums: [],
      structs: [],
      containers: [],
      asserts: [],
    };
    const base = file.path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (base !== raw.schema) {
      this.err('schema-name-mismatch', file.spanOf(['schema']), `schema '${raw.schema}' is in a file named '${base}'`, `rename the file to ${raw.schema}.yaml or set schema: ${base}`);
    }
    if (this.schemas.some((s) => s.name === raw.schema)) {
      const first = this.schemas.find((s) => s.name === raw.schema)!;
      this.err('duplicate-name', file.spanOf(['schema']), `schema '${raw.schema}' is already defined by ${first.file.path}`, 'remove one of the files, or rename the schema in one of them');
      return;
    }
    this.raw.set(schema, raw);
    this.schemas.push(schema);
  }

  private linkIncludes(schema: Schema): void {
    const raw = this.rawOf(schema);
    (raw.includes ?? []).forEach((name, i) => {
      const target = this.schemas.find((s) => s.name === name);
      if (!target) this.err('unknown-schema', schema.file.spanOf(['includes', i]), `included schema '${name}' does not exist`, `known schemas: ${this.schemas.map((s) => s.name).join(', ')}`);
      else if (target === schema) this.err('cycle', schema.file.spanOf(['includes', i]), `schema '${name}' includes itself`);
      else schema.includes.push(target);
    });
  }

  private define(name: string, def: Definition, span: SourceSpan): void {
    const prior = this.names.get(name);
    if (prior) {
      this.err('duplicate-name', span, `'${name}' is already defined as a ${describeDef(prior)} in schema '${prior.schema.name}'`, 'every name is global in the kernel; rename one of them');
      return;
    }
    this.names.set(name, def);
  }

  private exprRef(file: SourceFile, path: YamlPath, value: string | number): ExprRef | undefined {
    const text = String(value);
    const span = file.spanOf(path);
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      // YAML reads an unquoted integer as a double: 2^64 - 1 becomes 18446744073709552000.
      const written = linesOf(file)[span.line - 1]?.slice(span.col - 1, span.col - 1 + span.length) ?? text;
      this.err('bad-expression', span, `the integer ${written} is too large for YAML to read exactly (it reads ${text})`, `quote it ("${written}") so that it is read as an expression`);
      return undefined;
    }
    const quoted = /^["']/.test(linesOf(file)[span.line - 1]?.slice(span.col - 1) ?? '');
    const base: SourceSpan = { ...span, col: span.col + (quoted ? 1 : 0) };
    try {
      return { text, ast: parseExpr(text), span: base };
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      this.err('bad-expression', { ...base, col: base.col + e.pos, length: e.len }, `${e.message} in '${text}'`, 'write a C constant expression');
      return undefined;
    }
  }

  private declareItems(schema: Schema): void {
    const raw = this.rawOf(schema);
    const f = schema.file;
    if (raw.component) this.declareComponent(schema, raw);
    (raw.externals ?? []).forEach((x, i) => {
      const span = f.spanOf(['externals', i, 'name']);
      if ((x.value === undefined) === (x.string === undefined)) {
        this.err('bad-constant', f.spanOf(['externals', i]), `external '${x.name}' needs exactly one of value or string`, x.value === undefined ? 'add value: for a number or string: for a string' : 'keep value: for a number or string: for a string, not both');
        return;
      }
      const value = x.value !== undefined ? this.exprRef(f, ['externals', i, 'value'], x.value) : undefined;
      schema.externals.push({ name: x.name, schema, header: x.header, ...(value ? { value } : {}), ...(x.string !== undefined ? { string: x.string } : {}), ...(x.doc ? { doc: x.doc } : {}), span });
      this.define(x.name, { kind: 'external', schema, name: x.name }, span);
    });
    (raw.constants ?? []).forEach((c, i) => {
      const span = f.spanOf(['constants', i, 'name']);
      if ((c.value === undefined) === (c.string === undefined)) {
        this.err('bad-constant', f.spanOf(['constants', i]), `constant '${c.name}' needs exactly one of value or string`, c.value === undefined ? 'add value: for a number or string: for a string' : 'keep value: for a number or string: for a string, not both');
        return;
      }
      const value = c.value !== undefined ? this.exprRef(f, ['constants', i, 'value'], c.value) : undefined;
      if (c.value !== undefined && !value) return;
      const item: Constant = {
        name: c.name,
        schema,
        ...(value ? { value } : {}),
        ...(c.string !== undefined ? { string: c.string } : {}),
        ...(c.doc ? { doc: c.doc } : {}),
        ...this.inVersions(schema, c.in, ['constants', i, 'in']),
        ...(c.variants
          ? {
              variants: c.variants.map((x, j) => {
                const xv = x.value !== undefined ? this.exprRef(f, ['constants', i, 'variants', j, 'value'], x.value) : undefined;
                if (x.value !== undefined && c.value === undefined) this.err('bad-constant', f.spanOf(['constants', i, 'variants', j, 'value']), `a variant of the string constant '${c.name}' gives a number`, 'give string: in the variant, or make the constant a number');
                if (x.string !== undefined && c.string === undefined) this.err('bad-constant', f.spanOf(['constants', i, 'variants', j, 'string']), `a variant of the numeric constant '${c.name}' gives a string`, 'give value: or text: in the variant, or make the constant a string');
                return { in: this.inVersions(schema, x.in, ['constants', i, 'variants', j, 'in']).in ?? [], ...(x.text !== undefined ? { text: x.text } : {}), ...(x.string !== undefined ? { string: x.string } : {}), ...(xv ? { value: xv } : {}) };
              }),
            }
          : {}),
        span,
      };
      schema.constants.push(item);
      this.define(c.name, { kind: 'constant', schema, item }, span);
    });
    (raw.macros ?? []).forEach((m, i) => {
      const span = f.spanOf(['macros', i, 'name']);
      schema.macros.push({
        name: m.name,
        schema,
        ...(m.params ? { params: m.params } : {}),
        body: m.body.replace(/\n+$/, ''),
        ...(m.ifdef ? { ifdef: m.ifdef } : {}),
        ...(m.doc ? { doc: m.doc } : {}),
        ...this.inVersions(schema, m.in, ['macros', i, 'in']),
        span,
      });
      this.define(m.name, { kind: 'cmacro', schema, name: m.name }, span);
    });
    (raw.enums ?? []).forEach((e, i) => {
      const span = f.spanOf(['enums', i, 'name']);
      const en = { name: e.name, schema, ...(e.doc ? { doc: e.doc } : {}), values: [] as Schema['enums'][number]['values'], span };
      this.define(e.name, { kind: 'enum', schema, name: e.name }, span);
      e.values.forEach((v, j) => {
        const vspan = f.spanOf(['enums', i, 'values', j, 'name']);
        const value = v.value !== undefined ? this.exprRef(f, ['enums', i, 'values', j, 'value'], v.value) : undefined;
        this.define(v.name, { kind: 'enumerator', schema, name: v.name }, vspan);
        const variants = (v.variants ?? []).flatMap((x, k) => {
          const at = ['enums', i, 'values', j, 'variants', k];
          const xv = this.exprRef(f, [...at, 'value'], x.value);
          return xv ? [{ in: this.inVersions(schema, x.in, [...at, 'in']).in ?? [], value: xv }] : [];
        });
        const inList = this.inVersions(schema, v.in, ['enums', i, 'values', j, 'in']);
        if (value || v.value === undefined) en.values.push({ name: v.name, enumeration: en, ...(value ? { value } : {}), ...(variants.length ? { variants } : {}), ...inList, ...(v.doc ? { doc: v.doc } : {}), span: vspan });
      });
      schema.enums.push(en);
    });
    (raw.structs ?? []).forEach((s, i) => {
      const span = f.spanOf(['structs', i, 'name']);
      const size = s.size !== undefined ? this.exprRef(f, ['structs', i, 'size'], s.size) : undefined;
      const st: Struct = {
        name: s.name,
        schema,
        ...(s.doc ? { doc: s.doc } : {}),
        packed: s.packed ?? false,
        ...(size ? { size } : {}),
        ...(s.section !== undefined ? { section: s.section } : {}),
        ...this.inVersions(schema, s.in, ['structs', i, 'in']),
        fields: [],
        span,
      };
      if (this.names.has(s.name)) {
        this.define(s.name, { kind: 'struct', schema, item: st }, span);
        return;
      }
      this.define(s.name, { kind: 'struct', schema, item: st }, span);
      this.structs.set(s.name, st);
      schema.structs.push(st);
    });
    (raw.containers ?? []).forEach((c, i) => {
      const span = f.spanOf(['containers', i, 'name']);
      // Linked in linkSchema, once every struct exists.
      const item: Container = { name: c.name, schema, ...(c.doc ? { doc: c.doc } : {}), def: undefined as never, span };
      this.define(c.name, { kind: 'container', schema, item }, span);
      schema.containers.push(item);
    });
  }

  private declareComponent(schema: Schema, raw: RawSchema): void {
    const rc = raw.component!;
    const f = schema.file;
    const span = f.spanOf(['component', 'name']);
    const prior = this.components.get(rc.name);
    if (prior) {
      this.err('duplicate-name', span, `component '${rc.name}' is already declared by schema '${prior.schema.name}'`, 'give this component a name of its own');
      return;
    }
    const component: Component = {
      name: rc.name,
      schema,
      ...(rc.macro ? { macro: rc.macro } : {}),
      ...(rc.base_macro ? { baseMacro: rc.base_macro } : {}),
      ...(rc.doc ? { doc: rc.doc } : {}),
      versions: [],
      current: undefined as never,
      featureBits: [],
      featureMasks: rc.feature_masks ?? `${rc.name.toUpperCase()}_FEATURES`,
      span,
    };
    (rc.feature_bits ?? []).forEach((b, i) => {
      const bspan = f.spanOf(['component', 'feature_bits', i, 'name']);
      const same = component.featureBits.find((o) => o.bit === b.bit);
      if (same) this.err('duplicate-name', f.spanOf(['component', 'feature_bits', i, 'bit']), `feature bit ${b.bit} is used by both ${same.name} and ${b.name}`, 'give each feature its own bit');
      component.featureBits.push({ name: b.name, bit: b.bit, ...(b.doc ? { doc: b.doc } : {}), span: bspan });
      this.define(b.name, { kind: 'feature', schema, name: b.name }, bspan);
    });
    rc.versions.forEach((v, i) => {
      const vspan = f.spanOf(['component', 'versions', i, 'id']);
      if (component.versions.some((o) => o.id === v.id)) {
        this.err('duplicate-version', vspan, `version '${v.id}' is declared twice`, 'give each version an id of its own');
        return;
      }
      const features = v.features
        ? {
            supported: this.featureList(component, v.features.supported, ['component', 'versions', i, 'features', 'supported']),
            required: this.featureList(component, v.features.required, ['component', 'versions', i, 'features', 'required']),
            active: this.featureList(component, v.features.active, ['component', 'versions', i, 'features', 'active']),
          }
        : undefined;
      if (v.compose && v.compatible === undefined) {
        this.err('compat-invalid', f.spanOf(['component', 'versions', i, 'compose']), `version '${v.id}' composes sub-components but has no base compatible string`, 'give it a compatible string');
      }
      if (v.subcomponents && !v.compose) {
        this.err('compat-invalid', f.spanOf(['component', 'versions', i, 'subcomponents']), `version '${v.id}' lists subcomponents but does not set compose: true`, 'add compose: true, or remove subcomponents');
      }
      if (v.subcomponents) this.checkSorted(v.subcomponents, f, ['component', 'versions', i, 'subcomponents']);
      if (v.macro !== undefined && v.compatible === undefined) {
        this.err('compat-invalid', f.spanOf(['component', 'versions', i, 'macro']), `version '${v.id}' names a macro but has no compatible string for it to hold`, 'give it a compatible string, or remove macro');
      }
      if (v.source) {
        const src = v.source;
        const tree = src.repo !== undefined || src.path !== undefined || src.commit !== undefined;
        const patch = src.subject !== undefined || src.message_id !== undefined || src.list !== undefined || src.date !== undefined;
        const at = f.spanOf(['component', 'versions', i, 'source']);
        if (tree && patch) this.err('bad-source', at, `the source of '${v.id}' mixes a tree (repo, path, commit) with a patch (list, subject, date, message_id)`, 'name the one it was read from; say the other in note');
        else if (tree && (src.repo === undefined || src.path === undefined || src.commit === undefined)) this.err('bad-source', at, `a tree source needs repo, path and commit; '${v.id}' lacks ${['repo', 'path', 'commit'].filter((k) => src[k as keyof typeof src] === undefined).join(' and ')}`);
        else if (patch && (src.subject === undefined || (src.message_id === undefined && src.date === undefined))) this.err('bad-source', at, `a patch source needs its subject and its message_id or date ('${v.id}')`);
        else if (!tree && !patch) this.err('bad-source', at, `the source of '${v.id}' names neither a tree nor a patch`, 'give repo, path and commit, or subject with message_id or date');
      }
      component.versions.push({
        id: v.id,
        component,
        index: i,
        ...(v.compatible !== undefined ? { compatible: v.compatible } : {}),
        ...(v.macro !== undefined && v.macro !== rc.macro ? { macro: v.macro } : {}),
        ...(v.number !== undefined ? { number: BigInt(v.number) } : {}),
        compose: v.compose ?? false,
        ...(v.subcomponents ? { declaredSubcomponents: { names: v.subcomponents, span: f.spanOf(['component', 'versions', i, 'subcomponents']) } } : {}),
        subcomponents: [],
        ...(features ? { features } : {}),
        ...(v.source ? { source: v.source } : {}),
        ...(v.doc ? { doc: v.doc } : {}),
        span: vspan,
      });
    });
    const current = component.versions.find((v) => v.id === rc.current);
    if (!current) {
      this.err('unknown-version', f.spanOf(['component', 'current']), `current version '${rc.current}' is not declared`, `declared: ${component.versions.map((v) => v.id).join(', ')}`);
      component.current = component.versions[component.versions.length - 1]!;
    } else component.current = current;
    rc.versions.forEach((v, i) => {
      if (v.number !== undefined && rc.version_member === undefined) {
        this.err('bad-version-number', f.spanOf(['component', 'versions', i, 'number']), `version '${v.id}' has a number, but component '${rc.name}' names no version_member to hold it`, 'add version_member: <struct>.<member>, the integer member the number is stored in');
      }
    });
    rc.versions.forEach((v, i) => {
      if (v.variant_of === undefined) return;
      const self = component.versions.find((x) => x.id === v.id);
      const base = component.versions.find((x) => x.id === v.variant_of);
      const span = f.spanOf(['component', 'versions', i, 'variant_of']);
      if (!base || base === self) this.err('unknown-version', span, `variant_of names '${v.variant_of}', which is no other version of ${rc.name}`, `versions: ${component.versions.map((x) => x.id).join(', ')}`);
      else if (base.variantOf || base.compatible !== self?.compatible || base.compose !== self?.compose) this.err('compat-invalid', span, `'${v.id}' is a variant of '${base.id}' and stores its string, but ${base.variantOf ? `'${base.id}' is itself a variant` : `'${base.id}' stores ${base.compatible === undefined ? 'none' : `'${base.compatible}'`}${base.compose ? ' composed' : ''}`}`, `give '${v.id}' the compatible string (and compose) of '${base.id}'`);
      else if (self) self.variantOf = base;
    });
    // Versions may share a string when each has a number of its own, stored in the version member,
    // and a variant shares the string of the version whose bytes it has.
    const seen = new Map<string, Version[]>();
    const variants = new Set(rc.versions.filter((v) => v.variant_of !== undefined).map((v) => v.id));
    for (const v of component.versions) {
      // A variant's string is checked against its base above.
      if (v.compatible === undefined || variants.has(v.id)) continue;
      const key = `${v.compatible}|${v.compose}`;
      const others = seen.get(key) ?? [];
      const unnumbered = others.find((o) => o.number === undefined || v.number === undefined);
      const sameNumber = others.find((o) => o.number !== undefined && o.number === v.number);
      if (unnumbered) {
        this.err('duplicate-version', v.span, `versions '${unnumbered.id}' and '${v.id}' store the same compatible string '${v.compatible}'`, rc.version_member !== undefined ? `a new layout needs a new compatible string, or a number: of its own in ${rc.version_member}` : 'a new layout needs a new compatible string');
      } else if (sameNumber) {
        this.err('duplicate-version', v.span, `versions '${sameNumber.id}' and '${v.id}' store the same compatible string '${v.compatible}' and the same number ${v.number}`, 'give each version a number of its own');
      }
      seen.set(key, [...others, v]);
    }
    if (component.versions.some((v) => v.compatible !== undefined) && !component.macro) {
      this.err('missing-key', span, `component '${rc.name}' has compatible strings but no macro to hold them`, 'add macro: <NAME>_COMPATIBLE');
    }
    if (component.macro) this.define(component.macro, { kind: 'macro', schema, component }, f.spanOf(['component', 'macro']));
    // A version may keep its string in a #define of its own (LUO_FDT_COMPATIBLE before LUO_ABI_COMPATIBLE); each is defined once.
    const versionMacros = new Set<string>();
    component.versions.forEach((v) => {
      if (v.macro === undefined || v.macro === component.macro || versionMacros.has(v.macro)) return;
      versionMacros.add(v.macro);
      this.define(v.macro, { kind: 'macro', schema, component }, f.spanOf(['component', 'versions', v.index, 'macro']));
    });
    if (component.baseMacro) this.define(component.baseMacro, { kind: 'macro', schema, component }, f.spanOf(['component', 'base_macro']));
    schema.component = component;
    this.components.set(component.name, component);
  }

  /**
   * Sub-components must be in strictly increasing strcmp order (kernel-abi.md
   * section 4). A name listed twice never gets here: the schema language
   * (uniqueItems) rejects it as duplicate-item.
   */
  private checkSorted(list: readonly string[], f: SourceFile, path: YamlPath): void {
    for (let i = 1; i < list.length; i++) {
      if (compareCompat(list[i - 1]!, list[i]!) > 0) {
        this.err(
          'compat-unsorted',
          f.spanOf([...path, i]),
          `sub-component '${list[i]}' must come before '${list[i - 1]}': sub-components are in strictly increasing strcmp order`,
          `write them as [${[...list].sort(compareCompat).join(', ')}]`,
        );
      }
    }
  }

  private featureList(component: Component, names: string[] | undefined, path: YamlPath) {
    const f = component.schema.file;
    return (names ?? []).flatMap((n, i) => {
      const bit = component.featureBits.find((b) => b.name === n);
      if (!bit) {
        this.err('unknown-name', f.spanOf([...path, i]), `'${n}' is not a feature bit of component '${component.name}'`, `declared: ${component.featureBits.map((b) => b.name).join(', ') || 'none'}`);
        return [];
      }
      return [bit];
    });
  }

  private inVersions(schema: Schema, ids: string[] | undefined, path: YamlPath): { in?: Version[] } {
    if (!ids) return {};
    const f = schema.file;
    const component = schema.component;
    if (!component) {
      this.err('unknown-version', f.spanOf(path), `'in' names versions but schema '${schema.name}' declares no component`, 'declare the versions in a component, or remove in');
      return {};
    }
    const out: Version[] = [];
    ids.forEach((id, i) => {
      const v = component.versions.find((x) => x.id === id);
      if (!v) this.err('unknown-version', f.spanOf([...path, i]), `version '${id}' is not declared by component '${component.name}'`, `declared: ${component.versions.map((x) => x.id).join(', ')}`);
      else out.push(v);
    });
    return { in: out };
  }

  /** Is a definition from `owner` visible in `schema` (itself or a direct include)? */
  private visible(schema: Schema, owner: Schema): boolean {
    return owner === schema || schema.includes.includes(owner);
  }

  private notIncluded(schema: Schema, owner: Schema, name: string, span: SourceSpan): void {
    this.err('not-included', span, `'${name}' is defined in schema '${owner.name}', which '${schema.name}' does not include`, `add ${owner.name} to includes`);
  }

  private lookupStruct(schema: Schema, name: string, span: SourceSpan): Struct | undefined {
    const s = this.structs.get(name);
    if (!s) {
      const def = this.names.get(name);
      this.err(
        'unknown-type',
        span,
        def ? `'${name}' is a ${describeDef(def)}, not a struct or primitive type` : `unknown type '${name}'`,
        `a type is one of ${PRIMS.join(', ')} or a struct name`,
      );
      return undefined;
    }
    if (!this.visible(schema, s.schema)) this.notIncluded(schema, s.schema, name, span);
    return s;
  }

  private lookupContainer(schema: Schema, name: string, span: SourceSpan): Container | undefined {
    const def = this.names.get(name);
    if (def?.kind !== 'container') {
      const known = [...this.names.entries()].filter(([, d]) => d.kind === 'container').map(([n]) => n).sort();
      this.err('unknown-container', span, def ? `'${name}' is a ${describeDef(def)}, not a container` : `unknown container '${name}'`, `containers: ${known.join(', ') || 'none'}`);
      return undefined;
    }
    if (!this.visible(schema, def.schema)) this.notIncluded(schema, def.schema, name, span);
    return def.item;
  }

  private checkExpr(schema: Schema, ref: ExprRef | undefined, opts: { sizeContext?: Struct } = {}): void {
    if (!ref) return;
    const refs = exprReferences(ref.ast);
    const at = (e: { pos: number; len: number }): SourceSpan => ({ ...ref.span, col: ref.span.col + e.pos, length: e.len });
    for (const n of refs.names) {
      if (n.kind !== 'name') continue;
      this.checkName(schema, n.name, at(n), opts.sizeContext);
    }
    for (const n of refs.sizeofNames) {
      if (n.kind !== 'sizeof' || n.of.kind !== 'name') continue;
      this.checkName(schema, n.of.name, at(n), opts.sizeContext);
    }
    for (const c of refs.calls) {
      if (c.kind === 'call' && !FUNCTIONS[c.fn]) this.err('unknown-name', at(c), `unknown function '${c.fn}'`, `known functions: ${Object.keys(FUNCTIONS).join(', ')}`);
    }
    for (const s of refs.structs) {
      if (s.kind === 'sizeof' && s.of.kind === 'struct') this.lookupStruct(schema, s.of.name, at(s));
    }
  }

  private checkName(schema: Schema, name: string, span: SourceSpan, sizeContext?: Struct): void {
    if (name in TARGET_NAMES) return;
    const def = this.names.get(name);
    if (!def) {
      // sizeContext.fields is still being linked: look at the members as written.
      const field = sizeContext !== undefined && this.rawMemberNames(sizeContext).has(name);
      if (field) {
        this.err('not-constant', span, `array size uses '${name}', a member of ${sizeContext!.name}; sizes must be constant expressions`, 'use a flexible array (flexible: true) with ref.count, or a constant');
      } else this.err('unknown-name', span, `unknown name '${name}'`, 'declare it as a constant, enumerator or external');
      return;
    }
    if (def.kind === 'struct' || def.kind === 'container' || def.kind === 'enum' || def.kind === 'cmacro') {
      this.err('not-constant', span, `'${name}' is a ${describeDef(def)}, not a value`, def.kind === 'struct' ? `write sizeof(struct ${name})` : undefined);
      return;
    }
    if (!this.visible(schema, def.schema)) this.notIncluded(schema, def.schema, name, span);
  }

  /** Every member name of a struct as written, bits and anonymous union members included. */
  private rawMemberNames(st: Struct): Set<string> {
    const rs = this.rawOf(st.schema).structs?.find((x) => x.name === st.name);
    const names = new Set<string>();
    const walk = (list: RawField[]): void => {
      for (const r of list) {
        if (r.name !== undefined) names.add(r.name);
        for (const b of r.bits ?? []) names.add(b.name);
        if (r.union && r.name === undefined) walk(r.union);
      }
    };
    walk(rs?.fields ?? []);
    return names;
  }

  private fieldType(schema: Schema, name: string, span: SourceSpan): FieldType | undefined {
    if ((PRIMS as readonly string[]).includes(name)) return { kind: 'prim', prim: name as Prim };
    const s = this.lookupStruct(schema, name, span);
    return s ? { kind: 'struct', struct: s } : undefined;
  }

  /** A C spelling must name a type of the same size and signedness as the member's type. */
  private checkCtype(schema: Schema, f: SourceFile, p: YamlPath, rf: RawField): void {
    const prim = rf.type as Prim | undefined;
    // A member of an enum type (enum iommu_lu_type type;): gcc stores such an enum as an unsigned int, or an int when a value is negative.
    const asEnum = /^enum ([A-Za-z_][A-Za-z0-9_]*)$/.exec(rf.ctype!);
    if (asEnum) {
      const def = this.names.get(asEnum[1]!);
      if (def?.kind !== 'enum') this.err('unknown-name', f.spanOf([...p, 'ctype']), `ctype '${rf.ctype}' names no enum of this schema or its includes`, 'declare the enum under enums:, or spell a scalar type');
      else if (!this.visible(schema, def.schema)) this.notIncluded(schema, def.schema, asEnum[1]!, f.spanOf([...p, 'ctype']));
      else if ((prim !== 'u32' && prim !== 's32') || rf.bits !== undefined || rf.count !== undefined || rf.flexible) {
        this.err('bad-field', f.spanOf([...p, 'ctype']), `a member of type ${rf.ctype} is a u32 (or an s32 when a value is negative), as gcc stores the enum, not ${rf.bits ? 'a bitfield group' : rf.count !== undefined || rf.flexible ? 'an array' : (rf.type ?? 'no type')}`, 'use type: u32 with this ctype');
      }
      return;
    }
    const spelled = CTYPE_PRIM[rf.ctype!];
    if (prim === undefined || !PRIMS.includes(prim) || prim === 'char' || rf.bits !== undefined) {
      this.err('bad-field', f.spanOf([...p, 'ctype']), `ctype spells a scalar type; '${rf.name ?? 'this member'}' is ${rf.bits ? 'a bitfield group' : rf.type === 'char' ? 'a char' : `of type ${rf.type ?? 'no type'}`}`, 'use ctype only on u8..u64 and s8..s64 members');
    } else if (spelled !== prim) {
      this.err('bad-field', f.spanOf([...p, 'ctype']), `ctype '${rf.ctype}' is ${spelled} on the kernel's 64-bit targets, but the member is ${prim}`, `spell a ${PRIM_SIZE[prim] * 8}-bit ${prim.startsWith('s') ? 'signed' : 'unsigned'} type`);
    }
  }

  /** Is `name` one of the items a header of this schema declares? */
  private declaredIn(schema: Schema, name: string): boolean {
    const c = schema.component;
    return (
      c?.macro === name ||
      c?.baseMacro === name ||
      (c?.versions.some((v) => v.macro === name) ?? false) ||
      schema.constants.some((x) => x.name === name) ||
      schema.macros.some((x) => x.name === name) ||
      schema.enums.some((x) => x.name === name) ||
      schema.structs.some((x) => x.name === name) ||
      (c?.featureBits.some((b) => b.name === name) ?? false) ||
      (c !== undefined && [`${c.featureMasks}_SUPP`, `${c.featureMasks}_REQ`, `${c.featureMasks}_ACTIVE`].includes(name))
    );
  }

  private linkSchema(schema: Schema): void {
    const raw = this.rawOf(schema);
    const f = schema.file;
    for (const x of schema.externals) this.checkExpr(schema, x.value);
    for (const c of schema.constants) this.checkExpr(schema, c.value);
    for (const e of schema.enums) for (const v of e.values) for (const x of [v.value, ...(v.variants ?? []).map((y) => y.value)]) if (x) this.checkExpr(schema, x);
    (raw.structs ?? []).forEach((rs, i) => {
      const st = this.structs.get(rs.name);
      if (!st || st.schema !== schema) return;
      this.checkExpr(schema, st.size);
      st.fields = this.linkFields(schema, st, rs.fields, ['structs', i, 'fields'], false);
      this.checkFieldNames(st, rs.fields, ['structs', i, 'fields']);
      this.linkRefs(schema, st, st.fields, rs.fields, ['structs', i, 'fields']);
    });
    (raw.containers ?? []).forEach((rc, i) => {
      const item = schema.containers.find((c) => c.name === rc.name);
      if (!item) return;
      item.def = this.linkContainer(schema, rc, ['containers', i]) ?? { kind: 'fdt', compatible: '', properties: [], nodeProperties: [], services: [] };
      if (rc.version !== undefined) {
        const v = schema.component?.versions.find((x) => x.id === rc.version);
        if (!v) {
          const declared = schema.component ? schema.component.versions.map((x) => x.id).join(', ') : 'none (the schema declares no component)';
          this.err('unknown-version', f.spanOf(['containers', i, 'version']), `container '${rc.name}' is laid out at version '${rc.version}', which schema '${schema.name}' does not declare`, `declared: ${declared}`);
        } else item.version = v;
      }
    });
    (raw.asserts ?? []).forEach((a, i) => {
      const expr = this.exprRef(f, ['asserts', i, 'expr'], a.expr);
      this.checkExpr(schema, expr);
      if (a.after !== undefined && !this.declaredIn(schema, a.after)) {
        this.err('unknown-name', f.spanOf(['asserts', i, 'after']), `'${a.after}' is not declared in schema ${schema.name}`, 'name a struct, constant, macro or enum of this schema');
      }
      if (expr) {
        schema.asserts.push({
          expr,
          ...(a.message ? { message: a.message } : {}),
          ...(a.text !== undefined ? { text: a.text } : {}),
          ...(a.after !== undefined ? { after: a.after } : {}),
          ...this.inVersions(schema, a.in, ['asserts', i, 'in']),
          helper: a.helper ?? false,
          schema,
        });
      }
    });
    schema.order.forEach((name, i) => {
      if (!this.declaredIn(schema, name)) {
        this.err('unknown-name', f.spanOf(['order', i]), `'${name}' in order is not declared in schema ${schema.name}`, 'list the compatible macros, constants, macros, enums and structs of this schema');
      }
    });
  }

  /** component.version_member: the integer member holding the number of versions that share a string. */
  private linkVersionMember(schema: Schema, rc: RawComponent | undefined): void {
    if (!rc?.version_member || !schema.component) return;
    const f = schema.file;
    const span = f.spanOf(['component', 'version_member']);
    const [sname, fname] = rc.version_member.split('.') as [string, string | undefined];
    const st = schema.structs.find((x) => x.name === sname);
    const candidates = st?.fields.filter((x) => x.name === fname) ?? [];
    const integer = (x: Field): boolean => x.shape === 'scalar' && x.type.kind === 'prim' && x.type.prim !== 'char';
    if (!st) {
      this.err('unknown-field', span, `version_member '${rc.version_member}' names struct ${sname}, which this schema does not declare`);
      return;
    }
    if (candidates.length === 0) {
      this.err('unknown-field', span, `${sname} has no member '${fname ?? ''}'`, `members: ${st.fields.map((x) => x.name).filter((x) => x !== undefined).join(', ')}`);
      return;
    }
    const numbered = schema.component.versions.filter((v) => v.number !== undefined);
    for (const v of numbered) {
      const here = candidates.filter((x) => presentIn(x, v));
      if (here.length !== 1 || !integer(here[0]!) || (st.in && !st.in.includes(v))) {
        this.err('bad-version-number', span, `'${rc.version_member}' must be an integer member of ${sname} in version '${v.id}', which has a number, but it is ${here.length === 0 || (st.in && !st.in.includes(v)) ? 'absent there' : 'not an integer'}`, 'name a u8..u64 member present in every numbered version');
        return;
      }
    }
    const field = candidates.find((x) => numbered.some((v) => presentIn(x, v))) ?? candidates[0]!;
    schema.component.versionMember = { struct: st, field, span };
  }

  /** component.stored_in: the char array readers find the compatible string in. */
  private linkStoredIn(schema: Schema): void {
    const rc = this.rawOf(schema).component;
    const f = schema.file;
    if (rc?.stored_in && schema.component) {
      const [sname, fname] = rc.stored_in.split('.') as [string, string];
      const span = f.spanOf(['component', 'stored_in']);
      const st = this.structs.get(sname);
      const field = st?.fields.find((x) => x.name === fname);
      if (!st) this.err('unknown-field', span, `stored_in '${rc.stored_in}' names struct ${sname}, which does not exist`);
      else if (!field) this.err('unknown-field', span, `${sname} has no member '${fname}'`, `members: ${st.fields.map((x) => x.name).filter((x) => x !== undefined).join(', ')}`);
      else if (field.shape !== 'array' || field.type.kind !== 'prim' || field.type.prim !== 'char') this.err('bad-field', span, `'${rc.stored_in}' is not a char array`);
      else {
        if (!this.visible(schema, st.schema)) this.notIncluded(schema, st.schema, sname, span);
        schema.component.storedIn = { struct: st, field, span };
      }
    }
  }

  private linkFields(schema: Schema, st: Struct, raws: RawField[], path: YamlPath, inUnion: boolean): Field[] {
    const f = schema.file;
    const out: Field[] = [];
    raws.forEach((rf, i) => {
      const p = [...path, i];
      const span = f.spanOf(rf.name !== undefined ? [...p, 'name'] : p);
      const kinds = (['type', 'bitmap', 'khoser', 'pointer', 'union'] as const).filter((k) => rf[k] !== undefined);
      if (kinds.length !== 1) {
        this.err('bad-field', f.spanOf(p), kinds.length === 0 ? 'a member needs one of type, bitmap, khoser, pointer or union' : `a member has exactly one of type, bitmap, khoser, pointer or union, but this one has ${kinds.join(' and ')}`);
        return;
      }
      if (rf.pointer !== undefined) {
        // The kernel's own pointer: no value of it means anything to the next kernel, so nothing checks it.
        const extra = (['count', 'flexible', 'allowed', 'equals', 'at_most', 'as_number', 'holds', 'kernel', 'ref'] as const).find((k) => rf[k] !== undefined);
        if (extra) {
          this.err('bad-field', f.spanOf([...p, extra]), `'${rf.name ?? 'this member'}' is a kernel pointer, stored as the kernel left it and never read across kexec; it takes no ${extra}`, 'a physical address the next kernel follows is a u64 (with ref) or a khoser member');
          return;
        }
      }
      if (rf.ctype !== undefined) this.checkCtype(schema, f, p, rf);
      const common = {
        ...(rf.name !== undefined ? { name: rf.name } : {}),
        ...(rf.ctype !== undefined ? { ctype: rf.ctype } : {}),
        ...(rf.doc ? { doc: rf.doc } : {}),
        ...this.inVersions(schema, rf.in, [...p, 'in']),
        ...(rf.allowed !== undefined ? (() => { const a = this.exprRef(f, [...p, 'allowed'], rf.allowed); this.checkExpr(schema, a); return a ? { allowed: a } : {}; })() : {}),
        ...(rf.equals !== undefined ? (() => { const a = this.exprRef(f, [...p, 'equals'], rf.equals); this.checkExpr(schema, a); return a ? { equals: a } : {}; })() : {}),
        ...(rf.holds !== undefined ? { holds: { name: rf.holds, span: f.spanOf([...p, 'holds']) } } : {}),
        ...(rf.at_most !== undefined ? { atMost: { name: rf.at_most, span: f.spanOf([...p, 'at_most']) } } : {}),
        ...(rf.as_number !== undefined ? (() => { const max = this.exprRef(f, [...p, 'as_number', 'max'], rf.as_number.max); this.checkExpr(schema, max); return max ? { asNumber: { max, by: rf.as_number.by, span: f.spanOf([...p, 'as_number']) } } : {}; })() : {}),
        ...(rf.kernel ? { kernel: rf.kernel } : {}),
        span,
      };
      if (rf.kernel) {
        const isString = rf.type === 'char' && rf.count !== undefined;
        const checked = rf.allowed !== undefined || rf.equals !== undefined || rf.at_most !== undefined;
        if (rf.kernel.does === 'truncate' ? !isString : !checked && !isString) {
          this.err(
            'bad-field',
            f.spanOf([...p, 'kernel']),
            rf.kernel.does === 'truncate' ? `'truncate' is for char arrays, and '${rf.name ?? 'this member'}' is none` : `kernel says what the kernel does with a value a check refuses, but '${rf.name ?? 'this member'}' has no check (allowed, equals, at_most) and holds no string`,
          );
        }
      }
      if (rf.at_most !== undefined) {
        const bound = raws.slice(0, i).find((x) => x.name === rf.at_most);
        const integer = (x: RawField | undefined) => x !== undefined && x.count === undefined && x.type !== undefined && x.type !== 'char' && PRIMS.includes(x.type as Prim);
        if (!integer(rf)) this.err('bad-field', f.spanOf([...p, 'at_most']), `at_most belongs on an integer member, not on '${rf.name ?? 'this member'}'`);
        else if (!integer(bound)) this.err('unknown-field', f.spanOf([...p, 'at_most']), `at_most names '${rf.at_most}', which is no integer member declared before '${rf.name}' in ${st.name}`, 'name an earlier u8..u64 member of the same struct');
      }
      if (rf.as_number !== undefined) {
        // A number holds every integer up to 2^53 - 1 exactly, and the bit operators of allowed/equals are 32-bit: only a plain u64 qualifies.
        const plain = rf.type === 'u64' && rf.count === undefined && !rf.flexible && rf.allowed === undefined && rf.equals === undefined;
        if (!plain) this.err('bad-field', f.spanOf([...p, 'as_number']), `as_number belongs on a single u64 member without allowed or equals, not on '${rf.name ?? 'this member'}'`, 'a member of at most 32 bits is a number already');
      }
      if (rf.holds !== undefined && !(rf.type === 'char' && rf.count !== undefined)) {
        this.err('bad-field', f.spanOf([...p, 'holds']), `holds belongs on a char array (type: char with a count), not on '${rf.name ?? 'this member'}'`);
      } else if (rf.holds !== undefined) {
        const def = this.names.get(rf.holds);
        const isString = (def?.kind === 'constant' && def.item.string !== undefined) || def?.kind === 'macro';
        if (!isString) this.err('unknown-name', f.spanOf([...p, 'holds']), def ? `'${rf.holds}' is a ${def.kind === 'constant' ? 'numeric constant' : describeDef(def)}, not a string constant or compatible macro` : `unknown string constant '${rf.holds}'`, 'name a constant declared with string:, or a component macro');
        else if (!this.visible(schema, def.schema)) this.notIncluded(schema, def.schema, rf.holds, f.spanOf([...p, 'holds']));
      }
      const needName = rf.bits === undefined && rf.union === undefined;
      if (needName && rf.name === undefined) {
        this.err('bad-field', f.spanOf(p), 'this member needs a name');
        return;
      }
      if (rf.bits !== undefined && rf.name !== undefined) {
        this.err('bad-field', f.spanOf([...p, 'name']), 'a bitfield group has no name of its own; its bits are named');
        return;
      }
      if (rf.string_size !== undefined && !(rf.flexible && rf.type === 'char')) {
        this.err('bad-field', f.spanOf([...p, 'string_size']), `string_size makes a flexible array of fixed-size strings (char name[][N]); '${rf.name ?? 'this member'}' is no flexible char array`, 'use it with type: char and flexible: true, or a char array with count for one string');
        return;
      }
      if (rf.count !== undefined && rf.flexible) {
        this.err('bad-field', f.spanOf([...p, 'flexible']), 'a member is either an array with a count or a flexible array, not both');
        return;
      }
      if ((rf.count !== undefined || rf.flexible) && rf.type === undefined && !(rf.count !== undefined && rf.khoser !== undefined)) {
        const key = rf.count !== undefined ? 'count' : 'flexible';
        this.err('bad-field', f.spanOf([...p, key]), `${key} needs a type: it makes an array of that type`, rf.bitmap !== undefined ? 'the size of a bitmap is its bitmap: value; remove ' + key : undefined);
        return;
      }
      if (rf.bits !== undefined && (rf.count !== undefined || rf.flexible)) {
        this.err('bad-field', f.spanOf([...p, rf.count !== undefined ? 'count' : 'flexible']), 'a bitfield group cannot be an array', 'declare one group per storage unit');
        return;
      }
      // Last in every version that has it: a later member only of other versions may follow.
      const followedInSomeVersion = raws.slice(i + 1).some((x) => !x.in || !rf.in || x.in.some((v) => rf.in!.includes(v)));
      if (rf.flexible && (inUnion || followedInSomeVersion)) {
        this.err('bad-field', f.spanOf([...p, 'flexible']), inUnion ? `flexible array '${rf.name}' cannot be a member of a union` : `flexible array '${rf.name}' must be the last member of ${st.name}`);
        return;
      }
      if (rf.union !== undefined) {
        const members = this.linkFields(schema, st, rf.union, [...p, 'union'], true);
        out.push({ ...common, shape: 'union', members });
        return;
      }
      if (rf.pointer !== undefined) {
        out.push({ ...common, shape: 'pointer', target: rf.pointer });
        return;
      }
      if (rf.khoser === 'void') {
        // DECLARE_KHOSER_PTR(name, void *): an address whose meaning is its handler's; nothing to walk.
        if (rf.count !== undefined || rf.ref !== undefined) {
          this.err('bad-field', f.spanOf([...p, rf.count !== undefined ? 'count' : 'ref']), `'${rf.name}' is an untyped khoser pointer (void *): it takes no ${rf.count !== undefined ? 'count' : 'ref'}`, 'name the struct it points to in khoser: to walk it');
          return;
        }
        out.push({ ...common, shape: 'khoser' });
        return;
      }
      if (rf.khoser !== undefined) {
        const target = this.lookupStruct(schema, rf.khoser, f.spanOf([...p, 'khoser']));
        const count = rf.count !== undefined ? this.exprRef(f, [...p, 'count'], rf.count) : undefined;
        if (count) this.checkExpr(schema, count, { sizeContext: st });
        if (target && (rf.count === undefined || count)) out.push({ ...common, shape: 'khoser', target, ...(count ? { count } : {}) });
        return;
      }
      if (rf.bitmap !== undefined) {
        const nbits = this.exprRef(f, [...p, 'bitmap'], rf.bitmap);
        this.checkExpr(schema, nbits, { sizeContext: st });
        if (nbits) out.push({ ...common, shape: 'bitmap', nbits });
        return;
      }
      const type = this.fieldType(schema, rf.type!, f.spanOf([...p, 'type']));
      if (!type) return;
      if (rf.bits !== undefined) {
        if (type.kind !== 'prim' || type.prim === 'char' || type.prim.startsWith('s')) {
          this.err('bad-field', f.spanOf([...p, 'type']), `a bitfield storage unit must be u8, u16, u32 or u64, not ${rf.type}`);
          return;
        }
        const unitBits = PRIM_SIZE[type.prim] * 8;
        const bits = rf.bits.map((b, j) => {
          const bspan = f.spanOf([...p, 'bits', j, 'name']);
          if (b.lsb + b.width > unitBits) {
            this.err('bitfield-too-wide', f.spanOf([...p, 'bits', j, 'width']), `bitfield '${b.name}' covers bits ${b.lsb}..${b.lsb + b.width - 1}, beyond its ${unitBits}-bit ${type.prim} storage unit`, `use a wider storage unit or make lsb + width at most ${unitBits}`);
          }
          const allowed = b.allowed !== undefined ? this.exprRef(f, [...p, 'bits', j, 'allowed'], b.allowed) : undefined;
          this.checkExpr(schema, allowed);
          if (b.kernel && !allowed) this.err('bad-field', f.spanOf([...p, 'bits', j, 'kernel']), `kernel says what the kernel does with bits outside allowed, but '${b.name}' has no allowed`, 'add allowed: with the bits a reader accepts, or remove kernel:');
          else if (b.kernel?.does === 'truncate') this.err('bad-field', f.spanOf([...p, 'bits', j, 'kernel', 'does']), `'truncate' is for char arrays; bits outside allowed are refused or ignored`);
          return { name: b.name, lsb: b.lsb, width: b.width, ...(b.doc ? { doc: b.doc } : {}), ...(allowed ? { allowed } : {}), ...(b.kernel ? { kernel: b.kernel } : {}), span: bspan };
        });
        const sorted = [...bits].map((b, j) => ({ b, j })).sort((x, y) => x.b.lsb - y.b.lsb);
        for (let k = 1; k < sorted.length; k++) {
          const prev = sorted[k - 1]!.b;
          const cur = sorted[k]!;
          if (cur.b.lsb < prev.lsb + prev.width) {
            this.err('bitfield-overlap', f.spanOf([...p, 'bits', cur.j, 'lsb']), `bitfield '${cur.b.name}' (bits ${cur.b.lsb}..${cur.b.lsb + cur.b.width - 1}) overlaps '${prev.name}' (bits ${prev.lsb}..${prev.lsb + prev.width - 1})`, `start it at bit ${prev.lsb + prev.width} or later`);
          }
        }
        out.push({ ...common, shape: 'bits', unit: type.prim, bits });
        return;
      }
      if (rf.equals !== undefined && (rf.count !== undefined || rf.flexible || type.kind !== 'prim' || type.prim === 'char')) {
        this.err('bad-field', f.spanOf([...p, 'equals']), `'equals' belongs on an integer member, not on '${rf.name}'`);
        return;
      }
      if (rf.count !== undefined) {
        const count = this.exprRef(f, [...p, 'count'], rf.count);
        this.checkExpr(schema, count, { sizeContext: st });
        if (count) out.push({ ...common, shape: 'array', type, count });
        return;
      }
      if (rf.flexible) {
        const stringSize = rf.string_size !== undefined ? this.exprRef(f, [...p, 'string_size'], rf.string_size) : undefined;
        if (stringSize) this.checkExpr(schema, stringSize, { sizeContext: st });
        if (rf.string_size !== undefined && !stringSize) return;
        out.push({ ...common, shape: 'flexible', type, ...(stringSize ? { stringSize } : {}) });
        return;
      }
      out.push({ ...common, shape: 'scalar', type });
    });
    return out;
  }

  /**
   * Member names share one scope with the bits of bitfield groups and the
   * members of anonymous unions; a named union's members have their own.
   */
  private checkFieldNames(st: Struct, raws: RawField[], path: YamlPath): void {
    const f = st.schema.file;
    // Two members may share a name when no version has both (`in:` lists
    // that do not overlap): a member whose type changed between versions.
    const overlap = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => !a || !b || a.some((x) => b.includes(x));
    const scope = (list: RawField[], listPath: YamlPath, owner: string): void => {
      const seen = new Map<string, { span: SourceSpan; in?: readonly string[] }[]>();
      const note = (name: string, p: YamlPath, inList: readonly string[] | undefined): void => {
        const span = f.spanOf(p);
        const clash = (seen.get(name) ?? []).find((x) => overlap(x.in, inList));
        if (clash) {
          this.err('duplicate-field', span, `${owner} has two members named '${name}'; the first is on line ${clash.span.line}`, 'rename one of them, or give both in: lists with no version in common');
        } else seen.set(name, [...(seen.get(name) ?? []), { span, ...(inList ? { in: inList } : {}) }]);
      };
      const walk = (items: RawField[], p: YamlPath, outer: readonly string[] | undefined): void =>
        items.forEach((r, i) => {
          const q = [...p, i];
          const inList = r.in ?? outer;
          if (r.bits) r.bits.forEach((b, j) => note(b.name, [...q, 'bits', j, 'name'], inList));
          else if (r.union && r.name === undefined) walk(r.union, [...q, 'union'], inList);
          else if (r.name !== undefined) {
            note(r.name, [...q, 'name'], inList);
            if (r.union) scope(r.union, [...q, 'union'], `${owner}.${r.name}`);
          }
        });
      walk(list, listPath, undefined);
    };
    scope(raws, path, st.name);
  }

  private linkRefs(schema: Schema, st: Struct, fields: Field[], raws: RawField[], path: YamlPath): void {
    const f = schema.file;
    fields.forEach((field, k) => {
      // Members may share a name in versions that never both have it (sessions_pa of each era): take the raw of the same rank.
      const rank = fields.slice(0, k).filter((x) => x.name === field.name).length;
      const i = raws.findIndex((r, j) => r.name !== undefined && r.name === field.name && raws.slice(0, j).filter((x) => x.name === r.name).length === rank);
      const rr = i >= 0 ? raws[i]!.ref : undefined;
      if (!rr) return;
      const p = [...path, i, 'ref'];
      const to = rr.to !== undefined ? this.lookupStruct(schema, rr.to, f.spanOf([...p, 'to'])) : undefined;
      const via = rr.via !== undefined ? this.lookupContainer(schema, rr.via, f.spanOf([...p, 'via'])) : undefined;
      let count: Field | undefined;
      if (rr.count !== undefined) {
        count = st.fields.find((x) => x.name === rr.count);
        if (!count) this.err('unknown-field', f.spanOf([...p, 'count']), `${st.name} has no member '${rr.count}'`);
        else if (count.shape !== 'scalar' || count.type.kind !== 'prim') this.err('bad-field', f.spanOf([...p, 'count']), `'${rr.count}' is not an integer member`);
      }
      const ok = field.shape === 'scalar' && field.type.kind === 'prim' && field.type.prim === 'u64';
      const descriptor = field.shape === 'scalar' && field.type.kind === 'struct';
      const flexibleCount = field.shape === 'flexible' && rr.to === undefined && rr.via === undefined && rr.count !== undefined;
      if (!ok && !descriptor && !flexibleCount && field.shape !== 'khoser') {
        this.err(
          'bad-field',
          f.spanOf(p),
          field.shape === 'flexible'
            ? `a flexible array takes only ref.count, the member holding its length`
            : `ref belongs on a u64 physical address, a khoser pointer, a container descriptor or (count only) a flexible array, not on '${field.name}'`,
        );
      }
      const ref: Ref = { ...(to ? { to } : {}), ...(via ? { via } : {}), ...(count ? { count } : {}) };
      (field as { ref?: Ref }).ref = ref;
    });
  }

  private linkContainer(schema: Schema, rc: RawContainer, path: YamlPath): Container['def'] | undefined {
    const f = schema.file;
    const kinds = (['block_chain', 'vmalloc_chain', 'radix_tree', 'bitmap_chain', 'page_array', 'array_chain', 'fdt', 'fdt_nodes', 'sparse_array', 'dictionary'] as const).filter((k) => rc[k] !== undefined);
    if (kinds.length !== 1) {
      this.err('bad-container', f.spanOf(path), kinds.length === 0 ? `container '${rc.name}' needs one of block_chain, vmalloc_chain, radix_tree, bitmap_chain, page_array, array_chain, fdt, fdt_nodes, sparse_array or dictionary` : `container '${rc.name}' declares ${kinds.join(' and ')}; pick one`);
      return undefined;
    }
    const kind: string = kinds[0]!;
    const st = (key: string, name: string) => this.lookupStruct(schema, name, f.spanOf([...path, kind, key]));
    const member = (struct: Struct | undefined, key: string, name: string): string => {
      // A dotted path goes through members that embed a struct (hdr.next).
      const parts = name.split('.');
      let at: Struct | undefined = struct;
      for (let i = 0; at && i < parts.length; i++) {
        const part = parts[i]!;
        const found: Field | undefined = at.fields.find((x) => memberNames(x).includes(part) || (x.shape === 'khoser' && x.name === part));
        if (!found) {
          this.err('unknown-field', f.spanOf([...path, kind, key]), `${at.name} has no member '${part}'`);
          break;
        }
        at = i + 1 < parts.length ? (found.shape === 'scalar' && found.type.kind === 'struct' ? found.type.struct : undefined) : undefined;
        if (!at && i + 1 < parts.length) this.err('unknown-field', f.spanOf([...path, kind, key]), `'${parts.slice(0, i + 1).join('.')}' is not a struct member, so '${name}' names nothing`);
      }
      return name;
    };
    const expr = (key: string, v: string | number) => {
      const e = this.exprRef(f, [...path, kind, key], v);
      this.checkExpr(schema, e);
      return e;
    };
    if (rc.block_chain) {
      const b = rc.block_chain;
      const header = st('header', b.header);
      const blockSize = expr('block_size', b.block_size);
      const maxBlocks = expr('max_blocks', b.max_blocks);
      if (!header || !blockSize || !maxBlocks) return undefined;
      return {
        kind: 'block_chain',
        header,
        next: member(header, 'next', b.next),
        count: member(header, 'count', b.count),
        blockSize,
        maxBlocks,
        ...(b.entry_size_member !== undefined ? { entrySizeMember: member(header, 'entry_size_member', b.entry_size_member) } : {}),
        ...(b.block_size_member !== undefined ? { blockSizeMember: member(header, 'block_size_member', b.block_size_member) } : {}),
      };
    }
    if (rc.sparse_array) {
      const a = rc.sparse_array;
      const descriptor = st('descriptor', a.descriptor);
      const page = st('page', a.page);
      const exprs = {
        pageSize: expr('page_size', a.page_size),
        capacity: expr('capacity', a.capacity),
        magicValue: expr('magic_value', a.magic_value),
        versionValue: expr('version_value', a.version_value),
        valueTag: expr('value_tag', a.value_tag),
        valueShift: expr('value_shift', a.value_shift),
      };
      if (!descriptor || !page || Object.values(exprs).some((e) => !e)) return undefined;
      return {
        kind: 'sparse_array',
        descriptor,
        magic: member(descriptor, 'magic', a.magic),
        version: member(descriptor, 'version', a.version),
        first: member(descriptor, 'first', a.first),
        page,
        next: member(page, 'next', a.next),
        start: member(page, 'start', a.start),
        entries: member(page, 'entries', a.entries),
        pageSize: exprs.pageSize!,
        capacity: exprs.capacity!,
        magicValue: exprs.magicValue!,
        versionValue: exprs.versionValue!,
        valueTag: exprs.valueTag!,
        valueShift: exprs.valueShift!,
      };
    }
    if (rc.dictionary) {
      const d = rc.dictionary;
      const header = st('header', d.header);
      const entry = st('entry', d.entry);
      const via = this.lookupContainer(schema, d.via, f.spanOf([...path, kind, 'via']));
      const magicValue = expr('magic_value', d.magic_value);
      const versionValue = expr('version_value', d.version_value);
      if (!header || !entry || !via || !magicValue || !versionValue) return undefined;
      // The entries live in the `via` container (a block chain); the layout checks its kind once every container is linked.
      return {
        kind: 'dictionary',
        header,
        magic: member(header, 'magic', d.magic),
        version: member(header, 'version', d.version),
        entries: member(header, 'entries', d.entries),
        count: member(header, 'count', d.count),
        entry,
        name: member(entry, 'name', d.name),
        type: member(entry, 'type', d.type),
        entryVersion: member(entry, 'entry_version', d.entry_version),
        address: member(entry, 'address', d.address),
        via,
        magicValue,
        versionValue,
      };
    }
    if (rc.vmalloc_chain) {
      const v = rc.vmalloc_chain;
      const descriptor = st('descriptor', v.descriptor);
      const chunk = st('chunk', v.chunk);
      if (!descriptor || !chunk) return undefined;
      return {
        kind: 'vmalloc_chain',
        descriptor,
        first: member(descriptor, 'first', v.first),
        totalPages: member(descriptor, 'total_pages', v.total_pages),
        flags: member(descriptor, 'flags', v.flags),
        order: member(descriptor, 'order', v.order),
        chunk,
        next: member(chunk, 'next', v.next),
        entries: member(chunk, 'entries', v.entries),
      };
    }
    if (rc.bitmap_chain) {
      const b = rc.bitmap_chain;
      const chunk = st('chunk', b.chunk);
      if (!chunk) return undefined;
      const entries = chunk.fields.find((x) => x.name === b.entries);
      if (!entries || entries.shape !== 'array' || entries.type.kind !== 'struct') {
        this.err('bad-container', f.spanOf([...path, kind, 'entries']), `container '${rc.name}': entries '${b.entries}' is not an array of structs in ${chunk.name}`, "name the chunk's array of entry structs");
        return undefined;
      }
      const entry = entries.type.struct;
      const bitmap = entry.fields.find((x) => x.name === b.bitmap);
      if (!bitmap || bitmap.shape !== 'khoser' || bitmap.count !== undefined || bitmap.target?.fields[0]?.shape !== 'bitmap') {
        this.err('bad-container', f.spanOf([...path, kind, 'bitmap']), `container '${rc.name}': bitmap '${b.bitmap}' is not a khoser pointer of ${entry.name} to a struct whose first member is a bitmap`, 'name the khoser member that points at the bitmap page');
        return undefined;
      }
      return {
        kind: 'bitmap_chain',
        chunk,
        next: member(chunk, 'next', b.next),
        order: member(chunk, 'order', b.order),
        count: member(chunk, 'count', b.count),
        entries: b.entries,
        entry,
        start: member(entry, 'start', b.start),
        bitmap: b.bitmap,
        bits: bitmap.target,
      };
    }
    if (rc.radix_tree) {
      const r = rc.radix_tree;
      const node = st('node', r.node);
      const leaf = st('leaf', r.leaf);
      const depth = expr('depth', r.depth);
      const order0Log2 = expr('order0_log2', r.order0_log2);
      const tableSizeLog2 = expr('table_size_log2', r.table_size_log2);
      const bitmapSizeLog2 = expr('bitmap_size_log2', r.bitmap_size_log2);
      return node && leaf && depth && order0Log2 && tableSizeLog2 && bitmapSizeLog2 ? { kind: 'radix_tree', node, leaf, depth, order0Log2, tableSizeLog2, bitmapSizeLog2 } : undefined;
    }
    if (rc.array_chain) {
      const a = rc.array_chain;
      const node = st('node', a.node);
      const nodeSize = expr('node_size', a.node_size);
      const skipMask = a.skip_mask !== undefined ? expr('skip_mask', a.skip_mask) : undefined;
      if (!node || !nodeSize || (a.skip_mask !== undefined && !skipMask)) return undefined;
      if ((a.skip_member === undefined) !== (a.skip_mask === undefined)) {
        this.err('bad-container', f.spanOf([...path, kind, a.skip_member !== undefined ? 'skip_member' : 'skip_mask']), `container '${rc.name}': skip_member and skip_mask go together (the entry member and the bits that make the kernel pass an entry over)`);
        return undefined;
      }
      const entries = node.fields.find((x) => x.name === a.entries);
      if (!entries || entries.shape !== 'flexible' || entries.type.kind !== 'struct') {
        this.err('bad-container', f.spanOf([...path, kind, 'entries']), `container '${rc.name}': entries '${a.entries}' is not a flexible array of structs in ${node.name}`, 'name the node\'s last member, a flexible array of the entry struct');
        return undefined;
      }
      const entry = entries.type.struct;
      return {
        kind: 'array_chain',
        node,
        next: member(node, 'next', a.next),
        count: member(node, 'count', a.count),
        entries: a.entries,
        nodeSize,
        ...(a.skip_member !== undefined ? { skipMember: member(entry, 'skip_member', a.skip_member), skipMask: skipMask! } : {}),
      };
    }
    if (rc.page_array) {
      const a = rc.page_array;
      // Without a header (the JSON Schema requires header and count together) the entries start the first page.
      const header = a.header !== undefined ? st('header', a.header) : undefined;
      const entry = st('entry', a.entry);
      const pages = expr('pages', a.pages);
      if ((a.header !== undefined && !header) || !entry || !pages) return undefined;
      if (!header) return { kind: 'page_array', entry, pages };
      return { kind: 'page_array', header, count: member(header, 'count', a.count!), ...(a.pages_member !== undefined ? { pagesMember: member(header, 'pages_member', a.pages_member) } : {}), entry, pages };
    }
    const stringName = (name: string, p: YamlPath): void => {
      const def = this.names.get(name);
      if (!((def?.kind === 'constant' && def.item.string !== undefined) || def?.kind === 'macro')) {
        this.err('unknown-name', f.spanOf(p), def ? `'${name}' is a ${def.kind === 'constant' ? 'numeric constant' : describeDef(def)}, not a string constant or compatible macro` : `unknown string constant '${name}'`, 'name a constant declared with string:, or a component macro');
      }
      else if (!this.visible(schema, def.schema)) this.notIncluded(schema, def.schema, name, f.spanOf(p));
    };
    if (rc.fdt_nodes) {
      const n = rc.fdt_nodes;
      stringName(n.compatible, [...path, kind, 'compatible']);
      stringName(n.node_compatible, [...path, kind, 'node_compatible']);
      const seen = new Set<string>();
      n.node_properties.forEach((p, i) => {
        if (seen.has(p.property)) this.err('bad-container', f.spanOf([...path, kind, 'node_properties', i, 'property']), `container '${rc.name}' lists property '${p.property}' twice`);
        seen.add(p.property);
      });
      for (const role of ['start', 'size'] as const) {
        if (n.node_properties.filter((p) => p.role === role).length > 1) this.err('bad-container', f.spanOf([...path, kind, 'node_properties']), `container '${rc.name}' gives role ${role} to more than one property`);
      }
      return { kind: 'fdt_nodes', compatible: n.compatible, nodeCompatible: n.node_compatible, nodeProperties: n.node_properties.map((p) => ({ name: p.property, type: p.type, ...(p.role ? { role: p.role } : {}), ...(p.doc ? { doc: p.doc } : {}) })) };
    }
    const d = rc.fdt!;
    stringName(d.compatible, [...path, 'fdt', 'compatible']);
    const props = (list: typeof d.properties, key: string) =>
      (list ?? []).map((prop, i) => {
        stringName(prop.name, [...path, 'fdt', key, i, 'name']);
        const via = prop.ref?.via !== undefined ? this.lookupContainer(schema, prop.ref.via, f.spanOf([...path, 'fdt', key, i, 'ref', 'via'])) : undefined;
        const to = prop.ref?.to !== undefined ? this.lookupStruct(schema, prop.ref.to, f.spanOf([...path, 'fdt', key, i, 'ref', 'to'])) : undefined;
        return { name: prop.name, type: prop.type, ...(prop.role ? { role: prop.role } : {}), optional: prop.optional ?? false, ...(prop.doc ? { doc: prop.doc } : {}), ...(via || to ? { ref: { ...(via ? { via } : {}), ...(to ? { to } : {}) } } : {}) };
      });
    // The reader finds each property by its role: the memory map on the root, a blob's address and size on every child.
    const roles = (list: typeof d.properties, key: string, want: readonly string[]): void => {
      for (const role of want) {
        const n = (list ?? []).filter((p) => p.role === role).length;
        if (n !== 1) this.err('bad-container', f.spanOf([...path, 'fdt', key]), `the fdt container '${rc.name}' needs exactly one of its ${key} with role ${role}, found ${n}`, `add role: ${role} to the property readers take it from`);
      }
      (list ?? []).forEach((p, i) => {
        if (p.role !== undefined && !want.includes(p.role)) this.err('bad-container', f.spanOf([...path, 'fdt', key, i, 'role']), `role ${p.role} belongs on ${p.role === 'memory_map' ? 'properties' : 'node_properties'}, not ${key}`);
      });
    };
    roles(d.properties, 'properties', ['memory_map']);
    roles(d.node_properties, 'node_properties', ['data', 'size']);
    const services = (d.services ?? []).flatMap((n, i) => {
      const c = this.lookupContainer(schema, n, f.spanOf([...path, 'fdt', 'services', i]));
      return c ? [c] : [];
    });
    return { kind: 'fdt', compatible: d.compatible, properties: props(d.properties, 'properties'), nodeProperties: props(d.node_properties, 'node_properties'), services };
  }

  private checkIncludeCycles(): void {
    const state = new Map<Schema, 'active' | 'done'>();
    const visit = (s: Schema, stack: Schema[]): void => {
      if (state.get(s) === 'done') return;
      if (state.get(s) === 'active') {
        const cycle = [...stack.slice(stack.indexOf(s)), s].map((x) => x.name).join(' -> ');
        const from = stack[stack.length - 1]!;
        const i = this.rawOf(from).includes?.indexOf(s.name) ?? -1;
        this.err('cycle', from.file.spanOf(['includes', i]), `schemas include each other: ${cycle}`, 'move the shared definitions into one schema that both include');
        return;
      }
      state.set(s, 'active');
      for (const inc of s.includes) visit(inc, [...stack, s]);
      state.set(s, 'done');
    };
    for (const s of this.schemas) visit(s, []);
  }

  /** A struct may not contain itself, directly or through others (pointers are fine). */
  private checkStructCycles(): void {
    const state = new Map<Struct, 'active' | 'done'>();
    const embedded = (fields: Field[]): { struct: Struct; member: Field }[] =>
      fields.flatMap((x) =>
        (x.shape === 'scalar' || x.shape === 'array' || x.shape === 'flexible') && x.type.kind === 'struct' ? [{ struct: x.type.struct, member: x }] : x.shape === 'union' ? embedded(x.members) : [],
      );
    const visit = (s: Struct, stack: Struct[], via?: Field): void => {
      if (state.get(s) === 'done') return;
      if (state.get(s) === 'active') {
        const cycle = [...stack.slice(stack.indexOf(s)), s].map((x) => x.name).join(' -> ');
        const owner = stack[stack.length - 1]!;
        this.err('cycle', via?.span ?? owner.span, `struct ${s.name} contains itself: ${cycle}`, 'hold the inner one by physical address (a u64 with ref, or khoser) instead of by value');
        return;
      }
      state.set(s, 'active');
      for (const inner of embedded(s.fields)) visit(inner.struct, [...stack, s], inner.member);
      state.set(s, 'done');
    };
    for (const s of this.structs.values()) visit(s, []);
  }

  /** C needs a struct defined before a member embeds it. */
  private checkDefinitionOrder(): void {
    for (const schema of this.schemas) {
      schema.structs.forEach((s, i) => {
        const walk = (fields: Field[]): void => {
          for (const x of fields) {
            if (x.shape === 'union') walk(x.members);
            if ((x.shape === 'scalar' || x.shape === 'array' || x.shape === 'flexible') && x.type.kind === 'struct') {
              const inner = x.type.struct;
              const j = schema.structs.indexOf(inner);
              if (inner.schema === schema && j > i) {
                this.err('used-before-defined', x.span, `${s.name}.${x.name ?? ''} embeds struct ${inner.name}, which is defined after it`, `move ${inner.name} above ${s.name}`);
              }
            }
          }
        };
        walk(s.fields);
      });
    }
  }

  /**
   * A composite version carries the compatible string of every versioned KHO
   * data structure its layouts embed or point to (kernel-abi.md section 4).
   */
  private deriveSubcomponents(component: Component): void {
    for (const version of component.versions) {
      const found = new Set<Component>();
      const note = (owner: Schema): void => {
        const c = owner.component;
        if (c && c !== component && c.current.compatible !== undefined) found.add(c);
      };
      const walk = (fields: Field[]): void => {
        for (const x of fields) {
          if (x.in && !x.in.includes(version)) continue;
          if (x.shape === 'union') walk(x.members);
          if ((x.shape === 'scalar' || x.shape === 'array' || x.shape === 'flexible') && x.type.kind === 'struct') note(x.type.struct.schema);
          if (x.shape === 'khoser' && x.target) note(x.target.schema);
          if (x.ref?.via) note(x.ref.via.schema);
          if (x.ref?.to) note(x.ref.to.schema);
        }
      };
      for (const s of component.schema.structs) if (!s.in || s.in.includes(version)) walk(s.fields);
      for (const c of component.schema.containers) {
        if (c.def?.kind !== 'fdt') continue;
        for (const p of [...c.def.properties, ...c.def.nodeProperties]) {
          if (p.ref?.via) note(p.ref.via.schema);
          if (p.ref?.to) note(p.ref.to.schema);
        }
        for (const svc of c.def.services) note(svc.schema);
      }
      version.subcomponents = version.compose ? [...found].sort((a, b) => compareCompat(a.current.compatible!, b.current.compatible!)) : [];
      const declared = version.declaredSubcomponents;
      if (version.compose && declared) {
        const derived = version.subcomponents.map((c) => c.name);
        const missing = derived.filter((n) => !declared.names.includes(n));
        const extra = declared.names.filter((n) => !derived.includes(n));
        for (const n of extra) {
          if (this.components.has(n)) continue;
          const at = component.schema.file.spanOf(['component', 'versions', version.index, 'subcomponents', declared.names.indexOf(n)]);
          this.err('unknown-component', at, `'${n}' is not a component`, `components: ${[...this.components.keys()].sort().join(', ')}`);
        }
        if (missing.length || extra.some((n) => this.components.has(n))) {
          this.err(
            'compat-subcomponents-mismatch',
            declared.span,
            `version '${version.id}' lists sub-components [${declared.names.join(', ')}] but its layouts use [${derived.join(', ')}]`,
            missing.length ? `add ${missing.join(', ')}; every versioned structure the layout embeds or points to must be named` : `remove ${extra.filter((n) => this.components.has(n)).join(', ')}; the layout does not use it`,
          );
        }
      }
    }
  }
}
