/**
 * The command line as a new user runs it, with exit codes, one-line reasons
 * and no stack traces: in this process through generator/cli.ts `run` (the
 * code bin/kho-abi.mjs runs), and a few cases as real `node bin/kho-abi.mjs`
 * processes, so that start-up, stdin, stdout and exit codes are proven too.
 * Bytes are built by hand at the offsets the kernel measured
 * (kernel-abi.md section 2), and once by a C program through the generated
 * header, never by the codecs under test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli-in-process.js';
import { compileAndRun } from './helpers/gcc.js';
import { repoRoot } from './helpers/root.js';

interface Result {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly out: string;
  readonly err: string;
}

/** Runs kho-abi in this process with `args`, feeding `input` on stdin. */
function khoAbiInProcess(args: readonly string[], input: string | Uint8Array = '', cwd = repoRoot): Promise<Result> {
  return cli(args, { stdin: input, cwd });
}

/** Runs kho-abi as a process of its own with `args`, feeding `input` on stdin. */
function khoAbiProcess(args: readonly string[], input: string | Uint8Array = '', cwd = repoRoot): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/kho-abi.mjs'), ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out);
      resolve({ code, stdout, out: stdout.toString('utf8'), err: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined); // the command may exit before reading everything
    child.stdin.end(input);
  });
}

const khoAbi = khoAbiInProcess;

/** A refusal: exit 1, one line on stderr starting "kho-abi:", no stack trace. */
function expectRefusal(r: Result, ...mentions: (string | RegExp)[]): void {
  expect(r.code, `stdout: ${r.out}\nstderr: ${r.err}`).toBe(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/internal error/);
  const lines = r.err.trimEnd().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^kho-abi: /);
  for (const m of mentions) expect(lines[0]).toMatch(m);
}

// ---------------------------------------------------------------- bytes by hand

class Bytes {
  readonly b: Buffer;
  constructor(size: number) {
    this.b = Buffer.alloc(size);
  }
  u16(at: number, v: number): this {
    this.b.writeUInt16LE(v, at);
    return this;
  }
  u32(at: number, v: number): this {
    this.b.writeUInt32LE(v, at);
    return this;
  }
  u64(at: number, v: bigint): this {
    this.b.writeBigUInt64LE(v, at);
    return this;
  }
  str(at: number, s: string): this {
    this.b.write(s, at, 'utf8');
    return this;
  }
  get hex(): string {
    return this.b.toString('hex');
  }
}

const MAX = 18446744073709551615n;

interface RoundTrip {
  readonly struct: string;
  readonly args: readonly string[];
  readonly json: unknown;
  readonly bytes: Bytes;
  /** Raw bytes on stdin/stdout instead of hex. */
  readonly raw?: boolean;
}

const chunkPhys = Array.from({ length: 2047 }, (_, i) => (i === 0 ? '4096' : i === 1 ? '1099511627776' : i === 2046 ? MAX.toString() : '0'));
const chunkBytes = new Bytes(16384).u64(0, 0x7000n).u64(8, 4096n).u64(16, 1099511627776n).u64(8 + 2046 * 8, MAX);

const ROUND_TRIPS: readonly RoundTrip[] = [
  {
    struct: 'memfd_luo_ser',
    args: ['--version', 'memfd-v2'],
    // memfd-v2: pos@0 size@8 seals u32@16 flags u32@20 nr_folios@24 folios@32 (first@32 total_pages u32@40 flags u16@44 order u16@46).
    json: { pos: MAX.toString(), size: '4096', seals: 63, flags: 0, nr_folios: 3, folios: { first: '20015998341120', total_pages: 7, flags: 1, order: 2 } },
    bytes: new Bytes(48).u64(0, MAX).u64(8, 4096n).u32(16, 63).u32(20, 0).u64(24, 3n).u64(32, 20015998341120n).u32(40, 7).u16(44, 1).u16(46, 2),
  },
  {
    struct: 'memfd_luo_ser',
    args: ['--version', 'memfd-v1'],
    // memfd-v1: pos@0 size@8 nr_folios@16 folios@24. nr_folios at its bound (as_number: MAX_LFS_FILESIZE >> PAGE_SHIFT), a JSON number.
    json: { pos: MAX.toString(), size: '8192', nr_folios: 2251799813685247, folios: { first: '4096', total_pages: 4294967295, flags: 3, order: 65535 } },
    bytes: new Bytes(40).u64(0, MAX).u64(8, 8192n).u64(16, 2251799813685247n).u64(24, 4096n).u32(32, 4294967295).u16(36, 3).u16(38, 65535),
  },
  {
    struct: 'luo_ser',
    args: [],
    raw: true,
    // luo-v5: compatible char[8]@0 liveupdate_num@8 sessions_pa@16 flbs_pa@24.
    json: { compatible: 'luo-v5', liveupdate_num: '42', sessions_pa: '305419896', flbs_pa: MAX.toString() },
    bytes: new Bytes(32).str(0, 'luo-v5').u64(8, 42n).u64(16, 305419896n).u64(24, MAX),
  },
  {
    struct: 'luo_file_ser',
    args: [],
    // compatible char[48]@0 data@48 token@56.
    json: { compatible: 'memfd-v2;vmalloc-v1', data: '8589934592', token: MAX.toString() },
    bytes: new Bytes(64).str(0, 'memfd-v2;vmalloc-v1').u64(48, 8589934592n).u64(56, MAX),
  },
  {
    struct: 'kho_kexec_metadata',
    args: [],
    // version u32@0 previous_release char[65]@4 kexec_count u32@69 (packed, unaligned).
    json: { version: 1, previous_release: '6.19.0-rc1+', kexec_count: 3735928559 },
    bytes: new Bytes(73).u32(0, 1).str(4, '6.19.0-rc1+').u32(69, 3735928559),
  },
  {
    struct: 'kho_vmalloc_chunk',
    args: [],
    // One 16 KiB page: hdr.next@0, then 2047 u64.
    json: { hdr: { next: '28672' }, phys: chunkPhys },
    bytes: chunkBytes,
  },
];

