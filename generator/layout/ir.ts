/**
 * The layout IR: every struct of every version laid out for one target
 * exactly as GCC lays it out on x86_64 and arm64 (LP64). Built once by
 * computeLayout() and frozen; emitters and the runtime only read it.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import { printExpr, type Expr } from '../model/expr.js';
import type { Prim } from '../model/model.js';
import type { VersionSource } from '../model/raw.js';

export const PAGE_SIZES = [4096, 16384, 65536] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export type ByteOrder = 'little' | 'big';

export interface Target {
  readonly pageSize: PageSize;
  readonly pageShift: number;
  readonly byteOrder: ByteOrder;
}

export function makeTarget(pageSize: PageSize = 4096, byteOrder: ByteOrder = 'little'): Target {
  return { pageSize, pageShift: Math.log2(pageSize), byteOrder };
}

export interface AbiIR {
  readonly target: Target;
  readonly schemas: readonly SchemaIR[];
}

export interface SchemaIR {
  readonly name: string;
  readonly file: string;
  readonly title: string;
  /** The header (without .h) its C goes into. */
  readonly header: string;
  /** The kernel source file that defines its items when no kernel header does. */
  readonly definedIn?: string;
  readonly spdx: string;
  readonly doc: string;
  readonly includes: readonly string[];
  /** Names in the order the kernel's header declares them. */
  readonly order: readonly string[];
  readonly component?: ComponentIR;
  readonly versions: readonly VersionIR[];
  readonly current: VersionIR;
  readonly externals: readonly ExternalIR[];
  readonly containers: readonly ContainerIR[];
}

export interface ComponentIR {
  readonly name: string;
  readonly macro?: string;
  readonly baseMacro?: string;
  readonly doc?: string;
  /** The char array readers find the string in, and its size. */
  readonly storedIn?: { readonly struct: string; readonly field: string; readonly size: number };
  /** The integer member that tells apart the versions storing one string, by their number; the same offset and size in each. */
  readonly versionMember?: { readonly struct: string; readonly field: string; readonly offset: number; readonly size: number };
  readonly featureBits: readonly { readonly name: string; readonly bit: number; readonly doc?: string }[];
  /** Prefix of the supp/req/active mask #defines. */
  readonly featureMasks: string;
  readonly span: SourceSpan;
}

export interface VersionIR {
  readonly id: string;
  readonly schema: string;
  readonly isCurrent: boolean;
  readonly doc?: string;
  /** Where the version was read from. */
  readonly source?: VersionSource;
  /** The base string as declared, e.g. "memfd-v2". */
  readonly base?: string;
  /** The string stored in preserved memory: the base, or the composite. */
  readonly compatible?: string;
  /** The #define holding the string in this version (the component's macro unless the version names its own). */
  readonly macro?: string;
  /** The number the component's version member holds in this version. */
  readonly number?: bigint;
  readonly compose: boolean;
  /** The version whose bytes and string this one has, spelled otherwise in C. */
  readonly variantOf?: string;
  readonly subcomponents: readonly { readonly component: string; readonly schema: string; readonly macro?: string; readonly compatible: string }[];
  /** KHO_COMPAT_ALIGN of the stored string. */
  readonly storageSize?: number;
  readonly features?: { readonly supported: bigint; readonly required: bigint; readonly active: bigint; readonly names: readonly string[] };
  readonly constants: readonly ConstantIR[];
  readonly macros: readonly MacroIR[];
  readonly enums: readonly EnumIR[];
  readonly structs: readonly StructIR[];
  readonly asserts: readonly AssertIR[];
  /** The version's entry in the schema; the schema's top for a schema without a component. */
  readonly span: SourceSpan;
}

/**
 * An expression of the schema: its tree (the author's literals and
 * parentheses kept, so the C text is printed from it), its value at this
 * target, and the YAML scalar it came from.
 */
export interface ExprIR {
  readonly tree: Expr;
  readonly value: bigint;
  readonly span: SourceSpan;
  /**
   * The kernel's spelling where it differs from the evaluated tree by a
   * macro kho-abi does not evaluate (KHO_COMPAT_ALIGN(...), offsetof): C
   * text, printed as is.
   */
  readonly spelled?: string;
}

