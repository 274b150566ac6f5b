/** A whole live update in simulated memory: the state model, the old kernel's writer, the new kernel's reader, the tree text and the image file. */
export * from './model.js';
export * from './handlers.js';
export * from './eras.js';
export * from './allocator.js';
export * from './write.js';
export * from './read.js';
export * from './tree.js';
export * from './image-file.js';
export * from './inspect.js';
export * from './memory-map.js';
