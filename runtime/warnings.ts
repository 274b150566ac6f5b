/**
 * What a reader returns beside a value when the data holds something the
 * kernel's restore path accepts but kho-abi would otherwise refuse: unknown
 * flag bits the kernel never tests, a name without its NUL that strscpy
 * truncates, bytes after the NUL of a compatible string. The default is to
 * read as the kernel does and say so; `strict` refuses instead.
 */
import { DecodeError } from './errors.js';

export interface ReadWarning {
  /** What kind of anomaly: undeclared-bits, unterminated-string, compat-padding, ... */
  readonly code: string;
  readonly struct: string;
  readonly field?: string;
  /** Byte offset in the buffer handed to the reader. */
  readonly offset: number;
  /** Physical address, when the bytes came from physical memory. */
  readonly address?: bigint;
  readonly message: string;
  /** The kernel function (and file) that reads this value and accepts the anomaly; '' when the kernel refuses it and the warning is about the value alone. */
  readonly kernel: string;
}

export interface ReadOptions {
  /** Refuse what the kernel accepts but a careful reader would not: every warning becomes a DecodeError. */
  readonly strict?: boolean;
  /** Where warnings go; without it they are dropped (the value is still read as the kernel reads it). */
  readonly warnings?: ReadWarning[];
}

/**
 * An anomaly the kernel accepts: a warning, or with `strict` the DecodeError
 * `error` (which says what is wrong and where) with the kernel's behaviour added.
 */
export function acceptedAnomaly(opts: ReadOptions | undefined, code: string, error: DecodeError, kernel: string): void {
  if (opts?.strict) {
    throw new DecodeError(
      { struct: error.struct, ...(error.field !== undefined ? { field: error.field } : {}), offset: error.offset, ...(error.address !== undefined ? { address: error.address } : {}) },
      `${error.reason} (the kernel accepts this in ${kernel}; refused in strict mode)`,
    );
  }
  opts?.warnings?.push({
    code,
    struct: error.struct,
    ...(error.field !== undefined ? { field: error.field } : {}),
    offset: error.offset,
    ...(error.address !== undefined ? { address: error.address } : {}),
    message: error.message,
    kernel,
  });
}

/** One line for a person: `memfd_luo_folio_ser.flags at offset 6: undeclared bits 0xf00 set (allowed: 0x3); the kernel ignores this (memfd_luo_retrieve_folios)`. */
export function describeWarning(w: ReadWarning): string {
  return w.kernel ? `${w.message}; the kernel accepts this (${w.kernel})` : w.message;
}
