import type { Options } from 'ajv';

/** The options every schema is compiled with, ahead (standalone.ts) or at run time (validate.ts): they shape the errors. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };
