#!/usr/bin/env node
// Runs every benchmark in bench/ through tsx and rewrites bench/RESULTS.md;
// with section names (`npm run bench -- codecs gen`) only those, replacing
// only their blocks of RESULTS.md.
import { register } from 'tsx/esm/api';

register();
const { runAll } = await import('../bench/run.ts');
process.exitCode = await runAll(process.argv.slice(2));
