import { loadConfig, type ArchLensConfig } from '../config';
import { extractFile, extractorFor, type FileExtraction, type RawImport } from '../extract';
import { classifyManifestFile, isManifestCandidate, parseManifests } from '../manifests';
import type { FileChange, ImportEdge, Manifest, ModelDelta, Warning, WorkspaceModel } from '../model';
import {
  CancelledError,
  type CancellationSignal,
  type FileSystemPort,
  type ImportExtractionPort,
  type ProgressSink,
} from '../ports';
import { createModuleResolver, type ModuleResolver } from '../resolve';
import {
  createLanguageResolver,
  isLanguageResolved,
  LANGUAGE_BUILD_FILE,
  type LanguageResolver,
} from '../resolve/languages';
import { isScopeFile, readManifestText, scanWorkspace, type ScannedFile, type ScopeMatcher } from '../scan';
import type { AnalysisCacheOptions, ResolverInputs, WarmStartReport } from '../cache';
import { RecordingFileSystem, refreshInputs } from '../cache';
import { dedupe, firstEdgeFrom, mayResolveDifferently, stemKey, withAncestors } from './change-scope';
import { compareEdges, compareManifests, compareStrings, compareWarnings, edgeKey } from './edge-order';
import type { AnalysisSnapshot } from '../cache';
import { loadSnapshot, modelOfSnapshot, snapshotOf, warmStart, type WarmStartHost } from './warm-start';

/** Options of an analysis; the extension adds the user's `files.exclude`/`search.exclude` here. */
export interface EngineOptions {
  readonly exclude?: readonly string[];
  readonly maxFileSize?: number;
  readonly signal?: CancellationSignal;
  readonly progress?: ProgressSink;
  /** Extracts many files at once (threads, in the Node adapters); used for the cold analysis. */
  readonly extraction?: ImportExtractionPort;
  /** Keeps the analysis between runs: a start re-reads and re-resolves only what changed. */
  readonly cache?: AnalysisCacheOptions;
}

/** Progress is reported (and cancellation checked) every this many files read. */
const PROGRESS_EVERY = 500;

/** Files whose change can alter how every import resolves. */
const RESOLUTION_CONFIG =
  /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml)$/;

/**
 * The workspace model, built cold by `analyze()` and kept current by `update(changes)`, which
 * re-reads only the files that changed and re-resolves only the imports they can affect.
 */
export class WorkspaceEngine {
  private config: ArchLensConfig = {};
  private configWarnings: readonly Warning[] = [];
  private scanWarnings: readonly Warning[] = [];
  private manifestWarnings: readonly Warning[] = [];
  private readonly files = new Map<string, ScannedFile>();
  private readonly imports = new Map<string, readonly RawImport[]>();
  private readonly edges = new Map<string, readonly ImportEdge[]>();
  private readonly fileWarnings = new Map<string, readonly Warning[]>();
  /** The packages and namespaces each Java, Kotlin, C# and Go file declares. */
  private readonly declares = new Map<string, readonly string[]>();
  /** Resolves Java, Kotlin, C#, Go and Python imports; made again when what it indexes changes. */
  private languageResolver: LanguageResolver | undefined;
  /** During a cold read: files of those languages, resolved once every file's declarations are in. */
  private deferredLanguageFiles: string[] | undefined;
  /** Source files that may declare functions (CDK stacks, Azure v4 apps): read again for manifests. */
  private readonly sourceManifests = new Set<string>();
  private manifests: readonly Manifest[] = [];
  private resolver: ModuleResolver | undefined;
  private current: WorkspaceModel | undefined;
  private sortedPaths: string[] | undefined;
  private scope: ScopeMatcher | undefined;
  /** The `serverless.ts`/`.js` files, found again when files come or go. */
  private serverlessSources: string[] | undefined;
  /** During an update: the edges each touched file had before it, for the delta. */
  private previousEdges: Map<string, readonly ImportEdge[]> | undefined;
  /** Content hash of each source file read (kept for the cache). */
  private readonly hashes = new Map<string, string>();
  /** With a cache: what the current resolver read, to store with its answers. */
  private recorder: RecordingFileSystem | undefined;
  /** Inputs of the answers taken over from a snapshot (checked at the start), and their warnings. */
  private inheritedInputs: ResolverInputs | undefined;
  private inheritedWarnings: readonly Warning[] = [];
  /** Files read during an update that were read already (a warm start's changed files). */
  private preExtracted: Map<string, FileExtraction> | undefined;
  /** When the state was last checked against the files (the snapshot's time). */
  private checkedAt = 0;
  /** Files whose imports were resolved since the last `analyze()`. */
  private resolvedFiles = 0;
  /** The snapshot `cachedModel()` read, for the `analyze()` that follows. */
  private earlySnapshot: AnalysisSnapshot | null | undefined;
  private lastWarmStart: WarmStartReport = { kind: 'cold', filesRead: 0, filesResolved: 0 };

