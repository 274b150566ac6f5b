/**
 * A worker of parallel-load.ts: loads and validates the files it takes from
 * the shared counter, then hands them all back in one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkedFileData, checkFile } from './check-file.js';
import { takeNext, type LoadedByWorker, type LoadWork } from './parallel-load.js';

const work = workerData as LoadWork;
const loaded: [number, ReturnType<typeof checkedFileData>][] = [];
for (let i = takeNext(work); i !== undefined; i = takeNext(work)) loaded.push([i, checkedFileData(checkFile(work.inputs[i]!))]);
parentPort!.postMessage(loaded satisfies LoadedByWorker);
