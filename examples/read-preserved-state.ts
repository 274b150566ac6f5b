/**
 * What a tool reading preserved LUO state does, end to end, on a simulated
 * physical memory: the outgoing kernel's side writes a luo_ser root, a chain
 * of sessions, each session's chain of files and one memfd with its folios
 * behind a kho_vmalloc; the reading side walks it all back, checking every
 * compatible string and dispatching on the memfd version.
 *
 * Run it: npx tsx examples/read-preserved-state.ts
 */
import { luoFileSerCodec, luoSerCodec, luoSessionSerCodec, LUO_ABI_COMPATIBLE, verifyLuoCompatible, type LuoFileSer } from '../generated/ts/luo.js';
import { MEMFD_LUO_FH_COMPATIBLE, memfdLuoFolioSerCodec, memfdLuoSerCodec, memfdVersionFor, type MemfdLuoSer } from '../generated/ts/memfd.js';
import { describeVerdict, encodeBytes, PhysMem, readBlockChain, readVmallocArray, writeBlockChain, writeVmalloc } from '../runtime/index.js';

const page = (n: number): bigint => BigInt(n) << 12n;

/** The outgoing kernel: returns the physical address of the luo_ser blob. */
function writeState(mem: PhysMem): bigint {
  // One memfd of 3 folios; its folio array lives in a one-page vmalloc area.
  const folios = [0, 1, 2].map((i) => ({ pfn: 0x4_2000 + i, flags: 3, index: BigInt(i) }));
  const area = new Uint8Array(4096);
  folios.forEach((f, i) => memfdLuoFolioSerCodec.encode(f, new DataView(area.buffer), i * 16));
  const memfd: MemfdLuoSer = { pos: 0n, size: 3n * 4096n, seals: 0, flags: 0, nr_folios: 3n, folios: writeVmalloc(mem, area, [page(300)], [page(301)]) };
  mem.write(page(200), encodeBytes(memfdLuoSerCodec, memfd));

  const files: LuoFileSer[] = [{ compatible: MEMFD_LUO_FH_COMPATIBLE, data: page(200), token: 42n }];
  const filesHead = writeBlockChain(mem, [page(100)], luoFileSerCodec, files);
  const sessionsHead = writeBlockChain(mem, [page(10)], luoSessionSerCodec, [{ name: 'vm-1', file_set_ser: { files: filesHead, count: 1n } }]);
  mem.write(page(1), encodeBytes(luoSerCodec, { compatible: LUO_ABI_COMPATIBLE, liveupdate_num: 1n, sessions_pa: sessionsHead, flbs_pa: 0n }));
  return page(1);
}

/** The next kernel, or a debugger: everything it finds, as lines of text. */
export function readState(mem: PhysMem, root: bigint): string[] {
  const out: string[] = [];
  const luo = mem.decode(luoSerCodec, root);
  const verdict = verifyLuoCompatible(luo.compatible);
  out.push(`luo_ser: ${describeVerdict(verdict)}, live update #${luo.liveupdate_num}`);
  if (!verdict.ok) return out;
  for (const session of readBlockChain(mem, luo.sessions_pa, luoSessionSerCodec)) {
    const files = readBlockChain(mem, session.file_set_ser.files, luoFileSerCodec);
    out.push(`session "${session.name}": ${files.length} of ${session.file_set_ser.count} files`);
    for (const file of files) {
      const version = memfdVersionFor(file.compatible);
      const codec = version.structs.memfd_luo_ser?.[4096];
      if (!codec) throw new Error(`${version.id} has no memfd_luo_ser`);
      const memfd = mem.decode(codec, file.data) as MemfdLuoSer;
      const folios = readVmallocArray(mem, memfd.folios, memfdLuoFolioSerCodec, memfd.nr_folios);
      out.push(`  token ${file.token}: ${version.id}, ${memfd.size} bytes, folios at pfn ${folios.map((f) => '0x' + f.pfn.toString(16)).join(', ')}`);
    }
  }
  return out;
}

const mem = new PhysMem({ pageSize: 4096 });
const root = writeState(mem);
for (const line of readState(mem, root)) console.log(line);
