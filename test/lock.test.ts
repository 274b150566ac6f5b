/**
 * The ABI lock and `breaking`, on the project's own schemas edited in
 * memory: a change to a released layout, string, allowed bits or constant
 * is refused at the schema line that made it; a doc edit, a new constant or
 * a new version is not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingChanges } from '../generator/abi/breaking.js';
import { checkLock, extendLock, formatLock, parseLock } from '../generator/abi/lock.js';
import { analyze, layoutAll } from '../generator/pipeline.js';
import { repoRoot } from './helpers/root.js';

function schemaFiles(): Map<string, string> {
  const dir = join(repoRoot, 'schemas');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [`schemas/${f}`, readFileSync(join(dir, f), 'utf8')]));
}

function layouts(files: Map<string, string>) {
  const analysis = analyze([...files].map(([path, text]) => ({ path, bytes: Buffer.from(text) })));
  const { irs, diagnostics } = layoutAll(analysis);
  expect([...analysis.diagnostics, ...diagnostics]).toEqual([]);
  return { irs, model: analysis.model! };
}

function edited(file: string, from: string | RegExp, to: string): Map<string, string> {
  const files = schemaFiles();
  const text = files.get(`schemas/${file}`)!;
  const changed = text.replace(from, to);
  expect(changed, `${file}: ${String(from)} changed nothing`).not.toBe(text);
  files.set(`schemas/${file}`, changed);
  return files;
}

const base = layouts(schemaFiles());
const lock = extendLock(undefined, base.irs).lock;

function refusals(files: Map<string, string>) {
  const { irs, model } = layouts(files);
  return checkLock(lock, irs, model).map((d) => ({ code: d.code, message: d.message, at: `${d.span.file}:${d.span.line}` }));
}

function lineOf(file: string, needle: string): number {
  return readFileSync(join(repoRoot, 'schemas', file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the lock', () => {
  it('records every version, and reads back what it wrote', () => {
    expect(lock.versions.map((v) => v.id)).toContain('luo-v5');
    expect(lock.versions.map((v) => v.id)).toContain('memfd-v2-composite');
    expect(parseLock(formatLock(lock))).toEqual(JSON.parse(formatLock(lock)));
    expect(checkLock(parseLock(formatLock(lock)), base.irs, base.model)).toEqual([]);
  });

  it('the committed kho-abi.lock.json matches the schemas', () => {
    const committed = parseLock(readFileSync(join(repoRoot, 'kho-abi.lock.json'), 'utf8'));
    expect(checkLock(committed, base.irs, base.model)).toEqual([]);
    expect(extendLock(committed, base.irs).added).toEqual([]);
  });

  it('refuses a moved member of a released struct, at the member', () => {
    // The two members trade places: names swapped, types equal.
    const files = edited('luo.yaml', '- name: liveupdate_num', '- name: tmp_liveupdate_num');
    files.set('schemas/luo.yaml', files.get('schemas/luo.yaml')!.replace('- name: flbs_pa', '- name: liveupdate_num').replace('- name: tmp_liveupdate_num', '- name: flbs_pa'));
    const r = refusals(files);
    // Every version of luo that has luo_ser (luo-v2 on; luo-v1 keeps the count in its FDT) is refused twice, once per member.
    expect(r).toHaveLength(2 * 7);
    expect(r.map((x) => x.code)).toEqual(new Array(14).fill('locked-version-changed'));
    expect(r).toContainEqual({ code: 'locked-version-changed', message: 'released version luo-v5 would change: luo_ser.liveupdate_num is at offset 24 now, 8 before [field-moved]', at: `schemas/luo.yaml:${lineOf('luo.yaml', '- name: flbs_pa')}` });
    expect(r).toContainEqual({ code: 'locked-version-changed', message: 'released version luo-v2 would change: luo_ser.liveupdate_num is at offset 16 now, 0 before [field-moved]', at: `schemas/luo.yaml:${lineOf('luo.yaml', '- name: flbs_pa')}` });
    expect(r.every((x) => x.at.startsWith('schemas/luo.yaml:'))).toBe(true);
  });

  it('refuses changed allowed bits, at the member', () => {
    const r = refusals(edited('vmalloc.yaml', 'allowed: KHO_VMALLOC_ALLOC | KHO_VMALLOC_HUGE_VMAP', 'allowed: KHO_VMALLOC_ALLOC'));
    expect(r.length).toBeGreaterThan(0);
    expect(r[0]!.message).toContain('kho_vmalloc.flags accepts bits 0x1 now, 0x3 before [allowed-changed]');
    expect(r[0]!.at).toBe(`schemas/vmalloc.yaml:${lineOf('vmalloc.yaml', '- name: flags')}`);
  });

  it('refuses a changed compatible string, at the version', () => {
    const r = refusals(edited('memfd.yaml', /(- id: memfd-v1\n\s+compatible: )memfd-v1/, '$1memfd-v1a'));
    expect(r.map((x) => x.message)).toEqual(['released version memfd-v1 would change: compatible string is "memfd-v1a" now, "memfd-v1" before [compatible-changed]']);
    expect(r[0]!.at).toBe(`schemas/memfd.yaml:${lineOf('memfd.yaml', '- id: memfd-v1')}`);
  });

  it('refuses a changed constant and a removed version', () => {
    expect(refusals(edited('block.yaml', 'value: 10000', 'value: 20000')).map((x) => x.message)).toContain('released version block-v1 would change: KHO_MAX_BLOCKS is 20000 now, 10000 before [constant-changed]');
    const gone = refusals(edited('memfd.yaml', /    - id: memfd-v1\n( {6}.*\n)*/, ''));
    expect(gone.map((x) => x.message)).toEqual(['released version memfd-v1 would change: released version memfd-v1 is gone [version-removed]']);
  });

  it('accepts a doc edit and a new constant', () => {
    expect(refusals(edited('luo.yaml', 'Root of the preserved LUO state.', 'Root of the preserved LUO state, as the next kernel finds it.'))).toEqual([]);
    expect(refusals(edited('block.yaml', /constants:\n/, 'constants:\n  - name: KHO_BLOCK_NEW_THING\n    value: 7\n'))).toEqual([]);
  });
});

describe('breaking', () => {
  it('names every change to an existing version with a rule code, located in the new schemas', () => {
    const now = layouts(edited('kexec_metadata.yaml', /(- name: kexec_count\n\s+type: )u32/, '$1u64'));
    const f = breakingChanges(base.irs, now.irs, now.model);
    expect(f.map((x) => [x.version, x.code, x.breaking])).toEqual([
      ['kexec_metadata', 'struct-resized', true],
      ['kexec_metadata', 'field-resized', true],
    ]);
    expect(f[1]!.span).toMatchObject({ file: 'schemas/kexec_metadata.yaml', line: lineOf('kexec_metadata.yaml', '- name: kexec_count') });
  });

  it('a sub-component changed under a composite that kept its string', () => {
    const now = layouts(edited('vmalloc.yaml', /(- name: order\n\s+type: u16\n\s+ctype: unsigned short\n)/, '$1      - name: extra\n        type: u64\n'));
    const f = breakingChanges(base.irs, now.irs, now.model);
    expect(f.filter((x) => x.code === 'composite-not-following').map((x) => x.version).sort()).toEqual(['kho-v4-composite', 'memfd-v2-composite']);
  });

  it('nothing for a doc-only edit', () => {
    const now = layouts(edited('memfd.yaml', 'Every seal this version can carry', 'Every seal this version may carry'));
    expect(breakingChanges(base.irs, now.irs, now.model)).toEqual([]);
  });
});
