import * as vscode from 'vscode';
import { analyzeWorkspace, type WorkspaceModel } from '../core';
import { CancelledError } from '../core/ports';
import { NodeFileSystem } from '../node/node-file-system';
import { toPosixPath } from '../node/paths';

/** The analysis of one workspace folder, with the folder it belongs to. */
export interface FolderAnalysis {
  readonly folder: vscode.WorkspaceFolder;
  readonly model: WorkspaceModel;
}

/**
 * Runs the core on the open workspace folders and keeps the latest result. Owned by the
 * composition root; commands and views read from it.
 */
export class AnalysisSession {
  private readonly fileSystem = new NodeFileSystem();
  private latest: FolderAnalysis | undefined;

  get current(): FolderAnalysis | undefined {
    return this.latest;
  }

  /** Analyses the first file-system folder of the workspace, with a cancellable progress notification. */
  async analyze(): Promise<FolderAnalysis | undefined> {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    if (!folder) {
      void vscode.window.showInformationMessage('ArchLens: open a folder to analyse its architecture.');
      return undefined;
    }
    const root = toPosixPath(folder.uri.fsPath);
    try {
      const model = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `ArchLens: analysing ${folder.name}`, cancellable: true },
        async (progress, token) =>
          analyzeWorkspace(this.fileSystem, root, {
            signal: { get isCancellationRequested() { return token.isCancellationRequested; } },
            progress: { report: (p) => progress.report({ message: p.message ?? p.phase }) },
          }),
      );
      this.latest = { folder, model };
      return this.latest;
    } catch (error) {
      if (error instanceof CancelledError) return undefined;
      throw error;
    }
  }
}
