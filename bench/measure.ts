/**
 * Timing for benchmarks: each candidate runs in turns with the others, in
 * the same process, in an order rotated every round, so that JIT warm-up
 * and machine noise hit all of them alike; the median of the timed rounds is
 * reported.
 */
export interface Candidate {
  readonly name: string;
  /** Runs the workload once; returns something derived from the result so the work cannot be optimised away. */
  run(): unknown;
}

export interface Timing {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
}

export let sink: unknown;

export function compare(candidates: readonly Candidate[], rounds = 9, warmup = 3): Timing[] {
  const samples = new Map<string, number[]>(candidates.map((c) => [c.name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    // Rotated every round, so no candidate always runs after the same one (a GC or JIT debt left behind).
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[(k + r) % candidates.length]!;
      const t0 = performance.now();
      sink = c.run();
      const dt = performance.now() - t0;
      if (r >= warmup) samples.get(c.name)!.push(dt);
    }
  }
  return candidates.map((c) => {
    const s = [...samples.get(c.name)!].sort((a, b) => a - b);
    return { name: c.name, medianMs: s[Math.floor(s.length / 2)]!, minMs: s[0]! };
  });
}
