/**
 * `kho-abi diff-kernel`: does a kernel tree's include/linux/kho/abi/ agree
 * with the schemas? gcc lays out the tree's headers (probe-tree.ts); this
 * module names, for every header, the schema version its layout and
 * compatible string match, and every difference from the version the
 * profile expects. Formatting, comments, include order and type spelling
 * are not differences: only what gcc sees is compared.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import { compareVersions, type Difference, type RuleCode } from '../abi/compare.js';
import { spanOfDifference } from '../abi/locate.js';
import { constantText, versionSnapshot, type StructSnapshot, type VersionSnapshot } from '../abi/snapshot.js';
import type { AbiIR, SchemaIR } from '../layout/ir.js';
import type { Model } from '../model/model.js';
import type { Profile } from '../profile/profile.js';
import type { TreeLayout, TreeStruct } from './probe-tree.js';
import { quote } from '../../runtime/quote.js';

export type FindingCode =
  | RuleCode
  | 'no-version-bump'
  | 'version-mismatch'
  | 'compatible-unknown'
  | 'header-missing'
  | 'header-unexpected'
  | 'compile-error'
  | 'unknown-item';

export interface Finding {
  readonly header: string;
  /** 1-based line in the tree's header, when gcc or the scan knows it. */
  readonly line?: number;
  readonly code: FindingCode;
  readonly message: string;
  /** Where the schemas say it. */
  readonly schemaSpan?: SourceSpan;
}

export interface HeaderMatch {
  readonly schema: string;
  /** The version whose layout and compatible string the header has; undefined when none has both. */
  readonly version?: string;
  readonly compatible?: string;
  /** Versions whose layout the header has (whatever its string says). */
  readonly layoutOf: readonly string[];
}

export interface HeaderReport {
  readonly header: string;
  readonly matches: readonly HeaderMatch[];
  /** Set when the profile says kho-abi does not model this header yet. */
  readonly unmodelled?: string;
}

export interface DiffReport {
  readonly tree: string;
  readonly profile?: string;
  readonly headers: readonly HeaderReport[];
  readonly findings: readonly Finding[];
}

/** Every name a schema's headers may declare, in any version. */
function namesOf(s: SchemaIR): Set<string> {
  const out = new Set<string>();
  const c = s.component;
  if (c?.macro) out.add(c.macro);
  if (c?.baseMacro) out.add(c.baseMacro);
  for (const b of c?.featureBits ?? []) out.add(b.name);
  if (c) for (const suffix of ['SUPP', 'REQ', 'ACTIVE']) out.add(`${c.featureMasks}_${suffix}`);
  for (const v of s.versions) {
    if (v.macro) out.add(v.macro);
    v.constants.forEach((x) => out.add(x.name));
    v.macros.forEach((x) => out.add(x.name));
    v.structs.forEach((x) => out.add(x.name));
    v.enums.forEach((e) => {
      out.add(e.name);
      e.values.forEach((x) => out.add(x.name));
    });
  }
  return out;
}

function treeStructSnapshot(t: TreeStruct): StructSnapshot {
  return {
    name: t.name,
    size: t.size,
    align: t.align,
    fields: t.members.map((m) => ({
      name: m.name,
      offset: m.bitWidth !== undefined ? Math.floor((m.bitOffset ?? 0) / 8) : m.offset,
      size: m.size,
      type: m.type,
      ...(m.bitWidth !== undefined ? { bitOffset: m.bitOffset!, bitWidth: m.bitWidth } : {}),
    })),
  };
}

/** The compatible macros are compared as the version's string, not as constants. */
function withoutCompatMacros(snap: VersionSnapshot, s: SchemaIR): VersionSnapshot {
  const drop = new Set([s.component?.macro, s.component?.baseMacro, ...s.versions.map((v) => v.macro)].filter((x): x is string => !!x));
  return { ...snap, constants: Object.fromEntries(Object.entries(snap.constants).filter(([k]) => !drop.has(k))) };
}

/** Differences that make a tree's header another version than V: layouts, constant values, and the set of string values (FDT names). */
function identityDiffs(v: VersionSnapshot, t: VersionSnapshot, hidden: ReadonlySet<string>): Difference[] {
  const diffs = compareVersions(v, t, { ignoreConstants: hidden, readerChecks: false }).filter((d) => d.code !== 'compatible-changed' && d.code !== 'constant-removed' && d.code !== 'constant-added');
  const strings = (snap: VersionSnapshot, skip: ReadonlySet<string>) =>
    new Set(Object.entries(snap.constants).filter(([k, x]) => x.startsWith('"') && !skip.has(k)).map(([, x]) => x));
  const vs = strings(v, hidden);
  const ts = strings(t, hidden);
  for (const x of vs) if (!ts.has(x)) diffs.push({ code: 'constant-removed', message: `no constant holds ${x}` });
  for (const x of ts) if (!vs.has(x)) diffs.push({ code: 'constant-added', message: `a constant holds ${x}` });
  return diffs;
}

