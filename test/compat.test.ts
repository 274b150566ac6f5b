/**
 * Compatible strings against the kernel's own facts (kernel-abi.md section 4):
 * the measured storage sizes, the RFC composites, the ordering rule, and how a
 * reader of preserved memory accepts or refuses a stored string. Expected
 * values are written out here as the kernel measured them, never recomputed
 * the way the code computes them.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, layoutAll, type SchemaInput } from '../generator/pipeline.js';
import type { AbiIR, StructIR, VersionIR } from '../generator/layout/ir.js';
import type { ReadWarning } from '../runtime/warnings.js';
import {
  compatStorageSize,
  composeCompat,
  CompatError,
  describeVerdict,
  parseCompat,
  readStoredCompat,
  verifyCompat,
  type CompatProblem,
} from '../runtime/compat.js';
import { MEMFD_SUPPORTED_COMPATIBLES, memfdVersionFor, verifyMemfdCompatible } from '../generated/ts/memfd.js';
import { repoRoot } from './helpers/root.js';

const run = promisify(execFile);

// ---------------------------------------------------------------- facts

/** kernel-abi.md section 4, "Measured": string -> sizeof -> KHO_COMPAT_ALIGN. */
const MEASURED: readonly [string, number, number][] = [
  ['luo-v5', 7, 8],
  ['luo-v3-kho-block-v1', 20, 24],
  ['luo-v5;block-v1', 16, 16],
  ['memfd-v2;vmalloc-v1', 20, 24],
  ['kho-v4;radix-v1;vmalloc-v1', 27, 32],
];

/** The RFC composites: which base takes which sub-components, and the string it stores. */
const RFC: readonly { schema: string; version: string; base: string; subs: string[]; text: string; aligned: number }[] = [
  { schema: 'kexec_handover', version: 'kho-v4-composite', base: 'kho-v4', subs: ['radix-v1', 'vmalloc-v1'], text: 'kho-v4;radix-v1;vmalloc-v1', aligned: 32 },
  { schema: 'luo', version: 'luo-v5-composite', base: 'luo-v5', subs: ['block-v1'], text: 'luo-v5;block-v1', aligned: 16 },
  { schema: 'memfd', version: 'memfd-v2-composite', base: 'memfd-v2', subs: ['vmalloc-v1'], text: 'memfd-v2;vmalloc-v1', aligned: 24 },
];

const enc = new TextEncoder();

/** `text`, its NUL, then zeros up to `size` bytes: what the kernel's bounded copy into zeroed memory leaves. */
function stored(text: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(enc.encode(text).subarray(0, size));
  return out;
}

function schemaInputs(dir = join(repoRoot, 'schemas')): SchemaInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `schemas/${f}`, bytes: readFileSync(join(dir, f)) }));
}

function irsOf(inputs: readonly SchemaInput[]): AbiIR[] {
  const analysis = analyze(inputs);
  const { irs, diagnostics } = layoutAll(analysis);
  const all = [...analysis.diagnostics, ...diagnostics];
  expect(all.map((d) => `${d.span.file}:${d.span.line}: ${d.code}: ${d.message}`)).toEqual([]);
  return irs;
}

function versionOf(ir: AbiIR, schema: string, id: string): VersionIR {
  const v = ir.schemas.find((s) => s.name === schema)?.versions.find((x) => x.id === id);
  if (!v) throw new Error(`no version ${schema}/${id} in the IR`);
  return v;
}

function structOf(v: VersionIR, name: string): StructIR {
  const st = v.structs.find((s) => s.name === name);
  if (!st) throw new Error(`no struct ${name} in ${v.id}`);
  return st;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CompatError);
    return (e as Error).message;
  }
  throw new Error('expected a CompatError, nothing was thrown');
}

// ---------------------------------------------------------------- composing

