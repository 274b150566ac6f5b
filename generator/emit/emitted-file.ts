/** What every emitter returns: a path under the project root and its whole content. */
export interface EmittedFile {
  readonly path: string;
  readonly content: string;
}
