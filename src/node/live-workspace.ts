import { WorkspaceEngine, type WorkspaceModel } from '../core';
import { AssistantWorkspace } from '../core/assistant';
import type { FileChange } from '../core/model';
import { createModuleResolver, type ModuleResolver } from '../core/resolve';
import { FolderWatcher } from './folder-watcher';
import { NodeFileSystem } from './node-file-system';
import { createParsePool } from './parse-pool-factory';
import type { ParsePool } from './parse-pool';

/** What a {@link LiveWorkspace} did, for tests and the bench: analyses and updates run. */
export interface LiveWorkspaceStats {
  readonly analyses: number;
  readonly updates: number;
  readonly changesApplied: number;
}

/**
 * A workspace analysed once and kept current: a watcher collects the files that change and each
 * question first applies them as an incremental update, so an answer always reads the files as
 * they are and costs milliseconds after the first.
 */
export class LiveWorkspace {
  private readonly fs = new NodeFileSystem();
  private readonly engine: WorkspaceEngine;
  private readonly pool: ParsePool;
  private readonly watcher: FolderWatcher | undefined;
  private workspace: AssistantWorkspace | undefined;
  private resolver: ModuleResolver | undefined;
  private counts = { analyses: 0, updates: 0, changesApplied: 0 };

  constructor(
    readonly root: string,
    options: { readonly watch?: boolean; readonly bundleDir?: string } = {},
  ) {
    this.pool = createParsePool(options.bundleDir);
    this.engine = new WorkspaceEngine(this.fs, root, { extraction: this.pool });
    this.watcher = options.watch === false ? undefined : new FolderWatcher(root);
  }

  get stats(): LiveWorkspaceStats {
    return { ...this.counts };
  }

  /** The workspace as it is now: analysed on first use, then updated with the changes seen. */
  current(): AssistantWorkspace {
    if (!this.workspace) {
      this.counts.analyses++;
      this.watcher?.take();
      return this.use(this.engine.analyze());
    }
    const changes = this.watcher?.take() ?? [];
    if (changes.length === 0) return this.workspace;
    return this.apply(changes);
  }

  /** Applies changes seen by someone else (tests without a watcher). */
  apply(changes: readonly FileChange[]): AssistantWorkspace {
    if (!this.workspace) return this.current();
    this.counts.updates++;
    this.counts.changesApplied += changes.length;
    const { model } = this.engine.update(changes);
    // The resolver knows the files it was made with: files that came or went need a new one.
    if (this.resolver && changes.some((c) => c.type !== 'changed')) this.resolver = undefined;
    else if (this.resolver?.invalidate(changes.map((c) => c.path)).everything) this.resolver = undefined;
    return this.use(model);
  }

  dispose(): void {
    this.watcher?.close();
    this.pool.dispose();
  }

  private use(model: WorkspaceModel): AssistantWorkspace {
    this.workspace = new AssistantWorkspace({
      fs: this.fs,
      model,
      resolve: (from, specifier, kind) => {
        this.resolver ??= createModuleResolver(this.fs, this.root, { files: model.files });
        return this.resolver.resolve(from, specifier, kind);
      },
    });
    return this.workspace;
  }
}
