/**
 * Version dispatch: given the compatible string found in preserved memory,
 * the codecs of the version that wrote it, or a precise refusal.
 */
import type { SchemaCodecs, VersionCodecs } from './codec.js';
import { CompatError, describeVerdict, verifyCompat } from './compat.js';
import { readUnsigned } from './primitives.js';

/** The strings a schema's versions store, oldest first. */
export function supportedStrings(schema: SchemaCodecs): string[] {
  return schema.versions.flatMap((v) => (v.compatible !== undefined ? [v.compatible] : []));
}

/**
 * Picks the version whose stored string is exactly `found`; otherwise throws
 * CompatError saying what was found and what is supported. Where versions
 * share the string and differ by number (pci_ser.version), `data` is the
 * struct that holds the number (schema.versionMember), read to pick one.
 */
export function selectVersion(schema: SchemaCodecs, found: string, data?: DataView): VersionCodecs {
  const hits = schema.versions.filter((v) => v.compatible === found);
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    const vm = schema.versionMember;
    const numbers = hits.map((v) => `${v.number} (${v.id})`).join(', ');
    if (!vm) throw new CompatError(`${schema.schema}: versions ${hits.map((v) => v.id).join(', ')} store "${found}" and nothing tells them apart`);
    if (!data) throw new CompatError(`"${found}" is stored by versions told apart by ${vm.struct}.${vm.member}: ${numbers}; pass the ${vm.struct} bytes to choose`);
    if (data.byteLength < vm.offset + vm.size) throw new CompatError(`${vm.struct} is ${data.byteLength} bytes, too short to hold ${vm.member} (offset ${vm.offset}, ${vm.size} bytes)`);
    const n = readUnsigned(data, vm.offset, vm.size);
    const hit = hits.find((v) => v.number === n);
    if (hit) return hit;
    throw new CompatError(`"${found}" with ${vm.struct}.${vm.member} ${n}: no version stores that number; supported: ${numbers}`);
  }
  const supported = supportedStrings(schema);
  if (supported.length === 0) throw new CompatError(`${schema.schema} has no compatible string to dispatch on`);
  const verdict = verifyCompat(found, supported);
  throw new CompatError(`${describeVerdict(verdict)}; supported: ${supported.map((s) => `"${s}"`).join(', ')}`);
}
