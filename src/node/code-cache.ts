// Runs a large bundle through V8's code cache, kept in the user's cache folder, so that every start
// after the first skips compiling it. Used by the `archlens` executable (dist/cli.js runs
// dist/cli-main.js) and by the extension's analysis worker (dist/analysis-worker.js runs
// dist/analysis-worker-main.js): both carry TypeScript, 15 MB of JavaScript. Node 20 has no
// compile cache of its own, hence `vm.Script` with `cachedData`.
// Nothing of the workspace is involved; a cache that is missing, stale or unwritable is ignored.
// `ARCHLENS_NO_COMPILE_CACHE=1` turns it off.
// A code cache is trusted code: V8 checks it matches the source, not that it is harmless. So it
// lives in a per-user folder (0700), never a shared temp folder where another user could plant
// one under a predictable name, and a folder or file that someone else owns or may write is
// ignored (POSIX; %LOCALAPPDATA% is per-user on Windows).
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** How a bundle run through the code cache saves it. */
export interface CodeCacheRun {
  /** Writes the cache now (with the functions compiled so far) when it was missing or rejected. */
  save(): void;
}

/**
 * Runs `main` (a CommonJS bundle) with its `__dirname`, through a cache file named
 * `<prefix>-<key>.bin`. Without `saveAt: 'manual'` the cache is written at process exit, so that
 * the functions the run compiled lazily are in it too.
 */
export function runThroughCodeCache(
  main: string,
  prefix: string,
  saveAt: 'exit' | 'manual' = 'exit',
): CodeCacheRun {
  const source = readFileSync(main, 'utf8');
  const cacheFile = process.env['ARCHLENS_NO_COMPILE_CACHE'] === '1' ? undefined : cachePath(main, prefix);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readOwnFile(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new Script(wrap(source), { filename: main, ...(cachedData ? { cachedData } : {}) });
  let pending = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  const save = (): void => {
    if (!pending || cacheFile === undefined) return;
    pending = false;
    saveCache(cacheFile, script, prefix);
  };
  if (pending && saveAt === 'exit') process.once('exit', save);
  const run = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(main), module, main, path.dirname(main));
  return { save };
}

/** One file per build of the bundle and per Node version: a rebuilt bundle never meets an old cache. */
function cachePath(file: string, prefix: string): string | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    const key = createHash('sha256')
      .update(`${file}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`)
      .digest('hex')
      .slice(0, 16);
    const dir = cacheFolder();
    return dir === undefined ? undefined : path.join(dir, `${prefix}-${key}.bin`);
  } catch {
    return undefined;
  }
}

/** `$XDG_CACHE_HOME/archlens` (else `~/.cache/archlens`); `%LOCALAPPDATA%\archlens` on Windows. */
function cacheFolder(): string | undefined {
  if (process.platform === 'win32') {
    const local = process.env['LOCALAPPDATA'];
    return local && path.isAbsolute(local) ? path.join(local, 'archlens') : undefined;
  }
  // The XDG spec says a relative value is to be ignored.
  const xdg = process.env['XDG_CACHE_HOME'];
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'archlens');
  const home = homedir();
  return home && path.isAbsolute(home) ? path.join(home, '.cache', 'archlens') : undefined;
}

/** Owned by this user and writable by no one else (always true on Windows). */
function isOwnAndPrivate(stats: Stats): boolean {
  if (process.platform === 'win32') return true;
  return stats.uid === process.getuid?.() && (stats.mode & 0o022) === 0;
}

/** The cache file's bytes, or undefined when it or its folder is not this user's alone. */
function readOwnFile(file: string): Buffer | undefined {
  const dir = lstatSync(path.dirname(file));
  if (!dir.isDirectory() || !isOwnAndPrivate(dir)) return undefined;
  // Checked on the open descriptor, so the file cannot be swapped between check and read.
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    return stats.isFile() && isOwnAndPrivate(stats) ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

function saveCache(file: string, compiled: Script, prefix: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const dir = lstatSync(path.dirname(file));
    if (!dir.isDirectory() || !isOwnAndPrivate(dir)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    pruneOldCaches(path.dirname(file), prefix);
  } catch {
    // a read-only or full temp folder: the next run compiles again
  }
}

/** Keeps the few newest caches (each ~10 MB): one per build or install still in use. */
function pruneOldCaches(dir: string, prefix: string): void {
  const caches = readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}-`) && /^[a-z-]+-[0-9a-f]{16}\.bin$/.test(name))
    .map((name) => ({ file: path.join(dir, name), at: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of caches.slice(KEPT_CACHES)) rmSync(old.file, { force: true });
}

const KEPT_CACHES = 3;
