/**
 * `kho-abi inspect`: a live update image (an ELF64 core file, or raw dumps
 * at their base addresses) walked from the KHO root FDT down, every
 * session, file, handler state, folio and FLB printed, with the kernel's
 * refusals as located errors and what it accepts but never writes as
 * warnings. One bad node never hides the others (runtime/liveupdate/inspect.ts).
 * The JSON shape is documented in docs/inspect.md.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { PageSize } from '../../runtime/codec.js';
import { FileMem, type RawRange } from '../../runtime/file-mem.js';
import { MAX_PHYS_BITS } from '../../runtime/phys-mem.js';
import { MAX_FDT_BYTES, readFdtAt, walkLiveUpdate, type InspectCounts, type InspectReport, type InspectSink } from '../../runtime/liveupdate/inspect.js';
import { memoryMapSvg, PageOwners, preservedRangesOf } from '../../runtime/liveupdate/memory-map.js';
import { describeWarning, type ReadWarning } from '../../runtime/warnings.js';
import { annotateStruct } from './annotate.js';
import { lookup } from './codec.js';
import { quote } from '../../runtime/quote.js';
import { pageSize } from '../cli/arguments.js';
import type { CliCommand, CliContext } from '../cli/context.js';
import { CliError } from '../cli/errors.js';
import { describeFsError } from '../cli/fs-error.js';
import { claimOutput, writeOutputFile } from '../cli/output-file.js';
import { GENERATED_MARKER } from '../write.js';
import { progressLine, type ProgressLine } from '../cli/progress.js';
import { fanOut, jsonSink, textSink } from './inspect-output.js';

interface InspectOptions {
  readonly hexdump?: string;
  readonly core?: string;
  readonly raw?: string[];
  readonly fdt?: string;
  readonly fdtAt?: bigint;
  readonly json?: boolean;
  readonly strict?: boolean;
  readonly map?: string;
  readonly struct?: string;
  readonly pageSize: PageSize;
}

/** `--hexdump PA --struct NAME`: the struct's bytes, member by member, with the values its generated codec decodes. */
async function annotated(ctx: CliContext, mem: FileMem, pa: bigint, name: string, pageSize: PageSize): Promise<number> {
  const { codec, st } = await lookup(ctx, name, { pageSize });
  if (pa + BigInt(st.size) > 1n << MAX_PHYS_BITS) throw new CliError(`--hexdump: struct ${name} at 0x${pa.toString(16)} runs outside the ${MAX_PHYS_BITS}-bit physical address space`);
  let bytes: Uint8Array;
  try {
    bytes = mem.read(pa, st.size, st.name);
  } catch (e) {
    if (e instanceof Error && e.name === 'MemoryError') throw new CliError(`--hexdump: ${e.message}`);
    throw e;
  }
  const warnings: ReadWarning[] = [];
  let value: Record<string, unknown> = {};
  let refused: string | undefined;
  try {
    value = codec.decode(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, { warnings }) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'DecodeError') throw e;
    refused = e.message;
  }
  writeLines(ctx, annotateStruct(st, pa, bytes, value));
  for (const w of warnings) ctx.io.stderr(`kho-abi: warning: ${describeWarning(w)}\n`);
  if (refused !== undefined) {
    ctx.io.stderr(`kho-abi: inspect: ${refused}\n`);
    return 1;
  }
  return 0;
}


/** A physical address: decimal or 0x hex, 0..2^64-1, nothing else. */
function address(text: string, what: string): bigint {
  if (!/^(?:0[xX][0-9a-fA-F]{1,16}|[0-9]{1,20})$/.test(text)) throw new CliError(`${what}: ${quote(text)} is not an address (decimal, or hex with 0x)`);
  const v = BigInt(text);
  if (v >= 1n << 64n) throw new CliError(`${what}: ${quote(text)} is above 2^64-1`);
  return v;
}

/** `--raw FILE@BASE`: the last @ splits the file from its base address. */
function rawRange(text: string, cwd: string): RawRange {
  const at = text.lastIndexOf('@');
  if (at <= 0) throw new CliError(`--raw: ${quote(text)} is not FILE@BASE (the file's first byte at physical address BASE)`);
  return { path: resolve(cwd, text.slice(0, at)), base: address(text.slice(at + 1), `--raw ${quote(text.slice(0, at))}`) };
}

