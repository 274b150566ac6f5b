/**
 * What a schema's module holds besides its struct codecs: the constants, the
 * registry of every codec by version and page size, compatible-string
 * verification, version dispatch and feature negotiation; and the index
 * module of all schemas.
 */
import type { AbiIR, SchemaIR } from '../layout/ir.js';
import { block, call, jsdoc, list, object, symbol, ts, tsString, type Doc, type TsFile } from './ts-file.js';
import type { Ctx } from './ts-checks.js';
import { keyOf, schemaIn, type CodecNames } from './ts-plan.js';
import { moduleSpecifier, pascal, registryName } from './ts-names.js';

function tsLiteral(v: bigint | string): string {
  if (typeof v === 'string') return tsString(v);
  return v >= -(2n ** 53n) && v <= 2n ** 53n ? String(v) : `${v}n`;
}

export function emitConstants(file: TsFile, schema: SchemaIR, irs: readonly AbiIR[]): void {
  const v = schema.current;
  if (v.macro && v.compatible !== undefined) {
    file.add(jsdoc(`The compatible string ${v.id} stores (${v.macro}).`), `export const ${v.macro} = ${tsString(v.compatible)};`);
  }
  const all = [...v.constants.map((c) => ({ name: c.name, doc: c.doc })), ...v.enums.flatMap((e) => e.values.map((x) => ({ name: x.name, doc: x.doc })))];
  for (const c of all) {
    const values = irs.map((ir) => {
      const sv = schemaIn(ir, schema.name).current;
      return sv.constants.find((x) => x.name === c.name)?.value ?? sv.enums.flatMap((e) => e.values).find((x) => x.name === c.name)!.value;
    });
    const same = values.every((x) => x === values[0]);
    const value: Doc = same ? tsLiteral(values[0]!) : ts`${object(irs.map((ir, i) => `${ir.target.pageSize}: ${tsLiteral(values[i]!)}`))} as const`;
    const doc = c.doc ? (same ? c.doc : `${c.doc} (by page size)`) : same ? undefined : 'By page size.';
    file.add(...(doc ? [jsdoc(doc)] : []), ts`export const ${c.name} = ${value};`);
  }
  emitOlderConstants(file, schema, irs, new Set(all.map((c) => c.name)));
}

/**
 * Constants only older versions define (the names of LUO's sub-FDT, say),
 * with the value of the newest version that has them, so that a reader of
 * those versions takes them from here. A name whose value differs between
 * versions is left out: it has no one value.
 */
function emitOlderConstants(file: TsFile, schema: SchemaIR, irs: readonly AbiIR[], done: ReadonlySet<string>): void {
  const seen = new Set(done);
  for (const ver of [...schema.versions].reverse()) {
    for (const c of ver.constants) {
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      const holders = schema.versions.filter((x) => x.constants.some((k) => k.name === c.name));
      const values = irs.flatMap((ir) => {
        const sch = schemaIn(ir, schema.name);
        return holders.map((h) => sch.versions.find((x) => x.id === h.id)!.constants.find((k) => k.name === c.name)!.value);
      });
      if (!values.every((x) => x === values[0])) continue;
      file.add(jsdoc(`${c.doc ?? c.name} (${holders.map((h) => h.id).join(', ')})`), ts`export const ${c.name} = ${tsLiteral(values[0]!)};`);
    }
  }
}

export function emitRegistry(file: TsFile, schema: SchemaIR, irs: readonly AbiIR[], names: ReadonlyMap<string, CodecNames>, ctx: Ctx): void {
  const ref = (rec: CodecNames, version: string): Doc => (rec.version === version ? rec.codec : call(ctx.rt('withVersion'), [rec.codec, tsString(version)]));
  const vm = schema.component?.versionMember;
  const versions = schema.versions.map((v) => {
    const structs = v.structs.map((st) => {
      const recs = irs.map((ir) => names.get(keyOf(schema.name, v.id, ir.target.pageSize, st.name))!);
      if (recs.every((r) => r === recs[0])) return ts`${st.name}: ${call(ctx.rt('allPages'), [ref(recs[0]!, v.id)])},`;
      return ts`${st.name}: ${object(irs.map((ir, i) => ts`${String(ir.target.pageSize)}: ${ref(recs[i]!, v.id)}`))},`;
    });
    return block('', [
      `id: ${tsString(v.id)},`,
      // A variant stores its base's string: dispatch on the string finds the base.
      ...(v.compatible !== undefined && !v.variantOf ? [`compatible: ${tsString(v.compatible)},`] : []),
      ...(v.number !== undefined ? [`number: ${v.number},`] : []),
      block('structs:', structs, { tail: ',' }),
    ], { tail: ',' });
  });
  file.add(
    jsdoc(`Every codec of schemas/${schema.name}.yaml, by version, struct and page size.`),
    block(ts`export const ${registryName(schema.name)}: ${ctx.rtType('SchemaCodecs')} =`, [
      `schema: ${tsString(schema.name)},`,
      ...(schema.component ? [`component: ${tsString(schema.component.name)},`] : []),
      ...(vm ? [ts`versionMember: ${object([`struct: ${tsString(vm.struct)}`, `member: ${tsString(vm.field)}`, `offset: ${vm.offset}`, `size: ${vm.size}`])},`] : []),
      `current: ${tsString(schema.current.id)},`,
      block('versions:', versions, { brackets: '[]', tail: ',' }),
    ], { tail: ';' }),
  );
}

