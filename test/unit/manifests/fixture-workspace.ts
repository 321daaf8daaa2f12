import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ManifestContext, ManifestInput } from '../../../src/core/manifests';
import { createManifestContext } from '../../../src/core/manifests';

/** The folder of the manifest fixtures (mocha runs from the repository root). */
export const FIXTURES = path.join(process.cwd(), 'test/fixtures/manifests');

/** A fixture folder as the stage's input: every file under it, read from disk. */
export function fixtureInput(name: string): ManifestInput {
  const root = path.join(FIXTURES, name);
  const files: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else files.push(rel);
    }
  };
  walk(root, '');
  files.sort();
  return {
    files,
    readText: (relPath) => {
      try {
        return readFileSync(path.join(root, relPath), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** A context over a fixture folder, for calling one reader. */
export function fixtureContext(name: string): ManifestContext & { text(relPath: string): string } {
  const input = fixtureInput(name);
  const ctx = createManifestContext(input);
  return Object.assign(ctx, {
    text(relPath: string): string {
      const text = ctx.readText(relPath);
      if (text === undefined) throw new Error(`fixture file missing: ${name}/${relPath}`);
      return text;
    },
  });
}

/** A context over files given inline. */
export function memoryContext(files: Readonly<Record<string, string>>): ManifestContext {
  return createManifestContext({ files: Object.keys(files), readText: (relPath) => files[relPath] });
}
