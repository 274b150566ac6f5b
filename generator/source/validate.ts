import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { AJV_OPTIONS, schemaHash } from './ajv-options.js';
import type { SourceFile, YamlPath } from './load.js';
import { PRECOMPILED } from './schema-validators.generated.js';

export const SCHEMA_LANGUAGE_PATH = fileURLToPath(new URL('../../schemas/kho-abi.schema.json', import.meta.url));

/** What validate.ts needs of an ajv validator, compiled ahead or now. */
interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const compiled = new Map<string, Validator>();

/**
 * The validator of a JSON Schema file: the one compiled ahead from the same
 * text (schema-validators.generated.ts) when there is one, else compiled by
 * ajv now. A schema edited since the module was generated is compiled, so it
 * is never checked against its old text; only slower, until the module is
 * regenerated (test/schema-validators.test.ts says how).
 */
function validator(schemaPath: string): Validator {
  let v = compiled.get(schemaPath);
  if (!v) {
    const text = readFileSync(schemaPath, 'utf8');
    v = (PRECOMPILED.get(schemaHash(text)) as Validator | undefined) ?? compileNow(text);
    compiled.set(schemaPath, v);
  }
  return v;
}

/** ajv loaded only when needed: importing its compiler costs a cold command tens of milliseconds. */
function compileNow(text: string): Validator {
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  return new Ajv(AJV_OPTIONS).compile(JSON.parse(text) as object);
}

/** Checks a loaded document against the schema language (or another JSON Schema, such as the profiles'); every error is located. */
export function validateSource(file: SourceFile, schemaPath = SCHEMA_LANGUAGE_PATH): Diagnostic[] {
  const validate = validator(schemaPath);
  if (validate(file.data)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const errors = validate.errors ?? [];
  // An empty string also fails the pattern of most keys; "must not be empty" says it better.
  const empty = new Set(errors.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'pattern' && empty.has(e.instancePath)) continue;
    const d = toDiagnostic(file, e);
    const key = `${d.span.line}:${d.span.col}:${d.code}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function toDiagnostic(file: SourceFile, e: ErrorObject): Diagnostic {
  const path = pointerToPath(e.instancePath);
  const where = describe(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {}).join(', ');
      return error('unknown-key', file.spanOf([...path, key], true), `unknown key '${key}' in ${where}`, `allowed keys: ${allowed}`);
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      return error('missing-key', file.spanOf(path, path.length > 0), `${where} is missing the required key '${key}'`);
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).replace(',', ' or ');
      return error('wrong-type', file.spanOf(path), `${where} must be ${article(expected)}${expected}`);
    }
    case 'pattern':
      return error('bad-name', file.spanOf(path), `${where} ${JSON.stringify(valueAt(file.data, path))} ${patternMeaning((e.params as { pattern: string }).pattern)}`);
    case 'enum':
      return error(
        'bad-value',
        file.spanOf(path),
        `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`,
      );
    case 'minItems':
      return error('empty-list', file.spanOf(path), `${where} must not be empty`);
    case 'minLength':
      return error('empty-string', file.spanOf(path), `${where} must not be empty`);
    case 'uniqueItems': {
      // ajv reports the later index as i and the earlier one as j.
      const { i, j } = e.params as { i: number; j: number };
      const later = Math.max(i, j);
      const item = (valueAt(file.data, path) as unknown[] | undefined)?.[later];
      return error('duplicate-item', file.spanOf([...path, later]), `${where} lists ${JSON.stringify(item)} twice`, 'remove the second one');
    }
    case 'minimum':
    case 'maximum':
      return error('out-of-range', file.spanOf(path), `${where} ${e.message ?? 'is out of range'}`);
    default:
      return error('schema-violation', file.spanOf(path), `${where} ${e.message ?? 'is invalid'}`);
  }
}

function pointerToPath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `structs[1].fields[0].bits[2]` reads better than a JSON pointer. */
export function describe(path: YamlPath): string {
  if (path.length === 0) return 'the document';
  let s = '';
  for (const step of path) s += typeof step === 'number' ? `[${step}]` : s === '' ? step : `.${step}`;
  return `'${s}'`;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v: unknown = data;
  for (const step of path) v = (v as Record<string | number, unknown> | undefined)?.[step];
  return v;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an ' : 'a ';
}

function patternMeaning(pattern: string): string {
  switch (pattern) {
    case '^[A-Za-z_][A-Za-z0-9_]*$':
      return 'is not a C identifier';
    case '^[a-z][a-z0-9_]*$':
      return 'must be lower case letters, digits and _ , starting with a letter';
    case '^[a-z0-9][a-z0-9_.-]*$':
      return 'is not a version id (lower case letters, digits, _ . -)';
    case '^[A-Za-z0-9_.,+-]+$':
      return 'is not a compatible string (letters, digits and _ . , + -; no ; or spaces)';
    case '^[A-Za-z0-9.+() -]+$':
      return 'is not an SPDX license expression (letters, digits, spaces and . + ( ) -)';
    case '^[^\\n]+$':
      return 'must be a single line';
    case '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$':
      return 'is not a member or a dotted path of members (C identifiers joined by dots)';
    case '^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$':
      return 'is not struct.member (two C identifiers joined by a dot)';
    case '^[a-z0-9_/.-]+\\.h$':
      return 'is not a header path such as linux/fcntl.h';
    default:
      return `does not match ${pattern}`;
  }
}
