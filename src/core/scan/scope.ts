import type { ArchLensConfig } from '../config/config-schema';
import { CONFIG_FILE_NAME } from '../config/config-schema';
import type { Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { DEFAULT_EXCLUDED_FOLDERS, DOTNET_OUTPUT_FOLDERS, isDotnetProjectFile } from './default-excludes';
import {
  compileGitignore,
  descendChain,
  type GitignoreFile,
  type GitignoreLink,
  type GitignoreRules,
  isGitignored,
  readGitignore,
} from './gitignore';
import { compileGlob, type GlobMatcher } from './glob';
import { staysInside } from './workspace-bounds';

/** Answers whether one path is out of the analysis, without scanning the workspace again. */
export interface ScopeMatcher {
  /**
   * Whether `relPath` (POSIX, relative to the root) is excluded, by a default exclude, a
   * caller or config glob, or a `.gitignore`, itself or through one of its parent folders.
   * `isDir` says whether it is a folder (folder-only rules such as `build/` need it).
   */
  isExcluded(relPath: string, isDir: boolean): boolean;
}

/** What decides the scope of a scan. */
export interface ScopeSettings {
  /** Globs of the caller (VS Code `files.exclude` style). */
  readonly exclude?: readonly string[];
  /** Whether `.gitignore` files are honoured (default `true`). */
  readonly respectGitignore?: boolean;
  /** The loaded `archlens.config.json`, whose `exclude` globs are added. */
  readonly config?: ArchLensConfig;
}

/**
 * Whether a changed file can change the scope itself, so that an incremental update must
 * rescan: a `.gitignore` anywhere, `archlens.config.json` at the root, or a .NET project file
 * (which turns its sibling `bin`/`obj` folders into build output).
 */
export function isScopeFile(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return name === '.gitignore' || relPath === CONFIG_FILE_NAME || isDotnetProjectFile(name);
}

/**
 * The scope rules of a workspace. Shared by the scan (which tests each entry once, knowing
 * its parents are in scope) and by {@link ScopeMatcher} (which tests a path and its parents).
 * `.gitignore` files are read lazily and kept.
 */
export class Scope implements ScopeMatcher {
  private readonly globs: readonly GlobMatcher[];
  private readonly respectGitignore: boolean;
  private readonly gitignores = new Map<string, GitignoreFile | undefined>();
  private readonly compiled = new Map<string, GitignoreRules>();
  private readonly dotnetFolders = new Map<string, boolean>();

  private readonly root: string;

  constructor(
    private readonly fs: FileSystemPort,
    root: string,
    settings: ScopeSettings,
  ) {
    this.root = root.replace(/\/+$/, '');
    this.globs = [...(settings.exclude ?? []), ...(settings.config?.exclude ?? [])].map(compileGlob);
    this.respectGitignore = settings.respectGitignore ?? true;
  }

  /**
   * Whether one entry is excluded, given that its parent folder is in scope. `chain` holds the
   * `.gitignore` rules that apply in the parent; `besideDotnetProject` whether the parent
   * holds a .NET project file.
   */
  excludesEntry(
    relPath: string,
    name: string,
    isDir: boolean,
    chain: readonly GitignoreLink[],
    besideDotnetProject: boolean,
  ): boolean {
    if (
      isDir &&
      (DEFAULT_EXCLUDED_FOLDERS.has(name) || (besideDotnetProject && DOTNET_OUTPUT_FOLDERS.has(name)))
    ) {
      return true;
    }
    for (const glob of this.globs) if (glob.test(relPath)) return true;
    return chain.length > 0 && isGitignored(chain, relPath, name, isDir);
  }

  /**
   * The `.gitignore` chain inside a folder that is in scope, from the chain its entry was
   * tested with: the parent's links (tainted where they ignore the folder), plus the folder's
   * own `.gitignore` if it has one.
   */
  chainOf(
    parentChain: readonly GitignoreLink[],
    relDir: string,
    hasGitignore: boolean,
    warn: (warning: Warning) => void,
  ): readonly GitignoreLink[] {
    if (!this.respectGitignore) return parentChain;
    const chain = relDir === '' ? parentChain : descendChain(parentChain, relDir);
    const file = hasGitignore ? this.gitignoreOf(relDir, warn) : undefined;
    return file ? [...chain, { file, tainted: false }] : chain;
  }

  isExcluded(relPath: string, isDir: boolean): boolean {
    // A path that appeared after the scan may be a link out of the root: out of scope.
    if (!staysInside(this.fs, this.realRoot(), this.absolute(relPath))) return true;
    const parts = relPath.split('/').filter((part) => part !== '' && part !== '.');
    let chain = this.chainOf([], '', true, ignoreWarning);
    let parent = '';
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i] as string;
      const rel = parent === '' ? name : parent + '/' + name;
      const dir = i < parts.length - 1 || isDir;
      const dotnet = dir && DOTNET_OUTPUT_FOLDERS.has(name) && this.holdsDotnetProject(parent);
      if (this.excludesEntry(rel, name, dir, chain, dotnet)) return true;
      if (i < parts.length - 1) chain = this.chainOf(chain, rel, true, ignoreWarning);
      parent = rel;
    }
    return false;
  }

  private gitignoreOf(relDir: string, warn: (warning: Warning) => void): GitignoreFile | undefined {
    if (this.gitignores.has(relDir)) return this.gitignores.get(relDir);
    const path = this.absolute(relDir) + '/.gitignore';
    // A `.gitignore` linked out of the root is not read (the scan warns about the link).
    const file = !staysInside(this.fs, this.realRoot(), path)
      ? undefined
      : readGitignore(this.fs, this.absolute(relDir), relDir, (text) => this.compile(text), warn);
    this.gitignores.set(relDir, file);
    return file;
  }

  private compile(text: string): GitignoreRules {
    let rules = this.compiled.get(text);
    if (rules === undefined) {
      rules = compileGitignore(text);
      this.compiled.set(text, rules);
    }
    return rules;
  }

  private holdsDotnetProject(relDir: string): boolean {
    let holds = this.dotnetFolders.get(relDir);
    if (holds === undefined) {
      const entries = this.fs.readDirectory(this.absolute(relDir)) ?? [];
      holds = entries.some((entry) => entry.kind !== 'directory' && isDotnetProjectFile(entry.name));
      this.dotnetFolders.set(relDir, holds);
    }
    return holds;
  }

  private realRootPath: string | undefined;

  private realRoot(): string {
    this.realRootPath ??= this.fs.realpath(this.root || '/');
    return this.realRootPath;
  }

  private absolute(relDir: string): string {
    return relDir === '' ? this.root || '/' : this.root + '/' + relDir;
  }
}

function ignoreWarning(): void {}
