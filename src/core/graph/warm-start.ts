import {
  checkInputs,
  decodeSnapshot,
  encodeSnapshot,
  type AnalysisCacheOptions,
  type AnalysisSnapshot,
  type CachedFile,
  type ResolverInputs,
  type WarmStartReport,
} from '../cache';
import { extractorFor, type FileExtraction, type RawImport } from '../extract';
import type { FileChange, ImportEdge, ModelDelta, Warning, WorkspaceModel } from '../model';
import type { FileSystemPort } from '../ports';
import type { ResolvedImport } from '../resolve';
import { isScopeFile, type ScannedFile } from '../scan';
import { languageOf } from '../scan/languages';
import { compareEdges, compareStrings } from './edge-order';

/**
 * A file whose mtime is this close to (or after) the snapshot's time is read again even when
 * its size and mtime match: it may have changed again within the file system's mtime tick.
 */
const RACY_MS = 2000;

/** What the warm start may do to the engine it starts. */
export interface WarmStartHost {
  readonly fs: FileSystemPort;
  readonly root: string;
  extract(files: readonly ScannedFile[], take: (result: FileExtraction) => void): void;
  /** Takes one file's extraction as the cold analysis does. */
  take(result: FileExtraction): void;
  readonly imports: ReadonlyMap<string, readonly RawImport[]>;
  readonly edges: Map<string, readonly ImportEdge[]>;
  setFiles(files: readonly ScannedFile[]): void;
  /** Forgets everything about one file's contents. */
  forget(path: string): void;
  /** A fresh resolver, and what the answers taken over depend on and warned about. */
  startResolver(inherited: ResolverInputs, warnings: readonly Warning[]): void;
  resolveAll(): void;
  /** The engine's incremental update over the state as it was (files read already passed in). */
  update(changes: readonly FileChange[], preExtracted: Map<string, FileExtraction>): ModelDelta;
  /** How many files' imports have been resolved so far. */
  resolvedCount(): number;
}

/** The snapshot in the cache, or `undefined` (after telling why, when one was there). */
export function loadSnapshot(
  cache: AnalysisCacheOptions,
  key: { readonly version: string; readonly optionsKey: string; readonly root: string },
): AnalysisSnapshot | undefined {
  const text = cache.store.read();
  if (text === undefined) return undefined;
  const decoded = decodeSnapshot(text, key);
  if ('problem' in decoded) {
    cache.onDiscard?.(decoded.problem);
    return undefined;
  }
  return decoded.snapshot;
}

/**
 * Brings the engine to the model of the workspace as it is now from a snapshot and a fresh scan.
 * Files whose size and mtime match are not read; files read whose bytes match keep their
 * answers. When nothing the resolver read changed, and no file came, went or changed its bytes,
 * every answer is reused. When a file it read changed (a config, a package.json) or a link moved,
 * or it had warned and files came or went (which import read a broken config first is not
 * known), every import is resolved afresh. Otherwise the changes go through the engine's own incremental update, which
 * resolves again only the imports whose answer may differ.
 */
