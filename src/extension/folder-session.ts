import * as vscode from 'vscode';
import type { DetectionResult, FileChange, WorkspaceModel } from '../core/model';
import { CancelledError } from '../core/ports';
import type { Recommendation, WorkspaceSignals } from '../core/recommend';
import type { RuleReport } from '../core/rules';
import { AnalysisClient } from '../node/analysis-client';
import type { ArchitectureAnalysis } from '../node/analysis-protocol';
import { countRecentAuthors, type AuthorCount } from '../node/git-authors';
import { toPosixPath } from '../node/paths';
import type { ExtensionAnalysisCache } from './analysis-cache';
import type { WarmStartReport } from '../core/cache';
import { DisposableStore } from './util/dispose';
import { excludeGlobs } from './util/exclude-settings';
import { maxFileSizeSetting } from './util/explicit-setting';

/** The analysis of one workspace folder, with the folder it belongs to. */
export interface FolderAnalysis {
  readonly folder: vscode.WorkspaceFolder;
  readonly model: WorkspaceModel;
  readonly detection: DetectionResult;
  /** The team-size signal: commit authors from git, or why it is unknown. */
  readonly team: AuthorCount;
  /** What the recommendations were computed from. */
  readonly signals: WorkspaceSignals;
  readonly recommendations: readonly Recommendation[];
  /** The boundary rules' violations (archlens.config.json's `rules` applied, no baseline). */
  readonly rules: RuleReport;
  /**
   * The previous result, kept in the cache, shown while the analysis checks it against the files
   * (its recommendations without the team-size signal); the checked result replaces it.
   */
  readonly provisional?: boolean;
  /** What the full analysis took over from the analysis cache (absent on previews and updates). */
  readonly warmStart?: WarmStartReport;
}

const WATCH_DEBOUNCE_MS = 400;

/** The team-size signal of a previous result shown before git was read. */
const PREVIEW_TEAM: AuthorCount = { known: false, reason: 'not read yet (the previous result is shown)' };

/** How one analysis runs: progress `location`, and whether it can be cancelled. */
export interface AnalyzeOptions {
  readonly quiet?: boolean;
}

/**
 * Runs the core (in its own worker thread) on one workspace folder and keeps the result current
 * as files change. Owned by {@link AnalysisSession}.
 */
