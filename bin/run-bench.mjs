#!/usr/bin/env node
// Runs every benchmark in bench/ through tsx and rewrites bench/RESULTS.md;
// with arguments (`npm run bench -- startup`), only those sections.
import { register } from 'tsx/esm/api';

register();
const { runAll } = await import('../bench/run.ts');
process.exitCode = await runAll(process.argv.slice(2));
