/**
 * The resolved model: a validated schema with every name turned into the
 * object it names. Later stages never look a name up again.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source/load.js';
import type { Expr } from './expr.js';
import type { VersionSource } from './raw.js';

export type Prim = 'u8' | 'u16' | 'u32' | 'u64' | 's8' | 's16' | 's32' | 's64' | 'char';
export const PRIMS: readonly Prim[] = ['u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'char'];
export const PRIM_SIZE: Readonly<Record<Prim, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, s8: 1, s16: 2, s32: 4, s64: 8, char: 1 };
export const isSigned = (p: Prim): boolean => p.startsWith('s');

/** An expression as written, parsed, with the span of the YAML scalar that holds it. */
export interface ExprRef {
  readonly text: string;
  readonly ast: Expr;
  readonly span: SourceSpan;
}

export interface Schema {
  readonly name: string;
  readonly file: SourceFile;
  readonly spdx: string;
  readonly title: string;
  readonly doc: string;
  /** The header (without .h) the schema's C goes into: its own name unless it shares one. */
  readonly header: string;
  /** The kernel source file that defines the schema's items when no kernel header does (kho-v1's memory map). */
  readonly definedIn?: string;
  includes: Schema[];
  component?: Component;
  readonly externals: External[];
  readonly constants: Constant[];
  readonly macros: Macro[];
  /** Names in the order the kernel's header declares them. */
  readonly order: readonly string[];
  readonly enums: Enum[];
  readonly structs: Struct[];
  readonly containers: Container[];
  readonly asserts: Assert[];
}

export interface Component {
  readonly name: string;
  readonly schema: Schema;
  readonly macro?: string;
  readonly baseMacro?: string;
  readonly doc?: string;
  readonly versions: Version[];
  current: Version;
  readonly featureBits: FeatureBit[];
  /** Prefix of the supp/req/active mask #defines. */
  readonly featureMasks: string;
  storedIn?: { struct: Struct; field: Field; span: SourceSpan };
  /** The integer member that tells apart versions storing one string (pci_ser.version), by their number. */
  versionMember?: { struct: Struct; field: Field; span: SourceSpan };
  readonly span: SourceSpan;
}

export interface Version {
  readonly id: string;
  readonly component: Component;
  readonly index: number;
  readonly compatible?: string;
  /** The #define holding this version's string, when it is not the component's macro. */
  readonly macro?: string;
  /** The number the component's version member holds in this version, when versions share a string. */
  readonly number?: bigint;
  readonly compose: boolean;
  /** The version whose bytes and string this one has, spelled otherwise in C; readers dispatching on the string take that one. */
  variantOf?: Version;
  /** Sub-components written in the schema, checked against the derived ones. */
  readonly declaredSubcomponents?: { names: string[]; span: SourceSpan };
  /** Sub-components derived from what this version's layouts use, strcmp-sorted. */
  subcomponents: Component[];
  readonly features?: { supported: FeatureBit[]; required: FeatureBit[]; active: FeatureBit[] };
  /** Where this version was read from. */
  readonly source?: VersionSource;
  readonly doc?: string;
  readonly span: SourceSpan;
}

export interface FeatureBit {
  readonly name: string;
  readonly bit: number;
  readonly doc?: string;
  readonly span: SourceSpan;
}

export interface External {
  readonly name: string;
  readonly schema: Schema;
  readonly header: string;
  readonly value?: ExprRef;
  readonly string?: string;
  readonly doc?: string;
  readonly span: SourceSpan;
}

export interface Constant {
  readonly name: string;
  readonly schema: Schema;
  readonly value?: ExprRef;
  readonly string?: string;
  readonly doc?: string;
  readonly in?: Version[];
  /** Versions that spell the value otherwise (text), or hold another string (string). */
  readonly variants?: readonly { readonly in: Version[]; readonly text?: string; readonly string?: string; readonly value?: ExprRef }[];
  readonly span: SourceSpan;
}

/** A function-like macro of the header: C text the kernel defines, not a value kho-abi evaluates. */
export interface Macro {
  readonly name: string;
  readonly schema: Schema;
  readonly params?: readonly string[];
  readonly body: string;
  readonly ifdef?: string;
  readonly doc?: string;
  readonly in?: Version[];
  readonly span: SourceSpan;
}

export interface Enum {
  readonly name: string;
  readonly schema: Schema;
  readonly doc?: string;
  readonly values: Enumerator[];
  readonly span: SourceSpan;
}

