/**
 * Bitfield extract and insert on a storage unit held as a bigint, with the
 * masks as bigints: exact for every width up to 64 bits, where JavaScript's
 * 32-bit signed bit operators would silently drop or sign-extend bits.
 * Bits are numbered from the least significant, as GCC does on the kernel's
 * little-endian targets.
 */

function checkGeometry(lsb: number, width: number, unitBits: number): void {
  if (!Number.isInteger(lsb) || !Number.isInteger(width) || lsb < 0 || width < 1 || lsb + width > unitBits) {
    throw new RangeError(`bits ${lsb}..${lsb + width - 1} do not fit a ${unitBits}-bit storage unit`);
  }
}

/** The mask of `width` bits starting at `lsb`. */
export function bitMask(lsb: number, width: number): bigint {
  return ((1n << BigInt(width)) - 1n) << BigInt(lsb);
}

/** The field's value: bits lsb..lsb+width-1 of `unit`, shifted down. */
export function extractBits(unit: bigint, lsb: number, width: number, unitBits = 64): bigint {
  checkGeometry(lsb, width, unitBits);
  return (BigInt.asUintN(unitBits, unit) >> BigInt(lsb)) & ((1n << BigInt(width)) - 1n);
}

/** `unit` with the field replaced by `value`; refuses a value wider than the field. */
export function insertBits(unit: bigint, lsb: number, width: number, value: bigint, unitBits = 64): bigint {
  checkGeometry(lsb, width, unitBits);
  if (value < 0n || value >> BigInt(width) !== 0n) throw new RangeError(`${value} does not fit in ${width} bits`);
  return (BigInt.asUintN(unitBits, unit) & ~bitMask(lsb, width)) | (value << BigInt(lsb));
}
