/**
 * Feature negotiation over luo_feature_hdr {supp, req, active}
 * (kernel-abi.md section 5): LUO core bits NUMBER=1, SESSIONS=2, FLBS=4;
 * memfd bits SEALS=1, FOLIOS=2. A reader accepts a header when it
 * understands every required bit and the header is consistent (req and
 * active within supp); unknown optional bits are accepted and listed.
 * Every row states the verdict by hand, and the C readers generated in
 * luo.h / memfd.h must give the same verdict row by row.
 */
import { describe, expect, it } from 'vitest';
import { describeFeatures, negotiateFeatures, type FeatureHeader, type FeatureVerdict } from '../runtime/features.js';
import { LUO_FEATURE_READER, negotiateLuoFeatures } from '../generated/ts/luo.js';
import { MEMFD_FEATURE_READER, negotiateMemfdFeatures } from '../generated/ts/memfd.js';
import { compileAndRun } from './helpers/gcc.js';
import { ownHeadersWith } from './helpers/own-headers.js';

const B63 = 1n << 63n;
const ALL = (1n << 64n) - 1n;

interface Row {
  readonly name: string;
  readonly supp: bigint;
  readonly req: bigint;
  readonly active: bigint;
  readonly ok: boolean;
  readonly unknownRequired?: string[];
  readonly unknownOptional?: string[];
  readonly inconsistent?: string[];
  readonly active_?: string[];
}

const NUMBER = 'LUO_FEATURE_NUMBER';
const SESSIONS = 'LUO_FEATURE_SESSIONS';
const FLBS = 'LUO_FEATURE_FLBS';

const LUO_ROWS: readonly Row[] = [
  { name: 'all known bits, as luo-features writes them', supp: 7n, req: 7n, active: 7n, ok: true, active_: [NUMBER, SESSIONS, FLBS] },
  { name: 'zero header', supp: 0n, req: 0n, active: 0n, ok: true, active_: [] },
  { name: 'a feature shipped as supp only', supp: 7n, req: 0n, active: 0n, ok: true, active_: [] },
  { name: 'optional active features', supp: 7n, req: 1n, active: 6n, ok: true, active_: [SESSIONS, FLBS] },
  { name: 'one known bit', supp: 1n, req: 1n, active: 1n, ok: true, active_: [NUMBER] },
  { name: 'unknown required bit 3', supp: 15n, req: 8n, active: 15n, ok: false, unknownRequired: ['bit 3'] },
  { name: 'unknown required bit 63', supp: 7n | B63, req: 7n | B63, active: 7n, ok: false, unknownRequired: ['bit 63'] },
  { name: 'every bit required', supp: ALL, req: ALL, active: ALL, ok: false },
  { name: 'unknown optional bit 3 (supp and active, not req)', supp: 15n, req: 7n, active: 15n, ok: true, unknownOptional: ['bit 3'], active_: [NUMBER, SESSIONS, FLBS] },
  { name: 'unknown optional bit 63 in supp only', supp: 7n | B63, req: 7n, active: 7n, ok: true, unknownOptional: ['bit 63'] },
  { name: 'unknown optional bits 3 and 40', supp: 7n | 8n | (1n << 40n), req: 0n, active: 8n, ok: true, unknownOptional: ['bit 3', 'bit 40'], active_: [] },
  { name: 'req outside supp (a known bit)', supp: 3n, req: 7n, active: 3n, ok: false, inconsistent: [FLBS] },
  { name: 'active outside supp (a known bit)', supp: 3n, req: 3n, active: 7n, ok: false, inconsistent: [FLBS] },
  { name: 'req and active with an empty supp', supp: 0n, req: 1n, active: 1n, ok: false, inconsistent: [NUMBER] },
  { name: 'active outside supp (an unknown bit)', supp: 7n, req: 7n, active: 7n | 16n, ok: false, inconsistent: ['bit 4'], unknownOptional: ['bit 4'] },
  { name: 'req outside supp and unknown', supp: 7n, req: 7n | 32n, active: 7n, ok: false, inconsistent: ['bit 5'], unknownRequired: ['bit 5'] },
];

