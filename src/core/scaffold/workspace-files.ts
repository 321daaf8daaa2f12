/** Reading the workspace for a scaffold: text of files, existence, listings, package dependencies. */
import type { ScaffoldWorkspace } from './types';

/** Reads a file relative to the root as UTF-8, or `undefined`. */
export function readText(ws: ScaffoldWorkspace, relPath: string): string | undefined {
  const bytes = ws.fs.readFile(`${ws.model.root}/${relPath}`);
  if (bytes === undefined) return undefined;
  // A port that hands out the same bytes again (one that remembers its reads) is decoded once.
  let text = decoded.get(bytes);
  if (text === undefined) decoded.set(bytes, (text = new TextDecoder().decode(bytes)));
  return text;
}

const decoded = new WeakMap<Uint8Array, string>();

/** Whether anything (file or folder) exists at the path relative to the root. */
export function exists(ws: ScaffoldWorkspace, relPath: string): boolean {
  return ws.fs.stat(`${ws.model.root}/${relPath}`) !== undefined;
}

/** TypeScript sources (not declarations) of the model. */
export function tsFiles(ws: ScaffoldWorkspace): readonly string[] {
  // Asked many times per plan (and per assistant answer): once per model.
  let files = tsFilesOf.get(ws.model);
  if (files === undefined) {
    files = ws.model.files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
    tsFilesOf.set(ws.model, files);
  }
  return files;
}

const tsFilesOf = new WeakMap<object, readonly string[]>();

/** Script files directly inside a folder (`.` for the root). */
export function filesIn(ws: ScaffoldWorkspace, folder: string): string[] {
  return tsFiles(ws).filter((f) => dirname(f) === folder);
}

/** The dependencies and devDependencies named in the package.json of the folder or the nearest above it. */
export function dependencies(ws: ScaffoldWorkspace, folder = '.'): Set<string> {
  const found = new Set<string>();
  for (let dir = folder; ; dir = dirname(dir)) {
    const text = readText(ws, dir === '.' ? 'package.json' : `${dir}/package.json`);
    if (text !== undefined) {
      try {
        const json = JSON.parse(text) as Record<string, unknown>;
        for (const key of ['dependencies', 'devDependencies', 'peerDependencies']) {
          const deps = json[key];
          if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) found.add(name);
        }
      } catch {
        // A malformed package.json names no dependencies.
      }
    }
    if (dir === '.') return found;
  }
}

/** POSIX dirname of a relative path; `.` for a top-level file. */
export function dirname(relPath: string): string {
  const at = relPath.lastIndexOf('/');
  return at < 0 ? '.' : relPath.slice(0, at);
}

/** Joins relative POSIX segments, dropping `.`. */
export function join(...parts: string[]): string {
  return parts.filter((p) => p !== '.' && p !== '').join('/');
}

/** The file name without the folder. */
export function basename(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf('/') + 1);
}

/** A module specifier from one file to another (`./x`, `../ports/clock`), with `.js` when the workspace writes it. */
export function specifier(fromFile: string, toFile: string, jsExtension: boolean): string {
  const from = dirname(fromFile)
    .split('/')
    .filter((p) => p !== '.');
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  let spec = (up === 0 ? './' : '../'.repeat(up)) + rest;
  spec = spec
    .replace(/\.(ts|tsx)$/, '')
    .replace(/\.mts$/, '.mjs')
    .replace(/\.cts$/, '.cjs');
  if (spec.endsWith('/index')) spec = jsExtension ? spec : spec.slice(0, -'/index'.length) || '.';
  if (jsExtension && !/\.(m|c)?js$/.test(spec)) spec += '.js';
  return spec;
}

/** The workspace file a relative specifier of `fromFile` names (`./x`, `./x.js`, `./x/index`), or `undefined`. */
export function resolveRelative(ws: ScaffoldWorkspace, fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const parts = dirname(fromFile)
    .split('/')
    .filter((p) => p !== '.');
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const base = parts.join('/');
  const noJs = base.replace(/\.(m|c)?js$/, '');
  const candidates = [
    base,
    `${noJs}.ts`,
    `${noJs}.tsx`,
    `${noJs}.mts`,
    `${noJs}.cts`,
    `${base}/index.ts`,
    `${noJs}.d.ts`,
  ];
  return candidates.find(
    (c) => ws.fs.stat(`${ws.model.root}/${c}`)?.kind === 'file' && /\.(ts|tsx|mts|cts)$/.test(c),
  );
}