  constructor(
    private readonly fs: FileSystemPort,
    readonly root: string,
    private readonly options: EngineOptions = {},
  ) {}

  /** The latest model; analyses cold on first use. */
  get model(): WorkspaceModel {
    return this.current ?? this.analyze();
  }

  /**
   * The model of the last analysis stored in the cache, as it was, without looking at the files:
   * for showing the previous result at once while `analyze()` checks it. `undefined` without a
   * usable snapshot (a discarded one is reported then, and not again by `analyze()`).
   */
  cachedModel(): WorkspaceModel | undefined {
    const cache = this.options.cache;
    if (!cache) return undefined;
    this.config = loadConfig(this.fs, this.root).config;
    const snapshot = loadSnapshot(cache, this.cacheKey());
    this.earlySnapshot = snapshot ?? null;
    return snapshot ? modelOfSnapshot(snapshot) : undefined;
  }

  /** What the last `analyze()` took over from the cache. */
  get warmStartReport(): WarmStartReport {
    return this.lastWarmStart;
  }

  /**
   * Analyses the whole workspace: from scratch, or with a cache from its snapshot, reading again
   * only the files whose size, mtime or bytes changed and resolving again only the imports whose
   * answer may differ. Either way the model is the one a cold analysis gives.
   */
  analyze(): WorkspaceModel {
    this.checkedAt = Date.now();
    this.resolvedFiles = 0;
    const { config, warnings } = loadConfig(this.fs, this.root);
    this.config = config;
    this.configWarnings = warnings;
    this.checkCancelled();
    const early = this.earlySnapshot;
    this.earlySnapshot = undefined;
    // `null`: `cachedModel()` found none it could use (and said so): not looked for again.
    const snapshot =
      early === null
        ? undefined
        : early?.optionsKey === this.cacheKey().optionsKey
          ? early
          : this.options.cache
            ? loadSnapshot(this.options.cache, this.cacheKey())
            : undefined;
    const scan = scanWorkspace(this.fs, this.root, this.scanOptions());
    this.scanWarnings = scan.warnings;
    this.scope = scan.scope;
    this.files.clear();
    this.sortedPaths = undefined;
    this.serverlessSources = undefined;
    this.imports.clear();
    this.edges.clear();
    this.fileWarnings.clear();
    this.declares.clear();
    this.languageResolver = undefined;
    this.sourceManifests.clear();
    this.hashes.clear();
    this.inheritedInputs = undefined;
    this.inheritedWarnings = [];
    for (const file of scan.files) this.files.set(file.path, file);

    const sources = scan.files.filter((f) => extractorFor(f.path) !== undefined);
    if (snapshot) {
      this.lastWarmStart = warmStart(this.warmStartHost(), snapshot, scan.files, sources);
      // Their answers depend on every file's declarations, which the snapshot does not index.
      this.resolveLanguageFilesAfresh();
    } else {
      this.lastWarmStart = { kind: 'cold', filesRead: sources.length, filesResolved: sources.length };
      this.analyzeCold(sources);
    }
    this.report('manifests', 0, undefined, 'Reading manifests');
    this.readManifests();
    this.current = this.compose();
    // A snapshot that every answer and every file's stat came from as they are is kept as it is.
    const asStored = this.lastWarmStart.kind === 'unchanged' && this.lastWarmStart.filesRead === 0;
    if (!asStored) this.saveCache();
    return this.current;
  }

