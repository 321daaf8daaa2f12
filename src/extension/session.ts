import * as vscode from 'vscode';
import { CancelledError, type DetectionResult, type FileChange, type WorkspaceModel } from '../core';
import { AnalysisClient } from '../node/analysis-client';
import { countRecentAuthors, type AuthorCount } from '../node/git-authors';
import { toPosixPath } from '../node/paths';
import { DisposableStore } from './util/dispose';
import { excludeGlobs } from './util/exclude-settings';

/** The analysis of one workspace folder, with the folder it belongs to. */
export interface FolderAnalysis {
  readonly folder: vscode.WorkspaceFolder;
  readonly model: WorkspaceModel;
  readonly detection: DetectionResult;
  /** The team-size signal: commit authors from git, or why it is unknown. */
  readonly team: AuthorCount;
}

const WATCH_DEBOUNCE_MS = 400;

/**
 * Runs the core (in a worker thread) on the first file-system folder of the workspace, keeps
 * the latest result current as files change, and tells listeners. Owned by the composition root.
 */
export class AnalysisSession implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = new vscode.EventEmitter<FolderAnalysis>();
  private client: AnalysisClient | undefined;
  private latest: FolderAnalysis | undefined;
  private pendingChanges = new Map<string, FileChange>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Fires after each analysis or update. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.add(this.changed);
    const watcher = this.disposables.add(vscode.workspace.createFileSystemWatcher('**/*'));
    this.disposables.add(watcher.onDidCreate((uri) => this.queue(uri, 'created')));
    this.disposables.add(watcher.onDidChange((uri) => this.queue(uri, 'changed')));
    this.disposables.add(watcher.onDidDelete((uri) => this.queue(uri, 'deleted')));
    this.disposables.add({ dispose: () => this.client?.dispose() });
    this.disposables.add({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  get current(): FolderAnalysis | undefined {
    return this.latest;
  }

  /**
   * Analyses from scratch, with a cancellable progress notification (or, when `quiet`, a
   * progress indicator in the status bar, as on startup).
   */
  async analyze(options: { readonly quiet?: boolean } = {}): Promise<FolderAnalysis | undefined> {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    if (!folder) {
      if (!options.quiet)
        void vscode.window.showInformationMessage('ArchLens: open a folder to analyse its architecture.');
      return undefined;
    }
    this.client?.dispose();
    const client = new AnalysisClient(
      vscode.Uri.joinPath(this.extensionUri, 'dist', 'analysis-worker.js').fsPath,
      toPosixPath(folder.uri.fsPath),
    );
    this.client = client;
    this.pendingChanges.clear();
    try {
      const team: AuthorCount = vscode.workspace.isTrusted
        ? await countRecentAuthors(folder.uri.fsPath)
        : {
            known: false,
            reason: 'git is not run in an untrusted workspace (a repository can make git start programs)',
          };
      const result = await vscode.window.withProgress(
        {
          location: options.quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification,
          title: `ArchLens: analysing ${folder.name}`,
          cancellable: !options.quiet,
        },
        (progress, token) => {
          token.onCancellationRequested(() => client.cancel());
          const authors = team.known ? team.authors : undefined;
          return client.analyze(excludeGlobs(folder), authors, (p) =>
            progress.report({ message: p.message ?? p.phase }),
          );
        },
      );
      return this.publish({ folder, team, ...result });
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      throw error;
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private queue(uri: vscode.Uri, type: 'created' | 'changed' | 'deleted'): void {
    const analysis = this.latest;
    if (!analysis || uri.scheme !== 'file') return;
    const root = toPosixPath(analysis.folder.uri.fsPath);
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
      this.publish({ folder: analysis.folder, team: analysis.team, ...(await client.update(changes)) });
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
