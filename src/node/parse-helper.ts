import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { extractFile, type FileExtraction, type FileToExtract } from '../core/extract/extract-file';
import { createExtractorSet } from '../core/extract/extractor-set';
import { NodeFileSystem } from './node-file-system';
import { initTreeSitter } from './tree-sitter-runtime';

// The entry of a parse helper thread (`dist/parse-worker.js`), and the protocol it shares with
// `parse-pool.ts`. It imports only the extractors, not TypeScript: a lean bundle starts in
// ~0.1 s where one with TypeScript takes ~0.5 s of CPU per thread.

/** `workerData.kind` of a helper thread. */
export const HELPER_KIND = 'archlens-parse-helper';
/** Files claimed at a time from the shared counter. */
export const CHUNK = 32;
/** States of a helper's slot in the shared array (slot 0 is the next-file counter). */
export const IDLE = 0;
export const RUNNING = 1;
export const DONE = 2;
export const SKIPPED = 3;

/** One extraction job, sent to each helper with its slot. */
export interface HelperJob {
  readonly files: readonly FileToExtract[];
  readonly maxFileSize: number;
  readonly shared: SharedArrayBuffer;
}

/** Results for files `start…start + results.length − 1`. */
export interface HelperChunk {
  readonly start: number;
  readonly results: readonly FileExtraction[];
}

/** The start of the next chunk of files, or −1 when all are claimed. */
export function claim(shared: Int32Array, total: number): number {
  const start = Atomics.add(shared, 0, CHUNK);
  return start < total ? start : -1;
}

/**
 * Serves jobs until the pool terminates the thread: claims chunks, posts their results on
 * `port`, then marks its slot DONE. Files with syntax errors come back with their errors and
 * the pool re-reads them with TypeScript's forgiving parser.
 */
export function runParseHelper(port: MessagePort, parent: MessagePort): void {
  const fs = new NodeFileSystem();
  const { extractorFor } = createExtractorSet();
  // Jobs wait for the tree-sitter runtime (once); a job whose work ran out meanwhile is skipped.
  const ready = initTreeSitter();
  parent.on('message', (job: HelperJob & { slot: number }) => void ready.then(() => runJob(job)));
  const runJob = (job: HelperJob & { slot: number }): void => {
    const shared = new Int32Array(job.shared);
    if (Atomics.compareExchange(shared, job.slot, IDLE, RUNNING) !== IDLE) return;
    try {
      for (let start = claim(shared, job.files.length); start >= 0; start = claim(shared, job.files.length)) {
        const end = Math.min(start + CHUNK, job.files.length);
        const results: FileExtraction[] = [];
        for (let i = start; i < end; i++) {
          results.push(extractFile(fs, job.files[i] as FileToExtract, job.maxFileSize, extractorFor));
        }
        port.postMessage({ start, results } satisfies HelperChunk);
      }
    } finally {
      Atomics.store(shared, job.slot, DONE);
      Atomics.notify(shared, job.slot);
    }
  };
}

const data = workerData as { kind?: unknown; port?: MessagePort } | null;
if (data?.kind === HELPER_KIND && data.port !== undefined && parentPort)
  runParseHelper(data.port, parentPort);
