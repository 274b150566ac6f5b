/**
 * The generated C readers of compatible strings, compiled with gcc against
 * the generated headers: <component>_compat_ok() accepts the string the
 * kernel writes (a bounded copy into zeroed memory, kernel-abi.md section 4)
 * and nothing else, and reads no byte past the array it is given (the test
 * program runs under AddressSanitizer with each array on the heap at its
 * exact size). A second header set, generated with the composite versions
 * current, must define the RFC strings, and its static_asserts must stop a
 * header whose sub-components are out of order or whose string does not fit.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_INCLUDE, REPO_ROOT, SHIM_FALLBACK_INCLUDE, SHIM_INCLUDE } from './helpers/gcc.js';

const run = promisify(execFile);

const ABI = 'linux/kho/abi';

interface Built {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Compiles `source` against the shim and the headers under `include` with the
 * kernel's warnings as errors (the flags test/helpers/gcc.ts uses), and runs
 * it when `execute` is set. AddressSanitizer catches a read past an array.
 */
async function build(include: string, source: string, execute: boolean): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-compat-c-'));
  try {
    const src = join(dir, 'test.c');
    const exe = join(dir, 'test');
    writeFileSync(src, source);
    const args = ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-I', SHIM_INCLUDE, '-I', include, '-I', SHIM_FALLBACK_INCLUDE, '-include', 'kho-shim.h', '-DPAGE_SHIFT=12'];
    try {
      if (execute) await run('gcc', [...args, '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=all', '-o', exe, src], { cwd: REPO_ROOT });
      else await run('gcc', [...args, '-fsyntax-only', src], { cwd: REPO_ROOT });
    } catch (e) {
      const x = e as { stderr?: string; message?: string };
      return { ok: false, stdout: '', stderr: x.stderr ?? x.message ?? String(e) };
    }
    if (!execute) return { ok: true, stdout: '', stderr: '' };
    try {
      const { stdout, stderr } = await run(exe, [], { cwd: dir, env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
      return { ok: true, stdout, stderr };
    } catch (e) {
      const x = e as { stdout?: string; stderr?: string; message?: string };
      throw new Error(`test program failed:\n${x.stderr ?? x.message}\nstdout:\n${x.stdout ?? ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- cases

interface Case {
  readonly label: string;
  /** The function under test: memfd_compat_ok, luo_compat_ok, kho_compat_ok. */
  readonly fn: string;
  /** The array exactly as found in memory. */
  readonly bytes: Uint8Array;
  /** The kernel's verdict. */
  readonly accept: boolean;
}

const enc = new TextEncoder();

/** `text` and NULs, `size` bytes: the kernel's bounded copy into zeroed memory (cut at `size`, no NUL if it does not fit). */
function padded(text: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(enc.encode(text).subarray(0, size));
  return out;
}

/** The cases for one reader whose supported string is `want`, stored in a `field`-byte array. */
function casesFor(fn: string, want: string, field: number, wrong: readonly string[]): Case[] {
  const n = enc.encode(want).length;
  const c = (label: string, bytes: Uint8Array, accept: boolean): Case => ({ label: `${fn} ${label}`, fn, bytes, accept });
  // An array with bytes after the NUL, even when the field has none to spare.
  const room = Math.max(field, n + 9);
  const garbage = padded(want, room);
  garbage[room - 1] = 0x78;
  const garbageNext = padded(want, room);
  garbageNext[n + 1] = 0x21;
  const unterminated = new Uint8Array(field).fill(0x61);
  unterminated.set(enc.encode(want));
  return [
    c(`"${want}" zero-padded in ${field}`, padded(want, field), true),
    c(`"${want}" in exactly ${n + 1} bytes`, padded(want, n + 1), true),
    c(`"${want}" with its NUL in a larger array`, padded(want, 64), true),
    ...wrong.map((w) => c(`"${w}"`, padded(w, field), false)),
    c(`truncated "${want.slice(0, -1)}"`, padded(want.slice(0, -1), field), false),
    c(`truncated "${want.slice(0, 3)}"`, padded(want.slice(0, 3), field), false),
    c('unterminated: the array full of non-NUL bytes', unterminated, false),
    c(`"${want}" without its NUL in ${n} bytes`, enc.encode(want), false),
    // strcmp/strncmp stop at the NUL (luo_core.c, luo_file.c, luo_flb.c): what follows is never read.
    c('trailing garbage in the last byte', garbage, true),
    c('trailing garbage right after the NUL', garbageNext, true),
    c(`longer "${want}2"`, padded(`${want}2`, field), false),
    c(`longer "${want};x"`, padded(`${want};x`, field), false),
    c('an array smaller than the string', enc.encode(want.slice(0, 4)), false),
    c('an empty string', padded('', field), false),
    c('a zero-length array', new Uint8Array(0), false),
  ];
}

const cBytes = (b: Uint8Array): string => (b.length ? `{ ${[...b].map((x) => `0x${x.toString(16).padStart(2, '0')}`).join(', ')} }` : '{ 0 }');

/**
 * The program: each case's bytes are copied into a heap array of exactly
 * their length (so ASan sees a read past it), the reader is called with that
 * length, and one line `<index> <verdict>` is printed. `extra` adds checks.
 */
function program(cases: readonly Case[], extra: readonly string[] = []): string {
  const lines = [
    `#include <${ABI}/memfd.h>`,
    `#include <${ABI}/luo.h>`,
    `#include <${ABI}/kexec_handover.h>`,
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    '',
    'static int check(bool (*ok)(const char *, size_t), const unsigned char *bytes, size_t size)',
    '{',
    '\tchar *p = malloc(size ? size : 1);',
    '\tint r;',
    '',
    '\tif (!p)',
    '\t\texit(2);',
    '\tmemcpy(p, bytes, size);',
    '\tr = ok(p, size);',
    '\tfree(p);',
    '\treturn r;',
    '}',
    '',
  ];
  cases.forEach((c, i) => lines.push(`static const unsigned char case_${i}[] = ${cBytes(c.bytes)};`));
  lines.push('', 'int main(void)', '{');
  cases.forEach((c, i) => lines.push(`\tprintf("${i} %d\\n", check(${c.fn}, case_${i}, ${c.bytes.length}));`));
  lines.push(...extra.map((l) => `\t${l}`), '\treturn 0;', '}');
  return lines.join('\n') + '\n';
}

function verdicts(stdout: string, cases: readonly Case[]): { label: string; accept: boolean }[] {
  const got = new Map(stdout.split('\n').filter((l) => /^\d+ [01]$/.test(l)).map((l) => [Number(l.split(' ')[0]), l.endsWith('1')]));
  return cases.map((c, i) => ({ label: c.label, accept: got.get(i) ?? !c.accept }));
}

const expected = (cases: readonly Case[]) => cases.map((c) => ({ label: c.label, accept: c.accept }));

// ---------------------------------------------------------------- the committed headers

describe('<component>_compat_ok in the committed headers', () => {
  const cases = [
    ...casesFor('memfd_compat_ok', 'memfd-v2', 48, ['memfd-v1', 'memfd-v9', 'memfd-v2;vmalloc-v1', 'luo-v5']),
    ...casesFor('luo_compat_ok', 'luo-v5', 8, ['luo-v4', 'luo-v3', 'luo-v6', 'luo-v5;block-v1'.slice(0, 7)]),
    ...casesFor('kho_compat_ok', 'kho-v4', 8, ['kho-v3', 'kho-v1', 'kho-v9']),
  ];

  it('accepts the string the kernel writes and refuses every other array, reading no byte past it', async () => {
    const extra = [
      'printf("memfd %s %zu\\n", MEMFD_LUO_FH_COMPATIBLE, sizeof_field(struct luo_file_ser, compatible));',
      'printf("luo %s %zu %zu\\n", LUO_ABI_COMPATIBLE, sizeof_field(struct luo_ser, compatible), sizeof(struct luo_ser));',
      'printf("kho %s\\n", KHO_FDT_COMPATIBLE);',
    ];
    const r = await build(GENERATED_INCLUDE, program(cases, extra), true);
    expect(r.ok, r.stderr).toBe(true);
    expect(r.stdout).toContain('memfd memfd-v2 48\n');
    expect(r.stdout).toContain('luo luo-v5 8 32\n');
    expect(r.stdout).toContain('kho kho-v4\n');
    expect(verdicts(r.stdout, cases)).toEqual(expected(cases));
  });
});

describe('the harness', () => {
  it('catches a reader that reads one byte past the array it is given', async () => {
    const source = program([]).replace(
      'int main(void)\n{',
      [
        'static bool sloppy_ok(const char *stored, size_t size)',
        '{',
        '\treturn !memcmp(stored, "memfd-v2", size + 1);',
        '}',
        '',
        'int main(void)',
        '{',
        '\tprintf("%d\\n", check(sloppy_ok, (const unsigned char *)"memfd-v2", 8));',
      ].join('\n'),
    );
    await expect(build(GENERATED_INCLUDE, source, true)).rejects.toThrow(/AddressSanitizer|overflow/);
  });
});

// ---------------------------------------------------------------- composite headers

describe('headers generated with the composite versions current', () => {
  let root: string;
  let include: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kho-abi-composite-'));
    cpSync(join(REPO_ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
    const setCurrent = (file: string, from: string, to: string): void => {
      const p = join(root, 'schemas', file);
      const text = readFileSync(p, 'utf8');
      const edited = text.replace(`  current: ${from}\n`, `  current: ${to}\n`);
      if (edited === text) throw new Error(`${file}: no 'current: ${from}'`);
      writeFileSync(p, edited);
    };
    setCurrent('memfd.yaml', 'memfd-v2', 'memfd-v2-composite');
    setCurrent('luo.yaml', 'luo-v5', 'luo-v5-composite');
    setCurrent('kexec_handover.yaml', 'kho-v4', 'kho-v4-composite');
    await run(process.execPath, [join(REPO_ROOT, 'bin/kho-abi.mjs'), '--root', root, 'gen'], { cwd: REPO_ROOT });
    include = join(root, 'generated', 'include');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases = [
    ...casesFor('memfd_compat_ok', 'memfd-v2;vmalloc-v1', 48, ['memfd-v2', 'memfd-v1;vmalloc-v1', 'memfd-v2;vmalloc-v2', 'memfd-v2;block-v1;vmalloc-v1']),
    ...casesFor('luo_compat_ok', 'luo-v5;block-v1', 16, ['luo-v5', 'luo-v5;block-v2', 'luo-v4;block-v1']),
    ...casesFor('kho_compat_ok', 'kho-v4;radix-v1;vmalloc-v1', 32, ['kho-v4', 'kho-v4;vmalloc-v1;radix-v1', 'kho-v4;radix-v1', 'kho-v4;radix-v1;vmalloc-v2']),
  ];

  it('defines the RFC composites, sizes luo_ser.compatible for its string, and reads them as the kernel writes them', async () => {
    const extra = [
      'printf("memfd_rfc %d\\n", !strcmp(MEMFD_LUO_FH_COMPATIBLE, "memfd-v2;vmalloc-v1"));',
      'printf("luo_rfc %d\\n", !strcmp(LUO_ABI_COMPATIBLE, "luo-v5;block-v1"));',
      'printf("kho_rfc %d\\n", !strcmp(KHO_FDT_COMPATIBLE, "kho-v4;radix-v1;vmalloc-v1"));',
      'printf("sizes %zu %zu %zu %zu\\n", sizeof(MEMFD_LUO_FH_COMPATIBLE), sizeof(LUO_ABI_COMPATIBLE), sizeof(KHO_FDT_COMPATIBLE), (size_t)KHO_COMPAT_ALIGN(KHO_FDT_COMPATIBLE));',
      'printf("luo_ser %zu %zu %zu\\n", sizeof_field(struct luo_ser, compatible), sizeof(struct luo_ser), offsetof(struct luo_ser, liveupdate_num));',
      'printf("memfd_ser %zu %zu\\n", sizeof(struct memfd_luo_ser), sizeof_field(struct luo_file_ser, compatible));',
    ];
    const r = await build(include, program(cases, extra), true);
    expect(r.ok, r.stderr).toBe(true);
    for (const line of ['memfd_rfc 1', 'luo_rfc 1', 'kho_rfc 1', 'sizes 20 16 27 32', 'luo_ser 16 40 16', 'memfd_ser 48 48']) {
      expect(r.stdout).toContain(`${line}\n`);
    }
    expect(verdicts(r.stdout, cases)).toEqual(expected(cases));
  });

  /** A copy of the composite header tree with one header edited; returns gcc's verdict on the headers. */
  async function edited(file: string, from: string | RegExp, to: string): Promise<Built> {
    const copy = mkdtempSync(join(tmpdir(), 'kho-abi-edited-'));
    try {
      cpSync(include, copy, { recursive: true });
      const p = join(copy, ABI, file);
      const text = readFileSync(p, 'utf8');
      const changed = text.replace(from, to);
      expect(changed, `${file} has no ${String(from)}`).not.toBe(text);
      writeFileSync(p, changed);
      return await build(copy, program([]), false);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  it('the unedited copy compiles (the control for the cases below)', async () => {
    const r = await edited('memfd.h', '/* SPDX-License-Identifier', '/*  SPDX-License-Identifier');
    expect(r.ok, r.stderr).toBe(true);
  });

  it('a sub-component renamed out of strcmp order fails to compile', async () => {
    // "zradix-v1" sorts after "vmalloc-v1": "kho-v4;zradix-v1;vmalloc-v1" breaks the rule.
    const r = await edited('radix_tree.h', /(#define KHO_RADIX_COMPATIBLE\s+)"radix-v1"/, '$1"zradix-v1"');
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/static assert/i);
    expect(r.stderr).toContain('KHO_FDT_COMPATIBLE');
  });

  it('sub-components swapped in the composite definition fail to compile', async () => {
    // KHO_FDT_COMPATIBLE becomes "kho-v4;vmalloc-v1;radix-v1"; the kernel's KUnit test refuses it.
    const r = await edited(
      'kexec_handover.h',
      'KHO_SUB_COMPAT(KHO_RADIX_COMPATIBLE) KHO_SUB_COMPAT(KHO_VMALLOC_COMPATIBLE)',
      'KHO_SUB_COMPAT(KHO_VMALLOC_COMPATIBLE) KHO_SUB_COMPAT(KHO_RADIX_COMPATIBLE)',
    );
    expect(r.ok, 'a header defining "kho-v4;vmalloc-v1;radix-v1" compiled').toBe(false);
  });

  it('a memfd composite that does not fit luo_file_ser.compatible[48] fails to compile', async () => {
    // 41 + ";vmalloc-v1" = 52 bytes, 56 aligned.
    const r = await edited('memfd.h', /(#define MEMFD_LUO_FH_COMPAT_BASE\s+)"memfd-v2"/, '$1"memfd-v2-with-a-much-longer-base-string-x"');
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/static assert/i);
    expect(r.stderr).toContain('luo_file_ser.compatible');
  });

  it('luo_ser.compatible too small for the composite fails to compile', async () => {
    const r = await edited('luo.h', /(#define LUO_ABI_COMPAT_LEN\s+)(?:ALIGN\(sizeof\(LUO_ABI_COMPATIBLE\), 8\)|KHO_COMPAT_ALIGN\(LUO_ABI_COMPATIBLE\))/, '$18');
    expect(r.ok).toBe(false);
    expect(r.stderr).toMatch(/static assert/i);
  });
});

// ---------------------------------------------------------------- numbered versions

/**
 * Versions that share one string and are told apart by a number in a member
 * (component.version_member): <component>_compat_ok() takes that struct too
 * and accepts only this version's number, as the restore path compares it
 * (pci_flb_retrieve, the IOMMU FLB's retrieve: any other number is refused).
 */
interface NumberedCase {
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly number: bigint;
  readonly accept: boolean;
}

function numberedCases(want: string, field: number, number: bigint, memberBits: number): NumberedCase[] {
  const c = (label: string, bytes: Uint8Array, n: bigint, accept: boolean): NumberedCase => ({ label, bytes, number: n, accept });
  const max = (1n << BigInt(memberBits)) - 1n;
  return [
    c(`"${want}" and ${number}`, padded(want, field), number, true),
    c(`"${want}" in exactly its bytes and ${number}`, padded(want, want.length + 1), number, true),
    c(`"${want}" and ${number - 1n}`, padded(want, field), number - 1n, false),
    c(`"${want}" and ${number + 1n}`, padded(want, field), number + 1n, false),
    c(`"${want}" and 0`, padded(want, field), 0n, false),
    c(`"${want}" and ${max}`, padded(want, field), max, false),
    ...(memberBits > 32 ? [c(`"${want}" and ${number} + 2^32 (the whole member is compared)`, padded(want, field), number + (1n << 32n), false)] : []),
    c(`"${want}x" and ${number}`, padded(`${want}x`, field), number, false),
    c(`"${want}-v${number}" and ${number}`, padded(`${want}-v${number}`, field), number, false),
    c(`unterminated "${want}" and ${number}`, new TextEncoder().encode(want), number, false),
    c(`empty and ${number}`, padded('', field), number, false),
  ];
}

/** A program calling `fn` on each case, the string on the heap at its exact size and the struct on the heap. */
function numberedProgram(header: string, fn: string, struct: string, member: string, cases: readonly NumberedCase[]): string {
  const lines = [
    `#include <${ABI}/${header}>`,
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '#include <string.h>',
    '',
    'static int check(const unsigned char *bytes, size_t size, unsigned long long number)',
    '{',
    '\tchar *p = malloc(size ? size : 1);',
    `\tstruct ${struct} *ser = calloc(1, sizeof(*ser));`,
    '\tint r;',
    '',
    '\tif (!p || !ser)',
    '\t\texit(2);',
    '\tmemcpy(p, bytes, size);',
    `\tser->${member} = number;`,
    `\tif (ser->${member} != number)`,
    '\t\texit(3);',
    `\tr = ${fn}(p, size, ser);`,
    '\tfree(p);',
    '\tfree(ser);',
    '\treturn r;',
    '}',
    '',
  ];
  cases.forEach((c, i) => lines.push(`static const unsigned char case_${i}[] = ${cBytes(c.bytes)};`));
  lines.push('', 'int main(void)', '{');
  cases.forEach((c, i) => lines.push(`\tprintf("${i} %d\\n", check(case_${i}, ${c.bytes.length}, ${c.number}ULL));`));
  lines.push('\treturn 0;', '}');
  return lines.join('\n') + '\n';
}

describe('<component>_compat_ok of a numbered version checks the string and the number', () => {
  it('the committed iommu.h: "iommu-liveupdate" and iommu_flb_ser.version (u64) 1, nothing else', async () => {
    const cases = numberedCases('iommu-liveupdate', 48, 1n, 64);
    const r = await build(GENERATED_INCLUDE, numberedProgram('iommu.h', 'iommu_compat_ok', 'iommu_flb_ser', 'version', cases), true);
    expect(r.ok, r.stderr).toBe(true);
    expect(verdicts(r.stdout, cases as unknown as Case[])).toEqual(expected(cases as unknown as Case[]));
  });

  it('pci.h generated with pci-2 current: "pci" and pci_ser.version (u32) 2, not pci-1\'s 1; the string-only versions keep the two-argument check', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kho-abi-numbered-'));
    try {
      cpSync(join(REPO_ROOT, 'schemas'), join(root, 'schemas'), { recursive: true });
      const p = join(root, 'schemas', 'pci.yaml');
      const text = readFileSync(p, 'utf8');
      writeFileSync(p, text.replace('  current: pci-v2\n', '  current: pci-2\n'));
      await run(process.execPath, [join(REPO_ROOT, 'bin/kho-abi.mjs'), '--root', root, 'gen'], { cwd: REPO_ROOT });
      const include = join(root, 'generated', 'include');
      expect(readFileSync(join(include, ABI, 'pci.h'), 'utf8')).toMatch(/#define PCI_LUO_FLB_VERSION\s+2\n/);
      const cases = numberedCases('pci', 48, 2n, 32);
      const r = await build(include, numberedProgram('pci.h', 'pci_compat_ok', 'pci_ser', 'version', cases), true);
      expect(r.ok, r.stderr).toBe(true);
      expect(verdicts(r.stdout, cases as unknown as Case[])).toEqual(expected(cases as unknown as Case[]));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // The committed pci.h is pci-v2, told apart by its string alone.
    expect(readFileSync(join(GENERATED_INCLUDE, ABI, 'pci.h'), 'utf8')).toContain('static inline bool pci_compat_ok(const char *stored, size_t size)\n');
  }, 120_000);
});