describe.concurrent('kho-abi encode / decode', () => {
  for (const [i, t] of ROUND_TRIPS.entries()) {
    const label = `${t.struct}${t.args.length ? ` ${t.args.join(' ')}` : ''}`;
    // The first case runs as two real processes; the others in this process.
    const khoAbi = i === 0 ? khoAbiProcess : khoAbiInProcess;
    it(`${label} at 16 KiB pages: JSON -> the kernel's bytes -> the same JSON${i === 0 ? ' (as processes)' : ''}`, async () => {
      const common = [...t.args, '--page-size', '16384'];
      const enc = await khoAbi(['encode', t.struct, ...common, ...(t.raw ? [] : ['--hex'])], JSON.stringify(t.json));
      expect(enc.code, enc.err).toBe(0);
      expect(enc.err).toBe('');
      const bytes = t.raw ? enc.stdout.toString('hex') : enc.out.trim();
      expect(bytes).toBe(t.bytes.hex);
      const dec = t.raw ? await khoAbi(['decode', t.struct, ...common], t.bytes.b) : await khoAbi(['decode', t.struct, ...common, '--hex'], `${t.bytes.hex}\n`);
      expect(dec.code, dec.err).toBe(0);
      expect(JSON.parse(dec.out)).toEqual(t.json);
      // 64-bit values are decimal strings: JSON numbers would lose the low bits of 2^64-1.
      if (t.struct !== 'kho_kexec_metadata') expect(dec.out).toContain('"18446744073709551615"');
    });
  }
});

// ---------------------------------------------------------------- bad input

const memfdJson = (patch: Record<string, unknown> = {}): string =>
  JSON.stringify({ pos: '0', size: '0', seals: 0, flags: 0, nr_folios: '0', folios: { first: '0', total_pages: 0, flags: 0, order: 0 }, ...patch });

describe.concurrent('kho-abi encode / decode refuse bad input, naming struct, field and offset', () => {
  it('too few bytes (as a process)', async () => {
    const r = await khoAbiProcess(['decode', 'memfd_luo_ser', '--hex', new Bytes(20).hex]);
    expectRefusal(r, /memfd_luo_ser/, /\bseals\b|\bflags\b/, /offset/, /48/);
  });

  it('a seal bit the kernel does not accept', async () => {
    const r = await khoAbi(['decode', 'memfd_luo_ser', '--hex', new Bytes(48).u32(16, 0x40).hex]);
    expectRefusal(r, /memfd_luo_ser\.seals/, /offset 16/, /0x40/);
  });

  it('input that is not JSON', async () => {
    expectRefusal(await khoAbi(['encode', 'memfd_luo_ser', '--hex'], '{"pos": '), /memfd_luo_ser/, /JSON/);
  });

  it('JSON of the wrong shape: a member of the wrong type', async () => {
    expectRefusal(await khoAbi(['encode', 'memfd_luo_ser', '--hex'], memfdJson({ seals: 'all' })), /memfd_luo_ser\.seals/, /offset 16/);
  });

  it('an unknown member', async () => {
    expectRefusal(await khoAbi(['encode', 'memfd_luo_ser', '--hex'], memfdJson({ inode: '7' })), /memfd_luo_ser/, /inode/);
  });

  it('a value out of range', async () => {
    expectRefusal(
      await khoAbi(['encode', 'memfd_luo_ser', '--hex'], memfdJson({ folios: { first: '0', total_pages: 4294967296, flags: 0, order: 0 } })),
      /total_pages/,
      /offset 40/,
      /4294967296/,
    );
  });
});

