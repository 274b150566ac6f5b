/**
 * The kernel's rules for compatible strings (kernel-abi.md section 4), in one
 * place for the generator, the runtime and the generated checks:
 * a composite is `base` followed by `;sub` parts, the parts in strictly
 * increasing strcmp order, stored in length + NUL rounded up to 8 bytes.
 */
import type { ReadOptions } from './warnings.js';

export const COMPAT_SEPARATOR = ';';
export const COMPAT_ALIGN = 8;

const encoder = new TextEncoder();

/** strcmp order: unsigned bytes, shorter prefix first. */
export function compareCompat(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Bytes a string needs in a fixed char array: its UTF-8 length plus the NUL. */
export function storedLength(s: string): number {
  return encoder.encode(s).length + 1;
}

/** KHO_COMPAT_ALIGN: the storage a compatible string takes, rounded up to 8. */
export function compatStorageSize(s: string): number {
  return Math.ceil(storedLength(s) / COMPAT_ALIGN) * COMPAT_ALIGN;
}

export class CompatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompatError';
  }
}

/** Checks one component string: non-empty, no separator, printable ASCII. */
export function checkCompatPart(part: string, what = 'compatible string'): void {
  if (part.length === 0) throw new CompatError(`${what} is empty`);
  if (part.includes(COMPAT_SEPARATOR)) throw new CompatError(`${what} '${part}' contains the separator '${COMPAT_SEPARATOR}'`);
  if (!/^[\x21-\x7e]+$/.test(part)) throw new CompatError(`${what} '${part}' contains a character outside printable ASCII`);
}

/**
 * Builds a composite from its base and sub-components; refuses empty parts
 * and sub-components out of strcmp order or repeated, as the kernel's KUnit
 * test does. When `fieldSize` is given the aligned size must fit in it.
 */
export function composeCompat(base: string, subs: readonly string[], fieldSize?: number): string {
  checkCompatPart(base, 'base');
  subs.forEach((s, i) => checkCompatPart(s, `sub-component ${i + 1}`));
  for (let i = 1; i < subs.length; i++) {
    const order = compareCompat(subs[i - 1]!, subs[i]!);
    if (order === 0) throw new CompatError(`sub-component '${subs[i]}' appears twice`);
    if (order > 0) throw new CompatError(`sub-component '${subs[i]}' must come before '${subs[i - 1]}' (strictly increasing strcmp order)`);
  }
  const composite = [base, ...subs].join(COMPAT_SEPARATOR);
  if (fieldSize !== undefined && compatStorageSize(composite) > fieldSize) {
    throw new CompatError(`'${composite}' needs ${compatStorageSize(composite)} bytes but its field holds ${fieldSize}`);
  }
  return composite;
}

/** A compatible string split into its base and sub-components. */
export interface ParsedCompat {
  readonly text: string;
  readonly base: string;
  readonly subs: readonly string[];
}

/** Splits a composite and checks the kernel's rules; throws CompatError naming the broken rule. */
export function parseCompat(text: string): ParsedCompat {
  if (text.length === 0) throw new CompatError('the compatible string is empty');
  const [base = '', ...subs] = text.split(COMPAT_SEPARATOR);
  composeCompat(base, subs);
  return { text, base, subs };
}

/**
 * Reads a compatible string from the fixed char array that stores it: the
 * string must end in a NUL inside the array and every byte after the NUL
 * must be 0, as the kernel writes it (a bounded copy into zeroed memory).
 */
export function readStoredCompat(bytes: Uint8Array, opts?: ReadOptions): string {
  const nul = bytes.indexOf(0);
  if (nul < 0) throw new CompatError(`no NUL inside the ${bytes.length}-byte field: the string is unterminated or truncated`);
  for (let i = nul + 1; i < bytes.length; i++) {
    if (bytes[i] === 0) continue;
    // The kernel compares with strcmp or strncmp, which stop at the NUL: what follows is never read.
    const why = `byte ${i} after the NUL is 0x${bytes[i]!.toString(16)}, not 0: trailing garbage`;
    if (opts?.strict) throw new CompatError(`${why} (the kernel ignores it; refused in strict mode)`);
    opts?.warnings?.push({ code: 'string-padding', struct: 'compatible string', offset: i, message: `compatible string: ${why}`, kernel: 'strcmp/strncmp stop at the NUL (luo_core.c, luo_file.c, luo_flb.c)' });
    break;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, nul));
}

