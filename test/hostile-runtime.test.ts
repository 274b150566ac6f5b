/**
 * Issue 7, the runtime API under misuse and hostile bytes: typed errors with
 * clear messages (never an untyped RangeError, never "0x-1"), FDT node names
 * that are not UTF-8 read as libfdt reads them, and the one quoting function
 * every message uses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCodecs } from '../generated/ts/index.js';
import { ArgumentError, DecodeError, EncodeError, formatAddress, MemoryError } from '../runtime/errors.js';
import { PhysMem } from '../runtime/phys-mem.js';
import { escapeText, firstInvalidUtf8, isPrintable, quote, QUOTE_LIMIT } from '../runtime/quote.js';
import { findCodec, LookupError } from '../runtime/registry.js';
import { parseFdt, readKhoFdt, writeKhoFdt, type KhoRoot } from '../runtime/containers/kho-fdt.js';
import { thrown } from './helpers/thrown.js';
import { KHO_FDT_CONTAINER } from '../generated/ts/kexec_handover.js';

describe('PhysMem refuses misuse with an ArgumentError (a RangeError) that says what is wrong', () => {
  it.each([
    [() => new PhysMem({ pageSize: 3000 as 4096 }), /page size 3000 is not one of 4096, 16384, 65536/],
    [() => new PhysMem({ pageSize: '4096' as unknown as 4096 }), /page size a string is not one of/],
    [() => new PhysMem({ maxPages: 0 }), /maxPages must be a positive integer, got 0/],
    [() => new PhysMem({ maxPages: 1.5 }), /maxPages must be a positive integer, got 1.5/],
    [() => new PhysMem().read(0n, -1), /a size must be a non-negative integer, got -1/],
    [() => new PhysMem().read(0n, 1.5), /a size must be a non-negative integer, got 1.5/],
    [() => new PhysMem().read(0n, NaN), /got NaN/],
    [() => new PhysMem().read(4096 as unknown as bigint, 8), /a physical address must be a bigint, got 4096/],
    [() => new PhysMem().map(1.5 as unknown as bigint, 8), /a physical address must be a bigint, got 1.5/],
    [() => new PhysMem().isPresent('0' as unknown as bigint), /a physical address must be a bigint, got a string/],
    [() => new PhysMem().write(0n, [1, 2] as unknown as Uint8Array), /must be a Uint8Array, got a object/],
    [() => new PhysMem().writeU64(0n, -1n), /a u64 value must be a bigint in 0..2\^64-1, got -1/],
    [() => new PhysMem().writeU64(0n, 1 as unknown as bigint), /got 1$/],
  ])('%#: %s', (fn, message) => {
    const e = thrown(fn);
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e).toBeInstanceOf(RangeError);
    expect((e as Error).name).toBe('ArgumentError');
    expect((e as Error).message).toMatch(message);
  });

  it('a negative address is a MemoryError printed as -0x1, never 0x-1', () => {
    const e = thrown(() => new PhysMem().read(-1n, 8, 'memfd_luo_ser'));
    expect(e).toBeInstanceOf(MemoryError);
    expect((e as Error).message).toBe('memfd_luo_ser at physical address -0x1: outside the 52-bit physical address space');
    expect(formatAddress(-0x1000n)).toBe('-0x1000');
    expect(formatAddress(0x1000n)).toBe('0x1000');
    expect(new DecodeError({ struct: 's', offset: 0, address: -16n }, 'r').message).toBe('s at physical address -0x10: r');
  });

  it('a huge read of absent memory is a MemoryError, not an allocation failure', () => {
    const mem = new PhysMem();
    mem.map(0n, 4096);
    const e = thrown(() => mem.read(0n, 2 ** 50));
    expect(e).toBeInstanceOf(MemoryError);
    expect((e as Error).message).toMatch(/page 0x1000 is not present/);
  });
});

describe('findCodec looks names up without the prototype', () => {
  it.each(['__proto__', 'toString', 'constructor', 'valueOf', 'hasOwnProperty'])('%s is an unknown struct', (name) => {
    const e = thrown(() => findCodec(allCodecs, name));
    expect(e).toBeInstanceOf(LookupError);
    expect((e as Error).message).toMatch(new RegExp(`^unknown struct "${name}"; known structs: `));
  });

  it('a version named toString is an unknown version', () => {
    expect((thrown(() => findCodec(allCodecs, 'memfd_luo_ser', { version: 'toString' })) as Error).message).toMatch(/has no version "toString"; known versions: memfd-v1/);
  });
});

describe('FDT node names that are not UTF-8', () => {
  const name = new Uint8Array([0x4c, 0xff, 0xfe, 0x4f, 0x80]); // "L", two bytes that start nothing, "O", a lone continuation byte
  const root: KhoRoot = { compatible: 'kho-v4', memoryMap: 0x1000n, subtrees: [{ name: 'L\\xff\\xfeO\\x80', nameBytes: name, data: 0x2000n, size: 32n }, { name: 'LUO', data: 0x3000n, size: 8n }] };

  it('are read (the FDT format allows any byte but NUL), shown escaped, with their exact bytes', () => {
    const back = readKhoFdt(KHO_FDT_CONTAINER, writeKhoFdt(KHO_FDT_CONTAINER, root));
    expect(back).toEqual({ ...root, compatibles: ['kho-v4'], failed: [] });
    // The node after it is parsed at the right offset: the name is advanced by its bytes, not by a decoded string.
    expect(back.subtrees[1]!.name).toBe('LUO');
    expect(parseFdt(writeKhoFdt(KHO_FDT_CONTAINER, root)).children[0]!.nameBytes).toEqual(name);
  });

  it('a UTF-8 name has no nameBytes; a NUL inside a name is refused when writing', () => {
    expect(readKhoFdt(KHO_FDT_CONTAINER, writeKhoFdt(KHO_FDT_CONTAINER, { ...root, subtrees: [{ name: 'ünïcode', data: 1n, size: 1n }] })).subtrees[0]).toEqual({ name: 'ünïcode', data: 1n, size: 1n });
    expect(thrown(() => writeKhoFdt(KHO_FDT_CONTAINER, { ...root, subtrees: [{ name: 'a\0b', data: 1n, size: 1n }] }))).toBeInstanceOf(EncodeError);
  });

  const dtc = (() => {
    try {
      execFileSync('fdtget', ['--version'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-hostile-fdt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!dtc)('libfdt (fdtget) reads the same node name bytes from the blob', () => {
    const file = join(dir, 'names.dtb');
    writeFileSync(file, writeKhoFdt(KHO_FDT_CONTAINER, root));
    const listed = execFileSync('fdtget', ['-l', file, '/']);
    expect(listed.subarray(0, name.length)).toEqual(Buffer.from(name));
    expect(listed.toString('latin1').split('\n')[1]).toBe('LUO');
  });

  it('a corrupt name in a message is escaped', () => {
    const blob = writeKhoFdt(KHO_FDT_CONTAINER, { ...root, subtrees: [{ name: 'x', nameBytes: new Uint8Array([0x1b, 0x5b, 0x31, 0x6d, 0xff]), data: 1n, size: 1n }] });
    // Cut the blob-size property name to make the node fail after its name (it alone fails, as kho_retrieve_subtree fails it).
    const failed = readKhoFdt(KHO_FDT_CONTAINER, blob.slice().fill(0, blob.length - 10)).failed!;
    expect(failed.map((f) => f.field)).toEqual(['blob-size']);
    expect(failed[0]!.reason).toContain('\\x1b');
    expect(failed[0]!.reason).not.toMatch(/\u001b/);
  });
});

describe('quote: at most ~80 characters, escaped, with the length when shortened', () => {
  it.each([
    ['plain', 'memfd-v2', '"memfd-v2"'],
    ['ESC, newline, tab, CR', '\u001b[31m\n\t\r', '"\\x1b[31m\\n\\t\\r"'],
    ['DEL and C1 controls', '\u007f\u0085\u009b', '"\\x7f\\x85\\x9b"'],
    ['bidi override, zero-width space, line separator', '\u202e\u200b\u2028', '"\\u202e\\u200b\\u2028"'],
    ['a lone surrogate', 'a\ud800b', '"a\\ud800b"'],
    ['quotes and backslashes', 'a"b\\c', '"a\\"b\\\\c"'],
    ['letters of other scripts and emoji stay', 'ünï 日本 😀', '"ünï 日本 😀"'],
  ])('%s', (_what, input, expected) => {
    expect(quote(input)).toBe(expected);
  });

  it('shortens long input and says how long it was', () => {
    const q = quote('x'.repeat(50_000_000));
    expect(q).toBe(`"${'x'.repeat(QUOTE_LIMIT)}"… (50000000 characters)`);
    expect(quote('\u001b'.repeat(1000)).length).toBeLessThan(QUOTE_LIMIT + 40);
  });

  it('shows bytes as UTF-8 where they are, and every other byte as \\xHH', () => {
    expect(quote(new Uint8Array([0x61, 0xc3, 0xa9, 0xff, 0xc3, 0x28, 0x00]))).toBe('"aé\\xff\\xc3(\\x00"');
    expect(quote(new Uint8Array(1000).fill(0xff))).toMatch(/"(\\xff)+"… \(1000 bytes\)$/);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // an encoded surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBeUndefined();
  });

  it('escapeText has no quotes; isPrintable is false for anything quote escapes', () => {
    expect(escapeText('a\nb"c')).toBe('a\\nb"c');
    expect(isPrintable('memfd-v2;vmalloc-v1')).toBe(true);
    for (const c of ['\n', '\u001b', '\u009b', '\u202e', '\ud800']) expect(isPrintable(`a${c}`)).toBe(false);
  });
});

describe('strings never read past the view they are given', () => {
  it('a char array cut by the end of a view that is part of a larger buffer is refused, not read from the buffer beyond', async () => {
    const { readCString, readCStringPadded, readCStringTruncating, writeCString } = await import('../runtime/primitives.js');
    const buf = new Uint8Array(64);
    buf.set(new TextEncoder().encode('memfd-v2\0'), 16);
    const short = new DataView(buf.buffer, 16, 4);
    expect(() => readCString(short, 0, 48, 's', 'f')).toThrow(RangeError);
    expect(() => readCStringPadded(short, 0, 48, 's', 'f', undefined, 'k')).toThrow(RangeError);
    expect(() => readCStringTruncating(short, 0, 48, 's', 'f', undefined, 'k')).toThrow(RangeError);
    expect(() => writeCString(short, 0, 48, 'x', 's', 'f')).toThrow(RangeError);
    expect(buf[20]).toBe('memfd-v2'.charCodeAt(4));
  });
});
