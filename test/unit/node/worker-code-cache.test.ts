import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// Starts dist/analysis-worker.js as the extension does (a worker thread), asks for one analysis
// and stops it once the result is there (plus `waitMs`).
// A loaded machine takes a while to write 10 MB: the driver waits (up to 30 s) until a cache
// file is there, or until the worker has been idle for `waitMs` when none is expected.
const driver = `
const { existsSync, readdirSync } = require('node:fs');
const { Worker } = require('node:worker_threads');
const [script, root, waitMs, cacheDir] = process.argv.slice(1);
const worker = new Worker(script, { workerData: { root, cancel: new SharedArrayBuffer(4) } });
const written = () => existsSync(cacheDir) && readdirSync(cacheDir).some((n) => n.endsWith('.bin'));
worker.on('message', (m) => {
  if (m.type === 'progress') return;
  console.log(JSON.stringify({ type: m.type, files: m.result ? m.result.model.files.length : undefined }));
  const until = Date.now() + 30000;
  const poll = () => (written() || Date.now() > until ? setTimeout(() => worker.terminate(), Number(waitMs)) : setTimeout(poll, 100));
  setTimeout(poll, Number(waitMs));
});
worker.postMessage({ type: 'analyze', id: 1, settings: { exclude: [], team: { known: false, reason: 'test' } } });
`;

describe('analysis worker: V8 code cache', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(tmpdir(), 'archlens-worker-cache-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  function start(env: Record<string, string>): string {
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        driver,
        path.resolve('dist/analysis-worker.js'),
        path.resolve('examples/shop'),
        '500',
        path.join(tmp, 'archlens'),
      ],
      { env: { ...process.env, XDG_CACHE_HOME: tmp, ...env }, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  }

  it('writes its cache once it has analysed, and gives the same result from it', () => {
    const first = start({ ARCHLENS_WORKER_CODE_CACHE_DELAY_MS: '0' });
    assert.match(first, /"type":"result"/);
    const dir = path.join(tmp, 'archlens');
    const caches = readdirSync(dir).filter((name) => /^worker-[0-9a-f]{16}\.bin$/.test(name));
    assert.equal(caches.length, 1, readdirSync(dir).join(', '));
    const file = path.join(dir, caches[0] ?? '');
    const written = statSync(file).mtimeMs;
    assert.ok(statSync(file).size > 1_000_000);
    // Accepted on the next start: the same result, and the cache is not written again.
    assert.equal(start({ ARCHLENS_WORKER_CODE_CACHE_DELAY_MS: '0' }), first);
    assert.equal(statSync(file).mtimeMs, written);
  });

  it('writes nothing with ARCHLENS_NO_COMPILE_CACHE=1', () => {
    start({ ARCHLENS_NO_COMPILE_CACHE: '1', ARCHLENS_WORKER_CODE_CACHE_DELAY_MS: '0' });
    assert.deepEqual(readdirSync(tmp), []);
  });
});
