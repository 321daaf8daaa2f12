import { ts } from 'ts-morph';
import type { FileSystemPort } from '../ports';
import { confineToRoot } from '../scan/workspace-bounds';
import type { ImportKind, Resolution, Warning } from '../model/workspace-model';
import { builtinModuleName } from './builtin-modules';
import { CachedFileSystem, join, parentOf } from './cached-file-system';
import { ConfigLoader, type LoadedConfig } from './config-loader';
import { ConfigLocator } from './config-locator';
import { resolutionModeFor, type ImportingFile } from './import-mode';
import { inferredProjectOptions } from './inferred-options';
import { tsInternals } from './ts-internals';
import { isPathLike, packageNameFromPath, parsePackageSpecifier } from './package-name';
import { findWorkspacePackages, isRecord, type WorkspacePackage } from './workspace-packages';
import { workspaceSourceFile } from './workspace-source';

/** Where one import leads; the resolution part of an `ImportEdge`. */
export interface ResolvedImport {
  /** Internal: file relative to the root; external: package name; builtin: module name; else `null`. */
  readonly to: string | null;
  readonly resolution: Resolution;
  readonly via?: 'workspace';
  readonly reason?: string;
}

/** What TypeScript itself answered for an import, for verification. */
export interface TypeScriptAnswer {
  /** The absolute path TypeScript resolved to, or `undefined`. */
  readonly resolvedFileName: string | undefined;
  /** The resolution mode passed to `ts.resolveModuleName`. */
  readonly mode: ts.ResolutionMode;
}

/** Resolves the imports of a workspace's files exactly as TypeScript's language service does. */
export interface ModuleResolver {
  /** `fromRel`: importing file relative to the root; `kind`: how the import is written. */
  resolve(fromRel: string, specifier: string, kind: ImportKind): ResolvedImport;
  /** The config file (relative) of a file's default project, or `undefined` for the inferred project. */
  configFor(fromRel: string): string | undefined;
  /**
   * Forgets what depends on these changed, created or deleted paths (relative). `everything` is
   * true when a config, package.json or workspace file changed: every resolution may differ.
   * Otherwise only imports of the changed files and imports that could lead to them may differ.
   */
  invalidate(changedRel: readonly string[], cameOrWent?: boolean): { everything: boolean };
  /** TypeScript's own answer for an import, with the options and mode ArchLens chose. */
  resolveWithTypeScript(fromRel: string, specifier: string, kind: ImportKind): TypeScriptAnswer;
  readonly warnings: readonly Warning[];
}

interface ProjectState {
  readonly config: LoadedConfig | undefined;
  readonly options: ts.CompilerOptions;
  /** Shared by the projects whose options resolve alike (see {@link resolutionGroupKey}). */
  readonly cache: ts.ModuleResolutionCache;
  /** Whether a bare specifier resolves alike from every folder of one lookup scope (not `classic`). */
  readonly scoped: boolean;
  /** {@link lookupKey} → what TypeScript answered (a string: the error it threw); shared like `cache`. */
  readonly answers: Map<string, TypeScriptLookup>;
  /** {@link lookupKey} → the classified import. */
  readonly resolved: Map<string, ResolvedImport>;
}

/** What the projects of one resolution group share. */
interface ResolutionGroup {
  readonly cache: ts.ModuleResolutionCache;
  readonly answers: Map<string, TypeScriptLookup>;
}

/**
 * Projects whose options agree on everything module resolution reads resolve every lookup alike,
 * so they share one cache and one set of answers. "Everything" is TypeScript's own list (the
 * options it marks `affectsModuleResolution`, with their computed defaults, and the folder
 * `paths` are relative to): the key by which it shares caches between referenced projects.
 */
function resolutionGroupKey(options: ts.CompilerOptions): string {
  return tsInternals.getKeyForCompilerOptions(options, tsInternals.moduleResolutionOptionDeclarations);
}

/** A resolved module, none, or the message of the error TypeScript threw. */
type TypeScriptLookup = ts.ResolvedModuleFull | undefined | string;

interface FileState {
  readonly project: ProjectState;
  readonly importing: ImportingFile;
}

const inferredKey = '\0inferred';
const configNames =
  /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml|rush\.json|lerna\.json)$/;

