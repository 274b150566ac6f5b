/**
 * The kernel-style C header of one schema at its current version. This file
 * prepares every line; templates/c-header.h.hbs only arranges them.
 */
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import { exprReferences, FUNCTIONS, parseExpr, TARGET_NAMES, type Expr } from '../model/expr.js';
import { cText, primOf, structOf, unreachable } from '../layout/ir.js';
import type { AbiIR, ArrayFieldIR, ExprIR, FieldIR, FlexibleFieldIR, MacroIR, ScalarFieldIR, SchemaIR, StructArrayFieldIR, StructFieldIR, StructIR, VersionIR } from '../layout/ir.js';
import { COMPILE_OPTIONS, readTemplateFiles, templateHash } from './c-template-source.js';
import { MAIN, PARTIALS, TEMPLATE_SHA256 } from './c-template.generated.js';
import { briefLines, commentParagraphs, LINE_WIDTH, memberLines, summaryAndRest, wrap } from './kernel-doc.js';
import { COMPAT_SCHEMA, cString, includeGuard, includeName, visualWidth } from './names.js';

type Template = HandlebarsType.TemplateDelegate;
const requireHere = createRequire(import.meta.url);

let template: Template | undefined;
function cTemplate(): Template {
  template ??= loadTemplate();
  return template;
}

/**
 * The template as precompiled (c-template.generated.ts) while the files are
 * still what it was made from, on Handlebars' runtime alone; else compiled
 * from the files now, so that an edited template is never ignored.
 */
export function loadTemplate(precompiled = true): Template {
  const files = readTemplateFiles();
  if (precompiled && templateHash(files) === TEMPLATE_SHA256) {
    const hb = (requireHere('handlebars/runtime') as typeof HandlebarsType).create();
    for (const [name, spec] of Object.entries(PARTIALS)) hb.registerPartial(name, hb.template(spec as Parameters<typeof HandlebarsType.template>[0]));
    return hb.template(MAIN as Parameters<typeof HandlebarsType.template>[0]);
  }
  const hb = (requireHere('handlebars') as typeof HandlebarsType).create();
  for (const [name, text] of files.partials) hb.registerPartial(name, text);
  return hb.compile(files.main, COMPILE_OPTIONS);
}

/** One header of a kernel tree: its file name and the schema versions it declares, in order. */
export interface HeaderSpec {
  readonly file: string;
  readonly guard?: string;
  readonly includes?: readonly string[];
  readonly parts: readonly { readonly schema: SchemaIR; readonly version: VersionIR }[];
}

/** How a tree's headers differ from kho-abi's own: what they keep private, and whether kho-abi's checks are added. */
export interface HeaderOptions {
  /** kho-abi's helpers: <component>_compat_ok(), feature checks, a size assertion after every struct. */
  readonly helpers: boolean;
  /** Names left out of the headers (private to .c files, or absent from the tree). */
  readonly hidden: ReadonlySet<string>;
  /** The header each schema lives in, for #include lines between headers. */
  readonly headerOf: (schema: string) => string | undefined;
  /** The marker line that names what made the file: `kho-abi`, or `profile <name>`. */
  readonly marker: string;
  /** The command that remakes the file, for its banner. */
  readonly regenerate: string;
}

/**
 * kho-abi's own headers: each schema at its current version, with the
 * helpers, in the header it names (its own, unless it shares one: the
 * schema named like the header first, then the others by name).
 */
export function ownHeaders(ir: AbiIR): { specs: HeaderSpec[]; options: HeaderOptions } {
  const byHeader = new Map<string, SchemaIR[]>();
  for (const s of ir.schemas) byHeader.set(s.header, [...(byHeader.get(s.header) ?? []), s]);
  const specs = [...byHeader].map(([header, schemas]) => ({
    file: `${header}.h`,
    parts: [...schemas].sort((a, b) => Number(b.name === header) - Number(a.name === header) || a.name.localeCompare(b.name)).map((s) => ({ schema: s, version: s.current })),
  }));
  const headerOf = new Map(ir.schemas.map((s) => [s.name, `${s.header}.h`]));
  return { specs, options: { helpers: true, hidden: new Set(), headerOf: (schema) => headerOf.get(schema), marker: 'kho-abi', regenerate: '`npm run gen` (kho-abi gen)' } };
}

