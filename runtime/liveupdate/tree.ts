/**
 * The tree text of a live update state: one line per node, two spaces of
 * indent per level, every number in decimal, strings in double quotes with
 * every byte outside printable ASCII (and `"` and `\`) as \xNN. A node's
 * members follow its kind as name=value, sorted by name in byte order, a
 * struct or array member flattened to dotted paths (hstates.0.order).
 * Sessions, files, entries and FLBs are in the order the image lists them
 * (the order the kernel restores them in). test/c/liveupdate-reader.c
 * prints the same text from the same image.
 *
 *   kho compatible="kho-v4"
 *     blob name="NAME" size=N bytes=HEX
 *   luo compatible="luo-v5" liveupdate_num=N
 *     session name="NAME" files=N
 *       file token=N compatible="memfd-v2" MEMBERS entries=N
 *         entry MEMBERS
 *       file token=N compatible="OTHER" data=N no-handler
 *     flb name="NAME" count=N MEMBERS | data=N
 */
import type { Fields, LiveUpdateState, Value } from './model.js';

const utf8 = new TextEncoder();
const HEX = '0123456789abcdef';

/** A string as the tree shows it: its UTF-8 bytes quoted. */
export function quoteTreeString(s: string): string {
  return quoteTreeBytes(utf8.encode(s));
}

/** Stored bytes as the tree shows them; for a name or string that is not UTF-8, its own bytes. */
export function quoteTreeBytes(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    out += b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : '\\x' + HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out + '"';
}

function flatten(prefix: string, v: Value, out: [string, string][]): void {
  if (typeof v === 'bigint' || typeof v === 'number') out.push([prefix, String(v)]);
  else if (typeof v === 'string') out.push([prefix, quoteTreeString(v)]);
  else if (Array.isArray(v)) (v as readonly Value[]).forEach((x, i) => flatten(prefix ? `${prefix}.${i}` : String(i), x, out));
  else for (const [k, x] of Object.entries(v)) flatten(prefix ? `${prefix}.${k}` : k, x as Value, out);
}

/** The members of a struct as ` a=1 b=2`, by name in byte order. */
export function treeMembers(fields: Fields): string {
  const out: [string, string][] = [];
  flatten('', fields, out);
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out.map(([k, v]) => ` ${k}=${v}`).join('');
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  return s;
}

/** The tree, line by line (without newlines); iterates `state.luo.sessions` once. */
export function* treeLines(state: LiveUpdateState): Generator<string, void, undefined> {
  const kho = state.kho;
  yield `kho compatible=${kho.compatibleBytes ? quoteTreeBytes(kho.compatibleBytes) : quoteTreeString(kho.compatible)}`;
  for (const b of kho.blobs ?? []) yield `  blob name=${b.nameBytes ? quoteTreeBytes(b.nameBytes) : quoteTreeString(b.name)} size=${b.bytes.length} bytes=${hex(b.bytes)}`;
  const luo = state.luo;
  if (!luo) return;
  yield `luo compatible=${quoteTreeString(luo.compatible)} liveupdate_num=${luo.liveupdateNum}`;
  for (const s of luo.sessions) {
    yield `  session name=${quoteTreeString(s.name)} files=${s.files.length}`;
    for (const f of s.files) {
      const head = `    file token=${f.token} compatible=${quoteTreeString(f.compatible)}`;
      if (!f.state) {
        yield `${head} data=${f.data ?? 0n} no-handler`;
        continue;
      }
      const entries = f.state.entries;
      yield `${head}${treeMembers(f.state.fields)}${entries ? ` entries=${entries.length}` : ''}`;
      for (const e of entries ?? []) yield `      entry${treeMembers(e)}`;
    }
  }
  for (const f of luo.flbs) yield `  flb name=${quoteTreeString(f.name)} count=${f.count}${f.state ? treeMembers(f.state) : ` data=${f.data ?? 0n}`}`;
}

/** The whole tree as one string, a newline after every line (for small states). */
export function treeText(state: LiveUpdateState): string {
  let s = '';
  for (const line of treeLines(state)) s += line + '\n';
  return s;
}
