/**
 * The kernel-style C header of one schema at its current version. This file
 * prepares every line; templates/c-header.h.hbs only arranges them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { exprReferences, FUNCTIONS, parseExpr, TARGET_NAMES } from '../model/expr.js';
import type { FieldIR, SchemaIR, StructIR } from '../layout/ir.js';
import { briefLines, commentParagraphs, memberLines, summaryAndRest } from './kernel-doc.js';
import { COMPAT_SCHEMA, cString, headerPath, includeGuard, includeName, visualWidth } from './names.js';
import type { EmittedFile } from './emitted-file.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

let template: Handlebars.TemplateDelegate | undefined;
function cTemplate(): Handlebars.TemplateDelegate {
  if (!template) {
    const hb = Handlebars.create();
    for (const f of readdirSync(TEMPLATES + 'partials')) {
      hb.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(TEMPLATES + 'partials/' + f, 'utf8'));
    }
    template = hb.compile(readFileSync(TEMPLATES + 'c-header.h.hbs', 'utf8'), { noEscape: true, strict: true });
  }
  return template;
}

export function emitCHeader(schema: SchemaIR): EmittedFile {
  const v = schema.current;
  const usedTexts: string[] = [];
  const compatibles = compatibleDefines(schema);
  const constants = v.constants.map((c) => {
    if (typeof c.value !== 'string') usedTexts.push(c.text);
    return defineView(c.name, typeof c.value === 'string' ? cString(c.value) : valueText(c.text), c.doc);
  });
  const enums = v.enums.map((en) => {
    en.values.forEach((x) => usedTexts.push(x.text));
    const { summary, rest } = summaryAndRest(en.doc, en.name);
    return {
      name: en.name,
      commentLines: [
        ...briefLines(`enum ${en.name}`, summary),
        ...memberLines(en.values.map((x) => ({ name: x.name, doc: x.doc ?? x.name }))),
        ...(rest ? [' *', ...commentParagraphs(rest)] : []),
      ],
      values: en.values.map((x) => `${x.name} = ${x.text},`),
    };
  });
  let khoser = false;
  let bitmap = false;
  const structs = v.structs.map((st) => {
    usedTexts.push(st.sizeText);
    const collect = (f: FieldIR): void => {
      if (f.countText) usedTexts.push(f.countText);
      if (f.shape === 'khoser') khoser = true;
      if (f.shape === 'bitmap') bitmap = true;
      f.members?.forEach(collect);
    };
    st.fields.forEach(collect);
    return structView(st);
  });
  const asserts = v.asserts.map((a) => {
    usedTexts.push(a.text);
    return a.message ? `static_assert(${a.text}, ${cString(a.message)});` : `static_assert(${a.text});`;
  });

  // The compat schema is the home of the helpers every composite string uses.
  const compatHelpers = schema.name === COMPAT_SCHEMA;
  const includes = new Set<string>(['linux/types.h']);
  if (compatHelpers) {
    includes.add('linux/align.h');
    includes.add('linux/string.h');
  }
  const checks = compatChecks(schema);
  if (checks.length) {
    includes.add(includeName(COMPAT_SCHEMA));
    includes.add('linux/build_bug.h');
  }
  if (schema.component?.storedIn && schema.current.compatible !== undefined) includes.add('linux/stddef.h');
  const features = featureDefines(schema);
  if (features.length) includes.add('linux/bits.h');
  for (const inc of schema.includes) includes.add(includeName(inc));
  for (const sub of v.subcomponents) includes.add(includeName(sub.schema));
  if (v.compose) includes.add(includeName(COMPAT_SCHEMA));
  if (structs.length || asserts.length) includes.add('linux/build_bug.h');
  if (bitmap) includes.add('linux/bitops.h');
  const externals = new Map(schema.externals.map((x) => [x.name, x.header]));
  for (const text of usedTexts) {
    const refs = exprReferences(parseExpr(text));
    for (const c of refs.calls) if (c.kind === 'call' && FUNCTIONS[c.fn]) includes.add(FUNCTIONS[c.fn]!.header);
    for (const n of [...refs.names, ...refs.sizeofNames]) {
      const name = n.kind === 'name' ? n.name : n.kind === 'sizeof' && n.of.kind === 'name' ? n.of.name : '';
      if (TARGET_NAMES[name]) includes.add(TARGET_NAMES[name]!);
      const ext = externals.get(name);
      if (ext) includes.add(ext);
    }
  }
  const ordered = [...includes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  const content = cTemplate()({
    spdx: schema.spdx,
    title: schema.title,
    source: `schemas/${schema.name}.yaml`,
    guard: includeGuard(schema.name),
    includes: ordered,
    docLines: docLines(schema),
    khoserHelper: khoser,
    compatHelpers,
    compatibles,
    constants: [...features, ...constants],
    checks,
    enums,
    structs,
    asserts,
  });
  return { path: `generated/${headerPath(schema.name)}`, content };
}

/** The kernel's own headers first, then the generic ones, as kernel files order them. */
function rank(include: string): number {
  if (include.startsWith('linux/kho/')) return 0;
  if (include.startsWith('asm/')) return 2;
  return 1;
}

