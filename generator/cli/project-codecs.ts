/**
 * The codecs a project generated (generated/ts), for decode, encode and
 * compat, found through the metadata gen writes beside them (meta.json):
 * a command reads that file and imports only the modules of the schemas it
 * needs, and never loads or analyses a schema.
 *
 * Outside any project (no --root, no project folder above the working
 * directory) the commands use kho-abi's own generated codecs, the kernel's
 * ABI, as shipped with kho-abi.
 *
 * In a checkout, where kho-abi runs through tsx, a project's TypeScript is
 * imported as it is. From compiled JavaScript (the installed package, or a
 * checkout's up-to-date dist/), a project's modules are transpiled once
 * with the TypeScript compiler ts-morph carries into a cache folder named
 * by their content, the runtime import pointed at this package's own
 * runtime, and imported from there: the same codecs `gen` wrote, not a
 * second decoder. Only that first transpile loads ts-morph.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SchemaCodecs } from '../../runtime/codec.js';
import { META_FORMAT } from '../emit/meta-format.js';
import type { CodecMeta, MetaSchema } from '../emit/ts-meta.js';
import { CliError } from './errors.js';
import { describeFsError } from './fs-error.js';

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** A meta.json larger than this is not one gen wrote. */
const MAX_META_BYTES = 64 * 1024 * 1024;

/** A generated module's name as meta.json gives it: `./memfd.js`. */
const MODULE = /^\.\/[A-Za-z0-9_-]+\.js$/;

export interface GeneratedCodecs {
  readonly meta: CodecMeta;
  /** The SchemaCodecs of these schemas, importing their modules (and what they import) only. */
  load(schemas: readonly MetaSchema[]): Promise<SchemaCodecs[]>;
}

/** kho-abi's own generated/ts: beside the sources, or compiled under dist/ with meta.json copied there by bin/build.mjs. */
function builtInDir(): string {
  return fileURLToPath(new URL('../../generated/ts/', import.meta.url));
}

/**
 * Whether `root` is the checkout this compiled kho-abi was built from
 * (dist/ under it): its generated codecs are the ones compiled beside this
 * file (bin/kho-abi.mjs runs dist/ only while it is up to date with them).
 */
function isOwnCheckout(root: string): boolean {
  if (RUNNING_FROM_SOURCE) return false;
  const here = fileURLToPath(new URL('../../', import.meta.url));
  return basename(here) === 'dist' && resolve(here, '..') === resolve(root);
}

/**
 * The generated codecs of the project at `root`, or kho-abi's own when
 * `root` is undefined (no project).
 */
export function generatedCodecs(root: string | undefined): GeneratedCodecs {
  const builtIn = root === undefined || isOwnCheckout(root);
  const dir = builtIn ? builtInDir() : join(root, 'generated', 'ts');
  const shown = builtIn ? join(dir, 'meta.json') : join('generated', 'ts', 'meta.json');
  const meta = readMeta(join(dir, 'meta.json'), shown);
  const importable = (s: MetaSchema): string => {
    if (!MODULE.test(s.module)) throw new CliError(`${shown}: schema ${s.name} names module ${JSON.stringify(s.module).slice(0, 80)}, not one gen writes; run kho-abi gen`);
    return s.module.slice(2, -3);
  };
  return {
    meta,
    async load(schemas) {
      const names = schemas.map(importable);
      let folder: string;
      let ext: '.ts' | '.js';
      if (RUNNING_FROM_SOURCE || builtIn) {
        // Sources through tsx, or kho-abi's own codecs compiled beside this file.
        folder = dir;
        ext = RUNNING_FROM_SOURCE ? '.ts' : '.js';
      } else {
        folder = await transpiled(dir, meta.runtimeImport);
        ext = '.js';
      }
      const out: SchemaCodecs[] = [];
      for (const [i, n] of names.entries()) {
        const file = join(folder, n + ext);
        if (!existsSync(file)) throw new CliError(`${builtIn ? file : join('generated', 'ts', n + '.ts')} is missing: run kho-abi gen`);
        const mod = (await import(pathToFileURL(file).href)) as Record<string, SchemaCodecs | undefined>;
        const codecs = mod[schemas[i]!.codecs];
        if (!codecs) throw new CliError(`${join('generated', 'ts', n + '.ts')} exports no ${schemas[i]!.codecs}: run kho-abi gen`);
        out.push(codecs);
      }
      return out;
    },
  };
}

