/**
 * Simulated physical memory as an ELF64 core file, the form vmcore and
 * /proc/kcore give a real machine's memory: one PT_LOAD segment per run of
 * present pages, its physical address in p_paddr (and p_vaddr), the bytes
 * at p_offset. Little-endian x86_64, ET_CORE; no notes (a debugger wants
 * them, a reader of preserved memory does not). Written with positional
 * writes, page by page, never as one buffer.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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

/** The ELF header and program headers of a core holding `runs`. */
function headers(runs: readonly [bigint, number][], pageSize: number): { bytes: Uint8Array; dataStart: number } {
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
  let offset = dataStart;
  runs.forEach(([pfn, pages], i) => {
    const at = phoff + i * PHDR_SIZE;
    const pa = pfn * BigInt(pageSize);
    const size = BigInt(pages * pageSize);
    v.setUint32(at, PT_LOAD, true);
    v.setUint32(at + 4, PF_R | PF_W, true);
    v.setBigUint64(at + 8, BigInt(offset), true);
    v.setBigUint64(at + 16, pa, true);
    v.setBigUint64(at + 24, pa, true);
    v.setBigUint64(at + 32, size, true);
    v.setBigUint64(at + 40, size, true);
    v.setBigUint64(at + 48, BigInt(pageSize), true);
    offset += pages * pageSize;
  });
  return { bytes, dataStart };
}

/** Writes the core file at `path` (atomically: a temporary file renamed); returns the segments written. */
export function writeElfCore(path: string, mem: PhysMem): number {
  const runs = presentRuns(mem);
  const { bytes, dataStart } = headers(runs, mem.pageSize);
  const temp = `${path}.kho-abi-tmp-${process.pid}`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, bytes, 0, bytes.length, 0);
    let offset = dataStart;
    for (const [pfn, pages] of runs) {
      for (let i = 0; i < pages; i++) {
        const page = mem.read((pfn + BigInt(i)) * BigInt(mem.pageSize), mem.pageSize);
        writeSync(fd, page, 0, page.length, offset);
        offset += mem.pageSize;
      }
    }
    closeSync(fd);
    renameSync(temp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw e;
  }
  return runs.length;
}
