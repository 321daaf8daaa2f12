import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { extractFile, extractorFor, type FileExtraction, type FileToExtract } from '../core/extract';
import type { FileSystemPort } from '../core/ports';
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
 * thread idle. The caller then blocks (`Atomics.wait`) until the helpers that joined are done
 * and drains their results with `receiveMessageOnPort`: no event-loop turn is needed, so the
 * synchronous engine can use it like any other port. Never call it on the extension host's
 * main thread.
 */
export class ParsePool {
  private helpers: Helper[] | undefined;
  private broken = false;
  /** How many files of the last {@link extractMany} the helper threads extracted. */
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
    const results = new Array<FileExtraction | undefined>(files.length);
    this.lastHelperShare = 0;
    const helpers = files.length >= MIN_FILES_FOR_HELPERS ? this.startHelpers() : [];
    const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + helpers.length)));
    const job: HelperJob = { files, maxFileSize, shared: shared.buffer as SharedArrayBuffer };
    helpers.forEach((helper, index) => helper.worker.postMessage({ ...job, slot: index + 1 }));

    for (let start = claim(shared, files.length); start >= 0; start = claim(shared, files.length)) {
      const end = Math.min(start + CHUNK, files.length);
      for (let i = start; i < end; i++) results[i] = this.extractHere(files[i] as FileToExtract, maxFileSize);
    }
    helpers.forEach((helper, index) => {
      const slot = index + 1;
      // A helper still starting up when the work runs out is told to skip this job.
      if (Atomics.compareExchange(shared, slot, IDLE, SKIPPED) === IDLE) return;
      // A helper that crashed never says DONE: stop waiting after a while and redo its part.
      const deadline = Date.now() + HELPER_TIMEOUT_MS;
      while (Atomics.load(shared, slot) !== DONE && Date.now() < deadline)
        Atomics.wait(shared, slot, RUNNING, 250);
      if (Atomics.load(shared, slot) !== DONE) this.broken = true;
      for (
        let message = receiveMessageOnPort(helper.port);
        message;
        message = receiveMessageOnPort(helper.port)
      ) {
        const chunk = message.message as HelperChunk;
        chunk.results.forEach((result, offset) => (results[chunk.start + offset] = result));
        this.lastHelperShare += chunk.results.length;
      }
    });
    if (this.broken) void this.dispose();
    // Fill the holes a helper that died mid-job left, and redo files with syntax errors here:
    // helpers do not load TypeScript, whose forgiving parser reads broken files.
    for (let i = 0; i < files.length; i++) {
      const result = results[i];
      if (result === undefined || ('errors' in result && result.errors.length > 0)) {
        results[i] = this.extractHere(files[i] as FileToExtract, maxFileSize);
      }
    }
    return results as FileExtraction[];
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
