/** The languages ArchLens recognises by file extension. */
export type SourceLanguage =
  | 'typescript'
  | 'javascript'
  | 'vue'
  | 'svelte'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust';

const BY_EXTENSION: ReadonlyMap<string, SourceLanguage> = new Map([
  ['.ts', 'typescript'],
  ['.tsx', 'typescript'],
  ['.mts', 'typescript'],
  ['.cts', 'typescript'],
  ['.js', 'javascript'],
  ['.jsx', 'javascript'],
  ['.mjs', 'javascript'],
  ['.cjs', 'javascript'],
  ['.vue', 'vue'],
  ['.svelte', 'svelte'],
  ['.py', 'python'],
  ['.pyi', 'python'],
  ['.go', 'go'],
  ['.java', 'java'],
  ['.kt', 'kotlin'],
  ['.kts', 'kotlin'],
  ['.cs', 'csharp'],
  ['.rb', 'ruby'],
  ['.php', 'php'],
  ['.rs', 'rust'],
]);

/**
 * The language of a file from its extension (case-insensitive), or `undefined` for anything
 * else (manifests, YAML, Dockerfiles… are still scanned, only without a language).
 * Declaration files (`.d.ts`) are `typescript`; tell them apart with {@link isDeclarationFile}.
 */
export function languageOf(path: string): SourceLanguage | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION.get(name.slice(dot).toLowerCase());
}

/** Whether a path is a TypeScript declaration file: `.d.ts`, `.d.mts`, `.d.cts`, `.d.css.ts`. */
export function isDeclarationFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /\.d(\.[^./]+)?\.[mc]?ts$/.test(name) && name.indexOf('.d.') > 0;
}
