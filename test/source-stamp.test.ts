/**
 * bin/source-stamp.mjs decides whether a checkout's command runs dist/ or
 * the sources: dist/ must never run once a source it was built from has
 * changed. The module takes its checkout from where it lies, so each test
 * copies it into a checkout of its own with a few source files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

interface Stamp {
  STAMP: string;
  stampText(): string;
  distIsCurrent(): boolean;
}

const work = mkdtempSync(join(tmpdir(), 'kho-abi-stamp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let checkouts = 0;
/** A checkout with the stamp module and some of each kind of input, built (stamped) once. */
async function builtCheckout(): Promise<{ root: string; stamp: Stamp; write(rel: string, text: string): void }> {
  const root = join(work, `checkout-${checkouts++}`);
  const write = (rel: string, text: string): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  mkdirSync(join(root, 'bin'), { recursive: true });
  copyFileSync(join(repoRoot, 'bin/source-stamp.mjs'), join(root, 'bin/source-stamp.mjs'));
  write('generator/cli.ts', 'export const a = 1;\n');
  write('runtime/codec.ts', 'export const b = 2;\n');
  write('generated/ts/memfd.ts', 'export const c = 3;\n');
  write('templates/c-header.h.hbs', '/* {{x}} */\n');
  write('package.json', '{"name":"x"}\n');
  write('tsconfig.json', '{}\n');
  const stamp = (await import(pathToFileURL(join(root, 'bin/source-stamp.mjs')).href)) as Stamp;
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp.STAMP, stamp.stampText());
  return { root, stamp, write };
}

describe('bin/source-stamp.mjs', () => {
  it('dist/ without a stamp, or with a damaged one, is not current', async () => {
    const { stamp } = await builtCheckout();
    rmSync(stamp.STAMP);
    expect(stamp.distIsCurrent()).toBe(false);
    writeFileSync(stamp.STAMP, '{"hash": ');
    expect(stamp.distIsCurrent()).toBe(false);
  });

  it('is current right after the build, and after a file is touched but not changed', async () => {
    const { root, stamp } = await builtCheckout();
    expect(stamp.distIsCurrent()).toBe(true);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'runtime/codec.ts'), later, later);
    expect(stamp.distIsCurrent()).toBe(true);
  });

  it('is stale after an edit that keeps the size and the modification time', async () => {
    const { root, stamp, write } = await builtCheckout();
    write('generator/cli.ts', 'export const a = 9;\n');
    // The time the build saw: only the content tells.
    utimesSync(join(root, 'generator/cli.ts'), new Date(0), new Date(0));
    expect(stamp.distIsCurrent()).toBe(false);
  });

  it('is stale when a source is added or removed, in any input (templates and generated codecs too)', async () => {
    const added = await builtCheckout();
    added.write('generator/new.ts', 'export {};\n');
    expect(added.stamp.distIsCurrent()).toBe(false);
    const removed = await builtCheckout();
    rmSync(join(removed.root, 'generated/ts/memfd.ts'));
    expect(removed.stamp.distIsCurrent()).toBe(false);
    const template = await builtCheckout();
    template.write('templates/c-header.h.hbs', '/* {{y}} */\n');
    expect(template.stamp.distIsCurrent()).toBe(false);
  });

  it('follows no link: a link among the sources is not read', async () => {
    const { root, stamp } = await builtCheckout();
    const outside = join(work, 'outside.ts');
    writeFileSync(outside, 'export const secret = 1;\n');
    symlinkSync(outside, join(root, 'generator/linked.ts'));
    expect(stamp.distIsCurrent()).toBe(true);
    writeFileSync(outside, 'export const secret = 2;\n');
    expect(stamp.distIsCurrent()).toBe(true);
  });
});
