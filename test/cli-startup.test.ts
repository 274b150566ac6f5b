/**
 * decode, encode and compat start at once: they read generated/ts/meta.json
 * and import only the generated module of the schema they need, never the
 * schema pipeline (yaml, ajv) nor the emitters (ts-morph, handlebars,
 * prettier). Proved on a real process with a loader hook that records every
 * module it loads (test/helpers/import-trace.mjs); the same hook sees those
 * modules when `validate` runs, so the check can fail. decode loads the
 * runtime's codec core, not its container walkers. The metadata is
 * checked against the generated codecs themselves, and the commands work
 * outside any project with kho-abi's own codecs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodecMeta, MetaStruct } from '../generator/emit/ts-meta.js';
import type { PageSize, SchemaCodecs } from '../runtime/codec.js';
import { cli } from './helpers/cli-in-process.js';
import { repoRoot } from './helpers/root.js';

const work = mkdtempSync(join(tmpdir(), 'kho-abi-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** memfd_luo_folio_ser: pfn 5, flags 1 (bits 52..63 of the first u64), index 7; laid out by hand (kernel-abi.md). */
const FOLIO_HEX = '0500000000001000' + '0700000000000000';

/** The modules (repository-relative, or node_modules/<package>) a run of kho-abi loads, through the sources (tsx). */
function modulesLoaded(args: readonly string[], input = ''): { code: number | null; out: string; modules: string[] } {
  const trace = join(work, `trace-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['--import', join(repoRoot, 'test/helpers/import-trace.mjs'), join(repoRoot, 'bin/kho-abi.mjs'), ...args], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    env: { ...process.env, KHO_ABI_IMPORT_TRACE: trace, KHO_ABI_FROM_SOURCE: '1' },
  });
  const urls = readFileSync(trace, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  const modules = [...new Set(urls.map((u) => {
    const path = decodeURIComponent(new URL(u).pathname);
    const nm = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    const root = join(repoRoot, '/');
    return nm ? `node_modules/${nm[1]}` : path.startsWith(root) ? path.slice(root.length) : path;
  }))].sort();
  return { code: r.status, out: r.stdout, modules };
}

const HEAVY = ['node_modules/yaml', 'node_modules/ajv', 'node_modules/ts-morph', 'node_modules/@ts-morph/common', 'node_modules/handlebars', 'node_modules/prettier'];
/** Modules of the schema pipeline and the emitters: none belongs on a path that reads generated code. */
const GENERATOR = /^generator\/(pipeline|generate|source\/|model\/resolve|layout\/compute-layout|emit\/(?!ts-names|ts-meta|meta-format)|profile\/|abi\/)/;

describe('decode, encode and compat load no schema and no generator', () => {
  it('decode imports the codec module of its schema (and those it imports) only', () => {
    const r = modulesLoaded(['decode', 'memfd_luo_folio_ser', '--hex', FOLIO_HEX]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ pfn: 5, flags: 1, index: 7 });
    expect(r.modules.filter((m) => HEAVY.includes(m))).toEqual([]);
    expect(r.modules.filter((m) => GENERATOR.test(m))).toEqual([]);
    // memfd.ts imports luo.ts and vmalloc.ts for the structs it embeds; nothing else, and not the index of all codecs.
    expect(r.modules.filter((m) => m.startsWith('generated/ts/'))).toEqual(['generated/ts/luo.ts', 'generated/ts/memfd.ts', 'generated/ts/vmalloc.ts']);
    // The generated code imports the codec core (runtime/codec-core.ts), not the whole runtime:
    // no simulated memory, no container walker, no live update.
    expect(r.modules).toContain('runtime/codec-core.ts');
    expect(r.modules).toContain('runtime/primitives.ts');
    expect(r.modules.filter((m) => /^runtime\/(index|phys-mem|file-mem|containers\/(?!descriptors\.)|liveupdate\/)/.test(m))).toEqual([]);
    // A plain decode command line is read without commander (generator/cli/decode-args.ts); encode below loads it.
    expect(r.modules).not.toContain('node_modules/commander');
  }, 60_000);

  it('encode and compat verify likewise', () => {
    const enc = modulesLoaded(['encode', 'memfd_luo_folio_ser', '--hex'], '{"pfn": 5, "flags": 1, "index": "7"}');
    expect(enc.code).toBe(0);
    expect(enc.out.trim()).toBe(FOLIO_HEX);
    const verify = modulesLoaded(['compat', 'verify', 'memfd', 'memfd-v2']);
    expect(verify.code).toBe(0);
    for (const r of [enc, verify]) {
      expect(r.modules.filter((m) => HEAVY.includes(m) || GENERATOR.test(m))).toEqual([]);
    }
    expect(verify.modules.filter((m) => m.startsWith('generated/'))).toEqual([]);
    expect(enc.modules).toContain('node_modules/commander');
  }, 60_000);

  it('the trace sees the pipeline where a command uses it (validate)', () => {
    const r = modulesLoaded(['validate']);
    expect(r.code).toBe(0);
    expect(r.modules).toContain('node_modules/yaml');
    // ajv itself is not imported: the schema language's validator is precompiled (its runtime helpers come by require, which the hook does not see).
    expect(r.modules).toContain('generator/source/schema-validators.generated.ts');
    expect(r.modules).toContain('generator/pipeline.ts');
  }, 60_000);
});

describe('generated/ts/meta.json', () => {
  const meta = JSON.parse(readFileSync(join(repoRoot, 'generated/ts/meta.json'), 'utf8')) as CodecMeta;

  it('carries the banner gen recognises as its own', () => {
    expect(readFileSync(join(repoRoot, 'generated/ts/meta.json'), 'utf8').slice(0, 1024)).toContain('Generated by kho-abi');
  });

  it('names every schema module and export, version, compatible string, struct and size the generated codecs have', async () => {
    const { allCodecs } = (await import(pathToFileURL(join(repoRoot, 'generated/ts/index.ts')).href)) as { allCodecs: readonly SchemaCodecs[] };
    expect(meta.schemas.map((s) => s.name).sort()).toEqual(allCodecs.map((c) => c.schema).sort());
    for (const s of meta.schemas) {
      const mod = (await import(pathToFileURL(join(repoRoot, 'generated/ts', s.module.replace(/\.js$/, '.ts'))).href)) as Record<string, unknown>;
      const codecs = mod[s.codecs] as SchemaCodecs;
      expect(codecs, `${s.module} exports ${s.codecs}`).toBe(allCodecs.find((c) => c.schema === s.name));
      expect(s.component?.name).toBe(codecs.component);
      expect(s.versions.find((v) => v.current)?.id).toBe(codecs.current);
      expect(s.versions.map((v) => [v.id, v.compatible])).toEqual(codecs.versions.map((v) => [v.id, v.compatible]));
      for (const [i, v] of s.versions.entries()) {
        const real = codecs.versions[i]!;
        expect(Object.keys(v.structs).sort(), `${v.id}`).toEqual(Object.keys(real.structs).sort());
        for (const [name, entry] of Object.entries(v.structs)) {
          for (const page of [4096, 16384, 65536] as PageSize[]) {
            const st = ('fields' in entry ? entry : (entry as Record<PageSize, MetaStruct>)[page]) as MetaStruct;
            const codec = real.structs[name]![page];
            expect([v.id, name, page, st.name, st.size]).toEqual([v.id, name, page, codec.name, codec.size]);
          }
        }
      }
    }
  }, 60_000);
});

describe('outside any project', () => {
  it("decode, encode and compat use kho-abi's own codecs", async () => {
    const dir = mkdtempSync(join(work, 'elsewhere-'));
    const dec = await cli(['decode', 'memfd_luo_folio_ser', '--hex', FOLIO_HEX], { cwd: dir });
    expect(dec.code, dec.err).toBe(0);
    expect(JSON.parse(dec.out)).toEqual({ pfn: 5, flags: 1, index: 7 });
    const verify = await cli(['compat', 'verify', 'luo', 'luo-v1'], { cwd: dir });
    expect(verify.out).toMatch(/^luo: /);
    const unknown = await cli(['decode', 'no_such_ser', '--hex', '00'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('unknown struct "no_such_ser"; known structs: ');
    expect(unknown.err).toContain('memfd_luo_folio_ser');
  });

  it('a project without generated code is told to run gen', async () => {
    const dir = mkdtempSync(join(work, 'empty-project-'));
    const r = await cli(['--root', dir, 'decode', 'memfd_luo_folio_ser', '--hex', FOLIO_HEX], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toBe('kho-abi: generated/ts/meta.json is missing: run kho-abi gen first\n');
  });

  it('a damaged meta.json, or one of another format, is refused in one line', async () => {
    const dir = mkdtempSync(join(work, 'damaged-'));
    mkdirSync(join(dir, 'generated', 'ts'), { recursive: true });
    const cases: [string, string][] = [
      ['{"format": 1, "runtimeImport": "x", "schemas": [{"name": 1}]}', 'generated/ts/meta.json is damaged: run kho-abi gen'],
      ['{"format": 1, "runtimeImport": "x", "schemas": [{"name": "a", "module": "../../evil.js", "codecs": "aCodecs", "versions": [{"id": "a", "structs": {"s": {}}, "subcomponents": []}]}]}', 'generated/ts/meta.json: schema a names module "../../evil.js", not one gen writes; run kho-abi gen'],
      ['{"format": 99, "runtimeImport": "x", "schemas": []}', 'generated/ts/meta.json was written by another version of kho-abi: run kho-abi gen'],
      ['not json', 'generated/ts/meta.json is not JSON: run kho-abi gen'],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(dir, 'generated', 'ts', 'meta.json'), text);
      const r = await cli(['--root', dir, 'decode', 's', '--hex', '00'], { cwd: dir });
      expect([r.code, r.err]).toEqual([1, `kho-abi: ${message}\n`]);
    }
  });
});
