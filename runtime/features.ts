/**
 * Feature negotiation for luo_feature_hdr {supp, req, active}
 * (kernel-abi.md section 5). A writer sets supp for every feature it
 * understands, active for those the image uses, and req for those a reader
 * must understand to read it. A reader accepts a header when it supports
 * every required bit; unknown optional bits are accepted and reported.
 */

export interface FeatureHeader {
  readonly supp: bigint;
  readonly req: bigint;
  readonly active: bigint;
}

export interface FeatureReader {
  /** The bits this reader understands. */
  readonly supported: bigint;
  /** Names of the bits it knows, for messages. */
  readonly names: Readonly<Record<number, string>>;
}

export interface FeatureVerdict {
  readonly ok: boolean;
  /** Required bits the reader does not support: the reason it refuses. */
  readonly unknownRequired: readonly string[];
  /** Bits the writer supports or uses that the reader does not know, none of them required. */
  readonly unknownOptional: readonly string[];
  /** Required or active bits the writer does not claim in supp: a malformed header. */
  readonly inconsistent: readonly string[];
  /** Active features both sides understand. */
  readonly active: readonly string[];
}

const U64 = (1n << 64n) - 1n;

function bitNames(mask: bigint, names: Readonly<Record<number, string>>): string[] {
  const out: string[] = [];
  for (let b = 0; b < 64; b++) if ((mask >> BigInt(b)) & 1n) out.push(names[b] ?? `bit ${b}`);
  return out;
}

export function negotiateFeatures(header: FeatureHeader, reader: FeatureReader): FeatureVerdict {
  const { supp, req, active } = header;
  for (const [k, v] of Object.entries({ supp, req, active })) {
    if (typeof v !== 'bigint' || v < 0n || v > U64) throw new RangeError(`${k} must be a u64 bigint`);
  }
  const unknownRequired = bitNames(req & ~reader.supported, reader.names);
  const unknownOptional = bitNames((supp | active) & ~req & ~reader.supported, reader.names);
  const inconsistent = bitNames((req | active) & ~supp, reader.names);
  return {
    ok: unknownRequired.length === 0 && inconsistent.length === 0,
    unknownRequired,
    unknownOptional,
    inconsistent,
    active: bitNames(active & reader.supported, reader.names),
  };
}

export function describeFeatures(v: FeatureVerdict): string {
  if (v.ok) {
    return `accepted${v.unknownOptional.length ? `; ignoring unknown optional features: ${v.unknownOptional.join(', ')}` : ''}`;
  }
  const why = [
    ...(v.unknownRequired.length ? [`unknown required features: ${v.unknownRequired.join(', ')}`] : []),
    ...(v.inconsistent.length ? [`required or active but not in supp: ${v.inconsistent.join(', ')}`] : []),
  ];
  return `refused: ${why.join('; ')}`;
}