export interface Enumerator {
  readonly name: string;
  readonly enumeration: Enum;
  /** Absent: the enumerator before it plus one (0 for the first), written without a value. */
  readonly value?: ExprRef;
  /** Versions that define it otherwise. */
  readonly variants?: readonly { readonly in: Version[]; readonly value: ExprRef }[];
  /** The versions that declare it; absent: all. */
  readonly in?: Version[];
  readonly doc?: string;
  readonly span: SourceSpan;
}

export interface Struct {
  readonly name: string;
  readonly schema: Schema;
  readonly doc?: string;
  readonly packed: boolean;
  readonly size?: ExprRef;
  /** The vmlinux linker section one instance of the struct fills (.liveupdate_versions). */
  readonly section?: string;
  readonly in?: Version[];
  fields: Field[];
  readonly span: SourceSpan;
}

export type FieldType = { readonly kind: 'prim'; readonly prim: Prim } | { readonly kind: 'struct'; readonly struct: Struct };

export interface Bitfield {
  readonly name: string;
  readonly lsb: number;
  readonly width: number;
  readonly doc?: string;
  readonly allowed?: ExprRef;
  readonly kernel?: KernelCheck;
  readonly span: SourceSpan;
}

/** What the kernel's restore path does with a value a check refuses, and the function that reads it. */
export interface KernelCheck {
  readonly does: 'refuse' | 'ignore' | 'truncate';
  readonly by: string;
}

export interface Ref {
  readonly to?: Struct;
  readonly via?: Container;
  readonly count?: Field;
}

interface FieldCommon {
  /** Absent for a bitfield group and an anonymous union, whose members carry the names. */
  readonly name?: string;
  /** The C spelling of the type where the kernel does not use the type name (unsigned int for u32). */
  readonly ctype?: string;
  readonly doc?: string;
  readonly in?: Version[];
  readonly ref?: Ref;
  readonly allowed?: ExprRef;
  /** The only value a reader accepts. */
  readonly equals?: ExprRef;
  readonly holds?: { name: string; span: SourceSpan };
  /** An earlier integer member this one may not exceed. */
  readonly atMost?: { name: string; span: SourceSpan };
  /** A u64 the kernel bounds: the TypeScript codecs hold it as a number up to max. */
  readonly asNumber?: { readonly max: ExprRef; readonly by: string; readonly span: SourceSpan };
  readonly kernel?: KernelCheck;
  readonly span: SourceSpan;
}

export type Field = FieldCommon &
  (
    | { readonly shape: 'scalar'; readonly type: FieldType }
    | { readonly shape: 'array'; readonly type: FieldType; readonly count: ExprRef }
    /** With stringSize: char name[][stringSize], a flexible array of fixed-size strings. */
    | { readonly shape: 'flexible'; readonly type: FieldType; readonly stringSize?: ExprRef }
    | { readonly shape: 'bits'; readonly unit: Prim; readonly bits: Bitfield[] }
    | { readonly shape: 'bitmap'; readonly nbits: ExprRef }
    /** No target: DECLARE_KHOSER_PTR(name, void *), an address nothing walks. */
    | { readonly shape: 'khoser'; readonly target?: Struct; /** An array of khoser pointers: DECLARE_KHOSER_PTR(name, struct target *)[count]. */ readonly count?: ExprRef }
    | { readonly shape: 'union'; readonly members: Field[] }
    /** A kernel pointer stored as is (struct target *): meaningless after kexec, read as an opaque u64, written as 0. */
    | { readonly shape: 'pointer'; readonly target: string }
  );

