// Bundles the evaluation programs and a private copy of the CLI into node_modules/.cache/archlens-eval,
// so evaluation never races other builds that rewrite dist/ and out/. Native bindings resolve from
// the repository's node_modules because the output folder sits inside it.
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** Where the bundles go. */
export const EVAL_OUT = path.join(root, 'node_modules', '.cache', 'archlens-eval');

/** Builds `eval-fixtures.js`, `cli.js` and `parse-worker.js` into {@link EVAL_OUT}. */
export async function buildEval() {
  await mkdir(EVAL_OUT, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    sourcemap: 'inline',
    entryPoints: {
      'eval-fixtures': 'test/eval/eval-fixtures.ts',
      cli: 'src/cli/bin.ts',
      'parse-worker': 'src/node/parse-helper.ts',
    },
    outdir: EVAL_OUT,
    // As in esbuild.mjs: the CommonJS build of web-tree-sitter (its ESM build uses import()).
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
    banner: { js: "const __archlensImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__archlensImportMetaUrl', ARCHLENS_VERSION: '"eval"' },
    plugins: [
      {
        name: 'native-externals',
        setup(build) {
          build.onResolve({ filter: /^@oxc-parser\/binding-|\.node$/ }, (args) => ({
            path: args.path,
            external: true,
          }));
        },
      },
    ],
  });
  return EVAL_OUT;
}
