import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { extractFile, extractorFor, type FileExtraction, type FileToExtract } from '../core/extract';
import type { FileSystemPort, ImportExtractionPort } from '../core/ports';
import { NodeFileSystem } from './node-file-system';
import {
  CHUNK,
  claim,
  DONE,
  HELPER_KIND,
  IDLE,
  RUNNING,
  SKIPPED,
  type HelperChunk,
  type HelperJob,
} from './parse-helper';

/**
 * Reads and extracts the imports of many files on several threads at once, synchronously.
 *
 * The calling thread (the analysis worker or the CLI) takes part: it and the helper threads
 * pull chunks of files from one shared atomic counter, so a few large files cannot leave a
 * thread idle. Between its own chunks the caller takes the helpers' finished chunks
 * (`receiveMessageOnPort`) and hands every result to `take` at once, so the engine resolves
 * one file's imports while helpers still parse others. At the end it blocks (`Atomics.wait`)
 * until the helpers that joined are done. No event-loop turn is needed, so the synchronous
 * engine can use it like any other port. Never call it on the extension host's main thread.
 */
export class ParsePool implements ImportExtractionPort {
  private helpers: Helper[] | undefined;
  private broken = false;
  /** How many files of the last job the helper threads extracted. */
  lastHelperShare = 0;

  /**
   * @param workerScript The bundle of `parse-helper.ts` (`dist/parse-worker.js`).
   * @param helperCount Helper threads besides the caller; default: cores − 1 (at most 3).
   */
  constructor(
    private readonly workerScript: string,
    private readonly helperCount = Math.min(3, Math.max(0, availableParallelism() - 1)),
    private readonly fs: FileSystemPort = new NodeFileSystem(),
  ) {}

  /** Reads and extracts `files`; results in the same order as `files`. */
  extractMany(files: readonly FileToExtract[], maxFileSize: number): FileExtraction[] {
    const results = new Array<FileExtraction>(files.length);
    const index = new Map(files.map((file, i) => [file, i]));
    this.extractEach(files, maxFileSize, (result, file) => (results[index.get(file) ?? -1] = result));
    return results;
  }

  /**
   * Reads and extracts `files`, handing each result to `take` on the calling thread as soon as
   * it is there (in no particular order, each file once). When `take` throws, the job still
   * ends cleanly (the helpers finish their chunks, which are dropped) and the error is rethrown.
   */
  extractEach(
    files: readonly FileToExtract[],
    maxFileSize: number,
    take: (result: FileExtraction, file: FileToExtract) => void,
  ): void {
    this.lastHelperShare = 0;
    const helpers = files.length >= MIN_FILES_FOR_HELPERS ? this.startHelpers() : [];
    const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + helpers.length)));
    const taken = new Uint8Array(files.length);
    let failure: { error: unknown } | undefined;
    const deliver = (i: number, result: FileExtraction | undefined): void => {
      const file = files[i] as FileToExtract;
      if (taken[i] === 1) return;
      taken[i] = 1;
      if (failure) return;
      // Helpers do not load TypeScript, whose forgiving parser reads broken files: redo those here.
      const final =
        result === undefined || ('errors' in result && result.errors.length > 0)
          ? this.extractHere(file, maxFileSize)
          : result;
      try {
        take(final, file);
      } catch (error) {
        failure = { error };
        // Nothing more is claimed: the helpers finish the chunk they hold and stop.
        Atomics.store(shared, 0, files.length);
      }
    };
    const job: HelperJob = { files, maxFileSize, shared: shared.buffer as SharedArrayBuffer };
    helpers.forEach((helper, index) => helper.worker.postMessage({ ...job, slot: index + 1 }));
    const drain = (): void => {
      for (const helper of helpers) {
        for (
          let message = receiveMessageOnPort(helper.port);
          message;
          message = receiveMessageOnPort(helper.port)
        ) {
          const chunk = message.message as HelperChunk;
          this.lastHelperShare += chunk.results.length;
          chunk.results.forEach((result, offset) => deliver(chunk.start + offset, result));
        }
      }
    };

    // What the helpers finished is taken before the next chunk is claimed: while the caller
    // works through their results, they go on reading.
    for (;;) {
      drain();
      const start = claim(shared, files.length);
      if (start < 0) break;
      const end = Math.min(start + CHUNK, files.length);
      for (let i = start; i < end; i++) deliver(i, this.extractHere(files[i] as FileToExtract, maxFileSize));
    }
    for (let slot = 1; slot <= helpers.length; slot++) {
      // A helper still starting up when the work runs out is told to skip this job.
      if (Atomics.compareExchange(shared, slot, IDLE, SKIPPED) === IDLE) continue;
      // A helper that crashed never says DONE: stop waiting after a while and redo its part.
      const deadline = Date.now() + HELPER_TIMEOUT_MS;
      while (Atomics.load(shared, slot) !== DONE && Date.now() < deadline) {
        Atomics.wait(shared, slot, RUNNING, 2);
        drain();
      }
      if (Atomics.load(shared, slot) !== DONE) this.broken = true;
    }
    drain();
    if (this.broken) void this.dispose();
    // The holes a helper that died mid-job left (none once `take` failed: nothing more is taken).
    for (let i = 0; i < files.length && !failure; i++) if (taken[i] === 0) deliver(i, undefined);
    if (failure) throw failure.error;
  }

  private extractHere(file: FileToExtract, maxFileSize: number): FileExtraction {
    return extractFile(this.fs, file, maxFileSize, extractorFor);
  }

  /** Stops the helper threads. */
  async dispose(): Promise<void> {
    const helpers = this.helpers ?? [];
    this.helpers = undefined;
    this.broken = false;
    await Promise.all(helpers.map((h) => h.worker.terminate()));
  }

  private startHelpers(): Helper[] {
    if (this.helpers) return this.helpers;
    this.helpers = [];
    for (let i = 0; i < this.helperCount; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(this.workerScript, {
        workerData: { kind: HELPER_KIND, port: port2 },
        transferList: [port2],
      });
      // Helpers must not keep a CLI process alive, nor crash it.
      worker.unref();
      worker.on('error', () => undefined);
      this.helpers.push({ worker, port: port1 });
    }
    return this.helpers;
  }
}

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES_FOR_HELPERS = 200;
/** How long the caller waits for a helper to finish its share before redoing it itself. */
const HELPER_TIMEOUT_MS = 60_000;

interface Helper {
  readonly worker: Worker;
  readonly port: MessagePort;
}
