/**
 * The codecs a project generated (generated/ts), for decode and encode. In
 * a checkout, where kho-abi itself runs through tsx, the TypeScript is
 * imported as it is. From the installed package (no tsx), the files are
 * transpiled once with the TypeScript compiler ts-morph carries into a
 * cache folder named by their content, the runtime import pointed at this
 * package's own runtime, and imported from there: the same codecs `gen`
 * wrote, not a second decoder.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SchemaCodecs } from '../../runtime/codec.js';
import { CliError } from './errors.js';

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

export async function projectCodecs(root: string, runtimeImport: string): Promise<readonly SchemaCodecs[]> {
  const dir = join(root, 'generated', 'ts');
  if (!existsSync(join(dir, 'index.ts'))) throw new CliError(`${join('generated', 'ts', 'index.ts')} is missing: run kho-abi gen first`);
  if (RUNNING_FROM_SOURCE) return ((await import(pathToFileURL(join(dir, 'index.ts')).href)) as { allCodecs: readonly SchemaCodecs[] }).allCodecs;

  const runtimeUrl = new URL('../../runtime/index.js', import.meta.url).href;
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const sources = names.map((n) => [n, readFileSync(join(dir, n), 'utf8')] as const);
  const hash = createHash('sha256').update(runtimeUrl).update(runtimeImport);
  for (const [n, text] of sources) hash.update(`${n}\0${text}\0`);
  const cache = join(tmpdir(), `kho-abi-codecs-${hash.digest('hex').slice(0, 24)}`);
  const fromFolder = async (folder: string): Promise<readonly SchemaCodecs[]> =>
    ((await import(pathToFileURL(join(folder, 'index.js')).href)) as { allCodecs: readonly SchemaCodecs[] }).allCodecs;
  // The temporary folder is shared: code is imported only from a folder this user made with
  // mkdtemp (mode 0700). Anything else under the cache's name is left alone, and the codecs are
  // transpiled afresh into a folder of this run's own.
  if (existsSync(cache) && ownPrivateFolder(cache) && existsSync(join(cache, 'index.js'))) return fromFolder(cache);
  const building = mkdtempSync(join(tmpdir(), 'kho-abi-codecs-tmp-'));
  await transpileInto(building, sources, runtimeImport, runtimeUrl);
  if (existsSync(cache)) return fromFolder(building);
  try {
    renameSync(building, cache);
  } catch {
    // Another run made the cache first: this run keeps its own copy.
    return fromFolder(building);
  }
  return fromFolder(cache);
}

/** A real folder (no link) of this user's that no one else may write to. */
function ownPrivateFolder(path: string): boolean {
  const st = lstatSync(path);
  return st.isDirectory() && (process.getuid === undefined || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
}

/** The generated modules as JavaScript in `dir`, their runtime import pointed at this package's runtime. */
async function transpileInto(dir: string, sources: readonly (readonly [string, string])[], runtimeImport: string, runtimeUrl: string): Promise<void> {
  const { ts } = await import('ts-morph');
  const quoted = new RegExp(`(['"])${runtimeImport.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  for (const [n, text] of sources) {
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, n.replace(/\.ts$/, '.js')), js.replace(quoted, `'${runtimeUrl}'`));
  }
}
