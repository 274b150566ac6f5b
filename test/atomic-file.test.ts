/**
 * The one writer of every file kho-abi writes (generated/, the lock, image
 * build's core, inspect --map, the C readers' image files): whole or not at
 * all, and on failure it removes only the temporary file it made itself.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../generator/cli/output-file.js';
import { TEMPORARY_NAME, temporaryName, writeFileAtomically } from '../runtime/atomic-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kho-abi-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (name: string): string => {
  const d = mkdtempSync(join(dir, `${name}-`));
  return join(d, name);
};

describe('writeFileAtomically', () => {
  it('writes a string, bytes or what a function writes, replacing the file, and leaves nothing beside it', () => {
    const path = fresh('a.txt');
    writeFileAtomically(path, 'one\n');
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    writeFileAtomically(path, new Uint8Array([0x74, 0x77, 0x6f]));
    expect(readFileSync(path, 'utf8')).toBe('two');
    writeFileAtomically(path, (fd) => void writeSync(fd, 'three'));
    expect(readFileSync(path, 'utf8')).toBe('three');
    expect(readdirSync(join(path, '..'))).toEqual(['a.txt']);
  });

  it('leaves the old file as it was when writing fails midway, and removes its temporary file', () => {
    const path = fresh('b.txt');
    writeFileSync(path, 'old\n');
    expect(() =>
      writeFileAtomically(path, (fd) => {
        writeSync(fd, 'half of the new');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(join(path, '..'))).toEqual(['b.txt']);
  });

  it('never writes into a file or through a link that stands at its temporary name, and removes neither', () => {
    const path = fresh('c.txt');
    const planted = join(path, '..', '.c.txt.planted');
    writeFileSync(planted, "not kho-abi's\n");
    expect(() => writeFileAtomically(path, 'new\n', planted)).toThrow(/EEXIST/);
    expect(readFileSync(planted, 'utf8')).toBe("not kho-abi's\n");
    expect(existsSync(path)).toBe(false);

    const victim = fresh('victim.txt');
    writeFileSync(victim, 'elsewhere\n');
    const link = join(path, '..', '.c.txt.link');
    symlinkSync(victim, link);
    expect(() => writeFileAtomically(path, 'new\n', link)).toThrow(/EEXIST/);
    expect(readFileSync(victim, 'utf8')).toBe('elsewhere\n');
    expect(existsSync(link)).toBe(true);
  });

  it('names its temporary files so that gen can tell whose they are', () => {
    const a = temporaryName('/x/y.h');
    const b = temporaryName('/x/y.h');
    expect(a).not.toBe(b);
    expect(a.startsWith('/x/.y.h.kho-abi-tmp-')).toBe(true);
    expect(TEMPORARY_NAME.exec(a)?.[1]).toBe(String(process.pid));
  });
});

describe('writeOutputFile', () => {
  it('writes the file whole, and names the file it could not write', () => {
    const path = fresh('a.svg');
    writeOutputFile(path, 'a.svg', 'content\n');
    expect(readFileSync(path, 'utf8')).toBe('content\n');
    expect(() => writeOutputFile(join(dir, 'no-such-folder', 'b.svg'), 'no-such-folder/b.svg', 'content\n')).toThrow(/no-such-folder\/b\.svg: cannot write it/);
  });
});