/**
 * Creates the resolver of a workspace. `files` are the scanned files (relative), used to find
 * workspace packages; everything else is read through `fs` on demand and cached.
 */
export function createModuleResolver(
  fs: FileSystemPort,
  root: string,
  options: ModuleResolverOptions,
): ModuleResolver {
  return new TypeScriptModuleResolver(fs, root, options.files, options.shareLookups ?? true);
}

/** Options of {@link createModuleResolver}. */
export interface ModuleResolverOptions {
  /** The scanned files (relative). */
  readonly files: readonly string[];
  /**
   * Whether imports with the same lookup (folder or lookup scope, specifier, mode, project) share
   * one answer (default true). `false` asks TypeScript once per import; `verify:resolution` uses
   * it to check that sharing changes no answer.
   */
  readonly shareLookups?: boolean;
}

class TypeScriptModuleResolver implements ModuleResolver {
  private readonly root: string;
  private readonly rootPrefix: string;
  private readonly files: CachedFileSystem;
  private readonly loader: ConfigLoader;
  private readonly locator: ConfigLocator;
  private readonly host: ts.ModuleResolutionHost;
  private readonly scanned: Set<string>;
  private readonly projects = new Map<string, ProjectState>();
  /** {@link resolutionGroupKey} → the lookup cache and answers its projects share. */
  private readonly groups = new Map<string, ResolutionGroup>();
  private readonly fileStates = new Map<string, FileState>();
  private readonly packageTypes = new Map<string, string | null>();
  /** Folder → the folders its bare specifiers' lookups depend on (see {@link lookupKey}). */
  private readonly folders = new Map<string, LookupFolders>();
  /** Counts lookups, to make every key unique when lookups are not shared. */
  private lookups = 0;
  private packageJsonInfoCache: ts.PackageJsonInfoCache | undefined;
  private workspace: Map<string, WorkspacePackage> | undefined;
  /** Specifier of a workspace package → its source file (`null`: none), when TypeScript found nothing. */
  private readonly workspaceSources = new Map<string, string | null>();
  private readonly workspaceWarnings: Warning[] = [];

  constructor(
    fs: FileSystemPort,
    root: string,
    scanned: readonly string[],
    private readonly shareLookups: boolean,
  ) {
    this.root =
      root.length > 1 && root.endsWith('/') && !/^[A-Za-z]:\/$/.test(root) ? root.slice(0, -1) : root;
    this.rootPrefix = this.root.endsWith('/') ? this.root : this.root + '/';
    // Nothing outside the root is read: not an `extends` or a package behind a link out of it,
    // not the ancestors' node_modules. A package found nowhere inside is external by its name.
    this.files = new CachedFileSystem(confineToRoot(fs, this.root));
    const relative = (path: string): string => this.relative(path);
    this.loader = new ConfigLoader(this.files, relative);
    this.locator = new ConfigLocator(this.loader, this.root, relative);
    this.scanned = new Set(scanned);
    this.host = {
      fileExists: (p) => this.files.fileExists(p),
      directoryExists: (p) => this.files.directoryExists(p),
      readFile: (p) => this.files.readFile(p),
      realpath: (p) => this.files.realpath(p),
      getDirectories: (p) => this.files.getDirectories(p),
      getCurrentDirectory: () => this.root,
      useCaseSensitiveFileNames: true,
    };
  }

  get warnings(): readonly Warning[] {
    const skipped = [...this.files.skippedReads].map(([path, message]) => ({
      file: this.relative(path),
      message,
    }));
    return [...this.loader.warnings, ...this.workspaceWarnings, ...skipped];
  }

  configFor(fromRel: string): string | undefined {
    const config = this.fileState(this.absolute(fromRel)).project.config;
    return config ? this.relative(config.path) : undefined;
  }

  resolveWithTypeScript(fromRel: string, specifier: string, kind: ImportKind): TypeScriptAnswer {
    const from = this.absolute(fromRel);
    const { project, importing } = this.fileState(from);
    const mode = resolutionModeFor(kind, importing, project.options);
    const key = this.lookupKey(from, specifier, mode, project);
    const answer = this.askTypeScript(key, from, specifier, mode, project);
    return { resolvedFileName: typeof answer === 'string' ? undefined : answer?.resolvedFileName, mode };
  }

