/**
 * generator/source/schema-validators.generated.ts holds the validators of
 * the schema language and the profile schema as ajv standalone code, so
 * that a command does not compile them. This keeps the module what ajv
 * makes of the schemas' current text, and checks that the precompiled
 * validators report the same errors as ajv compiling the schema at run
 * time, on every schema, profile and invalid fixture of the project.
 * After a change to a schema: `UPDATE_VALIDATORS=1 npx vitest run
 * test/schema-validators.test.ts`, and commit the module.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../generator/source/ajv-options.js';
import { PRECOMPILED } from '../generator/source/schema-validators.generated.js';
import { GENERATED_VALIDATORS, PRECOMPILED_SCHEMAS, schemaHash, standaloneValidatorsCode } from '../generator/source/standalone.js';
import { repoRoot } from './helpers/root.js';

const UPDATE = process.env.UPDATE_VALIDATORS === '1';

/** YAML documents under a folder of the project. */
function documents(rel: string): { name: string; data: unknown }[] {
  return readdirSync(join(repoRoot, rel))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      try {
        return [{ name: `${rel}/${f}`, data: parse(readFileSync(join(repoRoot, rel, f), 'utf8'), { logLevel: 'error' }) as unknown }];
      } catch {
        return []; // a fixture that is not YAML at all never reaches a validator
      }
    });
}

describe('precompiled schema validators', () => {
  it('the generated module is what ajv makes of the schemas now', () => {
    const want = standaloneValidatorsCode(repoRoot);
    const path = join(repoRoot, GENERATED_VALIDATORS);
    if (UPDATE) writeFileSync(path, want);
    const got = readFileSync(path, 'utf8');
    expect(got === want, `${GENERATED_VALIDATORS} is stale: run UPDATE_VALIDATORS=1 npx vitest run test/schema-validators.test.ts`).toBe(true);
  });

  const cases: [string, string[]][] = [
    [PRECOMPILED_SCHEMAS[0], ['schemas', 'test/fixtures/valid', 'test/fixtures/invalid']],
    [PRECOMPILED_SCHEMAS[1], ['profiles', 'test/fixtures/invalid-profiles']],
  ];
  for (const [schema, folders] of cases) {
    it(`${schema}: the same verdict and errors as ajv compiling it at run time`, () => {
      const text = readFileSync(join(repoRoot, schema), 'utf8');
      const ahead = PRECOMPILED.get(schemaHash(text)) as ((d: unknown) => boolean) & { errors?: unknown };
      expect(ahead, 'no precompiled validator for the current text').toBeTypeOf('function');
      const now = new Ajv(AJV_OPTIONS).compile(JSON.parse(text) as object);
      const docs = folders.flatMap(documents);
      expect(docs.length).toBeGreaterThan(10);
      let refused = 0;
      for (const { name, data } of docs) {
        const ok = now(data);
        expect(ahead(data), name).toBe(ok);
        expect(ahead.errors ?? null, name).toEqual(now.errors ?? null);
        if (!ok) refused++;
      }
      expect(refused, 'the fixtures include documents the schema refuses').toBeGreaterThan(0);
    });
  }
});
