/**
 * Containers and pointer edges as data: for every container a schema
 * declares, `export const <NAME>_CONTAINER = {...} as const satisfies
 * <Descriptor>`, and for every struct with `ref` members (nested structs'
 * members included, by dotted path), `export const <STRUCT>_REFS`. The
 * walkers in runtime/containers take these descriptors; every number in
 * them comes from the layout IR, one per page size where they differ
 * (`{ 4096: ..., 16384: ..., 65536: ... }`), a plain number where they do not.
 */
import { countOf, type AbiIR, type ContainerIR, type ContainerMemberIR, type FieldIR, type RefIR, type SchemaIR, type StructIR } from '../layout/ir.js';
import { jsdoc, object, ts, tsString, type Doc, type TsFile } from './ts-file.js';
import type { Ctx } from './ts-checks.js';
import { schemaIn } from './ts-plan.js';

/** A descriptor's value for one page size: nested records, strings and numbers. */
type Value = string | number | boolean | undefined | { readonly [key: string]: Value };

const DESCRIPTOR_TYPE: Record<ContainerIR['kind'], string> = {
  block_chain: 'BlockChainDescriptor',
  vmalloc_chain: 'VmallocChainDescriptor',
  radix_tree: 'RadixTreeDescriptor',
  bitmap_chain: 'BitmapChainDescriptor',
  fdt_nodes: 'FdtNodesDescriptor',
  page_array: 'PageArrayDescriptor',
  array_chain: 'ArrayChainDescriptor',
  fdt: 'FdtDescriptor',
  sparse_array: 'SparseArrayDescriptor',
  dictionary: 'DictionaryDescriptor',
};

const member = (m: ContainerMemberIR): Value => ({ name: m.name, offset: m.offset, size: m.size });
const arrayMember = (m: ContainerMemberIR): Value => ({ name: m.name, offset: m.offset, size: m.size, elemSize: 'elemSize' in m.field ? m.field.elemSize : m.size, count: countOf(m.field) ?? 1 });
const struct = (s: StructIR): { name: string; size: number } => ({ name: s.name, size: s.size });
const U64_BYTES = 8;

/** The descriptor of one container laid out for one page size. */
function descriptor(c: ContainerIR): Value {
  const head = { kind: c.kind, name: c.name };
  switch (c.kind) {
    case 'block_chain':
      return {
        ...head,
        header: struct(c.header),
        next: member(c.next),
        count: member(c.count),
        blockSize: c.blockSize,
        maxBlocks: c.maxBlocks,
        ...(c.entrySizeMember ? { entrySize: member(c.entrySizeMember) } : {}),
        ...(c.blockSizeMember ? { blockSizeMember: member(c.blockSizeMember) } : {}),
      };
    case 'sparse_array':
      return {
        ...head,
        descriptor: { ...struct(c.descriptor), magic: member(c.magic), version: member(c.version), first: member(c.first) },
        page: { ...struct(c.page), next: member(c.next), start: member(c.start), entries: { name: c.entries.name, offset: c.entries.offset, size: U64_BYTES } },
        pageSize: c.pageSize,
        capacity: c.capacity,
        magic: c.magicValue,
        version: c.versionValue,
        valueTag: c.valueTag,
        valueShift: c.valueShift,
      };
    case 'dictionary':
      return {
        ...head,
        header: { ...struct(c.header), magic: member(c.magic), version: member(c.version), entries: member(c.entries), count: member(c.count) },
        entry: { ...struct(c.entry), key: member(c.entryName), type: member(c.entryType), version: member(c.entryVersion), address: member(c.entryAddress) },
        magic: c.magicValue,
        version: c.versionValue,
        via: c.via,
      };
    case 'vmalloc_chain':
      return {
        ...head,
        descriptor: { ...struct(c.descriptor), first: member(c.first), totalPages: member(c.totalPages), flags: member(c.flags), order: member(c.order) },
        chunk: { ...struct(c.chunk), next: member(c.next), entries: arrayMember(c.entries) },
      };
    case 'radix_tree':
      return {
        ...head,
        node: { ...struct(c.node), table: arrayMember(c.table) },
        leaf: { ...struct(c.leaf), bitmap: member(c.bitmap) },
        pageShift: c.pageShift,
        order0Log2: c.order0Log2,
        tableSizeLog2: c.tableSizeLog2,
        bitmapSizeLog2: c.bitmapSizeLog2,
        depth: c.depth,
      };
    case 'fdt_nodes':
      return {
        ...head,
        compatible: c.compatible,
        nodeCompatible: c.nodeCompatible,
        nodeProperties: Object.fromEntries(c.nodeProperties.map((p) => [p.name, { name: p.name, type: p.type, size: U64_BYTES }])),
        roles: Object.fromEntries(c.nodeProperties.flatMap((p) => (p.role ? [[p.role, p.name]] : []))),
      };
    case 'bitmap_chain':
      return {
        ...head,
        chunk: { ...struct(c.chunk), next: member(c.next), order: member(c.order), count: member(c.count), entries: arrayMember(c.entries) },
        entry: { ...struct(c.entry), start: member(c.start), bitmap: member(c.bitmap) },
        bitmap: { ...struct(c.bits), bits: member(c.bitsMember) },
        pageShift: c.pageShift,
      };
    case 'array_chain':
      return {
        ...head,
        node: { ...struct(c.node), next: member(c.next), count: member(c.count), entries: member(c.entries) },
        entry: struct(c.entry),
        nodeSize: c.nodeSize,
        capacity: c.capacity,
        ...(c.skip ? { skip: { member: member(c.skip.member), mask: c.skip.mask } } : {}),
      };
    case 'page_array':
      return { ...head, ...(c.header && c.count ? { header: struct(c.header), count: member(c.count) } : {}), ...(c.pagesMember ? { pagesMember: member(c.pagesMember) } : {}), entry: struct(c.entry), pages: c.pages };
    case 'fdt': {
      const prop = (role: string): Value => {
        const p = [...c.properties, ...c.nodeProperties].find((x) => x.role === role);
        if (!p) throw new Error(`fdt container ${c.name} has no property of role ${role} (resolve checks roles)`);
        return { name: p.name, type: p.type, ...(p.type === 'u64' ? { size: U64_BYTES } : {}) };
      };
      return { ...head, compatible: c.compatible, memoryMap: prop('memory_map'), data: prop('data'), size: prop('size') };
    }
  }
}

