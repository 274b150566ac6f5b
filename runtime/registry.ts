/**
 * Finding the codec of a struct by name, version (id or stored compatible
 * string) and page size, with an answer that says what exists when nothing fits.
 */
import type { PageSize, SchemaCodecs, StructCodec, VersionCodecs } from './codec.js';
import { CompatError } from './compat.js';
import { quote } from './quote.js';
import { selectVersion } from './versions.js';

/** Own members only: a struct named `toString` or `__proto__` is not found on Object.prototype. */
const has = (o: object, key: string): boolean => Object.hasOwn(o, key);

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
  /**
   * The bytes of the struct that holds the version number, for a string
   * that versions told apart by number share ("pci"): the number in them
   * picks the version.
   */
  readonly data?: DataView;
}

export interface FoundCodec {
  readonly schema: SchemaCodecs;
  readonly version: VersionCodecs;
  readonly codec: StructCodec<unknown>;
}

/** The version storing `found`; where numbered versions share it, the one whose number `data` holds. */
function byString(schema: SchemaCodecs, found: string, data: DataView | undefined): VersionCodecs | undefined {
  const hits = schema.versions.filter((v) => v.compatible === found);
  if (hits.length <= 1) return hits[0];
  try {
    return selectVersion(schema, found, data);
  } catch (e) {
    if (e instanceof CompatError) throw new LookupError(`${e.message}; or name the version: ${hits.map((v) => v.id).join(', ')}`);
    throw e;
  }
}

export function findCodec(all: readonly SchemaCodecs[], struct: string, query: CodecQuery = {}): FoundCodec {
  const pageSize = query.pageSize ?? 4096;
  const owners = all.filter((s) => s.versions.some((v) => has(v.structs, struct)));
  if (owners.length === 0) {
    const known = [...new Set(all.flatMap((s) => s.versions.flatMap((v) => Object.keys(v.structs))))].sort();
    throw new LookupError(`unknown struct ${quote(struct)}; known structs: ${known.join(', ')}`);
  }
  for (const schema of owners) {
    const version = query.version === undefined
      ? schema.versions.find((v) => v.id === schema.current)
      : schema.versions.find((v) => v.id === query.version) ?? byString(schema, query.version, query.data);
    if (!version) continue;
    const perPage = has(version.structs, struct) ? version.structs[struct] : undefined;
    if (!perPage) {
      const inVersions = schema.versions.filter((v) => has(v.structs, struct)).map((v) => v.id);
      throw new LookupError(`struct ${struct} does not exist in version '${version.id}'; it exists in ${inVersions.join(', ')}`);
    }
    const codec = has(perPage, String(pageSize)) ? perPage[pageSize] : undefined;
    if (!codec) throw new LookupError(`no codec of ${struct} for page size ${quote(String(pageSize))}`);
    return { schema, version, codec };
  }
  const versions = owners.flatMap((s) => s.versions.map((v) => (v.compatible !== undefined && v.compatible !== v.id ? `${v.id} ("${v.compatible}")` : v.id)));
  throw new LookupError(`struct ${struct} has no version ${quote(String(query.version))}; known versions: ${versions.join(', ')}`);
}
