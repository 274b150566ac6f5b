#!/usr/bin/env node
// In a checkout, runs the TypeScript sources through tsx, so that no build
// step stands between an edit and the command; in an installed package
// (no sources, no tsx), runs the compiled JavaScript under dist/.
import { existsSync } from 'node:fs';

const source = new URL('../generator/cli.ts', import.meta.url);
let run;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import(source.href));
} else {
  ({ run } = await import(new URL('../dist/generator/cli.js', import.meta.url).href));
}
process.exitCode = await run(process.argv.slice(2));
