/**
 * A schema can choose the KHO array for memfd's folio array
 * (test/fixtures/valid/memfd_karr.yaml, checked together with the
 * project's schemas): laid out by the pipeline, its folios written and read
 * back through the generic sparse-array walker, holes costing nothing.
 * Not a memfd version: memfd.yaml would have to include kho_array, and the
 * profiles' memfd.h headers, compared line by line with kernel trees, would
 * gain an include no kernel has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KHO_ARRAY_PAGES_CONTAINER } from '../generated/ts/kho_array.js';
import { MEMFD_LUO_FOLIO_DIRTY, MEMFD_LUO_FOLIO_UPTODATE } from '../generated/ts/memfd.js';
import { analyze, layoutAll } from '../generator/pipeline.js';
import { findStruct } from '../generator/layout/ir.js';
import { PhysMem, readSparseArray, writeSparseArray } from '../runtime/index.js';
import { repoRoot } from './helpers/root.js';

const FIXTURE = 'test/fixtures/valid/memfd_karr.yaml';

describe('memfd with its folios in a KHO array (fixture schema)', () => {
  const names = readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.yaml'));
  const inputs = [...names.map((f) => ({ path: `schemas/${f}`, bytes: readFileSync(join(repoRoot, 'schemas', f)) })), { path: FIXTURE, bytes: readFileSync(join(repoRoot, FIXTURE)) }];
  const analysis = analyze(inputs);

  it('is valid with the project schemas and embeds struct kho_array', () => {
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ir = layoutAll(analysis).irs.find((x) => x.target.pageSize === 4096)!;
    const st = findStruct(ir, 'memfd_karr_luo_ser')!;
    const folios = st.fields.find((f) => f.name === 'folios')!;
    expect([folios.offset, folios.size, st.size]).toEqual([32, 16, 48]);
  });

  it('stores a sparse file: the folio at page offset i is the value entry at position i', () => {
    const ir = layoutAll(analysis).irs.find((x) => x.target.pageSize === 4096)!;
    const st = findStruct(ir, 'memfd_karr_luo_ser')!;
    const folios = st.fields.find((f) => f.name === 'folios')!;
    const shift = 52n;
    const flags = BigInt(MEMFD_LUO_FOLIO_DIRTY | MEMFD_LUO_FOLIO_UPTODATE);
    const mem = new PhysMem();
    const ser = 0x1000n;
    const file = [0n, 1n, 2n, 1_000_000n].map((index, i) => ({ position: index, value: (0x42000n + BigInt(i)) | (flags << shift) }));
    let next = 0x10;
    const pages = writeSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, ser + BigInt(folios.offset), file, () => BigInt(next++) << 12n);
    // A hole of a million pages costs one more page of entries, not 2000.
    expect(pages.length).toBe(2);
    const got = readSparseArray(mem, KHO_ARRAY_PAGES_CONTAINER, ser + BigInt(folios.offset));
    expect(got.map((e) => [e.position, e.value! & ((1n << shift) - 1n), e.value! >> shift])).toEqual(file.map((f, i) => [f.position, 0x42000n + BigInt(i), flags]));
  });
});
