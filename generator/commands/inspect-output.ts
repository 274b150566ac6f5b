/**
 * The printers of `kho-abi inspect`, as sinks of the streaming walk
 * (runtime/liveupdate/inspect.ts walkLiveUpdate): the tree and the JSON are
 * written a session and a file at a time, so that what is held is one file,
 * not the report of a whole image.
 *
 * Both print what only the end of a walk knows before the first session:
 * the JSON its status and counts at the top, the tree the LUO node's own
 * errors and warnings on the luo line. These come from a first walk
 * (`first`, the report walkLiveUpdate returned); the printing walk is the
 * second. The output is byte for byte what toJson / inspectTextLines give
 * for the whole report (test/inspect-stream.test.ts).
 */
import { inspectEndLines, inspectFileLines, inspectHeadLines, inspectSessionLines, type InspectReport, type InspectSink } from '../../runtime/liveupdate/inspect.js';
import { toJson } from '../json-values.js';

/** `value` as JSON.stringify(value, 64-bit as strings, 2) prints it nested at `indent`. */
const nested = (value: unknown, indent: string): string => toJson(value).replace(/\n/g, `\n${indent}`);

/** The members of `obj` before and after `key`, each as its `"name": value` text at `indent`. */
function around(obj: object, key: string, indent: string): { before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  let seen = false;
  for (const [k, v] of Object.entries(obj)) {
    if (k === key) {
      seen = true;
      continue;
    }
    if (v === undefined || typeof v === 'function') continue;
    (seen ? after : before).push(`${indent}${JSON.stringify(k)}: ${nested(v, indent)}`);
  }
  return { before, after };
}

/** Opens an object at `indent`: its members before `key`, then `"key": ` (its value follows). */
const openAround = (before: readonly string[], key: string, indent: string): string => `{\n${before.map((m) => `${m},\n`).join('')}${indent}  ${JSON.stringify(key)}: `;
/** Closes what openAround opened, once the value of `key` is written: the members after it. */
const closeAround = (after: readonly string[], indent: string): string => `${after.map((m) => `,\n${m}`).join('')}\n${indent}}`;

/** An array written an item at a time at `indent`: `[]` when it holds none, as JSON.stringify prints it. */
class StreamedArray {
  private items = 0;
  constructor(private readonly indent: string) {}
  /** The text before an item. */
  next(): string {
    return `${this.items++ === 0 ? '[\n' : ',\n'}${this.indent}  `;
  }
  close(): string {
    return this.items === 0 ? '[]' : `\n${this.indent}]`;
  }
}

/**
 * The report as JSON (docs/inspect.md), handed to `write` piece by piece;
 * the status and counts at its top from the first walk. No newline after
 * the last brace.
 */
export function jsonSink(first: InspectReport, write: (text: string) => void): InspectSink {
  // Indents: the report 0, luo 2, a session 6 (in luo's array at 4), a file 10 (in the session's array at 8).
  let sessions = new StreamedArray('    ');
  let files = new StreamedArray('        ');
  let sessionAfter: string[] = [];
  return {
    head(report) {
      const top = around({ ...report, status: first.status, counts: first.counts }, 'luo', '  ');
      write(openAround(top.before, 'luo', ''));
      if (!report.luo) return;
      const luo = around(report.luo, 'sessions', '    ');
      write(openAround(luo.before, 'sessions', '  '));
      sessions = new StreamedArray('    ');
    },
    session(node) {
      const s = around(node, 'files', '        ');
      sessionAfter = s.after;
      write(sessions.next() + openAround(s.before, 'files', '      '));
      files = new StreamedArray('        ');
    },
    file(node) {
      write(files.next() + nested(node, '          '));
    },
    sessionEnd() {
      write(files.close() + closeAround(sessionAfter, '      '));
    },
    end(report) {
      if (!report.luo) return write('null\n}');
      write(sessions.close() + closeAround(around(report.luo, 'sessions', '    ').after, '  ') + '\n}');
    },
  };
}

/** The report as the tree for people, line by line; the LUO node's own errors and warnings from the first walk. */
export function textSink(first: InspectReport, writeLine: (line: string) => void): InspectSink {
  const each = (lines: Iterable<string>): void => {
    for (const l of lines) writeLine(l);
  };
  return {
    head: (report, sessions) => each(inspectHeadLines(report, sessions, first.luo ?? { errors: [], warnings: [] })),
    session: (node, files) => each(inspectSessionLines(node, files)),
    file: (node) => each(inspectFileLines(node)),
    sessionEnd: () => {},
    end: (report) => each(inspectEndLines(report)),
  };
}

/** One sink handing every part to each of `sinks`, in order. */
export function fanOut(...sinks: readonly Partial<InspectSink>[]): InspectSink {
  return {
    head: (report, sessions) => sinks.forEach((s) => s.head?.(report, sessions)),
    session: (node, files) => sinks.forEach((s) => s.session?.(node, files)),
    file: (node, session) => sinks.forEach((s) => s.file?.(node, session)),
    sessionEnd: (node) => sinks.forEach((s) => s.sessionEnd?.(node)),
    end: (report) => sinks.forEach((s) => s.end?.(report)),
  };
}
