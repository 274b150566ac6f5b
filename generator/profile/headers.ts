/**
 * The headers of one kernel tree, as a profile describes them: each header's
 * schema versions, and the options that make them read like that tree's own.
 */
import type { EmittedFile } from '../emit/emitted-file.js';
import { renderHeader, type HeaderOptions, type HeaderSpec } from '../emit/c-header.js';
import type { AbiIR } from '../layout/ir.js';
import { partVersion, type Profile } from './profile.js';

export const ABI_INCLUDE_DIR = 'include/linux/kho/abi';

export function profileSpecs(profile: Profile, ir: AbiIR): { specs: HeaderSpec[]; options: HeaderOptions } {
  const headerOf = new Map<string, string>();
  const specs: HeaderSpec[] = profile.headers.map((h) => {
    const parts = h.parts.flatMap((p) => {
      const found = partVersion(ir, p);
      if (found) headerOf.set(found.schema.name, h.file);
      return found ? [found] : [];
    });
    return { file: h.file, ...(h.guard ? { guard: h.guard } : {}), ...(h.includes ? { includes: h.includes } : {}), parts };
  });
  const hidden = new Set([...profile.private, ...profile.omit]);
  return {
    specs: specs.filter((s) => s.parts.length > 0),
    options: {
      helpers: profile.helpers,
      hidden,
      headerOf: (schema) => headerOf.get(schema),
      marker: `profile ${profile.name}`,
      regenerate: `\`kho-abi gen --profile ${profile.name}\` (add --out <tree> to write into a kernel tree)`,
    },
  };
}

/** A profile's headers under `root` (its output folder, or a kernel tree). */
export function emitProfile(profile: Profile, ir: AbiIR, root = profile.output): EmittedFile[] {
  const { specs, options } = profileSpecs(profile, ir);
  return specs.map((spec) => ({
    path: root ? `${root}/${ABI_INCLUDE_DIR}/${spec.file}` : `${ABI_INCLUDE_DIR}/${spec.file}`,
    content: renderHeader(spec, options),
  }));
}
