/**
 * `kho-abi inspect` as a stream: walkLiveUpdate hands the report to a sink
 * a session and a file at a time and keeps none of them; the printers
 * (generator/commands/inspect-output.ts) write the JSON and the tree as the
 * walk goes, and what they write is byte for byte what JSON.stringify and
 * the whole-report tree give, for random states with random bytes
 * overwritten (errors on every kind of node) and for a block shared by two
 * chains (a warning the LUO node gets only at the walk's end). The progress
 * line: only on a terminal, rate-limited by an injected clock, cleared at
 * the end, never in stdout.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forPageSize, PhysMem, type PhysMem as Mem } from '../runtime/index.js';
import { inspectLiveUpdate, inspectTextLines, walkLiveUpdate, writeLiveUpdate, type InspectReport, type InspectSink, type LiveUpdateState } from '../runtime/liveupdate/index.js';
import { LIVEUPDATE_CODECS, LIVEUPDATE_LAYOUT } from '../lib/liveupdate.js';
import { stressState } from '../lib/liveupdate-stress.js';
import { jsonSink, textSink } from '../generator/commands/inspect-output.js';
import { ProgressLine } from '../generator/cli/progress.js';
import { run } from '../generator/cli.js';
import { segmentsOf, writeElfCore } from './helpers/elf-core.js';
import { repoRoot } from './helpers/root.js';

const FOLIO_BASE = 1 << 24;
const memfd = (token: bigint, folios: number, pfn: number) => ({
  compatible: 'memfd-v2',
  token,
  state: { fields: { pos: 0n, size: BigInt(folios * 4096), seals: 3, flags: 0 }, entries: Array.from({ length: folios }, (_, i) => ({ pfn: pfn + i, flags: 1, index: i })) },
});

/** States of 0-4 sessions of 0-4 files (memfd with 0-3 folios, or a handler without a schema), 0-2 FLBs. */
const stateArb: fc.Arbitrary<LiveUpdateState> = fc
  .record({
    sessions: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(-1)), { maxLength: 4 }), { maxLength: 4 }),
    flbs: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ sessions, flbs }) => {
    let pfn = FOLIO_BASE;
    let token = 1n;
    return {
      kho: { compatible: 'kho-v4', blobs: [{ name: 'extra', bytes: new Uint8Array([1, 2, 3]) }] },
      luo: {
        compatible: 'luo-v5',
        liveupdateNum: 3n,
        sessions: sessions.map((files, i) => ({
          name: `s${i}`,
          files: files.map((n) => (n < 0 ? { compatible: 'tmpfs-v1', token: token++, data: 0x99n } : memfd(token++, n, (pfn += 4) - 4))),
        })),
        flbs: Array.from({ length: flbs }, (_, i) => ({ name: `flb-${i}`, count: 1n, data: 0x1234n })),
      },
    };
  });

const write = (state: LiveUpdateState) => {
  const mem = new PhysMem();
  const { fdt } = writeLiveUpdate(mem, state, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS);
  return { mem, fdt };
};

const whole = (mem: Mem, fdt: Uint8Array, strict = false): InspectReport => inspectLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS, strict ? { strict } : {});
const walk = (mem: Mem, fdt: Uint8Array, sink: InspectSink, strict = false): InspectReport => walkLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_CODECS, sink, strict ? { strict } : {});

/** The JSON and the tree as the command prints them: a first walk, then the printing walk. */
function streamed(mem: Mem, fdt: Uint8Array, strict = false): { json: string; text: string } {
  const first = walk(mem, fdt, jsonSink(whole(mem, fdt, strict), () => {}), strict);
  let json = '';
  walk(mem, fdt, jsonSink(first, (t) => void (json += t)), strict);
  let text = '';
  walk(mem, fdt, textSink(first, (l) => void (text += `${l}\n`)), strict);
  return { json, text };
}

/** JSON.stringify of the whole report, as docs/inspect.md shows it. */
const stringify = (report: InspectReport): string => JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
const wholeText = (report: InspectReport): string => [...inspectTextLines(report)].map((l) => `${l}\n`).join('');

/** Where the walk reads a structure: what random damage aims at, so that every kind of node gets errors. */
function structures(r: InspectReport): bigint[] {
  const luo = r.luo;
  if (!luo) return [r.kho.memory_map ?? 0n];
  const files = luo.sessions.flatMap((s) => s.files);
  const pas = [r.kho.memory_map, luo.pa, luo.sessions_pa, luo.flbs_pa, ...luo.sessions.flatMap((s) => [s.pa, s.files_pa]), ...files.flatMap((f) => [f.pa, f.data])];
  return pas.filter((pa): pa is bigint => pa !== null && pa !== 0n && pa < 1n << 40n);
}

