/**
 * Simulated physical memory as an ELF64 core file, the form vmcore and
 * /proc/kcore give a real machine's memory: one PT_LOAD segment per run of
 * present pages, its physical address in p_paddr (and p_vaddr), the bytes
 * at p_offset. Little-endian x86_64, ET_CORE; no notes (a debugger wants
 * them, a reader of preserved memory does not). Written with positional
 * writes, page by page, never as one buffer.
 */
import { fstatSync, ftruncateSync, writeSync } from 'node:fs';
import { writeFileAtomically } from '../runtime/atomic-file.js';
import type { PhysMem } from '../runtime/phys-mem.js';

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const PT_LOAD = 1;
const ET_CORE = 4;
const EM_X86_64 = 62;
const PF_R = 4;
const PF_W = 2;

/** Runs of consecutive present pages: [first pfn, page count]. */
export function presentRuns(mem: PhysMem): [bigint, number][] {
  const runs: [bigint, number][] = [];
  for (const pfn of mem.presentPfns()) {
    const last = runs[runs.length - 1];
    if (last && last[0] + BigInt(last[1]) === pfn) last[1]++;
    else runs.push([pfn, 1]);
  }
  return runs;
}

export interface ElfCoreOptions {
  /**
   * Place each segment below this physical address at file offset
   * (data start + address), as a vmcore of a large machine lays memory
   * out, so that the file is as large as that memory and sparse (its holes
   * take no disk); segments above follow it packed. Default 0: all packed.
   */
  readonly sparseBelow?: bigint;
}

/** Where each run's bytes go in the file. */
function offsets(runs: readonly [bigint, number][], pageSize: number, dataStart: number, sparseBelow: bigint): number[] {
  let packed = dataStart + Number(sparseBelow);
  return runs.map(([pfn, pages]) => {
    const pa = pfn * BigInt(pageSize);
    if (pa + BigInt(pages * pageSize) <= sparseBelow) return dataStart + Number(pa);
    const at = packed;
    packed += pages * pageSize;
    return at;
  });
}

/** The ELF header and program headers of a core holding `runs`. */
function headers(runs: readonly [bigint, number][], pageSize: number, sparseBelow: bigint): { bytes: Uint8Array; dataStart: number; at: number[] } {
  const phoff = EHDR_SIZE;
  const dataStart = Math.ceil((phoff + runs.length * PHDR_SIZE) / pageSize) * pageSize;
  const bytes = new Uint8Array(phoff + runs.length * PHDR_SIZE);
  const v = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2 /* ELFCLASS64 */, 1 /* little-endian */, 1 /* EV_CURRENT */], 0);
  v.setUint16(16, ET_CORE, true);
  v.setUint16(18, EM_X86_64, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(32, BigInt(phoff), true);
  v.setUint16(52, EHDR_SIZE, true);
  v.setUint16(54, PHDR_SIZE, true);
  v.setUint16(56, runs.length, true);
  const at = offsets(runs, pageSize, dataStart, sparseBelow);
  runs.forEach(([pfn, pages], i) => {
    const offset = at[i]!;
    const ph = phoff + i * PHDR_SIZE;
    const pa = pfn * BigInt(pageSize);
    const size = BigInt(pages * pageSize);
    v.setUint32(ph, PT_LOAD, true);
    v.setUint32(ph + 4, PF_R | PF_W, true);
    v.setBigUint64(ph + 8, BigInt(offset), true);
    v.setBigUint64(ph + 16, pa, true);
    v.setBigUint64(ph + 24, pa, true);
    v.setBigUint64(ph + 32, size, true);
    v.setBigUint64(ph + 40, size, true);
    v.setBigUint64(ph + 48, BigInt(pageSize), true);
  });
  return { bytes, dataStart, at };
}

/** Writes the core file at `path` (atomically: a temporary file renamed); returns the segments written. */
export function writeElfCore(path: string, mem: PhysMem, options: ElfCoreOptions = {}): number {
  const runs = presentRuns(mem);
  // e_phnum is 16 bits; more segments need PN_XNUM and a section header, which this writer does not write.
  if (runs.length >= 0xffff) throw new RangeError(`${runs.length} runs of pages: more PT_LOAD segments than an ELF header counts without PN_XNUM`);
  const { bytes, at } = headers(runs, mem.pageSize, options.sparseBelow ?? 0n);
  writeFileAtomically(path, (fd) => {
    writeSync(fd, bytes, 0, bytes.length, 0);
    for (const [r, [pfn, pages]] of runs.entries()) {
      let offset = at[r]!;
      for (let i = 0; i < pages; i++) {
        const page = mem.read((pfn + BigInt(i)) * BigInt(mem.pageSize), mem.pageSize);
        writeSync(fd, page, 0, page.length, offset);
        offset += mem.pageSize;
      }
    }
    // The whole span is in the file, its unwritten parts holes, as in a vmcore of a machine that size.
    const span = bytes.length === 0 ? 0 : Math.ceil((EHDR_SIZE + runs.length * PHDR_SIZE) / mem.pageSize) * mem.pageSize + Number(options.sparseBelow ?? 0n);
    if (span > fstatSync(fd).size) ftruncateSync(fd, span);
  });
  return runs.length;
}