  /** Writes the snapshot of the current analysis to the cache (a no-op without one). */
  saveCache(): void {
    const cache = this.options.cache;
    if (!cache || this.current === undefined) return;
    cache.store.write(
      snapshotOf({
        key: this.cacheKey(),
        checkedAt: this.checkedAt,
        files: this.files,
        hashes: this.hashes,
        imports: this.imports,
        edges: this.edges,
        fileWarnings: this.fileWarnings,
        sourceManifests: this.sourceManifests,
        declares: this.declares,
        resolverWarnings: this.resolverWarnings(),
        resolverInputs: this.recorder?.inputs(this.inheritedInputs) ?? this.inheritedInputs,
        model: this.current,
      }),
    );
  }

  private cacheKey(): { version: string; optionsKey: string; root: string } {
    return {
      version: this.options.cache?.version ?? '',
      optionsKey: JSON.stringify({ exclude: this.options.exclude ?? [], maxFileSize: this.maxFileSize() }),
      root: this.root,
    };
  }

  /** What the warm start may do to the engine's state. */
  private warmStartHost(): WarmStartHost {
    return {
      fs: this.fs,
      root: this.root,
      extract: (files, take) => this.extractAll(files, take),
      take: (result) => this.takeExtraction(result),
      imports: this.imports,
      edges: this.edges,
      setFiles: (files) => {
        this.files.clear();
        for (const file of files) this.files.set(file.path, file);
        this.sortedPaths = undefined;
        this.serverlessSources = undefined;
      },
      forget: (path) => {
        this.imports.delete(path);
        this.edges.delete(path);
        this.fileWarnings.delete(path);
        this.declares.delete(path);
        this.sourceManifests.delete(path);
        this.hashes.delete(path);
      },
      startResolver: (inherited, warnings) => {
        this.resolver = this.newResolver();
        this.inheritedInputs = inherited;
        this.inheritedWarnings = warnings;
      },
      resolveAll: () => this.resolveAllAfresh(),
      resolvedCount: () => this.resolvedFiles,
      update: (changes, preExtracted) => {
        this.current = this.compose();
        this.preExtracted = preExtracted;
        try {
          return this.update(changes).delta;
        } finally {
          this.preExtracted = undefined;
        }
      },
    };
  }

  private analyzeCold(sources: readonly ScannedFile[]): void {
    this.report('parse', 0, sources.length, `Reading imports of ${sources.length} files`);
    // The resolver needs only the file list, so each file's imports are resolved as soon as
    // they are read, while the extraction port's helper threads read the next files.
    this.resolver = this.newResolver();
    this.deferredLanguageFiles = [];
    let done = 0;
    const take = (result: FileExtraction): void => {
      this.takeExtraction(result);
      this.resolveFile(result.relPath);
      if (++done % PROGRESS_EVERY === 0) {
        this.checkCancelled();
        this.report(
          'parse',
          done,
          sources.length,
          `Reading and resolving imports (${done}/${sources.length})`,
        );
      }
    };
    try {
      this.extractAll(sources, take);
    } finally {
      const deferred = this.deferredLanguageFiles;
      this.deferredLanguageFiles = undefined;
      this.languageResolver = undefined;
      for (const path of deferred) this.resolveFile(path);
    }
    this.report(
      'parse',
      sources.length,
      sources.length,
      `Read and resolved the imports of ${sources.length} files`,
    );
  }

  /** Reads and extracts files (on the extraction port's threads when there is one). */
  private extractAll(sources: readonly ScannedFile[], take: (result: FileExtraction) => void): void {
    const max = this.maxFileSize();
    const batch = 2000;
    for (let start = 0; start < sources.length; start += batch) {
      const files = sources
        .slice(start, start + batch)
        .map((f) => ({ relPath: f.path, absPath: `${this.root}/${f.path}` }));
      if (this.options.extraction) this.options.extraction.extractEach(files, max, take);
      else for (const file of files) take(extractFile(this.fs, file, max, extractorFor));
      this.checkCancelled();
    }
  }

  /** A resolver; with a cache, over a port that records what it reads. */
  private newResolver(): ModuleResolver {
    this.recorder = this.options.cache ? new RecordingFileSystem(this.fs) : undefined;
    return createModuleResolver(this.recorder ?? this.fs, this.root, { files: [...this.files.keys()] });
  }

  /** The resolver's warnings, with those of the answers taken over from a snapshot. */
  private resolverWarnings(): readonly Warning[] {
    const own = this.resolver?.warnings ?? [];
    return this.inheritedWarnings.length === 0 ? own : [...this.inheritedWarnings, ...own];
  }

