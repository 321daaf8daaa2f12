import type { FileSystemPort } from '../../ports';
import type { ResolvedImport } from '../module-resolver';

/** What every language's resolver reads: the scanned files, what each declares, build files. */
export interface LanguageContext {
  /** Every scanned file (relative), sorted. */
  readonly files: readonly string[];
  readonly fileSet: ReadonlySet<string>;
  /** The packages or namespaces each Java, Kotlin, C# or Go file declares. */
  readonly declares: ReadonlyMap<string, readonly string[]>;
  /** A build file's text (relative path), or `undefined` when it cannot be read. */
  readText(relPath: string): string | undefined;
}

/** Build files are small; larger ones are not read. */
const MAX_BUILD_FILE = 1024 * 1024;
const decoder = new TextDecoder('utf-8');

export function createLanguageContext(
  fs: FileSystemPort,
  root: string,
  files: readonly string[],
  declares: ReadonlyMap<string, readonly string[]>,
): LanguageContext {
  const sorted = [...files].sort();
  const texts = new Map<string, string | undefined>();
  return {
    files: sorted,
    fileSet: new Set(sorted),
    declares,
    readText(relPath) {
      if (texts.has(relPath)) return texts.get(relPath);
      const bytes = fs.readFile(`${root}/${relPath}`);
      const text = bytes === undefined || bytes.length > MAX_BUILD_FILE ? undefined : decoder.decode(bytes);
      texts.set(relPath, text);
      return text;
    },
  };
}

/** The folder of a relative path (`.` at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/** `folder/child`, with `.` as the root. */
export function inFolder(folder: string, child: string): string {
  return folder === '.' || folder === '' ? child : `${folder}/${child}`;
}

/** The file name of a path. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const internal = (to: string): ResolvedImport => ({ to, resolution: 'internal' });
export const external = (to: string): ResolvedImport => ({ to, resolution: 'external' });
export const builtin = (to: string): ResolvedImport => ({ to, resolution: 'builtin' });
export const unresolved = (reason: string): ResolvedImport => ({
  to: null,
  resolution: 'unresolved',
  reason,
});

/** Test files by the naming rules of the languages here. */
export function isTestSource(path: string): boolean {
  return /_test\.go$|(?:^|\/)test_[^/]*\.py$|_test\.py$|(?:^|\/)src\/test\//.test(path);
}

/** Groups files by folder, each list sorted, test files last. */
export function filesByFolder(
  files: readonly string[],
  accept: (file: string) => boolean,
): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    if (!accept(file)) continue;
    const folder = folderOf(file);
    const list = byFolder.get(folder);
    if (list) list.push(file);
    else byFolder.set(folder, [file]);
  }
  for (const list of byFolder.values())
    list.sort((a, b) => Number(isTestSource(a)) - Number(isTestSource(b)) || (a < b ? -1 : a > b ? 1 : 0));
  return byFolder;
}
