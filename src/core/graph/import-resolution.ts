import type { ResolverInputs } from '../cache';
import { RecordingFileSystem } from '../cache';
import type { ImportEdge, Warning } from '../model';
import type { FileSystemPort } from '../ports';
import { createModuleResolver, type ModuleResolver } from '../resolve';
import { createLanguageResolver, isLanguageResolved, type LanguageResolver } from '../resolve/languages';
import { compareEdges } from './edge-order';
import type { EngineFiles } from './engine-files';

/**
 * Where each file's imports lead: the TypeScript resolver for JavaScript and TypeScript, the
 * language resolver (packages, namespaces, modules, roots) for Java, Kotlin, C#, Go and Python.
 */
export class ImportResolution {
  private resolver: ModuleResolver | undefined;
  /** Made again when what it indexes changes. */
  private languageResolver: LanguageResolver | undefined;
  /** During a cold read: files of those languages, resolved once every file's declarations are in. */
  private deferred: string[] | undefined;
  /** With a cache: what the current resolver read, to store with its answers. */
  private recorder: RecordingFileSystem | undefined;
  /** Inputs of the answers taken over from a snapshot (checked at the start), and their warnings. */
  private inheritedInputs: ResolverInputs | undefined;
  private inheritedWarnings: readonly Warning[] = [];
  /** Files whose imports were resolved since the last `resetCount()`. */
  private resolvedFiles = 0;

  constructor(
    private readonly fs: FileSystemPort,
    private readonly root: string,
    private readonly state: EngineFiles,
    private readonly recordReads: boolean,
  ) {}

  get resolvedCount(): number {
    return this.resolvedFiles;
  }

  get started(): boolean {
    return this.resolver !== undefined;
  }

  /** The inputs of the answers taken over from a snapshot, if any. */
  get inherited(): ResolverInputs | undefined {
    return this.inheritedInputs;
  }

  /** The port recording what the current resolver read (with a cache). */
  get reads(): RecordingFileSystem | undefined {
    return this.recorder;
  }

  resetCount(): void {
    this.resolvedFiles = 0;
  }

  /** Forgets the language index and what was taken over from a snapshot (a new scan follows). */
  forgetAll(): void {
    this.languageResolver = undefined;
    this.inheritedInputs = undefined;
    this.inheritedWarnings = [];
  }

  /** Java/Kotlin/C#/Go/Python files or their build files changed: their index is made again. */
  forgetLanguageIndex(): void {
    this.languageResolver = undefined;
  }

  /** A fresh resolver over the current files; with answers taken over, what they depended on. */
  start(inherited?: ResolverInputs, warnings?: readonly Warning[]): void {
    this.recorder = this.recordReads ? new RecordingFileSystem(this.fs) : undefined;
    this.resolver = createModuleResolver(this.recorder ?? this.fs, this.root, {
      files: [...this.state.files.keys()],
    });
    if (inherited !== undefined) this.inheritedInputs = inherited;
    if (warnings !== undefined) this.inheritedWarnings = warnings;
  }

  /** Resolves other-language files only at `endDeferral()`, when every declaration is known. */
  deferLanguageFiles(): void {
    this.deferred = [];
  }

  endDeferral(): void {
    const deferred = this.deferred ?? [];
    this.deferred = undefined;
    this.languageResolver = undefined;
    for (const path of deferred) this.resolveFile(path);
  }

  /** Tells the resolver which paths changed; `everything` when every answer may differ. */
  invalidate(paths: readonly string[], existenceChanged?: boolean): { everything: boolean } {
    return this.resolver?.invalidate([...paths], existenceChanged) ?? { everything: true };
  }

  /** The resolver's warnings, with those of the answers taken over from a snapshot. */
  warnings(): readonly Warning[] {
    const own = this.resolver?.warnings ?? [];
    return this.inheritedWarnings.length === 0 ? own : [...this.inheritedWarnings, ...own];
  }

  /** What the answers depend on, for the cache. */
  inputs(): ResolverInputs | undefined {
    return this.recorder?.inputs(this.inheritedInputs) ?? this.inheritedInputs;
  }

  resolveAllAfresh(): void {
    this.start();
    this.forgetAll();
    for (const path of this.state.imports.keys()) this.resolveFile(path);
  }

  resolveLanguageFilesAfresh(): void {
    this.languageResolver = undefined;
    for (const path of this.state.imports.keys()) if (isLanguageResolved(path)) this.resolveFile(path);
  }

  resolveFile(path: string): void {
    const resolver = this.resolver;
    const raw = this.state.imports.get(path);
    if (!resolver || !raw) return;
    const byLanguage = isLanguageResolved(path);
    if (byLanguage && this.deferred) {
      this.deferred.push(path);
      return;
    }
    this.resolvedFiles++;
    this.state.rememberEdges(path);
    const languages = byLanguage
      ? (this.languageResolver ??= createLanguageResolver(
          this.fs,
          this.root,
          [...this.state.files.keys()],
          this.state.declares,
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
    this.state.edges.set(path, edges.sort(compareEdges));
  }
}
