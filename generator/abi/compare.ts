/**
 * Compares two descriptions of the same version and names every difference
 * with a rule code. "before" is the reference (a released version, the
 * schemas a tree should follow), "after" what is being checked.
 */
import type { FieldRow, StructSnapshot, VersionSnapshot } from './snapshot.js';

export type RuleCode =
  | 'compatible-changed'
  | 'version-removed'
  | 'struct-removed'
  | 'struct-added'
  | 'struct-resized'
  | 'struct-realigned'
  | 'field-removed'
  | 'field-added'
  | 'field-moved'
  | 'field-resized'
  | 'field-retyped'
  | 'bitfield-moved'
  | 'bitfield-resized'
  | 'allowed-changed'
  | 'equals-changed'
  | 'at-most-changed'
  | 'constant-changed'
  | 'constant-removed'
  | 'constant-added'
  | 'composite-not-following';

export interface Difference {
  readonly code: RuleCode;
  /** The struct, or undefined for a version-wide difference. */
  readonly struct?: string;
  /** The member or constant concerned. */
  readonly member?: string;
  readonly message: string;
}

/** Rules whose findings do not change what an existing reader sees. */
export const NON_BREAKING: ReadonlySet<RuleCode> = new Set(['constant-added']);

function describeRow(f: FieldRow): string {
  return f.bitWidth !== undefined ? `${f.type}:${f.bitWidth} at bit ${f.bitOffset}` : `${f.type} at offset ${f.offset}`;
}

/** How messages name the two sides: "is at offset 16 in the tree, 8 in luo-v5". */
export interface Sides {
  readonly before: string;
  readonly after: string;
}

const DEFAULT_SIDES: Sides = { before: 'before', after: 'now' };

export function compareStructs(before: StructSnapshot, after: StructSnapshot, sides: Sides = DEFAULT_SIDES, readerChecks = true): Difference[] {
  const out: Difference[] = [];
  const s = before.name;
  const was = (x: string | number | undefined, unit = ''): string => `${x}${unit} ${sides.before}`;
  const is = (x: string | number | undefined, unit = ''): string => `${x}${unit} ${sides.after}`;
  if (before.size !== after.size) out.push({ code: 'struct-resized', struct: s, message: `struct ${s} is ${is(after.size, ' bytes')}, ${was(before.size)}` });
  if (before.align !== after.align) out.push({ code: 'struct-realigned', struct: s, message: `struct ${s} is aligned to ${is(after.align)}, ${was(before.align)}` });
  const afterByName = new Map(after.fields.map((f) => [f.name, f]));
  const beforeByName = new Map(before.fields.map((f) => [f.name, f]));
  for (const b of before.fields) {
    const a = afterByName.get(b.name);
    const m = b.name || '(anonymous union)';
    if (!a) {
      out.push({ code: 'field-removed', struct: s, member: m, message: `${s}.${m} (${describeRow(b)}) is ${sides.before === 'before' ? 'gone' : `missing ${sides.after}`}` });
      continue;
    }
    if (b.bitWidth !== undefined || a.bitWidth !== undefined) {
      if (b.bitOffset !== a.bitOffset) out.push({ code: 'bitfield-moved', struct: s, member: m, message: `${s}.${m} starts at bit ${is(a.bitOffset ?? a.offset * 8)}, ${was(b.bitOffset ?? b.offset * 8)}` });
      if (b.bitWidth !== a.bitWidth) out.push({ code: 'bitfield-resized', struct: s, member: m, message: `${s}.${m} is ${is(a.bitWidth ?? a.size * 8, ' bits wide')}, ${was(b.bitWidth ?? b.size * 8)}` });
      if (b.type !== a.type) out.push({ code: 'field-retyped', struct: s, member: m, message: `${s}.${m} is stored in a ${is(a.type)}, ${was(b.type)}` });
    } else {
      if (b.offset !== a.offset) out.push({ code: 'field-moved', struct: s, member: m, message: `${s}.${m} is at offset ${is(a.offset)}, ${was(b.offset)}` });
      if (b.size !== a.size) out.push({ code: 'field-resized', struct: s, member: m, message: `${s}.${m} is ${is(a.size, ' bytes')}, ${was(b.size)}` });
      else if (b.type !== a.type) out.push({ code: 'field-retyped', struct: s, member: m, message: `${s}.${m} is ${is(a.type)}, ${was(b.type)}` });
    }
    if (b.allowed !== undefined && a.allowed !== undefined && b.allowed !== a.allowed) {
      out.push({ code: 'allowed-changed', struct: s, member: m, message: `${s}.${m} accepts bits ${is(a.allowed)}, ${was(b.allowed)}` });
    }
    // A bound a reader applies is part of a released version; a C header cannot say it, so a tree is not compared on it.
    if (readerChecks && b.atMost !== a.atMost) {
      out.push({ code: 'at-most-changed', struct: s, member: m, message: `${s}.${m} may not exceed ${a.atMost ?? 'anything'} ${sides.after}, ${b.atMost ?? 'anything'} ${sides.before}` });
    }
    if (b.equals !== undefined && a.equals !== undefined && b.equals !== a.equals) {
      out.push({ code: 'equals-changed', struct: s, member: m, message: `${s}.${m} must equal ${is(a.equals)}, ${was(b.equals)}` });
    }
  }
  for (const a of after.fields) {
    if (!beforeByName.has(a.name)) {
      const m = a.name || '(anonymous union)';
      out.push({ code: 'field-added', struct: s, member: m, message: `${s}.${m} (${describeRow(a)}) is ${sides.before === 'before' ? 'new' : `only ${sides.after}`}` });
    }
  }
  return out;
}

