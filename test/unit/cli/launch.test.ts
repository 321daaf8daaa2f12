import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// The `archlens` executable (dist/cli.js, built by `npm run build`) runs the CLI bundle through
// V8's code cache in <tmp>/archlens-compile-cache.
const cli = path.resolve('dist/cli.js');
const shop = path.resolve('examples/shop');

function runCli(tmp: string, env: Record<string, string> = {}): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [cli, 'graph', shop, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, ...env },
  });
  return { status: result.status, stdout: result.stdout };
}

function caches(tmp: string): string[] {
  try {
    return readdirSync(path.join(tmp, 'archlens-compile-cache')).filter((name) => name.endsWith('.bin'));
  } catch {
    return [];
  }
}

describe('archlens executable: V8 code cache', function () {
  this.timeout(60_000);
  let tmp: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'archlens-launch-'));
  });

  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the cache on the first run and reads it, unchanged, on the next, with the same output', () => {
    const first = runCli(tmp);
    assert.equal(first.status, 0);
    const [cache] = caches(tmp);
    assert.ok(cache, 'a cache file was written');
    const file = path.join(tmp, 'archlens-compile-cache', cache);
    const written = statSync(file).mtimeMs;
    const second = runCli(tmp);
    assert.equal(second.status, 0);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(file).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('runs on, and writes a fresh cache, when the cache is corrupt', () => {
    const expected = runCli(tmp).stdout;
    const [cache] = caches(tmp);
    assert.ok(cache);
    const file = path.join(tmp, 'archlens-compile-cache', cache);
    writeFileSync(file, 'not a code cache');
    const again = runCli(tmp);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, expected);
    assert.ok(statSync(file).size > 1_000_000, 'the corrupt cache was replaced');
  });

  it('writes nothing with ARCHLENS_NO_COMPILE_CACHE=1', () => {
    assert.equal(runCli(tmp, { ARCHLENS_NO_COMPILE_CACHE: '1' }).status, 0);
    assert.deepEqual(caches(tmp), []);
  });
});
