import type { ImportEdge } from '../model';
import { baseName, dirOf } from '../units/paths';

/** One specifier to rewrite: at `line`/`column` (1-based, of the opening quote) of `file`. */
export interface SpecifierEdit {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly from: string;
  readonly to: string;
}

/** Moving one file: where it goes, and the specifiers to rewrite so every import still resolves. */
export interface FileMove {
  readonly from: string;
  readonly to: string;
  /** Edits in the moved file (positions in its text, which moves unchanged) and in its importers. */
  readonly edits: readonly SpecifierEdit[];
}

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
const TS_TO_JS: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
};

/**
 * The move of `from` to `to` (both relative to the root) with its relative imports rewritten:
 * the moved file's own (it now sits elsewhere) and those of every file importing it. Package,
 * alias and absolute specifiers resolve the same after the move and are kept. Each new
 * specifier keeps the style of the old one: an extension written (`./x.js`) stays written, a
 * folder import (`../orders` for `orders/index.ts`) stays a folder import. Pure.
 */
export function planFileMove(edges: readonly ImportEdge[], from: string, to: string): FileMove {
  const edits: SpecifierEdit[] = [];
  for (const edge of edges) {
    if (edge.resolution !== 'internal' || edge.to === null || !isRelative(edge.specifier)) continue;
    if (edge.from === from) {
      // The moved file's own imports: from its new folder to the same targets (itself: its new place).
      const target = edge.to === from ? to : edge.to;
      const next = respecify(edge.specifier, to, target);
      if (next !== edge.specifier) edits.push({ ...at(edge), to: next });
    } else if (edge.to === from) {
      const next = respecify(edge.specifier, edge.from, to);
      if (next !== edge.specifier) edits.push({ ...at(edge), to: next });
    }
  }
  edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { from, to, edits };
}

function at(edge: ImportEdge): Omit<SpecifierEdit, 'to'> {
  return { file: edge.from, line: edge.line, column: edge.column, from: edge.specifier };
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** The specifier `importer` writes for `target`, in the style of `written`. */
export function respecify(written: string, importer: string, target: string): string {
  const last = baseName(written);
  const targetName = baseName(target);
  const folderImport = /^index\.[cm]?[jt]sx?$/.test(targetName) && !/^index(?:\.|$)/.test(last);
  let path = relativePath(dirOf(importer), folderImport ? dirOf(target) : target);
  if (!folderImport) {
    const writtenExt = /\.[cm]?[jt]sx?$/.exec(last)?.[0];
    const stem = path.replace(SCRIPT_EXTENSION, '');
    if (writtenExt === undefined) path = stem;
    else {
      // `./x.js` for `x.ts` stays `.js`; an extension written as the file's own stays that.
      const own = /\.[cm]?[jt]sx?$/.exec(targetName)?.[0] ?? '';
      path = stem + (writtenExt === own ? own : (TS_TO_JS[own] ?? writtenExt));
    }
  }
  return path.startsWith('.') ? path : `./${path}`;
}

/** The relative path from folder `fromDir` to `to` (both relative to the root, `.` the root). */
function relativePath(fromDir: string, to: string): string {
  const from = fromDir === '.' ? [] : fromDir.split('/');
  const target = to === '.' ? [] : to.split('/');
  let shared = 0;
  while (shared < from.length && shared < target.length && from[shared] === target[shared]) shared++;
  const parts = [...Array<string>(from.length - shared).fill('..'), ...target.slice(shared)];
  if (parts.length === 0) return '.';
  return parts[0] === '..' ? parts.join('/') : `./${parts.join('/')}`;
}
