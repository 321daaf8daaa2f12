import type { ResolvedImport } from '../module-resolver';
import {
  builtin,
  external,
  filesByFolder,
  folderOf,
  inFolder,
  internal,
  unresolved,
  type LanguageContext,
} from './context';

interface GoModule {
  readonly path: string;
  readonly folder: string;
  /** Required module paths, longest first. */
  readonly requires: readonly string[];
}

/**
 * Go imports as the go command resolves them: an import path under the `module` path of a
 * `go.mod` of the workspace (the longest one that matches; `go.work` only lists such modules)
 * is the package folder below that `go.mod`; a path whose first element has no dot is the
 * standard library; anything else is an external module (the `require`d module path that
 * contains it, else the path's repository root). A package is a folder: the edge leads to its
 * first non-test file in path order.
 */
export class GoResolver {
  private modules: GoModule[] | undefined;
  private packages: Map<string, string[]> | undefined;

  constructor(private readonly ctx: LanguageContext) {}

  resolve(fromRel: string, specifier: string): ResolvedImport {
    const modules = (this.modules ??= this.findModules());
    const packages = (this.packages ??= filesByFolder(this.ctx.files, (f) => f.endsWith('.go')));
    const owner = modules.find((m) => specifier === m.path || specifier.startsWith(m.path + '/'));
    if (owner) {
      const folder =
        specifier === owner.path
          ? owner.folder
          : inFolder(owner.folder, specifier.slice(owner.path.length + 1));
      const files = packages.get(folder);
      const first = files?.[0];
      if (first === undefined) return unresolved(`no Go files in \`${folder}\` (module \`${owner.path}\`)`);
      return internal(first);
    }
    const firstElement = specifier.split('/')[0] ?? '';
    if (!firstElement.includes('.')) {
      if (specifier === 'C') return builtin('C');
      return builtin(specifier);
    }
    const importer = this.moduleOf(fromRel, modules);
    const required = importer?.requires.find((r) => specifier === r || specifier.startsWith(r + '/'));
    return external(required ?? repositoryRoot(specifier));
  }

  private moduleOf(fromRel: string, modules: readonly GoModule[]): GoModule | undefined {
    let best: GoModule | undefined;
    for (const m of modules) {
      const inside = m.folder === '.' || fromRel.startsWith(m.folder + '/');
      if (inside && (best === undefined || m.folder.length > best.folder.length)) best = m;
    }
    return best;
  }

  private findModules(): GoModule[] {
    const modules: GoModule[] = [];
    for (const file of this.ctx.files) {
      if (file !== 'go.mod' && !file.endsWith('/go.mod')) continue;
      if (/(?:^|\/)(?:vendor|testdata)\//.test(file)) continue;
      const text = this.ctx.readText(file);
      if (text === undefined) continue;
      const parsed = parseGoMod(text);
      if (parsed.path !== undefined)
        modules.push({ path: parsed.path, folder: folderOf(file), requires: parsed.requires });
    }
    return modules.sort((a, b) => b.path.length - a.path.length);
  }
}

/** The `module` path and the `require`d module paths of a `go.mod` (comments dropped). */
export function parseGoMod(text: string): { path?: string; requires: string[] } {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\/\/.*$/, '').trim());
  let path: string | undefined;
  const requires: string[] = [];
  let inRequire = false;
  for (const line of lines) {
    if (inRequire) {
      if (line.startsWith(')')) inRequire = false;
      else if (line !== '') requires.push(unquote(line.split(/\s+/)[0] ?? ''));
      continue;
    }
    const module = /^module\s+(\S+)/.exec(line);
    if (module?.[1] !== undefined) path = unquote(module[1]);
    else if (/^require\s*\($/.test(line)) inRequire = true;
    else {
      const single = /^require\s+(\S+)/.exec(line);
      if (single?.[1] !== undefined) requires.push(unquote(single[1]));
    }
  }
  return {
    ...(path !== undefined ? { path } : {}),
    requires: requires.filter(Boolean).sort((a, b) => b.length - a.length),
  };
}

function unquote(text: string): string {
  return text.replace(/^["`](.*)["`]$/, '$1');
}

/** `github.com/a/b` of `github.com/a/b/c/d`, `gorm.io/gorm` of `gorm.io/gorm/clause`. */
function repositoryRoot(specifier: string): string {
  const parts = specifier.split('/');
  const host = parts[0] ?? '';
  const keep = /^(?:github\.com|gitlab\.com|bitbucket\.org|golang\.org|go\.googlesource\.com)$/.test(host)
    ? 3
    : 2;
  return parts.slice(0, keep).join('/');
}
