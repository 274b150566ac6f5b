/**
 * The package as a user gets it: `npm pack` (which builds dist/), installed
 * into an empty folder with no repository around it, then `kho-abi init`,
 * an edited schema, `gen`, the generated TypeScript compiled with tsc
 * against the installed package (it imports `kho-abi/runtime/codec`), and bytes
 * decoded by the installed command. No tsx is installed there. Slow (a
 * build and an install): one test, the dependencies taken from npm's cache.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/root.js';

const work = mkdtempSync(join(tmpdir(), 'kho-abi-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sh = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('npm pack, installed elsewhere', () => {
  const app = join(work, 'app');

  it('init, gen, tsc against kho-abi/runtime/codec, decode: all from the installed package', () => {
    const packDir = join(work, 'pack');
    sh('mkdir', ['-p', packDir], work);
    const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', packDir], repoRoot)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    // Compiled code and declarations, the files they read at run time; no TypeScript sources, no tests.
    expect(files).toContain('dist/generator/cli.js');
    expect(files).toContain('dist/runtime/index.d.ts');
    expect(files).toContain('dist/runtime/codec-core.d.ts');
    expect(files).toContain('dist/templates/c-header.h.hbs');
    expect(files.some((f) => f.startsWith('generator/') || f.startsWith('test/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toBe(false);

    sh('mkdir', ['-p', app], work);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    sh('npm', ['install', '--prefer-offline', '--no-save', join(packDir, packed[0]!.filename)], app);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);

    expect(sh('npx', ['--no-install', 'kho-abi', '--version'], app).trim()).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    expect(sh('npx', ['--no-install', 'kho-abi', 'init'], app)).toContain('created kho-abi.config.yaml, schemas/kho-abi.schema.json, schemas/example.yaml');

    // Edit the schema as a user would: a new member.
    const schema = join(app, 'schemas', 'example.yaml');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('      - name: reserved\n        type: u32\n        doc: Written as 0.\n', '      - name: generation\n        type: u32\n        doc: Bumped on every save.\n'));
    expect(sh('npx', ['--no-install', 'kho-abi', 'gen'], app)).toMatch(/written/);
    expect(readdirSync(join(app, 'generated', 'include', 'linux', 'kho', 'abi'))).toEqual(['example.h']);
    const ts = readFileSync(join(app, 'generated', 'ts', 'example.ts'), 'utf8');
    // The codec entry of the runtime (package.json "exports"), which tsc resolves to its declarations below.
    expect(ts).toContain("from 'kho-abi/runtime/codec'");

    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, include: ['generated/ts'] }),
    );
    sh(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], app);

    // 16 bytes: count 2, flags 1, generation 7.
    const out = sh('npx', ['--no-install', 'kho-abi', 'decode', 'example_ser', '--hex', '0200000000000000' + '01000000' + '07000000'], app);
    expect(JSON.parse(out)).toEqual({ count: '2', flags: 1, generation: 7 });

    // Again, every module recorded: the codecs transpiled by the first decode are reused, and
    // nothing of the schema pipeline or the emitters is loaded (generated/ts/meta.json describes the struct).
    const trace = join(work, 'trace');
    const again = execFileSync(process.execPath, ['--import', join(repoRoot, 'test/helpers/import-trace.mjs'), join(app, 'node_modules', 'kho-abi', 'bin', 'kho-abi.mjs'), 'decode', 'example_ser', '--hex', '0200000000000000' + '01000000' + '07000000'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, KHO_ABI_IMPORT_TRACE: trace },
    });
    expect(JSON.parse(again)).toEqual({ count: '2', flags: 1, generation: 7 });
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain('/node_modules/kho-abi/dist/generator/commands/codec.js');
    for (const heavy of ['yaml', 'ajv', 'ts-morph', '@ts-morph', 'handlebars', 'prettier']) expect(loaded).not.toContain(`/node_modules/${heavy}/`);
    expect(loaded).not.toContain('/dist/generator/pipeline.js');
    // The transpiled codecs import the runtime's codec core, not its container walkers.
    expect(loaded).toContain('/node_modules/kho-abi/dist/runtime/codec-core.js');
    expect(loaded).not.toContain('/dist/runtime/index.js');
    expect(loaded).not.toContain('/dist/runtime/containers/kho-block.js');

    // Outside any project: the kernel's ABI as the package describes it (its own codecs, compiled).
    const nowhere = join(work, 'nowhere');
    sh('mkdir', ['-p', nowhere], work);
    const own = execFileSync(process.execPath, [join(app, 'node_modules', 'kho-abi', 'bin', 'kho-abi.mjs'), 'decode', 'memfd_luo_folio_ser', '--hex', '0500000000001000' + '0700000000000000'], { cwd: nowhere, encoding: 'utf8' });
    expect(JSON.parse(own)).toEqual({ pfn: 5, flags: 1, index: 7 });
  }, 300_000);

  it('decode in a project: the codecs transpiled once into a private cache; with that cache unusable, a copy of its own that goes with the process', () => {
    const tmp = join(work, 'tmp');
    sh('mkdir', ['-p', tmp], work);
    const cli = join(app, 'node_modules', 'kho-abi', 'bin', 'kho-abi.mjs');
    const decode = (): unknown =>
      JSON.parse(execFileSync(process.execPath, [cli, 'decode', 'example_ser', '--hex', '0200000000000000' + '01000000' + '07000000'], { cwd: app, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } }));
    expect(decode()).toEqual({ count: '2', flags: 1, generation: 7 });
    const made = readdirSync(tmp);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^kho-abi-codecs-[0-9a-f]{24}$/);
    // Writable by others: never imported from, never removed; each run transpiles into a folder of its own.
    chmodSync(join(tmp, made[0]!), 0o777);
    expect(decode()).toEqual({ count: '2', flags: 1, generation: 7 });
    expect(readdirSync(tmp)).toEqual(made);
  }, 60_000);
});
