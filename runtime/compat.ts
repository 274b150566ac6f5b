/**
 * The kernel's rules for compatible strings (kernel-abi.md section 4), in one
 * place for the generator, the runtime and the generated checks:
 * a composite is `base` followed by `;sub` parts, the parts in strictly
 * increasing strcmp order, stored in length + NUL rounded up to 8 bytes.
 */

export const COMPAT_SEPARATOR = ';';
export const COMPAT_ALIGN = 8;

const encoder = new TextEncoder();

/** strcmp order: unsigned bytes, shorter prefix first. */
export function compareCompat(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Bytes a string needs in a fixed char array: its UTF-8 length plus the NUL. */
export function storedLength(s: string): number {
  return encoder.encode(s).length + 1;
}

/** KHO_COMPAT_ALIGN: the storage a compatible string takes, rounded up to 8. */
export function compatStorageSize(s: string): number {
  return Math.ceil(storedLength(s) / COMPAT_ALIGN) * COMPAT_ALIGN;
}

export class CompatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompatError';
  }
}

/** Checks one component string: non-empty, no separator, printable ASCII. */
export function checkCompatPart(part: string, what = 'compatible string'): void {
  if (part.length === 0) throw new CompatError(`${what} is empty`);
  if (part.includes(COMPAT_SEPARATOR)) throw new CompatError(`${what} '${part}' contains the separator '${COMPAT_SEPARATOR}'`);
  if (!/^[\x21-\x7e]+$/.test(part)) throw new CompatError(`${what} '${part}' contains a character outside printable ASCII`);
}

/**
 * Builds a composite from its base and sub-components; refuses empty parts
 * and sub-components out of strcmp order or repeated, as the kernel's KUnit
 * test does. When `fieldSize` is given the aligned size must fit in it.
 */
export function composeCompat(base: string, subs: readonly string[], fieldSize?: number): string {
  checkCompatPart(base, 'base');
  subs.forEach((s, i) => checkCompatPart(s, `sub-component ${i + 1}`));
  for (let i = 1; i < subs.length; i++) {
    const order = compareCompat(subs[i - 1]!, subs[i]!);
    if (order === 0) throw new CompatError(`sub-component '${subs[i]}' appears twice`);
    if (order > 0) throw new CompatError(`sub-component '${subs[i]}' must come before '${subs[i - 1]}' (strictly increasing strcmp order)`);
  }
  const composite = [base, ...subs].join(COMPAT_SEPARATOR);
  if (fieldSize !== undefined && compatStorageSize(composite) > fieldSize) {
    throw new CompatError(`'${composite}' needs ${compatStorageSize(composite)} bytes but its field holds ${fieldSize}`);
  }
  return composite;
}
