#!/usr/bin/env node
// The floor: read every JS/TS source file of a folder and parse it with oxc-parser's parseSync,
// nothing else. No engine can read and parse the same files faster in one Node process, so
// ArchLens's cold analysis is reported as a multiple of this.
// Usage: node bench/floor.mjs <dir>  → prints {"files":N,"bytes":N,"errors":N} on stdout.
import { readFileSync } from 'node:fs';
import { parseSync } from 'oxc-parser';
import { listSourceFiles } from './lib/source-files.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/floor.mjs <dir>');
  process.exit(2);
}
let bytes = 0;
let errors = 0;
let statements = 0;
const files = listSourceFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  const result = parseSync(file, text);
  if (result.errors.length > 0) errors++;
  statements += result.program.body.length;
}
process.stdout.write(JSON.stringify({ files: files.length, bytes, errors, statements }) + '\n');
