/**
 * `kho-abi gen`: schemas -> analysis -> layouts at every page size -> every
 * emitter -> one list of files. Pure: reading and writing is the CLI's.
 *
 * generated/include/ holds kho-abi's own headers (every schema at its
 * current version, with kho-abi's checks): the ones the tests prove against
 * gcc and the codecs. generated/profiles/<name>/include/ holds each kernel
 * profile's headers, as that tree has them.
 */
import { checkLock, type Lock } from './abi/lock.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { ownHeaders, renderHeader } from './emit/c-header.js';
import { emitTsCodecs } from './emit/ts-codec.js';
import { emitTsMeta } from './emit/ts-meta.js';
import type { EmittedFile } from './emit/emitted-file.js';
import { makeTarget } from './layout/ir.js';
import { analyze, layoutAll, type Analysis, type SchemaInput } from './pipeline.js';
import { ABI_INCLUDE_DIR, emitProfile } from './profile/headers.js';
import { checkProfiles, DEFAULT_RUNTIME_IMPORT, parseConfig, parseProfiles, type Config, type Profile } from './profile/profile.js';

export const OUTPUT_DIR = 'generated';

export interface GenerateOptions {
  /** profiles/*.yaml. */
  readonly profiles?: readonly SchemaInput[];
  /** kho-abi.config.yaml. */
  readonly config?: SchemaInput;
  /** The committed lock: a change to a released version is an error. */
  readonly lock?: Lock;
  /** Only this profile's headers (and no other output). */
  readonly only?: string;
  /** With `only`: the folder its include/ tree goes under instead of the profile's output ('' for a kernel tree's root). */
  readonly outRoot?: string;
}

export interface Generation {
  readonly analysis: Analysis;
  readonly files: EmittedFile[];
  readonly diagnostics: Diagnostic[];
  readonly profiles: readonly Profile[];
  readonly config?: Config;
}

export async function generate(inputs: readonly SchemaInput[], opts: GenerateOptions = {}): Promise<Generation> {
  const analysis = analyze(inputs);
  const parsed = parseProfiles(opts.profiles ?? []);
  const conf = parseConfig(opts.config);
  const none = { analysis, files: [], profiles: parsed.profiles, ...(conf.config ? { config: conf.config } : {}) };
  if (!analysis.model) return { ...none, diagnostics: [...analysis.diagnostics, ...parsed.diagnostics, ...conf.diagnostics] };
  const { irs, diagnostics } = layoutAll(analysis);
  const all = [...analysis.diagnostics, ...diagnostics, ...parsed.diagnostics, ...conf.diagnostics];
  const ir = irs.find((x) => x.target.pageSize === makeTarget().pageSize);
  if (!ir) return { ...none, diagnostics: all };
  all.push(...checkProfiles(parsed.profiles, ir, conf.config));
  if (opts.lock) all.push(...checkLock(opts.lock, irs, analysis.model));
  const files: EmittedFile[] = [];
  if (opts.only !== undefined) {
    const profile = parsed.profiles.find((p) => p.name === opts.only);
    if (profile) files.push(...emitProfile(profile, ir, opts.outRoot ?? profile.output));
  } else {
    const own = ownHeaders(ir);
    for (const spec of own.specs) files.push({ path: `${OUTPUT_DIR}/${ABI_INCLUDE_DIR}/${spec.file}`, content: renderHeader(spec, own.options) });
    for (const p of parsed.profiles) files.push(...emitProfile(p, ir));
    const runtimeImport = conf.config?.runtimeImport ?? DEFAULT_RUNTIME_IMPORT;
    files.push(...emitTsCodecs(irs, { runtimeImport }));
    files.push(emitTsMeta(irs, { runtimeImport }));
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { analysis, files, diagnostics: all, profiles: parsed.profiles, ...(conf.config ? { config: conf.config } : {}) };
}
