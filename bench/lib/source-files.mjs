// The JavaScript/TypeScript files of a folder, walked the way ArchLens's scanner walks it: the
// same default-excluded folder names at any depth (mirrors src/core/scan/default-excludes.ts;
// .gitignore is not read here, so the floor reads a superset of what ArchLens reads).
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const EXCLUDED_FOLDERS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.pnpm-store',
  '.yarn',
  'vendor',
  'dist',
  'build',
  'out',
  'target',
  '.output',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.angular',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.vercel',
  '.netlify',
  '.serverless',
  '.aws-sam',
  '.terraform',
  '.gradle',
  'coverage',
  '.nyc_output',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.idea',
  '.vs',
]);

export const SOURCE_EXTENSION = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Absolute paths of every JS/TS source file under `root`, in a stable order. */
export function listSourceFiles(root) {
  const found = [];
  const stack = [path.resolve(root)];
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!EXCLUDED_FOLDERS.has(entry.name)) stack.push(path.join(dir, entry.name));
      } else if (entry.isFile() && SOURCE_EXTENSION.test(entry.name)) {
        found.push(path.join(dir, entry.name));
      }
    }
  }
  return found.sort();
}

/** The regular expression form of the excluded folders, for peers' `--exclude` options. */
export const EXCLUDED_FOLDERS_PATTERN = `(^|/)(${[...EXCLUDED_FOLDERS].map((n) => n.replace(/\./g, '\\.')).join('|')})/`;
