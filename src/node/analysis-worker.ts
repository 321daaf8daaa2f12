import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError } from '../core/ports';
import { WorkspaceEngine } from '../core/graph';
import type { WorkspaceModel } from '../core/model';
import type { ProgressReport } from '../core/ports';
import { assessWithRuleState } from '../core/pipeline/detect-architecture';
import { recheckRules, type RuleState } from '../core/pipeline/recheck-rules';
import type {
  AnalyzeSettings,
  ArchitectureAnalysis,
  WorkerData,
  WorkerRequest,
  WorkerResponse,
} from './analysis-protocol';
import type { AnalysisCacheOptions } from '../core/cache';
import { FileAnalysisCacheStore } from './analysis-cache-store';
import { NodeFileSystem } from './node-file-system';
import { createParsePool } from './parse-pool-factory';
import { initTreeSitter } from './tree-sitter-runtime';

// Runs the engine, detection and recommendations off the extension host's main thread: a cold
// analysis of a large repository takes seconds, which must never freeze the editor.
const { root, cancel, cacheDir, version } = workerData as WorkerData;
const flag = new Int32Array(cancel);
const fileSystem = new NodeFileSystem();
const pool = createParsePool();
let engine: WorkspaceEngine | undefined;
let settings: AnalyzeSettings = { exclude: [], team: { known: false, reason: 'not analysed yet' } };
let currentId = 0;
/** What the rules of the last result ran on; kept for the quick recheck after the next update. */
let ruleState: RuleState | undefined;
/** The engine a preview made, kept for the analysis that follows with the same settings. */
let previewed: { readonly engine: WorkspaceEngine; readonly key: string } | undefined;
// Problems with the cache go to the extension host's console (the developer tools), once each.
const cache: AnalysisCacheOptions | undefined =
  cacheDir === undefined
    ? undefined
    : {
        store: new FileAnalysisCacheStore(cacheDir, root, (message) => console.warn(`ArchLens: ${message}`)),
        version: version ?? 'dev',
        onDiscard: (problem) => console.warn(`ArchLens: the analysis cache was not used (${problem})`),
      };

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

// Requests wait for the tree-sitter runtime (instantiated once, in order of arrival).
const treeSitter = initTreeSitter();
parentPort?.on('message', (request: WorkerRequest) => void treeSitter.then(() => handle(request)));

function handle(request: WorkerRequest): void {
  currentId = request.id;
  try {
    if (request.type === 'preview') {
      settings = request.settings;
      const fresh = newEngine();
      previewed = { engine: fresh, key: engineKey(settings) };
      const model = fresh.cachedModel();
      post({ type: 'preview', id: request.id, result: model ? assess(model) : null });
    } else if (request.type === 'analyze' || !engine) {
      if (request.type === 'analyze') settings = request.settings;
      engine = previewed?.key === engineKey(settings) ? previewed.engine : newEngine();
      previewed = undefined;
      const result = assess(engine.analyze());
      post({ type: 'result', id: request.id, result: { ...result, warmStart: engine.warmStartReport } });
      saveCodeCache();
    } else {
      const previous = ruleState;
      ruleState = undefined;
      const { model, delta } = engine.update(request.changes);
      // The changed files' diagnostics at once; the whole result follows when detection is done.
      const rules =
        previous &&
        recheckRules(
          fileSystem,
          previous,
          delta,
          request.changes.map((c) => c.path),
          settings.maxFileSize,
        );
      if (rules) post({ type: 'rules', id: request.id, rules });
      post({ type: 'result', id: request.id, result: assess(model) });
      scheduleSave();
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
}

/** Set by dist/analysis-worker.js: writes the V8 code cache (once) with what has been compiled. */
function saveCodeCache(): void {
  const save = (globalThis as Record<symbol, unknown>)[Symbol.for('archlens.saveCodeCache')];
  if (typeof save === 'function') setTimeout(() => (save as () => void)(), 0);
}

function newEngine(): WorkspaceEngine {
  return new WorkspaceEngine(fileSystem, root, {
    exclude: settings.exclude,
    ...(settings.maxFileSize === undefined ? {} : { maxFileSize: settings.maxFileSize }),
    signal,
    progress,
    extraction: pool,
    ...(cache ? { cache } : {}),
  });
}

function engineKey(of: AnalyzeSettings): string {
  return JSON.stringify([of.exclude, of.maxFileSize ?? null]);
}

/** After updates, the snapshot is written once edits pause (an analysis writes its own). */
const SAVE_AFTER_UPDATES_MS = 5000;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleSave(): void {
  if (!cache) return;
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    engine?.saveCache();
  }, SAVE_AFTER_UPDATES_MS);
}

function assess(model: WorkspaceModel): ArchitectureAnalysis {
  progress.report({ phase: 'detect', done: 0, message: 'Detecting patterns' });
  ruleState = undefined;
  const assessed = assessWithRuleState(fileSystem, model, {
    team: settings.team,
    ...(settings.maxFileSize === undefined ? {} : { maxFileSize: settings.maxFileSize }),
  });
  ruleState = assessed.ruleState;
  return { model, ...assessed.assessment };
}
