/**
 * What generated codecs import (the package's `kho-abi/runtime/codec`):
 * struct codecs, their checks and errors, version selection, compat and
 * feature verdicts, and the container descriptors' types. Nothing of
 * physical memory or the container walkers (nor runtime/liveupdate), so that a
 * program that decodes one struct (`kho-abi decode`) loads only this.
 * runtime/index.ts re-exports it beside the rest of the runtime.
 */
export * from './codec.js';
export * from './compat.js';
export * from './errors.js';
export * from './primitives.js';
export * from './quote.js';
export * from './warnings.js';
export * from './registry.js';
export * from './features.js';
export * from './versions.js';
export * from './bitfield.js';
export * from './containers/descriptors.js';
