/** The interface every generated struct codec implements. */
import type { ReadOptions } from './warnings.js';

export type PageSize = 4096 | 16384 | 65536;

export interface StructCodec<T> {
  /** The C name of the struct. */
  readonly name: string;
  /** The version of its component this codec reads and writes. */
  readonly version: string;
  /** sizeof(struct ...): the fixed part, without a flexible array. */
  readonly size: number;
  readonly align: number;
  /** The vmlinux linker section whose bytes are one instance (.liveupdate_versions): decode the whole section. */
  readonly section?: string;
  /**
   * Reads the struct at `offset` as the kernel reads it: throws DecodeError
   * for what the kernel refuses, and reports what it accepts but kho-abi
   * would not (unknown flag bits it ignores, ...) as warnings in `opts`, or
   * refuses it too with `opts.strict`.
   */
  decode(view: DataView, offset?: number, opts?: ReadOptions): T;
  /** Writes the struct at `offset`; throws EncodeError for a value its field cannot hold. */
  encode(value: T, view: DataView, offset?: number): void;
}

/** Decodes a struct from the start of a byte array. */
export function decodeBytes<T>(codec: StructCodec<T>, bytes: Uint8Array, opts?: ReadOptions): T {
  return codec.decode(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, opts);
}

/** Encodes a struct into a new zeroed byte array of its size. */
export function encodeBytes<T>(codec: StructCodec<T>, value: T): Uint8Array {
  const bytes = new Uint8Array(codec.size);
  codec.encode(value, new DataView(bytes.buffer), 0);
  return bytes;
}

/** Every codec of one schema: per version, per struct, per page size. */
export interface SchemaCodecs {
  readonly schema: string;
  /** The component whose compatible string versions these layouts, if any. */
  readonly component?: string;
  /** The integer member that tells apart versions storing the same string (pci_ser.version): where it is in the struct. */
  readonly versionMember?: { readonly struct: string; readonly member: string; readonly offset: number; readonly size: number };
  readonly current: string;
  readonly versions: readonly VersionCodecs[];
}

export interface VersionCodecs {
  readonly id: string;
  /** The string this version stores (the composite for a composite version). */
  readonly compatible?: string;
  /** The number this version stores in the schema's versionMember, when versions share a string. */
  readonly number?: number;
  readonly structs: Readonly<Record<string, Readonly<Record<PageSize, StructCodec<unknown>>>>>;
}

/** The same codec relabelled for another version whose layout is identical. */
export function withVersion<T>(codec: StructCodec<T>, version: string): StructCodec<T> {
  return { ...codec, version };
}

/** One codec for every page size: the struct does not depend on it. */
export function allPages<T>(codec: StructCodec<T>): Readonly<Record<PageSize, StructCodec<T>>> {
  return { 4096: codec, 16384: codec, 65536: codec };
}
