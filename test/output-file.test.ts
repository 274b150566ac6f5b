/**
 * The single-file writer of `image build` and `inspect --map`: a failed
 * write removes only a temporary file it made itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../generator/cli/output-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kho-abi-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('writes the file whole', () => {
    const path = join(dir, 'a.svg');
    writeOutputFile(path, 'a.svg', 'content\n');
    expect(readFileSync(path, 'utf8')).toBe('content\n');
  });

  it('leaves a file standing at its temporary name alone, and says it could not write', () => {
    const path = join(dir, 'b.svg');
    const planted = `${path}.kho-abi-tmp-${process.pid}`;
    writeFileSync(planted, 'not kho-abi\'s\n');
    expect(() => writeOutputFile(path, 'b.svg', 'content\n')).toThrow(/b\.svg: cannot write it/);
    expect(readFileSync(planted, 'utf8')).toBe('not kho-abi\'s\n');
  });
});