  resolve(fromRel: string, specifier: string, kind: ImportKind): ResolvedImport {
    const from = this.absolute(fromRel);
    const { project, importing } = this.fileState(from);
    const mode = resolutionModeFor(kind, importing, project.options);
    const key = this.lookupKey(from, specifier, mode, project);
    let answer = project.resolved.get(key);
    if (answer === undefined) {
      answer = this.classify(specifier, this.askTypeScript(key, from, specifier, mode, project), project);
      project.resolved.set(key, answer);
    }
    return answer;
  }

  /**
   * What an import's answer depends on besides the specifier, mode and project. A relative one
   * depends on the importing file's folder. A bare one only on what TypeScript reads for it: the
   * `node_modules` of the folder and its ancestors (so only the nearest folder that has one
   * matters: below it every probe misses alike), and the package scope (the nearest
   * package.json, read for `#imports` and for a self-name reference), only when the specifier
   * starts with `#` or with that package's name. `paths` and `baseUrl` do not depend on the
   * importing file. `classic` resolution probes every ancestor: its key is the folder.
   */
  private lookupKey(from: string, specifier: string, mode: ts.ResolutionMode, project: ProjectState): string {
    if (!this.shareLookups) return `${String(mode)}\0${from}\0${specifier}\0${this.lookups++}`;
    const dir = parentOf(from);
    if (!project.scoped || ts.isExternalModuleNameRelative(specifier) || isInNodeModules(dir + '/')) {
      return `${String(mode)}\0${dir}\0${specifier}`;
    }
    const folders = this.lookupFolders(dir);
    const scope = folders.scope;
    const selfName =
      scope !== undefined && (specifier.startsWith('#') || mayBeSelfName(specifier, scope.name));
    return `${String(mode)}\0${folders.modules}\0${selfName ? scope.dir : ''}\0${specifier}`;
  }

  /** The nearest folder at or above `dir` with a `node_modules` entry, and the package scope. */
  private lookupFolders(dir: string): LookupFolders {
    const known = this.folders.get(dir);
    if (known !== undefined) return known;
    const parent = parentOf(dir);
    const above = parent === dir ? undefined : this.lookupFolders(parent);
    const modules = this.files.exists(join(dir, 'node_modules')) ? dir : (above?.modules ?? '');
    const scope = this.files.fileExists(join(dir, 'package.json'))
      ? { dir, name: this.packageName(join(dir, 'package.json')) }
      : above?.scope;
    const folders = { modules, scope };
    this.folders.set(dir, folders);
    return folders;
  }

  /** The `name` of a package.json (`undefined` when it cannot be read as JSON with a string name). */
  private packageName(path: string): string | undefined {
    const text = this.files.readFile(path);
    if (text === undefined) return undefined;
    try {
      const manifest: unknown = JSON.parse(text);
      const name = isRecord(manifest) ? manifest['name'] : undefined;
      return typeof name === 'string' ? name : undefined;
    } catch {
      return undefined;
    }
  }

  /** `ts.resolveModuleName` for one lookup, remembered under its key. */
  private askTypeScript(
    key: string,
    from: string,
    specifier: string,
    mode: ts.ResolutionMode,
    project: ProjectState,
  ): TypeScriptLookup {
    if (project.answers.has(key)) return project.answers.get(key);
    let answer: TypeScriptLookup;
    try {
      answer = ts.resolveModuleName(
        specifier,
        from,
        project.options,
        this.host,
        project.cache,
        undefined,
        mode,
      ).resolvedModule;
    } catch (error) {
      answer = String(error);
    }
    project.answers.set(key, answer);
    return answer;
  }

  private classify(specifier: string, resolved: TypeScriptLookup, project: ProjectState): ResolvedImport {
    if (typeof resolved === 'string') {
      return { to: null, resolution: 'unresolved', reason: `TypeScript failed to resolve it: ${resolved}` };
    }
    const builtin = builtinModuleName(specifier);
    if (resolved) {
      const file = resolved.resolvedFileName;
      const rel = this.inRoot(file) ? this.relative(file) : undefined;
      if (rel !== undefined && !isInNodeModules(rel)) return { to: rel, resolution: 'internal' };
      if (builtin !== undefined) return { to: builtin, resolution: 'builtin' };
      const name =
        parsePackageSpecifier(specifier)?.name ?? resolved.packageId?.name ?? packageNameFromPath(file);
      if (name !== undefined && isInNodeModules(file)) return { to: name, resolution: 'external' };
      return { to: null, resolution: 'unresolved', reason: `resolved outside the workspace: ${file}` };
    }
    if (builtin !== undefined) return { to: builtin, resolution: 'builtin' };
    return this.unresolvedByTypeScript(specifier, project.options);
  }

