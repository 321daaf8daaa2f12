// The grammar row of the bench: every Java, Kotlin, C#, Go and Python file of a folder read and
// its imports extracted the way the engine does (tree-sitter over the file's header), then the
// same files parsed whole with the imports read from the full tree, in the same process. Prints
// per language the files, bytes, milliseconds and MB/s of both, and how many files' imports
// differ between the two (must be 0: the header holds every import).
// Usage: node bench/.work/grammar-parse.js <dir>   (bundled by run.mjs)
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractImports } from '../src/core/extract';
import { parseWith } from '../src/core/extract/tree-sitter/grammars';
import { GRAMMAR_READERS } from '../src/core/extract/tree-sitter/extractor';
import { initTreeSitter } from '../src/node/tree-sitter-runtime';

const SKIPPED =
  /^(?:\.git|node_modules|vendor|dist|build|out|target|bin|obj|\.venv|venv|__pycache__|\.gradle|\.idea)$/;

/** The files under `root` whose names `pattern` matches (the excluded folders of ArchLens's scan). */
function listSourceFiles(root: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const stack = [path.resolve(root)];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED.test(entry.name)) stack.push(path.join(dir, entry.name));
      else if (entry.isFile() && pattern.test(entry.name)) found.push(path.join(dir, entry.name));
    }
  }
  return found.sort();
}

interface Totals {
  files: number;
  bytes: number;
  headerMs: number;
  wholeMs: number;
  imports: number;
  differ: number;
  firstDiffering?: string;
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (root === undefined) throw new Error('usage: grammar-parse <dir>');
  await initTreeSitter(path.resolve(__dirname, '../..'));
  const totals = new Map<string, Totals>();
  for (const file of listSourceFiles(root, /\.(?:java|kt|kts|cs|go|py)$/)) {
    const reader = GRAMMAR_READERS.find((r) => r.extensions.some((e) => file.endsWith(e)));
    if (!reader) continue;
    const text = readFileSync(file, 'utf8');
    const t = totals.get(reader.id) ?? { files: 0, bytes: 0, headerMs: 0, wholeMs: 0, imports: 0, differ: 0 };
    totals.set(reader.id, t);
    t.files++;
    t.bytes += Buffer.byteLength(text);
    const started = performance.now();
    const header = extractImports(file, text).imports.map((i) => `${i.specifier}@${i.line}`);
    const middle = performance.now();
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const tree = parseWith(reader.id, body);
    const whole = tree ? reader.imports(tree.rootNode) : [];
    tree?.delete();
    t.wholeMs += performance.now() - middle;
    t.headerMs += middle - started;
    t.imports += header.length;
    if (whole.length !== header.length || whole.some((w, i) => !header[i]?.startsWith(`${w.specifier}@`))) {
      t.differ++;
      t.firstDiffering ??= path.relative(root, file);
    }
  }
  const out = Object.fromEntries(
    [...totals].map(([id, t]) => [
      id,
      {
        ...t,
        headerMs: Math.round(t.headerMs),
        wholeMs: Math.round(t.wholeMs),
        headerMBps: +(t.bytes / 1e6 / (t.headerMs / 1000)).toFixed(1),
        wholeMBps: +(t.bytes / 1e6 / (t.wholeMs / 1000)).toFixed(1),
      },
    ]),
  );
  const files = [...totals.values()].reduce((n, t) => n + t.files, 0);
  process.stdout.write(JSON.stringify({ files, languages: out }) + '\n');
}

void main();