/** `memfd-v2` -> { name: 'memfd', version: 'v2' }; a part without -vN is all name. */
export function splitVersion(part: string): { name: string; version?: string } {
  const m = /^(.*)-(v\d+)$/.exec(part);
  return m ? { name: m[1]!, version: m[2]! } : { name: part };
}

export type CompatProblem =
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'base'; readonly found: string; readonly expected: string }
  | { readonly kind: 'version'; readonly component: string; readonly found: string; readonly expected: string }
  | { readonly kind: 'missing'; readonly component: string; readonly expected: string }
  | { readonly kind: 'unknown'; readonly component: string; readonly found: string };

export interface CompatVerdict {
  readonly ok: boolean;
  readonly found: string;
  /** The supported string that matched, or the one the problems are measured against. */
  readonly expected: string;
  readonly problems: readonly CompatProblem[];
}

export function describeProblem(p: CompatProblem): string {
  switch (p.kind) {
    case 'malformed':
      return p.reason;
    case 'base':
      return `the string starts with ${p.found}, not with ${p.expected}`;
    case 'version':
      return `${p.component}: found ${p.found}, supported ${p.expected}`;
    case 'missing':
      return `${p.component}: missing, ${p.expected} is required`;
    case 'unknown':
      return `${p.component}: unknown sub-component ${p.found}`;
  }
}

/** One line: why a stored string is refused, or that it is accepted. */
export function describeVerdict(v: CompatVerdict): string {
  if (v.ok) return `"${v.found}" is compatible (${v.expected})`;
  return `"${v.found}" is not compatible with "${v.expected}": ${v.problems.map(describeProblem).join('; ')}`;
}

/**
 * Checks a stored string against the strings a reader supports (oldest to
 * newest). A match is exact, as the kernel's string compare is; otherwise
 * the verdict names every component whose version differs, is missing or is
 * unknown, measured against the newest supported string with the same base
 * component.
 */
export function verifyCompat(found: string, supported: readonly string[]): CompatVerdict {
  if (supported.length === 0) throw new CompatError('no supported compatible string given');
  if (supported.includes(found)) {
    try {
      parseCompat(found);
      return { ok: true, found, expected: found, problems: [] };
    } catch {
      // A supported string that breaks the rules is still what the reader accepts.
      return { ok: true, found, expected: found, problems: [] };
    }
  }
  let parsed: ParsedCompat;
  try {
    parsed = parseCompat(found);
  } catch (e) {
    return { ok: false, found, expected: supported[supported.length - 1]!, problems: [{ kind: 'malformed', reason: (e as Error).message }] };
  }
  const base = splitVersion(parsed.base);
  const candidates = supported.filter((s) => splitVersion(s.split(COMPAT_SEPARATOR)[0]!).name === base.name);
  // Measure against the supported string of the same form (same sub-component names) when there is one.
  const names = (text: string): string => text.split(COMPAT_SEPARATOR).slice(1).map((x) => splitVersion(x).name).join(';');
  const sameForm = candidates.filter((s) => names(s) === names(found));
  const pool = sameForm.length ? sameForm : candidates;
  const expectedText = pool.length ? pool[pool.length - 1]! : supported[supported.length - 1]!;
  const [expBase = '', ...expSubs] = expectedText.split(COMPAT_SEPARATOR);
  const problems: CompatProblem[] = [];
  const eb = splitVersion(expBase);
  if (eb.name !== base.name) {
    return { ok: false, found, expected: expectedText, problems: [{ kind: 'base', found: parsed.base, expected: expBase }] };
  } else if (parsed.base !== expBase) problems.push({ kind: 'version', component: base.name, found: parsed.base, expected: expBase });
  const want = new Map(expSubs.map((s) => [splitVersion(s).name, s]));
  const have = new Map(parsed.subs.map((s) => [splitVersion(s).name, s]));
  for (const [name, s] of want) {
    const f = have.get(name);
    if (f === undefined) problems.push({ kind: 'missing', component: name, expected: s });
    else if (f !== s) problems.push({ kind: 'version', component: name, found: f, expected: s });
  }
  for (const [name, s] of have) if (!want.has(name)) problems.push({ kind: 'unknown', component: name, found: s });
  if (problems.length === 0) problems.push({ kind: 'malformed', reason: `differs from "${expectedText}"` });
  return { ok: false, found, expected: expectedText, problems };
}