export interface CompareOptions {
  /** Constants only one side is expected to have (kept private to .c files there): not a difference. */
  readonly ignoreConstants?: ReadonlySet<string>;
  /** Compare only the structs and constants both sides have (a tree that splits a schema over headers). */
  readonly commonOnly?: boolean;
  readonly sides?: Sides;
  /** Compare what readers check beyond the layout (at_most); false against a kernel tree, whose C says nothing of it. */
  readonly readerChecks?: boolean;
}

/** A constant's value as a message shows it: at most about 80 characters (a header may define a huge string). */
function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}... (${value.length} characters)` : value;
}

export function compareVersions(before: VersionSnapshot, after: VersionSnapshot, opts: CompareOptions = {}): Difference[] {
  const sides = opts.sides ?? DEFAULT_SIDES;
  const plain = sides === DEFAULT_SIDES;
  const out: Difference[] = [];
  const str = (x: string | undefined): string => (x === undefined ? 'none' : JSON.stringify(x));
  if (before.compatible !== after.compatible) {
    out.push({ code: 'compatible-changed', message: `compatible string is ${shown(str(after.compatible))} ${sides.after}, ${shown(str(before.compatible))} ${sides.before}` });
  }
  const afterStructs = new Map(after.structs.map((s) => [s.name, s]));
  const beforeStructs = new Set(before.structs.map((s) => s.name));
  for (const b of before.structs) {
    const a = afterStructs.get(b.name);
    if (a) out.push(...compareStructs(b, a, sides, opts.readerChecks ?? true));
    else if (!opts.commonOnly) out.push({ code: 'struct-removed', struct: b.name, message: plain ? `struct ${b.name} is gone` : `struct ${b.name} of ${sides.before.replace(/^in /, '')} is missing ${sides.after}` });
  }
  if (!opts.commonOnly) {
    for (const a of after.structs) {
      if (!beforeStructs.has(a.name)) out.push({ code: 'struct-added', struct: a.name, message: plain ? `struct ${a.name} is new` : `struct ${a.name} is only ${sides.after}` });
    }
  }
  const ignore = opts.ignoreConstants ?? new Set<string>();
  for (const [name, value] of Object.entries(before.constants)) {
    if (ignore.has(name)) continue;
    const now = after.constants[name];
    if (now === undefined) {
      if (!opts.commonOnly) out.push({ code: 'constant-removed', member: name, message: plain ? `${name} (${shown(value)}) is gone` : `${name} (${shown(value)}) is missing ${sides.after}` });
    } else if (now !== value) out.push({ code: 'constant-changed', member: name, message: `${name} is ${shown(now)} ${sides.after}, ${shown(value)} ${sides.before}` });
  }
  if (!opts.commonOnly) {
    for (const [name, value] of Object.entries(after.constants)) {
      if (!ignore.has(name) && before.constants[name] === undefined) {
        out.push({ code: 'constant-added', member: name, message: plain ? `${name} (${shown(value)}) is new` : `${name} (${shown(value)}) is only ${sides.after}` });
      }
    }
  }
  return out;
}
