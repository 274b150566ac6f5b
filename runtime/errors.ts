/**
 * Typed errors for preserved-state decoding and encoding. Each names the
 * structure, the field and where it was, so a corrupt image can be located:
 * a byte offset inside the buffer and, when known, the physical address.
 */

export interface Location {
  /** C name of the structure being read or written. */
  readonly struct: string;
  /** C name of the member, or undefined when the structure as a whole is at fault. */
  readonly field?: string;
  /** Byte offset of the member in the buffer handed to the codec. */
  readonly offset: number;
  /** Physical address of the member, when the bytes came from physical memory. */
  readonly address?: bigint;
}

/** A physical address as messages print it: 0x1000, and -0x1 (never 0x-1) for a negative one. */
export function formatAddress(address: bigint): string {
  return address < 0n ? `-0x${(-address).toString(16)}` : `0x${address.toString(16)}`;
}

function where(loc: Location): string {
  const name = loc.field ? `${loc.struct}.${loc.field}` : loc.struct;
  const at = loc.address !== undefined ? `physical address ${formatAddress(loc.address)}` : `offset ${loc.offset}`;
  return `${name} at ${at}`;
}

/** The bytes do not hold a valid structure; decoding refused them rather than return a wrong value. */
export class DecodeError extends Error implements Location {
  readonly struct: string;
  readonly field?: string;
  readonly offset: number;
  readonly address?: bigint;
  constructor(loc: Location, readonly reason: string) {
    super(`${where(loc)}: ${reason}`);
    this.name = 'DecodeError';
    this.struct = loc.struct;
    if (loc.field !== undefined) this.field = loc.field;
    this.offset = loc.offset;
    if (loc.address !== undefined) this.address = loc.address;
  }
}

/** A value cannot be stored in its field (out of range, too long, wrong type). */
export class EncodeError extends Error implements Location {
  readonly struct: string;
  readonly field?: string;
  readonly offset: number;
  constructor(loc: Location, readonly reason: string) {
    super(`${where(loc)}: ${reason}`);
    this.name = 'EncodeError';
    this.struct = loc.struct;
    if (loc.field !== undefined) this.field = loc.field;
    this.offset = loc.offset;
  }
}

/** A physical address outside the simulated memory, or a walk that does not terminate. */
export class MemoryError extends Error {
  constructor(readonly address: bigint, readonly reason: string, readonly struct?: string) {
    super(`${struct ? `${struct} at ` : ''}physical address ${formatAddress(address)}: ${reason}`);
    this.name = 'MemoryError';
  }
}

/**
 * The runtime API was called wrongly: a page size that is not 4, 16 or 64
 * KiB, a negative or fractional size, a number where a bigint address is
 * required. A RangeError, so that callers catching those still catch it.
 */
export class ArgumentError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}