export type ContainerKind =
  | {
      readonly kind: 'block_chain';
      readonly header: Struct;
      readonly next: string;
      readonly count: string;
      readonly blockSize: ExprRef;
      readonly maxBlocks: ExprRef;
      /** Header members a newer block format stores in every block (block-v2). */
      readonly entrySizeMember?: string;
      readonly blockSizeMember?: string;
    }
  | {
      readonly kind: 'vmalloc_chain';
      readonly descriptor: Struct;
      readonly first: string;
      readonly totalPages: string;
      readonly flags: string;
      readonly order: string;
      readonly chunk: Struct;
      /** Member paths in the chunk (hdr.next). */
      readonly next: string;
      readonly entries: string;
    }
  | {
      /** A sub-FDT: a root compatible, one child per item with its own compatible and u64 properties named as the kernel writes them. */
      readonly kind: 'fdt_nodes';
      readonly compatible: string;
      readonly nodeCompatible: string;
      readonly nodeProperties: readonly { readonly name: string; readonly type: 'u64'; readonly role?: 'start' | 'size'; readonly doc?: string }[];
    }
  | {
      /** kho-v1's memory map: chunks {next, order, count, entries[]}, each entry {start, bitmap -> bitmap struct}. */
      readonly kind: 'bitmap_chain';
      readonly chunk: Struct;
      readonly next: string;
      readonly order: string;
      readonly count: string;
      readonly entries: string;
      readonly entry: Struct;
      readonly start: string;
      readonly bitmap: string;
      /** The struct the entry's bitmap member points at; its first member is the bitmap. */
      readonly bits: Struct;
    }
  | { readonly kind: 'radix_tree'; readonly node: Struct; readonly leaf: Struct; readonly depth: ExprRef; readonly order0Log2: ExprRef; readonly tableSizeLog2: ExprRef; readonly bitmapSizeLog2: ExprRef }
  | { readonly kind: 'page_array'; readonly header?: Struct; readonly count?: string; readonly pagesMember?: string; readonly entry: Struct; readonly pages: ExprRef }
  | {
      readonly kind: 'array_chain';
      /** One node: a header with next and count, then a flexible array of entries. */
      readonly node: Struct;
      readonly next: string;
      readonly count: string;
      /** The flexible array member of the node. */
      readonly entries: string;
      readonly nodeSize: ExprRef;
      /** An entry member whose bits (skipMask) make the kernel's iterator pass the entry over. */
      readonly skipMember?: string;
      readonly skipMask?: ExprRef;
    }
  | {
      readonly kind: 'fdt';
      readonly compatible: string;
      readonly properties: FdtProperty[];
      readonly nodeProperties: FdtProperty[];
      readonly services: Container[];
    }
  | {
      readonly kind: 'sparse_array';
      readonly descriptor: Struct;
      readonly magic: string;
      readonly version: string;
      readonly first: string;
      readonly page: Struct;
      readonly next: string;
      readonly start: string;
      readonly entries: string;
      readonly pageSize: ExprRef;
      readonly capacity: ExprRef;
      readonly magicValue: ExprRef;
      readonly versionValue: ExprRef;
      readonly valueTag: ExprRef;
      readonly valueShift: ExprRef;
    }
  | {
      readonly kind: 'dictionary';
      readonly header: Struct;
      readonly magic: string;
      readonly version: string;
      readonly entries: string;
      readonly count: string;
      readonly entry: Struct;
      readonly name: string;
      readonly type: string;
      readonly entryVersion: string;
      readonly address: string;
      readonly via: Container;
      readonly magicValue: ExprRef;
      readonly versionValue: ExprRef;
    };

export interface FdtProperty {
  readonly name: string;
  readonly type: 'u64' | 'string';
  /** What a reader takes it for. */
  readonly role?: 'memory_map' | 'data' | 'size';
  readonly ref?: Ref;
  readonly optional: boolean;
  readonly doc?: string;
}

export interface Container {
  readonly name: string;
  readonly schema: Schema;
  readonly doc?: string;
  /** The version of its schema the container's structs are laid out at; the current one when absent. */
  version?: Version;
  def: ContainerKind;
  readonly span: SourceSpan;
}

export interface Assert {
  readonly expr: ExprRef;
  /** The C text to emit, when it is not expr's. */
  readonly text?: string;
  readonly message?: string;
  /** Emitted right after this item; at the end when absent. */
  readonly after?: string;
  readonly in?: Version[];
  /** kho-abi's own check, emitted only for profiles with helpers. */
  readonly helper: boolean;
  readonly schema: Schema;
}

export interface Model {
  readonly schemas: readonly Schema[];
  readonly structs: ReadonlyMap<string, Struct>;
  readonly components: ReadonlyMap<string, Component>;
}

/** The definition of an enumerator in a version: its variant there, or its value. */
export function enumeratorValue(e: Enumerator, version: Version | undefined): ExprRef | undefined {
  return (version && e.variants?.find((x) => x.in.includes(version))?.value) || e.value;
}

/** Is an item declared with `in:` present in this version? */
export function presentIn(item: { in?: Version[] }, version: Version | undefined): boolean {
  return !item.in || version === undefined || item.in.includes(version);
}

/** Named members of a field, looking through bitfield groups and anonymous unions. */
export function memberNames(field: Field): string[] {
  if (field.shape === 'bits') return field.bits.map((b) => b.name);
  if (field.shape === 'union' && field.name === undefined) return field.members.flatMap(memberNames);
  return field.name === undefined ? [] : [field.name];
}
