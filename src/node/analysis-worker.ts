import { parentPort, workerData } from 'node:worker_threads';
import {
  CancelledError,
  detectArchitecture,
  WorkspaceEngine,
  type ProgressReport,
  type WorkspaceModel,
} from '../core';
import type { WorkerData, WorkerRequest, WorkerResponse } from './analysis-protocol';
import { NodeFileSystem } from './node-file-system';
import { createParsePool } from './parse-pool-factory';

// Runs the engine off the extension host's main thread: a cold analysis of a large repository
// takes seconds, which must never freeze the editor.
const { root, cancel } = workerData as WorkerData;
const flag = new Int32Array(cancel);
const fileSystem = new NodeFileSystem();
const pool = createParsePool();
let engine: WorkspaceEngine | undefined;
let authors: number | undefined;
let currentId = 0;

function post(message: WorkerResponse): void {
  parentPort?.postMessage(message);
}

const signal = {
  get isCancellationRequested(): boolean {
    return Atomics.load(flag, 0) === 1;
  },
};
const progress = {
  report: (report: ProgressReport) => post({ type: 'progress', id: currentId, progress: report }),
};

parentPort?.on('message', (request: WorkerRequest) => {
  currentId = request.id;
  try {
    if (request.type === 'analyze' || !engine) {
      const exclude = request.type === 'analyze' ? request.exclude : [];
      authors = request.type === 'analyze' ? request.authors : undefined;
      engine = new WorkspaceEngine(fileSystem, root, { exclude, signal, progress, extraction: pool });
      post({ type: 'result', id: request.id, result: withDetection(engine.analyze()) });
    } else {
      post({ type: 'result', id: request.id, result: withDetection(engine.update(request.changes).model) });
    }
  } catch (error) {
    if (error instanceof CancelledError) {
      engine = undefined;
      post({ type: 'cancelled', id: request.id });
    } else {
      post({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  } finally {
    Atomics.store(flag, 0, 0);
  }
});

function withDetection(model: WorkspaceModel) {
  progress.report({ phase: 'detect', done: 0, message: 'Detecting patterns' });
  return {
    model,
    detection: detectArchitecture(fileSystem, model, authors === undefined ? {} : { authors }),
  };
}
