/**
 * Compiles C test programs against the generated kernel headers and the
 * userspace kernel-type shim, with the warnings the kernel build would treat
 * as errors. Every compilation gets its own temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './root.js';

const run = promisify(execFile);

/** The repository root. */
export const REPO_ROOT = repoRoot;
export const SHIM_INCLUDE = join(REPO_ROOT, 'generator', 'kernel', 'shim', 'include');
export const SHIM_FALLBACK_INCLUDE = join(REPO_ROOT, 'generator', 'kernel', 'shim', 'fallback');
/** generated/include, or another tree of generated headers named by KHO_ABI_GENERATED_INCLUDE. */
export const GENERATED_INCLUDE = process.env.KHO_ABI_GENERATED_INCLUDE || join(REPO_ROOT, 'generated', 'include');

export interface CompileOptions {
  /** log2 of the page size under test: 12, 14 or 16. */
  readonly pageShift: number;
  /** More -I directories, searched after the shim and the generated headers. */
  readonly extraIncludes?: readonly string[];
  /** Headers to compile instead of generated/include (another header set made by a test). */
  readonly generatedInclude?: string;
}

const MAX_OUTPUT = 64 * 1024 * 1024;

function gccArgs(source: string, output: string, opts: CompileOptions, compileOnly: boolean): string[] {
  if (!Number.isInteger(opts.pageShift) || opts.pageShift < 12 || opts.pageShift > 16) {
    throw new Error(`pageShift must be an integer in 12..16, not ${opts.pageShift}`);
  }
  return [
    '-std=gnu11', '-Wall', '-Wextra', '-Werror',
    '-I', SHIM_INCLUDE,
    '-I', opts.generatedInclude ?? GENERATED_INCLUDE,
    ...(opts.extraIncludes ?? []).flatMap((d) => ['-I', d]),
    '-I', SHIM_FALLBACK_INCLUDE,
    '-include', 'kho-shim.h',
    `-DPAGE_SHIFT=${opts.pageShift}`,
    ...(compileOnly ? ['-c'] : []),
    '-o', output,
    source,
  ];
}

/** execFile's message already holds stderr when the command ran; add it only when it does not. */
function describe(e: unknown): string {
  const x = e as { stderr?: string; stdout?: string; message?: string };
  const message = x.message ?? String(e);
  const stderr = x.stderr && !message.includes(x.stderr.trim()) ? x.stderr : '';
  return [message, stderr, x.stdout ? `stdout:\n${x.stdout.slice(0, 4000)}` : ''].filter(Boolean).join('\n');
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kho-abi-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function compile(dir: string, source: string, opts: CompileOptions, compileOnly: boolean): Promise<string> {
  const src = join(dir, 'test.c');
  const out = join(dir, compileOnly ? 'test.o' : 'test');
  await writeFile(src, source);
  try {
    await run('gcc', gccArgs(src, out, opts, compileOnly), { cwd: REPO_ROOT, maxBuffer: MAX_OUTPUT });
  } catch (e) {
    throw new Error(`gcc failed (PAGE_SHIFT=${opts.pageShift}):\n${describe(e)}`);
  }
  return out;
}

/** Compiles `source` and checks that gcc accepts it; throws with gcc's stderr otherwise. */
export async function compileOnly(source: string, opts: CompileOptions): Promise<void> {
  await withTempDir((dir) => compile(dir, source, opts, true));
}

/** The bytes of linker section `section` in the object file gcc builds from `source` (objcopy's binary dump of it). */
export async function sectionBytes(source: string, section: string, opts: CompileOptions): Promise<Uint8Array> {
  return withTempDir(async (dir) => {
    const object = await compile(dir, source, opts, true);
    const dump = join(dir, 'section.bin');
    await run('objcopy', ['-O', 'binary', `--only-section=${section}`, object, dump]);
    return new Uint8Array(await readFile(dump));
  });
}

/** Compiles and runs `source`, returning its stdout; throws with gcc's or the program's stderr on failure. */
export async function compileAndRun(source: string, opts: CompileOptions, args: readonly string[] = []): Promise<string> {
  return withTempDir(async (dir) => {
    const exe = await compile(dir, source, opts, false);
    try {
      const { stdout } = await run(exe, [...args], { cwd: dir, maxBuffer: MAX_OUTPUT });
      return stdout;
    } catch (e) {
      throw new Error(`test program failed (PAGE_SHIFT=${opts.pageShift}):\n${describe(e)}`);
    }
  });
}
