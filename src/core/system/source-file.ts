import { joinPath } from '../units/paths';

const OUTPUT_DIRS = /^(?:dist|build|lib|out|\.output|target)\//;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/**
 * The workspace source file that a started path names, relative to its package folder: the path
 * itself, with an extension added, or — for a build output (`dist/main.js`) — the source it was
 * compiled from (`src/main.ts`, `main.ts`). `undefined` when none is in the workspace.
 */
export function sourceFileOf(
  folder: string,
  started: string,
  files: ReadonlySet<string>,
): string | undefined {
  const bare = started.replace(/^\.\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  const candidates = [started.replace(/^\.\//, ''), bare];
  if (OUTPUT_DIRS.test(bare)) {
    const rest = bare.replace(OUTPUT_DIRS, '');
    candidates.push(`src/${rest}`, rest, `src/${rest.replace(/^src\//, '')}`);
  }
  for (const candidate of candidates) {
    for (const extension of EXTENSIONS) {
      const path = joinPath(folder, candidate + extension);
      if (files.has(path)) return path;
      const index = joinPath(folder, `${candidate}/index${extension}`);
      if (extension !== '' && files.has(index)) return index;
    }
  }
  return undefined;
}
