/** How VS Code starts ArchLens's MCP server for one folder. No `vscode` here. */
export interface McpServerLaunch {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The stdio server of one workspace folder, started on the editor's own Node (`execPath`: in
 * desktop VS Code the Electron binary, which runs as Node with `ELECTRON_RUN_AS_NODE`), from the
 * CLI bundle the extension ships.
 */
export function mcpServerLaunch(
  folder: { readonly name: string; readonly fsPath: string },
  extensionPath: string,
  execPath: string,
  separator = '/',
): McpServerLaunch {
  const cli = [extensionPath.replace(/[\\/]+$/, ''), 'dist', 'cli.js'].join(separator);
  return {
    label: `ArchLens (${folder.name})`,
    command: execPath,
    args: [cli, 'mcp', folder.fsPath],
    cwd: folder.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
}
