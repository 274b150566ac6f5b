/**
 * How fast `kho-abi decode` of one struct starts and finishes, as a person
 * runs it: a fresh process each time, beside a minimal precompiled script
 * doing the same decode (bench/minimal-decode.mjs) and a bare node start,
 * in turns in the same run. The command runs the compiled dist/ (built
 * first when stale), as the installed package does; the same decode through
 * tsx, and in a project of its own (codecs transpiled once into a cache),
 * are shown beside it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, type Timing } from './measure.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'bin/kho-abi.mjs');

/** memfd_luo_folio_ser: pfn 5, flags 1, index 7 (a number in TypeScript and JSON: schema key as_number). */
const HEX = '05000000000010000700000000000000';
const EXPECTED = '{\n  "pfn": 5,\n  "flags": 1,\n  "index": 7\n}\n';

export const STARTUP_GOAL_MS = 150;
export const STARTUP_GOAL_RATIO = 2;

export interface StartupResult {
  readonly timings: Timing[];
  /** The candidate the goals are about, and the one it is compared with. */
  readonly cli: string;
  readonly minimal: string;
}

function decodes(args: string[], env: NodeJS.ProcessEnv = process.env): () => void {
  return () => {
    const out = execFileSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (out !== EXPECTED) throw new Error(`${args.join(' ')} printed ${JSON.stringify(out)}`);
  };
}

export async function startupBenchmark(rounds = 15): Promise<StartupResult> {
  const { distIsCurrent } = (await import(join(root, 'bin/source-stamp.mjs'))) as { distIsCurrent(): boolean };
  if (!distIsCurrent()) execFileSync(process.execPath, [join(root, 'bin/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // A project of its own: the generated code and config, no sources of kho-abi.
  const project = mkdtempSync(join(tmpdir(), 'kho-abi-bench-startup-'));
  try {
    for (const p of ['generated/ts', 'kho-abi.config.yaml']) cpSync(join(root, p), join(project, p), { recursive: true });
    const decode = ['decode', 'memfd_luo_folio_ser', '--hex', HEX];
    const fns: Record<string, () => void> = {
      'kho-abi decode (dist/)': decodes([cli, ...decode]),
      'minimal precompiled decode (node + dist/generated/ts/memfd.js)': decodes([join(root, 'bench/minimal-decode.mjs'), HEX]),
      'node -e 0 (process start)': () => execFileSync(process.execPath, ['-e', '0']),
      'kho-abi decode, another project (dist/, codecs transpiled once into a cache)': decodes([cli, '--root', project, ...decode]),
      'kho-abi decode through tsx (KHO_ABI_FROM_SOURCE=1)': decodes([cli, ...decode], { ...process.env, KHO_ABI_FROM_SOURCE: '1' }),
    };
    const names = Object.keys(fns);
    // Rotated order; the first round (cold caches, the codec cache filled) is not counted.
    const timings = compare(
      names.map((name) => ({ name, run: fns[name]! })),
      rounds,
      1,
    );
    return { timings, cli: names[0]!, minimal: names[1]! };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