/** An item of a header, with the name the schema's order refers to it by. */
interface Item {
  readonly name?: string;
  /** Default position when the schema gives no order: compatible strings, macros, constants, enums, structs, checks, assertions. */
  readonly group: number;
  readonly define?: ReturnType<typeof defineView>;
  readonly macro?: { commentLines: string[]; lines: string[]; ifdef?: string };
  readonly enumView?: ReturnType<typeof enumView>;
  readonly struct?: ReturnType<typeof structView> & { readonly sizeAssert: boolean };
  readonly raw?: string;
  readonly after?: string;
}

/** `template` is for the test that renders with the precompiled and the compiled template alike. */
export function renderHeader(spec: HeaderSpec, opts: HeaderOptions, template: Template = cTemplate()): string {
  const includes = new Set<string>();
  const parts = spec.parts.map((part, i) => {
    const { items, includes: inc } = partItems(part.schema, part.version, opts);
    inc.forEach((x) => includes.add(x));
    return { first: i === 0, title: part.schema.title, docLines: docLines(part.schema, part.version), items: ordered(items, part.schema.order) };
  });
  // Headers this one includes are named after the header that holds each schema in this tree.
  const own = new Set(spec.parts.map((p) => includeName(p.schema.name)));
  const resolved = [...includes].flatMap((inc) => {
    const m = /^linux\/kho\/abi\/(\w+)\.h$/.exec(inc);
    if (!m) return [inc];
    if (own.has(inc)) return [];
    const file = opts.headerOf(m[1]!);
    return file && file !== spec.file ? [`linux/kho/abi/${file}`] : [];
  });
  const ordered_ = spec.includes ?? [...new Set(resolved)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const first = spec.parts[0]!.schema;
  return template({
    spdx: first.spdx,
    title: first.title,
    bannerLines: [
      ...wrap(`Generated by kho-abi from ${[...new Set(spec.parts.map((p) => `schemas/${p.schema.name}.yaml`))].join(', ')} (${spec.parts.map((p) => p.version.id).join(', ')}); do not edit.`, LINE_WIDTH - 3)[0]!,
      ...wrap(`Change the schema and regenerate with ${opts.regenerate}.`, LINE_WIDTH - 3)[0]!,
    ],
    marker: opts.marker,
    guard: spec.guard ?? includeGuard(spec.file.replace(/\.h$/, '')),
    includes: ordered_,
    compatHelpers: opts.helpers && spec.parts.some((p) => p.schema.name === COMPAT_SCHEMA),
    parts,
  });
}

/** Items in the schema's declared order; an assertion follows the item it names; the rest keep their group order. */
function ordered(items: readonly Item[], order: readonly string[]): Item[] {
  const rank = (it: Item): number => {
    const i = it.name !== undefined ? order.indexOf(it.name) : -1;
    return i >= 0 ? i : order.length + it.group;
  };
  const placed = items.filter((it) => it.after === undefined || !items.some((x) => x.name === it.after));
  const sorted = placed.map((it, i) => ({ it, i })).sort((a, b) => rank(a.it) - rank(b.it) || a.i - b.i).map((x) => x.it);
  const out: Item[] = [];
  for (const it of sorted) {
    out.push(it);
    for (const a of items) if (a.after !== undefined && a.after === it.name) out.push(a);
  }
  return out;
}

function partItems(schema: SchemaIR, v: VersionIR, opts: HeaderOptions): { items: Item[]; includes: Set<string> } {
  // Every expression the header prints: the headers their names and functions come from are included.
  const used: Expr[] = [];
  const use = (e: ExprIR): void => {
    used.push(e.spelled !== undefined ? parseExpr(e.spelled) : e.tree);
  };
  const shown = (name: string): boolean => !opts.hidden.has(name);
  const items: Item[] = [];
  for (const d of compatibleDefines(schema, v)) if (shown(d.name)) items.push({ name: d.name, group: 0, define: d.view });
  for (const d of featureDefines(schema, v)) if (shown(d.name)) items.push({ name: d.name, group: 2, define: d.view });
  for (const m of v.macros) if (shown(m.name)) items.push({ name: m.name, group: 1, macro: macroView(m) });
  for (const c of v.constants) {
    if (!shown(c.name)) continue;
    if (c.expr) use(c.expr);
    items.push({ name: c.name, group: 2, define: defineView(c.name, c.expr ? valueText(c.expr) : cString(String(c.value)), c.doc) });
  }
  for (const en of v.enums) {
    if (!shown(en.name)) continue;
    en.values.forEach((x) => x.expr && use(x.expr));
    items.push({ name: en.name, group: 3, enumView: enumView(en) });
  }
  let bitmap = false;
  for (const st of v.structs) {
    if (!shown(st.name)) continue;
    if (st.declaredSize) use(st.declaredSize);
    const collect = (f: FieldIR): void => {
      if (f.shape === 'array' || f.shape === 'struct-array') use(f.countExpr);
      if (f.shape === 'flexible' && f.stringSize) use(f.stringSize);
      if (f.shape === 'bitmap') {
        use(f.nbits);
        bitmap = true;
      }
      if (f.shape === 'union') f.members.forEach(collect);
    };
    st.fields.forEach(collect);
    items.push({ name: st.name, group: 4, struct: { ...structView(st), sizeAssert: opts.helpers } });
  }
  const checks = opts.helpers ? compatChecks(schema, v) : [];
  for (const c of checks) items.push({ group: 5, raw: c });
  const asserts = v.asserts.filter((a) => opts.helpers || !a.helper);
  for (const a of asserts) {
    // The names kho-abi evaluated decide the includes, whatever macro the kernel spells the condition with.
    used.push(a.expr.tree);
    const text = cText(a.expr);
    items.push({ group: 6, raw: a.message ? `static_assert(${text}, ${cString(a.message)});` : `static_assert(${text});`, ...(a.after ? { after: a.after } : {}) });
  }

  const includes = new Set<string>(['linux/types.h']);
  if (opts.helpers && schema.name === COMPAT_SCHEMA) {
    includes.add('linux/align.h');
    includes.add('linux/string.h');
  }
  if (checks.length) {
    includes.add(includeName(COMPAT_SCHEMA));
    includes.add('linux/build_bug.h');
  }
  if (opts.helpers && schema.component?.storedIn && v.compatible !== undefined) includes.add('linux/stddef.h');
  if (items.some((it) => it.define && /BIT_ULL|BIT\(/.test(it.define.defineLines.join(' ')))) includes.add('linux/bits.h');
  for (const inc of schema.includes) includes.add(includeName(inc));
  for (const sub of v.subcomponents) includes.add(includeName(sub.schema));
  if (v.compose) includes.add(includeName(COMPAT_SCHEMA));
  if (items.some((it) => it.struct) && opts.helpers) includes.add('linux/build_bug.h');
  if (asserts.length) includes.add('linux/build_bug.h');
  if (bitmap) includes.add('linux/bitops.h');
  const externals = new Map(schema.externals.map((x) => [x.name, x.header]));
  for (const tree of used) {
    const refs = exprReferences(tree);
    for (const c of refs.calls) if (c.kind === 'call' && FUNCTIONS[c.fn]) includes.add(FUNCTIONS[c.fn]!.header);
    for (const n of [...refs.names, ...refs.sizeofNames]) {
      const name = n.kind === 'name' ? n.name : n.kind === 'sizeof' && n.of.kind === 'name' ? n.of.name : '';
      if (TARGET_NAMES[name]) includes.add(TARGET_NAMES[name]!);
      const ext = externals.get(name);
      if (ext) includes.add(ext);
    }
  }
  return { items, includes };
}

function enumView(en: VersionIR['enums'][number]) {
  const { summary, rest } = summaryAndRest(en.doc, en.name);
  return {
    name: en.name,
    commentLines: [
      ...briefLines(`enum ${en.name}`, summary),
      ...memberLines(en.values.map((x) => ({ name: x.name, doc: x.doc ?? x.name }))),
      ...(rest ? [' *', ...commentParagraphs(rest)] : []),
    ],
    values: en.values.map((x) => (x.expr ? `${x.name} = ${cText(x.expr)},` : `${x.name},`)),
  };
}

/** A macro whose body is C text: continuation backslashes aligned at column 72, as kernel headers do. */
function macroView(m: MacroIR) {
  const head = `#define ${m.name}${m.params ? `(${m.params.join(', ')})` : ''}`;
  const body = m.body.split('\n');
  const lines = body.length === 1 ? [`${head}\t${body[0]}`] : [head, ...body.map((l) => `\t${l}`)];
  const width = Math.max(...lines.map(visualWidth));
  const col = Math.max(width + 1, 56);
  const padded = lines.map((l, i) => {
    if (i === lines.length - 1) return l;
    let out = l;
    while (visualWidth(out) < col) out += visualWidth(out) % 8 === 0 && col - visualWidth(out) >= 8 ? '\t' : ' ';
    return `${out}\\`;
  });
  const { summary, rest } = summaryAndRest(m.doc, m.name);
  return {
    commentLines: m.doc ? [...briefLines(`${m.name}${m.params ? '()' : ''}`, summary), ...(rest ? [' *', ...commentParagraphs(rest)] : [])] : [],
    lines: padded,
    ...(m.ifdef ? { ifdef: m.ifdef } : {}),
  };
}

/** The kernel's own headers first, then the generic ones, as kernel files order them. */
function rank(include: string): number {
  if (include.startsWith('linux/kho/')) return 0;
  if (include.startsWith('asm/')) return 2;
  return 1;
}

function docLines(schema: SchemaIR, v: VersionIR): string[] {
  const lines = commentParagraphs(schema.doc);
  if (schema.definedIn) {
    // The kernel keeps these in a .c file: say so, so nobody looks for this header in a tree.
    lines.push(' *');
    lines.push(...commentParagraphs(`The kernel defines these structures in ${schema.definedIn}, not in a header: no kernel tree has this file. kho-abi writes it so that the layouts can be compiled, checked and included by tools.`));
  }
  if (v.macro && v.compatible !== undefined) {
    const known = schema.versions.map((x) => x.id).join(', ');
    lines.push(' *');
    lines.push(
      ...commentParagraphs(
        `This interface is a contract between the kernel that writes it and the next one. ` +
          `Any change to the layout of a structure below is a breaking change and needs a new version in ${v.macro} ` +
          `(now "${v.compatible}"), so that the next kernel refuses data it would misread. ` +
          `Versions known to kho-abi: ${known}.`,
      ),
    );
  } else {
    lines.push(' *');
    lines.push(...commentParagraphs('These layouts are a contract between the kernel that writes them and the next one; change them only together with the version that covers them.'));
  }
  return lines;
}

function compatibleDefines(schema: SchemaIR, v: VersionIR) {
  const c = schema.component;
  const macro = v.macro;
  if (!c || !macro || v.base === undefined) return [];
  const doc = c.doc ?? `Compatible string of ${schema.name}.`;
  if (!v.compose) return [{ name: macro, view: defineView(macro, cString(v.base), doc) }];
  const baseMacro = c.baseMacro ?? `${macro}_BASE`;
  const subs = v.subcomponents.map((s) => `KHO_SUB_COMPAT(${s.macro ?? cString(s.compatible)})`).join(' ');
  return [
    { name: baseMacro, view: defineView(baseMacro, cString(v.base), `Base compatible string of ${schema.name}, before its sub-components.`) },
    { name: macro, view: defineView(macro, `${baseMacro} ${subs}`, doc) },
  ];
}

/** A #define's value: an operator expression in parentheses, as the kernel writes them. */
function valueText(e: ExprIR): string {
  const text = cText(e);
  const ast = e.spelled !== undefined ? parseExpr(e.spelled) : e.tree;
  return ast.kind === 'num' || ast.kind === 'name' || ast.kind === 'call' || ast.kind === 'sizeof' ? text : `(${text})`;
}

/** A #define with its kernel-doc, wrapped with backslashes past 80 columns. */
function defineView(name: string, value: string, doc: string | undefined) {
  const head = `#define ${name}\t`;
  let defineLines = [head + value];
  if (visualWidth(head + value) > 80) {
    const words = value.split(/(?<=[|+,]) /);
    defineLines = [];
    let line = head;
    for (const w of words) {
      if (line !== head && visualWidth(line + w + ' \\') > 80) {
        defineLines.push(line.trimEnd() + ' \\');
        line = '\t' + w + ' ';
      } else line += w + ' ';
    }
    defineLines.push(line.trimEnd());
  }
  const commentLines = doc ? (() => {
    const { summary, rest } = summaryAndRest(doc, name);
    return [...briefLines(name, summary), ...(rest ? [' *', ...commentParagraphs(rest)] : [])];
  })() : [];
  return { commentLines, defineLines };
}

function structView(st: StructIR) {
  const docs: { name: string; doc: string }[] = [];
  const collectDocs = (f: FieldIR): void => {
    if (f.shape === 'bits') for (const b of f.bits) docs.push({ name: b.name, doc: b.doc ?? b.name });
    else if (f.shape === 'union' && f.name === undefined) f.members.forEach(collectDocs);
    else if (f.name !== undefined) docs.push({ name: f.name, doc: f.doc ?? f.name });
  };
  st.fields.forEach(collectDocs);
  const { summary, rest: docRest } = summaryAndRest(st.doc, st.name);
  // The section is where the kernel places an instance (with __section in a .c file), not part of the type.
  const placed = st.section !== undefined ? `One instance fills the vmlinux linker section "${st.section}".` : undefined;
  const rest = [docRest, placed].filter((x) => x).join('\n\n');
  return {
    name: st.name,
    packed: st.packed,
    sizeText: st.declaredSize ? cText(st.declaredSize) : String(st.size),
    commentLines: [...briefLines(`struct ${st.name}`, summary), ...memberLines(docs), ...(rest ? [' *', ...commentParagraphs(rest)] : [])],
    members: st.fields.flatMap((f) => memberDecl(f, 1)),
  };
}

function cType(f: ScalarFieldIR | ArrayFieldIR | StructFieldIR | StructArrayFieldIR | FlexibleFieldIR): string {
  const st = structOf(f);
  return st ? `struct ${st.name}` : (f.ctype ?? primOf(f)!);
}

function memberDecl(f: FieldIR, depth: number): string[] {
  const ind = '\t'.repeat(depth);
  switch (f.shape) {
    case 'scalar':
    case 'struct':
      return [`${ind}${cType(f)} ${f.name};`];
    case 'array':
    case 'struct-array':
      return [`${ind}${cType(f)} ${f.name}[${cText(f.countExpr)}];`];
    case 'flexible':
      return [`${ind}${cType(f)} ${f.name}[]${f.stringSize ? `[${cText(f.stringSize)}]` : ''};`];
    case 'bitmap':
      return [`${ind}DECLARE_BITMAP(${f.name}, ${cText(f.nbits)});`];
    case 'khoser':
      return [`${ind}DECLARE_KHOSER_PTR(${f.name}, ${f.target ? `struct ${f.target.name} *` : 'void *'});`];
    case 'pointer':
      return [`${ind}struct ${f.target} *${f.name};`];
    case 'khoser-array':
      return [`${ind}DECLARE_KHOSER_PTR(${f.name}, struct ${f.target.name} *)[${cText(f.countExpr)}];`];
    case 'bits': {
      // Declared in ascending bit order, with unnamed bitfields over the gaps
      // so that GCC puts every field at its declared bit and the unit is full.
      // A group a packed struct narrowed keeps the kernel's unit and ends at its last bit, as the kernel writes it.
      const unit = f.declaredUnit ?? f.prim;
      const unitBits = f.size * 8;
      const sorted = [...f.bits].sort((a, b) => a.declaredLsb - b.declaredLsb);
      const out: string[] = [];
      let at = 0;
      for (const b of sorted) {
        if (b.declaredLsb > at) out.push(`${ind}${unit} :${b.declaredLsb - at};`);
        out.push(`${ind}${unit} ${b.name}:${b.width};`);
        at = b.declaredLsb + b.width;
      }
      if (at < unitBits && !f.declaredUnit) out.push(`${ind}${unit} :${unitBits - at};`);
      return out;
    }
    case 'union':
      return [`${ind}union {`, ...f.members.flatMap((m) => memberDecl(m, depth + 1)), `${ind}}${f.name ? ' ' + f.name : ''};`];
    default:
      return unreachable(f);
  }
}


/** The feature bits of the feature-header variant and the masks of its newest version. */
function featureDefines(schema: SchemaIR, v: VersionIR) {
  const c = schema.component;
  if (!c || c.featureBits.length === 0 || !v.features) return [];
  const out = c.featureBits.map((b) => ({ name: b.name, view: defineView(b.name, `BIT_ULL(${b.bit})`, b.doc) }));
  const mask = (m: bigint): string => {
    const names = c.featureBits.filter((b) => (m >> BigInt(b.bit)) & 1n).map((b) => b.name);
    return names.length === 0 ? '0' : names.length === 1 ? names[0]! : `(${names.join(' | ')})`;
  };
  for (const [suffix, m, what] of [['SUPP', v.features.supported, 'supports'], ['REQ', v.features.required, 'requires of a reader'], ['ACTIVE', v.features.active, 'uses']] as const) {
    const name = `${c.featureMasks}_${suffix}`;
    out.push({ name, view: defineView(name, mask(m), `Features ${v.id} ${what}.`) });
  }
  return out;
}

/** <component>_compat_ok() of a version told apart by its string alone. */
function stringCompatOk(name: string, macro: string): string {
  return [
    '/**',
    ...briefLines(`${name}_compat_ok()`, `Does a stored string name this ${name} version?`),
    ' * @stored: The char array found in preserved memory.',
    ' * @size:   Its size in bytes.',
    ' *',
    ...commentParagraphs(`Reads at most @size bytes; see kho_compat_match().`),
    ' *',
    ` * Return: true if @stored holds ${macro} and its NUL.`,
    ' */',
    `static inline bool ${name}_compat_ok(const char *stored, size_t size)`,
    '{',
    `\treturn kho_compat_match(stored, size, ${macro},`,
    `\t\t\t\tsizeof(${macro}));`,
    '}',
  ].join('\n');
}

/**
 * <component>_compat_ok() of a version that shares its string with others
 * and is told apart by the number in its version member: the string must
 * match and the number must be exactly this version's, as the restore path
 * compares it (pci_flb_retrieve refuses any other PCI_LUO_FLB_VERSION).
 */
function numberedCompatOk(name: string, macro: string, member: { readonly struct: string; readonly field: string }, n: bigint): string {
  const literal = n > 0x7fff_ffffn ? `${n}ULL` : String(n);
  const head = `static inline bool ${name}_compat_ok(`;
  const indent = '\t'.repeat(Math.floor(head.length / 8)) + ' '.repeat(head.length % 8);
  return [
    '/**',
    ...briefLines(`${name}_compat_ok()`, `Do a stored string and number name this ${name} version?`),
    ' * @stored: The char array found in preserved memory.',
    ' * @size:   Its size in bytes.',
    ` * @ser:    The struct ${member.struct} found in preserved memory.`,
    ' *',
    ...commentParagraphs(`Several versions store ${macro}; ${member.struct}.${member.field} tells them apart, and this version is number ${n}, compared exactly: an older or newer number is another layout. Reads at most @size bytes of @stored; see kho_compat_match().`),
    ' *',
    ...commentParagraphs(`Return: true if @stored holds ${macro} and its NUL, and @ser->${member.field} is ${n}.`),
    ' */',
    `${head}const char *stored, size_t size,`,
    `${indent}const struct ${member.struct} *ser)`,
    '{',
    `\treturn kho_compat_match(stored, size, ${macro},`,
    `\t\t\t\tsizeof(${macro})) &&`,
    `\t       ser->${member.field} == ${literal};`,
    '}',
  ].join('\n');
}

/**
 * Bounded checks of the stored compatible string and feature header, and
 * compile-time proof that the string fits its field and that sub-components
 * are in strcmp order; all built on the helpers of compat.h.
 */
function compatChecks(schema: SchemaIR, v: VersionIR): string[] {
  const c = schema.component;
  if (!c || schema.name === COMPAT_SCHEMA) return [];
  const out: string[] = [];
  const macro = v.macro;
  // A version whose string is not kept in the char array (LUO's FDT era, with no luo_ser.compatible) gets no check of that array.
  const si = c.storedIn;
  const ownHolder = si !== undefined && schema.versions.some((x) => x.structs.some((st) => st.name === si.struct));
  const stored = si && (!ownHolder || v.structs.some((st) => st.name === si.struct && st.fields.some((x) => x.name === si.field))) ? si : undefined;
  if (macro && v.compatible !== undefined && (stored || !si)) {
    out.push(v.number !== undefined && c.versionMember ? numberedCompatOk(c.name, macro, c.versionMember, v.number) : stringCompatOk(c.name, macro));
    if (stored) {
      out.push(`static_assert(KHO_COMPAT_ALIGN(${macro}) <=\n\t      sizeof_field(struct ${stored.struct}, ${stored.field}),\n\t      ${cString(`${macro} fits ${stored.struct}.${stored.field}`)});`);
    }
    if (v.compose && v.subcomponents.length) {
      // The macro must spell exactly the base and the sub-components in the order kho-abi derived,
      // so that an edit reordering the define fails to compile.
      const base = c.baseMacro ?? cString(v.base!);
      const parts = v.subcomponents.map((x) => `KHO_SUB_COMPAT(${x.macro ?? cString(x.compatible)})`).join(' ');
      out.push(`static_assert(__builtin_strcmp(${macro},\n\t\t\t       ${base} ${parts}) == 0,\n\t      "${macro} is its base and sorted sub-components");`);
    }
    for (let i = 1; i < v.subcomponents.length; i++) {
      const a = v.subcomponents[i - 1]!;
      const b = v.subcomponents[i]!;
      const left = a.macro ?? cString(a.compatible);
      const right = b.macro ?? cString(b.compatible);
      out.push(`static_assert(__builtin_strcmp(${left}, ${right}) < 0,\n\t      "sub-components of ${macro} in strcmp order");`);
    }
  }
  if (c.featureBits.length && v.features) {
    out.push(
      [
        '/**',
        ...briefLines(`${c.name}_features_acceptable()`, `May this kernel use ${c.name} data behind a feature header?`),
        ' * @supp:   Features the writer supports.',
        ' * @req:    Features a reader must understand.',
        ' * @active: Features in use in the data.',
        ' *',
        ` * Return: true if every required feature is in ${c.featureMasks}_SUPP.`,
        ' */',
        `static inline bool ${c.name}_features_acceptable(u64 supp, u64 req, u64 active)`,
        '{',
        `\treturn kho_features_acceptable(supp, req, active, ${c.featureMasks}_SUPP);`,
        '}',
      ].join('\n'),
    );
  }
  return out;
}
