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

/** Namespaces of the .NET base class library. */
const PLATFORM = /^(?:System|Microsoft\.(?:AspNetCore|Extensions|CSharp|VisualBasic|Win32))(?:\.|$)/;

interface Project {
  readonly file: string;
  readonly folder: string;
  /** Projects it references (relative paths of their project files). */
  readonly references: ReadonlySet<string>;
}

/**
 * C# `using` directives as the compiler binds them: a namespace leads to the files that
 * declare it (`namespace A.B` in block or file-scoped form); among several, a file of the
 * importing file's own project first, then of a project it references (`ProjectReference` in
 * its `.csproj`, and in the `Directory.Build.props` files above it), then any; the edge leads
 * to the first such file in path order. `using static A.B.C` and an alias of a type lead to
 * the file of type `C` (a file named `C.cs` in namespace `A.B`, else the namespace). `System.*`
 * and the framework's `Microsoft.*` namespaces are `builtin`; a namespace under one the workspace
 * declares is `unresolved`; any other is `external` (its namespace).
 */
export class CSharpResolver {
  private namespaces: Map<string, string[]> | undefined;
  private projects: Project[] | undefined;

  constructor(private readonly ctx: LanguageContext) {}

  /** `alias`: the local name of `using X = A.B;` (which may name a type). */
  resolve(fromRel: string, written: string, alias?: string): ResolvedImport {
    const namespaces = (this.namespaces ??= this.indexNamespaces());
    const unqualified = written.replace(/^global\s+/, '');
    const isStatic = unqualified.startsWith('static ');
    const name = unqualified.replace(/^static\s+/, '');
    const declaring = namespaces.get(name);
    if (declaring !== undefined) return internal(this.pick(fromRel, declaring));
    // A type (`using static`, an alias): `A.B.C` is the file `C.cs` declaring `A.B`, else `A.B`.
    // A plain `using` names a namespace, never a type.
    const dot = name.lastIndexOf('.');
    if (dot > 0 && (isStatic || alias !== undefined)) {
      const outer = namespaces.get(name.slice(0, dot));
      if (outer !== undefined) {
        const typeName = name.slice(dot + 1);
        const typed = outer.filter((f) => fileName(f).replace(/\.cs$/, '') === typeName);
        return internal(this.pick(fromRel, typed.length > 0 ? typed : outer));
      }
    }
    if (PLATFORM.test(name)) return builtin(name);
    for (let end = name.lastIndexOf('.'); end > 0; end = name.lastIndexOf('.', end - 1)) {
      if (namespaces.has(name.slice(0, end)))
        return unresolved(
          `no file declares namespace \`${name}\` (\`${name.slice(0, end)}\` is the workspace's)`,
        );
    }
    return external(name);
  }

  /** The project (its `.csproj`, relative) a file belongs to: the nearest one above it. */
  projectOf(file: string): Project | undefined {
    const projects = (this.projects ??= this.findProjects());
    let best: Project | undefined;
    for (const project of projects) {
      if (project.folder !== '.' && !file.startsWith(project.folder + '/')) continue;
      if (best === undefined || project.folder.length > best.folder.length) best = project;
    }
    return best;
  }

  private pick(fromRel: string, files: readonly string[]): string {
    const own = this.projectOf(fromRel);
    if (own !== undefined) {
      const same = files.find((f) => this.projectOf(f)?.file === own.file);
      if (same !== undefined) return same;
      const referenced = files.find((f) => {
        const project = this.projectOf(f);
        return project !== undefined && own.references.has(project.file);
      });
      if (referenced !== undefined) return referenced;
    }
    return files[0] as string;
  }

  private indexNamespaces(): Map<string, string[]> {
    const namespaces = new Map<string, string[]>();
    for (const file of this.ctx.files) {
      if (!file.endsWith('.cs')) continue;
      for (const namespace of this.ctx.declares.get(file) ?? []) {
        const list = namespaces.get(namespace);
        if (list) list.push(file);
        else namespaces.set(namespace, [file]);
      }
    }
    return namespaces;
  }

  private findProjects(): Project[] {
    const props = this.ctx.files.filter((f) => fileName(f) === 'Directory.Build.props');
    return this.ctx.files
      .filter((f) => /\.(?:cs|fs|vb)proj$/.test(f))
      .map((file) => {
        const folder = folderOf(file);
        const references = new Set(projectReferences(this.ctx, file));
        for (const prop of props) {
          const propFolder = folderOf(prop);
          if (propFolder === '.' || folder === propFolder || folder.startsWith(propFolder + '/'))
            for (const reference of projectReferences(this.ctx, prop)) references.add(reference);
        }
        return { file, folder, references };
      });
  }
}

/** The `ProjectReference Include="…"` paths of an MSBuild file, relative to the root. */
export function projectReferences(ctx: LanguageContext, file: string): string[] {
  const text = ctx.readText(file) ?? '';
  const out: string[] = [];
  for (const match of text.matchAll(/<ProjectReference\b[^>]*\bInclude\s*=\s*"([^"]+)"/g)) {
    const include = (match[1] ?? '').replace(/\\/g, '/').replace(/\$\(MSBuildThisFileDirectory\)/g, '');
    out.push(normalize(inFolder(folderOf(file), include)));
  }
  return out;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