function docLines(schema: SchemaIR): string[] {
  const lines = commentParagraphs(schema.doc);
  const c = schema.component;
  const v = schema.current;
  if (c?.macro && v.compatible !== undefined) {
    const known = schema.versions.map((x) => x.id).join(', ');
    lines.push(' *');
    lines.push(
      ...commentParagraphs(
        `This interface is a contract between the kernel that writes it and the next one. ` +
          `Any change to the layout of a structure below is a breaking change and needs a new version in ${c.macro} ` +
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

function compatibleDefines(schema: SchemaIR) {
  const c = schema.component;
  const v = schema.current;
  if (!c?.macro || v.base === undefined) return [];
  const doc = c.doc ?? `Compatible string of ${schema.name}.`;
  if (!v.compose) return [defineView(c.macro, cString(v.base), doc)];
  const baseMacro = c.baseMacro ?? `${c.macro}_BASE`;
  const subs = v.subcomponents.map((s) => `KHO_SUB_COMPAT(${s.macro ?? cString(s.compatible)})`).join(' ');
  return [defineView(baseMacro, cString(v.base), `Base compatible string of ${schema.name}, before its sub-components.`), defineView(c.macro, `${baseMacro} ${subs}`, doc)];
}

function valueText(text: string): string {
  const ast = parseExpr(text);
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
    if (f.shape === 'bits') for (const b of f.bits!) docs.push({ name: b.name, doc: b.doc ?? b.name });
    else if (f.shape === 'union' && f.name === undefined) f.members!.forEach(collectDocs);
    else if (f.name !== undefined) docs.push({ name: f.name, doc: f.doc ?? f.name });
  };
  st.fields.forEach(collectDocs);
  const { summary, rest } = summaryAndRest(st.doc, st.name);
  return {
    name: st.name,
    packed: st.packed,
    sizeText: st.sizeText,
    commentLines: [...briefLines(`struct ${st.name}`, summary), ...memberLines(docs), ...(rest ? [' *', ...commentParagraphs(rest)] : [])],
    members: st.fields.flatMap((f) => memberDecl(f, 1)),
  };
}

function cType(f: FieldIR): string {
  return f.struct ? `struct ${f.struct.name}` : f.prim!;
}

function memberDecl(f: FieldIR, depth: number): string[] {
  const ind = '\t'.repeat(depth);
  switch (f.shape) {
    case 'scalar':
    case 'struct':
      return [`${ind}${cType(f)} ${f.name};`];
    case 'array':
    case 'struct-array':
      return [`${ind}${cType(f)} ${f.name}[${f.countText}];`];
    case 'flexible':
      return [`${ind}${cType(f)} ${f.name}[];`];
    case 'bitmap':
      return [`${ind}DECLARE_BITMAP(${f.name}, ${f.countText});`];
    case 'khoser':
      return [`${ind}DECLARE_KHOSER_PTR(${f.name}, struct ${f.khoserTarget} *);`];
    case 'bits': {
      // Declared in ascending bit order, with unnamed bitfields over the gaps
      // so that GCC puts every field at its declared bit and the unit is full.
      const unitBits = f.size * 8;
      const sorted = [...f.bits!].sort((a, b) => a.declaredLsb - b.declaredLsb);
      const out: string[] = [];
      let at = 0;
      for (const b of sorted) {
        if (b.declaredLsb > at) out.push(`${ind}${f.prim} :${b.declaredLsb - at};`);
        out.push(`${ind}${f.prim} ${b.name}:${b.width};`);
        at = b.declaredLsb + b.width;
      }
      if (at < unitBits) out.push(`${ind}${f.prim} :${unitBits - at};`);
      return out;
    }
    case 'union':
      return [`${ind}union {`, ...f.members!.flatMap((m) => memberDecl(m, depth + 1)), `${ind}}${f.name ? ' ' + f.name : ''};`];
  }
}


/** The feature bits of the feature-header variant and the masks of its newest version. */
function featureDefines(schema: SchemaIR) {
  const c = schema.component;
  if (!c || c.featureBits.length === 0) return [];
  const out = c.featureBits.map((b) => defineView(b.name, `BIT_ULL(${b.bit})`, b.doc));
  const version = [...schema.versions].reverse().find((v) => v.features);
  if (version?.features) {
    const mask = (m: bigint): string => {
      const names = c.featureBits.filter((b) => (m >> BigInt(b.bit)) & 1n).map((b) => b.name);
      return names.length === 0 ? '0' : names.length === 1 ? names[0]! : `(${names.join(' | ')})`;
    };
    out.push(defineView(`${c.featureMasks}_SUPP`, mask(version.features.supported), `Features ${version.id} supports.`));
    out.push(defineView(`${c.featureMasks}_REQ`, mask(version.features.required), `Features a reader of ${version.id} must understand.`));
    out.push(defineView(`${c.featureMasks}_ACTIVE`, mask(version.features.active), `Features ${version.id} uses.`));
  }
  return out;
}

/**
 * Bounded checks of the stored compatible string and feature header, and
 * compile-time proof that the string fits its field and that sub-components
 * are in strcmp order; all built on the helpers of compat.h.
 */
function compatChecks(schema: SchemaIR): string[] {
  const c = schema.component;
  const v = schema.current;
  if (!c || schema.name === COMPAT_SCHEMA) return [];
  const out: string[] = [];
  if (c.macro && v.compatible !== undefined) {
    out.push(
      [
        '/**',
        ...briefLines(`${c.name}_compat_ok()`, `Does a stored string name this ${c.name} version?`),
        ' * @stored: The char array found in preserved memory.',
        ' * @size:   Its size in bytes.',
        ' *',
        ...commentParagraphs(`Reads at most @size bytes; see kho_compat_match().`),
        ' *',
        ` * Return: true if @stored holds ${c.macro}, NUL-padded.`,
        ' */',
        `static inline bool ${c.name}_compat_ok(const char *stored, size_t size)`,
        '{',
        `\treturn kho_compat_match(stored, size, ${c.macro},`,
        `\t\t\t\tsizeof(${c.macro}));`,
        '}',
      ].join('\n'),
    );
    if (c.storedIn) {
      out.push(`static_assert(KHO_COMPAT_ALIGN(${c.macro}) <=\n\t      sizeof_field(struct ${c.storedIn.struct}, ${c.storedIn.field}),\n\t      ${cString(`${c.macro} fits ${c.storedIn.struct}.${c.storedIn.field}`)});`);
    }
    if (v.compose && v.subcomponents.length) {
      // The macro must spell exactly the base and the sub-components in the order kho-abi derived,
      // so that an edit reordering the define fails to compile.
      const base = c.baseMacro ?? cString(v.base!);
      const parts = v.subcomponents.map((x) => `KHO_SUB_COMPAT(${x.macro ?? cString(x.compatible)})`).join(' ');
      out.push(`static_assert(__builtin_strcmp(${c.macro},\n\t\t\t       ${base} ${parts}) == 0,\n\t      "${c.macro} is its base and sorted sub-components");`);
    }
    for (let i = 1; i < v.subcomponents.length; i++) {
      const a = v.subcomponents[i - 1]!;
      const b = v.subcomponents[i]!;
      const left = a.macro ?? cString(a.compatible);
      const right = b.macro ?? cString(b.compatible);
      out.push(`static_assert(__builtin_strcmp(${left}, ${right}) < 0,\n\t      "sub-components of ${c.macro} in strcmp order");`);
    }
  }
  if (c.featureBits.length && schema.versions.some((x) => x.features)) {
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