/** Compatible-string verification, version dispatch and feature negotiation for one component. */
export function emitCompat(file: TsFile, schema: SchemaIR, ctx: Ctx): void {
  const c = schema.component;
  if (!c) return;
  const Name = pascal(c.name);
  const registry = registryName(schema.name);
  const SUPPORTED = `${c.name.toUpperCase()}_SUPPORTED_COMPATIBLES`;
  const readOptions = ctx.rtType('ReadOptions');
  // A string numbered versions share is listed once.
  const strings = [...new Set(schema.versions.flatMap((v) => (v.compatible !== undefined ? [v.compatible] : [])))];
  if (strings.length) {
    file.add(jsdoc(`Every compatible string a ${c.name} version stores, oldest first.`), ts`export const ${SUPPORTED}: readonly string[] = ${list('[', strings.map(tsString), ']')};`);
    file.add(
      jsdoc(
        `Checks a stored ${c.name} compatible string (the string, or the bytes of the char array holding it, read up to its NUL as the kernel's strcmp does; bytes after it are a warning in opts) against every version kho-abi knows; the verdict names each component that differs, is missing or is unknown.`,
      ),
      block(ts`export function verify${Name}Compatible(stored: string | Uint8Array, opts?: ${readOptions}): ${ctx.rtType('CompatVerdict')}`, [
        ts`const found = typeof stored === 'string' ? stored : ${call(ctx.rt('readStoredCompat'), ['stored', 'opts'])};`,
        ts`return ${call(ctx.rt('verifyCompat'), ['found', SUPPORTED])};`,
      ]),
    );
    const doc = c.versionMember
      ? `The codecs of the ${c.name} version that stored this compatible string and, where versions share it, the number in ${c.versionMember.struct}.${c.versionMember.field} of \`data\` (the ${c.versionMember.struct} bytes); throws CompatError saying what was found and what is supported.`
      : `The codecs of the ${c.name} version that stored this compatible string; throws CompatError saying what was found and what is supported.`;
    const params: Doc[] = ['stored: string | Uint8Array', ts`opts?: ${readOptions}`, ...(c.versionMember ? ['data?: DataView'] : [])];
    const args: Doc[] = [registry, ts`typeof stored === 'string' ? stored : ${call(ctx.rt('readStoredCompat'), ['stored', 'opts'])}`, ...(c.versionMember ? ['data'] : [])];
    file.add(jsdoc(doc), block(ts`export function ${c.name}VersionFor${list('(', params, ')')}: ${ctx.rtType('VersionCodecs')}`, [ts`return ${call(ctx.rt('selectVersion'), args)};`]));
  }
  const featureVersion = [...schema.versions].reverse().find((v) => v.features);
  if (c.featureBits.length && featureVersion?.features) {
    const READER = `${c.name.toUpperCase()}_FEATURE_READER`;
    const reader = object([`supported: ${featureVersion.features.supported}n`, ts`names: ${object(c.featureBits.map((b) => `${b.bit}: ${tsString(b.name)}`))}`]);
    file.add(jsdoc(`What a ${featureVersion.id} reader understands.`), ts`export const ${READER}: ${ctx.rtType('FeatureReader')} = ${reader};`);
    file.add(
      jsdoc(`Decides whether a ${featureVersion.id} reader accepts a feature header; names every unknown required feature.`),
      block(ts`export function negotiate${Name}Features(header: ${ctx.rtType('FeatureHeader')}): ${ctx.rtType('FeatureVerdict')}`, [ts`return ${call(ctx.rt('negotiateFeatures'), ['header', READER])};`]),
    );
  }
}

/** index.ts: every schema's module re-exported, and the list of every registry. */
export function emitIndex(file: TsFile, ir: AbiIR, ctx: Ctx): void {
  const names = ir.schemas.map((s) => s.name).sort();
  for (const n of names) file.exportAll(moduleSpecifier(n));
  const registries = names.map((n) => symbol(registryName(n), moduleSpecifier(n)));
  file.add(jsdoc("Every schema's codecs."), ts`export const allCodecs: readonly ${ctx.rtType('SchemaCodecs')}[] = ${list('[', registries, ']')};`);
}