describe('the streamed report is the whole report, byte for byte', () => {
  it('for random states with random bytes overwritten', () => {
    fc.assert(
      fc.property(stateArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), { maxLength: 3 }), fc.boolean(), (state, damage, strict) => {
        const { mem, fdt } = write(state);
        for (const [which, at, value] of damage) {
          const targets = structures(whole(mem, fdt));
          mem.writeU64(targets[which % targets.length]! + BigInt((at % 8) * 8), value);
        }
        const report = whole(mem, fdt, strict);
        const got = streamed(mem, fdt, strict);
        expect(got.json).toBe(stringify(report));
        expect(got.text).toBe(wholeText(report));
      }),
      { numRuns: 150 },
    );
  });

  it('when a block is in two chains: the LUO node warns only at the end, and the luo line still shows it', () => {
    const { mem, fdt } = write({ kho: { compatible: 'kho-v4' }, luo: { compatible: 'luo-v5', liveupdateNum: 1n, sessions: [{ name: 'a', files: [memfd(1n, 1, FOLIO_BASE)] }, { name: 'b', files: [memfd(2n, 1, FOLIO_BASE + 8)] }], flbs: [] } });
    const before = whole(mem, fdt);
    const [a, b] = before.luo!.sessions;
    const edge = forPageSize(LIVEUPDATE_LAYOUT.sessionFiles, 4096);
    // Session b's files chain is session a's.
    mem.writeU64(b!.pa + BigInt(edge.member.offset), a!.files_pa!);
    const report = whole(mem, fdt);
    expect(report.luo!.warnings.map((w) => w.code)).toEqual(['luo-shared-block']);
    const got = streamed(mem, fdt);
    expect(got.json).toBe(stringify(report));
    expect(got.text).toBe(wholeText(report));
    expect(got.text).toMatch(/\n {2}luo [^\n]*\n {4}warning: [^\n]*also in another chain/);
  });

  it('with no LUO subtree, and with an FDT that does not parse', () => {
    const { mem, fdt } = write({ kho: { compatible: 'kho-v4', blobs: [{ name: 'extra', bytes: new Uint8Array([7]) }] } });
    const report = whole(mem, fdt);
    expect(report.luo).toBeNull();
    expect(streamed(mem, fdt)).toEqual({ json: stringify(report), text: wholeText(report) });
    const bad = new Uint8Array(fdt);
    bad[0] = 0;
    const refused = whole(mem, bad);
    expect(refused.status).toBe('errors');
    expect(streamed(mem, bad)).toEqual({ json: stringify(refused), text: wholeText(refused) });
  });
});

describe('the walk keeps no session and no file', () => {
  it('hands each over once, in order, and returns the report without them', () => {
    const state = fc.sample(stateArb.filter((s) => [...s.luo!.sessions].length > 1), { numRuns: 1, seed: 7 })[0]!;
    const { mem, fdt } = write(state);
    const calls: string[] = [];
    let filesOfSession = -1;
    const report = walk(mem, fdt, {
      head: (r, n) => void calls.push(`head ${n} ${r.luo!.sessions.length}`),
      session: (node, files) => {
        calls.push(`session ${node.name} ${files}`);
        filesOfSession = files;
      },
      file: (node, session) => {
        calls.push(`file ${node.token} of ${session.name}`);
        filesOfSession--;
      },
      sessionEnd: (node) => {
        expect(filesOfSession).toBe(0);
        expect(node.files).toEqual([]);
        calls.push(`end ${node.name}`);
      },
      end: () => void calls.push('end'),
    });
    const sessions = [...state.luo!.sessions];
    expect(calls).toEqual([
      `head ${sessions.length} 0`,
      ...sessions.flatMap((s) => [`session ${s.name} ${s.files.length}`, ...s.files.map((f) => `file ${f.token} of ${s.name}`), `end ${s.name}`]),
      'end',
    ]);
    expect(report.luo!.sessions).toEqual([]);
    expect(report.counts.sessions).toBe(sessions.length);
    expect(report.counts.files).toBe(sessions.reduce((n, s) => n + s.files.length, 0));
  });
});

