import { loadConfig, type ArchLensConfig } from '../config';
import { extractFile, extractorFor, type FileExtraction } from '../extract';
import { classifyManifestFile, isManifestCandidate, parseManifests } from '../manifests';
import type { FileChange, Manifest, ModelDelta, Warning, WorkspaceModel } from '../model';
import {
  CancelledError,
  type CancellationSignal,
  type FileSystemPort,
  type ImportExtractionPort,
  type ProgressSink,
} from '../ports';
import { isLanguageResolved, LANGUAGE_BUILD_FILE } from '../resolve/languages';
import { isScopeFile, readManifestText, scanWorkspace, type ScannedFile, type ScopeMatcher } from '../scan';
import type { AnalysisCacheOptions, AnalysisSnapshot, WarmStartReport } from '../cache';
import { refreshInputs } from '../cache';
import { applyChanges } from './change-set';
import { mayResolveDifferently, stemKey, withAncestors } from './change-scope';
import { compareStrings } from './edge-order';
import { EngineFiles } from './engine-files';
import { ImportResolution } from './import-resolution';
import { collectWarnings, composeAfterUpdate, composeModel, diffModels, updateDelta } from './model-compose';
import { loadSnapshot, modelOfSnapshot, snapshotOf, warmStart, type WarmStartHost } from './warm-start';

