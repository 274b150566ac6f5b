/**
 * Finding the codec of a struct by name, version (id or stored compatible
 * string) and page size, with an answer that says what exists when nothing fits.
 */
import type { PageSize, SchemaCodecs, StructCodec, VersionCodecs } from './codec.js';

export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

export interface CodecQuery {
  /** A version id (memfd-v1) or the compatible string it stores; the schema's current version when absent. */
  readonly version?: string;
  readonly pageSize?: PageSize;
}

export interface FoundCodec {
  readonly schema: SchemaCodecs;
  readonly version: VersionCodecs;
  readonly codec: StructCodec<unknown>;
}

export function findCodec(all: readonly SchemaCodecs[], struct: string, query: CodecQuery = {}): FoundCodec {
  const pageSize = query.pageSize ?? 4096;
  const owners = all.filter((s) => s.versions.some((v) => struct in v.structs));
  if (owners.length === 0) {
    const known = [...new Set(all.flatMap((s) => s.versions.flatMap((v) => Object.keys(v.structs))))].sort();
    throw new LookupError(`unknown struct '${struct}'; known structs: ${known.join(', ')}`);
  }
  for (const schema of owners) {
    const version = query.version === undefined
      ? schema.versions.find((v) => v.id === schema.current)
      : schema.versions.find((v) => v.id === query.version) ?? schema.versions.find((v) => v.compatible === query.version);
    if (!version) continue;
    const perPage = version.structs[struct];
    if (!perPage) {
      const has = schema.versions.filter((v) => struct in v.structs).map((v) => v.id);
      throw new LookupError(`struct ${struct} does not exist in version '${version.id}'; it exists in ${has.join(', ')}`);
    }
    const codec = perPage[pageSize];
    if (!codec) throw new LookupError(`no codec of ${struct} for page size ${pageSize}`);
    return { schema, version, codec };
  }
  const versions = owners.flatMap((s) => s.versions.map((v) => (v.compatible !== undefined && v.compatible !== v.id ? `${v.id} ("${v.compatible}")` : v.id)));
  throw new LookupError(`struct ${struct} has no version '${query.version}'; known versions: ${versions.join(', ')}`);
}
