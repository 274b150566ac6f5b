#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a checkout needs no
// build step: `npm install` and the command works.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../generator/cli.ts');
process.exitCode = await run(process.argv.slice(2));
