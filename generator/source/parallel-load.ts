/**
 * Loads and validates many schema files on several threads. Parsing YAML is
 * most of a cold `gen` over many schemas, and each file parses on its own
 * (check-file.ts). The main thread and jobs - 1 workers each take the next
 * file from one shared counter, so a worker that starts late, or a file
 * that takes longer, never leaves a thread idle; each worker hands back its
 * files as plain data (node spans instead of the YAML document), which a
 * structured clone carries. The result is the same, file for file, as
 * loading them one after the other.
 *
 * Workers run compiled JavaScript only (dist/, the installed package): from
 * the TypeScript sources the files load on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkedFileFrom, checkFile, type CheckedFile, type CheckedFileData, type SchemaInput } from './check-file.js';

/** Below this many files, starting a worker costs more than it saves. */
export const PARALLEL_MIN_FILES = 64;
/** More threads than this gain nothing measurable: resolving and emitting stay on one. */
export const MAX_JOBS = 4;

/** What a worker is given: every input, and the counter all threads take files from. */
export interface LoadWork {
  readonly inputs: readonly SchemaInput[];
  readonly next: Int32Array;
}

/** What a worker hands back: the files it took, by their index in the inputs. */
export type LoadedByWorker = readonly (readonly [number, CheckedFileData])[];

/** Threads for `files` schema files when the user did not say. */
export function defaultJobs(files: number): number {
  return files >= PARALLEL_MIN_FILES ? Math.min(availableParallelism(), MAX_JOBS) : 1;
}

/** Whether this is compiled JavaScript, which a worker can run. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** Takes the next file no thread has taken; undefined when none is left. */
export function takeNext(work: LoadWork): number | undefined {
  const i = Atomics.add(work.next, 0, 1);
  return i < work.inputs.length ? i : undefined;
}

/**
 * Every input loaded and validated, in order, on `jobs` threads (this one
 * included). `workersOnly` leaves every file to the workers, so that a test
 * sees each one cross between threads.
 */
export async function loadInParallel(inputs: readonly SchemaInput[], jobs: number, { workersOnly = false } = {}): Promise<CheckedFile[]> {
  const results: (CheckedFile | undefined)[] = new Array(inputs.length);
  const work: LoadWork = { inputs, next: new Int32Array(new SharedArrayBuffer(4)) };
  const workers = workersAvailable() ? Array.from({ length: Math.max(0, jobs - 1) }, () => new Worker(new URL('./load-worker.js', import.meta.url), { workerData: work })) : [];
  const handedBack = workers.map(
    (w) =>
      new Promise<LoadedByWorker>((resolve, reject) => {
        w.once('message', resolve);
        // A worker that fails hands back nothing, and this thread loads its files below;
        // unless it was to load them all, where a failure must not go unseen.
        w.once('error', (e) => (workersOnly ? reject(e) : resolve([])));
        w.once('exit', () => resolve([]));
      }),
  );
  if (!workersOnly || workers.length === 0) for (let i = takeNext(work); i !== undefined; i = takeNext(work)) results[i] = checkFile(inputs[i]!);
  for (const files of await Promise.all(handedBack)) for (const [i, data] of files) results[i] = checkedFileFrom(data);
  if (workersOnly && workers.length > 0 && inputs.some((_, i) => !results[i])) throw new Error('the workers handed back fewer files than they took');
  return Array.from(inputs, (input, i) => results[i] ?? checkFile(input));
}