describe('composition: the kernel measured sizes', () => {
  it.each(MEASURED)('"%s" takes %i bytes and is stored in %i', (text, size, aligned) => {
    expect(enc.encode(text).length + 1).toBe(size);
    expect(compatStorageSize(text)).toBe(aligned);
  });

  it('composes the RFC strings from their parts', () => {
    for (const r of RFC) expect(composeCompat(r.base, r.subs)).toBe(r.text);
    expect(composeCompat('luo-v5', ['block-v1'])).toBe('luo-v5;block-v1');
    // A base alone is a valid (non-composite) string; the tatashin one uses '-' and is not a composite.
    expect(composeCompat('luo-v3-kho-block-v1', [])).toBe('luo-v3-kho-block-v1');
  });

  it('checks the field size with the aligned size, not the length', () => {
    // "memfd-v2;vmalloc-v1" is 20 bytes with its NUL but stored in 24.
    expect(composeCompat('memfd-v2', ['vmalloc-v1'], 24)).toBe('memfd-v2;vmalloc-v1');
    expect(refusal(() => composeCompat('memfd-v2', ['vmalloc-v1'], 20))).toMatch(/24.*20/);
    expect(composeCompat('kho-v4', ['radix-v1', 'vmalloc-v1'], 32)).toBe('kho-v4;radix-v1;vmalloc-v1');
    expect(() => composeCompat('kho-v4', ['radix-v1', 'vmalloc-v1'], 31)).toThrow(CompatError);
    expect(() => composeCompat('memfd-v2', ['vmalloc-v1'], 48)).not.toThrow();
  });

  it('refuses sub-components out of strcmp order, naming both', () => {
    const m = refusal(() => composeCompat('kho-v4', ['vmalloc-v1', 'radix-v1']));
    expect(m).toContain('radix-v1');
    expect(m).toContain('vmalloc-v1');
    expect(m).toMatch(/order/);
    // strcmp order is byte order: uppercase sorts before lowercase, a prefix before its extensions.
    expect(() => composeCompat('x-v1', ['block-v1', 'Block-v1'])).toThrow(CompatError);
    expect(composeCompat('x-v1', ['Block-v1', 'block-v1'])).toBe('x-v1;Block-v1;block-v1');
    expect(composeCompat('x-v1', ['block', 'block-v1'])).toBe('x-v1;block;block-v1');
    expect(() => composeCompat('x-v1', ['block-v1', 'block'])).toThrow(CompatError);
    // The base takes no part in the ordering.
    expect(composeCompat('zzz-v1', ['aaa-v1'])).toBe('zzz-v1;aaa-v1');
  });

  it('refuses a repeated sub-component', () => {
    expect(refusal(() => composeCompat('luo-v5', ['block-v1', 'block-v1']))).toMatch(/block-v1.*twice|twice.*block-v1/);
  });

  it('refuses empty parts and parts holding the separator', () => {
    expect(refusal(() => composeCompat('', ['block-v1']))).toMatch(/empty/);
    expect(refusal(() => composeCompat('luo-v5', ['']))).toMatch(/empty/);
    expect(refusal(() => composeCompat('luo-v5', ['block-v1', '']))).toMatch(/empty/);
    expect(refusal(() => composeCompat('luo-v5', ['block-v1;radix-v1']))).toMatch(/separator/);
    expect(refusal(() => composeCompat('luo-v5;x', []))).toMatch(/separator/);
  });
});

// ---------------------------------------------------------------- the IR

