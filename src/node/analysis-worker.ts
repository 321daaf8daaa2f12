import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError } from '../core/ports';
import { WorkspaceEngine } from '../core/graph';
import type { WorkspaceModel } from '../core/model';
import type { ProgressReport } from '../core/ports';
import { assessArchitecture } from '../core/pipeline/detect-architecture';
import type {
  AnalyzeSettings,
  ArchitectureAnalysis,
  WorkerData,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';
import { NodeFileSystem } from './node-file-system';
import { createParsePool } from './parse-pool-factory';

// Runs the engine, detection and recommendations off the extension host's main thread: a cold
// analysis of a large repository takes seconds, which must never freeze the editor.
const { root, cancel } = workerData as WorkerData;
const flag = new Int32Array(cancel);
const fileSystem = new NodeFileSystem();
const pool = createParsePool();
let engine: WorkspaceEngine | undefined;
let settings: AnalyzeSettings = { exclude: [], team: { known: false, reason: 'not analysed yet' } };
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
      if (request.type === 'analyze') settings = request.settings;
      engine = new WorkspaceEngine(fileSystem, root, {
        exclude: settings.exclude,
        ...(settings.maxFileSize === undefined ? {} : { maxFileSize: settings.maxFileSize }),
        signal,
        progress,
        extraction: pool,
      });
      post({ type: 'result', id: request.id, result: assess(engine.analyze()) });
    } else {
      post({ type: 'result', id: request.id, result: assess(engine.update(request.changes).model) });
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

function assess(model: WorkspaceModel): ArchitectureAnalysis {
  progress.report({ phase: 'detect', done: 0, message: 'Detecting patterns' });
  const assessment = assessArchitecture(fileSystem, model, {
    team: settings.team,
    ...(settings.maxFileSize === undefined ? {} : { maxFileSize: settings.maxFileSize }),
  });
  return { model, ...assessment };
}