export interface DiffOptions {
  /** The profile to compare with; undefined compares each header with the version its compatible string names. */
  readonly profile?: Profile;
  /** Names some profile keeps private: never required of a tree. */
  readonly privateNames: ReadonlySet<string>;
  readonly model?: Model;
}

export function diffKernel(tree: TreeLayout, ir: AbiIR, opts: DiffOptions): DiffReport {
  const findings: Finding[] = [];
  const headers: HeaderReport[] = [];
  const profile = opts.profile;
  const hidden = new Set([...opts.privateNames, ...(profile?.private ?? []), ...(profile?.omit ?? [])]);
  const owner = new Map<string, SchemaIR>();
  for (const s of ir.schemas) for (const n of namesOf(s)) if (!owner.has(n)) owner.set(n, s);
  const expectedVersion = (schema: string): string | undefined => profile?.headers.flatMap((h) => h.parts).find((p) => p.schema === schema)?.version;
  const spanOf = (schema: SchemaIR, d: Difference | undefined, version?: string): SourceSpan | undefined => spanOfDifference(opts.model, schema.name, d, version);

  for (const h of tree.headers) {
    const unmodelled = profile?.unmodelled.find((u) => u.file === h.name);
    if (unmodelled) {
      headers.push({ header: h.name, matches: [], unmodelled: unmodelled.why });
      continue;
    }
    if (h.compileError) {
      findings.push({ header: h.name, code: 'compile-error', message: `does not compile:\n${h.compileError}` });
      headers.push({ header: h.name, matches: [] });
      continue;
    }
    const spec = profile?.headers.find((x) => x.file === h.name);
    const primary =
      (spec ? ir.schemas.find((s) => s.name === spec.parts[0]!.schema) : undefined) ?? ir.schemas.find((s) => `${s.name}.h` === h.name);
    const bySchema = new Map<SchemaIR, { structs: TreeStruct[]; constants: Record<string, string>; compatible?: string }>();
    const slot = (s: SchemaIR) => {
      let x = bySchema.get(s);
      if (!x) bySchema.set(s, (x = { structs: [], constants: {} }));
      return x;
    };
    for (const part of spec?.parts ?? []) {
      const s = ir.schemas.find((x) => x.name === part.schema);
      if (s) slot(s);
    }
    // An item no schema names belongs to the header's own schema (a renamed or new constant is a difference there);
    // in a header no schema is about, it is a finding of its own.
    const unknown = (name: string, line: number, what: string): void => {
      findings.push({ header: h.name, line, code: 'unknown-item', message: `${what} ${name}: no schema describes it` });
    };
    for (const st of tree.structs.values()) {
      if (st.header !== h.name) continue;
      const s = owner.get(st.name) ?? primary;
      if (!s) {
        unknown(st.name, st.line, 'struct');
        continue;
      }
      slot(s).structs.push(st);
    }
    for (const c of tree.constants.values()) {
      if (c.header !== h.name) continue;
      const s = owner.get(c.name) ?? primary;
      if (!s) {
        unknown(c.name, c.line, 'constant');
        continue;
      }
      if ((c.name === s.component?.macro || s.versions.some((v) => v.macro === c.name)) && typeof c.value === 'string') slot(s).compatible = c.value;
      else if (c.name !== s.component?.baseMacro) slot(s).constants[c.name] = constantText(c.value);
    }

    const matches: HeaderMatch[] = [];
    for (const [s, found] of bySchema) {
      const t: VersionSnapshot = {
        schema: s.name,
        id: 'tree',
        ...(found.compatible !== undefined ? { compatible: found.compatible } : {}),
        structs: found.structs.map(treeStructSnapshot),
        constants: found.constants,
      };
      const snaps = new Map(s.versions.map((v) => [v.id, withoutCompatMacros(versionSnapshot(v), s)]));
      const layoutOf = s.versions.filter((v) => identityDiffs(snaps.get(v.id)!, t, hidden).length === 0).map((v) => v.id);
      const stringOf = s.versions.filter((v) => v.compatible === t.compatible).map((v) => v.id);
      const both = layoutOf.filter((id) => stringOf.includes(id));
      const wanted = expectedVersion(s.name);
      const version = both.includes(wanted ?? '') ? wanted : both[0];
      matches.push({ schema: s.name, ...(version ? { version } : {}), ...(t.compatible !== undefined ? { compatible: t.compatible } : {}), layoutOf });
      const line = found.structs[0]?.line;
      const firstLine = (d: Difference): number | undefined => {
        const st = d.struct ? found.structs.find((x) => x.name === d.struct) : undefined;
        if (st) return st.members.find((m) => (m.name || '(anonymous union)') === d.member)?.line ?? st.line;
        return (d.member ? tree.constants.get(d.member)?.line : undefined) ?? line;
      };

      if (stringOf.length && !both.length) {
        // A string names the version it was made for, not a variant that spells the same bytes otherwise.
        const named = stringOf.filter((id) => !s.versions.find((v) => v.id === id)?.variantOf).at(-1) ?? stringOf[stringOf.length - 1]!;
        const what = t.compatible === undefined ? 'it has no compatible string, as' : `its compatible string ${quote(t.compatible)} still names`;
        findings.push({
          header: h.name,
          ...(line !== undefined ? { line } : {}),
          code: 'no-version-bump',
          message: layoutOf.length
            ? `${s.name}: the layout is that of ${layoutOf.join(' or ')}, but ${what} ${named}: a layout change without a version bump`
            : `${s.name}: the layout matches no version kho-abi knows, but ${what} ${named}: a layout change without a version bump?`,
          ...withSpan(spanOf(s, undefined, named)),
        });
      } else if (!stringOf.length && t.compatible !== undefined) {
        findings.push({
          header: h.name,
          ...(line !== undefined ? { line } : {}),
          code: 'compatible-unknown',
          message: `${s.name}: compatible string ${quote(t.compatible)} is no version of ${s.name}${layoutOf.length ? ` (the layout is that of ${layoutOf.join(' or ')})` : ''}`,
          ...withSpan(spanOf(s, undefined)),
        });
      }
      if (wanted && version && version !== wanted) {
        findings.push({ header: h.name, ...(line !== undefined ? { line } : {}), code: 'version-mismatch', message: `${s.name}: the tree carries ${version}; profile ${profile!.name} expects ${wanted}`, ...withSpan(spanOf(s, undefined, wanted)) });
      }
      // The details, against the version the profile expects, or else the one the string names.
      const against = wanted ?? version ?? stringOf[0] ?? layoutOf[0];
      if (!against || (version && against === version)) continue;
      const reference = snaps.get(against)!;
      const diffs = compareVersions(reference, t, {
        ignoreConstants: hidden,
        commonOnly: !spec,
        readerChecks: false,
        sides: { before: `in ${against}`, after: 'in the tree' },
      }).filter((d) => !(d.code === 'constant-removed' && opts.privateNames.has(d.member ?? '')));
      for (const d of diffs) {
        const l = firstLine(d);
        findings.push({ header: h.name, ...(l !== undefined ? { line: l } : {}), code: d.code, message: d.message, ...withSpan(spanOf(s, d, against)) });
      }
    }
    headers.push({ header: h.name, matches });
  }

  if (profile) {
    const have = new Set(tree.headers.map((h) => h.name));
    for (const spec of profile.headers) {
      if (!have.has(spec.file)) findings.push({ header: spec.file, code: 'header-missing', message: `the tree has no ${spec.file}; profile ${profile.name} has ${spec.parts.map((p) => p.version).join(', ')} there`, schemaSpan: spec.span });
    }
    for (const h of tree.headers) {
      if (!profile.headers.some((x) => x.file === h.name) && !profile.unmodelled.some((u) => u.file === h.name)) {
        findings.push({ header: h.name, code: 'header-unexpected', message: `profile ${profile.name} has no ${h.name}` });
      }
    }
  }
  // Per header: what the header is (a version mismatch, a missing bump) first, then the details in line order.
  const summary = (f: Finding): number => (['compile-error', 'no-version-bump', 'version-mismatch', 'compatible-unknown', 'header-missing', 'header-unexpected'].includes(f.code) ? 0 : 1);
  findings.sort((a, b) => a.header.localeCompare(b.header) || summary(a) - summary(b) || (a.line ?? 0) - (b.line ?? 0));
  return { tree: tree.root, ...(profile ? { profile: profile.name } : {}), headers, findings };
}

function withSpan(span: SourceSpan | undefined): { schemaSpan?: SourceSpan } {
  return span ? { schemaSpan: span } : {};
}



/**
 * Reports of one tree at several page sizes as one: the headers as the
 * first report names them, and every finding once, with the page sizes it
 * appears at named when it does not appear at all of them (a depth formula
 * that differs only at 16 KiB, say).
 */
export function mergeReports(reports: readonly { pageSize: number; report: DiffReport }[]): DiffReport {
  const first = reports[0]!.report;
  const byKey = new Map<string, { f: Finding; pages: number[] }>();
  for (const { pageSize, report } of reports) {
    for (const f of report.findings) {
      const key = `${f.header}\0${f.code}\0${f.message}`;
      const entry = byKey.get(key) ?? { f, pages: [] };
      entry.pages.push(pageSize);
      byKey.set(key, entry);
    }
  }
  const findings = [...byKey.values()].map(({ f, pages }) =>
    pages.length === reports.length ? f : { ...f, message: `${f.message} (at ${pages.map((p) => `${p / 1024} KiB`).join(', ')} pages)` },
  );
  return { ...first, findings };
}
