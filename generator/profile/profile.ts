/**
 * Kernel profiles: which version of each schema one real kernel tree
 * carries, in which of its headers, and what it keeps in .c files. A
 * profile is data (profiles/<name>.yaml, checked against
 * profiles/profile.schema.json); this module parses and checks it.
 */
import { fileURLToPath } from 'node:url';
import { error, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import type { AbiIR, SchemaIR, VersionIR } from '../layout/ir.js';
import { loadSource } from '../source/load.js';
import { validateSource } from '../source/validate.js';

export const PROFILE_SCHEMA_PATH = fileURLToPath(new URL('../../profiles/profile.schema.json', import.meta.url));
export const PROFILES_DIR = 'profiles';
export const CONFIG_FILE = 'kho-abi.config.yaml';

export interface ProfilePart {
  readonly schema: string;
  readonly version: string;
  readonly span: SourceSpan;
}

export interface ProfileHeader {
  readonly file: string;
  readonly commit?: string;
  readonly guard?: string;
  readonly includes?: readonly string[];
  readonly parts: readonly ProfilePart[];
  readonly span: SourceSpan;
}

export interface Profile {
  readonly name: string;
  readonly path: string;
  readonly doc: string;
  readonly repo: string;
  /** Folder of this profile's include/ tree, relative to the project. */
  readonly output: string;
  readonly helpers: boolean;
  readonly headers: readonly ProfileHeader[];
  readonly private: ReadonlySet<string>;
  readonly omit: ReadonlySet<string>;
  /** Headers of the tree that no schema describes yet, and why. */
  readonly unmodelled: readonly { readonly file: string; readonly why: string }[];
}

/** What generated/ts imports the runtime from when kho-abi.config.yaml does not say (this repository's layout). */
export const DEFAULT_RUNTIME_IMPORT = '../../runtime/codec-core.js';

export interface Config {
  /** The profile diff-kernel and gen --out use when none is named. */
  readonly defaultProfile?: string;
  /** What the generated TypeScript imports the runtime from: '../../runtime/codec-core.js' in this repository, 'kho-abi/runtime/codec' in a project that installed the package (either entry serves; the codec one loads less). */
  readonly runtimeImport?: string;
  readonly span?: SourceSpan;
}

interface RawProfile {
  profile: string;
  doc: string;
  repo: string;
  output?: string;
  helpers?: boolean;
  headers: { file: string; commit?: string; guard?: string; includes?: string[]; parts: { schema: string; version: string }[] }[];
  private?: string[];
  omit?: string[];
  unmodelled?: { file: string; why: string }[];
}

export interface Input {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export function parseProfiles(inputs: readonly Input[]): { profiles: Profile[]; diagnostics: Diagnostic[] } {
  const profiles: Profile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const loaded = loadSource(input.path, input.bytes);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.file) continue;
    const invalid = validateSource(loaded.file, PROFILE_SCHEMA_PATH);
    diagnostics.push(...invalid);
    if (invalid.length) continue;
    const f = loaded.file;
    const raw = f.data as RawProfile;
    const expected = input.path.replace(/\\/g, '/').split('/').pop()!.replace(/\.yaml$/, '');
    if (raw.profile !== expected) {
      diagnostics.push(error('profile-name-mismatch', f.spanOf(['profile']), `profile '${raw.profile}' is in ${expected}.yaml`, `rename the file to ${raw.profile}.yaml or the profile to '${expected}'`));
    }
    profiles.push({
      name: raw.profile,
      path: input.path,
      doc: raw.doc,
      repo: raw.repo,
      output: raw.output ?? `generated/profiles/${raw.profile}`,
      helpers: raw.helpers ?? false,
      headers: raw.headers.map((h, i) => ({
        file: h.file,
        ...(h.commit ? { commit: h.commit } : {}),
        ...(h.guard ? { guard: h.guard } : {}),
        ...(h.includes ? { includes: h.includes } : {}),
        parts: h.parts.map((p, j) => ({ schema: p.schema, version: p.version, span: f.spanOf(['headers', i, 'parts', j]) })),
        span: f.spanOf(['headers', i, 'file']),
      })),
      private: new Set(raw.private ?? []),
      omit: new Set(raw.omit ?? []),
      unmodelled: raw.unmodelled ?? [],
    });
  }
  const seen = new Map<string, Profile>();
  for (const p of profiles) {
    const before = seen.get(p.name);
    if (before) diagnostics.push(error('duplicate-profile', { file: p.path, line: 1, col: 1, length: 1 }, `profile '${p.name}' is also defined in ${before.path}`));
    seen.set(p.name, p);
  }
  return { profiles, diagnostics };
}

