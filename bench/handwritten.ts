/**
 * The hand-written baselines: DataView code as a careful person would write
 * it for these two structs, without a generator, in two kinds: every u64 a
 * bigint (exact, as the generated code was before as_number), and every
 * member a number (what a hand-written JavaScript codec usually does; for a
 * u64 the kernel does not bound, such as luo_file_ser.token, it is lossy
 * above 2^53). The generated codecs must be at least as fast as the
 * all-number ones.
 */

/** memfd_luo_folio_ser with index as a bigint. */
export interface Folio {
  pfn: number;
  flags: number;
  index: bigint;
}

/** memfd_luo_folio_ser with every member a number. */
export interface FolioNumber {
  pfn: number;
  flags: number;
  index: number;
}

export function decodeFolioNumber(view: DataView, off: number): FolioNumber {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return { pfn: lo + (hi & 0xfffff) * 4294967296, flags: hi >>> 20, index: view.getUint32(off + 12, true) * 4294967296 + view.getUint32(off + 8, true) };
}

export function encodeFolioNumber(f: FolioNumber, view: DataView, off: number): void {
  view.setUint32(off, f.pfn >>> 0, true);
  view.setUint32(off + 4, ((Math.floor(f.pfn / 4294967296) & 0xfffff) | (f.flags << 20)) >>> 0, true);
  view.setUint32(off + 8, f.index >>> 0, true);
  view.setUint32(off + 12, Math.floor(f.index / 4294967296), true);
}

export function decodeFolio(view: DataView, off: number): Folio {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  return { pfn: lo + (hi & 0xfffff) * 4294967296, flags: hi >>> 20, index: view.getBigUint64(off + 8, true) };
}

export function encodeFolio(f: Folio, view: DataView, off: number): void {
  view.setUint32(off, f.pfn >>> 0, true);
  view.setUint32(off + 4, ((Math.floor(f.pfn / 4294967296) & 0xfffff) | (f.flags << 20)) >>> 0, true);
  view.setBigUint64(off + 8, f.index, true);
}

