/**
 * Shared checks and conversions for generated codecs. The codecs inline the
 * hot reads and writes themselves; what is here runs once per struct or on
 * the error path only.
 */
import { DecodeError, EncodeError } from './errors.js';
import { quote } from './quote.js';
import { acceptedAnomaly, type ReadOptions } from './warnings.js';

export const TWO_POW_32 = 4294967296;

/** Member offsets of a struct in order, for naming the member a short buffer cuts. */
export type FieldTable = readonly (readonly [offset: number, name: string])[];

function fieldAt(fields: FieldTable, rel: number): string | undefined {
  let name: string | undefined;
  for (const [at, n] of fields) if (at <= rel) name = n;
  return name;
}

/**
 * A little-endian unsigned member of 1, 2, 4 or 8 bytes as a number, for
 * members a walker compares with small values (a magic, a format version, a
 * type, an entry size): a u64 above 2^53 rounds, and can then equal none of
 * them.
 */
export function readUnsigned(view: DataView, offset: number, size: number): number {
  switch (size) {
    case 1:
      return view.getUint8(offset);
    case 2:
      return view.getUint16(offset, true);
    case 4:
      return view.getUint32(offset, true);
    case 8:
      return Number(view.getBigUint64(offset, true));
    default:
      throw new TypeError(`a ${size}-byte member is not an unsigned integer of 1, 2, 4 or 8 bytes`);
  }
}

/** Writes an unsigned member of 1, 2, 4 or 8 bytes, little-endian. */
export function writeUnsigned(view: DataView, offset: number, size: number, value: number | bigint): void {
  switch (size) {
    case 1:
      return view.setUint8(offset, Number(value));
    case 2:
      return view.setUint16(offset, Number(value), true);
    case 4:
      return view.setUint32(offset, Number(value), true);
    case 8:
      return view.setBigUint64(offset, BigInt(value), true);
    default:
      throw new TypeError(`a ${size}-byte member is not an unsigned integer of 1, 2, 4 or 8 bytes`);
  }
}

/** Throws DecodeError unless `size` bytes from `offset` lie inside the view, naming the first member cut off. */
export function checkBounds(view: DataView, offset: number, size: number, struct: string, fields: FieldTable): void {
  if (Number.isInteger(offset) && offset >= 0 && offset + size <= view.byteLength) return;
  const available = Math.max(0, view.byteLength - Math.max(0, offset));
  const field = fieldAt(fields, available);
  throw new DecodeError(
    { struct, ...(field ? { field } : {}), offset: Math.max(0, offset) + Math.min(available, size) },
    `truncated: needs ${size} bytes at offset ${offset}, only ${available} available`,
  );
}

/**
 * The number of elements of a flexible array that runs to the end of a
 * linker section (liveupdate_ver_table.versions): the view is the section.
 * A section that ends inside an element is refused, as the userspace reader
 * of .liveupdate_versions refuses a size that is not the header plus whole
 * strings (prati0100/luo_section_parser list_versions.c, main).
 */
export function sectionEntries(view: DataView, offset: number, elemSize: number, struct: string, field: string): number {
  const rest = view.byteLength - offset;
  if (!Number.isInteger(offset) || offset < 0 || rest < 0) throw new DecodeError({ struct, field, offset: Math.max(0, Math.min(offset, view.byteLength)) }, `truncated: the section ends at ${view.byteLength}, before the array at offset ${offset}`);
  if (rest % elemSize !== 0) throw new DecodeError({ struct, field, offset: view.byteLength - (rest % elemSize) }, `the section's ${rest} bytes after offset ${offset} are not whole ${elemSize}-byte entries`);
  return rest / elemSize;
}

/** Throws EncodeError unless the struct fits in the view at `offset`. */
export function checkRoom(view: DataView, offset: number, size: number, struct: string): void {
  if (Number.isInteger(offset) && offset >= 0 && offset + size <= view.byteLength) return;
  throw new EncodeError({ struct, offset }, `needs ${size} bytes at offset ${offset}, the buffer has ${view.byteLength}`);
}