  /**
   * Forgets what the changed files may have changed. `cameOrWent` says files were created or
   * deleted: the file cache cannot always tell (it may never have been asked about a new file,
   * and asking now reads the disk, which already has it), and which files each tsconfig selects
   * depends on it (`y.tsx` leaves a project when `y.ts` appears).
   */
  invalidate(changedRel: readonly string[], cameOrWent = false): { everything: boolean } {
    const changed = changedRel.map((rel) => this.absolute(rel));
    const everything =
      changedRel.some((rel) => configNames.test(rel)) || changed.some((p) => this.loader.dependsOn(p));
    if (everything) {
      this.files.clear();
      this.loader.clear();
      this.locator.forget();
      this.projects.clear();
      this.groups.clear();
      this.fileStates.clear();
      this.packageTypes.clear();
      this.folders.clear();
      this.packageJsonInfoCache = undefined;
      this.workspace = undefined;
      this.workspaceSources.clear();
      this.workspaceWarnings.length = 0;
    }
    let existenceChanged = cameOrWent;
    for (const path of changed) {
      const before = this.files.fileExists(path);
      this.files.forget([path]);
      const after = this.files.fileExists(path);
      if (before !== after) existenceChanged = true;
      const rel = this.relative(path);
      if (after) this.scanned.add(rel);
      else this.scanned.delete(rel);
      this.fileStates.delete(path);
    }
    if (!everything) {
      // TypeScript's caches hold failed and successful lookups alike: start them afresh.
      for (const project of this.projects.values()) {
        project.cache.clear();
        project.answers.clear();
        project.resolved.clear();
      }
      this.workspaceSources.clear();
      // A package.json or node_modules entry that came or went changes the lookup folders.
      this.folders.clear();
      if (existenceChanged) {
        // Which files a config selects may have changed.
        this.loader.clear();
        this.locator.forget();
        this.projects.clear();
        this.groups.clear();
        this.fileStates.clear();
      }
    }
    return { everything };
  }

  private unresolvedByTypeScript(specifier: string, options: ts.CompilerOptions): ResolvedImport {
    const pkg = parsePackageSpecifier(specifier);
    const member = pkg ? this.workspacePackages().get(pkg.name) : undefined;
    if (pkg && member) {
      let source = this.workspaceSources.get(specifier);
      if (source === undefined) {
        source =
          workspaceSourceFile(member, pkg.subpath, (rel) => this.files.fileExists(this.absolute(rel))) ??
          null;
        this.workspaceSources.set(specifier, source);
      }
      if (source !== null) return { to: source, resolution: 'internal', via: 'workspace' };
      return {
        to: null,
        resolution: 'unresolved',
        reason: `workspace package ${pkg.name} has no source file for '${pkg.subpath || '.'}'`,
      };
    }
    if (isPathLike(specifier)) return { to: null, resolution: 'unresolved', reason: 'file not found' };
    if (specifier.startsWith('#')) {
      return { to: null, resolution: 'unresolved', reason: 'no matching "imports" entry in package.json' };
    }
    const alias = matchingPathsPattern(specifier, options.paths);
    // An alias onto node_modules (`"sharp": ["./node_modules/sharp"]`) names a package not installed.
    const ontoPackages =
      alias !== undefined && (options.paths?.[alias] ?? []).every((t) => t.includes('node_modules/'));
    if (pkg && ontoPackages) return { to: pkg.name, resolution: 'external' };
    if (alias !== undefined) {
      return { to: null, resolution: 'unresolved', reason: `paths alias '${alias}' target not found` };
    }
    if (pkg) return { to: pkg.name, resolution: 'external' };
    return { to: null, resolution: 'unresolved', reason: 'not a package name and no paths alias matches' };
  }

  private workspacePackages(): Map<string, WorkspacePackage> {
    if (!this.workspace) {
      this.workspace = findWorkspacePackages(
        [...this.scanned],
        (rel) => this.files.readFile(this.absolute(rel)),
        this.workspaceWarnings,
      );
    }
    return this.workspace;
  }

