/**
 * A unified diff of two texts, as `diff -u` prints it, for `gen --check
 * --out`: the reviewer sees what a hand edit changed in a generated header.
 */

/** Longest-common-subsequence edit script over lines; headers are small, so O(n*m) is fine. */
function editScript(a: readonly string[], b: readonly string[]): ('=' | '-' | '+')[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: ('=' | '-' | '+')[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push('=');
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removals before additions, as diff -u prints a changed line.
      ops.push('-');
      i++;
    } else {
      ops.push('+');
      j++;
    }
  }
  return ops;
}

/** Lines that differ between two texts, counted as an edit script does (a changed line counts twice). */
export function changedLines(a: readonly string[], b: readonly string[]): number {
  return editScript(a, b).filter((o) => o !== '=').length;
}

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  if (a[a.length - 1] === '') a.pop();
  if (b[b.length - 1] === '') b.pop();
  const ops = editScript(a, b);
  // Positions of each op in both files.
  const rows: { op: '=' | '-' | '+'; ai: number; bi: number }[] = [];
  let ai = 0;
  let bi = 0;
  for (const op of ops) {
    rows.push({ op, ai, bi });
    if (op !== '+') ai++;
    if (op !== '-') bi++;
  }
  const out: string[] = [`--- ${oldName}`, `+++ ${newName}`];
  let k = 0;
  while (k < rows.length) {
    if (rows[k]!.op === '=') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are closer than 2 * context lines apart.
    for (;;) {
      while (end < rows.length && rows[end]!.op !== '=') end++;
      let next = end;
      while (next < rows.length && rows[next]!.op === '=' && next - end < 2 * context) next++;
      if (next < rows.length && rows[next]!.op !== '=') end = next;
      else break;
    }
    const stop = Math.min(rows.length, end + context);
    const hunk = rows.slice(start, stop);
    const aStart = hunk[0]!.ai;
    const bStart = hunk[0]!.bi;
    const aLen = hunk.filter((r) => r.op !== '+').length;
    const bLen = hunk.filter((r) => r.op !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const r of hunk) out.push(r.op === '=' ? ` ${a[r.ai]}` : r.op === '-' ? `-${a[r.ai]}` : `+${b[r.bi]}`);
    k = stop;
    start = stop;
  }
  return out.join('\n') + '\n';
}
