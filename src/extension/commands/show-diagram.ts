import * as vscode from 'vscode';
import { symbolsReader, type DiagramInput } from '../../core/diagram';
import type { WorkspaceModel } from '../../core/model';
import { NodeFileSystem } from '../../node/node-file-system';
import { parseWebviewState, ViewId } from '../../shared/protocol';
import { DiagramPanel, type DiagramReport } from '../panel/diagram-panel';
import type { AnalysisSession } from '../session';
import { DisposableStore } from '../util/dispose';

/**
 * `archlens.showDiagram [{ view }]`: draws the workspace in the diagram panel; resolves with
 * `{ svgLength, nodeCount, edgeCount, view, reason? }` once the webview rendered it. Also
 * registers the panel serializer so the diagram comes back after a window reload.
 */
export function registerShowDiagramCommand(session: AnalysisSession, panel: DiagramPanel): vscode.Disposable {
  const store = new DisposableStore();
  const fileSystem = new NodeFileSystem();
  const inputs = new WeakMap<WorkspaceModel, DiagramInput>();
  panel.setSource(async () => {
    const analysis = session.current ?? (await session.analyze());
    if (!analysis) return undefined;
    let input = inputs.get(analysis.model);
    if (!input) {
      input = {
        model: analysis.model,
        detection: analysis.detection,
        symbols: symbolsReader(fileSystem, analysis.model.root),
      };
      inputs.set(analysis.model, input);
    }
    return { input, root: analysis.model.root, name: analysis.folder.name, folder: analysis.folder.uri };
  });
  store.add(
    vscode.commands.registerCommand(
      'archlens.showDiagram',
      async (options?: unknown): Promise<DiagramReport | undefined> => {
        const view = ViewId.safeParse((options as { view?: unknown } | undefined)?.view);
        try {
          return await panel.show(view.success ? view.data : undefined);
        } catch (error) {
          void vscode.window.showErrorMessage(
            `ArchLens: ${error instanceof Error ? error.message : String(error)}`,
          );
          return undefined;
        }
      },
    ),
  );
  store.add(
    vscode.window.registerWebviewPanelSerializer(DiagramPanel.viewType, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) =>
        panel.restore(webviewPanel, parseWebviewState(state)),
    }),
  );
  return store;
}
