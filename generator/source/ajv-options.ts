import { createHash } from 'node:crypto';
import type { Options } from 'ajv';

/** The options every schema is compiled with, ahead (standalone.ts) or at run time (validate.ts): they shape the errors. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

/** The key a precompiled validator is stored and found under: the SHA-256 of the schema's text (standalone.ts writes it, validate.ts looks it up). */
export function schemaHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
