import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// The `archlens` executable (dist/cli.js, built by `npm run build`) runs the CLI bundle through
// V8's code cache, kept in a per-user cache folder: $XDG_CACHE_HOME/archlens (else
// ~/.cache/archlens) on POSIX, %LOCALAPPDATA%\archlens on Windows. Each test points
// XDG_CACHE_HOME (and TMPDIR, where the cache used to live) at a fresh temp folder.
const cli = path.resolve('dist/cli.js');
const shop = path.resolve('examples/shop');
const posix = process.platform !== 'win32';

function runCli(tmp: string, env: Record<string, string> = {}): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [cli, 'graph', shop, '--json'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TMPDIR: path.join(tmp, 'tmp'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
      LOCALAPPDATA: path.join(tmp, 'cache'),
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout };
}

const cacheDir = (tmp: string): string => path.join(tmp, 'cache', 'archlens');

function caches(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.bin'));
  } catch {
    return [];
  }
}

describe('archlens executable: V8 code cache', function () {
  this.timeout(60_000);
  let tmp: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'archlens-launch-'));
    mkdirSync(path.join(tmp, 'tmp'));
  });

  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the cache on the first run and reads it, unchanged, on the next, with the same output', () => {
    const first = runCli(tmp);
    assert.equal(first.status, 0);
    const [cache] = caches(cacheDir(tmp));
    assert.ok(cache, 'a cache file was written');
    const file = path.join(cacheDir(tmp), cache);
    const written = statSync(file).mtimeMs;
    const second = runCli(tmp);
    assert.equal(second.status, 0);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(file).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('keeps the cache in a per-user folder only its owner can enter, never in the shared temp folder', () => {
    assert.equal(runCli(tmp).status, 0);
    assert.equal(caches(cacheDir(tmp)).length, 1);
    assert.deepEqual(readdirSync(path.join(tmp, 'tmp')), [], 'nothing in TMPDIR');
    if (posix) assert.equal(statSync(cacheDir(tmp)).mode & 0o777, 0o700);
  });

  it('falls back to ~/.cache/archlens when XDG_CACHE_HOME is unset or relative (skipped off POSIX)', function () {
    if (!posix) this.skip();
    const home = path.join(tmp, 'home');
    mkdirSync(home);
    assert.equal(runCli(tmp, { HOME: home, XDG_CACHE_HOME: 'relative/cache' }).status, 0);
    assert.equal(caches(path.join(home, '.cache', 'archlens')).length, 1);
  });

  it('runs on, and writes a fresh cache, when the cache is corrupt', () => {
    const expected = runCli(tmp).stdout;
    const [cache] = caches(cacheDir(tmp));
    assert.ok(cache);
    const file = path.join(cacheDir(tmp), cache);
    writeFileSync(file, 'not a code cache');
    const again = runCli(tmp);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, expected);
    assert.ok(statSync(file).size > 1_000_000, 'the corrupt cache was replaced');
  });

  /** A cache planted (as 'not a code cache') in a folder made unsafe by `spoil`: it must be left alone. */
  function plantedCacheIsIgnored(spoil: (dir: string) => void): void {
    const expected = runCli(tmp).stdout;
    const [cache] = caches(cacheDir(tmp));
    assert.ok(cache);
    const file = path.join(cacheDir(tmp), cache);
    writeFileSync(file, 'not a code cache');
    spoil(cacheDir(tmp));
    const again = runCli(tmp);
    assert.equal(again.status, 0);
    assert.equal(again.stdout, expected);
    // Read, it would have been rejected and replaced (see above): untouched means never opened.
    assert.equal(
      readFileSync(file, 'utf8'),
      'not a code cache',
      'the cache in the unsafe folder was ignored',
    );
  }

  it('ignores a cache folder that others can write to (skipped off POSIX)', function () {
    if (!posix) this.skip();
    plantedCacheIsIgnored((dir) => chmodSync(dir, 0o777));
  });

  it('ignores a cache folder owned by another user (skipped unless root on POSIX: chown needs it)', function () {
    if (!posix || process.getuid?.() !== 0) this.skip(); // chown to another uid needs root
    plantedCacheIsIgnored((dir) => chownSync(dir, 4242, 4242));
  });

  it('does not use a (valid) cache file owned by another user: it writes its own in its place (skipped unless root on POSIX)', function () {
    if (!posix || process.getuid?.() !== 0) this.skip();
    const expected = runCli(tmp).stdout;
    const [cache] = caches(cacheDir(tmp));
    assert.ok(cache);
    const file = path.join(cacheDir(tmp), cache);
    chownSync(file, 4242, 4242);
    const again = runCli(tmp);
    assert.equal(again.stdout, expected);
    // Accepted, it would have been left as it was (first test); replaced means it was not used.
    assert.equal(statSync(file).uid, process.getuid?.(), 'replaced by a cache of this user');
  });

  it('writes nothing with ARCHLENS_NO_COMPILE_CACHE=1', () => {
    assert.equal(runCli(tmp, { ARCHLENS_NO_COMPILE_CACHE: '1' }).status, 0);
    assert.deepEqual(caches(cacheDir(tmp)), []);
  });
});
