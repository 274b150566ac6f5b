/**
 * Issue 7, as a property: random bytes and random JSON (deep nesting and
 * huge strings included) fed to decode, encode, compat verify and validate
 * give exit 0 or 1, never 2 (a bug), within a time and an output-size
 * bound, and never a raw control character on stderr. In-process, a
 * bounded number of runs, so it takes seconds.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCodecs } from '../generated/ts/index.js';
import { cli, type CliRun } from './helpers/cli-in-process.js';
import { repoRoot } from './helpers/root.js';

/** Per run: a command that takes longer, or prints more, is a finding. */
const MAX_MS = 10_000;
const MAX_STDOUT = 4 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;
/** validate --format json lists every diagnostic (text stops at 50), each a few hundred bytes. */
const MAX_VALIDATE_STDERR = 1024 * 1024;

/** Exit codes seen per property: each must see both, or it tests only one path. */
const seen: Record<string, Set<number>> = {};

function bounded(r: CliRun, what: string): void {
  (seen[what.split(' ')[0]!] ??= new Set()).add(r.code);
  const context = `${what}\nexit ${r.code}\nstderr: ${r.err.slice(0, 1000)}`;
  expect([0, 1], context).toContain(r.code);
  expect(r.err, context).not.toMatch(/internal error/);
  expect(r.ms, context).toBeLessThan(MAX_MS);
  expect(r.stdout.length, context).toBeLessThan(MAX_STDOUT);
  expect(r.err.length, context).toBeLessThan(what.startsWith('validate') ? MAX_VALIDATE_STDERR : MAX_STDERR);
  expect(r.err, context).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

const structs = [...new Set(allCodecs.flatMap((s) => s.versions.flatMap((v) => Object.keys(v.structs))))].sort();
/** sizeof each current struct at 4 KiB pages: bytes of exactly that size get past the length check. */
const sizes = new Map(allCodecs.flatMap((s) => s.versions.filter((v) => v.id === s.current).flatMap((v) => Object.entries(v.structs).map(([n, c]) => [n, c[4096].size] as const))));
const versions = [...new Set(allCodecs.flatMap((s) => s.versions.flatMap((v) => [v.id, ...(v.compatible ? [v.compatible] : [])])))];

/** Strings a hostile user types: any code point (lone surrogates, controls, bidi marks included). */
const anyText = (maxLength = 40) => fc.string({ unit: 'binary', maxLength });
const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...structs) }, fc.constantFrom('__proto__', 'toString', 'constructor', ''), anyText(20));
const pageSizeArgs = fc.oneof(fc.constant([] as string[]), fc.constantFrom('4096', '16K', '64KiB', '0x1000', '4096.0', ' 4096 ', '0').map((p) => ['--page-size', p]));
const versionArgs = fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, fc.constantFrom(...versions, 'memfd-v9', 'toString').map((v) => ['--version', v]), anyText(20).map((v) => ['--version', v]));

/** Large inputs, built once: generating them per run would dominate the time. */
const BIG = {
  deepArrays: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  deepObjects: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  hugeString: `"${'A'.repeat(8_000_000)}"`,
  hugeNumber: '9'.repeat(100_000),
  hugeHexString: `"0x${'f'.repeat(1_000_000)}"`,
  manyElements: `[${Array.from({ length: 200_000 }, () => '0').join(',')}]`,
};
const bigJson = fc.constantFrom(...Object.values(BIG));

/** A member value: random JSON, or one of the large ones. */
const jsonText = fc.oneof({ weight: 5, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: bigJson }, { weight: 1, arbitrary: anyText(60) });

/** Valid values to mutate one member of, so that the conversion gets past the top level. */
const BASES: Record<string, Record<string, string>> = {
  memfd_luo_folio_ser: { pfn: '1', flags: '3', index: '"7"' },
  memfd_luo_ser: { pos: '"0"', size: '"0"', seals: '0', flags: '0', nr_folios: '"0"', folios: '{"first": "0", "total_pages": 0, "flags": 0, "order": 0}' },
  luo_ser: { compatible: '"luo-v5"', liveupdate_num: '"1"', sessions_pa: '"0"', flbs_pa: '"0"' },
  kho_kexec_metadata: { version: '1', previous_release: '"6.19"', kexec_count: '0' },
};

const baseText = (members: Record<string, string>): string => `{${Object.entries(members).map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`;