describe('the progress line', () => {
  it('is rewritten in place at most once an interval, padded over a longer line, and cleared', () => {
    let t = 0;
    let out = '';
    const p = new ProgressLine((s) => void (out += s), () => t, 200);
    let made = 0;
    const text = (s: string) => () => {
      made++;
      return s;
    };
    p.update(text('one two'));
    t = 150;
    p.update(text('skipped'));
    t = 200;
    p.update(text('three'));
    expect(made).toBe(2);
    expect(out).toBe('\rone two\rthree  ');
    p.clear();
    expect(out.slice('\rone two\rthree  '.length)).toBe('\r     \r');
    // After a clear the next update shows at once; a clear with nothing shown writes nothing.
    out = '';
    p.update(text('x'));
    expect(out).toBe('\rx');
    p.clear();
    out = '';
    p.clear();
    expect(out).toBe('');
  });

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kho-abi-inspect-stream-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs inspect in-process; `both`: what a terminal showing stdout and stderr gets, in order. */
  async function inspect(args: string[], tty: boolean, now: () => number, stdoutIsTTY = false) {
    let out = '';
    let err = '';
    const both: { to: 'out' | 'err'; text: string }[] = [];
    const stdout = (c: string | Uint8Array) => {
      const text = typeof c === 'string' ? c : Buffer.from(c).toString();
      out += text;
      both.push({ to: 'out', text });
    };
    const stderr = (text: string) => {
      err += text;
      both.push({ to: 'err', text });
    };
    const code = await run(['inspect', ...args], { stdout, stderr, stderrIsTTY: tty, stdoutIsTTY, now, cwd: repoRoot, env: {} });
    return { code, out, err, both };
  }

  it('shows sessions and files on a terminal, never in stdout, and is gone at the end; none on a pipe', async () => {
    const state: LiveUpdateState = { kho: { compatible: 'kho-v4' }, luo: { compatible: 'luo-v5', liveupdateNum: 1n, sessions: Array.from({ length: 3 }, (_, i) => ({ name: `s${i}`, files: [memfd(BigInt(2 * i + 1), 1, FOLIO_BASE + 8 * i), memfd(BigInt(2 * i + 2), 0, 0)] })), flbs: [] } };
    const { mem, fdt } = write(state);
    const core = join(dir, 'core.elf');
    const dtb = join(dir, 'kho.dtb');
    writeElfCore(core, segmentsOf(mem));
    writeFileSync(dtb, fdt);
    const args = ['--core', core, '--fdt', dtb];
    let t = 0;
    // Each reading of the clock is a second later: every part of the walk shows.
    const tty = await inspect(args, true, () => (t += 1000));
    const pipe = await inspect(args, false, () => (t += 1000));
    expect(tty.code).toBe(0);
    expect(tty.out).toBe(pipe.out);
    expect(pipe.err).toBe('');
    expect(tty.out).not.toContain('\r');
    const shown = tty.err.split('\r').filter((s) => s.trim() !== '').map((s) => s.trimEnd());
    expect(shown).toContain('kho-abi inspect: checking: session 0 of 3, 0 files');
    expect(shown).toContain('kho-abi inspect: checking: session 3 of 3, 6 files');
    expect(shown).toContain('kho-abi inspect: printing: session 2 of 3, 3 files');
    expect(shown[shown.length - 1]).toBe('kho-abi inspect: printing: session 3 of 3, 6 files');
    // Cleared: the last thing written blanks the line and returns to its start; no newline anywhere.
    expect(tty.err).toMatch(/\r {10,}\r$/);
    expect(tty.err).not.toContain('\n');
    // A clock that stands still shows the line once.
    const still = await inspect([...args, '--json'], true, () => 0);
    expect(still.err.split('\r').filter((s) => s.trim() !== '').map((s) => s.trimEnd())).toEqual(['kho-abi inspect: checking: session 0 of 3, 0 files']);
    expect(still.out).not.toContain('\r');
    expect(JSON.parse(still.out).counts.files).toBe(6);
    // stdout on the same terminal: the line is blanked out before each write to stdout, never mixed into the tree.
    const shared = await inspect(args, true, () => (t += 1000), true);
    expect(shared.out).toBe(pipe.out);
    let showing = false;
    for (const w of shared.both) {
      if (w.to === 'out') expect(showing).toBe(false);
      else showing = !/^\r *\r$/.test(w.text);
    }
    expect(shared.err).toContain('kho-abi inspect: printing: session 3 of 3, 6 files');
  });

  it('an image that changes between the two walks is said, exit 1', async () => {
    // More pages than FileMem caches (1024), so that the second walk reads the file again.
    const { mem, fdt } = write(stressState(40, 1000));
    expect(mem.pageCount).toBeGreaterThan(1100);
    const core = join(dir, 'changing.elf');
    const dtb = join(dir, 'changing.dtb');
    writeElfCore(core, segmentsOf(mem));
    writeFileSync(dtb, fdt);
    // The changed image: the last session's first file of another handler (a warning more).
    const last = whole(mem, fdt).luo!.sessions.at(-1)!.files[0]!;
    const codec = LIVEUPDATE_CODECS.file;
    const bytes = new Uint8Array(codec.size);
    codec.encode({ ...mem.decode(codec, last.pa), compatible: 'changed-v1' }, new DataView(bytes.buffer), 0);
    mem.write(last.pa, bytes);
    let changed = false;
    let err = '';
    const code = await run(['inspect', '--core', core, '--fdt', dtb, '--json'], {
      stdout: () => {},
      stderr: (text) => {
        err += text;
        // The second walk has begun: the file changes under it, as a live /proc/kcore would.
        if (!changed && text.includes('printing')) {
          writeElfCore(core, segmentsOf(mem));
          changed = true;
        }
      },
      stderrIsTTY: true,
      now: (() => {
        let t = 0;
        return () => (t += 1000);
      })(),
      cwd: repoRoot,
      env: {},
    });
    expect(changed).toBe(true);
    expect(code).toBe(1);
    expect(err).toContain('kho-abi: inspect: the image changed between the two walks');
  }, 60_000);
});
