// Bundles a bench program written in TypeScript (it imports src/core) into one CommonJS file,
// the way esbuild.mjs bundles the CLI: oxc's native binding stays external.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Bundles `entry` into `outfile` with the repository's esbuild.
 * @returns {{ ok: boolean, stderr: string }}
 */
export function bundleBenchTool(repoRoot, entry, outfile) {
  const result = spawnSync(
    path.join(repoRoot, 'node_modules', '.bin', 'esbuild'),
    [
      entry,
      '--bundle',
      '--platform=node',
      '--target=node20',
      '--format=cjs',
      `--outfile=${outfile}`,
      '--external:@oxc-parser/*',
      '--external:*.node',
      "--banner:js=const __archlensImportMetaUrl = require('url').pathToFileURL(__filename).href;",
      '--define:import.meta.url=__archlensImportMetaUrl',
      '--define:ARCHLENS_VERSION="bench"',
      // As in esbuild.mjs: web-tree-sitter's CommonJS build.
      '--alias:web-tree-sitter=./node_modules/web-tree-sitter/web-tree-sitter.cjs',
      '--log-level=error',
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return { ok: result.status === 0, stderr: result.stderr ?? '' };
}
