import * as vscode from 'vscode';
import type { ExtensionAnalysisCache } from './analysis-cache';
import { FolderSession, type AnalyzeOptions, type FolderAnalysis } from './folder-session';
import { DisposableStore } from './util/dispose';

export type { FolderAnalysis } from './folder-session';

/**
 * One {@link FolderSession} (with its own worker) per file-system workspace folder, kept in step
 * with the workspace's folders and the `archlens.*` settings. `current` is the analysis of the
 * active editor's folder, else of the first folder. Owned by the composition root.
 */
/**
 * The settings an analysis reads: a change to one re-analyses. Others (such as
 * `archlens.scaffold.preview`) take effect when next used, without cancelling a running update.
 */
const ANALYSIS_SETTINGS = [
  'archlens.exclude',
  'archlens.maxFileSize',
  'archlens.git.enabled',
  'files.exclude',
  'search.exclude',
] as const;

export class AnalysisSession implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = new vscode.EventEmitter<FolderAnalysis>();
  private readonly sessions = new Map<string, FolderSession>();
  private readonly foldersChanged = new vscode.EventEmitter<void>();
  private readonly rulesRechecked = new vscode.EventEmitter<FolderAnalysis>();
  private analysed = false;

  /** Fires after each analysis or update of any folder. */
  readonly onDidChange = this.changed.event;
  /** Fires when workspace folders were added or removed. */
  readonly onDidChangeFolders = this.foldersChanged.event;
  /** Fires when an update's boundary-rule violations came before its whole result (see `FolderSession`). */
  readonly onDidRecheckRules = this.rulesRechecked.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly cache?: ExtensionAnalysisCache,
  ) {
    this.disposables.add(this.changed);
    this.disposables.add(this.foldersChanged);
    this.disposables.add(this.rulesRechecked);
    this.disposables.add({ dispose: () => this.sessions.forEach((s) => s.dispose()) });
    this.syncFolders();
    this.disposables.add(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        const added = this.syncFolders();
        if (this.analysed) for (const s of added) void s.analyze({ quiet: true }).catch(() => undefined);
        this.foldersChanged.fire();
      }),
    );
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.analysed && ANALYSIS_SETTINGS.some((key) => e.affectsConfiguration(key)))
          void this.analyze({ quiet: true }).catch(() => undefined);
      }),
    );
  }

  /** The analysis of the active editor's folder, else of the first folder analysed. */
  get current(): FolderAnalysis | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = active && vscode.workspace.getWorkspaceFolder(active);
    return (folder && this.sessions.get(folder.uri.toString())?.current) ?? this.all[0];
  }

  /** Every folder's latest analysis, in workspace-folder order. */
  get all(): FolderAnalysis[] {
    return [...this.sessions.values()].flatMap((s) => (s.current ? [s.current] : []));
  }

  /** Whether any file-system folder is open. */
  get hasFolders(): boolean {
    return this.sessions.size > 0;
  }

  /**
   * Analyses every folder from scratch (in parallel, one worker each); resolves with
   * {@link current}. Without a folder, says so (unless `quiet`).
   */
  async analyze(options: AnalyzeOptions = {}): Promise<FolderAnalysis | undefined> {
    if (this.sessions.size === 0) {
      if (!options.quiet)
        void vscode.window.showInformationMessage('ArchLens: open a folder to analyse its architecture.');
      return undefined;
    }
    this.analysed = true;
    const results = await Promise.all([...this.sessions.values()].map((s) => s.analyze(options)));
    return this.current ?? results.find((r) => r !== undefined);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** Adds sessions for new folders and disposes those of removed ones; returns the new ones. */
  private syncFolders(): FolderSession[] {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const keep = new Set(folders.map((f) => f.uri.toString()));
    for (const [key, session] of this.sessions) {
      if (!keep.has(key)) {
        session.dispose();
        this.sessions.delete(key);
      }
    }
    const added: FolderSession[] = [];
    const ordered = new Map<string, FolderSession>();
    for (const folder of folders) {
      const key = folder.uri.toString();
      let session = this.sessions.get(key);
      if (!session) {
        session = new FolderSession(folder, this.extensionUri, this.cache);
        session.onDidChange((a) => this.changed.fire(a));
        session.onDidRecheckRules((a) => this.rulesRechecked.fire(a));
        added.push(session);
      }
      ordered.set(key, session);
    }
    this.sessions.clear();
    for (const [k, v] of ordered) this.sessions.set(k, v);
    return added;
  }
}