describe('composition in the IR the generator builds', () => {
  let irs: AbiIR[];
  beforeAll(() => {
    irs = irsOf(schemaInputs());
  });

  it('derives each RFC composite, at every page size', () => {
    expect(irs.map((ir) => ir.target.pageSize)).toEqual([4096, 16384, 65536]);
    for (const ir of irs) {
      for (const r of RFC) {
        const v = versionOf(ir, r.schema, r.version);
        expect(v.compose).toBe(true);
        expect(v.compatible).toBe(r.text);
        expect(v.base).toBe(r.base);
        expect(v.subcomponents.map((s) => s.compatible)).toEqual(r.subs);
        expect(v.storageSize).toBe(r.aligned);
      }
    }
  });

  it('stores plain strings as they are', () => {
    const ir = irs[0]!;
    expect(versionOf(ir, 'luo', 'luo-v5').compatible).toBe('luo-v5');
    expect(versionOf(ir, 'luo', 'luo-v5').storageSize).toBe(8);
    expect(versionOf(ir, 'memfd', 'memfd-v2').compatible).toBe('memfd-v2');
    expect(versionOf(ir, 'kexec_handover', 'kho-v4').compatible).toBe('kho-v4');
  });

  it('lays luo_ser out after its string: 32 bytes for "luo-v5", 40 for "luo-v5;block-v1"', () => {
    for (const ir of irs) {
      const plain = structOf(versionOf(ir, 'luo', 'luo-v5'), 'luo_ser');
      const comp = structOf(versionOf(ir, 'luo', 'luo-v5-composite'), 'luo_ser');
      expect(plain.size).toBe(32);
      expect(comp.size).toBe(40);
      expect(plain.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
        ['compatible', 0, 8],
        ['liveupdate_num', 8, 8],
        ['sessions_pa', 16, 8],
        ['flbs_pa', 24, 8],
      ]);
      expect(comp.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
        ['compatible', 0, 16],
        ['liveupdate_num', 16, 8],
        ['sessions_pa', 24, 8],
        ['flbs_pa', 32, 8],
      ]);
      expect(comp.fingerprint).not.toBe(plain.fingerprint);
      // luo-v3 and luo-v4 store strings of the same length: the same luo_ser.
      expect(structOf(versionOf(ir, 'luo', 'luo-v3'), 'luo_ser').fingerprint).toBe(plain.fingerprint);
    }
  });

  it('keeps memfd_luo_ser at 48 bytes in the composite: its string lives in luo_file_ser.compatible[48]', () => {
    const ir = irs[0]!;
    const a = structOf(versionOf(ir, 'memfd', 'memfd-v2'), 'memfd_luo_ser');
    const b = structOf(versionOf(ir, 'memfd', 'memfd-v2-composite'), 'memfd_luo_ser');
    expect([a.size, b.size]).toEqual([48, 48]);
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('lays luo_ser out at 48 bytes (char[24]) for the tatashin "luo-v3-kho-block-v1"', () => {
    const inputs = schemaInputs().map((i) => {
      if (i.path !== 'schemas/luo.yaml') return i;
      let text = Buffer.from(i.bytes).toString('utf8');
      const anchor = '    - id: luo-v5-composite\n';
      expect(text).toContain(anchor);
      text = text.replace(anchor, '    - id: luo-v3-kho-block\n      compatible: luo-v3-kho-block-v1\n      doc: The tatashin branch.\n' + anchor);
      // Every list luo-v3 is in (luo_ser and its string, the session header, the arrays) takes the new version too.
      text = text.replace(/in: \[([^\]\n]*)\]/g, (all, list: string) => (list.split(', ').includes('luo-v3') ? `in: [${list}, luo-v3-kho-block]` : all));
      return { path: i.path, bytes: enc.encode(text) };
    });
    const ir = irsOf(inputs)[0]!;
    const v = versionOf(ir, 'luo', 'luo-v3-kho-block');
    expect(v.storageSize).toBe(24);
    const st = structOf(v, 'luo_ser');
    expect(st.size).toBe(48);
    expect(st.fields[0]!.size).toBe(24);
  });
});

// ---------------------------------------------------------------- schema errors

interface JsonDiag {
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
}

async function validate(root: string): Promise<{ code: number; diags: JsonDiag[]; stderr: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/kho-abi.mjs'), '--root', root, 'validate', '--format', 'json'], { cwd: repoRoot });
    return { code: 0, diags: JSON.parse(stdout) as JsonDiag[], stderr: '' };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    let diags: JsonDiag[] = [];
    try {
      diags = JSON.parse(x.stderr) as JsonDiag[];
    } catch {
      // Not JSON: keep the text for the failure message.
    }
    return { code: x.code, diags, stderr: x.stderr };
  }
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`'${needle}' not found`);
  return i + 1;
}