export { diffModels } from './model-compose';

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
  private readonly state = new EngineFiles();
  private readonly resolution: ImportResolution;
  private manifests: readonly Manifest[] = [];
  private current: WorkspaceModel | undefined;
  private scope: ScopeMatcher | undefined;
  /** Files read during an update that were read already (a warm start's changed files). */
  private preExtracted: Map<string, FileExtraction> | undefined;
  /** When the state was last checked against the files (the snapshot's time). */
  private checkedAt = 0;
  /** The snapshot `cachedModel()` read, for the `analyze()` that follows. */
  private earlySnapshot: AnalysisSnapshot | null | undefined;
  private lastWarmStart: WarmStartReport = { kind: 'cold', filesRead: 0, filesResolved: 0 };

  constructor(
    private readonly fs: FileSystemPort,
    readonly root: string,
    private readonly options: EngineOptions = {},
  ) {
    this.resolution = new ImportResolution(fs, root, this.state, options.cache !== undefined);
  }

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
    this.resolution.resetCount();
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
    this.state.clear();
    this.resolution.forgetAll();
    for (const file of scan.files) this.state.files.set(file.path, file);

    const sources = scan.files.filter((f) => extractorFor(f.path) !== undefined);
    if (snapshot) {
      this.lastWarmStart = warmStart(this.warmStartHost(), snapshot, scan.files, sources);
      // Their answers depend on every file's declarations, which the snapshot does not index.
      this.resolution.resolveLanguageFilesAfresh();
    } else {
      this.lastWarmStart = { kind: 'cold', filesRead: sources.length, filesResolved: sources.length };
      this.analyzeCold(sources);
    }
    this.report('manifests', 0, undefined, 'Reading manifests');
    this.readManifests();
    this.current = composeModel(this.state, this.modelParts());
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
        files: this.state.files,
        hashes: this.state.hashes,
        imports: this.state.imports,
        edges: this.state.edges,
        fileWarnings: this.state.fileWarnings,
        sourceManifests: this.state.sourceManifests,
        declares: this.state.declares,
        resolverWarnings: this.resolution.warnings(),
        resolverInputs: this.resolution.inputs(),
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
      take: (result) => this.state.take(result),
      imports: this.state.imports,
      edges: this.state.edges,
      setFiles: (files) => this.state.setFiles(files),
      forget: (path) => this.state.forget(path),
      startResolver: (inherited, warnings) => this.resolution.start(inherited, warnings),
      resolveAll: () => this.resolution.resolveAllAfresh(),
      resolvedCount: () => this.resolution.resolvedCount,
      update: (changes, preExtracted) => {
        this.current = composeModel(this.state, this.modelParts());
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
    this.resolution.start();
    this.resolution.deferLanguageFiles();
    let done = 0;
    const take = (result: FileExtraction): void => {
      this.state.take(result);
      this.resolution.resolveFile(result.relPath);
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
      this.resolution.endDeferral();
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

  /** Applies file-system changes and returns what changed in the model. */
  update(changes: readonly FileChange[]): { model: WorkspaceModel; delta: ModelDelta } {
    const before = this.model;
    if (changes.some((c) => isScopeFile(c.path) || (c.type === 'renamed' && isScopeFile(c.from)))) {
      return { model: this.analyze(), delta: diffModels(before, this.current ?? before) };
    }
    this.state.previousEdges = new Map();
    const manifestsBefore = this.manifests;
    const { touched, existenceChanged, probed, appeared, gone, ...applied } = applyChanges(
      {
        fs: this.fs,
        root: this.root,
        state: this.state,
        scope: this.scope,
        scan: () => scanWorkspace(this.fs, this.root, this.scanOptions()).files,
      },
      changes,
    );
    let resolveAll = applied.resolveAll;

    // A Java/Kotlin/C#/Go/Python file or a build file of theirs came, went or changed: their
    // indexes (packages, namespaces, modules, roots) are made again and all their imports re-resolved.
    const languagesChanged = [...probed, ...touched].some(
      (p) => isLanguageResolved(p) || LANGUAGE_BUILD_FILE.test(p),
    );
    if (languagesChanged) this.resolution.forgetLanguageIndex();
    const manifestSourcesBefore = new Set(this.state.sourceManifests);
    for (const path of touched) if (this.state.files.has(path) && extractorFor(path)) this.parseFile(path);
    for (const path of touched) probed.add(path);
    for (const path of appeared) probed.add(path);
    // A file the resolver read for answers taken over from a snapshot (an `extends`d config,
    // a package.json) counts as a config: the resolver now in use may not have read it yet.
    const inherited = this.resolution.inherited?.reads;
    const configChanged = [...probed].some(
      (p) => RESOLUTION_CONFIG.test(p) || inherited?.has(`${this.root}/${p}`) === true,
    );
    // The resolver reports a broken config when it first reads it for some import, and forgets
    // its configs when files come or go (or a config changes): which imports read them first is
    // not tracked, so with such warnings around only a full pass then gives the same warnings.
    // An edit of existing files keeps the configs and their warnings, so it stays incremental.
    const structural = appeared.size > 0 || gone.size > 0 || configChanged;
    if (structural && this.resolution.warnings().length > 0) resolveAll = true;
    const resolution = this.resolution;
    if (resolveAll || !resolution.started) {
      resolution.resolveAllAfresh();
    } else if (
      // The files first: the resolver sees whether they came or went from the folder listings
      // it still holds (and then recomputes which files each tsconfig selects). Then the folders
      // on the way, which change too (a new `x/index.ts` creates `x/`).
      resolution.invalidate([...probed], appeared.size > 0 || gone.size > 0).everything ||
      resolution.invalidate(withAncestors(probed).filter((p) => !probed.has(p))).everything ||
      configChanged
    ) {
      for (const path of this.state.imports.keys()) resolution.resolveFile(path);
    } else {
      const again = new Set<string>();
      for (const path of touched) if (this.state.imports.has(path)) again.add(path);
      if (appeared.size > 0 || gone.size > 0) {
        const came = [...appeared];
        const went = [...gone];
        // A tsconfig's globs leave out `y.d.ts` and `y.js` when `y.ts` is there: a file coming
        // or going can move its same-named neighbours to another project.
        const neighbours = new Set([...came, ...went].map(stemKey));
        for (const [from, edges] of this.state.edges) {
          if (again.has(from)) continue;
          if (neighbours.has(stemKey(from)) || edges.some((edge) => mayResolveDifferently(edge, came, went)))
            again.add(from);
        }
      }
      for (const path of again) resolution.resolveFile(path);
      if (structural && resolution.warnings().length > 0) resolution.resolveAllAfresh();
    }
    if (languagesChanged) resolution.resolveLanguageFilesAfresh();
    const cameOrWent = new Set(existenceChanged);
    const manifestsTouched = [...touched].some((p) => {
      if (manifestSourcesBefore.has(p) || this.state.sourceManifests.has(p)) return true;
      if (!isManifestCandidate(p)) return this.state.readByServerlessSource(p);
      // A plain source file under `api/` or `functions/` counts by its existence, not its text.
      return (
        cameOrWent.has(p) || classifyManifestFile(p) !== 'source' || this.state.readByServerlessSource(p)
      );
    });
    if (manifestsTouched) this.readManifests();
    if (existenceChanged.length > 0) this.state.pathsChanged();
    if (this.options.cache) {
      const abs = withAncestors(probed).map((p) => `${this.root}/${p}`);
      refreshInputs(this.fs, [resolution.reads, resolution.inherited], [...abs, this.root]);
    }
    this.current = composeAfterUpdate(this.state, before, existenceChanged.length > 0, this.modelParts());
    const delta = updateDelta(this.state, before, this.current, existenceChanged, {
      before: manifestsBefore,
      after: this.manifests,
    });
    this.state.previousEdges = undefined;
    return { model: this.current, delta };
  }

  private parseFile(path: string): void {
    const known = this.preExtracted?.get(path);
    if (known) return this.state.take(known);
    this.state.take(
      extractFile(
        this.fs,
        { relPath: path, absPath: `${this.root}/${path}` },
        this.maxFileSize(),
        extractorFor,
      ),
    );
  }

  private readManifests(): void {
    const files = [...this.state.files.keys()].sort(compareStrings);
    const max = this.maxFileSize();
    const result = parseManifests({
      files,
      // Source files were read once already; only those that may declare functions are read again.
      mayDeclareFunctions: (path) => this.state.sourceManifests.has(path),
      // Decodes UTF-16 manifests; a manifest that cannot be decoded is named in a warning.
      readText: (path) => readManifestText(this.fs, `${this.root}/${path}`, path, max),
    });
    this.manifests = result.manifests;
    this.manifestWarnings = result.warnings;
  }

  private modelParts(): { root: string; manifests: readonly Manifest[]; warnings: Warning[] } {
    const own = [...this.configWarnings, ...this.scanWarnings, ...this.manifestWarnings];
    return {
      root: this.root,
      manifests: this.manifests,
      warnings: collectWarnings(own, this.state, this.resolution.warnings()),
    };
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
