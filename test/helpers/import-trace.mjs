// A module-loader hook that records every module a process loads: with
// `node --import ./import-trace.mjs`, each resolved URL is appended as a
// line to the file named by KHO_ABI_IMPORT_TRACE. Tests read it to prove
// which modules a command path never loads.
import { register } from 'node:module';

register(new URL('./import-trace-hooks.mjs', import.meta.url), { data: { file: process.env.KHO_ABI_IMPORT_TRACE } });