  /** Applies file-system changes and returns what changed in the model. */
  update(changes: readonly FileChange[]): { model: WorkspaceModel; delta: ModelDelta } {
    const before = this.model;
    if (changes.some((c) => isScopeFile(c.path) || (c.type === 'renamed' && isScopeFile(c.from)))) {
      return { model: this.analyze(), delta: diffModels(before, this.current ?? before) };
    }
    const touched = new Set<string>();
    const existenceChanged: string[] = [];
    // Every path changed, in scope or not (TypeScript finds ignored and excluded files too, so
    // they decide where imports lead as much as scanned ones); and those that came and went.
    const probed = new Set<string>();
    const appeared = new Set<string>();
    const gone = new Set<string>();
    // A folder (or a path never scanned) went away: what the resolver remembers under it is
    // unknown, so a fresh resolver re-resolves everything.
    let resolveAll = false;
    this.previousEdges = new Map();
    const manifestsBefore = this.manifests;
    const matcher = this.scope;
    const remove = (path: string): void => {
      probed.add(path);
      gone.add(path);
      if (!this.files.has(path)) resolveAll = true;
      const under = this.files.has(path) ? [path] : [...this.files.keys()];
      for (const known of under) {
        if (known === path || known.startsWith(path + '/')) {
          this.rememberEdges(known);
          this.files.delete(known);
          this.imports.delete(known);
          this.edges.delete(known);
          this.fileWarnings.delete(known);
          this.declares.delete(known);
          this.sourceManifests.delete(known);
          this.hashes.delete(known);
          existenceChanged.push(known);
          touched.add(known);
        }
      }
    };
    const add = (path: string, existedBefore: boolean): void => {
      probed.add(path);
      const stat = this.fs.stat(`${this.root}/${path}`);
      if (stat?.kind === 'directory') {
        appeared.add(path);
        // A folder appeared (or was renamed in): every file under it is new to the resolver, and
        // those in scope are what a scan of the whole tree finds under it.
        if (!this.collectFiles(path, appeared)) resolveAll = true;
        const scan = scanWorkspace(this.fs, this.root, this.scanOptions());
        for (const file of scan.files)
          if (file.path.startsWith(path + '/') && !this.files.has(file.path)) add(file.path, false);
        return;
      }
      if (stat?.kind !== 'file' || matcher?.isExcluded(path, false) !== false) {
        if (!existedBefore) appeared.add(path);
        return;
      }
      const existed = this.files.has(path);
      if (!existed) appeared.add(path);
      this.files.set(path, { path, size: stat.size, mtimeMs: stat.mtimeMs });
      if (!existed) existenceChanged.push(path);
      touched.add(path);
    };
    for (const change of changes) {
      if (change.type === 'deleted') remove(change.path);
      else if (change.type === 'renamed') {
        remove(change.from);
        add(change.path, false);
      } else if (this.fs.stat(`${this.root}/${change.path}`) === undefined) remove(change.path);
      else add(change.path, change.type === 'changed');
    }

    // A Java/Kotlin/C#/Go/Python file or a build file of theirs came, went or changed: their
    // indexes (packages, namespaces, modules, roots) are made again and all their imports re-resolved.
    const languagesChanged = [...probed, ...touched].some(
      (p) => isLanguageResolved(p) || LANGUAGE_BUILD_FILE.test(p),
    );
    if (languagesChanged) this.languageResolver = undefined;
    const manifestSourcesBefore = new Set(this.sourceManifests);
    for (const path of touched) if (this.files.has(path) && extractorFor(path)) this.parseFile(path);
    for (const path of touched) probed.add(path);
    for (const path of appeared) probed.add(path);
    // A file the resolver read for answers taken over from a snapshot (an `extends`d config,
    // a package.json) counts as a config: the resolver now in use may not have read it yet.
    const inherited = this.inheritedInputs?.reads;
    const configChanged = [...probed].some(
      (p) => RESOLUTION_CONFIG.test(p) || inherited?.has(`${this.root}/${p}`) === true,
    );
    // The resolver reports a broken config when it first reads it for some import, and forgets
    // its configs when files come or go (or a config changes): which imports read them first is
    // not tracked, so with such warnings around only a full pass then gives the same warnings.
    // An edit of existing files keeps the configs and their warnings, so it stays incremental.
    const structural = appeared.size > 0 || gone.size > 0 || configChanged;
    if (structural && this.resolverWarnings().length > 0) resolveAll = true;
    const everything = configChanged;
    if (resolveAll || this.resolver === undefined) {
      this.resolveAllAfresh();
    } else if (
      // The files first: the resolver sees whether they came or went from the folder listings
      // it still holds (and then recomputes which files each tsconfig selects). Then the folders
      // on the way, which change too (a new `x/index.ts` creates `x/`).
      this.resolver.invalidate([...probed], appeared.size > 0 || gone.size > 0).everything ||
      this.resolver.invalidate(withAncestors(probed).filter((p) => !probed.has(p))).everything ||
      everything
    ) {
      for (const path of this.imports.keys()) this.resolveFile(path);
    } else {
      const again = new Set<string>();
      for (const path of touched) if (this.imports.has(path)) again.add(path);
      if (appeared.size > 0 || gone.size > 0) {
        const came = [...appeared];
        const went = [...gone];
        // A tsconfig's globs leave out `y.d.ts` and `y.js` when `y.ts` is there: a file coming
        // or going can move its same-named neighbours to another project.
        const neighbours = new Set([...came, ...went].map(stemKey));
        for (const [from, edges] of this.edges) {
          if (again.has(from)) continue;
          if (neighbours.has(stemKey(from)) || edges.some((edge) => mayResolveDifferently(edge, came, went)))
            again.add(from);
        }
      }
      for (const path of again) this.resolveFile(path);
      if (structural && this.resolverWarnings().length > 0) this.resolveAllAfresh();
    }
    if (languagesChanged) this.resolveLanguageFilesAfresh();
    const cameOrWent = new Set(existenceChanged);
    const manifestsTouched = [...touched].some((p) => {
      if (manifestSourcesBefore.has(p) || this.sourceManifests.has(p)) return true;
      if (!isManifestCandidate(p)) return this.readByServerlessSource(p);
      // A plain source file under `api/` or `functions/` counts by its existence, not its text.
      return cameOrWent.has(p) || classifyManifestFile(p) !== 'source' || this.readByServerlessSource(p);
    });
    if (manifestsTouched) this.readManifests();
    if (existenceChanged.length > 0) {
      this.sortedPaths = undefined;
      this.serverlessSources = undefined;
    }
    if (this.options.cache) {
      const abs = withAncestors(probed).map((p) => `${this.root}/${p}`);
      refreshInputs(this.fs, [this.recorder, this.inheritedInputs], [...abs, this.root]);
    }
    this.current = this.composeAfterUpdate(before, existenceChanged.length > 0);
    const delta = this.updateDelta(before, existenceChanged, manifestsBefore);
    this.previousEdges = undefined;
    return { model: this.current, delta };
  }

