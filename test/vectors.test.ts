/**
 * Shared TS/C vectors: the generated TypeScript codecs and C compiled from
 * the generated headers agree byte for byte. For every struct of every
 * current version, at 4, 16 and 64 KiB pages, and for each seed of
 * test/helpers/vector-values.ts:
 *
 * - C fills the struct by member name and prints its bytes; the TS codec
 *   decodes them to exactly the expected values;
 * - the TS codec encodes the expected values to exactly C's bytes, and C
 *   checks the bytes the TS codec wrote with memcmp.
 *
 * KHO_ABI_VECTOR_CODECS may name another module exporting `allCodecs` (a
 * mutated copy of generated/ts, say) to check that a broken codec fails here.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StructIR } from '../generator/layout/ir.js';
import type { PageSize, SchemaCodecs, StructCodec } from '../runtime/index.js';
import { GENERATED_INCLUDE, SHIM_FALLBACK_INCLUDE, SHIM_INCLUDE } from './helpers/gcc.js';
import { parseVectorLines, SEEDS, toHex, vectorOf, vectorProgram, type VecStruct } from './helpers/vector-values.js';
import { buildIRs } from './helpers/project-ir.js';

/**
 * Structs of current versions the vectors leave out, each with the reason.
 * A struct missing from the vectors and from this list fails the test, and
 * so does an entry naming no current struct.
 */
const SKIPPED: Readonly<Record<string, string>> = {};


const codecsModule = process.env.KHO_ABI_VECTOR_CODECS
  ? pathToFileURL(resolve(process.env.KHO_ABI_VECTOR_CODECS)).href
  : '../generated/ts/index.js';
const { allCodecs } = (await import(codecsModule)) as { allCodecs: readonly SchemaCodecs[] };

const irs = buildIRs();

/** The codec of a current struct at a page size, from the registry. */
function currentCodecs(schema: string, version: string, pageSize: PageSize): Map<string, StructCodec<unknown>> {
  const out = new Map<string, StructCodec<unknown>>();
  const sc = allCodecs.find((c) => c.schema === schema);
  const v = sc?.versions.find((x) => x.id === version);
  for (const [name, byPage] of Object.entries(v?.structs ?? {})) out.set(name, byPage[pageSize]);
  return out;
}

// ---- compile once per page size, run `write` and `check` --------------------------------

const workDir = await mkdtemp(join(tmpdir(), 'kho-abi-vectors-'));

function exec(file: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', fail);
    // A program that exits without reading its input closes the pipe; its exit code tells what happened.
    child.stdin.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') fail(e);
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString();
      if (code === 0) ok(stdout);
      else fail(new Error(`${file} ${args.join(' ')} exited ${code}:\n${Buffer.concat(err).toString()}${stdout.slice(0, 4000)}`));
    });
    child.stdin.end(input ?? '');
  });
}

/** gcc with the flags of test/helpers/gcc.ts (the kernel's warnings as errors), keeping the executable. */
async function compileVectors(source: string, pageShift: number): Promise<string> {
  const src = join(workDir, `vectors-${pageShift}.c`);
  const exe = join(workDir, `vectors-${pageShift}`);
  await writeFile(src, source);
  await exec('gcc', [
    '-std=gnu11', '-Wall', '-Wextra', '-Werror',
    '-I', SHIM_INCLUDE, '-I', GENERATED_INCLUDE, '-I', SHIM_FALLBACK_INCLUDE,
    '-include', 'kho-shim.h', `-DPAGE_SHIFT=${pageShift}`,
    '-o', exe, src,
  ]);
  return exe;
}

interface Run {
  readonly structs: readonly StructIR[];
  readonly codecs: Map<string, StructCodec<unknown>>;
  readonly exe: Promise<string>;
}

const runs = new Map<number, Run>();
for (const ir of irs) {
  const structs = ir.schemas.flatMap((s) => s.current.structs).filter((st) => !(st.name in SKIPPED));
  const codecs = new Map<string, StructCodec<unknown>>();
  for (const s of ir.schemas) for (const [k, v] of currentCodecs(s.name, s.current.id, ir.target.pageSize)) codecs.set(k, v);
  const exe = compileVectors(vectorProgram(ir, structs), ir.target.pageShift);
  exe.catch(() => undefined); // reported by the tests that await it
  runs.set(ir.target.pageSize, { structs, codecs, exe });
}

afterAll(async () => {
  await Promise.allSettled([...runs.values()].map((r) => r.exe));
  await rm(workDir, { recursive: true, force: true });
});

