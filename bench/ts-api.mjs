#!/usr/bin/env node
// The TypeScript-API baseline: for every JS/TS source file, `ts.preProcessFile` lists its
// imports and `ts.resolveModuleName` resolves each one with the compiler options of the
// nearest tsconfig.json (one ModuleResolutionCache per tsconfig), as a language service would.
// Usage: node bench/ts-api.mjs <dir>  → prints counts as JSON on stdout.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { listSourceFiles } from './lib/source-files.mjs';

const root = process.argv[2] && path.resolve(process.argv[2]);
if (!root) {
  console.error('usage: node bench/ts-api.mjs <dir>');
  process.exit(2);
}

const DEFAULT_OPTIONS = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
};
const getCanonicalFileName = (f) => f;
/** Per folder: the nearest tsconfig's options and resolution cache. */
const configByDir = new Map();
const configByFile = new Map();
const parseHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };

function configFor(dir) {
  const known = configByDir.get(dir);
  if (known) return known;
  let found;
  const candidate = path.join(dir, 'tsconfig.json');
  if (existsSync(candidate)) {
    found = configByFile.get(candidate);
    if (!found) {
      const parsed = ts.getParsedCommandLineOfConfigFile(candidate, {}, parseHost);
      const options = { ...(parsed?.options ?? DEFAULT_OPTIONS), allowJs: true };
      found = { options, cache: ts.createModuleResolutionCache(dir, getCanonicalFileName, options) };
      configByFile.set(candidate, found);
    }
  } else if (dir === root || path.dirname(dir) === dir) {
    found = {
      options: DEFAULT_OPTIONS,
      cache: ts.createModuleResolutionCache(root, getCanonicalFileName, DEFAULT_OPTIONS),
    };
  } else {
    found = configFor(path.dirname(dir));
  }
  configByDir.set(dir, found);
  return found;
}

let imports = 0;
let resolved = 0;
let external = 0;
const files = listSourceFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const { options, cache } = configFor(path.dirname(file));
  const mode = ts.getImpliedNodeFormatForFile(file, cache.getPackageJsonInfoCache(), ts.sys, options);
  for (const ref of info.importedFiles) {
    imports++;
    const result = ts.resolveModuleName(ref.fileName, file, options, ts.sys, cache, undefined, mode);
    const module = result.resolvedModule;
    if (module) {
      resolved++;
      if (module.isExternalLibraryImport) external++;
    }
  }
}
process.stdout.write(
  JSON.stringify({ files: files.length, imports, resolved, external, tsconfigs: configByFile.size }) + '\n',
);