describe('composite errors in schemas', () => {
  const dirs: string[] = [];
  const copy = (edit: (memfd: string) => string): { root: string; text: string } => {
    const root = mkdtempSync(join(tmpdir(), 'kho-abi-compat-'));
    dirs.push(root);
    cpSync(join(repoRoot, 'schemas'), join(root, 'schemas'), { recursive: true });
    const file = join(root, 'schemas/memfd.yaml');
    const before = readFileSync(file, 'utf8');
    const text = edit(before);
    expect(text).not.toBe(before);
    writeFileSync(file, text);
    return { root, text };
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a composite that does not fit luo_file_ser.compatible[48] is string-too-long at its version', async () => {
    // 41 bytes with its NUL fits 48 alone; with ";vmalloc-v1" it needs 52 -> 56.
    const base = 'memfd-v3-with-a-rather-long-base-string-x';
    const { root, text } = copy((t) =>
      t
        .replace('    - id: memfd-features\n', `    - id: memfd-v3-composite\n      compatible: ${base}\n      compose: true\n      subcomponents: [vmalloc]\n      doc: Too long to fit.\n    - id: memfd-features\n`)
        .replaceAll('in: [memfd-v2, memfd-v2-composite, memfd-features]', 'in: [memfd-v2, memfd-v2-composite, memfd-v3-composite, memfd-features]'),
    );
    const r = await validate(root);
    expect(r.code, r.stderr).toBe(1);
    const tooLong = r.diags.filter((d) => d.code === 'string-too-long');
    expect(tooLong, r.stderr).toHaveLength(1);
    const d = tooLong[0]!;
    expect(d.file).toMatch(/schemas\/memfd\.yaml$/);
    expect(d.line).toBe(lineOf(text, '- id: memfd-v3-composite'));
    expect(d.message).toContain(`${base};vmalloc-v1`);
    expect(d.message).toContain('56');
    expect(d.message).toContain('48');
    expect(d.message).toContain('luo_file_ser.compatible');
  });

  it('a sub-component list that names one the layout does not use is compat-subcomponents-mismatch at its line', async () => {
    const { root, text } = copy((t) => t.replace('      subcomponents: [vmalloc]\n', '      subcomponents: [block, vmalloc]\n'));
    const r = await validate(root);
    expect(r.code, r.stderr).toBe(1);
    const d = r.diags.find((x) => x.code === 'compat-subcomponents-mismatch');
    expect(d, r.stderr).toBeDefined();
    expect(d!.line).toBe(lineOf(text, 'subcomponents: [block, vmalloc]'));
    expect(d!.message).toContain('memfd-v2-composite');
    expect(d!.message).toContain('block');
  });

  it('a sub-component list that leaves out one the layout uses is compat-subcomponents-mismatch at its line', async () => {
    const { root, text } = copy((t) => t.replace('      subcomponents: [vmalloc]\n', '      subcomponents: []\n'));
    const r = await validate(root);
    expect(r.code, r.stderr).toBe(1);
    const d = r.diags.find((x) => x.code === 'compat-subcomponents-mismatch');
    expect(d, r.stderr).toBeDefined();
    expect(d!.line).toBe(lineOf(text, 'subcomponents: []'));
    expect(d!.message).toContain('vmalloc');
  });
});

// ---------------------------------------------------------------- reading and verifying

describe('parseCompat', () => {
  it('splits the RFC strings into base and sub-components', () => {
    for (const r of RFC) expect(parseCompat(r.text)).toEqual({ text: r.text, base: r.base, subs: r.subs });
    expect(parseCompat('luo-v3-kho-block-v1')).toEqual({ text: 'luo-v3-kho-block-v1', base: 'luo-v3-kho-block-v1', subs: [] });
  });

  it.each([
    ['', /empty/],
    ['memfd-v2;', /empty/],
    [';vmalloc-v1', /empty/],
    ['memfd-v2;;vmalloc-v1', /empty/],
    ['kho-v4;vmalloc-v1;radix-v1', /order/],
    ['luo-v5;block-v1;block-v1', /twice/],
    ['memfd-v2;vmalloc v1', /printable/],
    ['memfd-v2;vmall\u00f6c-v1', /printable/],
  ])('refuses %j', (text, why) => {
    expect(refusal(() => parseCompat(text))).toMatch(why);
  });
});

describe('readStoredCompat', () => {
  it('reads a NUL-padded string from its field', () => {
    expect(readStoredCompat(stored('luo-v5', 8))).toBe('luo-v5');
    expect(readStoredCompat(stored('luo-v5;block-v1', 16))).toBe('luo-v5;block-v1');
    expect(readStoredCompat(stored('memfd-v2;vmalloc-v1', 48))).toBe('memfd-v2;vmalloc-v1');
    expect(readStoredCompat(stored('', 8))).toBe('');
  });

  it('refuses a field without a NUL: unterminated or truncated', () => {
    expect(refusal(() => readStoredCompat(enc.encode('luo-v5;b')))).toMatch(/NUL/);
    expect(refusal(() => readStoredCompat(new Uint8Array(48).fill(0x41)))).toMatch(/NUL/);
    // "luo-v5;block-v1" in the 8 bytes luo-v5 gives luo_ser.compatible.
    expect(refusal(() => readStoredCompat(stored('luo-v5;block-v1', 8)))).toMatch(/NUL/);
    expect(() => readStoredCompat(new Uint8Array(0))).toThrow(CompatError);
  });

  it('reads past bytes after the NUL with a warning, as strcmp does; refuses them in strict mode, naming the byte', () => {
    const b = stored('luo-v5', 16);
    b[12] = 0x78;
    const warnings: ReadWarning[] = [];
    expect(readStoredCompat(b, { warnings })).toBe('luo-v5');
    expect(warnings.map((w) => [w.code, w.offset])).toEqual([['string-padding', 12]]);
    expect(refusal(() => readStoredCompat(b, { strict: true }))).toMatch(/byte 12.*0x78|0x78.*byte 12/);
    const c = stored('memfd-v2', 48);
    c[47] = 1;
    expect(refusal(() => readStoredCompat(c, { strict: true }))).toMatch(/47/);
  });
});