describe('the vectors cover every struct of every current version', () => {
  for (const ir of irs) {
    it(`at ${ir.target.pageSize / 1024} KiB pages`, () => {
      const current = ir.schemas.flatMap((s) => s.current.structs.map((st) => st.name)).sort();
      const covered = runs.get(ir.target.pageSize)!.structs.map((st) => st.name);
      expect(current.length).toBeGreaterThan(0);
      // Every whitelist entry names a current struct, and says why.
      for (const [name, why] of Object.entries(SKIPPED)) {
        expect(current, `SKIPPED names ${name}, which no current version has`).toContain(name);
        expect(why.trim().length, `SKIPPED.${name} needs a reason`).toBeGreaterThan(10);
      }
      expect([...covered, ...Object.keys(SKIPPED)].sort()).toEqual(current);
      // The registry has a codec for exactly the current structs.
      const registry = ir.schemas.flatMap((s) => [...currentCodecs(s.name, s.current.id, ir.target.pageSize).keys()]).sort();
      expect(registry).toEqual(current);
    });
  }
});

for (const ir of irs) {
  const { pageSize, pageShift } = ir.target;
  const run = runs.get(pageSize)!;

  describe(`TS codecs and C agree at ${pageSize / 1024} KiB pages (PAGE_SHIFT=${pageShift})`, () => {
    let fromC: Map<string, Uint8Array>;
    const expected = new Map<string, VecStruct>();
    const encoded = new Map<string, Uint8Array>();
    const refused = new Map<string, string>();
    const codec = (name: string): StructCodec<unknown> => {
      const c = run.codecs.get(name);
      if (!c) throw new Error(`allCodecs has no codec for ${name} at ${pageSize} bytes per page`);
      return c;
    };

    beforeAll(async () => {
      fromC = parseVectorLines(await exec(await run.exe, ['write']));
      for (const st of run.structs) {
        for (const seed of SEEDS) {
          const key = `${st.name} ${seed}`;
          const value = vectorOf(st, seed).value;
          expected.set(key, value);
          const bytes = new Uint8Array(st.size);
          try {
            codec(st.name).encode(value, new DataView(bytes.buffer), 0);
            encoded.set(key, bytes);
          } catch (e) {
            // Reported by the encode test below.
            encoded.set(key, new Uint8Array(0));
            refused.set(key, String(e));
          }
        }
      }
    });

    for (const st of run.structs) {
      for (const seed of SEEDS) {
        const key = `${st.name} ${seed}`;

        it(`${st.name} (${seed}): C's bytes decode to the expected values`, () => {
          const bytes = fromC.get(key);
          expect(bytes, `C printed nothing for ${key}`).toBeDefined();
          expect(bytes!.length, 'sizeof in C vs the IR').toBe(st.size);
          expect(codec(st.name).size).toBe(st.size);
          expect(codec(st.name).decode(new DataView(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength), 0)).toEqual(expected.get(key));
          // A struct that fills a linker section reads its flexible tail up to the end of the bytes: they are the section.
          if (st.section !== undefined) return;
          // And at an odd offset inside a larger buffer.
          const big = new Uint8Array(st.size + 11);
          big.set(bytes!, 7);
          expect(codec(st.name).decode(new DataView(big.buffer), 7)).toEqual(expected.get(key));
        });

        it(`${st.name} (${seed}): the TS encoder writes C's bytes`, () => {
          expect(refused.get(key), 'the encoder refused the expected values').toBeUndefined();
          const bytes = fromC.get(key)!;
          const mine = encoded.get(key)!;
          if (toHex(mine) !== toHex(bytes)) {
            let k = 0;
            while (k < mine.length && mine[k] === bytes[k]) k++;
            expect.fail(`${key}: first difference at byte ${k}: TS ${toHex(mine.subarray(k, k + 8))} C ${toHex(bytes.subarray(k, k + 8))}`);
          }
          // At an odd offset, the bytes around the struct untouched.
          const big = new Uint8Array(st.size + 11);
          codec(st.name).encode(expected.get(key), new DataView(big.buffer), 7);
          expect(toHex(big.subarray(7, 7 + st.size))).toBe(toHex(bytes));
          expect([...big.subarray(0, 7), ...big.subarray(7 + st.size)].every((b) => b === 0)).toBe(true);
        });
      }
    }

    it('C checks the bytes the TS encoder wrote with memcmp', async () => {
      const input = [...encoded].map(([key, bytes]) => `${key} ${toHex(bytes)}`).join('\n') + '\n';
      const report = (await exec(await run.exe, ['check'], input)).trim().split('\n').sort();
      const want = run.structs.flatMap((st) => SEEDS.map((seed) => `ok ${st.name} ${seed}`)).sort();
      expect(report).toEqual(want);
    });
  });
}
