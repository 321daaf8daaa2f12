import type { FileExtraction, RawImport } from '../extract';
import { extractorFor } from '../extract';
import { classifyManifestFile } from '../manifests';
import type { ImportEdge, Warning } from '../model';
import type { ScannedFile } from '../scan';
import { compareStrings } from './edge-order';

/**
 * What the engine knows of each file: its stat, the imports read from it, where they lead, its
 * warnings, declarations and hash. One place, so that a file is forgotten everywhere at once.
 */
export class EngineFiles {
  readonly files = new Map<string, ScannedFile>();
  readonly imports = new Map<string, readonly RawImport[]>();
  readonly edges = new Map<string, readonly ImportEdge[]>();
  readonly fileWarnings = new Map<string, readonly Warning[]>();
  /** The packages and namespaces each Java, Kotlin, C# and Go file declares. */
  readonly declares = new Map<string, readonly string[]>();
  /** Source files that may declare functions (CDK stacks, Azure v4 apps): read again for manifests. */
  readonly sourceManifests = new Set<string>();
  /** Content hash of each source file read (kept for the cache). */
  readonly hashes = new Map<string, string>();
  /** During an update: the edges each touched file had before it, for the delta. */
  previousEdges: Map<string, readonly ImportEdge[]> | undefined;
  private sorted: string[] | undefined;
  /** The `serverless.ts`/`.js` files, found again when files come or go. */
  private serverlessSources: string[] | undefined;

  /** Forgets every file (a new scan follows). */
  clear(): void {
    this.files.clear();
    this.imports.clear();
    this.edges.clear();
    this.fileWarnings.clear();
    this.declares.clear();
    this.sourceManifests.clear();
    this.hashes.clear();
    this.pathsChanged();
  }

  /** Replaces the file list (what was read of each file is kept). */
  setFiles(files: readonly ScannedFile[]): void {
    this.files.clear();
    for (const file of files) this.files.set(file.path, file);
    this.pathsChanged();
  }

  /** Files came or went: the sorted list and the serverless sources are found again. */
  pathsChanged(): void {
    this.sorted = undefined;
    this.serverlessSources = undefined;
  }

  /** Every path, sorted (kept until files come or go). */
  sortedPaths(): readonly string[] {
    this.sorted ??= [...this.files.keys()].sort(compareStrings);
    return this.sorted;
  }

  /** The files of the model: those of a known language or read for imports, sorted. */
  sourceFiles(): string[] {
    return this.sortedPaths().filter((path) => {
      const file = this.files.get(path);
      return file !== undefined && (file.language !== undefined || extractorFor(path) !== undefined);
    });
  }

  /** Forgets everything about one file's contents. */
  forget(path: string): void {
    this.imports.delete(path);
    this.edges.delete(path);
    this.fileWarnings.delete(path);
    this.declares.delete(path);
    this.sourceManifests.delete(path);
    this.hashes.delete(path);
  }

  /** Keeps a file's edges as they were before the update that is under way. */
  rememberEdges(path: string): void {
    if (this.previousEdges && !this.previousEdges.has(path))
      this.previousEdges.set(path, this.edges.get(path) ?? []);
  }

  /** Takes one file's extraction: its imports, declarations and warnings (not yet resolved). */
  take(result: FileExtraction): void {
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

  /** Whether a `serverless.ts`/`.js` imports this file (its functions may be defined there). */
  readByServerlessSource(path: string): boolean {
    this.serverlessSources ??= [...this.files.keys()].filter(
      (p) => classifyManifestFile(p) === 'serverless-source',
    );
    return this.serverlessSources.some((from) =>
      (this.edges.get(from) ?? []).some((edge) => edge.to === path),
    );
  }
}