export interface FileSer {
  compatible: string;
  data: bigint;
  token: bigint;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** luo_file_ser with data and token as numbers: lossy above 2^53, which the kernel does not rule out. */
export interface FileSerNumber {
  compatible: string;
  data: number;
  token: number;
}

export function decodeFileSerNumber(view: DataView, off: number): FileSerNumber {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const nul = bytes.indexOf(0);
  return {
    compatible: utf8.decode(bytes.subarray(0, nul < 0 ? 48 : nul)),
    data: view.getUint32(off + 52, true) * 4294967296 + view.getUint32(off + 48, true),
    token: view.getUint32(off + 60, true) * 4294967296 + view.getUint32(off + 56, true),
  };
}

export function encodeFileSerNumber(f: FileSerNumber, view: DataView, off: number): void {
  const target = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const n = encoder.encodeInto(f.compatible, target).written;
  target.fill(0, n);
  view.setUint32(off + 48, f.data >>> 0, true);
  view.setUint32(off + 52, Math.floor(f.data / 4294967296), true);
  view.setUint32(off + 56, f.token >>> 0, true);
  view.setUint32(off + 60, Math.floor(f.token / 4294967296), true);
}

export function decodeFileSer(view: DataView, off: number): FileSer {
  const bytes = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const nul = bytes.indexOf(0);
  return { compatible: utf8.decode(bytes.subarray(0, nul < 0 ? 48 : nul)), data: view.getBigUint64(off + 48, true), token: view.getBigUint64(off + 56, true) };
}

export function encodeFileSer(f: FileSer, view: DataView, off: number): void {
  const target = new Uint8Array(view.buffer, view.byteOffset + off, 48);
  const n = encoder.encodeInto(f.compatible, target).written;
  target.fill(0, n);
  view.setBigUint64(off + 48, f.data, true);
  view.setBigUint64(off + 56, f.token, true);
}

/** A reused view, moved along an array by its offset. */
export class FolioView {
  constructor(
    public view: DataView,
    public offset = 0,
  ) {}
  get pfn(): number {
    return this.view.getUint32(this.offset, true) + (this.view.getUint32(this.offset + 4, true) & 0xfffff) * 4294967296;
  }
  get index(): number {
    return this.view.getUint32(this.offset + 12, true) * 4294967296 + this.view.getUint32(this.offset + 8, true);
  }
  /** A setter as one writes it by hand: the range check and two 32-bit words, keeping the flags. */
  set pfn(v: number) {
    if (!(v >= 0 && v <= 4503599627370495 && Number.isInteger(v))) throw new RangeError('pfn out of range');
    this.view.setUint32(this.offset, v % 4294967296, true);
    this.view.setUint32(this.offset + 4, (this.view.getUint32(this.offset + 4, true) & 0xfff00000) | Math.floor(v / 4294967296), true);
  }
  set index(v: number) {
    if (!(v >= 0 && v <= 0x7ffffffffffff && Number.isInteger(v))) throw new RangeError('index out of range');
    this.view.setUint32(this.offset + 8, v >>> 0, true);
    this.view.setUint32(this.offset + 12, Math.floor(v / 4294967296), true);
  }
}

/*
 * The same, with the checks the ABI requires of any writer or reader that
 * does not trust its input: the fields' ranges and the declared flag bits.
 * This is what the generated code does; it shows what those checks cost.
 */

export function decodeFolioChecked(view: DataView, off: number): FolioNumber {
  const lo = view.getUint32(off, true);
  const hi = view.getUint32(off + 4, true);
  const flags = hi >>> 20;
  if (flags > 3) throw new RangeError('undeclared folio flags');
  const index = view.getUint32(off + 12, true) * 4294967296 + view.getUint32(off + 8, true);
  if (index > 0x7ffffffffffff) throw new RangeError('index beyond the largest file (the generated decode warns, or refuses above 2^53 - 1)');
  return { pfn: lo + (hi & 0xfffff) * 4294967296, flags, index };
}

export function encodeFolioChecked(f: FolioNumber, view: DataView, off: number): void {
  const { pfn, flags, index } = f;
  if (!(pfn >= 0 && pfn <= 0xfffffffffffff && Number.isInteger(pfn))) throw new RangeError('pfn');
  if (typeof flags !== 'number' || (flags >>> 0) !== flags || flags > 3) throw new RangeError('flags');
  if (!(index >= 0 && index <= Number.MAX_SAFE_INTEGER && Number.isInteger(index))) throw new RangeError('index');
  view.setUint32(off, pfn >>> 0, true);
  view.setUint32(off + 4, ((Math.floor(pfn / 4294967296) & 0xfffff) | (flags << 20)) >>> 0, true);
  view.setUint32(off + 8, index >>> 0, true);
  view.setUint32(off + 12, Math.floor(index / 4294967296), true);
}

export function encodeFileSerChecked(f: FileSer, view: DataView, off: number): void {
  const { compatible, data, token } = f;
  if (typeof compatible !== 'string' || compatible.includes('\0') || !(compatible as string & { isWellFormed(): boolean }).isWellFormed()) throw new RangeError('compatible');
  const target = new Uint8Array(view.buffer, view.byteOffset + off, 47);
  const { read, written } = encoder.encodeInto(compatible, target);
  if (read !== compatible.length) throw new RangeError('compatible too long');
  target.fill(0, written);
  view.setUint8(off + 47, 0);
  if (typeof data !== 'bigint' || BigInt.asUintN(64, data) !== data) throw new RangeError('data');
  if (typeof token !== 'bigint' || BigInt.asUintN(64, token) !== token) throw new RangeError('token');
  view.setBigUint64(off + 48, data, true);
  view.setBigUint64(off + 56, token, true);
}
