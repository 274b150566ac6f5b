/**
 * Issue 7, bad values: each input that once escaped (a stack overflow, a
 * message as large as the input, an escape sequence written raw, a digit
 * silently changed) gets a located one-line refusal, exit 1, in bounded
 * time and size. In-process (generator/cli.ts `run`); one spawned process
 * checks --version as a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson, JsonNumber, JsonInputError } from '../generator/json-values.js';
import { cli, expectRefusal } from './helpers/cli-in-process.js';
import { repoRoot } from './helpers/root.js';

const memfdFolio = (patch: Record<string, string> = {}): string => {
  const members = { pfn: '1', flags: '3', index: '"7"', ...patch };
  return `{${Object.entries(members).map(([k, v]) => `"${k}": ${v}`).join(', ')}}`;
};

describe('kho-abi --version', () => {
  it('prints the version of package.json, as a spawned process, exit 0', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin/kho-abi.mjs'), '--version'], { cwd: repoRoot });
    expect(stdout).toBe(`${version}\n`);
    expect(stderr).toBe('');
  });

  it('is the program version before a command, and a schema version after one', async () => {
    expect((await cli(['--root', '.', '-V'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const layout = await cli(['layout', 'memfd_luo_ser', '--version', 'memfd-v1', '--json']);
    expect(layout.code, layout.err).toBe(0);
    expect(JSON.parse(layout.out).structs[0].size).toBe(40);
  });
});

describe('deep nesting and huge input never overflow the stack (exit 1, not 2)', () => {
  it('a member value nested 10,000 arrays deep', async () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ pfn: deep }) });
    expectRefusal(r, /memfd_luo_folio_ser: input is not JSON/, new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`), /line 1, column \d+/);
  });

  it('10 M hex characters on stdin for decode --hex', async () => {
    const r = await cli(['decode', 'memfd_luo_folio_ser', '--hex'], { stdin: 'ab'.repeat(5_000_000) });
    expectRefusal(r, /5000000 bytes given/, /16 bytes/);
  });

  it('10 M characters of bad hex on stdin', async () => {
    const r = await cli(['decode', 'memfd_luo_folio_ser', '--hex'], { stdin: `${'a'.repeat(10_000_000)}zz` });
    expectRefusal(r, /"z" at offset 10000000 is not a hex digit/, /10000002 bytes/);
  });

  it('an odd number of hex digits', async () => {
    expectRefusal(await cli(['decode', 'memfd_luo_folio_ser', '--hex', 'abc']), /--hex: 3 hex digits/, /even/);
  });
});

describe('a message quotes at most ~80 characters of the input, escaped, with its length', () => {
  it('a 50 MB string given as a u64', async () => {
    const big = '9'.repeat(50_000_000);
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ index: `"${big}"` }) });
    const line = expectRefusal(r, /memfd_luo_folio_ser\.index \(offset 8\)/, /does not fit in 64 bits/, /\(50000000 characters\)/);
    expect(line.length).toBeLessThan(300);
  });

  it('"0x" and 50 M hex digits is refused at once', async () => {
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ index: `"0x${'f'.repeat(50_000_000)}"` }) });
    const line = expectRefusal(r, /index/, /"0xfff+"… \(50000002 characters\)/);
    expect(line.length).toBeLessThan(300);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('a 1000-digit number is reported with its digits, shortened, not as Infinity', async () => {
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ flags: '1'.repeat(1000) }) });
    const line = expectRefusal(r, /memfd_luo_folio_ser\.flags/, /111111…11111111 \(1000 characters\)/, /0\.\.4095 \(12 bits\)/);
    expect(line).not.toMatch(/Infinity/);
  });

  it('a huge unknown member name', async () => {
    // The JSON escape \u001b, a thousand times: the name is 1001 characters with ESC in it.
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ [`x${'\\u001b'.repeat(1000)}`]: '1' }) });
    expectRefusal(r, /has no member "x(\\x1b)+"… \(1001 characters\)/);
  });

  it('an unknown struct name with escape sequences', async () => {
    expectRefusal(await cli(['decode', '\u001b[31mRED\u001b[0m', '--hex', '00']), /unknown struct "\\x1b\[31mRED\\x1b\[0m"/);
  });

  it('a stray argument with a newline and an escape, in commander\'s own message', async () => {
    const r = await cli(['layout', 'memfd_luo_ser', '--page-size', '\u001b]0;pwned\u0007\n4096']);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.err).toContain('\\x1b]0;pwned\\x07\\n4096');
  });
});

describe('compat verify: the verdict is one line and never writes raw control characters', () => {
  it.each([
    ['an ANSI colour sequence', '\u001b[31mRED\u001b[0m', /"\\x1b\[31mRED\\x1b\[0m" contains control or format characters/],
    ['a newline', 'memfd-v2\nmemfd-v2', /"memfd-v2\\nmemfd-v2"/],
    ['a right-to-left override', 'memfd-v2\u202e', /"memfd-v2\\u202e"/],
    ['C1 controls', 'memfd-v2\u009b31m', /"memfd-v2\\x9b31m"/],
    ['a 1 MB string', 'm'.repeat(1_000_000), /is longer than any compatible string/],
  ])('%s: exit 1, one line on stdout', async (_what, text, why) => {
    const r = await cli(['compat', 'verify', 'memfd', text]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    const lines = r.out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^memfd: not compatible: /);
    expect(lines[0]).toMatch(why);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(lines[0]!.length).toBeLessThan(200);
  });

  it('--hex: bytes that are not UTF-8 inside the field are shown as escapes', async () => {
    const field = Buffer.alloc(16);
    field.write('memfd-v2', 'latin1');
    field[3] = 0xff;
    const r = await cli(['compat', 'verify', 'memfd', '--hex', field.toString('hex')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('memfd: not compatible: "mem\\xffd-v2" is not UTF-8 text\n');
  });
});

describe('names from input are looked up in maps without a prototype', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])('%s is an unknown struct to decode, encode and layout', async (name) => {
    expectRefusal(await cli(['decode', name, '--hex', '00']), new RegExp(`unknown struct "${name}"; known structs: `));
    expectRefusal(await cli(['encode', name, '--hex'], { stdin: '{}' }), new RegExp(`unknown struct "${name}"`));
    expectRefusal(await cli(['layout', name, '--json']), new RegExp(`unknown struct "${name}"$`));
  });

  it('a member named __proto__ in the JSON is an unknown member, not a prototype', async () => {
    const stdin = '{"pfn": 1, "flags": 0, "index": "0", "__proto__": {"pfn": 5}}';
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin });
    expectRefusal(r, /has no member "__proto__"/);
  });

  it('an unknown component or version named after Object.prototype members', async () => {
    expectRefusal(await cli(['compat', 'verify', 'constructor', 'x']), /unknown component "constructor"/);
    expectRefusal(await cli(['decode', 'memfd_luo_ser', '--version', 'toString', '--hex', '00']), /has no version "toString"/);
  });
});

describe('--page-size is strict', () => {
  it.each(['0x1000', '4096.0', ' 4096 ', '4096 ', '04096', '4e3', '', '8192', '4096k', 'Infinity', '-4096'])('refuses %j', async (value) => {
    const r = await cli(['layout', 'memfd_luo_ser', '--page-size', value, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a page size');
    expect(r.out).toBe('');
  });

  it.each([
    ['4096', 4096],
    ['16384', 16384],
    ['65536', 65536],
    ['4K', 4096],
    ['16k', 16384],
    ['64KiB', 65536],
  ])('accepts %j as %d', async (value, size) => {
    const r = await cli(['layout', 'kho_vmalloc_chunk', '--page-size', value, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).structs[0].size).toBe(size);
  });
});

describe('64-bit values are exact', () => {
  it('a u64 of 9007199254740993 given as a JSON number is encoded as itself', async () => {
    const enc = await cli(['encode', 'luo_file_ser', '--hex'], { stdin: '{"compatible": "memfd-v2", "data": "0", "token": 9007199254740993}' });
    expect(enc.code, enc.err).toBe(0);
    expect(enc.out.trim().slice(112)).toBe('0100000000002000');
    const dec = await cli(['decode', 'luo_file_ser', '--hex', enc.out.trim()]);
    expect(JSON.parse(dec.out).token).toBe('9007199254740993');
  });

  it('a u64 held as a number (as_number) is refused beyond 2^53 with its own digits', async () => {
    const huge = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ index: '9007199254740993' }) });
    expectRefusal(huge, /index/, /9007199254740993 is not an integer in 0\.\.9007199254740991/);
  });

  it('an integer beyond 2^53 in a 52-bit bitfield is refused with its own digits', async () => {
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ pfn: '9007199254740993' }) });
    expectRefusal(r, /pfn/, /9007199254740993 is not an integer in 0\.\.4503599627370495 \(52 bits\)/);
  });

  it.each([
    ['1.5', /1\.5 is not an integer/],
    ['1e-400', /1e-400 is not an integer/],
    ['1.0000000000000000001', /1\.0000000000000000001 is not an integer/],
    ['-1', /-1 is not an integer in 0\.\.4095/],
  ])('flags = %s is refused', async (flags, why) => {
    expectRefusal(await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ flags }) }), why);
  });

  it.each([
    ['4.0', 4],
    ['1e3', 1000],
    ['40e-1', 4],
  ])('pfn = %s is the integer %d', async (pfn, value) => {
    const r = await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ pfn }) });
    expect(r.code, r.err).toBe(0);
    expect(Buffer.from(r.out.trim(), 'hex').readBigUInt64LE(0) & ((1n << 52n) - 1n)).toBe(BigInt(value));
  });

  it.each([['" 7"'], ['"7 "'], ['"+7"'], ['"0x"'], ['""'], ['"1_000"']])('the u64 string %s is refused (no whitespace, no sign but -)', async (index) => {
    expectRefusal(await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin: memfdFolio({ index }) }), /index/, /expected a 64-bit integer/);
  });
});

describe('encode reads JSON strictly', () => {
  it.each([
    ['a member given twice', '{"pfn": 1, "pfn": 2, "flags": 0, "index": "0"}', /member "pfn" appears twice at line 1, column 12/],
    ['trailing text', `${memfdFolio()} x`, /unexpected "x" after the JSON value/],
    ['a trailing comma', '{"pfn": 1, "flags": 0, "index": "0",}', /expected a member name/],
    ['a raw control character in a string', '{"pfn": 1, "flags": 0, "index": "\u0001"}', /control character "\\x01" inside a string/],
    ['a single-quoted string', "{'pfn': 1}", /expected a member name in double quotes, found "'"/],
    ['NaN', '{"pfn": NaN}', /expected a value, found "N"/],
    ['nothing', '', /expected a value, found the end of the input/],
  ])('%s', async (_what, stdin, why) => {
    expectRefusal(await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin }), /input is not JSON/, why);
  });

  it('stdin that is not UTF-8 is refused with the offset of the first bad byte', async () => {
    const stdin = Buffer.concat([Buffer.from('{"pfn": 1, "flags": 0, "index": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expectRefusal(await cli(['encode', 'memfd_luo_folio_ser', '--hex'], { stdin }), /byte 0xc3 at offset 33 is not UTF-8/);
  });

  it('parseJson keeps digits, objects without a prototype, and escapes', () => {
    const v = parseJson('{"a": [1, -0.5e+3, "\\u00e9\\n"], "__proto__": {}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(Object.keys(v)).toEqual(['a', '__proto__']);
    expect(v.a).toEqual([new JsonNumber('1'), new JsonNumber('-0.5e+3'), 'é\n']);
    expect(() => parseJson(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toThrow(JsonInputError);
    expect(parseJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeInstanceOf(Array);
  });
});

describe('validate', () => {
  it('a 200 KB name in a schema is not printed whole: the message shortens it and says its length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kho-abi-hostile-name-'));
    try {
      const memfd = readFileSync(join(repoRoot, 'schemas/memfd.yaml'), 'utf8');
      writeFileSync(join(dir, 'memfd.yaml'), memfd.replace(/type: kho_vmalloc\b/, `type: ${'k'.repeat(200_000)}`));
      for (const format of ['text', 'json']) {
        const r = await cli(['validate', join(dir, 'memfd.yaml'), '--format', format]);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/unknown type 'k{79}… \(200002 characters\)/);
        expect(r.err.length).toBeLessThan(4000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });


  it('a schema file named twice is checked once, not reported as a duplicate of itself', async () => {
    const once = await cli(['validate', 'schemas/memfd.yaml']);
    const twice = await cli(['validate', 'schemas/memfd.yaml', 'schemas/memfd.yaml', './schemas/memfd.yaml']);
    expect(twice.code, twice.err).toBe(0);
    expect(twice.err).toBe('');
    expect(twice.out).toBe(once.out);
  });
});

describe('the exit code 2 is kept for bugs', () => {
  it('an exception that is not about the input says "internal error" and exits 2', async () => {
    const { run } = await import('../generator/cli.js');
    let err = '';
    const code = await run(['decode', 'memfd_luo_folio_ser'], {
      stdin: () => {
        throw new Error('simulated bug');
      },
      stdout: () => undefined,
      stderr: (s) => void (err += s),
      cwd: repoRoot,
      env: {},
    });
    expect(code).toBe(2);
    expect(err).toMatch(/^kho-abi: internal error: simulated bug\n/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
