/** What generated TypeScript and tools import: the runtime of kho-abi. */
export * from './codec.js';
export * from './compat.js';
export * from './errors.js';
export * from './phys-mem.js';
export * from './primitives.js';
export * from './quote.js';
export * from './warnings.js';
export * from './registry.js';
export * from './features.js';
export * from './versions.js';
export * from './containers/kho-block.js';
export * from './bitfield.js';
export * from './containers/kho-vmalloc.js';
export * from './containers/kho-radix.js';
export * from './containers/kho-fdt.js';
export { ReaderLimitError } from './containers/limits.js';
export * from './containers/luo-sessions.js';
export * from './containers/luo-flbs.js';