const problems = (found: string, supported: readonly string[]): CompatProblem[] => [...verifyCompat(found, supported).problems];

describe('verifyCompat', () => {
  const KHO = ['kho-v1', 'kho-v2', 'kho-v3', 'kho-v4', 'kho-v4;radix-v1;vmalloc-v1'];
  const LUO = ['luo-v3', 'luo-v4', 'luo-v5', 'luo-v5;block-v1'];

  it('accepts exactly the supported strings', () => {
    for (const s of [...MEMFD_SUPPORTED_COMPATIBLES, ...KHO, ...LUO]) {
      const sup = s.startsWith('memfd') ? MEMFD_SUPPORTED_COMPATIBLES : s.startsWith('kho') ? KHO : LUO;
      const v = verifyCompat(s, sup);
      expect(v.ok, s).toBe(true);
      expect(v.problems).toEqual([]);
    }
    expect(MEMFD_SUPPORTED_COMPATIBLES).toEqual(['memfd-v1', 'memfd-v2', 'memfd-v2;vmalloc-v1']);
  });

  it('names the component whose version is wrong', () => {
    expect(problems('memfd-v3;vmalloc-v1', MEMFD_SUPPORTED_COMPATIBLES)).toEqual([{ kind: 'version', component: 'memfd', found: 'memfd-v3', expected: 'memfd-v2' }]);
    expect(problems('memfd-v2;vmalloc-v2', MEMFD_SUPPORTED_COMPATIBLES)).toEqual([{ kind: 'version', component: 'vmalloc', found: 'vmalloc-v2', expected: 'vmalloc-v1' }]);
    expect(problems('kho-v4;radix-v2;vmalloc-v1', KHO)).toEqual([{ kind: 'version', component: 'radix', found: 'radix-v2', expected: 'radix-v1' }]);
    expect(problems('luo-v6;block-v2', LUO)).toEqual([
      { kind: 'version', component: 'luo', found: 'luo-v6', expected: 'luo-v5' },
      { kind: 'version', component: 'block', found: 'block-v2', expected: 'block-v1' },
    ]);
    const line = describeVerdict(verifyCompat('luo-v5;block-v2', LUO));
    expect(line).not.toContain('\n');
    expect(line).toContain('block-v2');
    expect(line).toContain('block-v1');
  });

  it('names missing and unknown sub-components', () => {
    expect(problems('kho-v4;radix-v1', KHO)).toEqual([{ kind: 'missing', component: 'vmalloc', expected: 'vmalloc-v1' }]);
    expect(problems('kho-v4;vmalloc-v1', KHO)).toEqual([{ kind: 'missing', component: 'radix', expected: 'radix-v1' }]);
    expect(problems('memfd-v2;block-v1;vmalloc-v1', MEMFD_SUPPORTED_COMPATIBLES)).toEqual([{ kind: 'unknown', component: 'block', found: 'block-v1' }]);
    expect(describeVerdict(verifyCompat('memfd-v2;block-v1;vmalloc-v1', MEMFD_SUPPORTED_COMPATIBLES))).toMatch(/block/);
  });

  it('names a string of another component by its base', () => {
    expect(problems('luo-v5', MEMFD_SUPPORTED_COMPATIBLES)).toEqual([{ kind: 'base', found: 'luo-v5', expected: 'memfd-v2' }]);
  });

  it('refuses malformed strings with the rule they break', () => {
    for (const [s, why] of [['', /empty/], ['kho-v4;vmalloc-v1;radix-v1', /order/], ['memfd-v2;vmalloc-v1;vmalloc-v1', /twice/]] as const) {
      const v = verifyCompat(s, s.startsWith('kho') ? KHO : MEMFD_SUPPORTED_COMPATIBLES);
      expect(v.ok).toBe(false);
      expect(v.problems[0]!.kind).toBe('malformed');
      expect(describeVerdict(v)).toMatch(why);
    }
  });

  it('measures a plain wrong version against the plain supported string (memfd-v9 needs no vmalloc)', () => {
    // A reader that supports "memfd-v2" accepts it without any sub-component, so
    // the only thing wrong with "memfd-v9" is the memfd version.
    const v = verifyCompat('memfd-v9', MEMFD_SUPPORTED_COMPATIBLES);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ kind: 'version', component: 'memfd', found: 'memfd-v9', expected: 'memfd-v2' });
    expect(v.problems.filter((p) => p.kind === 'missing')).toEqual([]);
  });

  it('is exact: a longer version number is a different version', () => {
    expect(problems('memfd-v22', MEMFD_SUPPORTED_COMPATIBLES).some((p) => p.kind === 'version' || p.kind === 'base')).toBe(true);
    expect(verifyCompat('memfd-v22', MEMFD_SUPPORTED_COMPATIBLES).ok).toBe(false);
    expect(verifyCompat('memfd-v', MEMFD_SUPPORTED_COMPATIBLES).ok).toBe(false);
  });
});

