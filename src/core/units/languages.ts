/** Source languages by extension; only TypeScript/JavaScript imports are read. */
const EXTENSIONS: readonly (readonly [RegExp, string])[] = [
  [/\.(?:[cm]?ts|tsx)$/, 'typescript'],
  [/\.(?:[cm]?js|jsx)$/, 'javascript'],
  [/\.py$/, 'python'],
  [/\.go$/, 'go'],
  [/\.java$/, 'java'],
  [/\.kts?$/, 'kotlin'],
  [/\.cs$/, 'csharp'],
  [/\.rb$/, 'ruby'],
  [/\.php$/, 'php'],
  [/\.rs$/, 'rust'],
  [/\.scala$/, 'scala'],
];

/** The languages of the files, most files first. */
export function detectLanguages(files: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (file.endsWith('.d.ts')) continue;
    for (const [pattern, language] of EXTENSIONS) {
      if (pattern.test(file)) {
        counts.set(language, (counts.get(language) ?? 0) + 1);
        break;
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([language]) => language);
}

/** Whether a file is source code in one of the languages above (declaration files are not). */
export function isSourceFile(file: string): boolean {
  return !file.endsWith('.d.ts') && ANY_EXTENSION.test(file);
}

/** The patterns of {@link EXTENSIONS} as one expression: one test per file instead of eleven. */
const ANY_EXTENSION = new RegExp(EXTENSIONS.map(([pattern]) => `(?:${pattern.source})`).join('|'));