const SEALS = 'MEMFD_LUO_FEATURE_SEALS';
const FOLIOS = 'MEMFD_LUO_FEATURE_FOLIOS';

const MEMFD_ROWS: readonly Row[] = [
  { name: 'all known bits, as memfd-features writes them', supp: 3n, req: 3n, active: 3n, ok: true, active_: [SEALS, FOLIOS] },
  { name: 'zero header', supp: 0n, req: 0n, active: 0n, ok: true, active_: [] },
  { name: 'seals optional', supp: 3n, req: 2n, active: 3n, ok: true, active_: [SEALS, FOLIOS] },
  // Bit 2 is LUO_FEATURE_FLBS for the LUO reader but unknown to memfd.
  { name: 'the LUO bit 2 required of memfd', supp: 7n, req: 7n, active: 7n, ok: false, unknownRequired: ['bit 2'] },
  { name: 'bit 2 optional', supp: 7n, req: 3n, active: 7n, ok: true, unknownOptional: ['bit 2'] },
  { name: 'unknown required bit 63', supp: B63 | 3n, req: B63, active: 0n, ok: false, unknownRequired: ['bit 63'] },
  { name: 'req outside supp', supp: 1n, req: 3n, active: 1n, ok: false, inconsistent: [FOLIOS] },
  { name: 'active outside supp', supp: 2n, req: 2n, active: 3n, ok: false, inconsistent: [SEALS] },
];

function check(row: Row, v: FeatureVerdict): void {
  expect(v.ok).toBe(row.ok);
  if (row.unknownRequired) expect(v.unknownRequired).toEqual(row.unknownRequired);
  else if (row.ok) expect(v.unknownRequired).toEqual([]);
  if (row.unknownOptional) expect(v.unknownOptional).toEqual(row.unknownOptional);
  else if (row.ok) expect(v.unknownOptional).toEqual([]);
  if (row.inconsistent) expect(v.inconsistent).toEqual(row.inconsistent);
  else expect(v.inconsistent).toEqual([]);
  if (row.active_) expect(v.active).toEqual(row.active_);
  const line = describeFeatures(v);
  expect(line).not.toContain('\n');
  expect(line.startsWith(row.ok ? 'accepted' : 'refused')).toBe(true);
  for (const n of [...v.unknownRequired, ...v.inconsistent, ...(row.ok ? v.unknownOptional : [])]) expect(line).toContain(n);
}

const header = (r: Row): FeatureHeader => ({ supp: r.supp, req: r.req, active: r.active });

describe('the generated readers know the kernel bits', () => {
  it('LUO: NUMBER=1, SESSIONS=2, FLBS=4', () => {
    expect(LUO_FEATURE_READER.supported).toBe(7n);
    expect(LUO_FEATURE_READER.names).toEqual({ 0: NUMBER, 1: SESSIONS, 2: FLBS });
  });
  it('memfd: SEALS=1, FOLIOS=2', () => {
    expect(MEMFD_FEATURE_READER.supported).toBe(3n);
    expect(MEMFD_FEATURE_READER.names).toEqual({ 0: SEALS, 1: FOLIOS });
  });
});

describe('negotiateLuoFeatures', () => {
  it.each(LUO_ROWS.map((r) => [r.name, r] as const))('%s', (_, row) => {
    check(row, negotiateLuoFeatures(header(row)));
    check(row, negotiateFeatures(header(row), LUO_FEATURE_READER));
  });
});

describe('negotiateMemfdFeatures', () => {
  it.each(MEMFD_ROWS.map((r) => [r.name, r] as const))('%s', (_, row) => {
    check(row, negotiateMemfdFeatures(header(row)));
    check(row, negotiateFeatures(header(row), MEMFD_FEATURE_READER));
  });
});

