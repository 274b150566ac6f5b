/**
 * A whole live update at stress size: 1,000 sessions of 1,000 files
 * (1,000,000 files) written by the TypeScript old kernel, read back by the
 * TypeScript new kernel and by the C reader (test/c/liveupdate-reader.c),
 * each tree hashed as it streams and the three hashes compared. Each side
 * runs in a fresh process so its peak RSS is its own: the TypeScript side
 * in a child node process (`--child`), reporting its stage times and
 * process.resourceUsage().maxRSS; the C reader under /usr/bin/time.
 * Run alone, printing the section: npx tsx bench/liveupdate.bench.ts [SESSIONS FILES]
 * (`npm run bench -- liveupdate` measures it and replaces it in bench/RESULTS.md).
 * Only the `kho-abi inspect` row (the image written, then inspect timed;
 * --write replaces that row of bench/RESULTS.md and nothing else):
 *   npx tsx bench/liveupdate.bench.ts --only inspect [--write] [SESSIONS FILES]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhysMem } from '../runtime/index.js';
import { openLiveUpdate, treeLines, writeImageFile, writeLiveUpdate } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { stressState } from '../lib/liveupdate-stress.js';
import { writeElfCore } from '../lib/elf-core.js';

/** The span of physical memory the benchmark's ELF core lays out at its addresses (a 16 GiB machine). */
const CORE_SPAN = 16n << 30n;

const repo = fileURLToPath(new URL('..', import.meta.url));
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

interface ChildReport {
  readonly expected: string;
  readonly read: string;
  readonly lines: number;
  readonly pages: number;
  readonly imageBytes: number;
  readonly warnings: number;
  readonly ms: { readonly tree: number; readonly write: number; readonly read: number; readonly file: number };
  readonly maxRssMB: number;
  readonly heapMB: number;
}

function hash(lines: Iterable<string>): [string, number] {
  const h = createHash('sha256');
  let n = 0;
  for (const l of lines) {
    h.update(l + '\n');
    n++;
  }
  return [h.digest('hex'), n];
}

/**
 * The same memory as a vmcore would hold it: an ELF core whose segments
 * below 16 GiB sit at their physical addresses in a sparse file, and the
 * KHO FDT as debugfs gives it; for `kho-abi inspect`.
 */
function writeInspectFiles(image: string, mem: PhysMem, fdt: Uint8Array): void {
  writeElfCore(`${image}.core`, mem, { sparseBelow: CORE_SPAN });
  writeFileSync(`${image}.dtb`, fdt);
}

/** The row of `kho-abi inspect --core --fdt --json` over the files writeInspectFiles wrote, run in its own process: its time and peak RSS. */
function inspectRow(image: string, dir: string): string {
  const inspectTime = join(dir, 'inspect-time');
  const jsonPath = join(dir, 'inspect.json');
  const out = openSync(jsonPath, 'w');
  const insp = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', inspectTime, process.execPath, join(repo, 'bin/kho-abi.mjs'), 'inspect', '--core', `${image}.core`, '--fdt', `${image}.dtb`, '--json'], { cwd: repo, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  // The report's counts come first; the rest (every file and folio) is not read back here.
  const headFd = openSync(jsonPath, 'r');
  const headBytes = Buffer.alloc(4096);
  const headLength = readSync(headFd, headBytes, 0, headBytes.length, 0);
  closeSync(headFd);
  const head = headBytes.subarray(0, headLength).toString('utf8');
  const count = (k: string): string => /"counts":\s*\{[^}]*/.exec(head)?.[0].match(new RegExp(`"${k}":\\s*(\\d+)`))?.[1] ?? '?';
  const inspectJson = { ok: insp.status === 0 || insp.status === 1, status: insp.status, stderr: insp.stderr.toString().slice(-300), counts: { sessions: count('sessions'), files: count('files'), errors: count('errors') } };
  const [iSeconds, iKiB] = readFileSync(inspectTime, 'utf8').trim().split(/\s+/).slice(-2).map(Number) as [number, number];
  const coreBytes = statSync(`${image}.core`).size;
  return `| \`kho-abi inspect --core --fdt --json\` over a ${fmt(coreBytes / 2 ** 30, 1)} GiB sparse ELF core: ${inspectJson.ok ? `${inspectJson.counts.sessions} sessions, ${inspectJson.counts.files} files, ${inspectJson.counts.errors} errors` : `FAILED (exit ${inspectJson.status}: ${inspectJson.stderr.replace(/\s+/g, ' ').replace(/\|/g, '/')})`} | ${fmt(iSeconds * 1000)} ms | ${fmt(iKiB / 1024)} MB (goal < 500 MB: ${inspectJson.ok && iKiB / 1024 < 500 ? 'met' : 'NOT met'}) |`;
}

