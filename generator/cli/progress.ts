/**
 * A progress line on stderr for long work: one line rewritten in place
 * (carriage return, then the text padded over what was there), at most once
 * per interval, and blanked out at the end, so that nothing of it stays in
 * the terminal. Only for a terminal: a caller gives none (`progressLine`
 * returns undefined) when stderr is a file or a pipe, where a log would fill
 * with the rewritten lines.
 *
 * The clock is injected, so that a test decides when time has passed.
 */
import type { CliIo } from './io.js';

/** Shortest time between two updates of the line. */
export const PROGRESS_INTERVAL_MS = 200;
/** Characters of the line at most: one terminal line, never wrapped into two. */
const MAX_WIDTH = 79;

export class ProgressLine {
  private shown = 0;
  private last: number | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {}

  /** Shows `text()` if the interval has passed since the line last changed (the text is made only then). */
  update(text: () => string): void {
    const t = this.now();
    if (this.last !== undefined && t - this.last < this.intervalMs) return;
    this.last = t;
    const line = text().slice(0, MAX_WIDTH);
    this.write(`\r${line.padEnd(this.shown)}`);
    this.shown = line.length;
  }

  /** Blanks the line out and puts the cursor back at its start; the next update shows at once. */
  clear(): void {
    if (this.shown > 0) this.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
    this.last = undefined;
  }
}

/** A progress line on the run's stderr when that is a terminal; otherwise none. */
export function progressLine(io: CliIo): ProgressLine | undefined {
  return io.stderrIsTTY ? new ProgressLine(io.stderr, io.now) : undefined;
}