  private resolveAllAfresh(): void {
    this.resolver = this.newResolver();
    this.languageResolver = undefined;
    this.inheritedInputs = undefined;
    this.inheritedWarnings = [];
    for (const path of this.imports.keys()) this.resolveFile(path);
  }

  private resolveLanguageFilesAfresh(): void {
    this.languageResolver = undefined;
    for (const path of this.imports.keys()) if (isLanguageResolved(path)) this.resolveFile(path);
  }

  /** Whether a `serverless.ts`/`.js` imports this file (its functions may be defined there). */
  private readByServerlessSource(path: string): boolean {
    if (this.serverlessSources === undefined) {
      this.serverlessSources = [...this.files.keys()].filter(
        (p) => classifyManifestFile(p) === 'serverless-source',
      );
    }
    return this.serverlessSources.some((from) =>
      (this.edges.get(from) ?? []).some((edge) => edge.to === path),
    );
  }

  /**
   * Adds every file under a folder (in scope or not) to `into`; `false` when there are too many
   * to be worth tracking one by one.
   */
  private collectFiles(folder: string, into: Set<string>, budget = { left: 5000 }): boolean {
    for (const entry of this.fs.readDirectory(`${this.root}/${folder}`) ?? []) {
      if (--budget.left < 0) return false;
      const path = `${folder}/${entry.name}`;
      if (entry.kind === 'directory') {
        into.add(path);
        if (!this.collectFiles(path, into, budget)) return false;
      } else into.add(path);
    }
    return true;
  }

