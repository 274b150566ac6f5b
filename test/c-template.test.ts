/**
 * generator/emit/c-template.generated.ts holds the C header template
 * precompiled by Handlebars, so that a command neither loads the compiler
 * nor compiles the template. This keeps the module what Handlebars makes
 * of the template files now, and checks that the precompiled template
 * (on Handlebars' runtime) writes the same headers as the template
 * compiled from the files, for the project's schemas and every valid
 * fixture. After a change to a template: `UPDATE_TEMPLATE=1 npx vitest run
 * test/c-template.test.ts`, and commit the module.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadTemplate, ownHeaders, renderHeader } from '../generator/emit/c-header.js';
import { GENERATED_TEMPLATE, precompiledTemplateCode, readTemplateFiles, templateHash } from '../generator/emit/c-template-source.js';
import { TEMPLATE_SHA256 } from '../generator/emit/c-template.generated.js';
import { analyze, layoutAll } from '../generator/pipeline.js';
import { repoRoot } from './helpers/root.js';

const UPDATE = process.env.UPDATE_TEMPLATE === '1';

function inputs(dir: string): { path: string; bytes: Uint8Array }[] {
  return readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `${dir}/${f}`, bytes: readFileSync(join(repoRoot, dir, f)) }));
}

describe('precompiled C header template', () => {
  it('the generated module is what Handlebars makes of the template files now', () => {
    const want = precompiledTemplateCode((text, options) => Handlebars.precompile(text, options) as string);
    const path = join(repoRoot, GENERATED_TEMPLATE);
    if (UPDATE) writeFileSync(path, want);
    expect(readFileSync(path, 'utf8') === want, `${GENERATED_TEMPLATE} is stale: run UPDATE_TEMPLATE=1 npx vitest run test/c-template.test.ts`).toBe(true);
    expect(TEMPLATE_SHA256).toBe(templateHash(readTemplateFiles()));
  });

  it('writes the same headers as the template compiled from its files', () => {
    const ahead = loadTemplate(true);
    const now = loadTemplate(false);
    expect(ahead).not.toBe(now);
    const sets = [inputs('schemas'), ...inputs('test/fixtures/valid').filter((i) => !/^includes:/m.test(Buffer.from(i.bytes).toString())).map((i) => [i])];
    let headers = 0;
    for (const set of sets) {
      const analysis = analyze(set);
      const ir = layoutAll(analysis).irs.find((x) => x.target.pageSize === 4096);
      if (!ir) continue;
      const own = ownHeaders(ir);
      for (const spec of own.specs) {
        expect(renderHeader(spec, own.options, ahead), `${set[0]!.path}: ${spec.file}`).toBe(renderHeader(spec, own.options, now));
        headers++;
      }
    }
    expect(headers).toBeGreaterThan(25);
  });
});