/** The object handed to an encoder must be an object. */
export function checkObject(value: unknown, struct: string, offset: number): void {
  if (value === null || typeof value !== 'object') throw new EncodeError({ struct, offset }, `expected an object, got ${value === null ? 'null' : typeof value}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** A NUL-padded string in a fixed char array; refuses one with no NUL, as the kernel's bounded compares would misread it. */
/**
 * The bytes of a char array in the view. A Uint8Array over the view's
 * buffer would reach past the view's end without a word when the view is
 * part of a larger buffer: a short view is a RangeError here, as a DataView
 * getter's would be, and the decoder locates it.
 */
function stringBytes(view: DataView, offset: number, size: number): Uint8Array {
  if (offset < 0 || offset + size > view.byteLength) throw new RangeError(`bytes ${offset}..${offset + size} are outside the ${view.byteLength}-byte view`);
  return new Uint8Array(view.buffer, view.byteOffset + offset, size);
}

/**
 * The strings in these structs are short ASCII names (compatible strings,
 * handler names) that repeat from one entry to the next. Reading one through
 * TextDecoder costs a typed array, a subarray and a call into the runtime
 * per entry, more than the rest of the struct; so an ASCII string is read
 * byte by byte and handed out from a small table of the strings read last,
 * which is the same value as decoding it afresh.
 */
const RECENT_STRINGS = 64;
const recentStrings: string[] = new Array<string>(RECENT_STRINGS).fill('');
const charCodes: number[] = [];

/** The string before the first NUL when a NUL is in the array and every byte before it is ASCII; otherwise undefined (the caller decodes UTF-8 or reports the missing NUL). */
function asciiBeforeNul(view: DataView, offset: number, size: number): string | undefined {
  let hash = 0;
  let n = 0;
  for (; n < size; n++) {
    const c = view.getUint8(offset + n);
    if (c === 0) break;
    if (c > 0x7f) return undefined;
    hash = (hash * 31 + c) | 0;
  }
  if (n === size) return undefined;
  const slot = (hash ^ n) & (RECENT_STRINGS - 1);
  const known = recentStrings[slot]!;
  if (known.length === n) {
    let i = 0;
    while (i < n && known.charCodeAt(i) === view.getUint8(offset + i)) i++;
    if (i === n) return known;
  }
  charCodes.length = n;
  for (let i = 0; i < n; i++) charCodes[i] = view.getUint8(offset + i);
  const s = String.fromCharCode.apply(null, charCodes);
  recentStrings[slot] = s;
  return s;
}

/** Writes an ASCII string without NUL and its NUL padding in place; false, writing nothing, for any other string (the caller encodes UTF-8 or refuses it). */
function writeAscii(view: DataView, offset: number, size: number, value: string): boolean {
  const n = value.length;
  if (n >= size) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c > 0x7f) return false;
  }
  for (let i = 0; i < n; i++) view.setUint8(offset + i, value.charCodeAt(i));
  for (let i = n; i < size; i++) view.setUint8(offset + i, 0);
  return true;
}

export function readCString(view: DataView, offset: number, size: number, struct: string, field: string): string {
  const bytes = stringBytes(view, offset, size);
  const ascii = asciiBeforeNul(view, offset, size);
  if (ascii !== undefined) return ascii;
  const nul = bytes.indexOf(0);
  if (nul < 0) throw new DecodeError({ struct, field, offset }, `no NUL terminator in the ${size}-byte string`);
  try {
    return utf8.decode(bytes.subarray(0, nul));
  } catch {
    throw new DecodeError({ struct, field, offset }, 'string is not valid UTF-8');
  }
}

/**
 * A NUL-padded string the kernel copies with strscpy: without a NUL in the
 * array it keeps the first size - 1 bytes. Read the same way, with a warning
 * (an error with opts.strict); bytes that are not UTF-8 are still refused.
 */
export function readCStringTruncating(view: DataView, offset: number, size: number, struct: string, field: string, opts: ReadOptions | undefined, kernel: string): string {
  const bytes = stringBytes(view, offset, size);
  const ascii = asciiBeforeNul(view, offset, size);
  if (ascii !== undefined) return ascii;
  let nul = bytes.indexOf(0);
  if (nul < 0) {
    acceptedAnomaly(opts, 'unterminated-string', new DecodeError({ struct, field, offset }, `no NUL terminator in the ${size}-byte string; read as its first ${size - 1} bytes, as strscpy copies it`), kernel);
    nul = size - 1;
  }
  try {
    return utf8.decode(bytes.subarray(0, nul));
  } catch {
    throw new DecodeError({ struct, field, offset }, 'string is not valid UTF-8');
  }
}

/**
 * A NUL-padded string whose reader compares only up to its NUL (strcmp,
 * strncmp): bytes after the NUL that are not 0 are read past with a warning
 * (an error with opts.strict); no NUL at all is refused, as the compare
 * would run off the array.
 */
export function readCStringPadded(view: DataView, offset: number, size: number, struct: string, field: string, opts: ReadOptions | undefined, kernel: string): string {
  if (opts === undefined || !(opts.strict || opts.warnings)) {
    if (offset < 0 || offset + size > view.byteLength) throw new RangeError(`bytes ${offset}..${offset + size} are outside the ${view.byteLength}-byte view`);
    const ascii = asciiBeforeNul(view, offset, size);
    if (ascii !== undefined) return ascii;
  }
  const bytes = stringBytes(view, offset, size);
  const nul = bytes.indexOf(0);
  if (nul < 0) throw new DecodeError({ struct, field, offset }, `no NUL terminator in the ${size}-byte string`);
  // The padding matters only to a caller who listens for warnings or is strict: the value is the same either way.
  if (opts !== undefined && (opts.strict || opts.warnings)) for (let i = nul + 1; i < size; i++) {
    if (bytes[i] !== 0) {
      acceptedAnomaly(opts, 'string-padding', new DecodeError({ struct, field, offset: offset + i }, `byte 0x${bytes[i]!.toString(16).padStart(2, '0')} after the NUL of the string; a writer pads with 0`), kernel);
      break;
    }
  }
  try {
    return utf8.decode(bytes.subarray(0, nul));
  } catch {
    throw new DecodeError({ struct, field, offset }, 'string is not valid UTF-8');
  }
}

export function writeCString(view: DataView, offset: number, size: number, value: unknown, struct: string, field: string): void {
  if (typeof value === 'string' && offset >= 0 && offset + size <= view.byteLength && writeAscii(view, offset, size, value)) return;
  if (typeof value !== 'string') throw new EncodeError({ struct, field, offset }, `expected a string, got ${typeof value}`);
  // A lone surrogate would be stored as U+FFFD and read back as something else.
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) throw new EncodeError({ struct, field, offset }, 'string has a lone UTF-16 surrogate, which UTF-8 cannot hold');
  if (value.includes('\0')) throw new EncodeError({ struct, field, offset }, 'string contains a NUL byte');
  // Encode in place into all but the last byte, which is always the NUL; a string that does not fit is not fully read.
  if (offset < 0 || offset + size > view.byteLength) throw new RangeError(`bytes ${offset}..${offset + size} are outside the ${view.byteLength}-byte view`);
  const target = new Uint8Array(view.buffer, view.byteOffset + offset, size - 1);
  const { read, written } = encoder.encodeInto(value, target);
  if (read !== value.length) {
    throw new EncodeError({ struct, field, offset }, `string of ${encoder.encode(value).length} bytes does not fit in ${size} bytes with its NUL`);
  }
  target.fill(0, written);
  view.setUint8(offset + size - 1, 0);
}

/** An unsigned integer field of at most 53 bits, held as a number. */
export function checkUint(value: unknown, bits: number, struct: string, field: string, offset: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2 ** bits - 1) {
    throw new EncodeError({ struct, field, offset }, `${describe(value)} is not an integer in 0..${2 ** bits - 1} (${bits} bits)`);
  }
  return value;
}

/** A u64 the schema holds as a number (as_number): an integer in 0..max, the most the kernel gives it. */
export function checkNumberMax(value: unknown, max: number, struct: string, field: string, offset: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new EncodeError({ struct, field, offset }, `${describe(value)} is not an integer in 0..${max} (a u64 the kernel keeps within ${max})`);
  }
  return value;
}

/**
 * A u64 held as a number (as_number) stores more than the kernel ever gives
 * it: refused, as no number would hold it exactly. The message names the
 * stored value exactly, read again as a bigint.
 */
/** Kept for code generated before beyondBound: the refusal of a value above the bound. */
export function beyondNumber(view: DataView, offset: number, max: number, struct: string, field: string, by: string): DecodeError {
  return new DecodeError({ struct, field, offset }, `is ${view.getBigUint64(offset, true)}, more than ${max}, the most the kernel gives it (${by})`);
}

/**
 * A u64 the codecs hold as a number (as_number) stored above `max`, the most
 * a kernel writes (`by`). The restore paths read such a value on (nothing in
 * memfd_luo_retrieve_folios, say, tests an index), so it is accepted with a
 * warning, refused in strict mode, as long as a number holds it exactly:
 * above 2^53 - 1 it is refused, a limit of this reader and not the kernel's.
 */
export function beyondBound(view: DataView, offset: number, max: number, struct: string, field: string, by: string, opts: ReadOptions | undefined): number {
  const value = view.getBigUint64(offset, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DecodeError({ struct, field, offset }, `is ${value}, more than 2^53 - 1, which kho-abi cannot hold exactly as the number it reads ${field} as (no kernel writes more than ${max}: ${by})`);
  }
  acceptedAnomaly(opts, 'beyond-bound', new DecodeError({ struct, field, offset }, `is ${value}, more than ${max}, the most a kernel writes`), by);
  return Number(value);
}

export function checkInt(value: unknown, bits: number, struct: string, field: string, offset: number): number {
  const lo = -(2 ** (bits - 1));
  const hi = 2 ** (bits - 1) - 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    throw new EncodeError({ struct, field, offset }, `${describe(value)} is not an integer in ${lo}..${hi} (${bits} bits, signed)`);
  }
  return value;
}

export function checkBigUint(value: unknown, bits: number, struct: string, field: string, offset: number): bigint {
  if (typeof value !== 'bigint' || value < 0n || value >= 1n << BigInt(bits)) {
    throw new EncodeError({ struct, field, offset }, `${describe(value)} is not an integer in 0..2^${bits}-1 (a bigint)`);
  }
  return value;
}

export function checkBigInt(value: unknown, bits: number, struct: string, field: string, offset: number): bigint {
  const half = 1n << BigInt(bits - 1);
  if (typeof value !== 'bigint' || value < -half || value >= half) {
    throw new EncodeError({ struct, field, offset }, `${describe(value)} is not an integer in -2^${bits - 1}..2^${bits - 1}-1 (a bigint)`);
  }
  return value;
}

export function checkArray(value: unknown, count: number, struct: string, field: string, offset: number): readonly unknown[] {
  if (!Array.isArray(value) || value.length !== count) {
    throw new EncodeError({ struct, field, offset }, `expected an array of ${count} elements, got ${Array.isArray(value) ? `${value.length}` : describe(value)}`);
  }
  return value;
}

/** Refuses set bits the schema does not declare, where the kernel refuses them too. */
export function undeclaredBits(value: number | bigint, allowed: number | bigint, struct: string, field: string, offset: number): DecodeError {
  const extra = typeof value === 'bigint' ? value & ~BigInt(allowed) : Number(BigInt(value) & ~BigInt(allowed));
  return new DecodeError({ struct, field, offset }, `undeclared bits 0x${extra.toString(16)} set (allowed: 0x${allowed.toString(16)})`);
}

/** Bits outside `allowed` that the kernel ignores: a warning, or with strict a DecodeError. Out of line, so decoders stay small. */
export function ignoredBits(opts: ReadOptions | undefined, value: number | bigint, allowed: number | bigint, struct: string, field: string, offset: number, kernel: string): void {
  acceptedAnomaly(opts, 'undeclared-bits', undeclaredBits(value, allowed, struct, field, offset), kernel);
}

/** A member that must hold one value (a format version) holds another. */
export function unexpectedValue(value: number | bigint, expected: number | bigint, struct: string, field: string, offset: number): DecodeError {
  return new DecodeError({ struct, field, offset }, `is ${value}, but a reader accepts only ${expected}`);
}

/** A count exceeds the capacity an earlier member gives (nr_devices > max_nr_devices): the array does not hold that many. */
export function exceedsBound(value: number | bigint, bound: number | bigint, struct: string, field: string, boundField: string, offset: number): DecodeError {
  return new DecodeError({ struct, field, offset }, `is ${value}, more than ${boundField} (${bound}): the array holds only ${bound} entries`);
}

export function exceedsBoundOnEncode(value: number | bigint, bound: number | bigint, struct: string, field: string, boundField: string, offset: number): EncodeError {
  return new EncodeError({ struct, field, offset }, `is ${value}, more than ${boundField} (${bound}): the array holds only ${bound} entries`);
}

export function unexpectedValueOnEncode(value: number | bigint, expected: number | bigint, struct: string, field: string, offset: number): EncodeError {
  return new EncodeError({ struct, field, offset }, `is ${value}, but a reader accepts only ${expected}`);
}

export function undeclaredBitsOnEncode(value: number | bigint, allowed: number | bigint, struct: string, field: string, offset: number): EncodeError {
  const extra = BigInt(value) & ~BigInt(allowed);
  return new EncodeError({ struct, field, offset }, `undeclared bits 0x${extra.toString(16)} set (allowed: 0x${allowed.toString(16)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value} (bigint)`;
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/**
 * The error a generated decoder throws for whatever stopped it: a buffer too
 * short for the struct as the located truncation (DataView's RangeError, or a
 * nested decoder's), any other DecodeError as it is.
 */
export function decodeFailure(e: unknown, view: DataView, offset: number, size: number, struct: string, fields: FieldTable): unknown {
  // A short buffer is reported at the outermost struct it cuts, even when a nested decoder noticed first.
  try {
    checkBounds(view, offset, size, struct, fields);
  } catch (located) {
    return located;
  }
  return e;
}

/** The same for encoders: a non-object value, or a buffer too small, becomes a located EncodeError. */
export function encodeFailure(e: unknown, value: unknown, view: DataView, offset: number, size: number, struct: string): unknown {
  try {
    checkObject(value, struct, offset);
  } catch (located) {
    return located;
  }
  if (e instanceof EncodeError) return e;
  try {
    checkRoom(view, offset, size, struct);
  } catch (located) {
    return located;
  }
  return e;
}