export function parseConfig(input: Input | undefined): { config?: Config; diagnostics: Diagnostic[] } {
  if (!input) return { diagnostics: [] };
  const loaded = loadSource(input.path, input.bytes);
  if (!loaded.file) return { diagnostics: loaded.diagnostics };
  const data = loaded.file.data as { default_profile?: unknown; runtime_import?: unknown } | null;
  const keys = data && typeof data === 'object' ? Object.keys(data) : [];
  const diagnostics = [...loaded.diagnostics];
  const known = ['default_profile', 'runtime_import'];
  for (const k of keys) {
    if (!known.includes(k)) diagnostics.push(error('unknown-key', loaded.file.spanOf([k], true), `unknown key '${k}' in ${input.path}`, `allowed keys: ${known.join(', ')}`));
  }
  for (const k of known) {
    const v = (data as Record<string, unknown> | null)?.[k];
    if (v !== undefined && (typeof v !== 'string' || v === '')) diagnostics.push(error('wrong-type', loaded.file.spanOf([k]), `${k} in ${input.path} must be a non-empty string`));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return {
    config: {
      ...(typeof data?.default_profile === 'string' ? { defaultProfile: data.default_profile, span: loaded.file.spanOf(['default_profile']) } : {}),
      ...(typeof data?.runtime_import === 'string' ? { runtimeImport: data.runtime_import } : {}),
    },
    diagnostics,
  };
}

/** The version a part names, or undefined. */
export function partVersion(ir: AbiIR, part: { schema: string; version: string }): { schema: SchemaIR; version: VersionIR } | undefined {
  const schema = ir.schemas.find((s) => s.name === part.schema);
  const version = schema?.versions.find((v) => v.id === part.version);
  return schema && version ? { schema, version } : undefined;
}

/** Every name a profile mentions must exist: schemas, versions, private and omitted names. */
export function checkProfiles(profiles: readonly Profile[], ir: AbiIR, config?: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>();
  for (const s of ir.schemas) {
    if (s.component?.macro) known.add(s.component.macro);
    if (s.component?.baseMacro) known.add(s.component.baseMacro);
    for (const v of s.versions) {
      if (v.macro) known.add(v.macro);
      v.constants.forEach((c) => known.add(c.name));
      v.structs.forEach((c) => known.add(c.name));
      v.enums.forEach((e) => e.values.forEach((x) => known.add(x.name)));
    }
    for (const v of s.versions) v.macros.forEach((m) => known.add(m.name));
  }
  for (const p of profiles) {
    const files = new Set<string>();
    for (const h of p.headers) {
      if (files.has(h.file)) out.push(error('duplicate-header', h.span, `${h.file} is listed twice in profile '${p.name}'`));
      files.add(h.file);
      for (const part of h.parts) {
        const schema = ir.schemas.find((s) => s.name === part.schema);
        if (!schema) {
          out.push(error('unknown-schema', part.span, `no schema '${part.schema}'`, `schemas: ${ir.schemas.map((s) => s.name).join(', ')}`));
          continue;
        }
        if (schema.definedIn) {
          // Its items live in a .c file of the kernel: no tree's header carries them, so no profile header may.
          out.push(error('private-schema', part.span, `schema '${part.schema}' is defined in ${schema.definedIn}, in no kernel header; a profile cannot place it in ${h.file}`, 'remove the part: diff-kernel never expects these items in a tree'));
          continue;
        }
        if (!schema.versions.some((v) => v.id === part.version)) {
          out.push(error('unknown-version', part.span, `schema '${part.schema}' has no version '${part.version}'`, `versions: ${schema.versions.map((v) => v.id).join(', ')}`));
        }
      }
    }
  }
  if (config?.defaultProfile !== undefined && !profiles.some((p) => p.name === config.defaultProfile) && config.span) {
    out.push(error('unknown-profile', config.span, `no profile '${config.defaultProfile}'`, `profiles: ${profiles.map((p) => p.name).join(', ')}`));
  }
  return out;
}