const VMALLOC = new WeakMap<AbiIR, Map<string, ContainerIR>>();

/** The vmalloc_chain containers of a layout by descriptor struct, indexed once per layout. */
function vmallocByDescriptor(ir: AbiIR): Map<string, ContainerIR> {
  let m = VMALLOC.get(ir);
  if (!m) {
    m = new Map();
    for (const s of ir.schemas) for (const c of s.containers) if (c.kind === 'vmalloc_chain' && !m.has(c.descriptor.name)) m.set(c.descriptor.name, c);
    VMALLOC.set(ir, m);
  }
  return m;
}

/** Every `ref` edge of a struct: members of embedded structs by dotted path, offsets from the outer struct's start. */
function refEdges(st: StructIR, ir: AbiIR): Record<string, Value> {
  const out: Record<string, Value> = {};
  const vmallocOf = (name: string): ContainerIR | undefined => vmallocByDescriptor(ir).get(name);
  const flat = (list: readonly FieldIR[]): FieldIR[] => list.flatMap((f) => (f.shape === 'union' && f.name === undefined ? flat(f.members) : [f]));
  const refOf = (f: FieldIR): RefIR | undefined => ('ref' in f ? f.ref : undefined);
  const walk = (fields: readonly FieldIR[], prefix: string, base: number, depth: number): void => {
    const all = flat(fields);
    for (const f of all) {
      if (f.name === undefined) continue;
      const path = prefix + f.name;
      const ref = refOf(f);
      if (ref && (ref.to || ref.via || f.shape === 'struct')) {
        const descriptorOf = f.shape === 'struct' ? vmallocOf(f.struct.name) : undefined;
        const via = ref.via ? { kind: ref.via.kind, name: ref.via.name } : descriptorOf ? { kind: descriptorOf.kind, name: descriptorOf.name } : undefined;
        const count = ref.count;
        out[path] = {
          struct: st.name,
          member: { name: path, offset: base + f.offset, size: f.size },
          ...(ref.to ? { to: ref.to.name } : {}),
          ...(via ? { via } : {}),
          ...(count ? { count: { name: prefix + count.name, offset: base + count.offset, size: count.size, ...(count.shape === 'scalar' && count.asNumber ? { number: true } : {}) } } : {}),
        };
      }
      if (f.shape === 'struct' && depth < 8) walk(f.struct.fields, `${path}.`, base + f.offset, depth + 1);
    }
  };
  walk(st.fields, '', 0, 0);
  return out;
}

