// The extension's analysis worker (dist/analysis-worker.js): runs the worker bundle
// (dist/analysis-worker-main.js, which carries TypeScript) through V8's code cache as the CLI
// does (src/node/code-cache.ts), so that a window opening after the first does not compile 15 MB
// of JavaScript again. The worker is terminated rather than exited, so the cache is written when
// the worker has posted its first analysis (what it compiled by then is in it), or after 20 s.
import * as path from 'node:path';
import { runThroughCodeCache } from './code-cache';

// `ARCHLENS_WORKER_CODE_CACHE_DELAY_MS` shortens the wait (tests).
const delay = Number(process.env['ARCHLENS_WORKER_CODE_CACHE_DELAY_MS']);
const SAVE_AFTER_MS = Number.isFinite(delay) && delay >= 0 ? delay : 20_000;

const run = runThroughCodeCache(path.join(__dirname, 'analysis-worker-main.js'), 'worker', 'manual');
// The worker asks for the cache to be written once it posted its first result (see SAVE_CODE_CACHE).
(globalThis as Record<symbol, unknown>)[Symbol.for('archlens.saveCodeCache')] = () => run.save();
setTimeout(() => run.save(), SAVE_AFTER_MS).unref();