/** The C text of an expression: the kernel's spelling when given, else the tree printed. */
export function cText(e: ExprIR): string {
  return e.spelled ?? printExpr(e.tree);
}

export interface ExternalIR {
  readonly name: string;
  readonly header: string;
  readonly value: bigint | string;
  readonly span: SourceSpan;
}

export interface ConstantIR {
  readonly name: string;
  readonly doc?: string;
  /** The string, or the number's value. */
  readonly value: bigint | string;
  /** The expression of a number. */
  readonly expr?: ExprIR;
  readonly span: SourceSpan;
}

export interface EnumIR {
  readonly name: string;
  readonly doc?: string;
  readonly values: readonly EnumeratorIR[];
  readonly span: SourceSpan;
}

export interface EnumeratorIR {
  readonly name: string;
  readonly doc?: string;
  /** Absent when the enumerator takes the one before it plus one (the header writes no value). */
  readonly expr?: ExprIR;
  readonly value: bigint;
  readonly span: SourceSpan;
}

export interface AssertIR {
  /** The condition kho-abi evaluated; `spelled` holds the kernel's C text where it differs. */
  readonly expr: ExprIR;
  readonly message?: string;
  /** Emitted right after this item; at the end when absent. */
  readonly after?: string;
  /** kho-abi's own check, emitted only for profiles with helpers. */
  readonly helper: boolean;
}

/** A macro of the header that is C text, not a value: KHOSER_STORE_PTR(dest, val). */
export interface MacroIR {
  readonly name: string;
  readonly params?: readonly string[];
  readonly body: string;
  readonly ifdef?: string;
  readonly doc?: string;
  readonly span: SourceSpan;
}

export interface StructIR {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
  readonly doc?: string;
  readonly packed: boolean;
  readonly size: number;
  readonly align: number;
  /** The size the schema declares (PAGE_SIZE), checked against the layout. */
  readonly declaredSize?: ExprIR;
  /** The vmlinux linker section one instance fills; a flexible array without a count runs to its end. */
  readonly section?: string;
  /** Hash of the binary layout (names excluded): changes iff the layout does. */
  readonly fingerprint: string;
  readonly fields: readonly FieldIR[];
  readonly span: SourceSpan;
}

export type FieldShape = FieldIR['shape'];

/**
 * What every member has. Spans point at the member's YAML mapping, so that
 * any later check (a lock, a kernel tree, a reader) can name the schema line.
 */
interface FieldBase {
  /** The C spelling of the type where the kernel's header does not use the type name. */
  readonly ctype?: string;
  readonly doc?: string;
  readonly offset: number;
  /** Bytes the member occupies; 0 for a flexible array. */
  readonly size: number;
  readonly align: number;
  /** What the kernel does with a value the checks of this member refuse (default: refuse), and where. */
  readonly kernel?: KernelCheckIR;
  readonly span: SourceSpan;
}

/** An integer member: u8..u64, s8..s64. */
export interface ScalarFieldIR extends FieldBase {
  readonly shape: 'scalar';
  readonly name: string;
  readonly prim: Prim;
  readonly elemSize: number;
  /** Bits a reader accepts; others make the kernel refuse the object (or, per `kernel`, ignore them). */
  readonly allowed?: bigint;
  /** The only value a reader accepts. */
  readonly equals?: bigint;
  /** An earlier integer member of the same struct this one may not exceed. */
  readonly atMost?: ScalarFieldIR;
  /** A u64 the kernel bounds (as_number): the TypeScript codecs hold it as a number in 0..max. */
  readonly asNumber?: { readonly max: number; readonly by: string };
  /** The physical address this member holds, and what is there. */
  readonly ref?: RefIR;
}

/** A fixed-length array of integers or chars. */
export interface ArrayFieldIR extends FieldBase {
  readonly shape: 'array';
  readonly name: string;
  readonly prim: Prim;
  readonly elemSize: number;
  readonly count: number;
  /** The count as written (KHO_VMALLOC_SIZE), with its value at this target. */
  readonly countExpr: ExprIR;
  /** The string constant a char array is sized to hold. */
  readonly holds?: { readonly name: string; readonly value: string };
}

