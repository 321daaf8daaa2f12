// What the integration tests know of ArchLens from outside: its id, its command ids and the
// shape `archlens.showDiagram` resolves with (the webview's report once Mermaid rendered).
import * as vscode from 'vscode';

/** Marketplace id of the extension (`publisher.name`). */
export const EXTENSION_ID = 'archlens.archlens';

/** Commands every build must register. */
export const COMMANDS = { analyze: 'archlens.analyze', showDiagram: 'archlens.showDiagram' } as const;

/** What the webview reports back after rendering the diagram. */
export interface DiagramReport {
  svgLength: number;
  nodeCount: number;
  edgeCount: number;
}

/** The ArchLens extension, activated. Throws when it is not installed. */
export async function activateArchLens(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await extension.activate();
  return extension;
}

/** Narrows the value `archlens.showDiagram` resolved with. */
export function asDiagramReport(value: unknown): DiagramReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { svgLength, nodeCount, edgeCount } = value as Record<string, unknown>;
  if (typeof svgLength !== 'number' || typeof nodeCount !== 'number' || typeof edgeCount !== 'number') {
    return undefined;
  }
  return { svgLength, nodeCount, edgeCount };
}

/** The TypeScript sources of test/fixtures/workspaces/host-smoke, relative to its root. */
export const FIXTURE_FILES = [
  'api/orders-handler.ts',
  'domain/order-repository.ts',
  'domain/order.ts',
  'infra/memory-order-repository.ts',
  'main.ts',
] as const;

/** The single folder the host was opened on. */
export function fixtureFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the host was opened without a workspace folder');
  return folder;
}

/** A file of the fixture folder, by its workspace-relative path. */
export function fixtureUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(fixtureFolder().uri, ...rel.split('/'));
}

/** Whether a file of the fixture folder exists. */
export async function fixtureFileExists(rel: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(fixtureUri(rel));
    return true;
  } catch {
    return false;
  }
}
