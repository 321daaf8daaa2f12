#!/usr/bin/env node
// Writes the tree of one commit of a local git directory into a folder, skipping blobs the
// snapshot lacks (very large files are absent from fetched snapshots, so `git archive` fails).
// Usage: node bench/make-worktree.mjs <git-dir> <commit> <out-dir>
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, symlinkSync, existsSync } from 'node:fs';
import path from 'node:path';

const [gitDir, commit, outDir] = process.argv.slice(2);
if (!gitDir || !commit || !outDir) {
  console.error('usage: node bench/make-worktree.mjs <git-dir> <commit> <out-dir>');
  process.exit(2);
}
const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], {
  maxBuffer: 1 << 30,
}).toString('utf8');
/** @type {{mode: string, sha: string, file: string}[]} */
const entries = [];
for (const record of listing.split('\0')) {
  if (!record) continue;
  const tab = record.indexOf('\t');
  const [mode, type, sha] = record.slice(0, tab).split(' ');
  if (type !== 'blob') continue; // submodules
  entries.push({ mode, sha, file: record.slice(tab + 1) });
}

// `git cat-file --batch` answers "<sha> missing" for absent blobs instead of failing.
const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
let buffer = Buffer.alloc(0);
let index = 0;
let written = 0;
let missing = 0;
child.stdout.on('data', (chunk) => {
  buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
  for (;;) {
    const newline = buffer.indexOf(10);
    if (newline < 0) return;
    const header = buffer.subarray(0, newline).toString('utf8');
    const entry = entries[index];
    if (header.endsWith(' missing')) {
      missing++;
      index++;
      buffer = buffer.subarray(newline + 1);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    if (buffer.length < newline + 1 + size + 1) return;
    const body = buffer.subarray(newline + 1, newline + 1 + size);
    buffer = buffer.subarray(newline + 1 + size + 1);
    index++;
    const target = path.join(outDir, entry.file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (entry.mode === '120000') {
      if (!existsSync(target)) symlinkSync(body.toString('utf8'), target);
    } else {
      writeFileSync(target, body, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
    }
    written++;
  }
});
child.on('close', (code) => {
  console.log(`${outDir}: ${written} files written, ${missing} missing from the snapshot`);
  process.exit(code ?? 1);
});
child.stdin.end(entries.map((e) => e.sha).join('\n') + '\n');
