/**
 * An ELF64 core file written by hand from the ELF-64 object file format
 * (the System V gABI), independent of kho-abi's own image code and of
 * runtime/file-mem.ts: an Elf64_Ehdr, a PT_NOTE (empty) and one PT_LOAD
 * per segment, then the segments' bytes. Little-endian, ET_CORE, x86_64
 * (62) unless told. Only for tests.
 */
import { writeFileSync } from 'node:fs';
import type { PhysMem } from '../../runtime/index.js';

export interface CoreSegment {
  /** Physical address (p_paddr). */
  readonly pa: bigint;
  readonly bytes: Uint8Array;
  /** p_memsz, when above the bytes (a zero tail). */
  readonly memsz?: bigint;
}

export interface CoreOptions {
  readonly machine?: number;
  /** p_vaddr of each segment: a direct map base added to p_paddr, as vmcore writes it. */
  readonly directMap?: bigint;
  /** The order the segments' bytes are laid out in the file (indexes into `segments`); default their order. */
  readonly fileOrder?: readonly number[];
}

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;

/** The ELF bytes of a core holding `segments`. */
export function elfCoreBytes(segments: readonly CoreSegment[], options: CoreOptions = {}): Uint8Array {
  const phnum = segments.length + 1;
  const dataStart = EHDR_SIZE + phnum * PHDR_SIZE;
  const order = options.fileOrder ?? segments.map((_, i) => i);
  const fileOffset = new Map<number, number>();
  let at = dataStart;
  for (const i of order) {
    at = Math.ceil(at / 8) * 8;
    fileOffset.set(i, at);
    at += segments[i]!.bytes.length;
  }
  const out = Buffer.alloc(at);
  // e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_NONE.
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  out.writeUInt16LE(4, 16); // e_type ET_CORE
  out.writeUInt16LE(options.machine ?? 62, 18); // e_machine
  out.writeUInt32LE(1, 20); // e_version
  out.writeBigUInt64LE(0n, 24); // e_entry
  out.writeBigUInt64LE(BigInt(EHDR_SIZE), 32); // e_phoff
  out.writeBigUInt64LE(0n, 40); // e_shoff
  out.writeUInt32LE(0, 48); // e_flags
  out.writeUInt16LE(EHDR_SIZE, 52); // e_ehsize
  out.writeUInt16LE(PHDR_SIZE, 54); // e_phentsize
  out.writeUInt16LE(phnum, 56); // e_phnum
  out.writeUInt16LE(0, 58); // e_shentsize
  out.writeUInt16LE(0, 60); // e_shnum
  out.writeUInt16LE(0, 62); // e_shstrndx
  // PT_NOTE with nothing in it, as a core's first header usually is a note.
  let ph = EHDR_SIZE;
  out.writeUInt32LE(4, ph); // p_type PT_NOTE
  out.writeBigUInt64LE(BigInt(dataStart), ph + 8); // p_offset
  ph += PHDR_SIZE;
  segments.forEach((s, i) => {
    out.writeUInt32LE(1, ph); // p_type PT_LOAD
    out.writeUInt32LE(7, ph + 4); // p_flags RWX
    out.writeBigUInt64LE(BigInt(fileOffset.get(i)!), ph + 8); // p_offset
    out.writeBigUInt64LE(((options.directMap ?? 0xffff888000000000n) + s.pa) & ((1n << 64n) - 1n), ph + 16); // p_vaddr
    out.writeBigUInt64LE(s.pa, ph + 24); // p_paddr
    out.writeBigUInt64LE(BigInt(s.bytes.length), ph + 32); // p_filesz
    out.writeBigUInt64LE(s.memsz ?? BigInt(s.bytes.length), ph + 40); // p_memsz
    out.writeBigUInt64LE(4096n, ph + 48); // p_align
    ph += PHDR_SIZE;
    out.set(s.bytes, fileOffset.get(i)!);
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function writeElfCore(path: string, segments: readonly CoreSegment[], options: CoreOptions = {}): void {
  writeFileSync(path, elfCoreBytes(segments, options));
}

/** The present pages of `mem` as segments, contiguous pages as one; `skip` leaves pages out (a page missing from the dump). */
export function segmentsOf(mem: PhysMem, skip: (pfn: bigint) => boolean = () => false): CoreSegment[] {
  const ps = BigInt(mem.pageSize);
  const runs: [bigint, number][] = [];
  for (const pfn of mem.presentPfns()) {
    if (skip(pfn)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + BigInt(last[1]) === pfn) last[1]++;
    else runs.push([pfn, 1]);
  }
  return runs.map(([pfn, n]) => ({ pa: pfn * ps, bytes: mem.read(pfn * ps, n * mem.pageSize) }));
}
