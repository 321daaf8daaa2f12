import * as path from 'node:path';
import * as vscode from 'vscode';
import { mcpServerLaunch } from './mcp-launch';

/** The provider id package.json contributes under `mcpServerDefinitionProviders`. */
export const MCP_PROVIDER_ID = 'archlens.mcp';

/** Whether the running VS Code took the MCP server definitions, and why not. */
export type McpOffer = { readonly offered: true } | { readonly offered: false; readonly reason: string };

/** The parts of the MCP API (stable since VS Code 1.101) ArchLens uses; absent from the 1.100 typings. */
interface McpApi {
  registerMcpServerDefinitionProvider(
    id: string,
    provider: {
      readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
      provideMcpServerDefinitions(): unknown[];
    },
  ): vscode.Disposable;
}
type StdioDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string | number | null>,
  version?: string,
) => { cwd?: vscode.Uri };

/**
 * Offers `archlens mcp` for each workspace folder to VS Code's MCP support, when the running
 * VS Code has it; on older versions (or where the API is still a proposal) says why not.
 */
export function offerMcpServer(
  extensionUri: vscode.Uri,
  version: string,
): { readonly offer: McpOffer; readonly disposable: vscode.Disposable } {
  const lm = vscode.lm as unknown as Partial<McpApi>;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinitionClass })
    .McpStdioServerDefinition;
  if (typeof lm.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function')
    return {
      offer: {
        offered: false,
        reason: `VS Code ${vscode.version} has no MCP server definition API (it came in 1.101)`,
      },
      disposable: new vscode.Disposable(() => undefined),
    };
  const changed = new vscode.EventEmitter<void>();
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire());
  try {
    const registration = lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () =>
        (vscode.workspace.workspaceFolders ?? [])
          .filter((f) => f.uri.scheme === 'file')
          .map((f) => {
            const launch = mcpServerLaunch(
              { name: f.name, fsPath: f.uri.fsPath },
              extensionUri.fsPath,
              process.execPath,
              path.sep,
            );
            const definition = new Definition(
              launch.label,
              launch.command,
              [...launch.args],
              { ...launch.env },
              version,
            );
            definition.cwd = f.uri;
            return definition;
          }),
    });
    return { offer: { offered: true }, disposable: vscode.Disposable.from(registration, changed, folders) };
  } catch (error) {
    changed.dispose();
    folders.dispose();
    return {
      offer: {
        offered: false,
        reason: `VS Code ${vscode.version} refused the MCP server definitions: ${error instanceof Error ? error.message : String(error)}`,
      },
      disposable: new vscode.Disposable(() => undefined),
    };
  }
}
