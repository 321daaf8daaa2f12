import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  parentPort,
  receiveMessageOnPort,
  Worker,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { extractFile, type FileExtraction, type FileToExtract } from '../core/extract';
import type { FileSystemPort } from '../core/ports';
import { NodeFileSystem } from './node-file-system';

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
   * @param workerScript The bundle that runs {@link runParseHelper} (`dist/parse-worker.js`).
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
      for (let i = start; i < end; i++)
        results[i] = extractFile(this.fs, files[i] as FileToExtract, maxFileSize);
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
    // A helper that died mid-job leaves holes: fill them on this thread.
    for (let i = 0; i < files.length; i++) {
      results[i] ??= extractFile(this.fs, files[i] as FileToExtract, maxFileSize);
    }
    return results as FileExtraction[];
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
/** Files claimed at a time from the shared counter. */
const CHUNK = 32;
const HELPER_KIND = 'archlens-parse-helper';
/** States of a helper's slot in the shared array (slot 0 is the next-file counter). */
const IDLE = 0;
const RUNNING = 1;
const DONE = 2;
const SKIPPED = 3;

interface Helper {
  readonly worker: Worker;
  readonly port: MessagePort;
}

interface HelperJob {
  readonly files: readonly FileToExtract[];
  readonly maxFileSize: number;
  readonly shared: SharedArrayBuffer;
}

interface HelperChunk {
  readonly start: number;
  readonly results: readonly FileExtraction[];
}

/** The start of the next chunk of files, or −1 when all are claimed. */
function claim(shared: Int32Array, total: number): number {
  const start = Atomics.add(shared, 0, CHUNK);
  return start < total ? start : -1;
}

/** The body of a helper thread: runs each job it is sent until the pool terminates it. */
export function runParseHelper(port: MessagePort, parent: MessagePort): void {
  const fs = new NodeFileSystem();
  parent.on('message', (job: HelperJob & { slot: number }) => {
    const shared = new Int32Array(job.shared);
    if (Atomics.compareExchange(shared, job.slot, IDLE, RUNNING) !== IDLE) return;
    try {
      for (let start = claim(shared, job.files.length); start >= 0; start = claim(shared, job.files.length)) {
        const end = Math.min(start + CHUNK, job.files.length);
        const results: FileExtraction[] = [];
        for (let i = start; i < end; i++)
          results.push(extractFile(fs, job.files[i] as FileToExtract, job.maxFileSize));
        port.postMessage({ start, results } satisfies HelperChunk);
      }
    } finally {
      Atomics.store(shared, job.slot, DONE);
      Atomics.notify(shared, job.slot);
    }
  });
}

// When this module is a helper thread's entry (`dist/parse-worker.js`), start serving jobs.
const data = workerData as { kind?: unknown; port?: MessagePort } | null;
if (data?.kind === HELPER_KIND && data.port !== undefined && parentPort)
  runParseHelper(data.port, parentPort);