// ---------------------------------------------------------------- layout

describe.concurrent('kho-abi layout', () => {
  it('memfd_luo_ser --json: 48 bytes at the kernel offsets', async () => {
    const r = await khoAbi(['layout', 'memfd_luo_ser', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { structs: { name: string; size: number; fields: { name: string; offset: number; size: number }[] }[] };
    expect(j.structs).toHaveLength(1);
    const st = j.structs[0]!;
    expect(st.name).toBe('memfd_luo_ser');
    expect(st.size).toBe(48);
    expect(st.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
      ['pos', 0, 8],
      ['size', 8, 8],
      ['seals', 16, 4],
      ['flags', 20, 4],
      ['nr_folios', 24, 8],
      ['folios', 32, 16],
    ]);
  });

  it('an unknown struct exits 1', async () => {
    expectRefusal(await khoAbi(['layout', 'memfd_luo_serr', '--json']), /memfd_luo_serr/);
  });
});

// ---------------------------------------------------------------- compat

describe.concurrent('kho-abi compat', () => {
  it('verify accepts a supported string: exit 0', async () => {
    const r = await khoAbi(['compat', 'verify', 'memfd', 'memfd-v2']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toContain('memfd-v2');
  });

  it.each([
    ['memfd-v9', /memfd-v9/],
    ['kho-v4;vmalloc-v1;radix-v1', /order/],
    ['', /empty/],
  ])('verify refuses %j with a one-line reason: exit 1', async (text, why) => {
    const component = text.startsWith('kho') ? 'kexec_handover' : 'memfd';
    const r = await khoAbi(['compat', 'verify', component, text]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(why);
  });

  it('verify of an unknown component exits 1 and lists the components', async () => {
    const r = await khoAbi(['compat', 'verify', 'nope', 'x']);
    expectRefusal(r, /nope/, /memfd/, /luo/);
  });

  it('show lists every composite with its aligned size', async () => {
    const r = await khoAbi(['compat', 'show']);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.split('\n');
    for (const [text, size, aligned] of [
      ['kho-v4;radix-v1;vmalloc-v1', 27, 32],
      ['luo-v5;block-v1', 16, 16],
      ['memfd-v2;vmalloc-v1', 20, 24],
    ] as const) {
      const row = rows.find((l) => l.includes(`"${text}"`));
      expect(row, `no row for ${text}:\n${r.out}`).toBeDefined();
      const cells = row!.split(/\s+/);
      const at = cells.indexOf(`"${text}"`);
      expect(cells.slice(at + 1, at + 3)).toEqual([String(size), String(aligned)]);
    }
    expect(rows.find((l) => l.includes('"luo-v5"'))).toMatch(/"luo-v5"\s+7\s+8\b/);
  });
});

// ---------------------------------------------------------------- C wrote the bytes

describe('decode reads the bytes C wrote', () => {
  it('struct memfd_luo_ser filled in C and printed as hex', async () => {
    const hex = await compileAndRun(
      [
        '#include <linux/kho/abi/memfd.h>',
        '#include <stdio.h>',
        '#include <string.h>',
        '',
        'int main(void)',
        '{',
        '\tstruct memfd_luo_ser s;',
        '\tconst unsigned char *p = (const unsigned char *)&s;',
        '',
        '\tmemset(&s, 0, sizeof(s));',
        '\ts.pos = 0xfedcba9876543210ULL;',
        '\ts.size = 1ULL << 40;',
        '\ts.seals = F_SEAL_SEAL | F_SEAL_WRITE | F_SEAL_EXEC;',
        '\ts.flags = 0;',
        '\ts.nr_folios = 511;',
        '\ts.folios.first.phys = 0x80000000ULL;',
        '\ts.folios.total_pages = 0xffffffffU;',
        '\ts.folios.flags = 2;',
        '\ts.folios.order = 9;',
        '\tfor (size_t i = 0; i < sizeof(s); i++)',
        '\t\tprintf("%02x", p[i]);',
        '\tprintf("\\n");',
        '\treturn 0;',
        '}',
      ].join('\n'),
      { pageShift: 12 },
    );
    expect(hex.trim()).toHaveLength(96);
    const r = await khoAbi(['decode', 'memfd_luo_ser', '--hex'], hex);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      pos: 0xfedcba9876543210n.toString(),
      size: (1n << 40n).toString(),
      seals: 1 | 8 | 32,
      flags: 0,
      nr_folios: 511,
      folios: { first: '2147483648', total_pages: 4294967295, flags: 2, order: 9 },
    });
  });
});

// ---------------------------------------------------------------- --root

describe('kho-abi --root', () => {
  it('gen --check on the repository passes from any working directory', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'kho-abi-cwd-'));
    try {
      const r = await khoAbiProcess(['--root', repoRoot, 'gen', '--check'], '', elsewhere);
      expect(r.code, r.err.split('\n').slice(0, 3).join('\n')).toBe(0);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('compat verify --hex: the whole stored field', () => {
  const field = (s: string, size: number, patch?: [number, number]): string => {
    const b = Buffer.alloc(size);
    b.write(s, 'latin1');
    if (patch) b[patch[0]] = patch[1];
    return b.toString('hex');
  };
  it('accepts a NUL-padded current string, warns of trailing garbage the kernel never reads (refused with --strict), refuses a missing NUL, in one line', async () => {
    const ok = await khoAbi(['compat', 'verify', 'memfd', '--hex', field('memfd-v2', 48)]);
    expect(ok.code).toBe(0);
    const garbage = await khoAbi(['compat', 'verify', 'memfd', '--hex', field('memfd-v2', 48, [40, 0x78])]);
    expect(garbage.code).toBe(0);
    expect(garbage.err).toBe('kho-abi: warning: compatible string: byte 40 after the NUL is 0x78, not 0: trailing garbage; the kernel accepts this (strcmp/strncmp stop at the NUL (luo_core.c, luo_file.c, luo_flb.c))\n');
    const strict = await khoAbi(['compat', 'verify', 'memfd', '--strict', '--hex', field('memfd-v2', 48, [40, 0x78])]);
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('memfd: not compatible: byte 40 after the NUL is 0x78, not 0: trailing garbage (the kernel ignores it; refused in strict mode)\n');
    const unterminated = await khoAbi(['compat', 'verify', 'memfd', '--hex', Buffer.alloc(48, 0x6d).toString('hex')]);
    expect(unterminated.code).toBe(1);
    expect(unterminated.out).toContain('no NUL inside the 48-byte field');
  });
});

describe('the project is found from any folder below it', () => {
  it('runs from a subfolder as from the root, naming files relative to where it runs', async () => {
    const here = await cli(['compat', 'verify', 'memfd', 'memfd-v2'], { cwd: join(repoRoot, 'test', 'fixtures') });
    expect(here.code).toBe(0);
    expect(here.out).toContain('"memfd-v2" is compatible');
    const bad = await cli(['validate', 'invalid/bad_source.yaml'], { cwd: join(repoRoot, 'test', 'fixtures') });
    expect(bad.err).toContain('invalid/bad_source.yaml:13:15: error[bad-source]');
  });

  it('outside any project says how to name one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kho-abi-noproject-'));
    try {
      const r = await cli(['validate'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.err).toContain('run kho-abi inside a project');
      expect(r.err).toContain('--root DIR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kho-abi init', () => {
  it('starts a project that validates, never replaces a file, and never writes through a linked schemas/', async () => {
    const { mkdirSync: mkdir, readFileSync: read, symlinkSync, writeFileSync: write } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'kho-abi-init-'));
    try {
      const fresh = join(dir, 'fresh');
      const made = await cli(['init', fresh], { cwd: dir });
      expect(made.code, made.err).toBe(0);
      expect((await cli(['validate'], { cwd: fresh })).out).toMatch(/^1 schema file\(s\) valid/);
      write(join(fresh, 'schemas', 'example.yaml'), 'edited\n');
      const again = await cli(['init', fresh], { cwd: dir });
      expect(again.code).toBe(1);
      expect(again.err).toContain('exists already; init never replaces a file');
      expect(read(join(fresh, 'schemas', 'example.yaml'), 'utf8')).toBe('edited\n');
      const linked = join(dir, 'linked');
      mkdir(linked);
      mkdir(join(dir, 'elsewhere'));
      symlinkSync(join(dir, 'elsewhere'), join(linked, 'schemas'));
      const viaLink = await cli(['init', linked], { cwd: dir });
      expect(viaLink.code).toBe(1);
      expect(viaLink.err).toContain('schemas/ is a symbolic link');
      // A link to nothing is refused as a link too, not reported as a folder that cannot be made.
      const dangling = join(dir, 'dangling');
      mkdir(dangling);
      symlinkSync(join(dir, 'nowhere'), join(dangling, 'schemas'));
      const viaDangling = await cli(['init', dangling], { cwd: dir });
      expect(viaDangling.code).toBe(1);
      expect(viaDangling.err).toContain('schemas/ is a symbolic link');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