  private fileState(from: string): FileState {
    let state = this.fileStates.get(from);
    if (!state) {
      const config = this.locator.configFor(from);
      const project = this.project(config);
      const impliedNodeFormat = ts.getImpliedNodeFormatForFile(
        from,
        project.cache.getPackageJsonInfoCache(),
        this.host,
        project.options,
      );
      state = {
        project,
        importing: { fileName: from, impliedNodeFormat, packageType: this.packageType(parentOf(from)) },
      };
      this.fileStates.set(from, state);
    }
    return state;
  }

  private project(config: LoadedConfig | undefined): ProjectState {
    const key = config?.path ?? inferredKey;
    let project = this.projects.get(key);
    if (!project) {
      const options = config?.options ?? inferredProjectOptions;
      this.packageJsonInfoCache ??= ts
        .createModuleResolutionCache(this.root, identity)
        .getPackageJsonInfoCache();
      // Without shared lookups (verify:resolution's reference), each project keeps its own cache.
      const groupKey = this.shareLookups ? resolutionGroupKey(options) : `project\0${key}`;
      let group = this.groups.get(groupKey);
      if (!group) {
        group = {
          cache: ts.createModuleResolutionCache(this.root, identity, options, this.packageJsonInfoCache),
          answers: new Map(),
        };
        this.groups.set(groupKey, group);
      }
      const scoped = tsInternals.getEmitModuleResolutionKind(options) !== ts.ModuleResolutionKind.Classic;
      project = { config, options, scoped, resolved: new Map(), ...group };
      this.projects.set(key, project);
    }
    return project;
  }

  /** The `type` of the nearest package.json at or above a folder. */
  private packageType(dir: string): string | undefined {
    const known = this.packageTypes.get(dir);
    if (known !== undefined) return known ?? undefined;
    let type: string | undefined;
    const text = this.files.readFile(join(dir, 'package.json'));
    if (text !== undefined) {
      try {
        const manifest: unknown = JSON.parse(text);
        const value = isRecord(manifest) ? manifest['type'] : undefined;
        type = typeof value === 'string' ? value : undefined;
      } catch {
        type = undefined;
      }
    } else {
      const parent = parentOf(dir);
      if (parent !== dir) type = this.packageType(parent);
    }
    this.packageTypes.set(dir, type ?? null);
    return type;
  }

  private absolute(rel: string): string {
    return rel === '' || rel === '.' ? this.root : this.rootPrefix + rel;
  }

  private relative(path: string): string {
    if (path === this.root) return '.';
    return path.startsWith(this.rootPrefix) ? path.slice(this.rootPrefix.length) : path;
  }

  private inRoot(path: string): boolean {
    return path.startsWith(this.rootPrefix);
  }
}

/** What a folder's lookups of bare specifiers depend on. */
interface LookupFolders {
  /** The nearest folder at or above it with a `node_modules` entry (`''`: none). */
  readonly modules: string;
  /** The nearest package.json at or above it: its folder and `name`. */
  readonly scope: { readonly dir: string; readonly name: string | undefined } | undefined;
}

/**
 * Whether TypeScript's self-name reference could apply: it compares the path components of the
 * package's name with the specifier's, so it cannot when the name (without a trailing slash) is
 * a plain string the specifier does not start with. Any other name counts as "could".
 */
function mayBeSelfName(specifier: string, name: string | undefined): boolean {
  if (name === undefined) return true;
  const plain = name.replace(/\/+$/, '');
  if (plain === '' || plain.includes('\\') || plain.includes('//') || plain.startsWith('.')) return true;
  return specifier.startsWith(plain);
}

function identity(name: string): string {
  return name;
}

function isInNodeModules(path: string): boolean {
  return path.startsWith('node_modules/') || path.includes('/node_modules/');
}

/** The `paths` pattern (other than a bare `*`) that a specifier matches, if any. */
function matchingPathsPattern(
  specifier: string,
  paths: ts.MapLike<string[]> | undefined,
): string | undefined {
  if (!paths) return undefined;
  for (const pattern of Object.keys(paths)) {
    if (pattern === '*') continue;
    const star = pattern.indexOf('*');
    if (
      star < 0
        ? specifier === pattern
        : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))
    ) {
      return pattern;
    }
  }
  return undefined;
}
