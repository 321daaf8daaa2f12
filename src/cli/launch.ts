// The `archlens` executable (dist/cli.js): runs the CLI bundle (dist/cli-main.js, which carries
// TypeScript and is 15 MB) through V8's code cache, kept in the temp folder, so that every run
// after the first skips compiling it (about 0.3–0.4 s). TypeScript's own `tsc` does the same
// through Node 22's compile cache; Node 20 has none, hence `vm.Script` with `cachedData`.
// Nothing of the workspace is involved; a cache that is missing, stale or unwritable is ignored.
// `ARCHLENS_NO_COMPILE_CACHE=1` turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

const main = path.join(__dirname, 'cli-main.js');
const source = readFileSync(main, 'utf8');
const cacheFile = process.env['ARCHLENS_NO_COMPILE_CACHE'] === '1' ? undefined : cachePath(main);
let cachedData: Buffer | undefined;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  // no cache yet
}
const script = new Script(wrap(source), { filename: main, ...(cachedData ? { cachedData } : {}) });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected === true)) {
  // At exit, so that the functions the run compiled lazily are in the cache too.
  process.once('exit', () => saveCache(cacheFile, script));
}
const run = script.runInThisContext() as (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;
const module = { exports: {} };
run(module.exports, createRequire(main), module, main, __dirname);

/** One file per build of the bundle and per Node version: a rebuilt bundle never meets an old cache. */
function cachePath(file: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    const key = createHash('sha256')
      .update(`${file}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`)
      .digest('hex')
      .slice(0, 16);
    return path.join(tmpdir(), 'archlens-compile-cache', `cli-${key}.bin`);
  } catch {
    return undefined;
  }
}

function saveCache(file: string, compiled: Script): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, compiled.createCachedData());
    renameSync(temporary, file);
    pruneOldCaches(path.dirname(file));
  } catch {
    // a read-only or full temp folder: the next run compiles again
  }
}

/** Keeps the few newest caches (each ~10 MB): one per build or install still in use. */
function pruneOldCaches(dir: string): void {
  const caches = readdirSync(dir)
    .filter((name) => /^cli-[0-9a-f]{16}\.bin$/.test(name))
    .map((name) => ({ file: path.join(dir, name), at: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of caches.slice(KEPT_CACHES)) rmSync(old.file, { force: true });
}

const KEPT_CACHES = 3;
