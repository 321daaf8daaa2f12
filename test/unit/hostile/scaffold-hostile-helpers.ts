/** Shared by the hostile scaffold tests: a workspace nested in a temp folder, the CLI, a snapshot of files. */
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../scaffold/scaffold-helpers';
import { runCliCaptured } from '../support/captured-cli';

const made: string[] = [];

/**
 * A copy of `test/fixtures/scaffold/<fixture>` at `<base>/a/b/ws`: a folder that escapes the
 * workspace (`../../x`) still lands inside `base`, so a failing test never writes elsewhere.
 */
export function nestedWorkspace(fixture: string): { base: string; ws: string } {
  const base = mkdtempSync(path.join(tmpdir(), `archlens-hostile-${fixture}-`));
  made.push(base);
  const ws = path.join(base, 'a', 'b', 'ws');
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'scaffold', fixture), ws, { recursive: true });
  return { base, ws };
}

export function removeWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every entry under `dir` with its content (files), link target (links) or `/` (folders). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const full = path.join(dir, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[child] = `-> ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[child] = '/';
        walk(child);
      } else out[child] = readFileSync(full, 'latin1');
    }
  };
  walk('');
  return out;
}

export const cli = (...argv: string[]) => runCliCaptured(argv, repoRoot);
