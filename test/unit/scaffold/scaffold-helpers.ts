/** Shared by the scaffold tests: fixture copies, analysis, applying a plan, type-checking it. */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeWorkspace, detectArchitecture, type DetectionResult } from '../../../src/core';
import type { ScaffoldPlan, ScaffoldWorkspace } from '../../../src/core/scaffold';
import { NodeFileSystem } from '../../../src/node/node-file-system';

export const repoRoot = path.resolve(__dirname, '../../../..');

const made: string[] = [];

/** A fresh copy of `test/fixtures/scaffold/<name>` in a temp folder (removed by {@link cleanUp}). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `archlens-scaffold-${name}-`));
  made.push(dir);
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'scaffold', name), dir, { recursive: true });
  return dir.split(path.sep).join('/');
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The workspace a scaffold reads, analysed from disk. */
export function workspaceOf(dir: string): ScaffoldWorkspace {
  const fs = new NodeFileSystem();
  const root = fs.realpath(dir);
  const model = analyzeWorkspace(fs, root);
  return { fs, model, detection: detectArchitecture(fs, model) };
}

/** Writes a plan to disk (creating folders; `create` fails if the file exists). */
export function applyPlan(dir: string, plan: ScaffoldPlan): void {
  for (const file of plan.files) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content, file.action === 'create' ? { flag: 'wx' } : {});
  }
}

/**
 * Runs the real `tsc --noEmit` on a project of the fixture, with `@types/node` from the repository.
 * A fixture without its own `node_modules` gets, for the run only, a link to the repository's, so
 * its imports (`@nestjs/common`, `@nestjs/cqrs`…) resolve to the real published typings the
 * repository installs as devDependencies. Returns the output; throws on errors.
 */
export function typecheck(dir: string, project = 'tsconfig.json'): string {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const modules = path.join(dir, 'node_modules');
  const linked = !existsSync(modules);
  if (linked) symlinkSync(path.join(repoRoot, 'node_modules'), modules, 'dir');
  try {
    return execFileSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '-p',
        path.join(dir, project),
        '--typeRoots',
        path.join(repoRoot, 'node_modules', '@types'),
      ],
      { encoding: 'utf8' },
    );
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed:\n${out.stdout ?? ''}${out.stderr ?? ''}`);
  } finally {
    // The workspace under analysis stays the fixture as written (no node_modules in it).
    if (linked) unlinkSync(modules);
  }
}

export function read(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

/** The lines of `after` that are not in `before`, when `before`'s lines appear in `after` in order with nothing changed; else throws. */
export function insertedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const inserted: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else inserted.push(line);
  }
  if (i !== a.length) throw new Error(`original line ${i + 1} was changed: ${JSON.stringify(a[i])}`);
  return inserted;
}

/** Counter-evidence messages against the primary pattern (more evidence against the others is the primary growing). */
export function counterEvidence(detection: DetectionResult): Set<string> {
  const primary = detection.patterns.find((p) => p.id === detection.primary);
  return new Set((primary?.counterEvidence ?? []).map((e) => `${primary?.id}: ${e.message}`));
}
