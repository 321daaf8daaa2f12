import type { ts } from 'ts-morph';
import { parentOf } from './cached-file-system';
import { tsInternals } from './ts-internals';

/** The `files`/`include`/`exclude` of a config as TypeScript validated them. */
export interface ConfigFileSpecs {
  readonly validatedFilesSpec?: readonly string[];
  readonly validatedIncludeSpecs?: readonly string[];
  readonly validatedExcludeSpecs?: readonly string[];
}

/**
 * Answers "does this config select this file?" for one file at a time, with the same regular
 * expressions and rules TypeScript's `getFileNamesFromConfigSpecs` + `matchFiles` apply while
 * walking the whole tree: literal `files`; else an `include` pattern matches, `exclude` does not,
 * every folder on the way is one the walk enters, the extension is supported (JS only with
 * `allowJs`), and no sibling with a higher-priority extension of the same group is selected
 * (`a.ts` hides `a.tsx` and `a.d.ts`, `a.js` hides `a.jsx`). Asking per file avoids walking
 * the tree once per config.
 */
export class ConfigMembership {
  private readonly literal: ReadonlySet<string>;
  private readonly literalDirs: ReadonlySet<string>;
  private readonly includeFile: readonly RegExp[];
  private readonly includeDirectory: RegExp | undefined;
  private readonly exclude: RegExp | undefined;
  private readonly basePaths: readonly string[];
  private readonly groups: readonly (readonly string[])[];
  private readonly extensions: readonly string[];
  private readonly answers = new Map<string, boolean>();
  private readonly enteredDirs = new Map<string, boolean>();

  constructor(
    specs: ConfigFileSpecs | undefined,
    basePath: string,
    options: ts.CompilerOptions,
    private readonly fileExists: (path: string) => boolean,
  ) {
    this.literal = new Set(
      (specs?.validatedFilesSpec ?? []).map((f) => tsInternals.getNormalizedAbsolutePath(f, basePath)),
    );
    this.literalDirs = new Set([...this.literal].map(parentOf));
    const includes = specs?.validatedIncludeSpecs;
    this.groups = tsInternals.getSupportedExtensions(options);
    this.extensions = this.groups.flat();
    if (includes && includes.length > 0) {
      const patterns = tsInternals.getFileMatcherPatterns(
        basePath,
        specs?.validatedExcludeSpecs,
        includes,
        true,
        basePath,
      );
      this.includeFile = (patterns.includeFilePatterns ?? []).map((p) => new RegExp(p));
      this.includeDirectory = patterns.includeDirectoryPattern
        ? new RegExp(patterns.includeDirectoryPattern)
        : undefined;
      this.exclude = patterns.excludePattern ? new RegExp(patterns.excludePattern) : undefined;
      this.basePaths = patterns.basePaths;
    } else {
      this.includeFile = [];
      this.includeDirectory = undefined;
      this.exclude = undefined;
      this.basePaths = [];
    }
  }

  has(file: string): boolean {
    if (this.literal.has(file)) return true;
    let answer = this.answers.get(file);
    if (answer === undefined) {
      answer = this.wildcardMatch(file) && !this.hiddenByHigherPriority(file);
      this.answers.set(file, answer);
    }
    return answer;
  }

  /** Whether any file directly in `dir` can be selected: listed in `files`, or under a base of `include`. */
  mayHaveIn(dir: string): boolean {
    return (
      this.literalDirs.has(dir) ||
      this.basePaths.some((base) => dir === base || (dir.startsWith(base) && dir.charAt(base.length) === '/'))
    );
  }

  private wildcardMatch(file: string): boolean {
    const base = this.basePaths.find((b) => file.startsWith(b));
    if (base === undefined || file.charAt(base.length) !== '/') return false;
    if (!this.extensions.some((ext) => file.endsWith(ext))) return false;
    if (this.exclude?.test(file)) return false;
    if (!this.includeFile.some((re) => re.test(file))) return false;
    return this.entered(parentOf(file), base);
  }

  /** Whether the walk from `base` enters this folder (every folder on the way passes). */
  private entered(dir: string, base: string): boolean {
    if (dir.length <= base.length) return true;
    let answer = this.enteredDirs.get(dir);
    if (answer === undefined) {
      answer =
        (!this.includeDirectory || this.includeDirectory.test(dir)) &&
        !this.exclude?.test(dir) &&
        this.entered(parentOf(dir), base);
      this.enteredDirs.set(dir, answer);
    }
    return answer;
  }

  private hiddenByHigherPriority(file: string): boolean {
    const group = this.groups.find((g) => g.some((ext) => file.endsWith(ext)));
    if (!group) return false;
    for (const ext of group) {
      if (file.endsWith(ext) && (ext !== '.ts' || !file.endsWith('.d.ts'))) return false;
      const sibling = tsInternals.changeExtension(file, ext);
      if (this.literal.has(sibling) || (this.fileExists(sibling) && this.wildcardMatch(sibling))) {
        if (ext === '.d.ts' && (file.endsWith('.js') || file.endsWith('.jsx'))) continue;
        return true;
      }
    }
    return false;
  }
}