const encodeInput = fc.oneof(
  fc.constantFrom(...Object.keys(BASES)).map((struct) => ({ struct, text: baseText(BASES[struct]!) })),
  fc.record({
    struct: fc.constantFrom(...Object.keys(BASES)),
    member: fc.oneof(fc.constantFrom('', 'pfn', 'flags', 'index', 'folios', 'compatible', 'version', 'seals', '__proto__'), anyText(10)),
    value: fc.oneof(jsonText, fc.nat().map(String), fc.bigInt(0n, (1n << 64n) - 1n).map((v) => `"${v}"`)),
  }).map(({ struct, member, value }) => {
    const members = { ...BASES[struct]!, ...(member ? { [member]: value } : {}) };
    return { struct, text: baseText(members) };
  }),
  fc.record({ struct: name, text: jsonText }),
  fc.record({ struct: name, text: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')) }),
);

describe('hostile input as a property: exit 0 or 1, bounded time and output', () => {
  it('decode: random bytes (raw, or as hex text on stdin or in the argument)', async () => {
    /** Bytes of a struct's size, mostly zero with a few random ones (so that some decode), or of any length. */
    const input = name.chain((struct) =>
      fc.tuple(
        fc.constant(struct),
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }).map((pokes) => {
            const b = new Uint8Array(sizes.get(struct) ?? 8);
            for (const [at, v] of pokes) b[at % b.length] = v;
            return b;
          }),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom('raw', 'hex-stdin', 'hex-arg', 'text-stdin'), pageSizeArgs, versionArgs, async ([struct, bytes], mode, page, version) => {
        const hex = Buffer.from(bytes).toString('hex');
        const args = ['decode', struct, ...page, ...version, ...(mode === 'hex-arg' ? ['--hex', hex] : mode === 'raw' ? [] : ['--hex'])];
        const stdin = mode === 'raw' ? bytes : mode === 'hex-stdin' ? hex : mode === 'text-stdin' ? bytes : '';
        bounded(await cli(args, { stdin }), args.join(' ').slice(0, 300));
      }),
      { numRuns: 60 },
    );
    expect([...seen.decode!].sort()).toEqual([0, 1]);
  });

  it('encode: random JSON, deep nesting, huge strings and numbers, bytes that are not UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(encodeInput, pageSizeArgs, fc.boolean(), async ({ struct, text }, page, hex) => {
        const args = ['encode', struct, ...page, ...(hex ? ['--hex'] : [])];
        bounded(await cli(args, { stdin: text }), `${args.join(' ')} <<< ${text.slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
    expect([...seen.encode!].sort()).toEqual([0, 1]);
  }, 120_000);

  it('compat verify: any string, any hex, any component', async () => {
    const component = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('memfd', 'luo', 'kho', 'kexec_handover', 'vmalloc') }, anyText(10));
    const stored = fc.oneof(
      anyText(100),
      fc.constantFrom('memfd-v2', 'memfd-v2;vmalloc-v1', 'luo-v5;block-v1', 'x'.repeat(1_000_000)),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    /** A supported pair (exit 0 unless --current refuses it), a random pair, or a random stored field. */
    const verifyArgs = fc.oneof(
      fc.tuple(fc.constantFrom(['memfd', 'memfd-v2;vmalloc-v1'], ['memfd', 'memfd-v1'], ['luo', 'luo-v5;block-v1'], ['kho', 'kho-v4;radix-v1;vmalloc-v1']), fc.boolean()).map(([pair, current]) => [...pair, ...(current ? ['--current'] : [])]),
      fc.tuple(component, stored, fc.boolean()).map(([c, text, current]) => [c, text, ...(current ? ['--current'] : [])]),
      fc.tuple(component, fc.uint8Array({ maxLength: 64 })).map(([c, field]) => [c, Buffer.from(field).toString('hex'), '--hex']),
    );
    await fc.assert(
      fc.asyncProperty(verifyArgs, async (rest) => {
        const args = ['compat', 'verify', ...rest];
        const r = await cli(args);
        bounded(r, args.join(' ').slice(0, 300));
        // The verdict is one printable line.
        if (r.out) {
          expect(r.out.endsWith('\n')).toBe(true);
          expect(r.out.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
          expect(r.out.length).toBeLessThan(1000);
        }
      }),
      { numRuns: 50 },
    );
    expect([...seen.compat!].sort()).toEqual([0, 1]);
  });

  describe('validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kho-abi-hostile-validate-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const memfd = readFileSync(join(repoRoot, 'schemas/memfd.yaml'), 'utf8');
    /** The memfd schema with one line replaced by random text: mostly past the YAML parser, into resolve and layout. */
    const mutated = fc.record({ line: fc.nat(), text: fc.oneof(anyText(60), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))) }).map(({ line, text }) => {
      const lines = memfd.split('\n');
      const at = line % lines.length;
      const indent = /^\s*/.exec(lines[at]!)![0];
      lines[at] = `${indent}${text}`;
      return Buffer.from(lines.join('\n'));
    });

    it('random bytes and mutated schemas as a schema file', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)), mutated), async (bytes) => {
          // Named memfd.yaml, it replaces the project's memfd schema, as an edit would.
          const sub = join(dir, String(++n));
          mkdirSync(sub);
          const file = join(sub, 'memfd.yaml');
          writeFileSync(file, bytes);
          bounded(await cli(['validate', file, '--format', n % 2 ? 'json' : 'text']), `validate <<< ${bytes.toString('latin1').slice(0, 200)}`);
        }),
        { numRuns: 30 },
      );
    }, 120_000);
  });
});
