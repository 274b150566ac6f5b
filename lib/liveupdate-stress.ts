/**
 * A deterministic live update state of any size, described lazily (its
 * sessions are a generator, each built when the walk reaches it), for the
 * stress test and benchmark: `sessions` sessions of `files` files each,
 * memfd and hugetlb memfd files in turn, the first file of each session
 * with two folios, the last of a handler no kernel registers, and FLBs of
 * both kinds.
 */
import { HUGE_MEMFD_COMPATIBLE } from '../generated/ts/hugemfd.js';
import { HUGETLB_FLB_COMPATIBLE } from '../generated/ts/hugetlb.js';
import { KHO_FDT_COMPATIBLE } from '../generated/ts/kexec_handover.js';
import { LUO_ABI_COMPATIBLE } from '../generated/ts/luo.js';
import { MEMFD_LUO_FH_COMPATIBLE } from '../generated/ts/memfd.js';
import type { FileState, LiveUpdateState, SessionState } from '../runtime/liveupdate/index.js';

/** Folio page frames start here, far above what the writer allocates. */
export const STRESS_FOLIO_BASE = 1 << 28;

function file(s: number, j: number, perSession: number): FileState {
  const token = BigInt(s * perSession + j);
  if (j === perSession - 1 && perSession > 1) return { compatible: 'stress-unregistered-v1', token, data: token * 8n };
  const entries = j === 0 ? [0, 1].map((k) => ({ pfn: STRESS_FOLIO_BASE + s * 2 + k, index: k })) : [];
  if (j % 2 === 0) {
    return { compatible: MEMFD_LUO_FH_COMPATIBLE, token, state: { fields: { pos: token % 4096n, size: BigInt(entries.length * 4096), seals: j % 64, flags: 0 }, entries: entries.map((e) => ({ ...e, flags: 3 })) } };
  }
  return { compatible: HUGE_MEMFD_COMPATIBLE, token, state: { fields: { size: token * 2097152n, pos: 0n, order: 9 }, entries: entries.map((e) => ({ ...e, index: BigInt(e.index), reserved: 0 })) } };
}

export function stressState(sessions: number, filesPerSession: number): LiveUpdateState {
  return {
    kho: { compatible: KHO_FDT_COMPATIBLE },
    luo: {
      compatible: LUO_ABI_COMPATIBLE,
      liveupdateNum: 7n,
      sessions: {
        *[Symbol.iterator](): Generator<SessionState> {
          for (let s = 0; s < sessions; s++) yield { name: `session-${s}`, files: Array.from({ length: filesPerSession }, (_, j) => file(s, j, filesPerSession)) };
        },
      },
      flbs: [
        { name: HUGETLB_FLB_COMPATIBLE, count: BigInt(sessions), state: { hstates: [0, 1, 2, 3].map((i) => ({ nr_pages: BigInt(sessions * i), order: [9, 18, 0, 0][i]! })), nr_hstates: 2 } },
        { name: 'stress-flb-v1', count: 1n, data: 0x1234n },
      ],
    },
  };
}
