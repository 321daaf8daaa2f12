#!/usr/bin/env node
// Builds skott's graph of the current directory through its API and prints edge counts.
// Run with cwd = the workspace; argv[2] is the skott package folder (bench/.peers/skott).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const prefix = process.argv[2];
const { default: skott } = await import(
  pathToFileURL(path.join(prefix, 'node_modules', 'skott', 'dist', 'index.js')).href
);
const instance = await skott({
  fileExtensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'], // all skott accepts
  tsConfigPath: existsSync('tsconfig.json') ? 'tsconfig.json' : undefined,
  dependencyTracking: { thirdParty: true, builtin: true, typeOnly: true },
  ignorePatterns: ['**/node_modules/**', '**/dist/**', '**/build/**'],
  includeBaseDir: false,
  incremental: false,
  verbose: false,
});
const { graph } = instance.getStructure();
let files = 0;
let internal = 0;
let thirdParty = 0;
let builtin = 0;
for (const node of Object.values(graph)) {
  files++;
  internal += node.adjacentTo.length;
  thirdParty += node.body.thirdPartyDependencies?.length ?? 0;
  builtin += node.body.builtinDependencies?.length ?? 0;
}
process.stdout.write(JSON.stringify({ files, internal, thirdParty, builtin }) + '\n');
