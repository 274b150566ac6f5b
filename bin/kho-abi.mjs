#!/usr/bin/env node
// The `kho-abi` command. An installed package (no sources, no tsx) runs the
// compiled JavaScript under dist/. A checkout runs dist/ too while it is up
// to date with the sources (`npm run build` made it, and no source, codec
// or build setting changed since: bin/source-stamp.mjs), since tsx alone
// takes longer to start than a whole decode should; otherwise it runs the
// TypeScript sources through tsx, so that no build step stands between an
// edit and the command. KHO_ABI_FROM_SOURCE=1 runs the sources always.
import { existsSync } from 'node:fs';

const source = new URL('../generator/cli.ts', import.meta.url);
const compiled = new URL('../dist/generator/cli.js', import.meta.url);
let run;
if (!existsSync(source)) {
  ({ run } = await import(compiled.href));
} else if (process.env.KHO_ABI_FROM_SOURCE !== '1' && (await import('./source-stamp.mjs')).distIsCurrent()) {
  ({ run } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import(source.href));
}
process.exitCode = await run(process.argv.slice(2));