export function warmStart(
  host: WarmStartHost,
  snapshot: AnalysisSnapshot,
  scanned: readonly ScannedFile[],
  sources: readonly ScannedFile[],
): WarmStartReport {
  const old = snapshot.files;
  const toRead: ScannedFile[] = [];
  for (const file of sources) {
    const cached = old.get(file.path);
    if (
      cached?.extraction !== undefined &&
      cached.hash !== undefined &&
      cached.size === file.size &&
      cached.mtimeMs === file.mtimeMs &&
      file.mtimeMs < snapshot.writtenAt - RACY_MS
    ) {
      host.take({ relPath: file.path, ...cached.extraction, hash: cached.hash });
    } else toRead.push(file);
  }
  const changed = new Map<string, FileExtraction>();
  host.extract(toRead, (result) => {
    host.take(result);
    const cached = old.get(result.relPath);
    if (cached?.hash === undefined || cached.hash !== result.hash || cached.extraction === undefined)
      changed.set(result.relPath, result);
  });

  const now = new Set(scanned.map((f) => f.path));
  const appeared = scanned.filter((f) => !old.has(f.path)).map((f) => f.path);
  const gone = [...old.keys()].filter((path) => !now.has(path));
  const inputs = checkInputs(host.fs, snapshot.resolverInputs);
  const report = (kind: WarmStartReport['kind']): WarmStartReport => ({
    kind,
    filesRead: toRead.length,
    filesResolved: host.resolvedCount(),
  });
  const answersMissing = [...host.imports.keys()].some(
    (path) => !changed.has(path) && old.get(path)?.answers === undefined,
  );
  if (
    inputs.reads.length > 0 ||
    inputs.links.length > 0 ||
    answersMissing ||
    // As in the engine's update: with warnings around, files that came or went make only a
    // full pass give the same warnings; edits of existing files stay incremental.
    (snapshot.resolverWarnings.length > 0 &&
      (appeared.length > 0 || gone.length > 0 || inputs.created.length > 0 || inputs.deleted.length > 0))
  ) {
    host.resolveAll();
    return report('re-resolved');
  }
  host.startResolver(inputs.current, snapshot.resolverWarnings);
  for (const path of host.imports.keys()) {
    const answers = old.get(path)?.answers;
    if (!changed.has(path) && answers) restoreEdges(host, path, answers);
  }
  const nothingChanged =
    changed.size === 0 &&
    appeared.length === 0 &&
    gone.length === 0 &&
    inputs.created.length === 0 &&
    inputs.deleted.length === 0;
  if (nothingChanged) return report('unchanged');

  // Back to the state of the snapshot for what changed, then the engine's update from there.
  for (const path of [...changed.keys(), ...gone]) {
    const cached = old.get(path);
    if (cached?.extraction === undefined || cached.hash === undefined) {
      host.forget(path);
      continue;
    }
    host.take({ relPath: path, ...cached.extraction, hash: cached.hash });
    if (cached.answers) restoreEdges(host, path, cached.answers);
  }
  host.setFiles([...old].map(([path, file]) => scannedFileOf(path, file)));
  const changes: FileChange[] = [];
  const seen = new Set<string>();
  const push = (change: FileChange): void => {
    if (isScopeFile(change.path)) return;
    const key = `${change.type}\0${change.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    changes.push(change);
  };
  const prefix = host.root.endsWith('/') ? host.root : host.root + '/';
  const relative = (abs: string): string | undefined =>
    abs.startsWith(prefix) && abs.length > prefix.length ? abs.slice(prefix.length) : undefined;
  for (const path of gone) push({ type: 'deleted', path });
  for (const abs of inputs.deleted) {
    const path = relative(abs);
    if (path !== undefined) push({ type: 'deleted', path });
  }
  for (const path of appeared) push({ type: 'created', path });
  for (const abs of inputs.created) {
    const path = relative(abs);
    if (path !== undefined) push({ type: 'created', path });
  }
  for (const path of changed.keys()) if (old.has(path)) push({ type: 'changed', path });
  host.update(changes, changed);
  host.setFiles(scanned);
  return report('incremental');
}

function restoreEdges(host: WarmStartHost, path: string, answers: readonly ResolvedImport[]): void {
  const raw = host.imports.get(path) ?? [];
  const edges: ImportEdge[] = raw.map((imp, i) => ({
    from: path,
    specifier: imp.specifier,
    line: imp.line,
    column: imp.column,
    kind: imp.kind,
    ...(answers[i] as ResolvedImport),
  }));
  host.edges.set(path, edges.sort(compareEdges));
}

function scannedFileOf(path: string, file: CachedFile): ScannedFile {
  const language = languageOf(path.slice(path.lastIndexOf('/') + 1));
  return language === undefined
    ? { path, size: file.size, mtimeMs: file.mtimeMs }
    : { path, size: file.size, mtimeMs: file.mtimeMs, language };
}

/** The engine's state, as {@link snapshotOf} stores it. */
export interface EngineState {
  readonly key: { readonly version: string; readonly optionsKey: string; readonly root: string };
  /** When the state was last checked against the files (see {@link RACY_MS}). */
  readonly checkedAt: number;
  readonly files: ReadonlyMap<string, ScannedFile>;
  readonly hashes: ReadonlyMap<string, string>;
  readonly imports: ReadonlyMap<string, readonly RawImport[]>;
  readonly edges: ReadonlyMap<string, readonly ImportEdge[]>;
  readonly fileWarnings: ReadonlyMap<string, readonly Warning[]>;
  readonly sourceManifests: ReadonlySet<string>;
  readonly declares: ReadonlyMap<string, readonly string[]>;
  readonly resolverWarnings: readonly Warning[];
  readonly resolverInputs: ResolverInputs | undefined;
  readonly model: WorkspaceModel | undefined;
}

/** The text of the snapshot of an engine's state. */
export function snapshotOf(state: EngineState): string {
  const files = new Map<string, CachedFile>();
  for (const [path, file] of state.files) {
    const hash = state.hashes.get(path);
    const imports = state.imports.get(path);
    const warnings = state.fileWarnings.get(path);
    let entry: CachedFile = { size: file.size, mtimeMs: file.mtimeMs };
    if (hash !== undefined && imports !== undefined) {
      const answers = alignAnswers(imports, state.edges.get(path));
      entry = {
        ...entry,
        hash,
        extraction: {
          imports,
          errors: warnings ?? [],
          declaresFunctions: state.sourceManifests.has(path),
          ...(state.declares.has(path) ? { declares: state.declares.get(path) } : {}),
        },
        ...(answers ? { answers } : {}),
      };
    } else if (hash !== undefined && warnings?.[0] !== undefined && extractorFor(path)) {
      entry = { ...entry, hash, extraction: { warning: warnings[0] } };
    }
    files.set(path, entry);
  }
  return encodeSnapshot({
    ...state.key,
    writtenAt: state.checkedAt,
    files,
    resolverWarnings: state.resolverWarnings,
    ...(state.model ? { model: { manifests: state.model.manifests, warnings: state.model.warnings } } : {}),
    resolverInputs: state.resolverInputs ?? {
      listings: new Map(),
      reads: new Map(),
      stats: new Map(),
      realpaths: new Map(),
    },
  });
}

/** Each import's answer, in import order, from the file's (sorted) edges. */
function alignAnswers(
  imports: readonly RawImport[],
  edges: readonly ImportEdge[] | undefined,
): ResolvedImport[] | undefined {
  if (edges === undefined || edges.length !== imports.length) return undefined;
  const byImport = new Map<string, ResolvedImport>();
  for (const edge of edges) {
    byImport.set(`${edge.line}\0${edge.column}\0${edge.kind}\0${edge.specifier}`, {
      to: edge.to,
      resolution: edge.resolution,
      ...(edge.via ? { via: edge.via } : {}),
      ...(edge.reason !== undefined ? { reason: edge.reason } : {}),
    });
  }
  const answers: ResolvedImport[] = [];
  for (const imp of imports) {
    const answer = byImport.get(`${imp.line}\0${imp.column}\0${imp.kind}\0${imp.specifier}`);
    if (answer === undefined) return undefined;
    answers.push(answer);
  }
  return answers;
}

/**
 * The model a snapshot was taken from, as it was (not checked against the files): what a
 * reopened workspace shows at once, until the analysis gives the checked one.
 */
export function modelOfSnapshot(snapshot: AnalysisSnapshot): WorkspaceModel | undefined {
  if (!snapshot.model) return undefined;
  const paths = [...snapshot.files.keys()].sort(compareStrings);
  const files: string[] = [];
  const edges: ImportEdge[] = [];
  for (const path of paths) {
    const cached = snapshot.files.get(path);
    if (languageOf(path.slice(path.lastIndexOf('/') + 1)) !== undefined || extractorFor(path))
      files.push(path);
    const extraction = cached?.extraction;
    if (!cached?.answers || !extraction || 'warning' in extraction) continue;
    const own = extraction.imports.map((imp, i) => ({
      from: path,
      specifier: imp.specifier,
      line: imp.line,
      column: imp.column,
      kind: imp.kind,
      ...(cached.answers?.[i] as ResolvedImport),
    }));
    for (const edge of own.sort(compareEdges)) edges.push(edge);
  }
  return {
    version: 1,
    root: snapshot.root,
    files,
    edges,
    manifests: snapshot.model.manifests,
    warnings: snapshot.model.warnings,
  };
}
