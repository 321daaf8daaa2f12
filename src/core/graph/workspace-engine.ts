import { loadConfig, type ArchLensConfig } from '../config';
import { extractImports, extractorFor, type RawImport } from '../extract';
import { parseManifests, isManifestCandidate } from '../manifests';
import type { FileChange, ImportEdge, Manifest, ModelDelta, Warning, WorkspaceModel } from '../model';
import { CancelledError, type CancellationSignal, type FileSystemPort, type ProgressSink } from '../ports';
import { createModuleResolver, type ModuleResolver } from '../resolve';
import { createScopeMatcher, isScopeFile, readSourceText, scanWorkspace, type ScannedFile } from '../scan';
import { compareEdges, compareManifests, compareStrings, compareWarnings, edgeKey } from './edge-order';

/** Options of an analysis; the extension adds the user's `files.exclude`/`search.exclude` here. */
export interface EngineOptions {
  readonly exclude?: readonly string[];
  readonly maxFileSize?: number;
  readonly signal?: CancellationSignal;
  readonly progress?: ProgressSink;
}

/** Files whose change can alter how every import resolves. */
const RESOLUTION_CONFIG = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml)$/;

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
  private manifests: readonly Manifest[] = [];
  private resolver: ModuleResolver | undefined;
  private current: WorkspaceModel | undefined;

  constructor(
    private readonly fs: FileSystemPort,
    readonly root: string,
    private readonly options: EngineOptions = {},
  ) {}

  /** The latest model; analyses cold on first use. */
  get model(): WorkspaceModel {
    return this.current ?? this.analyze();
  }

  /** Reads the whole workspace from scratch. */
  analyze(): WorkspaceModel {
    const { config, warnings } = loadConfig(this.fs, this.root);
    this.config = config;
    this.configWarnings = warnings;
    this.checkCancelled();
    const scan = scanWorkspace(this.fs, this.root, this.scanOptions());
    this.scanWarnings = scan.warnings;
    this.files.clear();
    this.imports.clear();
    this.edges.clear();
    this.fileWarnings.clear();
    for (const file of scan.files) this.files.set(file.path, file);

    const sources = scan.files.filter((f) => extractorFor(f.path) !== undefined);
    let done = 0;
    for (const file of sources) {
      this.parseFile(file.path);
      if (++done % 500 === 0) {
        this.checkCancelled();
        this.report('parse', done, sources.length, `Reading imports (${done}/${sources.length})`);
      }
    }
    this.resolver = createModuleResolver(this.fs, this.root, { files: [...this.files.keys()] });
    done = 0;
    for (const path of this.imports.keys()) {
      this.resolveFile(path);
      if (++done % 500 === 0) {
        this.checkCancelled();
        this.report('resolve', done, this.imports.size, `Resolving imports (${done}/${this.imports.size})`);
      }
    }
    this.report('manifests', 0, undefined, 'Reading manifests');
    this.readManifests();
    this.current = this.compose();
    return this.current;
  }

  /** Applies file-system changes and returns what changed in the model. */
  update(changes: readonly FileChange[]): { model: WorkspaceModel; delta: ModelDelta } {
    const before = this.model;
    if (changes.some((c) => isScopeFile(c.path) || (c.type === 'renamed' && isScopeFile(c.from)))) {
      return { model: this.analyze(), delta: diffModels(before, this.current ?? before) };
    }
    const touched = new Set<string>();
    const existenceChanged: string[] = [];
    const matcher = createScopeMatcher(this.fs, this.root, this.scanOptions());
    const remove = (path: string): void => {
      for (const known of [...this.files.keys()]) {
        if (known === path || known.startsWith(path + '/')) {
          this.files.delete(known);
          this.imports.delete(known);
          this.edges.delete(known);
          this.fileWarnings.delete(known);
          existenceChanged.push(known);
          touched.add(known);
        }
      }
    };
    const add = (path: string): void => {
      const stat = this.fs.stat(`${this.root}/${path}`);
      if (stat?.kind === 'directory') {
        // A folder appeared (or was renamed in): take what a scan of the whole tree finds under it.
        const scan = scanWorkspace(this.fs, this.root, this.scanOptions());
        for (const file of scan.files) if (file.path.startsWith(path + '/') && !this.files.has(file.path)) add(file.path);
        return;
      }
      if (stat?.kind !== 'file' || matcher.isExcluded(path, false)) return;
      const existed = this.files.has(path);
      this.files.set(path, { path, size: stat.size, mtimeMs: stat.mtimeMs });
      if (!existed) existenceChanged.push(path);
      touched.add(path);
    };
    for (const change of changes) {
      if (change.type === 'deleted') remove(change.path);
      else if (change.type === 'renamed') {
        remove(change.from);
        add(change.path);
      } else if (this.fs.stat(`${this.root}/${change.path}`) === undefined) remove(change.path);
      else add(change.path);
    }

    for (const path of touched) if (this.files.has(path) && extractorFor(path)) this.parseFile(path);
    const resolver = this.resolver ?? createModuleResolver(this.fs, this.root, { files: [...this.files.keys()] });
    this.resolver = resolver;
    const { everything } = resolver.invalidate([...touched]);
    const configChanged = [...touched].some((p) => RESOLUTION_CONFIG.test(p));
    if (everything || configChanged) {
      for (const path of this.imports.keys()) this.resolveFile(path);
    } else {
      const again = new Set<string>();
      for (const path of touched) if (this.imports.has(path)) again.add(path);
      if (existenceChanged.length > 0) {
        for (const [from, edges] of this.edges) {
          if (again.has(from)) continue;
          if (edges.some((edge) => mayResolveDifferently(edge, existenceChanged))) again.add(from);
        }
      }
      for (const path of again) this.resolveFile(path);
    }
    if ([...touched].some(isManifestCandidate)) this.readManifests();
    this.current = this.compose();
    return { model: this.current, delta: diffModels(before, this.current) };
  }

  private parseFile(path: string): void {
    const read = readSourceText(this.fs, `${this.root}/${path}`, path, this.maxFileSize());
    if ('warning' in read) {
      this.imports.delete(path);
      this.edges.delete(path);
      this.fileWarnings.set(path, [read.warning]);
      return;
    }
    const result = extractImports(path, read.text);
    this.imports.set(path, result.imports);
    this.fileWarnings.set(path, result.errors);
  }

  private resolveFile(path: string): void {
    const resolver = this.resolver;
    const raw = this.imports.get(path);
    if (!resolver || !raw) return;
    this.edges.set(
      path,
      raw.map((imp) => ({
        from: path,
        specifier: imp.specifier,
        line: imp.line,
        column: imp.column,
        kind: imp.kind,
        ...resolver.resolve(path, imp.specifier, imp.kind),
      })),
    );
  }

  private readManifests(): void {
    const files = [...this.files.keys()].sort(compareStrings);
    const max = this.maxFileSize();
    const result = parseManifests({
      files,
      readText: (path) => {
        const read = readSourceText(this.fs, `${this.root}/${path}`, path, max);
        return 'text' in read ? read.text : undefined;
      },
    });
    this.manifests = result.manifests;
    this.manifestWarnings = result.warnings;
  }

  private compose(): WorkspaceModel {
    const files = [...this.files.values()].filter((f) => f.language !== undefined || extractorFor(f.path));
    const edges: ImportEdge[] = [];
    for (const list of this.edges.values()) edges.push(...list);
    const warnings: Warning[] = [...this.configWarnings, ...this.scanWarnings, ...this.manifestWarnings];
    for (const list of this.fileWarnings.values()) warnings.push(...list);
    if (this.resolver) warnings.push(...this.resolver.warnings);
    return {
      version: 1,
      root: this.root,
      files: files.map((f) => f.path).sort(compareStrings),
      edges: edges.sort(compareEdges),
      manifests: [...this.manifests].sort(compareManifests),
      warnings: dedupe(warnings).sort(compareWarnings),
    };
  }

  private scanOptions() {
    return {
      exclude: [...(this.options.exclude ?? []), ...(this.config.exclude ?? [])],
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

/**
 * Whether a file appearing or disappearing at one of `paths` can change where `edge` leads:
 * it led there, it led nowhere, or its specifier names that file's stem or folder (TypeScript
 * tries `x.ts`, `x.tsx`, `x.d.ts`, `x/index.ts`, … in order, so a new `x.ts` can win over `x/index.ts`).
 */
function mayResolveDifferently(edge: ImportEdge, paths: readonly string[]): boolean {
  if (edge.resolution === 'unresolved') return true;
  if (edge.resolution === 'builtin') return false;
  const last = lastSegment(edge.specifier);
  for (const path of paths) {
    if (edge.to === path) return true;
    const segments = path.split('/');
    const base = segments[segments.length - 1] ?? '';
    const stem = base.replace(/(\.d)?\.[^.]+$/, '');
    const folder = segments[segments.length - 2] ?? '';
    if (last === stem || last === base || (stem === 'index' && last === folder)) return true;
    if (edge.resolution === 'external' && segments.includes('node_modules')) return true;
  }
  return false;
}

function lastSegment(specifier: string): string {
  const parts = specifier.split('/');
  return (parts[parts.length - 1] ?? '').replace(/\.(m|c)?(j|t)sx?$/, '');
}

function dedupe(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify([w.file, w.line, w.column, w.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