export class FolderSession implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = new vscode.EventEmitter<FolderAnalysis>();
  private client: AnalysisClient | undefined;
  private latest: FolderAnalysis | undefined;
  private pendingChanges = new Map<string, FileChange>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChange = this.changed.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly extensionUri: vscode.Uri,
    private readonly cache?: ExtensionAnalysisCache,
  ) {
    this.disposables.add(this.changed);
    const watcher = this.disposables.add(
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*')),
    );
    this.disposables.add(watcher.onDidCreate((uri) => this.queue(uri, 'created')));
    this.disposables.add(watcher.onDidChange((uri) => this.queue(uri, 'changed')));
    this.disposables.add(watcher.onDidDelete((uri) => this.queue(uri, 'deleted')));
    this.disposables.add({ dispose: () => this.client?.dispose() });
    this.disposables.add({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  get current(): FolderAnalysis | undefined {
    return this.latest;
  }

  /** Analyses from scratch, reporting progress in the ArchLens views (and a notification unless `quiet`). */
  async analyze(options: AnalyzeOptions = {}): Promise<FolderAnalysis | undefined> {
    const folder = this.folder;
    this.client?.dispose();
    const client = new AnalysisClient(
      vscode.Uri.joinPath(this.extensionUri, 'dist', 'analysis-worker.js').fsPath,
      toPosixPath(folder.uri.fsPath),
      this.cache,
    );
    this.client = client;
    this.pendingChanges.clear();
    let checked = false;
    if (this.cache && !this.latest) {
      // A reopened workspace: the last result at once, while git is read and the analysis checks it.
      const maxFileSize = configuredMaxFileSize(folder);
      const settings = {
        exclude: excludeGlobs(folder).concat(extraExcludes(folder)),
        team: PREVIEW_TEAM,
        ...(maxFileSize === undefined ? {} : { maxFileSize }),
      };
      client.preview(settings).then(
        (previous) => {
          if (previous && !checked && this.client === client)
            this.publish({ ...this.complete(folder, PREVIEW_TEAM, previous), provisional: true });
        },
        () => undefined,
      );
    }
    try {
      const team = await teamSize(folder);
      const run = (
        progress: vscode.Progress<{ message?: string }>,
        token?: vscode.CancellationToken,
      ): Promise<ArchitectureAnalysis> => {
        token?.onCancellationRequested(() => client.cancel());
        const maxFileSize = configuredMaxFileSize(folder);
        const settings = {
          exclude: excludeGlobs(folder).concat(extraExcludes(folder)),
          team,
          ...(maxFileSize === undefined ? {} : { maxFileSize }),
        };
        return client.analyze(settings, (p) => progress.report({ message: p.message ?? p.phase }));
      };
      const title = `ArchLens: analysing ${folder.name}`;
      const inViews = <T>(task: () => Thenable<T>): Thenable<T> =>
        vscode.window.withProgress({ location: { viewId: 'archlens.architecture' } }, () =>
          vscode.window.withProgress({ location: { viewId: 'archlens.recommendations' } }, task),
        );
      const result = await inViews(() =>
        options.quiet
          ? vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (p) => run(p))
          : vscode.window.withProgress(
              { location: vscode.ProgressLocation.Notification, title, cancellable: true },
              (p, token) => run(p, token),
            ),
      );
      checked = true;
      return this.publish(this.complete(folder, team, result));
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      throw error;
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private complete(
    folder: vscode.WorkspaceFolder,
    team: AuthorCount,
    result: ArchitectureAnalysis,
  ): FolderAnalysis {
    return { folder, team, ...result };
  }

  private queue(uri: vscode.Uri, type: 'created' | 'changed' | 'deleted'): void {
    if (!this.latest || uri.scheme !== 'file') return;
    const root = toPosixPath(this.folder.uri.fsPath);
    const path = toPosixPath(uri.fsPath);
    if (!path.startsWith(root + '/')) return;
    const rel = path.slice(root.length + 1);
    if (/(^|\/)(node_modules|\.git)(\/|$)/.test(rel)) return;
    this.pendingChanges.set(rel, { type, path: rel });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WATCH_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    const analysis = this.latest;
    const client = this.client;
    if (!analysis || !client || this.pendingChanges.size === 0) return;
    const changes = [...this.pendingChanges.values()];
    this.pendingChanges = new Map();
    try {
      this.publish(this.complete(analysis.folder, analysis.team, await client.update(changes)));
    } catch (error) {
      if (!(error instanceof CancelledError)) {
        void vscode.window.showWarningMessage(
          `ArchLens could not update the analysis: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private publish(analysis: FolderAnalysis): FolderAnalysis {
    this.latest = analysis;
    this.changed.fire(analysis);
    return analysis;
  }
}

/** Commit authors from git, unless the workspace is untrusted or `archlens.git.enabled` is off. */
async function teamSize(folder: vscode.WorkspaceFolder): Promise<AuthorCount> {
  if (!vscode.workspace.isTrusted)
    return {
      known: false,
      reason: 'git is not run in an untrusted workspace (a repository can make git start programs)',
    };
  if (!vscode.workspace.getConfiguration('archlens', folder.uri).get<boolean>('git.enabled', true))
    return { known: false, reason: 'git is switched off (`archlens.git.enabled`)' };
  return countRecentAuthors(folder.uri.fsPath);
}

/** The globs of `archlens.exclude`. */
function extraExcludes(folder: vscode.WorkspaceFolder): string[] {
  const globs = vscode.workspace.getConfiguration('archlens', folder.uri).get<unknown>('exclude');
  return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g !== '') : [];
}

/** `archlens.maxFileSize` in bytes when the user set it (else archlens.config.json's or the default). */
function configuredMaxFileSize(folder: vscode.WorkspaceFolder): number | undefined {
  return maxFileSizeSetting(vscode.workspace.getConfiguration('archlens', folder.uri).inspect('maxFileSize'));
}
