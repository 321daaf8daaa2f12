import type * as vscode from 'vscode';

/** Where the analysis worker keeps its cache: the folder VS Code gives this workspace, and for which version. */
export interface ExtensionAnalysisCache {
  readonly dir: string;
  readonly version: string;
}

/**
 * The extension's workspace storage (`context.storageUri`, VS Code's own folder for this
 * workspace, never inside it) as the analysis cache; none in an empty window or a storage that
 * is not on disk. One folder serves every root of a multi-root workspace: each root has its own
 * file there.
 */
export function extensionAnalysisCache(context: vscode.ExtensionContext): ExtensionAnalysisCache | undefined {
  const storage = context.storageUri;
  if (storage?.scheme !== 'file') return undefined;
  const json: unknown = context.extension.packageJSON;
  const version =
    typeof json === 'object' && json !== null && typeof (json as { version?: unknown }).version === 'string'
      ? (json as { version: string }).version
      : 'dev';
  return { dir: storage.fsPath, version };
}
