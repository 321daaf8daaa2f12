import * as vscode from 'vscode';

/** The user's `files.exclude` and `search.exclude` globs that are switched on, for the scan. */
export function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const globs = new Set<string>();
  for (const section of ['files', 'search']) {
    const map =
      vscode.workspace.getConfiguration(section, folder.uri).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, enabled] of Object.entries(map)) if (enabled === true) globs.add(glob);
  }
  return [...globs].sort();
}