/** One value per page size folded into one: equal numbers stay a number, different ones become a record by page size. */
function merge(values: readonly Value[], pageSizes: readonly number[], where: string): Value {
  const first = values[0];
  if (typeof first === 'number') {
    if (values.every((v) => v === first)) return first;
    return Object.fromEntries(pageSizes.map((p, i) => [String(p), values[i]!])) as Record<string, Value>;
  }
  if (typeof first === 'object' && first !== null) {
    const out: Record<string, Value> = {};
    for (const key of Object.keys(first)) out[key] = merge(values.map((v) => (v as Record<string, Value>)[key]), pageSizes, `${where}.${key}`);
    return out;
  }
  if (!values.every((v) => v === first)) throw new Error(`${where} differs between page sizes`);
  return first;
}

/** A descriptor value as a TypeScript literal; records break one entry a line when long. */
function print(v: Value): Doc {
  if (typeof v === 'string') return tsString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined) return 'undefined';
  const key = (k: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) || /^[0-9]+$/.test(k) ? k : tsString(k));
  return object(
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => ts`${key(k)}: ${print(x)}`),
  );
}

/** Prints the container descriptors and ref tables of one schema into its module. */
export function emitContainers(file: TsFile, schema: SchemaIR, irs: readonly AbiIR[], ctx: Ctx): void {
  const pageSizes = irs.map((ir) => ir.target.pageSize);
  const inEach = (ir: AbiIR): SchemaIR => schemaIn(ir, schema.name);
  for (const c of schema.containers) {
    const values = irs.map((ir) => descriptor(inEach(ir).containers.find((x) => x.name === c.name)!));
    const doc = `The ${c.name} container (${c.kind}) of schemas/${schema.name}.yaml, for the runtime's walkers${c.doc ? `: ${c.doc}` : '.'}`;
    file.add(jsdoc(doc), ts`export const ${c.name.toUpperCase()}_CONTAINER = ${print(merge(values, pageSizes, c.name))} as const satisfies ${ctx.rtType(DESCRIPTOR_TYPE[c.kind])};`);
  }
  for (const st of schema.current.structs) {
    const tables = irs.map((ir) => {
      const s = inEach(ir).current.structs.find((x) => x.name === st.name);
      return s ? refEdges(s, ir) : {};
    });
    if (Object.keys(tables[0]!).length === 0) continue;
    file.add(
      jsdoc(`The physical-address members of struct ${st.name} (${schema.current.id}) and what each leads to, by member path.`),
      ts`export const ${st.name.toUpperCase()}_REFS = ${print(merge(tables, pageSizes, `${st.name} refs`))} as const satisfies ${ctx.rtType('RefTable')};`,
    );
  }
  emitRefsByVersion(file, schema, irs, ctx);
}

/**
 * Where a member leads may change with the version (LUO's sessions: an array
 * before luo-v4, kho blocks since): for each struct whose edges differ in
 * some version, `<STRUCT>_REFS_BY_VERSION` gives the table of every version
 * that has the struct, so a reader picks the containers of the version it
 * found.
 */
function emitRefsByVersion(file: TsFile, schema: SchemaIR, irs: readonly AbiIR[], ctx: Ctx): void {
  const pageSizes = irs.map((ir) => ir.target.pageSize);
  const inEach = (ir: AbiIR): SchemaIR => schemaIn(ir, schema.name);
  const names = [...new Set(schema.versions.flatMap((v) => v.structs.map((x) => x.name)))];
  for (const name of names) {
    const byVersion: Record<string, Value> = {};
    for (const v of schema.versions) {
      const tables = irs.map((ir) => {
        const sv = inEach(ir).versions.find((x) => x.id === v.id)?.structs.find((x) => x.name === name);
        return sv ? refEdges(sv, ir) : undefined;
      });
      if (tables[0] === undefined || Object.keys(tables[0]).length === 0) continue;
      byVersion[v.id] = merge(tables as Value[], pageSizes, `${name} refs in ${v.id}`);
    }
    const printed = new Set(Object.values(byVersion).map(print));
    if (printed.size < 2) continue;
    file.add(
      jsdoc(`The physical-address members of struct ${name} in each version that has them, by version id.`),
      ts`export const ${name.toUpperCase()}_REFS_BY_VERSION: Readonly<Record<string, ${ctx.rtType('RefTable')}>> = ${print(byVersion)};`,
    );
  }
}
