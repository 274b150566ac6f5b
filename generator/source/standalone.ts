/**
 * Writes the text of generator/source/schema-validators.generated.ts: the
 * validators ajv compiles from the schema language and the profile schema,
 * as standalone code. Compiling them took a third of a cold `kho-abi gen`
 * (ajv generates, optimizes and evaluates several thousand lines, after
 * checking the schema against the draft-07 meta-schema); the module loads
 * in a few milliseconds instead. Only the test that keeps the module up to
 * date (test/schema-validators.test.ts) imports this file, so that a
 * command never loads ajv's code generator.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, schemaHash } from './ajv-options.js';

export { schemaHash };

/** The JSON Schemas compiled ahead, relative to the project root, in the order of the module's exports. */
export const PRECOMPILED_SCHEMAS = ['schemas/kho-abi.schema.json', 'profiles/profile.schema.json'] as const;

export const GENERATED_VALIDATORS = 'generator/source/schema-validators.generated.ts';

/** The SHA-256 by which validate.ts recognizes a schema's text. */
/** The module's text, from the schemas' files under `root`. */
export function standaloneValidatorsCode(root: string): string {
  const parts: string[] = [
    '// @ts-nocheck',
    '// Generated from the JSON Schemas named below by generator/source/standalone.ts (ajv standalone code); do not edit.',
    '// After a change to one of them: UPDATE_VALIDATORS=1 npx vitest run test/schema-validators.test.ts',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
  ];
  const entries: string[] = [];
  PRECOMPILED_SCHEMAS.forEach((rel, i) => {
    const text = readFileSync(`${root}/${rel}`, 'utf8');
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
    const validate = ajv.compile(JSON.parse(text) as object);
    // Each schema's code in its own block, so that the names ajv gives (validate10, schema11, ...) cannot collide.
    // ajv's module is CommonJS: Node's default import is its exports object.
    const body = standaloneCode.default(ajv, validate)
      .replace(/^"use strict";\n?/, '')
      .replace(/^export const validate = (\w+);\nexport default \w+;\n/, (_m: string, name: string) => `const result = ${name};\n`);
    if (/^export /m.test(body) || !body.includes('const result = ')) throw new Error(`unexpected standalone code for ${rel}`);
    parts.push(`// ${rel}`, `const validator${i} = (() => {`, body, 'return result;', '})();');
    entries.push(`  [${JSON.stringify(schemaHash(text))}, validator${i}], // ${rel}`);
  });
  parts.push('/** Each precompiled validator by the SHA-256 of the schema text it was compiled from. */', 'export const PRECOMPILED = new Map([', ...entries, ']);', '');
  return parts.join('\n');
}
