/**
 * Where the command line reads and writes: the process's stdin, stdout and
 * stderr by default, or what a caller injects to run a command in-process
 * (tests, a tool embedding kho-abi). Commands never touch `process` streams
 * themselves, and nothing here calls process.exit.
 */
import { readSync, writeSync } from 'node:fs';
import { CliError } from './errors.js';
import { describeFsError } from './fs-error.js';

/** Bytes on stdin read at most: a tool fed a disk image by mistake must not exhaust memory. */
export const MAX_STDIN = 64 * 1024 * 1024;

export interface CliIo {
  /** All of stdin, read when a command first needs it (at most MAX_STDIN bytes). */
  readonly stdin: () => Uint8Array;
  readonly stdout: (chunk: string | Uint8Array) => void;
  readonly stderr: (chunk: string) => void;
  /** The folder relative paths are resolved against and printed relative to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Is stderr a terminal? Only then may a command show a progress line there (generator/cli/progress.ts). */
  readonly stderrIsTTY: boolean;
  /** Is stdout a terminal? Then a progress line is blanked out before stdout is written, not mixed into it. */
  readonly stdoutIsTTY: boolean;
  /** Milliseconds, for rate-limiting a progress line: performance.now by default. */
  readonly now: () => number;
}

export interface CliIoOptions {
  readonly stdin?: Uint8Array | string | (() => Uint8Array);
  readonly stdout?: (chunk: string | Uint8Array) => void;
  readonly stderr?: (chunk: string) => void;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default: the process's stderr is a TTY when stderr is not given, false when it is. */
  readonly stderrIsTTY?: boolean;
  /** Default: the process's stdout is a TTY when stdout is not given, false when it is. */
  readonly stdoutIsTTY?: boolean;
  readonly now?: () => number;
}

/** Reads file descriptor 0 to its end, bounded. */
function readProcessStdin(): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new CliError(`cannot read stdin: ${code ?? (e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_STDIN) throw new CliError(`more than ${MAX_STDIN} bytes on stdin`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Writes all of `chunk` to a file descriptor, synchronously (so that an error is known at once), waiting out EAGAIN. */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/**
 * The process's stdout: a reader that went away (EPIPE, as with `| head`)
 * ends the output quietly; any other error (a full disk) is a refusal.
 */
function processStdout(): (chunk: string | Uint8Array) => void {
  let closed = false;
  return (chunk) => {
    if (closed) return;
    try {
      writeAll(1, chunk);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
        closed = true;
        return;
      }
      closed = true;
      throw new CliError(`cannot write to stdout: ${describeFsError(e)}`);
    }
  };
}

function processStderr(chunk: string): void {
  try {
    writeAll(2, chunk);
  } catch {
    // Nowhere left to say it.
  }
}

/** The io of a run: the given parts, the process's for the rest. */
export function makeIo(options: CliIoOptions = {}): CliIo {
  const given = options.stdin;
  let cached: Uint8Array | undefined;
  const stdin = (): Uint8Array => {
    if (cached) return cached;
    const bytes = given === undefined ? readProcessStdin() : typeof given === 'function' ? given() : typeof given === 'string' ? new TextEncoder().encode(given) : given;
    if (bytes.length > MAX_STDIN) throw new CliError(`more than ${MAX_STDIN} bytes on stdin`);
    cached = bytes;
    return bytes;
  };
  return {
    stdin,
    stdout: options.stdout ?? processStdout(),
    stderr: options.stderr ?? processStderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stderrIsTTY: options.stderrIsTTY ?? (options.stderr === undefined && process.stderr.isTTY === true),
    stdoutIsTTY: options.stdoutIsTTY ?? (options.stdout === undefined && process.stdout.isTTY === true),
    now: options.now ?? (() => performance.now()),
  };
}
