import { DecodeError, MemoryError } from '../../runtime/index.js';

/** The error `fn` throws; fails the test when it throws nothing. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** The DecodeError `fn` throws; any other error, or none, fails the test. */
export function refused(fn: () => unknown): DecodeError {
  const e = thrown(fn);
  if (!(e instanceof DecodeError)) throw e;
  return e;
}

/** Runs a reader on corrupt input: it may refuse (DecodeError, MemoryError), but nothing else may escape. */
export function survives(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof DecodeError) && !(e instanceof MemoryError)) throw e;
  }
}
