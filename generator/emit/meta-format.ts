/**
 * The format number of generated/ts/meta.json, in a module of its own: the
 * commands that read the file (generator/cli/project-codecs.ts) must not
 * load the generator's emitter to learn it.
 */

/** Raised when the shape of meta.json changes; a reader refuses another number (regenerate). */
export const META_FORMAT = 1;