/** One embedded struct. */
export interface StructFieldIR extends FieldBase {
  readonly shape: 'struct';
  readonly name: string;
  readonly struct: StructIR;
  readonly elemSize: number;
  /** What a descriptor struct (a kho_vmalloc) leads to. */
  readonly ref?: RefIR;
}

/** A fixed-length array of structs. */
export interface StructArrayFieldIR extends FieldBase {
  readonly shape: 'struct-array';
  readonly name: string;
  readonly struct: StructIR;
  readonly elemSize: number;
  readonly count: number;
  readonly countExpr: ExprIR;
}

/** A flexible array member of integers or of structs (exactly one of prim and struct). */
export type FlexibleFieldIR = FieldBase & {
  readonly shape: 'flexible';
  readonly name: string;
  readonly elemSize: number;
  /** The member holding the number of elements, when the schema names one. */
  readonly ref?: RefIR;
  /** char name[][N]: each element a NUL-padded string of elemSize bytes, N as written. */
  readonly stringSize?: ExprIR;
} & ({ readonly prim: Prim; readonly struct?: undefined } | { readonly struct: StructIR; readonly prim?: undefined });

/** A group of bitfields sharing one storage unit. */
export interface BitsFieldIR extends FieldBase {
  readonly shape: 'bits';
  readonly name?: undefined;
  /** The storage unit: the integer a reader loads to get at the bits. */
  readonly prim: Prim;
  /**
   * The unit the kernel declares, when a packed struct narrows the group to
   * the bytes its bits cover (`u32 sign_extend:1` takes one byte, read as a u8).
   */
  readonly declaredUnit?: Prim;
  readonly bits: readonly BitIR[];
}

/** DECLARE_BITMAP(name, nbits): an array of unsigned long. */
export interface BitmapFieldIR extends FieldBase {
  readonly shape: 'bitmap';
  readonly name: string;
  /** Longs in the array. */
  readonly count: number;
  readonly elemSize: 8;
  /** The number of bits as written. */
  readonly nbits: ExprIR;
}

/** DECLARE_KHOSER_PTR(name, struct target *): a u64 physical address of a target; without a target, DECLARE_KHOSER_PTR(name, void *). */
export interface KhoserFieldIR extends FieldBase {
  readonly shape: 'khoser';
  readonly name: string;
  readonly prim: 'u64';
  readonly target?: StructIR;
  readonly ref?: RefIR;
}

/** DECLARE_KHOSER_PTR(name, struct target *)[count]: an array of u64 physical addresses of targets (0: none). */
export interface KhoserArrayFieldIR extends FieldBase {
  readonly shape: 'khoser-array';
  readonly name: string;
  readonly prim: 'u64';
  readonly elemSize: 8;
  readonly count: number;
  /** The count as written (1 << KHO_XARRAY_TBL_SHIFT), with its value at this target. */
  readonly countExpr: ExprIR;
  readonly target: StructIR;
}

/**
 * A kernel pointer stored as the kernel left it (struct target *name): 8
 * bytes that mean nothing once the machine has gone through kexec. Readers
 * take it as an opaque u64; writers store 0.
 */
export interface PointerFieldIR extends FieldBase {
  readonly shape: 'pointer';
  readonly name: string;
  readonly prim: 'u64';
  /** The kernel struct it points at, as C names it (iommu_domain); no schema defines it. */
  readonly target: string;
}

/** A union, named or anonymous; member offsets are absolute. */
export interface UnionFieldIR extends FieldBase {
  readonly shape: 'union';
  readonly name?: string;
  readonly members: readonly FieldIR[];
}

export type FieldIR = ScalarFieldIR | ArrayFieldIR | StructFieldIR | StructArrayFieldIR | FlexibleFieldIR | BitsFieldIR | BitmapFieldIR | KhoserFieldIR | KhoserArrayFieldIR | PointerFieldIR | UnionFieldIR;

/** Members whose elements repeat: what a reader iterates. */
export type ArrayLikeFieldIR = ArrayFieldIR | StructArrayFieldIR | FlexibleFieldIR | BitmapFieldIR | KhoserArrayFieldIR;

