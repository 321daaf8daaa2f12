import type { RawImport } from '../../extract';
import type { ResolvedImport } from '../module-resolver';
import {
  builtin,
  external,
  fileName,
  folderOf,
  inFolder,
  internal,
  unresolved,
  type LanguageContext,
} from './context';
import { PYTHON_STDLIB } from './python-stdlib';

/** Folders whose presence makes a folder a Python project root. */
const PROJECT_FILES = new Set(['pyproject.toml', 'setup.py', 'setup.cfg']);

/**
 * Python imports as the interpreter finds them from the project's roots: the workspace root,
 * each folder holding `pyproject.toml`, `setup.py` or `setup.cfg`, and the `src/` folder beside
 * one (the src layout); the importing file's own root is tried first. `a.b` is `a/b.py`, `a/b.pyi`,
 * `a/b/__init__.py` or, without one, the namespace package `a/b/` (a folder of modules).
 * `from m import n` leads to the submodule `m.n` when there is one, else to `m` (as grimp and
 * import-linter count it). Relative imports start from the importing file's package. The
 * standard library is `builtin`; other top-level names are `external` (the import name, which
 * need not be the distribution's), unless the workspace holds a package of that name.
 */
export class PythonResolver {
  private roots: string[] | undefined;
  private folders: Set<string> | undefined;

  constructor(private readonly ctx: LanguageContext) {}

  resolve(fromRel: string, imp: RawImport): ResolvedImport {
    const roots = (this.roots ??= this.findRoots());
    const dots = /^\.*/.exec(imp.specifier)?.[0].length ?? 0;
    const rest = imp.specifier.slice(dots);
    if (dots > 0) {
      let base = folderOf(fromRel);
      for (let i = 1; i < dots; i++) {
        if (base === '.') return unresolved(`\`${imp.specifier}\` climbs above the workspace`);
        base = folderOf(base);
      }
      const module = rest === '' ? [] : rest.split('.');
      const found = this.fromNames(imp, base, module);
      return found === undefined
        ? unresolved(`no module \`${imp.specifier}\` from \`${folderOf(fromRel)}\``)
        : internal(found);
    }
    const module = rest.split('.');
    const ownRoot = roots
      .filter((r) => r === '.' || fromRel.startsWith(r + '/'))
      .sort((a, b) => b.length - a.length)[0];
    const ordered = ownRoot === undefined ? [...roots] : [ownRoot, ...roots.filter((r) => r !== ownRoot)];
    // Then the folders above the importing file that are not packages themselves, outermost
    // first: the folder of the script that was run (`manage.py`, a tool's entry) is on
    // `sys.path` without any project file saying so.
    const above: string[] = [];
    for (let folder = folderOf(fromRel); folder !== '.'; folder = folderOf(folder)) {
      if (!this.ctx.fileSet.has(`${folder}/__init__.py`)) above.push(folder);
    }
    for (const folder of above.reverse()) if (!ordered.includes(folder)) ordered.push(folder);
    for (const root of ordered) {
      const found = this.fromNames(imp, root, module);
      if (found !== undefined) return internal(found);
    }
    const top = module[0] ?? '';
    if (PYTHON_STDLIB.has(top)) return builtin(top);
    // A regular package of the workspace (not a folder that merely holds modules: an installed
    // package of that name comes first) that lacks the module.
    if (ordered.some((root) => this.regularModule(inFolder(root, top))))
      return unresolved(`no module \`${imp.specifier}\` in the workspace package \`${top}\``);
    return external(top);
  }

  private regularModule(path: string): boolean {
    const { fileSet } = this.ctx;
    return [`${path}.py`, `${path}/__init__.py`, `${path}.pyi`, `${path}/__init__.pyi`].some((c) =>
      fileSet.has(c),
    );
  }

  /** `from base.module import name`: the submodule first, then the module itself. */
  private fromNames(imp: RawImport, base: string, module: readonly string[]): string | undefined {
    const path = module.length === 0 ? base : inFolder(base, module.join('/'));
    if (imp.name !== undefined) {
      const sub = this.moduleFile(inFolder(path, imp.name));
      if (sub !== undefined) return sub;
    }
    return this.moduleFile(path);
  }

  /** The file of a module path (without extension), or a namespace package's first module. */
  private moduleFile(path: string): string | undefined {
    const { fileSet } = this.ctx;
    for (const candidate of [`${path}.py`, `${path}.pyi`, `${path}/__init__.py`, `${path}/__init__.pyi`]) {
      if (fileSet.has(candidate.replace(/^\.\//, ''))) return candidate.replace(/^\.\//, '');
    }
    if (path === '.') return undefined;
    const folders = (this.folders ??= new Set(this.ctx.files.filter((f) => f.endsWith('.py')).map(folderOf)));
    if (!folders.has(path)) return undefined;
    return this.ctx.files.find((f) => f.endsWith('.py') && folderOf(f) === path);
  }

  private findRoots(): string[] {
    const roots = new Set<string>(['.']);
    const folders = new Set(this.ctx.files.map(folderOf));
    for (const file of this.ctx.files) {
      if (!PROJECT_FILES.has(fileName(file))) continue;
      const folder = folderOf(file);
      roots.add(folder);
      if (
        folders.has(inFolder(folder, 'src')) ||
        [...folders].some((f) => f.startsWith(inFolder(folder, 'src') + '/'))
      )
        roots.add(inFolder(folder, 'src'));
    }
    if ([...folders].some((f) => f === 'src' || f.startsWith('src/'))) roots.add('src');
    return [...roots].sort((a, b) => b.length - a.length);
  }
}