/** The KHO FDT file (as debugfs gives it): a regular file of at most MAX_FDT_BYTES. */
function readFdtFile(path: string, shown: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new CliError(`--fdt ${shown}: cannot read: ${describeFsError(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CliError(`--fdt ${shown}: not a regular file`);
    if (st.size > MAX_FDT_BYTES) throw new CliError(`--fdt ${shown}: ${st.size} bytes, more than an FDT kho-abi reads (${MAX_FDT_BYTES})`);
    return new Uint8Array(readFileSync(fd));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`--fdt ${shown}: cannot read: ${describeFsError(e)}`);
  } finally {
    closeSync(fd);
  }
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Bytes `--hexdump` shows by default, and at most. */
const HEXDUMP_DEFAULT = 256;
const HEXDUMP_MAX = 1 << 20;

/** `--hexdump PA[:LEN]`. */
function hexdumpRange(text: string): { pa: bigint; length: number } {
  const colon = text.indexOf(':');
  const pa = address(colon < 0 ? text : text.slice(0, colon), '--hexdump');
  if (colon < 0) return { pa, length: HEXDUMP_DEFAULT };
  const length = address(text.slice(colon + 1), '--hexdump length');
  if (length < 1n || length > BigInt(HEXDUMP_MAX)) throw new CliError(`--hexdump: length ${length} is outside 1..${HEXDUMP_MAX}`);
  return { pa, length: Number(length) };
}

/**
 * The bytes at [pa, pa + length) as lines of 16: the physical address, the
 * bytes in hex, and as text (printable ASCII, '.' for anything else). The
 * part of a page the image does not hold is one line saying so. Returns the
 * lines and whether any page was missing.
 */
function hexdumpLines(mem: FileMem, pa: bigint, length: number): { lines: string[]; missing: boolean } {
  const lines: string[] = [];
  const ps = BigInt(mem.pageSize);
  let missing = false;
  let at = pa;
  const end = pa + BigInt(length);
  while (at < end) {
    const pageEnd = (at / ps + 1n) * ps;
    const upTo = pageEnd < end ? pageEnd : end;
    if (!mem.isPresent(at)) {
      lines.push(`0x${at.toString(16).padStart(12, '0')}  (${upTo - at} bytes: page 0x${(at - (at % ps)).toString(16)} is not present in the image)`);
      missing = true;
      at = upTo;
      continue;
    }
    const bytes = mem.read(at, Number(upTo - at));
    for (let i = 0; i < bytes.length; i += 16) {
      const row = bytes.subarray(i, i + 16);
      let hex = '';
      let text = '';
      for (let k = 0; k < 16; k++) {
        const b = row[k];
        hex += (k === 8 ? ' ' : '') + (b === undefined ? '   ' : b.toString(16).padStart(2, '0') + ' ');
        if (b !== undefined) text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      }
      lines.push(`0x${(at + BigInt(i)).toString(16).padStart(12, '0')}  ${hex} |${text}|`);
    }
    at = upTo;
  }
  return { lines, missing };
}

/** Text to stdout in chunks of about 64 KiB: a report of a million files is larger than one string may be, and a write a line would be slow. */
class ChunkedOutput {
  private pending = '';
  /** `beforeWrite` runs before each write to stdout (a progress line on the same terminal blanked out). */
  constructor(
    private readonly ctx: CliContext,
    private readonly beforeWrite: () => void = () => {},
  ) {}
  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 16) this.flush(this.pending);
  }
  end(text: string): void {
    if (this.pending + text) this.flush(this.pending + text);
  }
  private flush(text: string): void {
    this.pending = '';
    this.beforeWrite();
    this.ctx.io.stdout(text);
  }
}

/** Sessions and files walked so far, on the progress line (nothing without one). */
function progressSink(progress: ProgressLine | undefined, doing: string): Partial<InspectSink> {
  if (!progress) return {};
  let total = 0;
  let sessions = 0;
  let files = 0;
  const show = (): void => progress.update(() => `kho-abi inspect: ${doing}: session ${sessions} of ${total}, ${files} files`);
  return {
    head: (_report, n) => {
      total = n;
      show();
    },
    session: () => {
      sessions++;
      show();
    },
    file: () => {
      files++;
      show();
    },
  };
}

/** The owners of the pages the walk names, for --map. */
function ownersSink(owners: PageOwners): Partial<InspectSink> {
  return {
    head: (report) => owners.ownLuo(report.luo),
    session: (node) => owners.ownSession(node),
    file: (node) => owners.ownFile(node),
    end: (report) => owners.ownBlobs(report.kho.blobs),
  };
}

const sameCounts = (a: InspectCounts, b: InspectCounts): boolean => (Object.keys(a) as (keyof InspectCounts)[]).every((k) => a[k] === b[k]);

/** Writes lines to stdout in chunks of about 64 KiB. */
function writeLines(ctx: CliContext, lines: Iterable<string>): void {
  let buf = '';
  for (const l of lines) {
    buf += l + '\n';
    if (buf.length >= 1 << 16) {
      ctx.io.stdout(buf);
      buf = '';
    }
  }
  if (buf) ctx.io.stdout(buf);
}

export const inspect: CliCommand = {
  register(program: Command, ctx: CliContext): void {
    program
      .command('inspect')
      .description('walk a live update image from the KHO root FDT down: sessions, files, folios, FLBs, with the kernel\'s refusals located (exit 1 when it would refuse anything)')
      .option('--core <file>', 'memory as an ELF64 core file (vmcore, /proc/kcore): PT_LOAD segments at their physical addresses')
      .option('--raw <file@base>', 'memory as a raw dump whose first byte is at physical address BASE; repeat for several ranges', collect)
      .option('--fdt <file>', 'the KHO root FDT as a file (as debugfs gives it)')
      .option('--fdt-at <pa>', 'the KHO root FDT at this physical address in the memory')
      .option('--hexdump <pa[:len]>', 'print the bytes at a physical address (LEN bytes, default 256, at most 1 MiB) instead of walking; no FDT needed')
      .option('--json', 'print the report as JSON (docs/inspect.md), 64-bit values as decimal strings')
      .option('--struct <name>', 'with --hexdump: annotate the bytes as this struct (each member labelled struct.member with its decoded value); LEN defaults to its size')
      .option('--map <file.svg>', 'also draw the preserved memory, block by block, coloured by owner, as an SVG picture')
      .option('--strict', 'refuse what the kernel accepts but its writer never produces: warnings become errors on their node')
      .addOption(new Option('--page-size <n>', 'page size of the kernel that wrote the image').argParser(pageSize).default(4096))
      .action(
        ctx.lightAction(async (raw: Omit<InspectOptions, 'fdtAt'> & { fdtAt?: string }) => {
          const cwd = ctx.io.cwd;
          if ((raw.core === undefined) === (raw.raw === undefined)) throw new CliError('inspect: give the memory as --core FILE or as --raw FILE@BASE (repeatable), one of the two');
          if (raw.struct !== undefined && raw.hexdump === undefined) throw new CliError('inspect: --struct annotates a --hexdump; give --hexdump PA with it');
          if (raw.hexdump !== undefined) {
            if (raw.fdt !== undefined || raw.fdtAt !== undefined || raw.json || raw.strict || raw.map !== undefined) throw new CliError('inspect: --hexdump reads memory only; --fdt, --fdt-at, --json, --strict and --map do not go with it');
            if (raw.struct !== undefined && raw.hexdump.includes(':')) throw new CliError('inspect: --hexdump PA --struct NAME shows the struct\'s own bytes; drop :LEN');
            const { pa, length } = hexdumpRange(raw.hexdump);
            const ranges = raw.raw?.map((r) => rawRange(r, cwd));
            const mem = raw.core !== undefined ? FileMem.openElfCore(resolve(cwd, raw.core), { pageSize: raw.pageSize }) : FileMem.openRaw(ranges!, { pageSize: raw.pageSize });
            try {
              if (raw.struct !== undefined) return await annotated(ctx, mem, pa, raw.struct, raw.pageSize);
              if (pa + BigInt(length) > 1n << MAX_PHYS_BITS) throw new CliError(`--hexdump: 0x${pa.toString(16)} + ${length} bytes is outside the ${MAX_PHYS_BITS}-bit physical address space`);
              const { lines, missing } = hexdumpLines(mem, pa, length);
              writeLines(ctx, lines);
              if (missing) ctx.io.stderr('kho-abi: inspect: part of the range is not in the image\n');
              return missing ? 1 : 0;
            } finally {
              mem.close();
            }
          }
          if ((raw.fdt === undefined) === (raw.fdtAt === undefined)) throw new CliError('inspect: give the KHO root FDT as --fdt FILE or --fdt-at PA, one of the two');
          // Refused before the walk: a picture that may not be written is said at once.
          if (raw.map !== undefined) claimOutput(resolve(cwd, raw.map), raw.map, { marker: GENERATED_MARKER });
          const fdtAt = raw.fdtAt !== undefined ? address(raw.fdtAt, '--fdt-at') : undefined;
          const ranges = raw.raw?.map((r) => rawRange(r, cwd));
          const fdtFile = raw.fdt !== undefined ? readFdtFile(resolve(cwd, raw.fdt), quote(raw.fdt)) : undefined;
          // Every LUO version is read, as the kernel of the version the image stores reads it.
          const [{ LIVEUPDATE_HISTORY_CODECS, LIVEUPDATE_LAYOUT }] = await Promise.all([import('../../lib/liveupdate.js')]);
          const options = { pageSize: raw.pageSize };
          const mem = raw.core !== undefined ? FileMem.openElfCore(resolve(cwd, raw.core), options) : FileMem.openRaw(ranges!, options);
          try {
            let fdt: Uint8Array | Error;
            if (fdtFile) fdt = fdtFile;
            else {
              try {
                fdt = readFdtAt(mem, fdtAt!);
              } catch (e) {
                if (!(e instanceof Error) || (e.name !== 'DecodeError' && e.name !== 'MemoryError')) throw e;
                fdt = e;
              }
            }
            const walkOptions = { ...(raw.strict ? { strict: true } : {}), imageProblems: mem.problems };
            const walk = (sink: InspectSink): InspectReport => walkLiveUpdate(mem, fdt, LIVEUPDATE_LAYOUT, LIVEUPDATE_HISTORY_CODECS, sink, walkOptions);
            const progress = progressLine(ctx.io);
            // Two walks: the first counts (the JSON's top and the luo line need what only a walk's end knows), the second prints.
            const first = walk(fanOut(progressSink(progress, 'checking')));
            // stdout on the same terminal: the progress line is blanked out before each write, and shows again at its next update.
            const out = new ChunkedOutput(ctx, progress && ctx.io.stdoutIsTTY ? () => progress.clear() : undefined);
            const owners = raw.map !== undefined ? new PageOwners(mem.pageSize) : undefined;
            const printer = raw.json ? jsonSink(first, (t) => out.write(t)) : textSink(first, (l) => out.write(`${l}\n`));
            const report = walk(fanOut(progressSink(progress, 'printing'), printer, owners ? ownersSink(owners) : {}));
            out.end(raw.json ? '\n' : '');
            progress?.clear();
            // The picture walks the radix tree, or a kho-v1 root's chunk chain (its chunk and bitmap pages drawn too).
            const kho1 = report.kho.compatibles.includes(LIVEUPDATE_LAYOUT.khoV1?.compatible ?? '') ? LIVEUPDATE_LAYOUT.khoV1 : undefined;
            if (owners) writeOutputFile(resolve(cwd, raw.map!), raw.map!, memoryMapSvg(preservedRangesOf(mem, LIVEUPDATE_LAYOUT.radix, kho1 && report.kho.preserved_blocks === null ? null : report.kho.memory_map, owners, kho1?.memoryMap), mem.pageSize));
            const { errors, warnings } = report.counts;
            if (errors > 0 || warnings > 0) ctx.io.stderr(`kho-abi: inspect: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${raw.json ? '' : ' (in the tree)'}\n`);
            if (!sameCounts(first.counts, report.counts)) {
              // The JSON's counts came from the first walk: they must be the report's.
              ctx.io.stderr('kho-abi: inspect: the image changed between the two walks (their counts differ; a live /proc/kcore?): the report is not consistent, inspect a copy\n');
              return 1;
            }
            return errors > 0 || (raw.strict && warnings > 0) ? 1 : 0;
          } finally {
            mem.close();
          }
        }),
      );
  },
};