function readMeta(path: string, shown: string): CodecMeta {
  let text: string;
  try {
    const st = lstatSync(path);
    if (!st.isFile()) throw new CliError(`${shown} is not a regular file: run kho-abi gen`);
    if (st.size > MAX_META_BYTES) throw new CliError(`${shown} is ${st.size} bytes, not a file gen wrote: run kho-abi gen`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${shown} is missing: run kho-abi gen first`);
    throw new CliError(`${shown}: cannot read: ${describeFsError(e)}`);
  }
  let meta: CodecMeta;
  try {
    meta = JSON.parse(text) as CodecMeta;
  } catch {
    throw new CliError(`${shown} is not JSON: run kho-abi gen`);
  }
  if (meta === null || typeof meta !== 'object' || meta.format !== META_FORMAT || !Array.isArray(meta.schemas) || typeof meta.runtimeImport !== 'string') {
    throw new CliError(`${shown} was written by another version of kho-abi: run kho-abi gen`);
  }
  // The top of every entry the commands walk, so that a damaged file is a refusal, not a crash.
  const object = (x: unknown): boolean => x !== null && typeof x === 'object' && !Array.isArray(x);
  const wellFormed = meta.schemas.every(
    (s) => object(s) && typeof s.name === 'string' && typeof s.module === 'string' && typeof s.codecs === 'string' && (s.component === undefined || object(s.component)) && Array.isArray(s.versions) && s.versions.every((v: MetaSchema['versions'][number]) => object(v) && typeof v.id === 'string' && object(v.structs) && Array.isArray(v.subcomponents)),
  );
  if (!wellFormed) throw new CliError(`${shown} is damaged: run kho-abi gen`);
  return meta;
}

/** The project's generated modules as JavaScript: a cache folder named by their content, made on first use. */
async function transpiled(dir: string, runtimeImport: string): Promise<string> {
  // Generated code imports the codec core only (runtime/codec-core.ts), whichever runtime entry the project names.
  const runtimeUrl = new URL('../../runtime/codec-core.js', import.meta.url).href;
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const sources = names.map((n) => [n, readFileSync(join(dir, n), 'utf8')] as const);
  // node:crypto is imported here, not at the top: a decode of kho-abi's own codecs never needs it.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(runtimeUrl).update(runtimeImport);
  for (const [n, text] of sources) hash.update(`${n}\0${text}\0`);
  const cache = join(tmpdir(), `kho-abi-codecs-${hash.digest('hex').slice(0, 24)}`);
  // The temporary folder is shared: code is imported only from a folder this user made with
  // mkdtemp (mode 0700). Anything else under the cache's name is left alone, and the codecs are
  // transpiled afresh into a folder of this run's own.
  if (existsSync(cache) && ownPrivateFolder(cache) && existsSync(join(cache, 'index.js'))) return cache;
  const building = mkdtempSync(join(tmpdir(), 'kho-abi-codecs-tmp-'));
  await transpileInto(building, sources, runtimeImport, runtimeUrl);
  try {
    if (!existsSync(cache)) {
      renameSync(building, cache);
      return cache;
    }
  } catch {
    // Another run made the cache first.
  }
  // This run's own copy serves this run only: it goes when the process ends (the modules are loaded by then).
  process.once('exit', () => rmSync(building, { recursive: true, force: true }));
  return building;
}

/** A real folder (no link) of this user's that no one else may write to. */
function ownPrivateFolder(path: string): boolean {
  const st = lstatSync(path);
  return st.isDirectory() && (process.getuid === undefined || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
}

/** The generated modules as JavaScript in `dir`, their runtime import pointed at this package's codec core. */
async function transpileInto(dir: string, sources: readonly (readonly [string, string])[], runtimeImport: string, runtimeUrl: string): Promise<void> {
  const { ts } = await import('ts-morph');
  const quoted = new RegExp(`(['"])${runtimeImport.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  for (const [n, text] of sources) {
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, n.replace(/\.ts$/, '.js')), js.replace(quoted, `'${runtimeUrl}'`));
  }
}