  /** The delta of an update, from the edges of the files it touched only (not a whole-model diff). */
  private updateDelta(
    before: WorkspaceModel,
    existenceChanged: readonly string[],
    manifestsBefore: readonly Manifest[],
  ): ModelDelta {
    const beforeFiles = new Set(existenceChanged.length > 0 ? before.files : []);
    const afterFiles = new Set(existenceChanged.length > 0 ? (this.current?.files ?? []) : []);
    const addedEdges: ImportEdge[] = [];
    const removedEdges: ImportEdge[] = [];
    for (const [path, old] of this.previousEdges ?? []) {
      const now = this.edges.get(path) ?? [];
      const oldKeys = new Set(old.map(edgeKey));
      const newKeys = new Set(now.map(edgeKey));
      for (const edge of now) if (!oldKeys.has(edgeKey(edge))) addedEdges.push(edge);
      for (const edge of old) if (!newKeys.has(edgeKey(edge))) removedEdges.push(edge);
    }
    return {
      addedFiles: [...new Set(existenceChanged)]
        .filter((f) => afterFiles.has(f) && !beforeFiles.has(f))
        .sort(compareStrings),
      removedFiles: [...new Set(existenceChanged)]
        .filter((f) => beforeFiles.has(f) && !afterFiles.has(f))
        .sort(compareStrings),
      addedEdges: addedEdges.sort(compareEdges),
      removedEdges: removedEdges.sort(compareEdges),
      manifestsChanged:
        this.manifests !== manifestsBefore &&
        JSON.stringify(this.manifests) !== JSON.stringify(manifestsBefore),
    };
  }

  private rememberEdges(path: string): void {
    if (this.previousEdges && !this.previousEdges.has(path))
      this.previousEdges.set(path, this.edges.get(path) ?? []);
  }

  private parseFile(path: string): void {
    const known = this.preExtracted?.get(path);
    if (known) return this.takeExtraction(known);
    this.takeExtraction(
      extractFile(
        this.fs,
        { relPath: path, absPath: `${this.root}/${path}` },
        this.maxFileSize(),
        extractorFor,
      ),
    );
  }

  private takeExtraction(result: FileExtraction): void {
    const path = result.relPath;
    if (result.hash === undefined) this.hashes.delete(path);
    else this.hashes.set(path, result.hash);
    if ('warning' in result) {
      this.rememberEdges(path);
      this.imports.delete(path);
      this.edges.delete(path);
      this.sourceManifests.delete(path);
      this.fileWarnings.set(path, [result.warning]);
      this.declares.delete(path);
      return;
    }
    if (result.declares !== undefined && result.declares.length > 0) this.declares.set(path, result.declares);
    else this.declares.delete(path);
    if (result.declaresFunctions) this.sourceManifests.add(path);
    else this.sourceManifests.delete(path);
    this.imports.set(path, result.imports);
    this.fileWarnings.set(path, result.errors);
  }

  private resolveFile(path: string): void {
    const resolver = this.resolver;
    const raw = this.imports.get(path);
    if (!resolver || !raw) return;
    const byLanguage = isLanguageResolved(path);
    if (byLanguage && this.deferredLanguageFiles) {
      this.deferredLanguageFiles.push(path);
      return;
    }
    this.resolvedFiles++;
    this.rememberEdges(path);
    const languages = byLanguage
      ? (this.languageResolver ??= createLanguageResolver(
          this.fs,
          this.root,
          [...this.files.keys()],
          this.declares,
        ))
      : undefined;
    const edges: ImportEdge[] = raw.map((imp) => ({
      from: path,
      specifier: imp.specifier,
      line: imp.line,
      column: imp.column,
      kind: imp.kind,
      ...(languages?.resolve(path, imp) ?? resolver.resolve(path, imp.specifier, imp.kind)),
    }));
    this.edges.set(path, edges.sort(compareEdges));
  }

  private readManifests(): void {
    const files = [...this.files.keys()].sort(compareStrings);
    const max = this.maxFileSize();
    const result = parseManifests({
      files,
      // Source files were read once already; only those that may declare functions are read again.
      mayDeclareFunctions: (path) => this.sourceManifests.has(path),
      // Decodes UTF-16 manifests; a manifest that cannot be decoded is named in a warning.
      readText: (path) => readManifestText(this.fs, `${this.root}/${path}`, path, max),
    });
    this.manifests = result.manifests;
    this.manifestWarnings = result.warnings;
  }