/** The inspect row alone: the stress state's image written in this process, then inspect in its own. */
export function inspectOnly(sessions = 1000, files = 1000): string {
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-bench-inspect-'));
  try {
    const image = join(dir, 'stress.img');
    const mem = new PhysMem();
    const w = writeLiveUpdate(mem, stressState(sessions, files), LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
    writeInspectFiles(image, mem, w.fdt);
    return inspectRow(image, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript side, in its own process. */
function child(sessions: number, files: number, image: string): ChildReport {
  const t0 = performance.now();
  const [expected, lines] = hash(treeLines(stressState(sessions, files)));
  const t1 = performance.now();
  const mem = new PhysMem();
  const w = writeLiveUpdate(mem, stressState(sessions, files), LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
  const t2 = performance.now();
  const opened = openLiveUpdate(mem, w.fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
  const [read] = hash(treeLines(opened.state));
  const t3 = performance.now();
  const imageBytes = writeImageFile(image, mem, w.fdt);
  const t4 = performance.now();
  writeInspectFiles(image, mem, w.fdt);
  return {
    expected,
    read,
    lines,
    pages: w.pages,
    imageBytes,
    warnings: opened.warnings.length,
    ms: { tree: t1 - t0, write: t2 - t1, read: t3 - t2, file: t4 - t3 },
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

export function liveupdateSection(sessions = 1000, files = 1000): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kho-abi-bench-lu-'));
  try {
    const image = join(dir, 'stress.img');
    const tsx = join(repo, 'node_modules/.bin/tsx');
    const ts = JSON.parse(execFileSync(tsx, [fileURLToPath(import.meta.url), '--child', String(sessions), String(files), image], { cwd: repo, maxBuffer: 1 << 20 }).toString()) as ChildReport;
    const inspect = inspectRow(image, dir);
    const exe = join(dir, 'liveupdate-reader');
    const shim = join(repo, 'generator/kernel/shim');
    execFileSync('gcc', ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror', '-I', join(shim, 'include'), '-I', join(repo, 'generated/include'), '-I', join(shim, 'fallback'), '-include', 'kho-shim.h', '-DPAGE_SHIFT=12', '-o', exe, join(repo, 'test/c/liveupdate-reader.c')]);
    const timeFile = join(dir, 'time');
    const c = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, exe, image], { maxBuffer: 1 << 30 });
    if (c.status !== 0) throw new Error(`the C reader failed: ${c.stderr.toString()}`);
    const cHash = createHash('sha256').update(c.stdout).digest('hex');
    const [cSeconds, cKiB] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number) as [number, number];
    const same = ts.expected === ts.read && ts.read === cHash;
    const n = sessions * files;
    return [
      '## A whole live update',
      '',
      `The stress state of \`lib/liveupdate-stress.ts\`: ${fmt(sessions)} sessions of ${fmt(files)} files (${fmt(n)} files; memfd and hugetlb memfd in turn, the first file of each session with two folios, the last of an unregistered handler), two FLBs. The TypeScript side runs in a child process (its peak RSS its own), the C reader under /usr/bin/time. Each tree (${fmt(ts.lines)} lines) is hashed as it streams; no side holds it.`,
      '',
      '| stage | time | peak RSS |',
      '|---|---|---|',
      `| tree text of the state as written (sha256) | ${fmt(ts.ms.tree)} ms |  |`,
      `| writeLiveUpdate: ${fmt(ts.pages)} pages allocated | ${fmt(ts.ms.write)} ms |  |`,
      `| openLiveUpdate + tree text of the state read (sha256), ${fmt(ts.warnings)} warnings (the unregistered files) | ${fmt(ts.ms.read)} ms |  |`,
      `| writeImageFile: ${fmt(ts.imageBytes / 2 ** 20, 1)} MiB | ${fmt(ts.ms.file)} ms |  |`,
      `| TypeScript, the whole child process | ${fmt(ts.ms.tree + ts.ms.write + ts.ms.read + ts.ms.file)} ms | ${fmt(ts.maxRssMB)} MB (heap after: ${fmt(ts.heapMB)} MB) |`,
      `| C reader (gcc -O2), image file to tree text on stdout | ${fmt(cSeconds * 1000)} ms | ${fmt(cKiB / 1024)} MB |`,
      inspect,
      '',
      `Trees: TypeScript written = TypeScript read = C read: ${same ? 'yes' : 'NO'} (sha256 ${ts.expected.slice(0, 16)}...${same ? '' : `, read ${ts.read.slice(0, 16)}, C ${cHash.slice(0, 16)}`}).`,
      'The peak RSS of each side is mostly the image itself (the simulated memory holds it as pages; the C reader reads the file whole); the decoded state is never held: the writer and the tree take one session at a time, and the heap after the run is small.',
      '',
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--only' && args[1] === 'inspect') {
    const write = args.includes('--write');
    const nums = args.slice(2).filter((a) => a !== '--write').map(Number);
    const row = inspectOnly(nums[0] ?? 1000, nums[1] ?? 1000);
    process.stdout.write(row + '\n');
    if (write) {
      const path = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
      const old = readFileSync(path, 'utf8');
      const at = old.indexOf('| `kho-abi inspect --core --fdt --json`');
      if (at < 0) throw new Error('bench/RESULTS.md has no inspect row to replace: run the whole live update section');
      const end = old.indexOf('\n', at);
      writeFileSync(path, old.slice(0, at) + row + (end < 0 ? '' : old.slice(end)));
    }
  } else if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(child(Number(args[1]), Number(args[2]), args[3]!)));
  } else {
    const nums = args.map(Number);
    const lines = liveupdateSection(nums[0] ?? 1000, nums[1] ?? 1000);
    process.stdout.write(lines.join('\n') + '\n');
  }
}
