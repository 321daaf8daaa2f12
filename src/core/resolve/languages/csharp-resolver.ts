import type { ResolvedImport } from '../module-resolver';
import { msbuildGraph, type BuildGraph } from './build-modules';
import { builtin, external, fileName, internal, unresolved, type LanguageContext } from './context';

/** Namespaces of the .NET base class library. */
const PLATFORM = /^(?:System|Microsoft\.(?:AspNetCore|Extensions|CSharp|VisualBasic|Win32))(?:\.|$)/;

/**
 * C# `using` directives as the compiler binds them: a namespace leads to the files that
 * declare it (`namespace A.B` in block or file-scoped form) in the importing file's own project
 * or in a project it references, directly or through others (`ProjectReference` in its
 * `.csproj`, and in the `Directory.Build.props` files above it): its own project first; the
 * edge leads to the first such file in path order. A namespace declared only in projects the
 * importer does not reference is not what the compiler binds (a framework namespace that a
 * project extends, a generated gRPC client): it is `builtin` for the framework's, else
 * `unresolved`. Files outside any project see every file. `using static A.B.C` and an alias of a type lead to
 * the file of type `C` (a file named `C.cs` in namespace `A.B`, else the namespace). `System.*`
 * and the framework's `Microsoft.*` namespaces are `builtin`; a namespace under one the workspace
 * declares is `unresolved`; any other is `external` (its namespace).
 */
export class CSharpResolver {
  private namespaces: Map<string, string[]> | undefined;
  private graph: BuildGraph | undefined;

  constructor(private readonly ctx: LanguageContext) {}

  /** `alias`: the local name of `using X = A.B;` (which may name a type). */
  resolve(fromRel: string, written: string, alias?: string): ResolvedImport {
    const namespaces = (this.namespaces ??= this.indexNamespaces());
    const unqualified = written.replace(/^global\s+/, '');
    const isStatic = unqualified.startsWith('static ');
    const name = unqualified.replace(/^static\s+/, '');
    const declaring = namespaces.get(name);
    const seen = declaring && this.pick(fromRel, declaring);
    if (seen !== undefined) return internal(seen);
    // A type (`using static`, an alias): `A.B.C` is the file `C.cs` declaring `A.B`, else `A.B`.
    // A plain `using` names a namespace, never a type.
    const dot = name.lastIndexOf('.');
    if (dot > 0 && (isStatic || alias !== undefined)) {
      const outer = namespaces.get(name.slice(0, dot));
      const typeName = name.slice(dot + 1);
      const typed = outer?.filter((f) => fileName(f).replace(/\.cs$/, '') === typeName) ?? [];
      const found =
        (typed.length > 0 ? this.pick(fromRel, typed) : undefined) ?? (outer && this.pick(fromRel, outer));
      if (found !== undefined) return internal(found);
    }
    if (PLATFORM.test(name)) return builtin(name);
    if (declaring !== undefined)
      return unresolved(
        `namespace \`${name}\` is declared only in projects that the project of this file does not reference`,
      );
    for (let end = name.lastIndexOf('.'); end > 0; end = name.lastIndexOf('.', end - 1)) {
      if (namespaces.has(name.slice(0, end)))
        return unresolved(
          `no file declares namespace \`${name}\` (\`${name.slice(0, end)}\` is the workspace's)`,
        );
    }
    return external(name);
  }

  /** The file the compiler would see: in the importer's project, else a referenced one. */
  private pick(fromRel: string, files: readonly string[]): string | undefined {
    const visible = (this.graph ??= msbuildGraph(this.ctx)).visible(fromRel, files);
    if (visible === undefined) return files[0];
    return visible.own[0] ?? visible.reached[0];
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
}