describe('negotiateFeatures', () => {
  it('names unknown bits "bit N" and known ones by name, lowest bit first', () => {
    const v = negotiateFeatures({ supp: 0n, req: (1n << 9n) | 1n | B63, active: 0n }, { supported: 0n, names: { 0: 'ZERO', 9: 'NINE' } });
    expect(v.unknownRequired).toEqual(['ZERO', 'NINE', 'bit 63']);
    expect(v.inconsistent).toEqual(['ZERO', 'NINE', 'bit 63']);
  });

  it('refuses values that are not a u64', () => {
    for (const bad of [-1n, 1n << 64n]) {
      expect(() => negotiateLuoFeatures({ supp: bad, req: 0n, active: 0n })).toThrow(RangeError);
      expect(() => negotiateLuoFeatures({ supp: 7n, req: bad, active: 0n })).toThrow(RangeError);
      expect(() => negotiateLuoFeatures({ supp: 7n, req: 0n, active: bad })).toThrow(RangeError);
    }
    expect(() => negotiateLuoFeatures({ supp: 7 as unknown as bigint, req: 0n, active: 0n })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- C agrees

const hex = (x: bigint): string => `0x${x.toString(16)}ULL`;

describe('the C readers agree with TypeScript row by row', () => {
  it('luo_features_acceptable and memfd_features_acceptable', async () => {
    const rows = [...LUO_ROWS.map((r) => ['luo', r] as const), ...MEMFD_ROWS.map((r) => ['memfd', r] as const)];
    const source = [
      '#include <linux/kho/abi/luo.h>',
      '#include <linux/kho/abi/memfd.h>',
      '#include <stdio.h>',
      '',
      'int main(void)',
      '{',
      '\tprintf("masks %llx %llx %llx %llx %llx %llx\\n", (unsigned long long)LUO_CORE_FEATURES_SUPP, (unsigned long long)LUO_CORE_FEATURES_REQ, (unsigned long long)LUO_CORE_FEATURES_ACTIVE, (unsigned long long)MEMFD_LUO_FEATURES_SUPP, (unsigned long long)MEMFD_LUO_FEATURES_REQ, (unsigned long long)MEMFD_LUO_FEATURES_ACTIVE);',
      ...rows.map(
        ([who, r], i) =>
          `\tprintf("${i} %d %llx\\n", ${who}_features_acceptable(${hex(r.supp)}, ${hex(r.req)}, ${hex(r.active)}), (unsigned long long)kho_features_unknown_required(${hex(r.req)}, ${who === 'luo' ? 'LUO_CORE_FEATURES_SUPP' : 'MEMFD_LUO_FEATURES_SUPP'}));`,
      ),
      '\treturn 0;',
      '}',
    ].join('\n');
    // The feature-header variant is its own header set: kho-abi's headers with luo-features and memfd-features current.
    const variant = ownHeadersWith({ 'luo.yaml': ['luo-v5', 'luo-features'], 'memfd.yaml': ['memfd-v2', 'memfd-features'] });
    let out: string;
    try {
      out = await compileAndRun(source, { pageShift: 12, generatedInclude: variant.include });
    } finally {
      variant.dispose();
    }
    expect(out).toContain('masks 7 7 7 3 3 3\n');
    const lines = new Map(
      out
        .split('\n')
        .filter((l) => /^\d+ [01] [0-9a-f]+$/.test(l))
        .map((l) => {
          const [i, ok, unk] = l.split(' ');
          return [Number(i), { ok: ok === '1', unknown: BigInt(`0x${unk}`) }];
        }),
    );
    const got = rows.map(([who, r], i) => ({ who, name: r.name, c: lines.get(i)?.ok, cUnknown: lines.get(i)?.unknown }));
    const want = rows.map(([who, r]) => {
      const ts = who === 'luo' ? negotiateLuoFeatures(header(r)) : negotiateMemfdFeatures(header(r));
      const supported = who === 'luo' ? 7n : 3n;
      expect(ts.ok, `${who}: ${r.name}`).toBe(r.ok);
      return { who, name: r.name, c: ts.ok, cUnknown: r.req & ~supported & ALL };
    });
    expect(got).toEqual(want);
  });
});
