/**
 * The whole runtime of kho-abi (the package's `kho-abi/runtime`): the codec
 * core generated code imports (codec-core.ts), and the simulated physical
 * memory and container walkers that tools (and runtime/liveupdate) build on it.
 */
export * from './codec-core.js';
export * from './phys-mem.js';
export * from './file-mem.js';
export * from './containers/kho-block.js';
export * from './containers/kho-vmalloc.js';
export * from './containers/kho-radix.js';
export * from './containers/bitmap-chain.js';
export * from './containers/fdt-nodes.js';
export * from './containers/kho-fdt.js';
export { ReaderLimitError } from './containers/limits.js';
export * from './containers/luo-sessions.js';
export * from './containers/luo-flbs.js';
export * from './containers/memfd-folios.js';
export * from './containers/hugemfd-folios.js';
export * from './containers/preserved-map.js';
export * from './containers/block-set.js';
export * from './containers/kho-array.js';
export * from './containers/luo-dict.js';
export * from './containers/array-chain.js';
