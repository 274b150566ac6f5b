/**
 * The C header template (templates/c-header.h.hbs and its partials): its
 * files, the one hash that recognizes them, and the text of
 * generator/emit/c-template.generated.ts, the template precompiled by
 * Handlebars. Compiling it took a cold `kho-abi gen` about 60 ms, and
 * loading the compiler as much again; the precompiled template needs only
 * Handlebars' runtime. test/c-template.test.ts keeps the module current.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export const GENERATED_TEMPLATE = 'generator/emit/c-template.generated.ts';

/** How the template is compiled, at run time or ahead. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export interface TemplateFiles {
  readonly main: string;
  /** Each partial by name, sorted by name. */
  readonly partials: readonly (readonly [string, string])[];
}

/** The template's files as they are now. */
export function readTemplateFiles(dir = TEMPLATES): TemplateFiles {
  const partials = readdirSync(dir + 'partials')
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => [f.replace(/\.hbs$/, ''), readFileSync(dir + 'partials/' + f, 'utf8')] as const);
  return { main: readFileSync(dir + 'c-header.h.hbs', 'utf8'), partials };
}

/** One hash over the names and texts of the template's files. */
export function templateHash(files: TemplateFiles): string {
  const hash = createHash('sha256');
  for (const [name, text] of [['', files.main] as const, ...files.partials]) hash.update(`${name}\0${text}\0`);
  return hash.digest('hex');
}

/** The generated module: each file precompiled, and the hash of the files it was made from. */
export function precompiledTemplateCode(precompile: (text: string, options: object) => string, files: TemplateFiles = readTemplateFiles()): string {
  return [
    '// @ts-nocheck',
    '// Generated from templates/c-header.h.hbs and templates/partials/ by generator/emit/c-template-source.ts (Handlebars.precompile); do not edit.',
    '// After a change to a template: UPDATE_TEMPLATE=1 npx vitest run test/c-template.test.ts',
    `export const TEMPLATE_SHA256 = ${JSON.stringify(templateHash(files))};`,
    `export const MAIN = ${precompile(files.main, COMPILE_OPTIONS)};`,
    'export const PARTIALS = {',
    ...files.partials.map(([name, text]) => `  ${JSON.stringify(name)}: ${precompile(text, COMPILE_OPTIONS)},`),
    '};',
    '',
  ].join('\n');
}
