/**
 * Version dispatch: given the compatible string found in preserved memory,
 * the codecs of the version that wrote it, or a precise refusal.
 */
import type { SchemaCodecs, VersionCodecs } from './codec.js';
import { CompatError, describeVerdict, verifyCompat } from './compat.js';

/** The strings a schema's versions store, oldest first. */
export function supportedStrings(schema: SchemaCodecs): string[] {
  return schema.versions.flatMap((v) => (v.compatible !== undefined ? [v.compatible] : []));
}

/** Picks the version whose stored string is exactly `found`; otherwise throws CompatError saying what was found and what is supported. */
export function selectVersion(schema: SchemaCodecs, found: string): VersionCodecs {
  const hit = schema.versions.find((v) => v.compatible === found);
  if (hit) return hit;
  const supported = supportedStrings(schema);
  if (supported.length === 0) throw new CompatError(`${schema.schema} has no compatible string to dispatch on`);
  const verdict = verifyCompat(found, supported);
  throw new CompatError(`${describeVerdict(verdict)}; supported: ${supported.map((s) => `"${s}"`).join(', ')}`);
}
