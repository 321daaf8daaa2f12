import type { ResolvedImport } from '../module-resolver';
import { jvmBuildGraph, type BuildGraph } from './build-modules';
import {
  builtin,
  external,
  fileName,
  folderOf,
  internal,
  isTestSource,
  unresolved,
  type LanguageContext,
} from './context';

/** Packages of the JDK and of Kotlin's standard library. */
const PLATFORM = /^(?:java|javax|jdk|sun|com\.sun|kotlin|kotlinx\.coroutines)\./;
/** Maven and Gradle source folders: the package path starts below them. */
const SOURCE_ROOT = /(?:^|\/)src\/[^/]+\/(?:java|kotlin)\//;

/**
 * Java and Kotlin imports as the compiler finds them: each file's `package` declaration (or,
 * without one, its path below a Maven/Gradle source root `src/<set>/java|kotlin/`) places it;
 * `import a.b.C` is the file of class `C` in package `a.b` (`C.java`/`C.kt`; a nested class
 * `a.b.C.D` is found in `C`'s file); `import a.b.*` is the package `a.b` (the edge leads to its
 * first file in path order); `import static a.b.C.m` and `import static a.b.C.*` are class `C`.
 * A Kotlin import of a top-level function or of a class declared in a file of another name
 * leads to the package. JDK and Kotlin packages are `builtin`; a package the workspace holds
 * without the class is `unresolved`; anything else is `external` (its package).
 */
export class JvmResolver {
  private index: { types: Map<string, string[]>; packages: Map<string, string[]> } | undefined;
  private graph: BuildGraph | undefined;

  constructor(private readonly ctx: LanguageContext) {}

  resolve(fromRel: string, written: string): ResolvedImport {
    const { types, packages } = (this.index ??= this.build());
    const isStatic = written.startsWith('static ');
    const name = isStatic ? written.slice('static '.length) : written;
    const wildcard = name.endsWith('.*');
    const parts = (wildcard ? name.slice(0, -2) : name).split('.');
    // A static import names a member (or all members) of a class; drop the member.
    if (isStatic && !wildcard) parts.pop();
    if (wildcard && !isStatic) {
      const files = packages.get(parts.join('.'));
      if (files !== undefined) {
        const file = this.pick(fromRel, files);
        return file === undefined ? this.hidden(parts.join('.')) : internal(file);
      }
    }
    // The longest prefix that is a class: `a.b.C.D` (nested) is in `a.b.C`'s file.
    for (let end = parts.length; end > 0; end--) {
      const files = types.get(parts.slice(0, end).join('.'));
      if (files !== undefined) {
        const file = this.pick(fromRel, files);
        return file === undefined ? this.hidden(parts.slice(0, end).join('.')) : internal(file);
      }
    }
    // Kotlin: a top-level function or property, or a class declared in a file of another name:
    // the package is known, the file is not, so the edge leads to the package's first Kotlin file.
    for (let end = parts.length - 1; end > 0; end--) {
      const pkg = parts.slice(0, end).join('.');
      const files = packages.get(pkg);
      if (files === undefined) continue;
      const kotlin = files.filter((f) => f.endsWith('.kt'));
      const file = kotlin.length > 0 && end === parts.length - 1 ? this.pick(fromRel, kotlin) : undefined;
      if (file !== undefined) return internal(file);
      return unresolved(`no class \`${parts.slice(end).join('.')}\` in the workspace package \`${pkg}\``);
    }
    const pkg = packageOf(parts, wildcard && !isStatic);
    if (PLATFORM.test(pkg + '.')) return builtin(pkg);
    return external(pkg);
  }

  /**
   * Of the files that hold the class, the one in the importer's module, else in a module it
   * depends on (Gradle/Maven); `undefined` when they are all in modules it does not depend on
   * (the compiler sees another class of that name: one generated at build time, or an artifact).
   * Files in no module see every file.
   */
  private pick(fromRel: string, files: readonly string[]): string | undefined {
    const graph = (this.graph ??= jvmBuildGraph(this.ctx));
    const visible = graph.visible(fromRel, files);
    if (visible === undefined || graph.moduleOf(files[0] as string) === undefined) return files[0];
    return visible.own[0] ?? visible.reached[0];
  }

  private hidden(name: string): ResolvedImport {
    return unresolved(`\`${name}\` is only in modules that the module of this file does not depend on`);
  }

  private build(): { types: Map<string, string[]>; packages: Map<string, string[]> } {
    const types = new Map<string, string[]>();
    const packages = new Map<string, string[]>();
    const files = this.ctx.files
      .filter((f) => f.endsWith('.java') || f.endsWith('.kt'))
      // Main sources before tests, so a class in both is found in main.
      .sort((a, b) => Number(isTestSource(a)) - Number(isTestSource(b)) || (a < b ? -1 : 1));
    for (const file of files) {
      const pkg = this.ctx.declares.get(file)?.[0] ?? packageFromPath(file);
      const type = fileName(file).replace(/\.(?:java|kt)$/, '');
      const fqn = pkg === '' ? type : `${pkg}.${type}`;
      const same = types.get(fqn);
      if (same) same.push(file);
      else types.set(fqn, [file]);
      const list = packages.get(pkg);
      if (list) list.push(file);
      else packages.set(pkg, [file]);
    }
    return { types, packages };
  }
}

/** The package of a file from its path below a source root, or `` (the default package). */
function packageFromPath(file: string): string {
  const match = SOURCE_ROOT.exec(file);
  if (!match) return '';
  return folderOf(file.slice(match.index + match[0].length))
    .replace(/^\.$/, '')
    .split('/')
    .join('.');
}

/**
 * `a.b` of `a.b.C.D`: the segments before the first capitalised one; without one, all but the
 * last (a class or function named in lower case), or all of a wildcard's.
 */
function packageOf(parts: readonly string[], isPackage: boolean): string {
  const firstClass = parts.findIndex((p) => /^[A-Z]/.test(p));
  if (firstClass > 0) return parts.slice(0, firstClass).join('.');
  return (isPackage || parts.length < 2 ? parts : parts.slice(0, -1)).join('.');
}
