import type { RawImport } from '../../extract';
import type { FileSystemPort } from '../../ports';
import type { ResolvedImport } from '../module-resolver';
import { createLanguageContext } from './context';
import { CSharpResolver } from './csharp-resolver';
import { GoResolver } from './go-resolver';
import { JvmResolver } from './jvm-resolver';
import { PythonResolver } from './python-resolver';

/** Where the imports of Java, Kotlin, C#, Go and Python files lead, each as its own build finds them. */
export interface LanguageResolver {
  /** The resolver of `fromRel`'s language; `undefined` for other files (TypeScript resolves those). */
  resolve(fromRel: string, imp: RawImport): ResolvedImport | undefined;
}

/** Files whose change can move where these languages' imports lead (besides their sources). */
export const LANGUAGE_BUILD_FILE =
  /(?:^|\/)(?:go\.mod|go\.work|pyproject\.toml|setup\.py|setup\.cfg|Directory\.Build\.props|[^/]+\.(?:cs|fs|vb)proj)$/;

/** Whether a file's imports are resolved here rather than by TypeScript. */
export function isLanguageResolved(path: string): boolean {
  return /\.(?:java|kts?|cs|go|pyi?)$/i.test(path);
}

/**
 * The resolvers over one state of the workspace: `files` are the scanned files, `declares` the
 * packages and namespaces each source declares. Indexes are built on first use; make a new
 * resolver when files, declarations or build files change.
 */
export function createLanguageResolver(
  fs: FileSystemPort,
  root: string,
  files: readonly string[],
  declares: ReadonlyMap<string, readonly string[]>,
): LanguageResolver {
  const ctx = createLanguageContext(fs, root, files, declares);
  const jvm = new JvmResolver(ctx);
  const csharp = new CSharpResolver(ctx);
  const go = new GoResolver(ctx);
  const python = new PythonResolver(ctx);
  return {
    resolve(fromRel, imp) {
      const lower = fromRel.toLowerCase();
      if (lower.endsWith('.java') || lower.endsWith('.kt') || lower.endsWith('.kts'))
        return jvm.resolve(fromRel, imp.specifier);
      if (lower.endsWith('.cs')) return csharp.resolve(fromRel, imp.specifier, imp.name);
      if (lower.endsWith('.go')) return go.resolve(fromRel, imp.specifier);
      if (lower.endsWith('.py') || lower.endsWith('.pyi')) return python.resolve(fromRel, imp);
      return undefined;
    },
  };
}