/** A physical pointer edge: the member holds the address of `to`, reached through `via`. */
export interface RefIR {
  /** The struct at the address, laid out as its schema's current version sees it. */
  readonly to?: StructIR;
  /** The container the address leads into (a kho_block chain, the radix tree...). */
  readonly via?: ContainerIR;
  /** The member of the same struct that holds the number of elements. */
  readonly count?: ScalarFieldIR;
}

/** For a switch that must handle every kind: fails to compile when one is missing. */
export function unreachable(x: never, what = 'kind'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify((x as { shape?: string; kind?: string })?.shape ?? (x as { kind?: string })?.kind)}`);
}

export interface KernelCheckIR {
  readonly does: 'refuse' | 'ignore' | 'truncate';
  readonly by: string;
}

export interface BitIR {
  readonly name: string;
  readonly doc?: string;
  /** Position of the least significant bit in the storage unit's value, as GCC places it for the target. */
  readonly lsb: number;
  readonly width: number;
  /** The lsb the schema declared (little-endian numbering). */
  readonly declaredLsb: number;
  readonly storageOffset: number;
  readonly storageSize: number;
  /** The bytes the field touches. */
  readonly byteOffset: number;
  readonly byteSize: number;
  readonly allowed?: bigint;
  readonly kernel?: KernelCheckIR;
  readonly span: SourceSpan;
}

/** A member a container's reader reads: a dotted path through embedded structs, its offset from the start of the outer struct, and its size. */
export interface ContainerMemberIR {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
  /** The member's own layout (an array's count and element size). */
  readonly field: FieldIR;
}

export interface FdtPropertyIR {
  /** The property name, the string constant's value. */
  readonly name: string;
  /** The constant that holds it. */
  readonly constant: string;
  readonly type: 'u64' | 'string';
  readonly role?: 'memory_map' | 'data' | 'size';
  readonly optional: boolean;
  readonly to?: string;
  readonly via?: string;
}

/** A container the kernel defines by convention, every number evaluated for the target. */
export type ContainerIR = { readonly name: string; readonly schema: string; readonly doc?: string } & (
  | {
      readonly kind: 'block_chain';
      readonly header: StructIR;
      readonly next: ContainerMemberIR;
      readonly count: ContainerMemberIR;
      readonly blockSize: number;
      readonly maxBlocks: number;
      /** Header members of a block format that stores its geometry in every block (block-v2). */
      readonly entrySizeMember?: ContainerMemberIR;
      readonly blockSizeMember?: ContainerMemberIR;
    }
  | {
      readonly kind: 'vmalloc_chain';
      readonly descriptor: StructIR;
      readonly first: ContainerMemberIR;
      readonly totalPages: ContainerMemberIR;
      readonly flags: ContainerMemberIR;
      readonly order: ContainerMemberIR;
      readonly chunk: StructIR;
      readonly next: ContainerMemberIR;
      /** The array of block addresses; its count is the chunk's capacity. */
      readonly entries: ContainerMemberIR;
    }
  | {
      readonly kind: 'fdt_nodes';
      /** The strings the root's and every child's compatible property hold. */
      readonly compatible: string;
      readonly nodeCompatible: string;
      readonly nodeProperties: readonly { readonly name: string; readonly type: 'u64'; readonly role?: 'start' | 'size' }[];
    }
  | {
      readonly kind: 'bitmap_chain';
      readonly chunk: StructIR;
      readonly next: ContainerMemberIR;
      readonly order: ContainerMemberIR;
      readonly count: ContainerMemberIR;
      /** The chunk's array of entries; its count is the chunk's capacity. */
      readonly entries: ContainerMemberIR;
      readonly entry: StructIR;
      readonly start: ContainerMemberIR;
      readonly bitmap: ContainerMemberIR;
      /** The struct a bitmap pointer leads to, and its bitmap member. */
      readonly bits: StructIR;
      readonly bitsMember: ContainerMemberIR;
      readonly pageShift: number;
    }
  | {
      readonly kind: 'radix_tree';
      readonly node: StructIR;
      readonly leaf: StructIR;
      /** The node's table and the leaf's bitmap: each struct's one member. */
      readonly table: ContainerMemberIR;
      readonly bitmap: ContainerMemberIR;
      readonly depth: number;
      readonly order0Log2: number;
      readonly tableSizeLog2: number;
      readonly bitmapSizeLog2: number;
      readonly pageShift: number;
    }
  | {
      readonly kind: 'array_chain';
      readonly node: StructIR;
      readonly next: ContainerMemberIR;
      readonly count: ContainerMemberIR;
      /** The node's flexible array of entries. */
      readonly entries: ContainerMemberIR;
      readonly entry: StructIR;
      readonly nodeSize: number;
      /** Entries one node holds after its header. */
      readonly capacity: number;
      /** The entry member (offset from the entry's start) and bits that make the kernel's iterator pass an entry over. */
      readonly skip?: { readonly member: ContainerMemberIR; readonly mask: number };
    }
  | {
      readonly kind: 'page_array';
      /** Absent when the entries start the first page and the ref pointing at them counts them. */
      readonly header?: StructIR;
      readonly count?: ContainerMemberIR;
      readonly pagesMember?: ContainerMemberIR;
      readonly entry: StructIR;
      readonly pages: number;
    }
  | {
      readonly kind: 'fdt';
      readonly compatibleMacro: string;
      /** The string the current version stores. */
      readonly compatible: string;
      readonly properties: readonly FdtPropertyIR[];
      readonly nodeProperties: readonly FdtPropertyIR[];
      readonly services: readonly string[];
    }
  | {
      readonly kind: 'sparse_array';
      readonly descriptor: StructIR;
      readonly magic: ContainerMemberIR;
      readonly version: ContainerMemberIR;
      readonly first: ContainerMemberIR;
      readonly page: StructIR;
      readonly next: ContainerMemberIR;
      readonly start: ContainerMemberIR;
      /** The flexible array of u64 entries after the page header. */
      readonly entries: ContainerMemberIR;
      readonly pageSize: number;
      /** Entries one page holds. */
      readonly capacity: number;
      readonly magicValue: number;
      readonly versionValue: number;
      /** The bit that marks a value entry, and the shift that takes the value out of it. */
      readonly valueTag: number;
      readonly valueShift: number;
    }
  | {
      readonly kind: 'dictionary';
      readonly header: StructIR;
      readonly magic: ContainerMemberIR;
      readonly version: ContainerMemberIR;
      readonly entries: ContainerMemberIR;
      readonly count: ContainerMemberIR;
      readonly entry: StructIR;
      readonly entryName: ContainerMemberIR;
      readonly entryType: ContainerMemberIR;
      readonly entryVersion: ContainerMemberIR;
      readonly entryAddress: ContainerMemberIR;
      /** The block chain that stores the entries. */
      readonly via: { readonly kind: string; readonly name: string };
      readonly magicValue: number;
      readonly versionValue: number;
    }
);

export function findStruct(ir: AbiIR, name: string, version?: string): StructIR | undefined {
  for (const s of ir.schemas) {
    const versions = version ? s.versions.filter((v) => v.id === version) : [s.current];
    for (const v of versions) {
      const st = v.structs.find((x) => x.name === name);
      if (st) return st;
    }
  }
  return undefined;
}

/** The struct a member embeds or repeats, if any. */
export function structOf(f: FieldIR): StructIR | undefined {
  return f.shape === 'struct' || f.shape === 'struct-array' || f.shape === 'flexible' ? f.struct : undefined;
}

/** The integer type a member stores (the unit of a bitfield group), if any. */
export function primOf(f: FieldIR): Prim | undefined {
  return f.shape === 'scalar' || f.shape === 'array' || f.shape === 'bits' || f.shape === 'khoser' || f.shape === 'khoser-array' || f.shape === 'pointer' || f.shape === 'flexible' ? f.prim : undefined;
}

/** Elements of a fixed-length array member (longs of a bitmap); undefined for the rest. */
export function countOf(f: FieldIR): number | undefined {
  return f.shape === 'array' || f.shape === 'struct-array' || f.shape === 'bitmap' || f.shape === 'khoser-array' ? f.count : undefined;
}
