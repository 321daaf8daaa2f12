// Bundles the three programs of ArchLens: the extension host (cjs, node), the CLI (node, with a
// shebang) and the webview (browser), plus the mocha test bundles. `--watch` rebuilds on change,
// `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import { chmod, cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = path.dirname(new URL(import.meta.url).pathname);

// oxc-parser is ESM and loads its native binding with createRequire(import.meta.url); in a
// CommonJS bundle import.meta.url must be provided, and the binding package stays external and
// is copied next to the bundles (dist/node_modules) so the .vsix carries it.
const importMetaUrl = {
  banner: { js: "const __archlensImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__archlensImportMetaUrl' },
};
const nativeExternals = {
  name: 'native-externals',
  setup(build) {
    build.onResolve({ filter: /^@oxc-parser\/binding-|\.node$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// web-tree-sitter's ESM build loads `module` with a dynamic import(), which fails in bundles run
// through V8's code cache (dist/cli.js, dist/analysis-worker.js): take its CommonJS build.
const treeSitterCjs = { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' };

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [nativeExternals],
  alias: treeSitterCjs,
  ...importMetaUrl,
  define: { ...importMetaUrl.define, ARCHLENS_VERSION: JSON.stringify(pkg.version) },
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  {
    ...nodeCommon,
    entryPoints: {
      extension: 'src/extension/extension.ts',
      // The worker proper; dist/analysis-worker.js (below) runs it through V8's code cache.
      'analysis-worker-main': 'src/node/analysis-worker.ts',
      'analysis-worker': 'src/node/worker-launch.ts',
      'parse-worker': 'src/node/parse-helper.ts',
    },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    // The CLI proper; dist/cli.js (below) runs it through V8's code cache.
    ...nodeCommon,
    entryPoints: { 'cli-main': 'src/cli/bin.ts' },
    outdir: 'dist',
  },
  {
    ...nodeCommon,
    entryPoints: { cli: 'src/cli/launch.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'text' },
  },
];

// Test bundles are only built in development: unit tests run in plain Node, integration tests
// inside the VS Code extension host (where `vscode` is provided).
const unitTestExternals = [
  'ts-morph',
  '@ts-morph/*',
  'typescript',
  'fast-check',
  'yaml',
  'zod',
  'ignore',
  'dependency-cruiser',
  'eslint',
  'eslint-plugin-boundaries',
  'typescript-eslint',
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/sdk/*',
];

if (!production) {
  const unitEntries = await collectTests('test/unit');
  if (unitEntries.length > 0) {
    targets.push({
      ...nodeCommon,
      entryPoints: unitEntries,
      outdir: 'out/test/unit',
      outbase: 'test/unit',
      sourcemap: 'inline',
      // Unit tests run from this repository, so the large CommonJS packages load from
      // node_modules instead of being copied (with inline source maps) into every test bundle.
      external: unitTestExternals,
    });
  }
  const integrationEntries = await collectTests('test/integration');
  if (integrationEntries.length > 0) {
    targets.push({
      ...nodeCommon,
      entryPoints: integrationEntries,
      outdir: 'out/test/integration',
      outbase: 'test/integration',
      external: ['vscode', 'mocha'],
      sourcemap: 'inline',
    });
  }
}

/** Like Promise.allSettled over `items.map(run)`, with at most `limit` running at once (memory). */
async function settleWithLimit(items, limit, run) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await run(items[index]) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function collectTests(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = entry.name;
    if (name.endsWith('.test.ts') || name === 'index.ts') {
      found.push(path.join(entry.parentPath, name));
    }
  }
  return found.sort();
}

async function copyNativeBindings() {
  const from = path.join(root, 'node_modules', '@oxc-parser');
  const to = path.join(root, 'dist', 'node_modules', '@oxc-parser');
  await rm(to, { recursive: true, force: true });
  if (!existsSync(from)) return;
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (name.startsWith('binding-'))
      await cp(path.join(from, name), path.join(to, name), { recursive: true });
  }
}

// The tree-sitter runtime and the grammars of Java, Kotlin, C#, Go and Python: WebAssembly, so one
// .vsix serves every platform. Copied next to the bundles (dist/grammars), loaded on first use.
const TREE_SITTER_WASM = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
  ['@tree-sitter-grammars/tree-sitter-kotlin', 'tree-sitter-kotlin.wasm'],
  ['tree-sitter-c-sharp', 'tree-sitter-c_sharp.wasm'],
  ['tree-sitter-go', 'tree-sitter-go.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
];

async function copyGrammars() {
  const to = path.join(root, 'dist', 'grammars');
  await mkdir(to, { recursive: true });
  for (const [pkgName, file] of TREE_SITTER_WASM)
    await cp(path.join(root, 'node_modules', pkgName, file), path.join(to, file));
}

// Entries whose source does not exist yet are skipped, so a partial tree still builds.
const buildable = targets.filter((t) =>
  Array.isArray(t.entryPoints)
    ? t.entryPoints.length > 0
    : Object.values(t.entryPoints).every((p) => existsSync(p)),
);

if (!watch) await rm(path.join(root, 'out'), { recursive: true, force: true });
// A production build starts from an empty dist/, so nothing stale (source maps) reaches the .vsix.
if (production) await rm(path.join(root, 'dist'), { recursive: true, force: true });
await copyNativeBindings();
await copyGrammars();
// The config schema ships in dist/ for the `jsonValidation` contribution.
await mkdir(path.join(root, 'dist'), { recursive: true });
await cp(
  path.join(root, 'schemas/archlens.config.schema.json'),
  path.join(root, 'dist/archlens.config.schema.json'),
);

if (watch) {
  const contexts = await Promise.all(buildable.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[archlens] watching for changes…');
} else {
  // Each target (and each unit-test file) builds on its own, so one broken file does not hide
  // the rest while developing; under CI or --production any failure fails the build.
  const strict = production || process.env.CI === 'true' || process.argv.includes('--strict');
  const jobs = buildable.flatMap((t) =>
    Array.isArray(t.entryPoints) && !strict
      ? t.entryPoints.map((entry) => ({ ...t, entryPoints: [entry] }))
      : [t],
  );
  const results = await settleWithLimit(jobs, 4, (t) => esbuild.build({ ...t, logLevel: 'silent' }));
  const failed = results.filter((r) => r.status === 'rejected');
  for (const failure of failed) console.error(String(failure.reason?.message ?? failure.reason));
  if (failed.length > 0) {
    console.error(`[archlens] ${failed.length} of ${jobs.length} builds failed`);
    if (strict) process.exit(1);
  }
  if (existsSync(path.join(root, 'dist', 'cli.js'))) await chmod(path.join(root, 'dist', 'cli.js'), 0o755);
}
