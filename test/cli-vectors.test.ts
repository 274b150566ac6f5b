/**
 * `kho-abi decode` and `kho-abi encode`, run as a user runs them, round-trip
 * the bytes C wrote for every struct of every current version: C fills each
 * struct through the generated headers, the CLI decodes the bytes to the
 * values C set (64-bit ones as decimal strings), and encoding that JSON gives
 * C's bytes back.
 */
import { describe, expect, it } from 'vitest';
import { toJson } from '../generator/json-values.js';
import { compileAndRun } from './helpers/gcc.js';
import { buildIRs } from './helpers/project-ir.js';
import { cli } from './helpers/cli-in-process.js';
import { parseVectorLines, toHex, vectorOf, vectorProgram } from './helpers/vector-values.js';

/** The command line in-process (the code bin/kho-abi.mjs runs), its stdout as text; a failure throws with stderr. */
async function khoAbi(args: readonly string[], input?: string | Uint8Array): Promise<string> {
  const r = await cli(args, { stdin: input ?? '' });
  if (r.code !== 0) throw new Error(`kho-abi ${args.slice(0, 3).join(' ')} failed: ${r.err}`);
  return r.out;
}

/** Runs the cases one after the other: in-process they share one thread anyway. */
async function pool<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (const item of items) await fn(item);
}

describe('kho-abi decode / encode round-trip the bytes C wrote', () => {
  const irs = buildIRs();
  for (const ir of irs.filter((x) => x.target.pageSize !== 16384)) {
    // Page-size-independent structs once (at 4 KiB); the page-sized ones at 64 KiB too.
    const structs = ir.schemas
      .flatMap((s) => s.current.structs)
      .filter((st) => ir.target.pageSize === 4096 || st.size !== irs[0]!.schemas.flatMap((s) => s.current.structs).find((x) => x.name === st.name)!.size);
    it(`every current struct at ${ir.target.pageSize / 1024} KiB pages (${structs.length} structs)`, async () => {
      const fromC = parseVectorLines(await compileAndRun(vectorProgram(ir, structs), { pageShift: ir.target.pageShift }, ['write']));
      expect(structs.length).toBeGreaterThan(0);
      await pool(structs, async (st) => {
        const bytes = fromC.get(`${st.name} pattern`);
        expect(bytes, `C wrote ${st.name}`).toBeDefined();
        const page = ['--page-size', String(ir.target.pageSize)];
        // Raw bytes on stdin, as a tool piping a dump would send them.
        const decoded = await khoAbi(['decode', st.name, ...page], bytes!);
        expect(JSON.parse(decoded), `decode ${st.name}`).toEqual(JSON.parse(toJson(vectorOf(st, 'pattern').value)));
        const encoded = await khoAbi(['encode', st.name, ...page, '--hex'], decoded);
        expect(encoded.trim(), `encode ${st.name}`).toBe(toHex(bytes!));
      });
    });
  }
});
