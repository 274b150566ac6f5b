/**
 * Kernel-doc comment lines: ` * ` prefixed, wrapped at 80 columns, with
 * paragraphs kept apart by ` *` lines and hanging indents for `@field:`.
 */

export const LINE_WIDTH = 80;

/** Wraps prose into lines of at most `width` characters; blank lines separate paragraphs. */
export function wrap(text: string, width: number): string[][] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => {
      const words = para.split(/\s+/).filter(Boolean);
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + 1 + w.length > width) {
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) lines.push(line);
      return lines;
    });
}

/** A prose block as comment lines. */
export function commentParagraphs(text: string): string[] {
  const out: string[] = [];
  wrap(text, LINE_WIDTH - 3).forEach((para, i) => {
    if (i > 0) out.push(' *');
    for (const l of para) out.push(` * ${l}`);
  });
  return out;
}

/** `@name: text` with continuation lines aligned under the text. */
export function memberLines(entries: readonly { name: string; doc: string }[]): string[] {
  const tag = Math.max(0, ...entries.map((e) => e.name.length + 2));
  const out: string[] = [];
  for (const e of entries) {
    const head = `@${e.name}:`.padEnd(tag);
    const paras = wrap(e.doc, LINE_WIDTH - 3 - head.length - 1);
    const flat = paras.flatMap((p, i) => (i > 0 ? ['', ...p] : p));
    flat.forEach((l, i) => out.push(i === 0 ? ` * ${head} ${l}` : l === '' ? ' *' : ` * ${' '.repeat(head.length)} ${l}`));
  }
  return out;
}

/** kernel-doc wants `NAME - summary`: the first sentence, the rest as a description. */
export function summaryAndRest(doc: string | undefined, fallback: string): { summary: string; rest?: string } {
  const text = (doc ?? fallback).trim().replace(/\s+/g, ' ');
  const m = /^(.+?[.!?])(\s+)(.*)$/.exec(text);
  if (m && m[1]!.length <= 70 && m[3]) return { summary: m[1]!, rest: m[3] };
  return { summary: text };
}

/** `prefix summary` as the first comment line, continued on the next lines when long. */
export function briefLines(prefix: string, summary: string): string[] {
  const first = ` * ${prefix} - `;
  const lines = wrap(summary, LINE_WIDTH - first.length)[0] ?? [];
  const head = lines[0] ?? '';
  const rest = lines.slice(1).join(' ');
  return [first + head, ...(rest ? wrap(rest, LINE_WIDTH - 3)[0]!.map((l) => ` * ${l}`) : [])];
}
