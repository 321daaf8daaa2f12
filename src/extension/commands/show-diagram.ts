import * as vscode from 'vscode';
import { symbolsReader, violationMarks, type DiagramInput, type PlacedViolation } from '../../core/diagram';
import type { WorkspaceModel } from '../../core/model';
import { NodeFileSystem } from '../../node/node-file-system';
import { parseWebviewState, ViewId } from '../../shared/protocol';
import { DiagramPanel, type DiagramReport } from '../panel/diagram-panel';
import type { AnalysisSession } from '../session';
import { z } from 'zod';
import { DisposableStore } from '../util/dispose';

const NO_VIOLATIONS: readonly PlacedViolation[] = [];

/** The argument of `archlens.showDiagram`; anything else is ignored (the panel opens as is). */
const ShowDiagramArgs = z.object({
  view: ViewId.optional().catch(undefined),
  focus: z.string().max(4_000).optional().catch(undefined),
  direction: z.enum(['dependencies', 'dependents']).optional().catch(undefined),
  folder: z.string().max(4_000).optional().catch(undefined),
});

/**
 * `archlens.showDiagram [{ view?, focus?, direction?, folder? }]`: draws the workspace in the
 * diagram panel (in a multi-root workspace, the folder whose fsPath is `folder`, else the active
 * editor's folder); with `focus` (a node id such as `unit:apps/api`, a folder or file path relative to the
 * workspace folder, or a deployable's or module's name) in focus mode on that node, expanding
 * what holds it. Resolves with `{ svgLength, nodeCount, edgeCount, view, state, reason? }` once
 * the webview rendered it. Also registers the panel serializer so the diagram comes back after
 * a window reload. The imports `violationsOf` names for a folder (the boundary-rule violations
 * the Problems panel shows) are drawn as red edges.
 */
export function registerShowDiagramCommand(
  session: AnalysisSession,
  panel: DiagramPanel,
  violationsOf: (folder: vscode.WorkspaceFolder) => readonly PlacedViolation[] = () => NO_VIOLATIONS,
): vscode.Disposable {
  const store = new DisposableStore();
  const fileSystem = new NodeFileSystem();
  const inputs = new WeakMap<
    WorkspaceModel,
    { input: DiagramInput; violations: readonly PlacedViolation[] }
  >();
  // The folder the last showDiagram call asked for; refreshes keep drawing it.
  let pinnedFolder: string | undefined;
  const pinned = () => session.all.find((a) => a.folder.uri.fsPath === pinnedFolder);
  panel.setSource(async () => {
    let analysis = pinned() ?? session.current;
    if (!analysis) {
      const first = await session.analyze();
      analysis = pinned() ?? first;
    }
    if (!analysis) return undefined;
    const violations = violationsOf(analysis.folder);
    let cached = inputs.get(analysis.model);
    if (!cached || cached.violations !== violations) {
      cached = {
        input: {
          model: analysis.model,
          detection: analysis.detection,
          symbols: cached?.input.symbols ?? symbolsReader(fileSystem, analysis.model.root),
          violations: violationMarks(violations),
        },
        violations,
      };
      inputs.set(analysis.model, cached);
    }
    const input = cached.input;
    return { input, root: analysis.model.root, name: analysis.folder.name, folder: analysis.folder.uri };
  });
  store.add(
    vscode.commands.registerCommand(
      'archlens.showDiagram',
      async (options?: unknown): Promise<DiagramReport | undefined> => {
        const args = ShowDiagramArgs.safeParse(options ?? {});
        const view = args.success ? args.data.view : undefined;
        const focus = args.success ? args.data.focus?.trim() : undefined;
        pinnedFolder = args.success ? args.data.folder : undefined;
        try {
          if (focus)
            return await panel.showFocused({
              target: focus,
              ...(view ? { view } : {}),
              ...(args.success && args.data.direction ? { direction: args.data.direction } : {}),
            });
          return await panel.show(view);
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
