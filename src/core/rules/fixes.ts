import { baselineOf, type Baseline, type BaselineEntry } from './baseline';
import type { Violation } from './types';

/**
 * The specifier `fromFile` should write to import `toFile` (both relative to the root): relative,
 * without the script extension, a folder's `index` dropped (`../inventory`).
 */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.replace(/\.(?:[cm]?[jt]sx?)$/, '').split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  const up = from.length - shared;
  const rest = to.slice(shared);
  if (rest[rest.length - 1] === 'index' && rest.length > 1) rest.pop();
  else if (rest[rest.length - 1] === 'index' && up > 0) rest.pop();
  const parts = [...Array<string>(up).fill('..'), ...rest];
  if (parts.length === 0) return '.';
  return parts[0] === '..' ? parts.join('/') : `./${parts.join('/')}`;
}

/** What an import statement brings in: named bindings (and whether type-only), or a namespace/default. */
export interface ImportedNames {
  readonly names: readonly string[];
  readonly typeOnly: boolean;
}

/** The named imports of the statement on one line that imports `specifier`, when it has plain named ones. */
export function importedNames(lineText: string, specifier: string): ImportedNames | undefined {
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(String.raw`import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]${quoted}['"]`).exec(
    lineText,
  );
  if (!match) return undefined;
  const names = (match[2] ?? '')
    .split(',')
    .map((n) => n.trim().replace(/^type\s+/, ''))
    .filter((n) => n !== '')
    .map((n) => n.split(/\s+as\s+/)[0] ?? n);
  return names.length > 0 ? { names, typeOnly: match[1] !== undefined } : undefined;
}

/** The line a public file adds to re-export what another module imported from its inside. */
export function reexportLine(
  publicFile: string,
  target: string,
  imported: ImportedNames | undefined,
): string {
  const from = relativeSpecifier(publicFile, target);
  if (!imported) return `export * from '${from}';\n`;
  return `export ${imported.typeOnly ? 'type ' : ''}{ ${imported.names.join(', ')} } from '${from}';\n`;
}

/** A baseline with one more known violation (sorted and counted as `--update-baseline` writes it). */
export function addToBaseline(baseline: Baseline | undefined, violation: Violation): Baseline {
  const entries: readonly BaselineEntry[] = baseline?.violations ?? [];
  const expanded = entries.flatMap((e) =>
    Array.from({ length: e.count ?? 1 }, () => ({ rule: e.rule, file: e.file, target: e.target })),
  );
  expanded.push({ rule: violation.rule, file: violation.file, target: violation.target });
  return baselineOf(expanded);
}
