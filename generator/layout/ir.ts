/**
 * The layout IR: every struct of every version laid out for one target
 * exactly as GCC lays it out on x86_64 and arm64 (LP64). Built once by
 * computeLayout() and frozen; emitters and the runtime only read it.
 */
import type { Prim } from '../model/model.js';

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
  readonly featureBits: readonly { readonly name: string; readonly bit: number; readonly doc?: string }[];
  /** Prefix of the supp/req/active mask #defines. */
  readonly featureMasks: string;
}

export interface VersionIR {
  readonly id: string;
  readonly schema: string;
  readonly isCurrent: boolean;
  readonly doc?: string;
  /** The base string as declared, e.g. "memfd-v2". */
  readonly base?: string;
  /** The string stored in preserved memory: the base, or the composite. */
  readonly compatible?: string;
  readonly compose: boolean;
  readonly subcomponents: readonly { readonly component: string; readonly schema: string; readonly macro?: string; readonly compatible: string }[];
  /** KHO_COMPAT_ALIGN of the stored string. */
  readonly storageSize?: number;
  readonly features?: { readonly supported: bigint; readonly required: bigint; readonly active: bigint; readonly names: readonly string[] };
  readonly constants: readonly ConstantIR[];
  readonly macros: readonly MacroIR[];
  readonly enums: readonly EnumIR[];
  readonly structs: readonly StructIR[];
  readonly asserts: readonly AssertIR[];
}

export interface ExternalIR {
  readonly name: string;
  readonly header: string;
  readonly value: bigint | string;
}

export interface ConstantIR {
  readonly name: string;
  readonly doc?: string;
  /** The expression as written (C text), or the string. */
  readonly text: string;
  readonly value: bigint | string;
}

export interface EnumIR {
  readonly name: string;
  readonly doc?: string;
  readonly values: readonly { readonly name: string; readonly doc?: string; readonly text: string; readonly value: bigint }[];
}

export interface AssertIR {
  /** The C text emitted. */
  readonly text: string;
  /** The expression kho-abi evaluated, when the C text is spelled otherwise. */
  readonly expr: string;
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
}

export interface StructIR {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
  readonly doc?: string;
  readonly packed: boolean;
  readonly size: number;
  readonly align: number;
  /** The C expression asserted for sizeof: the declared size or the number. */
  readonly sizeText: string;
  /** Hash of the binary layout (names excluded): changes iff the layout does. */
  readonly fingerprint: string;
  readonly fields: readonly FieldIR[];
}

export type FieldShape = 'scalar' | 'array' | 'flexible' | 'bits' | 'bitmap' | 'khoser' | 'union' | 'struct' | 'struct-array';

export interface FieldIR {
  readonly name?: string;
  /** The C spelling of the type where the kernel's header does not use the type name. */
  readonly ctype?: string;
  readonly shape: FieldShape;
  readonly doc?: string;
  readonly offset: number;
  /** Bytes the member occupies; 0 for a flexible array. */
  readonly size: number;
  readonly align: number;
  /** Element type for arrays; the storage unit for bitfields. */
  readonly prim?: Prim;
  readonly struct?: StructIR;
  readonly count?: number;
  /** The count as written, for the C declaration. */
  readonly countText?: string;
  readonly elemSize?: number;
  readonly bits?: readonly BitIR[];
  readonly members?: readonly FieldIR[];
  readonly khoserTarget?: string;
  readonly ref?: { readonly to?: string; readonly via?: string; readonly viaKind?: string; readonly count?: string };
  /** Bits a reader accepts; others make the kernel refuse the object (or, per `kernel`, ignore them). */
  readonly allowed?: bigint;
  /** What the kernel does with a value the checks of this member refuse (default: refuse), and where. */
  readonly kernel?: KernelCheckIR;
  /** The only value a reader accepts; any other makes the kernel refuse the object. */
  readonly equals?: bigint;
  readonly holds?: string;
  /** An earlier member this one may not exceed. */
  readonly atMost?: string;
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
      readonly kind: 'page_array';
      readonly header: StructIR;
      readonly count: ContainerMemberIR;
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
