#!/usr/bin/env node
// Builds the package: compiles generator/, runtime/ and lib/ to JavaScript
// with type declarations under dist/, and copies beside them the files the
// compiled code reads at run time (templates, the schema language, the
// profile schema, the kernel-types shim, package.json for --version), at
// the same relative places as in a checkout, and the metadata of kho-abi's
// own generated codecs (decode outside any project uses them). `npm pack`
// runs it (prepack). Last, the stamp of the sources it was built from:
// bin/kho-abi.mjs in a checkout runs dist/ only while they still match.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stampText, STAMP } from './source-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Built beside dist/ and swapped in whole at the end, so that a command running from dist/
// meanwhile never finds it half removed or half written.
const building = join(root, `dist.building-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);
// The stamp goes first, so that a command started while this runs uses the sources.
rmSync(STAMP, { force: true });
const stamp = stampText();
rmSync(building, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', building], { stdio: ['ignore', 2, 2] });
const copies = ['templates', 'schemas/kho-abi.schema.json', 'profiles/profile.schema.json', 'generator/kernel/shim', 'generated/ts/meta.json', 'package.json'];
for (const rel of copies) {
  mkdirSync(dirname(join(building, rel)), { recursive: true });
  cpSync(join(root, rel), join(building, rel), { recursive: true });
}
// The hash of the sources as they were before compiling: an edit made during the build makes dist/ stale.
writeFileSync(join(building, relative(dist, STAMP)), stamp);
if (existsSync(dist)) renameSync(dist, old);
renameSync(building, dist);
rmSync(old, { recursive: true, force: true });
process.stderr.write(`dist/: compiled, with ${copies.join(', ')}\n`);