  private compose(): WorkspaceModel {
    // Files are kept sorted and each file's edges are sorted, so the model's edge list is a
    // concatenation in file order: no global sort on every update.
    this.sortedPaths ??= [...this.files.keys()].sort(compareStrings);
    const files: string[] = [];
    const edges: ImportEdge[] = [];
    for (const path of this.sortedPaths) {
      const file = this.files.get(path);
      if (file && (file.language !== undefined || extractorFor(path))) files.push(path);
      const list = this.edges.get(path);
      if (list) for (const edge of list) edges.push(edge);
    }
    return {
      version: 1,
      root: this.root,
      files,
      edges,
      manifests: [...this.manifests].sort(compareManifests),
      warnings: this.allWarnings(),
    };
  }

  /**
   * The model after an update, from the one before: the edges of the files whose edges were
   * looked at again are spliced in place (the list is in file order), the rest is shared.
   */
  private composeAfterUpdate(before: WorkspaceModel, filesChanged: boolean): WorkspaceModel {
    const redone = [...(this.previousEdges?.keys() ?? [])];
    if (redone.length > 64) return this.compose();
    const edges = before.edges.slice();
    // From the last file to the first, so that the offsets still to find do not move.
    for (const path of redone.sort(compareStrings).reverse()) {
      const start = firstEdgeFrom(edges, path);
      let end = start;
      while (end < edges.length && edges[end]?.from === path) end++;
      edges.splice(start, end - start, ...(this.edges.get(path) ?? []));
    }
    this.sortedPaths ??= [...this.files.keys()].sort(compareStrings);
    return {
      version: 1,
      root: this.root,
      files: filesChanged ? this.sourceFiles(this.sortedPaths) : before.files,
      edges,
      manifests: [...this.manifests].sort(compareManifests),
      warnings: this.allWarnings(),
    };
  }

  private sourceFiles(sortedPaths: readonly string[]): string[] {
    return sortedPaths.filter((path) => {
      const file = this.files.get(path);
      return file !== undefined && (file.language !== undefined || extractorFor(path) !== undefined);
    });
  }

  private allWarnings(): Warning[] {
    const warnings: Warning[] = [...this.configWarnings, ...this.scanWarnings, ...this.manifestWarnings];
    for (const list of this.fileWarnings.values()) warnings.push(...list);
    warnings.push(...this.resolverWarnings());
    return dedupe(warnings).sort(compareWarnings);
  }

  private scanOptions() {
    return {
      exclude: [...(this.options.exclude ?? [])],
      config: this.config,
      maxFileSize: this.maxFileSize(),
      signal: this.options.signal,
      progress: this.options.progress,
    };
  }

  private maxFileSize(): number {
    return this.options.maxFileSize ?? this.config.maxFileSize ?? 1024 * 1024;
  }

  private checkCancelled(): void {
    if (this.options.signal?.isCancellationRequested) throw new CancelledError();
  }

  private report(phase: string, done: number, total: number | undefined, message: string): void {
    this.options.progress?.report({ phase, done, ...(total === undefined ? {} : { total }), message });
  }
}

/** The difference between two models, for views that redraw only what changed. */
export function diffModels(before: WorkspaceModel, after: WorkspaceModel): ModelDelta {
  const beforeFiles = new Set(before.files);
  const afterFiles = new Set(after.files);
  const beforeEdges = new Map(before.edges.map((e) => [edgeKey(e), e]));
  const afterEdges = new Map(after.edges.map((e) => [edgeKey(e), e]));
  return {
    addedFiles: after.files.filter((f) => !beforeFiles.has(f)),
    removedFiles: before.files.filter((f) => !afterFiles.has(f)),
    addedEdges: [...afterEdges].filter(([k]) => !beforeEdges.has(k)).map(([, e]) => e),
    removedEdges: [...beforeEdges].filter(([k]) => !afterEdges.has(k)).map(([, e]) => e),
    manifestsChanged: JSON.stringify(before.manifests) !== JSON.stringify(after.manifests),
  };
}
