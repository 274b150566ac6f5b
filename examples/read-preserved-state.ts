/**
 * What a tool reading preserved LUO state does, end to end, on a simulated
 * physical memory: the outgoing kernel's side writes the KHO root FDT, its
 * radix-tree memory map, a luo_ser blob, a chain of sessions, each
 * session's chain of files and one memfd with its folios behind a
 * kho_vmalloc; the reading side walks it all back from the FDT, checking
 * every compatible string and dispatching on the memfd version.
 *
 * Run it: npx tsx examples/read-preserved-state.ts
 */
import { luoFileSerCodec, luoSerCodec, luoSessionSerCodec, LUO_ABI_COMPATIBLE, verifyLuoCompatible, type LuoFileSer, LUO_SESSION_SER_REFS } from '../generated/ts/luo.js';
import { MEMFD_LUO_FH_COMPATIBLE, memfdLuoFolioSerCodec, memfdLuoSerCodec, memfdVersionFor, type MemfdLuoSer } from '../generated/ts/memfd.js';
import { KHO_FDT_COMPATIBLE, verifyKhoCompatible, KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';
import {
  describeVerdict,
  describeWarning,
  encodeBytes,
  PhysMem,
  readKhoFdt,
  readLuoSessions,
  readRadixTree,
  readVmallocArray,
  writeBlockChain,
  writeKhoFdt,
  writeRadixTree,
  writeVmalloc,
  type ReadWarning,
} from '../runtime/index.js';
import { KHO_BLOCK_CONTAINER } from '../generated/ts/block.js';
import { KHO_RADIX_TREE_CONTAINER } from '../generated/ts/radix_tree.js';
import { KHO_VMALLOC_AREA_CONTAINER } from '../generated/ts/vmalloc.js';

/** Where readLuoSessions finds the sessions' blocks and each session's files and their count. */
const sessionsLayout = { blocks: KHO_BLOCK_CONTAINER, files: LUO_SESSION_SER_REFS['file_set_ser.files'] };

const page = (n: number): bigint => BigInt(n) << 12n;

/** The outgoing kernel: returns the KHO root FDT handed to the next kernel. */
function writeState(mem: PhysMem): Uint8Array {
  // One memfd of 3 folios; its folio array lives in a one-page vmalloc area.
  const folios = [0, 1, 2].map((i) => ({ pfn: 0x4_2000 + i, flags: 3, index: i }));
  const area = new Uint8Array(4096);
  folios.forEach((f, i) => memfdLuoFolioSerCodec.encode(f, new DataView(area.buffer), i * 16));
  const memfd: MemfdLuoSer = { pos: 0n, size: 3n * 4096n, seals: 0, flags: 0, nr_folios: 3, folios: writeVmalloc(mem, KHO_VMALLOC_AREA_CONTAINER, area, [page(300)], [page(301)]) };
  mem.write(page(200), encodeBytes(memfdLuoSerCodec, memfd));

  const files: LuoFileSer[] = [{ compatible: MEMFD_LUO_FH_COMPATIBLE, data: page(200), token: 42n }];
  const filesHead = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(100)], luoFileSerCodec, files);
  const sessionsHead = writeBlockChain(mem, KHO_BLOCK_CONTAINER, [page(10)], luoSessionSerCodec, [{ name: 'vm-1', file_set_ser: { files: filesHead, count: 1n } }]);
  mem.write(page(1), encodeBytes(luoSerCodec, { compatible: LUO_ABI_COMPATIBLE, liveupdate_num: 1n, sessions_pa: sessionsHead, flbs_pa: 0n }));

  // Every page above is preserved: the memory map records them, in tree pages of its own.
  const preserved = [1, 10, 100, 200, 300, 301].map((n) => ({ pa: page(n), order: 0 }));
  let next = page(0x1000);
  const memoryMap = writeRadixTree(mem, KHO_RADIX_TREE_CONTAINER, preserved, () => (next += 4096n));
  return writeKhoFdt(KHO_FDT_CONTAINER, { compatible: KHO_FDT_COMPATIBLE, memoryMap, subtrees: [{ name: 'LUO', data: page(1), size: BigInt(luoSerCodec.size) }] });
}

/**
 * The next kernel, or a debugger: everything it finds, as lines of text.
 * Each reader refuses what the kernel refuses and reports, as a warning,
 * what the kernel accepts although it is not what its writer produces.
 */
export function readState(mem: PhysMem, fdt: Uint8Array): string[] {
  const out: string[] = [];
  const warnings: ReadWarning[] = [];
  const opts = { warnings };
  const kho = readKhoFdt(KHO_FDT_CONTAINER, fdt, opts);
  // fdt_node_check_compatible accepts the FDT when any string of its list matches.
  const khoVerdict = (kho.compatibles ?? [kho.compatible]).map((c) => verifyKhoCompatible(c)).find((v) => v.ok) ?? verifyKhoCompatible(kho.compatible);
  const preserved = readRadixTree(mem, KHO_RADIX_TREE_CONTAINER, kho.memoryMap, opts);
  out.push(`KHO root: ${describeVerdict(khoVerdict)}, ${preserved.length} preserved blocks, blobs ${kho.subtrees.map((t) => t.name).join(', ')}`);
  if (!khoVerdict.ok) return out;
  const blob = kho.subtrees.find((t) => t.name === 'LUO');
  if (!blob || blob.size < BigInt(luoSerCodec.size)) return [...out, 'no LUO state'];
  if (!preserved.some((b) => b.pa === blob.data)) return [...out, 'the LUO blob is not in the memory map'];
  const luo = mem.decode(luoSerCodec, blob.data, opts);
  const verdict = verifyLuoCompatible(luo.compatible);
  out.push(`luo_ser: ${describeVerdict(verdict)}, live update #${luo.liveupdate_num}`);
  if (!verdict.ok) return out;
  // The next kernel registers one memfd handler; a file of any other compatible is refused (-ENOENT).
  const sessions = readLuoSessions(mem, sessionsLayout, luo.sessions_pa, { session: luoSessionSerCodec, file: luoFileSerCodec }, { ...opts, handlers: [MEMFD_LUO_FH_COMPATIBLE] });
  for (const { session, files } of sessions) {
    out.push(`session "${session.name}": ${files.length} of ${session.file_set_ser.count} files`);
    for (const file of files) {
      const version = memfdVersionFor(file.compatible);
      const codec = version.structs.memfd_luo_ser?.[4096];
      if (!codec) throw new Error(`${version.id} has no memfd_luo_ser`);
      const memfd = mem.decode(codec, file.data, opts) as MemfdLuoSer;
      const folios = readVmallocArray(mem, KHO_VMALLOC_AREA_CONTAINER, memfd.folios, memfdLuoFolioSerCodec, memfd.nr_folios, opts);
      out.push(`  token ${file.token}: ${version.id}, ${memfd.size} bytes, folios at pfn ${folios.map((f) => '0x' + f.pfn.toString(16)).join(', ')}`);
    }
  }
  for (const w of warnings) out.push(`warning: ${describeWarning(w)}`);
  return out;
}

const mem = new PhysMem({ pageSize: 4096 });
const fdt = writeState(mem);
for (const line of readState(mem, fdt)) console.log(line);