describe('the generated memfd reader', () => {
  it('accepts the stored strings it supports and picks their version', () => {
    expect(verifyMemfdCompatible(stored('memfd-v2', 48)).ok).toBe(true);
    expect(verifyMemfdCompatible(stored('memfd-v2;vmalloc-v1', 48)).ok).toBe(true);
    expect(memfdVersionFor(stored('memfd-v1', 48)).id).toBe('memfd-v1');
    expect(memfdVersionFor('memfd-v2').id).toBe('memfd-v2');
    expect(memfdVersionFor(stored('memfd-v2;vmalloc-v1', 48)).id).toBe('memfd-v2-composite');
  });

  it('refuses truncated and unterminated fields; reads a padded-with-garbage one as strcmp does, with a warning (refused when strict)', () => {
    expect(verifyMemfdCompatible(stored('memfd-v', 48)).ok).toBe(false);
    expect(() => verifyMemfdCompatible(new Uint8Array(48).fill(0x6d))).toThrow(CompatError);
    const g = stored('memfd-v2', 48);
    g[20] = 0x41;
    const warnings: ReadWarning[] = [];
    expect(verifyMemfdCompatible(g, { warnings }).ok).toBe(true);
    expect(memfdVersionFor(g).id).toBe('memfd-v2');
    expect(warnings.map((w) => [w.code, w.offset])).toEqual([['string-padding', 20]]);
    expect(() => verifyMemfdCompatible(g, { strict: true })).toThrow(CompatError);
    expect(() => memfdVersionFor(g, { strict: true })).toThrow(CompatError);
  });

  it('says what it found and what it supports when no version matches', () => {
    const m = refusal(() => memfdVersionFor('memfd-v9'));
    expect(m).toContain('memfd-v9');
    for (const s of MEMFD_SUPPORTED_COMPATIBLES) expect(m).toContain(`"${s}"`);
  });
});

// ---------------------------------------------------------------- properties

/** A compatible-string part: printable ASCII without the separator. */
const part = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).filter((c) => c !== 0x3b).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 24 });
const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('properties', () => {
  it('compose -> parse round-trips for any sorted set of sub-components', () => {
    fc.assert(
      fc.property(part, fc.uniqueArray(part, { maxLength: 8 }), (base, raw) => {
        const subs = [...raw].sort(byBytes);
        const text = composeCompat(base, subs);
        expect(text).toBe([base, ...subs].join(';'));
        expect(parseCompat(text)).toEqual({ text, base, subs });
        const size = compatStorageSize(text);
        expect(size % 8).toBe(0);
        expect(size).toBeGreaterThan(text.length);
        expect(size - (text.length + 1)).toBeLessThan(8);
        expect(readStoredCompat(stored(text, size))).toBe(text);
        expect(verifyCompat(text, [text]).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('any other order of the same set is refused', () => {
    fc.assert(
      fc.property(part, fc.uniqueArray(part, { minLength: 2, maxLength: 6 }), (base, raw) => {
        const sorted = [...raw].sort(byBytes);
        const unsorted = [...sorted].reverse();
        expect(() => composeCompat(base, unsorted)).toThrow(CompatError);
        expect(() => parseCompat([base, ...unsorted].join(';'))).toThrow(CompatError);
      }),
      { numRuns: 200 },
    );
  });
});
