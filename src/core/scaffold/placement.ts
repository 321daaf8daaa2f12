/**
 * Where new files go and how they are named, read from the workspace: detection's layers and
 * modules first, folders by their usual names next, then the names of sibling files.
 */
import { camelCase, kebabCase, pascalCase, words } from './names';
import type { ScaffoldWorkspace } from './types';
import { basename, dirname, exists, filesIn, tsFiles } from './workspace-files';

/** The first folder of a detected layer (`ports`, `adapters`, `application`, `domain`, `interfaces`). */
export function layerFolder(ws: ScaffoldWorkspace, layer: string): string | undefined {
  const paths = ws.detection.units.layers.find((l) => l.name === layer)?.paths ?? [];
  return [...paths].sort((a, b) => b.split('/').length - a.split('/').length)[0];
}

/** The folder holding the most source files among those whose last segment has one of the names. */
export function folderNamed(ws: ScaffoldWorkspace, names: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const file of tsFiles(ws)) {
    const parts = dirname(file).split('/');
    for (let i = 0; i < parts.length; i++) {
      if (names.includes(parts[i] ?? '')) {
        const folder = parts.slice(0, i + 1).join('/');
        counts.set(folder, (counts.get(folder) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The main source folder: `src` when it exists, else the root. */
export function sourceRoot(ws: ScaffoldWorkspace): string {
  return exists(ws, 'src') ? 'src' : '.';
}

export type NameCase = 'kebab' | 'camel' | 'pascal' | 'snake';

/** How files are named around a folder: the case of the stem, and whether a `.role` suffix follows it. */
export interface FileNaming {
  readonly case: NameCase;
  readonly roleSuffix: boolean;
}

/** Reads the naming of the files in `folder`, or of the whole workspace when the folder has none. */
export function fileNaming(ws: ScaffoldWorkspace, folder: string): FileNaming {
  let names = filesIn(ws, folder)
    .map(basename)
    .filter((n) => !/^(index|main)\./.test(n));
  if (names.length === 0)
    names = tsFiles(ws)
      .map(basename)
      .filter((n) => !/^(index|main)\./.test(n));
  const stems = names.map((n) => n.replace(/\.(ts|tsx|mts|cts)$/, ''));
  const dotted = stems.filter((s) => /^[^.]+\.[a-z][a-z-]*$/.test(s)).length;
  const score = (c: NameCase) =>
    stems.filter((s) => {
      const stem = s.split('.')[0] ?? '';
      if (c === 'kebab') return /^[a-z0-9]+(-[a-z0-9]+)+$/.test(stem);
      if (c === 'snake') return /^[a-z0-9]+(_[a-z0-9]+)+$/.test(stem);
      if (c === 'pascal') return /^[A-Z][a-zA-Z0-9]*$/.test(stem);
      return /^[a-z][a-z0-9]*[A-Z][a-zA-Z0-9]*$/.test(stem);
    }).length;
  const cases: NameCase[] = ['kebab', 'pascal', 'camel', 'snake'];
  const best = cases.reduce((a, b) => (score(b) > score(a) ? b : a), 'kebab');
  return { case: best, roleSuffix: stems.length > 0 && dotted / stems.length >= 0.3 };
}

/** The stem of a file for a name in a case (`OrderPlaced` → `order-placed`). */
export function stem(name: string, nameCase: NameCase): string {
  if (nameCase === 'pascal') return pascalCase(name);
  if (nameCase === 'camel') return camelCase(name);
  if (nameCase === 'snake') return words(name).join('_');
  return kebabCase(name);
}

/** A file name (`order-placed.event.ts` or `order-placed.ts`) following the naming. */
export function fileName(naming: FileNaming, name: string, role: string | undefined): string {
  const base = stem(name, naming.case);
  return naming.roleSuffix && role !== undefined ? `${base}.${role}.ts` : `${base}.ts`;
}

/** The path of an existing file is never reused: this is the message naming it and a free alternative. */
export function takenMessage(ws: ScaffoldWorkspace, path: string): string {
  const dot = path.lastIndexOf('.');
  const stemPart = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot) : '';
  let n = 2;
  while (exists(ws, `${stemPart}-${n}${ext}`)) n++;
  return `${path} already exists; ArchLens never overwrites a file. Choose another name (e.g. ${basename(`${stemPart}-${n}${ext}`)}).`;
}
